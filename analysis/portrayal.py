"""How each actor is portrayed (ABOUT) and what tone its own words carry (BY).

ABOUT scores every mention of an actor (pronouns and role nouns included) with the target
sentiment of the text toward that span; BY scores the content attributed to the actor as a speaker
with VADER. Both are summarised the same way: mean score, shares of the three labels, the number
of scored items and a percentile bootstrap 95% interval of the mean (seeded per actor and role, so
tables are reproducible and independent of row order). Few mentions give wide intervals; one gives
none.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from analysis.actors import actor_mentions, find_actors
from analysis.article import Article, as_article, frame, strings

COLUMNS = [
    "actor",
    "kind",
    "role",
    "n",
    "mean_score",
    "ci_low",
    "ci_high",
    "share_negative",
    "share_neutral",
    "share_positive",
]
ROLES = ("about", "by")
LABELS = ("negative", "neutral", "positive")
N_BOOT = 1000
SEED = 2024
ConfigArg = str | os.PathLike[str] | dict | None


def _frame(rows: list[tuple], columns: list[str], ints: tuple[str, ...]) -> pd.DataFrame:
    """A DataFrame from row tuples with integer columns typed up front (``astype`` afterwards
    costs more than building the table)."""
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    data = {
        name: np.array(col, dtype="int64") if name in ints else list(col)
        for name, col in zip(columns, values, strict=True)
    }
    return pd.DataFrame(data, columns=columns)


@lru_cache(maxsize=32)
def _resample_indices(n: int, n_boot: int, seed: int) -> np.ndarray:
    """(n_boot, n) indices for resampling n items with replacement, drawn once per size: every
    table with the same n reuses them, so the intervals are reproducible and cost a gather."""
    rng = np.random.default_rng([seed, n])
    indices = rng.integers(0, n, size=(n_boot, n), dtype=np.int32)
    indices.flags.writeable = False
    return indices


_CACHED_COLUMNS_UP_TO = 256
_DRAWS_BUDGET = 8_000_000  # float64 values of resampled draws held at once


@lru_cache(maxsize=32)
def _resample_columns(n: int, n_boot: int, seed: int) -> np.ndarray:
    """:func:`_resample_indices` transposed to (n, n_boot), as native-size ints: one ``take``
    then lays out the k-th draw of every resample of every group contiguously.

    Left writeable, unlike the other shared arrays, though only ever read: ``ndarray.take``
    asks for writeable indices and copies read-only ones before every gather (n × n_boot
    values, often more than the draws' own arithmetic)."""
    return np.ascontiguousarray(_resample_indices(n, n_boot, seed).T, dtype=np.intp)


def bootstrap_ci(
    scores: np.ndarray | list[float], *, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean; (nan, nan) with fewer than two scores."""
    values = np.asarray(scores, dtype=float)
    if values.size < 2:
        return float("nan"), float("nan")
    low, high = _bootstrap_rows(values[None, :], seed=seed, n_boot=n_boot, level=level)[0]
    return float(low), float(high)


def _bootstrap_rows(
    rows: np.ndarray, *, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95
) -> np.ndarray:
    """:func:`bootstrap_ci` of each row of a (groups, n) matrix at once."""
    return _bootstrap_sizes([rows], seed=seed, n_boot=n_boot, level=level)[0]


def _bootstrap_sizes(
    matrices: list[np.ndarray], *, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95
) -> list[np.ndarray]:
    """:func:`bootstrap_ci` of every row of several (groups, n) matrices, one per size n: the
    groups of a size share its resampling indices (one gather), and one sort serves all.

    The numbers are those of ``values[indices].mean(axis=1)`` and ``np.quantile`` group by
    group, computed more cheaply: numpy's reduction over a short row costs ~30 ns a row, and
    ``np.quantile`` ~100 µs a call, several times the arithmetic (tests/test_actor_sentiment.py
    checks the equality).
    """
    bounds = np.array(_bootstrap_summary(matrices, seed=seed, n_boot=n_boot, level=level)[0])
    out, first = [], 0
    for rows in matrices:  # np.split's Python wrapper costs more than these slices
        out.append(bounds[first : first + rows.shape[0]])
        first += rows.shape[0]
    return out


def _bootstrap_summary(
    matrices: list[np.ndarray], *, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95
) -> tuple[list[tuple[float, float]], np.ndarray]:
    """:func:`_bootstrap_sizes`' intervals of all groups, as (low, high) Python floats, and each
    group's mean (as ``ndarray.mean``): a few NumPy calls per size, one sort for all."""
    tail = (1 - level) / 2
    means, lows, highs = [], [], []
    for rows in matrices:
        n = rows.shape[1]
        # ufunc reductions: ndarray.min/max/mean without their Python wrappers
        lows.append(np.minimum.reduce(rows, axis=1))
        highs.append(np.maximum.reduce(rows, axis=1))
        means.append(np.add.reduce(rows, axis=1) / n)
    low, high = _joined(lows).tolist(), _joined(highs).tolist()
    if any(map(math.isnan, low)):  # NaN sorts last: numpy's own semantics (a NaN row's min)
        q = np.array([tail, 1 - tail])
        bounds = np.concatenate([_bootstrap_numpy(rows, seed, n_boot, q) for rows in matrices])
        return [(a, b) for a, b in bounds.tolist()], _joined(means)
    # every group's resample means, written in place size by size (neither a fresh array per
    # size nor their concatenation: first writes to fresh memory are cache misses)
    draw_means = np.empty((len(low), n_boot))
    done = 0
    for rows in matrices:
        n = rows.shape[1]
        if n <= _CACHED_COLUMNS_UP_TO:
            columns = _resample_columns(n, n_boot, seed)
        else:  # a large n: a second cached copy of the indices would double their memory
            columns = np.ascontiguousarray(_resample_indices(n, n_boot, seed).T, dtype=np.intp)
        # a few groups at a time, so that the draws stay within ~64 MB however large n is
        step = max(1, _DRAWS_BUDGET // (n * n_boot))
        for first in range(0, rows.shape[0], step):
            # (groups, n, n_boot); the indices are in range, and "wrap" skips numpy's check
            draws = rows[first : first + step].take(columns, axis=1, mode="wrap")
            stop = done + draws.shape[0]
            chunk = draw_means[done:stop]  # (groups, n_boot)
            np.divide(_draw_sums(draws, out=chunk), n, out=chunk)
            done = stop
    bounds = _clipped_quantiles(draw_means, (tail, 1 - tail), low, high)  # ours
    return bounds, _joined(means)


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    """``np.concatenate(arrays)``, or the one array itself (fresh, and only read): most
    tables have one bootstrap size, and a concatenation of one is a copy."""
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def _draw_sums(draws: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Each resample's sum (axis 1 of (groups, n, n_boot) draws), in numpy's order for a row.
    The draws are the caller's scratch: a long row's running sums are added in their place;
    a short row's go to ``out`` when given (a (groups, n_boot) array)."""
    if draws.shape[1] < 8:
        # one left-to-right pass, as numpy sums a short row; −0.0 is the exact additive identity
        return np.add.reduce(draws, axis=1, initial=-0.0, out=out)
    return _pairwise_sum(draws.transpose(1, 0, 2), consume=True)


def _bootstrap_numpy(rows: np.ndarray, seed: int, n_boot: int, q: np.ndarray) -> np.ndarray:
    means = rows[:, _resample_indices(rows.shape[1], n_boot, seed)].mean(axis=2)
    bounds = np.quantile(means, q, axis=1).T
    return np.clip(bounds, rows.min(axis=1)[:, None], rows.max(axis=1)[:, None])


def _pairwise_sum(draws: np.ndarray, *, consume: bool = False) -> np.ndarray:
    """Sum over the first axis, adding in exactly the order of numpy's pairwise summation
    (``np.add.reduce`` along a row: sequential below 8 items, eight running sums up to 128,
    halves beyond), so every mean is bit-identical to ``values[indices].mean(axis=1)``.

    With ``consume`` the draws are scratch: every partial sum is written over the first of
    its operands instead of into a fresh array (the same additions; the result is a view of
    the draws). Fresh memory is what a bootstrap's sums miss the cache on: its first write to
    each line."""

    def add(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.add(x, y, out=x if consume else None)

    n = draws.shape[0]
    if n < 8:
        total = draws[0] if consume else draws[0].copy()
        for i in range(1, n):
            total += draws[i]
        return total
    if n <= 128:
        stop = n - n % 8
        # the eight running sums start as the first two blocks' sum (no copy of the first)
        acc = draws[0:8] if stop == 8 else add(draws[0:8], draws[8:16])
        for i in range(16, stop, 8):
            acc += draws[i : i + 8]
        total = add(
            add(add(acc[0], acc[1]), add(acc[2], acc[3])),
            add(add(acc[4], acc[5]), add(acc[6], acc[7])),
        )
        for i in range(stop, n):
            total += draws[i]
        return total
    half = n // 2
    half -= half % 8
    return add(
        _pairwise_sum(draws[:half], consume=consume), _pairwise_sum(draws[half:], consume=consume)
    )


def _clipped_quantiles(
    sample: np.ndarray, q: tuple[float, ...], lows: list[float], highs: list[float]
) -> list[tuple[float, ...]]:
    """``np.clip(np.quantile(sample, q, axis=1).T, lows, highs)`` (the default "linear"
    method; each row clipped to its own bounds) for NaN-free rows, as Python floats.

    The rows are sorted in place (``sample`` is an array the caller no longer needs; numpy
    sorts a row of a thousand floats with SIMD, four times faster than it partitions it at
    four points, as ``np.quantile`` does), the order statistics around every quantile come
    in one gather, and numpy's interpolation and clip run on them in Python: the same float
    operations and comparisons, without a dozen NumPy calls on a handful of numbers.
    A zero quantile where a bound is zero goes through ``np.clip`` itself: which of two
    equal zeros (0.0, −0.0) numpy keeps depends on its loop, hence on the array's layout."""
    below, above, gamma, upper = _quantile_plan(sample.shape[1], q)
    sample.sort(axis=1)
    k = len(q)
    stats = sample.take(np.concatenate((below, above)), axis=1).tolist()
    plan = list(zip(range(k), gamma.tolist(), upper.tolist(), strict=True))
    quantiles, out, ties = [], [], False
    for row, low, high in zip(stats, lows, highs, strict=True):
        values, bounds = [], []
        for j, g, up in plan:
            a, b = row[j], row[k + j]
            diff = b - a
            x = b - diff * (1 - g) if up else a + diff * g
            values.append(x)
            x = low if x < low else x
            if x == 0.0 and (low == 0.0 or high == 0.0):
                ties = True
            bounds.append(high if x > high else x)
        quantiles.append(values)
        out.append(tuple(bounds))
    if ties:  # laid out as np.quantile's gathers leave them (column-major): the same loop
        array = np.asfortranarray(np.array(quantiles))
        clipped = np.clip(array, np.array(lows)[:, None], np.array(highs)[:, None])
        return [tuple(row) for row in clipped.tolist()]
    return out


@lru_cache(maxsize=256)  # one key per bootstrap size and level
def _quantile_plan(
    count: int, q: tuple[float, ...]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What :func:`_clipped_quantiles` needs of ``count`` and ``q`` alone (the same for every
    call with one bootstrap size): order statistics below and above each quantile, the
    interpolation weights, and which quantiles interpolate from above.
    The arrays are shared: read-only."""
    virtual = (count - 1) * np.array(q)
    below = np.clip(np.floor(virtual).astype(np.intp), 0, count - 1)
    above = np.minimum(below + 1, count - 1)
    gamma = virtual - below
    plan = (below, above, gamma, gamma >= 0.5)
    for array in plan:
        array.flags.writeable = False
    return plan


def _tails_are_constant(n: int, n_boot: int, seed: int, level: float) -> bool:
    """Whether both bounds of n scores' interval come from the resamples that repeat one score.

    Rounded addition and division never decrease when an operand grows, so the lowest draw
    mean is that of the lowest score repeated n times, and the highest that of the highest.
    When every such resample is drawn more often than a quantile's order statistics lie from
    its end of the sorted draws, both order statistics are that one mean.
    """
    indices = _resample_indices(n, n_boot, seed)
    repeated = indices[(indices == indices[:, :1]).all(axis=1), 0]
    fewest = int(np.bincount(repeated, minlength=n).min())
    tail = (1 - level) / 2
    below, above = _quantile_plan(n_boot, (tail, 1 - tail))[:2]
    return int(above[0]) < fewest and int(below[1]) >= n_boot - fewest


@cache
def _constant_tail_sizes() -> frozenset[int]:
    """The group sizes whose default interval :func:`_constant_tail_summary` gives: 2 and 3
    (a resample repeats one of three scores about 37 times in 1000; of four, about 4)."""
    return frozenset(n for n in (2, 3, 4) if _tails_are_constant(n, N_BOOT, SEED, 0.95))


def _exact_shortcut(values: list[float]) -> bool:
    """Whether :func:`_constant_tail_summary` gives the draws' numbers exactly: not with a NaN
    (numpy's own path) nor a negative zero (equal to 0.0, its sign would depend on where
    numpy's sort puts it)."""
    return not any(v != v or (v == 0 and math.copysign(1.0, v) < 0) for v in values)


def _constant_tail_summary(values: list[float]) -> tuple[float, float, float]:
    """(mean, ci_low, ci_high) of a group of a :func:`_constant_tail_sizes` size, the numbers
    of :func:`_bootstrap_summary` (tests check the equality) without drawing: the lowest and
    highest scores' repeated means, clipped to the scores' range as there."""
    n = len(values)
    low = high = values[0]
    for value in values[1:]:  # as np.minimum and np.maximum compare
        low = low if low < value else value
        high = high if high > value else value
    bounds = []
    for score in (low, high):
        q = sum([score] * n, -0.0) / n  # the resample's sum, left to right as numpy's
        q = low if q < low else q  # as np.clip compares (a bound equal to q leaves q)
        bounds.append(high if q > high else q)
    return sum(values, -0.0) / n, bounds[0], bounds[1]


def summarise_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per (actor, role) from scored items (columns actor, kind, role, score, label), in
    order of first appearance."""
    items = zip(
        scores["actor"].tolist(),
        scores["kind"].tolist(),
        scores["role"].tolist(),
        scores["score"].tolist(),
        scores["label"].tolist(),
        strict=True,
    )
    return _frame(_summary_rows(items), COLUMNS, ints=("n",))


def _summary_rows(items: Iterable[tuple]) -> list[tuple]:
    """Summary rows from (actor, kind, role, score, label) items. Plain Python grouping (pandas
    groupby costs more per group than the whole detection); the bootstrap runs once per group
    size over all groups of that size."""
    groups: dict[tuple[str, str], list] = {}
    for actor, kind, role, score, label in items:
        entry = groups.get((actor, role))
        if entry is None:
            entry = groups[actor, role] = [kind, [], []]
        entry[1].append(score)
        entry[2].append(label)
    entries = list(groups.values())
    means: list[float] = [0.0] * len(entries)
    intervals: list[tuple[float, float]] = [(math.nan, math.nan)] * len(entries)
    by_size: dict[int, list[int]] = {}
    tail_sizes = _constant_tail_sizes()  # a cached call, made once
    for i, (_, values, _) in enumerate(entries):
        n = len(values)
        if n == 1:
            means[i] = float(values[0])
        elif n in tail_sizes and _exact_shortcut(values):
            mean, low, high = _constant_tail_summary(values)
            means[i], intervals[i] = mean, (low, high)
        else:
            by_size.setdefault(n, []).append(i)
    matrices = [
        np.array([entries[i][1] for i in members], dtype=float) for members in by_size.values()
    ]
    if matrices:
        bounds, row_means = _bootstrap_summary(matrices)
        members = [i for group in by_size.values() for i in group]
        for i, mean, interval in zip(members, row_means.tolist(), bounds, strict=True):
            means[i] = mean
            intervals[i] = interval
    rows = []
    # the shares of LABELS' three labels, without a comprehension's frame per group
    negative, neutral, positive = LABELS
    for (actor, role), (kind, values, labels), mean, (low, high) in zip(
        groups, entries, means, intervals, strict=True
    ):
        n = len(values)
        shares = (labels.count(negative) / n, labels.count(neutral) / n, labels.count(positive) / n)
        rows.append((actor, kind, role, n, mean, low, high, *shares))
    return rows


ABOUT_COLUMNS = [
    "actor",
    "kind",
    "role",
    "start",
    "end",
    "text",
    "sentence_id",
    "linked_by",
    "score",
    "label",
]
BY_COLUMNS = ["actor", "kind", "role", "content_start", "content_end", "score", "label"]


def _about_rows(article: Article, mentions: pd.DataFrame) -> list[tuple]:
    """ABOUT rows (as :data:`ABOUT_COLUMNS`) for each mention.

    ``target_sentiments`` splits each line and parses each sentence once for all mentions;
    ``target_sentiment`` per mention re-parsed the sentence (and re-split the line) every time.
    """
    from analysis.targeted import target_sentiments

    columns = ["actor", "kind", "start", "end", "text", "sentence_id", "linked_by"]
    values = [mentions[c].tolist() for c in columns]
    results = target_sentiments(article.text, zip(values[2], values[3], strict=True))
    return [
        (actor, kind, "about", start, end, text, sentence_id, linked_by, float(r.score), r.label)
        for actor, kind, start, end, text, sentence_id, linked_by, r in zip(
            *values, results, strict=True
        )
    ]


def about_scores(article: Article, mentions: pd.DataFrame) -> pd.DataFrame:
    """Target sentiment of the text toward each mention (one row per mention)."""
    rows = _about_rows(article, mentions)
    return _frame(rows, ABOUT_COLUMNS, ints=("start", "end", "sentence_id"))


def _by_rows(article: Article, attributions: pd.DataFrame, actors: pd.DataFrame) -> list[tuple]:
    """BY rows (as :data:`BY_COLUMNS`) for each attribution with a speaker."""
    from analysis.sentiment import label_compound, polarity

    kinds = dict(zip(actors["actor"].tolist(), actors["kind"].tolist(), strict=True))
    text = article.text
    rows = []
    for speaker, spans, c_start, c_end in zip(
        attributions["speaker"].tolist(),
        attributions["content_spans"].tolist(),
        attributions["content_start"].tolist(),
        attributions["content_end"].tolist(),
        strict=True,
    ):
        if speaker is None or pd.isna(speaker) or not str(speaker).strip():
            continue
        compound = polarity(" ".join(text[s:e] for s, e in spans))[0]
        name = str(speaker)
        rows.append(
            (
                name,
                kinds.get(name, pd.NA),
                "by",
                int(c_start),
                int(c_end),
                float(compound),
                label_compound(compound),
            )
        )
    return rows


def by_scores(article: Article, attributions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """VADER compound of the content each speaker is credited with (one row per attribution).

    Speakers that are detected actors take the actor's kind; other sources ("his nominee for NATO
    ambassador") keep their text as the name and have no kind.
    """
    rows = _by_rows(article, attributions, actors)
    return pd.DataFrame([dict(zip(BY_COLUMNS, r, strict=True)) for r in rows], columns=BY_COLUMNS)


def empty_table() -> pd.DataFrame:
    """The :func:`actor_sentiment` table with no rows, typed as a filled one would be."""
    dtypes = {"actor": "str", "kind": "str", "role": "str", "n": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "float64")) for c in COLUMNS})


def actor_sentiment(text_or_article: str | Article, *, config: ConfigArg = None) -> pd.DataFrame:
    """One row per actor and role ("about", "by"): n, mean_score, bootstrap 95% interval
    (ci_low, ci_high; NaN when n < 2) and the shares of negative / neutral / positive items.

    Rows are ordered by the actor table (most mentioned first), ABOUT before BY; speakers that are
    not detected actors follow.
    """
    from analysis.attribution import find_attributions

    article = as_article(text_or_article)
    mentions = actor_mentions(article, config=config)
    actors = find_actors(article, config=config)
    attributions = find_attributions(article, mentions=mentions)
    return actor_sentiment_from(article, mentions, actors, attributions)


_COLUMN_INDEX = pd.Index(COLUMNS)


def actor_sentiment_from(
    article: Article, mentions: pd.DataFrame, actors: pd.DataFrame, attributions: pd.DataFrame
) -> pd.DataFrame:
    """:func:`actor_sentiment` from tables already computed for the article (its mentions,
    actors and attributions), as :func:`analysis.analyze` has them: nothing is detected twice."""
    mention_rows = list(
        zip(
            mentions["actor"].tolist(),
            mentions["kind"].tolist(),
            mentions["start"].tolist(),
            mentions["end"].tolist(),
            strict=True,
        )
    )
    actor_rows = list(zip(actors["actor"].tolist(), actors["kind"].tolist(), strict=True))
    return sentiment_table(article, mention_rows, actor_rows, attributions)


def _text_list(column: pd.Series | pd.api.extensions.ExtensionArray | np.ndarray) -> list:
    """A text column's values (str, missing as None or NaN), from the Series or its stored
    values: through Arrow when pandas stores the strings there, as ``Series.tolist`` converts
    them one by one at several times the cost."""
    values = column.array if isinstance(column, pd.Series) else column
    if isinstance(values, ArrowStringArray):
        return pa.array(values).to_pylist()
    return values.tolist()


def _column_values(table: pd.DataFrame, name: str) -> pd.api.extensions.ExtensionArray | np.ndarray:
    """A column's stored values, only to be read: ``table[name]`` builds a Series around them
    (about 100 thousand instructions a column, as much as reading a short column itself), so
    they come from pandas' own column accessor, the one its reductions use; through the
    Series when that accessor is missing or the name is not one column."""
    loc = table.columns.get_loc(name)
    get = getattr(table, "_get_column_array", None)
    if type(loc) is not int or get is None:
        return table[name].array
    return get(loc)


def sentiment_table(
    article: Article,
    mention_rows: Sequence[tuple],
    actor_rows: Sequence[tuple],
    attributions: pd.DataFrame,
) -> pd.DataFrame:
    """The :func:`actor_sentiment` table from plain rows: mentions as tuples that start
    (actor, kind, start, end), actors (most mentioned first) as tuples that start (actor, kind),
    as :mod:`analysis.actors` detects them, and the attribution table."""
    from analysis.sentiment import label_compound, polarity
    from analysis.targeted import _target_scores

    text = article.text
    results = _target_scores(text, [(r[2], r[3]) for r in mention_rows])
    items = [
        (r[0], r[1], "about", score, label)  # the scores are Python floats
        for r, (score, label) in zip(mention_rows, results, strict=True)
    ]
    kinds = {r[0]: r[1] for r in actor_rows}
    for speaker, spans in zip(
        _text_list(_column_values(attributions, "speaker")),
        _column_values(attributions, "content_spans").tolist(),
        strict=True,
    ):
        if not isinstance(speaker, str) and (speaker is None or pd.isna(speaker)):
            continue
        if not str(speaker).strip():
            continue
        # one fragment (most contents): its text, without a generator and a join
        content = (
            text[spans[0][0] : spans[0][1]]
            if len(spans) == 1
            else " ".join([text[s:e] for s, e in spans])
        )
        compound = float(polarity(content)[0])
        name = str(speaker)
        items.append((name, kinds.get(name, pd.NA), "by", compound, label_compound(compound)))
    if not items:  # no actor and no speaker
        return empty_table()
    rows = _summary_rows(items)
    order = {r[0]: i for i, r in enumerate(actor_rows)}
    last = len(order)
    rows.sort(key=lambda r: (order.get(r[0], last), ROLES.index(r[2])))
    kind_values = [r[1] for r in rows]
    missing = [
        k is None or k is pd.NA or (isinstance(k, float) and math.isnan(k)) for k in kind_values
    ]
    columns = list(zip(*rows, strict=True))
    numbers = np.array(columns[4:], dtype="float64")  # the six float columns: one array
    # actors, roles and kinds as one string array, sliced: a slice costs less than a second
    # array
    n = len(rows)
    if all(missing):  # pandas infers object for a column of NA only, as the table had
        texts = strings([*columns[0], *columns[2]])
        kind = np.array([pd.NA] * n, dtype=object)
    else:
        kinds = [None if m else k for k, m in zip(kind_values, missing, strict=True)]
        texts = strings([*columns[0], *columns[2], *kinds])
        kind = texts[2 * n :]
    return frame(
        _COLUMN_INDEX,
        [
            texts[:n],
            kind,
            texts[n : 2 * n],
            np.array(columns[3], dtype="int64"),
            *numbers,
        ],
    )


def mention_timeline(text_or_article: str | Article, *, config: ConfigArg = None) -> pd.DataFrame:
    """Actor × sentence: mentions per sentence, for a timeline of who appears where.

    Columns: actor, kind, sentence_id, position (sentence_id / (n_sentences − 1), 0 = first
    sentence, 1 = last), n_mentions, n_pronoun (how many of them are pronouns), actor_rank (0 =
    most mentioned actor).
    """
    article = as_article(text_or_article)
    mentions = actor_mentions(article, config=config)
    ranks = {a: i for i, a in enumerate(find_actors(article, config=config)["actor"])}
    span = max(len(article.sentences) - 1, 1)
    cells: dict[tuple[str, int], list] = {}
    for actor, kind, sentence_id, linked_by in zip(
        mentions["actor"].tolist(),
        mentions["kind"].tolist(),
        mentions["sentence_id"].tolist(),
        mentions["linked_by"].tolist(),
        strict=True,
    ):
        cell = cells.setdefault((actor, int(sentence_id)), [kind, 0, 0])
        cell[1] += 1
        cell[2] += linked_by == "pronoun"
    rows = sorted(
        (
            (actor, kind, sid, sid / span, n, n_pronoun, ranks[actor])
            for (actor, sid), (kind, n, n_pronoun) in cells.items()
        ),
        key=lambda r: (r[6], r[2]),
    )
    columns = ["actor", "kind", "sentence_id", "position", "n_mentions", "n_pronoun", "actor_rank"]
    return _frame(rows, columns, ints=("sentence_id", "n_mentions", "n_pronoun", "actor_rank"))


def co_mentions(text_or_article: str | Article, *, config: ConfigArg = None) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence (long form, both orders and the diagonal).

    Columns: actor_a, actor_b, n_sentences (sentences mentioning both; on the diagonal, sentences
    mentioning the actor at all). Actors follow the actor table's order.
    """
    article = as_article(text_or_article)
    mentions = actor_mentions(article, config=config)
    names = list(find_actors(article, config=config)["actor"])
    per_sentence: dict[int, set[str]] = {}
    for actor, sentence_id in zip(
        mentions["actor"].tolist(), mentions["sentence_id"].tolist(), strict=True
    ):
        per_sentence.setdefault(int(sentence_id), set()).add(actor)
    counts: Counter[tuple[str, str]] = Counter()
    for present in per_sentence.values():
        counts.update((a, b) for a in present for b in present)
    rows = [(a, b, counts[a, b]) for a in names for b in names]
    return _frame(rows, ["actor_a", "actor_b", "n_sentences"], ints=("n_sentences",))

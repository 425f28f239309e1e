"""How each actor is portrayed (ABOUT) and what tone its own words carry (BY).

ABOUT scores every mention of an actor (pronouns and role nouns included) with the target
sentiment of the text toward that span; BY scores the content attributed to the actor as a speaker
with VADER. Both are summarised the same way: mean score, shares of the three labels, the number
of scored items and a percentile bootstrap 95% interval of the mean (seeded per actor and role, so
tables are reproducible and independent of row order). Few mentions give wide intervals; one gives
none.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.actors import actor_mentions, find_actors
from analysis.article import Article, as_article

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


def bootstrap_ci(
    scores: np.ndarray | list[float], *, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean; (nan, nan) with fewer than two scores."""
    values = np.asarray(scores, dtype=float)
    if values.size < 2:
        return float("nan"), float("nan")
    means = values[_resample_indices(values.size, n_boot, seed)].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.clip(np.quantile(means, [tail, 1 - tail]), values.min(), values.max())
    return float(low), float(high)


def summarise_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per (actor, role) from scored items (columns actor, kind, role, score, label), in
    order of first appearance. Plain Python grouping: pandas groupby costs more per group than the
    whole detection."""
    groups: dict[tuple[str, str], list] = {}
    for actor, kind, role, score, label in zip(
        scores["actor"].tolist(),
        scores["kind"].tolist(),
        scores["role"].tolist(),
        scores["score"].tolist(),
        scores["label"].tolist(),
        strict=True,
    ):
        entry = groups.setdefault((actor, role), [kind, [], Counter()])
        entry[1].append(score)
        entry[2][label] += 1
    rows = []
    for (actor, role), (kind, values, labels) in groups.items():
        n = len(values)
        low, high = bootstrap_ci(values)
        shares = [labels[lab] / n for lab in LABELS]
        rows.append((actor, kind, role, n, float(np.mean(values)), low, high, *shares))
    return _frame(rows, COLUMNS, ints=("n",))


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


def about_scores(article: Article, mentions: pd.DataFrame) -> pd.DataFrame:
    """Target sentiment of the text toward each mention (one row per mention).

    ``target_sentiments`` splits each line and parses each sentence once for all mentions;
    ``target_sentiment`` per mention re-parsed the sentence (and re-split the line) every time.
    """
    from analysis.targeted import target_sentiments

    columns = ["actor", "kind", "start", "end", "text", "sentence_id", "linked_by"]
    values = [mentions[c].tolist() for c in columns]
    results = target_sentiments(article.text, zip(values[2], values[3], strict=True))
    rows = [
        (actor, kind, "about", start, end, text, sentence_id, linked_by, float(r.score), r.label)
        for actor, kind, start, end, text, sentence_id, linked_by, r in zip(
            *values, results, strict=True
        )
    ]
    return _frame(rows, ABOUT_COLUMNS, ints=("start", "end", "sentence_id"))


def by_scores(article: Article, attributions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """VADER compound of the content each speaker is credited with (one row per attribution).

    Speakers that are detected actors take the actor's kind; other sources ("his nominee for NATO
    ambassador") keep their text as the name and have no kind.
    """
    from analysis.sentiment import label_compound, polarity

    kinds = dict(zip(actors["actor"], actors["kind"], strict=True))
    rows = []
    for a in attributions.itertuples(index=False):
        speaker = a.speaker
        if speaker is None or pd.isna(speaker) or not str(speaker).strip():
            continue
        content = " ".join(article.text[s:e] for s, e in a.content_spans)
        compound = polarity(content)[0]
        rows.append(
            {
                "actor": str(speaker),
                "kind": kinds.get(str(speaker), pd.NA),
                "role": "by",
                "content_start": int(a.content_start),
                "content_end": int(a.content_end),
                "score": float(compound),
                "label": label_compound(compound),
            }
        )
    return pd.DataFrame(
        rows, columns=["actor", "kind", "role", "content_start", "content_end", "score", "label"]
    )


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
    about = about_scores(article, mentions)
    by = by_scores(article, find_attributions(article, mentions=mentions), actors)
    parts = [t for t in (about, by) if not t.empty]
    if not parts:  # no actor and no speaker: pd.concat would raise on the empty list
        return empty_table()
    scored = pd.concat(parts, ignore_index=True)
    table = summarise_scores(scored[["actor", "kind", "role", "score", "label"]])
    order = {name: i for i, name in enumerate(actors["actor"])}
    table["_order"] = [order.get(a, len(order)) for a in table["actor"]]
    table["_role"] = [ROLES.index(r) for r in table["role"]]
    table = table.sort_values(["_order", "_role"], kind="stable").drop(columns=["_order", "_role"])
    return table.reset_index(drop=True)


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

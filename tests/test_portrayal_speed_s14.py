"""The session-14 changes to actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle: the
batch probabilities (token rows gathered into their prefix sums, one gather of the parts' ends,
their differences and the weighted feature rows in place), the word valences (each word's
lexicon value from the token information), the bootstrap's pairwise sums written over their
scratch draws, and its resample means written into one array.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Iterable, Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import portrayal
from analysis.portrayal import (
    _CACHED_COLUMNS_UP_TO,
    _DRAWS_BUDGET,
    N_BOOT,
    SEED,
    _bootstrap_numpy,
    _bootstrap_summary,
    _clipped_quantiles,
    _draw_sums,
    _joined,
    _pairwise_sum,
    _resample_columns,
    _resample_indices,
)
from analysis.target_features import (
    _TOKEN_INFO,
    BOOSTER_DICT,
    N_SCALAR,
    Scope,
    SentenceParse,
    _lexicon_words,
    _valences,
    feature_columns,
    lexicon,
    parse_sentence,
    scope,
)
from analysis.targeted import (
    _BAG,
    _CONTRAST_SHIFT,
    _HAS,
    _SEG,
    _VALENCE,
    _VIEW_COLUMNS,
    _VIEW_PARTS,
    _float_array,
    _intp_array,
    _mention_items,
    _predict_scores,
    _probabilities,
    load_model,
)

# --- the batch probabilities -------------------------------------------------------------------


def _prefix(values: np.ndarray) -> np.ndarray:
    """targeted._prefix before session 14 (the oracle's prefix sums, a leading zero row)."""
    out = np.empty((values.shape[0] + 1, *values.shape[1:]))
    out[0] = 0.0
    values.cumsum(axis=0, out=out[1:])
    return out


_RANGES = ("s0", "a", "b", "s1", "g0", "g1", "q0", "q1", "l3", "r3")
_UPPER = np.array([_RANGES.index(k) for k in ("b", "s1", "g1", "q1", "a", "r3")])
_LOWER = np.array([_RANGES.index(k) for k in ("a", "s0", "g0", "q0", "l3", "b")])


def _old_probabilities(
    items: list[tuple[SentenceParse, int, int]], model: dict
) -> tuple[np.ndarray, list[Scope]]:
    """targeted._probabilities before session 14 (a per-token block copied into its prefix
    sums, a gather of ten ranges per mention, then two more of their upper and lower ends)."""
    ids = model["feature_ids"]
    base: dict[int, int] = {}
    parses: list[SentenceParse] = []
    vec_rows: list[int] = []
    valenced: list[int] = []  # batch indices of the tokens with a valence
    valence: list[float] = []
    negated: list[int] = []  # batch indices of negated tokens (only valenced words are)
    for parse, _, _ in items:
        if id(parse) not in base:
            o = base[id(parse)] = len(vec_rows)
            parses.append(parse)
            vec_rows += parse.vec_row
            for i in parse.valenced:
                valenced.append(o + i)
                valence.append(parse.valence[i])
                if parse.negated[i]:
                    negated.append(o + i)
    rows_arr = _intp_array(vec_rows)
    per_token = model["token_rows"].take(rows_arr, axis=0)  # a fresh array
    unvectored = model["unvectored"]
    if unvectored or negated:
        bag_ids = model["bag_of_row"].take(rows_arr)
        bag_weights = model["bag_weights"]
        if unvectored:
            tokens = [tok for parse in parses for tok in parse.lower]
            for k in np.flatnonzero(rows_arr < 0).tolist():
                i = bag_ids[k] = unvectored.get(tokens[k], -1)
                per_token[k, _BAG] = bag_weights[i, 0:3]
                per_token[k, _SEG] = bag_weights[i, 6:9]
        if negated:
            at_negated = _intp_array(negated)
            per_token[at_negated, _BAG] += bag_weights[bag_ids[at_negated], 3:6]
    if valenced:
        # index lists packed once (numpy converts a list element by element at each use)
        at_valenced = _intp_array(valenced)
        weighted = model["view_logits"][rows_arr[at_valenced], 15:18]
        per_token[at_valenced, _VALENCE] = weighted * (_float_array(valence) / 4.0)[:, None]
    cum = _prefix(per_token)

    cols: list[int] = []
    values: list[float] = []
    firsts: list[int] = []  # each mention's first entry in cols (every mention has "bias")
    roles: list[float] = []
    scopes: list[Scope] = []
    flat: list[int] = []  # per mention: where its sentence starts in the batch, then its ranges
    for parse, start, end in items:
        sc = scope(parse, start - parse.offset, end - parse.offset)
        firsts.append(len(cols))
        roles.append(feature_columns(parse, sc, ids, cols, values))
        scopes.append(sc)
        a, b, n, g0, g1, q0, q1 = sc[:7]
        o = base[id(parse)]
        l3 = o + a - 3 if a > 3 else o
        r3 = o + b + 3 if b + 3 < n else o + n
        flat += (o, o + a, o + b, o + n, o + g0, o + g1, o + q0, o + q1, l3, r3)
    # token offsets in the batch (_RANGES names the columns): one gather of the prefix sums
    ranges = _intp_array(flat).reshape(-1, len(_RANGES))
    at = cum.take(ranges, axis=0)  # mentions × ranges × per-token columns
    # target, sentence, segment, what the target says, three words left, three right
    parts = at.take(_UPPER, axis=1) - at.take(_LOWER, axis=1)
    parts[:, 1:3] -= parts[:, :1]  # the sentence and the segment outside the target
    col = _intp_array(cols)
    contrib = _float_array(values)[:, None] * model["weights"].take(col, axis=0)
    logits = model["intercept"] + np.add.reduceat(contrib, _intp_array(firsts), axis=0)
    logits += parts[:, 1, _BAG] + parts[:, 2, _SEG] - parts[:, 3, _SEG]
    # views in VECTOR_VIEWS order: L, R, S (segment), A (sentence), T (target) are means;
    # V (valence-weighted segment) is a sum
    counts = parts[:, _VIEW_PARTS, _HAS]
    means = parts[:, _VIEW_PARTS[:, None], _VIEW_COLUMNS] / np.maximum(counts, 1.0)[:, :, None]
    for v in range(len(_VIEW_PARTS)):
        logits += means[:, v]
    logits += parts[:, 2, _VALENCE]
    # Scope rule on top of the fitted weights: an evaluation bound to the target by grammar
    # that opposes the evaluation across a contrast word decides which side the target is on.
    # NewsMTSC has too few such sentences (<1%) for the regression to learn it.
    logits += _float_array(roles)[:, None] * _CONTRAST_SHIFT
    # the ufunc reductions that ndarray.max and .sum call, without their Python wrappers
    logits -= np.maximum.reduce(logits, axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= np.add.reduce(probs, axis=1, keepdims=True)
    return probs, scopes


_WORDS = [
    "Ann", "Bob", "plan", "the", "praised", "brutal", "failed", "not", "never", "good", "very",
    "but", ",", "said", "of", "against", "for", "toward", "was", "widely", "“", "”", '"', "'s",
    "no", "least", "at", "crackdown", "according", "to", "hailed", "kind", "well-known", ";",
]  # fmt: skip
_TEXTS = st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), max_size=5)


def _items(sentences):
    text = " ".join(" ".join(words) + "." for words in sentences)
    spans = [(m.start(), m.end()) for m in re.finditer(r"Ann|Bob|plan", text)]
    return _mention_items(text, spans)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_probabilities_are_the_old_probabilities(sentences):
    items = _items(sentences)
    if not items:
        return
    model = load_model()
    probs, scopes = _probabilities(items, model)
    old_probs, old_scopes = _old_probabilities(items, model)
    assert probs.tobytes() == old_probs.tobytes()  # bit for bit
    assert scopes == old_scopes


def test_probabilities_of_an_article_are_the_old_probabilities():
    text = (
        "The minister praised the rebels but condemned the government's brutal crackdown. "
        "“We will not fail,” said Ann Lee, whose plan was widely hailed.\n"
        "According to Bob, the plan is a disaster; Ann's critics were never kind of fair."
    )
    spans = [
        (m.start(), m.end()) for m in re.finditer(r"rebels|government|Ann Lee|Ann|Bob|plan", text)
    ]
    items = _mention_items(text, spans)
    model = load_model()
    probs = _probabilities(items, model)[0]
    assert probs.shape == (len(spans), 3)
    assert probs.tobytes() == _old_probabilities(items, model)[0].tobytes()
    assert np.allclose(probs.sum(axis=1), 1.0)
    labels = [label for _, label in _predict_scores(items)]
    assert labels[:2] == ["positive", "negative"]  # the rebels, the government


# --- word valences from the token information ------------------------------------------------


def _old_valences(
    lower: Sequence[str],
    is_word: Sequence[bool],
    candidates: Iterable[int],
    negation: Sequence[bool],
) -> tuple[list[float], list[float], list[bool]]:
    """target_features._valences before session 14 (each candidate looked up in the lexicon's
    word set and then in the lexicon)."""
    lex, words = lexicon(), _lexicon_words()
    n = len(lower)
    raw = [0.0] * n
    val = [0.0] * n
    neg = [False] * n
    for i in candidates:
        tok = lower[i]
        if tok in words:
            v = lex[tok]
        elif "-" in tok and is_word[i] and tok not in BOOSTER_DICT:
            v = lex.get(tok.rsplit("-", 1)[1])
            if v is None:
                continue
        else:
            continue
        if tok == "no" and i + 1 < n and lower[i + 1] in lex:
            continue  # "no" negates the next word instead
        if tok == "kind" and i + 1 < n and lower[i + 1] == "of":
            continue
        raw[i] = v
        flipped = False
        # look back over up to three words within the same clause
        j, seen = i - 1, 0
        while j >= 0 and seen < 3 and is_word[j]:
            w = lower[j]
            if w in BOOSTER_DICT and w not in lex:
                scalar = BOOSTER_DICT[w] * (1.0, 0.95, 0.9)[seen]
                v += scalar if v > 0 else -scalar
            if negation[j] or w == "no" or (w == "least" and (j == 0 or lower[j - 1] != "at")):
                flipped = not flipped
            j -= 1
            seen += 1
        if flipped:
            v *= N_SCALAR
        val[i] = v
        neg[i] = flipped
    return val, raw, neg


_VALENCE_WORDS = [
    "good", "bad", "very", "extremely", "not", "never", "no", "least", "at", "kind", "of",
    "well-known", "half-hearted", "anti-war", "self-made", "ill-fated", "good-looking", "the",
    ",", "n't", "hardly", "love", "hate", "crackdown", "praised", "-", "x-bad", "very-good",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VALENCE_WORDS), max_size=14))
def test_valences_are_the_old_valences(words):
    sentence = " ".join(words)
    parse = parse_sentence(sentence)
    lower = list(parse.lower)
    if not lower:
        return
    is_word, negation = parse.is_word, [_TOKEN_INFO[tok][5] for tok in lower]
    words_set = _lexicon_words()
    old_candidates = [i for i, tok in enumerate(lower) if tok in words_set or "-" in tok]
    expected = _old_valences(lower, is_word, old_candidates, negation)
    assert (list(parse.valence), list(parse.raw_valence), list(parse.negated)) == expected
    # without the values, _valences reads them from the token information itself
    values = [_TOKEN_INFO[tok][4] for tok in lower]
    assert [i for i, v in enumerate(values) if v] == old_candidates
    assert _valences(lower, is_word, old_candidates, negation) == expected


def test_token_values_hand_checked():
    lex = lexicon()
    assert _TOKEN_INFO["good"][4] == lex["good"] and _TOKEN_INFO["the"][4] is False
    assert "anti-war" not in lex and _TOKEN_INFO["anti-war"][4] is True  # its last part's
    parse = parse_sentence("not a anti-war , good plan")
    assert parse.valence[2] == lex["war"] * N_SCALAR and parse.negated[2]  # "not" two back
    assert parse.valence[4] == lex["good"] and not parse.negated[4]  # the comma stops it
    assert parse.valenced == (2, 4)


# --- the bootstrap's pairwise sums over scratch draws -------------------------------------------


def _old_pairwise_sum(draws: np.ndarray) -> np.ndarray:
    """portrayal._pairwise_sum before session 14 (every partial sum a fresh array)."""
    n = draws.shape[0]
    if n < 8:
        total = draws[0].copy()
        for i in range(1, n):
            total += draws[i]
        return total
    if n <= 128:
        stop = n - n % 8
        # the eight running sums start as the first two blocks' sum (no copy of the first)
        acc = draws[0:8] if stop == 8 else draws[0:8] + draws[8:16]
        for i in range(16, stop, 8):
            acc += draws[i : i + 8]
        total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
        for i in range(stop, n):
            total += draws[i]
        return total
    half = n // 2
    half -= half % 8
    return _old_pairwise_sum(draws[:half]) + _old_pairwise_sum(draws[half:])


# words that reach every branch of the features: valences, boosters, negations, contrast,
# quotation marks, possessives, reporting verbs, prepositions, "was" (passive), adverbs
def _old_draw_sums(draws: np.ndarray) -> np.ndarray:
    """portrayal._draw_sums before session 14."""
    if draws.shape[1] < 8:
        return np.add.reduce(draws, axis=1, initial=-0.0)
    return _old_pairwise_sum(draws.transpose(1, 0, 2))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 300), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_consumed_pairwise_sums_are_the_old_sums(n, groups, seed):
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(groups, n, 7)) * 10.0 ** rng.integers(-3, 4, size=(groups, n, 1))
    values[rng.random(values.shape) < 0.1] = -0.0
    expected = np.ascontiguousarray(_old_pairwise_sum(values.transpose(1, 0, 2))).tobytes()
    before = values.copy()
    kept = _pairwise_sum(values.transpose(1, 0, 2))
    assert np.ascontiguousarray(kept).tobytes() == expected
    assert values.tobytes() == before.tobytes()  # without consume the draws are only read
    scratch = values.copy()
    got = _pairwise_sum(scratch.transpose(1, 0, 2), consume=True)
    assert np.ascontiguousarray(got).tobytes() == expected
    if n >= 8:  # the sums of long rows live in the scratch draws
        assert np.shares_memory(got, scratch)
        assert np.ascontiguousarray(_draw_sums(values.copy())).tobytes() == expected


def test_consumed_pairwise_sums_hand_checked():
    draws = np.arange(1.0, 18.0).reshape(1, 17, 1)  # one group, 17 draws, one resample
    # eight running sums over 1..16, then 17: ((1+9)+(2+10)) + ... + 17
    acc = [float(k + (k + 8)) for k in range(1, 9)]
    expected = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
    assert _draw_sums(draws.copy())[0, 0] == expected + 17.0 == 153.0
    assert math.copysign(1.0, _draw_sums(np.full((1, 9, 1), -0.0))[0, 0]) == -1.0


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 20), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_draw_sums_into_an_array_are_the_old_sums(n, groups, seed):
    rng = np.random.default_rng(seed)
    draws = np.round(rng.uniform(-1, 1, (groups, n, 50)), 1)
    draws[draws == 0] = -0.0
    expected = np.ascontiguousarray(_old_draw_sums(draws)).tobytes()
    out = np.full((groups, 50), np.nan)
    got = _draw_sums(draws.copy(), out=out)
    assert np.ascontiguousarray(got).tobytes() == expected
    if n < 8:  # short rows are summed into the array given
        assert got is out
    else:  # long rows' sums stay in the scratch draws
        assert np.isnan(out).all()


def _old_bootstrap_summary(
    matrices: list[np.ndarray], *, seed: int = SEED, n_boot: int = N_BOOT, level: float = 0.95
) -> tuple[list[tuple[float, float]], np.ndarray]:
    """portrayal._bootstrap_summary before session 14 (each size's resample means a fresh
    array, then their concatenation; partial sums of long rows in fresh arrays)."""
    tail = (1 - level) / 2
    means, draw_means, lows, highs = [], [], [], []
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
            draw_means.append(_old_draw_sums(draws) / n)  # (groups, n_boot)
    bounds = _clipped_quantiles(_joined(draw_means), (tail, 1 - tail), low, high)  # ours
    return bounds, _joined(means)


_SCORES = st.one_of(
    st.floats(-1, 1, allow_nan=False),
    st.sampled_from([0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1 / 3]),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(2, 40), min_size=1, max_size=4, unique=True),
    st.integers(1, 4),
    st.booleans(),
    st.data(),
)
def test_bootstrap_summary_is_the_old_summary(sizes, groups, small_budget, data):
    matrices = []
    for n in sizes:
        scores = data.draw(st.lists(_SCORES, min_size=n * groups, max_size=n * groups))
        matrices.append(np.array(scores).reshape(groups, n))
    old_bounds, old_means = _old_bootstrap_summary(matrices)
    budget = portrayal._DRAWS_BUDGET
    if small_budget:  # one group per gather: the means land at their offsets chunk by chunk
        portrayal._DRAWS_BUDGET = max(sizes) * N_BOOT
    try:
        bounds, means = _bootstrap_summary(matrices)
    finally:
        portrayal._DRAWS_BUDGET = budget
    assert means.tobytes() == old_means.tobytes()
    assert [struct.pack("2d", *b) for b in bounds] == [struct.pack("2d", *b) for b in old_bounds]
    assert len(bounds) == groups * len(sizes)
    assert all(lo <= hi for lo, hi in bounds)

"""The session-11 shortcuts of sentence and actor sentiment give the numbers they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    SentimentIntensityAnalyzer,
)

from analysis.sentiment import _NEGATE, _special_idioms, _vader_forms, vader

# --- VADER's per-word rules: the quiet path of _valence ------------------------------------------


def _old_valence(
    lexicon: dict, words: list[str], lowered: list[str], i: int, is_cap_diff: bool
) -> float:
    """ExactVader._valence and _least before session 11 (every rule run for every word)."""
    item = words[i]
    item_lowercase = lowered[i]
    valence = lexicon[item_lowercase]
    if item_lowercase == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lowered[i - 1] == "no")
        or (i > 1 and lowered[i - 2] == "no")
        or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[item_lowercase] * N_SCALAR
    if item.isupper() and is_cap_diff:
        valence = valence + C_INCR if valence > 0 else valence - C_INCR
    for start_i in range(0, 3):
        j = i - (start_i + 1)
        if i > start_i and (w := lowered[j]) not in lexicon:
            s = 0.0
            if w in BOOSTER_DICT:
                s = BOOSTER_DICT[w]
                if valence < 0:
                    s *= -1
                if words[j].isupper() and is_cap_diff:
                    s = s + C_INCR if valence > 0 else s - C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
            valence = valence + s
            if start_i == 0:
                if w in _NEGATE or "n't" in w:
                    valence = valence * N_SCALAR
            elif start_i == 1:
                before = lowered[i - 1]
                if w == "never" and (before == "so" or before == "this"):
                    valence = valence * 1.25
                elif w == "without" and before == "doubt":
                    pass
                elif w in _NEGATE or "n't" in w:
                    valence = valence * N_SCALAR
            else:
                second, first = lowered[i - 2], lowered[i - 1]
                if (w == "never" and (second == "so" or second == "this")) or (
                    first == "so" or first == "this"
                ):
                    valence = valence * 1.25
                elif w == "without" and (second == "doubt" or first == "doubt"):
                    pass
                elif w in _NEGATE or "n't" in w:
                    valence = valence * N_SCALAR
                valence = _special_idioms(valence, lowered, i)
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


# words every rule reads, lexicon words, idiom pieces and plain words, in several cases
_VADER_WORDS = [
    "good", "bad", "great", "terrible", "love", "hate", "no", "not", "never", "isn't",
    "don't", "aint", "very", "extremely", "barely", "kind", "of", "so", "this", "without",
    "doubt", "least", "at", "but", "the", "kiss", "death", "bomb", "yeah", "right", "cut",
    "mustard", "hand", "to", "mouth", "upper", "sort", "nor", "or", "people", "said", "a",
    "hardly", "sweet", "dead", "wrong", "it", "was", "GOOD", "BAD", "Very", "NOT", "Great",
    "hate!", '"love', "fine,", "well", "worst", "won't", "cannot", "Never", "LEAST", "ok",
    "n't", "it'dn't", "This", "So",
]  # fmt: skip


def _cap_flag(words: list[str]) -> bool:
    n = len(words)
    return 0 < n - sum(map(str.isupper, words)) < n


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_VADER_WORDS), min_size=1, max_size=9))
def test_valence_is_the_full_rules_value(words):
    analyzer = vader()
    lexicon = analyzer.lexicon
    lowered = _vader_forms(words)
    flag = _cap_flag(words)
    for i, low in enumerate(lowered):
        if low not in lexicon:
            continue
        expected = _old_valence(lexicon, words, lowered, i, flag)
        for given_flag in (None, flag):  # found on demand, or handed in (the library's loop)
            got = analyzer._valence(words, lowered, i, given_flag)
            # equal (a zero's sign aside: no score can tell −0.0 from 0.0)
            assert got == expected, (words, i, got, expected)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(_VADER_WORDS), min_size=1, max_size=14),
    st.sampled_from(["", ".", "!", "?!", " !!"]),
)
def test_scores_are_vaders(words, end):
    text = " ".join(words) + end
    expected = SentimentIntensityAnalyzer().polarity_scores(text)
    assert vader().polarity_scores(text) == expected


def test_valence_hand_checked():
    analyzer = vader()
    lexicon = analyzer.lexicon
    words = "the plan was good".split()
    assert analyzer._valence(words, words, 3, None) == lexicon["good"]  # quiet: the value
    words = "it was not good".split()
    assert analyzer._valence(words, words, 3, None) == lexicon["good"] * N_SCALAR
    words = "They said it was GOOD".split()  # capitals among lower-case words
    assert analyzer._valence(words, _vader_forms(words), 4, None) == lexicon["good"] + C_INCR
    words = "THEY SAID IT WAS GOOD".split()  # all capitals: no emphasis
    assert analyzer._valence(words, _vader_forms(words), 4, None) == lexicon["good"]


# --- the bootstrap's sums and quantiles without copies -------------------------------------------


def _old_pairwise_sum(draws: np.ndarray) -> np.ndarray:
    """portrayal._pairwise_sum before session 11 (the running sums started as a copy)."""
    n = draws.shape[0]
    if n < 8:
        total = draws[0].copy()
        for i in range(1, n):
            total += draws[i]
        return total
    if n <= 128:
        acc = draws[0:8].copy()
        stop = n - n % 8
        for i in range(8, stop, 8):
            acc += draws[i : i + 8]
        total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
        for i in range(stop, n):
            total += draws[i]
        return total
    half = n // 2
    half -= half % 8
    return _old_pairwise_sum(draws[:half]) + _old_pairwise_sum(draws[half:])


def _bits(a: np.ndarray) -> bytes:
    return np.ascontiguousarray(a).tobytes()


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_pairwise_sum_is_the_copying_version(n, groups, seed):
    from analysis.portrayal import _pairwise_sum

    rng = np.random.default_rng(seed)
    values = rng.normal(size=(groups, n, 7)) * 10.0 ** rng.integers(-3, 4, size=(groups, n, 1))
    draws = values.transpose(1, 0, 2)  # as _draw_sums hands them: a strided view
    before = values.copy()
    got = _pairwise_sum(draws)
    assert _bits(got) == _bits(_old_pairwise_sum(draws))
    assert _bits(values) == _bits(before)  # the draws are read, never written
    # and numpy's own (pairwise) sum of each contiguous row
    rows = [[np.add.reduce(values[g, :, j].copy()) for j in range(7)] for g in range(groups)]
    assert _bits(got) == _bits(np.array(rows))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4), st.integers(2, 60), st.integers(0, 2**32 - 1))
def test_clipped_quantiles_sort_in_place(rows, count, seed):
    from analysis.portrayal import _clipped_quantiles

    values = np.random.default_rng(seed).normal(size=(rows, count)).round(2)  # with ties
    expected = np.quantile(values, (0.025, 0.975), axis=1).T
    sorted_rows = np.sort(values, axis=1)
    got = _clipped_quantiles(values, (0.025, 0.975), [-math.inf] * rows, [math.inf] * rows)
    assert _bits(np.array(got)) == _bits(expected)
    assert _bits(values) == _bits(sorted_rows)  # sorted where it lies


# --- the target tokeniser's chunk memo ------------------------------------------------------------


def _old_tokenise(sentence: str) -> tuple[list[int], list[int], list[str]]:
    """target_features._tokenise before session 11 (each odd chunk split again every time)."""
    from analysis.target_features import TOKEN_RE

    low = sentence.lower().replace("’", "'")
    if len(low) != len(sentence):
        low = "".join(ch.lower()[:1] or ch for ch in sentence).replace("’", "'")
    starts: list[int] = []
    ends: list[int] = []
    lower: list[str] = []
    chunks = low.split()
    spaced = len(low) != sum(map(len, chunks)) + len(chunks) - 1
    pos, find = -1, low.find
    for chunk in chunks:
        if spaced:
            pos = find(chunk, pos + 1)
        else:
            pos += 1
        if chunk.isalnum():
            starts.append(pos)
            pos += len(chunk)
            ends.append(pos)
            lower.append(chunk)
        elif chunk[:-1].isalnum() and not chunk[-1].isalnum() and chunk[-1] != "_":
            word = chunk[:-1]
            starts += (pos, pos + len(word))
            pos += len(chunk)
            ends += (pos - 1, pos)
            lower += (word, chunk[-1])
        elif chunk[-2:] == "'s" and chunk[:-2].isalnum():
            starts += (pos, pos + len(chunk) - 2)
            pos += len(chunk)
            ends += (pos - 2, pos)
            lower += (chunk[:-2], "'s")
        else:
            for m in TOKEN_RE.finditer(chunk):
                tok = m.group()
                if len(tok) > 2 and tok[-2:] == "'s":
                    starts += (pos + m.start(), pos + m.end() - 2)
                    ends += (pos + m.end() - 2, pos + m.end())
                    lower += (tok[:-2], "'s")
                else:
                    starts.append(pos + m.start())
                    ends.append(pos + m.end())
                    lower.append(tok)
            pos += len(chunk)
    return starts, ends, lower


_CHUNK_PIECES = [
    "Word", "trump's", "Trump’s", "“Hi", "there,”", "—", "well-known", "x_y", "İstanbul",
    "Straße", "(ok)", "U.S.", "3.5", "don't", "'s", "s", "!", "end.", "a", "rock'n'roll",
    "said,", "o'neill's,", "_", "'", "“", "”.", "a-", "-b", "x's's", "ǅ", "…", "«oui»",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_CHUNK_PIECES), st.sampled_from([" ", "", "  ", "\t", " \n", "\xa0"])
        ),
        max_size=14,
    ),
    st.sampled_from(["", " ", "\t"]),
    st.booleans(),
)
def test_tokenise_is_the_old_tokeniser(pieces, around, cold):
    from analysis.target_features import _CHUNK_TOKENS, _tokenise

    if cold:
        _CHUNK_TOKENS.clear()
    sentence = around + "".join(p + sep for p, sep in pieces) + around
    assert _tokenise(sentence) == _old_tokenise(sentence)


def test_chunk_memo_fills_on_first_sight_and_stays_bounded():
    from analysis.target_features import _ChunkTokens, _tokenise

    memo = _ChunkTokens()
    memo.limit = 2
    assert memo["said,"] == (("said", ","), (0, 4, 4, 5))
    assert memo["o'neill's."] == (("o'neill", "'s", "."), (0, 7, 7, 9, 9, 10))
    assert memo["“we"] == (("“", "we"), (0, 1, 1, 3))  # a third chunk empties the full memo
    assert list(memo) == ["“we"]
    starts, ends, lower = _tokenise("He said, “we won.” O’Neill’s  team")
    assert lower == ["he", "said", ",", "“", "we", "won", ".", "”", "o'neill", "'s", "team"]
    assert starts == [0, 3, 7, 9, 10, 13, 16, 17, 19, 26, 30]
    assert ends == [2, 7, 8, 10, 12, 16, 17, 18, 26, 28, 34]


# --- the sentence parse: quotation marks found by index, the dictionary as one display ----------


def _old_parse_sentence(sentence: str, offset: int = 0):
    """target_features.parse_sentence before session 11."""
    from itertools import accumulate, compress, repeat
    from operator import add

    from analysis.target_features import _TOKEN_INFO, QUOTE_CHARS, _new_parse, _valences

    starts, ends, lower = _old_tokenise(sentence)
    n = len(lower)
    if not n:
        return _new_parse(offset, *(((),) * 13))
    infos = list(map(_TOKEN_INFO.__getitem__, lower))
    is_word, vec_row, clause_step, segment_step, candidate, negation = zip(*infos, strict=True)
    positions = range(n)
    val, raw, neg = _valences(lower, is_word, compress(positions, candidate), negation)
    clause = accumulate(clause_step)
    quote = [False] * n
    if not QUOTE_CHARS.isdisjoint(lower):
        marks = list(compress(positions, map(QUOTE_CHARS.__contains__, lower)))
        clause = map(add, clause, accumulate(map(QUOTE_CHARS.__contains__, lower)))
        inside = False
        for i, stop in zip(marks, [*marks[1:], n], strict=True):
            inside = not inside if lower[i] == '"' else lower[i] == "“"
            if inside:
                quote[i:stop] = repeat(True, stop - i)
    return _new_parse(
        offset,
        tuple(starts),
        tuple(ends),
        tuple(lower),
        is_word,
        tuple(val),
        tuple(raw),
        tuple(neg),
        tuple(clause),
        tuple(accumulate(segment_step)) if 1 in segment_step else (0,) * n,
        tuple(quote),
        vec_row,
        tuple(compress(positions, val)),
        tuple(compress(positions, negation)) if True in negation else (),
    )


_PARSE_PIECES = [
    '"', "“", "”", '"We', 'won"', "“No", "way,”", "said", "the", "minister", "praised", "good",
    "but", "not", "never", "terrible", "crackdown", ",", ";", "because", "however", "very",
    "isn't", "Trump’s", "well-known", "(", ")", "—", "kind", "of", "at", "least", "happy.",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PARSE_PIECES), max_size=18), st.integers(0, 50))
def test_parse_sentence_is_the_old_parse(pieces, offset):
    from analysis.target_features import parse_sentence

    sentence = " ".join(pieces)
    got, expected = (
        vars(parse_sentence(sentence, offset)),
        vars(_old_parse_sentence(sentence, offset)),
    )
    assert got == expected
    assert list(got) == list(expected)  # the fields in their order
    assert [type(c) for c in got["clause"]] == [type(c) for c in expected["clause"]]


def test_positions_hand_checked():
    from analysis.target_features import QUOTE_CHARS, _positions

    tokens = ["“", "we", '"', "won", "”", ".", '"']
    assert _positions(tokens, QUOTE_CHARS) == [0, 2, 4, 6]
    assert _positions(["no", "marks"], QUOTE_CHARS) == []


# --- paragraph sentiment: one label call per paragraph, the float columns at once ------------


def _old_paragraph_sentiment(article, pos_threshold: float, neg_threshold: float):
    """sentiment.paragraph_sentiment's table before session 11."""
    from analysis.article import frame, ints, strings
    from analysis.sentiment import (
        _PARAGRAPH_INDEX,
        _STRING,
        LABELS,
        PARAGRAPH_COLUMNS,
        _labels,
        label_compound,
        polarity,
    )

    by_par: dict[int, list[float]] = {}
    for sent in article.sentences:
        by_par.setdefault(sent.paragraph_id, []).append(polarity(sent.text)[0])
    rows = []
    for par in article.paragraphs:
        values = by_par.get(par.paragraph_id, [])
        n = len(values)
        if n:
            labs = _labels(values, pos_threshold, neg_threshold)
            mean = math.fsum(values) / n
            stats = (mean, min(values), max(values))
            shares = tuple(labs.count(lab) / n for lab in LABELS)
            label = label_compound(mean, pos_threshold=pos_threshold, neg_threshold=neg_threshold)
        else:
            stats, shares, label = (math.nan,) * 3, (math.nan,) * 3, None
        rows.append((par.paragraph_id, par.start, par.end, n, *stats, *shares, label))
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(PARAGRAPH_COLUMNS)
    data = [
        ints(col) if i < 4 else np.array(col, dtype="float64") for i, col in enumerate(cols[:-1])
    ]
    data.append(strings(list(cols[-1]), _STRING))
    return frame(_PARAGRAPH_INDEX, data)


_SENTENCES = [
    "The plan is good.", "It was a terrible, awful day.", "Nothing happened.",
    "They love it but hate the price.", "Not bad at all!", "The vote was held on Monday.",
    "What a wonderful win?", "Prices rose.", "He was never happy.", "A kind of success.",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4), min_size=1, max_size=6),
    st.sampled_from([(0.05, -0.05), (0.0, 0.0), (0.5, -0.1), (1.0, -1.0)]),
)
def test_paragraph_sentiment_is_the_old_table(paragraphs, thresholds):
    import pandas as pd

    from analysis.article import as_article
    from analysis.sentiment import paragraph_sentiment

    article = as_article("\n\n".join(" ".join(p) for p in paragraphs))
    pos, neg = thresholds
    got = paragraph_sentiment(article, pos_threshold=pos, neg_threshold=neg)
    pd.testing.assert_frame_equal(got, _old_paragraph_sentiment(article, pos, neg))
    assert got["n_sentences"].sum() == len(article.sentences)

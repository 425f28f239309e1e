"""Session 15's cheaper sentence split and VADER scoring give what the code they replaced gave
(the replaced code is kept here as the oracle)."""

from __future__ import annotations

import math
import struct
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import segment as G
from analysis import sentiment as S

# --- segment: terminal marks found once per text, taken per region by bisection --------------


def _old_marks(text: str, start: int, end: int) -> list[int]:
    """Session 14's ``_marks``: four ``str.find`` scans of the region."""
    found: list[int] = []
    for mark in G._MARKS:
        i = text.find(mark, start, end)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1, end)
    found.sort()
    return found


def _old_boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    resume = start
    for i in _old_marks(text, start, end):
        if i < resume:
            continue
        m = G._BOUNDARY_RE.match(text, i, end)
        if m is not None:
            resume = m.end()
            out.append((i, resume))
    return out


def _old_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Session 14's ``_split``, on the region scans of :func:`_old_marks`."""
    spans: list[tuple[int, int]] = []
    sent_start = start
    for m_start, m_end in _old_boundaries(text, start, end):
        if m_end <= sent_start:
            continue
        if G._is_boundary(text, m_start, m_end, sent_start, end):
            spans.append((sent_start, m_end))
            sent_start = m_end
    spans.append((sent_start, end))
    trimmed: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s > G.MAX_SENTENCE_CHARS:
            trimmed.extend(G._cap(text, s, e))
        elif e > s:
            trimmed.append((s, e))
    return trimmed


# words, marks, quotes, brackets, abbreviations and every kind of white space the split meets
_PIECES = st.sampled_from(
    [
        "The",
        "said",
        "U.S.",
        "Inc.",
        "a.m.",
        "Dr.",
        "No.",
        "5",
        "J.",
        "“Yes",
        "no”",
        "(it",
        "ends)",
        ".",
        "!",
        "?",
        "…",
        "...",
        "?!",
        "’",
        "Friday",
        "but",
        "é",
        "—",
    ]
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \u2003", "\r\n", "", "\u3000"])


@st.composite
def _texts(draw) -> tuple[str, int, int]:
    parts = draw(st.lists(st.tuples(_PIECES, _SPACES), max_size=40))
    text = "".join(p + s for p, s in parts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@settings(max_examples=1500, deadline=None)
@given(_texts())
def test_marks_are_the_region_scans(case):
    text, start, end = case
    G._text_marks.cache_clear()
    assert G._marks(text, start, end) == _old_marks(text, start, end)
    assert G._marks(text, 0, len(text)) == _old_marks(text, 0, len(text))


@settings(max_examples=1500, deadline=None)
@given(_texts())
def test_split_is_the_old_split(case):
    text, start, end = case
    assert G._split(text, start, end) == _old_split(text, start, end)


def test_split_hand_checked():
    text = "He left.  \u00a0She said “no.”\n\nThen U.S. troops came. "
    G._text_marks.cache_clear()
    assert G._marks(text, 0, len(text)) == [7, 23, 33, 35, 48]
    spans = G._split(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["He left.", "She said “no.”", "Then U.S. troops came."]
    assert spans == _old_split(text, 0, len(text))


# --- sentiment: VADER's rounding by comparisons only ----------------------------------------


def _old_round(x: float, digits: int) -> float:
    """Session 14's ``_round``."""
    scale = S._SCALES[digits]
    y = x * scale
    k = (y + S._ROUNDER) - S._ROUNDER
    if 0.5 - abs(y - k) < 1e-6 or not -1e9 < y < 1e9:
        return round(x, digits)
    return k / scale if k else x * 0.0


def _bits(x: float) -> bytes:
    return struct.pack("<d", x)


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(-1.0, 1.0),
        st.integers(-20000, 20000).map(lambda k: k / 20000),  # halves at 4 digits: ties
        st.integers(-2000, 2000).map(lambda k: k / 2000 + 1e-7),  # a hair from a tie
        st.sampled_from([0.00005, -0.00005, 0.0005, 2.675, -0.0, 0.0, 1e9, -1e9, 999999999.9]),
    ),
    st.sampled_from([3, 4]),
)
def test_round_is_the_old_round_and_pythons(x, digits):
    new, old = S._round(x, digits), _old_round(x, digits)
    if math.isnan(old):
        assert math.isnan(new)
    else:
        assert _bits(new) == _bits(old) == _bits(round(x, digits))


def _old_sift(sentiments: list[float]) -> tuple[float, float, int]:
    """Session 14's ``ExactVader._sift_sentiment_scores``."""
    pos_sum = 0.0
    neg_sum = 0.0
    nonzero = list(filter(None, sentiments))
    for sentiment_score in nonzero:
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
        if sentiment_score < 0:
            neg_sum += float(sentiment_score) - 1
    return pos_sum, neg_sum, len(sentiments) - len(nonzero)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.just(0), st.floats(-4.5, 4.5), st.just(-0.0)), max_size=30))
def test_sift_is_the_old_method(sentiments):
    assert S._sift(sentiments) == _old_sift(sentiments)
    assert S.ExactVader._sift_sentiment_scores(sentiments) == _old_sift(sentiments)


def test_sift_hand_checked():
    assert S._sift([0, 2.0, 0, -1.5, 0]) == (3.0, -2.5, 3)


# --- sentiment: one shared "" for the tokens no VADER rule reads ------------------------------

# lexicon words, boosters, negations, the rules' words, idiom words, words that only join into
# "n't" across a boundary, capitals and punctuation, and words no rule reads
_SENTIMENT_WORDS = [
    "good", "bad", "great", "terrible", "love", "hate", "no", "not", "never", "isn't",
    "don't", "aint", "very", "extremely", "barely", "kind", "of", "so", "this", "without",
    "doubt", "least", "at", "but", "the", "kiss", "death", "bomb", "yeah", "right", "cut",
    "mustard", "hand", "to", "mouth", "upper", "sort", "nor", "or", "people", "said", "a",
    "hardly", "sweet", "dead", "wrong", "it", "was", "GOOD", "BAD", "Very", "NOT", "Great",
    "hate!", '"love', "fine,", "well", "worst", "won't", "cannot", "Never", "LEAST", "ok",
    "n't", "it'dn't", "This", "So", "troops", "TROOPS", "Trump,", "xn", "'tis", "ban", "(the",
    "But", "BUT", "said:", "“Good", "no.", "ok?", ":)", "shit", "ass", "bad-ass", "fucking",
    "some", "one", "nothing", "much", "really", "Kind", "OF", "of,", "Least", "doubt!",
]  # fmt: skip


@cache
def _analyzers() -> tuple[S.ExactVader, object]:
    """An ExactVader with a lexicon of its own, and the library's analyzer (built once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return S.ExactVader(), SentimentIntensityAnalyzer()


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTIMENT_WORDS), min_size=1, max_size=16),
    st.sampled_from(["", ".", "!", "?!", " !!", "??"]),
)
def test_shared_key_scores_are_the_full_forms_and_vaders(words, end):
    text = " ".join(words) + end
    shared = S.vader()
    assert shared.lexicon is S._VADER_KEYS.lexicon  # the shared "" path
    full, original = _analyzers()
    assert full.lexicon is not S._VADER_KEYS.lexicon  # the full forms of _VADER_FORMS
    expected = full.scores(text)
    assert shared.scores(text) == expected
    library = original.polarity_scores(text)
    assert expected == (library["compound"], library["pos"], library["neu"], library["neg"])


def test_shared_key_is_no_word_any_rule_reads():
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SPECIAL_CASES

    shared = S.vader()
    assert "" not in shared.lexicon and "" not in S._READ_WORDS
    # an idiom looked up with a "" among its words has an empty part: no key has one
    for phrase in (*SPECIAL_CASES, *BOOSTER_DICT):
        assert all(phrase.split(" ")), phrase
    keys = S._VADER_KEYS
    assert keys["troops,"] == "" and keys["Good!"] == "good" and keys['"Kind'] == "kind"
    assert keys["isn’t"] == "" and keys["isn't"] == "isn't" and keys["it'dn't"] == "it'dn't"
    assert keys["(the"] == "the" and keys["death."] == "death" and keys["said"] == ""


def test_words_added_to_the_shared_lexicon_are_read():
    """A user's own valence for a new word counts, as in the library: the shared "" of a token
    met before the word was added is dropped once the lexicon's size changes."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    shared = S.vader()
    text = "The plan was zorbly and the crowd cheered."
    before = shared.polarity_scores(text)
    assert S._VADER_KEYS["zorbly"] == ""
    library = SentimentIntensityAnalyzer()
    library.lexicon["zorbly"] = 2.5
    shared.lexicon["zorbly"] = 2.5
    try:
        after = shared.polarity_scores(text)
        assert after == library.polarity_scores(text)
        assert after["compound"] == 0.7783 and before["compound"] == 0.5106
        assert S._VADER_KEYS["zorbly"] == "zorbly"
    finally:
        del shared.lexicon["zorbly"]
    assert shared.polarity_scores(text) == before
    assert S._VADER_KEYS["zorbly"] == ""


# --- readability: one object per distinct word row ------------------------------------------


def test_equal_word_rows_are_one_object():
    from analysis import readability as R

    R._word_row.cache_clear()
    words = ["the", "and", "said", "made", "troops", "nations", "Trump", "it", "is", "were"]
    rows = [R._word_row(w) for w in words] + [R._word_row(w, True) for w in words]
    expected = [R._WORD_ROW.pack(*R._features(w, False)) for w in words]
    expected += [R._WORD_ROW.pack(*R._features(w, True)) for w in words]
    assert rows == expected  # the counts themselves
    assert R._word_row("the") == R._WORD_ROW.pack(1, 0, 0, 0, 3, 3)
    for a, b in zip(rows, expected, strict=True):
        assert R._ROWS[b] is a
    for a in rows:
        assert all(a is b for b in rows if a == b)
    assert rows[0] is rows[1]  # "the" and "and": one syllable, three letters, familiar


def test_shared_rows_stay_bounded(monkeypatch):
    from analysis import readability as R

    monkeypatch.setattr(R, "_PIECE_ROWS_MAX", 3)
    R._word_row.cache_clear()
    R._ROWS.clear()
    rows = [R._word_row(w) for w in ("a", "be", "cat", "door", "eagle", "frozen", "a")]
    assert len(R._ROWS) <= 3
    assert rows[-1] == rows[0] == R._WORD_ROW.pack(*R._features("a", False))
    R._word_row.cache_clear()
    R._ROWS.clear()

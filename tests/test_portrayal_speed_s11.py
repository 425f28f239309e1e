"""The session-11 shortcuts of sentence and actor sentiment give the numbers they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle.
"""

from __future__ import annotations

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


def test_prefix_sums_start_at_zero():
    from analysis.targeted import _prefix

    values = np.arange(12.0).reshape(4, 3) - 5.5
    out = _prefix(values)
    expected = np.zeros((5, 3))
    np.cumsum(values, axis=0, out=expected[1:])
    assert np.array_equal(out, expected)
    assert out[0].tolist() == [0.0, 0.0, 0.0] and out[-1].tolist() == [-4.0, 0.0, 4.0]

"""The session-10 shortcuts of actor and sentence sentiment give the numbers they replace."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.portrayal import (
    _bootstrap_summary,
    _constant_tail_sizes,
    _constant_tail_summary,
    _exact_shortcut,
    _summary_rows,
    _tails_are_constant,
)
from analysis.sentiment import _round, _TokenForms, _vader_forms, _vader_token


def _same(a: float, b: float) -> bool:
    """Equal as floats and in the sign of a zero."""
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


# --- the bootstrap of two or three scores, from the resamples repeating one score ----------------


def _numpy_summary(values: list[float], **kwargs) -> tuple[float, float, float]:
    bounds, means = _bootstrap_summary([np.array([values])], **kwargs)
    return means[0].item(), bounds[0][0], bounds[0][1]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.floats(-1, 1, allow_nan=False),
            st.floats(-1e300, 1e300, allow_nan=False),
            st.sampled_from([0.0, 0.1, 0.2, 0.3, -0.5, 1.0, 1 / 3]),  # ties and exact zeros
        ),
        min_size=2,
        max_size=3,
    ).filter(_exact_shortcut)
)
def test_constant_tail_summary_is_bit_identical_to_the_draws(values):
    got = _constant_tail_summary(values)
    expected = _numpy_summary(values)
    assert all(_same(a, b) for a, b in zip(got, expected, strict=True)), (got, expected)


def test_constant_tails_hold_for_two_and_three_scores_only():
    assert _constant_tail_sizes() == {2, 3}
    # at level 0.5 the quartiles of three scores' draws lie inside, among mixed resamples
    assert not _tails_are_constant(3, 1000, 2024, 0.5)
    assert _tails_are_constant(2, 1000, 2024, 0.99)


def test_constant_tail_summary_hand_checked():
    # two values: a resample's mean is one of them or their midpoint, and each value alone
    # is drawn about 250 times in 1000, so the 2.5 % and 97.5 % quantiles are the values
    assert _constant_tail_summary([-1.0, 1.0]) == (0.0, -1.0, 1.0)
    assert _constant_tail_summary([0.25, 0.25, 0.25]) == (0.25, 0.25, 0.25)
    # three times 0.1 summed is 0.30000000000000004, a third of which is above 0.1
    assert _constant_tail_summary([0.1, 0.5, 0.6])[1:] == ((0.1 + 0.1 + 0.1) / 3, 0.6)


def test_summary_rows_route_small_groups_and_keep_nan_on_numpys_path():
    items = [("A", "person", "about", v, "neutral") for v in (0.1, -0.3)]
    items += [("B", "person", "about", v, "neutral") for v in (0.5, math.nan, 0.2)]
    rows = {r[0]: r for r in _summary_rows(items)}
    assert rows["A"][4:7] == pytest.approx((-0.1, -0.3, 0.1))
    assert rows["A"][4:7] == _numpy_summary([0.1, -0.3])
    assert all(math.isnan(x) for x in rows["B"][4:7])  # NaN mean, NaN interval as before


def test_negative_zeros_take_numpys_path():
    assert _exact_shortcut([0.0, 0.5]) and not _exact_shortcut([-0.0, 0.5])
    assert not _exact_shortcut([math.nan, 0.5])
    items = [("A", None, "by", v, "neutral") for v in (-0.0, 0.0)]
    row = _summary_rows(items)[0]
    assert all(_same(a, b) for a, b in zip(row[4:7], _numpy_summary([-0.0, 0.0]), strict=True))


# --- VADER's rounding and token forms ------------------------------------------------------------


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.floats(-1, 1),
        st.floats(-1e6, 1e6),
        st.integers(-20000, 20000).map(lambda k: k / 20000),  # halves at 4 digits: ties
        st.sampled_from([0.00005, -0.00005, 0.0005, 2.675, -0.0, 1e-12, -1e-12, 0.12345]),
    ),
    st.sampled_from([3, 4]),
)
def test_round_is_pythons_round(x, digits):
    assert _same(_round(x, digits), round(x, digits))


def test_round_edge_values():
    assert _round(0.5432499999, 4) == 0.5432
    assert _round(-0.00001, 4) == 0.0 and math.copysign(1.0, _round(-0.00001, 4)) == -1.0
    assert _round(0.1235, 3) == round(0.1235, 3)  # close to a half: Python's own round
    assert math.isnan(_round(math.nan, 4))
    assert _round(math.inf, 3) == math.inf


def test_vader_forms_are_the_token_forms():
    tokens = ['"Good,', "“Good,", "(ok)", ":-)", "isn't", "GREAT!!", "new-token-s10", '"Good,']
    assert _vader_forms(tokens) == [_vader_token(t) for t in tokens]
    expected = ["good", "“good", "(ok)", ":-)", "isn't", "great", "new-token-s10", "good"]
    assert _vader_forms(tokens) == expected


def test_token_forms_fill_on_first_sight_and_stay_bounded():
    forms = _TokenForms()
    forms.limit = 2
    assert [forms[t] for t in ("Good,", "BAD!", "Good,")] == ["good", "bad", "good"]
    assert forms["ok?"] == "ok?"  # a third token empties the full memo first
    assert dict(forms) == {"ok?": "ok?"}


@pytest.mark.parametrize(
    "text", ["Plain words.", "Wow!", "Really?", "What?!?", "No!!!!!! Why??", "Sure?? Yes!", ""]
)
def test_punctuation_emphasis_is_vaders(text):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.sentiment import _punctuation_emphasis

    vader_class = SentimentIntensityAnalyzer  # its helpers are static methods
    expected = vader_class._punctuation_emphasis(vader_class, text)
    assert _same(_punctuation_emphasis(text), expected)


def test_token_info_classifies_a_token_on_first_sight():
    from analysis.target_features import _TokenInfo, word_vectors

    info = _TokenInfo()
    assert info[","] == (False, -1, 1, 0, False, False)  # a comma closes a clause only
    assert info["but"] == (True, word_vectors()[0]["but"], 1, 1, False, False)
    assert info["n't"][5] and info["good"][4]  # a negation; a lexicon word
    assert set(info) == {",", "but", "n't", "good"}


@pytest.mark.parametrize(
    "text",
    ["I love it 😁", "“Great”😁!", "Fine ♥ day", "caf\u00e9 \u00a9 2024 is good", "“Nice” – £5"],
)
def test_texts_with_emoji_characters_score_as_vader_does(text):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.sentiment import vader

    expected = SentimentIntensityAnalyzer().polarity_scores(text)
    assert vader().polarity_scores(text) == expected


def test_emoji_tokens_are_marked_and_no_emoji_is_white_space():
    from analysis.sentiment import _emoji_chars

    assert not any(c.isspace() or not c.strip() for c in _emoji_chars())
    forms = _TokenForms()
    for token in ("plain", "“quoted”", "x😁y", "\u00a9"):
        forms[token]
    assert forms.emoji == {"x😁y", "\u00a9"}


# --- the target tokeniser's fast paths give the regex's tokens ----------------------------------


def _regex_tokens(sentence: str) -> tuple[list[int], list[int], list[str]]:
    """What the tokeniser defines: TOKEN_RE over the lower-cased sentence (curly apostrophes
    straight), a possessive "'s" split off its word."""
    from analysis.target_features import TOKEN_RE

    low = "".join(ch.lower()[:1] or ch for ch in sentence).replace("’", "'")
    starts, ends, lower = [], [], []
    for m in TOKEN_RE.finditer(low):
        tok, a, b = m.group(), m.start(), m.end()
        if len(tok) > 2 and tok.endswith("'s"):
            starts += (a, b - 2)
            ends += (b - 2, b)
            lower += (tok[:-2], "'s")
        else:
            starts.append(a)
            ends.append(b)
            lower.append(tok)
    return starts, ends, lower


_TOKEN_PIECES = [
    "Word", "trump's", "Trump’s", "“Hi", "there,”", "—", "well-known", "x_y", "İstanbul",
    "Straße", "(ok)", "U.S.", "3.5", "don't", "'s", "s", "!", "end.", "a", "rock'n'roll",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_TOKEN_PIECES), st.sampled_from([" ", "", "  ", "\t", " \n"])),
        max_size=14,
    ),
    st.sampled_from(["", " ", "\t"]),
)
def test_tokenise_gives_the_regex_tokens(pieces, around):
    from analysis.target_features import _tokenise

    sentence = around + "".join(p + sep for p, sep in pieces) + around
    assert _tokenise(sentence) == _regex_tokens(sentence)


def test_tokenise_hand_checked():
    from analysis.target_features import _tokenise

    starts, ends, lower = _tokenise("Trump’s aide said, “No.”")
    assert lower == ["trump", "'s", "aide", "said", ",", "“", "no", ".", "”"]
    assert starts == [0, 5, 8, 13, 17, 19, 20, 22, 23]
    assert ends == [5, 7, 12, 17, 18, 20, 22, 23, 24]

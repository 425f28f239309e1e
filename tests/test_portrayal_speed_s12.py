"""The session-12 shortcuts of actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.portrayal import _column_values, _text_list, sentiment_table
from analysis.targeted import _check_span, _mention_items, _Segmenter

# --- the mentions' sentence parses: one loop checking and segmenting ----------------------------


def _old_mention_items(text: str, spans: list[tuple[int, int]]) -> list[tuple]:
    """targeted._target_scores' items before session 12: every span through _check_span,
    then every mention through _Segmenter.sentence."""
    checked = [_check_span(text, s, e) for s, e in spans]
    segmenter = _Segmenter(text)
    return [(segmenter.sentence(s, e), s, e) for s, e in checked]


_PIECES = ["Ann", "praised", "Bob", "but", "the", "plan", "failed", ".", " ", "  ", "\n", "!", ","]


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[object, object]]]:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40)))
    n = len(text)
    bound = st.integers(-2, n + 2)
    span = st.one_of(
        st.tuples(bound, bound),
        st.tuples(bound, bound).map(lambda p: (np.int64(p[0]), p[1])),
        st.tuples(bound, bound).map(lambda p: (p[0], float(p[1]))),
        st.tuples(st.booleans(), bound),
    )
    spans = draw(st.lists(span, max_size=12))
    if draw(st.booleans()):
        spans.sort(key=lambda p: (int(p[0]), float(p[1])))  # mostly in text order, as mentions
    return text, spans


def _outcome(fn, text: str, spans: list) -> object:
    try:
        items = fn(text, list(spans))
    except InputError as exc:
        return ("error", str(exc))
    # a parse compared by its fields; the offsets by value and type
    return [(vars(p), s, e, type(s), type(e)) for p, s, e in items]


@settings(max_examples=1500, deadline=None)
@given(_text_and_spans())
def test_mention_items_are_the_old_items(case):
    text, spans = case
    assert _outcome(_mention_items, text, spans) == _outcome(_old_mention_items, text, spans)


def test_mention_items_share_one_parse_per_sentence():
    text = "Ann praised Bob. The plan failed, Ann said.\nBob left."
    spans = [(0, 3), (12, 15), (34, 37), (44, 47)]
    items = _mention_items(text, spans)
    assert [(s, e) for _, s, e in items] == spans
    parses = [p for p, _, _ in items]
    assert parses[0] is parses[1] and parses[2] is not parses[0] and parses[3] is not parses[2]
    assert [p.offset for p in parses] == [0, 0, 17, 44]
    assert parses[2].lower == ("the", "plan", "failed", ",", "ann", "said", ".")
    with pytest.raises(InputError, match="blank"):
        _mention_items(text, [(0, 3), (16, 17)])


# --- reading two columns of the attribution table ----------------------------------------------


@pytest.mark.parametrize("dtype", ["str", "object", pd.StringDtype("python")])
def test_column_values_read_as_the_series_did(dtype):
    table = pd.DataFrame(
        {
            "speaker": pd.Series(["Ann", None, "Bob Smith"], dtype=dtype),
            "content_spans": pd.Series([[(0, 3)], [], [(4, 9), (12, 20)]], dtype=object),
            "content_start": [0, 4, 12],
        }
    )
    speakers = _text_list(_column_values(table, "speaker"))
    assert speakers == _text_list(table["speaker"])
    assert speakers[0] == "Ann" and speakers[2] == "Bob Smith"
    assert pd.isna(speakers[1])  # None, NaN or NA, as the Series gives
    spans = _column_values(table, "content_spans").tolist()
    assert spans == table["content_spans"].tolist() == [[(0, 3)], [], [(4, 9), (12, 20)]]
    assert _column_values(table, "content_start").tolist() == [0, 4, 12]


def test_column_values_without_pandas_private_accessor(monkeypatch):
    """A pandas without ``DataFrame._get_column_array`` gets the same values through the
    public Series, and so the same actor-sentiment table."""
    from analysis import analyze

    result = analyze(
        'Ann Lee praised the plan. "It is a disaster," Bob Smith said. Ann Lee disagreed.'
    )
    table = result.tables["attributions"]
    before = {name: _column_values(table, name).tolist() for name in ("speaker", "content_spans")}
    monkeypatch.delattr(pd.DataFrame, "_get_column_array")
    after = {name: _column_values(table, name).tolist() for name in ("speaker", "content_spans")}
    assert after == before and "Bob Smith" in before["speaker"]
    again = analyze(
        'Ann Lee praised the plan. "It is a disaster," Bob Smith said. Ann Lee disagreed.'
    )
    pd.testing.assert_frame_equal(
        again.tables["actor_sentiment"], result.tables["actor_sentiment"], check_exact=True
    )


def test_column_values_of_a_repeated_name_go_through_the_series():
    table = pd.DataFrame([[1, 2]], columns=["a", "a"])
    with pytest.raises(AttributeError):  # a DataFrame, as table["a"] is: no .array
        _column_values(table, "a")


# --- the summary table's kind column -----------------------------------------------------------


def _attributions(speakers: list[object], spans: list[list[tuple[int, int]]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "speaker": pd.Series(speakers, dtype=object),
            "content_spans": pd.Series(spans, dtype=object),
        }
    )


def test_summary_kinds_are_one_string_column_with_missing_kinds():
    from analysis.article import as_article

    article = as_article("Ann praised Bob. Cid said the plan was good.")
    mentions = [("Ann", "person", 0, 3), ("Bob", "person", 12, 15)]
    actors = [("Ann", "person"), ("Bob", "person")]
    table = sentiment_table(article, mentions, actors, _attributions(["Cid"], [[(26, 43)]]))
    assert table["actor"].tolist() == ["Ann", "Bob", "Cid"]
    assert table["role"].tolist() == ["about", "about", "by"]
    assert table["kind"].tolist()[:2] == ["person", "person"]
    assert pd.isna(table["kind"].tolist()[2])
    assert table["kind"].dtype == table["actor"].dtype == "str"
    # no kind at all: an object column of NA, as pandas infers it
    only = sentiment_table(article, [], [], _attributions(["Cid"], [[(26, 43)]]))
    assert only["kind"].dtype == object and only["kind"].tolist() == [pd.NA]
    assert only["actor"].tolist() == ["Cid"] and only["role"].tolist() == ["by"]


# --- a mention's scope: token range, segment and reported speech written out -------------------


def _old_speech(parse, a: int, b: int) -> tuple[bool, range]:
    """target_features._speech before session 12."""
    from analysis.target_features import ADVERB_SKIP, SAY_VERBS

    low, n = parse.lower, len(parse.lower)
    j = b
    while j < n and j < b + 3 and (low[j] in ADVERB_SKIP or low[j] in ("has", "had", ",")):
        j += 1
    if j < n and low[j] in SAY_VERBS and low[j] != "according":
        after = range(j + 1, n)
        if sum(parse.is_word[j + 1 :]) >= 3:
            return True, after
        return True, range(0, a)
    k = a - 1
    if k >= 0 and low[k] == "to" and k >= 1 and low[k - 1] == "according":
        return True, range(0, k - 1)
    if k >= 0 and low[k] in SAY_VERBS and (b >= n or not parse.is_word[b]):
        return True, range(0, k)
    return False, range(0)


def _old_scope(parse, start: int, end: int) -> tuple:
    """target_features.scope before session 12 (target_tokens and _speech called)."""
    from bisect import bisect_left, bisect_right

    from analysis.target_features import Scope

    n = len(parse.lower)
    a = bisect_right(parse.ends, start)  # target_tokens before session 12
    b = bisect_left(parse.starts, end)
    a, b = (a, b) if b > a else (a, a)
    if not n:
        return Scope(a, b, 0, 0, 0, 0, 0, False, range(0))
    segment = parse.segment
    seg = segment[min(a, n - 1)]
    lo, hi = bisect_left(segment, seg), bisect_right(segment, seg)
    lo, hi = min(lo, a), max(hi, b)
    is_speaker, said = _old_speech(parse, a, b)
    s_lo = max(said.start, lo)
    s_hi = min(said.stop, hi) if said else lo
    return Scope(a, b, n, lo, hi, s_lo, max(s_hi, s_lo), is_speaker, said)


_SCOPE_PIECES = [
    "Ann",
    "Bob Smith",
    "said",
    "says",
    "according to",
    "has",
    "had",
    "also",
    "publicly",
    "but",
    "although",
    "praised",
    "the plan",
    ",",
    ".",
    "“",
    "”",
    "'s",
    "not",
]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_SCOPE_PIECES), max_size=14),
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(-1, 1),
    st.integers(-1, 1),
)
def test_scope_is_the_old_scope(words, i, j, nudge_start, nudge_end):
    from analysis.target_features import parse_sentence, scope, target_tokens

    sentence = " ".join(words)
    parse = parse_sentence(sentence)
    n = len(parse.lower)
    if n:  # a span over tokens [i, j], its ends sometimes a character off
        i, j = min(i, j) % n, max(i, j) % n
        i, j = min(i, j), max(i, j)
        start = max(0, parse.starts[i] + nudge_start)
        end = max(start + 1, min(len(sentence), parse.ends[j] + nudge_end))
    else:
        start, end = 0, max(1, len(sentence))
    new = scope(parse, start, end)
    assert new == _old_scope(parse, start, end)
    assert type(new).__name__ == "Scope" and new[:2] == target_tokens(parse, start, end)


def test_scope_hand_checked():
    from analysis.target_features import parse_sentence, scope

    parse = parse_sentence("Critics praised Ann, but Bob said the plan failed badly.")
    # Ann: tokens [2, 3), the segment before "but" (tokens 0-3 and the comma)
    assert scope(parse, 16, 19)[:8] == (2, 3, 12, 0, 4, 0, 0, False)

    # Bob said ...: Bob is a speaker, what he says is the four words after "said"
    bob = scope(parse, 25, 28)
    assert bob[:8] == (5, 6, 12, 4, 12, 7, 12, True) and bob.said == range(7, 12)
    # "..., according to Ann": what precedes "according"
    parse = parse_sentence("The plan failed, according to Ann.")
    assert scope(parse, 30, 33)[7:] == (True, range(0, 4))


# --- the summary rows: shares without a comprehension, the tail sizes read once -----------------


def _old_summary_rows(items: list[tuple]) -> list[tuple]:
    """portrayal._summary_rows before session 12."""
    import math

    from analysis.portrayal import (
        LABELS,
        _bootstrap_summary,
        _constant_tail_sizes,
        _constant_tail_summary,
        _exact_shortcut,
    )

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
    for i, (_, values, _) in enumerate(entries):
        n = len(values)
        if n == 1:
            means[i] = float(values[0])
        elif n in _constant_tail_sizes() and _exact_shortcut(values):
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
        for i, mean, (low, high) in zip(members, row_means.tolist(), bounds, strict=True):
            means[i] = mean
            intervals[i] = (low, high)
    rows = []
    for (actor, role), (kind, values, labels), mean, (low, high) in zip(
        groups, entries, means, intervals, strict=True
    ):
        n = len(values)
        shares = [labels.count(lab) / n for lab in LABELS]
        rows.append((actor, kind, role, n, mean, low, high, *shares))
    return rows


_SCORE = st.one_of(
    st.floats(-1, 1),
    st.sampled_from([0.0, -0.0, 1.0, -1.0, float("nan")]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Ann", "Bob", "Cid"]),
            st.sampled_from(["about", "by"]),
            _SCORE,
            st.sampled_from(["negative", "neutral", "positive"]),
        ),
        max_size=30,
    )
)
def test_summary_rows_are_the_old_rows(draws):
    from analysis.portrayal import _summary_rows

    items = [(actor, "person", role, score, label) for actor, role, score, label in draws]
    new, old = _summary_rows(items), _old_summary_rows(items)
    assert len(new) == len(old)
    for a, b in zip(new, old, strict=True):
        assert a[:4] == b[:4]
        # bit for bit, NaN included
        assert np.array_equal(np.array(a[4:]), np.array(b[4:]), equal_nan=True)
        assert [math.copysign(1.0, x) for x in a[4:]] == [math.copysign(1.0, x) for x in b[4:]]


def test_summary_shares_hand_checked():
    from analysis.portrayal import _summary_rows

    items = [
        ("Ann", "person", "about", 0.5, "positive"),
        ("Ann", "person", "about", -0.5, "negative"),
        ("Ann", "person", "about", 0.0, "neutral"),
        ("Ann", "person", "about", 0.25, "positive"),
    ]
    (row,) = _summary_rows(items)
    assert row[:5] == ("Ann", "person", "about", 4, 0.0625)
    assert row[7:] == (0.25, 0.25, 0.5)


def test_content_of_several_fragments_is_scored_joined():
    from analysis.article import as_article
    from analysis.sentiment import polarity

    article = as_article("Cid said: good plan. Then he added: terrible idea.")
    one = sentiment_table(article, [], [], _attributions(["Cid"], [[(10, 20)]]))
    assert one["mean_score"].tolist() == [polarity("good plan.")[0]]
    both = sentiment_table(article, [], [], _attributions(["Cid"], [[(10, 20), (36, 50)]]))
    assert both["mean_score"].tolist() == [polarity("good plan. terrible idea.")[0]]
    assert polarity("good plan. terrible idea.")[0] != polarity("good plan.terrible idea.")[0]


def test_target_tokens_hand_checked():
    from analysis.target_features import parse_sentence, target_tokens

    parse = parse_sentence("Critics praised Ann, but Bob said the plan failed badly.")
    assert target_tokens(parse, 16, 19) == (2, 3)  # "Ann"
    assert target_tokens(parse, 25, 42) == (5, 9)  # "Bob said the plan"
    assert target_tokens(parse, 15, 16) == (2, 2)  # the space before "Ann": empty, at "Ann"

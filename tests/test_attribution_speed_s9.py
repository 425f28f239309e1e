"""The shortcuts of session 9 in the attribution table give what the general rules give."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution import _HEAD_CUTS, _MentionLookup, _sentence_ids, source_head
from analysis.text import WORD_RE


def _regex_head(text: str, start: int, end: int) -> tuple[int, int]:
    """source_head by its definition: WORD_RE tokens before the first comma or bracket (session
    17: an appositive or a party tag follows one; session 18: "(R-Ky.)", "(AP)"), cut at the first
    post-modifier word."""
    for mark in (",", "("):
        cut = text.find(mark, start, end)
        if cut > start and text[start:cut].strip():
            end = cut
    tokens = list(WORD_RE.finditer(text, start, end))
    if not tokens:
        return start, end
    cut = next(
        (i for i in range(1, len(tokens)) if tokens[i].group().lower() in _HEAD_CUTS),
        len(tokens),
    )
    m = tokens[cut - 1]
    e = m.end()
    for suffix in ("’s", "'s"):
        if m.group().endswith(suffix):
            e -= len(suffix)
    return m.start(), e


def test_source_head_hand_checked():
    text = "Yesterday the prime minister of Spain and he  said it"
    assert source_head(text, 10, 37) == (20, 28)  # "the prime minister of Spain" → "minister"
    assert source_head(text, 42, 44) == (42, 44)  # "he"
    assert source_head(text, 41, 46) == (42, 44)  # " he  " (white space around it)
    assert source_head(text, 10, 28) == (20, 28)  # "the prime minister"
    tagged = "Sen. Rand Paul, R-Ky., a doctor, said"
    assert source_head(tagged, 0, 32) == (10, 14)  # "Paul": not the tag or the appositive
    assert source_head(", he said", 0, 4) == (2, 4)  # nothing before the comma: "he"
    credited = "coach Anna Smith (AP) said"
    assert source_head(credited, 0, 21) == (11, 16)  # "Smith", not the agency in brackets
    assert source_head("Sen. Rand Paul (R-Ky.), a doctor", 0, 32) == (10, 14)  # "Paul"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["he", "the", "minister", "of", "Spain", "Ann’s", "İstanbul", "U.S.", ",", "(AP)"]
        ),
        max_size=5,
    ),
    st.sampled_from([" ", "  ", "\n"]),
)
def test_source_head_equals_the_regex_rule(words, gap):
    text = "x " + gap.join(words) + " y"
    assert source_head(text, 2, len(text) - 2) == _regex_head(text, 2, len(text) - 2)


def _general_ids(starts, ends, spans):
    ids = set()
    for s, e in spans:
        i = max(bisect_right(starts, s) - 1, 0)
        while i < len(starts) and starts[i] < e:
            if ends[i] > s:
                ids.add(i)
            i += 1
    return sorted(ids)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=4))
def test_sentence_ids_equal_the_general_scan(raw):
    starts, ends = [5, 20, 31, 45], [18, 30, 44, 50]  # sentences with gaps between them
    spans = [(s, s + n) for s, n in raw]
    assert _sentence_ids(starts, ends, spans) == _general_ids(starts, ends, spans)


def test_sentence_ids_hand_checked():
    starts, ends = [0, 10, 20], [9, 19, 29]
    assert _sentence_ids(starts, ends, [(2, 5)]) == [0]
    assert _sentence_ids(starts, ends, [(2, 5), (12, 14)]) == [0, 1]
    assert _sentence_ids(starts, ends, [(5, 15)]) == [0, 1]
    assert _sentence_ids(starts, ends, [(9, 10)]) == []  # between two sentences


def test_mention_lookup_from_rows_and_unsorted_rows():
    rows = [("Bob", "person", 30, 33, "Bob"), ("Ann", "person", 10, 13, "Ann")]
    lookup = _MentionLookup(rows)
    assert list(lookup.starts) == [10, 30] and list(lookup.actors) == ["Ann", "Bob"]
    assert lookup.longest == 3
    assert lookup.actor_at(30, 33) == "Bob" and lookup.actor_at(20, 25) is None

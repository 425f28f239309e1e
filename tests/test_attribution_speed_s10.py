"""The rewrites of session 10 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis import attribution_quotes as Q

# the patterns as they were written before session 10 (a class after the two-quote literal)
_OLD_MARK_RE = re.compile(r"''|[\"“”„«»]")
_OLD_QUOTE_MARK_RE = re.compile("''|[" + re.escape(A.QUOTE_MARKS) + "]")

_PIECES = ["'", "''", '"', "“", "”", "„", "«", "»", "a", " ", "’", "\n", "It's"]


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_mark_patterns_hand_checked():
    text = "He said '''no'' and “yes” «oui» \"non\""
    # the first two of three apostrophes pair up, the third is left alone
    expected = [(8, 10), (13, 15), (20, 21), (24, 25), (26, 27), (30, 31), (32, 33), (36, 37)]
    assert _spans(Q._MARK_RE, text) == expected
    assert _spans(A._QUOTE_MARK_RE, text) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_mark_patterns_equal_the_character_class_forms(pieces):
    text = "".join(pieces)
    assert _spans(Q._MARK_RE, text) == _spans(_OLD_MARK_RE, text)
    assert _spans(A._QUOTE_MARK_RE, text) == _spans(_OLD_QUOTE_MARK_RE, text)
    assert [Q._MARK_RE.match(text, i) is not None for i in range(len(text))] == [
        _OLD_MARK_RE.match(text, i) is not None for i in range(len(text))
    ]


def _reference_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The regex scan, with session 19's closing run of three apostrophes ('x,''' said), whose
    last two are the mark."""
    out = []
    for m in _OLD_MARK_RE.finditer(text, start, end):
        i = m.start()
        closing = (
            m.group() == "''"
            and i + 3 <= end
            and text[i + 2] == "'"
            and (i == 0 or text[i - 1] != "'")
            and (i + 3 == len(text) or (text[i + 3] != "'" and not text[i + 3].isalnum()))
        )
        out.append((i + 1, i + 3) if closing else m.span())
    return out


def test_marks_hand_checked():
    text = "He said '''no'' and “yes” «oui» \"non\""
    assert Q._marks(text, 0, len(text)) == _spans(_OLD_MARK_RE, text)
    nested = "''the word 'old-school,''' said"
    assert Q._marks(nested, 0, len(nested)) == [(0, 2), (24, 26)]  # not (23, 25)
    assert Q._marks("a '''' b", 0, 8) == [(2, 4), (4, 6)]  # a run of four pairs from the left
    assert Q._marks(text, 9, 14) == [(9, 11)]  # the scan starts inside the run of apostrophes
    assert Q._marks(text, 0, 14) == [(8, 10)]  # a pair cut by the end is no mark
    assert Q._marks("no marks at all", 0, 15) == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.integers(0, 6), st.integers(0, 6))
def test_marks_equal_the_regex_scan(pieces, cut_start, cut_end):
    text = "".join(pieces)
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    assert Q._marks(text, start, end) == _reference_marks(text, start, end)


def test_fill_norms_normalises_only_the_missing_tokens():
    raws = ["Zyxwv", "said", "’Twas", "QQQ-Rr", "''"]
    norms = [None, "said", None, "kept as given", None]
    A._fill_norms(norms, raws)
    assert norms == ["zyxwv", "said", "'twas", "kept as given", '"']  # only Nones filled


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Said", "THAT", "a", "“", "''", "x-Y", "Über"]), min_size=1))
def test_fill_norms_equals_normalising_every_token(raws):
    norms = [None if i % 2 == 0 else A.normalize(r) for i, r in enumerate(raws)]
    A._fill_norms(norms, raws)  # raws[0] is always missing
    assert norms == [A.normalize(r) for r in raws]


def _looked_at(norms: list[str]) -> list[int]:
    """The tokens _match_cues went on to try before session 10: every starter and every word
    before "that", less the phrase openers whose phrase does not go on (its old loop check)."""
    trie, forms, starters = A._trie(), A._single_forms(), A._starters()
    n = len(norms)
    positions = [i for i, w in enumerate(norms) if w in starters]
    if "that" in norms:
        positions = sorted({*positions, *(i - 1 for i, w in enumerate(norms) if w == "that" and i)})
    kept = []
    for i in positions:
        node = trie.get(norms[i])
        if node is not None and "" not in node and (i + 1 >= n or norms[i + 1] not in node):
            node = None
        if node is None and norms[i] not in forms and not (i + 1 < n and norms[i + 1] == "that"):
            continue
        kept.append(i)
    return kept


def test_cue_positions_hand_checked():
    norms = "the senator has said that the report , which she has denied , the".split()
    # "has" opens "has said" and "has denied", "said", "report" and "denied" are cue forms; "the"
    # opens only "the backing", "the question" and the like, so none of the three is looked at
    assert A._cue_positions(norms) == [2, 3, 6, 10, 11]
    assert A._cue_positions(norms) == _looked_at(norms)


_WORDS = ["the", "has", "said", "that", "in", "response", "to", "according", "a", "report", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_cue_positions_equal_the_old_loop_check(norms):
    assert A._cue_positions(norms) == _looked_at(norms)


def _loop_score(entry, kind, key) -> float:
    """_score as written before session 10: the weights added one by one in feature order."""
    weights = A.cue_model()["weights"]
    z = A._phrase_score(entry, kind)
    for f in A._features_of_context(entry, key):
        z += weights.get(f, 0.0)
    return z


def test_score_equals_the_feature_loop_bit_for_bit():
    text = (
        "The senator said on Monday that the plan, which he warned about, would fail. "
        "“It is over,” she told reporters, adding that critics had argued otherwise."
    )
    sentences = A._sentences(text, [(0, len(text))], prefilter=False)
    quotes = A._QuoteIndex(A.find_quotes(text, [(0, len(text))]))
    scores = {}
    for sent in sentences:
        for i in range(len(sent.norms)):
            if quotes.at(sent.starts[i]) is not None:
                continue
            for k, entry, kind in A._candidates_at(sent, i):
                key = A._context_key(sent, i, k)
                assert A._score(entry, kind, key) == _loop_score(entry, kind, key)
                scores[" ".join(sent.norms[i:k])] = A._score(entry, kind, key)
    assert {"said", "warned", "told", "adding", "argued"} <= set(scores)
    assert scores["said"] > 2.0 and scores["told"] > 2.0  # sure cues, their weights summed

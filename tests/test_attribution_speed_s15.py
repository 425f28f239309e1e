"""The rewrites of session 15 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from unittest import mock

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis.article import frame, strings

# --- the table's columns: one int array, string columns cut from Arrow, object columns --------


def _old_table(
    cols: dict[str, list],
    sources: list[tuple[int, int] | None],
    cues: list[tuple[int, int] | None],
    contents: list[list[tuple[int, int]]],
) -> pd.DataFrame:
    """The tail of ``find_attributions`` as it was before session 15 (three NumPy arrays, the
    string array sliced through pandas, an empty object array filled per object column)."""
    n = len(contents)
    no_source = [src is None for src in sources]
    no_cue = [cue is None for cue in cues]
    ints = np.array(
        [
            [src[0] if src else 0 for src in sources],
            [src[1] if src else 0 for src in sources],
            [cue[0] if cue else 0 for cue in cues],
            [cue[1] if cue else 0 for cue in cues],
        ],
        dtype="int64",
    )
    missing = np.array([no_source, no_source, no_cue, no_cue], dtype=bool)
    cells = strings([v for name in A._TEXT_NAMES for v in cols[name]], A._STR)
    arrays: list[object] = []
    for name in A.COLUMNS:
        if name in A._INT_ROWS:
            row = A._INT_ROWS[name]
            arrays.append(pd.arrays.IntegerArray(ints[row], missing[row]))
        elif name == "content_start":
            arrays.append(
                np.array(
                    [[spans[0][0] for spans in contents], [spans[-1][1] for spans in contents]],
                    dtype="int64",
                )
            )
        elif name == "content_end":
            continue
        elif name in A._TEXT_COLUMNS:
            i = A._TEXT_NAMES.index(name)
            arrays.append(cells[i * n : (i + 1) * n])
        else:
            column = np.empty(n, dtype=object)
            column[:] = cols[name]
            arrays.append(column)
    return frame(A._COLUMN_INDEX, arrays)


_SPAN = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))
_TEXT = st.none() | st.text(alphabet="ab “”’é\n…", max_size=6)


@st.composite
def _rows(draw: st.DrawFn) -> tuple[dict[str, list], list, list, list]:
    n = draw(st.integers(0, 6))
    sources = [draw(st.none() | _SPAN) for _ in range(n)]
    cues = [draw(st.none() | _SPAN) for _ in range(n)]
    contents = [draw(st.lists(_SPAN, min_size=1, max_size=3)) for _ in range(n)]
    cols: dict[str, list] = {
        "content_spans": contents,
        "sentence_ids": [draw(st.lists(st.integers(0, 50), max_size=3)) for _ in range(n)],
    }
    for name in A._TEXT_NAMES:
        cols[name] = [draw(_TEXT) for _ in range(n)]
    return cols, sources, cues, contents


def _layout(table: pd.DataFrame) -> list[tuple[object, ...]]:
    return [(type(b), b.dtype, b.mgr_locs.as_array.tolist()) for b in table._mgr.blocks]


@settings(max_examples=300, deadline=None)
@given(_rows())
def test_table_equals_the_old_one(rows: tuple[dict[str, list], list, list, list]) -> None:
    new, old = A._table(*rows), _old_table(*rows)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert list(new.dtypes.astype(str)) == list(old.dtypes.astype(str))
    assert _layout(new) == _layout(old)
    for name in ("content_spans", "sentence_ids"):  # the very lists, not copies or arrays
        assert all(a is b for a, b in zip(new[name], rows[0][name], strict=True))


def test_table_hand_checked() -> None:
    cols = {
        "content_spans": [[(10, 20)], [(30, 35), (40, 50)]],
        "sentence_ids": [[0], [1, 2]],
        "speaker": ["Smith", None],
        "kind": ["indirect", "direct"],
        "cue_lemma": ["say", None],
        "cue_class": ["neutral", None],
        "source_text": ["Smith", None],
        "cue_text": ["said", None],
        "content_text": ["the plan", "We … win"],
    }
    table = A._table(cols, [(0, 5), None], [(6, 10), None], cols["content_spans"])
    assert list(table.columns) == A.COLUMNS
    assert table["source_start"].tolist() == [0, pd.NA]
    assert table["cue_end"].tolist() == [10, pd.NA]
    assert table["content_start"].tolist() == [10, 30]
    assert table["content_end"].tolist() == [20, 50]
    assert table["content_spans"].tolist() == [[(10, 20)], [(30, 35), (40, 50)]]
    assert table["sentence_ids"].tolist() == [[0], [1, 2]]
    assert table["speaker"].tolist()[0] == "Smith" and pd.isna(table["speaker"].tolist()[1])
    assert table["content_text"].tolist() == ["the plan", "We … win"]
    assert table["kind"].tolist() == ["indirect", "direct"]
    assert [str(t) for t in table.dtypes] == ["Int64"] * 4 + ["int64"] * 2 + ["object"] + [
        "str"
    ] * 4 + ["object"] + ["str"] * 3
    empty = A._table({name: [] for name in cols}, [], [], [])
    assert empty.empty and list(empty.columns) == A.COLUMNS
    assert [str(t) for t in empty.dtypes[:6]] == ["Int64"] * 4 + ["int64"] * 2


# --- content scans: a quote mark looked for in C, cut marks visited alone ---------------------


def _old_content_forward(
    text: str, sent: A._Sentence, k: int, quotes: A._QuoteIndex, stop: int, objects: bool = False
) -> list[tuple[int, int]]:
    """Content from token k to the sentence end or a cut; a quote starting there is taken whole.

    With ``objects`` (a verb cue's complement) a time or medium adjunct closing an object is cut.
    """
    norms = sent.norms
    n = min(len(norms), stop)
    while k < n and norms[k] in (",", ":", "—", "–"):
        k += 1
    if k >= n:
        return []
    if norms[k] in A.ADJUNCT_PREPS or norms[k] in A.FRONTED:
        # 'said in Tel Aviv, "Israel is ..."': the quotation after the adjunct is the content
        comma = next((t for t in range(k + 1, min(k + 8, n - 1)) if norms[t] in (",", ":")), None)
        if comma is not None and quotes.starting_at(sent.starts[comma + 1]) is not None:
            k = comma + 1
    q = quotes.starting_at(sent.starts[k])
    if q is not None and not A._words_after(text, sent, q, n):
        return list(q.fragments)
    end = n
    # (only a comma or semicolon cuts: a tail without one skips the scan)
    if not A._CUT_MARKS.isdisjoint(norms[k + 1 : n - 1]):
        for t in range(k + 1, n - 1):
            nxt = norms[t + 1]
            cut = norms[t] == ";" or (
                norms[t] == ","
                and (
                    nxt in A.CONTENT_CUTS
                    or (
                        A.CUT_AT_PARTICIPLE
                        and nxt.endswith("ing")
                        and nxt.isalpha()
                        and nxt not in A.NOT_PARTICIPLES
                    )
                    or (
                        nxt in ("but", "and", "where")
                        and t + 2 < n
                        and norms[t + 2] in A.THIRD_PERSON
                    )
                    or (
                        nxt == "but"
                        and t + 2 < n
                        and (norms[t + 2] in ("the", "his", "her") or A._is_cap(sent.raws[t + 2]))
                    )
                )
            )
            if cut and quotes.at(sent.starts[t + 1]) is None:
                end = t
                break
    # (most contents hold no dash: one set operation on the tokens spares the scan)
    if A.CUT_AT_DASH and not A._DASHES.isdisjoint(norms[k + 1 : end]):
        dashes = [t for t in range(k + 1, end) if norms[t] in A._DASHES and A._is_dash(sent, t)]
        if len(dashes) == 1:
            # one dash: what follows is the writer's aside ("... -- but he didn't ...")
            t = dashes[0]
            if quotes.at(sent.starts[t]) is None and not (
                A.DASH_CONTINUES and t + 1 < n and norms[t + 1] in A.DASH_CONTINUERS
            ):  # not "… — including Jeb Bush", "… — only that …"
                end = t
    if objects and norms[k] not in A.CLAUSE_OPENERS:
        end = A._before_second_verb(sent, k, end, quotes)
        end = A._before_trailing_adjunct(sent, k, end, quotes)
        end = A._before_subordinate(sent, k, end)
    s, e = sent.starts[k], sent.ends[end - 1]
    q_end = quotes.at(e - 1)
    if q_end is not None and q_end.end > e:  # a quote that runs on past the sentence
        e = q_end.end
    s, e = A._trim(text, s, e)
    return [(s, e)] if e > s else []


def _old_quote_before(
    sent: A._Sentence, j: int, quotes: A._QuoteIndex, tail_done: bool = False
) -> tuple[list[tuple[int, int]], int, int] | None:
    """'"...," he said' / 'They "had chemistry," said X': content ending in a quote before the cue.

    Returns the content fragments, the token where the words after the quote start, and the
    token where the content starts (words before the quote make it a mixed quote).
    """
    norms = sent.norms
    t = j
    while t >= 0 and norms[t] != '"':
        t -= 1
    if t < 0 and 0 <= j < 4 and tail_done:
        # '"... OK?" Trump said.' split after the question mark: the quote ends the sentence before
        q = quotes.at(sent.start - 1) or quotes.at(sent.start - 2)
        if (
            q is not None
            and 0 < sent.start - q.end <= 2
            and not any(n in A.CLAUSE_PUNCT for n in norms[: j + 1])
        ):
            return list(q.fragments), 0, 0
        return None
    if t < 0 or j - t > 16:
        return None
    q = quotes.at(sent.starts[t])
    if q is None or q.end != sent.ends[t]:
        return None
    b = t + 1
    while b <= j and norms[b] in (",", "?", "!"):
        b += 1
    if any(
        norms[x] in ("and", "but", "or")
        and not (A.QUOTE_APPOSITIVE_AND and "," in norms[b:x] and "," in norms[x : j + 1])
        for x in range(b, j + 1)
    ):
        return None  # an "and" inside an appositive ("Mr. Kaplan, a screenwriter and ...,") is
    lead = A._lead(sent)
    if q.start <= sent.starts[lead]:
        return list(q.fragments), b, lead
    first_q = next(x for x in range(len(sent.starts)) if sent.starts[x] >= q.start)
    if any(norms[x] == ":" for x in range(lead, first_q)):
        return list(q.fragments), b, first_q  # 'His final assessment: "...," he said.'
    # a mixed quote keeps its leading conjunction ("But when it comes to Carrier, ''we've ...''")
    start = 0
    while start < lead and norms[start] in A.CLAUSE_PUNCT:
        start += 1
    return [(sent.starts[start], q.end)], b, start


_WORDS = [
    "said", "Smith", "the", "plan", "would", "fail", ",", ";", '"', "“", "”", "and", "but",
    "he", "she", "The", "adding", "that", "in", "Paris", "—", "-", "–", ":", "who", "reporters",
    "told", "on", "Monday", "where", "they", "We", "win.", "it", "was", "bad", "(", ")", "U.S.",
    "”,", "“We", "again", "meanwhile", "including", "after", "to", "make", "for", "example",
]  # fmt: skip


@st.composite
def _sentence_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=24))
    return " ".join(words) + draw(st.sampled_from([".", "", " said.", ":"]))


def _laid_out(text: str) -> tuple[A._Sentence, A._QuoteIndex] | None:
    sentences = A._sentences(text, [(0, len(text))], [(0, len(text))], prefilter=False)
    if not sentences or not sentences[0].norms:
        return None
    return sentences[0], A._QuoteIndex(A.find_quotes(text, [(0, len(text))]))


@settings(max_examples=400, deadline=None)
@given(_sentence_texts())
def test_content_forward_equals_the_old_one(text: str) -> None:
    with mock.patch.object(A, "CUT_MODEL", False):  # the hand rule (session 25: a model)
        laid = _laid_out(text)
        if laid is None:
            return
        sent, quotes = laid
        n = len(sent.norms)
        for k in range(n):
            for stop in {n, max(k + 1, n - 3), k + 2}:
                for objects in (False, True):
                    new = A._content_forward(text, sent, k, quotes, stop, objects)
                    assert new == _old_content_forward(text, sent, k, quotes, stop, objects)


@settings(max_examples=400, deadline=None)
@given(_sentence_texts())
def test_quote_before_equals_the_old_one(text: str) -> None:
    laid = _laid_out(text)
    if laid is None:
        return
    sent, quotes = laid
    for j in range(-1, len(sent.norms)):
        for tail_done in (False, True):
            new = A._quote_before(sent, j, quotes, tail_done)
            # NAMES_AND_QUOTE (session 19) came after the reference: '"…," Smith and Smith'
            names = new is not None and _names_and_quote(sent, j)
            assert names or new == _old_quote_before(sent, j, quotes, tail_done)


def _names_and_quote(sent: A._Sentence, j: int) -> bool:
    """Two capitalised words joined by "and" after the quote and up to token j."""
    raws = sent.raws
    return any(
        raws[x] == "and" and 0 < x < len(raws) - 1 and A._is_cap(raws[x - 1])
        and A._is_cap(raws[x + 1])
        for x in range(j + 1)
    )  # fmt: skip


def test_quote_before_on_a_last_token_and() -> None:
    """An "and" closing the sentence has no word after it to test (hypothesis found the
    IndexError in session 21)."""
    sent, quotes = _laid_out('“ " Smith and')
    assert A._quote_before(sent, len(sent.norms) - 1, quotes) is None
    sent, quotes = _laid_out('“ " Smith and Smith.')
    assert A._quote_before(sent, 3, quotes) == ([(0, 3)], 2, 0)


def test_content_scans_hand_checked() -> None:
    with mock.patch.object(A, "CUT_MODEL", False):  # the hand rule (session 25: a model)
        text = "Smith said the plan would fail , and he left ; it was bad."
        sent, quotes = _laid_out(text)
        k = sent.norms.index("the")
        assert A._content_forward(text, sent, k, quotes, len(sent.norms)) == [
            (text.index("the plan"), text.index(" ,"))  # cut at ", and he"
        ]
        text = "“We will win,” Smith said."
        sent, quotes = _laid_out(text)
        j = sent.norms.index("smith")
        assert A._quote_before(sent, j, quotes) == ([(0, text.index(" Smith"))], j, 0)
        text = "We will win , Smith said."  # no quote mark: nothing before the cue
        sent, quotes = _laid_out(text)
        assert A._quote_before(sent, sent.norms.index("smith"), quotes) is None


# --- sorted lists built by comprehensions, not generators -------------------------------------


def _old_floating_quotes(
    text: str, found: list[A.Found], quotes: A._QuoteIndex, sentence_starts: set[int]
) -> list[A.Found]:
    """Quotes no cue claims, spoken by the source of the attribution just before (or after).

    '"We will win," Smith said. "Nobody can stop us."' is joined by :func:`_continue_quotes`;
    here a quote standing in its own sentence or paragraph takes the speaker of the nearest
    attribution within ``A.FLOAT_WINDOW`` characters before it, else just after it. It has no cue.
    """
    # a quoted phrase inside a sentence is not a floating quotation: without a quote opening a
    # sentence (most texts) the claimed spans are never read
    opening = [q for q in quotes.quotes if q.start in sentence_starts]
    if not opening:
        return []
    claimed = sorted(
        span
        for f in found
        for span in [*f.content, *([f.cue] if f.cue else []), *([f.source] if f.source else [])]
    )
    claimed_starts = [c[0] for c in claimed]
    reach = list(accumulate((c[1] for c in claimed), max))  # furthest end among spans so far
    with_source = sorted(
        (((f.cue or f.content[0])[0], f) for f in found if f.source is not None and f.cue),
        key=lambda pf: pf[0],
    )
    positions = [p for p, _ in with_source]
    out = []
    for q in opening:
        k = bisect_left(claimed_starts, q.end)
        if k > 0 and reach[k - 1] > q.start:
            continue  # some attribution already covers part of it
        if A._word_count(text, q.start, q.end, A.FLOAT_MIN_WORDS) < A.FLOAT_MIN_WORDS:
            continue
        i = bisect_left(positions, q.start) - 1
        speaker = None
        if i >= 0 and q.start - positions[i] <= A.FLOAT_WINDOW:
            speaker = with_source[i][1]
        elif i + 1 < len(positions) and positions[i + 1] - q.end <= A.FLOAT_WINDOW // 2:
            speaker = with_source[i + 1][1]
        if speaker is not None:
            out.append(  # (the anchor kept since session 23, for the PolNeAR join)
                A.Found(
                    None, list(q.fragments), speaker.source, None, "direct", {"anchor": speaker}
                )
            )
    return out


def _old_drop_nested_cues(sentences: list[A._Sentence], per_sentence: list[list[A.Found]]) -> None:
    """Drop attributions whose cue lies inside another attribution's content unless the
    classifier is sure of it: on the held-out train slice a nested cue ("Trump said the poll
    *showed* ...") made a correct attribution a quarter of the time, a free-standing one four
    times in five."""
    model = A.cue_model() if A.CUE_MODEL else None
    if model is None:
        return
    spans = sorted(
        (s, e, id(f)) for found in per_sentence for f in found if f.cue for s, e in f.content
    )
    if len(spans) < 2:
        return
    starts = [sp[0] for sp in spans]
    reach = list(accumulate((sp[1] for sp in spans), max))  # the furthest end so far
    limit = A._threshold_logit(model["threshold"]) + A.NESTED_MIN_LOGIT
    for sent, found in zip(sentences, per_sentence, strict=True):
        if not found:
            continue
        keep = []
        for f in found:
            if f.cue is not None and f.entry is not None and f.entry.pos not in A.NESTED_EXEMPT:
                cs, ce = f.cue
                j = bisect_right(starts, cs)
                nested = (
                    j > 0
                    and reach[j - 1] >= ce
                    and any(spans[t][1] >= ce and spans[t][2] != id(f) for t in range(j))
                )
                if nested and A._found_logit(model, sent, f) < limit:
                    continue
            keep.append(f)
        found[:] = keep


_PARAGRAPHS = [
    "“We will not accept this plan at all, not now and not ever,” Smith said.",
    "“Nobody can stop us from winning this election in the end.”",
    "The minister said the plan would fail, adding that talks had stalled.",
    "Officials told reporters on Monday that the deal, which Smith said was bad, collapsed.",
    "Jones argued that the mayor, who claimed victory, had lied about the vote.",
    "“It is over for them now and for all of their friends,” she added.",
    "Roads were closed. The river rose overnight.",
    "Smith said the plan was bad.",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PARAGRAPHS), min_size=1, max_size=6))
def test_extract_equals_the_old_one(paragraphs: list[str]) -> None:
    """``extract`` with the old ``_floating_quotes`` and ``_drop_nested_cues`` (sorted
    generators) finds the same attributions as with the new ones."""
    text = "A headline\n\n" + "\n\n".join(paragraphs)
    regions = [(0, 10), (12, len(text))]
    new = A.extract(text, regions)
    old_floating, old_nested = A._floating_quotes, A._drop_nested_cues
    A._floating_quotes, A._drop_nested_cues = _old_floating_quotes, _old_drop_nested_cues
    try:
        old = A.extract(text, regions)
    finally:
        A._floating_quotes, A._drop_nested_cues = old_floating, old_nested
    assert new == old


def test_floating_and_nested_hand_checked() -> None:
    text = "A headline\n\n" + "\n\n".join([_PARAGRAPHS[-1], _PARAGRAPHS[1]])
    found = A.extract(text, [(0, 10), (12, len(text))])
    assert [f.cue is None for f in found] == [False, True]  # the second quotation floats
    assert found[1].source == found[0].source == (text.index("Smith"), text.index(" said"))
    assert found[1].content == [(text.index("“Nobody"), len(text))]


# --- a cue position's candidates returned as soon as they are known ------------------------------

# ``_candidates_at`` as it was before session 15, run against the module's own names
_OLD_RULES = r'''
def _candidates_at(sent: _Sentence, i: int) -> list[tuple[int, CueEntry, str]]:
    """Cue candidates starting at token i, longest first: (end token, entry, kind).

    Kinds: "lex" (a mined or hand-listed phrase), "lemma" (another form of a mined cue lemma,
    "asserting" from "assert"), "vec" (a vector neighbour of a cue, "warns" near "warned"),
    "generic" (an unknown -ed verb before "that", or since session 23 before a colon and a
    quotation: ``GENERIC_NEXT``, which this old code predates and now reads).
    """
    norms = sent.norms
    w = norms[i]
    out = []
    trie, lemma_forms, neighbours = _candidate_tables()
    node = trie.get(w)
    k = i + 1
    while node is not None:
        entry = node.get("")
        if entry is not None:
            out.append((k, entry, "lex"))
        if k >= len(norms):
            break
        node = node.get(norms[k])
        k += 1
    out.reverse()  # longest first
    if not out and LEMMA_CANDIDATES and w in lemma_forms:
        entry = _lemma_entry(w)
        if entry is not None and sent.raws[i][:1].islower():
            out.append((i + 1, entry, "lemma"))
    if not out and w in neighbours and sent.raws[i][:1].islower():
        out.append((i + 1, neighbours[w], "vec"))
    if not out and i + 1 < len(norms) and norms[i + 1] in GENERIC_NEXT and _generic_cue(sent, i):
        out.append((i + 1, _generic_entry(w), "generic"))
    return out
'''
_OLD = dict(vars(A))
exec(_OLD_RULES, _OLD)  # the replaced code, verbatim, as the oracle

_CUE_WORDS = [
    "said", "told", "says", "according", "to", "adding", "argued", "claimed", "noting", "that",
    "asserted", "warned", "insisted", "by", "was", "reported", "who", "has", "also", "the",
    "Smith", "Jones", "officials", "he", "she", "they", ",", '"', "“", "”", ":", "in", "a",
    "statement", "plan", "would", "fail", "and", "but", "on", "Monday", "reporters", "it", "is",
    "expected", "asked", "about", "Asked", "Saying", "denied", "suggested", "believes", ".",
    "accepts", "accuse", "Accuse", "adopt", "adamant", "admited", "widgeted",
]  # fmt: skip


@st.composite
def _cue_texts(draw: st.DrawFn) -> str:
    sentences = [
        " ".join(draw(st.lists(st.sampled_from(_CUE_WORDS), min_size=2, max_size=18))) + "."
        for _ in range(draw(st.integers(1, 3)))
    ]
    return " ".join(sentences)


def _two_layouts(text: str) -> tuple[list[A._Sentence], list[A._Sentence], A._QuoteIndex]:
    regions = [(0, len(text))]
    spans = A.split_sentences(text, 0, len(text))
    first = A._sentences(text, regions, spans, prefilter=False)
    second = A._sentences(text, regions, spans, prefilter=False)
    return first, second, A._QuoteIndex(A.find_quotes(text, regions))


@settings(max_examples=400, deadline=None)
@given(_cue_texts())
def test_candidates_equal_the_old_ones(text: str) -> None:
    sentences, _, _ = _two_layouts(text)
    for sent in sentences:
        for i in range(len(sent.norms)):
            assert A._candidates_at(sent, i) == _OLD["_candidates_at"](sent, i)


def test_rules_hand_checked() -> None:
    text = "Smith said the plan would fail, adding that talks had stalled."
    (sent,), _, quotes = _two_layouts(text)
    assert A._candidates_at(sent, 1) == [(2, A.cue_lexicon()[("said",)], "lex")]
    found = A._attribute_sentence(text, sent, quotes)
    assert [text[f.cue[0] : f.cue[1]] for f in found] == ["said", "adding"]
    assert [text[f.source[0] : f.source[1]] for f in found] == ["Smith", "Smith"]
    assert text[slice(*found[1].content[0])] == "that talks had stalled"
    text = "They adopt it. He widgeted that it was over."  # a neighbour, an unknown -ed verb
    sentences, _, _ = _two_layouts(text)
    assert A._candidates_at(sentences[0], 1) == [(2, A._neighbours()["adopt"], "vec")]
    assert [c[2] for c in A._candidates_at(sentences[1], 1)] == ["generic"]
    text = "“We will win,” Smith said."
    (sent,), _, quotes = _two_layouts(text)
    (f,) = A._attribute_sentence(text, sent, quotes)
    assert f.content == [(0, text.index(" Smith"))] and text[slice(*f.source)] == "Smith"


# --- no prefilter by piece flags: the tokens' own check decides -------------------------------

# ``_sentences`` as it was before (its prefilter by ``_PIECE_FLAGS``), run on the module's names
_OLD_SENTENCES = r'''
def _sentences(
    text: str,
    regions: list[tuple[int, int]],
    spans: list[tuple[int, int]] | None = None,
    always: int = -1,
    prefilter: bool = True,
    defer: bool = False,
) -> list[_Sentence]:
    """Sentences of the regions (or the given sentence ``spans``) with their tokens; a sentence
    without any word a cue needs keeps no tokens (an empty placeholder, so that neighbours stay
    neighbours). The sentence starting at ``always`` keeps them regardless (a headline). With
    ``defer``, a sentence tokenised piece by piece keeps the lengths its offsets sum (None as
    ``starts`` and ``ends`` until ``_lay_out``).

    Each sentence is tokenised on its own, piece by piece (``_PIECES``): exact because a
    sentence has white space (or the text's edge) on both sides, so no token of the text
    straddles it; other spans go through ``_text_sentences``. A sentence none of whose pieces
    holds such a word or "that" (``_PIECE_FLAGS``) is a placeholder before its tokens are
    laid out (about a third of them)."""
    if spans is None:
        spans = [se for r_start, r_end in regions for se in split_sentences(text, r_start, r_end)]
    if not spans:
        return []
    if len(_PIECES) >= PIECES_LIMIT:
        _PIECES.clear()
    tokens_of = _PIECES.__getitem__
    flagged = _PIECE_FLAGS.__getitem__
    cue_words = _cue_words()
    n = len(text)
    out = []
    last = 0
    for s, e in spans:
        if s < last or (s and not text[s - 1].isspace()) or (e < n and not text[e].isspace()):
            return _text_sentences(text, spans, always, prefilter)
        last = e
        pieces = text[s:e].split(" ")
        if prefilter and s != always and not any(map(flagged, pieces)):
            out.append(_Sentence(s, e, _NONE, _NONE, _NONE, _NONE))
            continue
        try:  # (length, raw, gap, norm) of every token
            flat = list(chain.from_iterable(map(tokens_of, pieces)))
        except TypeError:  # a piece's None: no token, or a gap before its first
            starts, ends, raws, norms = _tokens(text, s, e)
            if not raws:
                continue
        else:
            norms = flat[3::4]
            starts = None
        if prefilter and s != always and cue_words.isdisjoint(norms) and not _maybe_generic(norms):
            out.append(_Sentence(s, e, _NONE, _NONE, _NONE, _NONE))
            continue
        if starts is None:
            if defer:
                out.append(_Sentence(s, e, None, None, norms, flat[1::4], lengths=flat[0::2]))
                continue
            # the lengths of token, gap, token, ..., gap: their running sums are the offsets
            offsets = list(accumulate(flat[0::2], initial=s))
            starts, ends, raws = offsets[0:-1:2], offsets[1::2], flat[1::4]
        out.append(_Sentence(s, e, starts, ends, norms, raws))
    return out
'''


class _OldPieceFlags(dict):
    """The per-piece flags the old ``_sentences`` read (since removed from the package): a piece
    could keep its sentence when one of its tokens is a word a cue needs or "that", or when it
    has no tokens laid end to end (None). A colon too since session 23 (``COLON_VERB_CUE``: an
    unknown verb before a colon may be a cue), which the old code predates."""

    def __missing__(self, piece: str) -> bool:
        tokens = A._PIECES[piece]
        keep = A._cue_words() | {"that"} | ({":"} if A.COLON_VERB_CUE else set())
        flag = self[piece] = tokens is None or not keep.isdisjoint(tokens[3::4])
        return flag


_OLD["_PIECE_FLAGS"] = _OldPieceFlags()
exec(_OLD_SENTENCES, _OLD)  # the replaced code, verbatim, as the oracle

_SENTENCE_WORDS = [*_CUE_WORDS, "cat", "sat", "rain", "fell", "was", "that", "bad", "e-mail",
                   "it widgeted that", "It fizzed that", "rain fell", "cat sat", "the cat",
                   "“Quote”", "x_y", "(so)", "U.S.", "It’s", "  ", "\n"]  # fmt: skip


@st.composite
def _sentence_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], int]:
    sentences = [
        " ".join(draw(st.lists(st.sampled_from(_SENTENCE_WORDS), min_size=1, max_size=10)))
        for _ in range(draw(st.integers(1, 5)))
    ]
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    always = draw(st.sampled_from([-1, 0, spans[-1][0]]))
    return " ".join(sentences), spans, always


@settings(max_examples=500, deadline=None)
@given(_sentence_spans(), st.booleans(), st.booleans(), st.booleans())
def test_sentences_equal_the_old_ones(
    case: tuple[str, list[tuple[int, int]], int], prefilter: bool, defer: bool, cold: bool
) -> None:
    text, spans, always = case
    if cold:
        A._PIECES.clear()
    new = A._sentences(text, [], spans, always=always, prefilter=prefilter, defer=defer)
    old = _OLD["_sentences"](text, [], spans, always=always, prefilter=prefilter, defer=defer)
    for sent in (*new, *old):
        if sent.starts is None:
            A._lay_out(sent)
    assert new == old
    assert [(s.starts, s.ends) for s in new] == [(s.starts, s.ends) for s in old]


def test_sentences_hand_checked() -> None:
    text = "The cat sat. He said it rained. It was that bad. Rain fell."
    spans = [(0, 12), (13, 31), (32, 48), (49, 59)]
    sents = A._sentences(text, [], spans)
    assert [bool(s.norms) for s in sents] == [False, True, False, False]
    assert sents[1].raws == ["He", "said", "it", "rained", "."]
    assert sents[1].starts == [13, 16, 21, 24, 30]
    assert [(s.start, s.end) for s in sents] == spans
    text = "It widgeted that rain fell. The cat sat."  # an unknown -ed verb before "that"
    assert [bool(s.norms) for s in A._sentences(text, [], [(0, 27), (28, 40)])] == [True, False]
    kept = A._sentences(text, [], [(0, 27), (28, 40)], always=28)  # a headline keeps its tokens
    assert kept[1].norms == ["the", "cat", "sat", "."]
    text = "The cat sat. He said it rained. It was that bad. Rain fell."
    kept = A._sentences(text, [], spans, always=0)
    assert kept[0].norms == ["the", "cat", "sat", "."]

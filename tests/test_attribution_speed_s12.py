"""The rewrites of session 12 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis import attribution_quotes as Q
from analysis.segment import split_sentences

# --- sentences tokenised piece by piece -------------------------------------------------------


def _old_sentences(
    text: str,
    regions: list[tuple[int, int]],
    spans: list[tuple[int, int]] | None = None,
    always: int = -1,
    prefilter: bool = True,
) -> list[A._Sentence]:
    """``_sentences`` as written before session 12: the token regex over the text from the
    first sentence to the last, then a slice per sentence."""
    if spans is None:
        spans = [se for r_start, r_end in regions for se in split_sentences(text, r_start, r_end)]
    if not spans:
        return []
    first = spans[0][0]
    parts = A._TOKEN_SPLIT_RE.split(text[first : spans[-1][1]])
    offsets = list(accumulate(map(len, parts), initial=first))
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    raws = parts[1::2]
    norms = [A.normalize(r) for r in raws]
    cue_words = A._cue_words()
    out = []
    i = 0
    for s, e in spans:
        i = bisect_left(starts, s, i)
        j = bisect_left(starts, e, i)
        if j == i:
            continue
        sent_norms = norms[i:j]
        if (
            prefilter
            and s != always
            and cue_words.isdisjoint(sent_norms)
            and not A._maybe_generic(sent_norms)
        ):
            out.append(A._Sentence(s, e, A._NONE, A._NONE, A._NONE, A._NONE))
        else:
            out.append(A._Sentence(s, e, starts[i:j], ends[i:j], sent_norms, raws[i:j]))
        i = j
    return out


_PIECES = [
    "He", "said", "Trump.", "“We", "it's", "x-y", "told", "that", "the", "claimed", "7", "Zé",
    "_", "_ok", "'", "''", "’Twas", "—", ",", "“", "”", '"', ".", "ok_", "a__b", "🙂", "\u0301",
]  # fmt: skip
_GAPS = [" ", " ", " ", " ", "  ", "\n", "\n\n", " \n", "\t", "\u00a0", "_ ", " _"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=24))
    gaps = draw(st.lists(st.sampled_from(_GAPS), min_size=len(words), max_size=len(words)))
    lead = draw(st.sampled_from(["", " ", "_", "\n"]))
    return lead + "".join(w + g for w, g in zip(words, gaps, strict=True))


def _fresh(fn: Callable[..., object], *args: object, **kwargs: object) -> object:
    """The call with the piece memos emptied first (every piece a miss)."""
    A._PIECES.cache_clear()
    return fn(*args, **kwargs)


@settings(max_examples=400, deadline=None)
@given(_texts(), st.booleans(), st.booleans())
def test_sentences_by_pieces_equal_one_pass_over_the_text(text, prefilter, cold):
    spans = split_sentences(text)
    always = spans[0][0] if spans else -1
    if cold:
        A._PIECES.cache_clear()
    got = A._sentences(text, [], spans, always=always, prefilter=prefilter)
    assert got == _old_sentences(text, [], spans, always, prefilter)
    assert got == A._sentences(text, [], spans, always=always, prefilter=prefilter)  # warm


@settings(max_examples=300, deadline=None)
@given(_texts(), st.lists(st.integers(0, 60), min_size=2, max_size=8))
def test_sentences_of_any_spans_equal_the_old_ones(text, cuts):
    """Spans that do not sit between white space (or overlap) take the one-pass path."""
    cuts = sorted(min(c, len(text)) for c in cuts)
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    assert A._sentences(text, [], spans, prefilter=False) == _old_sentences(
        text, [], spans, prefilter=False
    )


def test_sentences_hand_checked():
    text = "He said  it. “We\nknow,” they _argued_ that.\nOK"
    spans = [(0, 12), (13, 43), (44, 46)]
    sents = A._sentences(text, [], spans, prefilter=False)
    assert [s.raws for s in sents] == [
        ["He", "said", "it", "."],  # a double space: the sentence goes through the regex
        ["“", "We", "know", ",", "”", "they", "argued", "that", "."],
        ["OK"],
    ]
    assert sents[1].starts == [13, 14, 17, 21, 22, 24, 30, 38, 42]
    assert sents[1].ends == [14, 16, 21, 22, 23, 28, 36, 42, 43]
    assert sents[1].norms[:2] == ['"', "we"]
    assert sents == _old_sentences(text, [], spans, prefilter=False)


def test_piece_memo_holds_tokens_and_lengths():
    A._PIECES.cache_clear()
    # (length, raw, gap, norm) per token; the last gap counts the space after the piece
    assert A._PIECES["“We’re,"] == (1, "“", 0, '"', 5, "We’re", 0, "we're", 1, ",", 1, ",")
    assert A._PIECES["x__y"] == (1, "x", 2, "x", 1, "y", 1, "y")
    assert A._PIECES["Kyiv."] == (4, "Kyiv", 0, "kyiv", 1, ".", 1, ".")
    assert A._PIECES["Zelensky"] == (8, "Zelensky", 1, "zelensky")
    for piece in ("", "_", "\nWe", "_ok"):  # no token, or a gap before the first
        assert A._PIECES[piece] is None
    A._PIECES.cache_clear()
    assert not A._PIECES


def test_piece_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(A, "PIECES_LIMIT", 4)
    A._PIECES.cache_clear()
    text = "one two three four five six."
    expected = _old_sentences(text, [], [(0, len(text))], prefilter=False)
    assert A._sentences(text, [], [(0, len(text))], prefilter=False) == expected
    assert len(A._PIECES) == 6
    assert A._sentences(text, [], [(0, len(text))], prefilter=False) == expected
    assert len(A._PIECES) == 6  # emptied once full, then refilled by the text's pieces


@pytest.mark.parametrize("prefilter", [True, False])
def test_bundled_article_sentences_unchanged(prefilter):
    from analysis.article import Article
    from analysis.paths import BUNDLED_ARTICLE

    article = Article.from_text(BUNDLED_ARTICLE.read_text(encoding="utf-8"))
    regions = A.attribution_regions(article)
    got = _fresh(A._sentences, article.text, regions, prefilter=prefilter)
    assert got == _old_sentences(article.text, regions, prefilter=prefilter)
    assert sum(bool(s.norms) for s in got) > 5


# --- starter hits by compress ------------------------------------------------------------------


def _old_starter_hits(norms: list[str]) -> list[int]:
    """``_starter_hits`` as written before session 12."""
    words = A._scan_words()
    return [i for i, w in enumerate(norms) if w in words]


_NORM_WORDS = ["said", "the", "that", "has", "told", "according", "to", "cat", ",", '"', "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NORM_WORDS), max_size=30))
def test_starter_hits_equal_the_comprehension(norms):
    assert A._starter_hits(norms) == _old_starter_hits(norms)


def test_starter_hits_hand_checked():
    assert A._starter_hits(["he", "said", "that", "the", "cat", "told", "x"]) == [1, 2, 3, 5]
    assert A._starter_hits([]) == []


def _regex_entry(piece: str) -> tuple[int | str, ...] | None:
    """A piece's memo entry from the token regex alone (the general path)."""
    parts = A._TOKEN_SPLIT_RE.split(piece)
    if len(parts) < 3 or parts[0]:
        return None
    out: list[int | str] = []
    for t in range(1, len(parts), 2):
        gap = len(parts[t + 1]) + (t == len(parts) - 2)
        out += (len(parts[t]), parts[t], gap, A.normalize(parts[t]))
    return tuple(out)


def test_word_and_mark_pieces_equal_the_regex_for_every_code_point():
    """The two shortcuts of a new piece (one word; a word and a last character) give what the
    regex gives, whatever that last character (every code point) or a lone one."""
    for code in range(0x110000):
        c = chr(code)
        for piece in ("ab" + c, c, "’" + c):
            A._PIECES.pop(piece, None)
            assert A._PIECES[piece] == _regex_entry(piece), hex(code)
    A._PIECES.cache_clear()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "\n", "\t"]), min_size=1, max_size=4))
def test_new_pieces_equal_the_regex(parts):
    piece = "".join(parts)
    A._PIECES.pop(piece, None)
    assert A._PIECES[piece] == _regex_entry(piece)


# --- quote marks from one scan over the text ----------------------------------------------------


def _old_find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Q.Quote]:
    """``find_quotes`` as written before session 12: ``_marks`` scanned paragraph by paragraph
    (with session 23's nested curly quotations)."""
    quotes: list[Q.Quote] = []
    pending: list[tuple[int, int]] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        lead = Q._first_char(text, p_start, p_end)
        if pending and lead < p_end and Q._MARK_RE.match(text, lead):
            open_at = lead
        else:
            pending = []
        marks = Q._marks(text, p_start, p_end)
        skip_to = -1
        for k, (i, mark_end) in enumerate(marks):
            if i == open_at or i <= skip_to:
                continue
            if open_at is None:
                if Q._opens(text, i):
                    open_at = i
            elif text[i] in Q._OPENERS and not (Q.LEFT_MARK_CLOSES and Q._typed_closer(text, i)):
                if Q.NESTED_CURLY and Q._nested_pair(text, marks, k):
                    skip_to = marks[k + 1][0]
                    continue
                open_at, pending = i, []
            else:
                fragments = (*pending, (open_at, mark_end))
                quotes.append(Q.Quote(fragments[0][0], mark_end, fragments))
                pending, open_at = [], None
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            nxt_lead = Q._first_char(text, *nxt) if nxt else None
            if nxt and nxt_lead < nxt[1] and Q._MARK_RE.match(text, nxt_lead):
                pending = [*pending, (open_at, p_end)]
            else:
                pending = []
    return quotes


_QUOTE_TEXT = st.text(alphabet=list("ab ,'\"“”„«»\n"), max_size=40)


@settings(max_examples=600, deadline=None)
@given(_QUOTE_TEXT, st.lists(st.integers(0, 40), max_size=10), st.booleans())
def test_find_quotes_equal_the_scan_per_paragraph(text, cuts, overlap):
    """Paragraph ends anywhere, inside runs of apostrophes too; overlapping ones as well."""
    cuts = sorted(min(c, len(text)) for c in cuts)
    paragraphs = list(zip(cuts[::2], cuts[1::2], strict=False))
    if overlap and len(paragraphs) > 1:
        paragraphs[1] = (max(0, paragraphs[0][1] - 2), paragraphs[1][1])
    assert Q.find_quotes(text, paragraphs) == _old_find_quotes(text, paragraphs)
    assert Q._marks_by_paragraph(text, paragraphs) == [Q._marks(text, *p) for p in paragraphs]


def test_marks_of_a_paragraph_cut_inside_a_closing_run():
    """Three apostrophes closing a quotation pair up as one plus the closing two; a paragraph
    that ends after two of them holds one mark, as when scanned alone (hypothesis found it)."""
    text = "aaaaaaa'''"
    assert Q._marks(text, 0, 10) == [(8, 10)]
    assert Q._marks_by_paragraph(text, [(0, 9)]) == [Q._marks(text, 0, 9)] == [[(7, 9)]]
    assert Q._marks_by_paragraph(text, [(0, 9), (9, 10)]) == [[(7, 9)], []]


def test_find_quotes_hand_checked():
    text = "He said “yes.”\n“No,” ''she'' said: ''''\n“Go on”"
    paragraphs = [(0, 14), (15, 39), (40, 47)]
    quotes = Q.find_quotes(text, paragraphs)
    assert [(q.start, q.end) for q in quotes] == [(8, 14), (15, 20), (21, 28), (35, 39), (40, 47)]
    assert quotes == _old_find_quotes(text, paragraphs)
    assert Q._marks_by_paragraph(text, [(0, 14), (35, 39)])[1] == [(35, 37), (37, 39)]
    assert Q._marks_by_paragraph(text, [(0, 14), (36, 39)])[1] == [(36, 38)]  # inside a run

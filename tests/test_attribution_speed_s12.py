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
    """``find_quotes`` as written before session 12: ``_marks`` scanned paragraph by paragraph."""
    quotes: list[Q.Quote] = []
    pending: list[tuple[int, int]] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        lead = Q._first_char(text, p_start, p_end)
        if pending and lead < p_end and Q._MARK_RE.match(text, lead):
            open_at = lead
        else:
            pending = []
        for i, mark_end in Q._marks(text, p_start, p_end):
            if i == open_at:
                continue
            if open_at is None:
                if Q._opens(text, i):
                    open_at = i
            elif text[i] in Q._OPENERS:
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


_QUOTE_TEXT = st.text(alphabet=list("ab '\"“”„«»\n"), max_size=40)


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


def test_find_quotes_hand_checked():
    text = "He said “yes.”\n“No,” ''she'' said: ''''\n“Go on”"
    paragraphs = [(0, 14), (15, 39), (40, 47)]
    quotes = Q.find_quotes(text, paragraphs)
    assert [(q.start, q.end) for q in quotes] == [(8, 14), (15, 20), (21, 28), (35, 39), (40, 47)]
    assert quotes == _old_find_quotes(text, paragraphs)
    assert Q._marks_by_paragraph(text, [(0, 14), (35, 39)])[1] == [(35, 37), (37, 39)]
    assert Q._marks_by_paragraph(text, [(0, 14), (36, 39)])[1] == [(36, 38)]  # inside a run


# --- content cuts at the places of their marks ------------------------------------------------


def _old_content_forward(
    text: str, sent: A._Sentence, k: int, quotes: A._QuoteIndex, stop: int, objects: bool = False
) -> list[tuple[int, int]]:
    """``_content_forward`` as written before session 12 (a test at every token)."""
    norms = sent.norms
    n = min(len(norms), stop)
    while k < n and norms[k] in (",", ":", "—", "–"):
        k += 1
    if k >= n:
        return []
    if norms[k] in A.ADJUNCT_PREPS or norms[k] in A.FRONTED:
        comma = next((t for t in range(k + 1, min(k + 8, n - 1)) if norms[t] in (",", ":")), None)
        if comma is not None and quotes.starting_at(sent.starts[comma + 1]) is not None:
            k = comma + 1
    q = quotes.starting_at(sent.starts[k])
    if q is not None and not A._words_after(text, sent, q, n):
        return list(q.fragments)
    end = n
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
                or (nxt in ("but", "and", "where") and t + 2 < n and norms[t + 2] in A.THIRD_PERSON)
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
    if A.CUT_AT_DASH:
        dashes = [t for t in range(k + 1, end) if norms[t] in A._DASHES and A._is_dash(sent, t)]
        if len(dashes) == 1:
            t = dashes[0]
            if quotes.at(sent.starts[t]) is None and not (
                A.DASH_CONTINUES and t + 1 < n and norms[t + 1] in A.DASH_CONTINUERS
            ):
                end = t
    if objects and norms[k] not in A.CLAUSE_OPENERS:
        end = _old_before_second_verb(sent, k, end, quotes)
        end = A._before_trailing_adjunct(sent, k, end, quotes)
        end = A._before_subordinate(sent, k, end)
    s, e = sent.starts[k], sent.ends[end - 1]
    q_end = quotes.at(e - 1)
    if q_end is not None and q_end.end > e:
        e = q_end.end
    s, e = A._trim(text, s, e)
    return [(s, e)] if e > s else []


def _old_before_second_verb(sent: A._Sentence, k: int, end: int, quotes: A._QuoteIndex) -> int:
    """``_before_second_verb`` as written before session 12."""
    norms, raws = sent.norms, sent.raws
    for t in range(k + 2, end - 1):
        if norms[t] != "and" or quotes.at(sent.starts[t]) is not None:
            continue
        nxt = norms[t + 1]
        then = norms[t + 2] if t + 2 < end else ""
        takes_object = (
            then in A.DETERMINERS or then in A.PERSONAL_PRONOUNS or then in ("him", "them")
        )
        verb = raws[t + 1][:1].islower() and (
            nxt in A.SECOND_VERB_LEADS
            or (nxt.endswith("ed") and takes_object)
            or (
                nxt.endswith("ing")
                and takes_object
                and not any(w.endswith("ing") for w in norms[k:t])
            )
        )
        if verb and A._object_like(sent, k, t):
            return t
    return end


_CONTENT_WORDS = [
    ",", ",", ";", "and", "and", "but", "where", "he", "they", "the", "his", "Trump", "called",
    "showed", "saying", "including", "—", "-", "--", "“", "”", '"', "that", "in", "on", "Monday",
    "it", "them", "a", "plan", "which", "when", "to", "said", ".",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(_CONTENT_WORDS), min_size=2, max_size=30),
    st.integers(0, 30),
    st.integers(0, 32),
    st.booleans(),
)
def test_content_forward_equals_the_test_at_every_token(words, k, stop, objects):
    text = " ".join(words)
    (sent,) = A._sentences(text, [], [(0, len(text))], prefilter=False)
    quotes = A._QuoteIndex(Q.find_quotes(text, [(0, len(text))]))
    k = min(k, len(sent.norms) - 1)
    got = A._content_forward(text, sent, k, quotes, stop, objects=objects)
    assert got == _old_content_forward(text, sent, k, quotes, stop, objects=objects)
    end = min(stop, len(sent.norms))
    assert A._before_second_verb(sent, k, end, quotes) == _old_before_second_verb(
        sent, k, end, quotes
    )


def test_content_forward_hand_checked():
    text = "the plan is dead; he said , saying it — and showed them the door ."
    (sent,) = A._sentences(text, [], [(0, len(text))], prefilter=False)
    quotes = A._QuoteIndex([])
    assert A._content_forward(text, sent, 0, quotes, 99) == [(0, 16)]  # cut at ";"
    assert A._content_forward(text, sent, 5, quotes, 99) == [(18, 25)]  # at ", saying"
    k = sent.norms.index("saying") + 1
    assert A._content_forward(text, sent, k, quotes, 99, objects=True) == [(35, 37)]  # "it"
    text = "he called them liars and showed them the door ."
    (sent,) = A._sentences(text, [], [(0, len(text))], prefilter=False)
    assert A._before_second_verb(sent, 2, len(sent.norms), quotes) == 4  # at "and showed"

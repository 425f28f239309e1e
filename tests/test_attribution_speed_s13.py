"""The rewrites of session 13 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

from itertools import accumulate, chain

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis.attribution_quotes import find_quotes

# --- random sentences with their quotes ---------------------------------------------------------

_WORDS = [
    "He", "said", "that", "the", "and", "told", "a", "Trump", "—", "–", "-", ",", ";", ":", '"',
    "“", "”", ".", "saying", "but", "he", "on", "Monday", "claimed", "in", "Twitter", "and",
    "was", "showed", "him", "for", "example", "adding", "it", "which", "will", "called",
]  # fmt: skip


@st.composite
def _sentence_cases(draw: st.DrawFn) -> tuple[str, A._Sentence, A._QuoteIndex]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
    text = " ".join(words)
    sent = A._sentences(text, [], [(0, len(text))], prefilter=False)[0]
    return text, sent, A._QuoteIndex(find_quotes(text, [(0, len(text))]))


# --- sentences skipped by their pieces' flags ------------------------------------------------


def _old_sentences(
    text: str, spans: list[tuple[int, int]], always: int = -1, prefilter: bool = True
) -> list[A._Sentence]:
    """``_sentences`` as written before session 13 (every sentence's tokens laid out before the
    prefilter reads them)."""
    tokens_of = A._PIECES.__getitem__
    cue_words = A._cue_words()
    n = len(text)
    out = []
    last = 0
    for s, e in spans:
        if s < last or (s and not text[s - 1].isspace()) or (e < n and not text[e].isspace()):
            return A._text_sentences(text, spans, always, prefilter)
        last = e
        pieces = text[s:e].split(" ")
        try:
            flat = list(chain.from_iterable(map(tokens_of, pieces)))
        except TypeError:
            starts, ends, raws, norms = A._tokens(text, s, e)
            if not raws:
                continue
        else:
            norms = flat[3::4]
            starts = None
        if (
            prefilter
            and s != always
            and cue_words.isdisjoint(norms)
            and not A._maybe_generic(norms)
        ):
            out.append(A._Sentence(s, e, A._NONE, A._NONE, A._NONE, A._NONE))
            continue
        if starts is None:
            offsets = list(accumulate(flat[0::2], initial=s))
            starts, ends, raws = offsets[0:-1:2], offsets[1::2], flat[1::4]
        out.append(A._Sentence(s, e, starts, ends, norms, raws))
    return out


_PIECE_WORDS = [
    "He", "said", "that", "That", "the", "cat", "sat.", "It", "rained,", "claimed", "warned",
    "“We", "know,”", "it's", "x-y", "7", "_", "''", "—", ",", ".", "Trump.", "noted", "on",
    "mat", "according", "to", "him.", "hoped", "argued", "mused", "figured", "that,",
]  # fmt: skip
_PIECE_GAPS = [" ", " ", " ", " ", " ", "  ", "\n", " \n", "\t"]


# no cue word among these: a sentence of them is kept only by "that" after an unknown "-ed" verb
_PLAIN_WORDS = ["The", "cat", "sat.", "It", "rained,", "mused", "figured", "that", "that,", "mat"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    vocabulary = draw(st.sampled_from([_PIECE_WORDS, _PLAIN_WORDS]))
    words = draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=40))
    gaps = draw(st.lists(st.sampled_from(_PIECE_GAPS), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps, strict=True))


@settings(max_examples=400, deadline=None)
@given(_texts(), st.booleans(), st.booleans(), st.booleans())
def test_sentences_skipped_by_flags_equal_the_old_ones(text, prefilter, cold, headline):
    from analysis.segment import split_sentences

    spans = split_sentences(text)
    always = spans[0][0] if spans and headline else -1
    if cold:
        A._PIECES.clear()
    got = A._sentences(text, [], spans, always=always, prefilter=prefilter)
    assert got == _old_sentences(text, spans, always, prefilter)
    assert got == A._sentences(text, [], spans, always=always, prefilter=prefilter)  # warm


def test_piece_flags_hand_checked():
    A._PIECES.clear()
    assert not A._PIECE_FLAGS
    text = "The cat sat. He said it rained. It was that bad. Rain fell."
    spans = [(0, 12), (13, 31), (32, 48), (49, 59)]
    sents = A._sentences(text, [], spans)
    # "that" flags the third, which the prefilter then drops ("was" is no unknown cue verb)
    assert [bool(s.norms) for s in sents] == [False, True, False, False]
    assert sents[1].raws == ["He", "said", "it", "rained", "."]
    assert sents == _old_sentences(text, spans)
    assert A._PIECE_FLAGS["said"] and A._PIECE_FLAGS["that"] and not A._PIECE_FLAGS["cat"]
    assert A._PIECE_FLAGS["\nWe"]  # no tokens laid end to end: the sentence goes the whole way
    assert A._PIECES["cat"] == (3, "cat", 1, "cat")
    A._PIECES.clear()  # as the benchmark empties the word memos: the flags go with them
    assert not A._PIECE_FLAGS
    assert A._PIECE_FLAGS in A.MODEL_CACHES  # they depend on the cue model's words
    A._PIECE_FLAGS["said"]
    A._PIECE_FLAGS.cache_clear()
    assert not A._PIECE_FLAGS


@settings(max_examples=200, deadline=None)
@given(_texts())
def test_bundled_memo_limit_keeps_flags_bounded(text):
    from analysis.segment import split_sentences

    A._sentences(text, [], split_sentences(text))
    assert set(A._PIECE_FLAGS) <= set(A._PIECES)

"""The rewrites of session 16 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

import sys
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis.attribution_lexicon import CueEntry, normalize

# --- a new piece's memo entry: normal forms made inline, raw forms shared with them ------------


def _old_missing(piece: str) -> tuple[int | str, ...] | None:
    """``_PieceTokens.__missing__`` as it was before session 16 (its value; nothing stored)."""
    norm_of = normalize
    if piece.isalnum():
        return (len(piece), piece, 1, norm_of(piece))
    word = piece[:-1]
    if word.isalnum():
        mark = piece[-1]
        if not (mark.isspace() or mark == "_"):
            return (len(word), word, 0, norm_of(word), 1, mark, 1, norm_of(mark))
    raws = A._plain_tokens(piece)
    if raws is not None:
        flat: list[int | str] = []
        for raw in raws:
            flat += (len(raw), raw, 0, norm_of(raw))
        flat[-2] = 1
        return tuple(flat)
    parts = A._TOKEN_SPLIT_RE.split(piece)
    if len(parts) < 3 or parts[0]:
        return None
    out: list[int | str] = []
    for t in range(1, len(parts), 2):
        gap = len(parts[t + 1]) + (t == len(parts) - 2)
        out += (len(parts[t]), parts[t], gap, norm_of(parts[t]))
    return tuple(out)


def _by_regex(piece: str) -> bool:
    """Whether a new piece goes to the token regex (not one of the shortcuts)."""
    word, mark = piece[:-1], piece[-1:]
    return not (
        piece.isalnum()
        or (word.isalnum() and not (mark.isspace() or mark == "_"))
        or A._plain_tokens(piece) is not None
    )


_PARTS = ["Said", "said", "x", "É", "é", "ß", "İ", "Ⅻ", "١٢", "’", "'", "-", "“", "”", ","]
_PARTS += [".", "_", "e-mail", "U.S", "(", ")", "$", "£", "1,000", "We’re", "Ⓐ", "ǅ", "\n"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=5), st.booleans())
def test_new_pieces_equal_the_old_entries(parts: list[str], norms_known: bool) -> None:
    piece = "".join(parts)
    A._PIECES.pop(piece, None)
    A._NORMS.clear()
    if norms_known:  # the memo of normal forms met some of the tokens before
        for raw in (piece, piece[:-1], piece[-1:], *(A._plain_tokens(piece) or ())):
            if raw:
                A._norm_new(raw)
    got = A._PIECES[piece]
    assert got == _old_missing(piece)
    if got is not None:
        for raw, norm in zip(got[1::4], got[3::4], strict=True):
            assert norm is sys.intern(norm)
            if not _by_regex(piece):  # a raw form equal to its normal form is that string
                assert (raw is norm) == (raw == norm)
    assert all(A._NORMS[raw] == normalize(raw) for raw in A._NORMS)
    A._PIECES.cache_clear()
    A._NORMS.clear()


def test_a_word_of_letters_and_digits_normalises_to_its_lower_case_for_every_code_point() -> None:
    """What the inline normal form of a new word rests on: for a word of letters and digits
    ``normalize`` is ``str.lower`` (no apostrophe or quote mark to fold, none made by lower)."""
    checked = 0
    for code in range(0x110000):
        c = chr(code)
        for word in (c, "A" + c, c + "é"):
            if word.isalnum():
                assert normalize.__wrapped__(word) == word.lower(), hex(code)
                checked += 1
    assert checked > 100_000


def test_new_pieces_hand_checked() -> None:
    A._PIECES.cache_clear()
    A._NORMS.clear()
    said = A._PIECES["said"]
    assert said == (4, "said", 1, "said") and said[1] is said[3] is sys.intern("said")
    trump = A._PIECES["Trump,"]
    assert trump == (5, "Trump", 0, "trump", 1, ",", 1, ",") and trump[1] is not trump[3]
    assert trump[5] is trump[7]
    assert A._PIECES["“We"] == (1, "“", 0, '"', 2, "We", 1, "we")
    assert A._PIECES["e-mail"][1] is A._PIECES["e-mail"][3]
    A._PIECES.cache_clear()
    A._NORMS.clear()


def test_new_pieces_keep_the_norms_memo_bounded(monkeypatch) -> None:
    monkeypatch.setattr(A, "NORMS_LIMIT", 2)
    A._PIECES.cache_clear()
    A._NORMS.clear()
    for piece in ("Aa", "Bb"):
        A._PIECES[piece]
    assert A._NORMS == {"Aa": "aa", "Bb": "bb"}
    assert A._PIECES["Cc,"] == (2, "Cc", 0, "cc", 1, ",", 1, ",")
    assert A._NORMS == {"Cc": "cc", ",": ","}  # emptied when full, before the new piece
    A._PIECES.cache_clear()
    A._NORMS.clear()


# --- word-vector scores without a memo per context -----------------


@lru_cache(maxsize=65536)
def _old_vector_score(words: tuple[str, ...]) -> float:
    """``_vector_score`` as it was before session 16 (memoised per key)."""
    return sum(map(A._slot_score, A.VECTOR_SLOTS, words))


_WORDS = ["said", "the", "trump", "warned", "zzqx", '"', ",", "</s>", "<s>", "told", "reporters"]


@settings(max_examples=300, deadline=None)
@given(st.tuples(*[st.sampled_from(_WORDS)] * 5))
def test_vector_score_equals_the_memoised_one(words: tuple[str, ...]) -> None:
    assert A._vector_score(words) == _old_vector_score(words)
    assert not hasattr(A._vector_score, "cache_info")


# --- the first additions of a candidate's score, memoised per entry and kinds of word ----------


def _old_score(entry: CueEntry, kind: str, key: tuple) -> float:
    """``_score`` as it was before session 16 (every weight looked up per candidate)."""
    (before, after, prev, prev2, nxt, nxt2, at, rest, first, cap, det, to, quote, after_quote) = (
        key[:14]
    )
    sure, likely = key[14:]
    z, by_suffix, by_lemma, _ = A._entry_weights(entry, kind)
    if by_lemma is None or " " in nxt:
        return A._score_by_names(entry, kind, key)
    t = A._weight_tables()
    lb, la, lpw, lnw, llk, ls = by_lemma
    no = A._NO_WEIGHTS
    z += t.b.get(before, 0.0)
    z += t.a.get(after, 0.0)
    z += t.ba.get(before, no).get(after, 0.0)
    z += lb.get(before, 0.0)
    z += la.get(after, 0.0)
    z += t.pw.get(prev, 0.0)
    z += t.pw2.get(prev2, 0.0)
    z += lpw.get(prev, 0.0)
    z += t.nw.get(nxt, 0.0)
    z += lnw.get(nxt, 0.0)
    z += t.nw2.get(nxt, no).get(nxt2, 0.0)
    z += t.nnw.get(nxt2, 0.0)
    z += t.at.get(at, 0.0)
    z += t.rest.get(rest, 0.0)
    z += by_suffix.get(before, no).get(after, 0.0)
    if likely:
        z += t.lk.get(likely, 0.0)
        z += llk.get(likely, 0.0)
    if sure:
        z += t.sure.get(sure, 0.0)
        z += t.sa.get(sure, no).get(after, 0.0)
        z += ls.get(sure, 0.0)
    if first:
        z += t.first
    if cap:
        z += t.cap
    if det is not None:
        z += t.det.get(det, 0.0)
    if to:
        z += t.to
    if quote:
        z += t.quote
        if after_quote:
            z += t.afterquote
    return z


_BEFORE = ["start", "pronoun", "relative", ",", "to", "by", "and", '"', "capital", "aux", "lower"]
_AFTER = [*sorted(A.CONTEXT_AFTER_WORDS), "end", "determiner", "pronoun", "capital", "lower", "x"]
_CONTEXT_WORDS = ["said", "the", "he", "that", ",", '"', "<s>", "</s>", "trump", "zzqx", "a b"]


def _entries() -> list[tuple[CueEntry, str]]:
    lexicon = A.cue_lexicon()
    return [
        (lexicon[("said",)], "lex"),
        (lexicon[("according", "to")], "lex"),
        (CueEntry(("said",), "say", "verb", "neutral", 1, 50), "lex"),
        (CueEntry(("zorbled",), "zorble", "verb", "evaluative", 0, 0), "lemma"),
        (CueEntry(("x",), "a|b", "verb", "evaluative", 0, 0), "vec"),  # scored by name
        (A._generic_entry("opined"), "generic"),
    ]


@settings(max_examples=1000, deadline=None)
@given(
    st.integers(0, 5),
    st.sampled_from(_BEFORE),
    st.sampled_from(_AFTER),
    st.lists(st.sampled_from(_CONTEXT_WORDS), min_size=4, max_size=4),
    st.integers(0, 9),
    st.integers(0, 7),
    st.lists(st.booleans(), min_size=5, max_size=5),
    st.sampled_from([None, "the", "his"]),
    st.sampled_from(["", "b", "bt", "a", "ba"]),
    st.sampled_from(["", "b", "a"]),
)
def test_score_with_memoised_first_additions_equals_the_old_one(
    e, before, after, words, at, rest, flags, det, sure, likely
) -> None:
    entry, kind = _entries()[e]
    first, cap, to, quote, after_quote = flags
    key = (before, after, *words, at, rest, first, cap, det, to, quote, after_quote, sure, likely)
    for _ in range(2):  # the memo filled, then read
        assert A._score(entry, kind, key) == _old_score(entry, kind, key)


def test_first_additions_memo_hand_checked() -> None:
    entry = A.cue_lexicon()[("said",)]
    key = ("pronoun", "that", "he", "<s>", "that", "the", 1, 5, False, False, None, False)
    key += (False, False, "", "")
    heads = A._entry_weights(entry, "lex")[3]
    heads.pop(("pronoun", "that"), None)
    z = A._score(entry, "lex", key)
    assert ("pronoun", "that") in heads
    assert A._score(entry, "lex", key) == z == _old_score(entry, "lex", key)
    t = A._weight_tables()
    head, suffix = heads["pronoun", "that"]
    by_suffix = t.sufba[A._suffix("said")]  # "o"
    assert suffix == by_suffix.get("pronoun", A._NO_WEIGHTS).get("that", 0.0)
    z0 = A._entry_weights(entry, "lex")[0]
    want = z0 + t.b.get("pronoun", 0.0)
    want += t.a.get("that", 0.0)
    want += t.ba.get("pronoun", A._NO_WEIGHTS).get("that", 0.0)
    lemma = t.lemmas.get("say", A._NO_LEMMA)
    want += lemma[0].get("pronoun", 0.0)
    want += lemma[1].get("that", 0.0)
    assert head == want != z0

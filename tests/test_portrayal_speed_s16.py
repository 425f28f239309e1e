"""The session-16 changes to actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle: the
chunk memo (a word with at most a mark before and after it cut by string tests instead of the
token regex) and the sentence parse (the token information transposed without a list, one
all-false tuple shared by the columns that are all false).
"""

from __future__ import annotations

import math
import re
from itertools import accumulate, compress, repeat

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.target_features import (
    _TOKEN_INFO,
    QUOTE_CHARS,
    TOKEN_RE,
    SentenceParse,
    _ChunkTokens,
    _is_mark,
    _new_parse,
    _positions,
    _set_attribute,
    _tokenise,
    _valences,
    parse_sentence,
)

# --- the chunk memo: one word between marks cut without the regex ------------------------------


def _old_chunk_tokens(chunk: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """target_features._ChunkTokens.__missing__ before session 16 (TOKEN_RE on every chunk)."""
    tokens: list[str] = []
    offsets: list[int] = []
    for m in TOKEN_RE.finditer(chunk):
        tok, start, end = m.group(), m.start(), m.end()
        if len(tok) > 2 and tok[-2:] == "'s":
            tokens += (tok[:-2], "'s")
            offsets += (start, end - 2, end - 2, end)
        else:
            tokens.append(tok)
            offsets += (start, end)
    return tuple(tokens), tuple(offsets)


# letters and digits of several scripts and kinds (a superscript digit, a title-case letter, a
# combining accent, which is no word character), the underscore, the word joiners, marks, an
# emoji, white space
_CHUNK_CHARS = "as2²ǅéß\u0301_'’-,.;:“”\"()$%—…😀 \t\u00a0"


def _new_chunk_tokens(chunk: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    memo = _ChunkTokens()
    entry = memo[chunk]
    assert memo == {chunk: entry}
    return entry


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_CHUNK_CHARS, min_size=1, max_size=9))
def test_chunk_tokens_are_the_regex_tokens(chunk):
    assert _new_chunk_tokens(chunk) == _old_chunk_tokens(chunk)


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(["", "(", "“", "'", "-", "_", "$", "😀"]),
    st.lists(st.sampled_from(["trump", "s", "e", "2", "ǅé", "x_y", ""]), min_size=1, max_size=3),
    st.sampled_from(["'", "’", "-", "''"]),
    st.sampled_from(["", ",", ".", "”", "'", "-", "_", "?", "'s"]),
)
def test_chunk_tokens_of_joined_words_are_the_regex_tokens(lead, words, joiner, trail):
    chunk = lead + joiner.join(words) + trail
    if chunk:
        assert _new_chunk_tokens(chunk) == _old_chunk_tokens(chunk)


def test_chunk_tokens_hand_checked():
    assert _new_chunk_tokens("amazon,") == (("amazon", ","), (0, 6, 6, 7))
    assert _new_chunk_tokens("(icann)") == (("(", "icann", ")"), (0, 1, 1, 6, 6, 7))
    assert _new_chunk_tokens("trump's,") == (("trump", "'s", ","), (0, 5, 5, 7, 7, 8))
    assert _new_chunk_tokens("seattle-based") == (("seattle-based",), (0, 13))
    assert _new_chunk_tokens("trump’s") == (("trump’s",), (0, 7))  # only "'s" is split off
    assert _new_chunk_tokens("'s") == (("'", "s"), (0, 1, 1, 2))
    assert _new_chunk_tokens("“.amazon”.") == (
        ("“", ".", "amazon", "”", "."),
        (0, 1, 1, 2, 2, 8, 8, 9, 9, 10),
    )
    assert _new_chunk_tokens("a--b") == (("a", "-", "-", "b"), (0, 1, 1, 2, 2, 3, 3, 4))


def test_marks_and_word_characters_are_the_regex_classes():
    """Every code point: a mark, and a character of a word, exactly as TOKEN_RE's classes."""
    mark, letter = re.compile(r"[^\w\s]"), re.compile(r"[^\W_]")
    for code in range(0x110000):
        ch = chr(code)
        assert _is_mark(ch) == bool(mark.fullmatch(ch)), hex(code)
        assert ch.isalnum() == bool(letter.fullmatch(ch)), hex(code)


# --- the sentence parse ------------------------------------------------------------------------


def _old_parse_sentence(sentence: str, offset: int = 0) -> SentenceParse:
    """target_features.parse_sentence before session 16 (the token information listed before
    its transposition, the quotation flags listed in every sentence)."""
    starts, ends, lower = _tokenise(sentence)
    n = len(lower)
    if not n:
        return _new_parse(offset, *(((),) * 13))
    infos = list(map(_TOKEN_INFO.__getitem__, lower))
    columns = zip(*infos, strict=True)
    is_word, vec_row, clause_step, segment_step, candidate, negation = columns
    positions = range(n)
    if any(candidate):
        found = compress(positions, candidate)
        val, raw, neg = _valences(lower, is_word, found, negation, candidate)
        valence, raw_valence, negated = tuple(val), tuple(raw), tuple(neg)
        valenced = tuple(compress(positions, val))
    else:  # no word that may carry a valence (a third of the sentences): nothing to apply
        valence = raw_valence = (0.0,) * n
        negated, valenced = (False,) * n, ()
    clause = accumulate(clause_step)
    quote = [False] * n
    if '"' in sentence or "“" in sentence or "”" in sentence:
        marks = _positions(lower, QUOTE_CHARS)
        steps = list(clause_step)
        for i in marks:
            steps[i] += 1
        clause = accumulate(steps)
        inside = False
        for i, stop in zip(marks, [*marks[1:], n], strict=True):
            inside = not inside if lower[i] == '"' else lower[i] == "“"
            if inside:
                quote[i:stop] = repeat(True, stop - i)
    parse = object.__new__(SentenceParse)
    _set_attribute(
        parse,
        "__dict__",
        {
            "offset": offset,
            "starts": tuple(starts),
            "ends": tuple(ends),
            "lower": tuple(lower),
            "is_word": is_word,
            "valence": valence,
            "raw_valence": raw_valence,
            "negated": negated,
            "clause": tuple(clause),
            "segment": tuple(accumulate(segment_step)) if 1 in segment_step else (0,) * n,
            "in_quote": tuple(quote),
            "vec_row": vec_row,
            "valenced": valenced,
            "negations": tuple(compress(positions, negation)) if True in negation else (),
        },
    )
    return parse


# words with and without a valence, boosters, negations, contrast and clause words, the three
# quotation marks alone and inside chunks, possessives, odd characters
_PARSE_PIECES = [
    "The", "minister", "praised", "good", "bad", "not", "never", "very", "kind", "of", "no",
    "least", "at", "but", "because", "said", "well-known", "don't", "Trump’s", "trump's", ",",
    ";", "(", ")", '"', "“", "”", "“Great", "wins.”", '"bad"', "'", "x_y", "İstanbul", "…",
    "crackdown", "hailed", "air.”", "(icann)",
]  # fmt: skip


def _parse_bits(parse: SentenceParse) -> dict:
    """A parse's fields, floats by their bits (so that 0.0 and −0.0 differ)."""
    fields = {}
    for name, value in vars(parse).items():
        if isinstance(value, tuple):
            value = tuple(
                (type(v), math.copysign(1.0, v), v.hex()) if isinstance(v, float) else (type(v), v)
                for v in value
            )
        fields[name] = value
    return fields


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PARSE_PIECES), st.sampled_from([" ", "", "  ", "\t"])),
        max_size=16,
    ),
    st.integers(0, 500),
)
def test_parse_is_the_old_parse(pieces, offset):
    sentence = "".join(p + sep for p, sep in pieces)
    got, expected = parse_sentence(sentence, offset), _old_parse_sentence(sentence, offset)
    assert list(vars(got)) == list(vars(expected))
    assert _parse_bits(got) == _parse_bits(expected)


def test_parse_hand_checked():
    parse = parse_sentence("Ann said “the plan is good” but Bob's was bad.", 3)
    assert parse.lower[:4] == ("ann", "said", "“", "the")
    assert parse.in_quote == (False, False, True, True, True, True, True, False) + (False,) * 6
    assert parse.negated == (False,) * 14
    plain = parse_sentence("Ann met Bob.")
    assert plain.in_quote == plain.negated == (False,) * 4  # one shared all-false column
    assert plain.valence == plain.raw_valence == (0.0,) * 4 and plain.valenced == ()

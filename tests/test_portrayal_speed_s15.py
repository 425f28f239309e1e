"""The session-15 changes to actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle: the
sentence parse (a sentence without a word that may carry a valence skips the valence rules;
quotation marks looked for in the text instead of among the tokens).
"""

from __future__ import annotations

import math
from itertools import accumulate, compress, repeat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.target_features import (
    _TOKEN_INFO,
    QUOTE_CHARS,
    SentenceParse,
    _positions,
    _set_attribute,
    _tokenise,
    _valences,
    parse_sentence,
)

# --- the sentence parse ------------------------------------------------------------------------


def _old_parse_sentence(sentence: str, offset: int = 0) -> SentenceParse:
    """target_features.parse_sentence before session 15 (the valence rules run on every
    sentence, quotation marks looked for among the tokens)."""
    starts, ends, lower = _tokenise(sentence)
    n = len(lower)
    if not n:
        parse = object.__new__(SentenceParse)
        empty = (offset, *(((),) * 13))
        _set_attribute(parse, "__dict__", dict(zip(_FIELDS, empty, strict=True)))
        return parse
    infos = list(map(_TOKEN_INFO.__getitem__, lower))
    columns = zip(*infos, strict=True)
    is_word, vec_row, clause_step, segment_step, candidate, negation = columns
    positions = range(n)
    val, raw, neg = _valences(lower, is_word, compress(positions, candidate), negation, candidate)
    clause = accumulate(clause_step)
    quote = [False] * n
    if not QUOTE_CHARS.isdisjoint(lower):
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
            "valence": tuple(val),
            "raw_valence": tuple(raw),
            "negated": tuple(neg),
            "clause": tuple(clause),
            "segment": tuple(accumulate(segment_step)) if 1 in segment_step else (0,) * n,
            "in_quote": tuple(quote),
            "vec_row": vec_row,
            "valenced": tuple(compress(positions, val)),
            "negations": tuple(compress(positions, negation)) if True in negation else (),
        },
    )
    return parse


_FIELDS = tuple(SentenceParse.__dataclass_fields__)

# words with and without a valence, boosters, negations, contrast and clause words, marks of
# every kind (the three quotation marks among them, alone and inside chunks), odd characters
_PIECES = [
    "The", "minister", "praised", "good", "bad", "not", "never", "very", "kind", "of", "no",
    "least", "at", "but", "because", "said", "well-known", "self-defeating", "half-good",
    "don't", "isn't", "Trump’s", "trump's", ",", ";", ":", "(", ")", "—", '"', "“", "”",
    "“Great", "wins.”", '"bad"', "'", "’", "«oui»", "x_y", "_", "İstanbul", "Straße", "3.5",
    "U.S.", "…", "!", "?", "crackdown", "hailed", "scathing", "ǅ", "ΣΑΣ",
]  # fmt: skip


def _bits(parse: SentenceParse) -> dict:
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
        st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "\t", "\n"])),
        max_size=16,
    ),
    st.sampled_from(["", " "]),
    st.integers(0, 500),
)
def test_parse_is_the_old_parse(pieces, around, offset):
    sentence = around + "".join(p + sep for p, sep in pieces) + around
    got, expected = parse_sentence(sentence, offset), _old_parse_sentence(sentence, offset)
    assert list(vars(got)) == list(vars(expected))  # the fields in order, as the dataclass has
    assert _bits(got) == _bits(expected)


def test_parse_hand_checked():
    parse = parse_sentence("He said “the plan is not good” and left.", 7)
    assert parse.offset == 7
    words = ("he", "said", "“", "the", "plan", "is", "not", "good", "”", "and", "left", ".")
    assert parse.lower == words
    assert parse.in_quote == (False, False, *(True,) * 6, False, False, False, False)
    good = parse.lower.index("good")
    assert parse.valenced == (good,) and parse.negated[good]
    assert parse.raw_valence[good] == 1.9 and parse.valence[good] == pytest.approx(1.9 * -0.74)
    # no word that may carry a valence: zeros, no valenced tokens
    plain = parse_sentence("The minister left the room.")
    assert plain.valence == plain.raw_valence == (0.0,) * 6
    assert plain.negated == (False,) * 6 and plain.valenced == ()
    assert plain.in_quote == (False,) * 6

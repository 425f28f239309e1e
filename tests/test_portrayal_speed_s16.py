"""The session-16 changes to actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle: the
chunk memo (a word with at most a mark before and after it cut by string tests instead of the
token regex).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.target_features import (
    TOKEN_RE,
    _ChunkTokens,
    _is_mark,
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

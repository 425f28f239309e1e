"""Tokens with character offsets, shared by every measure so all count the same words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

# A word: letters/digits, keeping inner apostrophes, hyphens, periods and slashes together
# ("Trump’s", "burden-sharing", "U.S.", "3.5", "9/11"); a trailing "%" stays with a number.
WORD_RE = re.compile(
    r"(?:[^\W_]\.){2,}(?:['’]s\b)?"  # dotted abbreviations: U.S., a.m., U.S.’s
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?"  # 50,000 and 1,234.5%
    r"|[^\W_]+(?:['’.\-/][^\W_]+)*%?",
)
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# a US party-and-state tag after a name and its comma, as one token: "R-Ky" of "R-Ky.", "D-N" of
# "D-N.Y." (the rest of an abbreviation is initials and periods), "I-Vermont"
PARTY_TAG_RE = re.compile(r"[RDI]-[A-Z][A-Za-z]*")

OPEN_QUOTES = "\"“‘'«‹"
CLOSE_QUOTES = "\"”’'»›"
DOUBLE_QUOTES = '"“”«»'


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of each word in text[start:end], as offsets into text."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]


def iter_words(text: str) -> Iterator[str]:
    for m in WORD_RE.finditer(text):
        yield m.group()


def words(text: str) -> list[str]:
    return list(iter_words(text))


def scoring_tokens(text: str) -> list[str]:
    """`\\w+` runs and single non-space symbols: the tokenisation the PolNeAR scorer uses."""
    return TOKEN_RE.findall(text)


# ``text.split()`` memoised by text: readability and VADER both read a body sentence as its
# white-space pieces, and the second to ask gets the pieces for free, with the hashes of the
# strings already computed by the first one's dictionary look-ups. The cache wraps the C method
# itself (a miss runs no Python frame); the lists are shared, so callers only read them.
pieces: Callable[[str], list[str]] = lru_cache(maxsize=4096)(str.split)
pieces.__name__ = pieces.__qualname__ = "pieces"  # type: ignore[attr-defined]
pieces.__doc__ = "``text.split()``, memoised by text (a shared list: read it, never change it)."

"""Direct quotations: pair double quote marks into quote spans, across sentences and paragraphs.

Straight quotes are told apart by alternation within a paragraph; curly ones by their shape. A
paragraph that opens a quote without closing it continues into the next paragraph only when that
one opens with a quote mark (the newswire convention for multi-paragraph quotes); any other
unclosed mark is dropped, so an unbalanced quote never swallows the rest of the article. Single
quotes are nested quotes or apostrophes and are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# quote marks: two straight apostrophes (NYT style) or one double-quote character
_MARKS = ("''", '"', "“", "”", "„", "«", "»")
# one alternative per mark, each opening with a literal (the engine skips ahead to a candidate
# character instead of trying a match at every offset)
_MARK_RE = re.compile("|".join(map(re.escape, _MARKS)))
_OPENERS = "“„«"
_CLOSERS = "”»"
# An opening curly mark typed where the closing one belongs ("It's unusual,“ said Larry Noble")
# closes the open quotation (PolNeAR train: 8 such quotations; session 20)
LEFT_MARK_CLOSES = True
# A curly quotation holding another in the same marks ('“… the number of “cell phone only”
# households …”'): the inner pair is nested, not a fresh start (session 23)
NESTED_CURLY = True


@dataclass(frozen=True)
class Quote:
    """A direct quotation: outer bounds (quote marks included) and one fragment per paragraph."""

    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]


def _opens(text: str, i: int) -> bool:
    """Whether a quote mark at i opens a quote when none is open (a closer shape never does)."""
    ch = text[i]
    if ch in _CLOSERS:
        return False
    if ch in _OPENERS:
        return True
    j = i + 2 if text.startswith("''", i) else i + 1
    after = text[j] if j < len(text) else " "
    return not after.isspace()


def _typed_closer(text: str, i: int) -> bool:
    """Whether the opening-shaped mark at i ends the open quotation ("It's unusual,“ said …"):
    it follows a comma or final punctuation and precedes a space or the text's end."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and text[i - 1] in ",.?!" and after.isspace()


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of every quote mark in text[start:end], in text order: what
    ``_MARK_RE.finditer`` finds (no mark overlaps another, and a run of apostrophes pairs up from
    its left, but for a closing run of three, whose last two are the mark: ``_closing_run``),
    by one ``str.find`` scan per kind of mark, a few times cheaper than the regex."""
    out = []
    for mark in _MARKS:
        i = text.find(mark, start, end)
        while i >= 0:
            if mark == "''" and _closing_run(text, i, end):
                i += 1  # "the word 'old-school,''' said": the nested ' closes, then the ''
            out.append((i, i + len(mark)))
            i = text.find(mark, i + len(mark), end)
    out.sort()
    return out


def _closing_run(text: str, i: int, end: int) -> bool:
    """Whether the apostrophes at i are a run of exactly three that closes a quotation (no letter
    or digit after it): a nested single quote's closer, then the two of the quotation's."""
    if i + 3 > end or text[i + 2] != "'" or (i > 0 and text[i - 1] == "'"):
        return False
    after = text[i + 3] if i + 3 < len(text) else " "
    return after != "'" and not after.isalnum()


def _marks_by_paragraph(
    text: str, paragraphs: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """Each paragraph's ``_marks``, sliced from one scan from the first paragraph to the last
    (the scans per kind of mark cost more than the marks; a text has a dozen paragraphs). Exact:
    a paragraph that a mark runs past the end of, that opens inside a run of apostrophes (which
    pairs up from its left) or that overlaps the one before is scanned alone."""
    if not paragraphs:
        return []
    marks = _marks(text, paragraphs[0][0], paragraphs[-1][1])
    out = []
    i = 0
    last_end = paragraphs[0][0]
    for p_start, p_end in paragraphs:
        if p_start < last_end or (p_start > 0 and text.startswith("''", p_start - 1)):
            out.append(_marks(text, p_start, p_end))
            continue
        last_end = p_end
        i = bisect_left(marks, (p_start,), i)
        j = bisect_left(marks, (p_end,), i)
        if j > i and marks[j - 1][1] > p_end:
            # a mark across the paragraph's end: cut there, a run of apostrophes pairs up
            # otherwise (three cut after two are one mark, not the closing run's last two)
            out.append(_marks(text, p_start, p_end))
            continue
        out.append(marks[i:j])
    return out


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quote spans in text, given the paragraph (start, end) spans in order."""
    quotes: list[Quote] = []
    pending: list[tuple[int, int]] = []  # fragments of a quote left open by earlier paragraphs
    by_paragraph = _marks_by_paragraph(text, paragraphs)
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        lead = _first_char(text, p_start, p_end)
        if pending and lead < p_end and _MARK_RE.match(text, lead):
            open_at = lead  # the quote goes on in this paragraph
        else:
            pending = []
        marks = by_paragraph[index]
        skip_to = -1
        for k, (i, mark_end) in enumerate(marks):
            if i == open_at or i <= skip_to:
                continue
            if open_at is None:
                if _opens(text, i):
                    open_at = i
            elif text[i] in _OPENERS and not (LEFT_MARK_CLOSES and _typed_closer(text, i)):
                if NESTED_CURLY and _nested_pair(text, marks, k):
                    skip_to = marks[k + 1][0]
                    continue
                open_at, pending = i, []  # an opener while open: the earlier one was unbalanced
            else:
                fragments = (*pending, (open_at, mark_end))
                quotes.append(Quote(fragments[0][0], mark_end, fragments))
                pending, open_at = [], None
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            nxt_lead = _first_char(text, *nxt) if nxt else None
            if nxt and nxt_lead < nxt[1] and _MARK_RE.match(text, nxt_lead):
                pending = [*pending, (open_at, p_end)]
            else:
                pending = []
    return quotes


def _nested_pair(text: str, marks: list[tuple[int, int]], k: int) -> bool:
    """Whether the opener marks[k], inside an open quotation, is followed by two closers: a
    quotation nested in the same marks, whose closer is followed by the outer one's."""
    if k + 2 >= len(marks):
        return False
    return text[marks[k + 1][0]] in _CLOSERS and text[marks[k + 2][0]] in _CLOSERS

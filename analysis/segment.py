"""Rule-based sentence splitting with offsets.

Why not pysbd: on the 96 OneStopEnglish texts it agrees with this splitter on 99.3% of boundaries
outside multi-sentence quotations (which pysbd keeps whole), gets most of the rest wrong, and
takes 15–30 ms per article against 0.2 ms here, several times what VADER costs
(docs/readability.md; benchmarks/segmenters.py). A period is a boundary unless the token before it
is a known abbreviation, an initial or a list number opening the paragraph; ambiguous
abbreviations that can also end a sentence ("U.S.", "Inc.") split only when the next word is a
typical sentence opener, and "a.m."/"p.m." unless a weekday, month or time zone follows.
A "sentence" longer than ``MAX_SENTENCE_CHARS`` (text without sentence punctuation) is cut at
white space, so that no downstream measure has to read megabytes as one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from analysis.text import CLOSE_QUOTES, OPEN_QUOTES

# Abbreviations that are (practically) never the last word of a sentence: titles before names,
# month and unit abbreviations before numbers.
NEVER_FINAL = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col capt sgt maj adm cmdr rev hon pres supt insp
    det cpl pvt gens sens reps messrs mmes mme mlle st ste mt ft jan feb mar apr jun jul aug sep
    sept oct nov dec vs v approx dept est ext""".split()
)
# Abbreviations that stand before a number ("No. 5", "Fig. 2"); elsewhere they are plain words.
BEFORE_NUMBER = frozenset("no nos fig figs vol vols ch pp op art".split())
# Abbreviations that may end a sentence; split after them only before a sentence opener.
MAYBE_FINAL = frozenset("""inc corp co ltd llc plc bros etc al jr sr esq phd""".split())
# "a.m."/"p.m." end a sentence unless a weekday, month or time zone follows ("9 a.m. Friday").
CLOCK = frozenset({"am", "pm"})
AFTER_CLOCK = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst cet cest utc eastern
    central mountain pacific local""".split()
)
# Words that typically open a sentence; after an ambiguous abbreviation they signal a boundary.
SENTENCE_OPENERS = frozenset(
    """a an the he she it they we i you his her its their our my your this that these those
    there here but and or so yet however meanwhile in on at for as if when while after before
    since although though because what who why how where which many most some several all both
    each no not one two three four five six seven eight nine ten its mr mrs ms dr""".split()
)

_BOUNDARY_RE = re.compile(
    # terminal punctuation: a run of . ! ? or one ellipsis character, written to open with a
    # character class so that the regex engine skips straight to candidates (3x faster)
    r"[.!?…](?:(?<=[.!?])[.!?]*)?"
    rf"[{re.escape(CLOSE_QUOTES)})\]]*"  # closing quotes / brackets that belong to the sentence
    r"(?=\s+|$)"
)
_ASCII_SPACE = frozenset(" \t\r\n")
_TOKEN_STOP = frozenset(" \t\r\n\u00a0(\"“‘'[")
_CURRENCY = "$£€¥"
_NEXT_WORD_RE = re.compile(rf"\s+[{re.escape(OPEN_QUOTES)}(\[]*[{_CURRENCY}]?([^\W_][\w’'\-.]*)?")
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_LEADING_SPACE_RE = re.compile(r"\s*")
_UP_TO_LAST_SPACE_RE = re.compile(r"[\s\S]*\s")
_SPACE_RE = re.compile(r"\s")

# A hard limit on a sentence's length. Text without sentence punctuation (a transcript, a list,
# a scraped table) would otherwise be one "sentence" per paragraph, megabytes long, and every
# per-sentence measure would be asked to read it whole (VADER is quadratic in it). No sentence of
# ordinary prose comes near 2,000 characters (~330 words; news sentences average ~25 words).
MAX_SENTENCE_CHARS = 2000


def _token_before(text: str, pos: int, floor: int) -> int:
    """Start of the token ending at pos (scanning back at most 60 characters). Nearly always a
    space precedes it: found by ``str.rfind``, and the token checked for other stop characters
    by one set operation, instead of a Python step per character; otherwise the scan back
    stops at the stop character inside (text[start - 1] is a stop character or start is the
    lowest position, so the scan's answer is never below start)."""
    lo = max(floor, pos - 60)
    start = max(text.rfind(" ", lo, pos) + 1, lo)
    if _TOKEN_STOP.isdisjoint(text[start:pos]):
        return start
    i = pos
    while i > start and text[i - 1] not in _TOKEN_STOP:
        i -= 1
    return i


def _is_boundary(text: str, punct_start: int, punct_end: int, sent_start: int, limit: int) -> bool:
    """Decide whether the terminal punctuation at text[punct_start:punct_end] ends a sentence.

    The word after it is ``_NEXT_WORD_RE``'s. After one space and a letter or digit (most
    marks) that word starts right there (the space is the pattern's white space, and the
    letter or digit opens its word: ``[^\\W_]`` is ``str.isalnum()``), and only its first
    character is read unless an abbreviation leaves the word to decide: the pattern is
    matched then, not at every mark."""
    at = punct_end + 1
    if at < limit and text[punct_end] == " " and text[at].isalnum():
        first, next_word = text[at], None
    elif punct_end == limit:  # the region's last mark (a paragraph's end): nothing to match
        return True
    else:
        after = _NEXT_WORD_RE.match(text, punct_end, limit)
        if after is None:  # end of the region
            return True
        next_word = after.group(1)
        if next_word is None:
            # punctuation, a dash or a symbol follows: boundary only before an opening quote
            # or bracket
            rest = text[after.start() : after.end()].lstrip()
            return bool(rest) and rest[0] in OPEN_QUOTES + "(["
        first = next_word[0]
    if not (first.isupper() or first.isdigit()):
        return False  # "... e.g. the", "… and then" — lowercase continues the sentence
    if text[punct_start] != "." or text.startswith("..", punct_start):
        return True  # "?", "!", or an ellipsis written as dots
    token_start = _token_before(text, punct_start, sent_start)
    token = text[token_start:punct_start]
    if not token:
        return True
    key = token.lower().replace(".", "")
    if len(key) == 1 and key.isalpha():
        return False  # an initial: "Jessica R. Jones"
    if key in NEVER_FINAL or (key in BEFORE_NUMBER and first.isdigit()):
        return False
    if (key.isdigit() and len(key) <= 2) and (
        _LEADING_SPACE_RE.match(text, sent_start).end() == token_start
    ):
        return False  # a list marker opening the region: "1. Rodri, 37, London"
    # the next word decides only after "a.m."/"p.m.", an ambiguous abbreviation or a dotted
    # token such as "U.S" (which holds a dot: most tokens are answered without the regex)
    dotted = "." in token
    clock = key in CLOCK and dotted  # "a.m", not the verb "am"
    if clock or key in MAYBE_FINAL or (dotted and _DOTTED_RE.fullmatch(token)):
        if next_word is None:
            next_word = _NEXT_WORD_RE.match(text, punct_end, limit).group(1)
        opener = next_word.lower().rstrip(".").replace("’", "'")
        return opener not in AFTER_CLOCK if clock else opener in SENTENCE_OPENERS
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], trimmed of surrounding whitespace.

    The spans are offsets into ``text`` and cover every non-space character of the region.
    Several stages split the same paragraphs (the article model, attribution, target
    sentiment), so the spans of recent regions are memoised.
    """
    end = len(text) if end is None else end
    # The same region with or without surrounding ASCII white space splits the same (the
    # spans are trimmed, and token scans stop at these characters), so a line and its trimmed
    # paragraph share one memo entry.
    while start < end and text[start] in _ASCII_SPACE:
        start += 1
    while end > start and text[end - 1] in _ASCII_SPACE:
        end -= 1
    return list(_split_memo(text, start, end))


@lru_cache(maxsize=1024)
def _split_memo(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(_split(text, start, end))


_MARKS = ".!?…"  # the characters a _BOUNDARY_RE match opens with


def _marks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the terminal marks in text[start:end], in order: where a boundary can start.
    The run of :func:`_text_marks` between two bisections (an article is split paragraph by
    paragraph, each once)."""
    marks = _text_marks(text)
    return marks[bisect_left(marks, start) : bisect_left(marks, end)]


@lru_cache(maxsize=8)  # an article at a time: a few texts suffice (a long text's list is long)
def _text_marks(text: str) -> list[int]:
    """Offsets of every terminal mark in the text, in order, found once per text: ``str.find``
    skips the text between them far faster than the regex engine, which tests a character class
    at every position of a UCS-2 text, and scanning the whole text once costs four ``find``
    calls (each parses its arguments and builds a tuple: about 700 instructions) instead of
    four per paragraph. Memoised by text, like the spans (a shared list: read it only)."""
    found: list[int] = []
    for mark in _MARKS:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


# What a _BOUNDARY_RE match runs over after its mark: more of these after a period, "!" or "?"
# (not after "…"), then closing quotes and brackets
_RUN_MARKS = frozenset(".!?")
_CLOSING = frozenset(CLOSE_QUOTES + ")]")


def _boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each ``_BOUNDARY_RE.finditer(text, start, end)`` match: the match
    at each mark, skipping the marks inside the previous match. Read by string operations (a
    regex call per mark cost several times the few characters it reads): the pattern's runs are
    greedy and what ends each (a mark, a closer) is no white space, so giving back a character
    never lets the look-ahead (white space, or the end) succeed where the longest runs fail."""
    out: list[tuple[int, int]] = []
    resume = start
    for i in _marks(text, start, end):
        if i < resume:
            continue
        j = i + 1
        if text[i] != "…":
            while j < end and text[j] in _RUN_MARKS:
                j += 1
        while j < end and text[j] in _CLOSING:
            j += 1
        if j == end or text[j].isspace():  # \s of the regex engine is str.isspace()
            resume = j
            out.append((i, j))
    return out


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sent_start = start
    for m_start, m_end in _boundaries(text, start, end):
        if m_end <= sent_start:
            continue
        if _is_boundary(text, m_start, m_end, sent_start, end):
            spans.append((sent_start, m_end))
            sent_start = m_end
    spans.append((sent_start, end))
    trimmed: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s > MAX_SENTENCE_CHARS:
            trimmed.extend(_cap(text, s, e))
        elif e > s:
            trimmed.append((s, e))
    return trimmed


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a trimmed over-long span into pieces of at most ``MAX_SENTENCE_CHARS`` characters, each
    at the last white space before the limit (past half of it); a token longer than that is
    cut after it, at the next white space."""
    pieces = []
    s = start
    while end - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        m = _UP_TO_LAST_SPACE_RE.match(text, s + MAX_SENTENCE_CHARS // 2, limit + 1)
        if m is not None:
            cut = m.end() - 1
        else:
            m = _SPACE_RE.search(text, limit, end)
            if m is None:
                break
            cut = m.start()
        e = cut
        while text[e - 1].isspace():
            e -= 1
        pieces.append((s, e))
        s = _LEADING_SPACE_RE.match(text, cut).end()
    pieces.append((s, end))
    return pieces

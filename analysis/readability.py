"""Readability of the article body: classic formulas, the counts behind them, and their meaning.

The formulas are small pure functions of counts (textacy style), so each can be checked by hand.
Counting uses the package's own body sentences (``Article.sentences``: the dateline, byline and
credits are excluded, and "U.S." does not end a sentence) and word tokens
(:func:`analysis.text.word_spans`). Every way this differs from calling textstat directly is
listed in docs/readability.md. Counting rules, in short:

- a word is a word token: "U.S.", "burden-sharing", "Trump's", "3.5%" and "9/11" are one word
  each (a possessive "'s" split off a dotted abbreviation, and "50,000", are re-joined);
- syllables come from CMUdict with an offline fallback (:mod:`analysis.syllables`); a numeral
  counts one syllable (it is read at a glance);
- polysyllables (SMOG) are words of three or more syllables, names and numerals included;
- complex words (Gunning Fog) are polysyllables that are not proper names, numerals or
  hyphenated compounds, and not three syllables only through -es, -ed or -ing (Gunning's rules);
- difficult words (Dale–Chall) are words not on the Dale–Chall list of 3,000 familiar words
  (the copy shipped in textstat), after accepting regular inflections (-s, -es, -ies, -ed, -ied,
  -ing, -er, -est, possessive 's), compounds of familiar words, proper names and numerals, as the
  Chall–Dale counting rules do (textstat issue #150 counts all of these as difficult);
- letters (Coleman–Liau) are alphabetic characters of words; characters (ARI) are letters and
  digits of words (punctuation is not a character of a word).
"""

from __future__ import annotations

import importlib.util
import math
import re
import statistics
import struct
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.article import Article, as_article, frame, strings
from analysis.errors import ConfigError
from analysis.syllables import cmudict_syllables, dictionary_syllables, syllable_count
from analysis.text import OPEN_QUOTES, WORD_RE
from analysis.text import pieces as text_pieces

# --- formulas: pure functions of counts ----------------------------------------------------------


def flesch_reading_ease(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch Reading Ease: 0–100 (can leave that range); HIGHER is EASIER.

    206.835 − 1.015 × words/sentence − 84.6 × syllables/word. 60–70 is plain English, below 30
    is very difficult (college graduate). Flesch, R. (1948) "A new readability yardstick",
    Journal of Applied Psychology 32(3): 221–233.
    """
    if n_words <= 0 or n_sentences <= 0:
        return math.nan
    return 206.835 - 1.015 * (n_words / n_sentences) - 84.6 * (n_syllables / n_words)


def flesch_kincaid_grade(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch–Kincaid grade level: the US school grade that can read the text; higher is harder.

    0.39 × words/sentence + 11.8 × syllables/word − 15.59. Kincaid, J. P. et al. (1975)
    "Derivation of new readability formulas ... for Navy enlisted personnel", Research Branch
    Report 8-75, Naval Technical Training Command.
    """
    if n_words <= 0 or n_sentences <= 0:
        return math.nan
    return 0.39 * (n_words / n_sentences) + 11.8 * (n_syllables / n_words) - 15.59


def gunning_fog(n_words: int, n_sentences: int, n_complex: int) -> float:
    """Gunning Fog index: years of formal education needed on first reading; higher is harder.

    0.4 × (words/sentence + 100 × complex words/words). Gunning, R. (1952) "The Technique of
    Clear Writing", McGraw-Hill.
    """
    if n_words <= 0 or n_sentences <= 0:
        return math.nan
    return 0.4 * (n_words / n_sentences + 100 * n_complex / n_words)


def smog_index(n_polysyllables: int, n_sentences: int) -> float:
    """SMOG grade: US grade needed for full comprehension; higher is harder.

    1.0430 × √(polysyllables × 30/sentences) + 3.1291. Calibrated on 30-sentence samples, so it
    is not reported for single sentences. McLaughlin, G. H. (1969) "SMOG grading — a new
    readability formula", Journal of Reading 12(8): 639–646.
    """
    if n_sentences <= 0:
        return math.nan
    return 1.0430 * math.sqrt(n_polysyllables * 30 / n_sentences) + 3.1291


def coleman_liau_index(n_letters: int, n_words: int, n_sentences: int) -> float:
    """Coleman–Liau index: US grade from letters rather than syllables; higher is harder.

    0.0588 × L − 0.296 × S − 15.8, with L letters and S sentences per 100 words. Coleman, M. and
    Liau, T. L. (1975) "A computer readability formula designed for machine scoring", Journal of
    Applied Psychology 60(2): 283–284. (textstat uses 0.058 instead of 0.0588.)
    """
    if n_words <= 0:
        return math.nan
    return 0.0588 * (100 * n_letters / n_words) - 0.296 * (100 * n_sentences / n_words) - 15.8


def automated_readability_index(n_characters: int, n_words: int, n_sentences: int) -> float:
    """Automated Readability Index: US grade from characters per word; higher is harder.

    4.71 × characters/word + 0.5 × words/sentence − 21.43. Senter, R. J. and Smith, E. A. (1967)
    "Automated Readability Index", AMRL-TR-66-220, Wright-Patterson Air Force Base.
    """
    if n_words <= 0 or n_sentences <= 0:
        return math.nan
    return 4.71 * (n_characters / n_words) + 0.5 * (n_words / n_sentences) - 21.43


def dale_chall(n_words: int, n_sentences: int, n_difficult: int) -> float:
    """New Dale–Chall score: about 4.9 or less is grade 4, 9.0–9.9 college; higher is harder.

    0.1579 × % difficult words + 0.0496 × words/sentence, plus 3.6365 when more than 5% of the
    words are difficult. Dale, E. and Chall, J. S. (1948) "A formula for predicting
    readability", Educational Research Bulletin 27: 11–20; Chall, J. S. and Dale, E. (1995)
    "Readability Revisited: The New Dale–Chall Readability Formula".
    """
    if n_words <= 0 or n_sentences <= 0:
        return math.nan
    percent = 100 * n_difficult / n_words
    score = 0.1579 * percent + 0.0496 * (n_words / n_sentences)
    return score + 3.6365 if percent > 5 else score


# --- interpretation -------------------------------------------------------------------------------

GRADE_BANDS = (
    # band, grades, lowest grade, first grade of the next band, typical reader
    ("Elementary school", "K–5", 0.0, 6.0, "children up to about 11"),
    ("Middle school", "6–8", 6.0, 9.0, "ages 11–14; most popular fiction"),
    ("High school", "9–12", 9.0, 13.0, "ages 14–18; most newspapers"),
    ("College", "13–16", 13.0, 17.0, "undergraduates; academic and legal prose"),
    ("Graduate", "17+", 17.0, math.inf, "specialists; dense technical prose"),
)
FLESCH_BANDS = (
    # lowest score, highest score, label, school level (Flesch 1949, The Art of Readable Writing)
    (90.0, 100.0, "Very easy", "5th grade"),
    (80.0, 90.0, "Easy", "6th grade"),
    (70.0, 80.0, "Fairly easy", "7th grade"),
    (60.0, 70.0, "Standard", "8th–9th grade"),
    (50.0, 60.0, "Fairly difficult", "10th–12th grade"),
    (30.0, 50.0, "Difficult", "college"),
    (-math.inf, 30.0, "Very difficult", "college graduate"),
)
# Grade equivalents at band edges, interpolated linearly in between (Flesch's and Chall & Dale's
# tables give bands, not a formula; the edges below are the lowest grade of each band).
_FRE_TO_GRADE = (
    (0.0, 18.0),
    (30.0, 17.0),
    (50.0, 13.0),
    (60.0, 10.0),
    (70.0, 8.0),
    (80.0, 7.0),
    (90.0, 6.0),
    (100.0, 5.0),
)
_DALE_CHALL_TO_GRADE = (
    (4.0, 3.0),
    (5.0, 5.0),
    (6.0, 7.0),
    (7.0, 9.0),
    (8.0, 11.0),
    (9.0, 13.0),
    (10.0, 16.0),
    (11.0, 18.0),
)

FORMULAS = {
    # key: (display name, scale, which direction is harder)
    "flesch_reading_ease": ("Flesch Reading Ease", "0–100 score", "lower"),
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", "US grade", "higher"),
    "gunning_fog": ("Gunning Fog", "US grade", "higher"),
    "smog_index": ("SMOG", "US grade", "higher"),
    "coleman_liau_index": ("Coleman–Liau", "US grade", "higher"),
    "automated_readability_index": ("ARI", "US grade", "higher"),
    "dale_chall": ("New Dale–Chall", "Dale–Chall score", "higher"),
}


def grade_bands() -> pd.DataFrame:
    """US school grade bands used to read every grade-level formula."""
    return pd.DataFrame(
        GRADE_BANDS, columns=["band", "grades", "grade_min", "grade_max", "typical_reader"]
    )


def flesch_bands() -> pd.DataFrame:
    """Flesch's (1949) table: Reading Ease ranges, their label and school level."""
    return pd.DataFrame(FLESCH_BANDS, columns=["score_min", "score_max", "label", "school_level"])


def grade_band(grade: float) -> str:
    """The band name for a US grade ("High school" for 10.3)."""
    if math.isnan(grade):
        return "n/a"
    for band, _, low, high, _ in GRADE_BANDS:
        if grade < high:
            return band if grade >= low else GRADE_BANDS[0][0]
    return GRADE_BANDS[-1][0]


def flesch_band(score: float) -> str:
    """Flesch's label and school level for a Reading Ease score: "Fairly difficult (10th–12th
    grade)"."""
    if math.isnan(score):
        return "n/a"
    for low, _, label, level in FLESCH_BANDS:
        if score >= low:
            return f"{label} ({level})"
    return f"{FLESCH_BANDS[-1][2]} ({FLESCH_BANDS[-1][3]})"


def flesch_grade(score: float) -> float:
    """Grade equivalent of a Flesch Reading Ease score, interpolated in Flesch's table."""
    xs, ys = zip(*_FRE_TO_GRADE, strict=True)
    return float(np.interp(score, xs, ys)) if not math.isnan(score) else math.nan


def dale_chall_grade(score: float) -> float:
    """Grade equivalent of a New Dale–Chall score, interpolated in Chall & Dale's table."""
    xs, ys = zip(*_DALE_CHALL_TO_GRADE, strict=True)
    return float(np.interp(score, xs, ys)) if not math.isnan(score) else math.nan


def consensus_grade(scores: dict[str, float]) -> float:
    """Median grade of the seven formulas (Reading Ease and Dale–Chall via their tables).

    The median keeps one formula's quirk (e.g. Coleman–Liau on long names) from moving it.
    """
    grades = [
        flesch_grade(scores["flesch_reading_ease"])
        if key == "flesch_reading_ease"
        else dale_chall_grade(scores[key])
        if key == "dale_chall"
        else scores[key]
        for key in FORMULAS
        if key in scores
    ]
    grades = [g for g in grades if not math.isnan(g)]
    return statistics.median(grades) if grades else math.nan


# --- counting ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """What the formulas need, for any stretch of sentences."""

    n_sentences: int = 0
    n_words: int = 0
    n_syllables: int = 0
    n_polysyllables: int = 0
    n_complex: int = 0
    n_difficult: int = 0
    n_letters: int = 0
    n_characters: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


COUNT_COLUMNS = [f.name for f in fields(Counts)]


def _find_spec_path(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ConfigError(f"the {package!r} package is not installed")
    return Path(spec.origin).parent.joinpath(*parts)


@cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words, read from textstat's copy without importing
    textstat (whose import pulls in nltk)."""
    path = _find_spec_path("textstat", "resources", "en", "easy_words.txt")
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w.strip().lower() for w in words if w.strip())


def _inflection_bases(word: str) -> Iterable[str]:
    """Possible list forms of a regularly inflected word (making → make, stopped → stop)."""
    if len(word) < 4:
        return
    if word.endswith(("ies", "ied")):
        yield word[:-3] + "y"
    if word.endswith("ier"):
        yield word[:-3] + "y"
    if word.endswith("iest"):
        yield word[:-4] + "y"
    if word.endswith("s"):
        yield word[:-1]
        if word.endswith("es"):
            yield word[:-2]
    for suffix in ("ed", "ing", "er", "est"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            yield stem
            yield stem + "e"  # making → make, larger → large
            if stem[-1] == stem[-2]:
                yield stem[:-1]  # stopped → stop, bigger → big


_SUFFIXES = (("ed", 2), ("ing", 3), ("er", 2), ("est", 3))


def _inflected_familiar(word: str, easy: frozenset[str]) -> bool:
    """``any(base in easy for base in _inflection_bases(word))``, without a generator: a word
    that ends in none of the suffixes' last letters (most words) is answered at once."""
    if len(word) < 4 or word[-1] not in "sdgrt":
        return False
    if word.endswith(("ies", "ied", "ier")) and word[:-3] + "y" in easy:
        return True
    if word.endswith("iest") and word[:-4] + "y" in easy:
        return True
    if word[-1] == "s" and (word[:-1] in easy or (word.endswith("es") and word[:-2] in easy)):
        return True
    for suffix, k in _SUFFIXES:
        if word.endswith(suffix) and len(word) - k >= 2:
            stem = word[:-k]
            if stem in easy or stem + "e" in easy or (stem[-1] == stem[-2] and stem[:-1] in easy):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def is_familiar(word: str) -> bool:
    """On the Dale–Chall list, directly, as a regular inflection, or as a compound of listed
    words. ``word`` is lowercase with straight apostrophes."""
    easy = easy_words()
    if word in easy:
        return True
    if word.endswith("'s"):
        return is_familiar(word[:-2])
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(is_familiar(p) for p in parts)
    return _inflected_familiar(word, easy)


def _gunning_suffix_only(word: str, syllables: int) -> bool:
    """True when -es/-ed/-ing alone makes the word three syllables (created, included)."""
    if syllables != 3:
        return False
    table = cmudict_syllables()
    for suffix in ("es", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for base in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem):
                if base in table:
                    return table[base] < 3
            return syllable_count(stem) < 3
    return False


class _Word(NamedTuple):  # a tuple: built for every new word, several times faster than a dataclass
    syllables: int
    polysyllable: bool
    complex_: bool
    difficult: bool
    letters: int
    characters: int


@lru_cache(maxsize=1 << 16)
def _word_features(token: str, name: bool) -> _Word:
    return _Word(*_features(token, name))


def _features(token: str, name: bool) -> tuple[int, bool, bool, bool, int, int]:
    """The fields of :class:`_Word`, as a plain tuple (uncached: each caller caches)."""
    key = token.lower().replace("’", "'")
    bare = key.strip("'")
    # most new words are dictionary words: answered here, not through syllable_count's cache
    found = dictionary_syllables(bare) if bare else None
    syllables = found if found is not None else syllable_count(token)
    if token.isalpha():  # most words: all letters, no digit (no character is both)
        digits, letters = 0, len(token)
    else:
        digits, letters = sum(map(str.isdigit, token)), sum(map(str.isalpha, token))
    numeral = digits > 0
    compound = "-" in key.strip("-")
    complex_ = (
        syllables >= 3
        and not (name or numeral or compound)
        and not _gunning_suffix_only(key, syllables)
    )
    difficult = not (name or numeral or bare in easy_words() or is_familiar(bare))
    return syllables, syllables >= 3, complex_, difficult, letters, letters + digits


_ACRONYM_RE = re.compile(r"[A-Z][A-Z.’'&]*[A-Z]\.?(?:[’']s)?")
_INITIAL_AFTER = frozenset(OPEN_QUOTES + ":(—–")


def sentence_words(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Word spans of one sentence as (start, end, initial), "U.S.’s" and "50,000" one word each.

    The shared tokeniser (analysis.text) splits a possessive off a dotted abbreviation and digit
    groups at commas; readability counts them as one word, as a reader does. ``initial`` marks the
    first word of the sentence and the first word after an opening quote, colon or dash, where a
    capital letter does not signal a name.
    """
    spans: list[tuple[int, int, bool]] = []
    prev = start  # end of the previous word (or the sentence start)
    for m in WORD_RE.finditer(text, start, end):
        s, e = m.span()
        if s - prev == 1 and spans:
            gap = text[prev]
            if (gap in "’'" and e - s == 1 and text[s] in "sS") or (
                gap == "," and e - s == 3 and text[prev - 1].isdigit() and text[s:e].isdigit()
            ):
                spans[-1] = (spans[-1][0], e, spans[-1][2])
                prev = e
                continue
        # initial: nothing but white space since the sentence start, or the last non-space
        # character before the word opens a quotation or clause (a word never ends in one)
        if s == prev:
            initial = not spans
        else:
            gap = text[prev:s]
            if gap == " ":
                initial = not spans
            else:
                gap = gap.rstrip()
                initial = (not spans) if not gap else gap[-1] in _INITIAL_AFTER
        spans.append((s, e, initial))
        prev = e
    return spans


def _base(token: str) -> str:
    """The token without a possessive ending."""
    return token[:-2] if token.endswith(("’s", "'s")) else token


def count_words(text: str, spans: list[tuple[int, int, bool]], names: frozenset[str]) -> Counts:
    """Counts for one sentence's word spans. ``names`` are capitalised forms seen away from a
    sentence start, so a name that opens a sentence is still a name."""
    n_words = n_syll = n_poly = n_complex = n_difficult = n_letters = n_chars = 0
    for s, e, initial in spans:
        token = text[s:e]
        name = False
        if token[0].isupper():
            if not initial:
                name = True
            elif _ACRONYM_RE.fullmatch(token):
                name = len(token) > 1
            else:  # "The", "But" open sentences; "Trump" is a name wherever it stands
                name = _base(token) in names and not is_familiar(token.lower().replace("’", "'"))
        word = _word_features(token, name)
        n_words += 1
        n_syll += word.syllables
        n_poly += word.polysyllable
        n_complex += word.complex_
        n_difficult += word.difficult
        n_letters += word.letters
        n_chars += word.characters
    return Counts(1, n_words, n_syll, n_poly, n_complex, n_difficult, n_letters, n_chars)


def count_sentence(text: str, start: int, end: int, names: frozenset[str] = frozenset()) -> Counts:
    """Counts for the sentence text[start:end] (see :func:`count_words`)."""
    return count_words(text, sentence_words(text, start, end), names)


def _names(text: str, spans: list[list[tuple[int, int, bool]]]) -> Counter[str]:
    return Counter(
        _base(text[s:e])
        for sentence in spans
        for s, e, initial in sentence
        if not initial and text[s].isupper()
    )


_WORD_ROW = struct.Struct("=6q")  # six native int64, as numpy reads them back


@lru_cache(maxsize=1 << 16)
def _word_row(token: str, name: bool = False) -> bytes:
    """:func:`_word_features` as the counts it adds (syllables, polysyllable, complex,
    difficult, letters, characters), packed: an article's words are then joined and read by
    numpy in one step (``np.array`` of small tuples costs more than counting them).

    A word that is no name is looked up with the token alone: the cache then keys on the
    string itself instead of a new tuple, a cheaper look-up for most words. A new word goes
    straight to :func:`_features` (not through the cache of :func:`_word_features`: one cache
    miss a word instead of two).

    Equal rows are one object (:data:`_ROWS`): a few hundred distinct rows stand for tens of
    thousands of words, so the piece memos' values, whose reference counts every look-up
    writes and whose bytes every join reads, stay in the cache instead of one cold object a
    word."""
    row = _WORD_ROW.pack(*_features(token, name))
    shared = _ROWS.get(row)
    if shared is None:
        if len(_ROWS) >= _PIECE_ROWS_MAX:
            _ROWS.clear()
        shared = _ROWS[row] = row
    return shared


# packed row -> the one object standing for it (bounded like the piece memos)
_ROWS: dict[bytes, bytes] = {}


def _count_matrix(article: Article) -> np.ndarray:
    """Counts per body sentence as an int64 matrix (one row a sentence, columns as
    :data:`COUNT_COLUMNS`), computed once per Article and shared by the three tables.

    The same rules as :func:`count_words`, with the per-word counts summed by numpy rather
    than field by field in Python.
    """
    memo = article.memo
    counts = memo.get("readability_counts")
    if counts is None:
        counts = memo["readability_counts"] = _count_sentences(article)
    return counts


# Each word with the text since the previous one (findall hands both over without a Match
# object per word; the leftmost word is found exactly as WORD_RE.finditer finds it). Every
# letter or digit starts a word, so the gap is the run of other characters before it: a greedy
# class run, a fifth faster than a lazy ".*?" that retries the word pattern after each character.
_GAP_WORD_RE = re.compile(rf"([\W_]*)({WORD_RE.pattern})")


def _chunk_tokens(chunk: str, before: str | None) -> list[list]:
    """[word, initial] for one white-space-free piece of a sentence (see :func:`_count_sentences`);
    ``before`` is the last character of the previous piece, None for the sentence's first."""
    toks: list[list] = []
    for gap, word in _GAP_WORD_RE.findall(chunk):
        if toks:
            if len(gap) == 1:
                prev = toks[-1][0]
                if (gap in "’'" and word in ("s", "S")) or (
                    gap == "," and len(word) == 3 and prev[-1].isdigit() and word.isdigit()
                ):
                    toks[-1][0] = prev + gap + word  # "U.S.’s" and "50,000" are one word
                    continue
            toks.append([word, bool(gap) and gap[-1] in _INITIAL_AFTER])
        else:
            last = gap[-1] if gap else before
            toks.append([word, last is None or last in _INITIAL_AFTER])
    return toks


_SENTENCES_PER_BLOCK = 2048


# The row of each white-space-free piece of a body sentence that holds one word not opening with
# a capital ("said,", "(the", "troops’"): such a row depends on the piece alone, never on the
# sentence around it. Word-keyed and warm between texts like :func:`_word_row`, and bounded like
# it (emptied when full).
_PIECE_ROWS: dict[str, bytes] = {}
_PIECE_ROWS_MAX = 1 << 16
# The same for a piece of one capitalised word ("Trump,", "“The"), whose row depends on its
# place: (word, whether the piece itself makes the word an initial (None: the previous piece
# decides), its row as a name, its row as an initial acronym or None when it is no acronym).
_CAPITAL_PIECES: dict[str, tuple[str, bool | None, bytes, bytes | None]] = {}
# And what the names of the body decide such a word by as an opener (:func:`_opener`), kept
# beside it (filled with it, bounded alike): no per-word call to strip a possessive or look
# the word up in the Dale–Chall list.
_CAPITAL_OPENERS: dict[str, tuple[str, str, bool]] = {}


def _opener(word: str) -> tuple[str, str, bool]:
    """(word, its form without a possessive, whether it is familiar): a capitalised sentence
    opener is a name when that form is among the body's names and the word is not familiar."""
    return word, _base(word), is_familiar(word.lower().replace("’", "'"))


def _count_sentences(article: Article) -> np.ndarray:
    """The count matrix of :func:`_count_matrix`: the words of :func:`sentence_words`, each
    looked up in :func:`_word_row` once, in one pass over the body.

    Words never span white space, and neither do the gaps that join "U.S." + "’s" or "50" +
    ",000", so each sentence is read as its ``str.split()`` pieces. Most pieces were seen before
    as a piece of one lower-case word: their rows come from :data:`_PIECE_ROWS`, a sentence's
    all at once (``map`` and one join; its counts are sums, so the order of its rows is
    immaterial), and only the others (b"" there, found by ``list.index``) run in Python: a piece
    of one capitalised word seen before is read from :data:`_CAPITAL_PIECES`; otherwise a piece
    of letters and digits only, or one followed by a single punctuation mark ("said,"), is a
    word as it stands, and the rest go through the word pattern. A word is an ``initial`` when
    nothing precedes it in the sentence or the last non-space character before it is an opening
    quote, colon, bracket or dash (no word ends in one of those, so the last character of the
    previous piece decides). Capitalised initials wait for the names of the whole body; every
    other word gets its row at once.
    """
    rows: list[bytes | None] = []  # packed rows, several words an item (a sentence's known ones)
    append = rows.append
    known = _PIECE_ROWS
    lookup = known.get
    capitals = _CAPITAL_PIECES
    capital = capitals.get
    capital_openers = _CAPITAL_OPENERS
    opener_of = capital_openers.get
    word_row = _word_row
    initial_after = _INITIAL_AFTER
    acronym = _ACRONYM_RE.fullmatch
    size = _WORD_ROW.size
    split = text_pieces
    capitalised: list[str] = []  # capitalised words away from a sentence start: names (_base)
    openers: list[tuple[int, tuple[str, str, bool]]] = []  # (item, _opener) of other initials
    ends = [0]  # words before each sentence's end
    marks = [0]  # items before each sentence's end
    total = 0
    for text in article.sentence_texts:
        pieces = split(text)  # the sentence keeps its text: no slice of the body
        found = list(map(lookup, pieces, repeat(b"")))
        chunk = b"".join(found)
        append(chunk)
        n = len(chunk) // size
        i = -1
        for _ in range(len(pieces) - n):  # each known piece is one word
            i = found.index(b"", i + 1)
            piece = pieces[i]
            seen = capital(piece)
            if seen is None:
                before = pieces[i - 1][-1] if i else None
                if piece.isalnum():
                    word = piece
                elif piece[:-1].isalnum() and piece[-1] != "%":  # "said," (not "28%": one word)
                    word = piece[:-1]
                else:
                    word = None
                if word is None:
                    words = _chunk_tokens(piece, before)
                else:
                    words = [[word, before is None or before in initial_after]]
                if len(words) != 1:
                    n += len(words)
                    for word, initial in words:
                        if not word[0].isupper():
                            append(word_row(word))
                        elif not initial:
                            append(word_row(word, True))
                            capitalised.append(_base(word))
                        elif acronym(word):
                            append(word_row(word, len(word) > 1))
                        else:
                            openers.append((len(rows), _opener(word)))
                            append(None)
                    continue
                first = words[0][0]
                if not first[0].isupper():
                    n += 1
                    row = known[piece] = word_row(first)
                    append(row)
                    if len(known) >= _PIECE_ROWS_MAX:
                        known.clear()
                    continue
                # one capitalised word: kept for the next time, then read as a known one
                if len(capitals) >= _PIECE_ROWS_MAX:
                    capitals.clear()
                seen = capitals[piece] = (
                    first,
                    None if piece.startswith(first) else words[0][1],
                    word_row(first, True),
                    word_row(first, len(first) > 1) if acronym(first) else None,
                )
                if len(capital_openers) >= _PIECE_ROWS_MAX:
                    capital_openers.clear()
                opener = capital_openers[piece] = _opener(first)
            else:
                opener = opener_of(piece) or _opener(seen[0])
            word, lead, name_row, acronym_row = seen
            n += 1
            if lead is None:
                lead = not i or pieces[i - 1][-1] in initial_after
            if not lead:
                append(name_row)
                capitalised.append(opener[1])
            elif acronym_row is not None:
                append(acronym_row)
            else:
                openers.append((len(rows), opener))
                append(None)
        total += n
        ends.append(total)
        marks.append(len(rows))
    if openers:
        # "The", "But" open sentences; "Trump" is a name wherever it stands
        names = frozenset(capitalised)
        for i, (word, base, familiar) in openers:
            rows[i] = word_row(word, base in names and not familiar)
    return _sum_rows(rows, np.array(ends, dtype=np.intp), marks)


def _sum_rows(rows: list, ends: np.ndarray, marks: list[int]) -> np.ndarray:
    """Per-sentence sums of the packed word rows: sentence i has the words
    ends[i]:ends[i + 1] of ``b"".join(rows)``, those of the items rows[marks[i]:marks[i + 1]].
    Summed by numpy, a block of sentences at a time (bounded memory on long texts), by one
    ``np.add.reduceat`` at the sentences' first words straight into the count matrix: no
    running-sum matrix the size of the text to zero, fill and read back (its zeroing and
    writes missed the caches: a fifth of the stage's last-level misses). Integer sums, so
    the order of the additions is immaterial. ``reduceat`` gives an empty range the row at
    its start, so a block with a sentence of no words (rare) sums the others only."""
    n = len(ends) - 1
    out = np.empty((n, len(COUNT_COLUMNS)), dtype=np.int64)
    out[:, 0] = 1
    np.subtract(ends[1:], ends[:-1], out=out[:, 1])
    for first in range(0, n, _SENTENCES_PER_BLOCK):
        stop = min(first + _SENTENCES_PER_BLOCK, n)
        lo, hi = int(ends[first]), int(ends[stop])
        sums = out[first:stop, 2:]
        if hi == lo:
            sums.fill(0)
            continue
        packed = b"".join(rows[marks[first] : marks[stop]])
        per_word = np.frombuffer(packed, dtype=np.int64).reshape(-1, 6)
        starts = ends[first:stop] - lo if lo else ends[first:stop]
        words = out[first:stop, 1]
        if words.all():  # nearly always: every sentence has a word
            np.add.reduceat(per_word, starts, axis=0, out=sums)
        else:
            sums.fill(0)
            some = np.flatnonzero(words)
            sums[some] = np.add.reduceat(per_word, starts[some], axis=0)
    return out


def _sentence_counts(article: Article) -> tuple[Counts, ...]:
    """Counts per body sentence (computed once per Article)."""
    return tuple(Counts(*row) for row in _count_matrix(article).tolist())


def proper_names(text_or_article: str | Article) -> list[str]:
    """Capitalised words seen away from a sentence start, most frequent first: the words the
    counting treats as names (never difficult, never complex)."""
    article = as_article(text_or_article)
    text = article.text
    spans = [sentence_words(text, s.start, s.end) for s in article.sentences]
    return [name for name, _ in _names(text, spans).most_common()]


def _total(counts: Sequence[Counts]) -> Counts:
    """Field-wise sum, field by field (adding dataclasses pairwise costs several times more)."""
    return Counts(*(sum(getattr(c, name) for c in counts) for name in COUNT_COLUMNS))


def scores_from_counts(counts: Counts, *, smog: bool = True) -> dict[str, float]:
    """Every formula for the given counts (SMOG optional: meaningless for one sentence)."""
    c = counts
    scores = {
        "flesch_reading_ease": flesch_reading_ease(c.n_words, c.n_sentences, c.n_syllables),
        "flesch_kincaid_grade": flesch_kincaid_grade(c.n_words, c.n_sentences, c.n_syllables),
        "gunning_fog": gunning_fog(c.n_words, c.n_sentences, c.n_complex),
        "smog_index": smog_index(c.n_polysyllables, c.n_sentences),
        "coleman_liau_index": coleman_liau_index(c.n_letters, c.n_words, c.n_sentences),
        "automated_readability_index": automated_readability_index(
            c.n_characters, c.n_words, c.n_sentences
        ),
        "dale_chall": dale_chall(c.n_words, c.n_sentences, c.n_difficult),
    }
    if not smog:
        del scores["smog_index"]
    scores["consensus_grade"] = consensus_grade(scores)
    return scores


# --- public API -----------------------------------------------------------------------------------


def readability_scores(text_or_article: str | Article) -> dict[str, float | int]:
    """Article-level readability of the body: the seven formulas, a consensus grade and the
    counts behind them (n_sentences, n_words, n_syllables, n_polysyllables, n_complex,
    n_difficult, n_letters, n_characters). The numbers of :func:`scores_from_counts` on the
    body's counts, taken from the pass that scores the sentence and paragraph tables."""
    article = as_article(text_or_article)
    columns, whole = _table_scores(article)[2:]
    scores = zip(_SCORE_KEYS, columns[:, 0].tolist(), strict=True)  # one value a column
    return {**dict(scores), **dict(zip(COUNT_COLUMNS, whole.tolist(), strict=True))}


_SCORE_KEYS = [*FORMULAS, "consensus_grade"]
_SENTENCE_TABLE = pd.Index(
    ["sentence_id", "paragraph_id", "start", "end", "text", *COUNT_COLUMNS[1:]]
    + [k for k in FORMULAS if k != "smog_index"]
    + ["consensus_grade"]
)
_PARAGRAPH_TABLE = pd.Index(
    ["paragraph_id", "start", "end", "text", *COUNT_COLUMNS, *FORMULAS, "consensus_grade"]
)


def readability_sentences(text_or_article: str | Article) -> pd.DataFrame:
    """One row per body sentence: sentence_id, paragraph_id, start, end, text, the counts, and
    each formula meaningful for one sentence (all but SMOG) plus their consensus grade."""
    article = as_article(text_or_article)
    counts = _count_matrix(article)
    return frame(
        _SENTENCE_TABLE,
        [
            *article.sentence_columns(),
            counts.T[1:],  # frame() copies a block of columns at once
            _table_scores(article)[0],
        ],
    )


def readability_paragraphs(text_or_article: str | Article) -> pd.DataFrame:
    """One row per body paragraph: paragraph_id, start, end, text, the counts (n_sentences
    included) and every formula with the consensus grade."""
    article = as_article(text_or_article)
    paragraphs = article.paragraphs
    totals, starts = _paragraph_totals(article)
    text = article.text
    return frame(
        _PARAGRAPH_TABLE,
        [
            np.fromiter(  # paragraph_id, start, end: one block of columns, in one pass
                chain([p.paragraph_id for p in paragraphs], starts, [p.end for p in paragraphs]),
                dtype=np.int64,
                count=3 * len(paragraphs),
            ).reshape(3, -1),
            strings([text[start : p.end] for start, p in zip(starts, paragraphs, strict=True)]),
            totals.T,  # frame() copies a block of columns at once
            _table_scores(article)[1],
        ],
    )


def _paragraph_totals(article: Article) -> tuple[np.ndarray, list[int]]:
    """Counts per body paragraph (one row a paragraph) and where each paragraph's text starts
    (after the dateline, if it opens with one), computed once per Article."""
    memo = article.memo
    found = memo.get("readability_paragraph_totals")
    if found is not None:
        return found  # type: ignore[return-value]
    paragraphs = article.paragraphs
    counts = _count_matrix(article)
    starts = [p.start for p in paragraphs]
    sentences = article.sentences
    # sentences come paragraph by paragraph (``Article.paragraph_sizes`` of them each), so a
    # paragraph's rows are one run, summed by one reduceat (integers: the order of the sums is
    # immaterial); a paragraph without a sentence keeps a row of zeros
    firsts: list[int] = []
    rows: list[int] = []
    first = 0
    for row, size in enumerate(article.paragraph_sizes):
        if size:
            firsts.append(first)
            rows.append(row)
            starts[row] = sentences[first].start
            first += size
    if firsts and len(rows) == len(paragraphs):  # every paragraph has a sentence (nearly always)
        totals = np.add.reduceat(counts, firsts, axis=0)
    else:
        totals = np.zeros((len(paragraphs), len(COUNT_COLUMNS)), dtype=np.int64)
        if firsts:
            totals[rows] = np.add.reduceat(counts, firsts, axis=0)
    memo["readability_paragraph_totals"] = found = (totals, starts)
    return found


def _table_scores(
    article: Article,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The score columns (one row each, as :func:`frame` takes a block of columns) of the
    sentence table (no SMOG), of the paragraph table and of the article (one value each), and
    the article's counts: one pass of the formulas over the sentence
    rows, the paragraph rows and the article's total stacked (every formula is row by row, so
    stacking changes no number; numpy's per-call cost is paid once), computed once per
    Article."""
    memo = article.memo
    found = memo.get("readability_table_scores")
    if found is not None:
        return found  # type: ignore[return-value]
    counts = _count_matrix(article)
    totals = _paragraph_totals(article)[0]
    whole = counts.sum(axis=0)
    n, last = len(counts), len(counts) + len(totals)
    scores = _scored(np.concatenate((counts, totals, whole[np.newaxis])), n)
    found = (scores[_SENTENCE_SCORE_ROWS, :n], scores[:, n:last], scores[:, last:], whole)
    memo["readability_table_scores"] = found
    return found


# The count matrix's columns (:data:`COUNT_COLUMNS`) each formula divides, scaled as the
# formulas scale them before dividing, over the column they are divided by: syllables/words,
# 100 × complex/words, 100 × letters/words, 100 × sentences/words, characters/words, 100 ×
# difficult/words (Dale–Chall's percent), words/sentences, 30 × polysyllables/sentences.
_RATIO_TOP = np.array([2, 4, 6, 0, 7, 5, 1, 3], dtype=np.intp)
_RATIO_SCALE = np.array([[1], [100], [100], [100], [1], [100], [1], [30]], dtype=np.int64)
_RATIO_BOTTOM = np.array([1, 1, 1, 1, 1, 1, 0, 0], dtype=np.intp)
# Each formula's two terms, one product (ratio row × coefficient) each: the first six rows are
# added to the next six (Kincaid, Fog, SMOG, Coleman–Liau, ARI, Dale–Chall); Reading Ease
# subtracts the last two from its constant. A coefficient 1.0 leaves a ratio as it is; SMOG's
# second term is 0.0 × words/sentences, +0.0 (x + 0.0 is x for every x ≥ +0 or NaN); and
# −0.296 × x is −(0.296 × x), so Coleman–Liau's sum is its difference, bit for bit.
_TERM_ROWS = np.array([6, 6, 7, 2, 6, 5, 0, 1, 6, 3, 4, 6, 6, 0], dtype=np.intp)
_TERM_COEFFICIENTS = np.array(
    [0.39, 1.0, 1.0430, 0.0588, 0.5, 0.1579, 11.8, 1.0, 0.0, -0.296, 4.71, 0.0496, 1.015, 84.6]
)[:, np.newaxis]
# subtracted from the six sums: x − 0.0 is x for every x, and x − (−3.1291) is x + 3.1291
_SUM_CONSTANTS = np.array([15.59, 0.0, -3.1291, 15.8, 21.43, 0.0])[:, np.newaxis]
_SENTENCE_SCORE_ROWS = np.array([0, 1, 2, 4, 5, 6, 7], dtype=np.intp)  # no SMOG
_SMOG_ROW = list(FORMULAS).index("smog_index")


def _formula_matrix(counts: np.ndarray) -> np.ndarray:
    """Each formula (:data:`FORMULAS`, one row each) for every row of a count matrix (one
    column each): the operations of :func:`scores_from_counts` in the same order on the same
    float64 operands, hence the same numbers, done a block of formulas per numpy call (on a
    few dozen rows numpy's per-call cost is the whole cost). When every row has words and a
    sentence (nearly always) nothing is masked and no warning needs silencing."""
    columns = counts.T
    if len(counts) and columns[:2].min() > 0:
        return _formula_rows(columns)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = _formula_rows(columns)
    has_sentences, has_words = columns[0] > 0, columns[1] > 0
    valid = has_words & has_sentences
    keep = {"smog_index": has_sentences, "coleman_liau_index": has_words}
    for k, key in enumerate(FORMULAS):
        out[k, ~keep.get(key, valid)] = np.nan
    return out


def _formula_rows(columns: np.ndarray) -> np.ndarray:
    """:func:`_formula_matrix` unmasked, on the transposed count matrix; an eighth, empty row
    is left for the consensus grade."""
    ratios = (columns[_RATIO_TOP] * _RATIO_SCALE) / columns[_RATIO_BOTTOM]
    np.sqrt(ratios[7], out=ratios[7])
    terms = ratios[_TERM_ROWS] * _TERM_COEFFICIENTS
    out = np.empty((len(FORMULAS) + 1, columns.shape[1]))
    sums = out[1:7]  # Kincaid, Fog, SMOG, Coleman–Liau, ARI, Dale–Chall
    np.add(terms[:6], terms[6:12], out=sums)
    np.subtract(sums, _SUM_CONSTANTS, out=sums)
    np.multiply(out[2], 0.4, out=out[2])  # Fog: 0.4 × (words/sentence + 100 × complex/words)
    np.subtract(206.835, terms[12], out=out[0])
    np.subtract(out[0], terms[13], out=out[0])
    np.add(out[6], 3.6365, out=out[6], where=ratios[5] > 5)  # Dale–Chall: over 5 % difficult
    return out


def _scored(counts: np.ndarray, n: int) -> np.ndarray:
    """:func:`_formula_matrix` of a count matrix with the consensus grade as its last row:
    the rows before ``n`` (sentences) without SMOG, the others with it. The grades are sorted
    once, a sentence's SMOG grade set to infinity so that it sorts last and the order
    statistics of the other six, the median's, are theirs alone; a NaN grade sorts after it, so
    a NaN in the last place marks a row whose consensus :func:`consensus_grade` takes (NaN
    grades left out)."""
    out = _formula_matrix(counts)
    grades = out[:-1].copy()
    grades[0] = np.interp(out[0], *_FRE_GRADES)
    grades[6] = np.interp(out[6], *_DALE_CHALL_GRADES)
    grades[_SMOG_ROW, :n] = np.inf
    ordered = np.sort(grades, axis=0)
    consensus = out[-1]
    consensus[n:] = ordered[3, n:]  # seven grades
    np.add(ordered[2, :n], ordered[3, :n], out=consensus[:n])  # six grades
    np.divide(consensus[:n], 2, out=consensus[:n])
    for row in np.flatnonzero(np.isnan(ordered[-1])).tolist():
        consensus[row] = consensus_grade(
            {
                key: float(out[k, row])
                for k, key in enumerate(FORMULAS)
                if row >= n or key != "smog_index"
            }
        )
    return out


_FRE_GRADES = tuple(
    np.array(column, dtype=np.float64) for column in zip(*_FRE_TO_GRADE, strict=True)
)
_DALE_CHALL_GRADES = tuple(
    np.array(column, dtype=np.float64) for column in zip(*_DALE_CHALL_TO_GRADE, strict=True)
)


def readability_profile(text_or_article: str | Article) -> pd.DataFrame:
    """One row per formula for reading the article's scores: formula, name, score, scale, the
    grade equivalent, its band, how to read it (Flesch's own label for Reading Ease), which
    direction is harder, and whether the grade is converted from another scale."""
    scores = readability_scores(text_or_article)
    rows = []
    for key, (name, scale, harder) in FORMULAS.items():
        score = float(scores[key])
        grade = (
            flesch_grade(score)
            if key == "flesch_reading_ease"
            else dale_chall_grade(score)
            if key == "dale_chall"
            else score
        )
        rows.append(
            {
                "formula": key,
                "name": name,
                "score": score,
                "scale": scale,
                "grade": grade,
                "band": grade_band(grade),
                "reading": flesch_band(score)
                if key == "flesch_reading_ease"
                else grade_band(grade),
                "harder_when": harder,
                "converted": key in ("flesch_reading_ease", "dale_chall"),
            }
        )
    return pd.DataFrame(rows)


def rank_hardest(sentences: pd.DataFrame, n: int = 5, min_words: int = 3) -> pd.DataFrame:
    """The n hardest rows of a :func:`readability_sentences` table by consensus grade (ties: the
    longer sentence first), with a ``rank`` column. Fragments under ``min_words`` words (a heading
    such as "Australia" scores grade 20 on three syllables) are not ranked."""
    eligible = sentences[sentences["n_words"] >= min_words]
    ranked = eligible.sort_values(
        ["consensus_grade", "n_words", "sentence_id"], ascending=[False, False, True]
    ).head(n)
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked.reset_index(drop=True)


def hardest_sentences(
    text_or_article: str | Article, n: int = 5, min_words: int = 3
) -> pd.DataFrame:
    """The n hardest body sentences by consensus grade, with their scores (see
    :func:`rank_hardest`)."""
    return rank_hardest(readability_sentences(text_or_article), n, min_words)

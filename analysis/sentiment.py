"""Sentence sentiment with VADER: per sentence, per paragraph, and a smoothed arc.

Why per sentence: VADER's compound score is a normalised *sum* of word valences
(``x / sqrt(x² + 15)``), so on a long text it saturates towards ±1 whatever the balance of the
words (vaderSentiment issue #151). Scoring each body sentence keeps the scale meaningful and lets
every number point back at the words (offsets into ``Article.text``) that produced it.

Columns reported by VADER:

* ``compound`` — normalised, weighted valence of the sentence in [-1, 1]; the one score to use
  for ranking or labelling a sentence.
* ``pos``, ``neu``, ``neg`` — the *proportions* of the sentence's sentiment mass that fall in
  positive, neutral and negative words (they sum to about 1). They are not labels and not
  probabilities (vaderSentiment issue #70): a sentence with ``neg`` 0.2 is not "20 % likely to be
  negative", it has a fifth of its weight in negative words.
* ``label`` — ours, from ``compound`` and two thresholds: ``positive`` when
  ``compound >= pos_threshold``, ``negative`` when ``compound <= neg_threshold``, else ``neutral``.
  The defaults (+0.05 / -0.05) are VADER's own recommendation; news prose is neutral-heavy and the
  right cut-offs depend on the domain (vaderSentiment issue #131), so both are keyword arguments.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import math
import re
import string
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import itemgetter

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    normalize,
)

from analysis.article import Article, as_article, frame, strings
from analysis.errors import AnalysisError
from analysis.text import pieces

POS_THRESHOLD = 0.05
NEG_THRESHOLD = -0.05
LABELS = ("negative", "neutral", "positive")
SENTENCE_COLUMNS = [
    "sentence_id",
    "paragraph_id",
    "start",
    "end",
    "text",
    "compound",
    "pos",
    "neu",
    "neg",
    "label",
]
PARAGRAPH_COLUMNS = [
    "paragraph_id",
    "start",
    "end",
    "n_sentences",
    "mean_compound",
    "min_compound",
    "max_compound",
    "share_negative",
    "share_neutral",
    "share_positive",
    "label",
]
ARC_COLUMNS = [
    "sentence_id",
    "paragraph_id",
    "start",
    "end",
    "compound",
    "label",
    "smoothed",
    "window",
    "paragraph_start",
]
_TOKEN_RE = re.compile(r"\S+")
_SENTENCE_INDEX = pd.Index(SENTENCE_COLUMNS)
_PARAGRAPH_INDEX = pd.Index(PARAGRAPH_COLUMNS)
_STRING = pd.StringDtype()  # "string" (NA-valued), as these tables have always used


class ThresholdError(AnalysisError, ValueError):
    """Sentiment thresholds or the smoothing window are not usable."""


@cache
def vader() -> SentimentIntensityAnalyzer:
    """The one shared analyzer: loading its lexicon costs ~100 ms, so build it once per process.

    Other modules (target sentiment) reuse it and its ``lexicon`` dict; treat both as read-only.
    With vaderSentiment 3.3.2 it is :class:`ExactVader` (the same scores, a third faster);
    with any other version, VADER's own class.
    """
    if importlib.metadata.version("vaderSentiment") == "3.3.2":
        analyzer = ExactVader()
        _VADER_KEYS.use(analyzer.lexicon)
        return analyzer
    return SentimentIntensityAnalyzer()


_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_NO_TEXT = (0.0, 0.0, 0.0, 0.0)  # (compound, pos, neu, neg) of a text without words
_NO_HIT = (0.0, 0.0, 1.0, 0.0)  # ... of words of which none is in the lexicon


def _negated_word(low: str) -> bool:
    """VADER's ``negated([low])`` for one lower-cased word, without building lists."""
    return low in _NEGATE or "n't" in low


def _vader_token(token: str) -> str:
    """A white-space token as VADER looks it up: outer punctuation stripped unless that leaves
    two characters or fewer (possibly an emoticon: kept whole), lower-cased."""
    stripped = token.strip(_PUNCTUATION)
    return (stripped if len(stripped) > 2 else token).lower()


class _TokenForms(dict):
    """token → :func:`_vader_token` (token), filled on first sight: vocabulary, like the
    lexicon. ``map`` calls its ``__getitem__`` without building an argument tuple, about a
    third of the cost of a call to an ``lru_cache`` wrapper; only a miss runs Python.

    ``emoji`` holds the tokens met that contain one of VADER's emoji characters (white space
    is none, so a text holds one exactly when one of its tokens does)."""

    limit = 65536
    # the forms kept as they are, every other one shared as "" (:class:`_TokenKeys`); None:
    # every form kept
    words: frozenset[str] | None = None

    def __init__(self) -> None:
        super().__init__()
        self.emoji: set[str] = set()

    def __missing__(self, token: str) -> str:
        if len(self) >= self.limit:
            self.clear()
            self.emoji.clear()
        if not token.isascii() and not _emoji_chars().isdisjoint(token):
            self.emoji.add(token)
        # the test here, not in a method a subclass overrides: a call per new token less
        form = _vader_token(token)
        words = self.words
        if words is not None and form not in words and "n't" not in form:
            form = ""
        self[token] = form
        return form


@cache
def _emoji_chars() -> frozenset[str]:
    """VADER's emoji lexicon keys (the characters its ``polarity_scores`` replaces)."""
    return frozenset(vader().emojis)


_VADER_FORMS = _TokenForms()


def _vader_forms(tokens: Sequence[str]) -> list[str]:
    """:func:`_vader_token` of each token, memoised (tokens repeat within an article and
    across articles)."""
    return list(map(_VADER_FORMS.__getitem__, tokens))


def _negation(valence: float, low: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on the lower-cased words."""
    if start_i == 0 and _negated_word(low[i - 1]):
        valence = valence * N_SCALAR
    if start_i == 1:
        if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            pass
        elif _negated_word(low[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")) or (
            low[i - 1] == "so" or low[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            pass
        elif _negated_word(low[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _cap_diff(words: Sequence[str], is_cap_diff: bool | None) -> bool:
    """VADER's ``is_cap_diff`` (some words but not all in capitals), unless already known."""
    if is_cap_diff is not None:
        return is_cap_diff
    n = len(words)
    return 0 < n - sum(map(str.isupper, words)) < n


# Every word that VADER's rules read among the three before a lexicon word (besides those
# containing "n't"): boosters, negations, "no", and the words of the "never so", "without
# doubt" and "least" checks.
_RULE_WORDS = frozenset(BOOSTER_DICT) | _NEGATE | {"no", "never", "so", "this", "without", "least"}


def _idiom_pairs() -> tuple[frozenset[str], frozenset[str]]:
    """First and second words of each pair of adjacent words in VADER's multi-word idioms
    and boosters ("kiss of death": kiss-of, of-death)."""
    firsts, seconds = set(), set()
    for phrase in itertools.chain(SPECIAL_CASES, BOOSTER_DICT):
        words = phrase.split()
        for a, b in itertools.pairwise(words):
            firsts.add(a)
            seconds.add(b)
    return frozenset(firsts), frozenset(seconds)


_IDIOM_FIRST, _IDIOM_SECOND = _idiom_pairs()

# Every word form VADER's rules compare or look up besides the lexicon's (which ``_TokenKeys``
# adds): boosters, negations and the words of the rules' checks, and every word of its
# multi-word idioms and boosters. A form containing "n't" is read too (a negation).
_READ_WORDS = (
    _RULE_WORDS
    | {"doubt", "at", "very", "or", "nor", "but", "kind", "of"}
    | {word for phrase in itertools.chain(SPECIAL_CASES, BOOSTER_DICT) for word in phrase.split()}
)


class _TokenKeys(_TokenForms):
    """token → its VADER form when VADER's rules can read that form (a lexicon word, or one of
    :data:`_READ_WORDS`, or one containing "n't"), else "" for every other token: most tokens
    then share one string, whose lexicon look-up always probes the same slot, instead of
    reading a form object and a lexicon slot of their own (cache misses, token after token).
    No rule tells such a word from "": each compares it with, or looks it up among, words it
    is not (the lexicon holds no "", and an idiom with an empty word is no key), and the scores
    are the full forms' (tests/test_readability_speed_s15.py). Built for one lexicon
    (:meth:`use`, the shared analyzer's): an analyzer with another lexicon reads the full forms
    of :data:`_VADER_FORMS`. Words added to that lexicon later (a user's own valences) are
    read too: :meth:`current` starts afresh when its size has changed."""

    def __init__(self) -> None:
        super().__init__()
        self.lexicon: dict[str, float] | None = None
        self.words: frozenset[str] = frozenset()
        self.size = 0

    def use(self, lexicon: dict[str, float]) -> None:
        self.clear()
        self.emoji.clear()
        self.lexicon = lexicon
        self.words = _READ_WORDS.union(lexicon)
        self.size = len(lexicon)

    def current(self) -> _TokenKeys:
        """The memo, rebuilt if words were added to (or removed from) its lexicon since: a token
        that shares "" might now be a lexicon word."""
        if len(self.lexicon) != self.size:
            self.use(self.lexicon)
        return self


_VADER_KEYS = _TokenKeys()


def _special_idioms(valence: float, low: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` on the lower-cased words.

    Every phrase it looks up is two or three adjacent words around ``i`` and starts with one
    of the pairs (i-3, i-2), (i-2, i-1), (i-1, i) or (i, i+1); when none of those can open an
    idiom or booster phrase, nothing can match and the valence is returned as it is.
    """
    first, second = _IDIOM_FIRST, _IDIOM_SECOND
    if not (
        (low[i - 3] in first and low[i - 2] in second)
        or (low[i - 2] in first and low[i - 1] in second)
        or (low[i - 1] in first and low[i] in second)
        or (len(low) - 1 > i and low[i] in first and low[i + 1] in second)
    ):
        return valence
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(low) - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(low) - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _punctuation_emphasis(text: str) -> float:
    """VADER's ``_punctuation_emphasis`` (up to four "!", and two or more "?"), in one call."""
    if "!" not in text and "?" not in text:  # most sentences: nothing to count
        return 0.0
    ep_amplifier = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0 if qm_count <= 1 else qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


_SCALES = tuple(10.0**digits for digits in range(16))
_ROUNDER = 1.5 * 2.0**52  # adding it and taking it away rounds a double to an integer, half-even
_NEAR_HALF = 0.5 - 1e-6  # a scaled value this far from its integer or farther is "near a half"


def _round(x: float, digits: int) -> float:
    """``round(x, digits)``, the same float, for VADER's scores (finite, of modest size).

    ``round`` with digits goes through a decimal string and back (about 3,500 instructions).
    Scaled up, a value that is not within a hair of a half rounds to the same integer in
    double arithmetic, and dividing that exact integer by the exact power of ten gives the
    double nearest the decimal, as ``round`` does; a value near a half takes ``round``.
    The checks are comparisons only (no ``abs`` call): a NaN fails them and takes ``round``.
    """
    scale = _SCALES[digits]
    y = x * scale
    k = (y + _ROUNDER) - _ROUNDER
    if -1e9 < y < 1e9 and -_NEAR_HALF < y - k < _NEAR_HALF:
        return k / scale if k else x * 0.0  # a zero keeps the sign of x, as round's does
    return round(x, digits)


def _but(lowered: list[str], sentiments: list[float]) -> None:
    """VADER's ``_but_check`` in place, on the lower-cased words: the words before the first
    "but" count half, those after it half again. VADER's loop looks each value up by equality
    (``sentiments.index``), which a repeated value makes matter; zeros are skipped here, as
    rewriting a zero (with a zero) changes neither the sums nor any later look-up of a
    non-zero value, and the non-zero values run through the same loop in the same order."""
    bi = lowered.index("but")
    for k in [k for k, value in enumerate(sentiments) if value]:
        sentiment = sentiments[k]
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
        elif si > bi:
            sentiments[si] = sentiment * 1.5


def _sift(sentiments: list[float]) -> tuple[float, float, int]:
    """VADER's ``_sift_sentiment_scores``, the zeros (most words) skipped in C rather than
    tested one by one."""
    pos_sum = 0.0
    neg_sum = 0.0
    nonzero = list(filter(None, sentiments))  # NaN is truthy: it is neither, as in VADER
    for sentiment_score in nonzero:
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
        if sentiment_score < 0:
            neg_sum += float(sentiment_score) - 1
    return pos_sum, neg_sum, len(sentiments) - len(nonzero)


class ExactVader(SentimentIntensityAnalyzer):
    """VADER 3.3.2 with the same rules, arithmetic and results, minus repeated work.

    ``polarity_scores`` rebuilds the text character by character to replace emojis even when
    there is none, and the negation and idiom checks lower-case the whole sentence again for
    every word they look at (quadratic in the sentence's length). Here the emoji pass runs only
    when the text holds an emoji, and each token is lower-cased once; the tokens are found and
    looked up in the lexicon in C, a sentence without a lexicon word (a third of news sentences)
    is scored at once, and only lexicon words go through the per-word rules.
    The rules and arithmetic are VADER's; tests/test_sentiment.py checks the scores are
    identical to the library's on real and generated sentences.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lexicon_words = self.lexicon.keys()  # a live view: set operations in C
        self._memo: tuple[list[str], list[str]] | None = None

    def _lowered(self, words: list[str]) -> list[str]:
        """``[str(w).lower() for w in words]``, once per token list (safe across threads: the
        memo is replaced whole and checked by identity)."""
        memo = self._memo
        if memo is not None and memo[0] is words:
            return memo[1]
        lowered = [str(w).lower() for w in words]
        self._memo = (words, lowered)
        return lowered

    def polarity_scores(self, text: str) -> dict[str, float]:
        compound, pos, neu, neg = self.scores(text)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """(compound, pos, neu, neg) of ``polarity_scores``, without building a dict."""
        if not isinstance(text, str):
            return self._library_scores(text)
        # the white-space tokens; each one's VADER form (lower-cased) from the token memo. A
        # stripped token is upper case exactly when the token is (punctuation has no case), so
        # the capitals rules read the tokens themselves.
        tokens = pieces(text)  # readability split the body's sentences alike
        n = len(tokens)
        if not n:
            return _NO_TEXT
        forms = _VADER_KEYS.current() if self.lexicon is _VADER_KEYS.lexicon else _VADER_FORMS
        lowered = list(map(forms.__getitem__, tokens))
        # a text with an emoji takes the library's path; no emoji is ASCII (a flag read, not
        # computed), and the memo has marked each token holding one
        if not text.isascii() and not forms.emoji.isdisjoint(tokens):
            return self._library_scores(text)
        lexicon = self.lexicon
        if self._lexicon_words.isdisjoint(lowered):
            return _NO_HIT
        hits = itertools.compress(range(n), map(lexicon.__contains__, lowered))
        sentiments: list[float] = [0] * n
        last = n - 1
        for i in hits:
            low = lowered[i]
            if low in BOOSTER_DICT or (i < last and low == "kind" and lowered[i + 1] == "of"):
                continue
            # VADER's is_cap_diff is read only after a capitalised word: None, found on demand
            sentiments[i] = self._valence(tokens, lowered, i, None)
        if "but" in lowered:  # VADER's _but_check changes nothing otherwise
            _but(lowered, sentiments)
        return self._score_tuple(sentiments, text)

    def _library_scores(self, text: str) -> tuple[float, float, float, float]:
        scores = super().polarity_scores(text)
        return scores["compound"], scores["pos"], scores["neu"], scores["neg"]

    def _valence(
        self, words: Sequence[str], lowered: list[str], i: int, is_cap_diff: bool | None
    ) -> float:
        """VADER's ``sentiment_valence`` of the lexicon word ``i``; ``is_cap_diff`` None: VADER's
        flag, computed from ``words`` if a capitalised word needs it.

        Most lexicon words follow three words that none of the rules reads (no booster, negation,
        "no", "never", "so", "this", "without", "least"): then only the word's own rules and the
        idiom check can change its value, and the rest is skipped. (The skipped additions of a
        zero could only turn a −0.0 into 0.0, and no score tells the two apart.)
        """
        lexicon = self.lexicon
        item = words[i]
        item_lowercase = lowered[i]
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            i > 2
            and _RULE_WORDS.isdisjoint(before := lowered[i - 3 : i])
            and "n't" not in "".join(before)
        ):
            if item.isupper() and _cap_diff(words, is_cap_diff):
                valence = valence + C_INCR if valence > 0 else valence - C_INCR
            if before[0] not in lexicon:
                valence = _special_idioms(valence, lowered, i)
            return valence
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[item_lowercase] * N_SCALAR
        if item.isupper() and _cap_diff(words, is_cap_diff):
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        # the three words before: VADER's scalar_inc_dec and _negation_check, inlined
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if i > start_i and (w := lowered[j]) not in lexicon:
                s = 0.0
                if w in BOOSTER_DICT:
                    s = BOOSTER_DICT[w]
                    if valence < 0:
                        s *= -1
                    if words[j].isupper() and _cap_diff(words, is_cap_diff):
                        s = s + C_INCR if valence > 0 else s - C_INCR
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                valence = valence + s
                if start_i == 0:
                    if w in _NEGATE or "n't" in w:
                        valence = valence * N_SCALAR
                elif start_i == 1:
                    before = lowered[i - 1]
                    if w == "never" and (before == "so" or before == "this"):
                        valence = valence * 1.25
                    elif w == "without" and before == "doubt":
                        pass
                    elif w in _NEGATE or "n't" in w:
                        valence = valence * N_SCALAR
                else:
                    second, first = lowered[i - 2], lowered[i - 1]
                    if (w == "never" and (second == "so" or second == "this")) or (
                        first == "so" or first == "this"
                    ):
                        valence = valence * 1.25
                    elif w == "without" and (second == "doubt" or first == "doubt"):
                        pass
                    elif w in _NEGATE or "n't" in w:
                        valence = valence * N_SCALAR
                    valence = _special_idioms(valence, lowered, i)
        return self._least(valence, lowered, i)

    def _least(self, valence: float, lowered: list[str], i: int) -> float:
        """VADER's ``_least_check`` on the lower-cased words."""
        if i > 1 and lowered[i - 1] not in self.lexicon and lowered[i - 1] == "least":
            if lowered[i - 2] != "at" and lowered[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lowered[i - 1] not in self.lexicon and lowered[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    def _score_tuple(self, sentiments: list[float], text: str) -> tuple[float, float, float, float]:
        """VADER's ``score_valence`` (its arithmetic in its order) as (compound, pos, neu,
        neg); ``sentiments`` is never empty here."""
        sum_s = float(sum(sentiments))
        punct_emph_amplifier = _punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = normalize(sum_s)
        pos_sum, neg_sum, neu_count = _sift(sentiments)  # a global: no method look-up
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
        return _round(compound, 4), _round(pos, 3), _round(neu, 3), _round(neg, 3)

    # VADER's sums (the library's loop calls this method too)
    _sift_sentiment_scores = staticmethod(_sift)

    # VADER's per-word rules, for the library's own loop (texts with emojis): the same checks
    # on lower-cased words memoised per token list instead of re-lowered per word.
    def sentiment_valence(
        self, valence: float, sentitext: SentiText, item: str, i: int, sentiments: list[float]
    ) -> list[float]:
        # VADER's loop passes item = words[i]
        if item.lower() in self.lexicon:
            words = sentitext.words_and_emoticons
            valence = self._valence(words, self._lowered(words), i, sentitext.is_cap_diff)
        sentiments.append(valence)
        return sentiments

    def _negation_check(
        self, valence: float, words_and_emoticons: list[str], start_i: int, i: int
    ) -> float:
        return _negation(valence, self._lowered(words_and_emoticons), start_i, i)

    def _special_idioms_check(
        self, valence: float, words_and_emoticons: list[str], i: int
    ) -> float:
        return _special_idioms(valence, self._lowered(words_and_emoticons), i)


# VADER's cost grows with the square of a sentence's length (it re-lowercases the whole token
# list for every word): 8,000 words without a full stop take seconds. Longer "sentences" (text
# without sentence punctuation) are scored in windows instead; normal sentences are untouched.
MAX_VADER_WORDS = 200
# whole_text_compound reads the body whole as long as that stays affordable (~0.2 s)
MAX_WHOLE_TEXT_WORDS = 2000
WINDOW_WORDS = 150


@lru_cache(maxsize=8192)
def polarity(text: str) -> tuple[float, float, float, float]:
    """VADER's (compound, pos, neu, neg) for one sentence, memoised by its text.

    The same sentence is scored by several tables (sentences, paragraphs, arc, summary, reading
    view); caching makes the repeats free and the values identical to ``polarity_scores``.
    A "sentence" of more than ``MAX_VADER_WORDS`` words is cut at white space into near-equal
    windows of at most ``WINDOW_WORDS`` words, each scored by VADER; all four scores are the
    word-weighted mean of the windows' (a mean, not VADER's saturating sum, as for paragraphs).
    """
    if len(text) > 2 * MAX_VADER_WORDS:  # fewer characters cannot hold that many words
        windows = _windows(text)
        if len(windows) > 1:
            total = sum(n for n, _ in windows)
            scores = [_vader_tuple(w) for _, w in windows]
            return tuple(  # type: ignore[return-value]
                sum(n * sc[k] for (n, _), sc in zip(windows, scores, strict=True)) / total
                for k in range(4)
            )
    return _vader_tuple(text)


def _vader_tuple(text: str) -> tuple[float, float, float, float]:
    analyzer = vader()
    if isinstance(analyzer, ExactVader):
        return analyzer.scores(text)
    scores = analyzer.polarity_scores(text)
    return scores["compound"], scores["pos"], scores["neu"], scores["neg"]


def _windows(text: str, max_words: int = MAX_VADER_WORDS) -> list[tuple[int, str]]:
    """(word count, text) of near-equal windows of at most ``WINDOW_WORDS`` white-space words;
    one window when the text has at most ``max_words`` words."""
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    n = len(spans)
    if n <= max_words:
        return [(n, text)]
    k = -(-n // WINDOW_WORDS)
    cuts = [round(i * n / k) for i in range(k + 1)]
    return [(b - a, text[spans[a][0] : spans[b - 1][1]]) for a, b in itertools.pairwise(cuts)]


def check_thresholds(pos_threshold: float, neg_threshold: float) -> None:
    """Reject thresholds that cannot define three labels."""
    for name, value in (("pos_threshold", pos_threshold), ("neg_threshold", neg_threshold)):
        if not isinstance(value, int | float) or math.isnan(value) or not -1 <= value <= 1:
            raise ThresholdError(f"{name} must be a number in [-1, 1], got {value!r}")
    if neg_threshold > pos_threshold:
        raise ThresholdError(
            f"neg_threshold ({neg_threshold}) must not exceed pos_threshold ({pos_threshold})"
        )


def label_compound(
    compound: float,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> str:
    """``positive`` if compound >= pos_threshold, ``negative`` if <= neg_threshold, else neutral.

    Both bounds are inclusive, as in VADER's README (compound 0.05 is positive).
    """
    if compound >= pos_threshold:
        return "positive"
    if compound <= neg_threshold:
        return "negative"
    return "neutral"


def _labels(compounds: list[float], pos_threshold: float, neg_threshold: float) -> list[str]:
    """:func:`label_compound` of each value, without a call per value."""
    return [
        "positive" if c >= pos_threshold else "negative" if c <= neg_threshold else "neutral"
        for c in compounds
    ]


def sentence_sentiment(
    text_or_article: str | Article,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> pd.DataFrame:
    """One row per body sentence: offsets, text, VADER compound/pos/neu/neg and a label.

    Columns: ``sentence_id, paragraph_id, start, end, text, compound, pos, neu, neg, label``.
    ``pos``/``neu``/``neg`` are proportions of the sentence's sentiment mass, not labels.
    """
    check_thresholds(pos_threshold, neg_threshold)
    article = as_article(text_or_article)
    scores = list(map(polarity, article.sentence_texts))
    labels = _labels([c[0] for c in scores], pos_threshold, neg_threshold)
    # one pass of np.fromiter (np.array of tuples inspects every element first: twice the cost)
    matrix = (
        np.fromiter(itertools.chain.from_iterable(scores), dtype=np.float64, count=4 * len(scores))
        .reshape(-1, 4)
        .T
    )
    # built column by column with final dtypes: ~8x faster than rows + astype on a short article
    return frame(
        _SENTENCE_INDEX,
        [
            *article.sentence_columns(_STRING),
            matrix,  # four columns, copied at once by frame()
            strings(labels, _STRING),
        ],
    )


def _sentence_table(
    text_or_table: str | Article | pd.DataFrame, pos_threshold: float, neg_threshold: float
) -> pd.DataFrame:
    if isinstance(text_or_table, pd.DataFrame):
        missing = {"sentence_id", "paragraph_id", "compound", "label"} - set(text_or_table)
        if missing:
            raise AnalysisError(
                f"not a sentence_sentiment table: missing columns {sorted(missing)}"
            )
        return text_or_table
    return sentence_sentiment(
        text_or_table, pos_threshold=pos_threshold, neg_threshold=neg_threshold
    )


def paragraph_sentiment(
    text_or_article: str | Article,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> pd.DataFrame:
    """One row per body paragraph: mean/min/max sentence compound and the share of each label.

    The paragraph's own label applies the same thresholds to its *mean* sentence compound (never
    to VADER on the whole paragraph, which would saturate). ``start``/``end`` are the paragraph's
    offsets (the first paragraph's include the dateline). A paragraph without a body sentence
    has ``n_sentences`` 0, NaN scores and no label.
    """
    check_thresholds(pos_threshold, neg_threshold)
    article = as_article(text_or_article)
    # straight from the memoised scores, in plain Python: on paragraphs of one to three
    # sentences, numpy calls and an intermediate DataFrame would cost more than the arithmetic.
    # Sentences come paragraph by paragraph: each paragraph's compounds are the next run.
    compounds = list(map(itemgetter(0), map(polarity, article.sentence_texts)))
    rows = []
    first = 0
    for par, n in zip(article.paragraphs, article.paragraph_sizes, strict=True):
        values = compounds[first : first + n]
        first += n
        if n:
            mean = math.fsum(values) / n
            # the sentences' labels and, last, the paragraph's (its mean's), in one call
            labs = _labels([*values, mean], pos_threshold, neg_threshold)
            label = labs.pop()
            negative, neutral, positive = map(labs.count, LABELS)
            stats = (mean, min(values), max(values), negative / n, neutral / n, positive / n)
            rows.append((par.paragraph_id, par.start, par.end, n, *stats, label))
        else:
            rows.append((par.paragraph_id, par.start, par.end, 0, *(math.nan,) * 6, None))
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(PARAGRAPH_COLUMNS)
    # the four int and the six float columns each converted in one pass of np.fromiter (2-D
    # blocks, which frame copies at once)
    n = len(rows)
    chained = itertools.chain.from_iterable
    ids = np.fromiter(chained(cols[:4]), dtype=np.int64, count=4 * n).reshape(4, n)
    numbers = np.fromiter(chained(cols[4:10]), dtype=np.float64, count=6 * n).reshape(6, n)
    return frame(_PARAGRAPH_INDEX, [ids, numbers, strings(list(cols[-1]), _STRING)])


def sentiment_arc(
    table: pd.DataFrame | str | Article,
    window: int = 3,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> pd.DataFrame:
    """The tone of the story sentence by sentence, with a centred rolling mean of compound.

    ``smoothed`` at sentence *i* is the mean compound of the ``window`` sentences centred on *i*
    (pandas ``rolling(window, center=True, min_periods=1)``): at the ends of the article fewer
    sentences are averaged, so the line starts and ends at real values rather than NaN. An even
    window leans one sentence towards the start. ``window=1`` is no smoothing. ``paragraph_start``
    marks the first sentence of each paragraph (the chart draws paragraph boundaries there).

    ``table`` is a :func:`sentence_sentiment` table (or an article, which is scored first).
    """
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise ThresholdError(f"window must be a positive whole number of sentences, got {window!r}")
    sentences = _sentence_table(table, pos_threshold, neg_threshold)
    if not sentences["sentence_id"].is_monotonic_increasing:
        sentences = sentences.sort_values("sentence_id", ignore_index=True)
    compound = sentences["compound"].to_numpy(dtype="float64")
    pids = sentences["paragraph_id"].to_numpy()
    n, w = len(compound), int(window)
    # same windows as pandas rolling(w, center=True, min_periods=1): [i - w//2, i + w - w//2)
    smoothed = np.array(
        [compound[max(i - w // 2, 0) : min(i + w - w // 2, n)].mean() for i in range(n)],
        dtype="float64",
    )
    paragraph_start = np.ones(n, dtype=bool)
    paragraph_start[1:] = pids[1:] != pids[:-1]
    data = {
        "sentence_id": sentences["sentence_id"].to_numpy(dtype="int64"),
        "paragraph_id": pids.astype("int64"),
        "start": sentences["start"].to_numpy(dtype="int64"),
        "end": sentences["end"].to_numpy(dtype="int64"),
        "compound": compound,
        "label": sentences["label"].array,
        "smoothed": smoothed,
        "window": np.full(n, w, dtype="int64"),
        "paragraph_start": paragraph_start,
    }
    return pd.DataFrame(data, columns=ARC_COLUMNS, copy=False)


def label_counts(labels: object) -> dict[str, int]:
    """How many of ``labels`` (a column of sentence labels) are negative, neutral, positive."""
    values = np.asarray(labels, dtype=object)
    return {lab: int((values == lab).sum()) for lab in LABELS}


def sentiment_summary(
    text_or_table: str | Article | pd.DataFrame,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> dict[str, object]:
    """Headline numbers: mean/median sentence compound, label counts and shares, extremes.

    ``most_negative_sentence_id`` / ``most_positive_sentence_id`` are the sentences with the
    lowest / highest compound (first one on ties), whatever their label; check ``min_compound``
    and ``max_compound`` before calling them negative or positive. Accepts an article or a
    :func:`sentence_sentiment` table (whose labels are then used as they are).
    """
    check_thresholds(pos_threshold, neg_threshold)
    table = _sentence_table(text_or_table, pos_threshold, neg_threshold)
    compound = table["compound"].to_numpy(dtype="float64")
    ids = table["sentence_id"].to_numpy()
    n = len(compound)
    counts = label_counts(table["label"])
    summary: dict[str, object] = {
        "n_sentences": n,
        "mean_compound": float(compound.mean()) if n else math.nan,
        "median_compound": float(np.median(compound)) if n else math.nan,
        "min_compound": float(compound.min()) if n else math.nan,
        "max_compound": float(compound.max()) if n else math.nan,
        "pos_threshold": pos_threshold,
        "neg_threshold": neg_threshold,
    }
    for lab in LABELS:
        summary[f"n_{lab}"] = counts[lab]
    for lab in LABELS:
        summary[f"share_{lab}"] = counts[lab] / n if n else math.nan
    summary["most_negative_sentence_id"] = int(ids[np.argmin(compound)]) if n else None
    summary["most_positive_sentence_id"] = int(ids[np.argmax(compound)]) if n else None
    return summary


def _vader_tokens(text: str) -> list[tuple[int, int, str]]:
    """VADER's own tokens with offsets: white-space split, outer punctuation stripped unless
    that leaves two characters or fewer (VADER keeps those whole, as possible emoticons)."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        token = m.group()
        stripped = token.strip(string.punctuation)
        if len(stripped) <= 2:
            out.append((m.start(), m.end(), token))
        else:
            lead = len(token) - len(token.lstrip(string.punctuation))
            start = m.start() + lead
            out.append((start, start + len(stripped), stripped))
    return out


def lexicon_hits(text_or_article: str | Article) -> pd.DataFrame:
    """Every body word found in VADER's lexicon, with its raw valence (-4 … +4) and offsets.

    This explains a sentence's score: these are the only words VADER counts. Raw valence is
    before VADER's rules (negation "not", boosters "very", contrast "but", capitals, "!") adjust
    it, so the hits show *which* words moved a score, not by exactly how much.
    Columns: ``sentence_id, start, end, word, valence``.
    """
    article = as_article(text_or_article)
    lexicon = vader().lexicon
    rows = []
    for s in article.sentences:
        for start, end, token in _vader_tokens(s.text):
            valence = lexicon.get(token.lower())
            if valence is not None:
                rows.append((s.sentence_id, s.start + start, s.start + end, token, float(valence)))
    table = pd.DataFrame(rows, columns=["sentence_id", "start", "end", "word", "valence"])
    return table.astype(
        {"sentence_id": "int64", "start": "int64", "end": "int64", "word": "string"}
    ).astype({"valence": "float64"})


def whole_text_compound(text_or_article: str | Article) -> float:
    """VADER compound of the whole body as one string — for comparison only.

    This is the number *not* to report: it shows the saturation that sentence-level scoring
    avoids (vaderSentiment issue #151). Exact VADER up to ``MAX_WHOLE_TEXT_WORDS`` words; a
    longer body is approximated from windows (see the comment below).
    """
    article = as_article(text_or_article)
    body = " ".join(s.text for s in article.sentences)
    windows = _windows(body, MAX_WHOLE_TEXT_WORDS)
    if len(windows) == 1:
        return float(vader().polarity_scores(body)["compound"])
    # VADER is quadratic in length: on a long body, add up the windows' raw valence sums
    # (recovered from their compounds, x = c·√15 / √(1 − c²)) and normalise the total as VADER
    # would, which keeps the saturation this function exists to show.
    raw = 0.0
    for _, window in windows:
        c = min(max(_vader_tuple(window)[0], -0.9999), 0.9999)
        raw += c * math.sqrt(15) / math.sqrt(1 - c * c)
    return raw / math.sqrt(raw * raw + 15)


def threshold_sensitivity(
    text_or_article: str | Article,
    thresholds: tuple[float, ...] = (0.05, 0.1, 0.25, 0.5),
) -> pd.DataFrame:
    """Label counts under symmetric thresholds ±t: how much the labels depend on the cut-off.

    Columns: ``threshold, n_negative, n_neutral, n_positive, share_neutral``.
    """
    article = as_article(text_or_article)
    compound = np.array([polarity(s.text)[0] for s in article.sentences], dtype="float64")
    rows = []
    for t in thresholds:
        check_thresholds(t, -t)
        n_neg, n_pos = int((compound <= -t).sum()), int((compound >= t).sum())
        n_neu = len(compound) - n_neg - n_pos
        share = n_neu / len(compound) if len(compound) else math.nan
        rows.append((float(t), n_neg, n_neu, n_pos, share))
    return pd.DataFrame(
        rows, columns=["threshold", "n_negative", "n_neutral", "n_positive", "share_neutral"]
    )

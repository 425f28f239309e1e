"""Scope features for target-dependent sentiment, built on VADER's lexicon and rules.

A sentence is tokenised once (:class:`SentenceParse`: tokens, VADER-style valence per token after
negation and boosters, clause and quotation structure); every mention in it then costs a short
scan. The features say where the evaluative words sit relative to the target: in its clause or
across a contrast ("but", "although"), right before it ("criticised X", "brutal X"), right after
its possessive ("X's failure"), after "X was" (passive or predicate), after X as agent ("X
praised"), or inside what X is reported to say (X's view of others, not a view of X).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from itertools import accumulate, compress, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SentimentIntensityAnalyzer,
)

from analysis.paths import PACKAGE_DATA_DIR

VECTORS_PATH = PACKAGE_DATA_DIR / "target_sentiment_vectors.npz"
# Context views over static word vectors: the mean vector of three words left, three right, the
# target's contrast segment, the whole sentence, the target's own words; and "V", the sum of the
# segment's evaluative words' vectors weighted by their valence (what kind of praise or blame).
VECTOR_VIEWS = ("L", "R", "S", "A", "T", "V")

# A word keeps inner apostrophes and hyphens ("don't", "Trump’s", "well-known"); any other
# non-space character is a token of its own (punctuation marks drive the clause structure).
TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]")

# News words VADER's lexicon lacks that are plainly evaluative toward whoever they attach to.
NEWS_LEXICON = {
    "crackdown": -2.0,
    "slammed": -2.0,
    "slams": -2.0,
    "slam": -2.0,
    "lie": -2.0,
    "lies": -2.0,
    "lying": -2.2,
    "victory": 2.0,
    "hailed": 2.0,
    "lauded": 2.4,
    "defended": 0.8,
    "backlash": -1.8,
    "controversial": -1.2,
    "embattled": -1.8,
    "disgraced": -2.4,
    "scathing": -2.0,
    "blasted": -2.0,
    "denounced": -2.0,
    "outrage": -2.3,
    "racist": -3.0,
    "corrupt": -2.8,
    "corruption": -2.6,
    "misconduct": -2.2,
    "harassment": -2.5,
    "fraud": -2.6,
    "mocked": -1.8,
    "ridiculed": -2.0,
    "rebuked": -1.8,
    "rebuke": -1.8,
    "condemnation": -2.0,
    "allegations": -1.4,
    "alleged": -1.0,
    "accusations": -1.5,
    "investigation": -0.8,
    "indicted": -2.4,
    "convicted": -2.4,
    "resign": -1.0,
    "resigned": -1.0,
    "ousted": -1.8,
    "praising": 2.2,
    "applauded": 2.2,
    "commended": 2.2,
    "championed": 1.8,
    "landmark": 1.4,
    "bipartisan": 1.0,
    "breakthrough": 2.0,
    "misleading": -2.0,
    "falsely": -2.0,
    "baseless": -2.0,
    "unfounded": -1.8,
}

SAY_VERBS = frozenset(
    """said says say saying told tells tell added adds argued argues argue claimed claims claim
    stated states wrote writes tweeted tweets insisted insists warned warns declared declares
    announced announces explained explains noted notes asserted asserts contended contends
    suggested suggests alleged alleges acknowledged acknowledges admitted admits replied replies
    responded responds testified testifies believes believe thinks think posted according
    recalled recalls predicted predicts maintained maintains complained complains""".split()
)
BE_VERBS = frozenset(
    "is are was were be been being has have had got gets get remains remained seems seemed".split()
)
CONTRAST = frozenset(
    "but however although though whereas despite yet nevertheless nonetheless while".split()
)
SUBORDINATORS = frozenset("because since after before when if unless who which whom where".split())
PREPS = ("of", "for", "against", "on", "by", "to", "with", "from", "toward", "towards")
HARD_PUNCT = frozenset(";:—–()[]")
SOFT_PUNCT = frozenset(",")
QUOTE_CHARS = frozenset('"“”')
NEGATE_SET = frozenset(NEGATE)
SKIPPABLE = frozenset("the a an his her its their our this that these those".split())
ADVERB_SKIP = frozenset(
    "also not never n't widely sharply publicly repeatedly recently strongly openly".split()
)


@cache
def lexicon() -> dict[str, float]:
    """VADER's lexicon plus a handful of news words it lacks (cached: loading costs ~30 ms)."""
    merged = dict(SentimentIntensityAnalyzer().lexicon)
    for word, value in NEWS_LEXICON.items():
        merged.setdefault(word, value)
    return merged


@cache
def word_vectors(path: Path = VECTORS_PATH) -> tuple[dict[str, int], np.ndarray]:
    """Static word vectors (word → row, rows × dims float32), distilled from all-MiniLM-L6-v2.

    Stored as int8 with one scale per dimension (see scripts/train_target_sentiment.py --embed);
    each dimension has unit variance over the vocabulary.
    """
    with np.load(path, allow_pickle=False) as data:
        words = data["words"].tolist()
        matrix = data["codes"].astype(np.float32) * data["scales"].astype(np.float32)
    return {w: i for i, w in enumerate(words)}, matrix


@dataclass(frozen=True)
class SentenceParse:
    """One sentence tokenised with VADER-style valences and clause/quote structure."""

    offset: int  # character offset of the sentence in the caller's text
    starts: tuple[int, ...]  # token start offsets, relative to the sentence
    ends: tuple[int, ...]
    lower: tuple[str, ...]  # lower-cased tokens, curly apostrophes made straight
    is_word: tuple[bool, ...]
    valence: tuple[float, ...]  # after negation, boosters and "least"; 0 for non-lexicon tokens
    raw_valence: tuple[float, ...]  # lexicon value before negation
    negated: tuple[bool, ...]
    clause: tuple[int, ...]  # id of the comma-bounded clause
    segment: tuple[int, ...]  # id of the contrast-bounded segment (commas do not split)
    in_quote: tuple[bool, ...]
    vec_row: tuple[int, ...]  # row of the token in word_vectors(), −1 without a vector
    valenced: tuple[int, ...]  # indices of tokens with a valence
    negations: tuple[int, ...]  # indices of negation words ("not", "never", "n't" forms)

    @property
    def word_names(self) -> tuple[str, ...]:
        """ "w:<token>" for words, "" for punctuation (feature names; training reads them,
        prediction does not, so they are not built with the parse)."""
        words = zip(self.lower, self.is_word, strict=True)
        return tuple("w:" + tok if word else "" for tok, word in words)


_PARSE_FIELDS = tuple(f.name for f in fields(SentenceParse))


def _new_parse(*values: object) -> SentenceParse:
    """A SentenceParse built without the frozen dataclass's __init__, which pays one
    object.__setattr__ per field (an article makes one parse per sentence with a mention).
    The instance gets a new dictionary of its own: filling the one ``__dict__`` materialises
    instead left every later attribute read on the slow, unspecialised path (4× the cost)."""
    parse = object.__new__(SentenceParse)
    _set_attribute(parse, "__dict__", dict(zip(_PARSE_FIELDS, values, strict=True)))
    return parse


_set_attribute = object.__setattr__


def _is_mark(ch: str) -> bool:
    """Whether a character is a token of its own, as TOKEN_RE's second branch takes it: no
    word character (what ``str.isalnum`` accepts, and the underscore) nor white space (what
    ``str.isspace`` accepts), as the regex engine defines both."""
    return not (ch.isalnum() or ch == "_" or ch.isspace())


def _is_word(core: str) -> bool:
    """Whether TOKEN_RE's word branch matches the whole string: runs of letters and digits
    joined by single apostrophes or hyphens ("well-known", "trump's")."""
    if core.isalnum():
        return True
    parts = core.replace("’", "'").replace("-", "'").split("'")
    return "" not in parts and "".join(parts).isalnum()  # every part a run of word characters


class _ChunkTokens(dict):
    """chunk → (tokens, offsets) of a white-space-separated chunk that is not one plain word
    ("said,", "trump's", "“we", "well-known"): TOKEN_RE's tokens, a possessive "'s" split off
    its word, and their (start, end) offsets in the chunk, flattened. Filled on first sight,
    like the token information: such chunks repeat across articles, and each one costs the
    regex and a few slices only once; bounded, as the VADER token forms are.

    A chunk that is one word with at most a mark before it and one after ("amazon,", "(each",
    "“we”", "seattle-based") is cut by string tests, not the regex: a text's new chunks are
    mostly such, and the regex's scanner, match objects and data stack cost about 17
    thousand instructions a chunk, several times the tests."""

    limit = 65536

    def __missing__(self, chunk: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        if len(self) >= self.limit:
            self.clear()
        n = len(chunk)
        lead = 1 if n > 1 and _is_mark(chunk[0]) else 0
        end = n - 1 if n > lead + 1 and _is_mark(chunk[-1]) else n
        core = chunk[lead:end]
        if core.isalnum() or _is_word(core):  # a mark before and after the word, if any
            if len(core) > 2 and core[-2:] == "'s":
                tokens: tuple[str, ...] = (core[:-2], "'s")
                offsets: tuple[int, ...] = (lead, end - 2, end - 2, end)
            else:
                tokens, offsets = (core,), (lead, end)
            if lead:
                tokens, offsets = (chunk[0], *tokens), (0, 1, *offsets)
            if end < n:
                tokens, offsets = (*tokens, chunk[end]), (*offsets, end, n)
            entry = self[chunk] = (tokens, offsets)
            return entry
        found: list[str] = []
        spans: list[int] = []
        for m in TOKEN_RE.finditer(chunk):
            tok, start, end = m.group(), m.start(), m.end()
            if len(tok) > 2 and tok[-2:] == "'s":  # "trump's" → "trump", "'s"
                found += (tok[:-2], "'s")
                spans += (start, end - 2, end - 2, end)
            else:
                found.append(tok)
                spans += (start, end)
        entry = self[chunk] = (tuple(found), tuple(spans))
        return entry


_CHUNK_TOKENS = _ChunkTokens()


def _tokenise(sentence: str) -> tuple[list[int], list[int], list[str]]:
    low = sentence.lower().replace("’", "'")
    if len(low) != len(sentence):  # a few characters change length when lower-cased
        low = "".join(ch.lower()[:1] or ch for ch in sentence).replace("’", "'")
    # TOKEN_RE over each white-space-separated chunk (no token spans white space): a plain word
    # is one token; any other chunk's tokens come from the chunk memo
    starts: list[int] = []
    ends: list[int] = []
    lower: list[str] = []
    chunks = low.split()
    # with one white-space character between chunks and none around them (most sentences),
    # each chunk starts a character after the previous one ends: no search for it
    spaced = low != " ".join(chunks)
    pos, find, memo = -1, low.find, _CHUNK_TOKENS
    for chunk in chunks:
        if spaced:
            pos = find(chunk, pos + 1)
        else:
            pos += 1
        if chunk.isalnum():
            starts.append(pos)
            pos += len(chunk)
            ends.append(pos)
            lower.append(chunk)
            continue
        tokens, offsets = memo[chunk]
        lower += tokens
        if len(offsets) == 4:  # two tokens (a word and its mark, a possessive): most chunks
            s0, e0, s1, e1 = offsets
            starts += (pos + s0, pos + s1)
            ends += (pos + e0, pos + e1)
        else:
            for k in range(0, len(offsets), 2):
                starts.append(pos + offsets[k])
                ends.append(pos + offsets[k + 1])
        pos += len(chunk)
    return starts, ends, lower


def _is_negation(word: str) -> bool:
    return word in NEGATE_SET or "n't" in word


# Tokens that move the clause / segment counters: (clause step, segment step).
_STRUCTURE = {
    **{tok: (1, 1) for tok in HARD_PUNCT | CONTRAST},
    **{tok: (1, 0) for tok in SOFT_PUNCT | SUBORDINATORS},
}
_PLAIN = (0, 0)


@cache
def _lexicon_words() -> frozenset[str]:
    """Words that can carry a valence (lexicon entries, not boosters)."""
    return frozenset(w for w in lexicon() if w[:1].isalnum() and w not in BOOSTER_DICT)


class _TokenInfo(dict):
    """token → (is_word, vector row, clause step, segment step, lexicon value, is a negation),
    filled on first sight, so each distinct word is classified once per process. The lexicon
    value (never 0.0 in VADER's lexicon) is True for a hyphenated word outside it, which may
    take its last part's, and False for a token that carries none: truthy for exactly the
    tokens that may carry a valence, and :func:`_valences` reads a word's value here instead
    of looking the word up in two more tables.
    ``map`` reads it through the dictionary's own ``__getitem__``; only a new word runs Python
    (a sentence with one new word no longer sends all its tokens through a Python function)."""

    limit = 1 << 16  # bounded, as the word caches are, on a long corpus run

    def __missing__(self, tok: str) -> tuple[bool, int, int, int, float | bool, bool]:
        if len(self) >= self.limit:
            self.clear()
        word = tok[0].isalnum()
        step = _STRUCTURE.get(tok, _PLAIN)
        info = self[tok] = (
            word,
            word_vectors()[0].get(tok, -1) if word else -1,
            step[0],
            step[1],
            lexicon()[tok] if tok in _lexicon_words() else "-" in tok,
            _is_negation(tok),
        )
        return info


_TOKEN_INFO = _TokenInfo()


def _valences(
    lower: Sequence[str],
    is_word: Sequence[bool],
    candidates: Iterable[int],
    negation: Sequence[bool],
    values: Sequence[float | bool] | None = None,
) -> tuple[list[float], list[float], list[bool]]:
    """VADER's word-level rules: lexicon value, boosters and negation in the three words before.

    ``candidates`` are the indices of tokens that may carry a valence, ``negation`` flags the
    negation words and ``values`` holds each token's lexicon value (True for a hyphenated word
    outside the lexicon), all from the token information, looked up once per distinct word
    (``values`` read from it here when not given).
    """
    lex = lexicon()
    if values is None:
        values = [_TOKEN_INFO[tok][4] for tok in lower]
    n = len(lower)
    raw = [0.0] * n
    val = [0.0] * n
    neg = [False] * n
    for i in candidates:
        tok = lower[i]
        v = values[i]
        if v is True:  # hyphenated, outside the lexicon: the value of its last part, if any
            if not is_word[i] or tok in BOOSTER_DICT:
                continue
            v = lex.get(tok.rsplit("-", 1)[1])
            if v is None:
                continue
        if tok == "no" and i + 1 < n and lower[i + 1] in lex:
            continue  # "no" negates the next word instead
        if tok == "kind" and i + 1 < n and lower[i + 1] == "of":
            continue
        raw[i] = v
        flipped = False
        # look back over up to three words within the same clause
        j, seen = i - 1, 0
        while j >= 0 and seen < 3 and is_word[j]:
            w = lower[j]
            if w in BOOSTER_DICT and w not in lex:
                scalar = BOOSTER_DICT[w] * (1.0, 0.95, 0.9)[seen]
                v += scalar if v > 0 else -scalar
            if negation[j] or w == "no" or (w == "least" and (j == 0 or lower[j - 1] != "at")):
                flipped = not flipped
            j -= 1
            seen += 1
        if flipped:
            v *= N_SCALAR
        val[i] = v
        neg[i] = flipped
    return val, raw, neg


def _positions(tokens: list[str], wanted: frozenset[str]) -> list[int]:
    """The indices of the tokens in ``wanted``, in order: found by ``list.index`` (a comparison
    loop in C) for each wanted token present, cheaper than testing every token in Python or
    through ``map`` when, as with quotation marks, a sentence holds a few."""
    found: list[int] = []
    for tok in wanted:
        count = tokens.count(tok)
        i = -1
        for _ in range(count):
            i = tokens.index(tok, i + 1)
            found.append(i)
    found.sort()
    return found


def parse_sentence(sentence: str, offset: int = 0) -> SentenceParse:
    """Tokenise a sentence and apply VADER's word-level rules once, for all its mentions."""
    starts, ends, lower = _tokenise(sentence)
    n = len(lower)
    if not n:
        return _new_parse(offset, *(((),) * 13))
    # each token's information, transposed into columns (the look-ups fed to zip, no list)
    columns = zip(*map(_TOKEN_INFO.__getitem__, lower), strict=True)
    is_word, vec_row, clause_step, segment_step, candidate, negation = columns
    positions = range(n)
    falses = (False,) * n  # one tuple for every all-false column
    if any(candidate):
        found = compress(positions, candidate)
        val, raw, neg = _valences(lower, is_word, found, negation, candidate)
        valence, raw_valence, negated = tuple(val), tuple(raw), tuple(neg)
        valenced = tuple(compress(positions, val))
    else:  # no word that may carry a valence (a third of the sentences): nothing to apply
        valence = raw_valence = (0.0,) * n
        negated, valenced = falses, ()
    clause = accumulate(clause_step)
    in_quote = falses
    # a quotation mark is always a token of its own: the sentence holds one exactly when one
    # of its tokens is one, and three searches of the text cost less than a look-up per token
    if '"' in sentence or "“" in sentence or "”" in sentence:
        # each quotation mark starts a clause, and opens or closes a quotation up to the next
        marks = _positions(lower, QUOTE_CHARS)
        steps = list(clause_step)
        for i in marks:
            steps[i] += 1
        clause = accumulate(steps)
        quote = [False] * n
        inside = False
        for i, stop in zip(marks, [*marks[1:], n], strict=True):
            inside = not inside if lower[i] == '"' else lower[i] == "“"
            if inside:
                quote[i:stop] = repeat(True, stop - i)
        in_quote = tuple(quote)
    # the instance dictionary as one dict display (the fields in order, as _new_parse makes it):
    # a call of _new_parse and its zip cost more than the display
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
            "in_quote": in_quote,
            "vec_row": vec_row,
            "valenced": valenced,
            "negations": tuple(compress(positions, negation)) if True in negation else (),
        },
    )
    return parse


def target_tokens(parse: SentenceParse, start: int, end: int) -> tuple[int, int]:
    """Token index range [a, b) covering the character span (relative to the sentence).

    A span that covers no token (white space) anchors at the next token, as an empty range.
    """
    found = scope(parse, start, end)  # which finds them first, inline
    return found.a, found.b


def _first_valenced(parse: SentenceParse, indices: range, clause: int) -> float:
    """Valence of the first lexicon word among indices, staying in the target's clause."""
    for k in indices:
        if parse.clause[k] != clause:
            break
        if parse.valence[k]:
            return parse.valence[k]
    return 0.0


# Names of the distance-band features by side, distance (clamped at 11) and sign; the decay
# weight exp(−(d − 1) / 4) of a word d tokens from the target, precomputed for short distances.
_BAND = tuple("1" if d <= 2 else "2" if d <= 5 else "3" if d <= 10 else "4" for d in range(12))
_LEFT_NAMES = tuple((f"d:L{band}p", f"d:L{band}n") for band in _BAND)
_RIGHT_NAMES = tuple((f"d:R{band}p", f"d:R{band}n") for band in _BAND)
_DECAY = tuple(math.exp(-(d - 1) / 4.0) for d in range(64))
_PREP_SET = frozenset(PREPS)


def features(
    parse: SentenceParse, start: int, end: int, sc: Scope | None = None
) -> dict[str, float]:
    """Dense scope features (d:…) and sparse word features for the mention at [start, end).

    Offsets are relative to the sentence; ``sc`` is the mention's :func:`scope` when the caller
    has it already. Valences are divided by 4 (VADER's scale) so every dense feature is of order
    one. The names are those :func:`feature_columns` asks a model for, recorded as it asks, so
    training (which needs names) and prediction (which needs columns) share one definition.
    """
    sc = sc if sc is not None else scope(parse, start, end)
    index = _NameRecorder()
    prefixed = tuple(_PrefixedNames(p + ":", index) for p in _WORD_PREFIXES)
    pairs = tuple(_PrefixedPairs(p + ":", index) for p in _PAIR_PREFIXES)
    ids = FeatureIds(index, prefixed, tuple(map(index.get, _FIXED_NAMES)), pairs)
    cols: list[int] = []
    values: list[float] = []
    feature_columns(parse, sc, ids, cols, values)
    names = list(index)
    return {names[col]: value for col, value in zip(cols, values, strict=True)}


class _NameRecorder(dict):
    """A feature index that gives every name it is asked for the next column, so the columns of
    :func:`feature_columns` can be read back as names."""

    def get(self, name: str, default: object = None) -> int:
        col = dict.get(self, name)
        if col is None:
            col = self[name] = len(self)
        return col


class _PrefixedNames:
    """A word → column view of a :class:`_NameRecorder` for one word prefix ("l1:", "t:", …)."""

    def __init__(self, prefix: str, index: _NameRecorder) -> None:
        self.prefix, self.index = prefix, index

    def get(self, word: str, default: object = None) -> int:
        return self.index.get(self.prefix + word)


class _PrefixedPairs:
    """A first word → (second word → column) view of a :class:`_NameRecorder` for one prefix of
    two-word features ("lb:", …): the name is "<prefix><first>_<second>"."""

    def __init__(self, prefix: str, index: _NameRecorder) -> None:
        self.prefix, self.index = prefix, index

    def get(self, word: str, default: object = None) -> _PrefixedNames:
        return _PrefixedNames(self.prefix + word + "_", self.index)


# Prefixes of the one-word features after "<prefix>:" (neighbours, target words, preposition,
# agent verb): FeatureIds maps each word straight to its column.
_WORD_PREFIXES = ("l1", "r1", "l2", "r2", "l3", "r3", "t", "p", "ag")
# Prefixes of the two-word features "<prefix>:<first>_<second>" (the two words left of the
# target, the two right, the preposition and the word before it): FeatureIds maps the first word
# to a second word → column dictionary, so no name is built (no token holds an underscore, so
# the name's first "_" ends the first word).
_PAIR_PREFIXES = ("lb", "rb", "pw")
_NO_PAIRS: dict[str, int] = {}  # a first word no two-word feature begins with


# Features every mention has, whatever its sentence: FeatureIds holds their columns.
_FIXED_NAMES = ("bias", "d:sent_pos", "d:sent_neg", "d:compound", "d:position")


class FeatureIds(NamedTuple):
    """A model's feature columns in the form :func:`feature_columns` reads: the name index,
    for each of :data:`_WORD_PREFIXES` a word → column dictionary, the columns of
    :data:`_FIXED_NAMES` (looked up once, not for every mention), and for each of
    :data:`_PAIR_PREFIXES` a first word → (second word → column) dictionary."""

    index: dict[str, int]
    words: tuple[dict[str, int], ...]
    fixed: tuple[int, ...]
    pairs: tuple[dict[str, dict[str, int]], ...]


def feature_ids(index: dict[str, int]) -> FeatureIds:
    """The :class:`FeatureIds` of a feature index (name → column)."""
    words: dict[str, dict[str, int]] = {prefix: {} for prefix in _WORD_PREFIXES}
    for name, col in index.items():
        prefix, sep, word = name.partition(":")
        if sep and prefix in words:
            words[prefix][word] = col
    pairs: dict[str, dict[str, dict[str, int]]] = {prefix: {} for prefix in _PAIR_PREFIXES}
    for name, col in index.items():
        prefix, sep, words_ = name.partition(":")
        if sep and prefix in pairs:
            first, _, second = words_.partition("_")
            pairs[prefix].setdefault(first, {})[second] = col
    fixed = tuple(index.get(name, -1) for name in _FIXED_NAMES)
    return FeatureIds(
        index,
        tuple(words[prefix] for prefix in _WORD_PREFIXES),
        fixed,
        tuple(pairs[prefix] for prefix in _PAIR_PREFIXES),
    )


def feature_columns(
    parse: SentenceParse, sc: Scope, ids: FeatureIds, cols: list[int], values: list[float]
) -> float:
    """The scope and neighbour features of a mention as model columns: appends the column (−1
    when the model lacks the feature) and the value of each, and returns the mention's
    "d:contrast_role" (0.0 when absent).

    The one definition of these features: :func:`features` reads their names back from it for
    training. Prediction asks for columns only, so no name is built for a word the model
    knows, and a batch sums the weights in this order, the training dictionary's order.
    """
    get = ids.index.get
    l1, r1, l2, r2, l3, r3, t_ids, p_ids, ag_ids = ids.words
    bias, sent_pos, sent_neg, compound, position = ids.fixed
    lb_ids, rb_ids, pw_ids = ids.pairs
    low, val, n = parse.lower, parse.valence, len(parse.lower)
    # the scope's fields unpacked at once (a named field's read is a descriptor call)
    a, b, _, _, _, _, _, is_speaker, said = sc
    anchor = (a if a < n - 1 else n - 1) if n else 0  # builtin min/max cost a call each
    t_clause = parse.clause[anchor] if n else 0
    t_segment = parse.segment[anchor] if n else 0
    t_quote = parse.in_quote[anchor] if n else False
    clause, segment, in_quote = parse.clause, parse.segment, parse.in_quote

    total_pos = total_neg = 0.0
    sums: dict[str, float] = {}
    sget = sums.get
    for i in parse.valenced:
        if a <= i < b:
            continue
        v = val[i] / 4.0
        pos = v > 0
        if pos:
            total_pos += v
        else:
            total_neg += v
        left = i < a
        if left:
            d = a - i
            name = _LEFT_NAMES[d if d < 11 else 11][0 if pos else 1]
        else:
            d = i - b + 1
            name = _RIGHT_NAMES[d if d < 11 else 11][0 if pos else 1]
        sums[name] = sget(name, 0.0) + v
        w = _DECAY[d] if d < 64 else math.exp(-(d - 1) / 4.0)
        if i in said:
            name = "d:said_p" if pos else "d:said_n"
            sums[name] = sget(name, 0.0) + v
            continue
        if segment[i] == t_segment:
            name = "d:seg_p" if pos else "d:seg_n"
            sums[name] = sget(name, 0.0) + v * w
            if clause[i] == t_clause:
                name = "d:clause_p" if pos else "d:clause_n"
                sums[name] = sget(name, 0.0) + v
        else:
            if left:
                name = "d:other_before_p" if pos else "d:other_before_n"
            else:
                name = "d:other_after_p" if pos else "d:other_after_n"
            sums[name] = sget(name, 0.0) + v
        if in_quote[i] and not t_quote:
            name = "d:quote_p" if pos else "d:quote_n"
            sums[name] = sget(name, 0.0) + v
        sums["d:dist_w"] = sget("d:dist_w", 0.0) + v * w
    s = (total_pos + total_neg) * 4.0
    cols.append(bias)
    values.append(1.0)
    if sums:  # often none: no evaluative word outside the target
        cols += map(get, sums, repeat(-1))
        values += sums.values()
    cols += (sent_pos, sent_neg, compound)
    values += (total_pos, total_neg, s / math.sqrt(s * s + 15.0))
    own = (val[a] if b - a == 1 else sum(val[a:b])) / 4.0  # one target word: no slice
    if own:
        cols.append(get("d:own", -1))
        values.append(own)

    object_of = possessive = passive = 0.0
    j = a - 1
    while j >= 0 and low[j] in SKIPPABLE:
        j -= 1
    if j >= 0 and low[j] in _PREP_SET:
        prep = low[j]
        v = _first_valenced(parse, range(j - 1, j - 4 if j > 3 else -1, -1), t_clause)
        if v:
            cols.append(get("d:prep_" + prep, -1))
            values.append(v / 4.0)
        cols.append(p_ids.get(prep, -1))
        values.append(1.0)
        if j >= 1:
            cols.append(pw_ids.get(prep, _NO_PAIRS).get(low[j - 1], -1))
            values.append(1.0)
    elif j >= 0 and val[j] and clause[j] == t_clause:
        object_of = val[j] / 4.0
        cols.append(get("d:object_of", -1))
        values.append(object_of)
    if b < n and low[b] == "'s":
        v = _first_valenced(parse, range(b + 1, b + 4 if b + 4 < n else n), t_clause)
        if v:
            possessive = v / 4.0
            cols.append(get("d:possessive", -1))
            values.append(possessive)
        cols.append(get("poss", -1))
        values.append(1.0)
    k = b
    while k < n and low[k] in ADVERB_SKIP:
        k += 1
    if k < n and low[k] in BE_VERBS:
        while k < n and (low[k] in BE_VERBS or low[k] in ADVERB_SKIP or low[k] in SKIPPABLE):
            k += 1
        v = _first_valenced(parse, range(k, k + 3 if k + 3 < n else n), t_clause)
        if v:
            passive = v / 4.0
            cols.append(get("d:passive", -1))
            values.append(passive)
    elif k < n and val[k] and clause[k] == t_clause:
        cols.append(get("d:agent_of", -1))
        values.append(val[k] / 4.0)
        if k + 1 < n:
            cols.append(ag_ids.get(low[k], -1))
            values.append(1.0)
    contrast_role = 0.0
    role = object_of + possessive + passive
    if role:
        across = sum(v for k, v in sums.items() if k.startswith("d:other_"))
        if role * across < 0:
            contrast_role = role
            cols += (get("d:contrast_role", -1), get("d:contrast_other", -1))
            values += (role, across)
    if is_speaker:
        cols.append(get("speaker", -1))
        values.append(1.0)
    if t_quote:
        cols.append(get("in_quote", -1))
        values.append(1.0)
    if parse.negations:
        negs = sum(1 for i in parse.negations if i < a and clause[i] == t_clause)
        if negs:
            cols.append(get("d:neg_before", -1))
            values.append(2.0 if negs > 2 else float(negs))
    cols.append(position)
    values.append(a / (n if n > 1 else 1))
    if a == 0:
        cols.append(get("first", -1))
        values.append(1.0)

    if a >= 1:
        cols.append(l1.get(low[a - 1], -1))
        values.append(1.0)
    if b < n:
        cols.append(r1.get(low[b], -1))
        values.append(1.0)
    if a >= 2:
        cols.append(l2.get(low[a - 2], -1))
        values.append(1.0)
    if b + 1 < n:
        cols.append(r2.get(low[b + 1], -1))
        values.append(1.0)
    if a >= 3:
        cols.append(l3.get(low[a - 3], -1))
        values.append(1.0)
    if b + 2 < n:
        cols.append(r3.get(low[b + 2], -1))
        values.append(1.0)
    if a >= 2:
        cols.append(lb_ids.get(low[a - 2], _NO_PAIRS).get(low[a - 1], -1))
        values.append(1.0)
    if b + 1 < n:
        cols.append(rb_ids.get(low[b], _NO_PAIRS).get(low[b + 1], -1))
        values.append(1.0)
    if b - a == 1:
        cols.append(t_ids.get(low[a], -1))
        values.append(1.0)
    elif b > a:
        target = low[a:b]
        for tok in dict.fromkeys(target) if len(set(target)) < len(target) else target:
            cols.append(t_ids.get(tok, -1))
            values.append(1.0)
    return contrast_role


class Scope(NamedTuple):
    """Token ranges around a mention, [lo, hi) within its sentence (bags and vector views)."""

    a: int  # target tokens [a, b)
    b: int
    n: int  # tokens in the sentence
    seg_lo: int  # the target's contrast segment
    seg_hi: int
    said_lo: int  # what the target is reported to say, clipped to the segment (may be empty)
    said_hi: int
    is_speaker: bool  # the target is the subject of a reporting verb ("X said", "according to X")
    said: range  # what the target is reported to say, unclipped


_new_tuple = tuple.__new__
_NOTHING_SAID = range(0)  # a mention's reported speech when it is not a speaker


def scope(parse: SentenceParse, start: int, end: int) -> Scope:
    """The ranges of :func:`bag_features` and :func:`vector_block` for a mention.

    :func:`target_tokens` and the reported-speech test are written out here: two calls per
    mention cost as much as their bodies."""
    n = len(parse.lower)
    # the target's tokens (:func:`target_tokens`): the first token ending after the span
    # starts up to the first starting at or after its end
    a = bisect_right(parse.ends, start)
    b = bisect_left(parse.starts, end)
    if b <= a:
        b = a
    if not n:
        return Scope(a, b, 0, 0, 0, 0, 0, False, range(0))
    segment = parse.segment
    if segment[-1]:
        seg = segment[a if a < n - 1 else n - 1]  # conditionals: builtin min/max cost a call
        lo, hi = bisect_left(segment, seg), bisect_right(segment, seg)
        lo, hi = (lo if lo < a else a), (hi if hi > b else b)
    else:  # one segment (no contrast word, most sentences): the whole sentence (b <= n)
        lo, hi = 0, n
    # whether the target is the speaker of a reporting verb, and the tokens of what it says
    low = parse.lower
    j = b
    while j < n and j < b + 3 and (low[j] in ADVERB_SKIP or low[j] in ("has", "had", ",")):
        j += 1
    if j < n and low[j] in SAY_VERBS and low[j] != "according":
        is_speaker = True
        # three words or more after the verb: what follows it; else what precedes the target
        said = range(j + 1, n) if sum(parse.is_word[j + 1 :]) >= 3 else range(0, a)
    else:
        # "..., said X." / "according to X"
        k = a - 1
        if k >= 1 and low[k] == "to" and low[k - 1] == "according":
            is_speaker, said = True, range(0, k - 1)
        elif k >= 0 and low[k] in SAY_VERBS and (b >= n or not parse.is_word[b]):
            is_speaker, said = True, range(0, k)
        else:  # not a speaker (most mentions): nothing said, an empty range where the segment
            # starts, as the clipping below gives it (without reading the range's bounds)
            return _new_tuple(Scope, (a, b, n, lo, hi, lo, lo, False, _NOTHING_SAID))
    s_lo = said.start if said.start > lo else lo
    s_hi = (said.stop if said.stop < hi else hi) if said else lo
    # NamedTuple's own __new__ is a Python function; its tuple.__new__ without that frame
    return _new_tuple(
        Scope, (a, b, n, lo, hi, s_lo, s_hi if s_hi > s_lo else s_lo, is_speaker, said)
    )


def _outside(sc: Scope, lo: int, hi: int) -> list[int]:
    """Token indices in [lo, hi) outside the target."""
    return [i for i in range(lo, hi) if i < sc.a or i >= sc.b]


def bag_features(parse: SentenceParse, sc: Scope) -> dict[str, float]:
    """Word counts: the sentence outside the target (w:), its negated words (nw:) and the
    target's contrast segment outside the target and outside what the target is said to say (s:).
    """
    names, negated = parse.word_names, parse.negated
    f: dict[str, float] = {}
    for i in _outside(sc, 0, sc.n):
        name = names[i]
        if name:
            f[name] = f.get(name, 0.0) + 1.0
            if negated[i]:
                f["n" + name] = f.get("n" + name, 0.0) + 1.0
    for i in _outside(sc, sc.seg_lo, sc.seg_hi):
        name = names[i]
        if name and not sc.said_lo <= i < sc.said_hi:
            key = "s:" + name[2:]
            f[key] = f.get(key, 0.0) + 1.0
    return f


def view_ranges(sc: Scope) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Token ranges of each mean view (VECTOR_VIEWS order, "V" uses the segment's, index 2)."""
    a, b, n = sc.a, sc.b, sc.n
    return (
        ((max(0, a - 3), a),),
        ((b, min(n, b + 3)),),
        ((sc.seg_lo, a), (b, sc.seg_hi)),
        ((0, a), (b, n)),
        ((a, b),),
    )


def vector_block(parse: SentenceParse, start: int, end: int) -> np.ndarray:
    """The context views of a mention as one flat vector (views × dims), unscaled.

    Each mean view is the mean vector of its words that have one (zero when none has); the
    valence view sums valence / 4 × vector over the segment's words outside the target.
    """
    matrix = word_vectors()[1]
    dims = matrix.shape[1]
    block = np.zeros(len(VECTOR_VIEWS) * dims)
    rows, val = parse.vec_row, parse.valence
    sc = scope(parse, start, end)
    ranges = view_ranges(sc)
    for view, view_range in enumerate(ranges):
        found = [rows[i] for lo, hi in view_range for i in range(lo, hi) if rows[i] >= 0]
        if found:
            block[view * dims : (view + 1) * dims] = matrix[found].mean(0)
    found = [i for lo, hi in ranges[2] for i in range(lo, hi) if rows[i] >= 0 and val[i]]
    if found:
        weights = np.array([val[i] / 4.0 for i in found])
        block[len(ranges) * dims :] = weights @ matrix[[rows[i] for i in found]]
    return block

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
from dataclasses import dataclass
from functools import cache

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SentimentIntensityAnalyzer,
)

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


def _tokenise(sentence: str) -> tuple[list[int], list[int], list[str]]:
    starts: list[int] = []
    ends: list[int] = []
    lower: list[str] = []
    for m in TOKEN_RE.finditer(sentence):
        tok = m.group().lower().replace("’", "'")
        s, e = m.start(), m.end()
        if len(tok) > 2 and tok.endswith("'s"):
            starts += [s, e - 2]
            ends += [e - 2, e]
            lower += [tok[:-2], "'s"]
        else:
            starts.append(s)
            ends.append(e)
            lower.append(tok)
    return starts, ends, lower


def _is_negation(word: str) -> bool:
    return word in NEGATE_SET or "n't" in word


def parse_sentence(sentence: str, offset: int = 0) -> SentenceParse:
    """Tokenise a sentence and apply VADER's word-level rules once, for all its mentions."""
    lex = lexicon()
    starts, ends, lower = _tokenise(sentence)
    n = len(lower)
    is_word = [tok[0].isalnum() for tok in lower]
    raw = [0.0] * n
    val = [0.0] * n
    neg = [False] * n
    for i, tok in enumerate(lower):
        if not is_word[i] or tok in BOOSTER_DICT:
            continue
        v = lex.get(tok)
        if v is None and "-" in tok:
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
            if _is_negation(w) or w == "no" or (w == "least" and (j == 0 or lower[j - 1] != "at")):
                flipped = not flipped
            j -= 1
            seen += 1
        if flipped:
            v *= N_SCALAR
        val[i] = v
        neg[i] = flipped
    clause = [0] * n
    segment = [0] * n
    quote = [False] * n
    c = s = 0
    inside = False
    for i, tok in enumerate(lower):
        if tok in QUOTE_CHARS:
            inside = not inside if tok == '"' else tok == "“"
            c += 1
        elif tok in HARD_PUNCT:
            c += 1
            s += 1
        elif tok in SOFT_PUNCT or tok in SUBORDINATORS:
            c += 1
        elif tok in CONTRAST:
            c += 1
            s += 1
        clause[i] = c
        segment[i] = s
        quote[i] = inside
    return SentenceParse(
        offset,
        tuple(starts),
        tuple(ends),
        tuple(lower),
        tuple(is_word),
        tuple(val),
        tuple(raw),
        tuple(neg),
        tuple(clause),
        tuple(segment),
        tuple(quote),
    )


def target_tokens(parse: SentenceParse, start: int, end: int) -> tuple[int, int]:
    """Token index range [a, b) covering the character span (relative to the sentence).

    A span that covers no token (white space) anchors at the next token, as an empty range.
    """
    a = bisect_right(parse.ends, start)  # first token ending after the span starts
    b = bisect_left(parse.starts, end)  # tokens before this one start before the span ends
    return (a, b) if b > a else (a, a)


def _speech(parse: SentenceParse, a: int, b: int) -> tuple[bool, range]:
    """Whether the target is the speaker of a reporting verb, and the tokens of what it says."""
    low, n = parse.lower, len(parse.lower)
    j = b
    while j < n and j < b + 3 and (low[j] in ADVERB_SKIP or low[j] in ("has", "had", ",")):
        j += 1
    if j < n and low[j] in SAY_VERBS and low[j] != "according":
        after = range(j + 1, n)
        if sum(parse.is_word[k] for k in after) >= 3:
            return True, after
        return True, range(0, a)
    # "..., said X." / "according to X"
    k = a - 1
    if k >= 0 and low[k] == "to" and k >= 1 and low[k - 1] == "according":
        return True, range(0, k - 1)
    if k >= 0 and low[k] in SAY_VERBS and (b >= n or not parse.is_word[b]):
        return True, range(0, k)
    return False, range(0)


def _first_valenced(parse: SentenceParse, indices: range, clause: int) -> float:
    """Valence of the first lexicon word among indices, staying in the target's clause."""
    for k in indices:
        if parse.clause[k] != clause:
            break
        if parse.valence[k]:
            return parse.valence[k]
    return 0.0


def features(parse: SentenceParse, start: int, end: int) -> dict[str, float]:
    """Dense scope features (d:…) and sparse word features for the mention at [start, end).

    Offsets are relative to the sentence. Valences are divided by 4 (VADER's scale) so every
    dense feature is of order one.
    """
    low, val, n = parse.lower, parse.valence, len(parse.lower)
    a, b = target_tokens(parse, start, end)
    f: dict[str, float] = {"bias": 1.0}
    anchor = min(a, n - 1) if n else 0
    t_clause = parse.clause[anchor] if n else 0
    t_segment = parse.segment[anchor] if n else 0
    t_quote = parse.in_quote[anchor] if n else False
    is_speaker, said = _speech(parse, a, b)
    said_set = set(said)

    total_pos = total_neg = 0.0
    sums: dict[str, float] = {}

    def add(name: str, value: float) -> None:
        sums[name] = sums.get(name, 0.0) + value

    for i in range(n):
        v = val[i]
        if not v or a <= i < b:
            continue
        v /= 4.0
        sign = "p" if v > 0 else "n"
        if v > 0:
            total_pos += v
        else:
            total_neg += v
        left = i < a
        d = a - i if left else i - b + 1
        band = "1" if d <= 2 else "2" if d <= 5 else "3" if d <= 10 else "4"
        add(f"d:{'L' if left else 'R'}{band}{sign}", v)
        w = math.exp(-(d - 1) / 4.0)
        if i in said_set:
            add(f"d:said_{sign}", v)
            continue
        if parse.segment[i] == t_segment:
            add(f"d:seg_{sign}", v * w)
            if parse.clause[i] == t_clause:
                add(f"d:clause_{sign}", v)
        else:
            # across a contrast word: the side after "but" carries the weight
            add(f"d:other_{'after' if not left else 'before'}_{sign}", v)
        if parse.in_quote[i] and not t_quote:
            add(f"d:quote_{sign}", v)
        add("d:dist_w", v * w)
    f.update(sums)
    f["d:sent_pos"] = total_pos
    f["d:sent_neg"] = total_neg
    s = (total_pos + total_neg) * 4.0
    f["d:compound"] = s / math.sqrt(s * s + 15.0)
    own = sum(val[a:b]) / 4.0
    if own:
        f["d:own"] = own

    # grammatical role relative to evaluative words
    j = a - 1
    while j >= 0 and low[j] in SKIPPABLE:
        j -= 1
    if j >= 0 and low[j] in PREPS:
        prep = low[j]
        v = _first_valenced(parse, range(j - 1, max(j - 4, -1), -1), t_clause)
        if v:
            f[f"d:prep_{prep}"] = v / 4.0
        f[f"p:{prep}"] = 1.0
        if j >= 1:
            f[f"pw:{prep}_{low[j - 1]}"] = 1.0
    elif j >= 0 and val[j] and parse.clause[j] == t_clause:
        f["d:object_of"] = val[j] / 4.0  # "criticised X", "brutal X"
    if b < n and low[b] == "'s":
        v = _first_valenced(parse, range(b + 1, min(b + 4, n)), t_clause)
        if v:
            f["d:possessive"] = v / 4.0
        f["poss"] = 1.0
    k = b
    while k < n and low[k] in ADVERB_SKIP:
        k += 1
    if k < n and low[k] in BE_VERBS:
        while k < n and (low[k] in BE_VERBS or low[k] in ADVERB_SKIP or low[k] in SKIPPABLE):
            k += 1
        v = _first_valenced(parse, range(k, min(k + 3, n)), t_clause)
        if v:
            f["d:passive"] = v / 4.0
    elif k < n and val[k] and parse.clause[k] == t_clause:
        f["d:agent_of"] = val[k] / 4.0  # "X praised", "X attacked"
        if k + 1 < n:
            f[f"ag:{low[k]}"] = 1.0
    # a role-bound evaluation of the target that opposes what lies across a contrast word:
    # "praised the rebels but condemned the government" — each side is about its own object
    role = f.get("d:object_of", 0.0) + f.get("d:possessive", 0.0) + f.get("d:passive", 0.0)
    across = sum(v for k, v in sums.items() if k.startswith("d:other_"))
    if role * across < 0:
        f["d:contrast_role"] = role
        f["d:contrast_other"] = across
    if is_speaker:
        f["speaker"] = 1.0
    if t_quote:
        f["in_quote"] = 1.0
    negs = sum(
        1 for i in range(n) if parse.clause[i] == t_clause and _is_negation(low[i]) and i < a
    )
    if negs:
        f["d:neg_before"] = float(min(negs, 2))
    f["d:position"] = a / max(n, 1)
    if a == 0:
        f["first"] = 1.0

    # words: target-masked sentence bag, adjacent words and bigrams, the clause's words
    for i in range(n):
        if a <= i < b or not parse.is_word[i]:
            continue
        tok = low[i]
        f[f"w:{tok}"] = 1.0
        if parse.negated[i]:
            f[f"nw:{tok}"] = 1.0
        if parse.segment[i] == t_segment and i not in said_set:
            f[f"s:{tok}"] = 1.0
    for off in (1, 2, 3):
        if a - off >= 0:
            f[f"l{off}:{low[a - off]}"] = 1.0
        if b + off - 1 < n:
            f[f"r{off}:{low[b + off - 1]}"] = 1.0
    if a >= 2:
        f[f"lb:{low[a - 2]}_{low[a - 1]}"] = 1.0
    if b + 1 < n:
        f[f"rb:{low[b]}_{low[b + 1]}"] = 1.0
    for tok in low[a:b]:
        f[f"t:{tok}"] = 1.0
    return f

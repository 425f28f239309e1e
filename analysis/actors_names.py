"""Actor detection, stage 1: names. Capitalised runs in each body sentence become candidate
names (titles split off, sentence openers and non-actors dropped), then candidates are clustered
into actors (full names, surnames, acronyms) with a kind. See :mod:`analysis.actors`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache

from analysis.actors_lexicon import (
    ABBREVIATED_TITLES,
    AGENT_NOUNS,
    AND_WORDS,
    CONNECTORS,
    Lexicon,
    lexicon,
    norm,
    word_key,
)
from analysis.article import Article
from analysis.text import OPEN_QUOTES, PARTY_TAG_RE

POSS_AFTER_RE = re.compile(r"[’'](?:[sS](?![^\W_])|(?![^\W_]))")
_SPEECH_VERBS = frozenset(
    """said says told added explained argued claimed insisted warned wrote asked replied
    admitted recalled noted stressed declared""".split()
)
_LOCATIVE = frozenset("in at from near across into inside outside around throughout".split())


@dataclass(slots=True)
class Tok:
    start: int
    end: int  # end of the name part (possessive suffix excluded)
    text: str
    possessive: bool
    lone_end: bool = False  # a hyphenated "US-based": the token ends any capitalised run


@dataclass(slots=True)
class Cand:
    """One name-like mention before linking."""

    start: int
    end: int
    name_tokens: list[str]
    name_text: str
    sentence_id: int
    possessive: bool
    title: str | None = None
    affiliation: str | None = None
    canonical: str | None = None  # gazetteer canonical name
    kind: str | None = None
    linked_by: str = "name"
    preceded_by: str = ""  # the word before, lower-cased: only of a one-word name without kind
    followed_by: str = ""
    initial: bool = False  # first word of a sentence or of a quotation


@dataclass(slots=True)
class Actor:
    key: str
    canonical: str
    kind: str
    gazetteer: bool = False
    titles: set[str] = field(default_factory=set)
    affiliation: str | None = None
    gender: str | None = None
    weak: bool = False  # a person only by the shape of the name: never a pronoun's antecedent


@dataclass(slots=True)
class Mention:
    actor: str  # actor key
    start: int
    end: int
    sentence_id: int
    linked_by: str
    possessive: bool


# --------------------------------------------------------------------------------------------
# tokens and capitalised runs


@cache
def _cap_token_re() -> re.Pattern[str]:
    """A word starting with a capital (Latin, Greek, Cyrillic), or a dotted acronym ("U.S.").

    The capital comes first and the look-behind (at the character before it) second: a pattern
    that opens with a character class lets the regex engine skip ahead to the next capital,
    three times faster than testing a look-behind at every position."""
    upper = re.escape("".join(c for c in map(chr, range(0x0530)) if c.isupper()))
    return re.compile(
        rf"[{upper}](?<![\w’'\-.].)(?:\.(?:[{upper}]\.)+|[^\W_]*(?:[’'\-&/][^\W_]+)*)"
    )


def _cap_tokens(text: str, start: int, end: int) -> list[Tok]:
    """Capitalised tokens of a sentence, with possessive suffixes split off the name."""
    return _toks(
        text,
        end,
        [(m.start(), m.end(), m.group()) for m in _cap_token_re().finditer(text, start, end)],
    )


@cache
def _cap_split_re() -> re.Pattern[str]:
    """:func:`_cap_token_re` as one group: ``split`` then lists the tokens between the gaps."""
    return re.compile(f"({_cap_token_re().pattern})")


def sentence_tokens(article: Article) -> list[list[Tok]]:
    """:func:`_cap_tokens` of every body sentence, in order, from one ``split`` of the text up
    to the body's end instead of a ``finditer`` per sentence: one regex call per article (each
    call allocates its matching state, and a step of ``finditer`` a match object; running the
    regex engine once, then the Python loop, also keeps each one's code in the cache).

    The same tokens: the pattern matches at a position whatever the bound (a capital and the
    look-behind, which sees the real text before either way), and a match of the whole text
    that ends by a sentence's end is the match a scan bounded there finds (the pattern ends in
    greedy repeats, which read up to the first character they reject). So a sentence's
    tokens are the matches inside it, unless a match runs over a sentence's start or end:
    then every sentence is scanned on its own, as before."""
    text = article.text
    spans = article.sentence_spans
    if not spans:
        return []
    body_end = article.body_end
    pieces = _cap_split_re().split(text if body_end == len(text) else text[:body_end])
    found: list[list[tuple[int, int, str]]] = [[] for _ in spans]
    n = len(spans)
    k = 0
    s, e = spans[0]
    current = found[0]
    pos = 0
    it = iter(pieces)
    for gap, word in zip(it, it, strict=False):
        start = pos + len(gap)
        pos = start + len(word)
        while start >= e:
            k += 1
            if k == n:
                break
            s, e = spans[k]
            current = found[k]
        if k == n:
            break
        if pos <= s:
            continue  # between sentences
        if start < s or pos > e:  # runs over a sentence's bound
            return [_cap_tokens(text, s, e) for s, e in spans]
        current.append((start, pos, word))
    return [_toks(text, e, triples) for (_, e), triples in zip(spans, found, strict=True)]


def _toks(text: str, end: int, matches: list[tuple[int, int, str]]) -> list[Tok]:
    """The tokens of a sentence ending at ``end`` from the pattern's matches in it (start, end,
    text).

    Most tokens are letters (and digits) alone, ``str.isalnum()``: no apostrophe, hyphen,
    period, "&" or "/" inside, so only a possessive after them is to be looked for; the rest
    take the full path."""
    toks: list[Tok] = []
    for s, e, word in matches:
        if word.isalnum():
            if word != "I":
                possessive = e < end and text[e] in "’'" and _possessive_after(text, e, end, word)
                toks.append(Tok(s, e, word, possessive))
            continue
        possessive = False
        if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
            word, e, possessive = word[:-2], e - 2, True
        elif e < end and text[e] in "’'":  # POSS_AFTER_RE opens with an apostrophe
            possessive = _possessive_after(text, e, end, word)
        lone = False
        if "-" in word:
            parts = word.split("-")
            if any(x[:1].islower() for x in parts[1:]):
                # "US-based", "Russia-backed": the name is the first part and ends any run
                word, e, lone, possessive = parts[0], s + len(parts[0]), True, False
        if word != "I" and not word.startswith(("I’", "I'")):
            toks.append(Tok(s, e, word, possessive, lone))
    return toks


def _possessive_after(text: str, e: int, end: int, word: str) -> bool:
    """Whether an apostrophe at ``e`` makes ``word`` possessive ("Jones’", "Trump’s")."""
    p = POSS_AFTER_RE.match(text, e, end)
    return p is not None and (p.end() - p.start() == 2 or word[-1] in "sS")


_GAP_CONNECTOR_RE = re.compile(r"[ \t\u00a0]+([a-z]+|&)[ \t\u00a0]+")


def _gap_kind(text: str, prev: Tok, nxt: Tok, lex: Lexicon, run: list[Tok]) -> bool:
    """Whether two capitalised tokens belong to one name: only spaces, an abbreviation's period,
    or a connector inside an institution's name ("Bank of England")."""
    gap = text[prev.end : nxt.start]
    if not gap:
        return False
    if gap.isspace():
        return "\n" not in gap and "\r" not in gap
    if gap[0] == "." and gap[1:].isspace() and "\n" not in gap:
        return prev.text.lower() in ABBREVIATED_TITLES or (
            len(prev.text) == 1 and prev.text.isupper()
        )
    # the pattern's word is the gap without its spaces: a gap holding no connector fails
    # without the pattern, most of them (the words between two names)
    word = gap.strip(" \t\u00a0")
    if word not in CONNECTORS and word not in AND_WORDS:
        return False
    return _GAP_CONNECTOR_RE.fullmatch(gap) is not None and _allows_connector(run, word, lex)


def _runs(text: str, toks: list[Tok], lex: Lexicon) -> list[list[Tok]]:
    """Maximal runs of capitalised tokens that form one name."""
    runs: list[list[Tok]] = []
    for tok in toks:
        if runs:
            run = runs[-1]
            last = run[-1]
            if not last.possessive and not last.lone_end and _gap_kind(text, last, tok, lex, run):
                run.append(tok)
                continue
        runs.append([tok])
    return runs


def _allows_connector(run: list[Tok], connector: str, lex: Lexicon) -> bool:
    """'Bank of England', 'Secretary of State', 'Health and Human Services'; not 'Brazil and
    Peru', nor 'Professor Sajiv Singh of Carnegie Mellon University'."""
    words = {t.text.lower().rstrip(".") for t in run}
    institutional = bool(words & lex.org_keywords) or bool(words & lex.place_keywords)
    if connector in AND_WORDS:
        return institutional
    if connector in ("de", "van", "von", "bin", "al", "da", "del", "di", "du", "la", "le", "der"):
        return True
    titled = bool(words & lex.titles) and all(_title_like(t.text, lex) for t in run)
    return institutional or titled


def _title_like(word: str, lex: Lexicon) -> bool:
    low = word.lower().rstrip(".")
    return (
        low in lex.titles
        or low in lex.title_modifiers
        or word in lex.demonyms
        or word_key(word) in lex.names
    )


_OF_FOR_RE = re.compile(r"\s(?:of|for)\s")


def _one_word_title(word: str, lex: Lexicon) -> tuple[int, str | None, None, bool]:
    """:func:`_title_prefix` of a run of one word: a title on its own, or none."""
    low = word.lower().rstrip(".")
    return (1, low, None, False) if low in lex.titles else (0, None, None, False)


# --------------------------------------------------------------------------------------------
# names from runs


def _title_prefix(
    text: str, run: list[Tok], lex: Lexicon
) -> tuple[int, str | None, str | None, bool]:
    """Length of a leading title ("French President"), its last title word, an affiliation, and
    whether the title ends in an "of" phrase ("Secretary of State", "Duchess of Cambridge")."""
    if len(run) == 1:  # most runs: one word is a title on its own or there is none
        return _one_word_title(run[0].text, lex)
    k = 0
    title = None
    title_end = 0
    affiliation = None
    while k < len(run):
        word = run[k].text
        low = word.lower().rstrip(".")
        if low in lex.title_openers and k + 1 < len(run):  # only these open a two-word title
            two = f"{low} {run[k + 1].text.lower()}"
            if two in lex.titles:
                title, k = two, k + 2
                title_end = k
                continue
        if low in lex.titles:
            title, k = low, k + 1
            title_end = k
            continue
        entry = lex.names.get(word_key(word))
        if word in lex.demonyms:
            affiliation = lex.demonyms[word]
        elif entry is not None and entry.kind == "place":
            affiliation = entry.canonical
        elif low not in lex.title_modifiers and entry is None:
            break
        k += 1
    if title is None:
        return 0, None, None, False
    # words after the last title word belong to it only through "of"/"for" ("Secretary of
    # State", "Minister for Economic Renewal"); then the name is the last words of the run
    gap = text[run[title_end - 1].end : run[title_end].start] if title_end < len(run) else ""
    if not _OF_FOR_RE.search(gap):
        return title_end, title, affiliation, False
    if k >= len(run):
        return k, title, affiliation, True  # "Duchess of Cambridge": no name after the title
    given = next((i for i in range(k, len(run)) if run[i].text in lex.given_names), None)
    if given is None and len(run) - k > 2:
        given = len(run) - 2
    return given if given is not None else k, title, affiliation, True


def _surface(text: str, run: list[Tok]) -> str:
    """The run as written, connectors included ("Bank of England"), normalised."""
    if len(run) == 1:  # one token holds no white space: only its apostrophes need normalising
        return word_key(run[0].text)
    return norm(text[run[0].start : run[-1].end]) if run else ""


# "the", "a", "an" in any case but capitals ("The", "THe", "An"; not "THE", "A", "AN"): what
# lower-cases to one of them and is not upper-case (only ASCII letters lower-case to these)
_ARTICLES = frozenset(
    w
    for word in ("the", "a", "an")
    for w in map("".join, itertools.product(*({c, c.upper()} for c in word)))
    if not w.isupper()
)


def _strip_leading(
    text: str, run: list[Tok], sentence_start: bool, lower_words: Container[str], lex: Lexicon
) -> list[Tok]:
    """Drop "The", calendar words and a sentence-opening common word from the front of a run
    (unless the run is a listed name as it stands: "The Hague")."""
    while run:
        first = run[0]
        # the opener test last: the others are single look-ups (its scans only fill a memo)
        if not (
            first.text in _ARTICLES
            or first.text in lex.calendar_words
            or (sentence_start and _common_opener(first, len(run), lower_words, lex))
        ):
            break
        if _surface(text, run) in lex.names:  # looked up only for a run that could lose a word
            break
        run = run[1:]
        # only the very first token of a sentence may be a capitalised common word
        sentence_start = False
    return run


@cache
def _dictionary_words() -> frozenset[str]:
    """Ordinary English words: VADER's lexicon (shared, already loaded for sentiment)."""
    from analysis.sentiment import vader

    given = {n.lower() for n in lexicon().given_names}
    return frozenset(w for w in vader().lexicon if w.isalpha() and w not in given)


def _ordinary(low: str, lower_words: Container[str], lex: Lexicon) -> bool:
    """A function word, a dictionary word, an adverb or gerund, or a word the body writes in
    lower case (asked last: a word new to it is a scan of the body)."""
    return (
        low in lex.function_words
        or low in _dictionary_words()
        or (len(low) > 5 and low.endswith(("ly", "ing")))
        or low in lower_words
    )


def _common_opener(first: Tok, run_length: int, lower_words: Container[str], lex: Lexicon) -> bool:
    """A capitalised sentence opener that is an ordinary word ("During", "Ultimately")."""
    low = first.text.lower()
    if low in lex.function_words:
        return True
    if word_key(first.text) in lex.names or first.text in lex.demonyms or first.text.isupper():
        return False
    if run_length > 1 and (low.rstrip(".") in lex.titles or low in lex.title_modifiers):
        return False  # "President Donald Trump", "Defense Secretary Pete Hegseth"
    if first.text in lex.given_names:
        return False
    return _ordinary(low, lower_words, lex)


_LAST_WORD_RE = re.compile(r"([^\W_][\w’'-]*)[^\w]*$")


def _last_word(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``_LAST_WORD_RE.search(text, lo, hi)``, tried first from the last space before the
    window's last word: a match there is the leftmost one (a word before that space is followed
    by another letter), and the regex no longer retries every earlier word of the window."""
    cut = text.rfind(" ", lo, lo + len(text[lo:hi].rstrip()))
    if cut < 0:
        return _LAST_WORD_RE.search(text, lo, hi)
    return _LAST_WORD_RE.search(text, cut + 1, hi) or _LAST_WORD_RE.search(text, lo, hi)


# Characters that may stand between a plain word and what follows or precedes it, none a word
# character, an apostrophe or a hyphen (which the word patterns' words run over)
_AFTER_A_WORD = '.,;:!?”")'
_BEFORE_A_NAME = ' “"‘(,:;—–'


def _word_before(text: str, lo: int, hi: int) -> str:
    """The word :func:`_last_word` finds in ``text[lo:hi]``, lower-cased, or "". A plain word
    (letters and digits) after a space or at ``lo``, then only spaces, opening quotes and the
    like up to ``hi`` (most names: "said Smith", "in Paris", "told “Smith") by string methods,
    which cost a fraction of a regex call: no match starts before that word (each would have
    to run over the word's space and then the word, a word character, in its tail), and at the
    word the pattern takes it and the rest."""
    if lo >= hi:
        return ""  # an empty window (a sentence's first word): no match
    head = text[lo:hi].rstrip(_BEFORE_A_NAME)
    word = head[head.rfind(" ") + 1 :]
    if word.isalnum():  # isalnum: [^\W_] of the regex engine, and not empty
        return word.lower()
    prev = _last_word(text, lo, hi)
    return prev.group(1).lower() if prev else ""


_NEXT_WORD_RE = re.compile(r"(?:[’']s?)?[\s,;:]*([^\W_][\w’'-]*)")


def _word_after(text: str, pos: int, end: int) -> str:
    """The word of ``_NEXT_WORD_RE.match(text, pos, end)``, or "". After a space, a comma and a
    space, or a possessive "’s" and a space, a plain word (letters and digits) ending in a
    space, the sentence's end or closing punctuation (most names: "Smith said", "Smith, who",
    "Smith’s plan.") by string methods, a fraction of a regex call: the pattern's first try
    takes that opening and the word, up to the first character its words do not run over."""
    if text.startswith(" ", pos):
        i = pos + 1
    elif text.startswith(", ", pos):
        i = pos + 2
    elif text.startswith(("’s ", "'s "), pos):
        i = pos + 3
    else:
        i = end  # no fast path
    if i < end:
        stop = text.find(" ", i, end)
        word = text[i : end if stop < 0 else stop].rstrip(_AFTER_A_WORD)
        if word.isalnum():
            return word
    nxt = _NEXT_WORD_RE.match(text, pos, end)
    return nxt.group(1) if nxt else ""


_FIRST_WORD_RE = re.compile(r"[\W_]*")


def names_in_sentence(
    article: Article,
    sentence_id: int,
    lower_words: Container[str],
    lex: Lexicon,
    tokens: list[Tok] | None = None,
) -> list[Cand]:
    """The name candidates of a body sentence; ``tokens`` are its :func:`_cap_tokens` when
    known (:func:`sentence_tokens` lists every sentence's at once)."""
    sent = article.sentences[sentence_id]
    text = article.text
    # a Sentence's fields are read once: a local costs less than each attribute read
    start, end = sent.start, sent.end
    # [\W_] is what str.isalnum() rejects: a sentence opening with a letter or digit (nearly
    # all) needs no regex
    first_word = start
    if not sent.text[:1].isalnum():
        first_word = _FIRST_WORD_RE.match(text, start, end).end()
    out: list[Cand] = []
    if tokens is None:
        tokens = _cap_tokens(text, start, end)
    if _headline(text, start, end, tokens, lower_words, lex):
        # a sentence in capitals or Title Case (a headline, a shout): only gazetteer names count
        tokens = [t for t in tokens if word_key(t.text) in lex.names]
    for run in _runs(text, tokens, lex):
        opener = run[0]
        at = opener.start
        if at == first_word:
            initial = True
        elif at - 2 >= start and text[at - 1] == " " and text[at - 2].isalnum():
            initial = False  # a word, a space, the name ("said Smith"): no quote or colon
        else:
            initial = _after_quote(text, start, at)
        verdict = None
        if (
            (at >= 2 and text.startswith(", ", at - 2)) or (at >= 1 and text[at - 1] == "(")
        ) and PARTY_TAG_RE.fullmatch(opener.text):
            continue  # "Sen. Rand Paul, R-Ky., said", "(R-Ky.)": a party and state, no organisation
        if len(run) == 1:  # most runs: _strip_leading's answer from the word's memo
            anywhere, as_opener, verdict = _one_word(opener.text, lex)
            if anywhere or (
                initial
                and (
                    as_opener == _OPENER_DROPPED
                    or (as_opener == _OPENER_ASKS and opener.text.lower() in lower_words)
                )
            ):
                continue
        else:
            run = _strip_leading(text, run, initial, lower_words, lex)
            if not run:
                continue
            initial = initial and run[0] is opener
        after = _word_after(text, run[-1].end, end)
        cand = _candidate(text, run, sentence_id, start, after, lex, verdict)
        if cand is not None:
            cand.initial = initial
            out.append(cand)
    return out


def _headline(
    text: str, start: int, end: int, tokens: list[Tok], lower_words: Container[str], lex: Lexicon
) -> bool:
    """All capitals, or Title Case ("Pence: Flowers Won’t Be at Debate, Trump Was Mocking"):
    capitalised function words inside the sentence give a headline away, and capitalisation
    says nothing about names there."""
    # a first token that is no upper-case word has a lower-case (or title-case) letter, which
    # the sentence then has too: only otherwise is the sentence copied to be tested
    if (not tokens or tokens[0].text.isupper()) and text[start:end].isupper():
        return True
    if len(tokens) < 3:
        return False
    # Function words first: a headline needs one, and most sentences have none, so the
    # ordinary-word test (a scan of the body for each word new to it) is left for the few
    # sentences with exactly one, in a second pass; and it stops once the answer is known. A
    # word counts as it did in one pass over all: the tests have no effect on each other (the
    # scans only fill a memo), so their order changes no count.
    function = 0
    function_words = lex.function_words
    for t in tokens[1:]:
        low = t.text.lower()
        if low in function_words and _own_case(text, start, t, low, lex):
            function += 1
            if function >= 2:
                return True
    if function == 0:
        return False
    other = 0
    for t in tokens[1:]:
        low = t.text.lower()
        if low in function_words:
            continue
        if _ordinary(low, lower_words, lex) and _own_case(text, start, t, low, lex):
            other += 1
            if other >= 2:
                return True
    return False


def _own_case(text: str, start: int, t: Tok, low: str, lex: Lexicon) -> bool:
    """Whether a function or ordinary word's capital says something about the sentence's case:
    not an article, a title-like or calendar word, a quoted title or a quotation opener."""
    if low in ("the", "a", "an") or _title_like(t.text, lex) or t.text in lex.calendar_words:
        return False
    return not (
        _after_quote(text, start, t.start) or _QUOTE_OPEN_BEFORE_RE.search(text, start, t.start)
    )


_QUOTE_OPEN_BEFORE_RE = re.compile(r"[“‘\"'][^”’\"']*$")


def _after_quote(text: str, floor: int, start: int) -> bool:
    """A word right after an opening quote or a colon starts a sentence of its own."""
    before = text[max(floor, start - 3) : start].rstrip()
    return before[-1:] in _QUOTE_OR_COLON


_QUOTE_OR_COLON = frozenset((*OPEN_QUOTES, ":"))  # one character each: "" is not in it


# What a name's words decide about its candidate (:func:`_verdict`): the candidate as it stands
# (a gazetteer name, a title, a demonym's plural), a demonym (a state only before an agent
# noun), a plain name (unless a number follows; a one-word one reads the word before), or none.
_KEEP, _DEMONYM, _PLAIN, _REJECT = range(4)
_REJECTED = (_REJECT, None, None, "name")


def _verdict(
    surface: str, title: str | None, last: str, single: str | None, lex: Lexicon
) -> tuple[int, str | None, str | None, str]:
    """(outcome, canonical, kind, linked_by) of a name with normal form ``surface``, a title or
    None, last word ``last``, and ``single`` its only word (None for a name of several): what
    its words decide, whatever stands around it (the rest is :func:`_candidate`'s)."""
    entry = lex.names.get(surface) if title is None else None
    if entry is not None:
        linked_by = "name" if norm(entry.canonical) == surface else "alias"
        return _KEEP, entry.canonical, entry.kind, linked_by
    if title is not None:
        return _KEEP, None, None, "name"
    if surface in lex.demonyms:
        # an adjectival demonym is the state only when it heads an agent ("Russian forces")
        return _DEMONYM, lex.demonyms[surface], "place", "alias"
    if surface in lex.demonym_plurals:
        return _KEEP, None, "group", "name"
    if last in lex.demonyms:
        return _REJECTED  # "South American governments": an adjective, not a name
    if single is not None:
        if single[-1] == "s" and _PLURAL_ACRONYM_RE.fullmatch(single):  # the pattern ends in "s"
            return _REJECTED  # "MPs", "CEOs", "BMWs": a class of people or things
        if len(single) == 1:
            return _REJECTED  # "T" of "T-shirt", a stray initial
        if _shouted(single, lex):
            return _REJECTED  # "STOP", "BREAKING": a word in capitals, not an acronym
        if single.isupper() and len(single) > 6:
            return _REJECTED  # shouted words in all capitals, not acronyms
    if last in _PERIOD_WORDS:
        return _REJECTED  # "Election Day", "Christmas Eve": a date, not an actor
    return _PLAIN, None, None, "name"


# a run's opening word as a sentence's first: kept, dropped, or dropped if the body writes it in
# lower case (:func:`_one_word`)
_OPENER_KEPT, _OPENER_DROPPED, _OPENER_ASKS = range(3)
_NO_WORDS: frozenset[str] = frozenset()


class _AllWords:
    """A container holding every word: with :data:`_NO_WORDS`, tells where an answer depends
    on which words the body writes in lower case."""

    def __contains__(self, word: object) -> bool:
        return True


# word -> :func:`_one_word`'s facts, for the lexicon in _WORD_FACTS_LEXICON; a vocabulary memo,
# emptied when full as the word caches are
_WORD_FACTS: dict[str, tuple[bool, int, tuple[int, str | None, str | None, str]]] = {}
_WORD_FACTS_LEXICON: list[Lexicon] = []
WORD_FACTS_LIMIT = 65_536


def _one_word(word: str, lex: Lexicon) -> tuple[bool, int, tuple[int, str | None, str | None, str]]:
    """What a run of one capitalised token decides by its word alone, in one memo look-up (most
    runs are one word, and the same words come back in article after article): whether
    :func:`_strip_leading` drops it wherever it stands; as a sentence's first word, whether it
    drops it, keeps it or asks the body's lower-case words; and :func:`_candidate`'s verdict.
    Found by those functions themselves, on the word alone (neither reads more of a run of
    one word) and with no lower-case words or every word."""
    if not _WORD_FACTS_LEXICON or _WORD_FACTS_LEXICON[0] is not lex:
        _WORD_FACTS.clear()
        _WORD_FACTS_LEXICON[:] = [lex]
    facts = _WORD_FACTS.get(word)
    if facts is None:
        run = [Tok(0, len(word), word, False)]
        anywhere = not _strip_leading("", run, False, _NO_WORDS, lex)
        if not _strip_leading("", run, True, _NO_WORDS, lex):
            opener = _OPENER_DROPPED
        elif not _strip_leading("", run, True, _AllWords(), lex):
            opener = _OPENER_ASKS
        else:
            opener = _OPENER_KEPT
        surface = word_key(word)
        if surface in lex.stop or _one_word_title(word, lex)[1] is not None:
            verdict = _REJECTED  # a bare title ("President"): role phrases are found separately
        else:
            verdict = _verdict(surface, None, word, word, lex)
        if len(_WORD_FACTS) >= WORD_FACTS_LIMIT:
            _WORD_FACTS.clear()
        facts = _WORD_FACTS[word] = (anywhere, opener, verdict)
    return facts


def _candidate(
    text: str,
    run: list[Tok],
    sentence_id: int,
    floor: int,
    after: str,
    lex: Lexicon,
    verdict: tuple[int, str | None, str | None, str] | None = None,
) -> Cand | None:
    """The candidate a run names, or None; ``floor`` is where its sentence starts, ``after``
    the word after the run. A run of one word (most) has its words' verdict from
    :func:`_one_word`'s memo, or ``verdict``, that memo's answer already looked up."""
    last = run[-1]
    if len(run) == 1:
        name, title, affiliation = run, None, None
        outcome, canonical, kind, linked_by = verdict or _one_word(last.text, lex)[2]
    else:
        surface = _surface(text, run)
        if surface in lex.stop:
            return None
        k, title, affiliation, of_phrase = _title_prefix(text, run, lex)
        name = run[k:] if k else run  # the run itself unless a title leads it
        if title is not None and name:
            lows = {t.text.lower() for t in name}
            if lows & lex.org_keywords:  # "General Motors" is a company, not General Motors
                k, title, affiliation, name = 0, None, None, run
        if title is not None and not name:
            if not of_phrase:
                return None  # a bare title ("President"): role phrases are found separately
            name, affiliation = run, None  # "Duchess of Cambridge" names a person
        if name is not run:
            surface = _surface(text, name)
        single = name[0].text if len(name) == 1 else None
        outcome, canonical, kind, linked_by = _verdict(surface, title, last.text, single, lex)
    if outcome == _REJECT:
        return None
    if outcome == _DEMONYM and (last.possessive or after.lower() not in AGENT_NOUNS):
        return None
    if outcome == _PLAIN and _numbered(text, last):
        return None  # "Article 5", "Flight 17": a thing with a number
    if len(name) == 1:  # most names: the token as written
        tokens, name_text = [last.text], last.text
    else:
        tokens, name_text = [t.text for t in name], text[name[0].start : last.end]
    # positional arguments: keywords would build a dictionary for every candidate
    cand = Cand(
        run[0].start,
        last.end,
        tokens,
        name_text,
        sentence_id,
        last.possessive,
        title,
        affiliation,
        canonical,
        kind,
        linked_by,
        "",
        after,
    )
    if outcome == _PLAIN and len(name) == 1:
        # the word before is read (by :func:`_kind`) only for a one-word name with neither
        # title nor kind: looked up for those alone
        cand.preceded_by = _word_before(text, max(floor, run[0].start - 40), run[0].start)
    return cand


def _shouted(word: str, lex: Lexicon) -> bool:
    if not (word.isupper() and len(word) > 3):
        return False
    low = word.lower()  # only for a word in capitals
    return low in _dictionary_words() or low in lex.function_words


_PERIOD_WORDS = frozenset(("Day", "Eve", "Week", "Weekend", "Month", "Year", "Night", "Era"))
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")


def _numbered(text: str, tok: Tok) -> bool:
    after = text[tok.end : tok.end + 3]
    return len(after) >= 2 and after[0] == " " and after[1].isdigit()


# --------------------------------------------------------------------------------------------
# linking names into actors


def _key(name_text: str) -> str:
    """Cluster key of a name: initials dropped ("Jessica R. Jones" -> "Jessica Jones")."""
    if name_text.isalnum():  # one plain word (most names): its own key
        return name_text
    words = norm(name_text).split()
    kept = [w for w in words if not (len(w.rstrip(".")) == 1 and w[:1].isupper())]
    return " ".join(kept or words)


_NOT_INITIALS = CONNECTORS | AND_WORDS


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w.lower() not in _NOT_INITIALS).upper()


def link_names(
    cands: list[Cand], lex: Lexicon, lower_words: Container[str]
) -> tuple[dict[str, Actor], list[Mention]]:
    """Cluster name mentions: full names, then surnames and acronyms linked to a full name."""
    keys = [_key(c.name_text) for c in cands]
    full: dict[str, list[Cand]] = {}
    singles: set[str] = set()
    not_initial: set[str] = set()
    for c, key in zip(cands, keys, strict=True):
        if c.canonical is None:
            if " " in key:
                full.setdefault(key, []).append(c)
            else:
                singles.add(key)
        if not c.initial:
            not_initial.add(key)
    # a bare surname is the person introduced first under it (the story's main Baumgartner,
    # not his mother mentioned later); a bare first or family-first name ("Gao" of "Gao Ping")
    # links only when one person has it
    kinds: dict[str, str] = {}
    by_surname: dict[str, str] = {}
    by_first: dict[str, list[str]] = {}
    by_initials: dict[str, str] = {}
    for key, group in full.items():
        words = key.split()
        kind = kinds[key] = _kind(group, lex, lower_words, words[-1] in singles)
        if kind == "person":
            by_surname.setdefault(words[-1], key)
            by_first.setdefault(words[0], []).append(key)
        else:
            by_initials.setdefault(_initials(key), key)
    assigned: list[tuple[Cand, str]] = []
    for c, key in zip(cands, keys, strict=True):
        if c.canonical is not None:
            assigned.append((c, "=" + c.canonical))
        elif key in full:
            assigned.append((c, key))
        elif key in lex.given_names and len(by_first.get(key, ())) == 1:
            assigned.append((c, by_first[key][0]))  # "Felix" is Felix Baumgartner
        elif key in by_surname:
            assigned.append((c, by_surname[key]))
        elif key.isupper() and key.title() in by_surname:
            assigned.append((c, by_surname[key.title()]))  # "PENCE:" in a transcript
        elif len(by_first.get(key, ())) == 1:
            assigned.append((c, by_first[key][0]))
        elif key.isupper() and key in by_initials:
            c.linked_by = "alias"
            assigned.append((c, by_initials[key]))
        elif (
            c.initial
            and c.title is None
            and key not in not_initial
            and keys.count(key) == 1  # asked for few candidates: no Counter of all
            and not c.possessive
            and c.followed_by.lower() not in _SPEECH_VERBS
        ):
            continue  # a capitalised sentence opener seen nowhere else ("Dozens", "Existing")
        else:
            assigned.append((c, key))
    members: dict[str, list[Cand]] = {}
    for c, key in assigned:
        members.setdefault(key, []).append(c)
    actors = {
        key: _make_actor(key, group, kinds.get(key) or _kind(group, lex, lower_words, False), lex)
        for key, group in members.items()
    }
    mentions = [
        Mention(key, c.start, c.end, c.sentence_id, c.linked_by, c.possessive)
        for c, key in assigned
    ]
    return actors, mentions


def _make_actor(key: str, group: list[Cand], kind: str, lex: Lexicon) -> Actor:
    """The actor of a group of candidates (plain loops and positional fields: generators and
    keywords cost more than the work on groups of one or a few)."""
    first = group[0]
    if first.canonical is not None:
        return Actor(key, first.canonical, kind, True)
    longest = (
        max(group, key=lambda c: (len(c.name_text.split()), -c.start)) if len(group) > 1 else first
    )
    titles: set[str] = set()
    affiliation = None
    for c in group:
        if c.title:
            titles.add(c.title)
        if affiliation is None and c.affiliation:
            affiliation = c.affiliation
    actor = Actor(key, longest.name_text, kind, False, titles, affiliation)
    if kind == "person":
        actor.gender = _gender(longest.name_tokens, titles, lex)
        weak = not (titles or actor.gender)
        for c in group if weak else ():
            # also called by the surname alone, or said something
            if len(c.name_tokens) == 1 or c.followed_by.lower() in _SPEECH_VERBS:
                weak = False
                break
        actor.weak = weak
    return actor


def _kind(group: list[Cand], lex: Lexicon, lower_words: Container[str], surname_alone: bool) -> str:
    """Person, organisation or place from titles, keywords, given names and capitalisation."""
    titled = False
    for c in group:
        if c.kind:
            return c.kind  # the first kind given
        titled = titled or bool(c.title)
    if titled:
        return "person"
    tokens = (
        max((c.name_tokens for c in group), key=len) if len(group) > 1 else group[0].name_tokens
    )
    for t in tokens:
        if t.lower().rstrip(".") in lex.org_keywords or (len(t) > 1 and t.isupper()):
            return "organisation"
    if tokens[-1].lower() in lex.place_keywords or tokens[0].lower() in lex.place_keywords:
        return "place"
    if len(tokens) == 1:
        # loops, not sum() and any() over generators (a generator's frame costs more than the
        # test on a group of one or a few)
        locative = 0
        for c in group:
            if c.preceded_by in _LOCATIVE:
                locative += 1
        if locative * 2 > len(group):
            return "place"
        for c in group:
            if c.followed_by.lower() in _SPEECH_VERBS:
                return "person"  # "Obama said"
        return "organisation"
    if tokens[0] in lex.given_names:
        return "person"
    if word_key(tokens[0]) in lex.names or tokens[0] in lex.demonyms:
        return "organisation"  # "Manchester United", "Russia Today", "British Butler Institute"
    name_like = len(tokens) <= 4 and all(t[:1].isupper() and t[1:].islower() for t in tokens)
    if name_like and (surname_alone or not _ordinary(tokens[0].lower(), lower_words, lex)):
        return "person"
    return "organisation"


def _gender(tokens: list[str], titles: set[str], lex: Lexicon) -> str | None:
    if titles & lex.female_titles:
        return "female"
    if titles & lex.male_titles:
        return "male"
    return lex.given_names.get(tokens[0])


# "\b[a-z][a-z’'-]*", written to open with the letter and test the boundary behind it: the regex
# engine then skips to the next candidate letter instead of testing a boundary at every position
_LOWER_WORD_RE = re.compile(r"[a-z](?<!\w.)[a-z’'-]*")
_LOWER_FORM_RE = re.compile(r"[a-z][a-z’'-]*")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_RUN_CHARS = _ASCII_LOWER | frozenset("’'-")  # what a match of _LOWER_WORD_RE runs over


def _word_char(ch: str) -> bool:
    r"""``\w`` of the regex engine for one character."""
    return ch.isalnum() or ch == "_"


class LowerWords:
    """Words the body also writes in lower case (the matches of ``_LOWER_WORD_RE.findall`` over
    the body), answered one word at a time: detection asks about a few dozen capitalised words
    per article, and listing every lower-case word of the body cost more than the rest of the
    name stage's look-ups together. A word the body never writes in lower case is a scan of the
    whole body, so once the scans add up to ``scans`` times the body the list is made after all:
    the cost stays linear in the length of the text."""

    __slots__ = ("_budget", "_end", "_known", "_listed", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, scans: int = 2) -> None:
        self._text, self._start, self._end = text, start, end
        self._known: dict[str, bool] = {}
        self._budget = scans * (end - start)  # characters the scans may read before listing
        self._listed: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._listed is not None:
            return word in self._listed
        known = self._known.get(word)
        if known is None:
            if self._budget < 0:
                self._listed = frozenset(_LOWER_WORD_RE.findall(self._text, self._start, self._end))
                return word in self._listed
            known = self._known[word] = self._written(word)
        return known

    def _written(self, word: str) -> bool:
        """Whether some match of the pattern over the body is exactly ``word``."""
        if _LOWER_FORM_RE.fullmatch(word) is None:
            return False
        text, end, size = self._text, self._end, len(word)
        i = text.find(word, self._start, end)
        while i >= 0:
            after = i + size
            if (after == end or text[after] not in _RUN_CHARS) and self._match_starts(i):
                self._budget -= after - self._start
                return True
            i = text.find(word, i + 1, end)
        self._budget -= end - self._start
        return False

    def _match_starts(self, i: int) -> bool:
        """Whether ``findall`` starts a match at ``i`` (a lower-case letter): nothing word-like
        right before it, and no earlier match running over it (one would start in the same run
        of letters, apostrophes and hyphens, at a letter with nothing word-like before it)."""
        text = self._text
        if i > 0 and _word_char(text[i - 1]):
            return False
        q = i - 1
        while q >= self._start and text[q] in _RUN_CHARS:
            if text[q] in _ASCII_LOWER and (q == 0 or not _word_char(text[q - 1])):
                return False
            q -= 1
        return True


# Body lengths the word scans of one article may read before the body is listed instead:
# ``str.find`` reads a character for about 3 instructions, the listing regex for about 290, so
# 64 scans cost less than one listing. The OneStopEnglish texts need 2-59 (median 23), so they are
# never listed; with 2, 95 of the 96 were, at a fifth of the detection's name stage.
_SCANS_BEFORE_LISTING = 64


def lower_words(article: Article) -> LowerWords:
    """Words the body also writes in lower case: a capitalised one opening a sentence is common."""
    return LowerWords(article.text, article.body_start, article.body_end, _SCANS_BEFORE_LISTING)

"""Actor detection, stage 2: role nouns ("the alliance", "the U.S. president") and pronouns
linked to actors already named, by title, affiliation, salience and recency. See
:mod:`analysis.actors`."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from operator import attrgetter, methodcaller

from analysis.actors_lexicon import GENERIC_TITLES, Lexicon, lexicon, norm
from analysis.actors_names import POSS_AFTER_RE, Actor, Mention
from analysis.article import Article, Sentence

# Each pattern here opens with a character class, its look-behind tested at the character
# before: the regex engine then skips ahead to the next candidate letter instead of testing the
# look-behind at every position (2-3x faster, the same matches).
_PRONOUN_RE = re.compile(
    r"[HhSsIi](?<![\w’'-].)"
    r"(?:(?<=[Hh])(?:e|im|is|imself|er|ers|erself)|(?<=[Ss])he|(?<=[Ii])ts)(?![\w-])"
)
_PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
    "its": "thing",
}
_ROLE_COMPOUNDS = (
    "members|member|countries|country|nations|nation|partners|partner|allies|leaders|leader|"
    "summit|chief|official|officials|commitments|commitment|headquarters|spending|budget|"
    "rules|treaty|charter|meeting|ministers|states|troops|forces|staff|spokesman|spokeswoman"
)
_ROLE_FILLERS = "former|new|outgoing|incoming|current|then|late|acting|interim"
# sort keys of mentions: a C-level getter costs a fraction of a lambda's call per element
START = attrgetter("start")
_END = attrgetter("end")
_MATCH_START = methodcaller("start")


# --------------------------------------------------------------------------------------------
# compiled patterns built from the lexicons (once per process)


# Characters that match an ASCII letter case-insensitively besides its two cases (a Unicode
# pattern's (?i) also folds these: dotted and dotless i, the long s, the Kelvin sign)
_FOLDS_TO = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _any_case(char: str) -> str:
    """A case-sensitive pattern for what ``(?i:char)`` matches, for an ASCII character that is
    no capital letter."""
    if not ("a" <= char <= "z"):
        return re.escape(char)
    return f"[{char}{char.upper()}{_FOLDS_TO.get(char, '')}]"


def _alternation(words, *, ignore_case: bool = False) -> str:
    """Longest first, grouped by first letter ("a(?:lliance|rmy)|b(?:ank)"): the regex engine
    then tests one branch per letter rather than every word at every "the" (the same matches:
    words with different first letters never match at one place, and within a letter the
    order is kept). Words are lower-case ASCII letters first, so case-insensitive use is safe.

    ``ignore_case`` gives what ``(?i:...)`` of the alternation matches, each letter spelled as
    a case-sensitive class ("[aA](?:[lL][lL]...|[rR][mM][yY])"): the engine skips a branch
    whose first item is a plain class or letter without entering it, and enters every branch
    that opens with a case-insensitive letter (the titles in (?i) were half the cost of trying
    the person pattern)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not all(w[:1].isascii() and w[:1].islower() for w in ordered):
        joined = "|".join(map(re.escape, ordered))
        return f"(?i:{joined})" if ignore_case else joined
    if ignore_case and not all(w.isascii() and w == w.lower() for w in ordered):
        return f"(?i:{_alternation(ordered)})"
    spell = _any_case if ignore_case else re.escape
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[0], []).append("".join(map(spell, w[1:])))
    return "|".join(f"{spell(c)}(?:{'|'.join(rests)})" for c, rests in groups.items())


# The role patterns' runs of white space and the words before a title or head are possessive
# ("*+", "++": never given back): what follows each always opens with a letter, so giving back
# a character could never lead to a match, and the regex engine keeps no state to retry it (a
# quarter of the cost of trying the organisation pattern).


@cache
def _person_role_re() -> re.Pattern[str]:
    lex = lexicon()
    titles = [t for t in lex.titles if t not in GENERIC_TITLES and not t.endswith(".")]
    return re.compile(
        r"[Tt](?<![\w-].)he\s++(?:(?P<mod>(?:[A-Z][\w.’'-]*+\s++){1,2}?))?"
        rf"(?:(?:{_ROLE_FILLERS})\s++)?(?P<title>{_alternation(titles, ignore_case=True)})"
        r"(?=[’']s\b|[’'](?!\w)|(?![\w’'-]))(?!\s+(?:[A-Z]|of\b))"
    )


@cache
def _org_role_re() -> re.Pattern[str]:
    lex = lexicon()
    heads = {k.split()[-1] for k in lex.org_role_nouns}
    heads |= lex.company_role_nouns | {k.rstrip(".") for k in lex.org_keywords}
    heads = {h for h in heads if h.isalpha()}
    return re.compile(
        r"[Tt](?<![\w-].)he\s++(?P<np>(?:[A-Za-z][\w-]*+\s++){0,2}?"
        rf"(?P<head>{_alternation(heads)}))(?=[’']s\b|[’'](?!\w)|(?![\w’'-]))(?!\s+(?:{_ROLE_COMPOUNDS})\b)"
    )


# --------------------------------------------------------------------------------------------
# role nouns and pronouns


class SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in O(log n) by bisection.

    Spans sorted by start with a running maximum of their ends: a span overlaps the query iff it
    starts before ``end`` and ends after ``start``, i.e. iff the largest end among the spans that
    start before ``end`` exceeds ``start``. A linear scan per query made detection quadratic.
    """

    __slots__ = ("_max_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_ends = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._max_ends[i - 1] > start


def person_roles(
    article: Article, actors: dict[str, Actor], mentions: list[Mention], lex: Lexicon
) -> list[Mention]:
    """ "the U.S. president" -> the person seen earlier with that title and a compatible country.

    Matches come in text order, so the mentions ending before each one are counted
    incrementally (one pass over the mentions sorted by end), not recounted per match. Only a
    person with a title can be the one meant: without one (most articles) nothing is looked for.
    """
    found: list[Mention] = []
    if not any(a.kind == "person" and a.titles for a in actors.values()):
        return found
    by_end = sorted(mentions, key=_END)
    counts: Counter[str] = Counter()
    last_end: dict[str, int] = {}
    # title head word -> people holding such a title, in order of first seen
    by_head: dict[str, list[str]] = {}
    k = 0
    for sent, m in _matches(article, _person_role_re(), _person_role_res(), _ROLE_OPENINGS):
        title = m.group("title").lower()
        head = title.split()[-1]
        mod = norm(m.group("mod") or "")
        place = None
        if mod:
            entry = lex.names.get(mod)
            place = entry.canonical if entry else lex.demonyms.get(mod)
            if place is None:
                continue  # "the Seattle president": not a country's office holder
        while k < len(by_end) and by_end[k].end <= m.start():
            x = by_end[k]
            if x.actor not in counts:
                actor = actors[x.actor]
                if actor.kind == "person":
                    for h in {t.split()[-1] for t in actor.titles}:
                        by_head.setdefault(h, []).append(x.actor)
            counts[x.actor] += 1
            last_end[x.actor] = x.end
            k += 1
        options = []
        for key in by_head.get(head, ()):
            actor = actors[key]
            if place is not None and actor.affiliation not in (None, place):
                continue
            exact = place is not None and actor.affiliation == place
            options.append((exact, counts[key], last_end[key], key))
        if options:
            key = max(options)[3]
            _, possessive = possessive_end(article.text, m.end())
            found.append(Mention(key, m.start(), m.end(), sent.sentence_id, "role", possessive))
    return found


# Where each pattern can start: every match of a role pattern opens with the word "the" or
# "The" before white space, every pronoun with one of these (he/her..., his, him..., she, its)
# after no letter, digit, apostrophe or hyphen. Each opening is a literal first: the regex
# engine skips ahead to it, where the pronoun pattern, opening with a class, tried every h, s
# and i of the text (about half the cost of detecting pronouns).
_ROLE_OPENINGS = tuple(re.compile(rf"{w}(?<![\w-]{w})(?=\s)") for w in ("the", "The"))
_PRONOUN_OPENINGS = tuple(
    re.compile(rf"{first}(?<![\w’'-]{first}){then}")
    for first in ("h", "H", "she", "She", "its", "Its")
    for then in ["(?=e|i[ms])" if first in "hH" else ""]
)


# _PRONOUN_RE for the pronouns of each opening, the opening written out as a literal: the regex
# engine scans for a literal prefix far faster than it tests a character class at each position
_PRONOUN_SPLIT_RES = tuple(
    re.compile(
        rf"{first}(?<![\w’'-]{first})"
        + ("(?:e|im|is|imself|er|ers|erself)" if first in "hH" else "")
        + r"(?![\w-])"
    )
    for first in ("h", "H", "she", "She", "its", "Its")
)
# each opening with the kinds of antecedent its pronouns want ("h": he, him, his, her...)
_PRONOUN_OPENING_WANTS = tuple(
    (o, frozenset(want for w, want in _PRONOUNS.items() if o.match(w) or o.match(w.capitalize())))
    for o in _PRONOUN_OPENINGS
)


def _split_role_re(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """A role pattern as two, one per opening word ("the", "The") written out as a literal."""
    head = r"[Tt](?<![\w-].)he"
    assert pattern.pattern.startswith(head)
    rest = pattern.pattern[len(head) :]
    return tuple(re.compile(rf"{w}(?<![\w-]{w})" + rest) for w in ("the", "The"))


@cache
def _person_role_res() -> tuple[re.Pattern[str], ...]:
    return _split_role_re(_person_role_re())


@cache
def _org_role_res() -> tuple[re.Pattern[str], ...]:
    return _split_role_re(_org_role_re())


def _segments(article: Article) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Stretches of the body that a scan may cross (from the first sentence, cut after each
    sentence ending in a word character, and at the body's end), and the sentences' starts and
    ends: once per article. A match lies within one sentence and ends in a letter, so only at
    such an end could a scan see past a sentence what a scan of the sentence alone does not."""
    known: dict = article.memo.setdefault("actor_starts", {})
    found = known.get("segments")
    if found is None:
        sentences, text = article.sentences, article.text
        bounds = known.get("bounds")
        if bounds is None:
            bounds = known["bounds"] = ([s.start for s in sentences], [s.end for s in sentences])
        starts, ends = bounds
        segments: list[tuple[int, int]] = []
        lo = starts[0] if starts else article.body_end
        for end in ends:
            last = text[end - 1]
            if last.isalnum() or last == "_":
                segments.append((lo, end))
                lo = end
        if lo < article.body_end:
            segments.append((lo, article.body_end))
        found = known["segments"] = (segments, starts, ends)
    return found


def _scan(
    article: Article, patterns: tuple[re.Pattern[str], ...]
) -> list[tuple[Sentence, re.Match]] | None:
    """``_sentence_matches`` by a scan of the body's segments with each pattern, each match
    placed in its sentence by bisection; None where the scan could differ (a match not inside
    one sentence, or matches of two patterns overlapping): a scan costs a fraction of a
    ``match`` call at every opening (a Python step each, and most openings do not match)."""
    segments, starts, ends = _segments(article)
    text = article.text
    hits: list[re.Match] = []
    for pattern in patterns:
        for lo, hi in segments:
            hits += pattern.finditer(text, lo, hi)
    if len(patterns) > 1:
        hits.sort(key=_MATCH_START)
    sentences = article.sentences
    n = len(ends)
    out: list[tuple[Sentence, re.Match]] = []
    resume = -1
    for m in hits:
        pos, stop = m.span()
        if pos < resume:
            return None
        resume = stop
        j = bisect.bisect_right(ends, pos)  # the first sentence ending after pos
        if j == n or stop > ends[j]:
            return None
        if starts[j] <= pos:
            out.append((sentences[j], m))
        elif stop > starts[j]:
            return None
    return out


def _matches(
    article: Article,
    pattern: re.Pattern[str],
    patterns: tuple[re.Pattern[str], ...],
    openings: tuple[re.Pattern[str], ...],
) -> list[tuple[Sentence, re.Match]]:
    """``_sentence_matches(article, pattern, openings)``, by :func:`_scan` with ``patterns``
    (``pattern`` split by its openings) where that gives the same."""
    found = _scan(article, patterns)
    return list(_sentence_matches(article, pattern, openings)) if found is None else found


def _starts(
    article: Article, openings: tuple[re.Pattern[str], ...]
) -> list[tuple[int, int, Sentence]]:
    """Where any of ``openings`` matches inside a body sentence, in order, with that sentence's
    end and the sentence: found once per article (the two role patterns share theirs), each
    offset placed in its sentence by a bisection of the sentence ends (a walk over both sorted
    lists cost a loop step per sentence besides one per offset). The sentences' bounds are
    read once per article into the two lists the bisection needs."""
    # openings -> [(offset, sentence end, sentence)]; "bounds" -> the sentences' starts and
    # ends, shared by all openings
    known: dict = article.memo.setdefault("actor_starts", {})
    found = known.get(openings)
    if found is None:
        text, start, end = article.text, article.body_start, article.body_end
        offsets = sorted(
            m.start() for opening in openings for m in opening.finditer(text, start, end)
        )
        found = known[openings] = []
        sentences = article.sentences
        bounds = known.get("bounds")
        if bounds is None:
            bounds = known["bounds"] = ([s.start for s in sentences], [s.end for s in sentences])
        starts, ends = bounds
        n = len(ends)
        for pos in offsets:
            j = bisect.bisect_right(ends, pos)  # the first sentence ending after pos
            if j == n:
                break
            if starts[j] <= pos:  # else between sentences: no sentence scans it
                found.append((pos, ends[j], sentences[j]))
    return found


def _sentence_matches(
    article: Article, pattern: re.Pattern[str], openings: tuple[re.Pattern[str], ...]
) -> Iterator[tuple[Sentence, re.Match]]:
    """(sentence, match) for ``pattern.finditer`` over each body sentence, in text order, with
    the pattern tried only where one of ``openings`` matches (:func:`_starts`), as every match
    of the pattern must begin. The same matches: finditer's next match is the leftmost one at
    or after the previous match's end, and the pattern can start nowhere else (its look-behind
    sees before the sentence either way). A match ends inside its sentence, so no later
    sentence holds an offset before its end: one ``resume`` serves every sentence."""
    text = article.text
    resume = -1
    for pos, end, sent in _starts(article, openings):
        if pos < resume:
            continue
        m = pattern.match(text, pos, end)
        if m is not None:
            yield sent, m
            resume = m.end()


def possessive_end(text: str, end: int) -> tuple[int, bool]:
    p = POSS_AFTER_RE.match(text, end)
    if p is not None and p.end() - p.start() == 2:
        return p.end(), True
    return end, False


def org_roles(
    article: Article, actors: dict[str, Actor], mentions: list[Mention], lex: Lexicon
) -> list[Mention]:
    """ "the alliance", "the military alliance" -> NATO; "the party" -> the Labour Party."""
    found: list[Mention] = []
    # The candidates are the organisations mentioned before the first mention that ends after
    # the role noun. Matches come in text order, so that prefix grows: index it once (latest
    # mention per actor; actors by canonical name and by last word) instead of rescanning it.
    last_seen: dict[str, int] = {}
    by_canonical: dict[str, list[str]] = {}
    by_last_word: dict[str, list[str]] = {}
    latest_generic: list = [-1, None]  # latest organisation that a company noun may refer to

    def _see(index: int, key: str) -> None:
        actor = actors[key]
        if actor.kind != "organisation":
            return
        words = actor.canonical.lower().split()
        if key not in last_seen:
            by_canonical.setdefault(actor.canonical, []).append(key)
            if words:
                by_last_word.setdefault(words[-1], []).append(key)
        last_seen[key] = index
        if not actor.gazetteer and len(words) <= 3:
            latest_generic[:] = [index, key]

    k = 0
    for sent, m in _matches(article, _org_role_re(), _org_role_res(), _ROLE_OPENINGS):
        words = m.group("np").lower().split()
        if any(w in lex.function_words for w in words[:-1]):
            continue  # "the income the bank": not one noun phrase
        phrase, head = " ".join(words), m.group("head")
        while k < len(mentions) and mentions[k].end <= m.start():
            _see(k, mentions[k].actor)
            k += 1
        best = _best_org(phrase, head, lex, last_seen, by_canonical, by_last_word)
        if best is None and head in lex.company_role_nouns:
            best = latest_generic[1]
        if best is not None:
            _, possessive = possessive_end(article.text, m.end())
            found.append(Mention(best, m.start(), m.end(), sent.sentence_id, "role", possessive))
    return found


def _best_org(
    phrase: str,
    head: str,
    lex: Lexicon,
    last_seen: dict[str, int],
    by_canonical: dict[str, list[str]],
    by_last_word: dict[str, list[str]],
) -> str | None:
    """The most recently mentioned organisation the role noun names: the gazetteer lists it for
    the phrase or its head ("the alliance" -> NATO), or its name ends in the head ("the bank" for
    a Bank). None when there is none; a company noun then falls back to the latest organisation
    not in the gazetteer with a short name ("the company" for Amazon)."""
    names = lex.org_role_nouns.get(phrase) or lex.org_role_nouns.get(head) or ()
    keys = [key for name in names for key in by_canonical.get(name, ())]
    keys += by_last_word.get(head, ())
    return max(keys, key=last_seen.__getitem__, default=None)


def pronouns(article: Article, actors: dict[str, Actor], mentions: list[Mention]) -> list[Mention]:
    """Pronouns -> the subject (first mention) of the current sentence before the pronoun, else
    of the nearest earlier sentence (up to three back) with a compatible actor."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=START):
        by_sentence.setdefault(m.sentence_id, []).append(m)
    found: list[Mention] = []
    # pronouns of a kind no actor is compatible with link to nothing: not looked for (an
    # opening starts no word inside another pronoun, so the others' matches stay the same)
    # (loops, not any() over a generator: stopping one early throws GeneratorExit into it)
    wants: set[str] = set()
    for want in ("male", "female", "thing"):
        for actor in actors.values():
            if _compatible(actor, want):
                wants.add(want)
                break
    chosen = [
        (o, p)
        for (o, serves), p in zip(_PRONOUN_OPENING_WANTS, _PRONOUN_SPLIT_RES, strict=True)
        if not serves.isdisjoint(wants)
    ]
    if not chosen:
        return found
    openings, patterns = tuple(o for o, _ in chosen), tuple(p for _, p in chosen)
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    quoted = _quote_test(article)
    for sent, p in _matches(article, _PRONOUN_RE, patterns, openings):
        i = bisect.bisect_right(starts, p.start()) - 1
        if i >= 0 and taken[i][1] > p.start():
            continue  # inside a name ("His Dark Materials")
        word = p.group().lower()
        want = _PRONOUNS[word]
        key = _antecedent(sent.sentence_id, p.start(), word, want, by_sentence, actors, quoted)
        if key is not None:
            mention = Mention(key, p.start(), p.end(), sent.sentence_id, "pronoun", False)
            found.append(mention)
            # where a stable sort after appending would put it
            bisect.insort(by_sentence.setdefault(sent.sentence_id, []), mention, key=START)
    return found


def _compatible(actor: Actor, want: str) -> bool:
    if want == "thing":
        return actor.kind in ("organisation", "place")
    return actor.kind == "person" and actor.gender in (None, want) and not actor.weak


def _antecedent(
    sentence_id: int,
    offset: int,
    word: str,
    want: str,
    by_sentence: dict[int, list[Mention]],
    actors: dict[str, Actor],
    quoted: Callable[[int], bool],
) -> str | None:
    inside: list[bool] = []  # whether the pronoun is quoted, asked once, when first needed

    def ranked(ms: list[Mention]) -> list[Mention]:
        # outside a quotation, a name inside one ("…Montebourg said,” Carle told) is a weaker
        # antecedent than the narrative's own subject (fewer than two need no sorting)
        if len(ms) < 2:
            return ms
        if not inside:
            inside.append(quoted(offset))
        if inside[0]:
            return ms
        return sorted(ms, key=lambda m: quoted(m.start))

    here = ranked(
        [
            m
            for m in by_sentence.get(sentence_id, [])
            if m.end <= offset and _compatible(actors[m.actor], want)
        ]
    )
    if want == "thing":
        # "the U.S. reconsidering its commitments": the nearest organisation, else place
        orgs = [m for m in here if actors[m.actor].kind == "organisation"]
        if orgs or here:
            return (orgs or here)[-1].actor
        earlier = [
            m for m in by_sentence.get(sentence_id - 1, []) if _compatible(actors[m.actor], want)
        ]
        return earlier[-1].actor if earlier else None
    if word == "him" and here:
        # "Trump praised him": an object pronoun is not its own clause's subject
        here = [m for m in here if m.actor != here[0].actor]
    if here:
        return here[0].actor
    for back in range(1, 4):
        earlier = ranked(
            [
                m
                for m in by_sentence.get(sentence_id - back, [])
                if _compatible(actors[m.actor], want)
            ]
        )
        if earlier:
            return earlier[0].actor
    return None


_QUOTATION_RE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")  # what quotation_spans finds


class _Next:
    """Where a character next occurs at or after an offset, for offsets that only grow: each
    ``str.find`` is reused until the scan passes it, so a text is read once per character."""

    __slots__ = ("_at", "_char", "_end", "_text")

    def __init__(self, text: str, char: str, end: int) -> None:
        self._text, self._char, self._end = text, char, end
        self._at = -1  # nothing found yet

    def __call__(self, offset: int) -> int:
        """The next occurrence at or after ``offset`` (``end`` when there is none)."""
        if self._at < offset:
            found = self._text.find(self._char, offset, self._end)
            self._at = self._end if found < 0 else found
        return self._at


def quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``_QUOTATION_RE.finditer(text, start, end)``: a curly quotation from “ to the
    next ” with no “ between, or a straight one from " to the next " on the same line. Found
    with ``str.find`` (the regex read every character of the body: a fifth of the cost of
    detecting pronouns); an opening that fails is skipped, as the regex skips it."""
    spans: list[tuple[int, int]] = []
    curly, curly_close = _Next(text, "“", end), _Next(text, "”", end)
    straight, newline = _Next(text, '"', end), _Next(text, "\n", end)
    i = start
    while True:
        opening = min(curly(i), straight(i))
        if opening >= end:
            return spans
        if text[opening] == "“":
            close = curly_close(opening + 1)
            closed = close < end and close < curly(opening + 1)
        else:
            close = straight(opening + 1)
            closed = close < end and close < newline(opening + 1)
        if closed:
            spans.append((opening, close + 1))
            i = close + 1
        else:
            i = opening + 1


def _quote_test(article: Article) -> Callable[[int], bool]:
    """Whether an offset lies inside a double-quoted passage of the body. The passages are
    found at the first question: pronoun linking asks only to rank two or more candidates, and
    in about half the articles never does."""
    found: list[tuple[list[tuple[int, int]], list[int]]] = []

    def inside(offset: int) -> bool:
        if not found:
            spans = quotation_spans(article.text, article.body_start, article.body_end)
            found.append((spans, [s for s, _ in spans]))
        spans, starts = found[0]
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    return inside

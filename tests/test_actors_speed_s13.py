"""Session 13's cheaper actor detection gives the answers of what it replaced (the replaced code
is kept here as the oracle)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import actors as A
from analysis import actors_links as L
from analysis import actors_names as N
from analysis.actors_lexicon import lexicon
from analysis.article import Article, frame, strings

# --- session 12's code, the oracle --------------------------------------------------------------


def _old_cap_tokens(text: str, start: int, end: int) -> list[N.Tok]:
    toks: list[N.Tok] = []
    for m in N._cap_token_re().finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group()
        possessive = False
        if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
            word, e, possessive = word[:-2], e - 2, True
        elif e < end and text[e] in "’'":
            p = N.POSS_AFTER_RE.match(text, e, end)
            if p is not None and (p.end() - p.start() == 2 or word[-1] in "sS"):
                possessive = True
        lone = False
        if "-" in word:
            parts = word.split("-")
            if any(x[:1].islower() for x in parts[1:]):
                word, e, lone, possessive = parts[0], s + len(parts[0]), True, False
        if word != "I" and not word.startswith(("I’", "I'")):
            toks.append(N.Tok(s, e, word, possessive, lone))
    return toks


def _old_title_prefix(text, run, lex):
    k = 0
    title = None
    title_end = 0
    affiliation = None
    while k < len(run):
        word = run[k].text
        low = word.lower().rstrip(".")
        if low in lex.title_openers and k + 1 < len(run):
            two = f"{low} {run[k + 1].text.lower()}"
            if two in lex.titles:
                title, k = two, k + 2
                title_end = k
                continue
        if low in lex.titles:
            title, k = low, k + 1
            title_end = k
            continue
        entry = lex.names.get(N.word_key(word))
        if word in lex.demonyms:
            affiliation = lex.demonyms[word]
        elif entry is not None and entry.kind == "place":
            affiliation = entry.canonical
        elif low not in lex.title_modifiers and entry is None:
            break
        k += 1
    if title is None:
        return 0, None, None, False
    gap = text[run[title_end - 1].end : run[title_end].start] if title_end < len(run) else ""
    if not N._OF_FOR_RE.search(gap):
        return title_end, title, affiliation, False
    if k >= len(run):
        return k, title, affiliation, True
    given = next((i for i in range(k, len(run)) if run[i].text in lex.given_names), None)
    if given is None and len(run) - k > 2:
        given = len(run) - 2
    return given if given is not None else k, title, affiliation, True


def _old_strip_leading(text, run, sentence_start, lower_words, lex):
    while run:
        first = run[0]
        low = first.text.lower()
        article_word = low in ("the", "a", "an") and not first.text.isupper()
        opener = sentence_start and N._common_opener(first, len(run), lower_words, lex)
        if not (article_word or first.text in lex.calendar_words or opener):
            break
        if N._surface(text, run) in lex.names:
            break
        run = run[1:]
        sentence_start = False
    return run


def _old_candidate(
    text: str, run: list[N.Tok], sentence_id: int, floor: int, after: str, lex: N.Lexicon
) -> N.Cand | None:
    surface = N._surface(text, run)
    if surface in lex.stop:
        return None
    k, title, affiliation, of_phrase = N._title_prefix(text, run, lex)
    name = run[k:] if k else run
    last = run[-1]
    if title is not None and name:
        lows = {t.text.lower() for t in name}
        if lows & lex.org_keywords:
            k, title, affiliation, name = 0, None, None, run
    if title is not None and not name:
        if not of_phrase:
            return None
        name, affiliation = run, None
    if name is not run:
        surface = N._surface(text, name)
    entry = lex.names.get(surface) if title is None else None
    cand = N.Cand(
        run[0].start,
        last.end,
        [t.text for t in name],
        text[name[0].start : name[-1].end] if name else "",
        sentence_id,
        last.possessive,
        title,
        affiliation,
        None,
        None,
        "name",
        "",
        after,
    )
    if entry is not None:
        cand.canonical, cand.kind = entry.canonical, entry.kind
        cand.linked_by = "name" if N.norm(entry.canonical) == surface else "alias"
        return cand
    if title is not None:
        return cand
    if surface in lex.demonyms:
        if after.lower() in N.AGENT_NOUNS and not last.possessive:
            cand.canonical, cand.kind, cand.linked_by = lex.demonyms[surface], "place", "alias"
            return cand
        return None
    if surface in lex.demonym_plurals:
        cand.kind = "group"
        return cand
    if last.text in lex.demonyms:
        return None
    if len(name) == 1:
        word = name[0].text
        if N._PLURAL_ACRONYM_RE.fullmatch(word):
            return None
        if len(word) == 1:
            return None
        if N._shouted(word, lex):
            return None
    if last.text in N._PERIOD_WORDS:
        return None
    if N._numbered(text, last):
        return None
    if len(name) == 1:
        if name[0].text.isupper() and len(name[0].text) > 6:
            return None
        prev = N._last_word(text, max(floor, run[0].start - 40), run[0].start)
        cand.preceded_by = prev.group(1).lower() if prev else ""
    return cand


def _old_headline(text, start, end, tokens, lower_words, lex):
    if text[start:end].isupper():
        return True
    if len(tokens) < 3:
        return False
    function = 0
    others = []
    function_words = lex.function_words
    for t in tokens[1:]:
        low = t.text.lower()
        if low not in function_words:
            others.append(t)
        elif N._own_case(text, start, t, low, lex):
            function += 1
            if function >= 2:
                return True
    if function == 0:
        return False
    other = 0
    for t in others:
        low = t.text.lower()
        if N._ordinary(low, lower_words, lex) and N._own_case(text, start, t, low, lex):
            other += 1
            if other >= 2:
                return True
    return False


def _old_shouted(word, lex):
    low = word.lower()
    return (
        word.isupper()
        and len(word) > 3
        and (low in N._dictionary_words() or low in lex.function_words)
    )


def _old_key(name_text: str) -> str:
    words = N.norm(name_text).split()
    kept = [w for w in words if not (len(w.rstrip(".")) == 1 and w[:1].isupper())]
    return " ".join(kept or words)


def _old_after_quote(text: str, floor: int, start: int) -> bool:
    before = text[max(floor, start - 3) : start].rstrip()
    return bool(before) and (before[-1] in N.OPEN_QUOTES or before[-1] == ":")


def _old_starts(article, openings):
    text, start, end = article.text, article.body_start, article.body_end
    offsets = sorted(m.start() for opening in openings for m in opening.finditer(text, start, end))
    found = []
    sentences = article.sentences
    j, n = 0, len(sentences)
    for pos in offsets:
        while j < n and sentences[j].end <= pos:
            j += 1
        if j == n:
            break
        if sentences[j].start <= pos:
            found.append((pos, sentences[j]))
    return found


_OLD_INT_COLUMNS = frozenset(("start", "end", "sentence_id", "paragraph_id"))
_OLD_TEXT_COLUMNS = [
    c for c in A.MENTION_COLUMNS if c not in _OLD_INT_COLUMNS and c != "possessive"
]


def _old_mention_table(rows):
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(A.MENTION_COLUMNS)
    n = len(rows)
    by_name = dict(zip(A.MENTION_COLUMNS, columns, strict=True))
    texts = strings([v for name in _OLD_TEXT_COLUMNS for v in by_name[name]])
    data = []
    for name, values in by_name.items():
        if name in _OLD_INT_COLUMNS:
            data.append(np.array(values, dtype="int64"))
        elif name == "possessive":
            data.append(np.array(values, dtype=bool))
        else:
            i = _OLD_TEXT_COLUMNS.index(name)
            data.append(texts[i * n : (i + 1) * n])
    return frame(pd.Index(A.MENTION_COLUMNS), data)


def _old_actor_table(actor_rows):
    columns = list(zip(*actor_rows, strict=True)) if actor_rows else [()] * len(A.ACTOR_COLUMNS)
    n = len(actor_rows)
    aliases = np.empty(n, dtype=object)
    for i, names in enumerate(columns[4]):
        aliases[i] = list(names)
    names_kinds = strings([*columns[0], *columns[1]])
    return frame(
        pd.Index(A.ACTOR_COLUMNS),
        [
            names_kinds[:n],
            names_kinds[n:],
            *(np.array(c, dtype="int64") for c in columns[2:4]),
            aliases,
            *(np.array(c, dtype="int64") for c in columns[5:]),
        ],
    )


# --- texts -------------------------------------------------------------------------------------

_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# characters that make or break a capitalised token, and words around them
_CHARS = st.sampled_from(
    [*"AaIiSsTtÉéΩωЖж1 .-’'&/_\n“”\"", "’s", "'S", "I’m", "U.S.", "Jones' ", "Ab’ "]
)
_TOKEN_TEXT = st.lists(_CHARS, max_size=30).map("".join)


@_SETTINGS
@given(_TOKEN_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_cap_tokens_equal_the_old_ones(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    assert N._cap_tokens(text, start, end) == _old_cap_tokens(text, start, end)


def test_cap_tokens_split_possessives_and_drop_i():
    text = "Trump’s aide and Jones’ son met I and US-based Smith'S NATO' Davis' Obama'"
    got = [(t.text, t.possessive, t.lone_end) for t in N._cap_tokens(text, 0, len(text))]
    assert got == [
        ("Trump", True, False),
        ("Jones", True, False),
        ("US", False, True),
        ("Smith", True, False),
        ("NATO", False, False),
        ("Davis", True, False),
        ("Obama", False, False),
    ]
    assert N._cap_tokens(text, 0, len(text)) == _old_cap_tokens(text, 0, len(text))


def test_capitals_and_token_characters_are_alphanumeric():
    # the fast path of _cap_tokens rests on [^\W_] being str.isalnum() and every capital of
    # the token pattern being alphanumeric
    for c in map(chr, range(0x0530)):
        if c.isupper():
            assert c.isalnum()
    for c in map(chr, range(0x110000)):
        assert (N.re.fullmatch(r"[^\W_]", c) is not None) == c.isalnum()


_WORDS = st.sampled_from(
    """President Prime Minister Secretary of State Defense French Mr. Dr. Donald Trump the The
    he He his She her its Its him NATO U.S. Russia Russian Bank England for Economic Renewal
    Duchess Cambridge General Motors said and “He “The ” : O’Brien J. R. Jones Election Day
    There Then Thereafter hesitated ship MPs CEOs BMWs STOP BREAKING NATOs Mrs""".split()
)
_BODY = st.lists(
    st.lists(_WORDS, min_size=1, max_size=10).map(" ".join), min_size=1, max_size=5
).map(lambda ss: ". ".join(ss) + ".")


def _article(body: str) -> Article:
    return Article.from_text("A title\n\n" + body + "\n")


@_SETTINGS
@given(_BODY)
def test_title_prefix_equals_the_old_one(body):
    article = _article(body)
    text, lex = article.text, lexicon()
    for sent in article.sentences:
        for run in N._runs(text, N._cap_tokens(text, sent.start, sent.end), lex):
            assert N._title_prefix(text, run, lex) == _old_title_prefix(text, run, lex)


@_SETTINGS
@given(_BODY)
def test_strip_leading_and_candidates_equal_the_old_ones(body):
    article = _article(body)
    text, lex = article.text, lexicon()
    words = N.lower_words(article)
    for sent in article.sentences:
        for run in N._runs(text, N._cap_tokens(text, sent.start, sent.end), lex):
            for initial in (False, True):
                stripped = N._strip_leading(text, run, initial, words, lex)
                assert stripped == _old_strip_leading(text, run, initial, words, lex)
                if stripped:
                    args = (text, stripped, sent.sentence_id, sent.start, "forces", lex)
                    assert N._candidate(*args) == _old_candidate(*args)


_HEADLINE_WORDS = st.sampled_from(
    "Pence Flowers Won’t Be At at Debate Trump Was Mocking The the Of of In in Big Deal Said "
    "“He Russia Monday Is is And".split()
)


@_SETTINGS
@given(
    st.lists(
        st.lists(_HEADLINE_WORDS, min_size=1, max_size=9).map(" ".join), min_size=1, max_size=4
    )
)
def test_headline_equals_the_old_one(sentences):
    article = _article(". ".join(sentences) + ".")
    text, lex = article.text, lexicon()
    words = N.lower_words(article)
    for sent in article.sentences:
        tokens = N._cap_tokens(text, sent.start, sent.end)
        args = (text, sent.start, sent.end, tokens, words, lex)
        assert N._headline(*args) == _old_headline(*args)


def test_headline_in_title_case():
    text = "Pence: Flowers Won’t Be at Debate, Trump Was Mocking. He Is In The Deal"
    lex = lexicon()
    first, second = text.index("."), text.index("He")
    assert N._headline(text, 0, first, N._cap_tokens(text, 0, first), set(), lex)
    end = len(text)
    assert N._headline(text, second, end, N._cap_tokens(text, second, end), set(), lex)
    assert not N._headline(text, 0, 8, N._cap_tokens(text, 0, 8), set(), lex)


def test_articles_are_what_lower_cases_to_one_not_in_capitals():
    assert {c for c in map(chr, range(0x110000)) if c.lower() in set("thean")} == set("theanTHEAN")
    assert {
        w for w in ("The", "THe", "ThE", "tHE", "tHe", "thE", "the", "An", "aN", "an", "a")
    } == N._ARTICLES
    text = "The Hague, THE Times, An Post"
    runs = N._runs(text, N._cap_tokens(text, 0, len(text)), lexicon())
    stripped = [N._strip_leading(text, r, False, set(), lexicon()) for r in runs]
    assert [[t.text for t in r] for r in stripped] == [["The", "Hague"], ["THE", "Times"], ["Post"]]


@_SETTINGS
@given(st.text(st.sampled_from("STOPBREAKINGsopU’É"), max_size=9) | _WORDS)
def test_shouted_equals_the_old_one(word):
    assert N._shouted(word, lexicon()) == _old_shouted(word, lexicon())


def test_shouted_words_are_dictionary_or_function_words_in_capitals():
    lex = lexicon()
    words = ("STOP", "ABOUT", "FREE", "NATO", "Stop", "THE", "BREAKING")
    assert [N._shouted(w, lex) for w in words] == [True, True, True, False, False, False, False]


def test_title_prefix_of_one_word():
    text = "President Obama"
    lex = lexicon()
    toks = N._cap_tokens(text, 0, len(text))
    assert N._title_prefix(text, toks[:1], lex) == (1, "president", None, False)
    assert N._title_prefix(text, toks[1:], lex) == (0, None, None, False)
    assert N._title_prefix(text, toks, lex) == (1, "president", None, False)


@_SETTINGS
@given(st.lists(st.sampled_from(["A", "b", "J.", "O’Brien", "É", "1", " ", "\u00a0", "-"])))
def test_key_equals_the_old_one(pieces):
    name = "".join(pieces)
    assert N._key(name) == _old_key(name)


def test_key_drops_initials_and_keeps_a_plain_word():
    assert N._key("Jessica R. Jones") == "Jessica Jones"
    assert N._key("Trump") == "Trump"
    assert N._key("O’Brien") == "O'Brien"


@_SETTINGS
@given(_TOKEN_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_after_quote_equals_the_old_one(text, floor, start):
    start = min(start, len(text))
    assert N._after_quote(text, floor, start) == _old_after_quote(text, floor, start)


@_SETTINGS
@given(_BODY)
def test_openings_are_placed_in_their_sentences_as_before(body):
    for openings in (L._ROLE_OPENINGS, L._PRONOUN_OPENINGS, L._PRONOUN_OPENINGS[:2]):
        article = _article(body)
        new = L._starts(article, openings)
        assert [(pos, sent) for pos, _, sent in new] == _old_starts(article, openings)
        assert all(end == sent.end for _, end, sent in new)


def test_openings_are_placed_in_their_sentences():
    article = _article("The he said. He met the king. Then the")
    got = [(pos, s.sentence_id) for pos, _, s in L._starts(article, L._ROLE_OPENINGS)]
    text = article.text
    assert got == [(text.index("The"), 1), (text.index("the king"), 2)]  # the title is 0


_NAMES = st.sampled_from(["Donald Trump", "NATO", "he", "the alliance", "Zoë", "日本"])
_INTS = st.integers(-(2**40), 2**40)
_MENTION_ROW = st.tuples(_NAMES, _NAMES, _INTS, _INTS, _NAMES, _INTS, _NAMES, st.booleans(), _INTS)
_ACTOR_ROW = st.tuples(_NAMES, _NAMES, _INTS, _INTS, st.lists(_NAMES).map(tuple), *[_INTS] * 6)


def _same_table(new: pd.DataFrame, old: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new.dtypes.equals(old.dtypes)
    assert [b.dtype for b in new._mgr.blocks] == [b.dtype for b in old._mgr.blocks]


@_SETTINGS
@given(st.lists(_MENTION_ROW, max_size=6).map(tuple))
def test_mention_table_equals_the_old_one(rows):
    _same_table(A._mention_table(rows), _old_mention_table(rows))


@_SETTINGS
@given(st.lists(_ACTOR_ROW, max_size=6).map(tuple))
def test_actor_table_equals_the_old_one(rows):
    new, old = A._actor_table(rows), _old_actor_table(rows)
    _same_table(new, old)
    assert all(type(a) is list for a in new["aliases"])


def test_tables_of_an_article_equal_the_old_ones():
    article = _article("Defense Secretary Pete Hegseth met NATO. He said the alliance was strong.")
    mentions, actors = A.detection(article)
    table = A.mention_table(mentions)
    _same_table(table, _old_mention_table(mentions))
    _same_table(A.actor_table(actors), _old_actor_table(actors))
    spans = zip(table["start"], table["end"], strict=True)
    assert [article.text[s:e] for s, e in spans] == list(table["text"])
    assert list(table["text"]) == ["Defense Secretary Pete Hegseth", "NATO", "He", "the alliance"]
    assert list(table["linked_by"]) == ["name", "name", "pronoun", "role"]

"""Session 15's cheaper detection gives what it replaced (the replaced code is kept here as the
oracle)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import actors as A
from analysis import actors_lexicon as X
from analysis import actors_names as N
from analysis.actors_lexicon import lexicon
from analysis.article import Article
from analysis.errors import InputError

# --- session 14's code, the oracle ------------------------------------------------------------


def _old_cap_tokens(text: str, start: int, end: int) -> list[N.Tok]:
    toks: list[N.Tok] = []
    for m in N._cap_token_re().finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        if word.isalnum():
            if word != "I":
                possessive = e < end and text[e] in "’'" and N._possessive_after(text, e, end, word)
                toks.append(N.Tok(s, e, word, possessive))
            continue
        possessive = False
        if len(word) > 2 and word[-2] in "’'" and word[-1] in "sS":
            word, e, possessive = word[:-2], e - 2, True
        elif e < end and text[e] in "’'":
            possessive = N._possessive_after(text, e, end, word)
        lone = False
        if "-" in word:
            parts = word.split("-")
            if any(x[:1].islower() for x in parts[1:]):
                word, e, lone, possessive = parts[0], s + len(parts[0]), True, False
        if word != "I" and not word.startswith(("I’", "I'")):
            toks.append(N.Tok(s, e, word, possessive, lone))
    return toks


_PLAIN = re.compile(r"(?:[^’\s]+(?: [^’\s]+)*)?")


def _old_norm(text: str) -> str:
    if _PLAIN.fullmatch(text):
        return text
    return " ".join(text.replace("’", "'").split())


def _old_candidate(text, run, sentence_id, floor, after, lex):
    """The candidate a run names, or None; ``floor`` is where its sentence starts, ``after``
    the word after the run."""
    surface = N._surface(text, run)
    if surface in lex.stop:
        return None
    k, title, affiliation, of_phrase = N._title_prefix(text, run, lex)
    name = run[k:] if k else run  # the run itself unless a title leads it
    last = run[-1]
    if title is not None and name:
        lows = {t.text.lower() for t in name}
        if lows & lex.org_keywords:  # "General Motors" is a company, not General Motors
            k, title, affiliation, name = 0, None, None, run
    if title is not None and not name:
        if not of_phrase:
            return None  # a bare title ("President"): role phrases are found separately
        name, affiliation = run, None  # "Duchess of Cambridge" names a person
    if name is not run:
        surface = N._surface(text, name)
    entry = lex.names.get(surface) if title is None else None
    if len(name) == 1:  # most names: the token as written
        tokens, name_text = [last.text], last.text
    else:
        tokens, name_text = [t.text for t in name], text[name[0].start : last.end]
    # positional arguments: keywords would build a dictionary for every candidate
    cand = N.Cand(
        run[0].start,
        last.end,
        tokens,
        name_text,
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
        cand.linked_by = "name" if X.norm(entry.canonical) == surface else "alias"
        return cand
    if title is not None:
        return cand
    if surface in lex.demonyms:
        # an adjectival demonym is the state only when it heads an agent ("Russian forces")
        if after.lower() in N.AGENT_NOUNS and not last.possessive:
            cand.canonical, cand.kind, cand.linked_by = lex.demonyms[surface], "place", "alias"
            return cand
        return None
    if surface in lex.demonym_plurals:
        cand.kind = "group"
        return cand
    if last.text in lex.demonyms:
        return None  # "South American governments": an adjective, not a name
    if len(name) == 1:
        word = name[0].text
        if word[-1] == "s" and N._PLURAL_ACRONYM_RE.fullmatch(word):  # the pattern ends in "s"
            return None  # "MPs", "CEOs", "BMWs": a class of people or things
        if len(word) == 1:
            return None  # "T" of "T-shirt", a stray initial
        if N._shouted(word, lex):
            return None  # "STOP", "BREAKING": a word in capitals, not an acronym
    if last.text in N._PERIOD_WORDS:
        return None  # "Election Day", "Christmas Eve": a date, not an actor
    if N._numbered(text, last):
        return None  # "Article 5", "Flight 17": a thing with a number
    if len(name) == 1:
        if name[0].text.isupper() and len(name[0].text) > 6:
            return None  # shouted words in all capitals, not acronyms
        # the word before is read (by :func:`_kind`) only for a one-word name with neither
        # title nor kind: looked up for those alone
        prev = N._last_word(text, max(floor, run[0].start - 40), run[0].start)
        cand.preceded_by = prev.group(1).lower() if prev else ""
    return cand


def _old_names_in_sentence(article, sentence_id, lower_words, lex):
    sent = article.sentences[sentence_id]
    text = article.text
    start, end = sent.start, sent.end
    first_word = start
    if not sent.text[:1].isalnum():
        first_word = N._FIRST_WORD_RE.match(text, start, end).end()
    out = []
    tokens = _old_cap_tokens(text, start, end)
    if N._headline(text, start, end, tokens, lower_words, lex):
        tokens = [t for t in tokens if X.word_key(t.text) in lex.names]
    for run in N._runs(text, tokens, lex):
        opener = run[0]
        initial = opener.start == first_word or N._after_quote(text, start, opener.start)
        run = N._strip_leading(text, run, initial, lower_words, lex)
        if not run:
            continue
        initial = initial and run[0] is opener
        nxt = N._NEXT_WORD_RE.match(text, run[-1].end, end)
        after = nxt.group(1) if nxt else ""
        cand = _old_candidate(text, run, sentence_id, start, after, lex)
        if cand is not None:
            cand.initial = initial
            out.append(cand)
    return out


def _article(text: str) -> Article | None:
    try:
        return Article.from_text(text)
    except InputError:
        return None


# --- tokens of every sentence from one split --------------------------------------------------

# pieces that make capitalised tokens, abbreviations, possessives, hyphens and sentence ends
# inside and around tokens, datelines ("AFL-" of "AFL-CIO"), quotes and paragraph breaks
_PIECES = st.sampled_from(
    [
        "The", "the", "AFL", "CIO", "U", "S", "U.S.", "A.", "I", "I’m", "Trump", "NATO", "Élodie",
        "Ωmega", "x", "said", "-", "—", " - ", ".", ". ", "! ", "? ", "’s", "'s", "’", "'", "“",
        "”", '"', "&", "/", "_", "1", "2020S", " ", " ", " ", "\n", "\n\n", ",", ":", "Mr.",
        "Dr. ", "WASHINGTON", "(AP)", "based", "-based", "O’Brien", "…",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, min_size=1, max_size=60).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_TEXTS)
def test_sentence_tokens_equal_a_scan_per_sentence(text):
    article = _article(text)
    if article is None:
        return
    old = [_old_cap_tokens(article.text, s.start, s.end) for s in article.sentences]
    assert N.sentence_tokens(article) == old


def test_a_token_over_a_sentence_start_scans_each_sentence():
    # the dateline pattern takes "AFL--" for a place (a double hyphen is a dash): the body
    # starts inside "AFL--CIO", whose match in the whole text runs over the first sentence's start
    text = "AFL--CIO to endorse Clinton.\n\nThe AFL-CIO political committee met Friday, Trump said."
    article = Article.from_text(text)
    assert article.dateline is not None and article.sentences[0].text.startswith("CIO")
    tokens = N.sentence_tokens(article)
    assert [[t.text for t in ts] for ts in tokens] == [
        ["Clinton"],  # "CIO" follows a hyphen: no token of its own
        ["The", "AFL-CIO", "Friday", "Trump"],
    ]
    assert tokens == [_old_cap_tokens(text, s.start, s.end) for s in article.sentences]


def test_a_hyphenated_name_opening_the_text_is_no_dateline():
    # session 28: a lone hyphen with no space after it joins a word ("AFL-CIO", "U.S.-born")
    text = "AFL-CIO to endorse Clinton.\n\nThe AFL-CIO political committee met Friday, Trump said."
    article = Article.from_text(text)
    assert article.dateline is None
    assert [[t.text for t in ts] for ts in N.sentence_tokens(article)] == [
        ["AFL-CIO", "Clinton"],
        ["The", "AFL-CIO", "Friday", "Trump"],
    ]


def test_sentence_tokens_of_an_article():
    text = (
        "Defense Secretary Pete Hegseth’s aides met NATO officials in Brussels.\n\n"
        "“I’m here,” said O’Brien of the U.S. Embassy. The US-based group agreed."
    )
    article = Article.from_text(text)
    tokens = N.sentence_tokens(article)
    assert tokens == [_old_cap_tokens(text, s.start, s.end) for s in article.sentences]
    assert [(t.text, t.possessive, t.lone_end) for t in tokens[0]] == [
        ("Defense", False, False),
        ("Secretary", False, False),
        ("Pete", False, False),
        ("Hegseth", True, False),
        ("NATO", False, False),
        ("Brussels", False, False),
    ]
    assert [t.text for t in tokens[2]] == ["The", "US"]
    assert tokens[2][1].lone_end


def test_detection_reads_the_tokens_of_one_split(monkeypatch):
    article = Article.from_text("Pete Hegseth met NATO officials. He said Hegseth was there.")
    calls = []
    monkeypatch.setattr(N, "_cap_tokens", lambda *a: calls.append(a) or _old_cap_tokens(*a))
    rows = A._detect(article, A._DEFAULT_KEY)
    assert calls == []
    assert [(r[0], r[4], r[6]) for r in rows] == [
        ("Pete Hegseth", "Pete Hegseth", "name"),
        ("NATO", "NATO", "name"),
        ("Pete Hegseth", "He", "pronoun"),
        ("Pete Hegseth", "Hegseth", "name"),
    ]


# --- norm by string methods -----------------------------------------------------------------

_NORM_TEXT = st.lists(
    st.sampled_from(
        ["Bank", "of", "O’Brien", "’", "'", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "x"]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NORM_TEXT)
def test_norm_equals_the_regex_test(text):
    assert X.norm(text) == _old_norm(text)


def test_norm_of_forms():
    assert X.norm("Bank of England") == "Bank of England"
    assert X.norm(" Bank\u00a0of\n England ") == "Bank of England"
    assert X.norm("O’Brien’s") == "O'Brien's"
    assert X.norm("") == ""
    assert X.norm("   ") == ""
    word = "".join(["Tru", "mp"])
    assert X.norm(word) is word  # a normal word comes back as it is


# --- the words before and after a name by string methods --------------------------------------

_AROUND = st.lists(
    st.sampled_from(
        [
            "said", "Smith", "in", " ", " ", ", ", ",", "’s ", "'s ", "’s", "'", "’", "’s.", "-",
            "_", "“", "”", '"', "‘", "(", ")", ".", "!", "?", ";", ":", "—", "–", "\n", "\t",
            "\u00a0", "42", "Éa", "x_y", "O’Brien", "U.S.", "…", "s", "s ",
        ]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(_AROUND, _AROUND, st.data())
def test_word_after_equals_the_regex(before, after, data):
    # the name ends where two pieces meet; the sentence ends anywhere after it
    text, pos = before + after, len(before)
    end = data.draw(st.integers(pos, len(text)))
    m = N._NEXT_WORD_RE.match(text, pos, end)
    assert N._word_after(text, pos, end) == (m.group(1) if m else "")


@settings(max_examples=1500, deadline=None)
@given(_AROUND, _AROUND, st.data())
def test_word_before_equals_the_regex(before, after, data):
    # the name starts where two pieces meet; the window opens anywhere before it (or after)
    text, hi = before + after, len(before)
    lo = data.draw(st.integers(0, hi + 1))
    m = N._LAST_WORD_RE.search(text, lo, hi)
    assert N._word_before(text, lo, hi) == (m.group(1).lower() if m else "")


def test_words_around_names():
    text = "Officials told “Smith, who said Smith’s plan (Jones) worked."
    assert N._word_after(text, text.index(", who"), len(text)) == "who"
    assert N._word_after(text, text.index("’s plan"), len(text)) == "plan"
    assert N._word_after(text, text.index(") worked"), len(text)) == ""  # a bracket stops it
    assert N._word_after(text, len(text) - 1, len(text)) == ""
    assert N._word_before(text, 0, text.index("Smith")) == "told"
    assert N._word_before(text, 0, text.index("Jones")) == "plan"
    assert N._word_before(text, text.index("Smith"), text.index("Smith")) == ""


# --- a one-word run decided from its word's memo ----------------------------------------------

_LEX = lexicon()
# words of every kind the verdicts tell apart: gazetteer names and aliases, demonyms and their
# plurals, titles, stop words, function and calendar words, period words, acronyms, shouted
# words, given names, dictionary words, adverbs, and words the body writes in lower case
_NAME_WORDS = st.sampled_from(
    [
        "NATO", "EU", "Britain", "U.S.", "UK", "Russia", "Russian", "Russians", "British",
        "French", "President", "Secretary", "Defense", "Prime", "Minister", "Pete", "Hegseth",
        "Donald", "Trump", "Mary", "Smith", "The", "A", "An", "THE", "But", "He", "She", "It",
        "Monday", "May", "March", "Day", "Eve", "Year", "Election", "MPs", "CEOs", "BREAKING",
        "STOP", "WASHINGTON", "T", "Officials", "Happily", "Existing", "Dozens", "Bank", "of",
        "England", "Article", "Flight", "Mr.", "Dr.", "General", "Motors", "Duchess", "Cambridge",
        "Amazon", "Labour", "Party", "Hague", "Ukraine", "Kyiv", "Paris", "Carle", "Gao", "Ping",
        "Good", "Apple", "Obama", "O’Brien", "Trump’s", "Jones’",
    ]
)  # fmt: skip
_LOWER_WORDS = st.sampled_from(
    [
        "said", "officials", "existing", "dozens", "good", "apple", "government", "forces",
        "the", "in", "at", "of", "and", "5", "17", "told", "happily", "party", "president",
    ]
)  # fmt: skip
_GLUE = st.sampled_from([" ", " ", " ", ", ", ". ", "’s ", ": ", " “", "” ", " 5 ", "\n\n"])
_NAME_TEXTS = st.lists(
    st.tuples(st.one_of(_NAME_WORDS, _LOWER_WORDS), _GLUE), min_size=1, max_size=40
).map(lambda pairs: "".join(w + g for w, g in pairs).strip() + ".")


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NAME_TEXTS)
def test_names_in_sentence_equal_the_old_candidates(text):
    article = _article(text)
    if article is None:
        return
    N._WORD_FACTS.clear()
    old_words, new_words = N.lower_words(article), N.lower_words(article)
    tokens = N.sentence_tokens(article)
    for sent in article.sentences:
        i = sent.sentence_id
        old = _old_names_in_sentence(article, i, old_words, _LEX)
        assert N.names_in_sentence(article, i, new_words, _LEX, tokens[i]) == old
        assert N.names_in_sentence(article, i, new_words, _LEX) == old  # the memo warm
    # the body's lower-case words asked in the same order: the same scans and listing
    assert list(new_words._known.items()) == list(old_words._known.items())
    assert new_words._budget == old_words._budget


def test_one_word_facts():
    N._WORD_FACTS.clear()
    facts = {
        w: N._one_word(w, _LEX)
        for w in (
            "The",
            "Monday",
            "But",
            "Officials",
            "NATO",
            "Russian",
            "Russians",
            "President",
            "MPs",
            "Trump",
        )
    }
    assert facts["The"][:2] == (True, N._OPENER_DROPPED)  # an article, dropped anywhere
    assert facts["Monday"][0] is True
    assert facts["But"][:2] == (False, N._OPENER_DROPPED)  # a function word opening a sentence
    assert facts["Officials"][1] == N._OPENER_ASKS  # dropped only if the body says "officials"
    assert facts["NATO"] == (False, N._OPENER_KEPT, (N._KEEP, "NATO", "organisation", "name"))
    assert facts["Russian"][2] == (N._DEMONYM, "Russia", "place", "alias")
    assert facts["Russians"][2] == (N._KEEP, None, "group", "name")
    assert facts["President"][2] == N._REJECTED  # a bare title
    assert facts["MPs"][2] == N._REJECTED
    # not a dictionary word: as a sentence's first, dropped only if the body says "trump"
    assert facts["Trump"] == (False, N._OPENER_ASKS, (N._PLAIN, None, None, "name"))
    assert N._WORD_FACTS["Trump"] is facts["Trump"]


def test_one_word_memo_follows_the_lexicon_and_its_bound(monkeypatch):
    N._WORD_FACTS.clear()
    N._one_word("Trump", _LEX)
    other = dataclasses.replace(
        _LEX, names={**_LEX.names, "Trump": X.Entry("Trump", "person", "place")}
    )
    assert N._one_word("Trump", other)[2] == (N._KEEP, "Trump", "person", "name")
    assert N._one_word("Trump", _LEX)[2] == (N._PLAIN, None, None, "name")
    monkeypatch.setattr(N, "WORD_FACTS_LIMIT", 2)
    N._one_word("NATO", _LEX)
    assert len(N._WORD_FACTS) == 2
    N._one_word("EU", _LEX)  # full: emptied first
    assert list(N._WORD_FACTS) == ["EU"]


def test_names_of_an_article_with_the_memo():
    text = (
        "Officials said Russian forces moved. The Russians left Monday, NATO said.\n\n"
        "President Trump met Smith. Smith’s plan, Article 5 and the MPs stayed. Existing rules. "
        "A Russian’s forces."
    )
    article = Article.from_text(text)
    N._WORD_FACTS.clear()
    words = N.lower_words(article)
    cands = [
        c
        for s in article.sentences
        for c in N.names_in_sentence(article, s.sentence_id, words, _LEX)
    ]
    assert [
        (
            c.name_text,
            c.canonical,
            c.kind,
            c.linked_by,
            c.title,
            c.preceded_by,
            c.followed_by,
            c.initial,
        )
        for c in cands
    ] == [
        ("Officials", None, None, "name", None, "", "said", True),
        ("Russian", "Russia", "place", "alias", None, "", "forces", False),
        ("Russians", None, "group", "name", None, "", "left", False),
        ("NATO", "NATO", "organisation", "name", None, "", "said", False),
        ("Trump", None, None, "name", "president", "", "met", True),
        ("Smith", None, None, "name", None, "met", "", False),
        ("Smith", None, None, "name", None, "", "plan", True),
    ]


# --- a headline's capitals tested on the first token first -------------------------------------


def _old_headline(text, start, end, tokens, lower_words, lex):
    if text[start:end].isupper():
        return True
    return N._headline(text, start, end, tokens, lower_words, lex)  # past that test, the same


_CASED = st.lists(
    st.sampled_from(
        ["THE", "The", "the", "NATO", "Nato", "ǅemal", "ǄEMAL", "2020S", "U.S.", " ", " ", "’S",
         "Trump", "AND", "And", "of", "OF", "Ω", "ω", "-", ",", "“", "1"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(_CASED)
def test_headline_equals_the_whole_sentence_test(text):
    tokens = _old_cap_tokens(text, 0, len(text))
    words = N.LowerWords(text, 0, len(text))
    assert N._headline(text, 0, len(text), tokens, words, _LEX) == _old_headline(
        text, 0, len(text), tokens, words, _LEX
    )


def test_headline_in_capitals():
    for text, shouted in [("NATO SAID NO.", True), ("NATO said no.", False), ("2020S", True)]:
        tokens = _old_cap_tokens(text, 0, len(text))
        assert N._headline(text, 0, len(text), tokens, (), _LEX) is shouted


# --- the actor table's aliases in one conversion -----------------------------------------------


def _old_aliases(actor_rows):
    aliases = np.empty(len(actor_rows), dtype=object)
    for i, row in enumerate(actor_rows):
        aliases[i] = list(row[4])
    return aliases


_ACTOR_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["NATO", "Pete Hegseth", "Russia"]),
        st.sampled_from(["person", "organisation", "place", "group"]),
        st.integers(1, 9),
        st.integers(0, 9),
        st.lists(st.sampled_from(["NATO", "the alliance", "Hegseth", ""]), max_size=3).map(tuple),
        *[st.integers(0, 9)] * 6,
    ),
    max_size=6,
).map(tuple)


@settings(max_examples=200, deadline=None)
@given(_ACTOR_ROWS)
def test_actor_table_aliases_equal_the_item_by_item_column(rows):
    table = A.actor_table(rows)
    old = _old_aliases(rows)
    assert table["aliases"].dtype == object and len(table) == len(rows)
    assert table["aliases"].tolist() == old.tolist()
    assert all(type(v) is list for v in table["aliases"])
    again = A.actor_table(rows)  # each table its own lists
    assert all(a is not b for a, b in zip(table["aliases"], again["aliases"], strict=True))


def test_actor_table_aliases():
    rows = (("NATO", "organisation", 2, 0, ("NATO", "the alliance"), 1, 1, 0, 1, 0, 5),)
    table = A.actor_table(rows)
    assert table["aliases"].tolist() == [["NATO", "the alliance"]]
    assert A.actor_table(())["aliases"].dtype == object

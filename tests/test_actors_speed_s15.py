"""Session 15's cheaper detection gives what it replaced (the replaced code is kept here as the
oracle)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import actors as A
from analysis import actors_lexicon as X
from analysis import actors_names as N
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
    # the dateline pattern takes "AFL-" for a place: the body starts inside "AFL-CIO", whose
    # match in the whole text runs over the first sentence's start
    text = "AFL-CIO to endorse Clinton.\n\nThe AFL-CIO political committee met Friday, Trump said."
    article = Article.from_text(text)
    assert article.dateline is not None and article.sentences[0].text.startswith("CIO")
    tokens = N.sentence_tokens(article)
    assert [[t.text for t in ts] for ts in tokens] == [
        ["Clinton"],  # "CIO" follows a hyphen: no token of its own
        ["The", "AFL-CIO", "Friday", "Trump"],
    ]
    assert tokens == [_old_cap_tokens(text, s.start, s.end) for s in article.sentences]


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

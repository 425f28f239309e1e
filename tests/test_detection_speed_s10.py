"""Session 10's cheaper actor detection and readability give the answers of what they replaced."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.article import Article

# --- lower-case words: scans before listing ------------------------------------------------------


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet="ab A-'’_9é \n", max_size=30),
    st.lists(st.text(alphabet="ab-'’", min_size=1, max_size=4), min_size=1, max_size=12),
    st.integers(0, 3),
)
def test_lower_words_agree_with_the_regex_whatever_the_scan_budget(text, words, scans):
    from analysis.actors_names import _LOWER_WORD_RE, LowerWords

    listed = set(_LOWER_WORD_RE.findall(text))
    lower_words = LowerWords(text, 0, len(text), scans)
    assert [word in lower_words for word in words] == [word in listed for word in words]


def test_detection_scans_the_body_for_dozens_of_words_before_listing_it():
    from analysis.actors_names import lower_words

    body = "the cat sat on the mat. " * 4  # 96 characters
    article = Article.from_text(body)
    words = lower_words(article)
    misses = [f"dog{c}" for c in "abcdefghij"]  # ten misses read the whole body ten times
    assert not any(word in words for word in misses)
    assert "mat" in words and "Mat" not in words
    assert words._listed is None  # 2 body lengths (the class default) would have listed it


# --- role and pronoun patterns tried only where their openings are -----------------------------


class _Body:
    """The parts of an Article that the pattern scans read, with sentences anywhere (the
    segmenter's always lie between white space; these need not)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        from analysis.article import Sentence

        self.text, self.memo = text, {}
        self.body_start, self.body_end = (spans[0][0], spans[-1][1]) if spans else (0, 0)
        self.sentences = [Sentence(i, 0, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Sentences between pairs of cuts, from the start to the end, with gaps between some."""
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    return list(zip(bounds[::2], bounds[1::2], strict=False))


_GAPS = [" ", " ", " ", "  ", "-", "’", "'", ".", "\n", ", ", "“", ""]
_PRONOUN_WORDS = "he He her Her his His him himself hers herself she She its Its it Hi hat sheets x"
_ROLE_WORDS = "the The they other president President ministers alliance bank U.S. French new x"


def _pattern_cases():
    from analysis import actors_links as links

    return {
        "pronoun": (_PRONOUN_WORDS, links._PRONOUN_RE, links._PRONOUN_OPENINGS),
        "person role": (_ROLE_WORDS, links._person_role_re(), links._ROLE_OPENINGS),
        "organisation role": (_ROLE_WORDS, links._org_role_re(), links._ROLE_OPENINGS),
    }


@pytest.mark.parametrize("case", ["pronoun", "person role", "organisation role"])
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_sentence_matches_equal_finditer_over_each_sentence(case, data):
    from analysis import actors_links as links

    words, pattern, openings = _pattern_cases()[case]
    pieces = st.tuples(st.sampled_from(words.split()), st.sampled_from(_GAPS))
    text = "".join(w + gap for w, gap in data.draw(st.lists(pieces, max_size=30)))
    article = _Body(text, _spans(text, data.draw(st.lists(st.integers(0, 150), max_size=9))))
    expected = [
        (s.sentence_id, m.span())
        for s in article.sentences
        for m in pattern.finditer(text, s.start, s.end)
    ]
    found = links._sentence_matches(article, pattern, openings)
    assert [(s.sentence_id, m.span()) for s, m in found] == expected


def test_pronouns_are_whole_words_after_no_letter_apostrophe_or_hyphen():
    from analysis import actors_links as links

    text = "She saw his hat; ‘Its’ the-he sheets it’s his"
    article = _Body(text, [(0, 16), (17, len(text))])
    found = links._sentence_matches(article, links._PRONOUN_RE, links._PRONOUN_OPENINGS)
    # "the-he" (a hyphen before), "sheets" and "it’s" are no pronouns; "Its" after a quote is
    assert [(s.sentence_id, m.group()) for s, m in found] == [
        (0, "She"),
        (0, "his"),
        (1, "Its"),
        (1, "his"),
    ]


# --- quotations found by str.find ---------------------------------------------------------------


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet='“”"\n a’', max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_quotation_spans_equal_the_regex(text, lo, hi):
    from analysis.actors_links import _QUOTATION_RE, quotation_spans

    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    expected = [m.span() for m in _QUOTATION_RE.finditer(text, lo, hi)]
    assert quotation_spans(text, lo, hi) == expected


def test_quotations_close_at_the_first_mark_that_may_close_them():
    from analysis.actors_links import quotation_spans

    text = 'a “b “c” d” "e\nf" "g" “h'
    # “b fails at the second “; "e fails at the line break; f" opens "f" " (a quotation of
    # one space) and g" opens nothing; “h is never closed
    assert [text[s:e] for s, e in quotation_spans(text, 0, len(text))] == ["“c”", '" "']


# --- titles matched in any case by case-sensitive classes ----------------------------------------


def test_any_case_classes_match_what_ignore_case_matches():
    import re
    import sys

    from analysis.actors_links import _any_case

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for char in "abcdefghijklmnopqrstuvwxyz -.'":
        expected = re.findall(f"(?i:{re.escape(char)})", everything)
        assert re.findall(_any_case(char), everything) == expected, char
    assert re.findall(_any_case("k"), everything) == ["K", "k", "\u212a"]  # the Kelvin sign


_TITLE_WORDS = ["the", "The", "THE", "vice", "VICE", "president", "President", "PRESIDENT"]
_TITLE_WORDS += ["prime", "minister", "Ministers", "ſecretary", "\u212aing", "kıng", "general"]
_TITLE_WORDS += ["French", "former", "chief", "Chief", "of", "Smith", "x"]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(_TITLE_WORDS), st.sampled_from([" ", " ", "’s ", ", ", "-"])),
        max_size=14,
    ).map(lambda pairs: "".join(word + gap for word, gap in pairs))
)
def test_person_role_pattern_equals_its_ignore_case_form(text):
    import re

    from analysis.actors_lexicon import GENERIC_TITLES, lexicon
    from analysis.actors_links import _alternation, _person_role_re

    titles = [t for t in lexicon().titles if t not in GENERIC_TITLES and not t.endswith(".")]
    spelled = _alternation(titles, ignore_case=True)
    assert "(?i:" not in spelled  # the titles are lower-case ASCII: spelled out in classes
    pattern = _person_role_re()
    ignoring = re.compile(pattern.pattern.replace(spelled, f"(?i:{_alternation(titles)})"))
    assert ignoring.pattern != pattern.pattern
    found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in ignoring.finditer(text)]


_POSSESSIVE_WORDS = [*_ROLE_WORDS.split(), "U.S.-based", "Big", "military", "the-x", "party’s"]
_POSSESSIVE_GAPS = [" ", "  ", " \n ", "’s ", ", ", "-", ""]


@pytest.mark.parametrize("name", ["_person_role_re", "_org_role_re"])
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_role_patterns_equal_their_forms_without_possessive_runs(name, data):
    import re

    from analysis import actors_links as links

    pattern = getattr(links, name)()
    forgiving = re.compile(pattern.pattern.replace("*+", "*").replace("++", "+"))
    assert forgiving.pattern != pattern.pattern
    pieces = st.tuples(st.sampled_from(_POSSESSIVE_WORDS), st.sampled_from(_POSSESSIVE_GAPS))
    text = "".join(w + gap for w, gap in data.draw(st.lists(pieces, max_size=14)))
    found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in forgiving.finditer(text)]

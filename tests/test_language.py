"""Language and script detection: hand-checked guesses, and the plain-Latin shortcut proved
exact over every Unicode code point."""

from __future__ import annotations

import sys

from analysis import language
from analysis.language import detect_language, dominant_script

ENGLISH = (
    "The minister said on Tuesday that the plan would be delayed, and her office was not able to "
    "say when the vote on the budget will be held after the summer."
)


def test_english_news_sentence_is_english_and_latin():
    guess = detect_language(ENGLISH)
    assert (guess.language, guess.script, guess.n_words) == ("en", "Latin", 31)
    # The, said, on, that, the, would, be, and, her, was, not, to, when, the, on, the, will, be,
    # after, the
    assert guess.share == 20 / 31


def test_curly_quotes_currency_and_bom_stay_latin():
    assert dominant_script("\ufeff“It costs €5,” she said — ‘twice’ last year’s £2.5.") == "Latin"


def test_cyrillic_and_greek_letters_outvote_latin():
    assert dominant_script("Москва и Kyiv") == "Cyrillic"
    assert dominant_script("Αθήνα και Athens") == "Greek"
    assert detect_language("Москва " * 30).language == language.UNDETERMINED


def test_latin1_word_characters_outside_latin_take_the_full_count():
    # µ (MICRO SIGN) and ² are word characters outside the Latin blocks: the full count sees
    # them, so the shortcut must not answer for a text containing them
    assert language._BEYOND_LATIN_RE.search("5 µm²") is not None
    assert dominant_script("µµµ a") == "Micro"
    assert dominant_script("µ abc") == "Latin"


def test_plain_latin_shortcut_never_hides_a_counted_letter():
    """No character the shortcut lets through is one the full regex would count."""
    hidden = [
        code
        for code in range(sys.maxunicode + 1)
        if language._BEYOND_LATIN_RE.match(chr(code)) is None
        and language._NON_LATIN_LETTER_RE.match(chr(code)) is not None
    ]
    assert hidden == []
    assert language._BEYOND_LATIN_RE.match("ж") is not None

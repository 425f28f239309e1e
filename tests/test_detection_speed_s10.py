"""Session 10's cheaper actor detection and readability give the answers of what they replaced."""

from __future__ import annotations

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

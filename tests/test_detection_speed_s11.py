"""Session 11's cheaper readability counting, language guess and detection give the answers of
what they replaced (the replaced code is kept here as the oracle)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import readability as R
from analysis.article import Article
from analysis.errors import InputError

# --- readability: known pieces looked up all at once ------------------------------------------


def _old_count_sentences(article: Article) -> np.ndarray:
    """Session 10's ``_count_sentences``: every piece classified in Python."""
    text = article.text
    rows: list[bytes | None] = []
    append = rows.append
    word_row = R._word_row
    initial_after = R._INITIAL_AFTER
    acronym = R._ACRONYM_RE.fullmatch
    capitalised: list[str] = []
    openers: list[tuple[int, str]] = []
    ends = [0]
    for sentence in article.sentences:
        previous = ""
        for piece in text[sentence.start : sentence.end].split():
            if piece.isalnum():
                word = piece
            elif piece[:-1].isalnum() and piece[-1] != "%":
                word = piece[:-1]
            else:
                word = None
            if word is not None and not word[0].isupper():
                append(word_row(word))
                previous = piece
                continue
            before = previous[-1] if previous else None
            if word is None:
                words = R._chunk_tokens(piece, before)
            else:
                words = ((word, before is None or before in initial_after),)
            for word, initial in words:
                if not word[0].isupper():
                    append(word_row(word))
                elif not initial:
                    append(word_row(word, True))
                    capitalised.append(word)
                elif acronym(word):
                    append(word_row(word, len(word) > 1))
                else:
                    openers.append((len(rows), word))
                    append(None)
            previous = piece
        ends.append(len(rows))
    if openers:
        names = frozenset(map(R._base, capitalised))
        for i, word in openers:
            rows[i] = word_row(
                word, R._base(word) in names and not R.is_familiar(word.lower().replace("’", "'"))
            )
    n = len(ends) - 1
    out = np.empty((n, len(R.COUNT_COLUMNS)), dtype=np.int64)
    out[:, 0] = 1
    out[:, 1] = np.diff(ends)
    packed = np.frombuffer(b"".join(rows), dtype=np.int64).reshape(-1, 6)
    for k in range(n):
        out[k, 2:] = packed[ends[k] : ends[k + 1]].sum(axis=0)
    return out


# pieces of one lower-case word with and without a mark, capitals, quotes and dashes glued to
# words, digit groups, possessives, pieces without a word, several kinds of white space
_PIECE_TEXT = st.lists(
    st.sampled_from(
        [
            *"the said, said (the “the troops’ Trump Trump, The “The U.S. U.S.’s 50,000 28% "
            "well—and — - : Biden: yes. Yes! e.g. x-ray 3.5 iPhone état Été _ ' ’s".split(),
            *[" ", "  ", "\n", "\n\n", "\t", "\u00a0", ". ", "? "],
        ]
    ),
    max_size=40,
).map(" ".join)


def _article(body: str) -> Article | None:
    try:
        return Article.from_text("Body " + body)
    except InputError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECE_TEXT, st.booleans())
def test_counting_with_known_pieces_equals_the_old_pass(body, cold):
    article = _article(body)
    if article is None:
        return
    if cold:
        R._PIECE_ROWS.clear()
    expected = _old_count_sentences(article)
    assert R._count_sentences(article).tolist() == expected.tolist()
    # the second time every piece of one lower-case word is known
    assert R._count_sentences(article).tolist() == expected.tolist()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECE_TEXT)
def test_counting_in_blocks_and_with_a_full_memo_equals_the_old_pass(body):
    article = _article(body)
    if article is None:
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(R, "_SENTENCES_PER_BLOCK", 2)
        mp.setattr(R, "_PIECE_ROWS_MAX", 3)  # emptied again and again
        assert R._count_sentences(article).tolist() == _old_count_sentences(article).tolist()
    assert len(R._PIECE_ROWS) <= 3 or R._PIECE_ROWS_MAX != 3


def test_known_pieces_hold_one_row_of_one_lower_case_word():
    R._PIECE_ROWS.clear()
    article = Article.from_text("“Trump said, the troops’ state — well—and (the U.S.’s 50,000.")
    (row,) = R._count_sentences(article).tolist()
    # Trump, said, the, troops, state, well, and, the, U.S.’s, 50,000
    assert row[:2] == [1, 10]
    assert [row] == _old_count_sentences(article).tolist()
    # "the" twice, "(the" and "the" give the same row; capitals, "well—and" (two words) and
    # "—" (none) are not kept
    assert set(R._PIECE_ROWS) == {"said,", "the", "troops’", "state", "(the", "50,000."}
    assert R._PIECE_ROWS["(the"] == R._PIECE_ROWS["the"] == R._word_row("the")
    assert R._PIECE_ROWS["said,"] == R._word_row("said")
    assert R._PIECE_ROWS["50,000."] == R._word_row("50,000")

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
        R._CAPITAL_PIECES.clear()
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
    R._PIECE_ROWS.clear()
    R._CAPITAL_PIECES.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(R, "_SENTENCES_PER_BLOCK", 2)
        mp.setattr(R, "_PIECE_ROWS_MAX", 3)  # emptied again and again
        expected = _old_count_sentences(article).tolist()
        assert R._count_sentences(article).tolist() == expected
        assert R._count_sentences(article).tolist() == expected
        assert len(R._PIECE_ROWS) <= 3 and len(R._CAPITAL_PIECES) <= 3


def test_known_pieces_hold_one_row_of_one_lower_case_word():
    R._PIECE_ROWS.clear()
    R._CAPITAL_PIECES.clear()
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


# --- language: byte counts of the UTF-8 form instead of a regex pass and a UCS-2 lower() ------


def _old_dominant_script(text: str) -> str:
    from analysis import language as L

    if L._BEYOND_LATIN_RE.search(text) is None:
        return "Latin"
    non_latin = len(L._NON_LATIN_LETTER_RE.findall(text))
    if 2 * non_latin <= sum(map(str.isalpha, text)) if non_latin else True:
        return "Latin"
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = L._script_of(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "Latin"


def _old_detect_language(text: str):
    """Session 10's ``detect_language``."""
    from collections import Counter

    from analysis import language as L

    sample = text[: L.SAMPLE_CHARS]
    script = _old_dominant_script(sample)
    tokens = sample.lower().split()
    n = len(tokens)
    words = Counter(filter(L._ALL_FUNCTION_WORDS.__contains__, tokens))
    if script != "Latin":
        return L.LanguageGuess(L.UNDETERMINED, 0.0, n, script)
    best, best_hits = L.UNDETERMINED, 0
    for code, vocabulary in L.FUNCTION_WORDS.items():
        hits = sum(words[w] for w in vocabulary & words.keys())
        if hits > best_hits:
            best, best_hits = code, hits
    share = best_hits / n if n else 0.0
    if n < L.MIN_WORDS or share < L.MIN_SHARE:
        return L.LanguageGuess(L.UNDETERMINED, share, n, script)
    return L.LanguageGuess(best, share, n, script)


def test_utf8_profile_is_exact_for_every_code_point():
    """Plain Latin by the bytes implies no character for the regex; a UTF-8 form handed back
    lowers as bytes exactly as the text lowers as a string."""
    from analysis import language as L

    wrong_plain, wrong_lower, plain_count, caseless_count = [], [], 0, 0
    for code in range(0x110000):
        char = chr(code)
        plain, data = L._utf8_profile(char)
        if plain:
            plain_count += 1
            if L._BEYOND_LATIN_RE.search(char) is not None:
                wrong_plain.append(code)
        if data is not None:
            caseless_count += 1
            if data.lower().decode() != char.lower():
                wrong_lower.append(code)
    assert wrong_plain == [] and wrong_lower == []
    # ASCII, U+0080-U+023F but the nine Latin-1 word characters, U+2000-U+203F and "€"
    assert plain_count == 0x240 - 9 + 0x40 + 1
    # ASCII, U+0080-U+00BF, U+2000-U+203F and "€"
    assert caseless_count == 0xC0 + 0x40 + 1


_LANGUAGE_TEXT = st.text(
    alphabet=st.sampled_from(
        list("the of and le der que é É Σσ ж Ж İ \u212a µ ² ½ “”’—…€£")
        + list("\u00a0\u2028\u3000\ufeff\ud800xX\n\t")
    ),
    max_size=80,
)


@settings(max_examples=500, deadline=None)
@given(_LANGUAGE_TEXT)
def test_utf8_profile_holds_for_whole_texts(text):
    from analysis import language as L

    plain, data = L._utf8_profile(text)
    if plain:
        assert L._BEYOND_LATIN_RE.search(text) is None
    if data is not None:
        assert data.lower().decode() == text.lower()
    assert L.dominant_script(text) == _old_dominant_script(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "the The THE of and de la le les der die und que para y e il è più été Été ÉTÉ "
            "über Über São são não NÃO was “the” — … € £ µm ² x Москва Αθήνα 東京".split()
        ),
        max_size=60,
    ),
    st.sampled_from([" ", "\n", "\u00a0", "\u2003", "  "]),
)
def test_language_guess_equals_the_old_one(words, space):
    from analysis import language as L

    text = space.join(words)
    assert L.detect_language(text) == _old_detect_language(text)


def test_language_guess_of_english_with_curly_quotes_is_unchanged():
    from analysis import language as L

    text = "“The minister said — on Tuesday — that the plan would be delayed,” and her office " * 3
    guess = L.detect_language(text)
    assert guess == _old_detect_language(text)
    # 16 white-space tokens a line, the dashes among them
    assert (guess.language, guess.script, guess.n_words) == ("en", "Latin", 48)
    assert L._utf8_profile(text)[0] and L._utf8_profile(text)[1] == text.encode()
    # one capitalised word: its rows as a name and as an initial acronym, and whether the piece
    # itself makes it an initial ("“Trump": an opening quote) or the previous piece decides
    assert R._CAPITAL_PIECES["“Trump"] == ("Trump", True, R._word_row("Trump", True), None)
    assert R._CAPITAL_PIECES["U.S.’s"] == (
        "U.S.’s",
        None,
        R._word_row("U.S.’s", True),
        R._word_row("U.S.’s", True),
    )
    assert "well—and" not in R._CAPITAL_PIECES and "—" not in R._CAPITAL_PIECES


@pytest.mark.parametrize(
    "body",
    [
        "He said “The troops left.” The troops left. “The troops” said The Times.",
        "Trump spoke. Then Trump left: Trump. (Trump) said Biden, and Biden’s aide.",
        "The U.S. said NATO. NATO’s U.S.’s allies met in the U.S. and the UK, said UK (UK).",
    ],
)
def test_capitalised_pieces_count_alike_wherever_they_stand(body):
    R._CAPITAL_PIECES.clear()
    article = Article.from_text(body)
    expected = _old_count_sentences(article).tolist()
    assert R._count_sentences(article).tolist() == expected  # the memo filled
    assert R._count_sentences(article).tolist() == expected  # and read


# --- the article's hash: its text's ---------------------------------------------------------


def test_equal_articles_hash_alike_and_a_hash_reads_no_block():
    text = "Title\n\nBy Jane Doe\n\nLONDON (AP) — The minister spoke. She left.\n\nMore text here."
    a, b = Article.from_text(text), Article.from_text(text, source="x.txt")
    assert a == Article.from_text(text) and hash(a) == hash(Article.from_text(text))
    assert hash(a) == hash(text)
    assert a != b and hash(a) == hash(b)  # equality still compares every field
    assert len({a, b, Article.from_text(text)}) == 2


# --- readability: the consensus of every row range from one grade matrix -------------------


def _old_with_consensus(columns, grades, rows, *, smog):
    """Session 10's ``_with_consensus``: a grade matrix per row range."""
    keys = [key for key in columns if smog or key != "smog_index"]
    part = {key: columns[key][rows] for key in keys}
    matrix = np.empty((len(part[keys[0]]), len(keys)))
    for k, key in enumerate(keys):
        matrix[:, k] = grades[key][rows]
    ordered = np.sort(matrix, axis=1)
    k = len(keys)
    if k % 2:
        consensus = ordered[:, k // 2].copy()
    else:
        consensus = (ordered[:, k // 2 - 1] + ordered[:, k // 2]) / 2
    for row in np.flatnonzero(np.isnan(matrix).any(axis=1)):
        consensus[row] = R.consensus_grade(
            {key: float(values[row]) for key, values in part.items()}
        )
    return [*part.values(), consensus]


_COUNT_ROW = st.tuples(
    st.integers(0, 2),  # sentences
    st.integers(0, 40),  # words
    st.integers(0, 120),  # syllables
    st.integers(0, 20),  # polysyllables
    st.integers(0, 20),  # complex
    st.integers(0, 40),  # difficult
    st.integers(0, 200),  # letters
    st.integers(0, 220),  # characters
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_COUNT_ROW, min_size=1, max_size=12), st.data())
def test_consensus_equals_the_old_consensus_range_by_range(rows, data):
    counts = np.array(rows, dtype=np.int64)
    scored = R._scored(counts, cut := data.draw(st.integers(0, len(rows))))
    columns = dict(zip(R.FORMULAS, scored, strict=False))
    grades = {
        **columns,
        "flesch_reading_ease": np.interp(columns["flesch_reading_ease"], *R._FRE_GRADES),
        "dale_chall": np.interp(columns["dale_chall"], *R._DALE_CHALL_GRADES),
    }
    new = [scored[R._SENTENCE_SCORE_ROWS, :cut], scored[:, cut:]]
    old = [
        _old_with_consensus(columns, grades, slice(0, cut), smog=False),
        _old_with_consensus(columns, grades, slice(cut, None), smog=True),
    ]
    for got, want in zip(new, old, strict=True):
        assert len(got) == len(want)
        for a, b in zip(got, want, strict=True):
            np.testing.assert_array_equal(a, b)  # NaN where NaN, every other value exactly


def test_sentence_grades_without_smog_ignore_an_infinite_smog():
    # a one-sentence row: its consensus is the median of six grades and Reading Ease's
    counts = np.array([[1, 12, 20, 2, 1, 3, 50, 52], [3, 40, 70, 6, 5, 8, 170, 175]])
    scored = R._scored(counts, 1)
    scalar = R.scores_from_counts(R.Counts(*counts[0].tolist()), smog=False)
    assert scored[-1][0] == scalar["consensus_grade"]
    assert len(R._SENTENCE_SCORE_ROWS) == len(R.FORMULAS)  # six formulas and the consensus
    whole = R.scores_from_counts(R.Counts(*counts[1].tolist()))
    assert scored[-1][1] == whole["consensus_grade"]  # the other row: seven grades

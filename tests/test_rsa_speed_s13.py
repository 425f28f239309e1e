"""Session 13's cheaper article tables, readability and sentence sentiment give what the code
they replaced gave (the replaced code is kept here as the oracle)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import text as T
from analysis.article import _STRUCTURE_COLUMNS, Article, _nullable_ints, frame, ints, strings
from analysis.sentiment import vader

_WORDS = st.sampled_from(
    ["the", "Trump", "said", "U.S.", "Mr.", "“Yes,”", "it", "3.5%", "(AP)", "—", "a.m.", "Inc."]
)
_ENDS = st.sampled_from([".", "?", "!", "", "…", ".”"])
_SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end, st.lists(_WORDS, min_size=1, max_size=9), _ENDS
)
_PARAGRAPH = st.builds(" ".join, st.lists(_SENTENCE, min_size=1, max_size=4))
_ARTICLE = st.builds(
    lambda head, paragraphs, sep: head + sep.join(paragraphs),
    st.sampled_from(["", "A headline\n\n", "By Jane Doe\n", "LONDON (Reuters) — "]),
    st.lists(_PARAGRAPH, min_size=1, max_size=6),
    st.sampled_from(["\n", "\n\n", "\n \n"]),
)


@pytest.fixture(scope="module")
def corpus_articles(seed_article, shared_dir) -> list[Article]:
    """The bundled article and a dozen OneStopEnglish texts (three reading levels each)."""
    paths = sorted((shared_dir / "onestopenglish").glob("*.txt"))[:12]
    assert paths
    return [seed_article] + [Article.from_text(p.read_text(encoding="utf-8")) for p in paths]


# --- the sentence columns from the split's own spans ---------------------------------------------


def _old_sentence_arrays(article: Article) -> tuple[np.ndarray, pa.Array | None]:
    """Session 12's ``Article._sentence_arrays``: a tuple per sentence, read from its fields."""
    sentences = article.sentences
    ids = np.array(
        [(s.sentence_id, s.paragraph_id, s.start, s.end) for s in sentences], dtype="int64"
    ).reshape(-1, 4)
    try:
        texts = pa.array([s.text for s in sentences], type=pa.large_string(), from_pandas=True)
    except (pa.ArrowException, TypeError):
        texts = None
    return ids.T, texts


def _check_sentence_arrays(article: Article) -> None:
    ids, texts = article._sentence_arrays
    old_ids, old_texts = _old_sentence_arrays(article)
    assert ids.dtype == old_ids.dtype == np.int64
    assert ids.shape == old_ids.shape == (4, len(article.sentences))
    assert ids.tolist() == old_ids.tolist()
    assert texts.equals(old_texts)
    sentences, bounds, sizes = article._split
    assert sentences is article.sentences
    assert bounds == [(s.start, s.end) for s in sentences]
    assert sizes == [
        sum(s.paragraph_id == p.paragraph_id for s in sentences) for p in article.paragraphs
    ]


@settings(max_examples=300, deadline=None)
@given(_ARTICLE)
def test_sentence_arrays_equal_the_old_rows(text):
    _check_sentence_arrays(Article.from_text(text))


def test_sentence_arrays_of_corpus_articles_equal_the_old_rows(corpus_articles):
    for article in corpus_articles:
        _check_sentence_arrays(article)


def test_sentence_arrays_hand_checked():
    article = Article.from_text("LONDON (Reuters) — One. Two?\n\nThree!\n")
    ids, texts = article._sentence_arrays
    assert ids.tolist() == [[0, 1, 2], [0, 0, 1], [19, 24, 30], [23, 28, 36]]
    assert texts.to_pylist() == ["One.", "Two?", "Three!"]


# --- the structure table from the split's paragraph sizes -----------------------------------------


def _old_structure_table(article: Article) -> pd.DataFrame:
    """Session 12's ``Article.structure_table``: sentences counted per paragraph id."""
    per_paragraph = Counter(s.paragraph_id for s in article.sentences)
    blocks = article.blocks
    n = len(blocks)
    texts = strings([b.role for b in blocks] + [b.text for b in blocks])
    return frame(
        _STRUCTURE_COLUMNS,
        [
            ints(b.block_id for b in blocks),
            texts[:n],
            _nullable_ints([b.paragraph_id for b in blocks]),
            np.array(
                [
                    [b.start for b in blocks],
                    [b.end for b in blocks],
                    [per_paragraph[b.paragraph_id] if b.role == "body" else 0 for b in blocks],
                ],
                dtype="int64",
            ),
            texts[n:],
        ],
    )


@settings(max_examples=200, deadline=None)
@given(_ARTICLE.map(lambda t: "Headline words\n\nBy Jane Doe\n\n" + t + "\n\nReporting by Ann Lee"))
def test_structure_table_equals_the_old_table(text):
    article = Article.from_text(text)
    table = article.structure_table()
    pd.testing.assert_frame_equal(table, _old_structure_table(article), check_exact=True)
    assert table["n_sentences"].sum() == len(article.sentences)


def test_structure_table_of_corpus_articles_equals_the_old_table(corpus_articles):
    for article in corpus_articles:
        table = article.structure_table()
        pd.testing.assert_frame_equal(table, _old_structure_table(article), check_exact=True)


# --- one white-space split of each sentence, shared by readability and VADER ----------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab. \t\n\u00a0\u2003,“”!", max_size=40))
def test_pieces_are_the_white_space_split(text):
    T.pieces.cache_clear()
    assert T.pieces(text) == tuple(text.split())
    assert T.pieces(text) is T.pieces(text)  # memoised


@settings(max_examples=200, deadline=None)
@given(_SENTENCE)
def test_vader_scores_do_not_depend_on_the_pieces_memo(sentence):
    analyzer = vader()
    T.pieces.cache_clear()
    cold = analyzer.scores(sentence)
    warm = analyzer.scores(sentence)  # the pieces now come from the memo
    assert cold == warm == analyzer._library_scores(sentence)


@pytest.mark.parametrize("sentence", ["It is not good, but it is GREAT!", "No. Very bad?? :)"])
def test_vader_scores_hand_checked(sentence):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    library = SentimentIntensityAnalyzer().polarity_scores(sentence)
    assert vader().polarity_scores(sentence) == library

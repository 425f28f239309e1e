"""Session 13's cheaper article tables, readability and sentence sentiment give what the code
they replaced gave (the replaced code is kept here as the oracle)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import readability as R
from analysis import text as T
from analysis.article import (
    _STRUCTURE_COLUMNS,
    Article,
    Paragraph,
    _nullable_ints,
    frame,
    ints,
    strings,
)
from analysis.sentiment import (
    _PARAGRAPH_INDEX,
    _SENTENCE_INDEX,
    _STRING,
    LABELS,
    _labels,
    check_thresholds,
    paragraph_sentiment,
    polarity,
    sentence_sentiment,
    vader,
)

_WORDS = st.sampled_from(
    "the Trump said U.S. Mr. “Yes,” it 3.5% (AP) — a.m. Inc. good not TERRIBLE but very".split()
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
    sentences, bounds, sizes, texts = article._split
    assert sentences is article.sentences
    assert bounds == [(s.start, s.end) for s in sentences]
    assert texts == [s.text for s in sentences]
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
    assert T.pieces(text) == text.split()
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


# --- the paragraph sentiment table from the split's runs of sentences ----------------------------


def _old_paragraph_sentiment(
    article: Article, pos_threshold: float = 0.05, neg_threshold: float = -0.05
) -> pd.DataFrame:
    """Session 12's ``paragraph_sentiment``: compounds grouped by paragraph id."""
    check_thresholds(pos_threshold, neg_threshold)
    by_par: dict[int, list[float]] = {}
    for sent in article.sentences:
        by_par.setdefault(sent.paragraph_id, []).append(polarity(sent.text)[0])
    rows = []
    for par in article.paragraphs:
        values = by_par.get(par.paragraph_id, [])
        n = len(values)
        if n:
            mean = math.fsum(values) / n
            labs = _labels([*values, mean], pos_threshold, neg_threshold)
            label = labs.pop()
            negative, neutral, positive = map(labs.count, LABELS)
            stats = (mean, min(values), max(values), negative / n, neutral / n, positive / n)
            rows.append((par.paragraph_id, par.start, par.end, n, *stats, label))
        else:
            rows.append((par.paragraph_id, par.start, par.end, 0, *(math.nan,) * 6, None))
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(_PARAGRAPH_INDEX)
    numbers = np.array([r[4:10] for r in rows], dtype="float64").reshape(-1, 6).T
    data = [*map(ints, cols[:4]), numbers, strings(list(cols[-1]), _STRING)]
    return frame(_PARAGRAPH_INDEX, data)


@settings(max_examples=200, deadline=None)
@given(_ARTICLE, st.sampled_from([(0.05, -0.05), (0.3, -0.1), (0.0, 0.0)]))
def test_paragraph_sentiment_equals_the_old_table(text, thresholds):
    article = Article.from_text(text)
    pos, neg = thresholds
    table = paragraph_sentiment(article, pos_threshold=pos, neg_threshold=neg)
    old = _old_paragraph_sentiment(article, pos, neg)
    pd.testing.assert_frame_equal(table, old, check_exact=True)


def test_paragraph_sentiment_of_corpus_articles_equals_the_old_table(corpus_articles):
    for article in corpus_articles:
        table = paragraph_sentiment(article)
        pd.testing.assert_frame_equal(table, _old_paragraph_sentiment(article), check_exact=True)
        assert table["n_sentences"].tolist() == article.paragraph_sizes


def test_sentence_texts_are_the_sentences_own_strings(corpus_articles):
    for article in corpus_articles:
        texts = article.sentence_texts
        assert len(texts) == len(article.sentences)
        assert all(t is s.text for t, s in zip(texts, article.sentences, strict=True))


# --- readability: paragraph runs from the split's paragraph sizes ---------------------------------


def _old_paragraph_totals(article: Article) -> tuple[np.ndarray, list[int]]:
    """Session 12's ``_paragraph_totals`` (without its memo): runs of paragraph ids."""
    paragraphs = article.paragraphs
    counts = R._count_matrix(article)
    index = {p.paragraph_id: i for i, p in enumerate(paragraphs)}
    totals = np.zeros((len(paragraphs), len(R.COUNT_COLUMNS)), dtype=np.int64)
    starts = [p.start for p in paragraphs]
    sentences = article.sentences
    firsts: list[int] = []
    rows: list[int] = []
    previous = None
    for i, sentence in enumerate(sentences):
        if sentence.paragraph_id != previous:
            previous = sentence.paragraph_id
            firsts.append(i)
            rows.append(index[previous])
    if firsts:
        totals[rows] = np.add.reduceat(counts, firsts, axis=0)
        for first, row in zip(firsts, rows, strict=True):
            starts[row] = sentences[first].start
    return totals, starts


def _check_paragraph_totals(article: Article) -> None:
    totals, starts = _old_paragraph_totals(article)
    article.memo.pop("readability_paragraph_totals", None)
    new_totals, new_starts = R._paragraph_totals(article)
    assert new_totals.dtype == np.int64
    np.testing.assert_array_equal(new_totals, totals)
    assert new_starts == starts


@settings(max_examples=200, deadline=None)
@given(_ARTICLE)
def test_paragraph_totals_equal_the_old_runs(text):
    _check_paragraph_totals(Article.from_text(text))


def test_paragraph_totals_of_corpus_articles_equal_the_old_runs(corpus_articles):
    for article in corpus_articles:
        _check_paragraph_totals(article)


def test_paragraph_totals_with_a_paragraph_without_sentences():
    text = "One two. Three.\n   \nFour five six."
    blocks = (
        Paragraph(0, "body", 0, 15, text[0:15], 0),
        Paragraph(1, "body", 16, 19, text[16:19], 1),  # white space: no sentence
        Paragraph(2, "body", 20, 34, text[20:34], 2),
    )
    article = Article(text, blocks)
    assert article.paragraph_sizes == [2, 0, 1]
    _check_paragraph_totals(article)
    totals, starts = R._paragraph_totals(article)
    assert totals[:, :2].tolist() == [[2, 3], [0, 0], [1, 3]]
    assert starts == [0, 16, 20]


# --- sentence sentiment: the scores converted by one np.fromiter ----------------------------------


def _old_sentence_sentiment(article: Article) -> pd.DataFrame:
    """Session 12's ``sentence_sentiment`` (default thresholds): scores as tuples for np.array."""
    sentences = article.sentences
    scores = [polarity(s.text) for s in sentences]
    labels = _labels([c[0] for c in scores], 0.05, -0.05)
    matrix = np.array(scores, dtype="float64").reshape(-1, 4).T
    return frame(
        _SENTENCE_INDEX,
        [*article.sentence_columns(_STRING), matrix, strings(labels, _STRING)],
    )


@settings(max_examples=150, deadline=None)
@given(_ARTICLE)
def test_sentence_sentiment_equals_the_old_table(text):
    article = Article.from_text(text)
    old = _old_sentence_sentiment(article)
    pd.testing.assert_frame_equal(sentence_sentiment(article), old, check_exact=True)


def test_sentence_sentiment_of_corpus_articles_equals_the_old_table(corpus_articles):
    for article in corpus_articles:
        table = sentence_sentiment(article)
        pd.testing.assert_frame_equal(table, _old_sentence_sentiment(article), check_exact=True)
        assert table["compound"].abs().sum() > 0


def test_readability_paragraphs_ids_and_offsets(corpus_articles):
    for article in corpus_articles:
        table = R.readability_paragraphs(article)
        paragraphs = article.paragraphs
        assert table["paragraph_id"].tolist() == [p.paragraph_id for p in paragraphs]
        assert table["end"].tolist() == [p.end for p in paragraphs]
        assert table["start"].tolist() == R._paragraph_totals(article)[1]
        assert table["paragraph_id"].dtype == table["start"].dtype == np.int64

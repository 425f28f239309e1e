"""Invariants over arbitrary Unicode text (hypothesis): only the package's own errors escape,
every span maps to the text it claims, sentences tile the body in order, scores stay in range."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import PUBLIC_MEASURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.article import Article
from analysis.errors import AnalysisError
from analysis.language import detect_language
from analysis.loading import decode_bytes, load_article

WORDS = [
    "Mr.", "U.S.", "Trump", "said", "NATO", "the", "a.m.", "3.5%", "9/11", "Jessica", "R.",
    "Jones", "WASHINGTON", "(AP)", "—", "By", "“", "”", "‘", "’", '"', "'", "...", "…", "?", "!",
    ".", ",", ";", ":", "Inc.", "Gen.", "Jan.", "e.g.", "«", "»", "Copyright", "contributed",
    "to", "this", "report", "<script>alert(1)</script>", "🙂", "مرحبا", "中文", "\u00a0", "\t",
]  # fmt: skip
newsy = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n", "\r\n", "\n\n"])),
    min_size=0,
    max_size=80,
).map("".join)
any_text = st.one_of(st.text(max_size=300), newsy, st.text(alphabet=" \n\r\t.!?“”\"'", max_size=40))
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def check_article(article: Article) -> None:
    text = article.text
    previous_end = 0
    for block in article.blocks:  # blocks: in order, disjoint, each maps to its text
        assert previous_end <= block.start < block.end <= len(text)
        assert text[block.start : block.end] == block.text
        previous_end = block.end
    assert [p.paragraph_id for p in article.paragraphs] == list(range(len(article.paragraphs)))
    previous_end = 0
    for i, sent in enumerate(article.sentences):
        assert sent.sentence_id == i
        assert previous_end <= sent.start < sent.end <= len(text)
        assert text[sent.start : sent.end] == sent.text
        assert sent.text == sent.text.strip()
        par = article.paragraphs[sent.paragraph_id]
        assert par.start <= sent.start and sent.end <= par.end
        previous_end = sent.end
    # the sentences cover every non-space character of the body (the dateline excepted)
    covered = bytearray(len(text))
    for sent in article.sentences:
        covered[sent.start : sent.end] = b"\x01" * (sent.end - sent.start)
    dateline = range(article.dateline.start, article.dateline.end) if article.dateline else ()
    for par in article.paragraphs:
        for i in range(par.start, par.end):
            if not text[i].isspace() and i not in dateline:
                assert covered[i], (i, text[i], par.text)
    assert article.language == detect_language(text).language
    meta = article.metadata()
    assert meta["n_sentences"] == len(article.sentences)
    assert meta["language"] == article.language


@SETTINGS
@given(any_text)
def test_from_text_raises_only_package_errors_and_keeps_every_invariant(text):
    try:
        article = Article.from_text(text)
    except AnalysisError:
        assert not text.strip()  # only an empty text is refused
        return
    assert text.strip()
    check_article(article)
    table = article.structure_table()
    assert table["n_sentences"].sum() == len(article.sentences)


@SETTINGS
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_raises_only_package_errors(data):
    try:
        text, encoding = decode_bytes(data)
    except AnalysisError:
        return
    assert isinstance(text, str) and text.strip() and encoding


@SETTINGS
@given(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_loading_encoded_text_gives_it_back_exactly(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # not representable in that encoding
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except AnalysisError:
            return
    check_article(article)
    if encoding != "cp1252":  # declared or unambiguous: must round-trip exactly
        assert article.text == text


# score columns → their range; a column not listed is only checked to be finite when numeric
RANGES = {
    "compound": (-1.0, 1.0),
    "pos": (0.0, 1.0),
    "neu": (0.0, 1.0),
    "neg": (0.0, 1.0),
    "probability": (0.0, 1.0),
    "confidence": (0.0, 1.0),
    "share": (0.0, 1.0),
    "positive": (0.0, 1.0),
    "negative": (0.0, 1.0),
    "neutral": (0.0, 1.0),
}


def _range_for(column: str) -> tuple[float, float] | None:
    for key, bounds in RANGES.items():
        if column == key or column.endswith("_" + key) or column.startswith(key + "_"):
            return bounds
    return None


def check_result(result) -> None:
    text = result.article.text
    n_sent = len(result.article.sentences)
    for name, table in result.tables.items():
        assert isinstance(table, pd.DataFrame), name
        if {"start", "end"} <= set(table.columns):
            for row in table.dropna(subset=["start", "end"]).itertuples(index=False):
                start, end = int(row.start), int(row.end)
                assert 0 <= start <= end <= len(text), (name, start, end)
                if "text" in table.columns and isinstance(row.text, str):
                    assert text[start:end] == row.text, (name, start, end)
        if "sentence_id" in table.columns:
            ids = table["sentence_id"].dropna()
            assert ids.between(0, max(n_sent - 1, 0)).all(), name
        for column in table.columns:
            bounds = _range_for(str(column))
            if bounds is None or not pd.api.types.is_numeric_dtype(table[column]):
                continue
            values = table[column].dropna()
            assert values.between(*bounds).all(), (name, column, values.tolist()[:5])
    sentences = result.tables["sentences"]
    assert list(sentences["sentence_id"]) == list(range(n_sent))
    for key, value in result.readability.items():
        if isinstance(value, float):
            assert not math.isinf(value), key


@SETTINGS
@given(any_text)
def test_analyze_raises_only_package_errors_and_keeps_spans_and_ranges(text):
    from analysis.pipeline import analyze

    try:
        result = analyze(text)
    except AnalysisError:
        return
    check_result(result)


MEASURES = PUBLIC_MEASURES


@pytest.mark.parametrize("name", MEASURES)
def test_each_public_measure_raises_only_package_errors(name):
    """Per function, so a failure names the module that lets a foreign exception escape."""
    import analysis

    measure = getattr(analysis, name)

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(any_text)
    def check(text):
        try:
            article = Article.from_text(text)
            out = measure(article)
        except AnalysisError:
            return
        if isinstance(out, pd.DataFrame) and {"start", "end"} <= set(out.columns):
            for row in out.dropna(subset=["start", "end"]).itertuples(index=False):
                assert 0 <= int(row.start) <= int(row.end) <= len(article.text)

    check()


@SETTINGS
@given(any_text, st.integers(-3, 320), st.integers(-3, 320))
def test_target_sentiment_label_and_score_in_range_or_package_error(text, start, end):
    from analysis.targeted import target_sentiment

    try:
        result = target_sentiment(text, start, end)
    except AnalysisError:
        return
    assert 0 <= start < end <= len(text)
    assert result.label in {"negative", "neutral", "positive"}
    assert -1.0 <= result.score <= 1.0
    assert all(0.0 <= p <= 1.0 for p in result.probabilities.values())
    assert math.isclose(sum(result.probabilities.values()), 1.0, abs_tol=1e-6)

"""Sentence sentiment: parity with vaderSentiment, thresholds, aggregation and the arc."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import analysis
from analysis.charts.sentiment import sentiment_arc_chart, sentiment_distribution_chart
from analysis.errors import AnalysisError
from analysis.sentiment import (
    SENTENCE_COLUMNS,
    ThresholdError,
    label_compound,
    label_counts,
    lexicon_hits,
    paragraph_sentiment,
    sentence_sentiment,
    sentiment_arc,
    sentiment_summary,
    vader,
    whole_text_compound,
)

# The bundled article's 13 sentence compounds, read off vaderSentiment 3.3.2 sentence by sentence.
SEED_COMPOUNDS = [
    -0.1027,
    -0.3612,
    0.4019,
    -0.8689,
    0.3818,
    -0.2500,
    -0.4867,
    0.7506,
    -0.5267,
    0.6908,
    0.7698,
    -0.1280,
    0.3182,
]

PARITY_SENTENCES = [
    "The plan is good.",
    "The plan is not good.",
    "The plan is good, but the execution was terrible.",
    "Officials said the talks were VERY productive!",
    "Critics called the decision a disaster :(",
    "Trump raised doubts about NATO’s commitment to defend the U.S.",
    "The weather was kind of nice.",
    "Nobody was hurt in the attack.",
]


@pytest.fixture(scope="module")
def reference() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def seed_table(seed_article) -> pd.DataFrame:
    return sentence_sentiment(seed_article)


def test_public_name_and_columns(seed_article):
    table = analysis.sentence_sentiment(seed_article)
    assert list(table.columns[:10]) == SENTENCE_COLUMNS
    assert table["label"].dtype == "string"
    assert table["compound"].dtype == "float64"


@pytest.mark.parametrize("sentence", PARITY_SENTENCES)
def test_parity_with_vader_on_single_sentences(sentence, reference):
    row = sentence_sentiment(sentence).iloc[0]
    expected = reference.polarity_scores(sentence)
    assert len(sentence_sentiment(sentence)) == 1
    for key in ("compound", "pos", "neu", "neg"):
        assert row[key] == expected[key]  # exact, not approximate


def test_parity_on_every_seed_sentence(seed_article, seed_table, reference):
    for sent, (_, row) in zip(seed_article.sentences, seed_table.iterrows(), strict=True):
        assert row["compound"] == reference.polarity_scores(sent.text)["compound"]
        assert seed_article.text[row["start"] : row["end"]] == row["text"]


def test_shared_analyzer_is_built_once():
    assert vader() is vader()
    assert vader().lexicon["good"] == 1.9


def test_seed_article_counts_and_mean(seed_table):
    assert len(seed_table) == 13
    assert seed_table["compound"].tolist() == SEED_COMPOUNDS
    # sum by hand: positives 3.3131, negatives -2.7242 → 0.5889 over 13 sentences
    summary = sentiment_summary(seed_table)
    assert summary["mean_compound"] == pytest.approx(0.5889 / 13, abs=1e-12)
    assert round(summary["mean_compound"], 4) == 0.0453
    assert (summary["n_negative"], summary["n_neutral"], summary["n_positive"]) == (7, 0, 6)
    assert summary["share_negative"] == pytest.approx(7 / 13)
    assert summary["most_negative_sentence_id"] == 3  # "Trump’s critical remarks ..." -0.8689
    assert summary["most_positive_sentence_id"] == 10  # "As the most powerful member ..." 0.7698
    assert seed_table["paragraph_id"].tolist() == [0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10]


@pytest.mark.parametrize(
    ("compound", "label"),
    [
        (0.05, "positive"),  # inclusive at the bound, as VADER's README
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (0.9, "positive"),
        (-1.0, "negative"),
    ],
)
def test_labels_at_default_thresholds(compound, label):
    assert label_compound(compound) == label
    from analysis.sentiment import NEG_THRESHOLD, POS_THRESHOLD, _labels

    # the tables label a whole column at once, by the same rule
    assert _labels([compound], POS_THRESHOLD, NEG_THRESHOLD) == [label]
    assert _labels([compound, 0.0], 0.9, -0.9) == [
        "positive" if compound >= 0.9 else "negative" if compound <= -0.9 else "neutral",
        "neutral",
    ]


def test_hand_checked_labels_on_sentences(reference):
    table = sentence_sentiment("The plan is good. The plan is not good. The plan is on Tuesday.")
    # good = 1.9 → compound 1.9/sqrt(1.9² + 15) = 0.4404; "not" flips it by -0.74 → -0.3412
    assert table["compound"].tolist() == [0.4404, -0.3412, 0.0]
    assert table["label"].tolist() == ["positive", "negative", "neutral"]
    assert table["compound"][0] == round(1.9 / math.sqrt(1.9**2 + 15), 4)


def test_configurable_thresholds_change_labels(seed_article):
    strict = sentence_sentiment(seed_article, pos_threshold=0.5, neg_threshold=-0.5)
    # only |compound| >= 0.5 keeps its label: -0.8689, 0.7506, -0.5267, 0.6908, 0.7698
    assert strict["label"].tolist() == [
        "neutral",
        "neutral",
        "neutral",
        "negative",
        "neutral",
        "neutral",
        "neutral",
        "positive",
        "negative",
        "positive",
        "positive",
        "neutral",
        "neutral",
    ]
    loose = sentence_sentiment(seed_article, pos_threshold=0.35, neg_threshold=-0.35)
    # |compound| >= 0.35: four negatives (-0.3612 … -0.5267), five positives (0.3182 is not)
    assert loose["label"].value_counts().to_dict() == {
        "negative": 4,
        "positive": 5,
        "neutral": 4,
    }
    summary = sentiment_summary(seed_article, pos_threshold=0.5, neg_threshold=-0.5)
    assert (summary["n_negative"], summary["n_neutral"], summary["n_positive"]) == (2, 8, 3)


@pytest.mark.parametrize(("pos", "neg"), [(-0.1, 0.1), (1.5, -0.05), (0.05, float("nan"))])
def test_bad_thresholds_raise(pos, neg):
    with pytest.raises(ThresholdError):
        sentence_sentiment("A fine day.", pos_threshold=pos, neg_threshold=neg)
    assert issubclass(ThresholdError, AnalysisError)


def test_paragraph_aggregation_by_hand(seed_article):
    table = paragraph_sentiment(seed_article)
    assert len(table) == 11
    par1 = table.iloc[1]  # sentences 1 (-0.3612) and 2 (0.4019)
    assert par1["n_sentences"] == 2
    assert par1["mean_compound"] == pytest.approx((-0.3612 + 0.4019) / 2)
    assert (par1["min_compound"], par1["max_compound"]) == (-0.3612, 0.4019)
    assert (par1["share_negative"], par1["share_neutral"], par1["share_positive"]) == (
        0.5,
        0.0,
        0.5,
    )
    assert par1["label"] == "neutral"  # mean 0.02035 is inside ±0.05
    par2 = table.iloc[2]  # -0.8689 and 0.3818
    assert par2["mean_compound"] == pytest.approx(-0.24355)
    assert par2["label"] == "negative"
    # offsets are the paragraph's, the dateline included in paragraph 0
    assert (table.iloc[0]["start"], table.iloc[0]["end"]) == (20, 281)
    assert table["n_sentences"].sum() == 13


def test_whole_article_saturates_but_sentences_do_not(seed_article, seed_table):
    whole = whole_text_compound(seed_article)
    assert abs(whole) > 10 * abs(seed_table["compound"].mean())


def test_arc_is_centred_rolling_mean(seed_table):
    arc = sentiment_arc(seed_table, window=3)
    assert len(arc) == 13
    # sentence 1: mean of sentences 0..2; sentence 0: only 0..1 exist
    assert arc["smoothed"][1] == pytest.approx((-0.1027 - 0.3612 + 0.4019) / 3)
    assert arc["smoothed"][0] == pytest.approx((-0.1027 - 0.3612) / 2)
    assert arc["smoothed"][12] == pytest.approx((-0.1280 + 0.3182) / 2)
    assert arc["paragraph_start"].tolist() == [True, True, False, True, False] + [True] * 8
    assert sentiment_arc(seed_table, window=1)["smoothed"].tolist() == SEED_COMPOUNDS
    with pytest.raises(ThresholdError):
        sentiment_arc(seed_table, window=0)


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.floats(-1, 1, allow_nan=False), min_size=1, max_size=30),
    window=st.integers(1, 8),
)
def test_arc_matches_pandas_rolling(values, window):
    table = pd.DataFrame(
        {
            "sentence_id": range(len(values)),
            "paragraph_id": [i // 2 for i in range(len(values))],
            "start": range(len(values)),
            "end": range(1, len(values) + 1),
            "compound": values,
            "label": [label_compound(v) for v in values],
        }
    )
    arc = sentiment_arc(table, window=window)
    expected = pd.Series(values).rolling(window, center=True, min_periods=1).mean()
    assert np.allclose(arc["smoothed"].to_numpy(), expected.to_numpy())
    assert arc["smoothed"].between(-1, 1).all()


def test_lexicon_hits_explain_a_sentence(seed_article):
    hits = lexicon_hits(seed_article)
    sent3 = hits[hits["sentence_id"] == 3]
    assert sent3["word"].tolist() == ["critical", "aggression", "War", "criticism", "defense"]
    assert sent3["valence"].tolist() == [-1.3, -1.2, -2.9, -1.9, 0.5]
    for row in hits.itertuples():
        assert seed_article.text[row.start : row.end] == row.word


def test_empty_table_summary_and_arc(seed_table):
    empty = seed_table.iloc[0:0]
    summary = sentiment_summary(empty)
    assert summary["n_sentences"] == 0 and summary["most_negative_sentence_id"] is None
    assert math.isnan(summary["mean_compound"])
    assert sentiment_arc(empty).empty


def test_charts_build(seed_table):
    arc = sentiment_arc(seed_table)
    fig = sentiment_arc_chart(arc, source="seed-article.txt")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()
    bars = ax.containers[0]
    assert len(bars) == 13  # one bar per sentence, coloured by label
    assert [b.get_height() for b in bars] == SEED_COMPOUNDS
    dist = sentiment_distribution_chart(seed_table, source="seed-article.txt")
    stacks = dist.axes[0].containers  # one bar stack per label
    assert len(stacks) == 3
    assert sum(bar.get_height() for stack in stacks for bar in stack) == 13
    with pytest.raises(AnalysisError):
        sentiment_arc_chart(seed_table.drop(columns="compound"))


# --- the shared analyzer scores exactly as VADER does --------------------------------------------

_VADER_WORDS = (
    "not never so this without doubt good bad BAD very kind of but no nor or least at the bomb "
    "sort GREAT Kind OF isn't hardly extremely happy sad NATO :) :( ! ? 😀 nice, (good) "
    "don't WASN'T ... !! 'good' a xx -- ok"
).split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VADER_WORDS), max_size=30), st.sampled_from(["", " ", "\n"]))
def test_exact_vader_scores_generated_sentences_as_vader_does(words, pad):
    from analysis.sentiment import vader

    text = pad + " ".join(words) + pad
    assert vader().polarity_scores(text) == _stock_vader().polarity_scores(text)


_IDIOM_WORDS = (
    "the shit bomb bad ass badass bus stop yeah right kiss of death to die for beating heart "
    "just enough kind sort good not never so very GOOD love hate no"
).split()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_IDIOM_WORDS), min_size=3, max_size=12))
def test_exact_vader_scores_idioms_and_phrase_boosters_as_vader_does(words):
    # the idiom check skips phrases that no pair of adjacent words can open: dense idiom words
    # exercise every place an idiom or a "kind of" booster can start
    from analysis.sentiment import vader

    text = " ".join(words)
    assert vader().polarity_scores(text) == _stock_vader().polarity_scores(text)


def test_exact_vader_idioms_hand_checked():
    from analysis.sentiment import vader

    # "the bomb" is an idiom worth +3 that replaces "bomb"'s own valence three words on
    text = "this new phone is the bomb"
    assert vader().polarity_scores(text) == _stock_vader().polarity_scores(text)
    assert (
        vader().polarity_scores(text)["compound"] > 0 > vader().polarity_scores("bomb")["compound"]
    )


def test_exact_vader_but_rule_looks_values_up_as_vader_does():
    from analysis.sentiment import vader

    # VADER finds each word's value by equality: "glad" (2.0) is halved to 1.0 before "but",
    # and "alright" (1.0) after it then halves the first 1.0 it finds, glad's, instead of
    # counting 1.5 itself: 0.5 + 1.0 = 1.5, compound 1.5 / sqrt(1.5² + 15) = 0.3612 (not the
    # 0.5423 of 1.0 + 1.5)
    text = "glad but alright"
    assert vader().polarity_scores(text)["compound"] == 0.3612
    assert vader().polarity_scores(text) == _stock_vader().polarity_scores(text)


def test_vader_token_forms():
    from analysis.sentiment import _vader_token

    # outer punctuation goes unless two characters or fewer would be left (an emoticon)
    assert _vader_token('"Good,') == "good"
    assert _vader_token("“Good,") == "“good"  # ASCII punctuation only, as in VADER
    assert _vader_token("(ok)") == "(ok)"
    assert _vader_token(":-)") == ":-)"
    assert _vader_token("isn't") == "isn't"


_PIECES = [
    *_VADER_WORDS[:40],
    "good,", "bad!", "GREAT", "“love”", "hate.", "(nice)", ":)", ":-(", "...", "!!", "?",
    "isn't", "'s", "no", "not", "but", "BUT", "kind", "of", "least", "at", "very", "😁", "a", "",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from([" ", "  ", "\t", ", "]))
def test_exact_vader_scores_punctuated_text_as_vader_does(pieces, sep):
    # tokens that stripping changes (a comma, quotes, emoticons), texts without a lexicon word,
    # empty texts and texts with an emoji (the library's own path)
    from analysis.sentiment import vader

    text = sep.join(pieces)
    expected = _stock_vader().polarity_scores(text)
    assert vader().polarity_scores(text) == expected
    assert vader().scores(text) == (
        expected["compound"],
        expected["pos"],
        expected["neu"],
        expected["neg"],
    )


def _stock_vader() -> SentimentIntensityAnalyzer:
    if "vader" not in _STOCK:
        _STOCK["vader"] = SentimentIntensityAnalyzer()
    return _STOCK["vader"]


_STOCK: dict[str, SentimentIntensityAnalyzer] = {}


def test_exact_vader_scores_real_sentences_as_vader_does(seed_article, shared_dir):
    from analysis.sentiment import ExactVader, vader

    assert isinstance(vader(), ExactVader)  # vaderSentiment 3.3.2, as pinned by the checks below
    texts = [s.text for s in seed_article.sentences]
    for path in sorted((shared_dir / "onestopenglish").glob("*-adv.txt")):
        texts += [s.text for s in analysis.load_article(path).sentences]
    assert len(texts) > 500
    for text in texts:
        assert vader().polarity_scores(text) == _stock_vader().polarity_scores(text), text


def test_label_counts_counts_each_label_in_a_column_or_list():
    labels = pd.Series(["negative", "neutral", "negative", "positive"], dtype="string")
    assert label_counts(labels) == {"negative": 2, "neutral": 1, "positive": 1}
    assert label_counts(["positive"]) == {"negative": 0, "neutral": 0, "positive": 1}
    assert label_counts([]) == {"negative": 0, "neutral": 0, "positive": 0}

"""Alt text of the saved figures: plain text with the chart's counts, names and values."""

from __future__ import annotations

import pandas as pd

from analysis import alt_text


def _arc(labels, window=3):
    return pd.DataFrame(
        {
            "sentence_id": range(len(labels)),
            "compound": [-0.5 if lab == "negative" else 0.0 for lab in labels],
            "label": labels,
            "window": [window] * len(labels),
        }
    )


def test_sentiment_arc_counts_labels_and_names_the_window():
    arc = _arc(["negative", "neutral", "negative", "positive"])
    assert alt_text.sentiment_arc(arc, "seed-article") == (
        "Bar chart of the VADER compound of each of the 4 body sentences of seed-article, "
        "coloured by label, with a 3-sentence rolling mean as a line: 2 negative, 1 neutral, "
        "1 positive."
    )
    one = alt_text.sentiment_arc(_arc(["positive"], window=1), "a<b>")
    assert one == (
        "Bar chart of the VADER compound of the one body sentence of a<b>, coloured by "
        "label, with no smoothing: 0 negative, 0 neutral, 1 positive."
    )
    assert alt_text.sentiment_arc(_arc([]), "x") == (
        "Empty bar chart: x has no body sentence to score for tone."
    )


def test_sentiment_distribution_gives_the_mean_with_a_true_minus():
    sentences = _arc(["negative", "neutral"])
    assert alt_text.sentiment_distribution(sentences, "x") == (
        "Histogram of the VADER compound of the 2 body sentences of x: mean −0.250, 1 in the "
        "neutral band."
    )
    assert alt_text.sentiment_distribution(sentences.iloc[:0], "x").startswith("Empty histogram")


def test_readability_alt_texts_name_the_spread_and_the_hardest_sentences():
    profile = pd.DataFrame({"name": ["SMOG", "ARI", "Fog"], "grade": [12.04, 9.96, 14.5]})
    scores = {"consensus_grade": 12.0, "flesch_kincaid_grade": 10.29}
    assert alt_text.readability_profile(profile, "a.txt", scores) == (
        "Horizontal bar chart of 3 readability formulas as US school grades for a.txt; "
        "consensus (median) grade 12.0, Flesch–Kincaid 10.3; from 10.0 (ARI) to 14.5 (Fog)."
    )
    sentences = pd.DataFrame(
        {
            "sentence_id": [0, 1, 2, 3],
            "n_words": [12, 2, 20, 8],
            "flesch_kincaid_grade": [8.0, -1.5, 14.25, 6.0],
            "consensus_grade": [9.0, 20.0, 15.0, 7.0],
        }
    )
    assert alt_text.sentence_difficulty(sentences, "a.txt", n_highlight=2) == (
        "Bar chart of the Flesch–Kincaid grade of each of the 4 body sentences of a.txt, with "
        "the 2 hardest (sentences 2 and 0) highlighted and paragraph boundaries dotted; grades "
        "range from −1.5 to 14.2."
    )
    assert "with the hardest (sentence 2) highlighted" in alt_text.sentence_difficulty(
        sentences, "a.txt", n_highlight=1
    )
    stub = alt_text.sentence_difficulty(sentences.iloc[1:2], "a.txt")
    assert "with no sentence long enough to be highlighted as the hardest and" in stub
    assert stub.startswith(
        "Bar chart of the Flesch–Kincaid grade of the one body sentence of a.txt,"
    )
    assert alt_text.sentence_difficulty(sentences.iloc[:0], "a.txt") == (
        "Empty bar chart: a.txt has no body sentence to grade."
    )


PORTRAYAL = pd.DataFrame(
    {
        "actor": ["Ann <Lee>", "Ann <Lee>", "Bo", "Cy", "Bo"],
        "role": ["about", "by", "about", "about", "by"],
        "n": [3, 1, 2, 1, 0],
        "mean_score": [-0.423, 0.0, 0.2, -0.9, float("nan")],
    }
)


def test_actor_sentiment_lists_about_and_by_unescaped():
    assert alt_text.actor_sentiment(PORTRAYAL, "x", top=2) == (
        "Dot plot of the mean sentiment about and by each actor of x, with 95% bootstrap "
        "intervals; Ann <Lee>: about −0.42 (n=3), by 0.00 (n=1); Bo: about +0.20 (n=2); and "
        "1 other actor."
    )
    assert alt_text.actor_sentiment(PORTRAYAL.iloc[:0], "x").endswith(": no actor to show.")


def test_actor_timeline_and_co_mentions():
    actors = pd.DataFrame({"actor": ["Ann", "Bo"], "n_sentences": [3, 1]})
    timeline = pd.DataFrame({"actor": ["Ann", "Ann", "Ann", "Bo"]})
    assert alt_text.actor_timeline(timeline, actors, "x", 5, top=1) == (
        "Dot chart of where each of the 2 actors of x is mentioned across its 5 body sentences; "
        "Ann in 3 sentences; and 1 other actor."
    )
    assert alt_text.actor_timeline(timeline.iloc[:0], actors.iloc[:0], "x", 1) == (
        "Empty dot chart: no actor is mentioned in the body of x (1 sentence)."
    )
    pairs = pd.DataFrame(
        {"actor_a": ["Ann", "Ann", "Bo"], "actor_b": ["Ann", "Bo", "Ann"], "n_sentences": [3, 1, 1]}
    )
    assert alt_text.co_mentions(pairs, "x") == (
        "Heatmap of sentences shared by pairs of the actors of x. The most frequent pair is Ann "
        "and Bo (1 sentence)."
    )
    alone = pairs.assign(n_sentences=[3, 0, 0])
    assert alt_text.co_mentions(alone, "x").endswith(" No two actors share a sentence.")


def test_voice_alt_texts():
    summary = pd.DataFrame(
        {"speaker": ["Ann", "Bo", "Cy"], "attributions": [2, 1, 1], "content_words": [30, 1, 5]}
    )
    assert alt_text.share_of_voice(summary, "x", top=2) == (
        "Two bar charts of share of voice in x: attributions and words of attributed content "
        "per speaker; Ann: 2 attributions, 30 words; Bo: 1 attribution, 1 word; and 1 other "
        "speaker."
    )
    assert alt_text.share_of_voice(summary.iloc[:0], "x").endswith(
        "; no one is quoted or paraphrased."
    )
    kinds = pd.DataFrame({"kind": ["direct", "indirect", None, "mixed"]})
    assert alt_text.direct_indirect(kinds, "x") == (
        "Stacked bars of direct, mixed and indirect attributions per speaker in x: 1 direct, "
        "1 mixed, 2 indirect in all."
    )
    cues = pd.DataFrame({"cue_lemma": ["say", "hint"], "cue_class": ["neutral", "evaluative"]})
    cues["size"] = [3, 1]
    assert alt_text.cue_framing(cues, "x") == (
        "Bar chart of verbs of attribution in x, coloured neutral or evaluative: say (neutral) "
        "3; hint (evaluative) 1."
    )
    assert alt_text.cue_framing(cues.iloc[:0], "x").endswith(": no verb of attribution.")


def test_corpus_and_validation_alt_texts():
    articles = pd.DataFrame({"level": ["advanced", "elementary", None, "advanced"]})
    assert alt_text.corpus_comparison(articles) == (
        "Dot plot, one row per topic or article (4 articles): Flesch–Kincaid grade on the left "
        "and mean sentence sentiment on the right, dots coloured by reading level (3 with a "
        "level)."
    )
    assert alt_text.level_distribution(articles) == (
        "Strip plot of Flesch–Kincaid grade by OneStopEnglish reading level, with each level's "
        "mean as a bar: 1 text elementary and 2 texts advanced."
    )
    assert alt_text.level_distribution(articles.iloc[2:3]).endswith("mean as a bar.")
    assert alt_text.corpus_comparison(articles.iloc[2:3]).endswith(
        "(1 article): Flesch–Kincaid grade on the left and mean sentence sentiment on the right."
    )
    table = pd.DataFrame(
        {
            "task": ["Attribution", "Attribution", "Readability"],
            "metric": ["lenient F1", "lenient F1", "triplets ordered"],
            "method": ["package", "baseline", "package"],
            "value": [0.7175, 0.1657, 0.96875],
        }
    )
    assert alt_text.validation(table) == (
        "Paired bars, package against baseline: Attribution, lenient F1: package 0.718, "
        "baseline 0.166; Readability, triplets ordered: package 0.969."
    )
    assert alt_text.validation(table.iloc[:0]) == (
        "Paired bars, package against baseline: no figures to show."
    )

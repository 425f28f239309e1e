"""Alt text for the saved figures: what each chart shows, with its counts, names and values.

One function per kind of chart, so a chart drawn in two notebooks (the sentiment arc in 02 and
05, say) is described the same way in both. Alt text is plain text written to a ``.txt`` file
beside the figure (:func:`analysis.style.save_figure`), not Markdown: nothing here is escaped.
Numbers follow :mod:`analysis.narrative` (true minus signs, "n/a" for a missing value), and a
chart with nothing to show says so.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.corpus import ONESTOP_LEVELS
from analysis.narrative import join_words, kind_counts, number, plural, signed
from analysis.readability import rank_hardest
from analysis.sentiment import label_counts


def _each_sentence(n: int) -> str:
    return "the one body sentence" if n == 1 else f"each of the {n} body sentences"


def _more(n_rest: int, what: str, plural_form: str | None = None) -> str:
    return f"; and {plural(n_rest, what, plural_form)}" if n_rest > 0 else ""


# --- readability ------------------------------------------------------------------------------
def readability_profile(profile: pd.DataFrame, name: str, scores: Mapping[str, float]) -> str:
    """The formulas as US school grades (``profile`` is
    :func:`analysis.readability.readability_profile`, ``scores`` the article's scores)."""
    text = (
        f"Horizontal bar chart of {plural(len(profile), 'readability formula')} as US school "
        f"grades for {name}; consensus (median) grade {number(scores.get('consensus_grade'))}, "
        f"Flesch–Kincaid {number(scores.get('flesch_kincaid_grade'))}"
    )
    grades = profile.dropna(subset=["grade"]) if len(profile) else profile
    if len(grades) > 1:
        low = grades.loc[grades["grade"].idxmin()]
        high = grades.loc[grades["grade"].idxmax()]
        text += (
            f"; from {number(low['grade'])} ({low['name']}) to {number(high['grade'])} "
            f"({high['name']})"
        )
    return text + "."


def sentence_difficulty(sentences: pd.DataFrame, name: str, n_highlight: int = 3) -> str:
    """The Flesch–Kincaid grade of each sentence, the hardest highlighted, as
    :func:`analysis.charts.readability.sentence_difficulty_chart` draws it."""
    if sentences.empty:
        return f"Empty bar chart: {name} has no body sentence to grade."
    hardest = rank_hardest(sentences, n_highlight)
    ids = [str(int(s)) for s in hardest["sentence_id"]]
    if len(ids) == 0:
        marked = "no sentence long enough to be highlighted as the hardest"
    elif len(ids) == 1:
        marked = f"the hardest (sentence {ids[0]}) highlighted"
    else:
        marked = f"the {len(ids)} hardest (sentences {join_words(ids)}) highlighted"
    grades = sentences["flesch_kincaid_grade"].astype("float64")
    return (
        f"Bar chart of the Flesch–Kincaid grade of {_each_sentence(len(sentences))} of "
        f"{name}, with {marked} and paragraph "
        f"boundaries dotted; grades range from {number(grades.min())} to {number(grades.max())}."
    )


# --- tone -------------------------------------------------------------------------------------
def _label_counts(labels: pd.Series) -> str:
    return ", ".join(f"{n} {lab}" for lab, n in label_counts(labels).items())


def sentiment_arc(arc: pd.DataFrame, name: str) -> str:
    """The compound of each sentence and its rolling mean (``arc`` is
    :func:`analysis.sentiment.sentiment_arc`)."""
    if arc.empty:
        return f"Empty bar chart: {name} has no body sentence to score for tone."
    window = int(arc["window"].iloc[0]) if "window" in arc else 1
    smoothing = "no smoothing" if window == 1 else f"a {window}-sentence rolling mean as a line"
    return (
        f"Bar chart of the VADER compound of {_each_sentence(len(arc))} of {name}, coloured "
        f"by label, with {smoothing}: {_label_counts(arc['label'])}."
    )


def sentiment_distribution(sentences: pd.DataFrame, name: str) -> str:
    """The histogram of sentence compounds (``sentences`` is
    :func:`analysis.sentence_sentiment`)."""
    if sentences.empty:
        return f"Empty histogram: {name} has no body sentence to score for tone."
    neutral = label_counts(sentences["label"])["neutral"]
    return (
        f"Histogram of the VADER compound of the {plural(len(sentences), 'body sentence')} of "
        f"{name}: mean {signed(sentences['compound'].astype('float64').mean(), 3)}, "
        f"{neutral} in the neutral band."
    )


# --- actors -----------------------------------------------------------------------------------
def actor_timeline(
    timeline: pd.DataFrame, actors: pd.DataFrame, name: str, n_sentences: int, top: int = 5
) -> str:
    """Where each actor is mentioned (``timeline`` is
    :func:`analysis.portrayal.mention_timeline`, ``actors`` :func:`analysis.find_actors`)."""
    if actors.empty:
        return (
            f"Empty dot chart: no actor is mentioned in the body of {name} "
            f"({plural(n_sentences, 'sentence')})."
        )
    listed = [
        f"{r.actor} in {plural(int(r.n_sentences), 'sentence')}"
        for r in actors.head(top).itertuples()
    ]
    return (
        f"Dot chart of where each of the {plural(timeline['actor'].nunique(), 'actor')} of "
        f"{name} is mentioned across its {plural(n_sentences, 'body sentence')}; "
        + "; ".join(listed)
        + _more(len(actors) - top, "other actor")
        + "."
    )


def co_mentions(pairs: pd.DataFrame, name: str) -> str:
    """The heatmap of sentences shared by pairs of actors (``pairs`` is
    :func:`analysis.portrayal.co_mentions`)."""
    text = f"Heatmap of sentences shared by pairs of the actors of {name}."
    off = pairs[pairs["actor_a"] != pairs["actor_b"]]
    off = off.sort_values("n_sentences", ascending=False, kind="stable")
    if len(off) and int(off.iloc[0]["n_sentences"]):
        best = off.iloc[0]
        text += (
            f" The most frequent pair is {best['actor_a']} and {best['actor_b']} "
            f"({plural(int(best['n_sentences']), 'sentence')})."
        )
    elif len(pairs):
        text += " No two actors share a sentence."
    return text


def actor_sentiment(portrayal: pd.DataFrame, name: str, top: int = 5) -> str:
    """The mean sentiment about and by each actor (``portrayal`` is
    :func:`analysis.actor_sentiment`), for the first ``top`` actors."""
    lead = (
        f"Dot plot of the mean sentiment about and by each actor of {name}, with 95% bootstrap "
        "intervals"
    )
    if portrayal.empty:
        return lead + ": no actor to show."
    scored = portrayal[portrayal["n"] > 0]
    actors = list(dict.fromkeys(scored["actor"]))
    items = []
    for actor in actors[:top]:
        rows = scored[scored["actor"] == actor]
        parts = [
            f"{r.role} {signed(r.mean_score)} (n={int(r.n)})"
            for r in rows.itertuples()
            if r.role in ("about", "by")
        ]
        items.append(f"{actor}: {', '.join(parts)}")
    return lead + "; " + "; ".join(items) + _more(len(actors) - top, "other actor") + "."


# --- voices -----------------------------------------------------------------------------------
def share_of_voice(summary: pd.DataFrame, name: str, top: int = 6) -> str:
    """Attributions and words of content per speaker (``summary`` is
    :func:`analysis.attribution.speaker_summary`)."""
    lead = (
        f"Two bar charts of share of voice in {name}: attributions and words of attributed "
        "content per speaker"
    )
    if summary.empty:
        return lead + "; no one is quoted or paraphrased."
    items = [
        f"{r.speaker}: {plural(int(r.attributions), 'attribution')}, "
        f"{plural(int(r.content_words), 'word')}"
        for r in summary.head(top).itertuples()
    ]
    return lead + "; " + "; ".join(items) + _more(len(summary) - top, "other speaker") + "."


def direct_indirect(attributions: pd.DataFrame, name: str) -> str:
    """Direct, mixed and indirect attributions per speaker (``attributions`` is
    :func:`analysis.find_attributions`)."""
    n_direct, n_mixed, n_indirect = kind_counts(attributions)
    return (
        f"Stacked bars of direct, mixed and indirect attributions per speaker in {name}: "
        f"{n_direct} direct, {n_mixed} mixed, {n_indirect} indirect in all."
    )


def cue_framing(cue_table: pd.DataFrame, name: str) -> str:
    """Verbs of attribution and their framing class (``cue_table``: ``cue_lemma``,
    ``cue_class`` and ``size``, the number of attributions)."""
    lead = f"Bar chart of verbs of attribution in {name}, coloured neutral or evaluative"
    if cue_table.empty:
        return lead + ": no verb of attribution."
    items = [f"{r.cue_lemma} ({r.cue_class}) {int(r.size)}" for r in cue_table.itertuples()]
    return lead + ": " + "; ".join(items) + "."


# --- corpus -----------------------------------------------------------------------------------
def corpus_comparison(articles: pd.DataFrame) -> str:
    """The corpus dot plot (``articles`` is :attr:`analysis.corpus.CorpusResult.articles`)."""
    levels = int(articles["level"].notna().sum()) if len(articles) else 0
    coloured = f", dots coloured by reading level ({levels} with a level)" if levels else ""
    return (
        f"Dot plot, one row per topic or article ({plural(len(articles), 'article')}): "
        f"Flesch–Kincaid grade on the left and mean sentence sentiment on the right{coloured}."
    )


def level_distribution(articles: pd.DataFrame) -> str:
    """The strip plot of grades by OneStopEnglish level."""
    counts = articles["level"].value_counts() if len(articles) else pd.Series(dtype="int64")
    per_level = [
        f"{plural(int(counts[level]), 'text')} {level}"
        for level in ONESTOP_LEVELS.values()
        if counts.get(level, 0)
    ]
    return (
        "Strip plot of Flesch–Kincaid grade by OneStopEnglish reading level, with each level's "
        "mean as a bar" + (f": {join_words(per_level)}." if per_level else ".")
    )


# --- validation -------------------------------------------------------------------------------
def validation(table: pd.DataFrame) -> str:
    """Package against baseline, per task and metric (``table`` is
    :func:`analysis.validation.summary.figures_table`)."""
    lead = "Paired bars, package against baseline"
    if table.empty:
        return lead + ": no figures to show."
    items = []
    for (task, metric), rows in table.groupby(["task", "metric"], sort=False):
        values = ", ".join(f"{r.method} {number(r.value, 3)}" for r in rows.itertuples())
        items.append(f"{task}, {metric}: {values}")
    return lead + ": " + "; ".join(items) + "."

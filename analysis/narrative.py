"""Tables → sentences: the prose of the write-up, computed, so it is right for any article.

Each function takes the tables of the analysis and returns Markdown. Numbers are formatted here
and never typed into a notebook. Words taken from the article (sentences, actor names, speakers,
cue words) pass through :func:`md_escape`, because the Markdown ends up in an HTML page: an
article containing ``<script>`` or ``*emphasis*`` must show those characters, not run or render
them. Every function copes with an empty table (no actors, no attributions, no quotes) by saying
so, since an absence is a finding too.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.article import Article
from analysis.sentiment import NEG_THRESHOLD, POS_THRESHOLD, label_counts
from analysis.text import word_spans

# Markdown syntax characters (emphasis, code, links, headings, lists, tables, strike-through,
# autolinks); "&", "<" and ">" are left to html.escape, whose entities Markdown shows literally.
_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")
# "$" opens TeX math: escaped for the Markdown renderers (JupyterLab, nbconvert) and put in an
# element MathJax 2 and 3 skip in the HTML report, so "$5 and $6" never becomes a formula.
_DOLLAR = '<span class="tex2jax_ignore mathjax_ignore">\\$</span>'
_SPACE_RE = re.compile(r"\s+")
_NESTED_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})
MINUS = "−"  # U+2212: a real minus sign reads better than a hyphen in prose

GRADE_FORMULAS = (
    ("flesch_kincaid_grade", "Flesch–Kincaid"),
    ("gunning_fog", "Gunning Fog"),
    ("smog_index", "SMOG"),
    ("coleman_liau_index", "Coleman–Liau"),
    ("automated_readability_index", "ARI"),
)


# --- formatting -----------------------------------------------------------------------------
def md_escape(text: object) -> str:
    """Text safe inside Markdown that becomes HTML: shown literally, never parsed as markup."""
    flat = _SPACE_RE.sub(" ", str(text)).strip()
    escaped = html.escape(_MD_SPECIAL_RE.sub(r"\\\1", flat), quote=False)
    return escaped.replace("$", _DOLLAR)


def excerpt(text: str, max_words: int = 22) -> str:
    """The first ``max_words`` words of a passage, escaped and wrapped in curly quotes.

    Double quotation marks inside become single ones (‘…’), the usual way to nest a quotation.
    """
    words = str(text).translate(_NESTED_QUOTES).split()
    short = " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
    return f"“{md_escape(short)}”"


def _full_stop(quoted: str) -> str:
    """End a sentence that ends with a quotation: no second stop after “… end.”"""
    inner = quoted.rstrip("”")
    return quoted if inner.endswith((".", "!", "?", "…")) else quoted + "."


def signed(value: float, digits: int = 2) -> str:
    """+0.12 / −0.12 (true minus sign); "n/a" for a missing value."""
    if _is_missing(value):
        return "n/a"
    rounded = round(float(value), digits)
    text = f"{abs(rounded):.{digits}f}"
    if rounded > 0:
        return f"+{text}"
    return f"{MINUS}{text}" if rounded < 0 else text


def number(value: float, digits: int = 1) -> str:
    """A plain number with a true minus sign ("n/a" when missing)."""
    if _is_missing(value):
        return "n/a"
    return f"{float(value):.{digits}f}".replace("-", MINUS)


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def _noun(n: int, singular: str, plural_form: str | None = None) -> str:
    return singular if n == 1 else (plural_form or singular + "s")


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    return f"{n} {_noun(n, singular, plural_form)}"


def _counted(n: int, singular: str, plural_form: str | None = None) -> str:
    """:func:`plural` with thousands separated: 1 target, 1,301 targets."""
    return f"{n:,} {_noun(n, singular, plural_form)}"


def times(n: int) -> str:
    """once, twice, 3 times."""
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def join_words(items: Sequence[str]) -> str:
    """a; a and b; a, b and c."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


# --- the article ------------------------------------------------------------------------------
def article_header(article: Article, scores: Mapping[str, float] | None = None) -> str:
    """Title, byline, dateline and size of the article, as the write-up's opening lines.

    The word count is the readability count (``scores["n_words"]``) when given, so the page
    quotes one number throughout.
    """
    meta = article.metadata()
    if scores and not _is_missing(scores.get("n_words")):
        n_words = int(scores["n_words"])
    else:
        n_words = sum(len(word_spans(article.text, s.start, s.end)) for s in article.sentences)
    credit = [f"**{md_escape(meta['title'])}**"] if meta["title"] else []
    if meta["byline"]:
        credit.append(md_escape(meta["byline"]))
    if meta["dateline"]:
        credit.append(md_escape(str(meta["dateline"]).rstrip(" —–-")))
    if meta["source"]:
        credit.append(f"file {md_escape(Path(str(meta['source'])).name)}")
    lines = ["## The article"]
    if credit:
        lines.append(" · ".join(credit))
    lines.append(
        f"{plural(int(meta['n_paragraphs']), 'paragraph')}, "
        f"{plural(int(meta['n_sentences']), 'sentence')} and {plural(n_words, 'word')} of body "
        "text; the title, byline, dateline and closing credits are left out of every measure."
    )
    return "\n\n".join(lines)


# --- readability ----------------------------------------------------------------------------
def readability_sentence(
    scores: Mapping[str, float],
    sentences: pd.DataFrame | None = None,
    *,
    metric: str = "consensus_grade",
    n_hardest: int = 2,
) -> str:
    """How hard the article is to read, in Flesch's and school-grade terms, and where it is hardest.

    ``scores`` is :func:`analysis.readability_scores`; ``sentences`` is
    :func:`analysis.readability_sentences` (``sentence_id``, ``text``, ``n_words`` and the
    ``metric`` column, the consensus grade by default).
    """
    from analysis.readability import consensus_grade, flesch_band, grade_band

    fre = float(scores["flesch_reading_ease"])
    consensus = scores.get("consensus_grade")
    consensus = consensus_grade(dict(scores)) if _is_missing(consensus) else float(consensus)
    grades = [
        (name, float(scores[k]))
        for k, name in GRADE_FORMULAS
        if k in scores and not _is_missing(scores[k])
    ]
    parts = [
        f"The article scores **{number(fre)}** on the Flesch Reading Ease scale (0–100, higher "
        f"is easier): **{flesch_band(fre).lower()}** in Flesch's table. The median of the "
        f"formulas puts it at US school grade **{number(consensus)}**, "
        f"the {grade_band(consensus).lower()} band"
    ]
    if grades:
        low, high = min(grades, key=lambda g: g[1]), max(grades, key=lambda g: g[1])
        parts[-1] += (
            f" (the grade formulas range from {number(low[1])} with {low[0]} to "
            f"{number(high[1])} with {high[0]})"
        )
    parts[-1] += "."
    n_sent, n_words = scores.get("n_sentences"), scores.get("n_words")
    if n_sent and n_words:
        text = f"Its {plural(int(n_sent), 'sentence')} average **{number(n_words / n_sent)} words**"
        n_syllables = scores.get("n_syllables")
        if n_syllables:
            text += f", and its words {number(n_syllables / n_words, 2)} syllables"
        parts.append(
            text + ": sentence length and word length are the two things these formulas count."
        )
    if sentences is not None and len(sentences) > 1 and metric in sentences:
        table = sentences.dropna(subset=[metric])
        table = table.sort_values([metric, "sentence_id"], ascending=[False, True])
        items = [
            f"sentence {int(r['sentence_id'])} (grade {number(r[metric])}, "
            f"{plural(_n_words(r), 'word')}): {excerpt(r['text'])}"
            for r in table.head(max(1, min(n_hardest, len(table) // 2))).to_dict("records")
        ]
        if items:
            easiest = table.iloc[-1]
            parts.append(
                _full_stop(
                    f"The hardest {'sentence is' if len(items) == 1 else 'sentences are'} "
                    + "; ".join(items)
                )
                + f" The easiest is sentence {int(easiest['sentence_id'])} "
                f"(grade {number(easiest[metric])})."
            )
    return " ".join(parts)


def article_facts(meta: Mapping[str, object]) -> str:
    """What was read and found in it (``meta`` is :meth:`analysis.Article.metadata`): source,
    decoding, title, byline, dateline and the body's size, as Markdown lines."""

    def found(key: str) -> str:
        value = meta.get(key)
        return md_escape(value) if value else "none found"

    n_chars = int(meta["n_characters"])
    return (
        f"**Source:** {md_escape(meta['source'])} (decoded as {md_escape(meta['encoding'])})  \n"
        f"**Title:** {found('title')}  \n"
        f"**Byline:** {found('byline')}  \n"
        f"**Dateline:** {found('dateline')}  \n"
        f"**Body:** {plural(int(meta['n_paragraphs']), 'paragraph')}, "
        f"{plural(int(meta['n_sentences']), 'sentence')}, "
        f"{n_chars:,} {'character' if n_chars == 1 else 'characters'} in the whole file."
    )


def paragraph_shape(sentences: pd.DataFrame) -> str:
    """Sentences per paragraph, and how many paragraphs are a single sentence (wire style)."""
    per_paragraph = sentences.groupby("paragraph_id").size()
    single = int((per_paragraph == 1).sum())
    text = (
        f"The body has **{plural(len(sentences), 'sentence')}** in "
        f"**{plural(len(per_paragraph), 'paragraph')}**"
    )
    if len(per_paragraph) < 2:
        return text + "."
    return text + (
        f"; {plural(single, 'paragraph is', 'paragraphs are')} a single sentence, a habit of "
        "wire copy that makes paragraph-level averages close to sentence-level ones."
    )


def readability_counts(
    source: str, scores: Mapping[str, float], n_paragraphs: int, dateline: str | None = None
) -> str:
    """The counts behind the formulas (words, sentences, syllables, hard words), for the
    readability notebook's opening; ``dateline`` is the excluded dateline's text, if any."""
    n_words, n_sent = int(scores["n_words"]), int(scores["n_sentences"])
    excluded = (
        f"the dateline “{md_escape(dateline)}”, the byline and credits are excluded"
        if dateline
        else "the byline and credits are excluded"
    )
    n_poly, n_difficult = int(scores["n_polysyllables"]), int(scores["n_difficult"])
    return (
        f"**{md_escape(source)}**: {plural(n_words, 'word')} in "
        f"{plural(n_sent, 'body sentence')} and {plural(n_paragraphs, 'paragraph')} ({excluded}). "
        f"On average {number(n_words / n_sent)} words per sentence and "
        f"{number(scores['n_syllables'] / n_words, 2)} syllables per word; "
        f"{plural(n_poly, 'word has', 'words have')} three or more syllables and "
        f"{n_difficult} ({percent(n_difficult, n_words)}) "
        f"{'is' if n_difficult == 1 else 'are'} not on the Dale–Chall list of familiar words."
    )


def readability_formulas(scores: Mapping[str, float], profile: pd.DataFrame) -> str:
    """What Flesch–Kincaid, Reading Ease and the consensus say, and how far the seven formulas
    spread (``profile`` is :func:`analysis.readability.readability_profile`)."""
    from analysis.readability import flesch_band, grade_band

    fre, fk = float(scores["flesch_reading_ease"]), float(scores["flesch_kincaid_grade"])
    consensus = float(scores["consensus_grade"])
    years = max(0, round(fk))
    low, high = profile.loc[profile["grade"].idxmin()], profile.loc[profile["grade"].idxmax()]
    return (
        f"The **Flesch–Kincaid grade is {number(fk)}**: by this formula a reader needs about "
        f"{plural(years, 'year')} of US schooling ({grade_band(fk).lower()}) to follow the text. "
        f"**Flesch Reading Ease is {number(fre)}**, “{flesch_band(fre)}” on Flesch's scale. "
        f"The consensus — the median of the seven grades — is **{number(consensus)} "
        f"({grade_band(consensus).lower()})**; the formulas spread over "
        f"{number(high['grade'] - low['grade'])} grades, from {low['name']} "
        f"({number(low['grade'])}) to {high['name']} ({number(high['grade'])}). The spread is "
        "itself informative: formulas driven by sentence length (Flesch–Kincaid, Fog, ARI) rise "
        "with long sentences, Coleman–Liau and ARI with long words, Dale–Chall with unfamiliar "
        "vocabulary."
    )


def readability_caveats(
    scores: Mapping[str, float],
    sentences: pd.DataFrame,
    names: Sequence[str],
    dateline: str | None = None,
) -> str:
    """What the formulas cannot see, with this article's numbers: a Markdown list.
    ``names`` are the article's proper names (:func:`analysis.readability.proper_names`)."""
    shortest = sentences.loc[sentences["n_words"].idxmin()]
    excused = 1 - scores["n_complex"] / max(scores["n_polysyllables"], 1)
    listed = f"{', '.join(md_escape(n) for n in names[:4])} …" if names else "none here"
    dated = f" (“{md_escape(dateline)}”)" if dateline else ""
    return (
        "- **Surface counts, not meaning.** The formulas see only lengths: a long sentence of "
        "plain words scores as hard, a short sentence of jargon as easy. They were calibrated on "
        "school texts, not on news.\n"
        "- **Short texts and short sentences are noisy.** This article has "
        f"{plural(int(scores['n_sentences']), 'body sentence')}; SMOG was calibrated on samples "
        "of thirty, so its article value is an extrapolation. One sentence's grade moves by "
        "whole grades with a single long word (the shortest sentence here, "
        f"#{int(shortest['sentence_id'])}, has {plural(_n_words(shortest), 'word')} and a "
        f"Flesch–Kincaid grade of {number(shortest['flesch_kincaid_grade'])}).\n"
        f"- **Names.** Proper names ({listed}) are not counted as difficult (Dale–Chall) or "
        "complex (Gunning Fog), "
        "but their syllables and letters still count in Flesch–Kincaid, SMOG, Coleman–Liau and "
        f"ARI: {excused:.0%} of the polysyllabic words here are excused from Gunning's "
        "complex-word count as names, numerals, compounds or -ed/-es/-ing forms.\n"
        f"- **What is measured.** Only the body: the title, byline, dateline{dated} and credits "
        "are excluded, and “U.S.” does not end a sentence, so the sentence count is not inflated "
        "the way textstat's own counter inflates it.\n"
        "- **Syllables** come from the CMU Pronouncing Dictionary (offline); words it lacks get a "
        "rule-based estimate, which is right for most words but can be off by one."
    )


def sentence_extremes(
    sentences: pd.DataFrame, hardest: pd.DataFrame, metric: str = "consensus_grade"
) -> str:
    """The hardest and easiest sentence and the range of Flesch–Kincaid grades, for the
    readability notebook. ``sentences`` is :func:`analysis.readability_sentences` and ``hardest``
    :func:`analysis.readability.rank_hardest` of it, which leaves out fragments of a word or two:
    when that leaves nothing (a one-line stub), the text says so instead of naming a sentence."""
    easiest = sentences.loc[sentences[metric].idxmin()]
    easy = (
        f"(#{int(easiest['sentence_id'])}, {plural(_n_words(easiest), 'word')}, grade "
        f"{number(easiest[metric])}): “{md_escape(easiest['text'])}”"
    )
    if len(hardest):
        top = hardest.iloc[0]
        lead = (
            f"The hardest sentence (#{int(top['sentence_id'])}, {plural(_n_words(top), 'word')}, "
            f"consensus grade {number(top[metric])}) reads: “{md_escape(top['text'])}” — the "
            f"easiest {easy}."
        )
    else:
        lead = (
            "No sentence is long enough to be ranked as the hardest (fragments of one or two "
            f"words are left out); the easiest {easy}."
        )
    grades = sentences["flesch_kincaid_grade"]
    return (
        f"{lead} Sentence grades range from {number(grades.min())} to {number(grades.max())} "
        "(Flesch–Kincaid)."
    )


def _n_words(row: Mapping[str, object]) -> int:
    value = row.get("n_words")
    return len(word_spans(str(row["text"]))) if _is_missing(value) else int(value)


# --- tone -----------------------------------------------------------------------------------
def tone_counts(summary: Mapping[str, float]) -> str:
    """How many sentences are negative, neutral and positive, and the spread of the compound
    scores (``summary`` is :func:`analysis.sentiment.sentiment_summary`)."""
    text = (
        f"The body has **{plural(int(summary['n_sentences']), 'sentence')}**: "
        f"**{int(summary['n_negative'])} negative**, **{int(summary['n_neutral'])} neutral** and "
        f"**{int(summary['n_positive'])} positive** (default thresholds: positive at compound "
        f"≥ {signed(POS_THRESHOLD)}, negative at ≤ {signed(NEG_THRESHOLD)}). The mean sentence "
        f"compound is **{signed(summary['mean_compound'], 3)}**, the median "
        f"**{signed(summary['median_compound'], 3)}**"
    )
    if int(summary["n_sentences"]) > 1:
        text += (
            f"; sentences range from {signed(summary['min_compound'], 3)} to "
            f"{signed(summary['max_compound'], 3)}"
        )
    text += "."
    if abs(summary["mean_compound"]) < 0.1 and summary["n_negative"] and summary["n_positive"]:
        text += (
            " A mean near zero does not make a neutral story here: it averages negative and "
            "positive sentences that cancel out, so read the arc and the distribution too."
        )
    return text


def tone_halves(arc: pd.DataFrame) -> str:
    """The first half of the sentences against the second, and where the smoothed arc is lowest
    and highest (``arc`` is :func:`analysis.sentiment.sentiment_arc`)."""
    if len(arc) < 2:
        return "With a single sentence there is no arc: the tone cannot move."
    half = len(arc) // 2
    first, second = arc["compound"].iloc[:half].mean(), arc["compound"].iloc[half:].mean()
    low = arc.loc[arc["smoothed"].idxmin()]
    high = arc.loc[arc["smoothed"].idxmax()]
    text = (
        f"The first {plural(half, 'sentence')} average **{signed(first, 3)}**, the remaining "
        f"{len(arc) - half} **{signed(second, 3)}**. The smoothed line is lowest around sentence "
        f"{int(low['sentence_id'])} ({signed(low['smoothed'], 3)}, paragraph "
        f"{int(low['paragraph_id'])}) and highest around sentence {int(high['sentence_id'])} "
        f"({signed(high['smoothed'], 3)}, paragraph {int(high['paragraph_id'])}). "
    )
    if second - first > 0.1:
        return text + "The story moves from a more negative opening to a more positive close."
    if first - second > 0.1:
        return text + "The story moves from a more positive opening to a more negative close."
    return text + "The opening and the close have about the same tone."


def tone_extremes(
    summary: Mapping[str, object], sentences: pd.DataFrame, hits: pd.DataFrame
) -> list[str]:
    """The most negative and most positive sentence, each quoted with its scores and the
    lexicon words that moved it (``hits`` is :func:`analysis.sentiment.lexicon_hits`); one
    block for an article of one sentence, which is both. An end whose label is not its side's
    (no sentence is negative, say) is called the lowest or highest score, not the most negative."""
    extremes = {
        ("Most negative", "negative", "Lowest score"): summary["most_negative_sentence_id"],
        ("Most positive", "positive", "Highest score"): summary["most_positive_sentence_id"],
    }
    if len(sentences) == 1:
        extremes = {("The only sentence", "", ""): summary["most_negative_sentence_id"]}
    blocks = []
    for (named, side, otherwise), sid in extremes.items():
        row = sentences.loc[sentences["sentence_id"] == sid].iloc[0]
        what = named if not side or row["label"] == side else otherwise
        words = hits.loc[hits["sentence_id"] == sid]
        listed = ", ".join(
            f"*{md_escape(r.word)}* ({signed(r.valence, 1)})" for r in words.itertuples()
        )
        blocks.append(
            f"**{what}: sentence {sid}** (paragraph {row['paragraph_id']}, labelled "
            f"{row['label']}), compound **{signed(row['compound'], 4)}** (neg {row['neg']:.3f} · "
            f"neu {row['neu']:.3f} · pos {row['pos']:.3f}):\n\n> {md_escape(row['text'])}\n\n"
            f"VADER's lexicon words in it, with raw lexicon valence: {listed or 'none'}."
        )
    return blocks


def neutral_band(
    sensitivity: pd.DataFrame,
    sentences: pd.DataFrame,
    defense_valence: float,
    defense_compound: float,
) -> str:
    """How the neutral band's width changes the counts, against how neutral the words are
    (``sensitivity`` is :func:`analysis.sentiment.threshold_sensitivity`; the last two are
    VADER's valence of *defense* and the compound of "The defense.")."""
    default, strict = sensitivity.iloc[0], sensitivity.iloc[-1]
    n = len(sentences)
    return (
        f"At ±{default['threshold']:.2f}, {int(default['n_neutral'])} of "
        f"{plural(n, 'sentence')} {'is' if n == 1 else 'are'} neutral; at "
        f"±{strict['threshold']:.2f}, {int(strict['n_neutral'])}. Yet the average sentence has "
        f"**{sentences['neu'].mean():.0%}** of its weight in neutral words (mean `neu`), "
        f"against {sentences['pos'].mean():.0%} positive and {sentences['neg'].mean():.0%} "
        "negative. News prose is mostly neutral words, but with the default ±0.05 a single "
        f"sentiment-bearing word labels a whole sentence: *defense* (valence "
        f"{signed(defense_valence, 1)}) alone gives a compound of {signed(defense_compound, 3)}. "
        "For news, a wider neutral band often matches a reader's sense of 'neutral' better; "
        "choose it per domain and say which one you used."
    )


def domain_words(hits: pd.DataFrame, text: str) -> str:
    """The article's most frequent VADER lexicon words, with the topic words that read as
    sentiment in news (``hits`` is :func:`analysis.sentiment.lexicon_hits`)."""
    whose = (
        "\n\n**Whose sentiment?** A sentence's compound mixes the tone of the reporter, of "
        "the people quoted and of the events described; it does not say towards whom the "
        "sentiment is directed (the actor notebooks do)."
    )
    lead = (
        "**Domain words.** The lexicon was built for social media and reviews; in news it "
        "counts topic words as sentiment. "
    )
    if hits.empty:
        return lead + "No word of this article is in the lexicon: every sentence scores 0." + whose
    counts = (
        hits.assign(word=hits["word"].str.lower())
        .groupby("word")
        .agg(n=("valence", "size"), valence=("valence", "first"))
        .sort_values(["n", "valence"], ascending=[False, True])
    )
    top = [
        f"*{md_escape(r.Index)}* ({signed(r.valence, 1)}, {r.n}×)"
        for r in counts.head(8).itertuples()
    ]
    most = "word in this article is" if len(top) == 1 else "words in this article are"
    out = lead + f"The most frequent lexicon {most} {join_words(top)}. "
    if "defense" in counts.index:
        n = int(counts.loc["defense", "n"])
        out += (
            f"*Defense* ({signed(counts.loc['defense', 'valence'], 1)}) counts as mildly "
            f"positive {'the one time' if n == 1 else f'each of the {n} times'} it appears, "
            "although it names a topic, not praise. "
        )
    if "Cold War" in text:
        out += (
            '*War* in "Cold War" counts as strongly negative although the phrase names a '
            "period, not a judgement. "
        )
    return out + whose


def lexicon_intro(n_entries: int, good_valence: float, good_compound: float) -> str:
    """The size of VADER's lexicon and what one mildly positive word scores on its own
    (``good_valence`` is the lexicon valence of *good*, ``good_compound`` the compound of the
    sentence "good"): a scale for the compound scores that follow."""
    entries = "entry" if n_entries == 1 else "entries"
    return (
        f"VADER's lexicon has {n_entries:,} {entries}. The single word *good* (valence "
        f"{signed(good_valence, 1)}) scores compound {signed(good_compound, 4)} on its own."
    )


def saturation(whole_compound: float, mean_compound: float) -> str:
    """The whole body scored as one string against the mean of its sentences
    (:func:`analysis.sentiment.whole_text_compound` and the summary's ``mean_compound``)."""
    text = (
        f"**Saturation.** VADER on the whole body as one string gives compound "
        f"**{signed(whole_compound, 4)}**, while the mean of its sentences is "
        f"{signed(mean_compound, 4)}"
    )
    if _is_missing(whole_compound) or _is_missing(mean_compound):
        return text + ". That is why every number here is per sentence."
    if abs(whole_compound) > abs(mean_compound):
        return text + (
            ": summing every word's valence before squashing pushes long texts to the extremes. "
            "That is why every number here is per sentence."
        )
    return text + (
        ": here the whole text is no more extreme than its sentences, but summing every word's "
        "valence before squashing pushes long texts to the extremes. That is why every number "
        "here is per sentence."
    )


def negation_contrast(
    scored: pd.DataFrame, simple: str | None = None, good_news: Sequence[str] = ()
) -> str:
    """How VADER handles negation and *but*, from example sentences it has scored.

    ``scored`` is :func:`analysis.sentence_sentiment` of the examples (``text``, ``compound``,
    ``label``); ``simple`` is a simple negation it should get right, ``good_news`` sentences
    that report good news in negative words. Those VADER labels negative are quoted as misread.
    """
    rows = {str(r["text"]): r for r in scored.to_dict("records")} if len(scored) else {}

    def quoted(t: str) -> str:
        return f"{excerpt(t)} ({signed(rows[t]['compound'], 3)})"

    text = (
        "**Negation and contrast.** VADER flips a word's valence when *not*, *no*, *never* and "
        "the like occur just before it, and weights the clause after *but* more."
    )
    if simple in rows:
        works = rows[simple]["label"] != "negative"
        text += (
            f" {'That works for' if works else 'It fails even for'} a simple case: "
            f"{quoted(simple)}."
        )
    checked = [t for t in good_news if t in rows]
    misread = [t for t in checked if rows[t]["label"] == "negative"]
    if misread:
        these = "reports" if len(misread) == 1 else "report"
        text += (
            f" It fails for others: {join_words([quoted(t) for t in misread])} {these} good news "
            "but score" + ("s" if len(misread) == 1 else "") + " negative, because the "
            "negator is not right before the sentiment word, or the word for the bad event "
            "outweighs it."
        )
    elif checked:
        text += (
            f" None of the {plural(len(checked), 'good-news example')} here scores negative."
            if len(checked) > 1
            else " The good-news example here does not score negative."
        )
    return text


def tone_sentence(
    sentiment_table: pd.DataFrame,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> str:
    """How many sentences read negative/neutral/positive, the extremes, and how the tone moves.

    ``sentiment_table`` is :func:`analysis.sentence_sentiment` (``sentence_id, text, compound,
    label``). Movement compares the mean compound of the first and last third of the sentences.
    """
    n = len(sentiment_table)
    if n == 0:
        return "The article has no body sentence to score for tone."
    table = sentiment_table.sort_values("sentence_id", ignore_index=True)
    counts = label_counts(table["label"])
    compound = table["compound"].astype("float64")
    mean = float(compound.mean())
    parts = [
        f"Of its {plural(n, 'sentence')}, **{counts['negative']} read as negative**, "
        f"{counts['neutral']} as neutral and **{counts['positive']} as positive** (VADER compound "
        f"per sentence, neutral between {signed(neg_threshold)} and {signed(pos_threshold)}); "
        f"the mean compound is **{signed(mean)}**."
    ]
    low, high = table.loc[compound.idxmin()], table.loc[compound.idxmax()]
    if float(low["compound"]) <= neg_threshold:
        parts.append(
            f"The most negative is sentence {int(low['sentence_id'])} "
            f"({signed(low['compound'])}): {_full_stop(excerpt(low['text']))}"
        )
    if float(high["compound"]) >= pos_threshold:
        parts.append(
            f"The most positive is sentence {int(high['sentence_id'])} "
            f"({signed(high['compound'])}): {_full_stop(excerpt(high['text']))}"
        )
    if counts["negative"] == 0 and counts["positive"] == 0:
        parts.append("No sentence leaves the neutral band.")
    movement = _movement(compound, pos_threshold, neg_threshold)
    if movement is not None:
        third, opening, closing, trend = movement
        if third == 1:
            parts.append(
                f"The first sentence scores {signed(opening)} and the last {signed(closing)}: "
                f"{trend}."
            )
        else:
            parts.append(
                f"The first {third} sentences average {signed(opening)} and the last {third} "
                f"{signed(closing)}: {trend}."
            )
    return " ".join(parts)


def _movement(
    compound: pd.Series, pos_threshold: float, neg_threshold: float
) -> tuple[int, float, float, str] | None:
    """(sentences per third, mean of the first third, of the last third, a verdict)."""
    n = len(compound)
    if n < 3:
        return None
    third = max(1, n // 3)
    opening = float(compound.iloc[:third].mean())
    closing = float(compound.iloc[-third:].mean())
    delta = closing - opening
    if abs(delta) < (pos_threshold - neg_threshold) / 2:
        trend = "it ends about where it starts"
    elif delta > 0:
        trend = "it ends more positive than it starts"
    else:
        trend = "it ends more negative than it starts"
    return third, opening, closing, trend


# --- actors ---------------------------------------------------------------------------------
def _lean(mean: float, pos_threshold: float, neg_threshold: float) -> str:
    if _is_missing(mean):
        return "no score"
    if mean >= pos_threshold:
        return "positive"
    if mean <= neg_threshold:
        return "negative"
    return "neutral"


def _portrayal(
    n: int,
    mean: float,
    ci_low: object,
    ci_high: object,
    pos_threshold: float,
    neg_threshold: float,
    *,
    bold: bool = False,
    singular: bool = True,
) -> str:
    """ "leans negative (mean …, 95% interval …)", or "shows no clear lean" when the interval
    reaches into the neutral band; a single item is just labelled by its score.

    ``singular`` conjugates the verb for the subject the caller writes before it.
    """
    b = "**" if bold else ""
    s = "s" if singular else ""
    if n == 1:
        return f"{b}{_lean(mean, pos_threshold, neg_threshold)}{b} ({signed(mean)})"
    if _is_missing(ci_low) or _is_missing(ci_high):
        label = _lean(mean, pos_threshold, neg_threshold)
        return f"lean{s} {b}{label}{b} (mean {signed(mean)})"
    interval = f"mean {signed(mean)}, 95% interval {signed(ci_low)} to {signed(ci_high)}"
    if float(ci_high) <= neg_threshold:
        verdict = f"lean{s} {b}negative{b}"
    elif float(ci_low) >= pos_threshold:
        verdict = f"lean{s} {b}positive{b}"
    else:
        verdict = f"show{s} {b}no clear lean{b}"
    return f"{verdict} ({interval})"


def _first_column(table: pd.DataFrame, names: Iterable[str]) -> str | None:
    return next((c for c in names if c in table.columns), None)


def actors_overview(
    actors: pd.DataFrame, mentions: pd.DataFrame, n_sentences: int, byline: str | None = None
) -> str:
    """How many actors, of which kinds, how they are mentioned, and the three most mentioned
    (``actors`` and ``mentions`` are :func:`analysis.find_actors` and
    :func:`analysis.actor_mentions`; ``byline`` the byline's name, which is not an actor)."""
    writer = (
        f" The byline's *{md_escape(byline)}* is the writer, not an actor, and is not counted."
        if byline
        else ""
    )
    if actors.empty:
        return (
            "The body mentions **no actor**: no person, organisation or place is named or "
            "referred to, so there is no one to portray." + writer
        )
    kinds = actors["kind"].value_counts()
    links = mentions["linked_by"].value_counts()
    how = [
        f"{int(links.get(key, 0))} by {way}"
        for key, way in (
            ("name", "name"),
            ("alias", "alias or acronym"),
            ("role", "a role noun"),
            ("pronoun", "a pronoun"),
        )
    ]
    top = [
        f"**{md_escape(r.actor)}** ({plural(int(r.n_mentions), 'mention')} in "
        f"{int(r.n_sentences)} of {plural(n_sentences, 'sentence')})"
        for r in actors.head(3).itertuples()
    ]
    most = "The most mentioned is " if len(top) == 1 else "The most mentioned are "
    return (
        f"The body mentions **{plural(len(actors), 'actor')}** "
        f"({', '.join(f'{n} {md_escape(k)}' for k, n in kinds.items())}) in "
        f"**{plural(len(mentions), 'mention')}**: {join_words(how)}. "
        f"{most}{join_words(top)}.{writer}"
    )


def heuristic_links(mentions: pd.DataFrame, article: Article, context: int = 60) -> str:
    """The mentions linked by a pronoun or a role noun, each with the text around it: the links
    most likely to be wrong, listed for a reader to check."""
    linked = mentions[mentions["linked_by"].isin(["pronoun", "role"])]
    if linked.empty:
        return (
            "**No mention was linked by a heuristic** (a pronoun or a role noun): every mention "
            "names its actor."
        )
    text = article.text
    lines = []
    for r in linked.itertuples():
        start = max(article.sentences[r.sentence_id].start, r.start - context)
        around = _SPACE_RE.sub(" ", text[start : r.end + context * 2 // 3])
        lines.append(
            f"- sentence {r.sentence_id}: *{md_escape(r.text)}* → **{md_escape(r.actor)}** "
            f"({r.linked_by}): “…{md_escape(around)}…”"
        )
    linked_by = (
        "**1 mention was linked by a heuristic**"
        if len(linked) == 1
        else f"**{len(linked)} mentions were linked by a heuristic**"
    )
    return (
        f"{linked_by} (pronouns and role nouns). Check them against the text — these are the "
        "links most likely to be wrong:\n\n" + "\n".join(lines)
    )


def lead_actor_sentence(actors: pd.DataFrame, timeline: pd.DataFrame, n_sentences: int) -> str:
    """Where the most mentioned actor appears, and which actors appear only once
    (``timeline`` is :func:`analysis.portrayal.mention_timeline`)."""
    if actors.empty:
        return ""
    lead = actors.iloc[0]
    rows = timeline[timeline["actor"] == lead["actor"]]
    single = actors[actors["n_sentences"] == 1]
    named = f" ({', '.join(md_escape(a) for a in single['actor'])})" if 0 < len(single) <= 8 else ""
    first, last = rows["sentence_id"].min(), rows["sentence_id"].max()
    where = f"sentence {first}" if first == last else f"from sentence {first} to {last}"
    text = (
        f"**{md_escape(lead['actor'])}** appears in {rows['sentence_id'].nunique()} of "
        f"{plural(n_sentences, 'sentence')}, {'in ' if first == last else ''}{where}."
    )
    if len(actors) > 1:
        appear = "appears" if len(single) == 1 else "appear"
        text += (
            f" {len(single)} of the {len(actors)} actors {appear} in a single sentence only{named}."
        )
    return text


def co_mention_pairs(pairs: pd.DataFrame, top: int = 3) -> str:
    """The pairs of actors that share most sentences (``pairs`` is
    :func:`analysis.portrayal.co_mentions`, each pair in both orders); empty when none share one."""
    shared = pairs[(pairs["actor_a"] < pairs["actor_b"]) & (pairs["n_sentences"] > 0)]
    shared = shared.sort_values("n_sentences", ascending=False, kind="stable").head(top)
    if shared.empty:
        return ""
    listed = [
        f"**{md_escape(r.actor_a)}** and **{md_escape(r.actor_b)}** ({r.n_sentences})"
        for r in shared.itertuples()
    ]
    lead = (
        "The pair that shares most sentences"
        if len(listed) == 1
        else "The pairs that share most sentences"
    )
    return f"{lead}: " + "; ".join(listed) + "."


def portrayal_findings(portrayal: pd.DataFrame, attributions: pd.DataFrame) -> str:
    """The most negatively and positively treated actors (among those with three mentions or
    more, when there are any), how few mentions most means rest on, and what BY rests on
    (``portrayal`` is :func:`analysis.actor_sentiment`, ``attributions``
    :func:`analysis.find_attributions`)."""
    about = portrayal[portrayal["role"] == "about"]
    by = portrayal[portrayal["role"] == "by"]
    text = []
    if len(about):
        solid = about[about["n"] >= 3]
        pool = solid if len(solid) else about
        most_neg = pool.loc[pool["mean_score"].idxmin()]
        most_pos = pool.loc[pool["mean_score"].idxmax()]

        def treated(row: pd.Series) -> str:
            return (
                f"**{md_escape(row['actor'])}** (mean {signed(row['mean_score'])} over "
                f"{plural(int(row['n']), 'mention')})"
            )

        if len(pool) == 1:
            text.append(f"The only actor scored is {treated(most_neg)}.")
        else:
            scope = "Among actors with at least three mentions, the" if len(solid) else "The"
            text.append(
                f"{scope} most negatively treated is {treated(most_neg)}, the most positively "
                f"treated {treated(most_pos)}."
            )
        few = int((about["n"] < 3).sum())
        if len(about) == 1:
            if few:
                text.append(
                    "**Its mean rests on fewer than three mentions**, so its interval is wide or "
                    "missing (one mention gives no interval at all)."
                )
        else:
            have = "has" if few == 1 else "have"
            text.append(
                f"**{few} of the {len(about)} actors {have} fewer than three mentions**: their "
                "means rest on one or two sentences and their intervals are wide or missing (one "
                "mention gives no interval at all). Compare actors only where intervals are "
                "narrow and do not overlap."
            )
    n_direct = int((attributions["kind"] == "direct").sum()) if len(attributions) else 0
    text.append(
        f"BY rests on **{plural(len(attributions), 'attribution')}** from "
        f"{plural(by['actor'].nunique(), 'speaker')} "
        f"({plural(n_direct, 'direct quotation')})."
    )
    if n_direct == 0 and len(attributions):
        text.append(
            "With no direct quotation, BY scores the writer's paraphrase of each speaker, not "
            "the speaker's own words."
        )
    return " ".join(text)


def actors_sentence(
    actor_sentiment_table: pd.DataFrame,
    *,
    max_actors: int = 6,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> str:
    """How each actor is portrayed: the tone of the text ABOUT them, and of the words BY them.

    ``actor_sentiment_table`` is :func:`analysis.actor_sentiment`: one row per actor and role
    (``about``/``by``) with ``n`` (mentions or attributions), ``mean_score`` and a 95% interval
    (``ci_low``, ``ci_high``). Actors are listed by number of mentions, at most ``max_actors``.
    """
    table = actor_sentiment_table
    if table is None or table.empty:
        return "The analysis found no people, organisations or places to follow in this article."
    n_col = _first_column(table, ("n", "n_mentions", "count"))
    mean_col = _first_column(table, ("mean_score", "mean", "score"))
    lo_col = _first_column(table, ("ci_low", "ci_lower", "lower"))
    hi_col = _first_column(table, ("ci_high", "ci_upper", "upper"))
    roles = table["role"].astype(object).str.lower()
    about = table[roles == "about"].set_index("actor")
    by = table[roles == "by"].set_index("actor")
    about = about.sort_values(n_col, ascending=False, kind="stable")
    names = [a for a in about.index if int(about.at[a, n_col]) > 0]

    def judge(row: pd.Series, bold: bool, singular: bool) -> str:
        n, mean = int(row[n_col]), float(row[mean_col])
        lo = row[lo_col] if lo_col else None
        hi = row[hi_col] if hi_col else None
        return _portrayal(
            n, mean, lo, hi, pos_threshold, neg_threshold, bold=bold, singular=singular
        )

    lines = []
    for actor in names[:max_actors]:
        row = about.loc[actor]
        n = int(row[n_col])
        subject = "which reads" if n == 1 else "the text about them"
        line = (
            f"- **{md_escape(actor)}** — {plural(n, 'mention')}, {subject} {judge(row, True, True)}"
        )
        if actor in by.index and int(by.at[actor, n_col]) > 0:
            bn = int(by.at[actor, n_col])
            said = (
                "the one statement attributed to them reads"
                if bn == 1
                else (f"the {bn} statements attributed to them")
            )
            line += f"; {said} {judge(by.loc[actor], False, bn == 1)}"
        else:
            line += "; nothing is attributed to them"
        lines.append(line + ".")
    rest = len(names) - len(lines)
    head = (
        f"The article names **{plural(len(names), 'actor')}**. "
        "ABOUT is the sentiment of the text toward each mention (target-dependent, not the "
        "sentence's overall tone); BY is the tone of what the actor is reported to say."
    )
    tail = ""
    if rest > 0:
        verb = "is" if rest == 1 else "are"
        tail = f"\n\n{plural(rest, 'other actor')} with fewer mentions {verb} in notebook 03."
    return head + "\n\n" + "\n".join(lines) + tail


# --- voices ---------------------------------------------------------------------------------
def _content_words(row: Mapping[str, object], text: str | None) -> int:
    if text is None:
        return 0
    spans = row.get("content_spans")
    if _is_missing(spans) if not isinstance(spans, list | tuple) else False:
        spans = None
    if spans is None or len(spans) == 0:
        s, e = row.get("content_start"), row.get("content_end")
        spans = [] if _is_missing(s) or _is_missing(e) else [(s, e)]
    return sum(len(word_spans(text, int(s), int(e))) for s, e in spans)


def _cue_verbs(rows: list[dict]) -> list[tuple[str, int, str]]:
    """(form, count, framing class) per cue lemma, most frequent first, then in reading order.

    The form shown is the cue as first written ("raised doubts"), lower-cased, when the table
    has ``cue_text``; else the lemma.
    """
    from analysis.attribution_lexicon import cue_class

    seen: dict[str, list] = {}
    for r in rows:
        lemma = "" if _is_missing(r.get("cue_lemma")) else str(r["cue_lemma"]).strip()
        if not lemma:
            continue
        if lemma not in seen:
            form = r.get("cue_text")
            form = lemma if _is_missing(form) or not str(form).strip() else str(form).lower()
            cls = r.get("cue_class")
            cls = cue_class(lemma) if _is_missing(cls) else str(cls)
            seen[lemma] = [form, 0, cls]
        seen[lemma][1] += 1
    ranked = sorted(enumerate(seen.values()), key=lambda item: (-item[1][1], item[0]))
    return [(form, count, cls) for _, (form, count, cls) in ranked]


def kind_counts(attributions_table: pd.DataFrame) -> tuple[int, int, int]:
    """Direct, mixed and indirect attributions; a row without a kind counts as paraphrase."""
    kinds = [
        "indirect" if _is_missing(kind) else str(kind).lower()
        for kind in attributions_table.get("kind", pd.Series(index=attributions_table.index))
    ]
    n_direct, n_mixed = kinds.count("direct"), kinds.count("mixed")
    return n_direct, n_mixed, len(kinds) - n_direct - n_mixed


def voices_sentence(attributions_table: pd.DataFrame, text: str | None = None) -> str:
    """Who gets to speak, directly or paraphrased, how much, and with which verbs.

    ``attributions_table`` is :func:`analysis.find_attributions` (``speaker, kind, cue_lemma``,
    content spans); ``text`` (the article text) adds words of content per speaker.
    """
    table = attributions_table
    if table is None or table.empty:
        return (
            "The analysis found **no attributed statement**: no one is quoted or paraphrased, "
            "so the article speaks only in the writer's voice."
        )
    rows = table.to_dict("records")
    n = len(rows)
    n_direct, n_mixed, n_indirect = kind_counts(table)
    speakers: dict[str, list[dict]] = {}
    for r in rows:
        name = "an unnamed source" if _is_missing(r.get("speaker")) else str(r["speaker"])
        speakers.setdefault(name, []).append(r)
    order = sorted(speakers, key=lambda s: (-len(speakers[s]), s))
    words = {s: sum(_content_words(r, text) for r in speakers[s]) for s in order}
    total_words = sum(words.values())
    parts = [
        f"The article attributes **{plural(n, 'statement')}** to "
        f"**{plural(len(order), 'speaker')}**."
    ]
    if n_direct == 0 and n_mixed == 0:
        parts.append(
            "**It contains no direct quotation**: every statement is paraphrased (reported "
            "speech), so readers get the speakers' positions in the writer's words."
        )
    else:
        parts.append(
            f"{plural(n_direct, 'is a direct quote', 'are direct quotes')}, "
            f"{n_mixed} mixed (a quoted fragment inside paraphrase) and {n_indirect} paraphrased."
        )
    measure = "statements and words of content" if total_words else "statements"
    parts.append(f"Share of voice, by number of {measure}:")
    lines = []
    for s in order:
        line = f"- **{md_escape(s)}** — {plural(len(speakers[s]), 'statement')} "
        line += f"({percent(len(speakers[s]), n)})"
        if total_words:
            line += f", {plural(words[s], 'word')} of content ({percent(words[s], total_words)})"
        lines.append(line)
    tail = ""
    verbs = _cue_verbs(rows)
    if verbs:
        n_cues = sum(count for _, count, _ in verbs)
        n_eval = sum(count for _, count, cls in verbs if cls == "evaluative")
        listed = [
            f"“{md_escape(form)}”"
            + (f" ×{count}" if count > 1 else "")
            + (" (evaluative)" if cls == "evaluative" else "")
            for form, count, cls in verbs
        ]
        tail = (
            f"The words of attribution are {join_words(listed)}: **{n_eval} of {n_cues}** "
            f"({percent(n_eval, n_cues)}) are evaluative — they colour the statement, where the "
            "AP Stylebook's neutral choice is “said”."
        )
    return " ".join(parts) + "\n\n" + "\n".join(lines) + ("\n\n" + tail if tail else "")


def quotes_overview(attributions_table: pd.DataFrame, n_speakers: int) -> str:
    """The quotes notebook's opening finding: how many attributions, to how many speakers,
    direct or paraphrased, and the absence (or rarity) of direct quotation as a finding."""
    n = len(attributions_table)
    if n == 0:
        return "No attribution was found: the article reports no one's words or views."
    n_direct, n_mixed, n_indirect = kind_counts(attributions_table)
    text = (
        f"The article attributes words or views **{times(n)}** to "
        f"**{plural(n_speakers, 'speaker')}**: {plural(n_direct, 'direct quotation')}, "
        f"{n_mixed} mixed (a quoted fragment in paraphrase) and {plural(n_indirect, 'paraphrase')}."
    )
    if n_direct == 0 and n_mixed == 0:
        text += (
            " **There is no direct quotation at all**: every statement is the writer's "
            "paraphrase of what someone said, so the reader never sees the speakers' own words "
            "and the choice of each verb of attribution is the writer's."
        )
    elif n_direct + n_mixed < n / 3:
        text += " Quotation is rare: most of what people said reaches the reader as paraphrase."
    return text


def attribution_accuracy(
    scores: Mapping[str, object] | None, baseline: Mapping[str, object] | None = None
) -> str:
    """How far to trust the attribution table, measured on PolNeAR dev.

    ``scores`` and ``baseline`` are :func:`analysis.validation.polnear.score_polnear` of the
    package and of the toy regex; ``scores`` None says the reference data is absent.
    """
    if not scores:
        return (
            "*PolNeAR reference data (../shared) is absent: accuracy is not measured here; "
            "see docs/quotes.md.*"
        )
    n_docs, n_gold = _get(scores, "n_documents"), _get(scores, "n_gold")
    if not n_gold:
        return (
            f"**Measured accuracy.** The {_count(n_docs)} PolNeAR dev articles hold no annotated "
            "attribution, so accuracy could not be measured."
        )
    lenient = _get(scores, "attribution", "lenient") or {}
    recall = lenient.get("r") if isinstance(lenient, Mapping) else None
    articles = "article" if n_docs == 1 else "articles"
    text = (
        f"**Measured accuracy.** On the {_count(n_docs)} PolNeAR dev {articles} (political news, "
        f"{_counted(int(n_gold), 'annotated attribution')}, scored as in `../shared/README.md`) "
        "an attribution is right in source, cue and content overlap with lenient F1 "
        f"**{_score(_get(lenient, 'f1'))}** (precision {_score(_get(lenient, 'p'))}, recall "
        f"{_score(recall)}), and exact in all three with strict F1 "
        f"{_score(_get(scores, 'attribution', 'strict', 'f1'))}"
    )
    if baseline:
        text += (
            "; a toy *Name said …* regex gets "
            f"{_score(_get(baseline, 'attribution', 'lenient', 'f1'))}"
        )
    direct, overall = _get(scores, "direct", "lenient", "f1"), _get(lenient, "f1")
    speaker = _get(scores, "speaker_accuracy")
    checked = not _is_missing(speaker) and bool(_get(scores, "speaker_n"))
    if isinstance(direct, int | float):
        if not isinstance(overall, int | float):
            how = "with"
        elif direct > overall + 0.1:
            how = "far better, with"
        else:
            how = "better, with" if direct > overall else "no better, with"
        text += f". Direct quotations are found {how} lenient F1 {_score(direct)}"
        text += (
            f", and their speaker is right {_share(speaker)} of the time."
            if checked
            else "; no direct quotation with a source was found to check its speaker."
        )
    elif checked:
        text += f". The speaker of a direct quotation is right {_share(speaker)} of the time."
    else:
        text += "."
    if isinstance(recall, int | float) and not _is_missing(recall):
        text += (
            " So read the table above as mostly right where it speaks, and incomplete: it "
            f"misses roughly {_share(1 - recall)} of what annotators marked."
        )
    return text


def top_voice_sentence(summary: pd.DataFrame) -> str:
    """Who gets the most words, from :func:`analysis.attribution.speaker_summary` (its first row
    is the speaker with the most attributed words)."""
    if summary.empty:
        return ""
    top = summary.iloc[0]
    words = int(top["content_words"])
    others = len(summary) - 1
    return (
        f"**{md_escape(top['speaker'])}** gets the most words: {plural(words, 'word')} of "
        f"attributed content in {plural(int(top['attributions']), 'attribution')}, "
        f"{percent(words, summary['content_words'].sum())} of all attributed words. "
        + (
            "Only one speaker is heard."
            if others == 0
            else "The one other speaker has the rest."
            if others == 1
            else f"The other {others} speakers share the rest."
        )
    )


def cue_framing_sentence(attributions_table: pd.DataFrame) -> str:
    """How many cues are evaluative, how often the neutral *say* is used, and which evaluative
    verbs carry most of the attributions when they outnumber the neutral ones."""
    if attributions_table.empty:
        return ""
    classes = attributions_table["cue_class"]
    evaluative = classes == "evaluative"
    n_eval, n_cued = int(evaluative.sum()), int(classes.notna().sum())
    n_say = int((attributions_table["cue_lemma"] == "say").sum())
    text = f"Evaluative cues: **{n_eval} of {n_cued}**; the neutral *say* is used {times(n_say)}."
    if n_cued and n_eval / n_cued > 0.5:
        verbs = sorted(set(attributions_table.loc[evaluative, "cue_lemma"]))
        text += (
            " Most attributions use a verb that tells the reader how to take the statement ("
            + ", ".join(md_escape(v) for v in verbs)
            + "), rather than the neutral *said*."
        )
    return text


def corpus_overview(summary: Mapping[str, object], n_errors: int) -> str:
    """How many articles were analysed and failed, and how many carry a reading level
    (``summary`` is :func:`analysis.corpus.corpus_summary`)."""
    n = int(summary["n_articles"])
    failed = (
        "every file could be analysed"
        if n_errors == 0
        else f"**{plural(n_errors, 'file')} could not be analysed** (listed below)"
    )
    levels, n_sentences = int(summary["n_levels"]), int(summary["n_sentences"])
    level_note = ""
    if n > 1:
        level_note = f" {levels} of the {n} articles carry a OneStopEnglish reading level."
    elif levels:
        level_note = " It carries a OneStopEnglish reading level."
    return (
        f"**{plural(n, 'article')}** analysed, {n_sentences:,} body "
        f"{'sentence' if n_sentences == 1 else 'sentences'} in all; {failed}.{level_note}"
    )


def corpus_extremes(summary: Mapping[str, object]) -> str:
    """The hardest and easiest article and the most negative and positive in tone; with one
    article there is nothing to compare, and the text says so."""
    n = int(summary["n_articles"])
    if n == 0:
        return "No article could be analysed, so there is nothing to compare."
    if n == 1:
        return (
            f"With one article (**{md_escape(summary['hardest'])}**, grade "
            f"{number(summary['hardest_value'])}, mean compound "
            f"{signed(summary['most_negative_value'])}) there is nothing to compare: point "
            "`corpus_dir` at a folder of articles to see them side by side."
        )
    return (
        f"The hardest text is **{md_escape(summary['hardest'])}** (grade "
        f"{number(summary['hardest_value'])}) and the easiest **{md_escape(summary['easiest'])}** "
        f"(grade {number(summary['easiest_value'])}). The most negative in tone is "
        f"**{md_escape(summary['most_negative'])}** (mean compound "
        f"{signed(summary['most_negative_value'])}), the most positive "
        f"**{md_escape(summary['most_positive'])}** ({signed(summary['most_positive_value'])})."
    )


def level_ordering(levels: pd.DataFrame, metric: str = "Flesch–Kincaid grade") -> str:
    """How many OneStopEnglish topics the grade orders elementary < intermediate < advanced
    (``levels`` is :func:`analysis.corpus.level_table`); a corpus without levels says so."""
    if levels.empty:
        return (
            "No file in this corpus carries a OneStopEnglish level (`<topic>-ele/int/adv.txt`), "
            "so there is nothing to order."
        )
    complete = levels["ordered"].dropna()
    n_partial = len(levels) - len(complete)
    partial = (
        f" {plural(n_partial, 'topic lacks', 'topics lack')} a level and "
        f"{'is' if n_partial == 1 else 'are'} left out."
        if n_partial
        else ""
    )
    if complete.empty:
        return (
            f"No topic has all three levels, so the {metric} cannot be checked for order "
            "(elementary < intermediate < advanced)."
        )
    n_ordered = int(complete.astype(bool).sum())
    return (
        f"The {metric} orders **{n_ordered} of {plural(len(complete), 'complete topic')}** "
        f"elementary < intermediate < advanced.{partial}"
    )


# --- in brief -------------------------------------------------------------------------------
def key_points(
    scores: Mapping[str, float],
    sentiment_table: pd.DataFrame,
    actors_table: pd.DataFrame,
    attributions_table: pd.DataFrame,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> str:
    """Four bullets for the top of the page: difficulty, tone, who is present, who speaks.

    ``actors_table`` is :func:`analysis.find_actors` (``actor``, ``n_mentions``), the others as
    in the section functions.
    """
    from analysis.readability import flesch_band, grade_band

    grade = float(scores["consensus_grade"])
    fre = float(scores["flesch_reading_ease"])
    points = [
        f"- **Difficulty:** US grade {number(grade)} ({grade_band(grade).lower()}); Flesch "
        f"Reading Ease {number(fre)}, {flesch_band(fre).split(' (')[0].lower()}."
    ]
    n = len(sentiment_table)
    if n:
        labels = sentiment_table["label"].astype(object)
        table = sentiment_table.sort_values("sentence_id")
        movement = _movement(table["compound"].astype("float64"), pos_threshold, neg_threshold)
        tone = (
            f"- **Tone:** of {plural(n, 'sentence')}, {int((labels == 'negative').sum())} "
            f"negative and {int((labels == 'positive').sum())} positive"
        )
        points.append(tone + (f"; {movement[3]}." if movement else "."))
    if actors_table is not None and len(actors_table):
        top = actors_table.sort_values("n_mentions", ascending=False, kind="stable").head(3)
        named = [
            f"{md_escape(r['actor'])} ({plural(int(r['n_mentions']), 'mention')})"
            for r in top.to_dict("records")
        ]
        points.append(
            f"- **Who appears:** {plural(len(actors_table), 'actor')}, most of all "
            f"{join_words(named)}."
        )
    else:
        points.append("- **Who appears:** no actor detected.")
    if attributions_table is not None and len(attributions_table):
        speakers = attributions_table["speaker"].astype(object).fillna("an unnamed source")
        counts = speakers.value_counts(sort=False)
        first = max(counts.index, key=lambda s: (counts[s], -list(counts.index).index(s)))
        n_att = len(attributions_table)
        n_direct, n_mixed, _ = kind_counts(attributions_table)
        quoted = n_direct + n_mixed
        quotes = "none quoted directly" if quoted == 0 else f"{quoted} quoted directly"
        points.append(
            f"- **Who speaks:** {plural(n_att, 'statement')} from "
            f"{plural(len(counts), 'speaker')}, {quotes}; {md_escape(first)} has "
            f"{int(counts[first])} ({percent(int(counts[first]), n_att)})."
        )
    else:
        points.append("- **Who speaks:** no one is quoted or paraphrased.")
    return "\n".join(points)


# --- methods and limits ---------------------------------------------------------------------
def _get(figures: Mapping[str, object], *path: str) -> object:
    value: object = figures
    for part in path:
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else "n/a"


def _share(value: object, digits: int = 0) -> str:
    if not isinstance(value, int | float) or _is_missing(value):
        return "n/a"
    return f"{value:.{digits}%}"


def _score(value: object, digits: int = 3) -> str:
    """A measured score to three decimals: 0.797 printed as "0.80" would read as a met 0.80
    target."""
    return number(value, digits) if isinstance(value, int | float) else "n/a"


def methods_section(figures: Mapping[str, object]) -> str:
    """What each method is and how accurate it measured, from the committed validation figures.

    ``figures`` is :func:`analysis.validation.summary.load_validation_figures` (or a fresh
    :func:`~analysis.validation.summary.collect_validation_figures`); missing parts say so.
    """
    if not figures:
        return (
            "No validation figures are available (analysis/data/validation_figures.json is "
            "missing): run `python -m analysis.validation` with the reference data to measure them."
        )
    items = []
    rd = _get(figures, "readability")
    if isinstance(rd, Mapping):
        sys_, base = rd.get("system") or {}, rd.get("baseline") or {}
        items.append(
            "- **Readability** — the classic formulas, computed from the package's own sentences "
            "and words. They measure sentence and word length, not ideas or layout. On "
            f"{_count(sys_.get('n_triplets'))} OneStopEnglish articles rewritten at three levels, "
            f"the Flesch–Kincaid grade puts **{_count(sys_.get('n_ordered'))}** "
            f"({_share(sys_.get('share_ordered'))}) in the order elementary < intermediate < "
            f"advanced; textstat called directly, {_count(base.get('n_ordered'))} "
            f"({_share(base.get('share_ordered'))}). Sentences are split by the package's own "
            "rules, which keep “U.S.” and “Mr.” whole."
        )
    ts = _get(figures, "target_sentiment")
    if isinstance(ts, Mapping):
        n = _get(ts, "system", "all", "n")
        items.append(
            "- **Tone of sentences** — VADER, a general-purpose lexicon with rules, per sentence. "
            "It was built for social media; news prose is mostly neutral and its judgements are "
            "often implicit, so read single sentence scores with care. As a stand-in for the "
            "sentiment toward a named target it scores macro-F1 "
            f"{_score(_get(ts, 'baseline', 'all', 'macro_f1'))} on the NewsMTSC dev split."
        )
        items.append(
            "- **Sentiment about an actor (ABOUT)** — scored toward each mention, with the "
            "clause, agent/object role, contrast, negation and reported speech taken into "
            f"account. On {_count(n)} NewsMTSC dev targets: macro-F1 "
            f"**{_score(_get(ts, 'system', 'all', 'macro_f1'))}**, accuracy "
            f"{_score(_get(ts, 'system', 'all', 'accuracy'))} "
            f"({_score(_get(ts, 'system', 'single', 'macro_f1'))} on sentences with one target, "
            f"{_score(_get(ts, 'system', 'multi', 'macro_f1'))} with several), against "
            f"{_score(_get(ts, 'baseline', 'all', 'macro_f1'))} for sentence-level VADER. "
            "An actor with few mentions gets a wide interval: compare actors only where the "
            "intervals do not overlap."
        )
    at = _get(figures, "attribution")
    if isinstance(at, Mapping):
        items.append(
            "- **Who speaks (attribution)** — rules over a cue lexicon mined from PolNeAR "
            "train, quote pairing and clause patterns. On PolNeAR dev "
            f"({_count(_get(at, 'system', 'n_gold'))} annotated attributions in "
            f"{_count(_get(at, 'system', 'n_documents'))} articles): lenient F1 "
            f"**{_score(_get(at, 'system', 'attribution', 'lenient', 'f1'))}**, strict "
            f"{_score(_get(at, 'system', 'attribution', 'strict', 'f1'))}; source exact F1 "
            f"{_score(_get(at, 'system', 'roles', 'source', 'exact', 'f1'))}, cue exact F1 "
            f"{_score(_get(at, 'system', 'roles', 'cue', 'exact', 'f1'))}, content token F1 "
            f"{_score(_get(at, 'system', 'roles', 'content', 'token', 'f1'))}; the speaker of "
            f"a direct quote is right in {_share(_get(at, 'system', 'speaker_accuracy'))} of "
            f"cases. The toy “Name said …” regex scores "
            f"{_score(_get(at, 'baseline', 'attribution', 'lenient', 'f1'))} lenient F1. "
            "Check a surprising speaker or an unusually long paraphrase in the annotated "
            "article before quoting it."
        )
    items.append(
        "- **Actors** — names, titles, a country gazetteer and rules link mentions and "
        "pronouns; there is no annotated set here to score them, so check the actor table in "
        "notebook 03 before quoting it."
    )
    generated = figures.get("generated", "an unknown date")
    return (
        "\n".join(items)
        + f"\n\nFigures measured on {md_escape(generated)} by `python -m analysis.validation` "
        "(see notebook 90 and `analysis/data/validation_figures.json`, which records the data's "
        "fingerprints); dev splits were never used for tuning."
    )


# --- the validation notebook ----------------------------------------------------------------
def validation_sentiment(section: Mapping[str, object]) -> str:
    """Sentiment toward a target on NewsMTSC dev, the package against sentence-level VADER
    (``section`` is the ``target_sentiment`` part of the validation figures)."""
    n = _get(section, "system", "all", "n")
    if not n:
        return "No NewsMTSC dev target was scored, so there is no figure to report."
    text = (
        f"On **{_counted(int(n), 'target')}** the package's scorer reaches macro-F1 "
        f"**{_score(_get(section, 'system', 'all', 'macro_f1'), 3)}** (accuracy "
        f"{_score(_get(section, 'system', 'all', 'accuracy'), 3)}) against "
        f"{_score(_get(section, 'baseline', 'all', 'macro_f1'), 3)} for sentence-level VADER."
    )
    if isinstance(_get(section, "system", "multi", "macro_f1"), int | float):
        text += (
            " On sentences with several targets — where one sentence praises one actor and "
            f"blames another — it scores {_score(_get(section, 'system', 'multi', 'macro_f1'), 3)}"
            f", VADER {_score(_get(section, 'baseline', 'multi', 'macro_f1'), 3)}."
        )
    return text + (
        " The confusion matrix below (rows: the annotators' label) shows which mistakes remain."
    )


def validation_attribution(section: Mapping[str, object]) -> str:
    """Attribution on PolNeAR dev, the package against the toy regex, and its weakest role
    (``section`` is the ``attribution`` part of the validation figures)."""
    system, baseline = section.get("system") or {}, section.get("baseline") or {}
    n_docs, n_gold = system.get("n_documents"), system.get("n_gold")
    articles = "article" if n_docs == 1 else "articles"
    text = (
        f"{_count(n_docs)} {articles}, **{_counted(int(n_gold or 0), 'annotated attribution')}**; "
        f"the package predicts {_count(system.get('n_pred'))}, the toy regex "
        f"{_count(baseline.get('n_pred'))}. Lenient F1 "
        f"**{_score(_get(system, 'attribution', 'lenient', 'f1'), 3)}** against "
        f"{_score(_get(baseline, 'attribution', 'lenient', 'f1'), 3)}; strict F1 "
        f"{_score(_get(system, 'attribution', 'strict', 'f1'), 3)}."
    )
    n_speaker = system.get("speaker_n")
    if n_speaker:
        text += (
            f" On the {_counted(int(n_speaker), 'direct quote')} with a source, the speaker is "
            f"right in {_share(system.get('speaker_accuracy'), 1)} of cases."
        )
    else:
        text += " No direct quote with a source was found, so speakers were not checked."
    text += (
        " *Lenient* counts an attribution as found when every role overlaps the annotation; "
        "*strict* when every role matches token for token."
    )
    roles = {
        name: role
        for name, role in (system.get("roles") or {}).items()
        if isinstance(_get(role, "exact", "f1"), int | float)
    }
    if roles:
        weakest = min(roles, key=lambda name: roles[name]["exact"]["f1"])
        text += (
            f" The hardest role to get exactly right is the {md_escape(weakest)} (exact F1 "
            f"{_score(_get(roles[weakest], 'exact', 'f1'), 3)}, token F1 "
            f"{_score(_get(roles[weakest], 'token', 'f1'), 3)})."
        )
    return text


def validation_publishers(table: pd.DataFrame) -> str:
    """The spread of lenient F1 over the publishers of PolNeAR dev (``table``:
    :func:`analysis.validation.summary.publisher_table`, weakest first)."""
    if table.empty:
        return "No publisher's figures are available."
    weakest, strongest = table.iloc[0], table.iloc[-1]
    fewest, most = int(table["n_documents"].min()), int(table["n_documents"].max())
    size = _count(most) if fewest == most else f"{_count(fewest)} to {_count(most)}"
    return (
        f"Each of the {_count(len(table))} publishers has {size} articles, so one "
        f"publisher's figure moves with a single article. Lenient F1 runs from "
        f"**{_score(weakest['lenient_f1'], 3)}** ({md_escape(str(weakest['publisher']))}, "
        f"{_counted(int(weakest['n_gold']), 'annotated attribution')}) to "
        f"**{_score(strongest['lenient_f1'], 3)}** ({md_escape(str(strongest['publisher']))}). "
        "A corpus from one outlet may score well above or below the pooled figure."
    )


def validation_readability(section: Mapping[str, object]) -> str:
    """OneStopEnglish triplets the Flesch–Kincaid grade orders, the package against textstat
    (``section`` is the ``readability`` part of the validation figures)."""
    ours, theirs = section.get("system") or {}, section.get("baseline") or {}
    n = int(ours.get("n_triplets") or 0)
    if n == 0:
        return "No complete OneStopEnglish triplet was found, so the ordering is not measured."
    return (
        f"The package's Flesch–Kincaid grade orders **{_count(ours.get('n_ordered'))} of "
        f"{plural(n, 'triplet')}** elementary < intermediate < advanced; textstat called "
        f"directly orders {_count(theirs.get('n_ordered'))}. Ordering three rewrites of one "
        "text is an easy test: it shows the formulas move the right way, not that a grade is "
        "exact."
    )


def validation_check(
    committed: Mapping[str, object], differences: Sequence[str], shown: int = 3
) -> str:
    """Whether freshly measured figures match the committed file the write-up cites
    (``differences`` is :func:`analysis.validation.summary.figure_differences`)."""
    if not committed:
        return "There is no committed figures file yet: run `python -m analysis.validation`."
    when = md_escape(committed.get("generated") or "an unknown date")
    if not differences:
        return (
            f"These figures match the committed file (measured {when}), which the write-up cites."
        )
    n = len(differences)
    listed = "; ".join(md_escape(d) for d in differences[:shown])
    more = f"; and {n - shown} more" if n > shown else ""
    return (
        f"**{plural(n, 'figure differs', 'figures differ')}** from the committed file (measured "
        f"{when}): {listed}{more}. Run `python -m analysis.validation` to refresh it."
    )

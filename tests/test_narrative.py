"""The write-up's sentences: right numbers from hand-made tables, safe text, honest absences."""

from __future__ import annotations

import html
import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbconvert.filters.markdown import markdown2html

from analysis import narrative as nv

XSS = "<script>alert(1)</script>"


def _rendered_text(markdown: str) -> str:
    """What a reader sees: Markdown → HTML (as nbconvert renders it) → tags dropped → unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown2html(markdown))).strip()


# --- formatting -------------------------------------------------------------------------------
def test_md_escape_neutralises_html_and_markdown():
    out = nv.md_escape(f"{XSS} *bold* _it_ [a](b) `c` $x$ # h")
    rendered = markdown2html(out)
    assert "<script" not in rendered and "&lt;script&gt;" in rendered
    assert "<em>" not in rendered and "<strong>" not in rendered and "<code>" not in rendered
    assert "<a " not in rendered and "<h1" not in rendered
    assert _rendered_text(out) == f"{XSS} *bold* _it_ [a](b) `c` $x$ # h"


def test_md_escape_keeps_dollars_away_from_mathjax():
    rendered = markdown2html(nv.md_escape("It cost $5 and $6, or $$x$$."))
    assert "<span" in rendered and "math" not in rendered.replace("mathjax_ignore", "")
    ignored = '<span class="tex2jax_ignore mathjax_ignore">$</span>'
    assert rendered.count(ignored) == 6 and "$" not in rendered.replace(ignored, "")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=60))
def test_md_escape_shows_any_text_literally(text):
    assert _rendered_text(nv.md_escape(text)) == " ".join(text.split())


def test_excerpt_shortens_and_quotes():
    assert nv.excerpt("one two three four", max_words=2) == "“one two …”"
    assert nv.excerpt("U.S. ally") == "“U\\.S\\. ally”"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-0.123, "−0.12"), (0.05, "+0.05"), (0.004, "0.00"), (-0.004, "0.00"), (math.nan, "n/a")],
)
def test_signed(value, expected):
    assert nv.signed(value) == expected


def test_small_helpers():
    assert nv.number(-3.14159, 2) == "−3.14"
    assert nv.percent(1, 3) == "33%" and nv.percent(1, 0) == "n/a"
    assert nv.plural(1, "sentence") == "1 sentence" and nv.plural(2, "sentence") == "2 sentences"
    assert nv.join_words(["a", "b", "c"]) == "a, b and c" and nv.join_words(["a"]) == "a"


# --- readability ------------------------------------------------------------------------------
SCORES = {
    "flesch_reading_ease": 51.04,
    "flesch_kincaid_grade": 10.29,
    "gunning_fog": 13.6,
    "smog_index": 12.1,
    "coleman_liau_index": 11.0,
    "automated_readability_index": 11.8,
    "dale_chall": 9.9,
    "consensus_grade": 12.3,
    "n_sentences": 7,
    "n_words": 117,
    "n_syllables": 192,
}
SENTENCES = pd.DataFrame(
    {
        "sentence_id": [0, 1, 2],
        "text": ["Short one here.", f"A long {XSS} sentence with many words.", "Medium words."],
        "n_words": [3, 10, 2],
        "consensus_grade": [3.2, 14.56, 6.0],
    }
)


def test_readability_sentence_numbers_and_hardest_sentence():
    text = nv.readability_sentence(SCORES, SENTENCES, n_hardest=1)
    assert "**51.0**" in text and "fairly difficult (10th–12th grade)" in text
    assert "grade **12.3**, the high school band" in text
    assert "range from 10.3 with Flesch–Kincaid to 13.6 with Gunning Fog" in text
    # 117 / 7 = 16.71 words a sentence, 192 / 117 = 1.641 syllables a word
    assert "7 sentences average **16.7 words**, and its words 1.64 syllables:" in text
    assert "hardest sentence is sentence 1 (grade 14.6, 10 words)" in text
    assert "words\\.” The easiest is sentence 0 (grade 3.2)." in text
    assert "<script" not in text and "&lt;script&gt;" in text


def test_readability_sentence_without_sentence_table_or_consensus():
    scores = {k: v for k, v in SCORES.items() if k != "consensus_grade"}
    text = nv.readability_sentence(scores)
    assert "hardest" not in text and "**51.0**" in text
    # the package's consensus (median over seven formulas, FRE and Dale–Chall via their tables)
    from analysis.readability import consensus_grade

    assert f"grade **{consensus_grade(scores):.1f}**" in text


# --- tone -------------------------------------------------------------------------------------
def _sentiment(compounds):
    labels = [
        "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral" for c in compounds
    ]
    return pd.DataFrame(
        {
            "sentence_id": range(len(compounds)),
            "text": [f"Sentence number {i}." for i in range(len(compounds))],
            "compound": compounds,
            "label": pd.array(labels, dtype="string"),
        }
    )


def test_tone_sentence_counts_extremes_and_movement():
    text = nv.tone_sentence(_sentiment([-0.6, -0.2, 0.0, 0.01, 0.3, 0.5]))
    assert "Of its 6 sentences, **2 read as negative**, 2 as neutral and **2 as positive**" in text
    assert "the mean compound is **0.00**" in text  # sum is 0.01 → mean 0.0017
    assert "most negative is sentence 0 (−0.60): “Sentence number 0\\.” The most" in text
    assert "most positive is sentence 5 (+0.50)" in text
    # first two average −0.40, last two +0.40
    assert "first 2 sentences average −0.40 and the last 2 +0.40" in text
    assert "ends more positive than it starts" in text


def test_tone_sentence_all_neutral_and_empty():
    text = nv.tone_sentence(_sentiment([0.0, 0.02, -0.01]))
    assert "No sentence leaves the neutral band" in text and "most negative" not in text
    assert "ends about where it starts" in text
    assert "no body sentence" in nv.tone_sentence(_sentiment([]))


# --- actors -----------------------------------------------------------------------------------
ACTOR_SENTIMENT = pd.DataFrame(
    {
        "actor": ["Donald Trump", "Donald Trump", "NATO", "NATO", XSS, XSS],
        "role": ["about", "by", "about", "by", "about", "by"],
        "n": [10, 4, 6, 0, 1, 0],
        "mean_score": [-0.25, 0.4, 0.1, math.nan, 0.0, math.nan],
        "ci_low": [-0.45, 0.1, -0.05, math.nan, math.nan, math.nan],
        "ci_high": [-0.05, 0.7, 0.3, math.nan, math.nan, math.nan],
    }
)


def test_actors_sentence_about_and_by():
    text = nv.actors_sentence(ACTOR_SENTIMENT)
    lines = [ln for ln in text.splitlines() if ln.startswith("- ")]
    assert lines[0] == (
        "- **Donald Trump** — 10 mentions, the text about them leans **negative** "
        "(mean −0.25, 95% interval −0.45 to −0.05); the 4 statements attributed to them "
        "lean positive (mean +0.40, 95% interval +0.10 to +0.70)."
    )
    # an interval reaching into the neutral band is no lean, whatever the mean says
    assert lines[1] == (
        "- **NATO** — 6 mentions, the text about them shows **no clear lean** "
        "(mean +0.10, 95% interval −0.05 to +0.30); nothing is attributed to them."
    )
    assert lines[2].endswith(
        "— 1 mention, which reads **neutral** (0.00); nothing is attributed to them."
    )
    assert "<script" not in text and "names **3 actors**" in text


def test_actors_sentence_limits_and_empty():
    text = nv.actors_sentence(ACTOR_SENTIMENT, max_actors=1)
    assert text.count("\n- ") == 1 and "2 other actors with fewer mentions are" in text
    assert "no people, organisations or places" in nv.actors_sentence(ACTOR_SENTIMENT.iloc[0:0])


# --- voices -----------------------------------------------------------------------------------
ARTICLE = "Trump said the deal was bad. “We will win,” Macron said. Aides hinted at a delay."


def _attr(source, cue, content, speaker, kind, lemma):
    s, e = (ARTICLE.index(source), ARTICLE.index(source) + len(source)) if source else (None, None)
    c = ARTICLE.index(cue)
    b = ARTICLE.index(content)
    return {
        "source_start": s,
        "source_end": e,
        "cue_start": c,
        "cue_end": c + len(cue),
        "content_start": b,
        "content_end": b + len(content),
        "content_spans": [(b, b + len(content))],
        "speaker": speaker,
        "kind": kind,
        "cue_lemma": lemma,
    }


ATTRIBUTIONS = pd.DataFrame(
    [
        _attr("Trump", "said", "the deal was bad", "Donald Trump", "indirect", "say"),
        _attr("Macron", "said", "We will win", "Emmanuel Macron", "direct", "say"),
        _attr(None, "hinted at", "a delay", None, "indirect", "hint"),
    ]
)


def test_voices_sentence_counts_kinds_speakers_and_verbs():
    text = nv.voices_sentence(ATTRIBUTIONS, ARTICLE)
    assert "attributes **3 statements** to **3 speakers**" in text
    assert (
        "1 is a direct quote, 0 mixed (a quoted fragment inside paraphrase) and 2 paraphrased"
        in text
    )
    lines = [ln for ln in text.splitlines() if ln.startswith("- ")]
    assert lines == [
        "- **Donald Trump** — 1 statement (33%), 4 words of content (44%)",
        "- **Emmanuel Macron** — 1 statement (33%), 3 words of content (33%)",
        "- **an unnamed source** — 1 statement (33%), 2 words of content (22%)",
    ]
    assert "The words of attribution are “say” ×2 and “hint” (evaluative)" in text
    assert "**1 of 3** (33%) are evaluative" in text


def test_voices_sentence_shows_cue_as_written_and_table_framing():
    table = ATTRIBUTIONS.assign(
        cue_text=["said", "Said", "hinted at"], cue_class=["neutral", "neutral", "neutral"]
    )
    text = nv.voices_sentence(table)
    assert "“said” ×2 and “hinted at”:" in text and "**0 of 3** (0%)" in text


def test_voices_sentence_no_direct_quotes_and_no_attributions():
    text = nv.voices_sentence(ATTRIBUTIONS[ATTRIBUTIONS["kind"] == "indirect"])
    assert "**It contains no direct quotation**" in text and "words of content" not in text
    assert "**no attributed statement**" in nv.voices_sentence(ATTRIBUTIONS.iloc[0:0])


def test_voices_sentence_escapes_speakers():
    table = ATTRIBUTIONS.assign(speaker=[XSS, "A*B*", None])
    text = nv.voices_sentence(table, ARTICLE)
    rendered = markdown2html(text)
    assert "<script" not in rendered and "&lt;script&gt;" in rendered
    assert "A*B*" in _rendered_text(text)


# --- methods ----------------------------------------------------------------------------------
FIGURES = {
    "generated": "2026-11-28",
    "readability": {
        "system": {"n_triplets": 32, "n_ordered": 31, "share_ordered": 31 / 32},
        "baseline": {"n_triplets": 32, "n_ordered": 30, "share_ordered": 30 / 32},
    },
    "target_sentiment": {
        "system": {
            "all": {"macro_f1": 0.7123, "accuracy": 0.7456, "n": 1234},
            "single": {"macro_f1": 0.7201},
            "multi": {"macro_f1": 0.6899},
        },
        "baseline": {"all": {"macro_f1": 0.5123}},
    },
    "attribution": {
        "system": {
            "n_gold": 2193,
            "n_documents": 84,
            "attribution": {"lenient": {"f1": 0.6014}, "strict": {"f1": 0.3461}},
            "roles": {
                "source": {"exact": {"f1": 0.55}},
                "cue": {"exact": {"f1": 0.61}},
                "content": {"token": {"f1": 0.7049}},
            },
            "speaker_accuracy": 0.9,
        },
        "baseline": {"attribution": {"lenient": {"f1": 0.1658}}},
    },
}


def test_methods_section_cites_every_measured_figure():
    text = nv.methods_section(FIGURES)
    assert "On 32 OneStopEnglish articles" in text
    assert "puts **31** (97%) in the order elementary" in text
    assert "textstat called directly, 30 (94%)" in text
    assert "macro-F1 0.512 on the NewsMTSC dev split" in text  # sentence VADER as a stand-in
    assert "On 1,234 NewsMTSC dev targets: macro-F1 **0.712**, accuracy 0.746" in text
    assert "(0.720 on sentences with one target, 0.690 with several)" in text
    attribution = (
        "(2,193 annotated attributions in 84 articles): lenient F1 **0.601**, strict 0.346"
    )
    assert attribution in text
    assert "source exact F1 0.550, cue exact F1 0.610, content token F1 0.705" in text
    assert "right in 90% of cases" in text and "regex scores 0.166 lenient F1" in text
    assert "Figures measured on 2026\\-11\\-28" in text


def test_methods_section_without_figures_says_so():
    assert "No validation figures are available" in nv.methods_section({})
    text = nv.methods_section({"generated": "2026-11-28", "readability": FIGURES["readability"]})
    assert "Readability" in text and "Who speaks" not in text and "**Actors**" in text


# --- header -----------------------------------------------------------------------------------
def test_article_header_of_the_bundled_article(seed_article):
    text = nv.article_header(seed_article, {"n_words": 396})
    assert text.startswith("## The article\n\nBy JESSICA R\\. JONES · WASHINGTON \\(AP\\) · file")
    assert "file seed\\-article\\.txt" in text
    assert "11 paragraphs, 13 sentences and 396 words of body text" in text


def test_article_header_escapes_the_title():
    from analysis import Article

    article = Article.from_text(
        f"Big {XSS} news\nBy JOE BLOGGS\nPARIS — It happened. Then more.\nEnd."
    )
    text = nv.article_header(article)
    assert (
        "**Big &lt;script&gt;alert\\(1\\)&lt;/script&gt; news** · By JOE BLOGGS · PARIS\n" in text
    )
    assert "2 paragraphs, 3 sentences and 5 words" in text  # counted with analysis.text words


# --- in brief ---------------------------------------------------------------------------------
ACTORS = pd.DataFrame(
    {"actor": ["NATO", "Donald Trump", XSS, "France"], "n_mentions": [6, 10, 1, 2]}
)


def test_key_points_summarise_each_section():
    text = nv.key_points(
        SCORES, _sentiment([-0.6, -0.2, 0.0, 0.01, 0.3, 0.5]), ACTORS, ATTRIBUTIONS
    )
    assert text.splitlines() == [
        "- **Difficulty:** US grade 12.3 (high school); Flesch Reading Ease 51.0, "
        "fairly difficult.",
        "- **Tone:** of 6 sentences, 2 negative and 2 positive; "
        "it ends more positive than it starts.",
        "- **Who appears:** 4 actors, most of all Donald Trump (10 mentions), "
        "NATO (6 mentions) and France (2 mentions).",
        "- **Who speaks:** 3 statements from 3 speakers, 1 quoted directly; "
        "Donald Trump has 1 (33%).",
    ]


def test_key_points_with_no_actors_and_no_attributions():
    text = nv.key_points(SCORES, _sentiment([0.0]), ACTORS.iloc[0:0], ATTRIBUTIONS.iloc[0:0])
    assert "- **Who appears:** no actor detected." in text
    assert "- **Who speaks:** no one is quoted or paraphrased." in text
    assert "of 1 sentence, 0 negative and 0 positive." in text


def test_actors_sentence_single_statement():
    table = ACTOR_SENTIMENT.copy()
    table.loc[5, ["n", "mean_score"]] = [1, -0.3]
    last = nv.actors_sentence(table).splitlines()[-1]
    assert last.endswith("; the one statement attributed to them reads negative (−0.30).")


def test_excerpt_nests_quotations_and_short_articles_read_well():
    assert nv.excerpt("“We will win,” he said.") == "“‘We will win,’ he said\\.”"
    text = nv.tone_sentence(_sentiment([0.6, -0.4, 0.2]))
    assert "The first sentence scores +0.60 and the last +0.20: it ends more negative" in text


def test_readability_sentence_never_lists_a_sentence_as_hardest_and_easiest():
    text = nv.readability_sentence(SCORES, SENTENCES.iloc[:2], n_hardest=2)
    assert (
        "hardest sentence is sentence 1" in text and "sentence 0 (grade 3.2, 3 words)" not in text
    )
    assert "The easiest is sentence 0 (grade 3.2)." in text


# --- readability notebook: hardest and easiest sentence ---------------------------------------
def _readability_rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": [0, 1, 2],
            "n_words": [2, 25, 9],
            "consensus_grade": [9.5, 14.25, 3.0],
            "flesch_kincaid_grade": [-1.4, 16.04, 2.0],
            "text": ["Breaking *news*.", "A long sentence.", "Short and plain."],
        }
    )


def test_sentence_extremes_names_the_hardest_and_easiest():
    from analysis.readability import rank_hardest

    rows = _readability_rows()
    text = nv.sentence_extremes(rows, rank_hardest(rows, n=3))
    assert text == (
        "The hardest sentence (#1, 25 words, consensus grade 14.2) reads: “A long sentence\\.” — "
        "the easiest (#2, 9 words, grade 3.0): “Short and plain\\.”. Sentence grades range from "
        "−1.4 to 16.0 (Flesch–Kincaid)."
    )


def test_sentence_extremes_without_a_rankable_sentence_says_so():
    from analysis.readability import rank_hardest

    rows = _readability_rows().iloc[:1]  # "Breaking news." alone: two words, not ranked
    hardest = rank_hardest(rows, n=3)
    assert hardest.empty
    text = nv.sentence_extremes(rows, hardest)
    assert text.startswith("No sentence is long enough to be ranked as the hardest")
    assert "the easiest (#0, 2 words, grade 9.5): “Breaking \\*news\\*\\.”" in text  # escaped
    assert text.endswith("range from −1.4 to −1.4 (Flesch–Kincaid).")


# --- quotes notebook --------------------------------------------------------------------------
def _attribution_rows(kinds: list[str], lemmas: list[str], classes: list[str | None]):
    return pd.DataFrame({"kind": kinds, "cue_lemma": lemmas, "cue_class": classes})


def test_quotes_overview_counts_and_the_no_quotation_finding():
    none = _attribution_rows([], [], [])
    assert nv.quotes_overview(none, 0).startswith("No attribution was found")
    paraphrase = _attribution_rows(["indirect"] * 3, ["say", "hint", "say"], ["neutral"] * 3)
    assert nv.quotes_overview(paraphrase, 2) == (
        "The article attributes words or views **3 times** to **2 speakers**: 0 direct "
        "quotations, 0 mixed (a quoted fragment in paraphrase) and 3 paraphrases. **There is no "
        "direct quotation at all**: every statement is the writer's paraphrase of what someone "
        "said, so the reader never sees the speakers' own words and the choice of each verb of "
        "attribution is the writer's."
    )
    one = _attribution_rows(["direct"], ["say"], ["neutral"])
    assert nv.quotes_overview(one, 1) == (
        "The article attributes words or views **once** to **1 speaker**: 1 direct quotation, "
        "0 mixed (a quoted fragment in paraphrase) and 0 paraphrases."
    )
    rare = _attribution_rows(["direct", *["indirect"] * 3], ["say"] * 4, ["neutral"] * 4)
    assert nv.quotes_overview(rare, 1).endswith("reaches the reader as paraphrase.")


def test_top_voice_sentence_escapes_the_name_and_counts_words():
    summary = pd.DataFrame(
        {
            "speaker": [f"*Ann* {XSS}", "Bo"],
            "attributions": [1, 3],
            "content_words": [30, 10],
        }
    )
    text = nv.top_voice_sentence(summary)
    assert text.endswith(
        "gets the most words: 30 words of attributed content in 1 attribution, 75% of all "
        "attributed words. The one other speaker has the rest."
    )
    assert _rendered_text(text).startswith(f"*Ann* {XSS} gets the most words")
    assert "<script" not in markdown2html(text)
    assert nv.top_voice_sentence(summary.iloc[:1]).endswith("Only one speaker is heard.")
    assert nv.top_voice_sentence(summary.iloc[:0]) == ""
    three = pd.concat([summary, summary.iloc[1:]])
    assert nv.top_voice_sentence(three).endswith("The other 2 speakers share the rest.")


def test_cue_framing_sentence_lists_evaluative_verbs_when_they_dominate():
    table = _attribution_rows(
        ["indirect"] * 4, ["hint", "raise doubts", "hint", "say"], ["evaluative"] * 3 + ["neutral"]
    )
    assert nv.cue_framing_sentence(table) == (
        "Evaluative cues: **3 of 4**; the neutral *say* is used once. Most attributions use a "
        "verb that tells the reader how to take the statement (hint, raise doubts), rather "
        "than the neutral *said*."
    )
    neutral = _attribution_rows(["direct"] * 2, ["say", "say"], ["neutral", "neutral"])
    assert nv.cue_framing_sentence(neutral) == (
        "Evaluative cues: **0 of 2**; the neutral *say* is used twice."
    )


# --- readability notebook: counts, formulas, caveats ------------------------------------------
_SCORES = {
    "n_words": 11,
    "n_sentences": 5,
    "n_syllables": 15,
    "n_polysyllables": 1,
    "n_complex": 0,
    "n_difficult": 1,
    "flesch_reading_ease": 89.24,
    "flesch_kincaid_grade": 1.44,
    "consensus_grade": 4.5,
}


def test_readability_counts_in_the_singular_and_with_a_dateline():
    text = nv.readability_counts("stub_file.txt", _SCORES, 1)
    assert text == (
        "**stub\\_file\\.txt**: 11 words in 5 body sentences and 1 paragraph (the byline and "
        "credits are excluded). On average 2.2 words per sentence and 1.36 syllables per word; "
        "1 word has three or more syllables and 1 (9%) is not on the Dale–Chall list of "
        "familiar words."
    )
    dated = nv.readability_counts("a.txt", _SCORES, 4, dateline="PARIS —")
    assert "(the dateline “PARIS —”, the byline and credits are excluded)" in dated


def test_readability_formulas_names_the_spread():
    profile = pd.DataFrame(
        {"name": ["Flesch–Kincaid", "Coleman–Liau", "SMOG"], "grade": [1.44, -5.2, 6.1]}
    )
    text = nv.readability_formulas(_SCORES, profile)
    assert text.startswith(
        "The **Flesch–Kincaid grade is 1.4**: by this formula a reader needs about 1 year of US "
        "schooling"
    )
    assert "**Flesch Reading Ease is 89.2**" in text and "is **4.5 (" in text
    assert "spread over 11.3 grades, from Coleman–Liau (−5.2) to SMOG (6.1)." in text


def test_readability_caveats_without_names_or_dateline():
    sentences = pd.DataFrame(
        {"sentence_id": [0, 1], "n_words": [1, 4], "flesch_kincaid_grade": [-3.4, 2.0]}
    )
    text = nv.readability_caveats(_SCORES, sentences, [])
    assert "This article has 5 body sentences;" in text
    assert "(the shortest sentence here, #0, has 1 word and a Flesch–Kincaid grade of −3.4)" in text
    assert "Proper names (none here) are not counted as difficult" in text
    assert ": 100% of the polysyllabic words here are excused" in text
    assert "the title, byline, dateline and credits are excluded" in text
    named = nv.readability_caveats(_SCORES, sentences, ["NATO", "U.S.", "A", "B", "C"], "X —")
    assert "Proper names (NATO, U\\.S\\., A, B …) are not counted" in named
    assert "dateline (“X —”) and credits" in named


# --- actors notebook --------------------------------------------------------------------------
def _actors(names: list[str], n_mentions: list[int], n_sentences: list[int], kinds: list[str]):
    return pd.DataFrame(
        {"actor": names, "n_mentions": n_mentions, "n_sentences": n_sentences, "kind": kinds}
    )


def test_actors_overview_counts_ways_of_mention_and_top_actors():
    actors = _actors(["Ann Lee", "*Acme*"], [3, 1], [2, 1], ["person", "organisation"])
    mentions = pd.DataFrame({"linked_by": ["name", "pronoun", "role", "alias"]})
    assert nv.actors_overview(actors, mentions, 4, byline="JO SMITH") == (
        "The body mentions **2 actors** (1 person, 1 organisation) in **4 mentions**: 1 by name, "
        "1 by alias or acronym, 1 by a role noun and 1 by a pronoun. The most mentioned are "
        "**Ann Lee** (3 mentions in 2 of 4 sentences) and **\\*Acme\\*** (1 mention in 1 of 4 "
        "sentences). The byline's *JO SMITH* is the writer, not an actor, and is not counted."
    )
    one = nv.actors_overview(actors.iloc[:1], mentions.iloc[:1], 1)
    assert "**1 actor** (1 person) in **1 mention**" in one
    assert "The most mentioned is **Ann Lee** (3 mentions in 2 of 1 sentence)." in one
    none = nv.actors_overview(actors.iloc[:0], mentions.iloc[:0], 3)
    assert none.startswith("The body mentions **no actor**")


def test_heuristic_links_quote_the_text_around_each_link_escaped():
    from analysis.article import Article

    article = Article.from_text("Ann Lee *won*.\n\nShe said the [plan] would work.\n")
    she = article.text.index("She")
    mentions = pd.DataFrame(
        {
            "linked_by": ["name", "pronoun"],
            "sentence_id": [0, 1],
            "start": [0, she],
            "end": [7, she + 3],
            "text": ["Ann Lee", "She"],
            "actor": ["Ann Lee", "Ann Lee"],
        }
    )
    text = nv.heuristic_links(mentions, article)
    assert text.startswith("**1 mention was linked by a heuristic** (pronouns and role nouns).")
    assert text.endswith(
        "- sentence 1: *She* → **Ann Lee** (pronoun): “…She said the \\[plan\\] would work\\.…”"
    )
    assert nv.heuristic_links(mentions.iloc[:1], article).startswith("**No mention was linked")


def test_lead_actor_sentence_and_single_sentence_actors():
    actors = _actors(["Ann", "Bo", "Cy"], [4, 1, 1], [3, 1, 1], ["person"] * 3)
    timeline = pd.DataFrame({"actor": ["Ann", "Ann", "Ann", "Bo"], "sentence_id": [0, 2, 5, 1]})
    assert nv.lead_actor_sentence(actors, timeline, 6) == (
        "**Ann** appears in 3 of 6 sentences, from sentence 0 to 5. 2 of the 3 actors appear in "
        "a single sentence only (Bo, Cy)."
    )
    alone = nv.lead_actor_sentence(actors.iloc[:1], timeline.iloc[:1], 1)
    assert alone == "**Ann** appears in 1 of 1 sentence, in sentence 0."
    assert nv.lead_actor_sentence(actors.iloc[:0], timeline, 6) == ""


def test_portrayal_findings_pick_actors_with_enough_mentions():
    portrayal = pd.DataFrame(
        {
            "actor": ["Ann", "Bo", "Cy", "Ann"],
            "role": ["about", "about", "about", "by"],
            "n": [4, 3, 1, 2],
            "mean_score": [-0.42, 0.1, -0.9, 0.0],
        }
    )
    attributions = pd.DataFrame({"kind": ["indirect", "indirect"]})
    assert nv.portrayal_findings(portrayal, attributions) == (
        "Among actors with at least three mentions, the most negatively treated is **Ann** (mean "
        "−0.42 over 4 mentions), the most positively treated **Bo** (mean +0.10 over 3 "
        "mentions). **1 of the 3 actors has fewer than three mentions**: their means rest on one "
        "or two sentences and their intervals are wide or missing (one mention gives no interval "
        "at all). Compare actors only where intervals are narrow and do not overlap. BY rests on "
        "**2 attributions** from 1 speaker (0 direct quotations). With no direct quotation, BY "
        "scores the writer's paraphrase of each speaker, not the speaker's own words."
    )
    only = nv.portrayal_findings(portrayal.iloc[2:3], attributions.iloc[:0])
    assert only == (
        "The only actor scored is **Cy** (mean −0.90 over 1 mention). **Its mean rests on fewer "
        "than three mentions**, so its interval is wide or missing (one mention gives no interval "
        "at all). BY rests on **0 attributions** from 0 speakers (0 direct quotations)."
    )


# --- article and sentiment notebooks ----------------------------------------------------------
def test_article_facts_and_paragraph_shape_in_the_singular():
    meta = {
        "source": "data/raw/my_file.txt",
        "encoding": "utf-8",
        "title": None,
        "byline": "By *Jo* Lee",
        "dateline": "",
        "n_paragraphs": 1,
        "n_sentences": 1,
        "n_characters": 12345,
    }
    assert nv.article_facts(meta) == (
        "**Source:** data/raw/my\\_file\\.txt (decoded as utf\\-8)  \n"
        "**Title:** none found  \n"
        "**Byline:** By \\*Jo\\* Lee  \n"
        "**Dateline:** none found  \n"
        "**Body:** 1 paragraph, 1 sentence, 12,345 characters in the whole file."
    )
    one = pd.DataFrame({"paragraph_id": [0]})
    assert nv.paragraph_shape(one) == "The body has **1 sentence** in **1 paragraph**."
    wire = pd.DataFrame({"paragraph_id": [0, 1, 1, 2]})
    assert nv.paragraph_shape(wire) == (
        "The body has **4 sentences** in **3 paragraphs**; 2 paragraphs are a single sentence, "
        "a habit of wire copy that makes paragraph-level averages close to sentence-level ones."
    )


def _tone_summary(n, neg, neu, pos, mean, median, low, high):
    return {
        "n_sentences": n,
        "n_negative": neg,
        "n_neutral": neu,
        "n_positive": pos,
        "mean_compound": mean,
        "median_compound": median,
        "min_compound": low,
        "max_compound": high,
    }


def test_tone_counts_flags_a_mean_that_hides_both_signs():
    text = nv.tone_counts(_tone_summary(13, 7, 0, 6, 0.0449, -0.1027, -0.869, 0.77))
    assert text == (
        "The body has **13 sentences**: **7 negative**, **0 neutral** and **6 positive** "
        "(default thresholds: positive at compound ≥ +0.05, negative at ≤ −0.05). The mean "
        "sentence compound is **+0.045**, the median **−0.103**; sentences range from −0.869 to "
        "+0.770. A mean near zero does not make a neutral story here: it averages negative and "
        "positive sentences that cancel out, so read the arc and the distribution too."
    )
    single = nv.tone_counts(_tone_summary(1, 0, 1, 0, 0.0, 0.0, 0.0, 0.0))
    assert single.endswith("The mean sentence compound is **0.000**, the median **0.000**.")


def test_tone_halves_compares_opening_and_close():
    arc = pd.DataFrame(
        {
            "sentence_id": [0, 1, 2, 3],
            "paragraph_id": [0, 0, 1, 1],
            "compound": [-0.5, -0.1, 0.3, 0.5],
            "smoothed": [-0.3, -0.1, 0.23, 0.4],
        }
    )
    assert nv.tone_halves(arc) == (
        "The first 2 sentences average **−0.300**, the remaining 2 **+0.400**. The smoothed line "
        "is lowest around sentence 0 (−0.300, paragraph 0) and highest around sentence 3 "
        "(+0.400, paragraph 1). The story moves from a more negative opening to a more positive "
        "close."
    )
    assert nv.tone_halves(arc.iloc[:1]).startswith("With a single sentence there is no arc")


def test_neutral_band_counts_and_the_one_word_example():
    sensitivity = pd.DataFrame({"threshold": [0.05, 0.5], "n_neutral": [1, 3]})
    sentences = pd.DataFrame(
        {"neu": [0.8, 0.7, 0.9], "pos": [0.1, 0.2, 0.0], "neg": [0.1, 0.1, 0.1]}
    )
    text = nv.neutral_band(sensitivity, sentences, 0.4, 0.128)
    assert text.startswith(
        "At ±0.05, 1 of 3 sentences are neutral; at ±0.50, 3. Yet the average sentence has "
        "**80%** of its weight in neutral words (mean `neu`), against 10% positive and 10% "
        "negative."
    )
    assert "*defense* (valence +0.4) alone gives a compound of +0.128." in text


def test_domain_words_lists_the_lexicon_words_or_says_there_are_none():
    hits = pd.DataFrame(
        {"word": ["Defense", "defense", "war", "fail"], "valence": [0.5, 0.5, -2.9, -2.5]}
    )
    text = nv.domain_words(hits, "The Cold War ended.")
    assert (
        "The most frequent lexicon words in this article are *defense* (+0.5, 2×), *war* "
        "(−2.9, 1×) and *fail* (−2.5, 1×). *Defense* (+0.5) counts as mildly positive each of "
        "the 2 times it appears"
    ) in text
    assert '*War* in "Cold War" counts as strongly negative' in text
    none = nv.domain_words(hits.iloc[:0], "Nothing here.")
    assert "No word of this article is in the lexicon: every sentence scores 0." in none
    assert none.endswith("(the actor notebooks do).")


# --- corpus notebook -------------------------------------------------------------------------
def _corpus_summary(n: int, levels: int = 0) -> dict[str, object]:
    return {
        "n_articles": n,
        "n_sentences": 13 * n,
        "n_levels": levels,
        "hardest": "Amazon-adv",
        "hardest_value": 15.43,
        "easiest": "Blackberry-ele",
        "easiest_value": 8.9,
        "most_negative": "False-memory-ele",
        "most_negative_value": -0.0213,
        "most_positive": "Amazon-int",
        "most_positive_value": 0.23,
    }


def test_corpus_overview_counts_articles_failures_and_levels():
    assert nv.corpus_overview(_corpus_summary(12, 12), 0) == (
        "**12 articles** analysed, 156 body sentences in all; every file could be analysed. "
        "12 of the 12 articles carry a OneStopEnglish reading level."
    )
    assert nv.corpus_overview(_corpus_summary(1), 2) == (
        "**1 article** analysed, 13 body sentences in all; **2 files could not be analysed** "
        "(listed below)."
    )


def test_corpus_extremes_compare_only_when_there_is_more_than_one_article():
    assert nv.corpus_extremes(_corpus_summary(12)) == (
        "The hardest text is **Amazon\\-adv** (grade 15.4) and the easiest **Blackberry\\-ele** "
        "(grade 8.9). The most negative in tone is **False\\-memory\\-ele** (mean compound "
        "−0.02), the most positive **Amazon\\-int** (+0.23)."
    )
    one = nv.corpus_extremes({**_corpus_summary(1), "most_negative_value": 0.046})
    assert one.startswith("With one article (**Amazon\\-adv**, grade 15.4, mean compound +0.05)")
    assert nv.corpus_extremes(_corpus_summary(0)).startswith("No article could be analysed")


def test_tone_extremes_quote_both_ends_or_the_only_sentence():
    sentences = pd.DataFrame(
        {
            "sentence_id": [0, 1],
            "paragraph_id": [0, 1],
            "label": ["negative", "positive"],
            "compound": [-0.86885, 0.5],
            "neg": [0.3, 0.0],
            "neu": [0.7, 0.6],
            "pos": [0.0, 0.4],
            "text": ["It was a *bad* war.", "Good."],
        }
    )
    hits = pd.DataFrame(
        {"sentence_id": [0, 0, 1], "word": ["bad", "war", "Good"], "valence": [-2.5, -2.9, 1.9]}
    )
    summary = {"most_negative_sentence_id": 0, "most_positive_sentence_id": 1}
    negative, positive = nv.tone_extremes(summary, sentences, hits)
    assert negative == (
        "**Most negative: sentence 0** (paragraph 0, labelled negative), compound **−0.8689** "
        "(neg 0.300 · neu 0.700 · pos 0.000):\n\n> It was a \\*bad\\* war\\.\n\n"
        "VADER's lexicon words in it, with raw lexicon valence: *bad* (−2.5), *war* (−2.9)."
    )
    assert positive.startswith("**Most positive: sentence 1**")
    assert positive.endswith("valence: *Good* (+1.9).")
    only = nv.tone_extremes(
        {"most_negative_sentence_id": 1, "most_positive_sentence_id": 1},
        sentences.iloc[1:],
        hits.iloc[:0],
    )
    assert len(only) == 1 and only[0].startswith("**The only sentence: sentence 1**")
    assert only[0].endswith("raw lexicon valence: none.")
    calm = sentences.assign(label=["neutral", "positive"], compound=[0.0, 0.5])
    lowest, highest = nv.tone_extremes(summary, calm, hits)
    assert lowest.startswith("**Lowest score: sentence 0** (paragraph 0, labelled neutral)")
    assert highest.startswith("**Most positive: sentence 1**")
    grey = sentences.assign(label=["neutral", "neutral"], compound=[-0.02, 0.03])
    lowest, highest = nv.tone_extremes(summary, grey, hits)
    assert lowest.startswith("**Lowest score: sentence 0**")
    assert highest.startswith("**Highest score: sentence 1**")


def test_co_mention_pairs_lists_each_pair_once():
    pairs = pd.DataFrame(
        {
            "actor_a": ["Ann", "NATO", "Ann", "Bo", "Bo", "Ann"],
            "actor_b": ["NATO", "Ann", "Bo", "Ann", "NATO", "Cy"],
            "n_sentences": [8, 8, 5, 5, 2, 0],
        }
    )
    assert nv.co_mention_pairs(pairs) == (
        "The pairs that share most sentences: **Ann** and **NATO** (8); **Ann** and **Bo** (5); "
        "**Bo** and **NATO** (2)."
    )
    assert nv.co_mention_pairs(pairs.iloc[:2]) == (
        "The pair that shares most sentences: **Ann** and **NATO** (8)."
    )
    assert nv.co_mention_pairs(pairs.iloc[5:]) == ""


def test_kind_counts_take_a_missing_kind_for_paraphrase():
    table = pd.DataFrame({"kind": ["direct", None, "Mixed", "indirect", float("nan"), "direct"]})
    assert nv.kind_counts(table) == (2, 1, 3)
    assert nv.kind_counts(pd.DataFrame({"speaker": ["Ann"]})) == (0, 0, 1)
    assert nv.kind_counts(table.iloc[:0]) == (0, 0, 0)


# --- sentiment notebook: the lexicon, saturation, negation ------------------------------------
def test_lexicon_intro_signs_and_separates_thousands():
    assert nv.lexicon_intro(7506, 1.9, 0.4404) == (
        "VADER's lexicon has 7,506 entries. The single word *good* (valence +1.9) scores "
        "compound +0.4404 on its own."
    )
    assert nv.lexicon_intro(1, -1.9, -0.4404).startswith("VADER's lexicon has 1 entry.")
    assert "(valence −1.9) scores compound −0.4404" in nv.lexicon_intro(1, -1.9, -0.4404)


def test_saturation_compares_the_whole_text_with_its_sentences():
    text = nv.saturation(0.5593, 0.0453)
    assert text == (
        "**Saturation.** VADER on the whole body as one string gives compound **+0.5593**, "
        "while the mean of its sentences is +0.0453: summing every word's valence before "
        "squashing pushes long texts to the extremes. That is why every number here is per "
        "sentence."
    )
    assert "compound **−0.9001**, while the mean of its sentences is −0.1000:" in nv.saturation(
        -0.9001, -0.1
    )
    calm = nv.saturation(0.0, 0.0)
    assert "here the whole text is no more extreme than its sentences" in calm
    missing = nv.saturation(float("nan"), 0.1)
    assert missing == (
        "**Saturation.** VADER on the whole body as one string gives compound **n/a**, while "
        "the mean of its sentences is +0.1000. That is why every number here is per sentence."
    )


_NEGATION_LEAD = (
    "**Negation and contrast.** VADER flips a word's valence when *not*, *no*, *never* and the "
    "like occur just before it, and weights the clause after *but* more."
)


def _scored(rows):
    return pd.DataFrame(rows, columns=["text", "compound", "label"])


def test_negation_contrast_quotes_the_simple_case_and_the_misread_ones():
    scored = _scored(
        [
            ("Nobody was hurt in the attack.", -0.7579, "negative"),
            ("The ceasefire ended the war.", -0.5994, "negative"),
            ("The strike killed no civilians.", 0.1, "positive"),
            ("NATO did not fail its members.", 0.431, "positive"),
        ]
    )
    good = [
        "Nobody was hurt in the attack.",
        "The ceasefire ended the war.",
        "The strike killed no civilians.",
    ]
    assert nv.negation_contrast(scored, "NATO did not fail its members.", good) == (
        _NEGATION_LEAD + " That works for a simple case: “NATO did not fail its members\\.” "
        "(+0.431). It fails for others: “Nobody was hurt in the attack\\.” (−0.758) and “The "
        "ceasefire ended the war\\.” (−0.599) report good news but score negative, because the "
        "negator is not right before the sentiment word, or the word for the bad event "
        "outweighs it."
    )
    one = nv.negation_contrast(scored, None, good[:1])
    assert one == (
        _NEGATION_LEAD + " It fails for others: “Nobody was hurt in the attack\\.” (−0.758) "
        "reports good news but scores negative, because the negator is not right before the "
        "sentiment word, or the word for the bad event outweighs it."
    )


def test_negation_contrast_when_vader_gets_them_right_or_wrong_or_has_nothing():
    scored = _scored(
        [
            ("Not bad.", -0.2, "negative"),
            ("No harm done.", 0.3, "positive"),
            ("<b>Fine</b>.", 0.2, "positive"),
        ]
    )
    assert nv.negation_contrast(scored, "Not bad.", ["No harm done.", "<b>Fine</b>."]) == (
        _NEGATION_LEAD + " It fails even for a simple case: “Not bad\\.” (−0.200). None of the "
        "2 good-news examples here scores negative."
    )
    assert nv.negation_contrast(scored, None, ["No harm done."]).endswith(
        " The good-news example here does not score negative."
    )
    assert nv.negation_contrast(scored, "<b>Fine</b>.").endswith(
        "a simple case: “&lt;b&gt;Fine&lt;/b&gt;\\.” (+0.200)."
    )
    assert nv.negation_contrast(scored.iloc[:0], "Not bad.", ["No harm done."]) == _NEGATION_LEAD


# --- quotes notebook: measured accuracy -------------------------------------------------------
def _prf(p, r, f1):
    return {"p": p, "r": r, "f1": f1}


POLNEAR = {
    "n_documents": 84,
    "n_gold": 2193,
    "n_pred": 1765,
    "attribution": {"lenient": _prf(0.8045, 0.6475, 0.7175), "strict": _prf(0.55, 0.45, 0.4947)},
    "roles": {
        "source": {"exact": _prf(0.76, 0.64, 0.6927), "token": _prf(0.78, 0.65, 0.7127)},
        "cue": {"exact": _prf(0.75, 0.6, 0.6652), "token": _prf(0.79, 0.47, 0.5878)},
        "content": {"exact": _prf(0.63, 0.51, 0.5651), "token": _prf(0.85, 0.74, 0.7919)},
    },
    "direct": {"lenient": _prf(0.91, 0.84, 0.8764)},
    "speaker_accuracy": 0.9536,
    "speaker_n": 323,
}
TOY = {
    "n_documents": 84,
    "n_gold": 2193,
    "n_pred": 245,
    "attribution": {"lenient": _prf(0.82, 0.09, 0.1657), "strict": _prf(0.26, 0.03, 0.0525)},
}


def test_attribution_accuracy_reports_f1_recall_and_what_is_missed():
    assert nv.attribution_accuracy(POLNEAR, TOY) == (
        "**Measured accuracy.** On the 84 PolNeAR dev articles (political news, 2,193 annotated "
        "attributions, scored as in `../shared/README.md`) an attribution is right in source, "
        "cue and content overlap with lenient F1 **0.718** (precision 0.804, recall 0.647), and "
        "exact in all three with strict F1 0.495; a toy *Name said …* regex gets 0.166. Direct "
        "quotations are found far better, with lenient F1 0.876, and their speaker is right 95% "
        "of the time. So read the table above as mostly right where it speaks, and incomplete: "
        "it misses roughly 35% of what annotators marked."
    )


def test_attribution_accuracy_edge_cases():
    assert nv.attribution_accuracy(None) == (
        "*PolNeAR reference data (../shared) is absent: accuracy is not measured here; see "
        "docs/quotes.md.*"
    )
    one = {**POLNEAR, "n_documents": 1, "n_gold": 1, "speaker_accuracy": math.nan, "speaker_n": 0}
    text = nv.attribution_accuracy(one)
    assert "On the 1 PolNeAR dev article (political news, 1 annotated attribution," in text
    assert "regex" not in text
    no_speaker = "no direct quotation with a source was found to check its speaker."
    assert f"lenient F1 0.876; {no_speaker}" in text
    close = {**POLNEAR, "direct": {"lenient": _prf(0.7, 0.8, 0.75)}}
    assert "Direct quotations are found better, with lenient F1 0.750," in (
        nv.attribution_accuracy(close)
    )
    worse = {**POLNEAR, "direct": {"lenient": _prf(0.5, 0.5, 0.5)}}
    assert "found no better, with lenient F1 0.500," in nv.attribution_accuracy(worse)
    no_direct = nv.attribution_accuracy({**POLNEAR, "direct": {}})
    assert "strict F1 0.495. The speaker of a direct quotation is right 95% of the time." in (
        no_direct
    )
    assert nv.attribution_accuracy({**POLNEAR, "n_gold": 0}) == (
        "**Measured accuracy.** The 84 PolNeAR dev articles hold no annotated attribution, so "
        "accuracy could not be measured."
    )


# --- corpus notebook: reading levels ----------------------------------------------------------
def _levels(ordered):
    return pd.DataFrame(
        {"topic": [f"t{i}" for i in range(len(ordered))], "ordered": pd.array(ordered, "boolean")}
    )


def test_level_ordering_counts_complete_topics_only():
    assert nv.level_ordering(_levels([True, False, True])) == (
        "The Flesch–Kincaid grade orders **2 of 3 complete topics** elementary < intermediate "
        "< advanced."
    )
    assert nv.level_ordering(_levels([True, None])) == (
        "The Flesch–Kincaid grade orders **1 of 1 complete topic** elementary < intermediate "
        "< advanced. 1 topic lacks a level and is left out."
    )
    assert nv.level_ordering(_levels([False, None, None])).endswith(
        "**0 of 1 complete topic** elementary < intermediate < advanced. 2 topics lack a level "
        "and are left out."
    )
    assert nv.level_ordering(_levels([None])) == (
        "No topic has all three levels, so the Flesch–Kincaid grade cannot be checked for order "
        "(elementary < intermediate < advanced)."
    )
    assert nv.level_ordering(_levels([])) == (
        "No file in this corpus carries a OneStopEnglish level (`<topic>-ele/int/adv.txt`), so "
        "there is nothing to order."
    )


# --- validation notebook ----------------------------------------------------------------------
def test_validation_sentiment_compares_with_vader_overall_and_on_several_targets():
    targeted = {
        "system": {
            "all": {"macro_f1": 0.7018, "accuracy": 0.7033, "n": 1301},
            "multi": {"macro_f1": 0.6859, "n": 315},
        },
        "baseline": {"all": {"macro_f1": 0.5064}, "multi": {"macro_f1": 0.5291}},
    }
    assert nv.validation_sentiment(targeted) == (
        "On **1,301 targets** the package's scorer reaches macro-F1 **0.702** (accuracy 0.703) "
        "against 0.506 for sentence-level VADER. On sentences with several targets — where one "
        "sentence praises one actor and blames another — it scores 0.686, VADER 0.529. The "
        "confusion matrix below (rows: the annotators' label) shows which mistakes remain."
    )
    single = {
        "system": {"all": {"n": 1, "macro_f1": 1.0, "accuracy": 1.0}},
        "baseline": {"all": {"macro_f1": 0.0}},
    }
    assert nv.validation_sentiment(single) == (
        "On **1 target** the package's scorer reaches macro-F1 **1.000** (accuracy 1.000) "
        "against 0.000 for sentence-level VADER. The confusion matrix below (rows: the "
        "annotators' label) shows which mistakes remain."
    )
    assert nv.validation_sentiment({}) == (
        "No NewsMTSC dev target was scored, so there is no figure to report."
    )


def test_validation_attribution_names_the_weakest_role():
    assert nv.validation_attribution({"system": POLNEAR, "baseline": TOY}) == (
        "84 articles, **2,193 annotated attributions**; the package predicts 1,765, the toy "
        "regex 245. Lenient F1 **0.718** against 0.166; strict F1 0.495. On the 323 direct "
        "quotes with a source, the speaker is right in 95.4% of cases. *Lenient* counts an "
        "attribution as found when every role overlaps the annotation; *strict* when every role "
        "matches token for token. The hardest role to get exactly right is the content (exact "
        "F1 0.565, token F1 0.792)."
    )
    tiny = {**POLNEAR, "n_documents": 1, "n_gold": 1, "speaker_n": 0, "roles": {}}
    text = nv.validation_attribution({"system": tiny, "baseline": {}})
    assert text.startswith("1 article, **1 annotated attribution**; the package predicts 1,765, ")
    assert "the toy regex n/a. Lenient F1 **0.718** against n/a;" in text
    assert "No direct quote with a source was found, so speakers were not checked." in text
    assert "hardest role" not in text


def test_validation_publishers_names_the_weakest_and_the_strongest():
    table = pd.DataFrame(
        {
            "publisher": ["huff-post", "nyt", "west-journal"],
            "n_documents": [12, 12, 11],
            "n_gold": [236, 534, 237],
            "lenient_f1": [0.5841, 0.718, 0.7854],
        }
    )
    assert nv.validation_publishers(table) == (
        "Each of the 3 publishers has 11 to 12 articles, so one publisher's figure moves "
        "with a single article. Lenient F1 runs from **0.584** (huff\\-post, 236 annotated "
        "attributions) to **0.785** (west\\-journal). A corpus from one outlet may score well "
        "above or below the pooled figure."
    )
    assert nv.validation_publishers(table.iloc[:2]).startswith(
        "Each of the 2 publishers has 12 articles, so"
    )
    assert nv.validation_publishers(table.iloc[0:0]) == "No publisher's figures are available."


def test_validation_readability_and_no_triplets():
    assert nv.validation_readability(FIGURES["readability"]) == (
        "The package's Flesch–Kincaid grade orders **31 of 32 triplets** elementary < "
        "intermediate < advanced; textstat called directly orders 30. Ordering three rewrites "
        "of one text is an easy test: it shows the formulas move the right way, not that a "
        "grade is exact."
    )
    one = {"system": {"n_triplets": 1, "n_ordered": 0}, "baseline": {"n_ordered": 1}}
    assert "orders **0 of 1 triplet** elementary" in nv.validation_readability(one)
    assert nv.validation_readability({"system": {"n_triplets": 0}}) == (
        "No complete OneStopEnglish triplet was found, so the ordering is not measured."
    )


def test_validation_check_matches_differs_or_has_no_file():
    committed = {"generated": "2026-11-30"}
    assert nv.validation_check(committed, []) == (
        "These figures match the committed file (measured 2026\\-11\\-30), which the write-up "
        "cites."
    )
    assert nv.validation_check(committed, ["a/n: 1 → 2"]) == (
        "**1 figure differs** from the committed file (measured 2026\\-11\\-30): a/n\\: 1 → 2. "
        "Run `python -m analysis.validation` to refresh it."
    )
    many = nv.validation_check({}, ["x"]), nv.validation_check({"a": 1}, list("abcde"))
    assert many[0] == (
        "There is no committed figures file yet: run `python -m analysis.validation`."
    )
    assert many[1] == (
        "**5 figures differ** from the committed file (measured an unknown date): a; b; c; and "
        "2 more. Run `python -m analysis.validation` to refresh it."
    )

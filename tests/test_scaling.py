"""Cost grows linearly with the text: per module, 4x the paragraphs must cost well under 16x.

Timed on real prose (OneStopEnglish, every sentence distinct so no memo hides a cost), in CPU
time and best of three so that a busy machine does not fail them; each run clears the per-text
caches and gets a fresh Article. Plus the pieces that used to be quadratic, checked directly.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import random
import re
import sys
import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.portrayal as actor_sentiment_module
from analysis import actors, readability, segment, sentiment
from analysis.actors_links import SpanIndex
from analysis.article import Article
from analysis.segment import MAX_SENTENCE_CHARS, split_sentences

SMALL_CHARS = 40_000
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MAX_RATIO = 8.0  # linear is ~4, quadratic ~16; CPU-time noise on a loaded machine reaches ~6

MEASURES = {
    "readability_scores": readability.readability_scores,
    "readability_sentences": readability.readability_sentences,
    "readability_paragraphs": readability.readability_paragraphs,
    "sentence_sentiment": sentiment.sentence_sentiment,
    "paragraph_sentiment": sentiment.paragraph_sentiment,
    "find_actors": actors.find_actors,
    "actor_mentions": actors.actor_mentions,
    "actor_sentiment": actor_sentiment_module.actor_sentiment,
}


def _clear_text_caches() -> None:
    sentiment.polarity.cache_clear()
    actors._tables.cache_clear()
    # readability counts live in the Article's memo, and every measurement builds a new Article


@pytest.fixture(scope="module")
def texts(shared_dir) -> tuple[str, str]:
    """~40 kB and 4x that of news prose: paragraphs of the OneStopEnglish texts, one sentence
    each, since per-paragraph and per-mention work is where quadratic loops hid."""
    folder = shared_dir / "onestopenglish"
    paragraphs = [
        sentence
        for level in ("adv", "int", "ele")
        for path in sorted(folder.glob(f"*-{level}.txt"))
        for line in path.read_text(encoding="utf-8-sig").splitlines()
        for sentence in _SENTENCE_END_RE.split(line.strip())
        if sentence
    ]
    ends = list(itertools.accumulate(len(p) + 2 for p in paragraphs))
    n_small = bisect.bisect_left(ends, SMALL_CHARS) + 1
    n_large = bisect.bisect_left(ends, 4 * ends[n_small - 1]) + 1
    assert n_large < len(paragraphs), "not enough reference text"
    return "\n\n".join(paragraphs[:n_small]), "\n\n".join(paragraphs[:n_large])


def _cost(measure, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        _clear_text_caches()
        article = Article.from_text(text)
        assert article.sentences  # segmenting is not part of the measure
        gc.collect()
        t0 = time.process_time()
        measure(article)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("name", list(MEASURES))
def test_four_times_the_text_costs_about_four_times(name, texts):
    measure = MEASURES[name]
    small, large = texts
    measure(small)  # warm-up: lexicons, compiled patterns, word caches
    ratio = _cost(measure, large) / max(_cost(measure, small), 1e-3)
    assert ratio < MAX_RATIO, f"{name}: 4x the text cost {ratio:.1f}x"


def test_segmenting_scales_linearly(texts):
    small, large = texts
    costs = []
    for text in texts:
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            split_sentences(text)
            best = min(best, time.process_time() - t0)
        costs.append(best)
    assert 4 <= len(large) / len(small) < 4.01
    assert costs[1] / max(costs[0], 1e-4) < MAX_RATIO


def _dense(n: int) -> str:
    """n short paragraphs, each with a titled name, an organisation, role nouns and pronouns:
    the most work per character for the actor linking and per-paragraph loops."""
    rng = random.Random(n)
    first = ["Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hugo"]
    last = ["Keller", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi"]
    orgs = ["Acme Bank", "Delta Airlines", "Orion Group", "Vega Motors"]
    return "\n\n".join(
        f"President {rng.choice(first)} {rng.choice(last)} of {rng.choice(orgs)} met the "
        f"president on day {i}. The bank said she and his allies backed the company."
        for i in range(n)
    )


@pytest.mark.parametrize(
    ("measure", "n"),
    [
        (actors.find_actors, 400),
        (readability.readability_paragraphs, 400),
        (actor_sentiment_module.actor_sentiment, 200),
    ],
    ids=["find_actors", "readability_paragraphs", "actor_sentiment"],
)
def test_dense_mentions_and_many_paragraphs_scale_linearly(measure, n):
    """The old per-role and per-paragraph scans cost 18x and 12x here; linear code ~4x."""
    measure(_dense(50))
    ratio = _cost(measure, _dense(4 * n)) / max(_cost(measure, _dense(n)), 1e-3)
    assert ratio < MAX_RATIO, f"{measure.__name__}: 4x the paragraphs cost {ratio:.1f}x"


# --- text without sentence punctuation -----------------------------------------------------------

UNPUNCTUATED = " ".join(
    ["the", "minister", "said", "the", "plan", "was", "a", "terrible", "failure", "and", "good"]
    * 800
)  # 8,800 words, no full stop: one "sentence" to a naive splitter


def test_segment_caps_a_sentence_at_a_white_space_boundary():
    spans = split_sentences(UNPUNCTUATED)
    assert len(spans) > 1
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    for (_, e), (s, _) in itertools.pairwise(spans):
        assert UNPUNCTUATED[e] == " " and s == e + 1  # cut at a space, nothing lost
    assert " ".join(UNPUNCTUATED[s:e] for s, e in spans) == UNPUNCTUATED


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab  .\n")), max_size=200))
def test_capped_spans_stay_trimmed_ordered_and_complete(text):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(segment, "MAX_SENTENCE_CHARS", 20)
        spans = split_sentences(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert not text[previous_end:s].strip()
        # longer only when one token runs past the limit: then it ends at white space or the end
        if e - s > 20:
            assert not any(c.isspace() for c in text[s + 10 : s + 21])
        previous_end = e
    assert not text[previous_end:].strip()


def test_long_sentence_without_punctuation_is_scored_in_windows_quickly():
    sentiment.polarity.cache_clear()
    t0 = time.process_time()
    compound, pos, neu, neg = sentiment.polarity(UNPUNCTUATED)
    assert time.process_time() - t0 < 1.0  # VADER on the whole string takes seconds
    windows = sentiment._windows(UNPUNCTUATED)
    # 8,800 words need ceil(8800 / 150) = 59 windows: 59 x 149 = 8,791, so nine hold 150
    assert sorted(n for n, _ in windows) == [149] * 50 + [150] * 9
    assert all(w.split() and not w[0].isspace() for _, w in windows)
    # every window holds the same words in some rotation, so each scores close to the others;
    # the combination is their word-weighted mean
    scores = [sentiment._vader_tuple(w) for _, w in windows]
    expected = sum(n * sc[0] for (n, _), sc in zip(windows, scores, strict=True)) / 8800
    assert compound == pytest.approx(expected)
    assert compound < -0.9  # per 11 words: terrible -2.1, failure -2.3, good +1.9
    assert pos + neu + neg == pytest.approx(1.0, abs=0.01)


def test_normal_sentences_keep_exact_vader_parity():
    sentence = " ".join(["The deal was a great success, but critics were furious."] * 18)
    assert len(sentence.split()) == 180  # under the window limit: scored whole
    expected = sentiment.vader().polarity_scores(sentence)
    sentiment.polarity.cache_clear()
    assert sentiment.polarity(sentence) == (
        expected["compound"],
        expected["pos"],
        expected["neu"],
        expected["neg"],
    )


def test_whole_text_compound_of_an_article_is_exact_vader(seed_article):
    body = " ".join(s.text for s in seed_article.sentences)
    assert len(body.split()) > sentiment.MAX_VADER_WORDS  # longer than a window, yet whole
    expected = sentiment.vader().polarity_scores(body)["compound"]
    assert sentiment.whole_text_compound(seed_article) == expected


def test_whole_text_compound_of_a_long_body_still_saturates():
    value = sentiment.whole_text_compound(UNPUNCTUATED)
    # valence per 11 words: -2.1 - 2.3 + 1.9 = -2.5; summed over 8,800 words it saturates
    assert value < -0.99999


# --- the actors' span index ----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=20),
    st.integers(0, 70),
    st.integers(1, 12),
)
def test_span_index_agrees_with_a_linear_scan(raw, start, length):
    spans = [(s, s + n) for s, n in raw]
    end = start + length
    expected = any(s < end and start < e for s, e in spans)
    assert SpanIndex(spans).overlaps(start, end) == expected


def test_span_index_hand_checked():
    index = SpanIndex([(10, 20), (0, 3), (12, 40)])
    assert index.overlaps(35, 50)  # inside the long span that starts after (10, 20)
    assert not index.overlaps(3, 10)  # touching is not overlapping
    assert not index.overlaps(40, 41)
    assert not SpanIndex([]).overlaps(0, 100)


# --- actor sentiment without actors --------------------------------------------------------------


@pytest.mark.parametrize("text", ["0", "the cat sat on the mat."])
def test_actor_sentiment_without_actors_is_an_empty_table(text):
    table = actor_sentiment_module.actor_sentiment(text)
    assert table.empty
    assert list(table.columns) == actor_sentiment_module.COLUMNS
    assert table["n"].dtype == "int64"
    assert table["mean_score"].dtype == "float64"


def test_word_memos_are_bounded_and_refill_to_the_same_tables(monkeypatch):
    """The plain-dictionary word memos stay under their limits on a long run, and memos emptied
    on the way give every table exactly as warm ones do."""
    import analysis
    from analysis import attribution, target_features
    from analysis.paths import BUNDLED_ARTICLE

    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    warm = analysis.analyze(text).tables
    monkeypatch.setattr(readability, "_PIECE_ROWS_MAX", 8)
    monkeypatch.setattr(attribution, "NORMS_LIMIT", 8)
    monkeypatch.setattr(target_features._TOKEN_INFO, "limit", 8)
    monkeypatch.setattr(target_features._CHUNK_TOKENS, "limit", 8)
    bounded = (readability._PIECE_ROWS, target_features._TOKEN_INFO, target_features._CHUNK_TOKENS)
    for memo in bounded:
        memo.clear()
    attribution._NORMS.clear()
    attribution._NORMS.update({f"stale-{i}": "x" for i in range(8)})
    for module in [m for name, m in sys.modules.items() if name.startswith("analysis")]:
        for obj in list(vars(module).values()):
            getattr(obj, "cache_clear", lambda: None)()  # no table read from a text cache
    small = analysis.analyze(text).tables
    for name, table in warm.items():
        pd.testing.assert_frame_equal(small[name], table, check_exact=True, obj=name)
    assert all(0 < len(memo) <= 8 for memo in bounded)
    assert "stale-0" not in attribution._NORMS  # emptied once full, before a text's new words

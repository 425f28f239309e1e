from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis.actors import find_actors
from analysis.charts.actors import actor_sentiment_chart, co_mention_chart, mention_timeline_chart
from analysis.errors import AnalysisError
from analysis.portrayal import (
    COLUMNS,
    _clipped_quantiles,
    _quantile_plan,
    _text_list,
    bootstrap_ci,
    by_scores,
    co_mentions,
    mention_timeline,
    summarise_scores,
)
from analysis.sentiment import polarity

# --- the bootstrap and the summary --------------------------------------------------------------


def test_bootstrap_two_values_spans_both():
    # resampled means of [-1, 1] are -1, 0, 1 with probabilities 1/4, 1/2, 1/4
    assert bootstrap_ci([-1.0, 1.0]) == (-1.0, 1.0)


def test_bootstrap_constant_and_single_values():
    assert bootstrap_ci([0.3, 0.3, 0.3]) == pytest.approx((0.3, 0.3))
    low, high = bootstrap_ci([0.5])
    assert math.isnan(low) and math.isnan(high)


def test_bootstrap_is_seeded_and_brackets_the_mean():
    values = np.linspace(-0.8, 0.6, 11)
    first = bootstrap_ci(values, seed=7)
    assert bootstrap_ci(values, seed=7) == first
    assert first[0] < values.mean() < first[1]
    assert first[0] >= -0.8 and first[1] <= 0.6


@pytest.mark.parametrize("dtype", ["str", object])
def test_text_list_reads_speakers_with_missing_values(dtype):
    values = _text_list(pd.Series(["Ann", None, "Bob Smith"], dtype=dtype))
    assert values[0] == "Ann" and values[2] == "Bob Smith"
    assert values[1] is None or pd.isna(values[1])
    assert len(values) == 3


def test_summarise_scores_hand_computed():
    scores = pd.DataFrame(
        {
            "actor": ["A", "A", "A", "A", "B"],
            "kind": ["person"] * 4 + ["place"],
            "role": ["about", "about", "about", "by", "about"],
            "score": [-0.5, 0.0, 0.8, 0.4, -0.2],
            "label": ["negative", "neutral", "positive", "positive", "negative"],
        }
    )
    table = summarise_scores(scores)
    assert list(table.columns) == COLUMNS
    a = table[(table["actor"] == "A") & (table["role"] == "about")].iloc[0]
    assert a["n"] == 3
    assert a["mean_score"] == pytest.approx(0.1)
    assert (a["share_negative"], a["share_neutral"], a["share_positive"]) == pytest.approx(
        (1 / 3, 1 / 3, 1 / 3)
    )
    assert -0.5 <= a["ci_low"] < 0.1 < a["ci_high"] <= 0.8
    b = table[table["actor"] == "B"].iloc[0]
    assert b["n"] == 1 and math.isnan(b["ci_low"]) and b["share_negative"] == 1.0
    by = table[table["role"] == "by"].iloc[0]
    assert (by["actor"], by["n"], by["mean_score"]) == ("A", 1, pytest.approx(0.4))


# --- BY from an attribution table ---------------------------------------------------------------


def test_by_scores_use_vader_on_the_content(seed_article):
    text = seed_article.text
    start = text.index("affirming France")
    end = text.index(", citing")
    frag = (text.index("France’s loyalty"), end)
    attributions = pd.DataFrame(
        {
            "speaker": ["Emmanuel Macron", "a spokesman", pd.NA],
            "content_start": [frag[0], start, start],
            "content_end": [frag[1], end, end],
            "content_spans": [[frag], [(start, end)], [(start, end)]],
        }
    )
    table = by_scores(seed_article, attributions, find_actors(seed_article))
    assert len(table) == 2  # the row without a speaker is skipped
    macron = table.iloc[0]
    expected = polarity(text[frag[0] : frag[1]])[0]
    assert macron["score"] == pytest.approx(expected)
    assert expected > 0.5  # "loyalty and friendship" is clearly positive
    assert (macron["kind"], macron["label"]) == ("person", "positive")
    assert pd.isna(table.iloc[1]["kind"])


# --- helper tables for the charts ---------------------------------------------------------------


def test_mention_timeline_bundled(seed_article):
    timeline = mention_timeline(seed_article)
    trump = timeline[timeline["actor"] == "Donald Trump"]
    assert trump["actor_rank"].iloc[0] == 0
    assert trump["n_mentions"].sum() == 15
    assert trump["sentence_id"].nunique() == 10
    # sentence 2 mentions Trump only as "his"
    row = trump[trump["sentence_id"] == 2].iloc[0]
    assert (row["n_mentions"], row["n_pronoun"]) == (1, 1)
    assert timeline["position"].between(0, 1).all()


def test_co_mentions_bundled(seed_article):
    pairs = co_mentions(seed_article)
    n = find_actors(seed_article).shape[0]
    assert len(pairs) == n * n
    counts = pairs.set_index(["actor_a", "actor_b"])["n_sentences"]
    assert counts["Donald Trump", "Donald Trump"] == 10
    assert counts["Donald Trump", "NATO"] == counts["NATO", "Donald Trump"] == 8
    assert counts["Emmanuel Macron", "France"] == 1
    assert counts["Vladimir Putin", "Pete Hegseth"] == 0


# --- the full table (needs the target-sentiment and attribution modules) -------------------------


def test_actor_sentiment_bundled(seed_article):
    from analysis import actor_sentiment

    table = actor_sentiment(seed_article)
    assert list(table.columns) == COLUMNS
    assert set(table["role"]) <= {"about", "by"}
    about = table[table["role"] == "about"].set_index("actor")
    assert about.loc["Donald Trump", "n"] == 15
    assert about.loc["NATO", "n"] == 14
    assert table.iloc[0]["actor"] == "Donald Trump" and table.iloc[0]["role"] == "about"
    shares = table[["share_negative", "share_neutral", "share_positive"]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    assert table["mean_score"].between(-1, 1).all()
    assert (table["n"] >= 1).all()
    assert table.equals(actor_sentiment(seed_article))  # deterministic
    by = table[table["role"] == "by"].set_index("actor")
    assert "Donald Trump" in by.index


# --- charts -------------------------------------------------------------------------------------


def _portrayal() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "actor": ["A", "A", "B"],
            "kind": ["person", "person", "place"],
            "role": ["about", "by", "about"],
            "n": [4, 2, 1],
            "mean_score": [-0.3, 0.2, 0.5],
            "ci_low": [-0.6, 0.0, np.nan],
            "ci_high": [0.1, 0.4, np.nan],
            "share_negative": [0.5, 0.0, 0.0],
            "share_neutral": [0.25, 0.5, 0.0],
            "share_positive": [0.25, 0.5, 1.0],
        }
    )


def test_charts_return_labelled_figures(seed_article):
    source = "seed-article"
    figs = [
        mention_timeline_chart(mention_timeline(seed_article), source, n_sentences=13),
        co_mention_chart(co_mentions(seed_article), source),
        actor_sentiment_chart(_portrayal(), source),
    ]
    for fig in figs:
        assert isinstance(fig, Figure)
        ax = fig.axes[0]
        assert ax.get_title(loc="left")
    assert [t.get_text() for t in figs[2].axes[0].get_yticklabels()] == ["A", "B"]
    labels = [t.get_text() for t in figs[2].axes[0].texts]
    assert labels == ["n=4", "n=2", "n=1"]
    assert len(figs[0].axes[0].get_yticklabels()) == 10


def test_charts_handle_empty_tables_and_reject_wrong_ones():
    empty = pd.DataFrame(columns=COLUMNS)
    assert isinstance(actor_sentiment_chart(empty, "x"), Figure)
    with pytest.raises(AnalysisError, match="needs columns"):
        co_mention_chart(pd.DataFrame({"a": [1]}), "x")


def test_contract_functions_stay_callable_after_importing_their_modules():
    """The modules are named apart from the functions, so a submodule import cannot shadow
    ``analysis.actor_sentiment`` or ``analysis.target_sentiment``."""
    import analysis
    import analysis.portrayal
    import analysis.targeted

    assert analysis.actor_sentiment is analysis.portrayal.actor_sentiment
    assert analysis.target_sentiment is analysis.targeted.target_sentiment
    assert analysis.portrayal.co_mentions is co_mentions
    assert analysis.target_sentiment("They praised NATO.", 13, 17).label == "positive"


# --- the fast paths give the numbers of the plain ones ------------------------------------------


def _numpy_bootstrap(values, seed=2024, n_boot=1000, level=0.95):
    """The interval as first written: a gather, numpy's mean and np.quantile, group by group."""
    from analysis.portrayal import _resample_indices

    values = np.asarray(values, dtype=float)
    means = values[_resample_indices(values.size, n_boot, seed)].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.clip(np.quantile(means, [tail, 1 - tail]), values.min(), values.max())
    return float(low), float(high)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(-1, 1, allow_nan=False), min_size=2, max_size=150),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([0.5, 0.9, 0.95]),
)
def test_bootstrap_over_groups_is_bit_identical_to_numpy_group_by_group(groups, level):
    from analysis.portrayal import _bootstrap_sizes

    matrices = [np.array([g]) for g in groups]
    for matrix, bounds in zip(matrices, _bootstrap_sizes(matrices, level=level), strict=True):
        assert tuple(bounds[0].tolist()) == _numpy_bootstrap(matrix[0], level=level)


def test_bootstrap_sizes_share_one_partition_across_sizes():
    rng = np.random.default_rng(3)
    matrices = [rng.uniform(-1, 1, (k, n)) for k, n in ((3, 2), (1, 7), (2, 8), (2, 130))]
    from analysis.portrayal import _bootstrap_sizes

    for matrix, bounds in zip(matrices, _bootstrap_sizes(matrices), strict=True):
        for row, bound in zip(matrix, bounds, strict=True):
            assert tuple(bound.tolist()) == _numpy_bootstrap(row)


def test_analyze_shares_its_tables_and_matches_actor_sentiment(seed_article):
    from analysis.pipeline import analyze
    from analysis.portrayal import actor_sentiment, actor_sentiment_from

    result = analyze(seed_article)
    expected = actor_sentiment(seed_article)
    pd.testing.assert_frame_equal(result["actor_sentiment"], expected, check_exact=True)
    rebuilt = actor_sentiment_from(
        seed_article, result["mentions"], result["actors"], result["attributions"]
    )
    pd.testing.assert_frame_equal(rebuilt, expected, check_exact=True)
    trump = expected[(expected["actor"] == "Donald Trump") & (expected["role"] == "about")]
    assert trump["n"].item() == 15  # every mention of Trump, pronouns included


def test_quantile_plan_hand_checked():
    below, above, gamma, upper = _quantile_plan(2000, (0.025, 0.975))
    # virtual indices 1999 × q: 49.975 and 1949.025
    assert below.tolist() == [49, 1949]
    assert above.tolist() == [50, 1950]
    assert gamma.tolist() == pytest.approx([0.975, 0.025])
    assert upper.tolist() == [True, False]
    assert not below.flags.writeable


@settings(max_examples=50, deadline=None)
@given(
    st.integers(1, 60),
    st.lists(st.floats(0, 1), min_size=1, max_size=3),
    st.integers(0, 2**32 - 1),
)
def test_clipped_quantiles_equal_numpy(count, q, seed):
    values = np.random.default_rng(seed).normal(size=(4, count))
    expected = np.quantile(values, q, axis=1).T
    infinite = [math.inf] * 4
    got = _clipped_quantiles(values.copy(), tuple(q), [-x for x in infinite], infinite)
    assert np.array_equal(np.array(got), expected)


def test_summary_rows_means_and_intervals_equal_numpy():
    from analysis.portrayal import _summary_rows

    values = {"A": [0.1, 0.2, 0.7], "B": [0.3, -0.4, 0.5], "C": [0.9, -0.2, 0.1, 0.25, -0.6]}
    items = [(a, "person", "about", v, "neutral") for a, vs in values.items() for v in vs]
    rows = {r[0]: r for r in _summary_rows(items)}
    for actor, vs in values.items():
        assert rows[actor][4] == float(np.mean(vs))  # bit for bit, as ndarray.mean gives
        assert rows[actor][5:7] == _numpy_bootstrap(np.array(vs))
    assert rows["A"][3] == 3 and rows["A"][4] == pytest.approx(1.0 / 3.0)


def test_short_resample_sums_are_the_sequential_sums_bit_for_bit():
    from analysis.portrayal import _draw_sums, _pairwise_sum

    rng = np.random.default_rng(5)
    for n in range(2, 8):
        draws = np.round(rng.uniform(-1, 1, (3, n, 1000)), 1)
        draws[draws == 0] = -0.0
        expected = _pairwise_sum(draws.transpose(1, 0, 2))
        assert np.array_equal(_draw_sums(draws).view(np.int64), expected.view(np.int64))
    # a sum of negative zeros stays negative (0.0 as the starting value would make it 0.0)
    assert np.signbit(_draw_sums(np.full((1, 3, 2), -0.0))).all()
    assert _draw_sums(np.array([[[0.1], [0.2], [0.3]]]))[0, 0] == (0.1 + 0.2) + 0.3

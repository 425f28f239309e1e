"""The session-13 shortcuts of actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.portrayal import (
    N_BOOT,
    SEED,
    _bootstrap_numpy,
    _bootstrap_summary,
    _clipped_quantiles,
    _draw_sums,
    _joined,
    _quantile_plan,
    _resample_columns,
    _resample_indices,
)
from analysis.targeted import (
    _mention_items,
    _predict_scores,
    _probabilities,
    load_model,
    predict_batch,
)

# --- the bootstrap's cached resampling columns ---------------------------------------------------


def test_resample_columns_are_the_transposed_indices_and_gather_without_a_copy():
    indices = _resample_indices(6, 1000, 2024)
    columns = _resample_columns(6, 1000, 2024)
    assert columns.dtype == np.intp and columns.flags.c_contiguous
    assert columns.shape == (6, 1000)
    assert np.array_equal(columns, indices.T)
    # writeable: ndarray.take copies read-only indices before gathering
    assert columns.flags.writeable
    rows = np.random.default_rng(1).uniform(-1, 1, (3, 6))
    draws = rows.take(columns, axis=1, mode="wrap")
    assert np.array_equal(draws, rows[:, indices].transpose(0, 2, 1))
    bounds, means = _bootstrap_summary([rows])
    expected = np.add.reduce(draws, axis=1, initial=-0.0) / 6
    expected.sort(axis=1)
    assert len(bounds) == 3 and np.array_equal(means, np.add.reduce(rows, axis=1) / 6)
    for (low, high), draw_means in zip(bounds, expected.tolist(), strict=True):
        assert draw_means[24] <= low <= draw_means[25]  # 999 × 0.025 = 24.975
        assert draw_means[974] <= high <= draw_means[975]


# --- the bootstrap's quantiles and clip on Python floats ------------------------------------------


def _old_linear_quantiles(values: np.ndarray, q) -> np.ndarray:
    """portrayal._linear_quantiles before session 13 (sorting a copy)."""
    below, above, gamma, upper = _quantile_plan(values.shape[1], tuple(q))
    ordered = np.sort(values, axis=1)
    a, b = ordered[:, below], ordered[:, above]
    diff = b - a
    out = a + diff * gamma
    out[:, upper] = (b - diff * (1 - gamma))[:, upper]
    return out


def _old_bootstrap_summary(matrices, *, seed=SEED, n_boot=N_BOOT, level=0.95):
    """portrayal._bootstrap_summary before session 13: the quantiles and np.clip in NumPy."""
    tail = (1 - level) / 2
    means, draw_means, lows, highs = [], [], [], []
    for rows in matrices:
        n = rows.shape[1]
        lows.append(np.minimum.reduce(rows, axis=1))
        highs.append(np.maximum.reduce(rows, axis=1))
        means.append(np.add.reduce(rows, axis=1) / n)
    low, high = _joined(lows), _joined(highs)
    if np.isnan(low).any():
        q = np.array([tail, 1 - tail])
        bounds = np.concatenate([_bootstrap_numpy(rows, seed, n_boot, q) for rows in matrices])
        return bounds, _joined(means)
    for rows in matrices:
        n = rows.shape[1]
        columns = np.ascontiguousarray(_resample_indices(n, n_boot, seed).T, dtype=np.intp)
        draws = rows.take(columns, axis=1, mode="wrap")
        draw_means.append(_draw_sums(draws) / n)
    quantiles = _old_linear_quantiles(_joined(draw_means), (tail, 1 - tail))
    return np.clip(quantiles, low[:, None], high[:, None]), _joined(means)


def _bits(values) -> list[int]:
    """Each float's bit pattern (a zero's sign and NaN included)."""
    return np.asarray(values, dtype=float).ravel().view(np.int64).tolist()


_SCORES = st.one_of(
    st.floats(-1, 1, allow_nan=False),
    st.sampled_from([0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1 / 3]),  # ties and zeros of both signs
)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 3),
    st.integers(2, 40),
    st.lists(st.floats(0, 1), min_size=1, max_size=3),
    st.data(),
)
def test_clipped_quantiles_are_numpys_quantiles_clipped(rows, count, q, data):
    """Bit for bit, a zero's sign included: where a zero quantile meets a zero bound, which
    of the two np.clip keeps depends on the array's shape."""
    values = np.array(data.draw(st.lists(_SCORES, min_size=rows * count, max_size=rows * count)))
    values = values.reshape(rows, count)
    lows = data.draw(st.lists(_SCORES, min_size=rows, max_size=rows))
    highs = data.draw(st.lists(_SCORES, min_size=rows, max_size=rows))
    expected = np.clip(
        _old_linear_quantiles(values, q), np.array(lows)[:, None], np.array(highs)[:, None]
    )
    got = _clipped_quantiles(values.copy(), tuple(q), lows, highs)
    assert [len(r) for r in got] == [len(q)] * rows
    assert _bits(got) == _bits(expected)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(4, 30), min_size=1, max_size=3, unique=True),
    st.integers(1, 3),
    st.sampled_from([0.5, 0.9, 0.95]),
    st.data(),
)
def test_bootstrap_summary_is_the_old_summary(sizes, groups, level, data):
    matrices = []
    for n in sizes:
        scores = data.draw(st.lists(_SCORES, min_size=n * groups, max_size=n * groups))
        matrices.append(np.array(scores).reshape(groups, n))
    if data.draw(st.booleans()) and data.draw(st.booleans()):
        matrices[0][0, 0] = math.nan  # numpy's own path
    bounds, means = _bootstrap_summary(matrices, level=level)
    old_bounds, old_means = _old_bootstrap_summary(matrices, level=level)
    assert all(type(b) is tuple and len(b) == 2 for b in bounds)
    assert _bits(bounds) == _bits(old_bounds)
    assert _bits(means) == _bits(old_means)


def test_clipped_quantiles_hand_checked():
    sample = np.array([[float(i) for i in range(100, 0, -1)]])  # 100 .. 1, sorted in place
    # quantiles 0.025 and 0.975 of 1..100: virtual indices 2.475 and 96.525
    expected = np.quantile(sample, (0.025, 0.975), axis=1).T.tolist()
    got = _clipped_quantiles(sample, (0.025, 0.975), [0.0], [100.0])
    assert got == [tuple(expected[0])] and got == [pytest.approx((3.475, 97.525))]
    assert sample[0, :3].tolist() == [1.0, 2.0, 3.0]
    # a bound equal to the quantile leaves it; a bound inside replaces it
    assert _clipped_quantiles(sample.copy(), (0.025, 0.975), [3.475], [50.0]) == [(3.475, 50.0)]
    assert _clipped_quantiles(sample.copy(), (0.5,), [60.0], [70.0]) == [(60.0,)]


# --- the mentions' (score, label) from the probabilities ------------------------------------------


def _old_predict_scores(items, model=None):
    """targeted._predict_scores before session 13 (the score column by NumPy)."""
    model = model if model is not None else load_model()
    if not items:
        return []
    probs = _probabilities(items, model)[0]
    labels = model["labels"]
    neg_i, pos_i = labels.index("negative"), labels.index("positive")
    best = probs.argmax(1).tolist()
    scores = (probs[:, pos_i] - probs[:, neg_i]).tolist()
    return [
        (x if -1.0 < x < 1.0 else 1.0 if x >= 1.0 else -1.0, labels[k])
        for x, k in zip(scores, best, strict=True)
    ]


_WORDS = ["Ann", "praised", "Bob", "but", "the", "brutal", "plan", "failed", "not", "good", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), max_size=5))
def test_predict_scores_are_the_old_scores(sentences):
    text = " ".join(" ".join(words) + "." for words in sentences)
    spans = [(m.start(), m.end()) for m in re.finditer(r"Ann|Bob|plan", text)]
    items = _mention_items(text, spans)
    got = _predict_scores(items)
    assert [type(x) for x, _ in got] == [float] * len(items)
    assert got == _old_predict_scores(items)
    results = predict_batch(items)
    assert got == [(r.score, r.label) for r in results]


def test_predict_scores_hand_checked():
    text = "The minister praised the rebels but condemned the government's brutal crackdown."
    items = _mention_items(text, [(25, 31), (50, 60)])
    (rebels, rebels_label), (government, government_label) = _predict_scores(items)
    assert rebels_label == "positive" and government_label == "negative"
    assert 0 < rebels <= 1 and -1 <= government < 0

"""The session-13 shortcuts of actor sentiment give the values of the code they replace.

Each rewritten function is checked against the code it replaced, kept here as the oracle.
"""

from __future__ import annotations

import numpy as np

from analysis.portrayal import _bootstrap_summary, _resample_columns, _resample_indices

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
    assert bounds.shape == (3, 2) and np.array_equal(means, np.add.reduce(rows, axis=1) / 6)
    assert np.all(bounds[:, 0] >= expected[:, 24]) and np.all(bounds[:, 1] <= expected[:, 975])

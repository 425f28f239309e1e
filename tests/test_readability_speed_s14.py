"""Session 14's cheaper readability counting gives what the code it replaced gave (the
replaced code is kept here as the oracle)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import readability as R

# --- readability: per-sentence sums by one reduceat -------------------------------------------


def _old_sum_rows(rows: list, ends: np.ndarray, marks: list[int]) -> np.ndarray:
    """Session 13's ``_sum_rows``: running sums with the running word count in front, read
    back at the sentence ends."""
    n = len(ends) - 1
    out = np.empty((n, len(R.COUNT_COLUMNS)), dtype=np.int64)
    out[:, 0] = 1
    for first in range(0, n, R._SENTENCES_PER_BLOCK):
        stop = min(first + R._SENTENCES_PER_BLOCK, n)
        lo, hi = int(ends[first]), int(ends[stop])
        running = np.zeros((hi - lo + 1, 7), dtype=np.int64)
        running[:, 0] = np.arange(hi - lo + 1)
        if hi > lo:
            packed = b"".join(rows[marks[first] : marks[stop]])
            per_word = np.frombuffer(packed, dtype=np.int64).reshape(-1, 6)
            np.cumsum(per_word, axis=0, out=running[1:, 1:])
        at = running[ends[first : stop + 1] - lo]
        np.subtract(at[1:], at[:-1], out=out[first:stop, 1:])
    return out


_WORD = st.tuples(*(st.integers(0, 40) for _ in range(6)))


@settings(max_examples=400, deadline=None)
@given(
    # sentences of items (a sentence's known pieces in one item, or one word an item); some
    # sentences and items without words, first, last or in a row
    st.lists(st.lists(st.lists(_WORD, max_size=3), max_size=4), max_size=10),
    st.sampled_from([1, 2, 3, 2048]),
)
def test_sum_rows_equals_the_running_sums(sentences, block):
    rows, ends, marks = [], [0], [0]
    for items in sentences:
        for words in items:
            rows.append(b"".join(R._WORD_ROW.pack(*word) for word in words))
        ends.append(ends[-1] + sum(map(len, items)))
        marks.append(len(rows))
    ends_array = np.array(ends, dtype=np.intp)
    original = R._SENTENCES_PER_BLOCK
    R._SENTENCES_PER_BLOCK = block
    try:
        new, old = R._sum_rows(rows, ends_array, marks), _old_sum_rows(rows, ends_array, marks)
    finally:
        R._SENTENCES_PER_BLOCK = original
    assert new.shape == (len(sentences), len(R.COUNT_COLUMNS)) and new.dtype == np.int64
    np.testing.assert_array_equal(new, old)
    for k, items in enumerate(sentences):  # the values themselves, not only the oracle's
        words = [w for ws in items for w in ws]
        sums = [sum(word[j] for word in words) for j in range(6)]
        assert new[k].tolist() == [1, len(words), *sums]


def test_sum_rows_hand_checked():
    pack = R._WORD_ROW.pack
    # sentence 0: two words in one item and one alone; sentence 1: none; sentence 2: one word
    rows = [
        pack(1, 0, 0, 0, 3, 3) + pack(3, 1, 1, 1, 9, 9),
        pack(2, 0, 0, 1, 5, 6),
        pack(1, 0, 0, 0, 1, 1),
    ]
    ends = np.array([0, 3, 3, 4], dtype=np.intp)
    got = R._sum_rows(rows, ends, [0, 2, 2, 3])
    assert got.tolist() == [
        [1, 3, 6, 1, 1, 2, 17, 18],
        [1, 0, 0, 0, 0, 0, 0, 0],
        [1, 1, 1, 0, 0, 0, 1, 1],
    ]
    assert R._sum_rows([], np.array([0], dtype=np.intp), [0]).shape == (0, 8)

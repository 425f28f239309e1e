"""How a chunk's tables are put together: the ``articles`` table built column by column and the
``article_id`` column sent to Arrow directly give exactly what pandas' own constructors gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import ARTICLE_TEXT_COLUMNS, _articles_table, _with_ids


def _pandas_articles_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The construction the column-by-column one replaced (the oracle; the package keeps a
    copy as its fallback, so this one is written out here)."""
    table = pd.DataFrame(list(rows))
    return table.astype({c: "str" for c in ARTICLE_TEXT_COLUMNS if c in table.columns})


def _pandas_with_ids(table: pd.DataFrame, ids: list[str], counts: list[int]) -> pd.DataFrame:
    table = table.copy(deep=False)
    column = np.repeat(np.asarray(ids, dtype=object), counts).tolist()
    table.insert(0, "article_id", pd.array(column, dtype="string"))
    return table


def _assert_same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left, right, check_exact=True)
    assert list(left.dtypes) == list(right.dtypes)


def _row(i: int) -> dict[str, object]:
    return {
        "article_id": f"a-{i}",
        "path": f"/x/a-{i}.txt",
        "title": None if i % 2 else f"Title {i}",
        "level": None,
        "n_sentences": 10 + i,
        "flesch_reading_ease": 55.25 + i,
        "mean_compound": float("nan") if i == 1 else 0.5,
    }


def test_articles_table_types_as_pandas_infers_them():
    rows = [_row(i) for i in range(3)]
    table = _articles_table(rows)
    _assert_same(table, _pandas_articles_table(rows))
    assert table["n_sentences"].dtype == np.int64
    assert table["n_sentences"].tolist() == [10, 11, 12]
    assert table["flesch_reading_ease"].tolist() == [55.25, 56.25, 57.25]
    assert str(table["title"].dtype) == "str" and table["title"].isna().tolist() == [
        False,
        True,
        False,
    ]
    assert str(table["level"].dtype) == "str" and table["level"].isna().all()


values = st.one_of(
    st.none(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=True, allow_infinity=False),
    st.booleans(),
    st.text(max_size=4),
)
names = st.sampled_from(["article_id", "title", "level", "n_words", "score", "flag", "extra"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(names, values, min_size=1), min_size=1, max_size=5))
def test_articles_table_equals_pandas_construction(rows):
    """Any mix of ints, floats, None, flags and text, keys missing from some rows: the same
    columns, in the same order, of the same dtypes and values as the pandas construction."""
    try:
        expected = _pandas_articles_table(rows)
    except (ValueError, TypeError):  # text pandas cannot make "str" of: nothing to compare
        return
    _assert_same(_articles_table(rows), expected)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=6))
def test_with_ids_equals_pandas_insert(counts):
    n = sum(counts)
    table = pd.DataFrame({"start": np.arange(n, dtype=np.int64), "text": ["w"] * n})
    ids = [f"article-{i}" for i in range(len(counts))]
    result = _with_ids(table, ids, counts)
    _assert_same(result, _pandas_with_ids(table, ids, counts))
    expected = [a for a, k in zip(ids, counts, strict=True) for _ in range(k)]
    assert result["article_id"].tolist() == expected
    assert list(table.columns) == ["start", "text"]  # the caller's table is left alone

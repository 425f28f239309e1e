"""The rewrites of session 15 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis.article import frame, strings

# --- the table's columns: one int array, string columns cut from Arrow, object columns --------


def _old_table(
    cols: dict[str, list],
    sources: list[tuple[int, int] | None],
    cues: list[tuple[int, int] | None],
    contents: list[list[tuple[int, int]]],
) -> pd.DataFrame:
    """The tail of ``find_attributions`` as it was before session 15 (three NumPy arrays, the
    string array sliced through pandas, an empty object array filled per object column)."""
    n = len(contents)
    no_source = [src is None for src in sources]
    no_cue = [cue is None for cue in cues]
    ints = np.array(
        [
            [src[0] if src else 0 for src in sources],
            [src[1] if src else 0 for src in sources],
            [cue[0] if cue else 0 for cue in cues],
            [cue[1] if cue else 0 for cue in cues],
        ],
        dtype="int64",
    )
    missing = np.array([no_source, no_source, no_cue, no_cue], dtype=bool)
    cells = strings([v for name in A._TEXT_NAMES for v in cols[name]], A._STR)
    arrays: list[object] = []
    for name in A.COLUMNS:
        if name in A._INT_ROWS:
            row = A._INT_ROWS[name]
            arrays.append(pd.arrays.IntegerArray(ints[row], missing[row]))
        elif name == "content_start":
            arrays.append(
                np.array(
                    [[spans[0][0] for spans in contents], [spans[-1][1] for spans in contents]],
                    dtype="int64",
                )
            )
        elif name == "content_end":
            continue
        elif name in A._TEXT_COLUMNS:
            i = A._TEXT_NAMES.index(name)
            arrays.append(cells[i * n : (i + 1) * n])
        else:
            column = np.empty(n, dtype=object)
            column[:] = cols[name]
            arrays.append(column)
    return frame(A._COLUMN_INDEX, arrays)


_SPAN = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6))
_TEXT = st.none() | st.text(alphabet="ab “”’é\n…", max_size=6)


@st.composite
def _rows(draw: st.DrawFn) -> tuple[dict[str, list], list, list, list]:
    n = draw(st.integers(0, 6))
    sources = [draw(st.none() | _SPAN) for _ in range(n)]
    cues = [draw(st.none() | _SPAN) for _ in range(n)]
    contents = [draw(st.lists(_SPAN, min_size=1, max_size=3)) for _ in range(n)]
    cols: dict[str, list] = {
        "content_spans": contents,
        "sentence_ids": [draw(st.lists(st.integers(0, 50), max_size=3)) for _ in range(n)],
    }
    for name in A._TEXT_NAMES:
        cols[name] = [draw(_TEXT) for _ in range(n)]
    return cols, sources, cues, contents


def _layout(table: pd.DataFrame) -> list[tuple[object, ...]]:
    return [(type(b), b.dtype, b.mgr_locs.as_array.tolist()) for b in table._mgr.blocks]


@settings(max_examples=300, deadline=None)
@given(_rows())
def test_table_equals_the_old_one(rows: tuple[dict[str, list], list, list, list]) -> None:
    new, old = A._table(*rows), _old_table(*rows)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert list(new.dtypes.astype(str)) == list(old.dtypes.astype(str))
    assert _layout(new) == _layout(old)
    for name in ("content_spans", "sentence_ids"):  # the very lists, not copies or arrays
        assert all(a is b for a, b in zip(new[name], rows[0][name], strict=True))


def test_table_hand_checked() -> None:
    cols = {
        "content_spans": [[(10, 20)], [(30, 35), (40, 50)]],
        "sentence_ids": [[0], [1, 2]],
        "speaker": ["Smith", None],
        "kind": ["indirect", "direct"],
        "cue_lemma": ["say", None],
        "cue_class": ["neutral", None],
        "source_text": ["Smith", None],
        "cue_text": ["said", None],
        "content_text": ["the plan", "We … win"],
    }
    table = A._table(cols, [(0, 5), None], [(6, 10), None], cols["content_spans"])
    assert list(table.columns) == A.COLUMNS
    assert table["source_start"].tolist() == [0, pd.NA]
    assert table["cue_end"].tolist() == [10, pd.NA]
    assert table["content_start"].tolist() == [10, 30]
    assert table["content_end"].tolist() == [20, 50]
    assert table["content_spans"].tolist() == [[(10, 20)], [(30, 35), (40, 50)]]
    assert table["sentence_ids"].tolist() == [[0], [1, 2]]
    assert table["speaker"].tolist()[0] == "Smith" and pd.isna(table["speaker"].tolist()[1])
    assert table["content_text"].tolist() == ["the plan", "We … win"]
    assert table["kind"].tolist() == ["indirect", "direct"]
    assert [str(t) for t in table.dtypes] == ["Int64"] * 4 + ["int64"] * 2 + ["object"] + [
        "str"
    ] * 4 + ["object"] + ["str"] * 3
    empty = A._table({name: [] for name in cols}, [], [], [])
    assert empty.empty and list(empty.columns) == A.COLUMNS
    assert [str(t) for t in empty.dtypes[:6]] == ["Int64"] * 4 + ["int64"] * 2

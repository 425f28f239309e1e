"""Session 14's cheaper detection and table building give what they replaced (the replaced code
is kept here as the oracle)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.api.internals import create_dataframe_from_blocks
from pandas.arrays import ArrowStringArray

from analysis import actors as A
from analysis import actors_links as L
from analysis import article as art
from analysis.article import Article, frame, string_columns, strings

# --- session 13's code, the oracle ------------------------------------------------------------


def _old_frame(columns: pd.Index, arrays) -> pd.DataFrame:
    first = arrays[0] if len(arrays) else ()
    n = first.shape[-1] if isinstance(first, np.ndarray) else len(first)
    by_dtype: dict = {}
    blocks: list = []
    i = 0
    for values in arrays:
        if isinstance(values, np.ndarray):
            by_dtype.setdefault(values.dtype, []).append((i, values))
            i += 1 if values.ndim == 1 else len(values)
        else:
            blocks.append((values, np.array([i], dtype=np.intp)))
            i += 1
    for dtype, members in by_dtype.items():
        placement: list[int] = []
        for at, values in members:
            if values.ndim == 1:
                placement.append(at)
            else:
                placement.extend(range(at, at + len(values)))
        stacked = np.empty((len(placement), n), dtype=dtype)
        row = 0
        for _, values in members:
            if values.ndim == 1:
                stacked[row] = values
                row += 1
            else:
                stacked[row : row + len(values)] = values
                row += len(values)
        blocks.append((stacked, np.array(placement, dtype=np.intp)))
    return create_dataframe_from_blocks(blocks, pd.RangeIndex.from_range(range(n)), columns)


def _old_mention_table(rows):
    n = len(rows)
    actor, kind, start, end, text, sentence_id, linked_by, possessive, paragraph_id = (
        zip(*rows, strict=True) if rows else [()] * len(A.MENTION_COLUMNS)
    )
    texts = strings([*actor, *kind, *text, *linked_by])
    ints = np.array([start, end, sentence_id, paragraph_id], dtype=np.int64)
    return _old_frame(
        pd.Index(A.MENTION_COLUMNS),
        [
            texts[:n],
            texts[n : 2 * n],
            ints[:2],
            texts[2 * n : 3 * n],
            ints[2],
            texts[3 * n :],
            np.array(possessive, dtype=bool),
            ints[3],
        ],
    )


def _old_actor_table(actor_rows):
    columns = list(zip(*actor_rows, strict=True)) if actor_rows else [()] * len(A.ACTOR_COLUMNS)
    n = len(actor_rows)
    aliases = np.empty(n, dtype=object)
    for i, names in enumerate(columns[4]):
        aliases[i] = list(names)
    names_kinds = strings([*columns[0], *columns[1]])
    ints = np.array([*columns[2:4], *columns[5:]], dtype=np.int64)
    return _old_frame(
        pd.Index(A.ACTOR_COLUMNS), [names_kinds[:n], names_kinds[n:], ints[:2], aliases, ints[2:]]
    )


def _old_structure_table(article: Article) -> pd.DataFrame:
    sizes = iter(article.paragraph_sizes)
    blocks = article.blocks
    n = len(blocks)
    roles = [b.role for b in blocks]
    texts = strings(roles + [b.text for b in blocks])
    numbers = np.array(
        [
            [b.block_id for b in blocks],
            [b.start for b in blocks],
            [b.end for b in blocks],
            [next(sizes) if role == "body" else 0 for role in roles],
        ],
        dtype=np.int64,
    ).reshape(4, n)
    return _old_frame(
        art._STRUCTURE_COLUMNS,
        [
            numbers[0],
            texts[:n],
            art._nullable_ints([b.paragraph_id for b in blocks]),
            numbers[1:],
            texts[n:],
        ],
    )


# --- frame: blocks made directly ----------------------------------------------------------------


def _layout(table: pd.DataFrame) -> list[tuple]:
    """Each block's class, dtype, columns and shape, in order."""
    return [
        (type(b).__name__, str(b.dtype), list(b.mgr_locs.as_array), b.shape)
        for b in table._mgr.blocks
    ]


def _same(new: pd.DataFrame, old: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert _layout(new) == _layout(old)
    assert type(new.index) is type(old.index) and new.index.equals(old.index)
    new._mgr._verify_integrity()  # the pass frame() skips finds nothing to complain about
    for (_, a), (_, b) in zip(new.items(), old.items(), strict=True):
        assert type(a.array) is type(b.array)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)


@st.composite
def _columns(draw) -> list:
    """Arrays as the table builders pass them: 1-D and 2-D NumPy arrays of several dtypes, string
    arrays (Arrow, Python, sliced), nullable integers, in any order, one length."""
    n = draw(st.integers(0, 6))
    arrays: list = []
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["int", "float", "bool", "object", "rows", "str", "pystr"]))
        if kind == "int":
            arrays.append(np.array(draw(st.lists(st.integers(-9, 9), min_size=n, max_size=n))))
        elif kind == "float":
            values = draw(st.lists(st.floats(allow_nan=True), min_size=n, max_size=n))
            arrays.append(np.array(values, dtype=np.float64))
        elif kind == "bool":
            arrays.append(np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)), bool))
        elif kind == "object":
            column = np.empty(n, dtype=object)
            for i in range(n):
                column[i] = [i]
            arrays.append(column)
        elif kind == "rows":
            rows = draw(st.integers(1, 3))
            arrays.append(np.arange(rows * n, dtype=np.int64).reshape(rows, n))
        elif kind == "str":
            values = draw(st.lists(st.none() | _TEXT, min_size=2 * n, max_size=2 * n))
            arrays.append(strings(values)[n:])  # a slice, as the tables pass them
        else:
            values = draw(st.lists(st.none() | _TEXT, min_size=n, max_size=n))
            arrays.append(strings(values, pd.StringDtype("python")))
    if draw(st.booleans()):
        values = draw(st.lists(st.none() | st.integers(-9, 9), min_size=n, max_size=n))
        arrays.append(art._nullable_ints(values))
    return arrays


def _width(arrays: list) -> int:
    return sum(len(a) if isinstance(a, np.ndarray) and a.ndim == 2 else 1 for a in arrays)


@given(_columns())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_frame_equals_the_old_one(arrays):
    columns = pd.Index([f"c{i}" for i in range(_width(arrays))])
    _same(frame(columns, arrays), _old_frame(columns, arrays))


@given(_columns())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_frame_through_the_public_constructor_is_the_same(arrays):
    columns = pd.Index([f"c{i}" for i in range(_width(arrays))])
    fast = frame(columns, arrays)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(art, "_from_blocks", art._public_blocks)
        public = frame(columns, arrays)
    _same(fast, public)


def test_frame_makes_blocks_directly_for_plain_arrays(monkeypatch):
    """The tables' arrays never reach the public constructor; a datetime column does."""
    called: list[int] = []

    def public(blocks, index, columns):
        called.append(1)
        return create_dataframe_from_blocks(blocks, index, columns)

    monkeypatch.setattr(art, "_public_blocks", public)
    ints = np.array([[1, 2], [3, 4]])
    table = frame(
        pd.Index(["a", "b", "c", "d"]), [strings(["x", None]), ints, np.array([True, False])]
    )
    assert not called
    assert list(table.columns) == ["a", "b", "c", "d"]
    assert table["b"].tolist() == [1, 2] and table["c"].tolist() == [3, 4]
    assert table["a"].tolist()[0] == "x" and pd.isna(table["a"].tolist()[1])
    assert table["d"].dtype == bool and str(table["a"].dtype) == "str"
    stamps = np.array(["2020-01-01", "2021-01-01"], dtype="datetime64[ns]")
    dated = frame(pd.Index(["t", "n"]), [stamps, np.array([1, 2])])
    assert called == [1]
    expected = pd.DataFrame({"t": stamps, "n": [1, 2]})
    pd.testing.assert_frame_equal(dated, expected, check_exact=True)


def test_frame_of_no_rows_and_a_fresh_block():
    ints = np.array([[1, 2], [3, 4]])
    table = frame(pd.Index(["a", "b"]), [ints])
    ints[0, 0] = 99  # the table holds its own copy
    assert table["a"].tolist() == [1, 2]
    empty = frame(pd.Index(["a", "b"]), [strings([]), np.array([], dtype=np.int64)])
    _same(empty, _old_frame(pd.Index(["a", "b"]), [strings([]), np.array([], dtype=np.int64)]))
    assert len(empty) == 0


# --- string columns cut from one array; the tables built with them ------------------------------


@given(st.lists(st.none() | _TEXT, max_size=12), st.integers(1, 4))
@settings(max_examples=150, deadline=None)
def test_string_columns_equal_slices_of_one_array(values, parts):
    values = values[: len(values) // parts * parts]
    size = len(values) // parts
    whole = strings(values)
    columns = string_columns(values, parts)
    assert len(columns) == parts
    for k, column in enumerate(columns):
        old = whole[k * size : (k + 1) * size]
        assert type(column) is type(old) and column.dtype == old.dtype
        pd.testing.assert_extension_array_equal(column, old, check_exact=True)
        expected = values[k * size : (k + 1) * size]
        assert [None if pd.isna(v) else v for v in column] == expected


def test_string_columns_of_other_storage_and_of_nothing():
    """Python-stored strings have no Arrow data: their columns are slices of the array."""
    python = pd.StringDtype("python")
    a, b = string_columns(["x", None, "y", "z"], 2, python)
    assert a.dtype == python and list(a) == ["x", pd.NA] and list(b) == ["y", "z"]
    empty = string_columns([], 3)
    assert [len(c) for c in empty] == [0, 0, 0] and all(c.dtype == art.STR for c in empty)


_NAMES = st.sampled_from(["Donald Trump", "NATO", "he", "the alliance", "Zoë", "日本"])
_INTS = st.integers(-(2**40), 2**40)
_MENTION_ROW = st.tuples(_NAMES, _NAMES, _INTS, _INTS, _NAMES, _INTS, _NAMES, st.booleans(), _INTS)
_ACTOR_ROW = st.tuples(_NAMES, _NAMES, _INTS, _INTS, st.lists(_NAMES).map(tuple), *[_INTS] * 6)


@given(st.lists(_MENTION_ROW, max_size=6).map(tuple))
@settings(max_examples=100, deadline=None)
def test_mention_table_equals_the_old_one(rows):
    _same(A._mention_table(rows), _old_mention_table(rows))


@given(st.lists(_ACTOR_ROW, max_size=6).map(tuple))
@settings(max_examples=100, deadline=None)
def test_actor_table_equals_the_old_one(rows):
    new = A._actor_table(rows)
    _same(new, _old_actor_table(rows))
    assert all(type(a) is list for a in new["aliases"])


def test_tables_of_an_article_equal_the_old_ones():
    text = (
        "Nations meet\n\nBy Jane Roe\n\nDefense Secretary Pete Hegseth met NATO. He said the "
        "alliance was strong.\n\nThe EU agreed. Its leaders met in Brussels."
    )
    article = Article.from_text(text)
    mentions, actors = A.detection(article)
    table = A.mention_table(mentions)
    _same(table, _old_mention_table(mentions))
    _same(A.actor_table(actors), _old_actor_table(actors))
    structure = article.structure_table()
    _same(structure, _old_structure_table(article))
    assert list(structure["role"]) == ["title", "byline", "body", "body"]
    assert list(structure["n_sentences"]) == [0, 0, 2, 2]
    assert list(table["text"])[:4] == [
        "Defense Secretary Pete Hegseth",
        "NATO",
        "He",
        "the alliance",
    ]
    spans = zip(table["start"], table["end"], strict=True)
    assert [text[s:e] for s, e in spans] == list(table["text"])


# --- role and pronoun patterns: one scan of the body instead of a match at every opening ---------

_WORDS = (
    "the The alliance president bank party Secretary Defense U.S. NATO members of he He his her "
    "Her herself she She its Its him hemisphere help history said told Trump’s the alliance’s "
    "European Union Bank England Labour"
).split()
_PUNCT = [".", ",", "!", "?", ":", "’", "-", "“", "”", "\n\n", "\n", " — "]


@st.composite
def _bodies(draw) -> str:
    """News-like text: role nouns, titles and pronouns, paragraphs ending with or without a
    mark, optionally a dateline, and now and then a sentence too long to keep whole."""
    parts = draw(st.lists(st.sampled_from(_WORDS) | st.sampled_from(_PUNCT), min_size=3))
    body = " ".join(parts)
    if draw(st.booleans()):
        body = "WASHINGTON (AP) — " + body
    if draw(st.integers(0, 9)) == 0:  # a capped sentence: no mark for over 2,000 characters
        body = body + " " + " ".join(["the alliance members"] * 160) + " the president"
    return "Title line here\n\n" + body + " the bank\n\nThe party said the president."


def _article_of(text: str) -> Article:
    article = Article.from_text(text)
    assert article.sentences
    return article


_PATTERN_CASES = [
    ("person", L._person_role_re, L._person_role_res, L._ROLE_OPENINGS),
    ("organisation", L._org_role_re, L._org_role_res, L._ROLE_OPENINGS),
]


def _old_matches(article, pattern, openings):
    article.memo.pop("actor_starts", None)
    return [
        (s.sentence_id, m.span(), m.groupdict())
        for s, m in L._sentence_matches(article, pattern, openings)
    ]


def _new_matches(article, pattern, patterns, openings):
    article.memo.pop("actor_starts", None)
    return [
        (s.sentence_id, m.span(), m.groupdict())
        for s, m in L._matches(article, pattern, patterns, openings)
    ]


@given(_bodies(), st.integers(0, 62))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_scanned_matches_equal_a_match_at_each_opening(text, subset):
    article = _article_of(text)
    for _, pattern, patterns, openings in _PATTERN_CASES:
        old = _old_matches(article, pattern(), openings)
        assert _new_matches(article, pattern(), patterns(), openings) == old
    chosen = [k for k in range(6) if subset >> k & 1] or [0]
    openings = tuple(L._PRONOUN_OPENINGS[k] for k in chosen)
    patterns = tuple(L._PRONOUN_SPLIT_RES[k] for k in chosen)
    old = _old_matches(article, L._PRONOUN_RE, openings)
    assert _new_matches(article, L._PRONOUN_RE, patterns, openings) == old


def test_scan_finds_roles_and_pronouns_and_stays_in_sentences():
    text = (
        "Talks\n\nWASHINGTON (AP) — The alliance met. He said the U.S. president spoke, and "
        "she thanked the bank.\n\nIts members told him the party was ready\n\nThe alliance "
        "members left. Her help came."
    )
    article = _article_of(text)
    found = L._scan(article, L._org_role_res())
    assert found is not None  # the scan's answer, not the fallback's
    assert [m.group() for _, m in found] == ["The alliance", "the bank", "the party"]
    assert [s.sentence_id for s, _ in found] == [0, 1, 2]
    pronouns = L._scan(article, L._PRONOUN_SPLIT_RES)
    assert [m.group() for _, m in pronouns] == ["He", "she", "Its", "him", "Her"]
    person = L._scan(article, L._person_role_res())
    assert [m.group() for _, m in person] == ["the U.S. president"]
    # "ready" ends a paragraph without a mark: the scan stops there, as a sentence's match does
    segments, _, ends = L._segments(article)
    assert any(hi == lo_end for (_, hi) in segments for lo_end in ends)
    assert segments[0][0] == article.sentences[0].start  # the dateline is not scanned


def test_scan_gives_way_where_it_could_differ():
    """Matches of the two openings that overlap ("The the alliance"), or a match across
    sentences: the scan declines and the match at each opening answers."""
    article = _article_of("Talks\n\nBy now\n\nWe saw the\nalliance grow. The the alliance won.")
    assert L._scan(article, L._org_role_res()) is None  # "The the alliance", "the alliance"
    old = _old_matches(article, L._org_role_re(), L._ROLE_OPENINGS)
    assert [span for _, span, _ in old] == [(22, 34), (41, 57)]
    assert _new_matches(article, L._org_role_re(), L._org_role_res(), L._ROLE_OPENINGS) == old
    # "We met the" ends in a word: a segment ends there; one segment over both paragraphs
    # would let "the\n\nalliance" cross from one sentence into the next
    article = _article_of("Talks\n\nBy now\n\nWe met the\n\nalliance said so. It rained.")
    segments, starts, ends = L._segments(article)
    assert len(segments) >= 2 and ends[1] in [hi for _, hi in segments]
    assert L._scan(article, L._org_role_res()) == []
    article.memo["actor_starts"]["segments"] = ([(starts[0], ends[-1])], starts, ends)
    assert L._scan(article, L._org_role_res()) is None
    assert _old_matches(article, L._org_role_re(), L._ROLE_OPENINGS) == []


# --- strings: the pandas array made by pandas' constructor for a result ----------------------


def _old_strings(values, dtype=art.STR):
    if dtype.storage == "pyarrow":
        try:
            return art.ArrowStringArray(
                art.pa.array(values, type=art.pa.large_string(), from_pandas=True), dtype=dtype
            )
        except (art.pa.ArrowException, TypeError):
            pass
    return pd.array(values, dtype=dtype)


_DTYPES = [art.STR, pd.StringDtype("pyarrow"), pd.StringDtype("python")]


@given(st.lists(st.none() | _TEXT, max_size=8), st.sampled_from(_DTYPES))
@settings(max_examples=150, deadline=None)
def test_strings_equal_the_old_ones(values, dtype):
    new, old = strings(values, dtype), _old_strings(values, dtype)
    assert type(new) is type(old) and new.dtype == old.dtype and new.dtype is dtype
    pd.testing.assert_extension_array_equal(new, old, check_exact=True)
    assert sorted(vars(new)) == sorted(vars(old))
    if hasattr(old, "_pa_array"):
        assert new._pa_array.equals(old._pa_array) and new._pa_array.num_chunks == 1
        assert new._cache == {}


def test_strings_are_fresh_arrays_and_take_the_old_way_without_the_constructor(monkeypatch):
    a, b = strings(["x", None]), strings(["y"])
    assert a is not b and a._pa_array is not b._pa_array
    assert list(b) == ["y"] and a[0] == "x" and pd.isna(a[1])
    monkeypatch.setattr(art, "_prototype", lambda dtype: object())  # no such constructor
    c = strings(["x", None])
    assert type(c) is type(a) and vars(c).keys() == vars(a).keys()
    pd.testing.assert_extension_array_equal(c, a, check_exact=True)
    # mixed values are not strings for Arrow: pandas converts them
    assert list(strings(["x", 1])) == ["x", "1"]


# --- the check that guards the private paths ----------------------------------------------------


def test_internals_check_passes_here_and_fails_safe(monkeypatch):
    """On this pandas the private paths agree with the public ones; a pandas whose internals
    changed (a constructor that raises, or builds something else) turns them off."""
    assert art._internals_agree() is art._INTERNALS_OK
    monkeypatch.setattr(art, "_private_blocks", lambda *a: (_ for _ in ()).throw(TypeError()))
    assert art._internals_agree() is False
    monkeypatch.undo()

    def other_table(blocks, index, columns):
        table = art._public_blocks(blocks, index, columns)
        return table.iloc[::-1].reset_index(drop=True)

    monkeypatch.setattr(art, "_private_blocks", other_table)
    assert art._internals_agree() is False
    monkeypatch.undo()
    monkeypatch.setattr(ArrowStringArray, "_from_pyarrow_array", lambda self, data: self)
    assert art._internals_agree() is False


def test_every_table_is_the_same_the_public_way(monkeypatch):
    from analysis import analyze

    text = (Path(__file__).resolve().parents[1] / "data/raw/seed-article.txt").read_text("utf-8")
    fast = analyze(text)
    monkeypatch.setattr(art, "_INTERNALS_OK", False)
    public = analyze(text + " ")  # a new text: no per-text memo answers
    for name, table in fast.tables.items():
        pd.testing.assert_frame_equal(table, public.tables[name], check_exact=True)

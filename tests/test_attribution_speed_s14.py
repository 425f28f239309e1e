"""The rewrites of session 14 in quote attribution give what the code they replaced gave."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import attribution as A
from analysis.attribution_lexicon import normalize
from analysis.segment import split_sentences

# --- a new piece's tokens without the regex ------------------------------------------------------


def _old_lone_mark(char: str) -> bool:
    """``_lone_mark`` as it was (a piece's last character is a token of its own)."""
    return not (char.isalnum() or char.isspace() or char == "_")


def _old_piece_entry(piece: str) -> tuple[int | str, ...] | None:
    """``_PieceTokens.__missing__`` as written before session 14 (normal forms by ``normalize``,
    which ``_NORMS`` only memoises)."""
    if piece.isalnum():
        return (len(piece), piece, 1, normalize(piece))
    if piece[:-1].isalnum() and _old_lone_mark(piece[-1]):
        raws = [piece[:-1], piece[-1]]
        lengths = [len(piece) - 1, 1]
        gaps = [0, 1]
    else:
        parts = A._TOKEN_SPLIT_RE.split(piece)
        if len(parts) < 3 or parts[0]:
            return None
        raws = parts[1::2]
        lengths = list(map(len, raws))
        gaps = list(map(len, parts[2::2]))
        gaps[-1] += 1
    norms = [normalize(raw) for raw in raws]
    return tuple(chain.from_iterable(zip(lengths, raws, gaps, norms, strict=True)))


def _old_fill_norms(norms: list[str | None], raws: list[str]) -> None:
    """``_fill_norms`` as it was (the last ``index`` raising ValueError)."""
    i = norms.index(None)
    while True:
        norms[i] = normalize(raws[i])
        try:
            i = norms.index(None, i + 1)
        except ValueError:
            return


# letters (a dotted capital, a combining mark, a non-BMP letter), digits (a superscript, an
# Arabic-Indic one), joiners, marks, quotes, white space other than the space, "_"
_CHARS = "aZé1İ\u0301𝐀²٣'’-\"“”‘(),.:;!?$%—_\n\t\xa0"
_PIECES = st.text(alphabet=_CHARS, min_size=1, max_size=9) | st.sampled_from(
    [
        "“We", "(which", "ICANN’s", "e-commerce", "Canada’s,", "interest,”", "said", "Kyiv,",
        "word''", "''word", "'word", "-word", "a--b", "a-", "-", "”,", "“.com”,", "18-year-old",
        "Jobs’s", "(Bolivia,", "destination.”", "x_", "_x", "x\n", "U.S.", "it's", "’s", "(",
    ]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(_PIECES)
def test_piece_tokens_equal_the_old_ones(piece: str) -> None:
    memo = A._PieceTokens()
    assert memo[piece] == _old_piece_entry(piece)
    assert memo[piece] is memo[piece]  # stored: the second look-up is a hit
    if memo[piece] is not None:
        raws = memo[piece][1::4]
        assert all(A._NORMS[raw] == normalize(raw) for raw in raws)


def test_piece_tokens_hand_checked() -> None:
    memo = A._PieceTokens()
    assert memo["“We"] == (1, "“", 0, '"', 2, "We", 1, "we")
    assert memo["ICANN’s"] == (7, "ICANN’s", 1, "icann's")
    assert memo["interest,”"] == (8, "interest", 0, "interest", 1, ",", 0, ",", 1, "”", 1, '"')
    assert memo["Canada’s,"] == (8, "Canada’s", 0, "canada's", 1, ",", 1, ",")
    assert memo["word''"] == (4, "word", 0, "word", 2, "''", 1, '"')  # the regex's "''"
    assert memo["a--b"] == (1, "a", 0, "a", 1, "-", 0, "-", 1, "-", 0, "-", 1, "b", 1, "b")
    assert memo["”,"] == (1, "”", 0, '"', 1, ",", 1, ",")
    assert memo["x_"] == (1, "x", 2, "x")  # "_" is a gap
    assert memo["_x"] is None  # a gap before the first token


@pytest.mark.parametrize(
    "piece", ["“We", "(which", "ICANN’s", "e-commerce", "Canada’s,", "interest,”", "’s"]
)
def test_plain_shapes_skip_the_regex(piece: str) -> None:
    raws = A._plain_tokens(piece)
    assert raws is not None and "".join(raws) == piece
    assert raws == A._TOKEN_SPLIT_RE.split(piece)[1::2]


@pytest.mark.parametrize("piece", ["word''", "''word", "a--b", "_x", "x\n", "“.com”,", "”,"])
def test_other_shapes_go_to_the_regex(piece: str) -> None:
    assert A._plain_tokens(piece) is None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Said", "x", "’", "“Q", "zz", "Ab,"]), min_size=1, max_size=8))
def test_fill_norms_equals_the_old_one(raws: list[str]) -> None:
    A._NORMS.clear()
    for raw in raws[::2]:
        A._norm_new(raw)
    norms = [A._NORMS.get(raw) for raw in raws]
    old = list(norms)
    if None in old:
        _old_fill_norms(old, raws)
    A._fill_norms(norms, raws)
    assert norms == old == [normalize(raw) for raw in raws]


def test_norm_new_keeps_the_memo_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(A, "NORMS_LIMIT", 2)
    A._NORMS.clear()
    assert [A._norm_new(w) for w in ("A", "B")] == ["a", "b"]
    assert A._norm_new("“C") == '"c'
    assert A._NORMS == {"“C": '"c'}  # emptied when full, then stored
    A._fill_norms([None, "b", None], ["X", "B", "Y"])  # checked once, before the first
    assert A._NORMS == {"“C": '"c', "X": "x", "Y": "y"}
    A._fill_norms([None], ["Z"])
    assert A._NORMS == {"Z": "z"}
    A._NORMS.clear()


def test_new_tokens_normalised_past_the_lru_cache() -> None:
    before = normalize.cache_info()
    A._NORMS.clear()
    assert A._norm_new("“Zyx’s") == "\"zyx's" == normalize("“Zyx’s")
    norms: list[str | None] = [None, None]
    A._fill_norms(norms, ["Qwv”", "QWV"])
    assert norms == ['qwv"', "qwv"]
    after = normalize.cache_info()
    assert after.hits + after.misses == before.hits + before.misses + 1  # the call above alone
    A._NORMS.clear()


# --- the table's columns from fewer NumPy calls -----------------------------------------------


def _old_nullable_ints(values: list[int | None]) -> pd.arrays.IntegerArray:
    """``_nullable_ints`` as it was (one column, two arrays)."""
    mask = np.array([v is None for v in values], dtype=bool)
    data = np.array([0 if v is None else v for v in values], dtype="int64")
    return pd.arrays.IntegerArray(data, mask)


def _old_columns(text: str, found: list[A.Found]) -> dict[str, object]:
    """The int columns as ``find_attributions`` built them before session 14."""
    sources = [f.source for f in found]
    cues = [f.cue for f in found]
    contents = [list(f.content) for f in found]
    return {
        "source_start": _old_nullable_ints([s[0] if s else None for s in sources]),
        "source_end": _old_nullable_ints([s[1] if s else None for s in sources]),
        "cue_start": _old_nullable_ints([c[0] if c else None for c in cues]),
        "cue_end": _old_nullable_ints([c[1] if c else None for c in cues]),
        "content_start": np.array([spans[0][0] for spans in contents], dtype="int64"),
        "content_end": np.array([spans[-1][1] for spans in contents], dtype="int64"),
    }


_TABLE_TEXTS = [
    "Trade talks stalled.\n\nThe minister said the plan would fail. “We are ready,” Smith told "
    "reporters. It was reportedly delayed, according to officials.",
    "Quiet day.\n\n“Nothing happened here,” a neighbour said.\n\n“And nothing will.”",
    "A headline\n\nThe river rose overnight. Roads were closed.",
    "News\n\nSmith said the plan was bad.\n\n“We will not accept this plan at all.”",
    "Storm news\n\nThe mayor arrived late. “This city will rise again from the ashes and the "
    "mud.” Workers cheered. It is expected to reopen soon.",
]


@pytest.mark.parametrize("text", _TABLE_TEXTS)
def test_table_int_columns_equal_the_old_ones(text: str) -> None:
    from analysis.article import as_article

    article = as_article(text)
    table = A.find_attributions(article, mentions=())
    regions = A.attribution_regions(article)
    spans = [(s.start, s.end) for s in article.sentences]
    title = [se for r in regions if r[1] <= spans[0][0] for se in split_sentences(text, *r)]
    found = A.extract(text, regions, spans=title + spans)
    assert len(table) == len(found)
    for name, old in _old_columns(text, found).items():
        if isinstance(old, pd.arrays.IntegerArray):
            pd.testing.assert_extension_array_equal(table[name].array, old)
        else:
            np.testing.assert_array_equal(table[name].to_numpy(), old)
        assert table[name].dtype == old.dtype
    assert list(table.columns) == A.COLUMNS


def test_table_int_columns_hand_checked() -> None:
    from analysis.article import as_article

    text = _TABLE_TEXTS[1]
    table = A.find_attributions(as_article(text), mentions=())
    assert table["cue_start"].tolist() == [text.index("said")]
    assert table["source_start"].tolist() == [text.index("a neighbour")]
    assert table["content_start"].tolist() == [text.index("“Nothing")]
    assert table["content_end"].tolist() == [len(text)]  # on into the next quotation
    assert str(table["cue_end"].dtype) == "Int64" and str(table["content_end"].dtype) == "int64"
    text = _TABLE_TEXTS[3]  # a floating quotation: no cue
    table = A.find_attributions(as_article(text), mentions=())
    assert table["cue_start"].isna().tolist() == [False, True]
    assert table["source_end"].tolist() == [11, 11]
    assert table["content_start"].tolist() == [17, text.index("“We")]
    text = _TABLE_TEXTS[4]  # a sourceless attribution
    table = A.find_attributions(as_article(text), mentions=())
    assert table["source_start"].isna().tolist() == [False, True]
    assert table["cue_end"].tolist() == [107, 123]
    empty = A.find_attributions(as_article(_TABLE_TEXTS[2]), mentions=())
    assert empty.empty and list(empty.columns) == A.COLUMNS
    assert [str(t) for t in empty.dtypes[:6]] == ["Int64"] * 4 + ["int64"] * 2


# --- normal forms and table keys interned ---------------------------------------------------


def _same_key(table: object, word: str) -> str:
    """The key of a set or dict equal to word (the object the table holds)."""
    return next(k for k in table if k == word)


def test_norms_are_the_tables_own_strings() -> None:
    A._NORMS.pop("Said", None)
    A._PIECES.pop("Said,", None)
    norm = A._PIECES["Said,"][3]  # a new piece: its normal form made now
    assert norm == "said"
    assert _same_key(A._trie(), "said") is norm  # membership by identity, no string compare
    assert _same_key(A._scan_words(), "said") is norm
    assert _same_key(A._cue_words(), "said") is norm
    assert _same_key(A._sure_phrases(), "said") is norm
    assert _same_key(A._weight_tables().pw, "said") is norm
    assert A._NORMS["Said"] is norm
    told = A._sure_phrases()["told"][0][0]
    assert told[0] is _same_key(A._trie(), "told")

"""The article model: the original text, its wire-story structure, paragraphs and sentences.

Everything downstream refers to character offsets into ``Article.text``, which is the decoded
input exactly as given (only a byte-order mark is dropped by decoding), so any number can be
traced back to the words that produced it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, repeat
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.internals import create_dataframe_from_blocks
from pandas.arrays import ArrowStringArray

from analysis.errors import InputError
from analysis.language import LanguageGuess, detect_language, language_warning
from analysis.segment import split_sentences

ROLES = ("title", "byline", "body", "credit", "boilerplate")

_BYLINE_RE = re.compile(
    r"^\s*By\s+(?P<name>[A-Z][\w.’'\-]*(?:[ \t]+(?:[A-Z][\w.’'\-]*|and|de|van|von|la|&))*)"
    r"(?:\s*,.*)?\s*$"
)
# "WASHINGTON (AP) —", "LONDON (Reuters) -", "PARIS —", "ST. LOUIS, Mo. (AP) —". A lone hyphen
# is a dash only with a space after it and a space or the agency's bracket before it: "U.S.-born",
# "AFL-CIO" open sentences, not datelines.
_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Z.’'\-]*(?:[ \t]+[A-Z][A-Z.’'\-]*)*"
    r"(?:,[ \t]+[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?)"
    r"(?:[ \t]*\((?P<agency>[A-Za-z][\w .&]{0,30})\))?"
    r"(?:[ \t]*(?:—|–|--)|[ \t]*(?<=[\s)])-(?=[ \t]))[ \t]*"
)
# A credit line opens with one of these phrases, or mentions who "contributed". The second kind
# is tried only on a line that says "contributed" at all: its ".*" retries every position of
# the line (a sixth of the article's structure pass on a long last paragraph).
_CREDIT_OPENING_RE = re.compile(
    r"\s*[(\[]?\s*(?:contributions?\s+by\b|additional reporting by\b|reporting by\b|editing by\b|"
    r"follow\s+\S+\s+on\s+(?:twitter|x)\b)",
    re.IGNORECASE,
)
_CREDIT_CONTRIBUTED_RE = re.compile(
    r"\s*(?:.*\bcontributed\s+(?:to\s+)?(?:this\s+)?report|"
    r".*\b(?:writers?|correspondents?)\b.*\bcontributed\b)",
    re.IGNORECASE,
)
_CONTRIBUTED_RE = re.compile("contributed", re.IGNORECASE)
_BOILERPLATE_RE = re.compile(
    r"^\s*(?:originally\s+published\b|published\b.*\d|updated\b.*\d|copyright\b|©|\(c\)\s|"
    r"all\s+rights\s+reserved|this\s+(?:material|story|article)\s+(?:may\s+not|has\s+been)\b|"
    r"read\s+more\b|related\s*:|advertisement\s*$|share\s+this\b|sign\s+up\b)",
    re.IGNORECASE,
)
_CLOSERS = "\"”’')]"  # closing quotes and brackets after a sentence's last mark

# pandas 3's default "str" dtype as a ready instance: ``pd.array(values, dtype=STR)`` skips the
# dtype lookup and inference that cost more than the data on a table of a few dozen rows.
STR = pd.StringDtype(na_value=np.nan)


@dataclass(frozen=True)
class Paragraph:
    """A block of text (one line, or a blank-line separated block of wrapped lines)."""

    block_id: int
    role: str
    start: int
    end: int
    text: str
    paragraph_id: int | None = None  # index among body paragraphs; None for other roles

    def __init__(
        self,
        block_id: int,
        role: str,
        start: int,
        end: int,
        text: str,
        paragraph_id: int | None = None,
    ) -> None:
        # Frozen: the fields go straight into the instance dict. The generated __init__ calls
        # object.__setattr__ once a field, twice the cost, and every article makes hundreds.
        fields = vars(self)
        fields["block_id"] = block_id
        fields["role"] = role
        fields["start"] = start
        fields["end"] = end
        fields["text"] = text
        fields["paragraph_id"] = paragraph_id


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence. Slotted: every stage reads these fields in its loops, and CPython 3.11
    specialises a slot read but not the read of a field stored in a materialised ``__dict__``
    (about a tenth of the cost)."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str

    def __init__(
        self, sentence_id: int, paragraph_id: int, start: int, end: int, text: str
    ) -> None:
        # frozen: each field through its slot's own setter, as cheap as filling a dict (the
        # generated __init__ calls object.__setattr__ once a field, a third dearer)
        _SET_SENTENCE_ID(self, sentence_id)
        _SET_PARAGRAPH_ID(self, paragraph_id)
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_TEXT(self, text)


_SET_SENTENCE_ID = Sentence.sentence_id.__set__  # type: ignore[attr-defined]
_SET_PARAGRAPH_ID = Sentence.paragraph_id.__set__  # type: ignore[attr-defined]
_SET_START = Sentence.start.__set__  # type: ignore[attr-defined]
_SET_END = Sentence.end.__set__  # type: ignore[attr-defined]
_SET_TEXT = Sentence.text.__set__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """An analysed article. Build with :meth:`from_text` or :func:`analysis.load_article`."""

    text: str
    blocks: tuple[Paragraph, ...]
    dateline: Span | None = None
    source: str | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # How the text was obtained when it is not the file's own text, e.g. extracted from HTML.
    extraction: str | None = None

    def __hash__(self) -> int:
        """The hash of the text: equal articles have equal texts. Caches keyed by an article
        (actor detection) hash it per look-up; the generated hash also hashed every block,
        a Python call each, and the text of each."""
        return hash(self.text)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        source: str | None = None,
        encoding: str = "utf-8",
        warnings: tuple[str, ...] = (),
        extraction: str | None = None,
    ) -> Article:
        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}")
        if not text.strip():
            raise InputError("the article is empty (no text besides white space)")
        if not text.isascii():
            _require_unicode(text)
        blocks, dateline = _parse_structure(text)
        if not any(b.role == "body" for b in blocks):
            raise InputError("the article has no body text to analyse")
        guess = detect_language(text)
        notes = list(warnings)
        language_note = language_warning(guess)
        if language_note and language_note not in notes:
            notes.append(language_note)
        article = cls(text, tuple(blocks), dateline, source, encoding, tuple(notes), extraction)
        article.__dict__["language_guess"] = guess  # prime the cached property: detect once
        return article

    @cached_property
    def memo(self) -> dict[str, object]:
        """Derived data several tables share (e.g. readability counts), computed once and kept
        with the Article (so it is dropped with it, and never served for another text)."""
        return {}

    @cached_property
    def language_guess(self) -> LanguageGuess:
        """The evidence behind :attr:`language` (function-word share, words sampled, script)."""
        return detect_language(self.text)

    @property
    def language(self) -> str:
        """ISO 639-1 code ("en", "fr", ...) or "und"; every lexicon here assumes "en"."""
        return self.language_guess.language

    # --- structure -------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Body paragraphs, numbered from 0 by ``paragraph_id``."""
        return tuple(b for b in self.blocks if b.role == "body")

    def _first(self, role: str) -> Paragraph | None:
        return next((b for b in self.blocks if b.role == role), None)

    @property
    def title(self) -> Paragraph | None:
        return self._first("title")

    @property
    def byline(self) -> Paragraph | None:
        return self._first("byline")

    @property
    def byline_name(self) -> str | None:
        match = _BYLINE_RE.match(self.byline.text) if self.byline else None
        return match.group("name") if match else None

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Body sentences in order; the dateline is not part of the first sentence."""
        return self._split[0]

    @property
    def sentence_texts(self) -> list[str]:
        """The text of each body sentence, in order (the sentences' own strings; read-only)."""
        return self._split[3]

    @property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """The (start, end) of each body sentence, in order (the split's own list; read-only)."""
        return self._split[1]

    @property
    def paragraph_sizes(self) -> list[int]:
        """How many body sentences each body paragraph has, in order (read-only)."""
        return self._split[2]

    @cached_property
    def _split(
        self,
    ) -> tuple[tuple[Sentence, ...], list[tuple[int, int]], list[int], list[str]]:
        """The body sentences, their (start, end) spans in order, how many sentences each body
        paragraph has, and their texts: the split's own lists, kept so that the per-sentence,
        paragraph and structure tables read their columns without an attribute look-up per
        sentence."""
        out: list[Sentence] = []
        append = out.append
        bounds: list[tuple[int, int]] = []
        sizes: list[int] = []
        texts: list[str] = []
        keep = texts.append
        text, dateline = self.text, self.dateline
        for par in self.paragraphs:
            start, end, paragraph_id = par.start, par.end, par.paragraph_id
            if dateline is not None and start <= dateline.start < end:
                start = dateline.end
            spans = split_sentences(text, start, end)
            for s, e in spans:
                keep(sentence := text[s:e])
                append(Sentence(len(out), paragraph_id, s, e, sentence))
            bounds += spans
            sizes.append(len(spans))
        return tuple(out), bounds, sizes, texts

    @property
    def body_start(self) -> int:
        return self.sentences[0].start if self.sentences else self.paragraphs[0].start

    @property
    def body_end(self) -> int:
        return self.paragraphs[-1].end

    @cached_property
    def slug(self) -> str:
        base = Path(self.source).stem if self.source else (self.title.text if self.title else "")
        if not base:
            base = self.sentences[0].text if self.sentences else "article"
        ascii_text = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
        return slug[:60].strip("-") or "article"

    @cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        return tuple(s.start for s in self.sentences)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The body sentence containing the character offset, if any (binary search)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    # --- tables ----------------------------------------------------------------------------
    def structure_table(self) -> pd.DataFrame:
        """One row per block: role (title/byline/body/credit/boilerplate), offsets and text."""
        sizes = iter(self.paragraph_sizes)
        blocks = self.blocks
        n = len(blocks)
        roles = [b.role for b in blocks]
        # one string array for roles and texts, cut: a cut costs less than a second array
        role_column, text_column = string_columns(roles + [b.text for b in blocks], 2)
        numbers = np.fromiter(  # block_id, start, end, n_sentences: one conversion
            chain(
                [b.block_id for b in blocks],
                [b.start for b in blocks],
                [b.end for b in blocks],
                [next(sizes) if role == "body" else 0 for role in roles],
            ),
            dtype=np.int64,
            count=4 * n,
        ).reshape(4, n)
        return frame(
            _STRUCTURE_COLUMNS,
            [
                numbers[0],
                role_column,
                _nullable_ints([b.paragraph_id for b in blocks]),
                numbers[1:],  # start, end, n_sentences: one block of columns
                text_column,
            ],
        )

    def sentence_table(self) -> pd.DataFrame:
        return frame(_SENTENCE_COLUMNS, self.sentence_columns())

    def sentence_columns(self, text_dtype: pd.StringDtype = STR) -> list[object]:
        """The columns that lead every per-sentence table (readability and sentiment alike),
        built once per article: sentence_id, paragraph_id, start and end as one 2-D int64 array
        (``frame`` copies it at once), then the text (each call gets its own string array over
        the shared Arrow data)."""
        ids, texts = self._sentence_arrays
        if texts is None or text_dtype.storage != "pyarrow":
            return [ids, strings(self.sentence_texts, text_dtype)]
        return [ids, _arrow_strings(texts, text_dtype)]

    @cached_property
    def _sentence_arrays(self) -> tuple[np.ndarray, pa.Array | None]:
        """sentence_id, paragraph_id, start and end (one int64 row each) and the texts as an
        Arrow array (None when Arrow refuses one, e.g. a lone surrogate: then pandas converts).
        The rows come from the split's spans and paragraph sizes, converted in one pass by
        ``np.fromiter`` (``np.array`` of per-sentence tuples costs several times more, of a flat
        list about twice as much: it first inspects every element)."""
        sentences, bounds, sizes, sentence_texts = self._split
        n = len(sentences)
        starts, ends = zip(*bounds, strict=True) if n else ((), ())
        pids = [p.paragraph_id for p in self.paragraphs]
        paragraph_ids = chain.from_iterable(map(repeat, pids, sizes))
        ids = np.fromiter(chain(range(n), paragraph_ids, starts, ends), dtype=np.int64, count=4 * n)
        try:
            texts = pa.array(sentence_texts, type=_LARGE_STRING, from_pandas=True)
        except (pa.ArrowException, TypeError):
            texts = None
        return ids.reshape(4, n), texts

    def metadata(self) -> dict[str, object]:
        return {
            "source": self.source,
            "slug": self.slug,
            "encoding": self.encoding,
            "language": self.language,
            "extraction": self.extraction,
            "title": self.title.text if self.title else None,
            "byline": self.byline.text if self.byline else None,
            "byline_name": self.byline_name,
            "dateline": self.dateline.text if self.dateline else None,
            "n_paragraphs": len(self.paragraphs),
            "n_sentences": len(self.sentences),
            "n_characters": len(self.text),
            "warnings": list(self.warnings),
        }


_STRUCTURE_COLUMNS = pd.Index(
    ["block_id", "role", "paragraph_id", "start", "end", "n_sentences", "text"]
)
_SENTENCE_COLUMNS = pd.Index(["sentence_id", "paragraph_id", "start", "end", "text"])


def _nullable_ints(values: Sequence[int | None]) -> pd.api.extensions.ExtensionArray:
    """An "Int64" column, None as <NA>: built from its data and mask, a sixth of the cost of
    ``pd.array(values, dtype="Int64")`` and its per-element checks."""
    mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    data = np.fromiter((0 if v is None else v for v in values), dtype="int64", count=len(values))
    return pd.arrays.IntegerArray(data, mask)


def ints(values: Iterable[int]) -> np.ndarray:
    """An int64 column from any iterable of ints."""
    return np.fromiter(values, dtype="int64")


def strings(
    values: Sequence[str | None], dtype: pd.StringDtype = STR
) -> pd.api.extensions.ExtensionArray:
    """A "str" column (missing values as NaN, as pandas infers for text), or another string
    dtype. Built straight from a pyarrow array when pandas stores strings in Arrow: half the
    cost of ``pd.array``, whose per-element checks dominate on short columns; the pandas
    array around it by :func:`_arrow_strings`."""
    if dtype.storage == "pyarrow":
        try:
            data = pa.array(values, type=_LARGE_STRING, from_pandas=True)
        except (pa.ArrowException, TypeError):  # not all str/None: let pandas convert
            pass
        else:
            return _arrow_strings(data, dtype)
    return pd.array(values, dtype=dtype)


_LARGE_STRING = pa.large_string()
# an empty array of each string dtype asked for, by identity (a dtype hashes in Python)
_PROTOTYPES: list[tuple[pd.StringDtype, ArrowStringArray]] = []


def _arrow_strings(data: pa.Array, dtype: pd.StringDtype) -> ArrowStringArray:
    """The pandas string array of Arrow strings, made by pandas' own constructor for an
    operation's result, called on an empty array of the dtype: ``ArrowStringArray(data)``
    tests the Arrow type twice and makes an Arrow dtype it then throws away (a sixth of a
    column's cost on a short table). The same state either way: the data as one chunk, the
    dtype, an empty cache."""
    make = getattr(_prototype(dtype), "_from_pyarrow_array", None) if _INTERNALS_OK else None
    return ArrowStringArray(data, dtype=dtype) if make is None else make(data)


def _prototype(dtype: pd.StringDtype) -> ArrowStringArray:
    """An empty Arrow string array of ``dtype``, kept for the few dtypes the tables use."""
    for known, prototype in _PROTOTYPES:
        if known is dtype:
            return prototype
    prototype = ArrowStringArray(pa.array([], type=_LARGE_STRING), dtype=dtype)
    if len(_PROTOTYPES) < 8:
        _PROTOTYPES.append((dtype, prototype))
    return prototype


def string_columns(
    values: Sequence[str | None], parts: int, dtype: pd.StringDtype = STR
) -> list[pd.api.extensions.ExtensionArray]:
    """``values`` cut into ``parts`` string columns of equal length, from one ``strings`` array
    (a string array costs several times a cut of one). Arrow-backed columns are cut from the
    Arrow data and wrapped by pandas' own constructor for an operation's result: slicing the
    pandas array costs half as much again (index checks, then that constructor)."""
    texts = strings(values, dtype)
    size = len(values) // parts
    starts = range(0, parts * size, size) if size else [0] * parts
    data = getattr(texts, "_pa_array", None)
    wrap = getattr(texts, "_from_pyarrow_array", None)
    if not _INTERNALS_OK or wrap is None or not isinstance(data, pa.ChunkedArray):
        return [texts[i : i + size] for i in starts]
    return [wrap(data.slice(i, size)) for i in starts]


def frame(columns: pd.Index, arrays: Sequence) -> pd.DataFrame:
    """A table from finished columns: 1-D arrays of their final dtype, all of one length, in the
    order of ``columns`` (a prebuilt Index); a 2-D NumPy array stands for its rows, that many
    consecutive columns (copied in one step, not a row at a time). Skips the per-column
    inference and checks of ``pd.DataFrame(dict)``, which cost several times the data on a
    table of a few dozen rows and are paid by every table of every article: the blocks are
    laid out here as pandas would consolidate them (one 2-D block per NumPy dtype, one per
    extension array) and handed to :func:`_from_blocks`. A block of consecutive columns is
    placed by a slice (as pandas places one column), which costs a third of a placement array."""
    first = arrays[0] if len(arrays) else ()
    n = first.shape[-1] if isinstance(first, np.ndarray) else len(first)  # a 2-D one: its rows'
    by_dtype: dict[np.dtype, list[tuple[int, np.ndarray]]] = {}
    blocks: list[tuple[object, slice | np.ndarray]] = []
    i = 0  # the column of the next item
    for values in arrays:
        if isinstance(values, np.ndarray):
            by_dtype.setdefault(values.dtype, []).append((i, values))
            i += 1 if values.ndim == 1 else len(values)
        else:
            blocks.append((values, slice(i, i + 1)))
            i += 1
    for dtype, members in by_dtype.items():
        if len(members) == 1:  # one array (most blocks): a C-ordered 2-D copy in one call
            at, values = members[0]
            stacked = np.array(values, dtype=dtype, order="C", ndmin=2)
            blocks.append((stacked, slice(at, at + len(stacked))))
            continue
        placement: list[int] = []
        for at, values in members:
            if values.ndim == 1:
                placement.append(at)
            else:
                placement.extend(range(at, at + len(values)))
        stacked = np.empty((len(placement), n), dtype=dtype)  # a fresh block, as pandas stacks
        row = 0
        for _, values in members:
            if values.ndim == 1:
                stacked[row] = values
                row += 1
            else:
                stacked[row : row + len(values)] = values
                row += len(values)
        blocks.append((stacked, np.array(placement, dtype=np.intp)))
    # from_range: the same index as RangeIndex(n) for a third of the constructor's checks
    return _from_blocks(blocks, pd.RangeIndex.from_range(range(n)), columns)


# Block classes for the arrays ``frame`` hands over: NumPy arrays of these kinds (no datetimes,
# which pandas wraps, nor fixed-width strings, which it converts) and these extension arrays
# (none of which pandas stores as 2-D) go into a block as they are.
_PLAIN_KINDS = frozenset("biufcO")
_EXTENSION_ARRAYS = (
    ArrowStringArray,
    pd.arrays.StringArray,
    pd.arrays.IntegerArray,
    pd.arrays.FloatingArray,
    pd.arrays.BooleanArray,
)


def _public_blocks(
    blocks: list[tuple[object, slice | np.ndarray]], index: pd.Index, columns: pd.Index
) -> pd.DataFrame:
    """The table of ``blocks`` through pandas' public block constructor."""
    return create_dataframe_from_blocks(blocks, index, columns)


# Set by _internals_agree() below, once per process: whether pandas' private classes and methods
# the fast paths use still build exactly what the public ones build.
_INTERNALS_OK = False

try:  # pandas' own block and manager classes: internal, so the public constructor stays ready
    from pandas._libs.internals import BlockPlacement
    from pandas.core.internals.blocks import ExtensionBlock, NumpyBlock
    from pandas.core.internals.managers import BlockManager
except ImportError:  # pragma: no cover - a pandas that moved them
    _private_blocks = _public_blocks
else:

    def _private_blocks(
        blocks: list[tuple[object, slice | np.ndarray]], index: pd.Index, columns: pd.Index
    ) -> pd.DataFrame:
        """The table of ``blocks``: the blocks ``create_dataframe_from_blocks`` makes of these
        arrays, made directly, and the manager without its integrity pass (``frame`` lays the
        blocks out itself). The public constructor costs 3-4 times as much (about 20 thousand
        instructions a block: a block-type look-up, a 2-D test and a coercion per block, then
        the pass), and every table of every article pays it. Any other array goes the public
        way."""
        made = []
        for values, placement in blocks:
            if type(values) is np.ndarray and values.dtype.kind in _PLAIN_KINDS:
                made.append(NumpyBlock(values, BlockPlacement(placement), 2))
            elif isinstance(values, _EXTENSION_ARRAYS):
                made.append(ExtensionBlock(values, BlockPlacement(placement), 2))
            else:
                return _public_blocks(blocks, index, columns)
        manager = BlockManager(made, [columns, index], verify_integrity=False)
        return pd.DataFrame._from_mgr(manager, manager.axes)


def _internals_agree() -> bool:
    """Whether the private paths (blocks made directly, string arrays wrapped and cut through
    pandas' constructor for results) build exactly what the public ones build, on a table with
    every kind of column the package's tables hold. pandas keeps its internals free to change:
    checked once per process, so that such a change costs speed, never a wrong table or a
    crash."""
    try:
        data = pa.array(["a", None, "bc", "d"], type=_LARGE_STRING)
        wrapped = {}
        for dtype in (STR, pd.StringDtype("pyarrow")):  # "str" (NaN) and "string" (NA) columns
            wrapped[dtype] = _prototype(dtype)._from_pyarrow_array(data)
            public = ArrowStringArray(data, dtype=dtype)
            halves = [public._from_pyarrow_array(public._pa_array.slice(i, 2)) for i in (0, 2)]
            if not (
                type(wrapped[dtype]) is type(public)
                and wrapped[dtype].dtype == public.dtype
                and wrapped[dtype].equals(public)
                and all(h.equals(public[i : i + 2]) for h, i in zip(halves, (0, 2), strict=True))
            ):
                return False
        numbers = np.arange(12, dtype=np.int64).reshape(3, 4)  # columns 0, 1 and 6
        lists = np.empty((1, 4), dtype=object)  # list-valued cells, as content_spans
        lists[0] = [[(0, 1)], [], [(2, 3), (4, 5)], [(6, 7)]]
        columns = pd.Index(["i0", "i1", "s", "f", "n", "b", "i2", "na", "o"])
        blocks = [
            (numbers, np.array([0, 1, 6], dtype=np.intp)),
            (wrapped[STR], slice(2, 3)),
            (np.array([[0.5, 1.5, np.nan, 2.0]]), slice(3, 4)),
            (pd.arrays.IntegerArray(np.arange(4), np.array([0, 1, 0, 0], dtype=bool)), slice(4, 5)),
            (np.array([[True, False, True, True]]), slice(5, 6)),
            (wrapped[pd.StringDtype("pyarrow")], slice(7, 8)),
            (lists, slice(8, 9)),
        ]
        index = pd.RangeIndex(4)
        fast, slow = _private_blocks(blocks, index, columns), _public_blocks(blocks, index, columns)
        pd.testing.assert_frame_equal(fast, slow, check_exact=True)
        return [(type(b), b.dtype, b.mgr_locs.as_array.tolist()) for b in fast._mgr.blocks] == [
            (type(b), b.dtype, b.mgr_locs.as_array.tolist()) for b in slow._mgr.blocks
        ]
    except Exception:  # any change in pandas' internals means: take the public way
        return False


_INTERNALS_OK = _internals_agree()


def _from_blocks(
    blocks: list[tuple[object, slice | np.ndarray]], index: pd.Index, columns: pd.Index
) -> pd.DataFrame:
    """The table of ``blocks``, the private way when :func:`_internals_agree`."""
    if _INTERNALS_OK:
        return _private_blocks(blocks, index, columns)
    return _public_blocks(blocks, index, columns)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), with surrounding white space trimmed (a line ends at
    "\\n" or "\\r"; found with ``str.find``, a tenth of the cost of a regex over the text)."""
    breaks = text.replace("\r", "\n") if "\r" in text else text  # same offsets
    spans = []
    s, n = 0, len(text)
    while s < n:
        e = breaks.find("\n", s)
        if e < 0:
            e = n
        after = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        s = after
    return spans


_LINE_END_MARKS = tuple(".!?…:;")
_SENTENCE_END_MARKS = tuple(".!?…")


def _ends_sentence(line: str, marks: tuple[str, ...] = _LINE_END_MARKS) -> bool:
    """Whether a trimmed line ends with one of ``marks``, closing quotes and brackets aside."""
    return line.rstrip(_CLOSERS).endswith(marks)


def _is_credit(line: str) -> bool:
    """A credit line: "Reporting by ...", "Jane Doe contributed to this report"."""
    if _CREDIT_OPENING_RE.match(line):
        return True
    return _CONTRIBUTED_RE.search(line) is not None and bool(_CREDIT_CONTRIBUTED_RE.match(line))


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph blocks: one per line, unless the text is hard-wrapped into blank-line blocks."""
    lines = _line_spans(text)
    groups: list[list[tuple[int, int]]] = []
    prev_end = None
    for s, e in lines:
        gap = text[prev_end:s] if prev_end is not None else ""
        if prev_end is None or gap.count("\n") >= 2 or gap.count("\r") >= 2:
            groups.append([])
        groups[-1].append((s, e))
        prev_end = e
    multi = [g for g in groups if len(g) > 1]
    wrapped_lines = [ln for g in multi for ln in g[:-1]]
    unterminated = sum(1 for s, e in wrapped_lines if not _ends_sentence(text[s:e]))
    if multi and len(groups) > 1 and unterminated > 0.6 * len(wrapped_lines):
        return [(g[0][0], g[-1][1]) for g in groups]
    return lines


def _looks_like_title(text: str) -> bool:
    """A short first line without sentence-final punctuation is a headline."""
    return len(text.split()) <= 20 and not _ends_sentence(text, _SENTENCE_END_MARKS)


def _parse_structure(text: str) -> tuple[list[Paragraph], Span | None]:
    spans = _block_spans(text)
    roles = ["body"] * len(spans)
    # trailing credits and boilerplate, scanning up from the end
    for i in range(len(spans) - 1, 0, -1):
        line = text[spans[i][0] : spans[i][1]]
        if _BOILERPLATE_RE.match(line):
            roles[i] = "boilerplate"
        elif _is_credit(line) and len(line.split()) <= 40:
            roles[i] = "credit"
        elif _BYLINE_RE.match(line) and len(line.split()) <= 12 and not _ends_sentence(line):
            roles[i] = "byline"  # a byline at the foot ("By John Doe"), not "By Tuesday, it …."
        else:
            break
    # leading title and byline
    i = 0
    while i < min(3, len(spans)) and roles[i] == "body":
        line = text[spans[i][0] : spans[i][1]]
        if _BYLINE_RE.match(line) and len(line.split()) <= 12:
            roles[i] = "byline"
        elif i == 0 and len(spans) > 2 and _looks_like_title(line) and not _DATELINE_RE.match(line):
            roles[i] = "title"
        else:
            break
        i += 1
    if "body" not in roles:  # never classify everything away
        roles = ["body" if r in ("title", "credit") else r for r in roles]
        if "body" not in roles:
            roles = ["body"] * len(spans)
    blocks = []
    body_index = 0
    for block_id, ((s, e), role) in enumerate(zip(spans, roles, strict=True)):
        pid = None
        if role == "body":
            pid, body_index = body_index, body_index + 1
        blocks.append(Paragraph(block_id, role, s, e, text[s:e], pid))
    dateline = None
    first_body = next(b for b in blocks if b.role == "body")
    m = _DATELINE_RE.match(text, first_body.start, first_body.end)
    if m and len(m.group("place").replace(" ", "")) >= 3 and m.end() < first_body.end:
        place = m.group("place")
        if place.upper() == place and any(c.isalpha() for c in place.split(",")[0]):
            end = m.end()
            while end > m.start() and text[end - 1].isspace():
                end -= 1
            dateline = Span(m.start(), end, text[m.start() : end])
    return blocks, dateline


def _require_unicode(text: str) -> None:
    """A lone surrogate (from bytes decoded with ``surrogateescape``) is no character: no table
    can hold it, and its offset would point at nothing a reader sees."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        raise InputError(
            f"the text holds a lone surrogate (U+{code:04X}) at offset {exc.start}, which is not "
            "a character: decode the file strictly, or with errors='replace'"
        ) from None


def as_article(text_or_article: str | Article) -> Article:
    """Accept an Article or a str of article text (a str is text, never a path)."""
    if isinstance(text_or_article, Article):
        return text_or_article
    if isinstance(text_or_article, str):
        return Article.from_text(text_or_article)
    if isinstance(text_or_article, Path):
        from analysis.loading import load_article

        return load_article(text_or_article)
    raise InputError(
        f"expected article text (str) or an Article, got {type(text_or_article).__name__}"
    )

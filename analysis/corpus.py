"""Corpus mode: :func:`analysis.analyze` over many articles, locally or on a Dask cluster.

Every table of the one-article pipeline comes back with an ``article_id`` column in front, plus
an ``articles`` table (one row per article: file, hash, headline readability and sentiment) and
an ``errors`` table (one row per file that could not be analysed; the run goes on without it).

``article_id`` is ``<file stem>-<first 12 hex digits of the SHA-256 of the file's bytes>``: the
same file gives the same id on every machine and every run, and an edited file gets a new one.

With an output folder, results are kept per chunk of articles under ``parts/`` and listed in an
append-only ``manifest.jsonl``; a re-run analyses only the articles whose id (and package code
version) is not in the manifest yet, unless ``force=True``. The combined tables are then written
beside it as Parquet (or CSV), one file per table.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import math
import multiprocessing
import os
import pickle
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.article import frame, strings
from analysis.errors import InputError, require_count
from analysis.files import atomic_write, check_output_dir

ENGINES = ("local", "dask")
FORMATS = ("parquet", "csv")
MANIFEST = "manifest.jsonl"
PARTS_DIR = "parts"
ERROR_COLUMNS = ["article_id", "path", "error_type", "message"]
ONESTOP_LEVELS = {"ele": "elementary", "int": "intermediate", "adv": "advanced"}
_HASH_CHARS = 12
_SUMMARY_SENTIMENT = ("share_negative", "share_neutral", "share_positive")


class CorpusError(InputError):
    """The corpus cannot be run as asked (no input files, unknown engine or format)."""


@dataclass
class CorpusResult:
    """Combined tables for a corpus run; every table starts with ``article_id``.

    ``tables`` holds the pipeline's tables plus ``articles`` and ``errors``. ``analyzed`` and
    ``skipped`` list the article ids analysed in this run and those reused from an earlier one.
    """

    tables: dict[str, pd.DataFrame]
    out: Path | None = None
    analyzed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    @property
    def errors(self) -> pd.DataFrame:
        return self.tables["errors"]


@dataclass(frozen=True)
class _Task:
    article_id: str
    path: str
    content_hash: str


# --- inputs --------------------------------------------------------------------------------------
def corpus_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The article files to analyse: files as given, folders searched for ``*.txt`` (recursive,
    hidden files skipped), sorted and without repeats so every run sees the same order."""
    if isinstance(paths, str | os.PathLike):
        items: list[object] = [paths]
    elif isinstance(paths, Iterable):
        items = list(paths)
    else:
        raise CorpusError(f"expected a path or a list of paths, got {type(paths).__name__}")
    if not items:
        raise CorpusError("no paths given: name article files or folders of *.txt")
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise CorpusError(f"expected a path (str or Path), got {type(item).__name__}")
    found: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found.extend(
                f
                for f in p.rglob("*.txt")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.exists():
            found.append(p)
        else:
            raise CorpusError(f"no such file or folder: {p}")
    unique = sorted({f.resolve(): f for f in found}.values(), key=lambda f: str(f))
    if not unique:
        raise CorpusError(f"no article files (*.txt) found in {', '.join(map(str, items))}")
    return unique


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_article_id(path: str | os.PathLike[str], digest: str) -> str:
    """``<stem>-<12 hex digits of the content hash>``: stable, readable, unique per content."""
    return f"{Path(path).stem}-{digest[:_HASH_CHARS]}"


def onestopenglish_level(stem: str) -> str | None:
    """The OneStopEnglish reading level from a file stem such as ``Amazon-adv`` (else None)."""
    head, _, tail = stem.rpartition("-")
    return ONESTOP_LEVELS.get(tail) if head else None


def example_corpus(n_topics: int = 4) -> list[Path]:
    """The notebook's default corpus: all three OneStopEnglish levels of the first ``n_topics``
    topics when ../shared/data is present, else the bundled article alone."""
    from analysis.paths import BUNDLED_ARTICLE, shared_data_dir

    shared = shared_data_dir()
    folder = shared / "onestopenglish" if shared is not None else None
    if folder is None or not folder.is_dir():
        return [BUNDLED_ARTICLE]
    files = sorted(folder.glob("*.txt"))
    topics = sorted({f.stem.rpartition("-")[0] for f in files if onestopenglish_level(f.stem)})
    keep = set(topics[:n_topics])
    return [f for f in files if f.stem.rpartition("-")[0] in keep] or [BUNDLED_ARTICLE]


def describe_corpus(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> str:
    """A source line for charts: how many article files, and the folder they share."""
    files = corpus_files(paths)
    folder = Path(os.path.commonpath([f.resolve().parent for f in files]))
    return f"{len(files)} article file(s) in {folder.name or folder}/"


def level_table(articles: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> pd.DataFrame:
    """One row per OneStopEnglish topic: ``metric`` at each level, and whether it rises
    elementary < intermediate < advanced (``ordered``; NA when a level is missing)."""
    levels = list(ONESTOP_LEVELS.values())
    table = articles[articles["level"].isin(levels)]
    columns = ["topic", *levels, "ordered"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    topics = table["stem"].astype(str).str.rpartition("-")[0]
    wide = (
        table.assign(topic=topics)
        .pivot_table(index="topic", columns="level", values=metric, aggfunc="first")
        .reindex(columns=levels)
    )
    complete = wide.notna().all(axis=1)
    ordered = (wide["elementary"] < wide["intermediate"]) & (
        wide["intermediate"] < wide["advanced"]
    )
    wide["ordered"] = pd.array(
        [bool(o) if c else pd.NA for o, c in zip(ordered, complete, strict=True)], dtype="boolean"
    )
    wide.columns.name = None
    return wide.reset_index()[columns]


def corpus_summary(articles: pd.DataFrame) -> dict[str, object]:
    """Headline facts for prose: sizes, the hardest and easiest article by Flesch–Kincaid grade,
    the most negative and most positive by mean sentence compound (stems and values)."""
    n = len(articles)
    summary: dict[str, object] = {
        "n_articles": n,
        "n_sentences": int(articles["n_sentences"].sum()) if n else 0,
        "n_levels": int(articles["level"].notna().sum()) if n else 0,
    }
    for key, column, pick in (
        ("hardest", "flesch_kincaid_grade", "idxmax"),
        ("easiest", "flesch_kincaid_grade", "idxmin"),
        ("most_negative", "mean_compound", "idxmin"),
        ("most_positive", "mean_compound", "idxmax"),
    ):
        values = articles[column].astype("float64") if n else None
        if values is None or values.isna().all():
            summary[key], summary[f"{key}_value"] = None, math.nan
            continue
        row = articles.loc[getattr(values, pick)()]
        summary[key], summary[f"{key}_value"] = str(row["stem"]), float(row[column])
    return summary


@cache
def code_version() -> str:
    """A hash of the package's source and data files: results of other code are not reused."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for f in sorted(package.rglob("*")):
        if f.is_file() and f.suffix in {".py", ".json", ".txt", ".yml", ".yaml", ".joblib", ".npz"}:
            if "__pycache__" in f.parts:
                continue
            digest.update(str(f.relative_to(package)).encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


# --- one article ---------------------------------------------------------------------------------
def _scalar(value: object) -> bool:
    return isinstance(value, int | float | str | bool | np.integer | np.floating) or value is None


def _summary_row(article_id: str, path: str, digest: str, result) -> dict[str, object]:
    """The ``articles`` row: where the article came from and its headline numbers."""
    article = result.article
    sentences = result.tables["sentences"]
    compound = sentences["compound"].to_numpy(dtype="float64")
    labels = sentences["label"].to_numpy(dtype=object)
    stem = Path(path).stem
    row: dict[str, object] = {
        "article_id": article_id,
        "path": path,
        "stem": stem,
        "content_hash": digest,
        "level": onestopenglish_level(stem),
        "slug": article.slug,
        "title": article.title.text if article.title else None,
        "n_paragraphs": len(article.paragraphs),
        "n_sentences": len(article.sentences),
        "n_characters": len(article.text),
    }
    row.update({k: v for k, v in result.readability.items() if _scalar(v)})
    n = len(compound)
    row["mean_compound"] = float(compound.mean()) if n else math.nan
    for name, label in zip(_SUMMARY_SENTIMENT, ("negative", "neutral", "positive"), strict=True):
        row[name] = float((labels == label).mean()) if n else math.nan
    for name in ("actors", "attributions"):
        if name in result.tables:
            row[f"n_{name}"] = len(result.tables[name])
    return row


def _analyze_file(
    data: bytes, path: str, article_id: str, digest: str
) -> tuple[dict[str, pd.DataFrame], dict[str, object]]:
    """The pipeline's tables for one article file (without ids) and its ``articles`` row."""
    from analysis.article import Article
    from analysis.loading import decode_bytes
    from analysis.pipeline import analyze

    text, encoding = decode_bytes(data, name=path)
    result = analyze(Article.from_text(text, source=path, encoding=encoding))
    return result.tables, _summary_row(article_id, path, digest, result)


def _with_ids(table: pd.DataFrame, ids: Sequence[str], counts: Sequence[int]) -> pd.DataFrame:
    """``table`` (the rows of several articles, one after another) with ``article_id`` first:
    one insert for a whole chunk, since pandas' insert costs more than many a small table. The
    id column goes to Arrow straight from the repeated ids (``pd.array`` checks every row)."""
    table = table.copy(deep=False)
    column = np.repeat(np.asarray(ids, dtype=object), counts)
    table.insert(0, "article_id", strings(column, ID_DTYPE))
    return table


def _error_dict(article_id: str | None, path: str, exc: BaseException | None) -> dict[str, object]:
    """An ``errors`` row; without an exception it records a duplicate file."""
    if exc is None:
        return {"article_id": article_id, "path": path, "error_type": "DuplicateArticle"}
    text = str(exc).strip()
    return {
        "article_id": article_id,
        "path": path,
        "error_type": type(exc).__name__,
        "message": text.splitlines()[0] if text else repr(exc),
    }


def analyze_chunk(
    items: Sequence[tuple[_Task, bytes]],
) -> tuple[list[str], dict[str, pd.DataFrame], list[dict[str, object]]]:
    """Analyse a chunk of articles (in a worker): ids done, their tables, and error rows.

    Any exception from one article is recorded and the chunk goes on: one bad file must not
    cost the rest of the corpus.
    """
    done: list[str] = []
    parts: dict[str, list[pd.DataFrame]] = {}
    summaries: list[dict[str, object]] = []
    errors: list[dict[str, object]] = []
    for task, data in items:
        try:
            tables, row = _analyze_file(data, task.path, task.article_id, task.content_hash)
        except Exception as exc:
            errors.append(_error_dict(task.article_id, task.path, exc))
            continue
        done.append(task.article_id)
        summaries.append(row)
        for name, table in tables.items():
            parts.setdefault(name, []).append(table)
    combined = {
        name: _with_ids(concat(frames), done, [len(f) for f in frames])
        for name, frames in parts.items()
    }
    if summaries:
        combined["articles"] = _articles_table(summaries)
    return done, combined, errors


# The ``articles`` columns that hold text, missing (None) for some files: a title, a level.
ARTICLE_TEXT_COLUMNS = ("article_id", "path", "stem", "content_hash", "level", "slug", "title")
# Python types of the values pandas turns into a float64 column (None as NaN).
_NUMBER_KINDS = frozenset((int, float, type(None)))
_TEXT_KINDS = frozenset((str, type(None)))
# The dtype of the ``article_id`` column of every per-article table.
ID_DTYPE = pd.StringDtype()


def _articles_table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """``articles`` rows as one table, built at once: a one-row frame per article and their
    concatenation cost 0.7 ms an article, a twentieth of its analysis. Text columns are strings
    (a missing value is NaN) whatever the chunk holds: a chunk of untitled files would
    otherwise give ``title`` the object dtype and another chunk the string one.

    Built column by column (:func:`analysis.article.frame`): ``pd.DataFrame(rows)`` and an
    ``astype`` of the text columns cost ten times as much. A number column is int64 when every
    row has an int, else float64 with NaN for a missing value, as pandas infers them; a text
    column holds str or None. Any other table (a flag column, say) is left to pandas."""
    names = list(dict.fromkeys(name for row in rows for name in row))
    columns = []
    for name in names:
        values = [row.get(name) for row in rows]
        kinds = set(map(type, values))
        if name in ARTICLE_TEXT_COLUMNS and kinds <= _TEXT_KINDS:
            columns.append(strings(values))
        elif name in ARTICLE_TEXT_COLUMNS:
            return _pandas_articles_table(rows)
        elif kinds == {int}:
            columns.append(np.array(values, dtype=np.int64))
        elif kinds <= _NUMBER_KINDS and (float in kinds or kinds == _NUMBER_KINDS - {float}):
            columns.append(np.array([math.nan if v is None else v for v in values], np.float64))
        else:
            return _pandas_articles_table(rows)
    return frame(pd.Index(names), columns)


def _pandas_articles_table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """:func:`_articles_table` by pandas' inference, for columns of other kinds of value."""
    table = pd.DataFrame(list(rows))
    return table.astype({c: "str" for c in ARTICLE_TEXT_COLUMNS if c in table.columns})


def concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate tables of one kind; empty ones are dropped first so they cannot change the
    dtypes (an empty int column would otherwise turn a float column into object)."""
    non_empty = [f for f in frames if len(f)]
    if not non_empty:
        return frames[0].iloc[0:0] if frames else pd.DataFrame()
    if len(non_empty) == 1:
        return non_empty[0].reset_index(drop=True)
    return pd.concat(non_empty, ignore_index=True)


# Names, an organisation, a quotation, a cue and a pronoun: enough to reach every lazy loader.
_WARM_TEXT = (
    'Jane Smith, the mayor of Springfield, told Acme Corp. on Monday that the city "will '
    'recover". She said the plan was fair.'
)


def _warm() -> None:
    """Load every lexicon and model once, before worker processes fork.

    Forked workers inherit them; left lazy, each worker spent about 0.8 CPU s loading the
    target-sentiment model, word vectors, cue model, CMUdict and VADER before its first article.
    Analysing a small text the way a worker does (bytes to decoded text to tables and summary
    row) reaches every loader and lazy import on that path, including any added later.
    """
    _analyze_file(_WARM_TEXT.encode("utf-8"), "warm-up.txt", "warm-up", "")


# --- output folder -------------------------------------------------------------------------------
def _read_manifest(out: Path) -> dict[str, dict[str, object]]:
    """Latest manifest entry per article id (a line cut short by a crash is ignored)."""
    entries: dict[str, dict[str, object]] = {}
    path = out / MANIFEST
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and "article_id" in entry:
            entries[str(entry["article_id"])] = entry
    return entries


def _append_manifest(out: Path, entries: Iterable[dict[str, object]]) -> None:
    lines = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
    if lines:
        with open(out / MANIFEST, "a", encoding="utf-8") as fh:
            fh.write(lines)
            fh.flush()
            os.fsync(fh.fileno())


def _chunk_key(ids: Sequence[str]) -> str:
    return "chunk-" + hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]


def _write_part(out: Path, key: str, tables: dict[str, pd.DataFrame]) -> None:
    folder = out / PARTS_DIR / key
    for name, table in tables.items():
        atomic_write(folder / f"{name}.parquet", lambda p, t=table: t.to_parquet(p, index=False))


def _read_parts(
    out: Path, ids: Sequence[str], manifest: dict[str, dict[str, object]]
) -> dict[str, pd.DataFrame]:
    """The rows of ``ids`` from the chunk files the manifest points at, in the order of ids."""
    wanted: dict[str, set[str]] = {}
    for article_id in ids:
        wanted.setdefault(str(manifest[article_id]["part"]), set()).add(article_id)
    frames: dict[str, list[pd.DataFrame]] = {}
    for key in sorted(wanted):
        folder = out / PARTS_DIR / key
        for file in sorted(folder.glob("*.parquet")):
            table = pd.read_parquet(file)
            table = table[table["article_id"].isin(wanted[key])]
            frames.setdefault(file.stem, []).append(table)
    return {name: _in_order(concat(parts), ids) for name, parts in frames.items()}


def _in_order(table: pd.DataFrame, ids: Sequence[str]) -> pd.DataFrame:
    """Rows grouped by article in input order, each article's rows in their original order."""
    rank = {article_id: i for i, article_id in enumerate(ids)}
    order = np.argsort(table["article_id"].map(rank).to_numpy(dtype="int64"), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def _prune_parts(out: Path, manifest: dict[str, dict[str, object]]) -> None:
    """Delete chunk folders that no manifest entry points at any more (after --force runs)."""
    live = {str(e.get("part")) for e in manifest.values()}
    parts = out / PARTS_DIR
    if not parts.is_dir():
        return
    for folder in parts.iterdir():
        if folder.is_dir() and folder.name not in live:
            for f in folder.iterdir():
                f.unlink()
            folder.rmdir()


def _csv_ready(table: pd.DataFrame) -> pd.DataFrame:
    """List-valued cells (spans) as JSON text, so a CSV reader can parse them back."""
    out = table
    for col in table.columns:
        if table[col].dtype == object:
            values = table[col].to_numpy(dtype=object)
            if any(isinstance(v, list | tuple | np.ndarray) for v in values):
                if out is table:
                    out = table.copy()
                out[col] = [
                    json.dumps(_plain(v)) if isinstance(v, list | tuple | np.ndarray) else v
                    for v in values
                ]
    return out


def _plain(value: object) -> object:
    if isinstance(value, np.ndarray | list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


def write_corpus_tables(
    tables: dict[str, pd.DataFrame], out: str | os.PathLike[str], fmt: str = "parquet"
) -> list[Path]:
    """Write each combined table as ``out/<name>.<fmt>`` (atomically)."""
    if fmt not in FORMATS:
        raise CorpusError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    written = []
    for name, table in tables.items():
        path = Path(out) / f"{name}.{fmt}"
        if fmt == "parquet":
            atomic_write(path, lambda p, t=table: t.to_parquet(p, index=False))
        else:
            atomic_write(path, lambda p, t=table: _csv_ready(t).to_csv(p, index=False))
        written.append(path)
    return written


# --- engines -------------------------------------------------------------------------------------
ChunkResult = tuple[list[str], dict[str, pd.DataFrame], list[dict[str, object]]]
Chunk = list[tuple[_Task, bytes]]
# on_done(chunk, run, future): the chunk's result is run(chunk) when run is given, else the
# future's result (its exception, if any, becomes an error row for each article of the chunk).
OnDone = Callable[[Chunk, Callable[[Chunk], ChunkResult] | None, object], None]


@contextmanager
def _gc_frozen() -> Iterator[None]:
    """Leave every object that exists now (lexicons, models, the caller's data) out of the
    garbage collections while worker processes run.

    Forked workers then do not touch (and so copy) their inherited pages just to scan them: a
    third fewer page faults, in the workers and here. No collection first (it costs 60 ms
    alone): garbage frozen with the rest is collected as usual once unfrozen after the run. A
    caller that froze objects itself keeps them frozen, with those of the run's start (whose
    objects are whose cannot be told apart); before, the run unfroze the caller's too.
    """
    already = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already:
            gc.unfreeze()


class _TwoEnds:
    """Articles handed out in chunks from both ends of the input order: forked workers take
    theirs from the front, the calling process from the back, and they meet in between.

    Each process then reads a run of neighbouring files. Neighbours in a folder (one topic's
    versions, one day's stories) share words, and each process fills its own word memos: two
    contiguous halves of the 96 OneStopEnglish texts share 1,616 distinct white-space tokens,
    blocks of eight dealt out in turn 2,848. Guided self-scheduling: a chunk is one of
    ``parts`` parts of each process's share of what is left (at most ``cap``), so chunks
    shrink to single articles as the ends meet and the processes finish together, while the
    early chunks stay large enough to spread the per-chunk cost; or ``size`` articles when
    given. Iterating takes every chunk from the front (one process, or a Dask cluster).
    """

    def __init__(
        self,
        tasks: Sequence[_Task],
        workers: int,
        size: int | None = None,
        cap: int = 16,
        parts: int = 2,
    ) -> None:
        self.tasks, self.workers, self.size, self.cap, self.parts = tasks, workers, size, cap, parts
        self.lo, self.hi = 0, len(tasks)

    def _next_size(self) -> int:
        if self.size is not None:
            return self.size
        left = self.hi - self.lo
        return max(1, min(self.cap, math.ceil(left / (self.parts * self.workers))))

    def front(self) -> list[_Task] | None:
        if self.lo >= self.hi:
            return None
        start, self.lo = self.lo, min(self.hi, self.lo + self._next_size())
        return list(self.tasks[start : self.lo])

    def back(self) -> list[_Task] | None:
        if self.lo >= self.hi:
            return None
        end, self.hi = self.hi, max(self.lo, self.hi - self._next_size())
        return list(self.tasks[self.hi : end])

    def __iter__(self) -> Iterator[list[_Task]]:
        while (chunk := self.front()) is not None:
            yield chunk


def _read(tasks: Sequence[_Task]) -> Chunk:
    """A chunk of (task, file bytes): bytes are read only when the chunk is about to be sent."""
    return [(t, Path(t.path).read_bytes()) for t in tasks]


def _run_local(source: _TwoEnds, workers: int, on_done: OnDone) -> None:
    """Run the chunks here and, with ``workers`` > 1, in ``workers - 1`` forked processes too.

    This process analyses a chunk whenever each forked worker has one running and one waiting:
    it is warm already, its results need no pickling, and each fork costs its start, its exit
    and a copy of every inherited page it writes to (7,200 page faults for 48 of the 96 texts).
    If a worker dies, the chunks it held become error rows and this process does the rest.
    """
    if workers <= 1:
        for tasks in source:
            on_done(_read(tasks), analyze_chunk, None)
        return
    _warm()  # forked workers inherit the loaded lexicons instead of each loading them again
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    forked = workers - 1
    with (
        tempfile.TemporaryDirectory(prefix="analysis-corpus-") as folder,
        _gc_frozen(),
    ):
        pool = ProcessPoolExecutor(max_workers=forked, mp_context=context)
        try:
            pending: dict[Future, Chunk] = {}
            broken = False
            while True:
                _settle(pending, on_done, block=False)
                while len(pending) < 2 * forked and not broken:
                    tasks = source.front()
                    if tasks is None:
                        break
                    chunk = _read(tasks)
                    try:
                        pending[pool.submit(_analyze_chunk_to_file, chunk, folder)] = chunk
                    except BrokenProcessPool:
                        broken = True
                        on_done(chunk, analyze_chunk, None)
                tasks = source.back()
                if tasks is None:
                    break
                on_done(_read(tasks), analyze_chunk, None)
            while pending:
                _settle(pending, on_done)
        except BaseException:
            pool.shutdown(wait=True)  # a chunk may still be running: let it finish
            raise
        # Every chunk is back and the workers have nothing left to write: they exit (unmapping
        # their copied pages, 10-20 ms) while this process combines the tables.
        pool.shutdown(wait=False)


def _analyze_chunk_to_file(items: Chunk, folder: str) -> str:
    """:func:`analyze_chunk` in a worker, its result left in a file of ``folder`` (the path goes
    back through the pool instead). A result sent through the pool's pipe holds the worker until
    this process has read all of it, 64 kB at a time: 20-60 ms for 16 articles on a busy machine.
    """
    result = analyze_chunk(items)
    fd, path = tempfile.mkstemp(suffix=".pickle", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _load_result(path: str) -> ChunkResult:
    with open(path, "rb") as fh:
        result = pickle.load(fh)
    os.unlink(path)
    return result


def _settle(pending: dict[Future, Chunk], on_done: OnDone, block: bool = True) -> None:
    """Hand over the chunks whose futures are done (a crashed worker fails only its chunk);
    with ``block``, wait until at least one is. A future's result is the path of its result."""
    finished, _ = wait(pending, timeout=None if block else 0, return_when=FIRST_COMPLETED)
    for fut in finished:
        on_done(pending.pop(fut), lambda _chunk, fut=fut: _load_result(fut.result()), None)


def _run_dask(chunks: Iterator[Chunk], workers: int, scheduler: object, on_done: OnDone) -> None:
    """Chunks as futures on a distributed cluster: an existing one given its scheduler address
    (or a ``distributed.Client``), else a LocalCluster with ``workers`` single-threaded
    processes. Results come back to this process, so workers need no shared file system, only
    the ``analysis`` package installed."""
    environ = dict(os.environ)
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    owns_client = True
    if isinstance(scheduler, Client):
        client, owns_client = scheduler, False
    elif scheduler:  # analyze_corpus connects first; a direct caller may pass an address
        client = _connect(str(scheduler))
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})), workers)
        queue = as_completed()
        pending: dict[object, Chunk] = {}
        for chunk in chunks:
            fut = client.submit(analyze_chunk, chunk, pure=False)
            pending[fut] = chunk
            queue.add(fut)
            if len(pending) >= window:
                done = next(queue)
                on_done(pending.pop(done), None, done)
        for done in queue:
            on_done(pending.pop(done), None, done)
    finally:
        if owns_client:
            client.close()
        if cluster is not None:
            cluster.close()
        _restore_environ(environ)


def _connect(address: str):
    """A client of the scheduler at ``address``; a malformed or unreachable address is the
    user's to fix, so it is a one-line error, not a traceback."""
    from distributed import Client

    try:
        return Client(address)
    except (OSError, ValueError, TypeError) as exc:
        raise CorpusError(f"cannot connect to the Dask scheduler at {address!r}: {exc}") from exc


def _restore_environ(saved: dict[str, str]) -> None:
    """Undo what starting a LocalCluster leaves in this process's environment (it sets
    OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1, PYTHONHASHSEED, … for its workers): numpy and
    every later subprocess of the caller would inherit them."""
    for key in set(os.environ) - set(saved):
        del os.environ[key]
    for key, value in saved.items():
        if os.environ.get(key) != value:
            os.environ[key] = value


# --- the corpus run ------------------------------------------------------------------------------
def analyze_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    engine: str = "local",
    workers: int = 1,
    scheduler: object = None,
    out: str | os.PathLike[str] | None = None,
    fmt: str = "parquet",
    force: bool = False,
    progress: bool = True,
    chunk_size: int | None = None,
) -> CorpusResult:
    """Analyse every article in ``paths`` (files or folders of ``*.txt``) and combine the tables.

    ``engine="local"`` runs in this process and, with ``workers`` > 1, in ``workers - 1``
    processes forked from it, in chunks of ``chunk_size`` articles (default: chunks that shrink
    as the run nears its end);
    ``engine="dask"`` runs on the cluster at ``scheduler`` (``"tcp://host:8786"`` or a
    ``distributed.Client``), else on a LocalCluster of ``workers`` processes. With ``out``, the
    tables are written there as ``fmt`` (parquet or csv) and articles already in its manifest
    are skipped unless ``force``. A file that fails is a row of the ``errors`` table.
    """
    if engine not in ENGINES:
        raise CorpusError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if fmt not in FORMATS:
        raise CorpusError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    require_count("workers", workers, CorpusError)
    if chunk_size is not None:
        require_count("chunk_size", chunk_size, CorpusError)
    if engine == "dask" and scheduler and isinstance(scheduler, str | os.PathLike):
        # before any file is read, any folder made or any progress shown: a wrong address is
        # the first thing the user hears of
        client = _connect(str(scheduler))
        try:
            return analyze_corpus(
                paths, engine, workers, client, out, fmt, force, progress, chunk_size
            )
        finally:
            client.close()
    files = corpus_files(paths)
    out_dir = Path(out) if out is not None else None
    if out_dir is not None:
        check_output_dir(out_dir)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a read-only parent, a full disk: the user's to fix
            message = f"cannot create the output folder {out_dir}: {exc.strerror or exc}"
            raise CorpusError(message) from exc
    manifest = _read_manifest(out_dir) if out_dir is not None else {}
    # hashing the package's files (about 10 ms) is needed only for an output folder's manifest
    version = code_version() if out_dir is not None else ""

    errors: list[dict[str, object]] = []
    tasks: list[_Task] = []
    order: list[str] = []
    skipped: list[str] = []
    seen: dict[str, str] = {}
    for f in files:
        try:
            digest = content_hash(f.read_bytes())
        except OSError as exc:
            errors.append(_error_dict(None, str(f), exc))
            continue
        task = _Task(make_article_id(f, digest), str(f), digest)
        if task.article_id in seen:
            dup = f"same content and file name as {seen[task.article_id]}"
            errors.append({**_error_dict(task.article_id, task.path, None), "message": dup})
            continue
        seen[task.article_id] = task.path
        order.append(task.article_id)
        if not force and out_dir is not None and _is_done(out_dir, manifest, task, version):
            skipped.append(task.article_id)
        else:
            tasks.append(task)

    analyzed: list[str] = []
    # In-memory tables by the position of their chunk: chunks are consecutive runs of the input
    # order, so concatenating them by position keeps every article's rows in input order.
    memory: dict[str, list[tuple[int, pd.DataFrame]]] = {}
    position = {task.article_id: i for i, task in enumerate(tasks)}

    bar = _progress_bar(len(tasks), disable=not progress)

    def on_done(chunk: Chunk, run: Callable[[Chunk], ChunkResult] | None, future) -> None:
        try:
            done, tables, chunk_errors = run(chunk) if run is not None else future.result()
        except Exception as exc:  # the worker died or could not run the chunk at all
            done, tables = [], {}
            chunk_errors = [_error_dict(t.article_id, t.path, exc) for t, _ in chunk]
        errors.extend(chunk_errors)
        analyzed.extend(done)
        if out_dir is not None and done:
            key = _chunk_key(done)
            _write_part(out_dir, key, tables)
            entries = [
                {"article_id": a, "path": seen[a], "part": key, "code_version": version}
                for a in done
            ]
            _append_manifest(out_dir, entries)
            manifest.update({str(e["article_id"]): e for e in entries})
        elif done:
            first = position[chunk[0][0].article_id]
            for name, table in tables.items():
                memory.setdefault(name, []).append((first, table))
        bar.update(len(chunk))

    try:
        if engine == "dask":
            chunks = (_read(chunk) for chunk in _TwoEnds(tasks, workers, chunk_size))
            _run_dask(chunks, workers, scheduler, on_done)
        else:
            # The calling process hands out work only between its own chunks, so its workers'
            # queues hold more of what is left: with thirds, a simulation with measured article
            # costs finished 14-20 ms sooner on the 96 OneStopEnglish texts, 14-38 ms on PolNeAR.
            parts = 3 if workers > 1 else 2
            _run_local(_TwoEnds(tasks, workers, chunk_size, parts=parts), workers, on_done)
    finally:
        bar.close()

    finished = set(analyzed) | set(skipped)
    done_ids = [a for a in order if a in finished]
    if out_dir is not None:
        tables = _read_parts(out_dir, done_ids, manifest) if done_ids else {}
    else:
        tables = {name: concat(_by_position(parts)) for name, parts in memory.items()}
    tables["errors"] = _errors_table(errors, files)
    result = CorpusResult(tables, out_dir, analyzed=analyzed, skipped=skipped)
    if out_dir is not None:
        _prune_parts(out_dir, manifest)
        result.written = write_corpus_tables(tables, out_dir, fmt)
    return result


def _by_position(parts: list[tuple[int, pd.DataFrame]]) -> list[pd.DataFrame]:
    return [table for _, table in sorted(parts, key=lambda part: part[0])]


def _progress_bar(total: int, disable: bool):
    """tqdm.auto: a widget in Jupyter when ipywidgets is installed, else a text bar (without
    tqdm's warning about the missing widget library)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm
    return tqdm(total=total, unit="article", desc="articles", disable=disable)


def _is_done(out: Path, manifest: dict[str, dict[str, object]], task: _Task, version: str) -> bool:
    """Analysed before by this code version, and its chunk files are still there."""
    entry = manifest.get(task.article_id)
    return (
        entry is not None
        and entry.get("code_version") == version
        and (out / PARTS_DIR / str(entry.get("part")) / "articles.parquet").is_file()
    )


def _errors_table(rows: list[dict[str, object]], files: Sequence[Path]) -> pd.DataFrame:
    rank = {str(f): i for i, f in enumerate(files)}
    rows = sorted(rows, key=lambda r: rank.get(str(r["path"]), len(rank)))
    table = pd.DataFrame(rows, columns=ERROR_COLUMNS)
    return table.astype("string")


# --- command line --------------------------------------------------------------------------------
def add_corpus_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The ``corpus`` subcommand's options (shared by ``python -m analysis corpus``)."""
    parser.add_argument(
        "dir", type=Path, nargs="+", metavar="DIR", help="folder(s) of *.txt articles, or files"
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder for the tables")
    parser.add_argument("--engine", choices=ENGINES, default="local", help="default: local")
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); implies --engine dask",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes analysing articles: this one and N-1 forked (default: 1)",
    )
    parser.add_argument(
        "--format", dest="fmt", choices=FORMATS, default="parquet", help="default: parquet"
    )
    parser.add_argument(
        "--force", action="store_true", help="re-analyse articles already in the output folder"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def run_corpus_cli(args: argparse.Namespace) -> int:
    """Run ``python -m analysis corpus`` from parsed arguments; print a one-line summary."""
    engine = "dask" if args.scheduler else args.engine
    result = analyze_corpus(
        args.dir,
        engine=engine,
        workers=args.workers,
        scheduler=args.scheduler,
        out=args.out,
        fmt=args.fmt,
        force=args.force,
        progress=not getattr(args, "no_progress", False),
    )
    for row in result.errors.itertuples(index=False):
        where = "" if str(row.path) in str(row.message) else f"{row.path}: "
        print(f"error: {where}{row.error_type}: {row.message}", file=sys.stderr)
    print(
        f"{len(result.analyzed)} analysed, {len(result.skipped)} already done, "
        f"{len(result.errors)} failed; tables in {result.out}"
    )
    return 0

"""One pass over an article: every table, sharing the work (segment once, VADER once a sentence)."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.article import Article, as_article
from analysis.errors import InputError
from analysis.files import atomic_write

TABLE_FORMATS = ("csv", "json", "parquet")


@dataclass
class AnalysisResult:
    """Every table for one article; all spans are offsets into ``article.text``."""

    article: Article
    readability: dict[str, float]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def to_json_dict(self) -> dict[str, object]:
        """Text, metadata, scores and tables: enough to check every offset against the text."""
        return {
            "text": self.article.text,
            "metadata": self.article.metadata(),
            "readability": self.readability,
            "tables": {
                name: json.loads(table.to_json(orient="records", force_ascii=False))
                for name, table in self.tables.items()
            },
        }


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for one analysis (as jedi pauses it while loading
    pickles, and a CPython pull request while building an AST). An analysis allocates tens of
    thousands of short-lived lists, tuples and dicts and makes no reference cycles (collections
    during the benchmark's runs freed nothing), yet every 700 new containers trip a collection
    that walks them and touches every object they refer to, lexicon and memo entries far apart
    in memory: about 0.4 collections a text, 5 % of the cycles a cache simulation estimates, and
    now and then a full collection of the whole heap (0.1-0.2 s) inside one article.

    The caller's state is restored: a collector that was off stays off, and of nested or
    threaded calls only the one that paused it restarts it. On the way out the call runs the
    young collection it put off (as the interpreter would on its next allocation), so that its
    cost is counted where it arose; full collections stay where the interpreter schedules them.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        young, middle, _ = gc.get_count()
        young_limit, middle_limit, _ = gc.get_threshold()
        if young > young_limit:
            gc.collect(1 if middle > middle_limit else 0)
        gc.enable()


def analyze(text_or_article: str | Article) -> AnalysisResult:
    """Structure, readability, sentence sentiment, actors, attributions and actor sentiment.

    The work is shared rather than repeated: the article is segmented once (``Article``
    caches its paragraphs and sentences), each sentence is scored by VADER once (the sentence
    and paragraph tables read the same memoised scores), readability counts each sentence once
    for the article, paragraph and sentence tables, and actor detection and attribution run once
    for the actor, mention, attribution and actor-sentiment tables (the mention, actor and
    attribution tables are handed on instead of being rebuilt). The cycle collector is paused
    meanwhile (:func:`collector_paused`).
    """
    with collector_paused():
        return _analyze(text_or_article)


def _analyze(text_or_article: str | Article) -> AnalysisResult:
    from analysis.actors import actor_table, detection, mention_table
    from analysis.attribution import find_attributions
    from analysis.portrayal import sentiment_table
    from analysis.readability import (
        readability_paragraphs,
        readability_scores,
        readability_sentences,
    )
    from analysis.sentiment import paragraph_sentiment, sentence_sentiment

    article = as_article(text_or_article)
    mention_rows, actor_rows = detection(article)
    mentions = mention_table(mention_rows)
    actors = actor_table(actor_rows)
    attributions = find_attributions(article, mentions=mention_rows)
    tables = {
        "structure": article.structure_table(),
        "readability_sentences": readability_sentences(article),
        "readability_paragraphs": readability_paragraphs(article),
        "sentences": sentence_sentiment(article),
        "paragraph_sentiment": paragraph_sentiment(article),
        "actors": actors,
        "mentions": mentions,
        "attributions": attributions,
        "actor_sentiment": sentiment_table(article, mention_rows, actor_rows, attributions),
    }
    return AnalysisResult(article, readability_scores(article), tables)


def _table_writer(table: pd.DataFrame, fmt: str) -> Callable[[str], None]:
    if fmt == "csv":
        return lambda p: table.to_csv(p, index=False)
    if fmt == "parquet":
        return lambda p: table.to_parquet(p, index=False)
    return lambda p: table.to_json(p, orient="records", force_ascii=False, indent=1)


def write_tables(
    result: AnalysisResult, out_dir: str | os.PathLike[str], fmt: str = "csv"
) -> list[Path]:
    """Write every table (and the metadata and readability scores) atomically into out_dir."""
    if fmt not in TABLE_FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(TABLE_FORMATS)}")
    out = Path(out_dir)
    written: list[Path] = []
    if fmt == "json":
        path = out / "analysis.json"
        payload = json.dumps(result.to_json_dict(), ensure_ascii=False, indent=1)
        atomic_write(path, lambda p: Path(p).write_text(payload + "\n", encoding="utf-8"))
        return [path]
    for name, table in result.tables.items():
        path = out / f"{name}.{fmt}"
        atomic_write(path, _table_writer(table, fmt))
        written.append(path)
    summary = {"metadata": result.article.metadata(), "readability": result.readability}
    path = out / "summary.json"
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    atomic_write(path, lambda p: Path(p).write_text(text + "\n", encoding="utf-8"))
    written.append(path)
    return written

"""Our rule-based sentence splitter against pysbd on the OneStopEnglish texts.

Both segment the same body paragraphs (the package's Article model: title lines such as
"Introduction" and trailing credits are excluded the same way for both). For every article we
record the internal sentence boundaries each one finds (offsets where a sentence ends inside a
paragraph; the paragraph end is shared by construction and left out), their agreement, and the
time each takes to split the whole article.

Run from the project root::

    .venv/bin/python benchmarks/segmenters.py [--repeat 5] [--show 20]

pysbd is a dev dependency only; the package never imports it.
"""

from __future__ import annotations

import argparse
import bisect
import statistics
import time
from pathlib import Path

import pandas as pd

from analysis.loading import load_article
from analysis.paths import shared_data_dir
from analysis.segment import split_sentences


def _ours(text: str, regions: list[tuple[int, int]]) -> set[int]:
    return {e for s, end in regions for _, e in split_sentences(text, s, end) if e < end}


def _pysbd_spans(segmenter, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """pysbd's segments located in order in text[start:end] (its own char_span can misplace
    repeated sentences), trimmed of white space like ours."""
    spans = []
    pos = start
    for piece in segmenter.segment(text[start:end]):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, pos, end)
        if found < 0:  # pysbd altered the text; skip rather than guess
            continue
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def _theirs(segmenter, text: str, regions: list[tuple[int, int]]) -> set[int]:
    return {e for s, end in regions for _, e in _pysbd_spans(segmenter, text, s, end) if e < end}


def _inside_quote(text: str, start: int, offset: int) -> bool:
    """Is offset inside a double quotation opened earlier in its paragraph?"""
    before = text[start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _best_time(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def _context(text: str, offset: int, width: int = 40) -> str:
    return (
        text[max(0, offset - width) : offset].replace("\n", " ")
        + " ‖ "
        + text[offset : offset + width].replace("\n", " ")
    )


def compare(shared_dir: Path, repeat: int = 5) -> tuple[pd.DataFrame, list[dict]]:
    """One row per article: boundaries found by each, agreed, and seconds per article."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    rows, disagreements = [], []
    for path in sorted((shared_dir / "onestopenglish").glob("*.txt")):
        article = load_article(path)
        text = article.text
        regions = [(p.start, p.end) for p in article.paragraphs]
        ours = _ours(text, regions)
        theirs = _theirs(segmenter, text, regions)
        both = ours & theirs
        starts = [s for s, _ in regions]
        quoted = {
            b
            for b in ours | theirs
            if _inside_quote(text, starts[bisect.bisect_right(starts, b) - 1], b)
        }
        rows.append(
            {
                "article": path.stem,
                "n_paragraphs": len(regions),
                "ours": len(ours),
                "pysbd": len(theirs),
                "agreed": len(both),
                "only_ours": len(ours - theirs),
                "only_pysbd": len(theirs - ours),
                "only_ours_in_quote": len((ours - theirs) & quoted),
                "only_pysbd_in_quote": len((theirs - ours) & quoted),
                "seconds_ours": _best_time(lambda t=text, r=regions: _ours(t, r), repeat),
                "seconds_pysbd": _best_time(
                    lambda t=text, r=regions: _theirs(segmenter, t, r), repeat
                ),
            }
        )
        for offset in sorted(ours ^ theirs):
            disagreements.append(
                {
                    "article": path.stem,
                    "split_by": "ours" if offset in ours else "pysbd",
                    "in_quote": offset in quoted,
                    "context": _context(text, offset),
                }
            )
    return pd.DataFrame(rows), disagreements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats (best is kept)")
    parser.add_argument("--show", type=int, default=30, help="disagreements to print")
    args = parser.parse_args()
    shared = shared_data_dir()
    if shared is None:
        raise SystemExit("../shared/data is absent: nothing to measure")
    table, disagreements = compare(shared, args.repeat)
    union = int(table["agreed"].sum() + table["only_ours"].sum() + table["only_pysbd"].sum())
    print(f"articles: {len(table)}, paragraphs: {table['n_paragraphs'].sum()}")
    print(
        f"internal boundaries: ours {table['ours'].sum()}, pysbd {table['pysbd'].sum()}, "
        f"agreed {table['agreed'].sum()} ({table['agreed'].sum() / union:.1%} of the union), "
        f"only ours {table['only_ours'].sum()}, only pysbd {table['only_pysbd'].sum()}"
    )
    unquoted = union - int(table["only_ours_in_quote"].sum() + table["only_pysbd_in_quote"].sum())
    print(
        f"disagreements inside a multi-sentence quotation: only ours "
        f"{table['only_ours_in_quote'].sum()}, only pysbd {table['only_pysbd_in_quote'].sum()}; "
        f"agreement outside them {table['agreed'].sum() / unquoted:.1%}"
    )
    print(
        f"articles with identical boundaries: "
        f"{int(((table['only_ours'] == 0) & (table['only_pysbd'] == 0)).sum())}/{len(table)}"
    )
    for name in ("ours", "pysbd"):
        col = table[f"seconds_{name}"] * 1000
        print(
            f"time per article, {name}: median {statistics.median(col):.2f} ms, "
            f"mean {col.mean():.2f} ms, max {col.max():.2f} ms"
        )
    ratio = (table["seconds_pysbd"] / table["seconds_ours"]).median()
    print(f"pysbd / ours (median): {ratio:.0f}x")
    # quote-internal disagreements are one policy difference; show the others first
    disagreements.sort(key=lambda row: row["in_quote"])
    for row in disagreements[: args.show]:
        where = "in quote" if row["in_quote"] else "        "
        print(f"[{row['split_by']:>5}] {where} {row['article']}: {row['context']}")


if __name__ == "__main__":
    main()

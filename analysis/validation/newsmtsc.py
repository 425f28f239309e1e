"""NewsMTSC (target-dependent sentiment in news): loading, the fixed dev split and scoring.

The split is fixed by a hash of the sentence text, so every target of a sentence (and every
duplicate of a sentence) lands on the same side; 15% of sentences form the dev split, which is
never used for training or tuning. Scores are macro-F1 over the three classes, accuracy and the
confusion matrix, reported separately for sentences with one target and with several.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.errors import InputError
from analysis.paths import shared_data_dir

LABELS = ("negative", "neutral", "positive")
POLARITY_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
DEV_PERCENT = 15
SPLIT_RULE = (
    "dev if int(sha256(sentence_normalized.encode('utf-8')).hexdigest()[:8], 16) % 100 < 15"
)
RELATIVE_PATH = Path("newsmtsc") / "train.jsonl"


class SharedDataMissing(InputError):
    """The ../shared reference data is absent (a user's clone): callers skip cleanly."""


@dataclass(frozen=True)
class Example:
    """One annotated target: the sentence, the mention span and the gold label."""

    gid: str
    sentence: str
    start: int
    end: int
    label: str
    n_targets: int  # number of annotated targets in the sentence


def data_path(shared: Path | None = None) -> Path:
    base = shared if shared is not None else shared_data_dir()
    if base is None or not (base / RELATIVE_PATH).is_file():
        raise SharedDataMissing("NewsMTSC is not available under ../shared/data/newsmtsc")
    return base / RELATIVE_PATH


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_dev(sentence: str) -> bool:
    """The fixed split (see SPLIT_RULE): True for the held-out dev part."""
    digest = hashlib.sha256(sentence.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < DEV_PERCENT


def parse_lines(lines: Iterable[str]) -> list[Example]:
    out: list[Example] = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        sentence = record["sentence_normalized"]
        targets = record["targets"]
        for t in targets:
            out.append(
                Example(
                    gid=record["primary_gid"],
                    sentence=sentence,
                    start=int(t["from"]),
                    end=int(t["to"]),
                    label=POLARITY_LABELS[float(t["polarity"])],
                    n_targets=len(targets),
                )
            )
    return out


@cache
def _load(path: Path) -> tuple[Example, ...]:
    with path.open(encoding="utf-8") as handle:
        return tuple(parse_lines(handle))


def load_examples(shared: Path | None = None) -> tuple[Example, ...]:
    """Every annotated target of NewsMTSC train.jsonl, in file order."""
    return _load(data_path(shared))


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """(train part, dev part) under the fixed sentence-hash split."""
    train = [ex for ex in examples if not is_dev(ex.sentence)]
    dev = [ex for ex in examples if is_dev(ex.sentence)]
    return train, dev


def confusion(gold: Sequence[str], pred: Sequence[str]) -> list[list[int]]:
    """3×3 counts, rows = gold, columns = predicted, in LABELS order."""
    index = {label: i for i, label in enumerate(LABELS)}
    matrix = [[0] * 3 for _ in LABELS]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def macro_f1(matrix: Sequence[Sequence[int]]) -> float:
    f1s = []
    for i in range(3):
        tp = matrix[i][i]
        predicted = sum(matrix[r][i] for r in range(3))
        actual = sum(matrix[i])
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(f1s) / 3


def score(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    """Macro-F1, accuracy, n and the confusion matrix of one set of predictions."""
    matrix = confusion(gold, pred)
    n = len(gold)
    correct = sum(matrix[i][i] for i in range(3))
    return {
        "macro_f1": round(macro_f1(matrix), 4),
        "accuracy": round(correct / n, 4) if n else 0.0,
        "n": n,
        "confusion": matrix,
    }


def evaluate(
    examples: Sequence[Example], predict: Callable[[Sequence[Example]], list[str]]
) -> dict[str, dict[str, object]]:
    """Scores for all targets, single-target sentences and multi-target sentences."""
    pred = predict(examples)
    gold = [ex.label for ex in examples]
    out = {"all": score(gold, pred)}
    for name, keep in (
        ("single", lambda ex: ex.n_targets == 1),
        ("multi", lambda ex: ex.n_targets > 1),
    ):
        idx = [i for i, ex in enumerate(examples) if keep(ex)]
        out[name] = score([gold[i] for i in idx], [pred[i] for i in idx])
    return out


def vader_label(compound: float, threshold: float = 0.05) -> str:
    if compound >= threshold:
        return "positive"
    if compound <= -threshold:
        return "negative"
    return "neutral"


def predict_vader_sentence(examples: Sequence[Example]) -> list[str]:
    """Baseline: sentence-level VADER compound, usual ±0.05 thresholds; ignores the target."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    cache_: dict[str, str] = {}
    out = []
    for ex in examples:
        if ex.sentence not in cache_:
            cache_[ex.sentence] = vader_label(analyser.polarity_scores(ex.sentence)["compound"])
        out.append(cache_[ex.sentence])
    return out


def predict_rules(examples: Sequence[Example]) -> list[str]:
    """The rules-only scope scorer (no trained weights)."""
    from analysis.targeted import rule_sentiment

    return [rule_sentiment(ex.sentence, ex.start, ex.end).label for ex in examples]


def predict_model(examples: Sequence[Example]) -> list[str]:
    """The shipped trained model, through the public API."""
    from analysis.targeted import target_sentiment

    return [target_sentiment(ex.sentence, ex.start, ex.end).label for ex in examples]


def dev_report(shared: Path | None = None) -> dict[str, dict[str, dict[str, object]]]:
    """Dev-split scores of the VADER baseline, the rules-only scorer and the trained model."""
    _, dev = split(load_examples(shared))
    return {
        "vader_sentence": evaluate(dev, predict_vader_sentence),
        "rules": evaluate(dev, predict_rules),
        "model": evaluate(dev, predict_model),
    }

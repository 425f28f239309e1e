"""Sentiment of a text toward one mention (target-dependent), not of the whole sentence.

Sentence-level VADER gives every actor in "The minister praised the rebels but condemned the
government's brutal crackdown" the same −0.87. Here the sentence around the mention is parsed
once (:mod:`analysis.target_features`: VADER valences with negation and boosters, clauses,
contrast, quotes, reported speech) and the evidence is weighed by where it sits relative to the
mention. Two scorers share that parse:

- :func:`rule_sentiment`: hand-set weights (same clause counts fully, across "but" a quarter;
  "criticised X", "X was praised", "X's failure" count double; what X is reported to say counts
  little, being X's view of others).
- :func:`target_sentiment`: a linear model (NBSVM or multinomial logistic regression, chosen by
  cross-validation) over the same scope features and nearby words, trained on NewsMTSC by
  ``scripts/train_target_sentiment.py``; inference is plain numpy over the shipped JSON weights.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from analysis.article import Article
from analysis.errors import AnalysisError, InputError
from analysis.paths import PACKAGE_DATA_DIR
from analysis.segment import split_sentences
from analysis.target_features import SentenceParse, features, parse_sentence, target_tokens

LABELS = ("negative", "neutral", "positive")
MODEL_PATH = PACKAGE_DATA_DIR / "target_sentiment_model.json"

# Rules-only weights (set by hand from the method, not fitted); see rule_score.
ROLE_WEIGHT = 2.0  # object of an evaluative word, possessive, passive/predicate
AGENT_WEIGHT = 0.5  # "X criticised ..." says more about the criticised than about X
ACROSS_CONTRAST = 0.25  # evidence on the other side of "but", "although", "despite"
SAID_WEIGHT = 0.2  # what X is reported to say is X's view of others
RULE_ALPHA = 15.0  # VADER's normalisation constant
RULE_THRESHOLD = 0.05  # VADER's usual neutral band
CONTRAST_ROLE_WEIGHT = 4.0  # model: logit shift per unit of role valence (valence / 4)


@dataclass(frozen=True)
class TargetSentiment:
    """Sentiment toward one mention.

    ``score`` is P(positive) − P(negative) in [−1, 1]; ``probabilities`` maps each label to its
    probability; ``evidence`` lists the evaluative words the decision leaned on, strongest first.
    """

    label: str
    score: float
    probabilities: dict[str, float]
    evidence: tuple[str, ...] = ()
    start: int = 0
    end: int = 0


def _text_of(text: str | Article) -> str:
    if isinstance(text, Article):
        return text.text
    if not isinstance(text, str):
        raise InputError(f"expected text (str) or an Article, got {type(text).__name__}")
    return text


def _check_span(text: str, start: object, end: object) -> tuple[int, int]:
    if isinstance(start, bool) or isinstance(end, bool):
        raise InputError("mention offsets must be integers, not booleans")
    if not isinstance(start, (int, np.integer)) or not isinstance(end, (int, np.integer)):
        raise InputError(f"mention offsets must be integers, got {start!r}, {end!r}")
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"invalid mention span [{start}, {end}) for a text of {len(text)} characters"
        )
    if not text[start:end].strip():
        raise InputError(f"the mention [{start}, {end}) is blank")
    return start, end


class _Segmenter:
    """Finds and parses the sentence around each mention, once per line and once per sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._parses: dict[tuple[int, int], SentenceParse] = {}

    def sentence(self, start: int, end: int) -> SentenceParse:
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        key = (line_start, line_end)
        spans = self._lines.get(key)
        if spans is None:
            spans = self._lines[key] = split_sentences(text, line_start, line_end)
        s_start, s_end = start, end
        for s, e in spans:
            if e > start and s < end:
                s_start, s_end = min(s_start, s), max(s_end, e)
        bounds = (s_start, s_end)
        parse = self._parses.get(bounds)
        if parse is None:
            parse = self._parses[bounds] = parse_sentence(text[s_start:s_end], s_start)
        return parse


def model_from_json(raw: dict) -> dict:
    """Index a model JSON document (as written by scripts/train_target_sentiment.py)."""
    return {
        "index": {name: i for i, name in enumerate(raw["features"])},
        "weights": np.asarray(raw["weights"], dtype=float),
        "intercept": np.asarray(raw["intercept"], dtype=float),
        "labels": tuple(raw["labels"]),
        "raw": raw,
    }


@cache
def load_model(path: Path = MODEL_PATH) -> dict:
    """The shipped model: feature index, weight matrix (features × 3) and intercepts."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AnalysisError(f"target-sentiment model missing at {path}: run `make model`") from exc
    return model_from_json(raw)


def _evidence(parse: SentenceParse, start: int, end: int, limit: int = 3) -> tuple[str, ...]:
    """Evaluative words in the mention's contrast segment, nearest first."""
    a, b = target_tokens(parse, start, end)
    n = len(parse.lower)
    if not n:
        return ()
    seg = parse.segment[min(a, n - 1)]
    found = [
        (min(abs(i - a), abs(i - b + 1)), parse.lower[i])
        for i in range(n)
        if parse.valence[i] and parse.segment[i] == seg and not a <= i < b
    ]
    return tuple(word for _, word in sorted(found)[:limit])


def predict_parsed(
    parse: SentenceParse, start: int, end: int, model: dict | None = None
) -> TargetSentiment:
    """Model prediction for a mention (absolute offsets) in an already parsed sentence."""
    model = model if model is not None else load_model()
    rel_start, rel_end = start - parse.offset, end - parse.offset
    feats = features(parse, rel_start, rel_end)
    index = model["index"]
    rows = []
    values = []
    for name, value in feats.items():
        row = index.get(name)
        if row is not None:
            rows.append(row)
            values.append(value)
    logits = model["intercept"] + np.asarray(values) @ model["weights"][rows]
    # Scope rule on top of the fitted weights: an evaluation bound to the target by grammar
    # that opposes the evaluation across a contrast word decides which side the target is on.
    # NewsMTSC has too few such sentences (<1%) for the regression to learn it.
    role = feats.get("d:contrast_role", 0.0)
    if role:
        logits = logits + CONTRAST_ROLE_WEIGHT * role * np.array([-1.0, 0.0, 1.0])
    logits = logits - logits.max()
    probs = np.exp(logits)
    probs /= probs.sum()
    labels = model["labels"]
    best = int(np.argmax(probs))
    prob = {label: float(p) for label, p in zip(labels, probs, strict=True)}
    return TargetSentiment(
        label=labels[best],
        score=min(1.0, max(-1.0, prob["positive"] - prob["negative"])),
        probabilities=prob,
        evidence=_evidence(parse, rel_start, rel_end),
        start=start,
        end=end,
    )


def target_sentiment(text: str | Article, start: int, end: int) -> TargetSentiment:
    """Sentiment of ``text`` toward the mention at [start, end) (offsets into the text).

    ``text`` may be a single sentence or a whole article: only the sentence around the mention
    is read. Raises InputError for offsets outside the text or a blank mention.
    """
    text = _text_of(text)
    start, end = _check_span(text, start, end)
    return predict_parsed(_Segmenter(text).sentence(start, end), start, end)


def target_sentiments(
    text: str | Article, spans: Iterable[tuple[int, int]]
) -> list[TargetSentiment]:
    """:func:`target_sentiment` for many mentions of one text, segmenting and parsing once."""
    text = _text_of(text)
    checked = [_check_span(text, s, e) for s, e in spans]
    segmenter = _Segmenter(text)
    return [predict_parsed(segmenter.sentence(s, e), s, e) for s, e in checked]


def rule_score(parse: SentenceParse, start: int, end: int) -> tuple[float, tuple[str, ...]]:
    """Hand-weighted scope score in [−1, 1] for a mention (offsets relative to the sentence)."""
    f = features(parse, start, end)
    total = 0.0
    for name, value in f.items():
        if not name.startswith("d:"):
            continue
        key = name[2:]
        if key.startswith(("seg_", "own")):
            total += value
        elif key.startswith("other_"):
            total += ACROSS_CONTRAST * value
        elif key.startswith("said_"):
            total += SAID_WEIGHT * value
        elif key in ("object_of", "possessive", "passive") or key.startswith("prep_"):
            # already counted once in seg_ (distance-weighted); this adds the role bonus
            total += (ROLE_WEIGHT - 1.0) * value
        elif key == "agent_of":
            total += (AGENT_WEIGHT - 1.0) * value
    raw = 4.0 * total  # back to VADER's scale
    return raw / math.sqrt(raw * raw + RULE_ALPHA), _evidence(parse, start, end)


def rule_sentiment(
    text: str | Article, start: int, end: int, threshold: float = RULE_THRESHOLD
) -> TargetSentiment:
    """The rules-only scorer (no trained weights): scope-weighted VADER toward the mention.

    Its probabilities are a simple reading of the score (|score| split between the two poles),
    not calibrated ones.
    """
    text = _text_of(text)
    start, end = _check_span(text, start, end)
    parse = _Segmenter(text).sentence(start, end)
    score, evidence = rule_score(parse, start - parse.offset, end - parse.offset)
    label = "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"
    prob = {
        "negative": max(-score, 0.0),
        "neutral": 1.0 - abs(score),
        "positive": max(score, 0.0),
    }
    return TargetSentiment(label, score, prob, evidence, start, end)

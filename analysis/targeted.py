"""Sentiment of a text toward one mention (target-dependent), not of the whole sentence.

Sentence-level VADER gives every actor in "The minister praised the rebels but condemned the
government's brutal crackdown" the same −0.87. Here the sentence around the mention is parsed
once (:mod:`analysis.target_features`: VADER valences with negation and boosters, clauses,
contrast, quotes, reported speech) and the evidence is weighed by where it sits relative to the
mention. Two scorers share that parse:

- :func:`rule_sentiment`: hand-set weights (same clause counts fully, across "but" a quarter;
  "criticised X", "X was praised", "X's failure" count double; what X is reported to say counts
  little, being X's view of others).
- :func:`target_sentiment`: a linear model (NBSVM, chosen by cross-validation) over the same
  scope features, nearby words and word-vector views of the context (static vectors distilled
  from all-MiniLM-L6-v2), trained on NewsMTSC by ``scripts/train_target_sentiment.py``;
  inference is plain numpy over the shipped weights and vectors, batched per text.
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
from analysis.target_features import (
    VECTORS_PATH,
    SentenceParse,
    features,
    parse_sentence,
    scope,
    target_tokens,
    word_vectors,
)

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
    """Index a model JSON document (as written by scripts/train_target_sentiment.py).

    Two precomputations make a batch cheap: the word-vector weights are folded into the
    vectors (``view_logits[v, row]`` is the logit contribution of word ``row`` in view ``v``),
    and each word's bag-feature columns (w:, nw:, s:) are looked up once. Row −1 of
    ``weights`` and of each view is zero, the slot of unknown features and words.
    """
    vectors = word_vectors(VECTORS_PATH.parent / raw["vectors"]["file"])[1]
    n_views, dims = len(raw["vectors"]["views"]), raw["vectors"]["dims"]
    vector_weights = np.asarray(raw["vector_weights"], dtype=float).reshape(n_views, dims, -1)
    view_logits = np.einsum("rd,vdc->vrc", vectors.astype(float), vector_weights)
    weights = np.asarray(raw["weights"], dtype=float)
    index = {name: i for i, name in enumerate(raw["features"])}
    words = {name[2:] for name in index if name[:2] in ("w:", "s:")}
    words |= {name[3:] for name in index if name.startswith("nw:")}
    bag_cols = {
        w: (index.get("w:" + w, -1), index.get("nw:" + w, -1), index.get("s:" + w, -1))
        for w in words
    }
    return {
        "index": index,
        "weights": np.vstack([weights, np.zeros((1, weights.shape[1]))]),
        "intercept": np.asarray(raw["intercept"], dtype=float),
        "view_logits": np.concatenate(
            [view_logits, np.zeros((n_views, 1, view_logits.shape[2]))], axis=1
        ),
        "bag_cols": bag_cols,
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


def _evidence(parse: SentenceParse, a: int, b: int, limit: int = 3) -> tuple[str, ...]:
    """Evaluative words in the mention's contrast segment (token range [a, b)), nearest first."""
    n = len(parse.lower)
    if not n:
        return ()
    seg, segment = parse.segment[min(a, n - 1)], parse.segment
    found = [
        (min(abs(i - a), abs(i - b + 1)), parse.lower[i])
        for i in parse.valenced
        if segment[i] == seg and not a <= i < b
    ]
    return tuple(word for _, word in sorted(found)[:limit])


def _prefix(values: np.ndarray) -> np.ndarray:
    """Cumulative sums along axis 0 with a leading zero: sum of [lo, hi) is P[hi] − P[lo]."""
    out = np.zeros((values.shape[0] + 1, *values.shape[1:]))
    np.cumsum(values, axis=0, out=out[1:])
    return out


def predict_batch(
    items: list[tuple[SentenceParse, int, int]], model: dict | None = None
) -> list[TargetSentiment]:
    """Model predictions for mentions (parse, absolute start, absolute end), vectorised.

    Each sentence's tokens are looked up once; the bags of words and the word-vector views of
    every mention are token ranges, summed with prefix sums over the batch's tokens. Only the
    few scope and neighbour features are a dictionary per mention. Gives the same logits as the
    feature dictionaries of the training script (tests check it).
    """
    model = model if model is not None else load_model()
    if not items:
        return []
    index, bag_cols = model["index"], model["bag_cols"]
    none = (-1, -1, -1)
    base: dict[int, int] = {}
    w_col: list[int] = []
    nw_col: list[int] = []
    s_col: list[int] = []
    vec_rows: list[int] = []
    valence: list[float] = []
    for parse, _, _ in items:
        if id(parse) in base:
            continue
        base[id(parse)] = len(w_col)
        cols = [bag_cols.get(tok, none) for tok in parse.lower]
        w_col += [c[0] for c in cols]
        nw_col += [c[1] if neg else -1 for c, neg in zip(cols, parse.negated, strict=True)]
        s_col += [c[2] for c in cols]
        vec_rows += parse.vec_row
        valence += parse.valence
    weights = model["weights"]
    bag_sum = _prefix(weights[w_col] + weights[nw_col])
    seg_sum = _prefix(weights[s_col])
    rows_arr = np.asarray(vec_rows, dtype=np.intp)
    token_views = model["view_logits"][:, rows_arr].transpose(1, 0, 2)  # tokens × views × 3
    view_sum = _prefix(token_views[:, :-1])
    valence_sum = _prefix(token_views[:, -1] * (np.asarray(valence) / 4.0)[:, None])
    has_sum = _prefix((rows_arr >= 0).astype(float))

    n = len(items)
    rows: list[int] = []
    cols_: list[int] = []
    values: list[float] = []
    roles = np.zeros(n)
    spans: list[tuple[int, int]] = []
    bounds: list[tuple[int, ...]] = []  # token ranges in the batch's token arrays
    for m, (parse, start, end) in enumerate(items):
        rel_start, rel_end = start - parse.offset, end - parse.offset
        sc = scope(parse, rel_start, rel_end)
        feats = features(parse, rel_start, rel_end, sc)
        cols_ += [index.get(name, -1) for name in feats]
        values += feats.values()
        rows += [m] * len(feats)
        roles[m] = feats.get("d:contrast_role", 0.0)
        spans.append((sc.a, sc.b))
        o = base[id(parse)]
        ends = (0, sc.n, sc.a, sc.b, sc.seg_lo, sc.seg_hi, sc.said_lo, sc.said_hi)
        bounds.append(tuple(o + k for k in ends))
    # sentence [s0, s1), target [a, b), segment [g0, g1), what the target says [q0, q1)
    s0, s1, a, b, g0, g1, q0, q1 = np.asarray(bounds, dtype=np.intp).T
    col = np.asarray(cols_, dtype=np.intp)
    logits = np.repeat(model["intercept"][None, :], n, axis=0)
    contrib = np.asarray(values)[:, None] * weights[col]
    owner = np.asarray(rows, dtype=np.intp)
    for c in range(logits.shape[1]):
        logits[:, c] += np.bincount(owner, weights=contrib[:, c], minlength=n)
    logits += bag_sum[s1] - bag_sum[s0] - (bag_sum[b] - bag_sum[a])
    logits += seg_sum[g1] - seg_sum[g0] - (seg_sum[b] - seg_sum[a])
    logits -= seg_sum[q1] - seg_sum[q0]
    # views in VECTOR_VIEWS order: L, R, S (segment), A (sentence), T (target) are means;
    # V (valence-weighted segment) is a sum
    view_bounds = (
        ((np.maximum(s0, a - 3), a),),
        ((b, np.minimum(s1, b + 3)),),
        ((g0, a), (b, g1)),
        ((s0, a), (b, s1)),
        ((a, b),),
    )
    for v, ranges in enumerate(view_bounds):
        total = sum(view_sum[hi, v] - view_sum[lo, v] for lo, hi in ranges)
        count = sum(has_sum[hi] - has_sum[lo] for lo, hi in ranges)
        logits += total / np.maximum(count, 1.0)[:, None]
    logits += valence_sum[a] - valence_sum[g0] + valence_sum[g1] - valence_sum[b]
    # Scope rule on top of the fitted weights: an evaluation bound to the target by grammar
    # that opposes the evaluation across a contrast word decides which side the target is on.
    # NewsMTSC has too few such sentences (<1%) for the regression to learn it.
    logits += CONTRAST_ROLE_WEIGHT * roles[:, None] * np.array([-1.0, 0.0, 1.0])
    logits -= logits.max(1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(1, keepdims=True)
    labels = model["labels"]
    best = probs.argmax(1).tolist()
    out = []
    for m, (parse, start, end) in enumerate(items):
        prob = dict(zip(labels, probs[m].tolist(), strict=True))
        out.append(
            TargetSentiment(
                label=labels[best[m]],
                score=min(1.0, max(-1.0, prob["positive"] - prob["negative"])),
                probabilities=prob,
                evidence=_evidence(parse, *spans[m]),
                start=start,
                end=end,
            )
        )
    return out


def predict_parsed(
    parse: SentenceParse, start: int, end: int, model: dict | None = None
) -> TargetSentiment:
    """Model prediction for a mention (absolute offsets) in an already parsed sentence."""
    return predict_batch([(parse, start, end)], model)[0]


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
    return predict_batch([(segmenter.sentence(s, e), s, e) for s, e in checked])


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
    return raw / math.sqrt(raw * raw + RULE_ALPHA), _evidence(
        parse, *target_tokens(parse, start, end)
    )


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

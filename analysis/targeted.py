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
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from struct import pack as _pack

import numpy as np

from analysis.article import Article
from analysis.errors import AnalysisError, InputError
from analysis.paths import PACKAGE_DATA_DIR
from analysis.segment import split_sentences
from analysis.target_features import (
    VECTORS_PATH,
    Scope,
    SentenceParse,
    feature_columns,
    feature_ids,
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
    if (
        type(start) is int
        and type(end) is int
        and 0 <= start < end <= len(text)
        and not text[start:end].isspace()
    ):
        return start, end  # the usual case, checked in one test
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
        self._lines: dict[tuple[int, int], tuple[list[int], list[tuple[int, int]]]] = {}
        self._parses: dict[tuple[int, int], SentenceParse] = {}
        # the last sentence found whole around a mention: mentions come in text order, and the
        # next one often lies in the same sentence
        self._last: tuple[int, int, SentenceParse | None] = (0, -1, None)

    def sentence(self, start: int, end: int) -> SentenceParse:
        last_start, last_end, parse = self._last
        if last_start <= start and end <= last_end:
            return parse  # type: ignore[return-value]
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        key = (line_start, line_end)
        line = self._lines.get(key)
        if line is None:
            spans = split_sentences(text, line_start, line_end)
            line = self._lines[key] = ([e for _, e in spans], spans)
        ends, spans = line
        s_start, s_end = start, end
        # the sentences overlapping the mention (spans are sorted and disjoint)
        first = bisect_right(ends, start)
        for i in range(first, len(spans)):
            s, e = spans[i]
            if s >= end:
                break
            if s < s_start:
                s_start = s
            if e > s_end:
                s_end = e
        bounds = (s_start, s_end)
        parse = self._parses.get(bounds)
        if parse is None:
            parse = self._parses[bounds] = parse_sentence(text[s_start:s_end], s_start)
        if first < len(spans) and spans[first] == bounds:  # one sentence holds the mention
            self._last = (s_start, s_end, parse)
        return parse


def model_from_json(raw: dict) -> dict:
    """Index a model JSON document (as written by scripts/train_target_sentiment.py).

    Precomputations make a batch a few gathers: the word-vector weights are folded into the
    vectors (``view_logits[row]`` holds word ``row``'s logit contribution in each view, views
    × 3 flattened), and each word's bag-feature weight rows (w:, nw:, s:) are gathered once into
    ``bag_weights`` (row ``bag_ids[word]``). The last row of ``weights``, ``view_logits`` and
    ``bag_weights`` is zero, the slot of unknown features and words.

    A parse carries each word's vector row, so the bag row of a word with a vector is a gather
    from that row (``bag_of_row``, −1 for none), and so is everything a batch sums over a
    token (``token_rows``: bag and segment weights, view logits, 1 for having a vector; the
    last row for tokens without one). Only bag words without a vector (none in the shipped
    model) are looked up by name (``unvectored``).
    """
    vocabulary, vectors = word_vectors(VECTORS_PATH.parent / raw["vectors"]["file"])
    n_views, dims = len(raw["vectors"]["views"]), raw["vectors"]["dims"]
    vector_weights = np.asarray(raw["vector_weights"], dtype=float).reshape(n_views, dims, -1)
    view_logits = np.einsum("rd,vdc->rvc", vectors.astype(float), vector_weights)
    view_logits = view_logits.reshape(len(vectors), -1)
    weights = np.asarray(raw["weights"], dtype=float)
    weights = np.vstack([weights, np.zeros((1, weights.shape[1]))])
    index = {name: i for i, name in enumerate(raw["features"])}
    words = {name[2:] for name in index if name[:2] in ("w:", "s:")}
    words |= {name[3:] for name in index if name.startswith("nw:")}
    words = sorted(words)
    cols = np.array(
        [[index.get(p + w, -1) for p in ("w:", "nw:", "s:")] for w in words] + [[-1, -1, -1]],
        dtype=np.intp,
    )
    bag_of_row = np.full(len(vectors) + 1, -1, dtype=np.intp)  # the last: tokens without one
    unvectored = {}
    for i, word in enumerate(words):
        row = vocabulary.get(word)
        if row is None or not word[:1].isalnum():  # a parse gives vector rows to words only
            unvectored[word] = i
        else:
            bag_of_row[row] = i
    bag_weights = weights[cols].reshape(len(cols), -1)  # w:, nw:, s: rows side by side
    view_logits = np.vstack([view_logits, np.zeros((1, view_logits.shape[1]))])
    token_rows = np.zeros((len(view_logits), _HAS + 1))
    token_rows[:, _BAG] = bag_weights[bag_of_row, 0:3]
    token_rows[:, _SEG] = bag_weights[bag_of_row, 6:9]
    token_rows[:, _VIEWS] = view_logits[:, :15]
    token_rows[:-1, _HAS] = 1.0
    return {
        "index": index,
        "feature_ids": feature_ids(index),
        "weights": weights,
        "intercept": np.asarray(raw["intercept"], dtype=float),
        "view_logits": view_logits,
        "bag_ids": {w: i for i, w in enumerate(words)},
        "bag_of_row": bag_of_row,
        "unvectored": unvectored,
        "bag_weights": bag_weights,
        "token_rows": token_rows,
        "labels": tuple(raw["labels"]),
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
    if not parse.valenced:
        return ()
    segment, lower = parse.segment, parse.lower
    seg = segment[min(a, len(lower) - 1)]
    # distance to the nearer end of the target (an empty target [a, a) sits at a)
    near_left, near_right = min(a, b - 1), max(a, b - 1)
    found = [
        (near_left - i if i < a else i - near_right, lower[i])
        for i in parse.valenced
        if (i < a or i >= b) and segment[i] == seg
    ]
    if len(found) > 1:
        found.sort()
    return tuple(word for _, word in found[:limit])


# Columns of the per-token matrix that predict_batch sums over token ranges.
_BAG, _SEG, _VIEWS, _VALENCE, _HAS = slice(0, 3), slice(3, 6), slice(6, 21), slice(21, 24), 24
_CONTRAST_SHIFT = CONTRAST_ROLE_WEIGHT * np.array([-1.0, 0.0, 1.0])
# The parts of a mention that predict_batch sums over token ranges, each the prefix sum at its
# upper end minus that at its lower: target, sentence, segment, what the target says, three
# words left of the target, three right.
_PARTS = 6
_VIEW_PARTS = np.array([4, 5, 2, 1, 0])  # the parts of views L, R, S, A, T
_VIEW_COLUMNS = 6 + 3 * np.arange(len(_VIEW_PARTS))[:, None] + np.arange(3)  # their logits
_VIEW_PART_ROWS = _VIEW_PARTS[:, None]  # broadcast against _VIEW_COLUMNS


def predict_batch(
    items: list[tuple[SentenceParse, int, int]], model: dict | None = None
) -> list[TargetSentiment]:
    """Model predictions for mentions (parse, absolute start, absolute end), vectorised.

    Each sentence's tokens are looked up once, in one gather for the whole batch; the bags of
    words and the word-vector views of every mention are token ranges, summed with one prefix
    sum over the batch's tokens. Only the few scope and neighbour features are listed per
    mention, as model columns (:func:`feature_columns`, no names built). Gives the same logits as
    the feature dictionaries of the training script (tests check it).
    """
    model = model if model is not None else load_model()
    if not items:
        return []
    probs, scopes = _probabilities(items, model)
    labels = model["labels"]
    neg_i, pos_i = labels.index("negative"), labels.index("positive")
    best = probs.argmax(1).tolist()
    out = []
    for (parse, start, end), p, k, sc in zip(items, probs.tolist(), best, scopes, strict=True):
        # built without the frozen dataclass's __init__ (one object.__setattr__ per field)
        result = object.__new__(TargetSentiment)
        result.__dict__.update(
            label=labels[k],
            score=min(1.0, max(-1.0, p[pos_i] - p[neg_i])),
            probabilities=dict(zip(labels, p, strict=True)),
            evidence=_evidence(parse, sc.a, sc.b),
            start=start,
            end=end,
        )
        out.append(result)
    return out


def _predict_scores(
    items: list[tuple[SentenceParse, int, int]], model: dict | None = None
) -> list[tuple[float, str]]:
    """(score, label) of :func:`predict_batch`'s results, the same numbers, without the
    evidence, probability dictionaries and result objects a summary table does not read."""
    model = model if model is not None else load_model()
    if not items:
        return []
    probs = _probabilities(items, model)[0]
    labels = model["labels"]
    neg_i, pos_i = labels.index("negative"), labels.index("positive")
    best = probs.argmax(1).tolist()
    out = []
    # the difference of the two Python floats is numpy's float64 subtraction, without the
    # two column copies and the array it would take
    for p, k in zip(probs.tolist(), best, strict=True):
        x = p[pos_i] - p[neg_i]
        out.append((x if -1.0 < x < 1.0 else 1.0 if x >= 1.0 else -1.0, labels[k]))  # NaN: −1
    return out


def _intp_array(values: list[int]) -> np.ndarray:
    """A read-only intp array of Python ints packed by struct: half the instructions of
    ``np.fromiter`` or ``np.array``, which convert each element through NumPy's generic
    setters (a batch converts a few thousand)."""
    return np.frombuffer(_pack(f"{len(values)}n", *values), dtype=np.intp)


def _float_array(values: list[float]) -> np.ndarray:
    """:func:`_intp_array` for floats (the same doubles)."""
    return np.frombuffer(_pack(f"{len(values)}d", *values), dtype=float)


def _probabilities(
    items: list[tuple[SentenceParse, int, int]], model: dict
) -> tuple[np.ndarray, list[Scope]]:
    """The label probabilities (mentions × labels) of a non-empty batch, and each scope.

    The batch's token rows are gathered straight into the block of their prefix sums and
    summed there in place: one token-sized block instead of two, as each block is fresh
    memory, every cache line of it a miss."""
    ids = model["feature_ids"]
    base: dict[int, int] = {}
    parses: list[SentenceParse] = []
    vec_rows: list[int] = []
    valenced: list[int] = []  # batch indices of the tokens with a valence
    valence: list[float] = []
    negated: list[int] = []  # batch indices of negated tokens (only valenced words are)
    for parse, _, _ in items:
        if id(parse) not in base:
            o = base[id(parse)] = len(vec_rows)
            parses.append(parse)
            vec_rows += parse.vec_row
            for i in parse.valenced:
                valenced.append(o + i)
                valence.append(parse.valence[i])
                if parse.negated[i]:
                    negated.append(o + i)
    rows_arr = _intp_array(vec_rows)
    token_rows = model["token_rows"]
    # the prefix sums with a leading zero row, the tokens' rows gathered into
    # the rest ("wrap" takes −1, a token without a vector, as the last row, and needs no
    # buffer for ``out``)
    cum = np.empty((len(vec_rows) + 1, token_rows.shape[1]))
    cum[0] = 0.0
    per_token = cum[1:]
    token_rows.take(rows_arr, axis=0, out=per_token, mode="wrap")
    unvectored = model["unvectored"]
    if unvectored or negated:
        bag_ids = model["bag_of_row"].take(rows_arr)
        bag_weights = model["bag_weights"]
        if unvectored:
            tokens = [tok for parse in parses for tok in parse.lower]
            for k in np.flatnonzero(rows_arr < 0).tolist():
                i = bag_ids[k] = unvectored.get(tokens[k], -1)
                per_token[k, _BAG] = bag_weights[i, 0:3]
                per_token[k, _SEG] = bag_weights[i, 6:9]
        if negated:
            at_negated = _intp_array(negated)
            per_token[at_negated, _BAG] += bag_weights[bag_ids[at_negated], 3:6]
    if valenced:
        # index lists packed once (numpy converts a list element by element at each use)
        at_valenced = _intp_array(valenced)
        weighted = model["view_logits"][rows_arr[at_valenced], 15:18]
        per_token[at_valenced, _VALENCE] = weighted * (_float_array(valence) / 4.0)[:, None]
    np.add.accumulate(per_token, axis=0, out=per_token)  # in place: row k adds row k − 1

    cols: list[int] = []
    values: list[float] = []
    firsts: list[int] = []  # each mention's first entry in cols (every mention has "bias")
    roles: list[float] = []
    scopes: list[Scope] = []
    # each mention's parts: target, sentence, segment, what the target says, three words left,
    # three right; the batch offsets of their upper ends and of their lower ends
    upper: list[int] = []
    lower: list[int] = []
    for parse, start, end in items:
        sc = scope(parse, start - parse.offset, end - parse.offset)
        firsts.append(len(cols))
        roles.append(feature_columns(parse, sc, ids, cols, values))
        scopes.append(sc)
        a, b, n, g0, g1, q0, q1 = sc[:7]
        o = base[id(parse)]
        oa, ob = o + a, o + b
        upper += (ob, o + n, o + g1, o + q1, oa, ob + 3 if b + 3 < n else o + n)
        lower += (oa, o, o + g0, o + q0, oa - 3 if a > 3 else o, ob)
    # one gather of the prefix sums: (upper, lower) × mentions × parts × per-token columns; the
    # differences are written over the upper ends (a half of its own, so numpy sees no overlap
    # and copies nothing first)
    at = cum.take(_intp_array(upper + lower), axis=0).reshape(2, len(items), _PARTS, -1)
    parts = at[0]
    parts -= at[1]
    parts[:, 1:3] -= parts[:, :1]  # the sentence and the segment outside the target
    col = _intp_array(cols)
    contrib = model["weights"].take(col, axis=0)  # fresh: scaled in place
    contrib *= _float_array(values)[:, None]
    logits = model["intercept"] + np.add.reduceat(contrib, _intp_array(firsts), axis=0)
    logits += parts[:, 1, _BAG] + parts[:, 2, _SEG] - parts[:, 3, _SEG]
    # views in VECTOR_VIEWS order: L, R, S (segment), A (sentence), T (target) are means;
    # V (valence-weighted segment) is a sum
    counts = parts[:, _VIEW_PARTS, _HAS]
    means = parts[:, _VIEW_PART_ROWS, _VIEW_COLUMNS] / np.maximum(counts, 1.0)[:, :, None]
    for v in range(len(_VIEW_PARTS)):
        logits += means[:, v]
    logits += parts[:, 2, _VALENCE]
    # Scope rule on top of the fitted weights: an evaluation bound to the target by grammar
    # that opposes the evaluation across a contrast word decides which side the target is on.
    # NewsMTSC has too few such sentences (<1%) for the regression to learn it.
    logits += _float_array(roles)[:, None] * _CONTRAST_SHIFT
    # the ufunc reductions that ndarray.max and .sum call, without their Python wrappers
    logits -= np.maximum.reduce(logits, axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= np.add.reduce(probs, axis=1, keepdims=True)
    return probs, scopes


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


def _mention_items(
    text: str, spans: Iterable[tuple[int, int]]
) -> list[tuple[SentenceParse, int, int]]:
    """Each mention's (sentence parse, start, end), every span checked before any is parsed.

    The usual span passes :func:`_check_span`'s first test here, without the call; a mention
    inside the last sentence found whole takes its parse without calling
    :meth:`_Segmenter.sentence` (mentions come in text order, several to a sentence)."""
    checked = []
    n = len(text)
    for s, e in spans:
        if not (type(s) is int and type(e) is int and 0 <= s < e <= n and not text[s:e].isspace()):
            s, e = _check_span(text, s, e)
        checked.append((s, e))
    segmenter = _Segmenter(text)
    sentence = segmenter.sentence
    items = []
    lo, hi, last = segmenter._last
    for s, e in checked:
        if lo <= s and e <= hi:
            items.append((last, s, e))
            continue
        items.append((sentence(s, e), s, e))
        lo, hi, last = segmenter._last
    return items


def target_sentiments(
    text: str | Article, spans: Iterable[tuple[int, int]]
) -> list[TargetSentiment]:
    """:func:`target_sentiment` for many mentions of one text, segmenting and parsing once."""
    return predict_batch(_mention_items(_text_of(text), spans))


def _target_scores(
    text: str | Article, spans: Iterable[tuple[int, int]]
) -> list[tuple[float, str]]:
    """(score, label) of :func:`target_sentiments`' results: what a summary table reads."""
    return _predict_scores(_mention_items(_text_of(text), spans))


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

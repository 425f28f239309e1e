"""Score the attribution system on held-out slices of PolNeAR train, with a cue lexicon, a
cue model and a content cut model built from the rest of train only.

The shipped lexicon and model are mined and trained on all of train, so train scores them on
articles they have seen: its figures run well above dev's (lenient 0.76 against 0.72). A held-out
slice scored with a lexicon and a model rebuilt without it behaves like dev (slice 0-199:
lenient 0.71, content token 0.80 in session 20), so a change to the rules or to the cue
scripts can be judged on train without reading dev. Each fold takes about a minute.

    python scripts/heldout_train_folds.py ../shared/data/polnear/train
    python scripts/heldout_train_folds.py ../shared/data/polnear/train --folds 0:200 200:400
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
for path in (SCRIPTS.parent, SCRIPTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import mine_cues  # noqa: E402
import train_attribution_cues  # noqa: E402
import train_content_cuts  # noqa: E402

from analysis import attribution as rules  # noqa: E402
from analysis import attribution_lexicon as lexicon  # noqa: E402
from analysis.validation.polnear import (  # noqa: E402
    Document,
    load_split,
    score_by_publisher,
    score_documents,
    system_predictor,
)

DEFAULT_FOLDS = ("0:200", "200:400")
ROW = "{:<10} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>9}"


def _clear_caches() -> None:
    for cached in (
        lexicon.cue_lexicon,
        lexicon.cue_neighbours,
        lexicon.cue_contexts,
        lexicon.cue_model,
        lexicon.content_cut_model,
        *rules.MODEL_CACHES,
    ):
        cached.cache_clear()


@contextmanager
def _cue_data(cues: Path, model: Path, cuts: Path | None = None) -> Iterator[None]:
    """The package reads this lexicon and model (and content cut model) until the block ends,
    then its own again."""
    kept = lexicon.CUES_PATH, lexicon.MODEL_PATH, lexicon.MODEL_ENABLED, lexicon.CUTS_MODEL_PATH
    lexicon.CUES_PATH, lexicon.MODEL_PATH, lexicon.MODEL_ENABLED = cues, model, True
    lexicon.CUTS_MODEL_PATH = cuts or lexicon.CUTS_MODEL_PATH
    _clear_caches()
    try:
        yield
    finally:
        (
            lexicon.CUES_PATH,
            lexicon.MODEL_PATH,
            lexicon.MODEL_ENABLED,
            lexicon.CUTS_MODEL_PATH,
        ) = kept
        _clear_caches()


def parse_fold(spec: str) -> tuple[int, int]:
    """ "0:200" → (0, 200): the held-out articles, by position in the split's sorted order."""
    try:
        lo, hi = (int(part) for part in spec.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"a fold is START:END, not {spec!r}") from None
    if not 0 <= lo < hi:
        raise argparse.ArgumentTypeError(f"a fold needs 0 <= START < END, not {spec!r}")
    return lo, hi


def training_folder(train_dir: Path, held_out: Sequence[Document], folder: Path) -> Path:
    """A PolNeAR split folder in ``folder`` holding every article of ``train_dir`` but the
    held-out ones (copies: the cue scripts read a folder)."""
    skip = {doc.doc_id for doc in held_out}
    out = folder / "train"
    for sub, suffix in (("text", ".txt"), ("attributions", ".ann")):
        (out / sub).mkdir(parents=True)
        for path in sorted((train_dir / sub).glob(f"*{suffix}")):
            if path.stem not in skip:
                shutil.copyfile(path, out / sub / path.name)
    return out


def score_fold(train_dir: Path, docs: Sequence[Document], lo: int, hi: int, c: float) -> dict:
    """The scores of articles lo..hi-1 with a lexicon and a model built from the others."""
    return score_held_out(train_dir, docs[lo:hi], c)[0]


def score_held_out(
    train_dir: Path,
    held_out: Sequence[Document],
    c: float,
    by_publisher: bool = False,
    predictions: dict[str, list] | None = None,
) -> tuple[dict, dict[str, dict]]:
    """The scores of the held-out articles with a lexicon and models built from the rest of
    train, and (``by_publisher``) the scores of each publisher's held-out articles. With
    ``predictions``, each article's predicted attributions are kept there, by its id."""
    with tempfile.TemporaryDirectory(prefix="heldout-fold-") as tmp:
        folder = Path(tmp)
        rest = training_folder(train_dir, held_out, folder)
        cues, model = folder / "cues.json", folder / "cues_model.json"
        cuts = folder / "content_cuts_model.json"
        mine_cues.main([str(rest), str(cues)])
        with _cue_data(cues, model):
            train_attribution_cues.main([str(rest), str(model), "--c", str(c)])
            lexicon.MODEL_ENABLED = True  # the training script switched it off
            _clear_caches()
            train_content_cuts.main([str(rest), str(cuts)])
        with _cue_data(cues, model, cuts):
            predict = functools.cache(system_predictor)
            scores = score_documents(held_out, predict)
            parts = score_by_publisher(held_out, predict) if by_publisher else {}
            if predictions is not None:
                predictions.update((doc.doc_id, predict(doc.text)) for doc in held_out)
            return scores, parts


def figures(scores: dict) -> list[str]:
    att, roles = scores["attribution"], scores["roles"]
    return [
        f"{att['lenient']['p']:.4f}",
        f"{att['lenient']['r']:.4f}",
        f"{att['lenient']['f1']:.4f}",
        f"{att['strict']['f1']:.4f}",
        f"{roles['source']['exact']['f1']:.4f}",
        f"{roles['cue']['exact']['f1']:.4f}",
        f"{roles['content']['token']['f1']:.4f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    folds = parser.add_mutually_exclusive_group()
    folds.add_argument("--folds", nargs="+", type=parse_fold, default=None)
    folds.add_argument("--interleaved", type=int, metavar="K", help="K folds of every K-th article")
    parser.add_argument("--by-publisher", action="store_true", help="a row per publisher too")
    parser.add_argument("--c", type=float, default=train_attribution_cues.C)
    args = parser.parse_args(argv)
    docs = load_split(args.train_dir)
    if args.interleaved is not None:
        if not 2 <= args.interleaved <= len(docs):
            parser.error(f"--interleaved needs 2 to {len(docs)} folds")
        held_outs = interleaved_folds(docs, args.interleaved)
    else:
        slices = args.folds or [parse_fold(spec) for spec in DEFAULT_FOLDS]
        if any(hi > len(docs) for _, hi in slices):
            parser.error(f"{args.train_dir} holds {len(docs)} articles; a fold runs past them")
        held_outs = {f"{lo}-{hi - 1}": docs[lo:hi] for lo, hi in slices}
    rows = [ROW.format("articles", "P", "R", "lenient", "strict", "source", "cue", "content")]
    predictions: dict[str, list] = {}
    for label, held_out in held_outs.items():
        scores, parts = score_held_out(
            args.train_dir, held_out, args.c, args.by_publisher, predictions
        )
        rows.append(ROW.format(label, *figures(scores)))
        rows += [ROW.format(f"  {name}", *figures(part)) for name, part in parts.items()]
    if args.interleaved is not None:  # every article held out once: one score over all of train
        pooled = score_documents(docs, _kept(docs, predictions))
        rows.append(ROW.format("all", *figures(pooled)))
        if args.by_publisher:
            parts = score_by_publisher(docs, _kept(docs, predictions))
            rows += [ROW.format(f"  {name}", *figures(part)) for name, part in parts.items()]
    print("\n".join(rows))
    return 0


def _kept(docs: Sequence[Document], predictions: dict[str, list]) -> Callable[[str], list]:
    """A predictor handing out each article's kept predictions. Two train articles share one
    text (wash-post, 2015-12-22 and -23), so a text's are handed out in the order of ``docs``,
    which the scorers keep."""
    queues: dict[str, list[list]] = {}
    for doc in docs:
        queues.setdefault(doc.text, []).append(predictions[doc.doc_id])
    return lambda text: queues[text].pop(0)


def interleaved_folds(docs: Sequence[Document], k: int) -> dict[str, list[Document]]:
    """K folds by position: fold i holds articles i, i + K, i + 2K, … of the sorted split, so
    each publisher is held out in about the share it has in train."""
    return {f"{i}/{k}": list(docs[i::k]) for i in range(k)}


if __name__ == "__main__":
    sys.exit(main())

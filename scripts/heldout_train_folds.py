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
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
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
    held_out = docs[lo:hi]
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
            return score_documents(held_out, system_predictor)


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
    parser.add_argument("--folds", nargs="+", type=parse_fold, default=None)
    parser.add_argument("--c", type=float, default=train_attribution_cues.C)
    args = parser.parse_args(argv)
    docs = load_split(args.train_dir)
    folds = args.folds or [parse_fold(spec) for spec in DEFAULT_FOLDS]
    if any(hi > len(docs) for _, hi in folds):
        parser.error(f"{args.train_dir} holds {len(docs)} articles; a fold runs past them")
    rows = [ROW.format("articles", "P", "R", "lenient", "strict", "source", "cue", "content")]
    for lo, hi in folds:
        scores = score_fold(args.train_dir, docs, lo, hi, args.c)
        rows.append(ROW.format(f"{lo}-{hi - 1}", *figures(scores)))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

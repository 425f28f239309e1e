"""scripts/heldout_train_folds.py: held-out slices of PolNeAR train, scored with cue data built
from the rest of train."""

from __future__ import annotations

import argparse
import shutil
import sys

import pytest

from analysis import attribution_lexicon as lexicon
from analysis.paths import PROJECT_ROOT
from analysis.validation.polnear import load_split

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import heldout_train_folds as folds


def test_a_fold_is_start_and_end():
    assert folds.parse_fold("0:200") == (0, 200)
    assert folds.parse_fold("200:400") == (200, 400)
    for bad in ("200", "5:5", "9:3", "a:b"):
        with pytest.raises(argparse.ArgumentTypeError):
            folds.parse_fold(bad)


def _small_train(shared_dir, tmp_path, n):
    """The first n articles of PolNeAR train as a split folder of their own."""
    src = shared_dir / "polnear" / "train"
    out = tmp_path / "small"
    for sub, suffix in (("text", ".txt"), ("attributions", ".ann")):
        (out / sub).mkdir(parents=True)
        for path in sorted((src / sub).glob(f"*{suffix}"))[:n]:
            shutil.copyfile(path, out / sub / path.name)
    return out


@pytest.mark.shared
def test_the_training_folder_leaves_the_held_out_articles_out(shared_dir, tmp_path):
    train = _small_train(shared_dir, tmp_path, 12)
    docs = load_split(train)
    rest = folds.training_folder(train, docs[3:7], tmp_path / "fold")
    kept = sorted(p.stem for p in (rest / "text").glob("*.txt"))
    assert kept == [d.doc_id for d in docs[:3] + docs[7:]]
    assert sorted(p.stem for p in (rest / "attributions").glob("*.ann")) == kept


@pytest.mark.shared
def test_a_fold_is_scored_with_its_own_cue_data_and_the_package_keeps_its_own(shared_dir, tmp_path):
    train = _small_train(shared_dir, tmp_path, 40)
    docs = load_split(train)
    before = lexicon.CUES_PATH, lexicon.MODEL_PATH, lexicon.MODEL_ENABLED, lexicon.CUTS_MODEL_PATH
    shipped = lexicon.cue_lexicon()
    scores = folds.score_fold(train, docs, 0, 10, folds.train_attribution_cues.C)
    assert scores["n_documents"] == 10
    assert scores["n_gold"] == sum(len(d.attributions) for d in docs[:10])
    assert 0.0 < scores["attribution"]["lenient"]["f1"] < 1.0
    assert before == (
        lexicon.CUES_PATH,
        lexicon.MODEL_PATH,
        lexicon.MODEL_ENABLED,
        lexicon.CUTS_MODEL_PATH,
    )
    assert lexicon.cue_lexicon() == shipped

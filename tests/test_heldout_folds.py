"""scripts/heldout_train_folds.py: held-out slices of PolNeAR train, scored with cue data built
from the rest of train."""

from __future__ import annotations

import argparse
import shutil
import sys

import pytest

from analysis import attribution_lexicon as lexicon
from analysis.paths import PROJECT_ROOT
from analysis.validation.polnear import Document, load_split

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


def test_interleaved_folds_take_every_kth_article():
    docs = [Document(f"p{i // 4}_{i}", str(i)) for i in range(10)]
    got = folds.interleaved_folds(docs, 3)
    assert list(got) == ["0/3", "1/3", "2/3"]
    assert [[d.text for d in fold] for fold in got.values()] == [
        ["0", "3", "6", "9"],
        ["1", "4", "7"],
        ["2", "5", "8"],
    ]


@pytest.mark.shared
def test_interleaved_run_prints_each_fold_and_all_of_train(shared_dir, tmp_path, capsys):
    train = _small_train(shared_dir, tmp_path, 24)
    assert folds.main([str(train), "--interleaved", "2", "--by-publisher"]) == 0
    table = capsys.readouterr().out.split("\narticles ")[1].splitlines()
    assert [line.split()[0] for line in table] == [
        "P", "0/2", "breitbart", "1/2", "breitbart", "all", "breitbart"
    ]  # fmt: skip
    lenient = {i: float(line.split()[3]) for i, line in enumerate(table) if i}
    # all of train, each article as its fold predicted it: between the two folds, and the
    # only publisher of these 24 articles scores the same
    assert min(lenient[1], lenient[3]) <= lenient[5] <= max(lenient[1], lenient[3])
    assert lenient[5] == lenient[6] and lenient[1] == lenient[2]

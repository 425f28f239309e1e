"""The local engine's pool: the calling process works beside its forked workers, results come
back through files that are removed, and a worker that dies costs only the chunks it held."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus
from analysis.corpus import analyze_corpus
from analysis.paths import BUNDLED_ARTICLE

SHORT = "Officials praised the new bridge. It opened on Monday after two years of work.\n"


@pytest.fixture()
def five_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(BUNDLED_ARTICLE, folder / "e-seed.txt")
    for i, name in enumerate("abcd"):
        (folder / f"{name}.txt").write_text(SHORT * (i + 1), encoding="utf-8")
    return folder


def _record_pids(monkeypatch, log: Path, crash_on: str | None = None) -> None:
    """Each chunk appends the id of the process that analysed it to ``log``; a forked worker
    given ``crash_on`` dies without a word, as a segfault would."""
    parent, analyze_chunk = os.getpid(), corpus.analyze_chunk

    def recording(items):
        if crash_on and os.getpid() != parent and any(crash_on in t.path for t, _ in items):
            os._exit(1)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return analyze_chunk(items)

    monkeypatch.setattr(corpus, "analyze_chunk", recording)


def test_caller_works_beside_one_forked_worker(five_articles: Path, tmp_path: Path, monkeypatch):
    one = analyze_corpus(five_articles, progress=False)
    log = tmp_path / "pids.txt"
    _record_pids(monkeypatch, log)
    two = analyze_corpus(five_articles, workers=2, chunk_size=1, progress=False)
    pids = set(log.read_text().split())
    # the first two chunks fill the worker's queue, so the third is analysed here
    assert str(os.getpid()) in pids and len(pids) == 2
    for name in one.tables:
        pd.testing.assert_frame_equal(one[name], two[name], obj=name)


def test_the_worker_reads_from_the_front_and_the_caller_from_the_back(
    five_articles: Path, tmp_path: Path, monkeypatch
):
    """Each process analyses a run of neighbouring files (which share words, so fewer word
    memos are filled twice): the forked worker a prefix of the input order, the caller the
    rest."""
    log = tmp_path / "files.txt"
    analyze_chunk = corpus.analyze_chunk

    def recording(items):
        with open(log, "a", encoding="utf-8") as fh:
            fh.writelines(f"{os.getpid()} {Path(t.path).name}\n" for t, _ in items)
        return analyze_chunk(items)

    monkeypatch.setattr(corpus, "analyze_chunk", recording)
    result = analyze_corpus(five_articles, workers=2, chunk_size=1, progress=False)
    lines = [line.split() for line in log.read_text().splitlines()]
    by_file = {name: pid for pid, name in lines}
    order = sorted(by_file)
    caller = [name for name in order if by_file[name] == str(os.getpid())]
    assert order == ["a.txt", "b.txt", "c.txt", "d.txt", "e-seed.txt"]
    # the worker's queue takes a.txt and b.txt first, so the caller starts at the back
    assert next(name for pid, name in lines if pid == str(os.getpid())) == "e-seed.txt"
    assert caller == order[len(order) - len(caller) :]
    assert len(caller) < len(order)
    assert [Path(p).name for p in result.articles["path"]] == order


def test_worker_results_come_back_through_removed_files(
    five_articles: Path, tmp_path: Path, monkeypatch
):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    loaded: list[str] = []
    load = corpus._load_result
    monkeypatch.setattr(corpus, "_load_result", lambda path: loaded.append(path) or load(path))
    result = analyze_corpus(five_articles, workers=2, chunk_size=1, progress=False)
    assert len(result.articles) == 5
    assert loaded and all(Path(p).parent.parent == scratch for p in loaded)
    assert list(scratch.iterdir()) == []


def test_a_dead_worker_fails_its_chunks_and_the_run_goes_on(
    five_articles: Path, tmp_path: Path, monkeypatch
):
    one = analyze_corpus(five_articles, progress=False)
    _record_pids(monkeypatch, tmp_path / "pids.txt", crash_on="b.txt")
    result = analyze_corpus(five_articles, workers=2, chunk_size=1, progress=False)
    names = sorted(f.name for f in five_articles.iterdir())
    done = [Path(p).name for p in result.articles["path"]]
    failed = [Path(p).name for p in result.errors["path"]]
    # which chunks the worker held when it died depends on timing; each file is one or the other
    assert sorted(done + failed) == names and "b.txt" in failed
    assert set(result.errors["error_type"]) == {"BrokenProcessPool"}
    kept = one.articles[one.articles["path"].map(lambda p: Path(p).name).isin(done)]
    pd.testing.assert_frame_equal(result.articles, kept.reset_index(drop=True))

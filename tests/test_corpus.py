"""Corpus mode: ids, the errors table, skip-if-done, --force, formats, and Dask = local."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.corpus import (
    CorpusError,
    _articles_table,
    _restore_environ,
    _Task,
    _TwoEnds,
    add_corpus_arguments,
    analyze_corpus,
    content_hash,
    corpus_files,
    describe_corpus,
    level_table,
    make_article_id,
    onestopenglish_level,
    run_corpus_cli,
)
from analysis.paths import BUNDLED_ARTICLE
from analysis.sentiment import sentence_sentiment

SHORT_A = "Officials praised the new bridge. It opened on Monday after two years of work.\n"
SHORT_B = "The storm destroyed dozens of homes.\nResidents said they were afraid.\n"
# sha256(b"abc"), the FIPS 180-2 test vector
ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(BUNDLED_ARTICLE, folder / "seed.txt")
    (folder / "a.txt").write_text(SHORT_A, encoding="utf-8")
    (folder / "b.txt").write_text(SHORT_B, encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.txt").write_bytes(b"  \n")
    return folder


def _id(path: Path) -> str:
    return make_article_id(path, content_hash(path.read_bytes()))


def test_article_id_is_stem_plus_content_hash():
    assert content_hash(b"abc") == ABC_SHA256
    assert make_article_id("x/Amazon-adv.txt", ABC_SHA256) == "Amazon-adv-ba7816bf8f01"


@given(st.binary(max_size=200), st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True))
def test_article_id_is_stable_and_readable(data: bytes, stem: str):
    article_id = make_article_id(f"/some/folder/{stem}.txt", content_hash(data))
    assert article_id == make_article_id(f"other/{stem}.txt", content_hash(bytes(data)))
    assert article_id.startswith(stem + "-") and len(article_id) == len(stem) + 13


def test_onestopenglish_level():
    assert onestopenglish_level("Amazon-adv") == "advanced"
    assert onestopenglish_level("WNL-Man-falls-ele") == "elementary"
    assert onestopenglish_level("Teff-int") == "intermediate"
    assert onestopenglish_level("seed-article") is None
    assert onestopenglish_level("adv") is None


def test_corpus_files_sorted_recursive_without_hidden(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt", ".cache/d.txt", ".hidden.txt", "notes.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]
    assert describe_corpus(tmp_path) == f"3 article file(s) in {tmp_path.name}/"
    assert corpus_files([tmp_path / "a.txt", tmp_path / "a.txt"]) == [tmp_path / "a.txt"]
    with pytest.raises(CorpusError, match="no such file"):
        corpus_files(tmp_path / "missing")
    (tmp_path / "nothing").mkdir()
    with pytest.raises(CorpusError, match=r"no article files"):
        corpus_files(tmp_path / "nothing")


def test_local_run_records_bad_files_and_goes_on(corpus_dir: Path, seed_article):
    result = analyze_corpus(corpus_dir, progress=False)
    ids = [_id(corpus_dir / n) for n in ("a.txt", "b.txt", "seed.txt")]
    assert result.articles["article_id"].tolist() == ids  # input order: sorted paths
    assert result.analyzed == ids and result.skipped == []
    errors = result.errors.set_index("path")
    assert sorted(Path(p).name for p in errors.index) == ["empty.txt", "image.txt"]
    image = errors.loc[str(corpus_dir / "image.txt")]
    assert image["error_type"] == "InputError" and "binary" in image["message"]
    assert image["article_id"] == _id(corpus_dir / "image.txt")
    assert errors.loc[str(corpus_dir / "empty.txt"), "message"].endswith("is empty")

    for name, table in result.tables.items():
        assert table.columns[0] == "article_id", name
        if name != "errors":
            assert set(table["article_id"]) <= set(ids), name

    sentences = result["sentences"]
    assert sentences.groupby("article_id", sort=False).size().tolist() == [2, 2, 13]
    seed = sentences[sentences["article_id"] == ids[2]].drop(columns="article_id")
    pd.testing.assert_frame_equal(seed.reset_index(drop=True), sentence_sentiment(seed_article))
    articles = result.articles.set_index("article_id")
    assert articles.loc[ids[2], "n_sentences"] == 13
    assert articles.loc[ids[0], "level"] is None or pd.isna(articles.loc[ids[0], "level"])
    assert articles.loc[ids[2], "mean_compound"] == pytest.approx(seed["compound"].mean())


def test_rerun_skips_done_articles_and_force_redoes_them(corpus_dir: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = analyze_corpus(corpus_dir, out=out, progress=False)
    assert len(first.analyzed) == 3 and len(first.errors) == 2
    assert (out / "sentences.parquet").is_file() and (out / "errors.parquet").is_file()
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(e["article_id"] for e in manifest) == sorted(first.analyzed)

    again = analyze_corpus(corpus_dir, out=out, progress=False)
    assert again.analyzed == [] and again.skipped == first.analyzed
    assert len(again.errors) == 2  # failures are retried, and fail again
    for name, table in first.tables.items():
        pd.testing.assert_frame_equal(again[name], table, obj=name)
    on_disk = pd.read_parquet(out / "sentences.parquet")
    pd.testing.assert_frame_equal(on_disk, first["sentences"])

    (corpus_dir / "b.txt").write_text(SHORT_B + "Nobody was hurt.\n", encoding="utf-8")
    edited = analyze_corpus(corpus_dir, out=out, progress=False)
    assert edited.analyzed == [_id(corpus_dir / "b.txt")] and len(edited.skipped) == 2
    assert _id(corpus_dir / "b.txt") in set(edited["sentences"]["article_id"])
    assert len(edited["sentences"]) == len(first["sentences"]) + 1
    assert len(edited.articles) == 3  # the old version of b.txt is not in this corpus any more

    forced = analyze_corpus(corpus_dir, out=out, force=True, progress=False)
    assert len(forced.analyzed) == 3 and forced.skipped == []
    for name, table in edited.tables.items():
        pd.testing.assert_frame_equal(forced[name], table, obj=name)
    live = {json.loads(line)["part"] for line in (out / "manifest.jsonl").read_text().splitlines()}
    assert {p.name for p in (out / "parts").iterdir()} <= live


def test_output_is_deterministic_across_workers(corpus_dir: Path, tmp_path: Path):
    one = analyze_corpus(corpus_dir, out=tmp_path / "one", progress=False)
    two = analyze_corpus(corpus_dir, out=tmp_path / "two", workers=2, chunk_size=1, progress=False)
    assert sorted(one.tables) == sorted(two.tables)
    for name in one.tables:
        left = pd.read_parquet(tmp_path / "one" / f"{name}.parquet")
        right = pd.read_parquet(tmp_path / "two" / f"{name}.parquet")
        pd.testing.assert_frame_equal(left, right, obj=name)


def test_csv_format_and_cli(corpus_dir: Path, tmp_path: Path, capsys):
    parser = add_corpus_arguments(argparse.ArgumentParser())
    out = tmp_path / "csv"
    args = parser.parse_args([str(corpus_dir), "--out", str(out), "--format", "csv"])
    assert run_corpus_cli(args) == 0
    captured = capsys.readouterr()
    assert "3 analysed, 0 already done, 2 failed" in captured.out
    assert "InputError: " in captured.err and "image.txt looks like binary" in captured.err
    sentences = pd.read_csv(out / "sentences.csv")
    assert len(sentences) == 17 and sentences.columns[0] == "article_id"
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(errors["error_type"]) == ["InputError", "InputError"]
    args = parser.parse_args([str(corpus_dir), "--out", str(out), "--format", "csv"])
    assert run_corpus_cli(args) == 0
    assert "0 analysed, 3 already done, 2 failed" in capsys.readouterr().out


def test_bad_arguments_are_input_errors(corpus_dir: Path):
    with pytest.raises(CorpusError, match="unknown engine"):
        analyze_corpus(corpus_dir, engine="spark")
    with pytest.raises(CorpusError, match="unknown format"):
        analyze_corpus(corpus_dir, fmt="xlsx")
    with pytest.raises(CorpusError, match="workers"):
        analyze_corpus(corpus_dir, workers=0)
    for bad in (0, -2, 1.5, True):
        with pytest.raises(CorpusError, match="chunk_size must be a whole number"):
            analyze_corpus(corpus_dir, chunk_size=bad)


def test_output_folder_into_data_raw_or_onto_a_file_is_refused(corpus_dir: Path, tmp_path: Path):
    from analysis.errors import InputError
    from analysis.paths import RAW_DIR

    before = sorted(p.name for p in RAW_DIR.iterdir())
    for target in (RAW_DIR, RAW_DIR / "corpus"):
        with pytest.raises(InputError, match="refusing to write into"):
            analyze_corpus(corpus_dir, out=target, progress=False)
    assert sorted(p.name for p in RAW_DIR.iterdir()) == before
    blocker = tmp_path / "tables.txt"
    blocker.write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="is a file"):
        analyze_corpus(corpus_dir, out=blocker / "sub", progress=False)
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_duplicate_files_are_analysed_once(tmp_path: Path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(SHORT_A, encoding="utf-8")
    result = analyze_corpus(tmp_path, progress=False)
    assert len(result.articles) == 1
    assert result.errors["error_type"].tolist() == ["DuplicateArticle"]


def test_level_table_orders_triplets():
    articles = pd.DataFrame(
        {
            "stem": ["T-ele", "T-int", "T-adv", "U-ele", "U-int", "U-adv", "V-adv", "seed"],
            "level": [
                "elementary",
                "intermediate",
                "advanced",
                "elementary",
                "intermediate",
                "advanced",
                "advanced",
                None,
            ],
            "flesch_kincaid_grade": [5.0, 7.0, 9.0, 6.0, 8.0, 7.5, 10.0, 12.0],
        }
    )
    table = level_table(articles)
    assert table["topic"].tolist() == ["T", "U", "V"]
    assert table["ordered"].tolist() == [True, False, pd.NA]
    assert table.loc[1, "advanced"] == 7.5


@pytest.mark.shared
@pytest.mark.slow
def test_dask_local_cluster_equals_local_engine(shared_dir: Path, tmp_path: Path):
    from distributed import LocalCluster

    # the cluster sets OMP_NUM_THREADS=1, PYTHONHASHSEED, … here for its workers: undone below,
    # so later tests' subprocesses (the cue model rebuild) run as they would alone
    request_environ = dict(os.environ)
    files = sorted((shared_dir / "onestopenglish").glob("*.txt"))[:15]
    assert len(files) >= 12
    local = analyze_corpus(files, progress=False)
    try:
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster:
            dask = analyze_corpus(
                files,
                engine="dask",
                scheduler=cluster.scheduler_address,
                out=tmp_path / "dask",
                progress=False,
            )
    finally:
        _restore_environ(request_environ)
    assert dask.analyzed and sorted(dask.analyzed) == sorted(local.analyzed)
    assert len(dask.articles) == len(files) and dask.errors.empty
    local_written = analyze_corpus(files, out=tmp_path / "local", progress=False)
    for name, table in local.tables.items():
        keys = [c for c in ("article_id", "sentence_id", "start", "end") if c in table.columns]
        left = pd.read_parquet(tmp_path / "local" / f"{name}.parquet")
        right = pd.read_parquet(tmp_path / "dask" / f"{name}.parquet")
        left = left.sort_values(keys, kind="stable", ignore_index=True)
        right = right.sort_values(keys, kind="stable", ignore_index=True)
        pd.testing.assert_frame_equal(left, right, obj=name)
        assert len(table) == len(local_written[name]), name


def test_analyze_shares_work_but_matches_the_public_functions(seed_article):
    """The one-pass pipeline gives exactly the tables each public function gives alone."""
    import analysis
    from analysis.pipeline import analyze

    result = analyze(seed_article)
    expected = {
        "structure": seed_article.structure_table(),
        "readability_sentences": analysis.readability_sentences(seed_article),
        "readability_paragraphs": analysis.readability_paragraphs(seed_article),
        "sentences": analysis.sentence_sentiment(seed_article),
        "paragraph_sentiment": analysis.paragraph_sentiment(seed_article),
        "actors": analysis.find_actors(seed_article),
        "mentions": analysis.actor_mentions(seed_article),
        "attributions": analysis.find_attributions(seed_article),
        "actor_sentiment": analysis.actor_sentiment(seed_article),
    }
    assert list(result.tables) == list(expected)
    for name, table in expected.items():
        pd.testing.assert_frame_equal(result[name], table, obj=name)
    assert result.readability == analysis.readability_scores(seed_article)
    assert len(result["sentences"]) == 13


def test_python_m_analysis_corpus(corpus_dir: Path, tmp_path: Path, capsys):
    from analysis import cli

    if "corpus" not in cli.COMMANDS:
        pytest.skip("the corpus command is not wired into analysis/cli.py yet")
    out = tmp_path / "cli"
    assert cli.main(["corpus", str(corpus_dir), "--out", str(out), "--no-progress"]) == 0
    assert "3 analysed, 0 already done, 2 failed" in capsys.readouterr().out
    assert len(pd.read_parquet(out / "articles.parquet")) == 3
    assert cli.main(["corpus", str(corpus_dir), "--out", str(out), "--force"]) == 0
    assert "3 analysed, 0 already done" in capsys.readouterr().out


def test_example_corpus_falls_back_to_the_bundled_article(monkeypatch):
    import analysis.paths
    from analysis.corpus import example_corpus

    monkeypatch.setattr(analysis.paths, "shared_data_dir", lambda: None)
    assert example_corpus() == [BUNDLED_ARTICLE]


def test_corpus_charts_one_row_per_topic():
    from analysis.charts.corpus import corpus_comparison_chart, level_distribution_chart

    articles = pd.DataFrame(
        {
            "stem": ["T-ele", "T-int", "T-adv", "seed-article"],
            "level": ["elementary", "intermediate", "advanced", None],
            "flesch_kincaid_grade": [5.0, 7.0, 9.0, 12.0],
            "mean_compound": [0.1, 0.0, -0.2, 0.3],
        }
    )
    fig = corpus_comparison_chart(articles, "test")
    left, right = fig.axes[:2]
    assert [t.get_text() for t in left.get_yticklabels()] == ["T", "seed-article"]
    assert left.get_xlabel().startswith("Flesch–Kincaid") and "compound" in right.get_xlabel()
    fig = level_distribution_chart(articles, "test")
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["elementary", "intermediate", "advanced", "article"]


def test_models_are_loaded_before_workers_fork():
    """Forked workers inherit what the parent loaded: each lazy model must be in memory after
    the warm-up, or every worker pays its loading again (about 0.8 CPU s each). A fresh
    interpreter, so that no earlier test has loaded them already."""
    probe = (
        "from analysis import attribution_lexicon, corpus, sentiment, syllables, "
        "target_features, targeted\n"
        "loaders = [targeted.load_model, target_features.word_vectors, "
        "attribution_lexicon.cue_model, attribution_lexicon.cue_lexicon, "
        "syllables.cmudict_syllables, sentiment.vader]\n"
        "before = [f.cache_info().currsize for f in loaders]\n"
        "corpus._warm()\n"
        "print(before, [f.cache_info().currsize > 0 for f in loaders])\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.strip() == "[0, 0, 0, 0, 0, 0] [True, True, True, True, True, True]"


def test_articles_table_gives_text_columns_one_dtype_whatever_the_chunk():
    titled = {"article_id": "a-1", "title": "Bridge opens", "level": None, "n_words": 120}
    untitled = {"article_id": "b-2", "title": None, "level": "advanced", "n_words": 80}
    both = _articles_table([titled, untitled])
    assert both["title"].tolist()[0] == "Bridge opens" and pd.isna(both["title"][1])
    assert both["level"].isna().tolist() == [True, False]
    assert both["n_words"].tolist() == [120, 80] and both["n_words"].dtype == "int64"
    # a chunk of untitled files alone: the same dtype, so chunks combine without object columns
    alone = _articles_table([untitled])
    assert alone["title"].dtype == both["title"].dtype == "str"
    assert pd.concat([both, alone])["title"].dtype == "str"
    assert list(both.index) == [0, 1]


def _tasks(n: int) -> list[_Task]:
    return [_Task(f"a{i}", f"a{i}.txt", "") for i in range(n)]


def _front_sizes(n_tasks: int, workers: int, **kwargs) -> list[int]:
    return [len(chunk) for chunk in _TwoEnds(_tasks(n_tasks), workers, **kwargs)]


def test_chunks_shrink_towards_the_end_so_workers_finish_together():
    # 96 articles, 2 workers: ceil(left / 4) capped at 16, down to single articles.
    assert _front_sizes(96, 2) == [16, 16, 16, 12, 9, 7, 5, 4, 3, 2, 2, 1, 1, 1, 1]
    assert _front_sizes(5, 1) == [3, 1, 1]
    assert _front_sizes(0, 2) == []
    # thirds, for the local pool whose calling process works too
    assert _front_sizes(96, 2, parts=3)[:6] == [16, 14, 11, 10, 8, 7]
    assert _front_sizes(7, 2, size=3) == [3, 3, 1]


def test_two_ends_hand_out_a_prefix_and_a_suffix():
    tasks = _tasks(96)
    source = _TwoEnds(tasks, 2, parts=3)
    # 96 left: ceil(96 / 6) = 16 from the front; 80 left: 14 from the back; 66 left: 11 ...
    assert source.front() == tasks[0:16]
    assert source.back() == tasks[82:96]
    assert source.front() == tasks[16:27]
    assert source.back() == tasks[72:82]
    assert (source.lo, source.hi) == (27, 72)
    single = _TwoEnds(tasks[:3], 2, size=2)
    assert single.back() == tasks[1:3] and single.front() == tasks[0:1]
    assert single.front() is None and single.back() is None


@given(
    st.integers(0, 300),
    st.integers(1, 4),
    st.sampled_from([None, 1, 5]),
    st.lists(st.booleans(), max_size=400),
)
def test_two_ends_cover_every_article_once_in_order(n_tasks, workers, size, from_front):
    tasks = _tasks(n_tasks)
    source = _TwoEnds(tasks, workers, size, parts=3)
    front: list[_Task] = []
    back: list[list[_Task]] = []
    for take_front in [*from_front, *[True] * n_tasks]:
        chunk = source.front() if take_front else source.back()
        if chunk is None:
            break
        assert 1 <= len(chunk) <= (size or 16)
        if take_front:
            front.extend(chunk)
        else:
            back.insert(0, chunk)
    assert front + [t for chunk in back for t in chunk] == tasks
    assert source.front() is None and source.back() is None


def test_pool_run_keeps_input_order_and_leaves_the_collector_unfrozen(corpus_dir: Path):
    """Two workers with chunks finishing in any order give the one-worker tables row for row;
    the garbage collector is frozen only while the workers run."""
    import gc

    one = analyze_corpus(corpus_dir, progress=False)
    two = analyze_corpus(corpus_dir, workers=2, chunk_size=1, progress=False)
    assert gc.get_freeze_count() == 0
    for name in one.tables:
        pd.testing.assert_frame_equal(one[name], two[name], obj=name)
    names = one.articles["path"].map(lambda p: Path(p).name).tolist()
    assert names == ["a.txt", "b.txt", "seed.txt"]


def test_pool_run_keeps_the_callers_frozen_objects_frozen(corpus_dir: Path):
    """The pool freezes the collector while its workers run and unfreezes it after, but only
    if the caller had not frozen objects itself: those stay frozen."""
    import gc

    gc.freeze()
    try:
        analyze_corpus(corpus_dir, workers=2, chunk_size=1, progress=False)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    analyze_corpus(corpus_dir, workers=2, chunk_size=1, progress=False)
    assert gc.get_freeze_count() == 0


@pytest.mark.slow
def test_dask_engine_leaves_the_environment_as_it_found_it(corpus_dir: Path, monkeypatch):
    """A LocalCluster sets OMP_NUM_THREADS=1, PYTHONHASHSEED, … in the client's environment for
    its workers; the caller's numpy and later subprocesses must not inherit them."""
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("ANALYSIS_TEST_MARKER", "kept")
    before = dict(os.environ)
    result = analyze_corpus(corpus_dir, engine="dask", workers=1, progress=False)
    assert len(result.articles) == 3
    assert dict(os.environ) == before

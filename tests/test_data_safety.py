"""Data safety: raw data is never written, outputs are atomic and deterministic, and a failed
report leaves nothing half-written behind."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.files import atomic_write
from analysis.paths import BUNDLED_ARTICLE, NOTEBOOKS_DIR, RAW_DIR

CP1252 = "He called the plan \u201cbold\u201d and the minister\u2019s caf\u00e9 closed.\r\n"


def tree_digest(root: Path) -> dict[str, tuple[str, int]]:
    """Every file under root: relative path → (sha256, mode). Hidden files included."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = (digest, path.stat().st_mode)
        elif path.is_dir():
            out[str(path.relative_to(root)) + "/"] = ("dir", path.stat().st_mode)
    return out


def bad_notebook(folder: Path) -> Path:
    """A numbered notebook that fails after its parameters cell, like a real broken notebook."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = nbformat.v4.new_code_cell("article_path = None\noutput_dir = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 99 · Broken"),
        params,
        nbformat.v4.new_code_cell("raise ValueError('this notebook is broken on purpose')"),
    ]
    path = folder / "99_broken.ipynb"
    nbformat.write(nb, str(path))
    return path


# --------------------------------------------------------------------------------------------
# data/raw is never written


@pytest.mark.notebooks
def test_analyze_and_report_leave_data_raw_untouched(tmp_path):
    from analysis.cli import main
    from analysis.report import render_report, report_notebooks

    before = tree_digest(RAW_DIR)
    assert before, "data/raw is empty"
    assert main(["analyze", str(BUNDLED_ARTICLE), "--out", str(tmp_path / "json")]) == 0
    assert main(["analyze", str(BUNDLED_ARTICLE), "--format", "csv", "--out", str(tmp_path)]) == 0
    first = report_notebooks()[:1]  # one notebook keeps this fast; the report path is the same
    render_report(BUNDLED_ARTICLE, tmp_path / "site", notebooks=first)
    assert tree_digest(RAW_DIR) == before


def test_outputs_into_data_raw_are_refused():
    from analysis.report import check_output_dir

    for target in (RAW_DIR, RAW_DIR / "tables", RAW_DIR / "a" / "b"):
        with pytest.raises(InputError, match="refusing to write into"):
            check_output_dir(target)
    assert not (RAW_DIR / "tables").exists()


# --------------------------------------------------------------------------------------------
# atomic writes


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old,complete\n", encoding="utf-8")

    def half_then_crash(tmp: str) -> None:
        Path(tmp).write_text("new,half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, half_then_crash)
    assert target.read_text(encoding="utf-8") == "old,complete\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]


def test_write_tables_failing_midway_leaves_complete_files_only(tmp_path, monkeypatch):
    from analysis.pipeline import analyze, write_tables

    result = analyze(BUNDLED_ARTICLE.read_text(encoding="utf-8"))
    write_tables(result, tmp_path, fmt="csv")
    before = tree_digest(tmp_path)
    calls = {"n": 0}
    original = pd.DataFrame.to_csv

    def crash_on_third(self, path, *args, **kwargs):
        calls["n"] += 1
        original(self.head(1), path, *args, **kwargs)  # a truncated table in the temp file
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", crash_on_third)
    with pytest.raises(OSError):
        write_tables(result, tmp_path, fmt="csv")
    monkeypatch.undo()
    after = tree_digest(tmp_path)
    assert set(after) == set(before), "temporary files left behind"
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == 2  # the two tables rewritten before the crash (truncated on purpose)
    untouched = [name for name in before if name not in changed]
    assert untouched and all(before[n] == after[n] for n in untouched)


# --------------------------------------------------------------------------------------------
# idempotent and deterministic


@pytest.mark.parametrize("kind", ["seed", "cp1252", "html"])
def test_rerunning_analyze_gives_byte_identical_tables(tmp_path, kind):
    from analysis.cli import main

    if kind == "seed":
        article = BUNDLED_ARTICLE
    elif kind == "cp1252":
        article = tmp_path / "windows.txt"
        article.write_bytes(CP1252.encode("cp1252") * 3)
    else:
        article = tmp_path / "page.html"
        article.write_text(
            "<!DOCTYPE html><html><head><title>Vote delayed</title></head><body><article>"
            "<p>The council delayed the vote on Monday, officials said.</p>"
            "<p>“We need more time,” the mayor told reporters after the meeting.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
    for fmt in ("csv", "json"):
        out = tmp_path / f"out-{fmt}"
        assert main(["analyze", str(article), "--format", fmt, "--out", str(out)]) == 0
        first = tree_digest(out)
        assert main(["analyze", str(article), "--format", fmt, "--out", str(out)]) == 0
        assert tree_digest(out) == first  # same folder again: idempotent, nothing added
        other = tmp_path / f"again-{fmt}"
        assert main(["analyze", str(article), "--format", fmt, "--out", str(other)]) == 0
        assert tree_digest(other) == first  # fresh folder: deterministic
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------------------------
# a failed report leaves nothing behind


@pytest.mark.notebooks
def test_failed_report_leaves_no_destination_and_no_temporary_folder(tmp_path):
    from analysis.report import ReportError, render_report

    dest = tmp_path / "reports" / "seed"
    with pytest.raises(ReportError, match=r"99_broken\.ipynb failed: ValueError"):
        render_report(BUNDLED_ARTICLE, dest, notebooks=[bad_notebook(tmp_path)])
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []


@pytest.mark.notebooks
def test_failed_report_keeps_the_previous_report_untouched(tmp_path):
    from analysis.report import REPORT_MARKER, ReportError, render_report

    dest = tmp_path / "site"
    (dest / "figures").mkdir(parents=True)
    (dest / REPORT_MARKER).write_text("written by analysis.report\n", encoding="utf-8")
    (dest / "index.html").write_text("<p>the previous, complete report</p>", encoding="utf-8")
    (dest / "figures" / "01-chart.png").write_bytes(b"\x89PNG previous")
    before = tree_digest(dest)
    good = sorted(NOTEBOOKS_DIR.glob("00_*.ipynb"))
    with pytest.raises(ReportError):
        render_report(BUNDLED_ARTICLE, dest, notebooks=[*good, bad_notebook(tmp_path)])
    assert tree_digest(dest) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["99_broken.ipynb", "site"]


def test_report_refuses_to_replace_a_folder_it_did_not_write(tmp_path):
    """`--out .` or `--out ~` must never swap out (and delete) a user's folder."""
    from analysis.report import render_report

    precious = tmp_path / "my documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    before = tree_digest(precious)
    with pytest.raises(InputError, match="refusing to replace"):
        render_report(BUNDLED_ARTICLE, precious)
    assert tree_digest(precious) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my documents"]


def test_atomic_write_leaves_no_temporary_file_on_success(tmp_path):
    path = atomic_write(tmp_path / "a" / "b.txt", lambda p: Path(p).write_text("x"))
    assert path.read_text() == "x"
    assert os.listdir(path.parent) == ["b.txt"]

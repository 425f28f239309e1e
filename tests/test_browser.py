"""The report as a reader sees it: headless Chromium screenshots of the write-up and the index,
plus the write-up's promises (code hidden, article text escaped)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread

from analysis.paths import BUNDLED_ARTICLE, NOTEBOOKS_DIR
from analysis.report import render_report

CHROMIUM = shutil.which("chromium")
WRITEUP = NOTEBOOKS_DIR / "05_writeup.ipynb"
WINDOW = (1280, 2000)
XSS = "<script>alert(1)</script>"
HOSTILE_ARTICLE = f"""By JANE DOE
LONDON (AP) — The mayor {XSS} Bob Smith said the plan was *great* and [cheap](http://x.example).
“We will not pay for it,” Smith said on Monday, adding that the council had failed.
The council's leader, Ann Lee, praised the plan but said the budget was $5 and $6 short.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The report for the bundled article: the write-up and the article notebook, with index."""
    out = tmp_path_factory.mktemp("browser") / "report"
    notebooks = [NOTEBOOKS_DIR / "00_article.ipynb", WRITEUP]
    return render_report(BUNDLED_ARTICLE, out, notebooks=notebooks).parent


@pytest.fixture(scope="module")
def hostile_writeup(tmp_path_factory) -> str:
    """The rendered write-up of an article whose text is HTML and Markdown."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    index = render_report(article, folder / "report", notebooks=[WRITEUP])
    return (index.parent / "05_writeup.html").read_text(encoding="utf-8")


def screenshot(page: Path, png: Path) -> Path:
    """Headless Chromium screenshot of a local page, with a throw-away profile, no network use."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        cmd = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            f"--screenshot={png}",
            page.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120, env=os.environ.copy())
    return png


def ink(png: Path) -> tuple[float, float]:
    """(share of pixels that are not near-white, standard deviation of grey levels)."""
    image = imread(png)[..., :3]
    grey = image.mean(axis=2)
    return float((grey < 0.9).mean()), float(grey.std())


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("page", ["05_writeup.html", "index.html"])
def test_screenshot_is_not_blank(site: Path, page: str, tmp_path: Path):
    png = screenshot(site / page, tmp_path / f"{Path(page).stem}.png")
    assert png.is_file() and png.stat().st_size > 10_000
    image = imread(png)
    assert image.shape[:2] == (WINDOW[1], WINDOW[0])
    share, spread = ink(png)
    assert share > 0.02, f"{page}: only {share:.1%} of the screenshot is not white"
    assert spread > 0.05, f"{page}: the screenshot is nearly uniform (std {spread:.3f})"


def test_blank_page_is_detected_as_blank(tmp_path: Path):
    """The ink measure itself can fail: a white image has none."""
    import matplotlib.image

    white = tmp_path / "white.png"
    matplotlib.image.imsave(white, np.ones((50, 80, 3)))
    assert ink(white) == (0.0, 0.0)


def test_writeup_hides_code_and_shows_computed_prose(site: Path):
    html = (site / "05_writeup.html").read_text(encoding="utf-8")
    code_cells = re.findall(r'<div class="(jp-Cell jp-CodeCell[^"]*)"', html)
    assert len(code_cells) >= 8 and all("jp-mod-noInput" in c for c in code_cells)
    # the stylesheet names these classes; no element may carry them
    assert not re.search(r'class="[^"]*\b(jp-InputPrompt|jp-CodeMirrorEditor|highlight)\b', html)
    visible = unescape(re.sub(r"<[^>]+>", "", html))
    assert "article_path = None" not in visible and "from analysis import" not in visible
    for heading in ("How hard it is to read", "How the tone moves", "Who gets to speak"):
        assert heading in html
    assert "Methods and limits" in html
    assert "It contains no direct quotation" in html  # the bundled article's finding
    assert re.search(r"Of its 13 sentences", html)
    assert 'class="news-reading-view"' in html  # the reading view is embedded
    assert html.count("data:image/png;base64") >= 3  # figures are inline: page works from disk


def test_writeup_figures_are_saved_with_the_05_prefix(site: Path):
    names = sorted(p.stem for p in (site / "figures").glob("05-*.png"))
    assert names, "the write-up saved no figure"
    for stem in names:
        for ext in (".svg", ".csv", ".txt"):
            assert (site / "figures" / f"{stem}{ext}").is_file()


def test_writeup_escapes_article_text(hostile_writeup: str):
    assert XSS not in hostile_writeup
    assert "alert(1)" in hostile_writeup  # the words are shown …
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_writeup  # … as text
    assert (
        "<em>great</em>" not in hostile_writeup and 'href="http://x.example' not in hostile_writeup
    )

"""One figure style for the whole suite: fonts, sizes, a colour-blind-safe palette, saving.

Every chart function builds its Figure with :func:`new_figure`, labels it with :func:`finish`,
and callers save it with :func:`save_figure`, which writes PNG (200 dpi), SVG and a CSV of exactly
the plotted data side by side, plus alt text for the HTML report.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.errors import AnalysisError
from analysis.files import atomic_write


def _show_figures_in_notebooks() -> None:
    """Display Figure objects inline in Jupyter: they are not pyplot figures, so the inline
    backend would otherwise show only their text repr."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is not None:
        set_matplotlib_formats("png")


_show_figures_in_notebooks()

# Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#7F7F7F",
}
SEQUENCE = [
    PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow")
]
SENTIMENT_COLOURS = {
    "negative": PALETTE["vermillion"],
    "neutral": PALETTE["grey"],
    "positive": PALETTE["blue"],
}
DPI = 200
RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=SEQUENCE),
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "svg.fonttype": "none",
    "svg.hashsalt": "news-analysis",  # deterministic SVG ids
}


def new_figure(width: float = 8.0, height: float = 4.5, **subplot_kw) -> tuple[Figure, object]:
    """A Figure (not attached to pyplot state) with the suite's style applied."""
    with plt.rc_context(RC):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.subplots(**subplot_kw)
    return fig, ax


def require_columns(table: pd.DataFrame, needed: set[str], what: str) -> None:
    """A chart given the wrong table fails with one clear line, not a KeyError deep in pandas."""
    missing = needed - set(table.columns)
    if missing:
        raise AnalysisError(f"{what} needs columns {sorted(missing)}")


def show_nothing(ax, message: str) -> None:
    """An empty table still gives a titled figure, with a note in place of the plot."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_xticks([])
    ax.set_yticks([])


def finish(
    fig: Figure,
    ax,
    *,
    title: str,
    xlabel: str | None = None,
    ylabel: str | None = None,
    source: str | None = None,
) -> Figure:
    """Title, axis labels and a source line naming the article: every figure has all three."""
    with plt.rc_context(RC):
        ax.set_title(title, loc="left")
        if xlabel is not None:
            ax.set_xlabel(xlabel)
        if ylabel is not None:
            ax.set_ylabel(ylabel)
        fig.text(
            0.01,
            0.0,
            f"Source: {source}" if source else "Source: news-analysis",
            fontsize=8,
            color=PALETTE["grey"],
            ha="left",
            va="bottom",
        )
        fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    return fig


def save_figure(
    fig: Figure, data: pd.DataFrame, out_dir: str | os.PathLike[str], name: str, alt: str
) -> dict[str, Path]:
    """Write ``name``.png/.svg/.csv (the plotted data) and .txt (alt text) atomically."""
    out = Path(out_dir)
    paths = {ext: out / f"{name}.{ext}" for ext in ("png", "svg", "csv", "txt")}
    with plt.rc_context(RC):
        atomic_write(
            paths["png"],
            lambda p: fig.savefig(p, format="png", dpi=DPI, metadata={"Software": None}),
        )
        atomic_write(paths["svg"], lambda p: fig.savefig(p, format="svg", metadata={"Date": None}))
    atomic_write(paths["csv"], lambda p: data.to_csv(p, index=False))
    atomic_write(paths["txt"], lambda p: Path(p).write_text(alt.strip() + "\n", encoding="utf-8"))
    return paths

"""Sentiment charts: the arc of the story's tone and the distribution of sentence scores.

Both take the tables of :mod:`analysis.sentiment` and colour sentences by label with
``SENTIMENT_COLOURS`` (Okabe–Ito vermillion / grey / blue, safe for colour-blind readers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.errors import AnalysisError
from analysis.sentiment import LABELS, NEG_THRESHOLD, POS_THRESHOLD
from analysis.style import PALETTE, SENTIMENT_COLOURS, finish, new_figure, require_columns

_ARC_NEEDS = {"sentence_id", "paragraph_id", "compound", "label", "smoothed"}
_DIST_NEEDS = {"compound", "label"}


def _band(ax, pos_threshold: float, neg_threshold: float, *, vertical: bool = False) -> None:
    """The neutral band between the thresholds, and the zero line."""
    span = ax.axvspan if vertical else ax.axhspan
    line = ax.axvline if vertical else ax.axhline
    span(neg_threshold, pos_threshold, color=PALETTE["grey"], alpha=0.15, lw=0, zorder=0)
    line(0, color=PALETTE["black"], lw=0.8, zorder=1)


def sentiment_arc_chart(
    arc: pd.DataFrame,
    source: str | None = None,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
    title: str = "How the tone moves through the story",
) -> Figure:
    """Per-sentence compound as bars coloured by label, the smoothed line, paragraph boundaries.

    ``arc`` is a :func:`analysis.sentiment.sentiment_arc` table. Dotted vertical lines separate
    paragraphs; the grey band is the neutral zone between the thresholds.
    """
    require_columns(arc, _ARC_NEEDS, "sentiment_arc_chart")
    arc = arc.sort_values("sentence_id")
    n = len(arc)
    fig, ax = new_figure(width=max(8.0, min(14.0, 0.3 * n + 5)), height=4.5)
    x = arc["sentence_id"].to_numpy()
    labels = arc["label"].astype(object).to_numpy()
    colours = [SENTIMENT_COLOURS.get(lab, PALETTE["grey"]) for lab in labels]
    _band(ax, pos_threshold, neg_threshold)
    ax.bar(x, arc["compound"].to_numpy(), width=0.7, color=colours, zorder=2)
    window = int(arc["window"].iloc[0]) if "window" in arc and n else None
    ax.plot(x, arc["smoothed"].to_numpy(), color=PALETTE["black"], lw=2, marker="o", ms=3, zorder=3)
    pids = arc["paragraph_id"].to_numpy()
    for boundary in x[1:][pids[1:] != pids[:-1]]:
        ax.axvline(boundary - 0.5, color=PALETTE["grey"], lw=0.8, ls=":", zorder=1)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(-0.7, (x.max() if n else 0) + 0.7)
    step = max(1, int(np.ceil(n / 25)))
    ax.set_xticks(x[::step])
    counts = {lab: int((labels == lab).sum()) for lab in LABELS}
    handles = [
        Patch(color=SENTIMENT_COLOURS[lab], label=f"{lab} ({counts[lab]})")
        for lab in reversed(LABELS)
    ]
    smooth_label = f"smoothed ({window}-sentence mean)" if window else "smoothed"
    handles += [
        Line2D([], [], color=PALETTE["black"], lw=2, label=smooth_label),
        Patch(
            color=PALETTE["grey"],
            alpha=0.15,
            label=f"neutral band ({neg_threshold:+.2f} to {pos_threshold:+.2f})",
        ),
        Line2D([], [], color=PALETTE["grey"], lw=0.8, ls=":", label="paragraph boundary"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return finish(
        fig,
        ax,
        title=title,
        xlabel="Sentence (sentence_id, in reading order)",
        ylabel="Sentence compound (VADER, −1 … +1)",
        source=source,
    )


def sentiment_distribution_chart(
    table: pd.DataFrame,
    source: str | None = None,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
    bin_width: float = 0.1,
    title: str = "How positive or negative the sentences are",
) -> Figure:
    """Histogram of sentence compound, stacked by label, with each sentence as a tick below.

    Bins are centred on 0 so that, with the default thresholds and ``bin_width`` 0.1, the middle
    bin is exactly the neutral band. ``table`` is a :func:`sentence_sentiment` table.
    """
    require_columns(table, _DIST_NEEDS, "sentiment_distribution_chart")
    if not bin_width > 0:
        raise AnalysisError(f"bin_width must be positive, got {bin_width!r}")
    compound = table["compound"].to_numpy(dtype="float64")
    labels = table["label"].astype(object).to_numpy()
    half = bin_width / 2
    n_side = int(np.ceil((1 - half) / bin_width - 1e-9))
    edges = np.linspace(-half - n_side * bin_width, half + n_side * bin_width, 2 * n_side + 2)
    fig, ax = new_figure(width=8.0, height=4.5)
    _band(ax, pos_threshold, neg_threshold, vertical=True)
    bottom = np.zeros(len(edges) - 1)
    for lab in LABELS:
        counts, _ = np.histogram(compound[labels == lab], bins=edges)
        ax.bar(
            edges[:-1],
            counts,
            width=bin_width,
            align="edge",
            bottom=bottom,
            color=SENTIMENT_COLOURS[lab],
            edgecolor=["white" if c else "none" for c in counts],  # no line for empty bins
            lw=0.8,
            label=f"{lab} ({int((labels == lab).sum())})",
            zorder=2,
        )
        bottom += counts
    top = max(1.0, float(bottom.max()))
    # one tick per sentence under the bars, so single sentences are never hidden by binning
    ax.scatter(
        compound,
        np.full(len(compound), -0.06 * top),
        marker="|",
        s=120,
        c=[SENTIMENT_COLOURS.get(lab, PALETTE["grey"]) for lab in labels],
        zorder=3,
    )
    if len(compound):
        mean = float(compound.mean())
        ax.axvline(mean, color=PALETTE["black"], lw=1.2, ls="--", zorder=3)
        ax.annotate(
            f"mean {mean:+.3f}",
            xy=(mean, top * 1.02),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=8,
            va="bottom",
        )
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.12 * top, top * 1.15)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", fontsize=8)
    return finish(
        fig,
        ax,
        title=title,
        xlabel="VADER compound of a sentence (−1 negative … +1 positive)",
        ylabel="Sentences",
        source=source,
    )

"""Corpus charts: articles side by side — how hard each reads and how its sentences feel.

They take the ``articles`` table of :func:`analysis.analyze_corpus` (one row per article). When
the files are OneStopEnglish versions (``<topic>-ele/int/adv.txt``), each topic is one row and
its three reading levels are dots in the level's colour, so a reader sees at a glance whether
the rewritten versions really read easier, and whether rewriting changed the tone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.errors import AnalysisError
from analysis.sentiment import NEG_THRESHOLD, POS_THRESHOLD
from analysis.style import PALETTE, SEQUENCE, finish, new_figure

LEVEL_ORDER = ("elementary", "intermediate", "advanced")
LEVEL_COLOURS = dict(zip(LEVEL_ORDER, (SEQUENCE[2], SEQUENCE[1], SEQUENCE[0]), strict=True))
NO_LEVEL = "article"
METRIC_LABELS = {
    "flesch_kincaid_grade": "Flesch–Kincaid grade (US school year)",
    "mean_compound": "Mean sentence sentiment (VADER compound)",
}
_NEEDS = {"stem", "level"}


def _colour(group: str) -> str:
    return LEVEL_COLOURS.get(group, PALETTE["purple"])


def _rows(articles: pd.DataFrame) -> pd.DataFrame:
    """One plotting row per article: the row label (topic, or the file stem) and its level."""
    missing = _NEEDS - set(articles.columns)
    if missing:
        raise AnalysisError(f"corpus charts need the articles table; missing {sorted(missing)}")
    stems = articles["stem"].astype(str).to_numpy(dtype=object)
    levels = articles["level"].astype(object).to_numpy()
    has_level = np.array([isinstance(v, str) and v in LEVEL_COLOURS for v in levels])
    topics = [s.rsplit("-", 1)[0] if ok else s for s, ok in zip(stems, has_level, strict=True)]
    table = articles.copy()
    table["row"] = topics
    table["group"] = [v if ok else NO_LEVEL for v, ok in zip(levels, has_level, strict=True)]
    return table


def corpus_comparison_chart(
    articles: pd.DataFrame,
    source: str | None = None,
    *,
    metrics: tuple[str, str] = ("flesch_kincaid_grade", "mean_compound"),
    title: str = "The articles side by side",
) -> Figure:
    """Two dot panels sharing one row per topic (or article): a readability grade on the left,
    mean sentence sentiment on the right, each dot coloured by reading level when known.

    Rows are ordered by the left metric (mean over a topic's versions), hardest at the top.
    """
    for metric in metrics:
        if metric not in articles.columns:
            raise AnalysisError(f"corpus_comparison_chart: the table has no column {metric!r}")
    table = _rows(articles)
    order = table.groupby("row", sort=True)[metrics[0]].mean().sort_values(kind="stable")
    position = {row: i for i, row in enumerate(order.index)}
    n_rows = len(position)
    height = min(14.0, max(3.2, 0.28 * n_rows + 1.8))
    fig, axes = new_figure(width=9.5, height=height, ncols=2, sharey=True)
    groups = [g for g in (*LEVEL_ORDER, NO_LEVEL) if g in set(table["group"])]
    y_all = table["row"].map(position).to_numpy(dtype="float64")
    for ax, metric in zip(axes, metrics, strict=True):
        values = table[metric].to_numpy(dtype="float64")
        # a thin line per row spans its versions: the gap between levels is the finding
        for row, i in position.items():
            v = values[table["row"].to_numpy(dtype=object) == row]
            v = v[~np.isnan(v)]
            if len(v) > 1:
                ax.plot([v.min(), v.max()], [i, i], color=PALETTE["grey"], lw=1, zorder=1)
        for group in groups:
            mask = (table["group"] == group).to_numpy()
            ax.scatter(
                values[mask],
                y_all[mask],
                s=36,
                color=_colour(group),
                edgecolor="white",
                linewidth=0.5,
                zorder=3,
                label=group,
            )
        ax.grid(axis="x", color=PALETTE["grey"], alpha=0.25, lw=0.6)
        ax.set_xlabel(METRIC_LABELS.get(metric, metric))
    if metrics[1] == "mean_compound":
        axes[1].axvspan(NEG_THRESHOLD, POS_THRESHOLD, color=PALETTE["grey"], alpha=0.15, lw=0)
        axes[1].axvline(0, color=PALETTE["black"], lw=0.8, zorder=1)
    axes[0].set_yticks(range(n_rows), list(position))
    axes[0].set_ylim(-0.7, n_rows - 0.3)
    axes[0].tick_params(axis="y", labelsize=8 if n_rows > 20 else 9)
    if len(groups) > 1 or groups != [NO_LEVEL]:
        handles = [Line2D([], [], marker="o", ls="", color=_colour(g), label=g) for g in groups]
        axes[1].legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return finish(
        fig,
        axes[0],
        title=title,
        xlabel=METRIC_LABELS.get(metrics[0], metrics[0]),
        ylabel="Topic" if NO_LEVEL not in groups else "Article",
        source=source,
    )


def level_distribution_chart(
    articles: pd.DataFrame,
    source: str | None = None,
    *,
    metric: str = "flesch_kincaid_grade",
    title: str = "Readability by reading level",
) -> Figure:
    """Every article as a dot in its level's column, with the level's mean as a bar: does the
    grade rise from elementary to advanced, and how much do the levels overlap?"""
    if metric not in articles.columns:
        raise AnalysisError(f"level_distribution_chart: the table has no column {metric!r}")
    table = _rows(articles)
    groups = [g for g in (*LEVEL_ORDER, NO_LEVEL) if g in set(table["group"])]
    fig, ax = new_figure(width=6.5, height=4.5)
    rng = np.random.default_rng(0)  # fixed jitter: the same figure on every run
    for i, group in enumerate(groups):
        values = table.loc[table["group"] == group, metric].to_numpy(dtype="float64")
        values = values[~np.isnan(values)]
        colour = _colour(group)
        x = i + rng.uniform(-0.18, 0.18, len(values))
        ax.scatter(x, values, s=22, color=colour, alpha=0.8, edgecolor="white", lw=0.4, zorder=3)
        if len(values):
            mean = float(values.mean())
            ax.plot([i - 0.3, i + 0.3], [mean, mean], color=PALETTE["black"], lw=2, zorder=4)
            ax.annotate(
                f"mean {mean:.1f} (n={len(values)})",
                xy=(i + 0.32, mean),
                fontsize=8,
                va="center",
            )
    ax.set_xticks(range(len(groups)), groups)
    ax.set_xlim(-0.5, len(groups) - 0.5 + 0.6)
    ax.grid(axis="y", color=PALETTE["grey"], alpha=0.25, lw=0.6)
    return finish(
        fig,
        ax,
        title=title,
        xlabel="Reading level (OneStopEnglish version)",
        ylabel=METRIC_LABELS.get(metric, metric),
        source=source,
    )

"""Readability charts: the article's profile against US grade bands, and difficulty per sentence.

Each function takes the table produced by :mod:`analysis.readability` and returns a Figure.
Flesch Reading Ease (0–100, higher is easier) and New Dale–Chall (a score, not a grade) are drawn
as grade equivalents from their published tables, and labelled with their own score, so every bar
shares one axis and reads the same way: further right is harder.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analysis.readability import GRADE_BANDS, rank_hardest
from analysis.style import PALETTE, finish, new_figure

_BAND_SHADES = ("#F2F2F2", "#FFFFFF")


def _shade_grade_bands(ax, *, vertical: bool, limit: float) -> None:
    """Alternate light bands for US school levels, labelled on the far edge."""
    for i, (band, grades, low, high, _) in enumerate(GRADE_BANDS):
        high = min(high, limit)
        if low >= limit:
            break
        span = ax.axvspan if vertical else ax.axhspan
        span(low, high, color=_BAND_SHADES[i % 2], zorder=0, lw=0)
        label = f"{band}\n({grades})"
        if vertical:
            ax.text(
                (low + high) / 2,
                0.99,
                label,
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="top",
                fontsize=8,
                color=PALETTE["grey"],
            )
        else:
            ax.text(
                1.005,
                (low + high) / 2,
                label.replace("\n", " "),
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="center",
                fontsize=7.5,
                color=PALETTE["grey"],
            )


def readability_profile_chart(profile: pd.DataFrame, source: str) -> Figure:
    """One bar per formula at its US grade (from :func:`analysis.readability_profile`), on the
    school grade bands, with the consensus (median) grade marked."""
    table = profile.iloc[::-1].reset_index(drop=True)  # first formula on top
    limit = max(20.0, math.ceil(float(table["grade"].max()) + 2))
    fig, ax = new_figure(8.0, 4.6)
    _shade_grade_bands(ax, vertical=True, limit=limit)
    colours = [PALETTE["orange"] if c else PALETTE["blue"] for c in table["converted"]]
    ax.barh(table["name"], table["grade"].clip(lower=0), color=colours, height=0.6, zorder=2)
    for i, row in table.iterrows():
        if row["converted"]:
            label = f"{row['score']:.1f} → grade {row['grade']:.1f}"
        else:
            label = f"{row['score']:.1f}"
        ax.text(
            max(row["grade"], 0) + 0.2,
            i,
            label,
            va="center",
            fontsize=8.5,
            zorder=4,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
        )
    consensus = float(table["grade"].median())
    ax.set_xlim(0, limit)
    ax.set_ylim(-0.6, len(table) + 0.5)  # room for the band labels on top
    ax.tick_params(axis="y", length=0)
    ax.bar(0, 0, color=PALETTE["blue"], label="US grade formula")
    ax.bar(0, 0, color=PALETTE["orange"], label="score → grade by its published table")
    ax.axvline(
        consensus,
        color=PALETTE["black"],
        ls="--",
        lw=1,
        zorder=3,
        label=f"consensus (median) grade {consensus:.1f}",
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3, fontsize=8)
    return finish(
        fig,
        ax,
        title="Readability profile: US school grade needed to read the article",
        xlabel="US school grade (further right is harder)",
        source=source,
    )


def sentence_difficulty_chart(sentences: pd.DataFrame, source: str, n_highlight: int = 3) -> Figure:
    """Flesch–Kincaid grade of every sentence (from :func:`analysis.readability_sentences`),
    paragraph boundaries dotted, the ``n_highlight`` hardest sentences (by consensus grade, as
    :func:`analysis.readability.hardest_sentences` ranks them) highlighted and numbered."""
    table = sentences.reset_index(drop=True)
    x = table["sentence_id"].to_numpy()
    grades = table["flesch_kincaid_grade"].to_numpy()
    hardest = rank_hardest(table, n_highlight)["sentence_id"].tolist()
    top = max(20.0, math.ceil(float(max(grades.max(), table["consensus_grade"].max())) + 2))
    fig, ax = new_figure(8.0, 4.6)
    _shade_grade_bands(ax, vertical=False, limit=top)
    colours = [PALETTE["vermillion"] if s in hardest else PALETTE["blue"] for s in x]
    ax.bar(x, grades.clip(min=0), color=colours, width=0.7, zorder=2)
    ax.scatter(
        x,
        table["consensus_grade"],
        color=PALETTE["black"],
        s=14,
        zorder=3,
        label="consensus grade (median of formulas)",
    )
    for rank, sid in enumerate(hardest, start=1):
        i = int((table["sentence_id"] == sid).to_numpy().argmax())
        ax.text(
            sid,
            max(grades[i], table.loc[i, "consensus_grade"]) + 0.4,
            f"#{rank}",
            ha="center",
            fontsize=8,
            color=PALETTE["vermillion"],
            zorder=4,
        )
    changes = table.index[table["paragraph_id"].diff().fillna(0) != 0]
    for i in changes:
        ax.axvline(x[i] - 0.5, color=PALETTE["grey"], ls=":", lw=1, zorder=1)
    mean = float(pd.Series(grades).mean())
    # named in the legend, not beside the line, where it can cover a bar's rank label
    ax.axhline(
        mean,
        color=PALETTE["black"],
        ls="--",
        lw=0.8,
        zorder=1,
        label=f"mean of sentences ({mean:.1f})",
    )
    ax.bar(0, 0, color=PALETTE["blue"], label="Flesch–Kincaid grade")
    ax.bar(0, 0, color=PALETTE["vermillion"], label=f"{n_highlight} hardest sentences (#rank)")
    ax.plot([], [], color=PALETTE["grey"], ls=":", label="paragraph boundary")
    ax.set_xlim(x[0] - 0.6, x[-1] + 0.6)
    ax.set_ylim(0, top)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=min(len(x), 20), integer=True))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3, fontsize=8)
    return finish(
        fig,
        ax,
        title="Difficulty sentence by sentence",
        xlabel="sentence (body, in reading order, from 0)",
        ylabel="US school grade",
        source=source,
    )

"""Actor charts: where each actor appears, who appears with whom, and how each is portrayed.

Each function takes a table from :mod:`analysis.portrayal` and returns a Figure. Colours are
the suite's colour-blind-safe Okabe–Ito palette; the co-mention heatmap uses cividis, a sequential
map readable with every common colour-vision deficiency and in greyscale.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.style import PALETTE, finish, new_figure, require_columns, show_nothing

KIND_COLOURS = {
    "person": PALETTE["blue"],
    "organisation": PALETTE["orange"],
    "place": PALETTE["green"],
    "group": PALETTE["purple"],
}
ROLE_STYLE = {
    "about": {"color": PALETTE["blue"], "marker": "o", "label": "ABOUT (tone toward mentions)"},
    "by": {"color": PALETTE["vermillion"], "marker": "s", "label": "BY (tone of their words)"},
}


def mention_timeline_chart(
    timeline: pd.DataFrame,
    source: str | None = None,
    *,
    n_sentences: int | None = None,
    max_actors: int = 12,
    title: str = "Who appears where in the story",
) -> Figure:
    """One row per actor (most mentioned on top), a dot for each sentence that mentions it.

    ``timeline`` is :func:`analysis.portrayal.mention_timeline`. Dot area grows with the
    number of mentions in the sentence; hollow dots are sentences where the actor appears only
    as a pronoun.
    """
    require_columns(
        timeline,
        {"actor", "kind", "sentence_id", "n_mentions", "n_pronoun", "actor_rank"},
        "mention_timeline_chart",
    )
    ranks = sorted(timeline["actor_rank"].unique())[:max_actors]
    shown = timeline[timeline["actor_rank"].isin(ranks)]
    fig, ax = new_figure(width=8.0, height=max(2.5, 0.38 * len(ranks) + 1.6))
    if shown.empty:
        show_nothing(ax, "No actors found")
        return finish(fig, ax, title=title, source=source)
    order = (
        shown.drop_duplicates("actor").sort_values("actor_rank")["actor"].astype(object).tolist()
    )
    y_of = {actor: i for i, actor in enumerate(order)}
    for row in shown.itertuples(index=False):
        colour = KIND_COLOURS.get(row.kind, PALETTE["grey"])
        only_pronoun = row.n_pronoun == row.n_mentions
        ax.scatter(
            row.sentence_id,
            y_of[row.actor],
            s=30 + 45 * (row.n_mentions - 1),
            facecolor="white" if only_pronoun else colour,
            edgecolor=colour,
            linewidth=1.5,
            zorder=3,
        )
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()
    last = n_sentences - 1 if n_sentences else int(timeline["sentence_id"].max())
    ax.set_xlim(-0.7, last + 0.7)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", color=PALETTE["grey"], alpha=0.2)
    kinds = [k for k in KIND_COLOURS if k in set(shown["kind"])]
    handles = [
        Line2D([], [], ls="", marker="o", color=KIND_COLOURS[k], label=k, ms=7) for k in kinds
    ]
    handles.append(
        Line2D([], [], ls="", marker="o", mfc="white", mec=PALETTE["grey"], label="pronoun only")
    )
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return finish(
        fig, ax, title=title, xlabel="Sentence (0 = first sentence of the body)", source=source
    )


def co_mention_chart(
    pairs: pd.DataFrame,
    source: str | None = None,
    *,
    max_actors: int = 10,
    title: str = "Who is mentioned in the same sentence",
) -> Figure:
    """Heatmap of sentences shared by each pair of actors; the diagonal counts each actor's own.

    ``pairs`` is :func:`analysis.portrayal.co_mentions` (long form, actors in table order).
    """
    require_columns(pairs, {"actor_a", "actor_b", "n_sentences"}, "co_mention_chart")
    order = list(dict.fromkeys(pairs["actor_a"].astype(object)))[:max_actors]
    size = max(3.5, 0.55 * len(order) + 2.5)
    fig, ax = new_figure(width=size + 1.5, height=size)
    if not order:
        show_nothing(ax, "No actors found")
        return finish(fig, ax, title=title, source=source)
    matrix = (
        pairs[pairs["actor_a"].isin(order) & pairs["actor_b"].isin(order)]
        .pivot(index="actor_a", columns="actor_b", values="n_sentences")
        .reindex(index=order, columns=order)
        .fillna(0)
        .to_numpy(dtype=float)
    )
    cmap = matplotlib.colormaps["cividis"].with_extremes(bad="white")
    image = ax.imshow(np.ma.masked_equal(matrix, 0), cmap=cmap, vmin=0, vmax=max(matrix.max(), 1))
    top = matrix.max() if matrix.size else 0
    for i in range(len(order)):
        for j in range(len(order)):
            value = int(matrix[i, j])
            if value:
                light = top and matrix[i, j] > 0.55 * top
                ax.text(
                    j,
                    i,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="black" if light else "white",
                )
    ax.set_xticks(range(len(order)), order, rotation=45, ha="right")
    ax.set_yticks(range(len(order)), order)
    ax.spines[:].set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.8)
    bar.set_label("sentences")
    bar.ax.yaxis.get_major_locator().set_params(integer=True)
    return finish(fig, ax, title=title, source=source)


def actor_sentiment_chart(
    table: pd.DataFrame,
    source: str | None = None,
    *,
    max_actors: int = 12,
    title: str = "Tone about each actor, and of their own words",
) -> Figure:
    """Cleveland dot plot: mean score ABOUT (circles) and BY (squares) each actor, 95% bootstrap
    intervals as lines, n beside each dot. Actors keep the table's order (most mentioned first).
    """
    require_columns(
        table, {"actor", "role", "n", "mean_score", "ci_low", "ci_high"}, "actor_sentiment_chart"
    )
    order = list(dict.fromkeys(table["actor"].astype(object)))[:max_actors]
    fig, ax = new_figure(width=8.5, height=max(2.8, 0.45 * len(order) + 1.8))
    if not order:
        show_nothing(ax, "No actors found")
        return finish(fig, ax, title=title, source=source)
    y_of = {actor: i for i, actor in enumerate(order)}
    offset = {"about": -0.15, "by": 0.15}
    ax.axvline(0, color=PALETTE["black"], lw=0.8, zorder=1)
    for i in range(len(order)):
        ax.axhline(i, color=PALETTE["grey"], lw=0.5, alpha=0.3, zorder=0)
    for row in table[table["actor"].isin(order)].itertuples(index=False):
        style = ROLE_STYLE.get(row.role, ROLE_STYLE["about"])
        y = y_of[row.actor] + offset.get(row.role, 0)
        if np.isfinite(row.ci_low) and np.isfinite(row.ci_high):
            ax.plot([row.ci_low, row.ci_high], [y, y], color=style["color"], lw=2, alpha=0.6)
        ax.plot(
            row.mean_score, y, ls="", marker=style["marker"], color=style["color"], ms=7, zorder=3
        )
        right = max(row.mean_score, row.ci_high if np.isfinite(row.ci_high) else row.mean_score)
        ax.annotate(
            f"n={row.n}",
            (right, y),
            xytext=(7, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
            color=PALETTE["black"],
        )
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    roles = [r for r in ROLE_STYLE if r in set(table["role"])]
    handles = [
        Line2D(
            [],
            [],
            ls="-",
            marker=ROLE_STYLE[r]["marker"],
            color=ROLE_STYLE[r]["color"],
            label=ROLE_STYLE[r]["label"],
        )
        for r in roles
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.12), ncol=2, fontsize=8)
    return finish(
        fig,
        ax,
        title=title,
        xlabel="Mean sentiment score (−1 negative … +1 positive); line = 95% bootstrap interval",
        source=source,
    )

"""How well each method does on human-annotated data, next to the naive baseline it must beat.

Takes :func:`analysis.validation.summary.figures_table` (``task, metric, method, value, n``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.style import PALETTE, finish, new_figure, require_columns

_NEEDS = {"task", "metric", "method", "value"}
_METHOD_COLOURS = {"package": PALETTE["blue"], "baseline": PALETTE["grey"]}
_METHOD_LABELS = {"package": "this package", "baseline": "naive baseline"}


def validation_chart(
    table: pd.DataFrame,
    source: str | None = None,
    *,
    title: str = "Measured accuracy: the package against naive baselines",
) -> Figure:
    """Horizontal paired bars, one pair per task and metric, scored 0–1, with the value printed.

    Rows keep the table's order (tasks grouped); ``n`` (gold items) is shown in the row label.
    """
    require_columns(table, _NEEDS, "validation_chart")
    rows = table[["task", "metric"]].drop_duplicates().reset_index(drop=True)
    n_rows = len(rows)
    fig, ax = new_figure(width=8.5, height=max(2.5, 0.62 * n_rows + 1.6))
    height = 0.38
    methods = [m for m in ("package", "baseline") if m in set(table["method"])]
    for j, method in enumerate(methods):
        sub = table[table["method"] == method].set_index(["task", "metric"])["value"]
        values = np.array(
            [sub.get((r.task, r.metric), np.nan) for r in rows.itertuples(index=False)],
            dtype="float64",
        )
        y = np.arange(n_rows) + (j - (len(methods) - 1) / 2) * height
        present = ~np.isnan(values)
        ax.barh(
            y[present],
            values[present],
            height=height * 0.92,
            color=_METHOD_COLOURS[method],
            zorder=2,
        )
        for yi, v in zip(y[present], values[present], strict=True):
            # three decimals: 0.797 printed as "0.80" would read as a met 0.80 target
            ax.text(v + 0.01, yi, f"{v:.3f}", va="center", fontsize=8, zorder=3)
        for yi in y[~present]:
            ax.text(0.01, yi, "not measured", va="center", fontsize=7, color=PALETTE["grey"])
    labels = []
    for r in rows.itertuples(index=False):
        n = table[(table["task"] == r.task) & (table["metric"] == r.metric)]
        n = n["n"].dropna() if "n" in n else pd.Series([], dtype="float64")
        suffix = f" (n={int(n.iloc[0]):,})" if len(n) else ""
        labels.append(f"{r.task}\n{r.metric}{suffix}")
    ax.set_yticks(np.arange(n_rows), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.08)
    ax.grid(axis="x", color="#dddddd", lw=0.6, zorder=0)
    ax.legend(
        handles=[Patch(color=_METHOD_COLOURS[m], label=_METHOD_LABELS[m]) for m in methods],
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8,
    )
    return finish(
        fig,
        ax,
        title=title,
        xlabel="Score (0–1, higher is better)",
        source=source,
    )

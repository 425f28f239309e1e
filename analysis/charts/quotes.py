"""Attribution charts: who gets to speak, how they are quoted, and with which verbs.

Each function takes a table from :mod:`analysis.attribution` (``speaker_summary`` or
``find_attributions``) and returns a Figure. Colours come from the suite's Okabe–Ito palette:
neutral cues grey, evaluative cues vermillion, so the framing reads without a legend lookup.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.style import PALETTE, finish, new_figure, require_columns, show_nothing

KIND_COLOURS = {
    "direct": PALETTE["blue"],
    "mixed": PALETTE["sky"],
    "indirect": PALETTE["orange"],
}
CLASS_COLOURS = {"neutral": PALETTE["grey"], "evaluative": PALETTE["vermillion"]}


def _short(label: str, width: int = 32) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def share_of_voice_chart(
    summary: pd.DataFrame,
    source: str | None = None,
    *,
    max_speakers: int = 12,
    title: str = "Share of voice: who is reported as speaking",
) -> Figure:
    """Two bar panels per speaker: number of attributions, and words of attributed content.

    ``summary`` is :func:`analysis.attribution.speaker_summary`, already sorted by words.
    """
    require_columns(summary, {"speaker", "attributions", "content_words"}, "share_of_voice_chart")
    top = summary.head(max_speakers).iloc[::-1]
    height = 1.2 + 0.38 * max(len(top), 2)
    fig, (ax1, ax2) = new_figure(9.0, height, ncols=2, sharey=True)
    if top.empty:
        show_nothing(ax1, "no attributions found")
        show_nothing(ax2, "")
        return finish(fig, ax1, title=title, source=source)
    labels = [_short(s) for s in top["speaker"]]
    ax1.barh(labels, top["attributions"], color=PALETTE["blue"])
    ax2.barh(labels, top["content_words"], color=PALETTE["orange"])
    for ax, column in ((ax1, "attributions"), (ax2, "content_words")):
        for y, value in enumerate(top[column]):
            ax.text(value, y, f" {int(value)}", va="center", fontsize=8)
        ax.margins(x=0.15)
    ax1.set_xlabel("attributions")
    ax2.set_xlabel("words of attributed content")
    ax1.xaxis.get_major_locator().set_params(integer=True)
    return finish(fig, ax1, title=title, source=source)


def direct_indirect_chart(
    attributions: pd.DataFrame,
    source: str | None = None,
    *,
    max_speakers: int = 12,
    title: str = "Quoted or paraphrased, per speaker",
) -> Figure:
    """Stacked bars per speaker: direct quotes, mixed quotes and paraphrase (indirect)."""
    require_columns(attributions, {"speaker", "kind"}, "direct_indirect_chart")
    fig, ax = new_figure(8.0, 1.2 + 0.38 * max(min(attributions["speaker"].nunique(), 12), 2))
    if attributions.empty:
        show_nothing(ax, "no attributions found")
        return finish(fig, ax, title=title, source=source)
    speakers = attributions["speaker"].astype("string").fillna("(unattributed)")
    counts = (
        pd.crosstab(speakers, attributions["kind"])
        .reindex(columns=list(KIND_COLOURS), fill_value=0)
        .assign(total=lambda t: t.sum(axis=1))
        .sort_values("total", ascending=True)
        .tail(max_speakers)
    )
    left = pd.Series(0, index=counts.index)
    for kind, colour in KIND_COLOURS.items():
        values = counts[kind]
        ax.barh([_short(s) for s in counts.index], values, left=left, color=colour, label=kind)
        left = left + values
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="kind")
    return finish(fig, ax, title=title, xlabel="attributions", source=source)


def cue_framing_chart(
    attributions: pd.DataFrame,
    source: str | None = None,
    *,
    max_cues: int = 15,
    title: str = "Verbs of attribution: neutral or evaluative",
) -> Figure:
    """Cue lemmas by frequency, each bar coloured by its framing class (neutral / evaluative)."""
    require_columns(attributions, {"cue_lemma", "cue_class"}, "cue_framing_chart")
    cues = attributions.dropna(subset=["cue_lemma"])
    fig, ax = new_figure(8.0, 1.2 + 0.34 * max(min(cues["cue_lemma"].nunique(), max_cues), 2))
    if cues.empty:
        show_nothing(ax, "no cues found")
        return finish(fig, ax, title=title, source=source)
    counts = (
        cues.groupby(["cue_lemma", "cue_class"], as_index=False)
        .size()
        .sort_values(["size", "cue_lemma"], ascending=[True, False])
        .tail(max_cues)
    )
    colours = [CLASS_COLOURS.get(c, PALETTE["black"]) for c in counts["cue_class"]]
    ax.barh(counts["cue_lemma"], counts["size"], color=colours)
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [Patch(color=colour, label=label) for label, colour in CLASS_COLOURS.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="cue class")
    return finish(fig, ax, title=title, xlabel="attributions", ylabel="cue (lemma)", source=source)

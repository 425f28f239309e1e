"""The reading view: the article's own text with every analysis drawn onto it.

Sentences are tinted by sentiment, actor mentions underlined, attributions marked (speaker boxed,
cue highlighted, content underlined), and every mark carries hover details in its ``title``.
The HTML is one self-contained fragment: inline ``style`` attributes only (no ``<style>`` sheet,
no JavaScript), so it survives JupyterLab's output sanitiser and embeds as-is in the report.

Safety and correctness:

* All article text, and every string that comes from a table (actor names, speakers), goes
  through :func:`html.escape`; the markup itself is built only from constants here.
* Spans may nest or overlap in any way. The markup is built from the sorted set of all span
  boundaries: between two boundaries the set of active marks is fixed, ordered outer → inner
  (sentence, attribution content, speaker, cue, mention), and the tags that differ from the
  previous segment are closed and reopened. The result is always well-nested HTML; a mark that
  overlaps another without nesting is simply split into fragments with the same look and title.
"""

from __future__ import annotations

import html
import itertools
import math
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.article import Article, as_article
from analysis.errors import InputError
from analysis.sentiment import NEG_THRESHOLD, POS_THRESHOLD, label_counts, sentence_sentiment
from analysis.style import PALETTE

# layers, outer → inner
_MUTED, _SENTENCE, _CONTENT, _SOURCE, _CUE, _MENTION = range(6)

_BLUE = (0, 114, 178)  # PALETTE["blue"]: positive
_VERMILLION = (213, 94, 0)  # PALETTE["vermillion"]: negative
_MUTED_STYLE = f"color:{PALETTE['grey']};font-size:0.92em"
_STYLES = {
    "content-direct": f"border-bottom:2px solid {PALETTE['purple']};padding-bottom:3px",
    "content-reported": f"border-bottom:2px dashed {PALETTE['purple']};padding-bottom:3px",
    "source": f"outline:1.5px solid {PALETTE['green']};outline-offset:0;border-radius:3px",
    "cue": "background:rgba(240,228,66,0.75);font-style:italic",
    "mention": (
        "font-weight:600;text-decoration:underline solid #000 2px;text-underline-offset:3px"
    ),
    "muted": _MUTED_STYLE,
}
_CONTAINER_STYLE = (
    "font-family:Georgia,'DejaVu Serif',serif;font-size:15px;line-height:2.1;color:#111;"
    "max-width:46em;background:#fff;padding:0.5em 1em"
)
_LEGEND_STYLE = (
    "font-family:'DejaVu Sans',Arial,sans-serif;font-size:12px;line-height:1.9;color:#333;"
    "border-bottom:1px solid #ddd;padding-bottom:0.5em;margin-bottom:0.8em"
)
_SID_STYLE = f"color:{PALETTE['grey']};font-size:0.65em;font-family:sans-serif;margin-right:2px"
_PID_STYLE = (
    f"color:{PALETTE['grey']};font-size:0.7em;font-family:sans-serif;display:inline-block;"
    "min-width:2.2em"
)
_DIRECT_KINDS = frozenset({"direct", "quote", "direct_quote", "quotation", "mixed"})


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    layer: int
    order: int
    css_class: str
    style: str
    title: str
    sentence_id: int | None = None

    @property
    def key(self) -> tuple[int, int, int, int]:
        return (self.layer, self.start, -self.end, self.order)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _span(value_start: object, value_end: object, n: int, what: str) -> tuple[int, int] | None:
    """A validated (start, end) span, or None when either end is missing or the span is empty."""
    if _is_missing(value_start) or _is_missing(value_end):
        return None
    start, end = int(value_start), int(value_end)
    if not 0 <= start <= end <= n:
        raise InputError(f"{what} span ({start}, {end}) is outside the article (0, {n})")
    return (start, end) if end > start else None


def _text(value: object, default: str = "") -> str:
    return default if _is_missing(value) else str(value)


def _tint(compound: float, label: str) -> str:
    """Background tint: hue from the label, strength from |compound| (none for neutral)."""
    if label not in ("positive", "negative"):
        return ""
    rgb = _BLUE if label == "positive" else _VERMILLION
    alpha = 0.10 + 0.30 * min(1.0, abs(compound))
    return f"background:rgba({rgb[0]},{rgb[1]},{rgb[2]},{alpha:.2f});border-radius:2px"


def _sentence_marks(table: pd.DataFrame | None, n: int) -> list[_Mark]:
    if table is None or table.empty:
        return []
    missing = {"start", "end", "compound", "label"} - set(table.columns)
    if missing:
        raise InputError(f"sentiment table is missing columns {sorted(missing)}")
    marks = []
    for i, row in enumerate(table.itertuples(index=False)):
        span = _span(row.start, row.end, n, "sentence")
        if span is None:
            continue
        sid = int(getattr(row, "sentence_id", i))
        pid = getattr(row, "paragraph_id", None)
        label, compound = _text(row.label, "neutral"), float(row.compound)
        detail = f"Sentence {sid}"
        if not _is_missing(pid):
            detail += f" (paragraph {int(pid)})"
        detail += f": {label}, compound {compound:+.3f}"
        if {"neg", "neu", "pos"} <= set(table.columns):
            detail += (
                f" — word proportions neg {float(row.neg):.2f} · neu {float(row.neu):.2f}"
                f" · pos {float(row.pos):.2f}"
            )
        marks.append(
            _Mark(*span, _SENTENCE, i, f"nrv-sent nrv-{label}", _tint(compound, label), detail, sid)
        )
    return marks


def _mention_marks(table: pd.DataFrame | None, n: int) -> list[_Mark]:
    if table is None or table.empty:
        return []
    missing = {"start", "end"} - set(table.columns)
    if missing:
        raise InputError(f"mentions table is missing columns {sorted(missing)}")
    marks = []
    for i, row in enumerate(table.to_dict("records")):
        span = _span(row["start"], row["end"], n, "mention")
        if span is None:
            continue
        title = f"Mention of {_text(row.get('actor'), 'an actor')}"
        linked_by = _text(row.get("linked_by"))
        if linked_by:
            title += f" (linked by {linked_by})"
        marks.append(_Mark(*span, _MENTION, i, "nrv-mention", _STYLES["mention"], title))
    return marks


def _attribution_marks(table: pd.DataFrame | None, n: int) -> list[_Mark]:
    if table is None or table.empty:
        return []
    marks = []
    for i, row in enumerate(table.to_dict("records")):
        speaker = _text(row.get("speaker"), "unnamed source")
        kind = _text(row.get("kind"), "reported")
        tag = f"attribution {i} ({kind})"
        direct = kind.lower() in _DIRECT_KINDS
        content_class = "content-direct" if direct else "content-reported"
        spans = row.get("content_spans")
        spans = [] if _is_missing(spans) else list(spans)
        for j, pair in enumerate(spans):
            span = _span(pair[0], pair[1], n, "attribution content")
            if span is not None:
                title = f"Words attributed to {speaker} — {tag}"
                marks.append(
                    _Mark(
                        *span,
                        _CONTENT,
                        i * 1000 + j,
                        f"nrv-content nrv-{content_class}",
                        _STYLES[content_class],
                        title,
                    )
                )
        span = _span(row.get("source_start"), row.get("source_end"), n, "attribution source")
        if span is not None:
            marks.append(
                _Mark(*span, _SOURCE, i, "nrv-source", _STYLES["source"], f"Speaker: {speaker}")
            )
        span = _span(row.get("cue_start"), row.get("cue_end"), n, "attribution cue")
        if span is not None:
            marks.append(_Mark(*span, _CUE, i, "nrv-cue", _STYLES["cue"], f"Cue of {tag}"))
    return marks


def _render(text: str, start: int, end: int, marks: list[_Mark]) -> str:
    """Escaped text[start:end] with marks, clipped to the region, as well-nested spans."""
    clipped = [m for m in marks if m.start < end and m.end > start]
    bounds = sorted(
        {start, end} | {max(m.start, start) for m in clipped} | {m.end for m in clipped}
    )
    bounds = [b for b in bounds if start <= b <= end]
    starts: dict[int, list[_Mark]] = {}
    for m in clipped:
        starts.setdefault(max(m.start, start), []).append(m)
    out: list[str] = []
    active: list[_Mark] = []
    opened: list[_Mark] = []
    for left, right in itertools.pairwise(bounds):
        active = [m for m in active if m.end > left] + starts.get(left, [])
        wanted = sorted(active, key=lambda m: m.key)
        keep = 0
        while keep < min(len(opened), len(wanted)) and opened[keep] is wanted[keep]:
            keep += 1
        out.extend("</span>" for _ in opened[keep:])
        for depth in range(keep, len(wanted)):
            m = wanted[depth]
            title = "\n".join(w.title for w in wanted[: depth + 1])
            out.append(
                f'<span class="{m.css_class}" style="{m.style}" '
                f'title="{html.escape(title, quote=True)}">'
            )
            if m.sentence_id is not None and m.start == left:
                out.append(f'<sup class="nrv-sid" style="{_SID_STYLE}">{m.sentence_id}</sup>')
        opened = wanted
        out.append(html.escape(text[left:right], quote=False))
    out.extend("</span>" for _ in opened)
    return "".join(out)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _swatch(style: str, label: str, css_class: str) -> str:
    return (
        f'<span style="margin-right:1.2em;white-space:nowrap">'
        f'<span class="{css_class}" style="{style};padding-left:3px;padding-right:3px">'
        f"{html.escape(label)}</span>"
        "</span>"
    )


@dataclass(frozen=True, eq=False)
class ReadingView:
    """An article with its sentence sentiment, actor mentions and attributions, as HTML.

    Displays itself in JupyterLab (``_repr_html_``); :meth:`to_html` gives the same fragment for
    the report, or a whole page with ``full_page=True``.
    """

    article: Article
    sentiment: pd.DataFrame | None = None
    mentions: pd.DataFrame | None = None
    attributions: pd.DataFrame | None = None

    def _marks(self) -> list[_Mark]:
        n = len(self.article.text)
        marks = _sentence_marks(self.sentiment, n)
        marks += _attribution_marks(self.attributions, n)
        marks += _mention_marks(self.mentions, n)
        if self.article.dateline is not None:
            d = self.article.dateline
            marks.append(_Mark(d.start, d.end, _MUTED, 0, "nrv-dateline", _MUTED_STYLE, "Dateline"))
        return marks

    def _counts(self) -> str:
        parts = []
        table = self.sentiment
        if table is not None and not table.empty:
            counts = ", ".join(f"{n} {lab}" for lab, n in label_counts(table["label"]).items())
            parts.append(f"{_plural(len(table), 'sentence')}: {counts}")
        if self.mentions is not None and not self.mentions.empty:
            n_actors = self.mentions["actor"].nunique() if "actor" in self.mentions else 0
            parts.append(
                f"{_plural(len(self.mentions), 'mention')} of {_plural(n_actors, 'actor')}"
            )
        if self.attributions is not None and not self.attributions.empty:
            parts.append(_plural(len(self.attributions), "attribution"))
        return html.escape(" · ".join(parts))

    def _legend(self) -> str:
        items = [
            _swatch(_tint(0.6, "negative"), "negative sentence", "nrv-negative"),
            _swatch("background:none", "neutral sentence", "nrv-neutral"),
            _swatch(_tint(0.6, "positive"), "positive sentence", "nrv-positive"),
            _swatch(_STYLES["mention"], "actor mention", "nrv-mention"),
            _swatch(_STYLES["source"], "speaker", "nrv-source"),
            _swatch(_STYLES["cue"], "cue", "nrv-cue"),
            _swatch(_STYLES["content-direct"], "quoted words", "nrv-content-direct"),
            _swatch(_STYLES["content-reported"], "reported speech", "nrv-content-reported"),
            _swatch(_MUTED_STYLE, "byline / dateline / credit", "nrv-muted"),
        ]
        note = (
            "Stronger tint = larger |compound| (thresholds as in the sentiment table). "
            "Small grey numbers are sentence ids; hover any word for details."
        )
        counts = self._counts()
        head = f'<div style="font-weight:bold">{counts}</div>' if counts else ""
        return (
            f'<div class="nrv-legend" style="{_LEGEND_STYLE}">{head}<div>{" ".join(items)}</div>'
            f'<div style="color:{PALETTE["grey"]}">{note}</div></div>'
        )

    def to_html(self, *, full_page: bool = False) -> str:
        """The reading view as an HTML fragment (or a complete page with ``full_page``)."""
        text = self.article.text
        marks = self._marks()
        blocks = []
        for block in self.article.blocks:
            inner = _render(text, block.start, block.end, marks)
            if block.role == "body":
                label = f'<span class="nrv-pid" style="{_PID_STYLE}">¶{block.paragraph_id}</span>'
                blocks.append(
                    f'<p class="nrv-body" data-paragraph-id="{block.paragraph_id}" '
                    f'style="margin:0 0 0.7em 0">{label}{inner}</p>'
                )
            else:
                style = _MUTED_STYLE
                if block.role == "title":
                    style = "font-weight:bold;font-size:1.2em;color:#111"
                blocks.append(
                    f'<p class="nrv-{block.role}" title="{block.role}" '
                    f'style="margin:0 0 0.7em 0;{style}">{inner}</p>'
                )
        fragment = (
            f'<div class="news-reading-view" style="{_CONTAINER_STYLE}">'
            f"{self._legend()}{''.join(blocks)}</div>"
        )
        if not full_page:
            return fragment
        name = self.article.title.text if self.article.title else self.article.slug
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>Reading view: {html.escape(name)}</title></head>"
            f'<body style="margin:1em">{fragment}</body></html>\n'
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the view as a standalone HTML page."""
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(self.to_html(full_page=True), encoding="utf-8")
        return out


def reading_view(
    text_or_article: str | Article,
    sentiment: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    attributions: pd.DataFrame | None = None,
    *,
    pos_threshold: float = POS_THRESHOLD,
    neg_threshold: float = NEG_THRESHOLD,
) -> ReadingView:
    """Build the reading view of an article.

    ``sentiment``: a :func:`analysis.sentence_sentiment` table; when None it is computed with the
    given thresholds (pass an empty DataFrame for no tint). ``mentions``: columns ``actor, start,
    end, text, linked_by``. ``attributions``: columns ``source_start, source_end, cue_start,
    cue_end, content_spans`` (a list of (start, end)), ``speaker, kind``; missing spans may be
    NaN. Either table may be None or empty. Spans outside the text raise ``InputError``.
    """
    article = as_article(text_or_article)
    if sentiment is None:
        sentiment = sentence_sentiment(
            article, pos_threshold=pos_threshold, neg_threshold=neg_threshold
        )
    view = ReadingView(article, sentiment, mentions, attributions)
    view._marks()  # validate every span now, not at display time
    return view

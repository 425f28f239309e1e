"""Reading view: escaping, nesting of overlapping spans, structure, and hand-built tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import Article
from analysis.errors import InputError
from analysis.reading_view import ReadingView, reading_view
from analysis.sentiment import sentence_sentiment

TEXT = (
    "By JANE DOE\n"
    'PARIS (AP) — Mayor Anne Hidalgo said the plan was "a great success." '
    "Critics called it a <script>alert(1)</script> disaster <img src=x onerror=alert(1)>.\n"
    "Contributions by Associated Press writer John Roe.\n"
)
VOID = {"br", "img", "hr", "meta", "input", "link"}


class _Checker(HTMLParser):
    """Asserts that tags nest properly and collects the visible article text of each <p>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.paragraphs: list[str] = []
        self.tags: list[str] = []

    def _skipping(self) -> bool:
        return any(
            cls in ("nrv-legend", "nrv-sid", "nrv-pid")
            for _, attrs in self.stack
            for cls in (attrs.get("class") or "").split()
        )

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs)))
        if tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data):
        if not self._skipping() and any(t == "p" for t, _ in self.stack):
            self.paragraphs[-1] += data


def check(html_text: str) -> _Checker:
    checker = _Checker()
    checker.feed(html_text)
    checker.close()
    assert not checker.stack, f"unclosed tags: {[t for t, _ in checker.stack]}"
    return checker


@pytest.fixture(scope="module")
def article() -> Article:
    return Article.from_text(TEXT)


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def test_article_text_is_escaped(article):
    out = reading_view(article).to_html()
    assert not re.search(r"<\s*script", out, re.IGNORECASE)
    assert not re.search(r"<\s*img", out, re.IGNORECASE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    # and the reader still sees the literal characters
    assert "<script>alert(1)</script>" in check(out).paragraphs[1]


def test_table_strings_are_escaped_in_titles(article):
    mentions = pd.DataFrame(
        {
            "actor": ['Anne" onmouseover="alert(1)'],
            "start": [_at("Anne Hidalgo")[0]],
            "end": [_at("Anne Hidalgo")[1]],
            "text": ["Anne Hidalgo"],
            "linked_by": ["<b>name</b>"],
        }
    )
    out = reading_view(article, mentions=mentions).to_html()
    assert 'onmouseover="' not in out
    assert "&quot; onmouseover=&quot;alert(1)" in out
    assert "<b>" not in out and "&lt;b&gt;name&lt;/b&gt;" in out


def test_text_is_preserved_and_structure_shown(article):
    out = reading_view(article).to_html()
    checker = check(out)
    assert checker.paragraphs == [b.text for b in article.blocks]
    assert 'class="nrv-byline"' in out and 'class="nrv-credit"' in out
    assert '<span class="nrv-dateline"' in out
    assert "#7F7F7F" in re.search(r'<p class="nrv-byline"[^>]*>', out).group()  # muted


def test_sentences_tinted_by_label(article):
    sentiment = sentence_sentiment(article)
    out = reading_view(article, sentiment).to_html()
    found = re.findall(r'class="nrv-sent nrv-(\w+)"', out)
    assert found == sentiment["label"].tolist()
    # hover details carry the score
    first = sentiment.iloc[0]
    assert f"compound {first['compound']:+.3f}" in out
    # an empty table means no tint at all
    plain = reading_view(article, sentiment.iloc[0:0]).to_html()
    assert "nrv-sent" not in plain


def test_mention_inside_content_inside_sentence(article):
    content = _at("the plan was")
    mention = _at("the plan")
    mentions = pd.DataFrame(
        [
            {
                "actor": "Anne Hidalgo",
                "start": _at("Anne Hidalgo")[0],
                "end": _at("Anne Hidalgo")[1],
                "text": "Anne Hidalgo",
                "linked_by": "name",
            },
            {
                "actor": "The plan",
                "start": mention[0],
                "end": mention[1],
                "text": "the plan",
                "linked_by": "role",
            },
        ]
    )
    attributions = pd.DataFrame(
        [
            {
                "source_start": _at("Mayor Anne Hidalgo")[0],
                "source_end": _at("Mayor Anne Hidalgo")[1],
                "cue_start": _at("said")[0],
                "cue_end": _at("said")[1],
                "content_spans": [content, _at('"a great success."')],
                "speaker": "Anne Hidalgo",
                "kind": "mixed",
            }
        ]
    )
    out = reading_view(article, mentions=mentions, attributions=attributions).to_html()
    check(out)
    assert "2 sentences: 1 negative, 0 neutral, 1 positive" in out
    assert "2 mentions of 2 actors · 1 attribution<" in out
    # sentence > speaker box > mention, nested in that order around "Anne Hidalgo"
    speaker = re.search(
        r'<span class="nrv-sent[^"]*"[^>]*>(?:<sup[^>]*>0</sup>)?'
        r'<span class="nrv-source"[^>]*>Mayor <span class="nrv-mention"[^>]*>Anne Hidalgo</span>'
        r"</span>",
        out,
    )
    assert speaker
    assert re.search(r'<span class="nrv-cue"[^>]*>said</span>', out)
    # content > mention: "the plan" is a mention inside the quoted words
    assert re.search(
        r'<span class="nrv-content nrv-content-direct"[^>]*>'
        r'<span class="nrv-mention"[^>]*title="[^"]*Words attributed to Anne Hidalgo[^"]*'
        r'Mention of The plan \(linked by role\)"[^>]*>the plan</span> was</span>',
        out,
    )


def test_overlapping_spans_split_not_crossed(article):
    # mention "Mayor Anne" overlaps content "Anne Hidalgo said" without nesting
    s1, e1 = _at("Mayor Anne")
    s2, e2 = _at("Anne Hidalgo said")
    mentions = pd.DataFrame(
        {"actor": ["X"], "start": [s1], "end": [e1], "text": ["Mayor Anne"], "linked_by": [None]}
    )
    attributions = pd.DataFrame(
        {
            "source_start": [np.nan],
            "source_end": [np.nan],
            "cue_start": [np.nan],
            "cue_end": [np.nan],
            "content_spans": [[(s2, e2)]],
            "speaker": [None],
            "kind": ["indirect"],
        }
    )
    out = reading_view(article, mentions=mentions, attributions=attributions).to_html()
    checker = check(out)
    assert checker.paragraphs[1] == article.blocks[1].text
    # the mention is split at the content's start: "Mayor " alone, then "Anne" inside content
    assert re.search(r'<span class="nrv-mention"[^>]*>Mayor </span>', out)
    assert re.search(
        r'<span class="nrv-content nrv-content-reported"[^>]*>'
        r'<span class="nrv-mention"[^>]*>Anne</span> Hidalgo said</span>',
        out,
    )
    assert "Words attributed to unnamed source" in out


def test_spans_outside_text_raise(article):
    bad = pd.DataFrame({"actor": ["X"], "start": [5], "end": [len(TEXT) + 3]})
    with pytest.raises(InputError):
        reading_view(article, mentions=bad)
    with pytest.raises(InputError):
        reading_view(article, mentions=pd.DataFrame({"actor": ["X"], "begin": [1]}))


def test_none_and_empty_tables_and_page(article):
    view = reading_view(TEXT, mentions=None, attributions=pd.DataFrame())
    assert isinstance(view, ReadingView)
    assert view._repr_html_() == view.to_html()
    page = view.to_html(full_page=True)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page.lower()


def test_seed_article_view(seed_article):
    out = reading_view(seed_article).to_html()
    checker = check(out)
    assert checker.paragraphs == [b.text for b in seed_article.blocks]
    assert out.count('class="nrv-sent ') == 13
    assert "7 negative, 0 neutral, 6 positive" in out


@settings(max_examples=60, deadline=None)
@given(
    spans=st.lists(
        st.tuples(st.integers(0, len(TEXT)), st.integers(0, 60), st.sampled_from("mcsq")),
        max_size=12,
    )
)
def test_any_spans_give_well_nested_html(spans):
    article = Article.from_text(TEXT)
    mentions, attributions = [], []
    for start, length, kind in spans:
        end = min(start + length, len(TEXT))
        if kind == "m":
            mentions.append(
                {"actor": "A", "start": start, "end": end, "text": "", "linked_by": "x"}
            )
        else:
            attributions.append(
                {
                    "source_start": start if kind == "s" else np.nan,
                    "source_end": end if kind == "s" else np.nan,
                    "cue_start": start if kind == "q" else np.nan,
                    "cue_end": end if kind == "q" else np.nan,
                    "content_spans": [(start, end)] if kind == "c" else [],
                    "speaker": "S",
                    "kind": "direct",
                }
            )
    view = reading_view(
        article,
        mentions=pd.DataFrame(mentions) if mentions else None,
        attributions=pd.DataFrame(attributions) if attributions else None,
    )
    checker = check(view.to_html())
    assert checker.paragraphs == [b.text for b in article.blocks]
    assert "script" not in checker.tags and "img" not in checker.tags

"""Session-8 span rules of the attribution extractor, each checked with its switch on and off.

Expected triples (source, cue, content as the PolNeAR scorer sees them) are hand-checked against
PolNeAR's annotation conventions; the sentences are modelled on train articles 0–839.
"""

from __future__ import annotations

import analysis.attribution as attribution
from analysis.attribution import attributions_for_scoring


def _triples(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    """Source, cue and content texts of the attributions the PolNeAR scorer sees."""
    return [
        tuple([text[s:e] for s, e in role] for role in (a.source, a.cue, a.content))
        for a in attributions_for_scoring(text)
    ]


def test_fronted_as_clause_ends_at_its_comma(monkeypatch):
    text = (
        "As Mitchell tried to discuss the challenges facing Hillary Clinton, Sanders cut her off."
    )
    source, cue = ["Mitchell tried"], ["to discuss"]
    assert _triples(text) == [(source, cue, ["the challenges facing Hillary Clinton"])]
    # "as" framing the cue: the main clause is the content
    framed = "As the Washington Post reported just today, the State Department issued subpoenas."
    framed_content = ["just today, the State Department issued subpoenas"]
    assert _triples(framed) == [(["the Washington Post"], ["reported"], framed_content)]
    quoted = "As they say about the storied doctor, “gifted hands, enhanced imagination.”"
    quoted_content = ["the storied doctor, “gifted hands, enhanced imagination.”"]
    assert _triples(quoted) == [(["they"], ["say about"], quoted_content)]
    monkeypatch.setattr(attribution, "AS_CLAUSE", False)
    long = ["the challenges facing Hillary Clinton, Sanders cut her off"]
    assert _triples(text) == [(source, cue, long)]
    assert _triples(framed) == [(["the Washington Post"], ["reported"], framed_content)]


def test_subordinator_after_a_time_phrase_opens_a_fronted_clause(monkeypatch):
    text = (
        "A few weeks after Obama announced that the war would not end on his watch, "
        "U.S. forces bombed a hospital in Kunduz."
    )
    content = "that the war would not end on his watch"
    assert _triples(text) == [(["Obama"], ["announced"], [content])]
    monkeypatch.setattr(attribution, "TIMED_SUBORDINATOR", False)
    assert _triples(text) == [
        (["Obama"], ["announced"], [content + ", U.S. forces bombed a hospital in Kunduz"])
    ]


def test_fronted_clause_ends_at_a_comma_closing_a_quotation(monkeypatch):
    text = (
        "After he blasted the film “Frozen” for being too “pro-gay,” Pastor Kevin Swanson has "
        "now set his sights on the Girl Scouts."
    )
    content = "the film “Frozen” for being too “pro-gay,”"
    assert _triples(text) == [(["he"], ["blasted"], [content])]
    monkeypatch.setattr(attribution, "CLAUSE_QUOTE_COMMA", False)
    rest = " Pastor Kevin Swanson has now set his sights on the Girl Scouts"
    assert _triples(text) == [(["he"], ["blasted"], [content + rest])]

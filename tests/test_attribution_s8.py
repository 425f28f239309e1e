"""Session-8 span rules of the attribution extractor, each checked with its switch on and off.

Expected triples (source, cue, content as the PolNeAR scorer sees them) are hand-checked against
PolNeAR's annotation conventions; the sentences are modelled on train articles 0–839.
"""

from __future__ import annotations

from conftest import scoring_triples

import analysis.attribution as attribution


def test_fronted_as_clause_ends_at_its_comma(monkeypatch):
    text = (
        "As Mitchell tried to discuss the challenges facing Hillary Clinton, Sanders cut her off."
    )
    source, cue = ["Mitchell"], ["tried to discuss"]
    assert scoring_triples(text) == [(source, cue, ["the challenges facing Hillary Clinton"])]
    # "as" framing the cue: the main clause is the content
    framed = "As the Washington Post reported just today, the State Department issued subpoenas."
    framed_content = ["just today, the State Department issued subpoenas"]
    assert scoring_triples(framed) == [(["the Washington Post"], ["reported"], framed_content)]
    quoted = "As they say about the storied doctor, “gifted hands, enhanced imagination.”"
    quoted_content = ["the storied doctor, “gifted hands, enhanced imagination.”"]
    assert scoring_triples(quoted) == [(["they"], ["say about"], quoted_content)]
    monkeypatch.setattr(attribution, "AS_CLAUSE", False)
    # the content cut model (session 25) stops at ", Sanders" by itself; the hand rule did not
    assert scoring_triples(text) == [(source, cue, ["the challenges facing Hillary Clinton"])]
    monkeypatch.setattr(attribution, "CUT_MODEL", False)
    long = ["the challenges facing Hillary Clinton, Sanders cut her off"]
    assert scoring_triples(text) == [(source, cue, long)]
    assert scoring_triples(framed) == [(["the Washington Post"], ["reported"], framed_content)]


def test_subordinator_after_a_time_phrase_opens_a_fronted_clause(monkeypatch):
    text = (
        "A few weeks after Obama announced that the war would not end on his watch, "
        "U.S. forces bombed a hospital in Kunduz."
    )
    content = "that the war would not end on his watch"
    assert scoring_triples(text) == [(["Obama"], ["announced"], [content])]
    monkeypatch.setattr(attribution, "TIMED_SUBORDINATOR", False)
    assert scoring_triples(text) == [
        (["Obama"], ["announced"], [content + ", U.S. forces bombed a hospital in Kunduz"])
    ]


def test_fronted_clause_ends_at_a_comma_closing_a_quotation(monkeypatch):
    text = (
        "After he blasted the film “Frozen” for being too “pro-gay,” Pastor Kevin Swanson has "
        "now set his sights on the Girl Scouts."
    )
    content = "the film “Frozen” for being too “pro-gay,”"
    assert scoring_triples(text) == [(["he"], ["blasted"], [content])]
    monkeypatch.setattr(attribution, "CLAUSE_QUOTE_COMMA", False)
    rest = " Pastor Kevin Swanson has now set his sights on the Girl Scouts"
    assert scoring_triples(text) == [(["he"], ["blasted"], [content + rest])]


def test_sourceless_content_ends_at_the_first_comma(monkeypatch):
    text = (
        "Enthusiasm for Clinton appears to have plummeted from the levels she enjoyed in 2008, "
        "when she defeated Barack Obama in Ohio."
    )
    subject, cue = "Enthusiasm for Clinton", ["appears"]
    predicate = "to have plummeted from the levels she enjoyed in 2008"
    assert scoring_triples(text) == [([], cue, [subject, predicate])]
    # (session 28: the content cut model at threshold 0.40 ends ", but that could change" with
    # or without the rule, so the tail is one only the rule ends)
    stable = "New Hampshire seems stable, at least for now."
    assert scoring_triples(stable) == [([], ["seems"], ["New Hampshire", "stable"])]
    monkeypatch.setattr(attribution, "SOURCELESS_CLAUSE_END", False)
    monkeypatch.setattr(attribution, "INFINITIVE_COMMA", False)  # "to have plummeted ..."
    long = predicate + ", when she defeated Barack Obama in Ohio"
    assert scoring_triples(text) == [([], cue, [subject, long])]
    assert scoring_triples(stable) == [
        ([], ["seems"], ["New Hampshire", "stable, at least for now"])
    ]


def test_noun_cue_content_ends_at_the_first_comma(monkeypatch):
    text = "Trump repeated his criticism of the trade deal, which passed the Senate in 2015."
    # the verb's object stops at ", which" too since the content cut model (session 25): in
    # train articles 0-399 the hand rule's contents ran on over ", which" 30 times where gold
    # stopped, and stopped 5 times where gold ran on
    outer = (["Trump"], ["repeated"], ["his criticism of the trade deal"])
    assert scoring_triples(text) == [outer, (["his"], ["criticism of"], ["the trade deal"])]
    monkeypatch.setattr(attribution, "CUT_MODEL", False)
    outer = (
        ["Trump"],
        ["repeated"],
        ["his criticism of the trade deal, which passed the Senate in 2015"],
    )
    assert scoring_triples(text) == [outer, (["his"], ["criticism of"], ["the trade deal"])]
    monkeypatch.setattr(attribution, "NOUN_CUE_COMMA", False)
    long = "the trade deal, which passed the Senate in 2015"
    assert scoring_triples(text) == [outer, (["his"], ["criticism of"], [long])]


def test_infinitive_content_ends_at_a_clause_comma(monkeypatch):
    text = (
        "In the short term, Republican senators have vowed to block Mr. Obama's Supreme Court "
        "nominee, Judge Merrick B. Garland."
    )
    source, cue = ["Republican senators"], ["have vowed"]
    content = "to block Mr. Obama's Supreme Court nominee"
    assert scoring_triples(text) == [(source, cue, [content])]
    # commas of a list, a number or before "including" stay inside
    listed = (
        "The Super PAC also plans to target Indiana voters via mail, phone calls and digital ads."
    )
    listed_content = ["to target Indiana voters via mail, phone calls and digital ads"]
    assert scoring_triples(listed) == [(["The Super PAC"], ["also plans"], listed_content)]
    guilty = (
        "Chatwal pleaded guilty to making more than $180,000 in straw donations to several "
        "candidates, including Hillary Clinton."
    )
    guilty_content = [guilty[guilty.index("to making") : -1]]
    assert scoring_triples(guilty) == [(["Chatwal"], ["pleaded guilty"], guilty_content)]
    monkeypatch.setattr(attribution, "INFINITIVE_COMMA", False)
    assert scoring_triples(text) == [(source, cue, [content + ", Judge Merrick B. Garland"])]


def test_infinitive_cue_after_a_catenative_verb_takes_its_subject(monkeypatch):
    text = "Mitchell tried to discuss the challenges facing Hillary Clinton."
    content = ["the challenges facing Hillary Clinton"]
    assert scoring_triples(text) == [(["Mitchell"], ["tried to discuss"], content)]
    monkeypatch.setattr(attribution, "CATENATIVE_SUBJECT_FIRST", False)
    assert scoring_triples(text) == [(["Mitchell tried"], ["to discuss"], content)]


def test_participle_content_ends_at_a_clause_comma(monkeypatch):
    text = (
        "Trump lashed out at Clinton on Monday, saying she was weak on trade, which drew cheers "
        "from the crowd."
    )
    first = (["Trump"], ["lashed out at"], ["Clinton"])
    assert scoring_triples(text) == [first, (["Trump"], ["saying"], ["she was weak on trade"])]
    # an adjunct opening the content and a list keep their commas
    fronted = "Cruz closed his speech by arguing that if elected, he would repeal the law."
    fronted_content = ["that if elected, he would repeal the law"]
    # PolNeAR's cue runs from the verb before "by" (BY_GERUND_CUE)
    by_arguing = ["closed his speech by arguing"]
    assert scoring_triples(fronted) == [(["Cruz"], by_arguing, fronted_content)]
    listed = (
        "Sanders spoke for an hour, taking aim at the billionaire class, the fossil fuel "
        "industry and super PACs."
    )
    listed_content = ["the billionaire class, the fossil fuel industry and super PACs"]
    assert scoring_triples(listed) == [(["Sanders"], ["taking aim at"], listed_content)]
    monkeypatch.setattr(attribution, "PARTICIPLE_COMMA", False)
    long = "she was weak on trade, which drew cheers from the crowd"
    assert scoring_triples(text) == [first, (["Trump"], ["saying"], [long])]


def test_single_dash_before_a_focusing_word_does_not_end_the_content(monkeypatch):
    text = (
        "Sanders said he did not mean that Obama should be replaced — only that the prospect of "
        "another candidate could hold his feet to the fire."
    )
    assert scoring_triples(text) == [(["Sanders"], ["said"], [text[len("Sanders said ") : -1]])]
    monkeypatch.setattr(attribution, "DASH_CONTINUES", False)
    short = "he did not mean that Obama should be replaced"
    assert scoring_triples(text) == [(["Sanders"], ["said"], [short])]

"""Session 23 rules: a floating quotation joined to the attribution it continues (PolNeAR marks
them as one), quotations nested in the same curly marks, a verb before a colon and a quotation,
and hand-listed reporting verbs (each checked by hand; switched off, each case comes out as
before)."""

from __future__ import annotations

import pytest
from conftest import scoring_triples

import analysis.attribution as attribution
import analysis.attribution_quotes as quotes_module
from analysis import find_attributions
from analysis.attribution_lexicon import cue_lexicon

BOLTON = (
    "Bolton said he would be willing to help the administration if asked.\n\n"
    "“I’m going to support him, and support him enthusiastically, because he can do the job.”"
)
RALLY = (
    "“By the way, if she gets to pick her judges, nothing you can do, folks,” Trump told a "
    "rally, saying Clinton would “abolish the second amendment.”\n\n"
    "“Although the Second Amendment people, maybe there is. I don’t know.”"
)


def test_a_floating_quotation_right_after_the_content_joins_it(monkeypatch):
    said = "he would be willing to help the administration if asked"
    quote = BOLTON[BOLTON.index("“") :]
    assert scoring_triples(BOLTON) == [(["Bolton"], ["said"], [said, quote])]
    # the table keeps the quotation as a row of its own, with Bolton as its speaker
    table = find_attributions(BOLTON)
    assert list(table["kind"]) == ["indirect", "direct"]
    assert list(table["speaker"]) == ["Bolton", "Bolton"]
    assert table["cue_start"].isna().tolist() == [False, True]
    monkeypatch.setattr(attribution, "FLOAT_JOIN", False)
    assert scoring_triples(BOLTON) == [(["Bolton"], ["said"], [said])]


def test_the_joined_quotation_goes_to_the_sentence_s_first_attribution():
    """'"…," Trump told a rally, saying Clinton would …' — the next quotation continues what
    Trump told the rally, not the participle's paraphrase."""
    first = RALLY[: RALLY.index(" Trump")]
    second = RALLY[RALLY.rindex("“Although") :]
    assert scoring_triples(RALLY) == [
        (["Trump"], ["told"], [first, second]),
        (["Trump"], ["saying"], ["Clinton would “abolish the second amendment.”"]),
    ]


def test_a_floating_quotation_after_a_cue_with_an_infinitive():
    """ "went on to criticize" and a floating quotation in one text: the table has both rows (the
    step that drops the verb's own attribution used to fail on the quotation, which has no cue)."""
    text = (
        "Smith went on to criticize the plan in a long speech on Monday.\n\n"
        "“We will never accept this deal, not now and not ever, whatever they say.”"
    )
    table = find_attributions(text)
    assert list(table["cue_text"].fillna("")) == ["went on to criticize", ""]
    assert list(table["speaker"]) == ["Smith", "Smith"]


def test_a_quotation_nested_in_the_same_curly_marks(monkeypatch):
    text = (
        "Pollsters say the miss has a cause. “Beyond the challenges — the fast growing number of "
        "“cell phone only” households — the misfire traces to late shifts.”"
    )
    outer = text[text.index("“Beyond") :]
    assert scoring_triples(text) == [(["Pollsters"], ["say"], ["the miss has a cause", outer])]
    paragraphs = [(0, len(text))]
    assert [(q.start, q.end) for q in quotes_module.find_quotes(text, paragraphs)] == [
        (text.index("“Beyond"), len(text))
    ]
    monkeypatch.setattr(quotes_module, "NESTED_CURLY", False)
    inner = (text.index("“cell"), text.index("” households") + 1)
    assert [(q.start, q.end) for q in quotes_module.find_quotes(text, paragraphs)] == [inner]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "Trump waved, then leaned in and boomed: “Let’s defeat her in November.”",
            "Trump",
            "boomed:",
        ),
        (
            "Asked which county he liked best, he demurred: “I love them all, every one.”",
            "he",
            "demurred:",
        ),
    ],
)
def test_an_unknown_verb_before_a_colon_and_a_quotation(monkeypatch, text, source, cue):
    quote = text[text.index("“") :]
    assert [t for t in scoring_triples(text) if t[2] == [quote]] == [([source], [cue], [quote])]
    monkeypatch.setattr(attribution, "COLON_VERB_CUE", False)
    assert [t for t in scoring_triples(text) if t[2] == [quote]] == []


def test_a_word_not_ending_in_ed_before_a_colon_is_no_cue():
    text = "The song had one refrain: “Lock her up, lock her up, lock her up.”"
    assert scoring_triples(text) == []


def test_a_name_and_colon_after_a_dash_with_a_no_break_space():
    text = (
        "HuffPollster for Wednesday.\n\nTURNOUT IN IOWA - Michael P. McDonald: \xa0“At long last "
        "the nomination contests have finally started.”"
    )
    quote = text[text.index("“") :]
    assert scoring_triples(text) == [(["Michael P. McDonald"], [":"], [quote])]


def test_hand_listed_reporting_verbs():
    lexicon = cue_lexicon()
    for word in ("exclaimed", "retorted", "confessed", "lambasted", "whispered"):
        assert lexicon[(word,)].extra
    assert scoring_triples("The senator exclaimed that the deal was dead.") == [
        (["The senator"], ["exclaimed"], ["that the deal was dead"])
    ]
    assert scoring_triples("Smith confessed that he had never read the bill.") == [
        (["Smith"], ["confessed"], ["that he had never read the bill"])
    ]


def test_an_appositive_subject_after_the_content(monkeypatch):
    text = "Sanders remains committed to the race, his top aide, Tad Devine, said."
    expected = [
        (["his top aide, Tad Devine,"], ["said"], ["Sanders remains committed to the race"])
    ]
    assert scoring_triples(text) == expected
    told = text.replace("said.", "told The Huffington Post.")
    assert scoring_triples(told) == [
        (["his top aide, Tad Devine,"], ["told"], ["Sanders remains committed to the race"])
    ]
    monkeypatch.setattr(attribution, "APPOSITIVE_TRAILING", False)
    assert scoring_triples(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“Why are you still endorsing him?” Obama asked Republican politicians.", "asked"),
        ("“She would look at me and say it.” Mr. Biden said, clutching the lectern.", "said"),
        ("“Will we win this state?” Smith asked reporters.", "asked"),
    ],
)
def test_a_cue_after_a_quotation_that_ended_the_sentence_before(monkeypatch, text, cue):
    quote = text[: text.index("” ") + 1]
    source = text[len(quote) + 1 : text.index(f" {cue}")]
    assert scoring_triples(text) == [([source], [cue], [quote])]
    monkeypatch.setattr(attribution, "SPLIT_QUOTE_TAIL", False)
    assert scoring_triples(text) != [([source], [cue], [quote])]


def test_a_clause_after_the_cue_is_still_its_content():
    """'"Will we win?" Smith asked whether …': the clause is what he asked."""
    text = "“Will we win?” Smith asked whether the polls were right."
    assert scoring_triples(text) == [(["Smith"], ["asked"], ["whether the polls were right"])]


def test_a_quoted_fragment_inside_the_sentence_before_is_not_taken():
    """The quotation closing the sentence before is part of a paraphrase, not a quotation of
    its own: the next sentence's passive cue does not take it."""
    text = (
        "Morris says the campaign will “compete vigorously for the nomination.” "
        "O’Malley’s move was first reported by MSNBC."
    )
    triples = scoring_triples(text)
    assert (["MSNBC"], ["was first reported by"], ["O’Malley’s move"]) in triples
    assert all(t[1] != ["was first reported by"] or "“" not in t[2][0] for t in triples)


def test_at_least_after_a_cue_is_a_quantity_not_an_adjunct():
    text = (
        "Friday morning, as the parade rolled through Pasadena, CNN reported at least six "
        "skywriting planes filled the skies with anti-Trump messages."
    )
    content = "at least six skywriting planes filled the skies with anti-Trump messages"
    assert scoring_triples(text) == [(["CNN"], ["reported"], [content])]


def test_a_sentence_adverb_after_a_semicolon_is_no_content(monkeypatch):
    text = "He was buying influence; indeed, he said, “When they need money, they are for you.”"
    quote = text[text.index("“") :]
    assert scoring_triples(text) == [(["he"], ["said"], [quote])]
    monkeypatch.setattr(attribution, "SEMICOLON_ADVERB", False)
    assert scoring_triples(text) == [(["he"], ["said"], ["He was buying influence; indeed", quote])]


def test_the_speech_s_occasion_after_during_ends_the_content(monkeypatch):
    text = "Smith said the plan would fail during a debate in Iowa on Monday."
    assert scoring_triples(text) == [(["Smith"], ["said"], ["the plan would fail"])]
    # "during" before what is no speech event stays in the content
    during = "She said the economy grew during her years as secretary of state."
    grew = "the economy grew during her years as secretary of state"
    assert scoring_triples(during) == [(["She"], ["said"], [grew])]
    monkeypatch.setattr(attribution, "EVENT_ADJUNCT_CUT", False)
    assert scoring_triples(text) == [(["Smith"], ["said"], [text[11:-1]])]

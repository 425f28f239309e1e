"""Session-7 source rules of the attribution extractor, each checked with its switch on and off.

Expected triples (source, cue, content as the PolNeAR scorer sees them) are hand-checked against
PolNeAR's annotation conventions; the sentences are modelled on train articles 0–839.
"""

from __future__ import annotations

import pytest
from conftest import scoring_triples

import analysis.attribution as attribution


def test_fronted_participle_clause_is_no_leading_subject(monkeypatch):
    text = (
        "Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, "
        "calling him “a total stiff.”"
    )
    assert scoring_triples(text) == [(["Trump"], ["calling"], ["him “a total stiff.”"])]
    recite = (
        "Speaking in his real voice again, he proceeded to recite a passage from the Bible, "
        "saying: “This know also.”"
    )
    assert scoring_triples(recite) == [(["he"], ["saying:"], ["“This know also.”"])]
    monkeypatch.setattr(attribution, "LEADING_PARTICIPLE", False)
    # session 26's rule finds "Trump" left of "went" all the same
    assert scoring_triples(text) == [(["Trump"], ["calling"], ["him “a total stiff.”"])]
    monkeypatch.setattr(attribution, "PARTICIPLE_VERB_SUBJECT", False)
    assert scoring_triples(text) == [(["Speaking"], ["calling"], ["him “a total stiff.”"])]


def test_dateline_is_no_leading_subject(monkeypatch):
    text = (
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump’s stance, "
        "saying that “bombastic comments” do more harm than good."
    )
    content = ["that “bombastic comments” do more harm than good"]
    assert scoring_triples(text) == [(["Democrat Hillary Clinton"], ["saying"], content)]
    monkeypatch.setattr(attribution, "LEADING_DATELINE", False)
    # session 26's rule finds the subject left of "has" all the same
    assert scoring_triples(text) == [(["Democrat Hillary Clinton"], ["saying"], content)]
    monkeypatch.setattr(attribution, "PARTICIPLE_VERB_SUBJECT", False)
    assert scoring_triples(text) == [(["Washington"], ["saying"], content)]


def test_degree_word_before_the_cue_is_no_subject(monkeypatch):
    text = "Democratic voters are slightly more likely to say that Clinton represents them."
    content = ["that Clinton represents them"]
    assert scoring_triples(text) == [(["Democratic voters"], ["likely to say"], content)]
    less = "Some of those same activists were less confident in Mrs. Clinton."
    assert scoring_triples(less) == [
        (["Some of those same activists"], ["confident"], ["in Mrs. Clinton"])
    ]
    monkeypatch.setattr(attribution, "DEGREE_BEFORE_CUE", False)
    assert scoring_triples(text) == [(["slightly more"], ["likely to say"], content)]
    assert scoring_triples(less) == [(["less"], ["confident"], ["in Mrs. Clinton"])]


def test_cue_with_only_an_addressee_trails_its_content(monkeypatch):
    text = "He was completing his second year, a school spokesman told The Wall Street Journal."
    assert scoring_triples(text) == [
        (["a school spokesman"], ["told"], ["He was completing his second year"])
    ]
    # a complement after the addressee keeps the content forward
    remind = "They met the press, and they boldly reminded voters of the state's track record."
    assert scoring_triples(remind) == [
        (["they"], ["boldly reminded"], ["the state's track record"])
    ]
    monkeypatch.setattr(attribution, "TOLD_ADDRESSEE", False)
    assert scoring_triples(text) == [
        (["a school spokesman"], ["told"], ["The Wall Street Journal"])
    ]


def test_passive_cue_ending_in_by_takes_its_agent(monkeypatch):
    text = "O’Malley’s move was first reported by MSNBC."
    assert scoring_triples(text) == [(["MSNBC"], ["was first reported by"], ["O’Malley’s move"])]
    monkeypatch.setattr(attribution, "PASSIVE_BY_CUE", False)
    assert scoring_triples(text) == [(["O’Malley’s move"], ["was first reported by"], ["MSNBC"])]


@pytest.mark.parametrize(
    "text, source, off",
    [
        ("He even made a few hints of his closely guarded family life.", "He", "made a few"),
        ("Mr. Ryan is a vocal advocate for trade deals.", "Mr. Ryan", "a vocal"),
    ],
)
def test_noun_cue_takes_the_light_verbs_subject(monkeypatch, text, source, off):
    assert scoring_triples(text)[0][0] == [source]
    monkeypatch.setattr(attribution, "NOUN_CUE_SUBJECT", False)
    assert scoring_triples(text)[0][0] == [off]


def test_noun_cue_after_a_subject_of_its_own_is_unchanged():
    # "a federal judge" is a subject with its own noun, not the cue's determiner phrase
    text = "A federal judge ordered the city to release the video."
    assert scoring_triples(text)[0][0] == ["A federal judge"]


def test_hearsay_adverb_before_a_verb_has_no_source(monkeypatch):
    text = "Both Google and Facebook have reportedly looked at Twitter and passed."
    content = ["Both Google and Facebook", "looked at Twitter and passed"]
    assert scoring_triples(text) == [([], ["have reportedly"], content)]
    # a speech verb after it is the cue, with its subject as the source
    said = "Trump reportedly said that he would stay."
    sources = [t[0] for t in scoring_triples(said)]
    assert sources and all(source == ["Trump"] for source in sources)
    monkeypatch.setattr(attribution, "REPORTEDLY_SOURCELESS", False)
    assert scoring_triples(text) == [
        (["Both Google and Facebook"], ["have reportedly"], ["looked at Twitter and passed"])
    ]


def test_and_inside_an_appositive_keeps_the_quotation(monkeypatch):
    text = "“I would not discount it,” Mr. Kaplan, a screenwriter and former executive, said dryly."
    source = ["Mr. Kaplan, a screenwriter and former executive,"]
    assert scoring_triples(text) == [(source, ["said"], ["“I would not discount it,”"])]
    monkeypatch.setattr(attribution, "QUOTE_APPOSITIVE_AND", False)
    assert scoring_triples(text) == [(source, ["said"], ["dryly"])]


def test_coordinated_cue_takes_the_relative_pronoun(monkeypatch):
    text = "The plan has won over Weaver, who came out and endorsed Clinton during a call."
    # ("during a call", the speech's occasion, ends the content since session 23)
    assert scoring_triples(text) == [(["who"], ["endorsed"], ["Clinton"])]
    monkeypatch.setattr(attribution, "COORDINATED_RELATIVE", False)
    assert scoring_triples(text) == [(["The plan"], ["endorsed"], ["Clinton"])]


def test_in_the_past_is_no_subject(monkeypatch):
    text = "Beck, who has in the past described Trump as a sociopath, spoke on Monday."
    assert [t[:2] for t in scoring_triples(text)] == [(["who"], ["described"])]
    monkeypatch.setattr(attribution, "IN_THE_PAST", False)
    assert [t[:2] for t in scoring_triples(text)] == [(["the past"], ["described"])]


def test_fronted_time_clause_is_no_leading_subject(monkeypatch):
    text = (
        "Years after Bill Clinton claimed that the era of big government was over, Obama won "
        "the nomination by promising its revenge."
    )
    later = "A few minutes later they reversed themselves and said they will register voters."
    # PolNeAR's cue runs from the verb through "by" ("won his party's nomination by promising")
    won_by = ["won the nomination by promising"]
    assert scoring_triples(text)[1] == (["Obama"], won_by, ["its revenge"])
    assert scoring_triples(later) == [(["they"], ["said"], ["they will register voters"])]
    monkeypatch.setattr(attribution, "LEADING_TIME_CLAUSE", False)
    assert scoring_triples(text)[1] == (["Years"], ["promising"], ["its revenge"])
    assert scoring_triples(later) == [(["A few minutes"], ["said"], ["they will register voters"])]


def test_infinitive_cue_after_a_medium_takes_the_clause_subject(monkeypatch):
    text = "As supporters waited, Hillary Clinton took to Twitter to say thanks."
    assert scoring_triples(text) == [(["Hillary Clinton"], ["to say"], ["thanks"])]
    monkeypatch.setattr(attribution, "MEDIUM_INFINITIVE", False)
    assert scoring_triples(text) == [(["Twitter"], ["to say"], ["thanks"])]


def test_infinitive_cue_after_a_catenative_takes_its_subject(monkeypatch):
    text = "Hillary Clinton is continuing to insist she will release transcripts of her speeches."
    refuse = "Sanders is choosing not to respond to recent Clinton campaign accusations."
    content = ["she will release transcripts of her speeches"]
    assert scoring_triples(text) == [(["Hillary Clinton"], ["is continuing to insist"], content)]
    assert [t[:2] for t in scoring_triples(refuse)] == [
        (["Sanders"], ["is choosing not to respond"])
    ]
    right = "But he is correct to note that Obamacare was an effort to achieve a liberal goal."
    # an adjective is no catenative, but the infinitive takes the clause's subject and PolNeAR's
    # cue runs from the verb after it (train: "is also likely to remind", "’s poised to argue")
    note = "that Obamacare was an effort to achieve a liberal goal"
    assert scoring_triples(right) == [(["he"], ["is correct to note"], [note])]
    monkeypatch.setattr(attribution, "CATENATIVE_INFINITIVE", False)
    monkeypatch.setattr(attribution, "INFINITIVE_MAIN_SUBJECT", False)
    assert scoring_triples(text) == []
    assert scoring_triples(refuse) == []


def test_predicate_after_a_copula_takes_the_subject_before_it(monkeypatch):
    critical = "Republicans have been critical of Clinton’s use of personal email during her bid."
    quick = "Sexton was quick to point out that not all Trump supporters espoused such views."
    confident = "Her team is confident in the eventual outcome."
    content = ["Clinton’s use of personal email during her bid"]
    assert scoring_triples(critical) == [(["Republicans"], ["have been critical of"], content)]
    assert scoring_triples(quick) == [
        (
            ["Sexton"],
            ["was quick to point out"],
            ["that not all Trump supporters espoused such views"],
        )
    ]
    assert scoring_triples(confident) == [
        (["Her team"], ["is confident in"], ["the eventual outcome"])
    ]
    # an expletive subject and a passive participle are no source
    assert scoring_triples("It is unclear whether he will run again.") == []
    named = "One of the suspects is named in media reports as Syed Farook."
    # the passive (SURFACE_PASSIVE) names no source: its subject is content
    assert scoring_triples(named) == [
        ([], ["is named"], ["One of the suspects", "in media reports as Syed Farook"])
    ]
    monkeypatch.setattr(attribution, "PREDICATE_INFINITIVE", False)
    assert scoring_triples(quick)[0][1:] == (
        ["was quick"],
        ["to point out that not all Trump supporters espoused such views"],
    )
    assert scoring_triples(confident)[0][1:] == (["is confident"], ["in the eventual outcome"])
    monkeypatch.setattr(attribution, "COPULA_PREDICATE", False)
    monkeypatch.setattr(attribution, "INFINITIVE_MAIN_SUBJECT", False)
    assert scoring_triples(critical) == []
    assert scoring_triples(quick) == []


def test_cue_with_only_an_adjunct_joins_the_participle_after_it(monkeypatch):
    issued = "Tracy Martin issued a statement Thursday, saying a foundation is focused on youth."
    responded = (
        "Campaign spokesman Brian Fallon responded on Twitter, calling Trump’s charge “pathetic.”"
    )
    defended = "Trump subsequently defended the incident, calling the protester a troublemaker."
    fallon, charge = ["Campaign spokesman Brian Fallon"], ["Trump’s charge “pathetic.”"]
    content = ["a foundation is focused on youth"]
    assert scoring_triples(issued) == [
        (["Tracy Martin"], ["issued a statement Thursday, saying"], content)
    ]
    assert scoring_triples(responded) == [(fallon, ["responded on Twitter, calling"], charge)]
    # a content of its own ("the incident") keeps two attributions, as PolNeAR does
    assert [t[1] for t in scoring_triples(defended)] == [["subsequently defended"], ["calling"]]
    monkeypatch.setattr(attribution, "PARTICIPLE_CHAIN", False)
    assert scoring_triples(issued) == [
        (["Tracy Martin"], ["issued"], ["a statement Thursday"]),
        (["Tracy Martin"], ["saying"], content),
    ]
    # "on Twitter" alone is an adjunct, no content (ADJUNCT_CONTENT)
    assert scoring_triples(responded) == [(fallon, ["calling"], charge)]


def test_sentence_final_cue_after_a_long_subject_trails_its_content(monkeypatch):
    text = (
        "But Pate has not donated to any candidate except Rubio, Federal Election Commission "
        "records compiled by the Center for Responsive Politics show."
    )
    source = ["Federal Election Commission records compiled by the Center for Responsive Politics"]
    content = ["Pate has not donated to any candidate except Rubio"]
    assert scoring_triples(text) == [(source, ["show"], content)]
    # a fronted clause before the comma is no content
    fronted = "When pressed by the moderators, the senator from Vermont apologized."
    assert scoring_triples(fronted) == []
    monkeypatch.setattr(attribution, "TRAILING_SUBJECT", False)
    assert scoring_triples(text) == []


def test_gerund_cue_in_a_fronted_clause_takes_the_main_subject(monkeypatch):
    text = (
        "But in describing the plan as a short-term buzz that voters would reject, the "
        "journalists are missing the sound reasons."
    )
    content = ["the plan as a short-term buzz that voters would reject"]
    assert scoring_triples(text) == [(["the journalists"], ["describing"], content)]
    # the relative clause after the first comma is skipped; the content ends at that comma
    commission = (
        "In rejecting a similar challenge to the eligibility of Cruz, which was filed in March, "
        "the commission recognized that a court should settle the matter."
    )
    settle = (["the commission"], ["recognized"], ["that a court should settle the matter"])
    assert scoring_triples(commission) == [
        (["the commission"], ["rejecting"], ["a similar challenge to the eligibility of Cruz"]),
        settle,
    ]
    monkeypatch.setattr(attribution, "FRONTED_GERUND", False)
    assert scoring_triples(text) == []
    assert scoring_triples(commission) == [settle]


def test_goes_on_to_say_takes_the_subject_before_it(monkeypatch):
    text = "The email goes on to say: “Trump wants to write racism into our law books.”"
    quote = ["“Trump wants to write racism into our law books.”"]
    assert scoring_triples(text) == [(["The email"], ["goes on to say:"], quote)]
    monkeypatch.setattr(attribution, "GOES_ON_TO", False)
    # without the rule, "goes" is a cue of its own (tried as a form of "go" since session 20)
    assert scoring_triples(text) == [(["The email"], ["goes"], quote)]
    monkeypatch.setattr(attribution, "ABSORBED_CUES", False)
    monkeypatch.setattr(attribution, "GOES_ON_TO", True)
    assert len(scoring_triples(text)) == 2  # ABSORBED_CUES: "goes" inside "goes on to say:"


def test_leading_subject_steps_over_a_discourse_adverb_comma(monkeypatch):
    text = (
        "Instead, the Vermont senator is sticking to his campaign message, hoping to avoid any "
        "misstep before the vote."
    )
    hoping = (["the Vermont senator"], ["hoping"], ["to avoid any misstep before the vote"])
    assert scoring_triples(text) == [hoping]
    carson = "However, he held his fire on Ben Carson, calling him a “nice guy.”"
    assert scoring_triples(carson) == [(["he"], ["calling"], ["him a “nice guy.”"])]
    monkeypatch.setattr(attribution, "JUNK_COMMA", False)
    assert scoring_triples(text) == []
    assert scoring_triples(carson) == []


def test_dash_before_a_participle_cue_works_like_a_comma(monkeypatch):
    text = "Marco Rubio flipped his choice on the spot – saying he was rooting for Peyton Manning."
    rubio = (["Marco Rubio"], ["saying"], ["he was rooting for Peyton Manning"])
    assert scoring_triples(text) == [rubio]
    assert scoring_triples(text.replace("–", "—")) == [rubio]
    monkeypatch.setattr(attribution, "DASH_PARTICIPLE", False)
    assert scoring_triples(text) == []


def test_gerund_cue_after_after_takes_the_main_subject(monkeypatch):
    text = (
        "After savaging major party funders as corrupt insiders during the primaries, Trump is "
        "finding them reluctant to open their wallets."
    )
    funders = ["major party funders as corrupt insiders during the primaries"]
    assert scoring_triples(text) == [(["Trump"], ["savaging"], funders)]
    # the relative clause after the first comma is no main clause
    crowd = (
        "After thanking the raucous crowd, which periodically chanted his name, he touted how far "
        "his campaign had come."
    )
    rest = [
        (["which"], ["periodically chanted"], ["his name"]),
        (["he"], ["touted"], ["how far his campaign had come"]),
    ]
    assert scoring_triples(crowd) == [(["he"], ["thanking"], ["the raucous crowd"]), *rest]
    monkeypatch.setattr(attribution, "FRONTED_GERUND_PREP", False)
    assert scoring_triples(text) == []
    assert scoring_triples(crowd) == rest


def test_participle_after_a_subordinate_clause_takes_its_subject(monkeypatch):
    text = (
        "The fracas erupted just two months after the real estate tycoon entered the race with "
        "harsh words about Mexican immigrants, calling them rapists."
    )
    assert scoring_triples(text) == [(["the real estate tycoon"], ["calling"], ["them rapists"])]
    # an "and" after the clause's verb returns to the main clause: its subject stays
    cuba = (
        "Rubio's father and mother married in Cuba when they were young and arrived in Miami "
        "in 1956, hoping for better jobs."
    )
    # (session 26: the whole subject, "Rubio's father and mother", left of "married")
    parents = [(["Rubio's father and mother"], ["hoping for"], ["better jobs"])]
    assert scoring_triples(cuba) == parents
    monkeypatch.setattr(attribution, "SUBORDINATE_PARTICIPLE", False)
    assert scoring_triples(text) == [(["The fracas"], ["calling"], ["them rapists"])]
    assert scoring_triples(cuba) == parents
    monkeypatch.setattr(attribution, "PARTICIPLE_VERB_SUBJECT", False)
    assert scoring_triples(cuba) == [(["Rubio's"], ["hoping for"], ["better jobs"])]


def test_gerund_cue_after_in_addition_to_takes_the_main_subject(monkeypatch):
    text = (
        "In addition to stating that unborn babies have no constitutional rights, Clinton has "
        "vowed to work to repeal the Hyde Amendment."
    )
    vowed = (["Clinton"], ["has vowed"], ["to work to repeal the Hyde Amendment"])
    stating = (["Clinton"], ["stating"], ["that unborn babies have no constitutional rights"])
    assert scoring_triples(text) == [stating, vowed]
    monkeypatch.setattr(attribution, "IN_ADDITION_TO", False)
    assert scoring_triples(text) == [vowed]

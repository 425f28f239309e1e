"""Session 22 rules: passives the lexicon holds only in their active phrase, an infinitive cue's
main subject, and cue spans as PolNeAR marks them (each checked by hand against train's
conventions; switched off, each rule's case comes out as before)."""

from __future__ import annotations

import pytest
from conftest import scoring_triples

import analysis.attribution as attribution


@pytest.mark.parametrize(
    ("switch", "text", "expected"),
    [
        # a one-word participle after "be": the agent after "by" is the source, the subject content
        (
            "SURFACE_PASSIVE",
            "Trump has been rebuked by opponents for his proposal to ban Muslims.",
            [(["opponents"], ["has been rebuked"], ["Trump", "for his proposal to ban Muslims"])],
        ),
        # ... and without an agent, no source (PolNeAR: "was being challenged on", no source)
        (
            "SURFACE_PASSIVE",
            "The senator was being challenged on the economics of such a steep wage hike.",
            [
                (
                    [],
                    ["was being challenged on"],
                    ["The senator", "the economics of such a steep wage hike"],
                )
            ],
        ),
        # the agent a few words after the participle
        (
            "DISTANT_AGENT",
            "Trump was attacked on Twitter by Democratic candidates.",
            [(["Democratic candidates"], ["was attacked"], ["Trump", "on Twitter"])],
        ),
        # a participle of feeling after "be" is a predicate: its subject holds the view
        (
            "ADJECTIVAL_SUBJECT",
            "Her advisers are not convinced that what worked for him will work.",
            [(["Her advisers"], ["are not convinced"], ["that what worked for him will work"])],
        ),
        # an infinitive cue with no subject of its own takes the clause's; the cue runs from the
        # verb after the subject ("visited the court on Friday to view" in train)
        (
            "INFINITIVE_MAIN_SUBJECT",
            "Obama held an impromptu press briefing to brag that the unemployment rate fell.",
            [
                (
                    ["Obama"],
                    ["held an impromptu press briefing to brag"],
                    ["that the unemployment rate fell"],
                )
            ],
        ),
        # "both" alone before the cue is its subject
        (
            "QUANTIFIER_SUBJECT",
            "And both vowed to be tougher as president.",
            [(["both"], ["vowed"], ["to be tougher as president"])],
        ),
        # "went on" takes the infinitive's verb into the cue, and the verb's own attribution goes
        (
            "INFINITIVE_IN_CUE",
            "Trump went on to criticize the convention for its choices.",
            [(["Trump"], ["went on to criticize"], ["the convention for its choices"])],
        ),
        # a contracted auxiliary is part of PolNeAR's cue
        (
            "CONTRACTED_AUX",
            "They’re endorsing Hillary Clinton for president.",
            [(["They"], ["’re endorsing"], ["Hillary Clinton for president"])],
        ),
        # a capitalised word ending in -ly opening the sentence is a name, not an adverb
        (
            "INITIAL_LY_NAMES",
            "Jolly said he would be cautious.",
            [(["Jolly"], ["said"], ["he would be cautious"])],
        ),
        # "this week" before the cue: the subject before it (with its time, as PolNeAR keeps it)
        (
            "TIME_PAIR_FIRST",
            "The committee this week announced that it would hold a hearing.",
            [(["The committee this week"], ["announced"], ["that it would hold a hearing"])],
        ),
    ],
)
def test_session_22_rules(monkeypatch, switch, text, expected):
    assert scoring_triples(text) == expected
    monkeypatch.setattr(attribution, switch, False)
    assert scoring_triples(text) != expected


def test_a_fronted_participle_takes_the_subject_of_the_main_cue(monkeypatch):
    text = "Recalling that moment, David Axelrod, who was chief strategist, said it was electric."
    source = ["David Axelrod, who was chief strategist,"]
    assert scoring_triples(text) == [
        (source, ["Recalling"], ["that moment"]),
        (source, ["said"], ["it was electric"]),
    ]
    monkeypatch.setattr(attribution, "FRONTED_MAIN_CUE", False)
    assert scoring_triples(text) == [(source, ["said"], ["it was electric"])]


def test_catenatives_and_prefixes_reach_their_subject():
    # "failed to", "continued to" are catenatives; "long", "been" belong to PolNeAR's cue
    assert scoring_triples("Hillary failed to mention the attack on the embassy.") == [
        (["Hillary"], ["failed to mention"], ["the attack on the embassy"])
    ]
    assert scoring_triples("Republicans have long opposed the plan.") == [
        (["Republicans"], ["have long opposed"], ["the plan"])
    ]
    assert scoring_triples("Her directors continued to assure her that a deal would work.") == [
        (["Her directors"], ["continued to assure"], ["her that a deal would work"])
    ]


def test_a_participle_of_feeling_is_no_passive():
    # "was pleased with": the subject is the source, as PolNeAR marks "worried" (8 of 8 in train)
    assert scoring_triples("Clinton’s camp was pleased with the outcome.") == [
        (["Clinton’s camp"], ["was pleased with"], ["the outcome"])
    ]

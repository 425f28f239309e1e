"""Session 26: sources. A participle cue takes the whole subject of its main clause, a horizontal
bar is a dash, a long description after an inverted cue may run on to a name, and "instead"
before a cue is no part of its subject. Each case was checked by hand; switched off, the rule
gives the session-25 result."""

from __future__ import annotations

import pytest
from conftest import public_rows as rows

import analysis.attribution as attribution
from analysis.attribution_lexicon import normalize

PARTICIPLE_CASES = [
    (
        "Presumptive Republican presidential nominee Donald Trump also joined the gun debate, "
        "announcing on Wednesday he would meet with the NRA.",
        "Presumptive Republican presidential nominee Donald Trump",
        "Presumptive Republican",
    ),
    (
        "The famously gruff senator started on Wednesday, showing a little more of his "
        "personal side.",
        "The famously gruff senator",
        "The famously gruff",
    ),
    (
        "A few other prominent Republicans and national security leaders have begun to speak "
        "out, however, expressing dismay at Mr. Trump's rough tone.",
        "A few other prominent Republicans and national security leaders",
        "A few other prominent",
    ),
    (
        "David Stockman, a former budget director, has been quietly working on the issue, "
        "arguing its political advantages.",
        "David Stockman, a former budget director,",
        "David Stockman",
    ),
    (
        # no verb before the participle's comma: the subject runs up to it
        "Throughout the 2000s, Democrats in Congress, fearing the electoral consequences, "
        "refused to act.",
        "Democrats in Congress",
        "Democrats",
    ),
    (
        # the fronted place ends at its state's comma; the subject is the main clause's
        "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her "
        "earlier statement, saying that the United States should lead.",
        "Mrs. Clinton",
        "Iowa",
    ),
]


def _participle_source(text: str) -> str:
    found = [row for row in rows(text) if row[1].split()[0].endswith("ing")]
    assert len(found) == 1, rows(text)
    return found[0][0]


@pytest.mark.parametrize(("text", "source", "before"), PARTICIPLE_CASES)
def test_a_participle_cue_takes_the_whole_subject_of_its_main_clause(
    monkeypatch, text, source, before
):
    assert _participle_source(text) == source
    monkeypatch.setattr(attribution, "PARTICIPLE_VERB_SUBJECT", False)
    assert _participle_source(text) == before


def test_a_relative_clause_verb_gives_no_subject_to_the_participle():
    # the first verb is the relative clause's ("who won"): its subject "who" is not the
    # participle's, so the leading subject stays
    text = "Senator Ted Cruz, who won Iowa, spoke for an hour, eventually saying he would stay."
    assert _participle_source(text) == "Senator Ted Cruz"


def test_a_coordinated_subject_is_taken_from_its_start():
    text = (
        "Mr. Rubio's father and mother married in Cuba and arrived in Miami in 1956, hoping "
        "for better jobs."
    )
    assert _participle_source(text) == "Mr. Rubio's father and mother"


def test_a_word_after_the_subject_that_is_no_preposition_keeps_the_leading_subject():
    # "then appears" has no verb the scan knows: the subject is not run on to the comma
    text = "Trump then appears in a clip from a stump speech, saying he will win."
    assert _participle_source(text) == "Trump"


def test_a_horizontal_bar_is_a_dash():
    assert normalize("―") == "—"
    text = "WASHINGTON ― The Obama administration announced plans Tuesday to admit more refugees."
    assert rows(text) == [
        ("The Obama administration", "announced", "plans Tuesday to admit more refugees")
    ]
    text = (
        "After the deadly attacks in Paris in January of last year ― Trump emphasized that "
        "Muslims must be barred."
    )
    assert rows(text) == [("Trump", "emphasized", "that Muslims must be barred")]


def test_a_long_description_after_an_inverted_cue_runs_on_to_the_name(monkeypatch):
    text = (
        "He also had a voice in decisions about investments, said a former spokesman for "
        "Ukraine's Foreign Ministry, Oleg Voloshyn."
    )
    assert rows(text) == [
        (
            "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn",
            "said",
            "He also had a voice in decisions about investments",
        )
    ]
    monkeypatch.setattr(attribution, "INVERTED_NAME_APPOSITIVE", False)
    assert rows(text) == []


def test_a_long_description_without_a_name_after_its_comma_is_still_no_source():
    # six words before the comma and no capital after it: too long a lower-case source
    text = (
        "He also had a voice in decisions, said a former spokesman for the ministry, who "
        "declined to give his name."
    )
    assert [row for row in rows(text) if row[1] == "said"] == []


def test_instead_before_a_cue_is_no_part_of_the_subject():
    text = "Sanders instead said that the plan would fail."
    assert rows(text) == [("Sanders", "said", "that the plan would fail")]


def test_a_participle_after_a_coordinated_clause_takes_that_clause_subject(monkeypatch):
    text = (
        "Protest groups say the restrictions are less for safety than to minimize their "
        "visibility, and the American Civil Liberties Union of Ohio has already sued the city "
        "over the rules, saying they violate free-speech rights."
    )
    assert _participle_source(text) == "the American Civil Liberties Union of Ohio"
    monkeypatch.setattr(attribution, "CLAUSE_OWN_PARTICIPLE", False)
    assert _participle_source(text) == "Protest groups"


def test_a_participle_after_the_same_clause_keeps_the_earlier_source():
    # no ", and" clause between the cues: the participle is the first cue's
    text = "Clinton told reporters the plan was sound, adding that it would pass."
    assert _participle_source(text) == "Clinton"


@pytest.mark.parametrize(
    ("text", "after", "before"),
    [
        (
            # an infinitive cue takes the subject of the main clause's verb ("will come")
            "Breitbart Texas editor Brandon Darby will come on the program to talk about the "
            "border.",
            [("Breitbart Texas editor Brandon Darby", "talk about")],
            [("Breitbart Texas", "talk about")],
        ),
        (
            # a participle with no comma before it: the subject left of "are"
            "Party leaders are now openly questioning whether he can win.",
            [("Party leaders", "questioning")],
            [],
        ),
        (
            # a participle after "before": the fronted time phrase is no subject
            "In the meantime, Trump's congressional allies spent the day on television before "
            "urging him to stop.",
            [("Trump's congressional allies", "urging")],
            [("the meantime", "urging")],
        ),
    ],
)
def test_other_cues_on_the_main_clause_take_its_whole_subject(monkeypatch, text, after, before):
    assert [row[:2] for row in rows(text)] == after
    monkeypatch.setattr(attribution, "MAIN_CLAUSE_VERB_SUBJECT", False)
    assert [row[:2] for row in rows(text)] == before

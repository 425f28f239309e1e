"""Session 27: sources left of a cue that are no subject. A bare participle after the object of a
preposition or a verb takes the main clause's subject; words that open with an infinitive's verb
give the causative's object, the whole noun phrase, or no one. Each case was checked by hand;
switched off, the rule gives the session-26 result."""

from __future__ import annotations

import pytest
from conftest import public_rows as rows

import analysis.attribution as attribution


def _sources(text: str) -> list[tuple[str, str]]:
    return [(source, cue) for source, cue, _ in rows(text)]


def test_a_participle_after_an_object_takes_the_main_clause_subject(monkeypatch):
    text = (
        "Clinton spent much of the run-up to the Nevada caucuses portraying Sanders as "
        "singularly focused on economics."
    )
    assert _sources(text) == [("Clinton", "portraying")]
    monkeypatch.setattr(attribution, "EMBEDDED_GERUND_SUBJECT", False)
    assert _sources(text) == [("the Nevada caucuses", "portraying")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a group backing": a reduced relative clause, whose subject the group is
        ("Wealthy donors gave millions to a group backing Mr. Rubio.", ("a group", "backing")),
        # "with Noah commenting": the object of "with" is the participle's subject
        (
            "The routine begins with Noah commenting on the news of the day.",
            ("Noah", "commenting on"),
        ),
    ],
)
def test_a_participle_keeps_an_indefinite_or_with_subject(text, expected):
    assert _sources(text) == [expected]


@pytest.mark.parametrize(
    ("text", "source", "before"),
    [
        (
            "Organizers of the push to boycott Trump's AIPAC speech said they would walk out.",
            "Organizers of the push to boycott Trump's AIPAC speech",
            "boycott Trump's AIPAC speech",
        ),
        (
            "One organization campaigning for Britain to leave the European Union in the June 23 "
            "national referendum posted a picture of the queen.",
            "One organization campaigning for Britain to leave the European Union in the June 23 "
            "national referendum",
            "leave the European Union in the June 23 national referendum",
        ),
        (
            # a causative or perception verb: its object is the subject of the bare infinitive
            "Hundreds of voters came to hear Weld and Johnson say that the two parties had failed.",
            "Weld and Johnson",
            "hear Weld and Johnson",
        ),
        (
            "They came to watch Mitt Romney insist that he had never changed his mind.",
            "Mitt Romney",
            "watch Mitt Romney",
        ),
    ],
)
def test_words_opening_with_an_infinitive_verb_are_no_subject(monkeypatch, text, source, before):
    assert _sources(text)[-1][0] == source
    monkeypatch.setattr(attribution, "INFINITIVE_OBJECT_SUBJECT", False)
    assert _sources(text)[-1][0] == before


def test_without_a_noun_phrase_or_causative_a_verb_phrase_is_no_source(monkeypatch):
    # "to shut off speculation": no subject left of the cue, so no attribution
    text = "Ben Carson moved quickly to shut off speculation about a campaign shakeup."
    assert _sources(text) == []
    monkeypatch.setattr(attribution, "INFINITIVE_OBJECT_SUBJECT", False)
    assert _sources(text) == [("shut off", "speculation")]


def test_a_clause_verb_before_the_infinitive_gives_no_noun_phrase(monkeypatch):
    # "That was enough to hold": a clause, not a noun phrase the infinitive belongs to, so
    # neither "That was enough to hold the IMF's" nor the verb phrase is the source
    text = "That was enough to hold the IMF's estimate of global growth steady at 3.1 percent."
    assert _sources(text) == []
    monkeypatch.setattr(attribution, "INFINITIVE_OBJECT_SUBJECT", False)
    assert _sources(text) == [("hold the IMF's", "estimate")]


def test_an_infinitive_subject_after_a_main_verb_is_left_alone():
    # "Clinton wanted to help Rubio argue": Rubio argues; Clinton's own cue keeps Clinton
    text = "Clinton wanted to help Rubio argue that the deal was bad."
    assert _sources(text) == [("Clinton", "wanted"), ("Rubio", "argue")]


def test_an_infinitive_cue_is_left_to_the_catenative_rules():
    # "has to step beyond these staples to tell": the verb phrase before the infinitive cue is
    # no subject, and the catenative rules find Sanders
    text = (
        "But now Sanders has to step beyond these stump speech staples to tell a fuller "
        "version of his life story."
    )
    assert _sources(text) == [("Sanders", "to tell")]

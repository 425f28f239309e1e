"""Session 24 rules: one person's two titles joined by "and", a short quotation closing an aside
after the subject, a restrictive relative clause in the subject, an audience named by a group
noun, a present-tense main verb after a relative clause, "not yet", and other forms of a
multi-word cue's first word (each checked by hand; switched off, each case comes out as before).
"""

from __future__ import annotations

import pytest
from conftest import public_rows as rows
from conftest import scoring_triples

import analysis.attribution as attribution


def test_two_titles_joined_by_and_are_one_source(monkeypatch):
    quote = "“I have been warning that North Korea is run by a lunatic,”"
    text = f"{quote} the Florida senator and Republican presidential candidate said."
    source = "the Florida senator and Republican presidential candidate"
    assert rows(text) == [(source, "said", quote)]
    assert rows("The senator and candidate said the plan will fail.") == [
        ("The senator and candidate", "said", "the plan will fail")
    ]
    monkeypatch.setattr(attribution, "TITLE_AND", False)
    assert rows(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The economy grew and analysts said the plan will fail.",  # a plural: two parties
        "The economy grew and the analyst said the plan will fail.",  # a determiner after "and"
    ],
)
def test_an_and_between_clauses_still_ends_the_subject(text):
    source = text[text.index(" and ") + 5 : text.index(" said")]
    assert rows(text) == [(source, "said", "the plan will fail")]


def test_a_title_quotation_in_an_aside_is_part_of_the_source(monkeypatch):
    text = (
        "Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested Trump’s refusal to disavow "
        "the Klan could disqualify him."
    )
    source = "Joe Scarborough, host of MSNBC’s “Morning Joe,”"
    content = "Trump’s refusal to disavow the Klan could disqualify him"
    assert rows(text) == [(source, "suggested", content)]
    monkeypatch.setattr(attribution, "TITLE_QUOTE_ASIDE", False)
    # before: the title was taken for a mixed quotation and the clause after the cue for its
    # inverted source
    assert rows(text) == [(content, "suggested", "Joe Scarborough, host of MSNBC’s “Morning Joe,”")]


def test_a_cited_phrase_in_a_participle_aside_leaves_the_name_as_source(monkeypatch):
    text = (
        "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could be "
        "competitive."
    )
    said = ("Mr. Manafort", "said", "the candidate could be competitive")
    assert rows(text) == [("Mr. Manafort", "citing", "''the unique magic of Trump,''"), said]
    monkeypatch.setattr(attribution, "TITLE_QUOTE_ASIDE", False)
    assert said not in rows(text)


def test_a_mixed_quotation_before_an_inverted_source_is_unchanged():
    text = 'They "had chemistry," said Tom Smith.'
    assert rows(text) == [("Tom Smith", "said", 'They "had chemistry,"')]


def test_a_restrictive_relative_clause_belongs_to_the_subject(monkeypatch):
    text = "People who voted for Trump say the economy is bad."
    assert rows(text) == [
        ("who", "voted for", "Trump"),
        ("People who voted for Trump", "say", "the economy is bad"),
    ]
    assert rows("Voters whose incomes have fallen say the economy is bad.") == [
        ("Voters whose incomes have fallen", "say", "the economy is bad")
    ]
    monkeypatch.setattr(attribution, "RESTRICTIVE_RELATIVE", False)
    assert rows(text) == [("who", "voted for", "Trump say the economy is bad")]


def test_an_object_relative_is_no_part_of_the_subject():
    """'a candidate who many party members strongly oppose': "who" is the verb's object."""
    text = "But they now find themselves with a candidate who many party members strongly oppose."
    assert rows(text) == [("many party members", "oppose", "who")]


def test_a_group_noun_after_told_is_the_audience(monkeypatch):
    text = (
        "This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash "
        "Carter told a Senate panel Wednesday."
    )
    content = "This includes a special force to assist Kurdish Peshmerga"
    assert rows(text) == [("Defense Secretary Ash Carter", "told", content)]
    monkeypatch.setattr(attribution, "ADDRESSEE_GROUP", False)
    assert rows(text) == [("Defense Secretary Ash Carter", "told", "a Senate panel Wednesday")]


def test_a_present_tense_main_verb_ends_a_relative_clause(monkeypatch):
    text = "Clinton, who announced a $275 billion infrastructure plan on Monday, travels to Ohio."
    assert rows(text) == [("who", "announced", "a $275 billion infrastructure plan")]
    monkeypatch.setattr(attribution, "PRESENT_MAIN_VERB", False)
    content = "a $275 billion infrastructure plan on Monday, travels to Ohio"
    assert rows(text) == [("who", "announced", content)]


def test_a_relative_clause_ends_where_the_cue_of_its_noun_starts():
    """'Clinton, who announced …, plans to focus on jobs': "plans" is a cue whose subject holds
    the relative clause, so the clause's content ends before it."""
    text = (
        "Clinton, who announced a $275 billion infrastructure plan on Monday, plans to focus "
        "on jobs."
    )
    source = "Clinton, who announced a $275 billion infrastructure plan on Monday,"
    assert rows(text) == [
        ("who", "announced", "a $275 billion infrastructure plan"),
        (source, "plans", "to focus on jobs"),
    ]


def test_not_yet_before_a_cue(monkeypatch):
    text = "Trump has not yet responded to Calderon’s remarks."
    assert scoring_triples(text) == [
        (["Trump"], ["has not yet responded to"], ["Calderon’s remarks"])
    ]
    monkeypatch.setattr(attribution, "SKIP_BEFORE_CUE", attribution.SKIP_BEFORE_CUE - {"yet"})
    assert scoring_triples(text) == []


def test_other_forms_of_a_phrase_s_first_word(monkeypatch):
    text = "He is raising questions about whether Trump could be trusted."
    assert rows(text) == [("He", "raising questions about", "whether Trump could be trusted")]
    monkeypatch.setattr(attribution, "PHRASE_FORMS", False)
    try:
        for cached in attribution.MODEL_CACHES:
            cached.cache_clear()
        assert rows(text) == []
    finally:
        monkeypatch.undo()
        for cached in attribution.MODEL_CACHES:
            cached.cache_clear()


def test_a_progressive_before_by_is_no_passive():
    """'is standing by his comments': the subject stands by them; "by" opens no agent."""
    assert rows("Trump is standing by his comments.") == [("Trump", "standing by", "his comments")]


def test_a_participle_after_a_word_for_people_belongs_to_the_subject(monkeypatch):
    text = "Voters supporting Trump say the economy is bad."
    assert rows(text) == [
        ("Voters", "supporting", "Trump"),
        ("Voters supporting Trump", "say", "the economy is bad"),
    ]
    monkeypatch.setattr(attribution, "PARTICIPLE_HEADS", frozenset())
    assert rows(text) == [("Voters", "supporting", "Trump say the economy is bad")]


def test_who_backs_the_subject_after_a_noun_of_backing(monkeypatch):
    text = "He won the endorsement of the New Hampshire Union Leader."
    assert rows(text) == [("the New Hampshire Union Leader", "the endorsement of", "He")]
    assert rows("Clinton has strong support among African-American voters.") == [
        ("African-American voters", "support", "Clinton")
    ]
    # what the subject gave is no backing it won: the object stays the content
    assert rows("Graham's energetic endorsement of Cruz surprised many.")[0][:2] == (
        "Graham's",
        "endorsement of",
    )
    monkeypatch.setattr(attribution, "NOUN_OF_SOURCE", False)
    assert rows(text) == [("He won", "the endorsement of", "the New Hampshire Union Leader")]


def test_an_appositive_ending_in_a_name(monkeypatch):
    text = "His wife, longtime aide Huma Abedin, announced they were separated."
    assert rows(text) == [
        ("His wife, longtime aide Huma Abedin,", "announced", "they were separated")
    ]
    monkeypatch.setattr(attribution, "APPOSITIVE_NAME", False)
    assert rows(text) == []


def test_a_place_closing_an_inverted_source(monkeypatch):
    text = "Even India has more resonance, says Dossym Satpayev in Almaty."
    assert rows(text) == [("Dossym Satpayev in Almaty", "says", "Even India has more resonance")]
    monkeypatch.setattr(attribution, "INVERTED_PLACE", False)
    assert rows(text) == []


def test_a_relative_clause_after_an_inverted_source(monkeypatch):
    text = (
        "But that is not good enough, said Howard Rubel, a senior analyst at Jefferies, who "
        "notes that United Technologies is strong."
    )
    said = ("Howard Rubel, a senior analyst at Jefferies,", "said", "that is not good enough")
    notes = ("who", "notes", "that United Technologies is strong")
    assert rows(text) == [said, notes]
    monkeypatch.setattr(attribution, "INVERTED_RELATIVE", False)
    assert rows(text) == [notes]


def test_every_form_phrase_passes_the_sentence_prefilter():
    """A sentence holding a form phrase must reach the cue matcher: the prefilter keeps each
    phrase's longest word (not its first, which for "going on to" would let every "going"
    sentence through)."""
    phrases = attribution._trie_phrases(attribution._phrase_forms())
    assert len(phrases) > 500
    cue_words = attribution._cue_words()
    assert all(attribution._longest_word(p) in cue_words for p in phrases)
    assert ("raising", "questions", "about") in phrases

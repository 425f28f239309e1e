"""Sentence splitting: the bundled article, hand-checked edge cases, and span invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# --- the bundled article ----------------------------------------------------------------------


def test_bundled_article_has_13_body_sentences(seed_article):
    assert len(seed_article.sentences) == 13


def test_bundled_article_first_and_last_sentence(seed_article):
    first, last = seed_article.sentences[0], seed_article.sentences[-1]
    assert first.text == (
        "President Donald Trump raised doubts on Thursday about NATO’s commitment to defend the "
        "U.S. in case of an attack, despite the alliance’s past support after the September 11 "
        "attacks, which marked the only time the defense guarantee was invoked."
    )
    assert last.text == (
        "Ultimately, Trump’s approach to NATO reflects his administration’s emphasis on equitable "
        "burden-sharing and fair trade practices among alliance members."
    )


def test_bundled_article_never_splits_at_us(seed_article):
    text = seed_article.text
    assert text.count("U.S.") == 9
    for sent in seed_article.sentences:
        assert not sent.text.endswith("U.S.")
        assert not text[: sent.start].rstrip().endswith("U.S.")
    # the possessive "U.S.’s" and "U.S.," stay inside their sentences
    assert "come to the U.S.’s defense, despite" in seed_article.sentences[6].text
    assert "towards the U.S., citing" in seed_article.sentences[7].text


def test_bundled_article_offsets_and_paragraphs(seed_article):
    text = seed_article.text
    assert [s.paragraph_id for s in seed_article.sentences] == [
        0,
        1,
        1,
        2,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
    ]
    for sent in seed_article.sentences:
        assert text[sent.start : sent.end] == sent.text
    # the dateline "WASHINGTON (AP) —" is not part of the first sentence
    assert seed_article.sentences[0].start > seed_article.dateline.end


# --- edge cases, each checked by hand ----------------------------------------------------------

NO_SPLIT = [
    "The U.S. Army said so.",
    "He met Gen. Mark Milley on Jan. 5 at 9 a.m. in Washington.",
    "Mr. Smith and Mrs. Jones met Dr. Brown.",
    "Jessica R. Jones wrote it.",
    "Dr. J. R. R. Tolkien wrote it.",
    "Prices rose 3.5% in March.",
    "After 9/11 the U.S. changed.",
    "U.S. President Joe Biden spoke.",
    "The U.S. is big.",
    "The meeting ended at 5 p.m. on Friday.",
    "The meeting ended at 5 p.m. Friday.",
    "Sen. Elizabeth Warren, D-Mass., spoke.",
    "He was born in St. Louis in 1970.",
    "It was No. 1 in the charts.",
    "In Sept. 2020 they met again.",
    "The temperature was 98.6 degrees.",
    "Visit example.com today.",
    "He earned a Ph.D. in physics.",
    "The company, e.g. Apple, grew.",
    "“Is it true?” he asked.",
    "“We will win,” he said.",
    "He scored 10 pts. in the game.",
    "The Rev. Martin Luther King Jr. spoke.",
    "The U.N. Security Council met.",
    "Wait... what happened?",
    "Apple Inc. said sales rose.",
]


@pytest.mark.parametrize("text", NO_SPLIT)
def test_no_split(text):
    assert sentences(text) == [text]


SPLIT = [
    ("The U.S. Army said so. Mr. Smith agreed.", ["The U.S. Army said so.", "Mr. Smith agreed."]),
    ("He lives in the U.S. He works there.", ["He lives in the U.S.", "He works there."]),
    ("He lives in the U.S. But not for long.", ["He lives in the U.S.", "But not for long."]),
    ("It's 5 p.m. The office closes.", ["It's 5 p.m.", "The office closes."]),
    ("I am. He is.", ["I am.", "He is."]),  # the verb "am" is not "a.m."
    (
        "The meeting ended at 5 p.m. Officials left.",
        ["The meeting ended at 5 p.m.", "Officials left."],
    ),
    ("Apple Inc. said so. Google Inc. did not.", ["Apple Inc. said so.", "Google Inc. did not."]),
    # a closing quotation mark that ends a sentence
    ('He said "We will win." Then he left.', ['He said "We will win."', "Then he left."]),
    ("She said: “It is over.” He left.", ["She said: “It is over.”", "He left."]),
    ("“Stop!” she shouted. He stopped.", ["“Stop!” she shouted.", "He stopped."]),
    ("He asked ‘why?’ She didn’t answer.", ["He asked ‘why?’", "She didn’t answer."]),
    # a quotation of two sentences is two sentences
    ("“I agree. We go now,” he said.", ["“I agree.", "We go now,” he said."]),
    ('"We will win," he said. "No doubt."', ['"We will win," he said.', '"No doubt."']),
    # brackets, questions, exclamations, ellipses
    (
        "NATO met (again). (He said so.) Others agreed.",
        ["NATO met (again).", "(He said so.)", "Others agreed."],
    ),
    ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    ("Wait… What happened?", ["Wait…", "What happened?"]),
    # numbers and currency after a full stop
    ("It cost $1.5 billion. That is a lot.", ["It cost $1.5 billion.", "That is a lot."]),
    ("Sales fell. £1.17 billion was lost.", ["Sales fell.", "£1.17 billion was lost."]),
    ("The vote was 5-4. 2019 was worse.", ["The vote was 5-4.", "2019 was worse."]),
    (
        "It was No. 1 in the charts. No. Not again.",
        ["It was No. 1 in the charts.", "No.", "Not again."],
    ),
    ("Smith et al. found it. Others agree.", ["Smith et al. found it.", "Others agree."]),
    ("He met Gen. Smith. Gen. Jones was late.", ["He met Gen. Smith.", "Gen. Jones was late."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT)
def test_split(text, expected):
    assert sentences(text) == expected


def test_list_marker_opening_a_paragraph_is_not_a_sentence():
    text = "1. Rodri, 37, London: ‘Around 50% of a waiter’s income is tips’"
    assert sentences(text) == [text]


def test_lowercase_after_a_period_continues_the_sentence():
    assert sentences("The firm, i.e. the bank, agreed. it was odd.") == [
        "The firm, i.e. the bank, agreed. it was odd."
    ]


def test_region_offsets_point_into_the_whole_text():
    text = "HEAD. First one. Second one.\nTAIL."
    start = text.index("First")
    end = text.index("\n")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0] == (6, 16)


def test_empty_and_blank_regions():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []
    assert sentences("no final stop") == ["no final stop"]


# --- invariants ----------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("aAbB UuSs.,!?”“\"'()…—-19%$\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_spans_are_ordered_trimmed_and_cover_every_non_space_character(text):
    spans = split_sentences(text)
    covered = 0
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert not text[previous_end:s].strip()  # only white space between sentences
        covered += e - s
        previous_end = e
    assert not text[previous_end:].strip()
    assert covered >= len("".join(text.split()))


_PADDING = st.text(alphabet=st.sampled_from(list(" \t\r\n")), max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aAbBcC UuSsMr.,!?”“\"'()…—-19%$\n\u2009")), max_size=120
    ),
    _PADDING,
    _PADDING,
)
def test_ascii_white_space_around_a_region_does_not_change_its_sentences(body, lead, trail):
    # split_sentences memoises a region under its trimmed bounds (a line and its paragraph
    # share an entry): the unmemoised splitter must agree on the padded and the trimmed region
    from analysis.segment import _split

    text = f"Xx. {lead}{body}{trail} Yy."
    start, end = 4, 4 + len(lead) + len(body) + len(trail)
    assert split_sentences(text, start, end) == _split(text, start, end)
    assert _split(text, start, end) == _split(text, 4 + len(lead), end - len(trail))


def test_terminal_punctuation_runs_and_ellipses():
    text = "Wait... What?! Yes… no. OK. Go!!! “Fine?” he said. Done."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Wait...",
        "What?!",
        "Yes… no.",
        "OK.",
        "Go!!!",
        "“Fine?” he said.",
        "Done.",
    ]


# Boundary candidates are found at the terminal marks by str.find instead of a regex scan: the
# regex's own finditer is the reference they must equal, on text rich in marks, quotes and spaces.
_PIECES = [*'ab .!?…"”’)]\n\t', "U.S.", "Mr.", "..."]
_MARKY = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MARKY, st.integers(0, 60), st.integers(0, 60))
def test_boundaries_equal_the_regex_scan(text, a, b):
    from analysis.segment import _BOUNDARY_RE, _boundaries

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = [(m.start(), m.end()) for m in _BOUNDARY_RE.finditer(text, start, end)]
    assert _boundaries(text, start, end) == expected


def test_boundaries_by_hand():
    from analysis.segment import _boundaries

    text = 'He left... "Why?" she asked. No.x'
    # "..." and '?"' close sentences; "." before "x" has no space after it
    assert _boundaries(text, 0, len(text)) == [(7, 10), (15, 17), (27, 28)]

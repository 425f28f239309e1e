from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import actor_mentions, find_actors
from analysis.article import Article
from analysis.errors import ConfigError, InputError
from analysis.loading import load_article
from analysis.paths import DATA_DIR


@pytest.fixture(scope="module")
def mentions(seed_article):
    return actor_mentions(seed_article)


@pytest.fixture(scope="module")
def actors(seed_article):
    return find_actors(seed_article)


def _of(mentions, actor):
    return mentions[mentions["actor"] == actor]


def _at(seed_article, phrase, nth=0):
    """Offset of the nth occurrence of phrase in the bundled article."""
    start = -1
    for _ in range(nth + 1):
        start = seed_article.text.index(phrase, start + 1)
    return start


# --- contract -----------------------------------------------------------------------------------


def test_columns_are_the_contract(mentions, actors):
    assert list(mentions.columns[:7]) == [
        "actor",
        "kind",
        "start",
        "end",
        "text",
        "sentence_id",
        "linked_by",
    ]
    assert list(actors.columns[:5]) == ["actor", "kind", "n_mentions", "first_sentence", "aliases"]
    assert set(mentions["linked_by"]) <= {"name", "alias", "pronoun", "role"}
    assert set(actors["kind"]) <= {"person", "organisation", "place", "group"}


def test_spans_match_text_and_sentences(seed_article, mentions):
    for m in mentions.itertuples():
        assert seed_article.text[m.start : m.end] == m.text
        sent = seed_article.sentences[m.sentence_id]
        assert sent.start <= m.start < m.end <= sent.end


# --- the bundled article ------------------------------------------------------------------------


def test_bundled_article_actors(actors):
    table = actors.set_index("actor")
    expected = {
        "Donald Trump": "person",
        "NATO": "organisation",
        "Vladimir Putin": "person",
        "Pete Hegseth": "person",
        "Emmanuel Macron": "person",
        "Russia": "place",
        "Ukraine": "place",
        "France": "place",
        "United States": "place",
        "European Union": "organisation",
    }
    for actor, kind in expected.items():
        assert table.loc[actor, "kind"] == kind, actor
    # hand count: 9 name mentions, 5 pronouns, "the U.S. president"
    assert table.loc["Donald Trump", "n_mentions"] == 15
    assert table.loc["Donald Trump", "n_pronoun"] == 5
    # 9 "NATO" + 4 "the alliance" + "the military alliance"
    assert table.loc["NATO", "n_mentions"] == 14
    assert table.loc["United States", "n_mentions"] == 9  # 8 "U.S." + "its"
    assert table.loc["Ukraine", "n_mentions"] == 2
    assert actors.iloc[0]["actor"] == "Donald Trump"
    assert table.loc["Vladimir Putin", "first_sentence"] == 4
    assert set(table.loc["Donald Trump", "aliases"]) == {
        "President Donald Trump",
        "Trump",
        "the U.S. president",
    }


def test_not_actors(seed_article, mentions, actors):
    names = set(actors["actor"])
    texts = set(mentions["text"])
    for word in ("Thursday", "Oval Office", "Cold War", "Article 5", "Article", "GDP", "September"):
        assert word not in names and word not in texts, word
    for word in ("During", "When", "Ultimately", "Contributions", "Soviet", "French", "Defense"):
        assert word not in names and word not in texts, word
    # byline and credit line are structure, not body sentences
    assert "Jessica R. Jones" not in names and "JESSICA R. JONES" not in names
    assert "Sylvie Corbet" not in names
    assert mentions["start"].min() >= seed_article.sentences[0].start
    assert mentions["end"].max() <= seed_article.sentences[-1].end


def test_exact_spans_for_names_titles_and_possessives(seed_article, mentions):
    trump = _of(mentions, "Donald Trump")
    first = trump.iloc[0]
    assert (first.start, first.end, first.text, first.linked_by) == (
        38,
        60,
        "President Donald Trump",
        "name",
    )
    # "Trump’s critical remarks": the span covers the name, the possessive is flagged
    start = _at(seed_article, "Trump’s critical")
    row = trump[trump["start"] == start].iloc[0]
    assert (row.end, row.text, bool(row.possessive)) == (start + 5, "Trump", True)
    hegseth = _of(mentions, "Pete Hegseth").iloc[0]
    assert hegseth.text == "Defense Secretary Pete Hegseth"
    macron = _of(mentions, "Emmanuel Macron").iloc[0]
    assert (macron.start, macron.text) == (1560, "French President Emmanuel Macron")
    # "the U.S.’s defense": the country, possessive
    us_poss = _at(seed_article, "U.S.’s")
    row = mentions[mentions["start"] == us_poss].iloc[0]
    assert (row.actor, row.text, row.linked_by, bool(row.possessive)) == (
        "United States",
        "U.S.",
        "alias",
        True,
    )
    eu = _of(mentions, "European Union").iloc[0]
    assert (eu.text, eu.linked_by) == ("European Union", "name")


def test_straight_apostrophe_possessive():
    text = "Mayor Jane Smith spoke on Monday. Smith's plan was criticised by the council."
    m = actor_mentions(text)
    smith = m[m["actor"] == "Jane Smith"]
    assert list(smith["text"]) == ["Mayor Jane Smith", "Smith"]
    assert list(smith["possessive"]) == [False, True]
    assert "Monday" not in set(m["text"])


def test_pronouns_link_to_trump(seed_article, mentions):
    pronouns = mentions[mentions["linked_by"] == "pronoun"]
    trump = pronouns[pronouns["actor"] == "Donald Trump"]
    # "his nominee", "his longstanding criticism", "his 2016 campaign", "he perceives",
    # "his administration’s"
    expected = [
        _at(seed_article, "his nominee"),
        _at(seed_article, "his longstanding"),
        _at(seed_article, "his 2016"),
        _at(seed_article, "he perceives"),
        _at(seed_article, "his administration"),
    ]
    assert list(trump["start"]) == expected
    assert list(trump["text"]) == ["his", "his", "his", "he", "his"]
    # "the U.S. reconsidering its alliance commitments": its -> the United States
    its = pronouns[pronouns["text"] == "its"].iloc[0]
    assert its.actor == "United States"


def test_role_nouns(seed_article, mentions):
    roles = mentions[mentions["linked_by"] == "role"]
    nato = roles[roles["actor"] == "NATO"]
    assert list(nato["text"]) == [
        "the alliance",
        "the military alliance",
        "the alliance",
        "the alliance",
        "the alliance",
    ]
    president = roles[roles["text"] == "the U.S. president"].iloc[0]
    assert president.actor == "Donald Trump"
    assert president.start == _at(seed_article, "the U.S. president")
    # "its alliance commitments" and "alliance members" are not references to NATO
    assert not ((roles["start"] > 300) & (roles["start"] < 360)).any()


def test_role_noun_needs_a_compatible_title_holder():
    text = (
        "Russian President Vladimir Putin met French President Emmanuel Macron on Friday. "
        "Officials said the Russian president was tired."
    )
    m = actor_mentions(text)
    role = m[m["linked_by"] == "role"].iloc[0]
    assert (role.text, role.actor) == ("the Russian president", "Vladimir Putin")


def test_she_prefers_a_woman():
    text = (
        "Prime Minister Theresa May met Donald Trump in London. "
        "She said the talks went well, and he agreed."
    )
    m = actor_mentions(text).set_index("text")
    assert m.loc["She", "actor"] == "Theresa May"
    assert m.loc["he", "actor"] == "Donald Trump"
    assert "May" not in set(actor_mentions(text)["actor"])


def test_acronym_and_expansion_merge():
    text = (
        "The European Union imposed tariffs. The EU said more would follow, and "
        "the Internet Corporation for Assigned Names and Numbers (ICANN) objected. "
        "Officials at the World Wide Widget Association (WWWA) agreed with the WWWA board."
    )
    actors = find_actors(text).set_index("actor")
    assert set(actors.loc["European Union", "aliases"]) == {"European Union", "EU"}
    assert actors.loc["European Union", "n_mentions"] == 2
    assert actors.loc["ICANN", "n_mentions"] == 2
    assert actors.loc["World Wide Widget Association", "n_mentions"] == 3
    assert actors.loc["World Wide Widget Association", "kind"] == "organisation"


def test_demonym_is_the_country_only_as_an_agent():
    text = (
        "Russian forces shelled the town. A Russian writer was not surprised. "
        "Many Russians disagreed with the Kremlin."
    )
    m = actor_mentions(text)
    russia = m[m["actor"] == "Russia"]
    assert list(russia["text"]) == ["Russian"]
    assert russia.iloc[0].start == 0
    assert russia.iloc[0].linked_by == "alias"
    groups = m[m["kind"] == "group"]
    assert list(groups["text"]) == ["Russians"]


def test_surnames_link_to_full_names_and_sentence_openers_are_dropped():
    text = (
        "Yesterday the coach Maria Keller resigned. Ultimately, Keller blamed the board. "
        "Contributions from fans had fallen, Keller added."
    )
    actors = find_actors(text).set_index("actor")
    assert list(actors.index) == ["Maria Keller"]
    assert actors.loc["Maria Keller", "n_mentions"] == 3
    assert actors.loc["Maria Keller", "kind"] == "person"


def test_no_actors_gives_empty_tables():
    text = "it rained all day and nobody came. the end."
    assert actor_mentions(text).empty
    table = find_actors(text)
    assert table.empty and list(table.columns[:5]) == [
        "actor",
        "kind",
        "n_mentions",
        "first_sentence",
        "aliases",
    ]
    # the types of a table with rows, so that tables of several articles concatenate cleanly
    with_rows = find_actors("Maria Keller spoke. Keller left.")
    assert table.dtypes.to_dict() == with_rows.dtypes.to_dict()
    assert str(table["actor"].dtype) == "str" and table["n_mentions"].dtype == "int64"


def test_bad_input_raises_input_error():
    with pytest.raises(InputError):
        actor_mentions("   ")
    with pytest.raises(InputError):
        find_actors(42)


# --- user config --------------------------------------------------------------------------------


def test_config_rename_kind_drop_and_alias(seed_article):
    config = {
        "aliases": {"NATO": ["non-NATO"], "Donald Trump": ["Pete Hegseth"]},
        "rename": {"United States": "USA"},
        "kind": {"Russia": "group"},
        "drop": ["Ukraine"],
    }
    actors = find_actors(seed_article, config=config).set_index("actor")
    assert "Ukraine" not in actors.index
    assert "USA" in actors.index and "United States" not in actors.index
    assert actors.loc["Russia", "kind"] == "group"
    assert "Pete Hegseth" not in actors.index
    assert actors.loc["Donald Trump", "n_mentions"] == 16
    assert actors.loc["NATO", "n_mentions"] == 15
    m = actor_mentions(seed_article, config=config)
    literal = m[m["text"] == "non-NATO"].iloc[0]
    assert (literal.actor, literal.linked_by) == ("NATO", "alias")
    # the default is unaffected by a call with a config
    assert "Ukraine" in set(find_actors(seed_article)["actor"])


def test_config_file_bundled_example(seed_article):
    path = DATA_DIR / "actors.yml"
    actors = find_actors(seed_article, config=path).set_index("actor")
    plain = find_actors(seed_article).set_index("actor")
    assert actors.loc["NATO", "n_mentions"] > plain.loc["NATO", "n_mentions"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("aliases: [unclosed\n", "invalid YAML"),
        ("- just\n- a list\n", "top level must be a mapping"),
        ("colour: red\n", "unknown key"),
        ("kind:\n  NATO: company\n", "expected one of"),
        ("aliases:\n  NATO: 5\n", "must be a name or a list"),
        ("rename:\n  NATO: ''\n", "non-empty"),
    ],
)
def test_invalid_config_raises_config_error(tmp_path, seed_article, content, message):
    path = tmp_path / "actors.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        find_actors(seed_article, config=path)
    assert "\n" not in str(info.value)


def test_missing_config_file(tmp_path, seed_article):
    with pytest.raises(ConfigError, match="no such file"):
        actor_mentions(seed_article, config=tmp_path / "nope.yml")


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.shared
def test_every_onestopenglish_advanced_text(shared_dir):
    paths = sorted((shared_dir / "onestopenglish").glob("*-adv.txt"))
    assert len(paths) >= 30
    for path in paths:
        article = load_article(path)
        mentions = actor_mentions(article)
        actors = find_actors(article)
        assert len(actors) > 0, path.name
        assert actors["n_mentions"].sum() == len(mentions)
        for m in mentions.itertuples():
            assert article.text[m.start : m.end] == m.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Trump",
                    "Trump’s",
                    "Donald Trump's",
                    "President",
                    "the U.S.",
                    "U.S.’s",
                    "NATO",
                    "the alliance",
                    "he",
                    "his",
                    "its",
                    "She",
                    "Russian",
                    "Russians",
                    "of",
                    "and",
                    "Mr.",
                    "R.",
                    "the",
                    ".",
                    ",",
                    "“",
                    "”",
                    "\n",
                    "-",
                    "non-NATO",
                    "US-based",
                    "the U.S. president",
                ]
            ),
            st.text(min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_property_spans_inside_text(parts):
    text = " ".join(parts)
    assume(text.strip())
    try:
        article = Article.from_text(text)
    except InputError:
        assume(False)
    mentions = actor_mentions(article)
    for m in mentions.itertuples():
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    assert find_actors(article)["n_mentions"].sum() == len(mentions)


def test_each_call_gets_its_own_tables(seed_article):
    # detection runs once per article; the tables built from it are independent copies
    first = find_actors(seed_article)
    first.loc[0, "aliases"].append("changed")
    first.loc[0, "n_mentions"] = -1
    mentions = actor_mentions(seed_article)
    mentions.loc[0, "start"] = -1
    again = find_actors(seed_article)
    assert "changed" not in again.loc[0, "aliases"]
    assert again.loc[0, "n_mentions"] == 15  # Donald Trump
    assert actor_mentions(seed_article).loc[0, "start"] >= 0


def test_pronoun_pattern_matches_whole_pronouns_only():
    from analysis.actors_links import _PRONOUN_RE

    text = "He told her herself; its ex-he Shea hers, Its his. Himself? him"
    found = [m.group() for m in _PRONOUN_RE.finditer(text)]
    assert found == ["He", "her", "herself", "its", "hers", "Its", "his", "Himself", "him"]


def test_capitalised_tokens_split_possessives_and_skip_hyphen_tails():
    from analysis.actors_names import _cap_tokens

    text = (
        "The U.S. and F.B.I. met O’Brien at AT&T’s office with ex-Senator Smith's aide and "
        "US-based Éric."
    )
    tokens = [(t.text, t.possessive) for t in _cap_tokens(text, 0, len(text))]
    assert tokens == [
        ("The", False),
        ("U.S.", False),
        ("F.B.I.", False),
        ("O’Brien", False),
        ("AT&T", True),
        ("Smith", True),
        ("US", False),
        ("Éric", False),
    ]
    # the look-behind sees the character before the search window, as before
    start = text.index("Senator")
    assert [t.text for t in _cap_tokens(text, start, start + 7)] == []


def test_role_alternations_group_words_by_first_letter_and_match_the_same():
    import re

    from analysis.actors_links import _alternation

    words = ["army", "alliance", "banks", "a", "Bank of X"]  # no two of one length
    assert _alternation(words[:4]) == "a(?:lliance|rmy|)|b(?:anks)"
    # a word that does not open with a lower-case ASCII letter: the plain alternation
    assert _alternation(words) == "Bank\\ of\\ X|alliance|banks|army|a"
    grouped = re.compile(rf"\b(?:{_alternation(words[:4])})\b", re.IGNORECASE)
    plain = re.compile(r"\b(?:alliance|banks|army|a)\b", re.IGNORECASE)
    text = "The Alliance and the army, a banks; BANKS armyx alliance-army A."
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in grouped.finditer(text)] == [
        "Alliance", "army", "a", "banks", "BANKS", "alliance", "army", "A",
    ]  # fmt: skip


# --- lower-case words, asked one at a time -------------------------------------------------------


def test_lower_words_are_whole_lower_case_words():
    from analysis.actors_names import LowerWords

    text = "During the well-known talks, don't worry: x-'abc and Ab b_c 9d e\n"
    words = LowerWords(text, 0, len(text))
    for word in ("the", "well-known", "don't", "worry", "x-'abc", "and", "b", "e"):
        assert word in words
    # parts of longer words, words behind a letter, digit or underscore, capitalised words
    for word in ("known", "well", "t", "abc", "c", "d", "During", "during", "Ab", "talks,", ""):
        assert word not in words


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet="ab A-'’_9é \n", max_size=30),
    st.lists(st.text(alphabet="ab-'’", min_size=1, max_size=4), min_size=1, max_size=8),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_lower_words_agree_with_the_regex(text, words, lo, hi):
    """One instance asked several words: scans first, then (budget spent) the list."""
    from analysis.actors_names import _LOWER_WORD_RE, LowerWords

    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    listed = set(_LOWER_WORD_RE.findall(text, lo, hi))
    lower_words = LowerWords(text, lo, hi)
    assert [word in lower_words for word in words] == [word in listed for word in words]


def test_lower_words_list_the_body_once_the_scans_add_up_to_twice_its_length():
    from analysis.actors_names import LowerWords

    text = "the cat sat on the mat"  # 22 characters: scans may read 44 before listing
    words = LowerWords(text, 0, len(text))
    assert "mat" in words  # a scan up to its end: 22 read
    assert "dog" not in words and "cow" not in words  # two misses read the whole body: 66
    assert words._listed is None  # the budget ran out only during the last scan
    assert "sat" in words and "Sat" not in words and "at" not in words  # answered from the list
    assert words._listed == frozenset({"the", "cat", "sat", "on", "mat"})


def test_attributions_from_detection_rows_equal_those_from_the_table(seed_article):
    import pandas as pd

    from analysis.actors import detection, mention_table
    from analysis.attribution import find_attributions

    rows, _ = detection(seed_article)
    from_rows = find_attributions(seed_article, mentions=rows)
    from_table = find_attributions(seed_article, mentions=mention_table(rows))
    pd.testing.assert_frame_equal(from_rows, from_table, check_exact=True)
    # the speakers come from the mentions: some source is linked to a detected actor
    assert set(from_rows["speaker"].dropna()) & {r[0] for r in rows}


def test_a_party_and_state_tag_is_no_actor():
    from analysis import find_actors

    text = (
        "Sen. Rand Paul, R-Ky., spoke. Rep. Chris Collins, R-N.Y., and Sen. Bernie Sanders, "
        "I-Vt., agreed."
    )
    actors = find_actors(text)["actor"].tolist()
    assert sorted(actors) == ["Bernie Sanders", "Chris Collins", "Rand Paul"]
    bracketed = "Sen. Lindsey Graham (R-SC) spoke. Rep. Jim Jordan (R-Ohio) agreed."
    assert sorted(find_actors(bracketed)["actor"]) == ["Jim Jordan", "Lindsey Graham"]

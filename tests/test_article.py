"""The article model: structure recognition and offsets into the original text."""

from __future__ import annotations

import dataclasses
import inspect
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Article, InputError, as_article, load_article
from analysis.article import Paragraph, Sentence

WIRE = (
    "By JANE Q. DOE\n"
    "LONDON (Reuters) - The central bank raised rates on Thursday. Markets fell.\n"
    "Officials said more rises could follow.\n"
    "Jane Roe contributed to this report.\n"
    "Copyright 2025 Reuters. All rights reserved.\n"
)


def test_seed_article_structure(seed_article):
    roles = [b.role for b in seed_article.blocks]
    assert roles == ["byline"] + ["body"] * 11 + ["credit", "boilerplate"]
    assert seed_article.byline_name == "JESSICA R. JONES"
    assert seed_article.dateline.text == "WASHINGTON (AP) —"
    assert len(seed_article.paragraphs) == 11
    assert len(seed_article.sentences) == 13
    first = seed_article.sentences[0]
    assert first.text.startswith("President Donald Trump raised doubts on Thursday")
    assert first.start == seed_article.dateline.end + 1


def test_every_sentence_maps_to_its_text(seed_article):
    for sent in seed_article.sentences:
        assert seed_article.text[sent.start : sent.end] == sent.text
        par = seed_article.paragraphs[sent.paragraph_id]
        assert par.start <= sent.start < sent.end <= par.end


def test_wire_story_with_reuters_dateline_and_credits():
    article = Article.from_text(WIRE)
    assert [b.role for b in article.blocks] == ["byline", "body", "body", "credit", "boilerplate"]
    assert article.dateline.text == "LONDON (Reuters) -"
    assert [s.text for s in article.sentences] == [
        "The central bank raised rates on Thursday.",
        "Markets fell.",
        "Officials said more rises could follow.",
    ]


def test_dateline_without_agency():
    article = Article.from_text("PARIS — The talks resumed. Nobody spoke.\nA second paragraph.\n")
    assert article.dateline.text == "PARIS —"
    assert article.sentences[0].text == "The talks resumed."


def test_crlf_text_keeps_original_offsets():
    text = WIRE.replace("\n", "\r\n")
    article = Article.from_text(text)
    assert article.text == text
    assert [s.text for s in article.sentences][-1] == "Officials said more rises could follow."
    for sent in article.sentences:
        assert text[sent.start : sent.end] == sent.text


def test_title_line_is_structure_not_body():
    article = Article.from_text("Rates rise again\n\nThe bank raised rates. It said so.\n\nMore.")
    assert article.title.text == "Rates rise again"
    assert len(article.paragraphs) == 2


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "The committee met on Monday and agreed to\nraise the limit by a small amount after\n"
        "a long debate.\n\nA second paragraph follows here and it\nalso wraps onto a new line.\n"
    )
    article = Article.from_text(text)
    assert len(article.paragraphs) == 2
    assert article.sentences[0].text.endswith("a long debate.")


def test_load_article_with_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + WIRE.replace("\n", "\r\n").encode("utf-8"))
    article = load_article(path)
    assert article.encoding == "utf-8-sig"
    assert article.text.startswith("By JANE")
    assert len(article.sentences) == 3


@pytest.mark.parametrize("bad", ["", "   \n\t  "])
def test_empty_text_is_an_input_error(bad):
    with pytest.raises(InputError, match="empty"):
        Article.from_text(bad)


def test_as_article_accepts_text_and_articles(seed_article):
    assert as_article(seed_article) is seed_article
    assert as_article("One sentence here.").sentences[0].text == "One sentence here."
    with pytest.raises(InputError):
        as_article(42)  # type: ignore[arg-type]


def test_slug_from_file_name(seed_article):
    assert seed_article.slug == "seed-article"


def test_table_helpers_give_the_dtypes_pandas_would_infer():
    import numpy as np
    import pandas as pd

    from analysis.article import frame, ints, strings

    table = frame(pd.Index(["n", "word"]), [ints(iter([3, 1])), strings(["a", None])])
    expected = pd.DataFrame({"n": [3, 1], "word": ["a", None]})
    pd.testing.assert_frame_equal(table, expected)
    assert pd.isna(table.loc[1, "word"]) and table["word"].dtype == "str"
    labels = strings(["x", None], pd.StringDtype())  # the NA-valued "string" dtype
    assert labels.dtype == "string" and labels[1] is pd.NA
    assert strings([1.5, "y"]).tolist() == ["1.5", "y"]  # not all text: pandas converts
    assert frame(pd.Index(["n"]), [np.array([], dtype="int64")]).shape == (0, 1)


def test_frame_lays_out_blocks_as_pandas_consolidates_them():
    import numpy as np
    import pandas as pd

    from analysis.article import frame, strings

    ids, ends = np.array([0, 1, 2]), np.array([5, 9, 14])
    score = np.array([0.5, -1.0, 2.25])
    aliases = np.empty(3, dtype=object)
    aliases[:] = [["a"], [], ["b", "c"]]
    columns = pd.Index(["id", "text", "score", "end", "aliases", "flag"])
    arrays = [ids, strings(["x", "y", None]), score, ends, aliases, np.array([True, False, True])]
    table = frame(columns, arrays)
    expected = pd.DataFrame(
        {"id": ids, "text": ["x", "y", None], "score": score, "end": ends,
         "aliases": aliases, "flag": [True, False, True]}
    )  # fmt: skip
    pd.testing.assert_frame_equal(table, expected, check_exact=True)
    # one block per NumPy dtype (the two int columns together), one per extension array
    kinds = sorted((str(b.dtype), len(b.mgr_locs)) for b in table._mgr.blocks)
    assert kinds == [("bool", 1), ("float64", 1), ("int64", 2), ("object", 1), ("str", 1)]
    ids[0] = 99  # the table holds its own copy of the data
    assert table["id"].tolist() == [0, 1, 2]


def test_structure_and_sentence_tables_keep_their_types(seed_article):
    structure = seed_article.structure_table()
    assert structure["paragraph_id"].dtype == "Int64"
    assert structure["role"].tolist()[:2] == ["byline", "body"]
    assert pd_isna(structure.loc[0, "paragraph_id"])
    assert structure["n_sentences"].sum() == len(seed_article.sentences) == 13
    sentences = seed_article.sentence_table()
    assert list(sentences.dtypes.astype(str)) == ["int64", "int64", "int64", "int64", "str"]


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


# The structure pass finds lines, sentence-final lines and credit lines without scanning every
# character with a regex; these references are the regexes it replaced.
_LINE_PIECES = [*"ab. :;…!'\t\r\n", "?”", "(", ")", "Reporting by X", "writers", " contributed"]
_STRUCTURE_TEXT = st.lists(st.sampled_from(_LINE_PIECES), max_size=30).map("".join)
_OLD_CREDIT_RE = re.compile(  # session 17: the opening phrases may follow a bracket
    r"^\s*(?:[(\[]?\s*(?:contributions?\s+by\b|additional reporting by\b|reporting by\b|"
    r"editing by\b|follow\s+\S+\s+on\s+(?:twitter|x)\b)|"
    r".*\bcontributed\s+(?:to\s+)?(?:this\s+)?report|"
    r".*\b(?:writers?|correspondents?)\b.*\bcontributed\b)",
    re.IGNORECASE,
)
_OLD_TERMINAL_RE = re.compile(r"[.!?…:;][\"”’')\]]*\s*$")
_OLD_TITLE_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def _old_line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


@settings(max_examples=300, deadline=None)
@given(_STRUCTURE_TEXT)
def test_line_and_credit_checks_equal_their_regexes(text):
    from analysis.article import _SENTENCE_END_MARKS, _ends_sentence, _is_credit, _line_spans

    assert _line_spans(text) == _old_line_spans(text)
    for s, e in _line_spans(text):
        line = text[s:e]
        assert _is_credit(line) == bool(_OLD_CREDIT_RE.match(line))
        assert _ends_sentence(line) == bool(_OLD_TERMINAL_RE.search(line))
        assert _ends_sentence(line, _SENTENCE_END_MARKS) == bool(_OLD_TITLE_END_RE.search(line))


def test_credit_lines_by_hand():
    from analysis.article import _is_credit

    assert _is_credit("Associated Press writer Sylvie Corbet contributed to this report.")
    assert _is_credit("Reporting by Jane Doe; editing by John Roe")
    assert not _is_credit("The company contributed $5 million to the fund.")
    assert _is_credit("(Reporting by Jane Doe; Editing by John Roe)")  # Reuters, at the foot
    assert not _is_credit("(The report was edited.)")


def test_a_byline_at_the_foot_is_structure_but_a_by_sentence_is_body():
    body = "The senator said the bill would pass.\n\nHe added that talks went well.\n\n"
    signed = Article.from_text(body + "By John Doe\n")
    assert [b.role for b in signed.blocks] == ["body", "body", "byline"]
    assert signed.byline_name == "John Doe"
    reuters = Article.from_text(body + "(Reporting by Jane Doe; Editing by John Roe)\n")
    assert [b.role for b in reuters.blocks] == ["body", "body", "credit"]
    dated = Article.from_text(body + "By Tuesday, the deal was done.\n")
    assert [b.role for b in dated.blocks] == ["body"] * 3


@pytest.mark.parametrize("cls", [Paragraph, Sentence])
def test_hand_written_init_takes_every_field_in_order(cls):
    # Paragraph and Sentence fill their frozen fields directly for speed: a field added to the
    # class but not to its __init__ (or given another default) would be missed silently.
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in dataclasses.fields(cls)]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        for f in dataclasses.fields(cls)
    ]
    values = {f.name: i for i, f in enumerate(dataclasses.fields(cls))}
    made = cls(**values)
    assert dataclasses.asdict(made) == values
    assert made == cls(**values) and hash(made) == hash(cls(**values))


def test_sentence_is_slotted_frozen_and_pickles():
    # Slotted for speed (CPython specialises slot reads, not reads from a materialised dict);
    # it must stay as immutable and as portable (corpus workers pickle their articles) as before.
    import pickle

    sentence = Sentence(3, 1, 10, 25, "He said so.")
    assert not hasattr(sentence, "__dict__")
    assert Sentence.__slots__ == ("sentence_id", "paragraph_id", "start", "end", "text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.start = 11  # type: ignore[misc]
    copy = pickle.loads(pickle.dumps(sentence))
    assert copy == sentence and (copy.start, copy.end, copy.text) == (10, 25, "He said so.")
    assert dataclasses.replace(sentence, end=24) == Sentence(3, 1, 10, 24, "He said so.")


@pytest.mark.parametrize(
    ("text", "dateline", "first"),
    [
        ("NEW YORK - The talks resumed.", "NEW YORK -", "The talks resumed."),
        ("LONDON (Reuters)- The talks resumed.", "LONDON (Reuters)-", "The talks resumed."),
        ("WASHINGTON—The talks resumed.", "WASHINGTON—", "The talks resumed."),
        # a hyphen inside a word opens no dateline (session 28: "U.S.-" was taken for a place)
        ("U.S.-led forces struck overnight.", None, "U.S.-led forces struck overnight."),
        ("A U.S.-born gunman attacked the club.", None, "A U.S.-born gunman attacked the club."),
    ],
)
def test_a_dateline_dash_is_not_a_hyphen(text, dateline, first):
    article = Article.from_text(text)
    assert (article.dateline.text if article.dateline else None) == dateline
    assert article.sentences[0].text == first

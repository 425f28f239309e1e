from __future__ import annotations

import pytest

from analysis.errors import InputError
from analysis.validation.polnear import (
    Attribution,
    Document,
    is_direct_quote,
    load_split,
    main,
    parse_ann,
    score_by_publisher,
    score_documents,
    score_polnear,
    toy_baseline,
)

TEXT = '"We will win," Smith said. Jones thinks the plan is weak.'
#       0         1         2         3         4         5
#       0123456789012345678901234567890123456789012345678901234567

ANN = (
    "T1\tSource 15 20\tSmith\n"
    "T2\tCue 21 25\tsaid\n"
    'T3\tContent 0 14\t"We will win,"\n'
    "T4\tAttribution 21 25\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 27 32\tJones\n"
    "T6\tCue 33 39\tthinks\n"
    "T7\tContent 40 56\tthe plan is weak\n"
    "T9\tDiscuss 27 56\tJones thinks the plan is weak\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "T8\tAttribution-no-source 33 39\tthinks\n"
)

GOLD = [
    Attribution(((15, 20),), ((21, 25),), ((0, 14),)),
    Attribution(((27, 32),), ((33, 39),), ((40, 56),)),
]


def test_parse_ann_reads_relations_and_ignores_flags():
    assert parse_ann(ANN) == GOLD


def test_parse_ann_discontinuous_spans():
    ann = "T1\tContent 0 5;10 20\tx\nT2\tCue 6 9\ty\nE1\tAttribution:T3 Content:T1 Cue:T2\n"
    assert parse_ann(ann) == [Attribution((), ((6, 9),), ((0, 5), (10, 20)))]


def _score(pred):
    return score_documents([Document("d", TEXT, GOLD)], lambda text: pred)


def test_perfect_prediction_scores_one():
    s = _score(GOLD)
    assert s["attribution"]["lenient"]["f1"] == 1.0
    assert s["attribution"]["strict"]["f1"] == 1.0
    for role in ("source", "cue", "content"):
        assert s["roles"][role]["exact"]["f1"] == 1.0
        assert s["roles"][role]["token"]["f1"] == 1.0
    assert s["speaker_accuracy"] == 1.0 and s["speaker_n"] == 1
    assert s["direct"]["n_gold"] == 1


def test_partial_prediction_hand_computed():
    # one prediction: right source, cue "thinks", content "plan is weak" (3 of 4 gold tokens)
    pred = [Attribution(((27, 32),), ((33, 39),), ((44, 56),))]
    s = _score(pred)
    # lenient: every role overlaps -> 1 correct of 1 prediction, of 2 gold
    assert s["attribution"]["lenient"] == {"p": 1.0, "r": 0.5, "f1": pytest.approx(2 / 3)}
    # strict: the content is not exact
    assert s["attribution"]["strict"]["f1"] == 0.0
    assert s["roles"]["content"]["exact"]["p"] == 0.0
    # content tokens: gold 10 (", We, will, win, ",", " and the, plan, is, weak)
    assert s["roles"]["content"]["token"]["p"] == 1.0
    assert s["roles"]["content"]["token"]["r"] == pytest.approx(3 / 10)
    assert s["roles"]["cue"]["exact"] == {"p": 1.0, "r": 0.5, "f1": pytest.approx(2 / 3)}


def test_missing_source_on_one_side_is_not_lenient():
    pred = [Attribution((), ((33, 39),), ((40, 56),))]
    s = _score(pred)
    assert s["attribution"]["lenient"]["p"] == 0.0


def test_greedy_pairing_needs_shared_content():
    pred = [Attribution(((27, 32),), ((33, 39),), ((15, 20),))]  # content "Smith": no overlap
    s = _score(pred)
    assert s["attribution"]["lenient"]["p"] == 0.0  # no pair, so not correct
    assert s["roles"]["content"]["token"]["p"] == 0.0


def test_publisher_is_the_file_name_prefix():
    assert Document("nyt_2016-05-27_clinton-faces", "").publisher == "nyt"
    assert Document("west-journal_2016-01-05_x", "").publisher == "west-journal"
    assert Document("plain", "").publisher == "plain"


def test_score_by_publisher_scores_each_outlet_alone_and_predicts_each_text_once():
    docs = [Document("a_1", TEXT, GOLD), Document("b_1", TEXT, GOLD), Document("a_2", TEXT, GOLD)]
    seen = []

    def predict(text):
        seen.append(text)
        return GOLD if len(seen) != 3 else []  # b_1, scored last, gets nothing right

    scores = score_by_publisher(docs, predict)
    assert list(scores) == ["a", "b"] and len(seen) == 3
    assert scores["a"]["n_documents"] == 2 and scores["a"]["n_gold"] == 4
    assert scores["a"]["attribution"]["lenient"]["f1"] == 1.0
    assert scores["b"]["n_gold"] == 2 and scores["b"]["attribution"]["lenient"]["r"] == 0.0


def test_is_direct_quote():
    assert is_direct_quote(TEXT, ((0, 14),))
    assert not is_direct_quote(TEXT, ((40, 56),))


def test_toy_baseline():
    text = "The vote was close, Senator Jones said on Monday. Smith said taxes would rise."
    pred = toy_baseline(text)
    got = [tuple(text[s:e] for s, e in (a.source[0], a.cue[0], a.content[0])) for a in pred]
    assert got == [
        ("Senator Jones", "said", "on Monday"),
        ("Smith", "said", "taxes would rise"),
    ]


def test_load_split_rejects_other_folders(tmp_path):
    with pytest.raises(InputError):
        load_split(tmp_path)


def test_cli_on_a_tiny_split(tmp_path, capsys):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a.ann").write_text(ANN, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "attribution lenient" in out and "speaker accuracy" in out
    (tmp_path / "text" / "a.txt").rename(tmp_path / "text" / "nyt_a.txt")
    (tmp_path / "attributions" / "a.ann").rename(tmp_path / "attributions" / "nyt_a.ann")
    assert main([str(tmp_path), "--by-publisher"]) == 0
    out = capsys.readouterr().out
    assert out.count("attribution lenient") == 2 and "\nnyt documents 1  gold 2" in out


@pytest.mark.shared
@pytest.mark.slow
def test_toy_baseline_scores_as_documented(shared_dir):
    s = score_polnear(shared_dir / "polnear" / "dev", toy_baseline)
    assert 0.13 <= s["attribution"]["lenient"]["f1"] <= 0.17


@pytest.mark.shared
@pytest.mark.slow
def test_system_on_polnear_dev_beats_the_prototype(shared_dir):
    s = score_polnear(shared_dir / "polnear" / "dev")
    assert s["n_documents"] == 84
    # measured 2026-11-29 (session 5): lenient 0.714, strict 0.484, source exact 0.687,
    # content token 0.790, speaker accuracy 0.954 (see docs/quotes.md); floors a little below
    assert s["attribution"]["lenient"]["f1"] >= 0.705
    assert s["attribution"]["strict"]["f1"] >= 0.47
    assert s["roles"]["source"]["exact"]["f1"] >= 0.68
    assert s["roles"]["content"]["token"]["f1"] >= 0.78
    assert s["speaker_accuracy"] >= 0.90


def test_the_public_table_on_every_polnear_article(shared_dir):
    """find_attributions with everything the scorer leaves out (floating quotations, rows with
    no source) runs on all of train and dev, and its spans lie in the text in order (session 23
    found a text that made it fail)."""
    import pandas as pd

    from analysis import find_attributions

    rows = 0
    for split in ("train", "dev"):
        for doc in load_split(shared_dir / "polnear" / split):
            table = find_attributions(doc.text)
            rows += len(table)
            for row in table.itertuples():
                assert 0 <= row.content_start < row.content_end <= len(doc.text)
                assert all(
                    row.content_start <= s < e <= row.content_end for s, e in row.content_spans
                )
                if not pd.isna(row.cue_start):  # (missing for a floating quotation)
                    assert 0 <= row.cue_start < row.cue_end <= len(doc.text)
    assert rows > 15000

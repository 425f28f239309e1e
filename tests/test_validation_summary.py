"""The committed validation figures: current, traceable, and drawn the way they are measured."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.charts.validation import validation_chart
from analysis.errors import AnalysisError
from analysis.validation import summary

FIGURES = {
    "schema": 1,
    "generated": "2026-01-01",
    "target_sentiment": {
        "dataset": "NewsMTSC dev",
        "system": {"all": {"macro_f1": 0.7, "accuracy": 0.75, "n": 1000}},
        "baseline": {"all": {"macro_f1": 0.5, "accuracy": 0.55, "n": 1000}},
    },
    "attribution": {
        "system": {
            "n_gold": 2000,
            "attribution": {"lenient": {"f1": 0.6}, "strict": {"f1": 0.35}},
            "roles": {"content": {"token": {"f1": 0.7}}},
        },
        "baseline": {"attribution": {"lenient": {"f1": 0.15}, "strict": {"f1": 0.05}}},
    },
    "readability": {
        "system": {"n_triplets": 32, "n_ordered": 31, "share_ordered": 31 / 32},
        "baseline": {"n_triplets": 32, "n_ordered": 30, "share_ordered": 30 / 32},
    },
}


@pytest.mark.shared
def test_committed_figures_match_a_fresh_computation(shared_dir):
    committed = summary.load_validation_figures()
    assert committed, f"{summary.FIGURES_PATH} is missing: run python -m analysis.validation"
    fresh = summary.collect_validation_figures(shared_dir)
    assert summary.figure_differences(committed, fresh, tol=1e-6) == [], (
        "stale figures: run python -m analysis.validation"
    )


def test_committed_figures_carry_date_and_provenance():
    figures = summary.load_validation_figures()
    assert figures["schema"] == summary.SCHEMA
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", figures["generated"])
    for section in ("target_sentiment", "attribution", "readability"):
        provenance = figures[section]["provenance"]
        assert re.fullmatch(r"[0-9a-f]{64}", provenance["sha256"]), section
        assert provenance["n_files"] >= 1
        for method in ("system", "baseline"):
            assert figures[section][method], (section, method)
    assert figures["attribution"]["provenance"]["n_files"] == 2 * 84  # text + annotation each
    assert figures["readability"]["provenance"]["n_files"] == 96  # 32 triplets
    assert "seconds_per_article" not in str(figures)  # machine timings are not figures


def test_figure_differences_ignores_run_details_and_tiny_noise():
    new = {
        **FIGURES,
        "generated": "2030-12-31",
        "attribution": {**FIGURES["attribution"], "provenance": {"sha256": "x"}},
    }
    new["target_sentiment"] = {
        **FIGURES["target_sentiment"],
        "system": {"all": {"macro_f1": 0.7 + 5e-7, "accuracy": 0.75, "n": 1000}},
    }
    assert summary.figure_differences(FIGURES, new) == [
        "attribution/provenance/sha256: only in new"
    ]
    new["target_sentiment"]["system"]["all"]["accuracy"] = 0.76
    assert summary.figure_differences(FIGURES, new)[-1] == (
        "target_sentiment/system/all/accuracy: 0.75 → 0.76"
    )


def test_figures_table_rows_and_values():
    table = summary.figures_table(FIGURES)
    assert list(table.columns) == ["task", "metric", "method", "value", "n", "dataset"]
    assert len(table) == 11  # 6 metrics × (package, baseline), minus one the regex lacks
    get = table.set_index(["metric", "method"])["value"]
    assert get[("macro-F1", "package")] == 0.7 and get[("lenient F1", "baseline")] == 0.15
    assert get[("triplets ordered", "package")] == pytest.approx(0.96875)
    assert table.set_index(["metric", "method"])["n"][("lenient F1", "package")] == 2000
    # a metric only one side has (content token F1 of the toy regex) is simply left out
    assert ("content token F1", "baseline") not in get.index
    assert summary.figures_table({}).empty


def test_validation_chart_draws_one_bar_per_figure():
    table = summary.figures_table(FIGURES)
    fig = validation_chart(table, source="test")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 4) for p in ax.patches)
    assert widths == sorted(round(v, 4) for v in table["value"])
    assert len(ax.get_yticklabels()) == 6
    assert ax.get_title(loc="left") == "Measured accuracy: the package against naive baselines"
    # values are printed to three decimals, so a figure just under a target does not round up
    printed = sorted(t.get_text() for t in ax.texts if t.get_text()[:1].isdigit())
    assert printed == sorted(f"{v:.3f}" for v in table["value"])
    with pytest.raises(AnalysisError):
        validation_chart(pd.DataFrame({"task": ["x"]}))


def test_detail_tables_from_committed_figures():
    figures = summary.load_validation_figures()
    ts = summary.target_sentiment_table(figures["target_sentiment"])
    assert set(ts["method"]) == {"package (model)", "rules only", "sentence VADER"}
    model_all = ts[(ts["method"] == "package (model)") & (ts["sentences"] == "all targets")]
    assert model_all["n"].iloc[0] == figures["target_sentiment"]["system"]["all"]["n"]
    confusion = summary.confusion_table(figures["target_sentiment"])
    assert confusion.to_numpy().sum() == model_all["n"].iloc[0]
    at = summary.attribution_table(figures["attribution"])
    lenient = at[(at["method"] == "package") & (at["measure"] == "attribution lenient")]
    assert lenient["f1"].iloc[0] == figures["attribution"]["system"]["attribution"]["lenient"]["f1"]
    rd = summary.readability_table(figures["readability"])
    assert len(rd) == 7 and (rd["n_triplets"] == 32).all()


def test_publisher_table_weakest_first():
    section = {
        "by_publisher": {
            "nyt": {"n_documents": 12, "n_gold": 534, "lenient_f1": 0.7, "strict_f1": 0.4,
                    "source_exact_f1": 0.6, "cue_exact_f1": 0.65, "content_token_f1": 0.8},
            "breitbart": {"n_documents": 12, "n_gold": 304, "lenient_f1": 0.6, "strict_f1": 0.3,
                          "source_exact_f1": 0.5, "cue_exact_f1": 0.55, "content_token_f1": 0.7},
        }
    }  # fmt: skip
    table = summary.publisher_table(section)
    assert list(table["publisher"]) == ["breitbart", "nyt"]
    assert list(table.columns) == [
        "publisher", "n_documents", "n_gold", "lenient_f1", "strict_f1", "source_exact_f1",
        "cue_exact_f1", "content_token_f1",
    ]  # fmt: skip
    assert table.loc[1, "n_gold"] == 534 and table.loc[0, "cue_exact_f1"] == 0.55
    assert summary.publisher_table({}).empty


def test_committed_publisher_figures_add_up_to_dev():
    at = summary.load_validation_figures()["attribution"]
    table = summary.publisher_table(at)
    assert len(table) == 7 and (table["n_documents"] == 12).all()
    assert table["n_gold"].sum() == at["system"]["n_gold"]
    pooled = at["system"]["attribution"]["lenient"]["f1"]
    assert table["lenient_f1"].min() < pooled < table["lenient_f1"].max()


def test_command_without_reference_data_exits_2(tmp_path, capsys):
    from analysis.validation.__main__ import main

    out = tmp_path / "figures.json"
    assert main(["--shared", str(tmp_path / "absent"), "--out", str(out)]) == 2
    assert "absent" in capsys.readouterr().err and not out.exists()

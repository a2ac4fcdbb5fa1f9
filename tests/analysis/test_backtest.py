"""DEU III reading, the backtest scores, and the ``backtest`` command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from realpolitik.analysis.backtest import backtest, score
from realpolitik.cli import app
from realpolitik.exceptions import InputError, ScenarioError
from realpolitik.scenario.deu import load_deu, parse_deu

HEADER = '"prnr"\t"isnr"\t"pcom"\t"pde"\t"pfr"\t"scom"\t"sde"\t"sfr"\t"rp"\t"out"\n'
GDP = '\t\t"4"\t"3"\t"2"\t\t\t\t\t\n'


def small(*rows: str) -> str:
    return HEADER + GDP + "".join(rows)


REPO = Path(__file__).resolve().parents[2]
DEU3 = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared")) / "data/deu/deu3.csv"


@pytest.fixture(scope="module")
def deu():
    path = DEU3
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return load_deu(path)


# --- Reading ----------------------------------------------------------------------------------
def test_parse_small_file():
    data = parse_deu(
        small(
            '"p1"\t"p1i1"\t100\t0\t\t80\t\t\t0\t60\n',  # fr absent, de without salience
            '"p1"\t"p1i2"\t0\t100\t50\t20\t40\t60\t\t\n',  # no reference point, no outcome
        )
    )
    assert data.actors == ("com", "de", "fr")
    assert data.issue_ids == ("p1i1", "p1i2") and data.proposal_ids == ("p1", "p1")
    assert data.lines == (3, 4)
    st = data.state
    assert st.capability.tolist() == [4.0, 3.0, 2.0]
    assert st.present[:, 0].tolist() == [True, True, False]
    assert st.salience[:, 0].tolist() == [0.8, 0.5, 0.0]  # missing salience -> 50
    assert st.position[:, 1].tolist() == [0.0, 100.0, 50.0]
    assert np.isnan(data.reference_point[1]) and np.isnan(data.outcome[1])


@pytest.mark.parametrize(
    "text, where, message",
    [
        (small('"p1"\t"p1i1"\t100\tabc\t\t80\t\t\t0\t60\n'), "line 3, column pde", "found 'abc'"),
        (small('"p1"\t"p1i1"\t100\t0\t\t180\t\t\t0\t60\n'), "line 3, column scom", "0 to 100"),
        (small('"p1"\t"p1i1"\t100\t0\n'), "line 3", "expected 10 tab-separated cells; found 4"),
        (HEADER + '\t\t"4"\t"x"\t"2"\t\t\t\t\t\n', "line 2, column pde", "GDP of de"),
        ('"prnr"\t"isnr"\t"pcom"\t"rp"\t"out"\n', "line 1", "needs the column(s) scom"),
    ],
)
def test_malformed_files_name_line_and_column(text, where, message):
    with pytest.raises(ScenarioError) as info:
        parse_deu(text, filename="bad.csv")
    assert any(p.where == where and message in p.message for p in info.value.problems), str(
        info.value
    )
    assert "bad.csv" in str(info.value)


def test_missing_file():
    with pytest.raises(ScenarioError, match="no such file"):
        load_deu("/nonexistent/deu3.csv")


def test_deu3_shape(deu):
    assert deu.n_issues == 364 and len(deu.actors) == 30
    assert np.isfinite(deu.outcome).sum() == 353
    assert np.isfinite(deu.reference_point).sum() == 261
    assert len(set(deu.proposal_ids)) == 141


# --- Scores -------------------------------------------------------------------------------------
def test_score_by_hand():
    assert score(np.array([0.0, 40, 100, np.nan]), np.array([10.0, 80, 100, 50])) == {
        "n": 3,
        "mae": pytest.approx(50 / 3),
        "median_ae": 10.0,
        "within10": pytest.approx(2 / 3),
    }


def test_backtest_on_a_small_file():
    # Issue 1: mean of (100, 0) with weights 4*0.8 and 3*0.5 = 320/4.7; median = 100.
    text = small(
        '"p1"\t"p1i1"\t100\t0\t\t80\t50\t\t0\t60\n',
        '"p2"\t"p2i1"\t0\t100\t100\t100\t100\t100\t\t100\n',  # no status quo
        '"p2"\t"p2i2"\t0\t100\t100\t100\t100\t100\t0\t\n',  # no outcome: not scored
    )
    result = backtest(parse_deu(text), ["mean", "median", "status-quo"])
    frame = result.per_issue
    assert frame["issue"].tolist() == ["p1i1", "p2i1"]
    assert frame["mean"].tolist() == pytest.approx([320 / 4.7, 500 / 9])
    s = result.summary
    assert s.loc["mean", "mae"] == pytest.approx((abs(320 / 4.7 - 60) + abs(500 / 9 - 100)) / 2)
    assert s.loc["median", "mae"] == pytest.approx((40 + 0) / 2)
    assert s.loc["status-quo", "n"] == 1 and s.loc["status-quo", "mae"] == 60


def test_unknown_model_lists_known_ones(deu):
    with pytest.raises(
        InputError, match=r"unknown model 'eum-foo'; known models: .*eum-scholz2011"
    ):
        backtest(deu, ["eum-foo"])


def test_published_orientation_figures(deu):
    # The figures published with this copy of DEU III (shared/data/SOURCES.md).
    result = backtest(deu, ["mean", "median", "status-quo"])
    s = result.summary
    assert s.loc["mean", "n"] == 353 and round(s.loc["mean", "mae"], 2) == 23.09
    assert round(s.loc["median", "mae"], 1) == 27.3
    assert s.loc["status-quo", "n"] == 253 and round(s.loc["status-quo", "mae"], 1) == 51.1


def test_eum_forecasts_every_issue_within_the_positions(deu):
    result = backtest(deu, ["eum", "eum-scholz2011", "nash"])
    frame = result.per_issue
    for col in ("eum", "eum-mean", "eum-scholz2011", "eum-scholz2011-mean"):
        assert frame[col].notna().all() and frame[col].between(0, 100).all()
    assert frame["nash"].notna().sum() == 253
    assert set(result.summary.index) == {
        "eum",
        "eum-mean",
        "eum-scholz2011",
        "eum-scholz2011-mean",
        "nash",
    }


# --- Command line -------------------------------------------------------------------------------
def test_cli_json_and_per_issue_csv(deu, tmp_path):
    out = tmp_path / "per_issue.csv"
    res = CliRunner().invoke(
        app,
        [
            "backtest",
            str(DEU3),
            "--model",
            "mean",
            "--model",
            "status-quo",
            "--format",
            "json",
            "--out",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert set(doc["models"]) == {"mean", "status-quo"}
    assert doc["models"]["mean"]["n"] == 353 and round(doc["models"]["mean"]["mae"], 2) == 23.09
    assert {"n", "mae", "median_ae", "within10"} <= set(doc["models"]["mean"])
    assert {"coverage80", "interval_width"} <= set(doc["models"]["mean"])
    frame = pd.read_csv(out)
    assert len(frame) == 353 and list(frame.columns[:4]) == [
        "issue",
        "proposal",
        "outcome",
        "reference_point",
    ]
    assert not list(tmp_path.glob(".*tmp"))


def test_cli_table(deu):
    res = CliRunner().invoke(app, ["backtest", str(DEU3), "-m", "median"])
    assert res.exit_code == 0, res.output
    assert "median" in res.stdout and "27.32" in res.stdout


def test_cli_errors_exit_2(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(small('"p1"\t"p1i1"\t100\tabc\t\t80\t\t\t0\t60\n'))
    res = CliRunner().invoke(app, ["backtest", str(bad)])
    assert res.exit_code == 2
    assert "line 3, column pde" in res.output
    res = CliRunner().invoke(app, ["backtest", str(bad), "--model", "nope"])
    assert res.exit_code == 2


def test_within10_counts_an_error_of_exactly_ten_despite_rounding():
    from realpolitik.analysis.backtest import score

    got = score(np.array([60.000000000001, 39.99999999999]), np.array([50.0, 50.0]))
    assert got["within10"] == 1.0

"""The backtest report: conformal intervals, prediction sets, bootstrap gains, the ensemble."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.analysis.backtest import backtest, gain_vs
from realpolitik.analysis.conformal import (
    conformal_quantile,
    grouped_intervals,
    grouped_prediction_sets,
)
from realpolitik.analysis.ensemble import EnsembleInputs, fit_l1, nested_cv
from realpolitik.cli import app
from realpolitik.engine import BargainingState, get_model
from realpolitik.engine.stacking import shipped_ensemble
from realpolitik.scenario.deu import eu_rules, load_deu, parse_deu, repair_date

REPO = Path(__file__).resolve().parents[2]
DEU3 = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared")) / "data/deu/deu3.csv"
HEADER = '"prnr"\t"isnr"\t"pcom"\t"pde"\t"pfr"\t"scom"\t"sde"\t"sfr"\t"rp"\t"out"\n'
GDP = '\t\t"4"\t"3"\t"2"\t\t\t\t\t\n'


@pytest.fixture(scope="module")
def deu():
    if not DEU3.exists():
        pytest.skip(f"{DEU3} is missing")
    return load_deu(DEU3)


# --- Dates and institutions --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "date"),
    [
        ("26-01-00", dt.date(2000, 1, 26)),
        ("17-04-96", dt.date(1996, 4, 17)),
        ("20-07-2016", dt.date(2016, 7, 20)),
        ("2020-05-08", dt.date(2008, 5, 20)),  # day 20 read as the year 2020
        ("1931-01-09", dt.date(2009, 1, 31)),  # day 31 read as the year 1931
        ("999", None),
        ("", None),
    ],
)
def test_repair_date(cell, date):
    assert repair_date(cell) == date


def test_repaired_deu_dates_are_consistent(deu):
    intro = [d for d in deu.proposal_date if d]
    assert len(intro) == deu.n_issues  # every proposal is dated
    assert min(intro) >= dt.date(1996, 1, 1) and max(intro) <= dt.date(2018, 12, 31)
    for a, b in zip(deu.proposal_date, deu.decision_date, strict=True):
        assert b is None or a is None or a <= b  # no act adopted before it was proposed


def test_council_rules_follow_the_date(deu):
    rules = eu_rules(deu)
    members = rules.member.sum(axis=0)
    for k, date in enumerate(deu.decision_date):
        d = date or deu.proposal_date[k]
        if d is None:
            continue
        if d < dt.date(2004, 5, 1):
            assert members[k] <= 15
        if d >= dt.date(2013, 7, 1):
            assert members[k] == 28
        if d >= dt.date(2014, 11, 1) and deu.council_rule[k] == "QMV":
            assert rules.count_threshold[k] == 0.55
    assert rules.commission == deu.actors.index("com")
    assert rules.parliament == deu.actors.index("ep")


# --- Conformal intervals and sets ------------------------------------------------------------------
def test_conformal_intervals_cover_80_percent_of_exchangeable_issues(global_seed):
    rng = np.random.default_rng(global_seed)
    n = 2000
    f = rng.uniform(20, 80, n)
    y = np.clip(f + rng.normal(0, 15, n), 0, 100)
    groups = [f"p{k // 2}" for k in range(n)]
    iv = grouped_intervals(f, y, groups)
    assert 0.77 <= iv.coverage <= 0.83
    # The half-width is the 80% conformal quantile of |N(0, 15)|: about 1.28 * 15 = 19.2.
    assert conformal_quantile(np.abs(y - f)) == pytest.approx(19.2, abs=1.5)


def test_prediction_set_holds_the_nearest_candidate():
    f = np.array([48.0, 10.0, 90.0, 55.0])
    y = np.array([50.0, 0.0, 100.0, 40.0])
    cands = [np.array([0.0, 50.0, 100.0])] * 4
    s = grouped_prediction_sets(f, y, cands, ["a", "b", "c", "d"], level=0.5)
    assert [c.tolist() for c in s.sets][:3] == [[50.0], [0.0], [100.0]]
    # Scores |nearest candidate - forecast| = 2, 10, 10, 5; each radius (the median of the
    # others) is 10, so every set holds the nearest candidate; the outcome 40 is no candidate.
    assert s.coverage == 1.0 and s.exact_coverage == pytest.approx(0.75)


def test_gain_interval_is_a_cluster_bootstrap():
    # Two proposals: one where the model gains 4 on both issues, one where it loses 2.
    y = np.zeros(4)
    base = np.array([4.0, 4.0, 2.0, 2.0])
    model = np.array([0.0, 0.0, 4.0, 4.0])
    g = gain_vs(model, base, y, ["a", "a", "b", "b"], n_boot=4000)
    assert g["gain"] == pytest.approx(1.0)
    # Resampling whole proposals: the gain of a resample is 4 (aa), 1 (ab) or -2 (bb).
    assert g["gain_low"] == pytest.approx(-2.0) and g["gain_high"] == pytest.approx(4.0)


# --- Ensemble -------------------------------------------------------------------------------------
def test_fit_l1_recovers_a_median_line():
    x = np.column_stack([np.ones(5), np.arange(5.0)])
    y = np.array([1.0, 3.0, 5.0, 7.0, 100.0])  # one outlier: absolute loss ignores it
    assert fit_l1(x, y) == pytest.approx([1.0, 2.0], abs=1e-6)


def _synthetic(seed, n_groups=40):
    rng = np.random.default_rng(seed)
    n = 2 * n_groups
    f = rng.uniform(0, 100, (n, 3))
    y = np.clip(0.3 * f[:, 0] + 0.7 * f[:, 1] + rng.laplace(0, 1, n), 0, 100)
    pos = rng.uniform(0, 100, (4, n))
    return EnsembleInputs(
        features=f,
        outcome=y,
        binary=np.zeros(n, bool),
        position=pos,
        present=np.ones((4, n), bool),
        groups=tuple(f"p{k // 2:02d}" for k in range(n)),
    )


def test_nested_cv_learns_the_combination(global_seed):
    cv = nested_cv(_synthetic(global_seed))
    err = np.abs(cv.forecast - _synthetic(global_seed).outcome)
    assert err.mean() < 2.0  # noise has mean absolute deviation 1
    assert sum(cv.chosen.values()) == 40 and cv.n_configurations == 6


def test_nested_cv_never_sees_the_held_out_outcome(global_seed):
    data = _synthetic(global_seed)
    changed = EnsembleInputs(
        features=data.features,
        outcome=np.where(np.array(data.groups) == "p00", 100.0 - data.outcome, data.outcome),
        binary=data.binary,
        position=data.position,
        present=data.present,
        groups=data.groups,
    )
    held = np.array(data.groups) == "p00"
    a, b = nested_cv(data).forecast, nested_cv(changed).forecast
    np.testing.assert_array_equal(a[held], b[held])


def test_shipped_ensemble_documents_its_data_and_runs():
    fit = shipped_ensemble()
    assert fit["n_issues"] == 353 and fit["source"].startswith("deu3.csv sha256:")
    assert fit["setting"] in fit["settings"]
    state = BargainingState.from_arrays(
        [[0.0, 30.0], [100.0, 60.0], [100.0, 90.0]], [[1.0, 0.5]] * 3, [1.0, 2.0, 3.0]
    )
    run = get_model("ensemble")(state).forecasts
    assert (
        (run["ensemble-low80"] <= run["ensemble"]) & (run["ensemble"] <= run["ensemble-high80"])
    ).all()
    assert ((run["ensemble"] >= 0) & (run["ensemble"] <= 100)).all()


# --- Backtest report ------------------------------------------------------------------------------
def test_json_keeps_its_keys_and_adds_intervals(tmp_path):
    text = (
        HEADER
        + GDP
        + "".join(
            f'"p{k}"\t"p{k}i1"\t{10 * k}\t{100 - 10 * k}\t50\t80\t50\t40\t0\t{5 * k}\n'
            for k in range(10)
        )
    )
    path = tmp_path / "small.csv"
    path.write_text(text)
    res = CliRunner().invoke(app, ["backtest", str(path), "-m", "mean", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    keys = set(doc["models"]["mean"])
    assert {"n", "mae", "median_ae", "within10", "coverage80", "interval_width"} <= keys
    assert doc["n_issues"] == 10


def test_report_on_deu(deu):
    result = backtest(deu, ["mean", "compromise-eu", "nash-achen"])
    s = result.summary
    for name in s.index:
        assert 0.75 <= s.loc[name, "coverage80"] <= 0.85, name
    assert s.loc["mean", "gain"] == 0.0
    b = result.breakdown
    counts = b[(b["model"] == "mean") & (b["by"] == "type")].set_index("group")["n"]
    assert counts.to_dict() == {"binary": 100, "continuous": 253}
    procs = b[(b["model"] == "mean") & (b["by"] == "procedure")].set_index("group")["n"]
    assert procs.sum() == 353


def test_small_file_without_institution_columns():
    text = HEADER + GDP + '"p1"\t"p1i1"\t100\t0\t\t80\t50\t\t0\t60\n'
    data = parse_deu(text)
    assert data.procedure == ("",) and data.proposal_date == (None,)

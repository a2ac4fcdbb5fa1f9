"""Monte Carlo warns that quantiles and rank correlations are unreliable from too few runs."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

import realpolitik as rp
from realpolitik.cli import app
from realpolitik.simulate.montecarlo import MIN_RELIABLE_RUNS

runner = CliRunner()


def test_threshold_is_where_the_rank_correlation_standard_error_passes_0_1():
    # 1/sqrt(n - 1) > 0.1  <=>  n - 1 < 100  <=>  n < 101
    assert MIN_RELIABLE_RUNS == 101
    assert 1 / math.sqrt(MIN_RELIABLE_RUNS - 1) <= 0.1 < 1 / math.sqrt(MIN_RELIABLE_RUNS - 2)


@pytest.mark.parametrize(
    ("n", "warned", "se"),
    [(1, True, "undefined"), (10, True, "0.333"), (100, True, "0.101"), (101, False, None)],
)
def test_warning_below_101_runs(n, warned, se):
    r = rp.run_montecarlo(rp.load_scenario("syria-2020"), n, seed=2, model="mean")
    assert bool(r.warnings) is warned
    assert r.to_dict()["warnings"] == r.warnings
    if warned:
        (w,) = r.warnings
        assert w.startswith(f"only {n} run")
        assert "quantiles and sensitivities are unreliable" in w
        assert f"1/sqrt(n - 1) = {se}" in w


def test_cli_json_carries_the_warning_and_stderr_says_it():
    r = runner.invoke(
        app,
        [
            "montecarlo",
            "syria-2020",
            "-n",
            "10",
            "--seed",
            "1",
            "-m",
            "mean",
            "--no-save",
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert len(data["warnings"]) == 1 and data["warnings"][0].startswith("only 10 runs")
    assert "warning: only 10 runs" in r.stderr


def test_cli_table_warns_on_stderr_only():
    r = runner.invoke(
        app, ["montecarlo", "syria-2020", "-n", "10", "--seed", "1", "-m", "mean", "--no-save"]
    )
    assert r.exit_code == 0, r.output
    assert "warning: only 10 runs" in r.stderr
    assert "warning" not in r.stdout


def test_no_warning_from_enough_runs():
    r = runner.invoke(
        app,
        [
            "montecarlo",
            "syria-2020",
            "-n",
            "200",
            "--seed",
            "1",
            "-m",
            "mean",
            "--no-save",
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["warnings"] == []
    assert "warning" not in r.stderr

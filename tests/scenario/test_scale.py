"""The user's own scale end to end: tables keep it, outputs show it, conversions never change it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.forecasting import forecast
from realpolitik.scenario import (
    builtin_scenarios,
    dump_scenario,
    load_scenario,
    parse_scenario,
    parse_table,
    write_table,
)
from realpolitik.scenario.scale import format_value, from_scale, issue_scale, to_scale

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples" / "scenarios").glob("*.yaml"))
SHIPPED = [*builtin_scenarios(), *(str(p) for p in EXAMPLES)]

runner = CliRunner()


def on_scale(scenario, models, **options):
    """Forecasts of every issue in the issue's own units: {model: array}."""
    result = forecast(scenario, model=models, **options)
    scales = [issue_scale(i) for i in scenario.issues]
    return {
        name: np.array([to_scale(float(v), sc) for v, sc in zip(values, scales, strict=True)])
        for name, values in result.forecasts.items()
    }


def via_table(scenario, form):
    """YAML -> table -> YAML, as `convert` would do it twice."""
    table = parse_table(write_table(scenario, form), filename=f"x.{form}.csv")
    return parse_scenario(dump_scenario(table), filename="back.yaml")


def test_scale_helpers_are_inverse():
    for scale in [(4.0, 10.0), (0.0, 1.0), (10.0, -5.0), None]:
        for v in (0.0, 12.5, 73.6, 100.0):
            assert from_scale(to_scale(v, scale), scale) == pytest.approx(v, abs=1e-12)
    assert to_scale(np.array([0.0, 50.0]), (4.0, 10.0)).tolist() == [4.0, 7.0]
    assert format_value(float("nan"), None) == "–"


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("form", ["bdm", "ktab"])
def test_conversion_through_every_table_form_keeps_mean_and_median(name, form):
    s = load_scenario(name)
    again = via_table(s, form)
    before = on_scale(s, ["mean", "median"])
    after = on_scale(again, ["mean", "median"])
    for model in ("mean", "median"):
        np.testing.assert_allclose(after[model], before[model], rtol=0, atol=1e-9)


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("form", ["bdm", "ktab"])
def test_conversion_through_every_table_form_keeps_eum(name, form):
    """Ties within 1e-9 of an issue's range are ties in both EUM models, so rescaling a table
    to 0-100 and back cannot flip one (a table keeps no relations: eum-rel is compared with the
    scenario without them)."""
    s = load_scenario(name)
    s.relations = []
    again = via_table(s, form)
    before = on_scale(s, ["eum", "eum-rel"])
    after = on_scale(again, ["eum", "eum-rel"])
    for model in ("eum", "eum-rel"):
        np.testing.assert_allclose(after[model], before[model], rtol=0, atol=1e-9)


@pytest.mark.parametrize("folder", ["eum", "ktab"])
def test_shared_tables_round_trip_through_yaml(data_dir, folder):
    for path in sorted((data_dir / folder).glob("*.csv")):
        s = load_scenario(path)
        back = parse_scenario(dump_scenario(s), filename="back.yaml")
        assert [i.scale for i in back.issues] == [i.scale for i in s.issues]
        for model in ("mean", "median"):
            np.testing.assert_allclose(
                on_scale(back, [model])[model], on_scale(s, [model])[model], atol=1e-9
            )


def test_ec_emissions_one_scholz_round_on_the_files_own_scale(data_dir):
    # Scholz, Calbert & Smith (2011), the EC emissions case after one round: Belgium moves
    # to 8.416 and Luxembourg to 7.0 on the case's 4-10 scale.
    path = data_dir / "eum" / "ec-emissions-1994.csv"
    r = runner.invoke(
        app,
        [
            "forecast",
            str(path),
            "--model",
            "eum",
            "--variant",
            "scholz2011",
            "--rounds",
            "1",
            "--trace",
        ],
    )
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())  # the console wraps long lines
    assert "Belgium compromises with France: 7.0 → 8.416 (50 → 74 on 0–100)" in text
    assert "Luxembourg loses a confrontation with Belgium: 4.0 → 7.0 (0 → 50 on 0–100)" in text
    assert "8.416 (73.6)" in text  # the eum forecast: the median of the moved positions
    r = runner.invoke(
        app,
        ["forecast", str(path), "--model", "eum", "--variant", "scholz2011", "--rounds", "1"]
        + ["--format", "json"],
    )
    issue = json.loads(r.output)["issues"][0]
    assert issue["scale"] == [4.0, 10.0]
    # The published figure has three decimals (the engine gives 8.41593...).
    assert issue["positions_on_scale"]["eum"]["belgium"] == pytest.approx(8.416, abs=5e-4)
    assert issue["positions_on_scale"]["eum"]["luxembourg"] == pytest.approx(7.0, abs=1e-6)
    assert issue["forecast_on_scale"]["eum"] == pytest.approx(
        4 + 6 * issue["forecast"]["eum"] / 100, abs=1e-6
    )


def test_csv_output_carries_the_scale_and_the_values_on_it(data_dir):
    path = data_dir / "eum" / "ec-emissions-1994.csv"
    r = runner.invoke(app, ["forecast", str(path), "--model", "median", "--format", "csv"])
    header, row = r.output.strip().splitlines()
    cols = dict(zip(header.split(","), row.split(","), strict=True))
    assert (cols["scale_low"], cols["scale_high"]) == ("4.0000", "10.0000")
    assert float(cols["median_on_scale"]) == pytest.approx(4 + 6 * float(cols["median"]) / 100)


@pytest.mark.parametrize("folder", ["eum", "ktab"])
def test_every_shared_file_forecasts_on_its_own_scale(data_dir, folder):
    for path in sorted((data_dir / folder).glob("*.csv")):
        if path.name == "dummyData-a160.csv":
            continue  # the 160-actor scale test: the mean and median are enough here
        r = runner.invoke(app, ["forecast", str(path), "--model", "eum", "--format", "json"])
        assert r.exit_code == 0, (path, r.output)
        s = load_scenario(path)
        for issue, out in zip(s.issues, json.loads(r.output)["issues"], strict=True):
            lo, hi = issue_scale(issue)
            assert out["scale"] == [lo, hi]
            for value in out["forecast_on_scale"].values():
                assert min(lo, hi) - 1e-9 <= value <= max(lo, hi) + 1e-9


def test_compare_shows_the_issue_scale():
    s = load_scenario("syria-2020")
    data = json.loads(
        runner.invoke(
            app, ["compare", "-s", s.shocks[0].id, "-m", "mean", "--format", "json"]
        ).stdout
    )
    issue = data["issues"][0]
    assert issue["scale"] == [0.0, 100.0]
    assert issue["on_scale"]["baseline"]["mean"] == pytest.approx(issue["baseline"]["mean"])

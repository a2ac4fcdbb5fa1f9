"""KTAB's XML scenario form (smpSchema.xsd of KAPSARC/KTAB) loads as a scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import ScenarioError
from realpolitik.forecasting import forecast
from realpolitik.scenario import load_scenario
from realpolitik.scenario.ktab_xml import parse_ktab_xml

SMALL = Path(__file__).parent / "data" / "ktab-three-actors.xml"
runner = CliRunner()


def test_the_small_case_loads_with_names_dimensions_and_scales():
    s = load_scenario(SMALL)
    assert s.title == "Three actors"
    assert s.actor_ids == ["finance-ministry", "industry", "unions"]
    assert s.actor("industry").capability == 30.0
    assert s.actor("unions").notes == "Care about tax"
    assert [i.title for i in s.issues] == ["Tax rate", "Subsidy"]
    tax = s.issue("tax-rate").positions
    assert (tax["finance-ministry"].position, tax["finance-ministry"].salience) == (20.0, 0.4)
    assert s.issue("subsidy").positions["unions"].salience == 0.25


def test_forecasts_worked_by_hand():
    # Tax: weights 50*0.4, 30*1, 20*0.5 = 20, 30, 10: mean (400 + 1800 + 800) / 60 = 50;
    # median: 20 has 20 of 60, 60 brings it to 50 >= 30, so 60.
    # Subsidy: weights 40, 30, 5: mean (400 + 2700 + 250) / 75 = 44.667; median 10 (40 of 75).
    r = forecast(load_scenario(SMALL), model=["mean", "median"])
    assert r.forecasts["mean"] == pytest.approx([50.0, 3350 / 75])
    assert r.forecasts["median"] == pytest.approx([60.0, 10.0])


def test_cli_check_and_forecast():
    r = runner.invoke(app, ["check", str(SMALL)], terminal_width=200)
    assert r.exit_code == 0 and "read as a KTAB XML scenario" in r.output
    r = runner.invoke(app, ["forecast", str(SMALL), "--model", "eum"])
    assert r.exit_code == 0, r.output


def _actor(name, coords, sals, cap="10"):
    pos = "".join(f"<dCoord>{c}</dCoord>" for c in coords)
    sal = "".join(f"<dSal>{v}</dSal>" for v in sals)
    return (
        f"<Actor><name>{name}</name><description/><capability>{cap}</capability>"
        f"<Position>{pos}</Position><Salience>{sal}</Salience></Actor>"
    )


def _doc(*actors, dims=("D",)):
    names = "".join(f"<dName>{d}</dName>" for d in dims)
    return (
        "<Scenario><name>T</name><desc/><prngSeed>1</prngSeed>"
        f"<Dimensions>{names}</Dimensions><Actors>{''.join(actors)}</Actors></Scenario>"
    )


def problems(text):
    with pytest.raises(ScenarioError) as info:
        parse_ktab_xml(text, filename="k.xml")
    return [str(p) for p in info.value.problems]


def test_malformed_xml_names_line_and_column():
    (msg,) = problems("<Scenario>\n  <name>T</nam>\n</Scenario>")
    assert msg.startswith("k.xml:2:") and "XML syntax error: mismatched tag" in msg


def test_entities_are_refused():
    text = '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "aaaa">]>\n<Scenario>&a;</Scenario>'
    (msg,) = problems(text)
    assert msg.startswith("k.xml:2: ") and "document type declaration" in msg


def test_values_out_of_range_and_missing_dimensions():
    msgs = problems(_doc(_actor("A", [150], [50]), _actor("B", [10, 20], [50, 50])))
    assert any(
        "Position.dCoord[0]: expected a number within [0, 100]; found 150" in m for m in msgs
    )
    assert any("Actor[1]: expected 1 <dCoord> and 1 <dSal>" in m for m in msgs)
    msgs = problems(_doc(_actor("A", [10], ["lots"])))
    assert any("Salience.dSal[0]: expected a number; found 'lots'" in m for m in msgs)


def test_not_a_ktab_document():
    (msg,) = problems("<Other/>")
    assert "expected a KTAB <Scenario> document; found <Other>" in msg

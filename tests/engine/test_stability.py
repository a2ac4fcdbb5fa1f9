"""The stability figure: the share of small-perturbation draws within 10 points."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.forecasting import forecast
from realpolitik.scenario import parse_scenario


def knife_edge():
    """Two actors of equal weight at 0 and 100: the weighted median is the midpoint 50 only
    while the weights are exactly equal. Any perturbation of the capabilities (±5 %) breaks
    the tie, and the median jumps to 0 or 100, 50 points away: stability 0. The weighted
    mean moves by a few points at most (positions ±2.5, weights ±10 % relative): stability 1."""
    return parse_scenario(
        {
            "title": "knife",
            "actors": [
                {"id": "a", "name": "A", "capability": 1},
                {"id": "b", "name": "B", "capability": 1},
            ],
            "issues": [
                {
                    "id": "x",
                    "title": "X",
                    "positions": {
                        "a": {"position": 0, "salience": 1},
                        "b": {"position": 100, "salience": 1},
                    },
                }
            ],
        }
    )


def test_a_tie_is_a_knife_edge():
    r = forecast(knife_edge(), model=["median"], with_stability=True)
    assert r.forecasts["median"][0] == pytest.approx(50.0)
    assert r.stability["median"][0] == 0.0
    assert r.stability["mean"][0] == 1.0


def test_stability_is_deterministic_and_in_the_json():
    a = forecast(knife_edge(), with_stability=True)
    b = forecast(knife_edge(), with_stability=True)
    for k, v in a.stability.items():
        np.testing.assert_array_equal(v, b.stability[k])
    assert np.isnan(a.stability["nash"][0])  # no status quo: no Nash forecast to be stable
    res = CliRunner().invoke(app, ["forecast", "--format", "json"])
    assert res.exit_code == 0, res.output
    issue = json.loads(res.stdout)["issues"][0]
    assert set(issue["stability"]) == set(issue["forecast"])
    assert all(0 <= v <= 1 for v in issue["stability"].values())
    res = CliRunner().invoke(app, ["forecast", "--no-stability", "--format", "json"])
    assert "stability" not in json.loads(res.stdout)["issues"][0]

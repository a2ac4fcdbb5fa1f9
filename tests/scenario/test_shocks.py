from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import ShockError
from realpolitik.forecasting import compare
from realpolitik.scenario import apply_shocks, parse_scenario

TOY = {
    "title": "Toy",
    "actors": [
        {"id": "a", "name": "A", "capability": 1},
        {"id": "b", "name": "B", "capability": 3},
        {"id": "c", "name": "C", "capability": 1},
    ],
    "issues": [
        {
            "id": "x",
            "title": "X",
            "positions": {
                "a": {"position": 0, "salience": 1},
                "b": {"position": 100, "salience": 1},
                "c": {"position": 40, "salience": 0.5},
            },
        },
        {"id": "y", "title": "Y", "positions": {"b": {"position": 10, "salience": 1}}},
    ],
    "relations": [{"between": ["a", "b"], "type": "rivalry"}],
    "shocks": [
        {"id": "drop-b", "title": "B goes", "edits": [{"op": "remove-actor", "actor": "b"}]},
        {
            "id": "halve-b",
            "title": "B halves",
            "edits": [{"op": "scale-capability", "actor": "b", "factor": 0.5}],
        },
        {
            "id": "a-moves",
            "title": "A moves",
            "edits": [
                {"op": "set-position", "actor": "a", "issue": "x", "value": 60},
                {"op": "set-salience", "actor": "a", "issue": "x", "value": 0.5},
            ],
        },
        {
            "id": "ab-allies",
            "title": "A and B ally",
            "edits": [{"op": "set-relation", "between": ["b", "a"], "type": "alliance"}],
        },
        {
            "id": "a-joins-y",
            "title": "A joins Y",
            "edits": [{"op": "set-position", "actor": "a", "issue": "y", "value": 90}],
        },
    ],
}


@pytest.fixture
def toy():
    return parse_scenario(json.loads(json.dumps(TOY)))


def mean_x(s):
    return compare(s, ["halve-b"], model="mean").baseline.forecasts["mean"][0]


def test_remove_actor_drops_positions_relations_and_empty_issues(toy):
    s = apply_shocks(toy, ["drop-b"])
    assert s.actor_ids == ["a", "c"]
    assert "b" not in s.issue("x").positions
    assert s.issue_ids == ["x"]  # y had only b
    assert s.relations == []
    assert toy.actor_ids == ["a", "b", "c"]  # the original is untouched


def test_compare_known_effects_by_hand(toy):
    # baseline mean on x: (0*1 + 100*3 + 40*0.5) / 4.5 = 71.11
    # halve-b: (0*1 + 100*1.5 + 40*0.5) / 3 = 56.67
    c = compare(toy, ["halve-b"], model="mean")
    assert c.baseline.forecasts["mean"][0] == pytest.approx(320 / 4.5)
    assert c.shocked.forecasts["mean"][0] == pytest.approx(170 / 3)
    # a-moves: a at 60 with salience 0.5: (60*0.5 + 300 + 20) / 4 = 87.5
    c = compare(toy, ["a-moves"], model="mean")
    assert c.shocked.forecasts["mean"][0] == pytest.approx(87.5)
    assert c.summary() == (
        "Under a-moves, the largest change is on 'X': the mean forecast moves from 71.1 to 87.5 "
        "(+16.4 points)."
    )


def test_shocks_compose_in_order(toy):
    # halve then move, as composed: (60*0.5 + 100*1.5 + 40*0.5) / (0.5 + 1.5 + 0.5) = 80
    c = compare(toy, ["halve-b", "a-moves"], model="mean")
    assert c.shocked.forecasts["mean"][0] == pytest.approx(80.0)
    with pytest.raises(ShockError, match="unknown actor 'b'"):
        apply_shocks(toy, ["drop-b", "halve-b"])


def test_set_relation_replaces_either_order(toy):
    s = apply_shocks(toy, ["ab-allies"])
    (r,) = s.relations
    assert (r.type, r.weight, r.commitment) == ("alliance", 1.0, "mutual")


def test_set_position_adds_newcomer_with_average_salience(toy):
    s = apply_shocks(toy, ["a-joins-y"])
    p = s.issue("y").positions["a"]
    assert (p.position, p.salience) == (90.0, 1.0)


def test_unknown_shock_is_a_clear_error(toy):
    with pytest.raises(ShockError, match="unknown shock 'nope'; shocks in this scenario: drop-b"):
        apply_shocks(toy, ["nope"])


def test_compare_cli_json_and_errors():
    runner = CliRunner()
    r = runner.invoke(
        app, ["compare", "--shock", "iran-support-lost", "--model", "mean", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    issue = data["issues"][0]
    assert set(issue) >= {"id", "baseline", "shocked"}
    assert set(issue["baseline"]) >= {"mean", "median"}
    assert data["summary"].startswith("Under iran-support-lost")
    r = runner.invoke(app, ["compare", "--shock", "nope"])
    assert r.exit_code == 2 and "unknown shock 'nope'" in r.output
    r = runner.invoke(app, ["compare"])
    assert r.exit_code == 2 and "name at least one shock" in r.output

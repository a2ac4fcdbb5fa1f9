"""The ``nash`` forecast is marked where it is the status quo (``=sq``), in tables and JSON."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from realpolitik import forecast, load_scenario, parse_scenario
from realpolitik.cli import app

runner = CliRunner()


def _toy() -> dict:
    """Issue ``one-side``: both actors above the status quo 50; ``split``: one on each side.

    By hand, with equal weights (capability 1, salience 1) on ``one-side`` (a at 100, b at 80,
    status quo 50): the gains are 50 - |x - 100| and 30 - |x - 80|; on [80, 100] their product
    (x - 50)(110 - x) peaks at x = 80, so the Nash solution is 80, not the status quo. On
    ``split`` (a at 100, b at 0, status quo 40) any move hurts one of them: the solution is 40.
    ``none`` declares no status quo, so there is no Nash solution at all.
    """
    both = {"a": {"position": 100, "salience": 1}, "b": {"position": 80, "salience": 1}}
    split = {"a": {"position": 100, "salience": 1}, "b": {"position": 0, "salience": 1}}
    return {
        "title": "Nash toy",
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 1},
        ],
        "issues": [
            {"id": "one-side", "title": "One side", "status_quo": 50, "positions": both},
            {"id": "split", "title": "Split", "status_quo": 40, "positions": split},
            {"id": "none", "title": "None", "positions": split},
        ],
    }


def test_nash_is_status_quo_by_hand():
    r = forecast(parse_scenario(_toy()), model="nash")
    assert r.forecasts["nash"][0] == pytest.approx(80.0, abs=1e-6)
    assert r.forecasts["nash"][1] == pytest.approx(40.0, abs=1e-9)
    assert r.nash_is_status_quo() == {"one-side": False, "split": True, "none": False}
    assert forecast(parse_scenario(_toy()), model="mean").nash_is_status_quo() == {}


def test_json_carries_nash_is_status_quo(tmp_path):
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(_toy(), sort_keys=False))
    r = runner.invoke(app, ["forecast", str(path), "-m", "nash", "--format", "json"])
    assert r.exit_code == 0, r.output
    flags = {i["id"]: i["nash_is_status_quo"] for i in json.loads(r.stdout)["issues"]}
    assert flags == {"one-side": False, "split": True, "none": False}
    # without nash, the key is absent
    r = runner.invoke(app, ["forecast", str(path), "-m", "mean", "--format", "json"])
    assert all("nash_is_status_quo" not in i for i in json.loads(r.stdout)["issues"])


def test_syria_nash_is_the_status_quo_on_every_issue():
    s = load_scenario("syria-2020")
    r = forecast(s, model="nash")
    for k, issue in enumerate(s.issues):  # every issue has actors on both sides of its sq
        assert issue.status_quo is not None
        assert r.forecasts["nash"][k] == pytest.approx(issue.status_quo, abs=1e-9)
    assert all(r.nash_is_status_quo().values())


def _rows(output: str) -> dict[str, list[str]]:
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if parts and parts[0] in ("One", "Split", "None") and parts[0] not in rows:
            rows[parts[0]] = parts
    return rows


def test_table_marks_nash_at_the_status_quo_and_explains_it(tmp_path):
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(_toy(), sort_keys=False))
    r = runner.invoke(
        app,
        ["forecast", str(path), "-m", "nash", "--no-stability"],
        terminal_width=80,
        env={"COLUMNS": "80"},
    )
    assert r.exit_code == 0, r.output
    rows = _rows(r.stdout)
    assert rows["Split"][-2:] == ["40.0", "=sq"]
    assert rows["One"][-1] == "80.0"  # moved off the status quo: no mark
    assert rows["None"][-1] == "–"
    assert r.stdout.count("=sq") == 2  # the cell and the caption
    words = " ".join(r.stdout.split())  # the caption wraps at the table's width
    assert "=sq: nash is the status quo. With actors on both sides of the status quo" in words
    # and the "–" of the issue without a status quo is explained, naming that issue alone
    assert (
        "–: nash bargains from the status quo (no agreement), which the file does not give "
        "for none (set status_quo: on the issue, 0–100)." in words
    )
    assert all(len(line) <= 80 for line in r.stdout.splitlines())


def test_table_without_nash_at_sq_has_no_caption(tmp_path):
    data = _toy()
    data["issues"] = data["issues"][:1]
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    r = runner.invoke(app, ["forecast", str(path), "-m", "nash", "--no-stability"])
    assert r.exit_code == 0 and "=sq" not in r.stdout
    assert "–:" not in r.stdout  # every issue has its status quo: nothing to explain


def test_compare_explains_a_missing_status_quo(tmp_path):
    data = _toy()
    data["shocks"] = [
        {
            "id": "b-moves",
            "title": "B moves",
            "edits": [
                {
                    "op": "set-position",
                    "actor": "b",
                    "issue": "split",
                    "value": 20,
                    "assumption": "-",
                }
            ],
        }
    ]
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    r = runner.invoke(
        app, ["compare", str(path), "--shock", "b-moves", "-m", "nash"], env={"COLUMNS": "200"}
    )
    assert r.exit_code == 0, r.output
    assert "which the file does not give for none (" in r.stdout
    r = runner.invoke(
        app, ["compare", str(path), "--shock", "b-moves", "-m", "mean"], env={"COLUMNS": "200"}
    )
    assert r.exit_code == 0 and "–:" not in r.stdout  # no nash column, nothing to explain


def test_default_syria_table_at_80_columns_marks_every_nash_cell():
    r = runner.invoke(
        app, ["forecast", "syria-2020", "--no-stability"], terminal_width=80, env={"COLUMNS": "80"}
    )
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "nash" in lines[1]  # still a default column
    assert sum(line.rstrip().endswith("=sq") for line in lines) == 6

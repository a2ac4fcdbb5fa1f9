"""``realpolitik show``: full ids, readable shock edits, and the actors × issues matrix."""

from __future__ import annotations

import json

import yaml
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.cli._scenario_cmds import _issue_groups, describe_edit
from realpolitik.scenario import parse_scenario

runner = CliRunner()


def show80(*args: str):
    r = runner.invoke(app, ["show", *args], terminal_width=80, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    return r


def _scenario_data(n_issues: int = 2) -> dict:
    """Three actors; issue ``x`` on its own scale 4..10; ``c`` takes no part in ``x``."""
    issues = [
        {
            "id": "x",
            "title": "X",
            "scale": [4, 10],
            "status_quo": 25,
            "positions": {
                "a": {"position": 50, "salience": 0.5},
                "b": {"position": 100, "salience": 1},
            },
        }
    ]
    for k in range(1, n_issues):
        issues.append(
            {
                "id": f"long-issue-identifier-{k}",
                "title": f"Issue {k}",
                "positions": {
                    "a": {"position": 10, "salience": 0.25},
                    "b": {"position": 90, "salience": 0.75},
                    "c": {"position": 40, "salience": 1},
                },
            }
        )
    return {
        "title": "Matrix test",
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 2},
            {"id": "c", "name": "C", "capability": 3},
        ],
        "issues": issues,
        "shocks": [
            {
                "id": "b-moves",
                "title": "B moves",
                "edits": [{"op": "set-position", "actor": "b", "issue": "x", "value": 50}],
            }
        ],
    }


def _write(tmp_path, data) -> str:
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return str(path)


def _row(output: str, first: str) -> list[str]:
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells and cells[0] == first:
            return cells
    raise AssertionError(f"no row {first!r} in\n{output}")


def test_matrix_shows_position_on_the_issues_scale_and_salience(tmp_path):
    r = show80(_write(tmp_path, _scenario_data(2)), "--matrix")
    # x runs from 4 (position 0) to 10 (position 100): 50 -> 7.0, 100 -> 10.0, sq 25 -> 5.5
    assert _row(r.output, "a")[1:] == ["7.0/0.50", "10.0/0.25"]
    assert _row(r.output, "b")[1:] == ["10.0/1.00", "90.0/0.75"]
    assert _row(r.output, "c")[1:] == ["–", "40.0/1.00"]
    assert _row(r.output, "status quo")[1] == "5.5"
    assert "4–10" in r.output and "0–100" in r.output
    assert all(len(line) <= 80 for line in r.output.splitlines())


def test_matrix_splits_issues_into_tables_that_fit_80_columns(tmp_path):
    r = show80(_write(tmp_path, _scenario_data(7)), "--matrix")
    lines = r.output.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    # a table is 1 + (10 + 3) wide for the actor column ("status quo"), plus width + 3 per
    # issue: x is 9 wide ("10.0/1.00"), each long id 23. 14 + 12 + 26 + 26 = 78 <= 80 puts x
    # and two long ids in the first table; then 14 + 26 + 26 = 66 (+ 26 = 92 > 80): 3 tables
    n_tables = sum("Positions / saliences" in line for line in lines)
    assert n_tables == 3 and "(3 of 3)" in r.output
    for k in range(1, 7):
        assert f"long-issue-identifier-{k}" in r.output  # never cut
    assert "…" not in r.output


def test_issue_groups_pack_greedily():
    # actor column 5 wide: 1 + 5 + 3 = 9 used; each issue adds its width + 3
    assert _issue_groups([10, 10, 10], first=5, total=40) == [[0, 1], [2]]
    assert _issue_groups([100], first=5, total=40) == [[0]]  # a group always holds one issue


def test_matrix_json_is_on_the_issues_scale(tmp_path):
    r = runner.invoke(
        app, ["show", _write(tmp_path, _scenario_data(2)), "--matrix", "--format", "json"]
    )
    data = json.loads(r.stdout)
    x = data["issues"][0]
    assert x["scale"] == [4.0, 10.0] and x["status_quo"] == 5.5
    assert x["positions"]["a"] == {"position": 7.0, "salience": 0.5}
    assert "c" not in x["positions"]


def test_show_keeps_full_ids_and_describes_shock_edits_at_80_columns():
    r = show80()
    assert all(len(line) <= 80 for line in r.output.splitlines())
    assert "…" not in r.output
    for ident in (
        "kurdish-autonomy",
        "russian-bases",
        "israel-strikes-in-syria",
        "iran-support-lost",
    ):
        assert ident in r.output
    for edit in (
        "• remove-actor iran",
        "• scale-capability hezbollah ×0.5",
        "• set-position iran on escalation → 95",
        "• set-relation iran – israel: war",
        "• set-salience russia on escalation → 0.9",
        "• fight israel vs iran, hezbollah over iran-role",
    ):
        assert edit in r.output, edit


def test_describe_edit_gives_a_position_on_the_issues_own_scale():
    s = parse_scenario(_scenario_data(2))
    (edit,) = s.shock("b-moves").edits
    assert describe_edit(edit, s) == "set-position b on x → 7.0 (50 on 0–100)"

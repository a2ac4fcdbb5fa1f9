"""realpolitik coalitions, and the coalitions key of forecast --format json."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import realpolitik as rp
from realpolitik.cli import app

runner = CliRunner()


def _json(*args: str) -> dict:
    r = runner.invoke(app, [*args, "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_coalitions_partition_every_issue_close_and_without_hostile_pairs():
    s = rp.load_scenario("syria-2020")
    got = _json("coalitions")
    assert got["model"] == "eum-rel" and got["moved"] and got["within"] == 10.0
    positions = {
        i["id"]: i["positions"]["eum-rel"] for i in _json("forecast", "-m", "eum-rel")["issues"]
    }
    for issue in s.issues:
        mine = [c for c in got["coalitions"] if c["issue"] == issue.id]
        members = [m for c in mine for m in c["members"]]
        assert sorted(members) == sorted(issue.positions)
        assert sum(c["share"] for c in mine) == pytest.approx(1.0, abs=1e-5)
        for c in mine:
            xs = [positions[issue.id][m] for m in c["members"]]
            assert max(xs) - min(xs) <= 10 + 1e-6
            for a in c["members"]:
                for b in c["members"]:
                    rel = s.relation(a, b)
                    assert a == b or rel is None or rel.weight >= 0


def test_forecast_json_carries_the_same_coalitions():
    assert _json("forecast")["coalitions"] == _json("coalitions")["coalitions"]
    # With only the baselines asked for, the stated positions are grouped, labelled as mean.
    stated = _json("forecast", "-m", "median")["coalitions"]
    assert {c["model"] for c in stated} == {"mean"}
    assert stated == _json("coalitions", "-m", "mean")["coalitions"]


def test_stated_positions_on_escalation_by_hand():
    # Stated escalation positions: Russia 15, Assad, France, Germany 10, Turkey 20, Kurds 30,
    # Israel 45, US 50, Hezbollah 65, Iran 80. Assad, France and Germany (0 apart) merge; then
    # Russia is 5 from that group and 5 from Turkey: the tie goes to the group holding Assad,
    # earlier in the file; Turkey is hostile to Assad. Israel and the US (5 apart) merge.
    esc = [c for c in _json("coalitions", "-m", "mean")["coalitions"] if c["issue"] == "escalation"]
    assert [c["members"] for c in esc] == [
        ["us", "israel"],
        ["russia", "assad", "france", "germany"],
        ["iran"],
        ["turkey"],
        ["hezbollah"],
        ["kurds"],
    ]
    # Weights 49 + 16 + 12 + 10.8 = 87.8 of 250.4; position (49*15 + 38.8*10) / 87.8.
    assert esc[1]["weight"] == pytest.approx(87.8)
    assert esc[1]["share"] == pytest.approx(87.8 / 250.4, abs=1e-6)
    assert esc[1]["position"] == pytest.approx((49 * 15 + 38.8 * 10) / 87.8, abs=1e-6)


def test_a_shock_is_applied_before_grouping():
    got = _json("coalitions", "--shock", "iran-support-lost")
    assert got["shocks"] == ["iran-support-lost"]
    assert all("iran" not in c["members"] for c in got["coalitions"])


def test_within_zero_splits_everyone_not_at_the_same_point():
    got = _json("coalitions", "-m", "mean", "--within", "0")
    s = rp.load_scenario("syria-2020")
    for c in got["coalitions"]:
        assert len({s.issue(c["issue"]).positions[m].position for m in c["members"]}) == 1


def test_table_names_the_model_and_the_rule():
    r = runner.invoke(app, ["coalitions"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert "Escalation after Soleimani's killing" in r.output
    assert "eum-rel final positions; members all within 10 points, no hostile pair" in r.output
    r = runner.invoke(app, ["coalitions", "-m", "median"], env={"COLUMNS": "120"})
    assert "median stated positions (the model moves no one)" in r.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--model", "nope"], "unknown model 'nope'; known models: eum"),
        (["--shock", "nope"], "unknown shock 'nope'"),
        (["missing.yaml"], "missing.yaml: file not found"),
    ],
)
def test_errors_exit_2_with_a_message(args, message):
    r = runner.invoke(app, ["coalitions", *args])
    assert r.exit_code == 2
    assert message in r.output
    assert "Traceback" not in r.output


def test_json_names_the_issues_decided_by_relations_alone():
    got = _json("coalitions")
    positions = {
        i["id"]: i["positions"]["eum-rel"] for i in _json("forecast", "-m", "eum-rel")["issues"]
    }
    expected = [k for k, p in positions.items() if max(p.values()) - min(p.values()) <= 10 + 1e-9]
    assert got["relations_only"] == expected
    assert _json("coalitions", "-m", "mean")["relations_only"] == []


def test_one_coalition_of_everyone_is_not_said_to_be_split_by_relations(tmp_path):
    # KTAB-like: three actors, no relation, all ending at the same point. The note said "the
    # hostile relations alone set the coalitions" where there is no hostile relation and one
    # coalition holds everyone.
    path = tmp_path / "three.yaml"
    path.write_text(
        "title: Three friends\n"
        "actors:\n"
        "  - {id: a, name: A, capability: 1}\n"
        "  - {id: b, name: B, capability: 1}\n"
        "  - {id: c, name: C, capability: 1}\n"
        "issues:\n"
        "  - id: x\n"
        "    title: X\n"
        "    positions:\n"
        "      a: {position: 50, salience: 0.5}\n"
        "      b: {position: 52, salience: 0.5}\n"
        "      c: {position: 54, salience: 0.5}\n",
        encoding="utf-8",
    )
    r = runner.invoke(
        app, ["coalitions", str(path)], env={"COLUMNS": "200", "REALPOLITIK_STORE": "off"}
    )
    assert r.exit_code == 0, r.output
    assert "hostile relations alone" not in r.output
    assert "no two of them are hostile: one coalition holds them all." in r.output

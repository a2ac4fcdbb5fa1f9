"""forecast --model eum --trace: positions, rounds and offers, consistent with each other."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import realpolitik as rp
from realpolitik.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def traced():
    r = runner.invoke(
        app, ["forecast", "--model", "eum", "--rounds", "4", "--trace", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_positions_and_rounds_per_issue(traced):
    scenario = rp.load_scenario("syria-2020")
    for issue in traced["issues"]:
        present = set(scenario.issue(issue["id"]).positions)
        assert set(issue["positions"]["eum"]) == present
        rounds = issue["rounds"]["eum"]
        assert [r["round"] for r in rounds] == list(range(len(rounds)))
        assert 2 <= len(rounds) <= 5  # the start and at most 4 rounds
        start = {a: p.position for a, p in scenario.issue(issue["id"]).positions.items()}
        assert rounds[0]["positions"] == pytest.approx(start)
        assert rounds[-1]["positions"] == pytest.approx(issue["positions"]["eum"])


def test_every_offer_moves_its_actor_to_the_next_round_position(traced):
    n_offers = 0
    for issue in traced["issues"]:
        rounds = issue["rounds"]["eum"]
        assert rounds[0]["offers"] == []  # round 0 is the start
        # Round r lists the positions after round r and the offers accepted in it.
        for r in range(1, len(rounds)):
            for offer in rounds[r]["offers"]:
                n_offers += 1
                assert offer["kind"] in ("confrontation", "compromise", "capitulation")
                assert offer["from"] == pytest.approx(rounds[r - 1]["positions"][offer["actor"]])
                assert offer["to"] == pytest.approx(rounds[r]["positions"][offer["actor"]])
                assert offer["proposer"] != offer["actor"]
    assert n_offers > 0


def test_trace_table_reads_as_sentences():
    r = runner.invoke(
        app, ["forecast", "--model", "eum", "--rounds", "2", "--trace"], terminal_width=160
    )
    assert r.exit_code == 0
    assert "eum: 2 round(s)" in r.output
    assert "round 1 · The Assad regime's future · Iran compromises with Russia: 95 → 89" in r.output

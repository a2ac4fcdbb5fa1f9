"""Relations decide outcomes: fights from power, joining, abandonment, relational payoffs.

Every number is worked by hand in the comments.
"""

from __future__ import annotations

import math

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.engine.affinity import ABANDON, CARE
from realpolitik.engine.conflict import WAR_COST
from realpolitik.exceptions import ScenarioError, ShockError
from realpolitik.forecasting import compare
from realpolitik.scenario import load_scenario, parse_scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.outcomes import solve_escalation


def toy(commitment: str = "none") -> dict:
    """A and B (capability 1, at 100) and E (capability 2, at 0) on one issue; E attacks A and
    B chooses whether to join A."""
    return {
        "title": "toy",
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 1},
            {"id": "e", "name": "E", "capability": 2},
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": 100, "salience": 1},
                    "b": {"position": 100, "salience": 1},
                    "e": {"position": 0, "salience": 1},
                },
            }
        ],
        "relations": [{"between": ["a", "b"], "type": "partnership", "commitment": commitment}],
        "shocks": [
            {
                "id": "attack",
                "title": "E attacks A",
                "edits": [{"op": "fight", "sides": [["e"], ["a"]], "issues": ["x"]}],
            }
        ],
        "escalation": [
            {
                "id": "t",
                "title": "B's choice",
                "root": "b-move",
                "nodes": [
                    {
                        "id": "b-move",
                        "actor": "b",
                        "options": [
                            {"id": "join", "outcome": "together", "joins": "a"},
                            {"id": "stay", "outcome": "alone"},
                        ],
                    }
                ],
                "outcomes": [
                    {"id": "together", "shocks": ["attack"]},
                    {"id": "alone", "shocks": ["attack"]},
                ],
            }
        ],
    }


def test_a_fight_by_hand():
    """E (2) against A (1): E prevails with 2/3. A keeps 1/3 of its capability and E 2/3; on x
    both move to the expected settlement 1/3 * 100 + 2/3 * 0 = 33.3; they are at war."""
    s = apply_shocks(parse_scenario(toy()), ["attack"])
    assert s.actor("a").capability == pytest.approx(1 / 3)
    assert s.actor("e").capability == pytest.approx(4 / 3)
    assert s.actor("b").capability == 1
    x = s.issue("x").positions
    assert x["a"].position == pytest.approx(100 / 3)
    assert x["e"].position == pytest.approx(100 / 3)
    assert x["b"].position == 100
    assert s.relation("a", "e").type == "war"
    (fight,) = s.fights
    assert fight.sides == (("e",), ("a",)) and fight.probability == pytest.approx((2 / 3, 1 / 3))


def test_joining_puts_the_chooser_on_its_allys_side():
    """With B: 2 against 2, each side 1/2; everyone keeps half and moves to 50."""
    s = apply_shocks(parse_scenario(toy()), ["attack"], {"b": "a"})
    assert [s.actor(k).capability for k in "abe"] == pytest.approx([0.5, 0.5, 1.0])
    assert [s.issue("x").positions[k].position for k in "abe"] == pytest.approx([50, 50, 50])
    assert s.fights[0].sides == (("e",), ("a", "b"))


def _p_join(commitment: str, affinity: float) -> float:
    """By hand (model mean). Together: everyone at 50, forecast 50. Alone: A and E at 100/3
    with capabilities 1/3 and 4/3, B at 100 with 1: forecast (1/3 * 100/3 + 4/3 * 100/3 +
    100) / (8/3) = 58.33. A and B share position 100, so U_A = U_B: 0.5 together and 0.5833
    alone. B's payoff U_B + rho * affinity * U_A, minus the cost of fighting when it joins and
    the abandonment cost when it stays out while committed."""
    alone = (1 / 3 * 100 / 3 + 4 / 3 * 100 / 3 + 100) / (8 / 3)
    u_together, u_alone = 0.5, 1 - (100 - alone) / 100
    cost = ABANDON * 0.6 if commitment == "mutual" else 0.0
    # Joining, B fights on a side that loses with 1/2: it pays WAR_COST / 2.
    v_join = u_together * (1 + CARE * affinity) - WAR_COST * 0.5
    v_stay = u_alone * (1 + CARE * affinity) - cost
    return 1 / (1 + math.exp(-20 * (v_join - v_stay)))


@pytest.mark.parametrize(("commitment", "affinity"), [("none", 0.3), ("mutual", 0.6)])
def test_backing_a_partner_by_hand(commitment, affinity):
    res = solve_escalation(parse_scenario(toy(commitment)), "t", lam=20, model="mean")
    assert res.choices()["b-move"]["join"] == pytest.approx(_p_join(commitment, affinity))


def test_a_mutual_commitment_makes_backing_more_likely():
    p = {
        c: solve_escalation(parse_scenario(toy(c)), "t", model="mean").choices()["b-move"]["join"]
        for c in ("none", "mutual")
    }
    assert p["mutual"] > p["none"]
    # No commitment, no abandonment cost: the two outcomes differ only by the fight.
    res = solve_escalation(parse_scenario(toy("none")), "t", model="mean")
    assert res.arrays.abandon.max() == 0
    # The cost of fighting: A loses alone with 2/3, with B with 1/2; E the complement.
    war = dict(zip(res.arrays.outcome_ids, res.arrays.war.tolist(), strict=True))
    assert war["alone"] == pytest.approx([2 / 3 * WAR_COST, 0.0, 1 / 3 * WAR_COST])
    assert war["together"] == pytest.approx([0.5 * WAR_COST, 0.5 * WAR_COST, 0.5 * WAR_COST])
    res = solve_escalation(parse_scenario(toy("mutual")), "t", model="mean")
    b = res.arrays.actor_ids.index("b")
    alone = res.arrays.outcome_ids.index("alone")
    assert res.arrays.abandon[alone, b] == pytest.approx(ABANDON * 0.6)


def test_fight_errors_name_the_place():
    data = toy()
    data["shocks"][0]["edits"][0]["sides"] = [["e"], ["zz"]]
    with pytest.raises(ScenarioError, match=r"shocks\[0\]\.edits\[0\]\.sides\[1\]\[0\]"):
        parse_scenario(data)
    data = toy()
    data["shocks"][0]["edits"][0]["sides"] = [["e", "a"], ["a"]]
    with pytest.raises(ScenarioError, match="cannot fight on both sides"):
        parse_scenario(data)
    data = toy()
    data["escalation"][0]["nodes"][0]["options"][0]["joins"] = "b"
    with pytest.raises(ScenarioError, match="cannot join its own side"):
        parse_scenario(data)
    with pytest.raises(ShockError, match="fights in none of the shocks"):
        apply_shocks(parse_scenario(toy()), [], {"b": "a"})


def test_relation_only_shocks_move_the_relational_forecast():
    """The issue's first check: deconfliction (relations only) changes eum-rel forecasts."""
    s = load_scenario("syria-2020")
    c = compare(s, ["russia-deconflicts"], model="eum-rel")
    assert c.to_frame().query("model == 'eum-rel'")["change"].abs().max() > 1
    assert "no forecast changes" not in c.summary()
    r = CliRunner().invoke(app, ["compare", "--shock", "russia-deconflicts", "-m", "eum-rel"])
    assert r.exit_code == 0 and "no forecast changes" not in r.output


def test_us_iran_war_is_computed_from_military_figures():
    """Iran (SIPRI: $12.6 bn) fights the US ($732 bn) alone: it prevails with 12.6/744.6 and
    keeps that share of its capability (45) and of its military figure."""
    s = load_scenario("syria-2020")
    war = apply_shocks(s, ["us-iran-war"])
    total = 732 + 12.6
    assert war.fights[0].basis == "military"
    assert war.fights[0].probability == pytest.approx((732 / total, 12.6 / total))
    assert war.actor("iran").capability == pytest.approx(45 * 12.6 / total)
    assert war.actor("iran").military == pytest.approx(12.6 * 12.6 / total)
    assert war.actor("us").capability == pytest.approx(100 * 732 / total)
    # The Assad issue: the US (25) and Iran (95) both move to 732/744.6 * 25 + 12.6/744.6 * 95.
    settle = (732 * 25 + 12.6 * 95) / total
    assert war.issue("assad").positions["iran"].position == pytest.approx(settle)
    assert war.issue("assad").positions["us"].position == pytest.approx(settle)
    c = compare(s, ["us-iran-war"], model="eum-rel")
    row = c.to_frame().query("issue == 'assad' and model == 'eum-rel'").iloc[0]
    assert row["shocked"] < row["baseline"]


def test_the_built_in_tree_needs_no_typed_cost_for_russia():
    s = load_scenario("syria-2020")
    typed = [o for t in s.escalation for o in t.outcomes if "russia" in o.costs]
    assert typed == []
    ch = solve_escalation(s).choices()
    assert ch["russia-in-syria"]["back-iran"] < 0.2
    assert ch["russia-in-war"]["back-iran"] < 0.2

"""Escalation trees of scenarios: payoffs from shocked forecasts, solved as a logit QRE."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError, ShockError
from realpolitik.forecasting import forecast
from realpolitik.scenario import apply_shocks, load_scenario, parse_scenario, to_state
from realpolitik.simulate.outcomes import outcome_arrays, solve_escalation

runner = CliRunner()


def toy(**extra) -> dict:
    """Three actors on one issue; weighted means (capability x salience) are easy by hand.

    Weights: a 1 x 1, b 3 x 1, c 2 x 0.5, so the mean is (0 + 300 + 50) / 5 = 70.
    ``drop-c`` removes c: (0 + 300) / 4 = 75. ``a-gives-in`` moves a to 100: 450 / 5 = 90.
    Tree: a holds (calm) or pushes; after a push c leaves (drop-c, a pays 0.1) or stays
    (a-gives-in).
    """
    data = {
        "title": "toy",
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 3},
            {"id": "c", "name": "C", "capability": 2},
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": 0, "salience": 1},
                    "b": {"position": 100, "salience": 1},
                    "c": {"position": 50, "salience": 0.5},
                },
            }
        ],
        "shocks": [
            {"id": "drop-c", "title": "C leaves", "edits": [{"op": "remove-actor", "actor": "c"}]},
            {
                "id": "a-gives-in",
                "title": "A gives in",
                "edits": [{"op": "set-position", "actor": "a", "issue": "x", "value": 100}],
            },
        ],
        "escalation": [
            {
                "id": "push",
                "title": "A pushes",
                "root": "a-move",
                "nodes": [
                    {
                        "id": "a-move",
                        "actor": "a",
                        "options": [
                            {"id": "hold", "outcome": "calm"},
                            {"id": "push", "next": "c-move"},
                        ],
                    },
                    {
                        "id": "c-move",
                        "actor": "c",
                        "options": [
                            {"id": "leave", "outcome": "gone"},
                            {"id": "stay", "outcome": "moved"},
                        ],
                    },
                ],
                "outcomes": [
                    {"id": "calm"},
                    {"id": "gone", "shocks": ["drop-c"], "costs": {"a": 0.1}},
                    {"id": "moved", "shocks": ["a-gives-in"]},
                ],
            }
        ],
    }
    data.update(extra)
    return data


# Payoffs by hand (rows calm, gone, moved; columns a, b, c): a at 0, b at 100, c at 50 with
# salience 0.5 (one issue, so salience cancels); c is judged by its original position in "gone".
HAND_PAYOFFS = np.array(
    [
        [1 - 0.70, 0.70, 1 - 0.20],
        [1 - 0.75 - 0.1, 0.75, 1 - 0.25],
        [1 - 0.90, 0.90, 1 - 0.40],
    ]
)


def logit2(u_first: float, u_second: float, lam: float) -> float:
    """Probability of the first of two options under logit choice."""
    return 1.0 / (1.0 + math.exp(-lam * (u_first - u_second)))


def test_payoffs_match_hand_computed_forecasts() -> None:
    res = solve_escalation(parse_scenario(toy()), "push", lam=20, model="mean")
    assert res.forecast_name == "mean"
    np.testing.assert_allclose(res.outcome_forecasts()[:, 0], [70.0, 75.0, 90.0])
    np.testing.assert_allclose(res.payoffs, HAND_PAYOFFS, atol=1e-12)


@pytest.mark.parametrize("lam", [0.0, 1.0, 20.0])
def test_choices_and_paths_match_hand_solved_qre(lam: float) -> None:
    res = solve_escalation(parse_scenario(toy()), "push", lam=lam, model="mean")
    u = HAND_PAYOFFS
    p_leave = logit2(u[1, 2], u[2, 2], lam)  # c: 0.75 vs 0.6
    v_push = p_leave * u[1] + (1 - p_leave) * u[2]
    p_hold = logit2(u[0, 0], v_push[0], lam)
    choices = res.choices()
    assert choices["c-move"]["leave"] == pytest.approx(p_leave, abs=1e-12)
    assert choices["a-move"]["hold"] == pytest.approx(p_hold, abs=1e-12)
    paths = res.to_dict()["paths"]
    want = [p_hold, (1 - p_hold) * p_leave, (1 - p_hold) * (1 - p_leave)]
    assert [p["probability"] for p in paths] == pytest.approx(want, abs=1e-12)
    expected = p_hold * u[0] + (1 - p_hold) * v_push
    assert list(res.to_dict()["payoffs"].values()) == pytest.approx(expected, abs=1e-12)


def test_lambda_limits() -> None:
    s = parse_scenario(toy())
    spe = solve_escalation(s, "push", lam=math.inf, model="mean")
    # c prefers leaving (0.75 > 0.6); a then gets 0.15 from pushing and holds (0.3).
    assert spe.choices() == {
        "a-move": {"hold": 1.0, "push": 0.0},
        "c-move": {"leave": 1.0, "stay": 0.0},
    }
    assert spe.qre.payoffs == pytest.approx(HAND_PAYOFFS[0])
    uniform = solve_escalation(s, "push", lam=0.0, model="mean")
    assert uniform.qre.path_probabilities == pytest.approx([0.5, 0.25, 0.25])


def test_outcome_arrays_align_to_base_order_and_share_worlds() -> None:
    data = toy()
    data["escalation"][0]["outcomes"].append({"id": "calm-too", "costs": {"b": 0.2}})
    data["escalation"][0]["nodes"][0]["options"].append({"id": "wait", "outcome": "calm-too"})
    arrays = outcome_arrays(parse_scenario(data), "push")
    assert arrays.actor_ids == ("a", "b", "c")
    assert arrays.world_shocks == ((), ("drop-c",), ("a-gives-in",))
    assert arrays.outcome_world.tolist() == [0, 1, 2, 0]
    gone = arrays.outcome_world[1]
    assert arrays.present[gone].tolist() == [[True], [True], [False]]
    assert arrays.position[2, 0, 0] == 100.0 and arrays.position[0, 0, 0] == 0.0
    assert arrays.costs.tolist() == [[0, 0, 0], [0.1, 0, 0], [0, 0, 0], [0, 0.2, 0]]


def test_issue_emptied_by_a_shock_counts_for_nobody() -> None:
    data = toy()
    data["issues"].append(
        {"id": "y", "title": "Y", "positions": {"c": {"position": 0, "salience": 1}}}
    )
    res = solve_escalation(parse_scenario(data), "push", lam=20, model="mean")
    gone = res.arrays.outcome_ids.index("gone")
    assert math.isnan(res.outcome_forecasts()[gone, 1])
    # a (not on y) is unchanged; c is judged on x alone: 1 - |75 - 50| / 100.
    assert res.payoffs[gone, 0] == pytest.approx(0.15)
    assert res.payoffs[gone, 2] == pytest.approx(0.75)
    assert res.to_dict()["outcomes"][gone]["forecast"]["y"] is None


def test_syria_payoffs_agree_with_the_forecast_api() -> None:
    """Every outcome's payoffs equal relational expected outcomes on
    ``forecast(apply_shocks(..., joins))`` minus the typed, fighting and abandonment costs."""
    from realpolitik.engine.affinity import ABANDON, relational_utility
    from realpolitik.engine.conflict import WAR_COST
    from realpolitik.scenario.arrays import relation_arrays

    s = load_scenario("syria-2020")
    res = solve_escalation(s, "soleimani")
    base, actors, issues = to_state(s)
    weight, commitment = relation_arrays(s)
    tree = s.escalation[0]
    joins = {
        o.outcome: {n.actor: o.joins} for n in tree.nodes for o in n.options if o.joins is not None
    }
    for k, out in enumerate(tree.outcomes):
        shocked = apply_shocks(s, out.shocks, joins.get(out.id))
        f = forecast(shocked, model="eum-rel").forecasts["eum-rel"]
        full = np.full(len(issues), np.nan)
        for j, issue in enumerate(shocked.issue_ids):
            full[issues.index(issue)] = f[j]
        own = expected_outcome(base.position, base.salience, base.present, full)
        want = relational_utility(own, base.affinity)
        for actor, cost in out.costs.items():
            want[actors.index(actor)] -= cost
        # Abandonment, loop by loop: i pays for every committed partner fighting without it.
        # Fighting, loop by loop: every fighter pays WAR_COST times its side's chance to lose.
        for i, a in enumerate(actors):
            for fight in shocked.fights:
                for q, side in enumerate(fight.sides):
                    if a in side:
                        want[i] -= WAR_COST * (1 - fight.probability[q])
                        continue
                    for b in side:
                        j = actors.index(b)
                        want[i] -= ABANDON * commitment[i, j] * max(weight[i, j], 0.0)
        np.testing.assert_allclose(res.payoffs[k], want, atol=1e-12, err_msg=out.id)


def test_syria_json_shape() -> None:
    res = solve_escalation(load_scenario("syria-2020"))
    d = json.loads(json.dumps(res.to_dict(), allow_nan=False))
    assert d["tree"] == "soleimani"
    assert {"tree", "nodes", "paths", "payoffs"} <= set(d)
    russia = next(n for n in d["nodes"] if n["id"] == "russia-in-syria")
    assert russia["actor"] == "russia"
    assert set(russia["choices"]) == {"back-iran", "deconflict", "stay-out"}
    assert sum(russia["choices"].values()) == pytest.approx(1.0)
    assert sum(p["probability"] for p in d["paths"]) == pytest.approx(1.0)
    assert all({"steps", "probability"} <= set(p) for p in d["paths"])
    assert set(d["payoffs"]) == set(load_scenario("syria-2020").actor_ids)
    assert [o["id"] for o in d["outcomes"]][:2] == ["calm", "tit-for-tat"]


def test_errors() -> None:
    s = parse_scenario(toy())
    with pytest.raises(InputError, match="no escalation tree 'nope'; trees: push"):
        solve_escalation(s, "nope", model="mean")
    with pytest.raises(InputError, match="unknown model 'nope'"):
        solve_escalation(s, model="nope")
    with pytest.raises(InputError, match="lambda must be a number >= 0"):
        solve_escalation(s, lam=-1, model="mean")
    with pytest.raises(InputError, match="has no escalation tree"):
        solve_escalation(parse_scenario(toy(escalation=[])), model="mean")
    with pytest.raises(ShockError):
        outcome_arrays(s.model_copy(update={"shocks": []}), "push")


def test_cli_escalate_table_and_json() -> None:
    r = runner.invoke(app, ["escalate", "--lambda", "20"])
    assert r.exit_code == 0, r.output
    assert "russia-in-syria" in r.output and "expected" in r.output
    assert "back-iran" in r.output
    r = runner.invoke(app, ["escalate", "syria-2020", "--tree", "soleimani", "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["lambda"] == 20.0 and d["model"] == "eum-rel"
    r = runner.invoke(app, ["escalate", "--lambda", "inf", "--format", "json"])
    d = json.loads(r.stdout)
    assert d["lambda"] is None
    assert all(p["probability"] in (0.0, 0.5, 1.0) for p in d["paths"])


def test_cli_escalate_user_errors() -> None:
    r = runner.invoke(app, ["escalate", "--tree", "nope"])
    assert r.exit_code == 2
    assert "trees: soleimani" in r.output
    r = runner.invoke(app, ["escalate", "--model", "nope"])
    assert r.exit_code == 2
    assert "unknown model" in r.output

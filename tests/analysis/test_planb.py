"""Plan B: hand-computed synthetic scenarios, the seed scenario, and the command."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.analysis.planb import PlanBError, pair_meeting_points, plan_b
from realpolitik.cli import app
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.forecasting import forecast
from realpolitik.scenario import load_scenario, parse_scenario, to_state


def _scenario(cap, issues, relations=(), rules=()):
    """issues: {issue_id: {actor: (position, salience)}}, every status quo 50."""
    return parse_scenario(
        {
            "title": "synthetic",
            "actors": [
                {
                    "id": k,
                    "name": k.upper(),
                    "capability": v,
                    "partner_rules": list(rules) if k == "a" else [],
                }
                for k, v in cap.items()
            ],
            "issues": [
                {
                    "id": i,
                    "title": i.upper(),
                    "status_quo": 50,
                    "positions": {a: {"position": p, "salience": s} for a, (p, s) in pos.items()},
                }
                for i, pos in issues.items()
            ],
            "relations": [{"between": list(b), "type": t} for b, t in relations],
        }
    )


# a (at 100) loses its strong partner p against o (at 0). b and c both stand at 40; b is four
# times as strong as c, so b is the substitute by construction.
CAP = {"a": 30, "p": 60, "o": 40, "b": 20, "c": 5}
POS = {"a": 100, "p": 100, "o": 0, "b": 40, "c": 40}


@pytest.fixture
def one_issue():
    return _scenario(CAP, {"x": {k: (v, 1.0) for k, v in POS.items()}})


def test_synthetic_by_hand_with_the_weighted_median(one_issue):
    r = plan_b(one_issue, "a", "p", model="median", pair_model="mean")
    # With p: weights 40 @ 0, 25 @ 40, 90 @ 100 (total 155): the median is 100.
    assert r.outcome_with == pytest.approx(1.0)
    assert r.forecast_with == {"x": pytest.approx(100.0)}
    # Without p: 40 @ 0, 25 @ 40, 30 @ 100 (total 95, half 47.5): the median is 40.
    assert r.forecast_without == {"x": pytest.approx(40.0)}
    assert r.outcome_without == pytest.approx(0.4)
    assert r.loss == pytest.approx(0.6)
    by_id = {c.id: c for c in r.candidates}
    # a and b meet at (30*100 + 20*40) / 50 = 76; then 40 @ 0, 5 @ 40, 50 @ 76: median 76.
    b = by_id["b"]
    assert b.meeting == {"x": pytest.approx(76.0)}
    assert b.price == {"x": pytest.approx(24.0)}
    assert b.partner_price == {"x": pytest.approx(36.0)}
    assert b.forecast == {"x": pytest.approx(76.0)}
    assert b.gain == pytest.approx(0.36)
    assert r.recovered("b") == pytest.approx(0.6)
    # b's own outcome: 1 - |76 - 40|/100 = 0.64 against 1.0 without the deal.
    assert b.partner_gain == pytest.approx(-0.36)
    # a and c meet at (3000 + 200) / 35 = 91.43; 40 @ 0, 20 @ 40, 35 @ 91.43: median stays 40.
    c = by_id["c"]
    assert c.meeting["x"] == pytest.approx(3200 / 35)
    assert c.gain == pytest.approx(0.0)
    # a and o meet at 3000 / 70 = 42.86, where 70 of the 95 weight now stands.
    o = by_id["o"]
    assert o.forecast["x"] == pytest.approx(3000 / 70)
    assert o.gain == pytest.approx(3000 / 70 / 100 - 0.4)
    assert [c.id for c in r.candidates] == ["b", "o", "c"]
    assert [c.rank for c in r.candidates] == [1, 2, 3]
    assert all(c.passes for c in r.candidates)
    # Every candidate loses from the deal itself (b: -0.36 above): no Plan B.
    assert not any(c.willing for c in r.candidates)
    assert r.best is None and r.tied == ()


def test_synthetic_logroll_by_hand(one_issue):
    """The default pair model: the heavier of the two gets its way on each issue."""
    r = plan_b(one_issue, "a", "p", model="median")
    b = r.candidate("b")
    # a weighs 30 x 1 against b's 20 x 1: both move to a's 100; then 40 @ 0, 5 @ 40, 50 @ 100
    # (half 47.5): the median is 100, a's outcome 1.0 against 0.4 without p.
    assert b.meeting == {"x": pytest.approx(100.0)}
    assert b.price == {} and b.partner_price == {"x": pytest.approx(60.0)}
    assert b.gain == pytest.approx(0.6)
    assert b.partner_gain == pytest.approx(-0.6)  # b at 40 gets 100 instead of 40
    assert not b.viable and r.best is None


def test_a_partner_that_gains_too_is_the_plan_b():
    """Two issues: a cares about x, b about y; each gets its way where it weighs more, and
    both gain against the world without p (worked by hand with the weighted median)."""
    s = _scenario(
        {"a": 10, "p": 10, "o": 10, "b": 10},
        {
            "x": {"a": (100, 1.0), "p": (100, 1.0), "o": (0, 1.0), "b": (0, 0.1)},
            "y": {"a": (0, 0.1), "p": (0, 0.1), "o": (100, 1.0), "b": (0, 1.0)},
        },
    )
    r = plan_b(s, "a", "p", model="median")
    b = r.candidate("b")
    # Without p, x: 10 @ 0 (o), 1 @ 0 (b), 10 @ 100 (a): total 21, median 0; y: 1 @ 0 (a),
    # 10 @ 0 (b), 10 @ 100 (o): median 0. a's outcome (1*0 + 0.1*1) / 1.1.
    assert r.forecast_without == {"x": pytest.approx(0.0), "y": pytest.approx(0.0)}
    # The deal: x to a (10 > 1), y to b (10 > 1); then x: 10 @ 0 vs 11 @ 100 -> 100; y stays 0.
    assert b.meeting == {"x": pytest.approx(100.0), "y": pytest.approx(0.0)}
    assert b.forecast == {"x": pytest.approx(100.0), "y": pytest.approx(0.0)}
    assert b.gain == pytest.approx(1.1 / 1.1 - 0.1 / 1.1)
    # b: (0.1 * 0 + 1 * 1) / 1.1 after, (0.1 * 1 + 1 * 1) / 1.1 before: it loses 0.1 / 1.1 on x.
    assert b.partner_gain == pytest.approx(-0.1 / 1.1)
    assert not b.willing and b.useful  # b gives more than it gets back
    # o weighs as much as a on x (midpoint 50) and ten times more on y (o's 100). After: x
    # 10 @ 50, 10 @ 50, 1 @ 0 -> 50; y 1 @ 100, 10 @ 100, 10 @ 0 -> 100. a: 0.5 / 1.1 against
    # 0.1 / 1.1; o: (0.5 + 1) / 2 against (1 + 0) / 2. Both gain: the rival is the Plan B.
    o = r.candidate("o")
    assert o.meeting == {"x": pytest.approx(50.0), "y": pytest.approx(100.0)}
    assert o.gain == pytest.approx(0.4 / 1.1)
    assert o.partner_gain == pytest.approx(0.25)
    assert r.best is o or r.best.id == "o"
    assert [c.id for c in r.candidates] == ["o", "b"]  # viable first, then by gain


def test_ties_share_a_rank_and_no_best():
    s = _scenario(
        {"a": 30, "p": 60, "o": 40, "b": 20, "c": 20},
        {"x": {"a": (100, 1.0), "p": (100, 1.0), "o": (0, 1.0), "b": (40, 1.0), "c": (40, 1.0)}},
    )
    r = plan_b(s, "a", "p", model="median")
    ranks = {c.id: c.rank for c in r.candidates}
    assert ranks["b"] == ranks["c"]  # identical candidates tie


def test_a_deal_that_changes_nothing_is_no_gain_and_no_rank_of_its_own():
    # Gulf 1990, Iraq without the USSR: a deal with Kuwait leaves every forecast where it was,
    # but the engine's stopping tolerance left Iraq a "gain" of 1.03e-9, which ranked Kuwait
    # alone first among seven candidates that all gain nothing.
    from pathlib import Path

    from realpolitik.analysis.planb import TIE_TOL

    path = Path(__file__).resolve().parents[2] / "examples" / "scenarios" / "gulf-war-1990.yaml"
    r = plan_b(load_scenario(path), "iraq", "ussr")
    assert r.loss > 0.03
    assert all(abs(c.gain) <= TIE_TOL for c in r.candidates)
    assert {c.rank for c in r.candidates} == {1}
    assert not any(c.useful for c in r.candidates) and r.best is None


def test_a_model_that_cannot_move_is_refused(one_issue):
    with pytest.raises(PlanBError, match="every gain is 0"):
        plan_b(one_issue, "a", "p", model="mean", pair_model="mean")


def test_warnings_when_the_lost_actor_is_no_partner():
    s = _scenario(
        {"a": 10, "p": 10, "o": 10, "b": 10},
        {
            "x": {"a": (100, 1.0), "p": (100, 1.0), "o": (0, 1.0), "b": (0, 0.1)},
            "y": {"a": (0, 0.1), "p": (0, 0.1), "o": (100, 1.0), "b": (0, 1.0)},
        },
    )
    r = plan_b(s, "a", "o", model="median")
    assert r.best is None
    assert any("is not a partner" in w for w in r.warnings)
    assert any("does not lower" in w for w in r.warnings)  # losing o helps a


def test_rules_rank_passing_candidates_first(one_issue):
    s = _scenario(
        CAP,
        {"x": {k: (v, 1.0) for k, v in POS.items()}},
        relations=[(("b", "o"), "alliance")],
        rules=["not-allied-with:o"],
    )
    r = plan_b(s, "a", "p", model="median")
    assert [(c.id, c.fails) for c in r.candidates] == [
        ("c", ()),
        ("b", ("not-allied-with:o",)),
        ("o", ("not-allied-with:o",)),
    ]
    # --require adds to the file's rules; without them only the caller's apply.
    r2 = plan_b(s, "a", "p", ["not:c"], model="median", use_scenario_rules=False)
    assert [(c.id, c.fails) for c in r2.candidates] == [("b", ()), ("o", ()), ("c", ("not:c",))]
    assert [x.text for x in plan_b(s, "a", "p", ["not:c"], model="median").rules] == [
        "not-allied-with:o",
        "not:c",
    ]


def test_price_is_paid_on_the_issues_the_partner_cares_about():
    # a cares about x, b about y: a concedes little on x and much on y.
    s = _scenario(
        {"a": 30, "p": 30, "b": 20},
        {
            "x": {"a": (100, 1.0), "p": (100, 1.0), "b": (40, 0.2)},
            "y": {"a": (100, 0.2), "p": (100, 0.2), "b": (0, 1.0)},
        },
    )
    b = plan_b(s, "a", "p", model="median", pair_model="mean").candidate("b")
    # x: (30*1*100 + 20*0.2*40) / (30 + 4) = 92.94; y: (30*0.2*100 + 0) / (6 + 20) = 23.08.
    assert b.meeting == {"x": pytest.approx(3160 / 34), "y": pytest.approx(600 / 26)}
    assert b.price == {"x": pytest.approx(100 - 3160 / 34), "y": pytest.approx(100 - 600 / 26)}
    assert b.partner_price == {"x": pytest.approx(3160 / 34 - 40), "y": pytest.approx(600 / 26)}


def test_pair_meeting_points_are_nan_where_either_is_absent():
    st = BargainingState.from_arrays(
        [[80.0, 10.0], [20.0, 0.0], [50.0, 0.0]],
        [[1.0, 1.0], [1.0, 0.0], [0.5, 0.0]],
        [1.0, 1.0, 2.0],
        [[True, True], [True, False], [True, False]],
    )
    meet = pair_meeting_points(st, 0, [1, 2], np.array([50.0, 50.0]))
    assert meet[0, 0] == pytest.approx(50.0)
    assert meet[1, 0] == pytest.approx((80 + 50) / 2)
    assert np.isnan(meet[:, 1]).all()


def test_errors(one_issue):
    with pytest.raises(PlanBError, match="unknown actor 'zz'; actors: a, p, o, b, c"):
        plan_b(one_issue, "zz", "p")
    with pytest.raises(PlanBError, match=r"unknown partner to lose \(--without\) 'q'"):
        plan_b(one_issue, "a", "q")
    with pytest.raises(PlanBError, match="must differ"):
        plan_b(one_issue, "a", "a")
    with pytest.raises(PlanBError, match="unknown model 'nope'; known models:"):
        plan_b(one_issue, "a", "p", model="nope")
    with pytest.raises(PlanBError, match="unknown pair model 'nope'"):
        plan_b(one_issue, "a", "p", pair_model="nope")


# --------------------------------------------------------------------------------------------
# The seed scenario
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def syria():
    return load_scenario("syria-2020")


@pytest.fixture(scope="module")
def syria_planb(syria):
    return plan_b(syria, "russia", "iran")


def test_syria_turkey_is_the_plan_b(syria, syria_planb):
    r = syria_planb
    assert r.best.id == "turkey"
    assert r.best.passes and r.best.viable
    assert [c.id for c in r.candidates if c.passes] == ["turkey"]
    assert {c.id for c in r.candidates} == set(syria.actor_ids) - {"russia", "iran"}
    assert r.loss > 0.05  # losing Iran hurts Russia
    assert r.best.gain > 0 and r.best.partner_gain > 0  # both gain from the deal
    # The logroll by hand: Russia weighs 70 x 0.3 = 21 on Kurdish autonomy against Turkey's
    # 45 x 0.9 = 40.5, so Russia gives way there (30 -> 0) and Turkey everywhere else
    # (Assad: 70 x 0.7 = 49 against 45 x 0.7 = 31.5).
    assert r.best.meeting["kurdish-autonomy"] == pytest.approx(0.0)
    assert r.best.meeting["assad"] == pytest.approx(80.0)
    assert r.best.price == {"kurdish-autonomy": pytest.approx(30.0)}
    # Assad does worse than with Iran, better than with no partner at all.
    assert r.forecast_without["assad"] < r.best.forecast["assad"] < r.forecast_with["assad"]
    assert r.candidate("us").fails == ("not-allied-with:us",)


def test_syria_turkey_without_any_rule_of_the_article(syria):
    """The issue's claim: with --no-scenario-rules Turkey still comes first, now because it is
    the only candidate that gains from the deal itself (the others lose through their ties)."""
    r = plan_b(syria, "russia", "iran", use_scenario_rules=False)
    assert r.best.id == "turkey"
    assert [c.id for c in r.candidates if c.viable] == ["turkey"]
    assert r.candidates[0].id == "turkey"


def test_syria_ranking_follows_the_documented_order(syria_planb):
    cands = syria_planb.candidates
    keys = [(2 if not c.passes else (0 if c.viable else 1), -c.gain) for c in cands]
    assert keys == sorted(keys)


def test_syria_outcomes_match_an_independent_forecast(syria, syria_planb):
    from realpolitik.engine.affinity import relational_utility

    r = syria_planb
    st, ids, _ = to_state(syria)
    f = forecast(syria, model="eum-rel").forecasts["eum-rel"]
    u = relational_utility(expected_outcome(st.position, st.salience, st.present, f), st.affinity)
    assert r.outcome_with == pytest.approx(u[ids.index("russia")])
    # The batched run equals one scenario at a time, built from the candidate's edits.
    for c in r.candidates[:3]:
        world = r.scenario_with(c.id)
        fc = forecast(world, model="eum-rel").forecasts["eum-rel"]
        assert np.allclose(fc, [c.forecast[i] for i in world.issue_ids])
        st_w, ids_w, _ = to_state(r.world_without)
        own = expected_outcome(st_w.position, st_w.salience, st_w.present, fc)
        u_c = relational_utility(own, st_w.affinity)
        assert u_c[ids_w.index("russia")] == pytest.approx(c.outcome)
    assert r.world_without.relation("russia", "turkey").type == "partnership"
    assert "iran" not in r.world_without.actor_ids and "iran" in syria.actor_ids


def test_syria_turkey_first_among_partners_that_gain_themselves(syria):
    # Without the article's rules: the only rule is that the partner must gain from the deal.
    r = plan_b(syria, "russia", "iran", ["partner-gains"], use_scenario_rules=False)
    assert r.best.id == "turkey"
    assert all(c.partner_gain < 0 for c in r.candidates if not c.passes)


def test_planb_command_json(syria_planb):
    res = CliRunner().invoke(
        app, ["planb", "--actor", "russia", "--without", "iran", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (data["actor"], data["without"]) == ("russia", "iran")
    first = data["candidates"][0]
    assert first["id"] == "turkey" and first["fails"] == []
    assert first["gain"] == pytest.approx(syria_planb.best.gain, abs=1e-6)
    assert first["price"] == pytest.approx(syria_planb.best.price, abs=1e-6)
    assert data["best"] == "turkey" and data["warnings"] == []
    assert all(set(c) >= {"id", "gain", "price", "fails"} for c in data["candidates"])
    assert data["loss"] == pytest.approx(syria_planb.loss, abs=1e-6)


def test_planb_command_table_and_errors():
    runner = CliRunner()
    res = runner.invoke(app, ["planb", "--actor", "russia", "--without", "iran"])
    assert res.exit_code == 0, res.output
    assert "turkey" in res.stdout and "not-allied-with:us" in res.stdout
    res = runner.invoke(
        app, ["planb", "--actor", "russia", "--without", "iran", "--require", "min-capabilty:3"]
    )
    assert res.exit_code == 2
    assert "did you mean 'min-capability'" in res.stderr
    res = runner.invoke(app, ["planb", "--actor", "russia", "--without", "persia"])
    assert res.exit_code == 2
    assert "unknown partner to lose (--without) 'persia'" in res.stderr

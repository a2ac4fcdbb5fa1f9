"""Monte Carlo runs fight every fight again with their own draws.

References: the scalar :func:`expected_aftermath` per draw, and applying the shocks to a
perturbed copy of the scenario with :func:`apply_shocks` (the point path), draw by draw.
"""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.engine.conflict import expected_aftermath, expected_aftermath_batch
from realpolitik.scenario import load_scenario, parse_scenario
from realpolitik.simulate.montecarlo import make_plan, run_chunk
from realpolitik.simulate.outcomes import Noise, outcome_arrays, refight, war_costs


def _slow_fight(cap, pos, sal, present, side, decides, force=None):
    """One fight by hand, actor by actor and issue by issue (the module's formulas, m = 1).

    ``force`` are the fighting strengths (the capabilities when not given).
    """
    n, m = pos.shape
    force = cap if force is None else force
    strength = [sum(force[i] for i in range(n) if side[i] == k) for k in (0, 1)]
    total = strength[0] + strength[1]
    prob = [strength[0] / total, strength[1] / total] if total > 0 else [0.5, 0.5]
    new_cap = [cap[i] * prob[side[i]] if side[i] >= 0 else cap[i] for i in range(n)]
    new_pos = pos.copy()
    for j in range(m):
        for k in (0, 1):
            others = [i for i in range(n) if side[i] == 1 - k and present[i, j]]
            if not others or not decides[j]:
                continue
            weight = sum(force[i] * sal[i, j] for i in others)
            if weight > 0:
                xbar = sum(force[i] * sal[i, j] * pos[i, j] for i in others) / weight
            else:
                xbar = sum(pos[i, j] for i in others) / len(others)
            for i in range(n):
                if side[i] == k and present[i, j]:
                    new_pos[i, j] = min(100.0, max(0.0, prob[k] * pos[i, j] + (1 - prob[k]) * xbar))
    return np.array(new_cap), new_pos, prob


def test_the_batched_fight_is_the_fight_worked_by_hand_draw_by_draw():
    rng = np.random.default_rng(7)
    r, n, m = 40, 6, 3
    cap = rng.uniform(0, 50, (r, n))
    cap[3, :] = 0.0  # both sides without strength: 1/2 each
    sal = rng.uniform(0, 1, (r, n, m))
    sal[5, :, 0] = 0.0  # the other side cares nothing: its plain mean
    pos = rng.uniform(0, 100, (r, n, m))
    present = rng.uniform(size=(r, n, m)) > 0.2
    side = np.array([0, 0, 1, -1, 1, -1])
    decides = np.array([True, False, True])
    b_cap, b_pos, b_p = expected_aftermath_batch(cap, pos, sal, present, side, decides)
    for k in range(r):
        c, p, prob = _slow_fight(cap[k], pos[k], sal[k], present[k], side, decides)
        np.testing.assert_allclose(b_cap[k], c, rtol=1e-12)
        np.testing.assert_allclose(b_pos[k], p, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(b_p[k], prob, rtol=1e-12)
        one = expected_aftermath(cap[k], pos[k], sal[k], present[k], side, decides)
        np.testing.assert_array_equal(one[1], b_pos[k])  # the scalar form is one draw
    assert b_p[3].tolist() == [0.5, 0.5]


def test_a_fight_decided_by_military_figures_is_the_fight_worked_by_hand():
    """Strengths other than the capabilities decide the chances and weigh the positions."""
    rng = np.random.default_rng(11)
    r, n, m = 30, 5, 2
    cap = rng.uniform(0, 50, (r, n))
    force = rng.uniform(0, 700, (r, n))
    sal = rng.uniform(0, 1, (r, n, m))
    pos = rng.uniform(0, 100, (r, n, m))
    present = rng.uniform(size=(r, n, m)) > 0.2
    side = np.array([0, 1, 1, -1, 0])
    decides = np.array([True, True])
    b_cap, b_pos, b_p = expected_aftermath_batch(
        cap, pos, sal, present, side, decides, strength=force
    )
    for k in range(r):
        c, p, prob = _slow_fight(cap[k], pos[k], sal[k], present[k], side, decides, force[k])
        np.testing.assert_allclose(b_cap[k], c, rtol=1e-12)
        np.testing.assert_allclose(b_pos[k], p, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(b_p[k], prob, rtol=1e-12)
    # Not the capabilities' fight: the chances differ from it.
    _, _, by_cap = expected_aftermath_batch(cap, pos, sal, present, side, decides)
    assert np.abs(by_cap - b_p).max() > 0.1


def _no_noise(r: int, n: int, m: int) -> Noise:
    return Noise(
        np.zeros((r, n, m)), np.ones((r, n, m)), np.zeros((r, n, m)), np.ones((r, n)),
        np.zeros((r, n)),
    )  # fmt: skip


def _worlds(a, noise: Noise):
    """The perturbed worlds of a run, as ``run_chunk`` makes them (``noise`` over worlds)."""
    return noise.position(a.position, a.present), noise.capability(a.capability)


def test_without_noise_a_run_fights_exactly_the_point_fights():
    s = load_scenario("syria-2020")
    a = outcome_arrays(s, "soleimani")
    assert len(a.fights) == 6  # israel-strikes-in-syria in 3 worlds, us-iran-war in 3
    n, m = len(a.actor_ids), len(a.issue_ids)
    noise = _no_noise(2, n, m)
    position, capability = _worlds(a, noise.over_worlds())
    lose = refight(a.fights, noise, position, capability)
    np.testing.assert_allclose(capability, np.broadcast_to(a.capability, capability.shape))
    np.testing.assert_allclose(position, np.broadcast_to(a.position, position.shape))
    np.testing.assert_allclose(war_costs(lose, a.outcome_world)[0], a.war)


def _chain_scenario() -> dict:
    """Two fights in one world (B and C join A against E, then E fights D), joins, a bystander."""
    actors = [
        {"id": "a", "name": "A", "capability": 3},
        {"id": "b", "name": "B", "capability": 1},
        {"id": "c", "name": "C", "capability": 2},
        {"id": "d", "name": "D", "capability": 4},
        {"id": "e", "name": "E", "capability": 5},
    ]
    pos = {"a": 90, "b": 70, "c": 40, "d": 10, "e": 5}
    issues = [
        {
            "id": k,
            "title": k,
            "positions": {
                a: {"position": (p + 13 * j) % 101, "salience": 0.3 + 0.1 * j}
                for a, p in pos.items()
            },
        }
        for j, k in enumerate(["x", "y", "z"])
    ]
    f1 = {"op": "fight", "sides": [["e"], ["a", "c"]], "issues": ["x", "y"]}
    f2 = {"op": "fight", "sides": [["d"], ["e"]], "issues": ["y", "z"]}
    return {
        "title": "chain",
        "uncertainty": {"position": 10, "salience": 0.2, "capability": 0.3},
        "actors": actors,
        "issues": issues,
        "relations": [{"between": ["a", "b"], "type": "alliance", "commitment": "mutual"}],
        "shocks": [
            {"id": "one", "title": "one", "edits": [f1]},
            {"id": "two", "title": "two", "edits": [f2]},
        ],
        "escalation": [
            {
                "id": "t",
                "title": "t",
                "root": "b-move",
                "nodes": [
                    {
                        "id": "b-move",
                        "actor": "b",
                        "options": [
                            {"id": "join", "outcome": "both-joined", "joins": "a"},
                            {"id": "stay", "outcome": "both"},
                            {"id": "first", "outcome": "first"},
                            {"id": "second", "outcome": "second"},
                        ],
                    }
                ],
                "outcomes": [
                    {"id": "both-joined", "shocks": ["one", "two"]},
                    {"id": "both", "shocks": ["one", "two"]},
                    {"id": "first", "shocks": ["one"]},
                    {"id": "second", "shocks": ["two"]},
                ],
            }
        ],
    }


def _perturbed(raw: dict, noise: Noise, k: int, actors: list[str], issues: list[str]) -> dict:
    """The scenario with draw ``k``'s noise written into its inputs (the slow path).

    A military figure gets its actor's capability factor (the documented rule).
    """
    out = {**raw, "actors": [dict(a) for a in raw["actors"]], "issues": []}
    for a in out["actors"]:
        i = actors.index(a["id"])
        a["capability"] = float(max(a["capability"] * noise.cap_scale[k, i], 0.0))
        if "military" in a:
            a["military"] = float(a["military"] * noise.cap_scale[k, i])
    for iss in raw["issues"]:
        j = issues.index(iss["id"])
        positions = {}
        for who, st in iss["positions"].items():
            i = actors.index(who)
            positions[who] = {
                "position": float(np.clip(st["position"] + noise.shift[k, i, j], 0, 100)),
                "salience": float(np.clip(st["salience"] * noise.sal_scale[k, i, j], 0, 1)),
            }
        out["issues"].append({**iss, "positions": positions})
    return out


#: Military figures for the chain's actors, in other ratios than their capabilities.
_MILITARY = {"a": 10.0, "b": 2.0, "c": 1.0, "d": 30.0, "e": 8.0}


@pytest.mark.parametrize(
    "military",
    [
        pytest.param({}, id="capabilities"),
        pytest.param(_MILITARY, id="military"),
        # D has none: the first fight (E against A, C) is decided by military figures and the
        # second (D against E) by capabilities, with E's military figure carried through.
        pytest.param({k: v for k, v in _MILITARY.items() if k != "d"}, id="mixed"),
    ],
)
def test_a_run_equals_the_shocks_applied_to_its_perturbed_scenario(military):
    raw = _chain_scenario()
    for actor in raw["actors"]:
        if actor["id"] in military:
            actor["military"] = military[actor["id"]]
    s = parse_scenario(raw)
    a = outcome_arrays(s, "t")
    actors, issues = list(a.actor_ids), list(a.issue_ids)
    n, m, r = len(actors), len(issues), 12
    rng = np.random.default_rng(3)
    noise = Noise(
        rng.uniform(-15, 15, (r, n, m)),
        rng.uniform(0.7, 1.3, (r, n, m)),
        np.zeros((r, n, m)),
        rng.uniform(0.5, 1.5, (r, n)),
        np.zeros((r, n)),
    )
    position, capability = _worlds(a, noise.over_worlds())
    lose = refight(a.fights, noise, position, capability)
    war = war_costs(lose, a.outcome_world)
    for k in range(r):
        ref = outcome_arrays(parse_scenario(_perturbed(raw, noise, k, actors, issues)), "t")
        np.testing.assert_allclose(capability[k], ref.capability, rtol=1e-12)
        np.testing.assert_allclose(position[k], ref.position, rtol=1e-12, atol=1e-9)
        np.testing.assert_allclose(war[k], ref.war, rtol=1e-12, atol=1e-15)
    # The draws differ, so do the chances: the fights were fought again.
    assert np.ptp(lose[:, a.outcome_world[2], actors.index("e")]) > 0.05


@pytest.mark.parametrize("seed", [1, 2])
def test_runs_stay_reproducible(seed):
    s = load_scenario("syria-2020")
    plan, _ = make_plan(s, seed=seed, tree="soleimani")
    x, y = run_chunk(plan, 0, 8), run_chunk(plan, 0, 8)
    for key in x:
        np.testing.assert_array_equal(x[key], y[key])

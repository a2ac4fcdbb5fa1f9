"""The article's claims, derived by the relational model: how often each holds under input noise.

For each claim of issue 10 this prints the share of Monte Carlo draws (the scenario's own
uncertainty: ±10 points of position, ±20 % of salience and capability) in which the claim
holds, with the point value beside it, then a sweep of each relational parameter (one at a
time, the others at their fixed values) on the point scenario:

1. Russia backs Iran less than 20 % at both of its nodes (Israel strikes in Syria; US–Iran
   war), with no typed cost on Russia's options;
2. ``us-iran-war`` lowers Iran's capability through the conflict model and the Assad forecast
   falls (the fight decided by the sides' military figures, SIPRI 2019);
3. Turkey is Russia's Plan B without Iran, with no partner rule at all (``--no-scenario-rules``);
4. Assad's expected payoff is highest on Iran's no-retaliation branch.

Usage: ``python benchmarks/bench_relations.py [N_DRAWS] [N_PLANB_DRAWS]`` (defaults 1000 and
1000; Plan B runs one engine batch per draw, about a second each).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import numpy as np

import realpolitik.engine.affinity as affinity_mod
import realpolitik.engine.conflict as conflict_mod
from realpolitik.analysis.planb import plan_b
from realpolitik.engine.eum import AFFINITY_WEIGHT
from realpolitik.scenario import load_scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.montecarlo import CAPABILITY, POSITION, SALIENCE, make_plan, run_chunk
from realpolitik.simulate.outcomes import solve_escalation

SEED = 2020
TREE = "soleimani"


def claims_from_arrays(plan, out) -> dict[str, np.ndarray]:
    """Claims 1, 2 and 4 per draw from one Monte Carlo chunk."""
    game = plan.game
    nodes = list(game.nodes)
    node_ids = [n.id for n in nodes]
    actors = list(plan.arrays.actor_ids)
    issues = list(plan.arrays.issue_ids)
    ch = out["choices"]

    def p_back(node_id: str) -> np.ndarray:
        k = node_ids.index(node_id)
        opts = [o for o, _ in nodes[k].options]
        return ch[:, k, opts.index("back-iran")]

    c1 = (p_back("russia-in-syria") < 0.2) & (p_back("russia-in-war") < 0.2)
    # Claim 2: the world of war-russia-stays-out is the us-iran-war shock alone.
    k_war = plan.arrays.outcome_ids.index("war-russia-stays-out")
    w_war = int(plan.arrays.outcome_world[k_war])
    assad = issues.index("assad")
    falls = out["world_forecasts"][:, w_war, assad] < out["world_forecasts"][:, 0, assad]
    iran = actors.index("iran")
    weaker = plan.arrays.capability[w_war, iran] < plan.arrays.capability[0, iran]
    c2 = falls & weaker
    # Claim 4: Assad's payoff at calm against the value of each other branch of Iran's node.
    a = actors.index("assad")
    calm = plan.arrays.outcome_ids.index("calm")
    v_calm = out["outcome_payoffs"][:, calm, a]
    v_us = out["node_values"][:, node_ids.index("us-answer"), a]
    v_isr = out["node_values"][:, node_ids.index("israel-answer"), a]
    c4 = (v_calm >= v_us) & (v_calm >= v_isr)
    return {"1": c1, "2": c2, "4": c4}


def scenario_from_draw(scenario, spec, x):
    """A copy of ``scenario`` with one Monte Carlo draw's positions, saliences, capabilities."""
    s = scenario.model_copy(deep=True)
    ids = s.actor_ids
    for j in range(spec.n_inputs):
        kind, actor, index = int(spec.kind[j]), int(spec.actor[j]), int(spec.index[j])
        if kind == POSITION:
            s.issues[index].positions[ids[actor]].position = float(x[j])
        elif kind == SALIENCE:
            s.issues[index].positions[ids[actor]].salience = float(x[j])
        elif kind == CAPABILITY:
            s.actors[actor].capability = float(x[j])
    return s


def turkey_is_plan_b(s) -> bool:
    best = plan_b(s, "russia", "iran", use_scenario_rules=False).best
    return best is not None and best.id == "turkey"


def point_claims(s, **esc) -> dict[str, bool]:
    """The four claims on one scenario, without noise."""
    res = solve_escalation(s, TREE, **esc)
    ch = res.choices()
    c1 = ch["russia-in-syria"]["back-iran"] < 0.2 and ch["russia-in-war"]["back-iran"] < 0.2
    war = apply_shocks(s, ["us-iran-war"])
    k_war = res.arrays.outcome_ids.index("war-russia-stays-out")
    w = int(res.arrays.outcome_world[k_war])
    assad = res.arrays.issue_ids.index("assad")
    c2 = bool(res.world_forecasts[w, assad] < res.world_forecasts[0, assad]) and (
        war.actor("iran").capability < s.actor("iran").capability
    )
    a = res.arrays.actor_ids.index("assad")
    nv = res.qre.node_values
    ids = [n.id for n in res.game.nodes]
    calm = res.payoffs[res.arrays.outcome_ids.index("calm"), a]
    c4 = bool(calm >= nv[ids.index("us-answer"), a] and calm >= nv[ids.index("israel-answer"), a])
    return {"1": bool(c1), "2": c2, "3": turkey_is_plan_b(s), "4": c4}


def sweep(s, name: str, values, apply: Callable[[float], dict]) -> list[tuple[float, dict]]:
    rows = []
    for v in values:
        esc = apply(v)
        rows.append((v, point_claims(s, **esc)))
    return rows


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n_pb = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    s = load_scenario("syria-2020")
    labels = {
        "1": "Russia backs Iran < 20 % at both nodes",
        "2": "us-iran-war: Iran weaker (conflict model) and Assad forecast falls",
        "3": "Turkey is Russia's Plan B without Iran (no partner rules)",
        "4": "Assad's payoff highest on Iran's no-retaliation branch",
    }
    t0 = time.perf_counter()
    point = point_claims(s)
    plan, _ = make_plan(s, seed=SEED, tree=TREE)
    held: dict[str, list[np.ndarray]] = {"1": [], "2": [], "4": []}
    inputs = []
    for start in range(0, n, 100):
        out = run_chunk(plan, start, min(n, start + 100))
        for key, v in claims_from_arrays(plan, out).items():
            held[key].append(v)
        inputs.append(out["inputs"])
    x = np.concatenate(inputs)
    shares = {k: float(np.concatenate(v).mean()) for k, v in held.items()}
    t_mc = time.perf_counter() - t0
    t1 = time.perf_counter()
    pb = [turkey_is_plan_b(scenario_from_draw(s, plan.spec, x[k])) for k in range(min(n_pb, n))]
    shares["3"] = float(np.mean(pb))
    t_pb = time.perf_counter() - t1

    print(f"Claims of the article under input noise (seed {SEED}; eum-rel, λ = 20)")
    print(f"{'claim':<70} {'point':>6} {'share':>7} {'draws':>6}")
    for k in ("1", "2", "3", "4"):
        draws = min(n_pb, n) if k == "3" else n
        print(f"{k}. {labels[k]:<67} {'yes' if point[k] else 'no':>6} {shares[k]:>6.1%} {draws:>6}")
    print(
        f"time: {t_mc:.1f} s for {n} escalation draws, {t_pb:.1f} s for {min(n_pb, n)} Plan B draws"
    )
    print()

    print("Sweeps (point scenario; one parameter moved, the others fixed; yes = claim holds)")
    print(f"{'parameter':<34} {'value':>8}   1    2    3    4")
    saved = (affinity_mod.CARE, affinity_mod.ABANDON, conflict_mod.DECISIVENESS)
    war = conflict_mod.WAR_COST
    try:
        for v in (0.0, 0.25, AFFINITY_WEIGHT, 1.0):
            c = point_claims_theta(s, v)
            print(_row("θ affinity in votes (eum-rel)", v, c))
        for v in (0.0, 0.25, 0.5, 1.0):
            affinity_mod.CARE = v
            print(_row("ρ care for others' outcomes", v, point_claims(s)))
        affinity_mod.CARE = saved[0]
        for v in (0.0, saved[1] / 2, saved[1], 2 * saved[1], 4 * saved[1]):
            affinity_mod.ABANDON = v
            print(_row("abandonment cost (full commitment)", v, point_claims(s)))
        affinity_mod.ABANDON = saved[1]
        for v in (0.5, 1.0, 2.0, 4.0):
            conflict_mod.DECISIVENESS = v
            print(_row("m contest decisiveness", v, point_claims(s)))
        conflict_mod.DECISIVENESS = saved[2]
        for v in (0.0, 0.25, 0.5, 1.0):
            conflict_mod.WAR_COST = v
            print(_row("cost of a certainly lost fight", v, point_claims(s)))
        conflict_mod.WAR_COST = war
        # An input, not a parameter: the fights decided by capabilities instead (as before the
        # scenario had military figures).
        bare = s.model_copy(deep=True)
        for actor in bare.actors:
            actor.military = None
        print(_row("fights by military figures (0/1)", 0.0, point_claims(bare)))
        print(_row("fights by military figures (0/1)", 1.0, point_claims(s)))
    finally:
        affinity_mod.CARE, affinity_mod.ABANDON, conflict_mod.DECISIVENESS = saved
        conflict_mod.WAR_COST = war


def point_claims_theta(s, theta: float) -> dict[str, bool]:
    """The claims with θ changed in every engine run (escalation and Plan B)."""
    res = solve_escalation(s, TREE, options={"affinity_weight": theta})
    ch = res.choices()
    c1 = ch["russia-in-syria"]["back-iran"] < 0.2 and ch["russia-in-war"]["back-iran"] < 0.2
    k_war = res.arrays.outcome_ids.index("war-russia-stays-out")
    w = int(res.arrays.outcome_world[k_war])
    assad = res.arrays.issue_ids.index("assad")
    c2 = bool(res.world_forecasts[w, assad] < res.world_forecasts[0, assad])
    a = res.arrays.actor_ids.index("assad")
    nv = res.qre.node_values
    ids = [n.id for n in res.game.nodes]
    calm = res.payoffs[res.arrays.outcome_ids.index("calm"), a]
    c4 = bool(calm >= nv[ids.index("us-answer"), a] and calm >= nv[ids.index("israel-answer"), a])
    best = plan_b(s, "russia", "iran", use_scenario_rules=False, affinity_weight=theta).best
    return {"1": bool(c1), "2": c2, "3": best is not None and best.id == "turkey", "4": c4}


def _row(name: str, value: float, c: dict[str, bool]) -> str:
    marks = "  ".join(" yes" if c[k] else "  no" for k in ("1", "2", "3", "4"))
    return f"{name:<34} {value:>8.3f} {marks}"


if __name__ == "__main__":
    main()

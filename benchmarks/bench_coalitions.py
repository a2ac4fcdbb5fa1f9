"""Coalitions: speed of the grouping against its loop reference, and how firm the seed's claim is.

Part 1 times :func:`~realpolitik.analysis.coalitions.group_coalitions` (vectorised over issues)
against the loop reference on the built-in scenario and on random systems, and checks that they
agree. Part 2 asks of ``syria-2020`` the issue's question, "are France and Germany in Russia's
coalition on the escalation issue?", under today's ``eum`` (default and run to convergence), the
stated positions (``mean``/``median`` move no one), other closeness thresholds, 1,000 random
orders of the actors in the file (ties go to file order) and 1,000 draws of the scenario's
declared uncertainty (``uncertainty:`` and per-value ranges, as ``realpolitik montecarlo``
draws them). Run with

    .venv/bin/python benchmarks/bench_coalitions.py [--draws 1000] [--seed 0]

The figures are copied into ``docs/coalitions.md``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from realpolitik.analysis._coalitions_reference import reference_groups
from realpolitik.analysis.coalitions import CLOSENESS, group_coalitions, relation_weights
from realpolitik.engine.registry import get_model
from realpolitik.engine.state import BargainingState
from realpolitik.forecasting import forecast
from realpolitik.scenario import load_scenario
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.simulate.montecarlo import CAPABILITY, POSITION, SALIENCE, input_spec

ISSUE, ACTOR, FRIENDS = "escalation", "russia", ("france", "germany")


def _best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _labels_to_groups(labels: np.ndarray) -> list[list[list[int]]]:
    out = []
    for k in range(labels.shape[1]):
        lab = labels[:, k]
        out.append(sorted(np.flatnonzero(lab == r).tolist() for r in np.unique(lab[lab >= 0])))
    return out


def speed() -> None:
    s = load_scenario("syria-2020")
    res = forecast(s, model="eum")
    state, _, _ = to_state(s)
    cases = [
        (
            "syria-2020, eum positions (10 × 6)",
            res.runs["eum"].positions,
            state.present,
            relation_weights(s),
        )
    ]
    rng = np.random.default_rng(7)
    for n, m in ((30, 20), (60, 30)):
        pos = rng.integers(0, 21, size=(n, m)) * 5.0
        aff = np.triu(rng.choice([0.0, 0.0, 0.6, -0.3], size=(n, n)), k=1)
        cases.append((f"random {n} actors × {m} issues", pos, np.ones((n, m), bool), aff + aff.T))
    header = f"{'case':<38} {'vectorised':>11} {'reference':>10} {'ratio':>7} {'agree':>6}"
    print(header)
    print("-" * len(header))
    for name, pos, present, aff in cases:
        args = (pos, present, aff)
        fast = _best_time(lambda args=args: group_coalitions(*args), 5)
        slow = _best_time(lambda args=args: reference_groups(*args), 1)
        agree = _labels_to_groups(group_coalitions(pos, present, aff)) == reference_groups(
            pos, present, aff
        )
        print(f"{name:<38} {fast:>10.4f}s {slow:>9.3f}s {slow / fast:>6.0f}× {str(agree):>6}")


def _holds(labels: np.ndarray, ids: list[str], k: int) -> bool:
    lab = labels[:, k]
    me = lab[ids.index(ACTOR)]
    return all(lab[ids.index(f)] == me for f in FRIENDS)


def claims(n_draws: int, seed: int) -> None:
    s = load_scenario("syria-2020")
    state, ids, issues = to_state(s)
    k = issues.index(ISSUE)
    aff = relation_weights(s)
    runs = {
        "eum (10 rounds, default)": forecast(s, model="eum").runs["eum"],
        "eum run to 200 rounds": forecast(s, model="eum", max_rounds=200).runs["eum"],
        "eum, scholz2011 variant": forecast(s, model="eum", variant="scholz2011").runs["eum"],
    }
    positions = {name: run.positions for name, run in runs.items()}
    positions["stated (mean, median)"] = state.position
    names = {a.id: a.name for a in s.actors}
    print(
        f"\nIs {' and '.join(names[f] for f in FRIENDS)} in {names[ACTOR]}'s coalition on {ISSUE}?"
    )
    thresholds = (0.0, 2.5, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0)
    header = f"{'positions':<28} {'coalition of Russia (within 10)':<48} " + " ".join(
        f"{t:>4g}" for t in thresholds
    )
    print(header)
    print("-" * len(header))
    for name, pos in positions.items():
        labels = group_coalitions(pos, state.present, aff)
        mine = [a for i, a in enumerate(ids) if labels[i, k] == labels[ids.index(ACTOR), k]]
        sweep = " ".join(
            f"{'yes' if _holds(group_coalitions(pos, state.present, aff, within=t), ids, k) else 'no':>4}"
            for t in thresholds
        )
        print(f"{name:<28} {', '.join(mine):<48} {sweep}")
    print("(columns: the claim at each closeness threshold in points)")

    # Actor order: ties go to the file order, so shuffle it.
    rng = np.random.default_rng(seed)
    print(f"\nShare of {n_draws} random actor orders in which the claim holds (within 10):")
    for name, pos in positions.items():
        hits = 0
        for _ in range(n_draws):
            p = rng.permutation(len(ids))
            labels = group_coalitions(pos[p], state.present[p], aff[np.ix_(p, p)])
            hits += _holds(labels, [ids[i] for i in p], k)
        print(f"  {name:<28} {hits / n_draws:>6.1%}")

    # The scenario's declared uncertainty, drawn as the Monte Carlo command draws it.
    spec = input_spec(s)
    gens = [np.random.default_rng(g) for g in np.random.SeedSequence(seed).spawn(n_draws)]
    x = spec.draw(gens)
    pos = np.broadcast_to(state.position, (n_draws, *state.position.shape)).copy()
    sal = np.broadcast_to(state.salience, pos.shape).copy()
    cap = np.broadcast_to(state.capability, pos.shape[:-1]).copy()
    for kind, target in ((POSITION, pos), (SALIENCE, sal)):
        sel = spec.kind == kind
        target[:, spec.actor[sel], spec.index[sel]] = x[:, sel]
    sel = spec.kind == CAPABILITY
    cap[:, spec.actor[sel]] = x[:, sel]
    present = np.broadcast_to(state.present, pos.shape).copy()
    batch = BargainingState(position=pos, salience=sal, capability=cap, present=present)
    sq = np.broadcast_to(status_quo(s), (n_draws, len(issues))).copy()
    print(
        f"\nShare of {n_draws} draws of the declared uncertainty in which the claim holds, in file"
        " order and in a random actor order per draw; and the share of draws in which every"
        f" actor of {ISSUE} ends within 10 points of every other (then only relations and order"
        " decide):"
    )
    for name, moved in (
        ("eum (10 rounds, default)", get_model("eum")(batch, status_quo=sq).positions),
        ("eum run to 200 rounds", get_model("eum")(batch, status_quo=sq, max_rounds=200).positions),
        ("stated (mean, median)", pos),
    ):
        in_file = shuffled = collapsed = 0
        for r in range(n_draws):
            in_file += _holds(group_coalitions(moved[r], present[r], aff), ids, k)
            p = rng.permutation(len(ids))
            labels = group_coalitions(moved[r][p], present[r][p], aff[np.ix_(p, p)])
            shuffled += _holds(labels, [ids[i] for i in p], k)
            x_k = moved[r][present[r][:, k], k]
            collapsed += x_k.max() - x_k.min() <= CLOSENESS
        print(
            f"  {name:<28} file order {in_file / n_draws:>6.1%}   random order "
            f"{shuffled / n_draws:>6.1%}   all within 10: {collapsed / n_draws:>6.1%}"
        )
    print(f"(closeness {CLOSENESS:g} points; seed {seed})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    speed()
    claims(args.draws, args.seed)


if __name__ == "__main__":
    main()

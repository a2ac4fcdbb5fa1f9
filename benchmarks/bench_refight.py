"""What fighting every fight again in each Monte Carlo run costs, and the batched contest's speed.

Two tables:

1. ``syria-2020``'s ``soleimani`` tree, ``N`` Monte Carlo runs (``eum-rel``), with every fight
   fought again per run (what ships) against the fights frozen at the file's values (the
   behaviour before): wall time and the ratio;
2. the contest engine alone: one fight resolved for ``R`` draws by
   :func:`realpolitik.engine.conflict.expected_aftermath_batch` against a Python loop of
   one draw at a time (:func:`realpolitik.engine.conflict.expected_aftermath`), with the
   speed-up.

Usage: ``python benchmarks/bench_refight.py [N] [R]`` (defaults 200 and 10000).
"""

from __future__ import annotations

import dataclasses
import sys
import time

import numpy as np

from realpolitik.engine.conflict import expected_aftermath, expected_aftermath_batch
from realpolitik.scenario import load_scenario
from realpolitik.simulate.montecarlo import make_plan, run_chunk


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    r = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    s = load_scenario("syria-2020")
    plan, _ = make_plan(s, seed=1, tree="soleimani")
    frozen = dataclasses.replace(plan, arrays=dataclasses.replace(plan.arrays, fights=()))

    def runs(p):
        return lambda: [run_chunk(p, k, min(n, k + 100)) for k in range(0, n, 100)]

    t_new = _time(runs(plan), 1)
    t_old = _time(runs(frozen), 1)
    print(
        f"Monte Carlo, syria-2020 tree soleimani, {n} runs, eum-rel ({len(plan.arrays.fights)} fights)"
    )
    print(f"{'fights':<34} {'seconds':>8} {'runs/s':>8}")
    print(f"{'frozen at the file (before)':<34} {t_old:>8.2f} {n / t_old:>8.0f}")
    print(f"{'fought again in every run':<34} {t_new:>8.2f} {n / t_new:>8.0f}")
    print(f"ratio (fought again / frozen): {t_new / t_old:.3f}")
    print()

    rng = np.random.default_rng(0)
    n_act, n_iss = 10, 6
    cap = rng.uniform(1, 100, (r, n_act))
    pos = rng.uniform(0, 100, (r, n_act, n_iss))
    sal = rng.uniform(0, 1, (r, n_act, n_iss))
    present = np.ones((r, n_act, n_iss), dtype=bool)
    side = np.array([0, 0, 1, 1, 1, -1, -1, -1, -1, -1])
    decides = np.array([True, True, False, True, False, False])
    t_batch = _time(lambda: expected_aftermath_batch(cap, pos, sal, present, side, decides))
    k_ref = min(r, 2000)
    t_loop = _time(
        lambda: [
            expected_aftermath(cap[k], pos[k], sal[k], present[k], side, decides)
            for k in range(k_ref)
        ],
        1,
    ) * (r / k_ref)
    print(f"One fight, {r} draws, {n_act} actors, {n_iss} issues")
    print(f"{'engine':<34} {'seconds':>8}")
    print(f"{'one draw at a time, Python loop':<34} {t_loop:>8.3f}")
    print(f"{'expected_aftermath_batch':<34} {t_batch:>8.3f}")
    print(f"speed-up (loop / batch): {t_loop / t_batch:.0f}x")


if __name__ == "__main__":
    main()

"""eum-rel (EUM with relations) against its loop reference and against plain eum.

Usage: ``python benchmarks/bench_eum_rel.py``. With relations the votes are summed pair by pair
(O(n³) per issue and round) instead of by prefix sums over the midpoint (O(n² log n)), and the
model runs to convergence (at most 100 rounds) instead of 10 rounds. The reference runs in full
where one of its rounds, times the rounds needed, is expected to stay under two minutes.
"""

from __future__ import annotations

import time

import numpy as np

from realpolitik.engine._reference import run_eum_reference
from realpolitik.engine.affinity import affinity
from realpolitik.engine.eum import AFFINITY_WEIGHT, REL_TIE, run_eum
from realpolitik.engine.registry import get_model
from realpolitik.engine.state import BargainingState
from realpolitik.scenario import load_scenario, to_state

REL = dict(
    affinity_weight=AFFINITY_WEIGHT, damp=True, tie=REL_TIE, names=("eum-rel", "eum-rel-mean")
)


def related(n: int, m: int, seed: int) -> BargainingState:
    rng = np.random.default_rng(seed)
    w = np.where(rng.random((n, n)) < 0.3, rng.choice([-1, -0.6, -0.3, 0.3, 0.6, 1.0], (n, n)), 0)
    w = np.triu(w, 1)
    w = w + w.T
    c = np.where(w > 0, rng.choice([0.0, 0.5, 1.0], (n, n)), 0.0)
    return BargainingState.from_arrays(
        rng.uniform(0, 100, (n, m)).round(1),
        rng.uniform(0.1, 1, (n, m)),
        rng.lognormal(0, 1, n),
        affinity=affinity(w, c),
    )


def timed(fn, repeat=3):
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    cases = [("syria-2020 (10 x 6)", to_state(load_scenario("syria-2020"))[0])]
    cases += [(f"synthetic {n} x 1, 30 % related", related(n, 1, n)) for n in (20, 40, 80, 160)]
    print(f"{'case':<32} {'rounds':>6} {'eum-rel':>9} {'reference':>11} {'ratio':>7} {'eum':>8}")
    for name, state in cases:
        t_rel, run = timed(lambda s=state: get_model("eum-rel")(s, record=True))
        t_eum, _ = timed(lambda s=state: run_eum(s))
        n_rounds = max(run.n_rounds, 1)
        t1, _ = timed(lambda s=state: run_eum_reference(s, max_rounds=1, **REL), 1)
        if t1 * n_rounds <= 120:
            t_ref, ref = timed(lambda s=state: run_eum_reference(s, max_rounds=100, **REL), 1)
            same = np.allclose(ref.rounds, run.rounds, atol=1e-6)
            ref_text = f"{t_ref:9.2f} s" + ("" if same else " DIFFERS")
        else:
            t_ref = t1 * n_rounds
            ref_text = f"~{t_ref:8.0f} s"
        print(
            f"{name:<32} {run.n_rounds:>6} {t_rel:>7.3f} s {ref_text:>11} {t_ref / t_rel:>6.0f}x"
            f" {t_eum:>6.3f} s"
        )


if __name__ == "__main__":
    main()

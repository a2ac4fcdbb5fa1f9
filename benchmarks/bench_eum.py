"""Wall time of the vectorised EUM against the loop reference, KTAB and the Python replication.

Usage::

    python benchmarks/bench_eum.py [--rounds 10] [--ref-cap 120] [--data ../shared/data]

For every case it runs ``run_eum`` (default variant ``bdm``; best of 3 when quick) and the
loop-based reference of ``realpolitik.engine._reference``. The reference runs in full when one
round of it, times the rounds the fast run needed, is expected to take at most ``--ref-cap``
seconds; otherwise its time is that estimate (marked ``~``). Reference figures from elsewhere
(KTAB's C++ SMP, the Python replication of Scholz et al.) were measured on this machine class.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from realpolitik.analysis.backtest import backtest
from realpolitik.engine._reference import run_eum_reference
from realpolitik.engine.eum import DEFAULT_MAX_ROUNDS, run_eum
from realpolitik.engine.state import BargainingState
from realpolitik.scenario import load_scenario, to_state
from realpolitik.scenario.deu import load_deu

ELSEWHERE = {
    "ktab a040": "KTAB SMP 7.9 s CPU",
    "ktab a080": "KTAB SMP 95.8 s CPU",
    "ktab a160": "KTAB SMP 2,115 s CPU",
    "sultan-oil scholz2011": "Python replication (same variant) 398 s (10 rounds)",
}
TARGETS = {"ktab a160": 0.5, "synthetic 1000x1": 10.0, "DEU III backtest": 5.0}


def _timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _cases(data: Path) -> list[tuple[str, BargainingState]]:
    cases = []
    for name in ("a040", "a080", "a160"):
        state, _, _ = to_state(load_scenario(data / "ktab" / f"dummyData-{name}.csv"))
        cases.append((f"ktab {name}", state))
    state, _, _ = to_state(load_scenario(data / "eum" / "sultan-oil.csv"))
    cases.append(("sultan-oil", state))
    cases.append(("sultan-oil scholz2011", state))
    rng = np.random.default_rng(20110401)
    n = 1000
    cases.append(
        (
            "synthetic 1000x1",
            BargainingState.from_arrays(
                rng.uniform(0, 100, (n, 1)).round(1),
                rng.uniform(0, 1, (n, 1)),
                rng.lognormal(0, 1, n),
            ),
        )
    )
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=DEFAULT_MAX_ROUNDS)
    parser.add_argument("--ref-cap", type=float, default=120.0, help="seconds")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(
            os.environ.get("REALPOLITIK_SHARED", Path(__file__).resolve().parents[2] / "shared")
        )
        / "data",
    )
    args = parser.parse_args()

    rows = []
    for name, state in _cases(args.data):
        variant = "scholz2011" if name.endswith("scholz2011") else "bdm"
        quick = state.n_actors <= 200
        t_fast, run = _timed(
            lambda s=state, v=variant: run_eum(s, variant=v, max_rounds=args.rounds),
            3 if quick else 1,
        )
        n_rounds = max(run.n_rounds, 1)
        if state.n_actors <= 200:
            t1, _ = _timed(lambda s=state, v=variant: run_eum_reference(s, variant=v, max_rounds=1))
            estimate = t1 * n_rounds
            if estimate <= args.ref_cap:
                t_ref, ref = _timed(
                    lambda s=state, v=variant: run_eum_reference(
                        s, variant=v, max_rounds=args.rounds
                    )
                )
                same = np.allclose(ref.rounds, run.rounds, atol=1e-6)  # type: ignore[union-attr]
                ref_text = f"{t_ref:9.2f} s" + ("" if same else " (DIFFERS)")
            else:
                t_ref, ref_text = estimate, f"~{estimate:8.0f} s"
        else:
            # One reference round is O(n^3) pure-Python vote evaluations: hours at n = 1000.
            t_ref, ref_text = np.nan, "   skipped"
        rows.append((name, state.n_actors, run.n_rounds, t_fast, t_ref, ref_text))

    deu = load_deu(args.data / "deu" / "deu3.csv")
    with_outcome = deu.select(np.isfinite(deu.outcome))
    t_eum, run = _timed(
        lambda: run_eum(with_outcome.state, max_rounds=args.rounds, record=False), 3
    )
    per_issue = run.info["n_rounds_per_issue"]  # type: ignore[attr-defined]
    sub = with_outcome.select(np.arange(with_outcome.n_issues) < 20)
    t1, _ = _timed(lambda: run_eum_reference(sub.state, max_rounds=1))
    est = t1 / 20 * float(per_issue.sum())
    if est <= args.ref_cap:
        t_ref, _ = _timed(lambda: run_eum_reference(with_outcome.state, max_rounds=args.rounds))
        ref_text = f"{t_ref:9.2f} s"
    else:
        t_ref, ref_text = est, f"~{est:8.0f} s"
    rows.append(("DEU III eum (353 issues)", 30, run.n_rounds, t_eum, t_ref, ref_text))
    t_all, _ = _timed(lambda: backtest(deu, max_rounds=args.rounds), 1)
    rows.append(("DEU III backtest", 30, run.n_rounds, t_all, np.nan, "         -"))

    print(
        f"EUM (variant bdm unless named, max_rounds={args.rounds}); "
        f"reference capped at {args.ref_cap:g} s"
    )
    head = f"{'case':26} {'actors':>6} {'rounds':>6} {'eum':>10} {'reference':>12} {'ratio':>8}"
    print(head)
    print("-" * len(head))
    for name, n, r, tf, tr, rt in rows:
        ratio = f"{tr / tf:8.0f}x" if np.isfinite(tr) else "        -"
        print(f"{name:26} {n:6d} {r:6d} {tf:8.3f} s {rt:>12} {ratio}")
    print()
    print("Targets and comparisons:")
    for name, _, _, tf, _, _ in rows:
        notes = []
        if name in TARGETS:
            ok = "met" if tf < TARGETS[name] else "MISSED"
            notes.append(f"target < {TARGETS[name]:g} s {ok}")
        if name in ELSEWHERE:
            notes.append(ELSEWHERE[name])
        if notes:
            print(f"  {name}: {tf:.3f} s; " + "; ".join(notes))


if __name__ == "__main__":
    main()

"""CPU time of ``smp`` against KTAB's C++ SMP on the same model and the same inputs.

Usage::

    python benchmarks/bench_smp.py [--data ../shared/data] [--ref]

For each KTAB input table it runs :func:`realpolitik.engine.smp.run_smp_arrays` to KTAB's
stopping rule (the same rule KTAB applies, so the rounds are the same model's rounds) and prints
CPU seconds (``time.process_time``, best of 3 for the small cases), the rounds run, and the
ratio to KTAB's own CPU time measured with its command-line SMP (built with -O2) on this machine
class (``shared/data/SOURCES.md``). ``--ref`` also times one round of the loop reference
(``engine/_smp_reference.py``) on the small cases. The DEU III row runs every one of its 353
issues with an outcome as its own SMP, as the backtest does.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from realpolitik.engine._smp_reference import smp_step_reference
from realpolitik.engine.smp import run_smp, run_smp_arrays, smp_step
from realpolitik.scenario import load_scenario, to_state
from realpolitik.scenario.deu import load_deu

#: KTAB's C++ SMP, CPU seconds on this machine class (shared/data/SOURCES.md).
KTAB_CPU = {
    "SOE-Pol-Comp": 0.47,
    "dummyData-a040": 7.9,
    "dummyData-a080": 95.8,
    "dummyData-a160": 2115.0,
}
CASES = (
    "SOE-Policy",
    "SOE-Competitive",
    "SOE-Pol-Comp",
    "dummyData_3Dim",
    "dummyData_6Dim",
    "dummyData-a040",
    "dummyData-a080",
    "dummyData-a160",
)


def _cpu(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(
            os.environ.get("REALPOLITIK_SHARED", Path(__file__).resolve().parents[2] / "shared")
        )
        / "data",
    )
    parser.add_argument("--ref", action="store_true", help="time one loop-reference round too")
    args = parser.parse_args()
    print(
        f"{'case':<16} {'actors':>6} {'dims':>4} {'rounds':>6} {'smp CPU s':>10} "
        f"{'KTAB CPU s':>10} {'KTAB / smp':>10}"
        + ("  reference round s / fast round s" if args.ref else "")
    )
    for name in CASES:
        path = args.data / "ktab" / f"{name}.csv"
        if not path.exists():
            print(f"{name:<16} missing: {path}")
            continue
        state, _, _ = to_state(load_scenario(path))
        pos, sal, cap = state.position / 100.0, state.salience, state.capability
        repeat = 3 if state.n_actors <= 40 else 1
        secs, trace = _cpu(lambda p=pos, s=sal, c=cap: run_smp_arrays(p, s, c), repeat)
        ktab = KTAB_CPU.get(name)
        ratio = f"{ktab / secs:10.0f}" if ktab else f"{'':>10}"
        line = (
            f"{name:<16} {state.n_actors:>6} {state.n_issues:>4} {trace.n_rounds:>6} "  # type: ignore[attr-defined]
            f"{secs:>10.3f} {(f'{ktab:,.2f}' if ktab else '–'):>10} {ratio}"
        )
        if args.ref and state.n_actors <= 40:
            slow, _ = _cpu(lambda p=pos, s=sal, c=cap: smp_step_reference(p, s, c), 1)
            fast, _ = _cpu(lambda p=pos, s=sal, c=cap: smp_step(p, s, c), 3)
            line += f"  {slow:.3f} / {fast:.4f}"
        print(line)
    deu = args.data / "deu" / "deu3.csv"
    if deu.exists():
        data = load_deu(deu)
        sub = data.select(np.isfinite(data.outcome))
        secs, _ = _cpu(lambda: run_smp(sub.state, joint=False), 1)
        print(f"{'DEU III (353)':<16} {'≤30':>6} {1:>4} {'':>6} {secs:>10.3f}")


if __name__ == "__main__":
    main()

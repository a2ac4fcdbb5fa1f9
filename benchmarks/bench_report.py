"""Time of the report's computation (``gather``) with and without its memo of model runs.

Run: ``python benchmarks/bench_report.py [--rounds N]``. ``gather`` runs inside
``memoised_forecasts()``: each actor's explanation forecasts the scenario under every shock, and
without the memo those runs repeat once per actor. The comparison is the same function body
without the memo (``gather.__wrapped__``); both give the same report (checked here and in
``tests/report/test_memo.py``). ``-n 0``: no Monte Carlo, whose runs are never repeated.
Prints the CPU seconds (``time.process_time``, the steadier figure on a shared machine) and
the wall seconds, best of the rounds.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from realpolitik.report import gather
from realpolitik.scenario import load_scenario

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "scenarios"


def _best(fn, rounds: int) -> tuple[float, float, dict]:
    wall = cpu = float("inf")
    out: dict = {}
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds (best is reported)")
    args = parser.parse_args()
    cases = [("syria-2020", load_scenario("syria-2020"))] + [
        (p.stem, load_scenario(p)) for p in sorted(EXAMPLES.glob("*.yaml"))
    ]
    print(f"{'scenario':<20}{'memo cpu s':>12}{'plain cpu s':>13}{'ratio':>8}{'wall s':>9}  same")
    for name, s in cases:
        w1, c1, a = _best(lambda s=s: gather(s, n_runs=0), args.rounds)
        w0, c0, b = _best(lambda s=s: gather.__wrapped__(s, n_runs=0), args.rounds)
        same = json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
        print(
            f"{name:<20}{c1:>12.2f}{c0:>13.2f}{c0 / c1:>7.2f}x{w1:>9.2f}  {'yes' if same else 'NO'}"
        )


if __name__ == "__main__":
    main()

"""Sentences per second of the event coder on a long text (the seed article repeated).

Run: ``python benchmarks/bench_ingest.py [--repeat N]``. Prints a table and the ratio to the
reference coders' published speeds (TABARI about 1,000-2,000 sentences/s, PETRARCH2 about 150
plus its parser). Single process, one core. Rates are given per wall-clock second and per CPU
second of this process (``time.process_time``); on a machine shared with other work the CPU
rate is the one that measures the coder. "split only" is ``count_sentences``: cleaning,
tokenizer and sentence split, without actors or events.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from realpolitik.ingest import EventCoder

SEED = (
    Path(os.environ.get("REALPOLITIK_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "seed"
    / "putin-plan-b-on-iran.txt"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=100, help="copies of the seed article")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (best is reported)")
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    text = "\n\n".join([seed] * args.repeat)

    t0 = time.perf_counter()
    coder = EventCoder()
    build = time.perf_counter() - t0
    n_sentences = coder.count_sentences(text)

    best = best_cpu = float("inf")
    n_events = 0
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        n_events = len(coder.code(text))
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)

    t0, c0 = time.perf_counter(), time.process_time()
    coder.count_sentences(text)
    split_only = time.perf_counter() - t0
    split_cpu = time.process_time() - c0

    rate = n_sentences / best
    print(f"{'what':<36}{'value':>14}")
    print(f"{'pipeline build (s)':<36}{build:>14.2f}")
    print(f"{'sentences':<36}{n_sentences:>14,}")
    print(f"{'events':<36}{n_events:>14,}")
    print(f"{'coding time, best of ' + str(args.rounds) + ' (s)':<36}{best:>14.3f}")
    print(f"{'sentences / s (full coder)':<36}{rate:>14,.0f}")
    print(f"{'sentences / s (split only)':<36}{n_sentences / split_only:>14,.0f}")
    cpu_rate = n_sentences / best_cpu
    print(f"{'sentences / CPU s (full coder)':<36}{cpu_rate:>14,.0f}")
    print(f"{'sentences / CPU s (split only)':<36}{n_sentences / split_cpu:>14,.0f}")
    print()
    print(f"{'ratio to target 2,000/s (CPU)':<36}{cpu_rate / 2000:>14.2f}")
    print(f"{'ratio to TABARI (~1,500/s, CPU)':<36}{cpu_rate / 1500:>14.2f}")
    print(f"{'ratio to PETRARCH2 (~150/s, CPU)':<36}{cpu_rate / 150:>14.2f}")
    print(f"{'ratio to target 2,000/s (wall)':<36}{rate / 2000:>14.2f}")


if __name__ == "__main__":
    main()

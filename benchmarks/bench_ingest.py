"""Sentences per second of the event coder on a long text (the seed article repeated).

Run: ``python benchmarks/bench_ingest.py [--repeat N]``. Prints a table and the ratio to the
reference coders' published speeds (TABARI about 1,000-2,000 sentences/s, PETRARCH2 about 150
plus its parser). Single process, one core.
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

    best = float("inf")
    n_events = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_events = len(coder.code(text))
        best = min(best, time.perf_counter() - t0)

    t0 = time.perf_counter()
    coder.count_sentences(text)
    split_only = time.perf_counter() - t0

    rate = n_sentences / best
    print(f"{'what':<36}{'value':>14}")
    print(f"{'pipeline build (s)':<36}{build:>14.2f}")
    print(f"{'sentences':<36}{n_sentences:>14,}")
    print(f"{'events':<36}{n_events:>14,}")
    print(f"{'coding time, best of ' + str(args.rounds) + ' (s)':<36}{best:>14.3f}")
    print(f"{'sentences / s (full coder)':<36}{rate:>14,.0f}")
    print(f"{'sentences / s (spaCy pipeline only)':<36}{n_sentences / split_only:>14,.0f}")
    print()
    print(f"{'ratio to target 2,000/s':<36}{rate / 2000:>14.2f}")
    print(f"{'ratio to TABARI (~1,500/s)':<36}{rate / 1500:>14.2f}")
    print(f"{'ratio to PETRARCH2 (~150/s)':<36}{rate / 150:>14.2f}")


if __name__ == "__main__":
    main()

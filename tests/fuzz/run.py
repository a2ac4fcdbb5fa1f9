"""``make fuzz``: many mutated files through the command line, in this process.

Usage: ``python -m tests.fuzz.run [--cases N] [--seed S] [--max-actors K] [--keep DIR]``. The seed
rotates (it defaults to the current time) and is printed, so that any run can be replayed; the
cases that break the promise are written to ``--keep`` (``fuzz-failures/``) to reproduce them.
Exit code 1 when any case broke the promise.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .generator import Case, case_number, configure
from .harness import TIME_LIMIT, WALL_LIMIT, Outcome, run_case


def _one(job: tuple[int, int, int, str]) -> Outcome:
    """Case ``k`` of the run of ``seed``, made and run in this process."""
    k, seed, max_actors, tmp = job
    configure(max_actors=max_actors)
    return run_case(case_number(seed, k), Path(tmp))


def replay(folder: Path) -> int:
    """Run every file kept by an earlier run again; print what still breaks the promise."""
    broken = 0
    with tempfile.TemporaryDirectory(prefix="realpolitik-fuzz-") as tmp:
        for path in sorted(folder.iterdir()):
            outcome = run_case(Case(path.name, path.read_bytes(), ["replay"]), Path(tmp))
            status = "FAIL" if outcome.failures else "ok"
            broken += bool(outcome.failures)
            times = ", ".join(
                f"{k} {v:.1f} s ({outcome.cpu[k]:.1f} s CPU) exit {outcome.exits[k]}"
                for k, v in outcome.seconds.items()
            )
            print(
                f"{status} {path.name}: {times}" + "".join(f"\n    {f}" for f in outcome.failures)
            )
    return 1 if broken else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=None, help="default: the current time")
    parser.add_argument(
        "--max-actors", type=int, default=200, help="largest grown scenario run (1000: slow)"
    )
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (in-process CLI)")
    parser.add_argument("--replay", type=Path, default=None, help="rerun the files of a folder")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.replay)
    seed = int(time.time()) if args.seed is None else args.seed
    print(
        f"fuzz: {args.cases:,} cases, seed {seed}, time limit {TIME_LIMIT:.0f} s of CPU "
        f"({WALL_LIMIT:.0f} s of wall clock) per command"
    )
    exits: collections.Counter[tuple[str, int]] = collections.Counter()
    seconds: dict[str, list[float]] = collections.defaultdict(list)
    cpu: dict[str, list[float]] = collections.defaultdict(list)
    kinds: collections.Counter[str] = collections.Counter()
    failed = []
    start, start_cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="realpolitik-fuzz-") as tmp:
        work = [(k, seed, args.max_actors, tmp) for k in range(args.cases)]
        if args.jobs > 1:
            pool = multiprocessing.get_context("fork").Pool(args.jobs)
            results = pool.imap(_one, work, chunksize=20)
        else:
            results = map(_one, work)
        for k, outcome in enumerate(results):
            case = outcome.case
            for label, code in outcome.exits.items():
                exits[(label, code)] += 1
                seconds[label].append(outcome.seconds[label])
                cpu[label].append(outcome.cpu[label])
            if outcome.failures:
                failed.append(outcome)
                for f in outcome.failures:
                    kinds[f.split(":", 2)[1].strip().split(" ")[0]] += 1
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / case.name).write_bytes(case.data)
                print(f"FAIL {case.describe()}\n    " + "\n    ".join(outcome.failures))
            if (k + 1) % 1000 == 0:
                print(f"  {k + 1:,} cases, {time.perf_counter() - start:.0f} s", flush=True)
    total = time.perf_counter() - start
    # The CPU time of this process (and, with --jobs, of the workers that finished).
    total_cpu = time.process_time() - start_cpu
    if args.jobs > 1:
        total_cpu = sum(sum(v) for v in cpu.values())
    print(
        f"\n{args.cases:,} cases in {total:.0f} s wall, {total_cpu:.0f} s CPU "
        f"({args.cases / total:.1f} cases/s), seed {seed}"
    )
    print(
        f"{'command':<14}{'runs':>8}{'exit 0':>8}{'exit 2':>8}{'other':>7}{'p50 s':>8}"
        f"{'p99 s':>8}{'max s':>8}{'max CPU':>9}"
    )
    for label, times in seconds.items():
        t = np.array(times)
        zero, two = exits[(label, 0)], exits[(label, 2)]
        print(
            f"{label:<14}{len(t):>8,}{zero:>8,}{two:>8,}{len(t) - zero - two:>7,}"
            f"{np.percentile(t, 50):>8.3f}{np.percentile(t, 99):>8.3f}{t.max():>8.2f}"
            f"{max(cpu[label]):>9.2f}"
        )
    print(f"cases that broke the promise: {len(failed)}" + (f" ({dict(kinds)})" if kinds else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

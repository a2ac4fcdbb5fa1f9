"""Start-up cost: whole processes of small commands, this tree against an older one.

Each case is a fresh interpreter, timed as the user feels it (wall) and as the machine pays for
it (user + system CPU of the child, from ``getrusage``). The medians of several repetitions are
printed side by side with the ratio old / new. Run with

    .venv/bin/python benchmarks/bench_startup.py [--old /tmp/old-main/src] [--repeat 7]

``--old`` is the ``src`` folder of the code to compare with, e.g. a pristine worktree of main
(``git worktree add /tmp/old-main <commit>``); without it only this tree is timed. Both run with
the same interpreter and installed libraries; only ``PYTHONPATH`` differs. The new tree's
commands record their runs in a temporary run store, and that write is part of their time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "src"
SHARED = Path(os.environ.get("REALPOLITIK_SHARED", HERE.parents[1] / "shared"))
KTAB80 = SHARED / "data" / "ktab" / "dummyData-a080.csv"

CLI = "import sys; from realpolitik.cli import main; sys.argv[0] = 'realpolitik'; main()"


def cases() -> list[tuple[str, list[str]]]:
    out = [
        ("python -c 'import realpolitik'", ["-c", "import realpolitik"]),
        (
            "import + forecast + load_scenario",
            ["-c", "from realpolitik import forecast, load_scenario"],
        ),
        ("realpolitik --help", ["-c", CLI, "--help"]),
        ("realpolitik forecast", ["-c", CLI, "forecast"]),
        ("realpolitik forecast --help", ["-c", CLI, "forecast", "--help"]),
        ("realpolitik network", ["-c", CLI, "network"]),
        ("realpolitik montecarlo -n 200", ["-c", CLI, "montecarlo", "-n", "200", "--seed", "1"]),
    ]
    if KTAB80.exists():
        out.append(("realpolitik forecast KTAB 80 actors", ["-c", CLI, "forecast", str(KTAB80)]))
    return out


#: The run store of the new tree's commands (they record every run: that cost is counted).
STORE = Path(tempfile.mkdtemp(prefix="bench-startup-")) / "runs.sqlite"


def time_process(args: list[str], src: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python ARGS`` with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src), "REALPOLITIK_STORE": str(STORE)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or b"not recorded" in done.stderr:
        raise SystemExit(f"{args} failed under {src}:\n{done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_times(args: list[str], src: Path, repeat: int) -> tuple[float, float]:
    time_process(args, src)  # warm the file cache and the .pyc files
    runs = [time_process(args, src) for _ in range(repeat)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, default=None, help="src folder of the old code")
    parser.add_argument("--repeat", type=int, default=7, help="repetitions per case")
    args = parser.parse_args()
    trees = [("new", HERE)] + ([("old", args.old)] if args.old else [])
    print(f"start-up, median of {args.repeat} processes; new = {HERE}")
    if args.old:
        print(f"old = {args.old}")
    head = f"{'case':<38} {'new wall':>9} {'new CPU':>8}"
    if args.old:
        head += f" {'old wall':>9} {'old CPU':>8} {'wall ×':>7} {'CPU ×':>6}"
    print(head)
    print("-" * len(head))
    for label, argv in cases():
        results = {name: median_times(argv, src, args.repeat) for name, src in trees}
        nw, nc = results["new"]
        line = f"{label:<38} {nw:>8.2f}s {nc:>7.2f}s"
        if args.old:
            ow, oc = results["old"]
            line += f" {ow:>8.2f}s {oc:>7.2f}s {ow / nw:>6.1f}× {oc / nc:>5.1f}×"
        print(line, flush=True)
    print("× = old / new (higher is better for the new tree)")


if __name__ == "__main__":
    main()

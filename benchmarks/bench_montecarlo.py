"""Monte Carlo throughput: ``syria-2020`` in one process, on 2 local worker processes, on Dask.

Usage::

    python benchmarks/bench_montecarlo.py [-n 10000] [--seed 1] [--model eum] [--tree-runs 0]
                                          [--workers 2]

Every run forecasts all issues of the built-in scenario with the model (``eum`` by default)
over perturbed inputs. The target is 10,000 runs in under 10 s on 2 cores; the table gives each
engine's time for ``n`` runs and that time over the 10 s target (below 1 meets it), its CPU
time (this process and its waited-for children: the ``process`` engine's workers are counted,
Dask's nanny-spawned workers are not), and its speed-up over one process (wall). The
``process`` row is ``engine="process"`` with ``--workers`` worker processes, their start-up
included in its time (it is paid on every call). The Dask
row runs on a ``LocalCluster(n_workers=2, threads_per_worker=1)`` of processes (started with
``realpolitik.simulate._dask.local_cluster``, which tunes the workers' malloc), started before
the clock (its start-up time is shown apart), and checks that its numbers equal the local ones.
``--tree-runs N`` adds a row for N runs that also solve the ``soleimani`` escalation tree (one
engine forecast per distinct outcome, so about 8 times the work per run).
"""

from __future__ import annotations

import argparse
import os
import resource
import time

import numpy as np

from realpolitik.scenario import load_scenario
from realpolitik.simulate.montecarlo import MonteCarloResult, run_montecarlo

TARGET_RUNS, TARGET_SECONDS = 10_000, 10.0


def identical(a: MonteCarloResult, b: MonteCarloResult) -> bool:
    return all(
        np.array_equal(getattr(a, k), getattr(b, k), equal_nan=True)
        for k in ("inputs_", "forecasts_")
    )


def cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=TARGET_RUNS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", default="eum")
    parser.add_argument("--tree-runs", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    s = load_scenario("syria-2020")
    rows = []
    c0, t0 = cpu_seconds(), time.perf_counter()
    local = run_montecarlo(s, args.n, seed=args.seed, model=args.model)
    t_local = time.perf_counter() - t0
    rows.append(("local (1 process)", args.n, t_local, cpu_seconds() - c0, "", "reference"))

    c0, t0 = cpu_seconds(), time.perf_counter()
    in_processes = run_montecarlo(
        s, args.n, seed=args.seed, model=args.model, engine="process", workers=args.workers
    )
    t_proc = time.perf_counter() - t0
    same = "yes" if identical(local, in_processes) else "NO"
    rows.append(
        (f"process, {args.workers} workers", args.n, t_proc, cpu_seconds() - c0, "incl.", same)
    )

    try:
        from dask.distributed import Client

        from realpolitik.simulate._dask import local_cluster
    except ImportError:
        rows.append(("dask", args.n, float("nan"), float("nan"), "", "dask missing: [dask] extra"))
    else:
        t0 = time.perf_counter()
        with (
            local_cluster(n_workers=2) as cluster,
            Client(cluster) as client,
        ):
            client.run(lambda: __import__("realpolitik.engine.eum"))  # warm the workers
            startup = time.perf_counter() - t0
            t0 = time.perf_counter()
            on_dask = run_montecarlo(
                s, args.n, seed=args.seed, model=args.model, engine="dask", scheduler=client
            )
            t_dask = time.perf_counter() - t0
        same = "yes" if identical(local, on_dask) else "NO"
        rows.append(
            ("dask LocalCluster 2 workers", args.n, t_dask, float("nan"), f"{startup:.1f} s", same)
        )

    if args.tree_runs:
        c0, t0 = cpu_seconds(), time.perf_counter()
        run_montecarlo(s, args.tree_runs, seed=args.seed, model=args.model, tree="soleimani")
        rows.append(
            (
                "local + tree soleimani",
                args.tree_runs,
                time.perf_counter() - t0,
                cpu_seconds() - c0,
                "",
                "",
            )
        )

    print(
        f"Monte Carlo of syria-2020, model {args.model}, all issues "
        f"({os.cpu_count()} cores; target {TARGET_RUNS:,} runs in {TARGET_SECONDS:g} s)"
    )
    header = (
        f"{'engine':<30}{'runs':>8}{'seconds':>10}{'CPU s':>8}{'runs/s':>10}{'speed-up':>10}"
        f"{'10k-run time / target':>24}{'start-up':>10}  same numbers as local"
    )
    print(header)
    print("-" * len(header))
    for name, n, secs, cpu, startup, same in rows:
        rate = n / secs if secs == secs and secs > 0 else float("nan")
        ratio = (TARGET_RUNS / rate) / TARGET_SECONDS if rate == rate else float("nan")
        speedup = t_local / secs if n == args.n and secs == secs else float("nan")
        print(
            f"{name:<30}{n:>8,}{secs:>10.2f}{cpu:>8.1f}{rate:>10,.0f}{speedup:>9.2f}×"
            f"{ratio:>24.2f}{startup:>10}  {same}"
        )


if __name__ == "__main__":
    main()

"""A recording process killed (SIGKILL) at random points leaves the store consistent.

The writer is a subprocess that records runs as fast as it can, each with thousands of position
rows, so that a kill lands inside a transaction most of the time. After every kill the store
must open, pass SQLite's integrity check and ours (every run has all the rows it says it has),
hold only whole runs, and accept new runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from realpolitik.store import RunStore

WRITER = textwrap.dedent(
    """
    import sys
    from realpolitik.store import RunRecord, RunStore

    store = RunStore(sys.argv[1])
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        store.add(RunRecord(
            command="forecast", source="k.yaml", scenario_text=f"title: k{i % 3}\\n",
            scenario_format="yaml", scenario_title="k", version="0.1.0", models=["eum"],
            options={"i": i}, seed=i, argv=["forecast", "@scenario"],
            results={"i": i, "values": list(range(200))},
            positions=[("eum", r, f"a{a}", "x", float(r + a)) for r in range(20)
                       for a in range(150)],
            offers=[("eum", 1, "x", f"a{a}", "a0", "compromise", 1.0, 2.0) for a in range(300)],
        ))
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_at_random_points_leaves_whole_runs(tmp_path, global_seed):
    path = tmp_path / "runs.sqlite"
    rng = np.random.default_rng(global_seed)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    n_runs = 0
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(float(rng.uniform(0.05, 0.8)))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        store = RunStore(path)  # opens (rolls back a torn transaction) and migrates
        assert store.check() == []
        runs = store.list_runs()
        assert len(runs) >= n_runs  # nothing committed before is lost
        n_runs = len(runs)
        for summary in runs[:2]:
            rec = store.get(summary.id)
            assert len(rec.positions) == 3000 and len(rec.offers) == 300
            assert rec.results["values"] == list(range(200))
    assert n_runs > 0, "the writer never committed a run: the kills came too early"
    assert RunStore(path).add(RunStore(path).get(1)) == n_runs + 1


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killing_the_forecast_command_leaves_the_store_consistent(tmp_path, global_seed):
    path = tmp_path / "runs.sqlite"
    rng = np.random.default_rng(global_seed + 1)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "REALPOLITIK_STORE": str(path)}
    code = "from realpolitik.cli import main; main()"
    args = ["forecast", "--trace", "--format", "json"]
    # First a whole run, to know how long one takes here.
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True)
    took = time.perf_counter() - t0
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], env=env, stdout=subprocess.DEVNULL
        )
        time.sleep(float(rng.uniform(0.5, 1.0)) * took)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        store = RunStore(path)
        assert store.check() == []
        for summary in store.list_runs():
            rec = store.get(summary.id)
            assert rec.command == "forecast" and len(rec.positions) > 0

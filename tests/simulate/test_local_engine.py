"""The local multi-process Monte Carlo engine, and --out written a block of runs at a time."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import InputError
from realpolitik.scenario import load_scenario
from realpolitik.simulate._local import check_workers, divmod_chunk, iter_chunks
from realpolitik.simulate.montecarlo import MonteCarloResult, run_montecarlo

FIELDS = (
    "inputs_",
    "forecasts_",
    "paths_",
    "outcomes_",
    "payoffs_",
    "choices_",
    "outcome_payoffs_",
)


def assert_bit_identical(a: MonteCarloResult, b: MonteCarloResult) -> None:
    for name in FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if x is None:
            assert y is None, name
            continue
        # Bit for bit: the same bytes, NaNs included.
        assert x.dtype == y.dtype and x.shape == y.shape, name
        assert x.tobytes() == y.tobytes(), name
    assert a.seed == b.seed


@pytest.mark.slow
def test_worker_processes_give_one_process_numbers_bit_for_bit(global_seed):
    s = load_scenario("syria-2020")
    one = run_montecarlo(s, 30, seed=global_seed, tree="soleimani")
    # Small chunks over 2 workers: chunks finish out of order and are stored by run index.
    many = run_montecarlo(
        s, 30, seed=global_seed, tree="soleimani", engine="process", workers=2, chunk_size=4
    )
    assert_bit_identical(one, many)


def test_process_engine_without_a_tree_and_one_worker(global_seed):
    s = load_scenario("syria-2020")
    one = run_montecarlo(s, 50, seed=global_seed, model="eum", chunk_size=50)
    done = []
    two = run_montecarlo(
        s,
        50,
        seed=global_seed,
        model="eum",
        engine="process",
        workers=2,
        chunk_size=9,
        progress=lambda k, n: done.append((k, n)),
    )
    assert_bit_identical(one, two)
    assert done[-1] == (50, 50) and len(done) == 6  # one call per chunk, ending at n
    solo = run_montecarlo(s, 20, seed=global_seed, model="mean", engine="process", workers=1)
    assert_bit_identical(run_montecarlo(s, 20, seed=global_seed, model="mean"), solo)


def test_iter_chunks_yields_every_chunk_once():
    chunks = [(0, 3), (3, 5), (5, 9), (9, 10)]
    got = dict(iter_chunks(divmod_chunk, 4, chunks, workers=2))
    assert sorted(got) == [0, 1, 2, 3]
    assert got[2] == {"q": [(1, 1), (1, 2), (1, 3), (2, 0)]}  # divmod(5..8, 4)


def test_worker_errors():
    assert check_workers(None) >= 1
    with pytest.raises(InputError, match="workers must be an integer >= 1; got 0"):
        check_workers(0)
    s = load_scenario("syria-2020")
    with pytest.raises(InputError, match="workers are only used with engine 'process'"):
        run_montecarlo(s, 5, seed=1, model="mean", workers=2)
    with pytest.raises(InputError, match="engine must be 'local', 'process' or 'dask'"):
        run_montecarlo(s, 5, seed=1, model="mean", engine="threads")  # type: ignore[arg-type]


def test_cli_process_engine_prints_the_local_numbers():
    runner = CliRunner()
    base = ["montecarlo", "-n", "40", "--seed", "3", "--model", "mean", "--format", "json"]
    local = runner.invoke(app, base)
    proc = runner.invoke(app, [*base, "--engine", "process", "--workers", "2"])
    assert local.exit_code == 0 and proc.exit_code == 0, proc.output
    assert json.loads(local.stdout) == json.loads(proc.stdout)


def test_out_is_written_block_by_block(tmp_path, monkeypatch):
    import realpolitik.cli._montecarlo as mc_cli

    monkeypatch.setattr(mc_cli, "ROWS_PER_BLOCK", 7)  # 30 runs: blocks of 7, 7, 7, 7, 2
    runner = CliRunner()
    args = ["montecarlo", "-n", "30", "--seed", "5", "--model", "mean", "--no-save"]
    csv_path = tmp_path / "runs.csv"
    assert runner.invoke(app, [*args, "--out", str(csv_path)]).exit_code == 0
    whole = run_montecarlo(load_scenario("syria-2020"), 30, seed=5, model="mean").runs_frame()
    expected = io.StringIO()
    whole.to_csv(expected, index=False)
    assert csv_path.read_text(encoding="utf-8") == expected.getvalue()

    pq = pytest.importorskip("pyarrow.parquet")
    pq_path = tmp_path / "runs.parquet"
    assert runner.invoke(app, [*args, "--out", str(pq_path)]).exit_code == 0
    meta = pq.ParquetFile(pq_path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [7, 7, 7, 7, 2]
    back = pd.read_parquet(pq_path)
    pd.testing.assert_frame_equal(back, whole)
    assert np.array_equal(back["run"].to_numpy(), np.arange(30))


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_both_start_methods_give_the_same_numbers(method, monkeypatch, global_seed):
    import multiprocessing

    import realpolitik.simulate._local as local

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    monkeypatch.setattr(local, "start_method", lambda: method)
    s = load_scenario("syria-2020")
    one = run_montecarlo(s, 24, seed=global_seed, model="mean", chunk_size=24)
    two = run_montecarlo(
        s, 24, seed=global_seed, model="mean", engine="process", workers=2, chunk_size=5
    )
    assert_bit_identical(one, two)

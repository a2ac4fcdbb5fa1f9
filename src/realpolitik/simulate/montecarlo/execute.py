"""Running a study: check the arguments, run the chunks locally or on Dask, keep the results.

The numbers depend on ``seed`` and ``n_runs`` only, never on the chunk size, the number of
processes or Dask (each run draws from its own generator, :func:`.plan.run_chunk`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import numpy as np

from realpolitik._types import SeedLike
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import InputError
from realpolitik.scenario.model import EscalationTree, Scenario
from realpolitik.simulate.escalation import DEFAULT_LAMBDA
from realpolitik.simulate.montecarlo.plan import MonteCarloPlan, make_plan, run_chunk
from realpolitik.simulate.montecarlo.result import MonteCarloResult
from realpolitik.simulate.outcomes import headline_forecast

Engine = Literal["local", "process", "dask"]
#: Quantile levels (percent) reported for every output.
DEFAULT_LEVELS: tuple[float, ...] = (5.0, 50.0, 95.0)
#: Engine states per chunk (runs × worlds); about where the EUM engine is fastest per state.
STATES_PER_CHUNK = 512
#: Most runs of one study: every run's inputs and outputs are kept in memory (about 1 KB per
#: run for the built-in scenario's 130 inputs, 2-3 KB with a tree), and 10,000 runs already
#: pin the 5-95 % quantiles to a fraction of a point.
MAX_RUNS = 1_000_000


def _chunks(n_runs: int, chunk_size: int) -> list[tuple[int, int]]:
    return [(s, min(s + chunk_size, n_runs)) for s in range(0, n_runs, chunk_size)]


def _store(
    merged: dict[str, np.ndarray], part: Mapping[str, np.ndarray], start: int, stop: int, n: int
) -> None:
    """Copy one chunk's results into rows ``start:stop`` of ``n``-run arrays (made on first use)."""
    for key, values in part.items():
        if key not in merged:
            merged[key] = np.empty((n, *values.shape[1:]), dtype=values.dtype)
        merged[key][start:stop] = values


def check_runs(n_runs: object) -> int:
    """Return ``n_runs`` as an int if it is a valid number of runs (1 to :data:`MAX_RUNS`).

    Raises
    ------
    InputError
        Otherwise, saying what is allowed.

    Examples
    --------
    >>> check_runs(10_000)
    10000
    >>> check_runs(2_000_000)
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.InputError: at most 1,000,000 runs; got 2,000,000 (every run's ...
    """
    if isinstance(n_runs, bool) or not isinstance(n_runs, int | np.integer) or n_runs < 1:
        raise InputError(f"the number of runs must be an integer >= 1; got {n_runs!r}")
    if n_runs > MAX_RUNS:
        raise InputError(
            f"at most {MAX_RUNS:,} runs; got {int(n_runs):,} (every run's inputs and outputs "
            "are kept in memory, and 10,000 runs already pin the 5-95 % quantiles closely)"
        )
    return int(n_runs)


def run_montecarlo(
    scenario: Scenario,
    n_runs: int,
    seed: SeedLike | None = None,
    shocks: Sequence[str] = (),
    tree: str | EscalationTree | None = None,
    model: str = HEADLINE_MODEL,
    engine: Engine = "local",
    scheduler: Any = None,
    chunk_size: int | None = None,
    lam: float = DEFAULT_LAMBDA,
    options: Mapping[str, Any] | None = None,
    levels: Sequence[float] = DEFAULT_LEVELS,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> MonteCarloResult:
    """Run ``n_runs`` forecasts (and tree solutions) over uncertain inputs.

    Parameters
    ----------
    scenario : Scenario
    n_runs : int
        Number of runs, from 1 to :data:`MAX_RUNS` (1,000,000).
    seed : int or SeedSequence, optional
        The root seed; run ``k`` uses ``SeedSequence(seed).spawn(n_runs)[k]``. None draws fresh
        entropy (reported as :attr:`MonteCarloResult.seed`, which reproduces the runs).
    shocks : sequence of str
        Shocks applied to the scenario first; the runs perturb the shocked scenario.
    tree : str or EscalationTree, optional
        An escalation tree to solve in every run (path probabilities with intervals).
    model : str
        The forecasting model (its headline forecast is used).
    engine : {"local", "process", "dask"}
        Where the chunks run: this process, local worker processes, or Dask. Results do not
        depend on it.
    scheduler : str or distributed.Client, optional
        With ``engine="dask"``: the address of a running scheduler, or a Client; None starts
        a local cluster for the call.
    chunk_size : int, optional
        Runs per engine call (memory is bounded by it); by default about
        ``STATES_PER_CHUNK / n_worlds``. Results do not depend on it.
    lam : float
        The logit rationality parameter of the tree.
    options : mapping, optional
        Model options.
    levels : sequence of float
        Quantile levels in percent.
    progress : callable, optional
        Called as ``progress(runs_done, n_runs)`` after each chunk.
    workers : int, optional
        With ``engine="process"``: the number of worker processes (default: one per core).

    Returns
    -------
    MonteCarloResult

    Raises
    ------
    InputError
        For a bad ``n_runs``, ``chunk_size``, ``engine``, seed, tree, model or ``lam``, or a
        missing Dask install with ``engine="dask"``.
    ShockError
        For an unknown shock.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> res = run_montecarlo(load_scenario("syria-2020"), 200, seed=1, model="mean")
    >>> list(res.quantiles_frame().columns)
    ['title', 'mean', '5', '50', '95']
    >>> again = run_montecarlo(load_scenario("syria-2020"), 200, seed=1, model="mean",
    ...                        chunk_size=7)
    >>> bool((res.forecasts_ == again.forecasts_).all())
    True
    """
    n_runs = check_runs(n_runs)
    if engine not in ("local", "process", "dask"):
        raise InputError(f"engine must be 'local', 'process' or 'dask'; got {engine!r}")
    if workers is not None and engine != "process":
        raise InputError("workers are only used with engine 'process' (--engine process)")
    if scheduler is not None and engine != "dask":
        raise InputError("a scheduler is only used with engine 'dask' (--engine dask)")
    lv = tuple(float(x) for x in levels)
    if not lv or any(not 0 <= x <= 100 for x in lv):
        raise InputError(f"quantile levels must be percentages in [0, 100]; got {list(levels)}")
    plan, base = make_plan(scenario, seed, shocks, tree, model, lam, options)
    if chunk_size is None:
        chunk_size = max(1, STATES_PER_CHUNK // plan.arrays.n_worlds)
    if (
        isinstance(chunk_size, bool)
        or not isinstance(chunk_size, int | np.integer)
        or chunk_size < 1
    ):
        raise InputError(f"chunk_size must be an integer >= 1; got {chunk_size!r}")
    chunks = _chunks(n_runs, int(chunk_size))
    name = _forecast_name(plan)  # also checks the model and its options before any run
    if engine in ("dask", "process"):
        # Each chunk's results are stored as they arrive and then dropped (never all gathered).
        if engine == "dask":
            from realpolitik.simulate._dask import iter_chunks as dask_chunks

            parts = dask_chunks(run_chunk, plan, chunks, scheduler=scheduler)
        else:
            from realpolitik.simulate._local import check_workers, iter_chunks

            parts = iter_chunks(run_chunk, plan, chunks, workers=check_workers(workers))
        merged: dict[str, np.ndarray] = {}
        done = 0
        for index, part in parts:
            start, stop = chunks[index]
            _store(merged, part, start, stop, n_runs)
            done += stop - start
            if progress is not None:
                progress(done, n_runs)
    else:
        merged = {}
        done = 0
        for start, stop in chunks:
            # Each chunk's results go straight into the run arrays: the engine's memory is
            # bounded by the chunk size, the kept outputs by n_runs (no concatenated copy).
            _store(merged, run_chunk(plan, start, stop), start, stop, n_runs)
            done += stop - start
            if progress is not None:
                progress(done, n_runs)
    entropy = plan.entropy
    return MonteCarloResult(
        n_runs=n_runs,
        seed=int(entropy) if isinstance(entropy, int | np.integer) else [int(e) for e in entropy],
        model=model,
        forecast_name=name,
        shocks=tuple(shocks),
        levels=lv,
        issue_ids=plan.arrays.issue_ids,
        issue_titles=tuple(i.title for i in base.issues),
        actor_ids=plan.arrays.actor_ids,
        input_names=plan.spec.names,
        game=plan.game,
        lam=plan.lam,
        inputs_=merged["inputs"],
        forecasts_=merged["forecasts"],
        paths_=merged.get("paths"),
        outcomes_=merged.get("outcomes"),
        payoffs_=merged.get("payoffs"),
        choices_=merged.get("choices"),
        outcome_payoffs_=merged.get("outcome_payoffs"),
    )


def _forecast_name(plan: MonteCarloPlan) -> str:
    """The model's headline forecast name (from a run on the unperturbed scenario)."""
    name, _ = headline_forecast(
        plan.arrays.base_state(), plan.arrays.status_quo, plan.model, plan.options
    )
    return name


__all__ = [
    "DEFAULT_LEVELS",
    "MAX_RUNS",
    "STATES_PER_CHUNK",
    "check_runs",
    "run_montecarlo",
]

"""The stability figure: how robust each forecast is to small changes of the inputs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from realpolitik.engine.registry import get_model, model_options
from realpolitik.engine.state import BargainingState
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.model import Scenario

#: The stability figure: draws of small perturbations (positions ±2.5 points, saliences and
#: capabilities ±5 %, uniform: a quarter of the Monte Carlo defaults, differences an analyst
#: could not defend choosing between), and how close a draw must stay to count as stable (the
#: backtest's "within 10 points").
STABILITY_DRAWS = 50
STABILITY_POSITION = 2.5
STABILITY_RELATIVE = 0.05
STABILITY_WITHIN = 10.0
#: The fixed seed of the stability draws (the figure is part of the forecast, so it must not
#: change from one run to the next).
STABILITY_SEED = 0


def stability(
    scenario: Scenario,
    models: Sequence[str],
    point: dict[str, np.ndarray],
    *,
    n_draws: int = STABILITY_DRAWS,
    progress: Callable[[int, int], None] | None = None,
    **options: Any,
) -> dict[str, np.ndarray]:
    """How robust each forecast is to small changes of the inputs.

    Runs every model on ``n_draws`` copies of the scenario whose positions move by up to
    ±:data:`STABILITY_POSITION` points and whose saliences and capabilities move by up to
    ±:data:`STABILITY_RELATIVE` (uniform, fixed seed), in one batch per model, and returns per
    named forecast the share of draws within :data:`STABILITY_WITHIN` points of ``point``
    (NaN where the point forecast is NaN). A share well below 1 says the forecast sits on a
    knife-edge: a small change of the inputs moves it far. ``progress``, when given, is called
    as ``progress(models_done, n_models)`` after each model's batch.

    Examples
    --------
    A lone actor's issue cannot move beyond its own position's noise:

    >>> from realpolitik.forecasting import forecast
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t", "actors": [{"id": "a", "name": "A", "capability": 1}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {"a": {"position": 50,
    ...     "salience": 1}}}]})
    >>> r = forecast(s, model="mean", with_stability=True)
    >>> float(r.stability["mean"][0])
    1.0
    """
    state, _, _ = to_state(scenario)
    sq = status_quo(scenario)
    rng = np.random.default_rng(STABILITY_SEED)
    n = n_draws
    shape = state.position.shape
    pos = np.clip(
        state.position + rng.uniform(-STABILITY_POSITION, STABILITY_POSITION, (n, *shape)),
        0.0,
        100.0,
    )
    lo, hi = 1.0 - STABILITY_RELATIVE, 1.0 + STABILITY_RELATIVE
    sal = np.clip(state.salience * rng.uniform(lo, hi, (n, *shape)), 0.0, 1.0)
    base = state.capability
    top = float(base.max()) if base.size else 0.0
    if top > np.finfo(np.float64).max / hi:
        # Near the largest float (1.8e308) a +5 % draw overflows to inf: divide by the largest
        # first, as the models do (only the ratios of capabilities count).
        base = base / top
    cap = base * rng.uniform(lo, hi, (n, shape[0]))
    aff = None
    if state.affinity is not None:
        aff = np.broadcast_to(state.affinity, (n, *state.affinity.shape)).copy()
    batched = BargainingState(
        position=np.where(state.present, pos, state.position),
        salience=np.where(state.present, sal, state.salience),
        capability=cap,
        present=np.broadcast_to(state.present, (n, *shape)).copy(),
        affinity=aff,
    )
    sqs = np.broadcast_to(sq, (n, len(sq))).copy()
    out: dict[str, np.ndarray] = {}
    for done, name in enumerate(models, start=1):
        taken = {k: v for k, v in options.items() if k in model_options(name)}
        if "record" in model_options(name):
            taken["record"] = False
        run = get_model(name)(batched, status_quo=sqs, **taken)
        for key, draws in run.forecasts.items():
            ref = point[key]
            close = np.abs(np.asarray(draws) - ref[None, :]) <= STABILITY_WITHIN
            out[key] = np.where(np.isfinite(ref), close.mean(axis=0), np.nan)
        if progress is not None:
            progress(done, len(models))
    return out

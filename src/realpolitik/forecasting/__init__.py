"""Forecast a scenario with one or more named models: scenario in, labelled results out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from realpolitik.engine.eum.constants import DEFAULT_MAX_ROUNDS
from realpolitik.engine.eum.models import REL_MAX_ROUNDS
from realpolitik.engine.memo import memoised_forecasts, run_model
from realpolitik.engine.registry import ModelRun, model_options
from realpolitik.engine.state import BargainingState
from realpolitik.forecasting.comparison import Comparison
from realpolitik.forecasting.model_selection import BASELINES, UnknownModelError, resolve_models
from realpolitik.forecasting.numerics import NonFiniteError, check_finite, conditioned
from realpolitik.forecasting.result import NASH_SQ_TOL as NASH_SQ_TOL
from realpolitik.forecasting.result import ForecastResult, Offer
from realpolitik.forecasting.robustness import STABILITY_DRAWS as STABILITY_DRAWS
from realpolitik.forecasting.robustness import STABILITY_POSITION as STABILITY_POSITION
from realpolitik.forecasting.robustness import STABILITY_RELATIVE as STABILITY_RELATIVE
from realpolitik.forecasting.robustness import STABILITY_SEED as STABILITY_SEED
from realpolitik.forecasting.robustness import STABILITY_WITHIN as STABILITY_WITHIN
from realpolitik.forecasting.robustness import stability
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.limits import check_model, check_work, model_work
from realpolitik.scenario.limits import current as current_limits
from realpolitik.scenario.model import Scenario


def _rounds_cap(model: str, options: dict[str, Any]) -> int:
    """The most rounds ``model`` may run: ``max_rounds`` when given, else the model's own cap."""
    if "max_rounds" in options and options["max_rounds"] is not None:
        return int(options["max_rounds"])
    return REL_MAX_ROUNDS if model == "eum-rel" else DEFAULT_MAX_ROUNDS


def _work(
    state: BargainingState,
    names: Sequence[str],
    n_actors: int,
    n_issues: int,
    options: dict[str, Any],
    with_stability: bool,
) -> dict[str, int]:
    """Per model, the actor-pair rounds a forecast may take (see :func:`limits.model_work`)."""
    related = state.affinity is not None and bool(np.any(state.affinity != 0))
    draws = 1 + (STABILITY_DRAWS if with_stability else 0)
    return {
        name: draws
        * model_work(name, n_actors, n_issues, _rounds_cap(name, options), related=related)
        for name in names
    }


def stability_fits(
    scenario: Scenario, model: str | Sequence[str] | None = None, **options: Any
) -> bool:
    """Whether :func:`forecast` with the stability figure stays within the work limit.

    The command line turns the stability figure on by default only when it fits, so that a
    default forecast is never refused for a figure the user did not ask for.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> stability_fits(load_scenario("syria-2020"))
    True
    """
    names = resolve_models(model)
    state, actors, issues = to_state(scenario)
    work = _work(state, names, len(actors), len(issues), options, True)
    return sum(work.values()) <= current_limits().max_work * 1e6


def forecast(
    scenario: Scenario,
    model: str | Sequence[str] | None = None,
    *,
    with_stability: bool = False,
    progress: Callable[[int, int], None] | None = None,
    **options: Any,
) -> ForecastResult:
    """Forecast every issue of ``scenario`` with the baselines and the models asked for.

    Parameters
    ----------
    scenario : Scenario
    model : str or list of str, optional
        Model names (see :func:`realpolitik.engine.available_models`); the baselines ``mean``
        and ``median`` are always included. ``None`` runs every registered model.
    with_stability : bool
        Also compute every forecast's stability (:func:`stability`).
    progress : callable, optional
        Called as ``progress(steps_done, n_steps)`` after each model (and each model's
        stability batch).
    **options
        Passed to the models that take them (``variant``, ``max_rounds``, ``tol``, ``record``);
        an option no chosen model takes is an error.

    Returns
    -------
    ForecastResult

    Examples
    --------
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t", "actors": [
    ...     {"id": "a", "name": "A", "capability": 1}, {"id": "b", "name": "B", "capability": 3}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {
    ...         "a": {"position": 0, "salience": 1}, "b": {"position": 100, "salience": 1}}}]})
    >>> float(forecast(s, model="mean").forecasts["mean"][0])
    75.0
    """
    names = resolve_models(model)
    unused = set(options) - {o for name in names for o in model_options(name)}
    if unused:
        raise UnknownModelError(
            f"option(s) {', '.join(sorted(unused))} are not taken by any of the models "
            f"{', '.join(names)}; models that move actors (eum) take them"
        )
    state, actors, issues = to_state(scenario)
    n_rounds = int(options.get("max_rounds", 10))
    source = f"scenario {scenario.title!r}"
    for name in names:
        check_model(name, len(actors), len(issues), n_rounds, source)
    work = _work(state, names, len(actors), len(issues), options, with_stability)
    check_work(work, len(actors), len(issues), source)
    state = conditioned(state)
    sq = status_quo(scenario)
    forecasts: dict[str, np.ndarray] = {}
    runs: dict[str, ModelRun] = {}
    n_steps = len(names) * (2 if with_stability else 1)
    for step, name in enumerate(names, start=1):
        taken = {k: v for k, v in options.items() if k in model_options(name)}
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            run = run_model(name, state, status_quo=sq, **taken)
        runs[name] = run
        forecasts.update(run.forecasts)
        if progress is not None:
            progress(step, n_steps)
    check_finite(scenario, issues, forecasts, runs)
    shares: dict[str, np.ndarray] = {}
    if with_stability:

        def after(done: int, total: int) -> None:
            if progress is not None:  # the stability batches follow the models' steps
                progress(len(names) + done, n_steps)

        shares = stability(
            scenario, names, forecasts, progress=None if progress is None else after, **options
        )
    return ForecastResult(scenario, actors, issues, forecasts, runs, shares)


def compare(
    scenario: Scenario,
    shocks: Sequence[str],
    model: str | Sequence[str] | None = None,
    **options: Any,
) -> Comparison:
    """Forecast ``scenario`` and a copy with ``shocks`` applied in order, side by side.

    Raises
    ------
    ShockError
        For an unknown shock, or an edit naming an unknown actor or issue.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> c = compare(load_scenario("syria-2020"), ["iran-support-lost"], model="mean")
    >>> c.summary().startswith("Under iran-support-lost, the largest change is on")
    True
    """
    from realpolitik.scenario.shocks import apply_shocks

    if not shocks:
        raise UnknownModelError("name at least one shock to compare against the baseline")
    shocked_scenario = apply_shocks(scenario, shocks)
    return Comparison(
        baseline=forecast(scenario, model, **options),
        shocked=forecast(shocked_scenario, model, **options),
        shocks=list(shocks),
    )


__all__ = [
    "BASELINES",
    "Comparison",
    "ForecastResult",
    "NonFiniteError",
    "Offer",
    "UnknownModelError",
    "check_finite",
    "conditioned",
    "compare",
    "forecast",
    "memoised_forecasts",
    "resolve_models",
    "stability",
    "stability_fits",
]

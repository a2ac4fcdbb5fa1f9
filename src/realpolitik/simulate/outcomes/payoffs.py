"""Forecasts of the worlds and every actor's payoff at every outcome."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.affinity import relational_utility
from realpolitik.engine.registry import HEADLINE_MODEL, get_model
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError

#: Options given to a model unless the caller sets them (no round-by-round record is needed).
_QUIET_OPTIONS: dict[str, dict[str, Any]] = {"eum": {"record": False}, "eum-rel": {"record": False}}


def model_options(model: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The options passed to ``model``: the caller's, plus ``record=False`` for ``eum``."""
    out = dict(_QUIET_OPTIONS.get(model, {}))
    out.update(options or {})
    return out


def headline_forecast(
    state: BargainingState,
    status_quo: FloatArray,
    model: str = HEADLINE_MODEL,
    options: Mapping[str, Any] | None = None,
) -> tuple[str, FloatArray]:
    """Run ``model`` on a (batched) state and return its headline forecast's name and values.

    Parameters
    ----------
    state : BargainingState
        Any leading batch axes.
    status_quo : ndarray, shape (n_issues,)
    model : str
        A registered model name.
    options : mapping, optional
        Model options (``variant``, ``max_rounds``, ``tol`` for ``eum``).

    Returns
    -------
    name : str
        The headline forecast (the model's first), e.g. ``"eum"``.
    forecast : ndarray, shape (..., n_issues)

    Raises
    ------
    InputError
        For an unknown model or an option the model does not take.
    """
    try:
        fn = get_model(model)
    except KeyError as exc:
        raise InputError(str(exc.args[0])) from None
    run = fn(state, status_quo=status_quo, **model_options(model, options))
    name = next(iter(run.forecasts))
    return name, np.asarray(run.forecasts[name], dtype=np.float64)


def outcome_payoffs(
    position: FloatArray,
    salience: FloatArray,
    present: BoolArray,
    world_forecasts: FloatArray,
    outcome_world: IntArray,
    costs: FloatArray,
    affinity: FloatArray | None = None,
    care: float | None = None,
) -> FloatArray:
    """Every actor's payoff at every outcome.

    ``payoff[..., o, i] = V_i - costs[..., o, i]`` with ``V`` the relational utility
    (:func:`realpolitik.engine.affinity.relational_utility`) of the expected outcomes
    ``expected_outcome(position, salience, present, forecast[world(o)])``, all with the
    **base** positions, saliences and ``affinity``; without ``affinity``, ``V`` is the expected
    outcome alone.

    Parameters
    ----------
    position, salience : ndarray, shape (..., n_actors, n_issues)
        The base scenario's (possibly perturbed) values.
    present : ndarray of bool, shape (..., n_actors, n_issues)
        The base scenario's mask.
    world_forecasts : ndarray, shape (..., n_worlds, n_issues)
    outcome_world : ndarray of int, shape (n_outcomes,)
    costs : ndarray, shape (..., n_outcomes, n_actors)

    Returns
    -------
    ndarray, shape (..., n_outcomes, n_actors)

    Examples
    --------
    One actor at 20 (salience 1) on one issue; two outcomes forecast at 20 and 70, the second
    costing it 0.1:

    >>> outcome_payoffs(np.array([[20.0]]), np.array([[1.0]]), np.array([[True]]),
    ...                 np.array([[20.0], [70.0]]), np.array([0, 1]), np.array([[0.0], [0.1]]))
    array([[1. ],
           [0.4]])
    """
    f = np.take(world_forecasts, outcome_world, axis=-2)  # (..., n_outcomes, n_issues)
    value = expected_outcome(
        position[..., None, :, :], salience[..., None, :, :], present[..., None, :, :], f
    )
    if affinity is not None:
        value = relational_utility(value, np.asarray(affinity)[..., None, :, :], care)
    return value - costs

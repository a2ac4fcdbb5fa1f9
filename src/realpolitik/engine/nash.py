"""The Nash bargaining solution with the status quo as disagreement point.

On each issue with a status quo ``q`` the solution is the position ``x`` that maximises the
weighted product of the actors' gains over the status quo,

``Π_i g_i(x)^(w_i)`` with ``g_i(x) = |q - p_i| - |x - p_i|`` and ``w_i = c_i s_i``,

over the outcomes no bargaining actor (``w_i > 0``) likes less than the status quo (all
``g_i ≥ 0``): the asymmetric Nash solution with linear (city-block) utilities on the 0–100
scale and bargaining power capability × salience. Salience enters as bargaining power, not as
a scale of utility, because a scale factor of ``g_i`` does not move the maximiser.

The individually rational set is the interval ``[max_i (p_i - |q - p_i|), min_i (p_i +
|q - p_i|)]`` clipped to [0, 100]; it always contains ``q``. When actors stand on both sides of
the status quo, or one of them stands on it, the set is the single point ``q``: unanimity
bargaining cannot move, and the solution is the status quo. Otherwise ``log Π`` is concave on
the interval and its maximiser is found by bisection on the (sub)gradient.

Issues without a status quo (NaN) or without an actor get NaN.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from realpolitik._types import BoolArray, FloatArray
from realpolitik.engine.registry import ModelRun, register_model
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError

_BISECTIONS = 80


def nash_bargaining(
    position: FloatArray, weight: FloatArray, present: BoolArray, status_quo: FloatArray
) -> FloatArray:
    """Asymmetric Nash bargaining solution per issue (see the module docstring).

    Parameters
    ----------
    position, weight : ndarray, shape (..., n_actors, n_issues)
        Positions on 0–100 and bargaining powers (capability × salience).
    present : ndarray of bool, shape (..., n_actors, n_issues)
    status_quo : ndarray, shape (..., n_issues)
        The disagreement point; NaN where there is none.

    Returns
    -------
    ndarray, shape (..., n_issues)

    Examples
    --------
    Status quo 0, actors at 60 and 100 with powers 1 and 3: on [60, 100] the product
    ``(120 - x) x^3`` peaks where ``3 (120 - x) = x``, at 90.

    >>> nash_bargaining(np.array([[60.0], [100.0]]), np.array([[1.0], [3.0]]),
    ...                 np.ones((2, 1), bool), np.array([0.0])).round(6)
    array([90.])

    An actor on each side of the status quo blocks any move:

    >>> nash_bargaining(np.array([[20.0], [100.0]]), np.array([[1.0], [1.0]]),
    ...                 np.ones((2, 1), bool), np.array([50.0]))
    array([50.])
    """
    p = np.asarray(position, dtype=np.float64)
    sq = np.asarray(status_quo, dtype=np.float64)
    has_sq = np.isfinite(sq)
    q = np.where(has_sq, sq, 0.0)[..., None, :]
    bargains = present & (weight > 0)
    w = np.where(bargains, weight, 0.0)
    reach = np.abs(q - p)  # the gain of an actor whose ideal point were reached
    lo = np.where(bargains, p - reach, -np.inf).max(axis=-2)
    hi = np.where(bargains, p + reach, np.inf).min(axis=-2)
    qq = q[..., 0, :]
    lo = np.clip(np.where(np.isfinite(lo), lo, qq), 0.0, 100.0)
    hi = np.clip(np.where(np.isfinite(hi), hi, qq), 0.0, 100.0)

    def slope(x: FloatArray) -> FloatArray:
        """Derivative of Σ w_i log g_i at x (the right derivative at kinks)."""
        xs = x[..., None, :]
        gain = reach - np.abs(xs - p)
        direction = np.where(xs >= p, -1.0, 1.0)
        # A gain of 0 (or one so small that w / gain overflows: a subnormal status quo next to
        # an actor) is an infinite slope; only its sign steers the bisection.
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            terms = np.where(w > 0, w * direction / gain, 0.0)
            return terms.sum(axis=-2)

    a, b = lo.copy(), hi.copy()
    for _ in range(_BISECTIONS):
        mid = (a + b) / 2.0
        up = slope(mid) > 0
        a = np.where(up, mid, a)
        b = np.where(up, b, mid)
    x = (a + b) / 2.0
    x = np.where(hi - lo > 1e-9, x, qq)
    any_actor = present.any(axis=-2)
    return np.where(has_sq & any_actor, x, np.nan)


@register_model("nash", "Nash bargaining solution with the status quo as disagreement point")
def _nash_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    # No options of its own; options meant for other models (max_rounds, ...) are ignored, as
    # the baselines do.
    shape = (*state.position.shape[:-2], state.n_issues)
    if status_quo is None:
        sq = np.full(shape, np.nan)
    else:
        sq = np.broadcast_to(np.asarray(status_quo, dtype=np.float64), shape)
        finite = sq[np.isfinite(sq)]
        if finite.size and (finite.min() < 0 or finite.max() > 100):
            raise InputError(
                f"status quo values must lie in [0, 100]; got {finite.min():g} to {finite.max():g}"
            )
    nbs = nash_bargaining(state.position, state.weights(), state.present, sq)
    return ModelRun(forecasts={"nash": nbs})


__all__ = ["nash_bargaining"]

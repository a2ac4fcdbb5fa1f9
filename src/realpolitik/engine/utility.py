"""How good a forecast is for each actor: salience-weighted closeness to its positions."""

from __future__ import annotations

import numpy as np

from realpolitik._types import BoolArray, FloatArray


def expected_outcome(
    position: FloatArray, salience: FloatArray, present: BoolArray, forecast: FloatArray
) -> FloatArray:
    """Each actor's outcome in [0, 1] given forecasts on every issue.

    ``U_i = Σ_k s_ik (1 − |f_k − p_ik| / 100) / Σ_k s_ik`` over the issues ``k`` where actor ``i``
    is present; 1 means every forecast sits on the actor's position, 0 that every one sits at the
    far end of the scale. An actor with no salience anywhere gets NaN. Issues whose forecast is
    NaN (no actor present) are skipped.

    Parameters
    ----------
    position, salience : ndarray, shape (..., n_actors, n_issues)
    present : ndarray of bool, shape (..., n_actors, n_issues)
    forecast : ndarray, shape (..., n_issues)

    Returns
    -------
    ndarray, shape (..., n_actors)

    Examples
    --------
    An actor at 20 (salience 1) and 80 (salience 0.5) with forecasts 40 and 80:

    >>> expected_outcome(np.array([[20.0, 80.0]]), np.array([[1.0, 0.5]]),
    ...                  np.ones((1, 2), bool), np.array([40.0, 80.0]))
    array([0.86666667])
    """
    f = np.asarray(forecast, dtype=np.float64)[..., None, :]
    ok = present & np.isfinite(f)
    s = np.where(ok, salience, 0.0)
    closeness = 1.0 - np.abs(np.where(ok, f, 0.0) - np.where(ok, position, 0.0)) / 100.0
    total = s.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (s * closeness).sum(axis=-1) / total
    return np.where(total > 0, out, np.nan)


__all__ = ["expected_outcome"]

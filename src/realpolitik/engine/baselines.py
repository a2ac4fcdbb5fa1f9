"""Baseline forecasts: the weighted mean ("compromise model") and the weighted median voter.

Both weight each present actor by capability × salience. Where every weight of an issue is zero
(no salience or no capability anywhere) both fall back to equal weights among the present actors,
and an issue with no actor present gets NaN.
"""

from __future__ import annotations

import numpy as np

from realpolitik._types import BoolArray, FloatArray


def _effective_weights(weight: FloatArray, present: BoolArray) -> FloatArray:
    """Weights with the equal-weight fallback for issues whose weights sum to zero."""
    w = np.where(present, weight, 0.0)
    total = w.sum(axis=-2, keepdims=True)
    return np.where(total > 0, w, present.astype(np.float64))


def weighted_mean(position: FloatArray, weight: FloatArray, present: BoolArray) -> FloatArray:
    """Capability × salience weighted mean position per issue.

    Parameters
    ----------
    position, weight : ndarray, shape (..., n_actors, n_issues)
    present : ndarray of bool, shape (..., n_actors, n_issues)

    Returns
    -------
    ndarray, shape (..., n_issues)

    Examples
    --------
    Two actors at 0 and 100 with weights 1 and 3 meet at 75:

    >>> weighted_mean(np.array([[0.0], [100.0]]), np.array([[1.0], [3.0]]),
    ...               np.ones((2, 1), bool))
    array([75.])
    """
    w = _effective_weights(weight, present)
    total = w.sum(axis=-2)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (w * np.where(present, position, 0.0)).sum(axis=-2) / total
    return np.where(total > 0, out, np.nan)


def weighted_median(position: FloatArray, weight: FloatArray, present: BoolArray) -> FloatArray:
    """Weighted median voter position per issue.

    The lower weighted median is the smallest position at which the cumulative weight reaches
    half the total; the upper one the largest position at which the weight from above does.
    The forecast is their midpoint, so that the result does not depend on the direction of the
    scale (two equal actors at 0 and 100 give 50).

    Parameters
    ----------
    position, weight : ndarray, shape (..., n_actors, n_issues)
    present : ndarray of bool, shape (..., n_actors, n_issues)

    Returns
    -------
    ndarray, shape (..., n_issues)

    Examples
    --------
    >>> pos = np.array([[10.0], [40.0], [90.0]])
    >>> weighted_median(pos, np.array([[1.0], [1.0], [3.0]]), np.ones((3, 1), bool))
    array([90.])
    >>> weighted_median(pos, np.array([[1.0], [1.0], [1.0]]), np.ones((3, 1), bool))
    array([40.])
    """
    w = _effective_weights(weight, present)
    # Absent actors sort to the end with zero weight; they never reach the half-way mark.
    key = np.where(present, position, np.inf)
    order = np.argsort(key, axis=-2, kind="stable")
    pos_sorted = np.take_along_axis(np.where(present, position, np.nan), order, axis=-2)
    w_sorted = np.take_along_axis(w, order, axis=-2)
    total = w_sorted.sum(axis=-2, keepdims=True)
    half = total / 2.0
    eps = 1e-12 * np.maximum(total, 1.0)
    cum_low = np.cumsum(w_sorted, axis=-2)
    cum_high = np.flip(np.cumsum(np.flip(w_sorted, axis=-2), axis=-2), axis=-2)
    lo_idx = np.argmax((cum_low >= half - eps) & (w_sorted > 0), axis=-2)
    reach_high = (cum_high >= half - eps) & (w_sorted > 0)
    n = w_sorted.shape[-2]
    hi_idx = n - 1 - np.argmax(np.flip(reach_high, axis=-2), axis=-2)
    lo = np.take_along_axis(pos_sorted, lo_idx[..., None, :], axis=-2)[..., 0, :]
    hi = np.take_along_axis(pos_sorted, hi_idx[..., None, :], axis=-2)[..., 0, :]
    out = (lo + hi) / 2.0
    return np.where(total[..., 0, :] > 0, out, np.nan)


__all__ = ["weighted_mean", "weighted_median"]

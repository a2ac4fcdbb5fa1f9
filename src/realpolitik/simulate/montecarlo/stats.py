"""Summaries over the runs: quantiles and Spearman's rank correlation (the sensitivity)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from realpolitik._json import json_float as _json_float
from realpolitik._types import FloatArray


def _quantile_dict(values: FloatArray, levels: Sequence[float]) -> dict[str, float | None]:
    q = np.quantile(values, np.asarray(levels) / 100.0, axis=0)
    return {_level(lv): _json_float(v) for lv, v in zip(levels, q, strict=True)}


def _level(level: float) -> str:
    return f"{level:g}"


def rank_correlation(x: FloatArray, y: FloatArray) -> FloatArray:
    """Spearman's rank correlation of every column of ``x`` with every column of ``y``.

    Ties get average ranks; a constant column gives NaN.

    Parameters
    ----------
    x : ndarray, shape (n, p)
    y : ndarray, shape (n, q)

    Returns
    -------
    ndarray, shape (p, q)

    Examples
    --------
    >>> x = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]])
    >>> y = np.array([[1.0], [4.0], [9.0], [3.0]])
    >>> rank_correlation(x, y).round(2)
    array([[0.4],
           [nan]])
    """
    from scipy.stats import rankdata  # here: importing scipy.stats costs 0.7 s at start-up

    def standardised(a: FloatArray) -> FloatArray:
        # Column by column: ranking a whole (n_runs, n_inputs) array at once needs several
        # temporaries of its size (6 times the inputs' memory), one column needs a few of n_runs.
        out = np.empty(a.shape, dtype=np.float64)
        for j in range(a.shape[1]):
            rk = rankdata(a[:, j])
            rk -= rk.mean()
            norm = math.sqrt(float(rk @ rk))
            out[:, j] = rk / norm if norm > 1e-12 else np.nan
        return out

    return np.clip(standardised(x).T @ standardised(y), -1.0, 1.0)


__all__ = ["rank_correlation"]

"""Split-conformal 80 % intervals and prediction sets, calibrated by proposal.

The calibration is grouped: an issue's interval comes from the absolute errors on the issues of
*other* proposals only (leave-one-proposal-out), so that no issue helps calibrate its own
interval and issues of one proposal, which are not independent, never calibrate each other.

With ``n`` calibration errors the half-width is the ``⌈0.8 (n + 1)⌉``-th smallest of them (the
split-conformal quantile), which covers a new exchangeable issue with probability at least 0.8.
The interval is clipped to the 0–100 scale.

The prediction set is the discrete counterpart over the actors' positions: the candidate
outcomes of an issue are the positions its actors take and its reference point; the set holds
the candidates within a radius of the forecast (at least the nearest one), the radius being the
conformal quantile of the distance from the forecast to the candidate nearest the outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from realpolitik._types import BoolArray, FloatArray

#: Nominal coverage of the intervals.
LEVEL = 0.8


def conformal_quantile(scores: FloatArray, level: float = LEVEL) -> float:
    """The split-conformal quantile: the ``⌈level (n + 1)⌉``-th smallest score (inf if n is small).

    Examples
    --------
    >>> conformal_quantile(np.arange(1.0, 10.0))  # n = 9: the 8th smallest
    8.0
    """
    s = np.sort(np.asarray(scores, dtype=np.float64)[np.isfinite(scores)])
    k = int(np.ceil(level * (s.size + 1)))
    return float(s[k - 1]) if 1 <= k <= s.size else float("inf")


def grouped_radii(scores: FloatArray, groups: Sequence[str], level: float = LEVEL) -> FloatArray:
    """Per issue, the conformal quantile of the scores of the other groups (proposals).

    Examples
    --------
    >>> grouped_radii(np.array([1.0, 2.0, 3.0, 10.0]), ["a", "a", "b", "c"], level=0.5)
    array([10., 10.,  2.,  2.])
    """
    g = np.asarray(groups)
    out = np.empty(len(g))
    for p in np.unique(g):
        held = g == p
        out[held] = conformal_quantile(scores[~held], level)
    return out


@dataclass(frozen=True)
class IntervalScore:
    """Coverage and mean width of intervals ``[low, high]`` on the issues where both are known."""

    coverage: float
    width: float
    low: FloatArray
    high: FloatArray


def grouped_intervals(
    forecast: FloatArray, outcome: FloatArray, groups: Sequence[str], level: float = LEVEL
) -> IntervalScore:
    """Leave-one-proposal-out conformal intervals of ``forecast`` and their measured coverage.

    Examples
    --------
    >>> f = np.array([50.0, 50.0, 50.0, 50.0, 50.0])
    >>> y = np.array([40.0, 55.0, 70.0, 50.0, 52.0])
    >>> s = grouped_intervals(f, y, ["a", "b", "c", "d", "e"], level=0.5)
    >>> s.coverage, s.low.tolist()
    (0.6, [45.0, 40.0, 45.0, 40.0, 40.0])
    """
    ok = np.isfinite(forecast) & np.isfinite(outcome)
    err = np.where(ok, np.abs(forecast - outcome), np.nan)
    radius = grouped_radii(err, groups, level)
    low = np.clip(forecast - radius, 0.0, 100.0)
    high = np.clip(forecast + radius, 0.0, 100.0)
    inside = (outcome >= low - 1e-9) & (outcome <= high + 1e-9)
    if not ok.any():
        return IntervalScore(float("nan"), float("nan"), low, high)
    return IntervalScore(
        coverage=float(inside[ok].mean()),
        width=float((high - low)[ok].mean()),
        low=low,
        high=high,
    )


def candidates(position: FloatArray, present: BoolArray, reference: FloatArray) -> list[FloatArray]:
    """Per issue, the distinct candidate outcomes: the actors' positions and the reference point."""
    out = []
    for k in range(position.shape[1]):
        c = position[present[:, k], k]
        if np.isfinite(reference[k]):
            c = np.append(c, reference[k])
        out.append(np.unique(np.round(c, 6)))
    return out


@dataclass(frozen=True)
class SetScore:
    """How prediction sets did: coverage of the nearest candidate, of the outcome, and size.

    Attributes
    ----------
    coverage : float
        Share of issues whose set holds the candidate nearest the outcome.
    exact_coverage : float
        Share whose set holds the outcome itself (within 0.5 points).
    mean_size : float
        Mean number of candidates in a set.
    sets : list of ndarray
    """

    coverage: float
    exact_coverage: float
    mean_size: float
    sets: list[FloatArray]


def prediction_set(forecast: float, cands: FloatArray, radius: float) -> FloatArray:
    """The candidates within ``radius`` of ``forecast``, and at least the nearest one.

    Examples
    --------
    >>> prediction_set(42.0, np.array([0.0, 40.0, 50.0, 100.0]), 9.0).tolist()
    [40.0, 50.0]
    >>> prediction_set(42.0, np.array([0.0, 100.0]), 9.0).tolist()
    [0.0]
    """
    if cands.size == 0 or not np.isfinite(forecast):
        return cands[:0]
    d = np.abs(cands - forecast)
    keep = d <= max(radius, float(d.min())) + 1e-9
    return cands[keep]


def grouped_prediction_sets(
    forecast: FloatArray,
    outcome: FloatArray,
    cands: list[FloatArray],
    groups: Sequence[str],
    level: float = LEVEL,
) -> SetScore:
    """Leave-one-proposal-out conformal prediction sets over the candidates and their coverage."""
    n = len(cands)
    score = np.full(n, np.nan)
    nearest = np.full(n, np.nan)
    for k in range(n):
        if cands[k].size and np.isfinite(outcome[k]) and np.isfinite(forecast[k]):
            nearest[k] = cands[k][np.argmin(np.abs(cands[k] - outcome[k]))]
            score[k] = abs(nearest[k] - forecast[k])
    radius = grouped_radii(score, groups, level)
    sets = [prediction_set(float(forecast[k]), cands[k], float(radius[k])) for k in range(n)]
    ok = np.isfinite(score)
    hit = np.array([np.any(np.abs(sets[k] - nearest[k]) < 1e-6) for k in range(n)])
    exact = np.array([np.any(np.abs(sets[k] - outcome[k]) <= 0.5) for k in range(n)])
    sizes = np.array([s.size for s in sets], dtype=np.float64)
    return SetScore(
        coverage=float(hit[ok].mean()) if ok.any() else float("nan"),
        exact_coverage=float(exact[ok].mean()) if ok.any() else float("nan"),
        mean_size=float(sizes[ok].mean()) if ok.any() else float("nan"),
        sets=sets,
    )


__all__ = [
    "LEVEL",
    "IntervalScore",
    "SetScore",
    "candidates",
    "conformal_quantile",
    "grouped_intervals",
    "grouped_prediction_sets",
    "grouped_radii",
    "prediction_set",
]

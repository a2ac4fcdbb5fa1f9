"""The ``ensemble`` model: a median (absolute-loss) regression over other models' forecasts.

The ensemble combines the forecasts of models that run on any scenario — the capability ×
salience weighted mean (``mean``), Achen's Nash bargaining (``nash-achen``) and the final
weighted mean of KTAB's SMP run issue by issue (``smp-mean``) — as

``ŷ = clip(b_0 + Σ_m b_m f_m, 0, 100)``,

with separate coefficients for *binary* issues (every actor at 0 or 100) and the others when
the fitted setting says so (``typed``), and then, when ``snap > 0``, moves the forecast to the
nearest actor position if one lies within ``snap`` points (outcomes often equal some actor's
position). The coefficients minimise the absolute error, so the ensemble targets the median
outcome.

Coefficients, the setting and the 80 % interval half-width ship in
``realpolitik/data/ensemble.json``; :mod:`realpolitik.analysis.ensemble` fits them on DEU III
by leave-one-proposal-out cross-validation and documents the data (see ``docs/backtest.md``).
The model reports ``ensemble`` and the interval ``ensemble-low80`` / ``ensemble-high80``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from realpolitik._types import BoolArray, FloatArray
from realpolitik.engine.baselines import weighted_mean
from realpolitik.engine.eu_models import nash_achen
from realpolitik.engine.optional import register_optional_model
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState

#: The forecasts the ensemble combines, in the order of its coefficients.
FEATURES: tuple[str, ...] = ("mean", "nash-achen", "smp-mean")


def binary_issues(position: FloatArray, present: BoolArray) -> BoolArray:
    """Issues on which every present actor stands at 0 or 100.

    Examples
    --------
    >>> binary_issues(np.array([[0.0, 0.0], [100.0, 40.0]]), np.ones((2, 2), bool)).tolist()
    [True, False]
    """
    at_end = (position == 0.0) | (position == 100.0) | ~present
    return at_end.all(axis=-2) & present.any(axis=-2)


def design(features: FloatArray, binary: BoolArray, typed: bool) -> FloatArray:
    """The regression's design matrix: ``[1, f_1, ..., f_M]``, split by issue type if typed.

    Parameters
    ----------
    features : ndarray, shape (n_issues, n_features)
    binary : ndarray of bool, shape (n_issues,)
    typed : bool
    """
    x = np.column_stack([np.ones(features.shape[0]), features])
    if not typed:
        return x
    b = binary[:, None].astype(np.float64)
    return np.column_stack([x * b, x * (1.0 - b)])


def snap_to_positions(
    forecast: FloatArray, position: FloatArray, present: BoolArray, snap: float
) -> FloatArray:
    """Move each forecast to the nearest actor position when one lies within ``snap``.

    Examples
    --------
    >>> snap_to_positions(np.array([47.0, 20.0]), np.array([[50.0, 0.0], [90.0, 100.0]]),
    ...                   np.ones((2, 2), bool), 5.0).tolist()
    [50.0, 20.0]
    """
    if snap <= 0:
        return forecast
    d = np.where(present, np.abs(position - forecast[None, :]), np.inf)
    j = np.argmin(d, axis=0)
    cols = np.arange(forecast.shape[0])
    near = position[j, cols]
    return np.where(d[j, cols] <= snap, near, forecast)


def combine(
    coef: FloatArray,
    features: FloatArray,
    binary: BoolArray,
    position: FloatArray,
    present: BoolArray,
    *,
    typed: bool,
    snap: float,
) -> FloatArray:
    """Apply fitted coefficients: the regression, clipped to [0, 100], then snapped."""
    raw = design(features, binary, typed) @ coef
    return snap_to_positions(np.clip(raw, 0.0, 100.0), position, present, snap)


def feature_matrix(state: BargainingState) -> FloatArray:
    """The forecasts of :data:`FEATURES` for ``state`` (no batch axis), shape (n_issues, 3)."""
    from realpolitik.engine.smp import run_smp

    w = state.weights()
    mean = weighted_mean(state.position, w, state.present)
    nash = nash_achen(state.position, w, state.present)
    smp = run_smp(state, joint=False).forecasts["smp-mean"]
    return np.column_stack([mean, nash, np.where(np.isfinite(smp), smp, mean)])


@lru_cache(maxsize=1)
def shipped_ensemble() -> dict[str, Any]:
    """The fitted ensemble shipped with the package (``realpolitik/data/ensemble.json``)."""
    text = resources.files("realpolitik.data").joinpath("ensemble.json").read_text("utf-8")
    return dict(json.loads(text))


@register_optional_model(
    "ensemble",
    "median regression over mean, nash-achen and smp-mean, fitted on DEU III by CV",
)
def _ensemble_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    if state.position.ndim != 2:
        from realpolitik.exceptions import InputError

        raise InputError("model 'ensemble' takes one set of issues, not a batch")
    fit = shipped_ensemble()
    feats = feature_matrix(state)
    binary = binary_issues(state.position, state.present)
    out = combine(
        np.asarray(fit["coef"], dtype=np.float64),
        feats,
        binary,
        state.position,
        state.present,
        typed=bool(fit["setting"]["typed"]),
        snap=float(fit["setting"]["snap"]),
    )
    radius = float(fit["interval80"]["ensemble"])
    return ModelRun(
        forecasts={
            "ensemble": out,
            "ensemble-low80": np.clip(out - radius, 0.0, 100.0),
            "ensemble-high80": np.clip(out + radius, 0.0, 100.0),
        }
    )


__all__ = [
    "FEATURES",
    "binary_issues",
    "combine",
    "design",
    "feature_matrix",
    "shipped_ensemble",
    "snap_to_positions",
]

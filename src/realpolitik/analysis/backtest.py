"""Backtest forecasting models against the outcomes of real decisions (DEU III).

Each model forecasts every issue with a known outcome; the scores are the mean and median
absolute error on the 0–100 scale and the share of forecasts within 10 points of the outcome.
Models that need a status quo (``nash``, ``status-quo``) are scored on the issues that have one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from realpolitik._json import json_float
from realpolitik._types import FloatArray
from realpolitik.engine.eum import DEFAULT_MAX_ROUNDS, VARIANTS, Variant, run_eum
from realpolitik.engine.registry import available_models, get_model
from realpolitik.exceptions import InputError
from realpolitik.scenario.deu import DeuData

#: The models a backtest runs when none are named.
DEFAULT_MODELS: tuple[str, ...] = ("mean", "median", "eum", "eum-scholz2011", "nash", "status-quo")


@dataclass(frozen=True)
class BacktestResult:
    """Scores and forecasts of a backtest.

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per forecast (index ``model``) with columns ``n``, ``mae``, ``median_ae``,
        ``within10``.
    per_issue : pandas.DataFrame
        One row per issue: ``issue``, ``proposal``, ``outcome``, ``reference_point`` and a
        column per forecast.
    """

    summary: pd.DataFrame
    per_issue: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        """``{"n_issues": ..., "models": {name: {"n", "mae", "median_ae", "within10"}}}``."""
        models = {
            name: {
                "n": int(row["n"]),
                "mae": _num(row["mae"]),
                "median_ae": _num(row["median_ae"]),
                "within10": _num(row["within10"]),
            }
            for name, row in self.summary.iterrows()
        }
        return {"n_issues": len(self.per_issue), "models": models}


#: Tolerance on the 10-point boundary of ``within10`` (forecasts land on it exactly, e.g. 50 vs 60).
WITHIN_TOL = 1e-9


def _num(value: float) -> float | None:
    return json_float(value, 4)


def known_models() -> list[str]:
    """Model names a backtest accepts.

    Examples
    --------
    >>> {"mean", "eum", "eum-scholz2011", "status-quo"} <= set(known_models())
    True
    """
    names = set(available_models()) | {"status-quo"} | {f"eum-{v}" for v in VARIANTS}
    return sorted(names)


def model_forecasts(
    data: DeuData, model: str, *, max_rounds: int = DEFAULT_MAX_ROUNDS
) -> dict[str, FloatArray]:
    """Named forecasts of ``model`` for every issue of ``data`` (NaN where it has none).

    ``eum`` gives ``eum`` (final weighted median) and ``eum-mean`` (final weighted mean);
    ``eum-<variant>`` the same for a variant; ``status-quo`` the reference point.

    Raises
    ------
    InputError
        For an unknown model name (the message lists the known ones).
    """
    if model == "status-quo":
        return {"status-quo": data.reference_point.copy()}
    if model == "eum" or model.startswith("eum-"):
        variant = "bdm" if model == "eum" else model[4:]
        if variant not in VARIANTS:
            raise InputError(f"unknown model {model!r}; known models: {', '.join(known_models())}")
        run = run_eum(
            data.state, variant=cast(Variant, variant), max_rounds=max_rounds, record=False
        )
        return {model: run.forecasts["eum"], f"{model}-mean": run.forecasts["eum-mean"]}
    try:
        fn = get_model(model)
    except KeyError:
        raise InputError(
            f"unknown model {model!r}; known models: {', '.join(known_models())}"
        ) from None
    return dict(fn(data.state, status_quo=data.reference_point).forecasts)


def score(forecast: FloatArray, outcome: FloatArray) -> dict[str, float]:
    """Scores of one forecast over the issues where both it and the outcome are known.

    Examples
    --------
    >>> score(np.array([10.0, 50.0, np.nan]), np.array([20.0, 90.0, 5.0]))
    {'n': 2, 'mae': 25.0, 'median_ae': 25.0, 'within10': 0.5}
    """
    ok = np.isfinite(forecast) & np.isfinite(outcome)
    err = np.abs(forecast[ok] - outcome[ok])
    if err.size == 0:
        return {"n": 0, "mae": float("nan"), "median_ae": float("nan"), "within10": float("nan")}
    return {
        "n": int(err.size),
        "mae": float(err.mean()),
        "median_ae": float(np.median(err)),
        # An error of exactly 10 counts, whatever the last bits of floating-point rounding say.
        "within10": float(np.mean(err <= 10.0 + WITHIN_TOL)),
    }


def backtest(
    data: DeuData,
    models: Sequence[str] | None = None,
    *,
    max_rounds: int = DEFAULT_MAX_ROUNDS,
) -> BacktestResult:
    """Score ``models`` on the issues of ``data`` that have an outcome.

    Parameters
    ----------
    data : DeuData
        From :func:`realpolitik.scenario.deu.load_deu`.
    models : sequence of str, optional
        Model names (see :func:`known_models`); default :data:`DEFAULT_MODELS`.
    max_rounds : int
        Rounds for the EUM models.

    Returns
    -------
    BacktestResult

    Raises
    ------
    InputError
        For an unknown model name or when no issue has an outcome.

    Examples
    --------
    >>> from realpolitik.scenario.deu import parse_deu
    >>> text = ('"prnr"\\t"isnr"\\t"pa"\\t"pb"\\t"sa"\\t"sb"\\t"rp"\\t"out"\\n'
    ...         '\\t\\t1\\t3\\t\\t\\t\\t\\n'
    ...         '"x"\\t"x1"\\t0\\t100\\t100\\t100\\t0\\t80\\n')
    >>> result = backtest(parse_deu(text), ["mean", "status-quo"])
    >>> result.summary["mae"].to_dict()
    {'mean': 5.0, 'status-quo': 80.0}
    """
    names = list(DEFAULT_MODELS if models is None else models)
    if not names:
        raise InputError("name at least one model to backtest")
    has_outcome = np.isfinite(data.outcome)
    if not has_outcome.any():
        raise InputError("no issue of the data has an outcome ('out' column); nothing to score")
    sub = data.select(has_outcome)
    columns: dict[str, FloatArray] = {}
    for name in dict.fromkeys(names):
        columns.update(model_forecasts(sub, name, max_rounds=max_rounds))
    per_issue = pd.DataFrame(
        {
            "issue": list(sub.issue_ids),
            "proposal": list(sub.proposal_ids),
            "outcome": sub.outcome,
            "reference_point": sub.reference_point,
            **columns,
        }
    )
    rows = {name: score(f, sub.outcome) for name, f in columns.items()}
    summary = pd.DataFrame.from_dict(rows, orient="index")
    summary.index.name = "model"
    return BacktestResult(summary=summary, per_issue=per_issue)


__all__ = [
    "DEFAULT_MODELS",
    "BacktestResult",
    "backtest",
    "known_models",
    "model_forecasts",
    "score",
]

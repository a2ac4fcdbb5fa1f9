"""Backtest forecasting models against the outcomes of real decisions (DEU III).

Each model forecasts every issue with a known outcome; the scores are the mean and median
absolute error on the 0–100 scale and the share of forecasts within 10 points of the outcome.
Models that need a status quo (``nash``, ``status-quo``) are scored on the issues that have one.

Beside the scores the report gives, per forecast:

* ``coverage80`` and ``interval_width``: the measured coverage and mean width of its 80 %
  split-conformal intervals calibrated leave-one-proposal-out
  (:mod:`realpolitik.analysis.conformal`);
* ``gain`` with ``gain_low`` / ``gain_high``: how much lower its mean absolute error is than the
  weighted mean's (``mean``) on the same issues, with a 95 % cluster-bootstrap interval over
  proposals (2,000 resamples, seed 0): a gain is real only when the interval excludes zero;
* the same scores by issue type (binary: every actor at 0 or 100), by procedure (``COD``,
  ``CNS``) and by the Council's voting rule (``QMV``, ``Unan``).

``ensemble`` is scored on its nested cross-validated forecasts (each proposal forecast by a fit
that never saw it, :mod:`realpolitik.analysis.ensemble`), never on the shipped fit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from realpolitik._json import json_float
from realpolitik._types import FloatArray
from realpolitik.analysis.conformal import (
    candidates,
    grouped_intervals,
    grouped_prediction_sets,
)
from realpolitik.engine.eum import DEFAULT_MAX_ROUNDS, VARIANTS, Variant, run_eum
from realpolitik.engine.registry import available_models, get_model, model_options
from realpolitik.engine.stacking import binary_issues
from realpolitik.exceptions import InputError
from realpolitik.scenario.deu import DeuData, eu_rules

#: The models a backtest runs when none are named.
DEFAULT_MODELS: tuple[str, ...] = (
    "mean",
    "median",
    "eum",
    "eum-rel",
    "eum-scholz2011",
    "nash",
    "status-quo",
    "compromise-eu",
    "procedural",
    "nash-achen",
    "exchange",
    "smp",
    "ensemble",
)
#: Cluster-bootstrap resamples and seed of the gain intervals.
N_BOOTSTRAP = 2000
BOOTSTRAP_SEED = 0
#: Stacking designs the author scored by leave-one-proposal-out CV on these same issues before
#: fixing the ensemble's design (features, loss, settings); see docs/backtest.md.
DESIGN_CONFIGURATIONS_EXPLORED = 43


@dataclass(frozen=True)
class BacktestResult:
    """Scores and forecasts of a backtest.

    Parameters
    ----------
    summary : pandas.DataFrame
        One row per forecast (index ``model``) with columns ``n``, ``mae``, ``median_ae``,
        ``within10``, ``coverage80``, ``interval_width``, ``gain``, ``gain_low``, ``gain_high``.
    per_issue : pandas.DataFrame
        One row per issue: ``issue``, ``proposal``, ``outcome``, ``reference_point`` and a
        column per forecast.
    breakdown : pandas.DataFrame
        Scores by group: columns ``model``, ``by`` (``type``, ``procedure``, ``council``),
        ``group``, ``n``, ``mae``, ``median_ae``, ``within10``, ``coverage80``.
    prediction_sets : dict
        Per forecast: ``coverage`` (the set holds the candidate nearest the outcome),
        ``exact_coverage`` (it holds the outcome) and ``mean_size``.
    configurations : dict
        How many configurations were tried (see :data:`DESIGN_CONFIGURATIONS_EXPLORED`).
    """

    summary: pd.DataFrame
    per_issue: pd.DataFrame
    breakdown: pd.DataFrame = field(default_factory=pd.DataFrame)
    prediction_sets: dict[str, dict[str, float]] = field(default_factory=dict)
    configurations: dict[str, int] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """The scores, one row per forecast (index ``model``): :attr:`summary`, as a copy.

        Examples
        --------
        >>> import pandas as pd
        >>> r = BacktestResult(
        ...     summary=pd.DataFrame({"n": [2], "mae": [5.0]}, index=pd.Index(["mean"], name="model")),
        ...     per_issue=pd.DataFrame({"issue": ["a", "b"]}),
        ... )
        >>> r.to_frame().loc["mean", "mae"]
        np.float64(5.0)
        """
        return self.summary.copy()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``n_issues``, ``models``, ``breakdown``, ``prediction_sets``, ``configurations_tried``.

        Per model: ``n``, ``mae``, ``median_ae``, ``within10`` (as before), ``coverage80``,
        ``interval_width``, ``gain``, ``gain_low`` and ``gain_high``.
        """
        models = {
            name: {
                "n": int(row["n"]),
                "mae": _num(row["mae"]),
                "median_ae": _num(row["median_ae"]),
                "within10": _num(row["within10"]),
                "coverage80": _num(row.get("coverage80", float("nan"))),
                "interval_width": _num(row.get("interval_width", float("nan"))),
                "gain": _num(row.get("gain", float("nan"))),
                "gain_low": _num(row.get("gain_low", float("nan"))),
                "gain_high": _num(row.get("gain_high", float("nan"))),
            }
            for name, row in self.summary.iterrows()
        }
        breakdown = [
            {k: (_num(v) if isinstance(v, float) else v) for k, v in rec.items()}
            for rec in self.breakdown.to_dict(orient="records")
        ]
        return {
            "n_issues": len(self.per_issue),
            "models": models,
            "breakdown": breakdown,
            "prediction_sets": {
                m: {k: _num(v) for k, v in d.items()} for m, d in self.prediction_sets.items()
            },
            "configurations_tried": dict(self.configurations),
        }


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


def _ensemble_cv(data: DeuData, columns: dict[str, FloatArray]) -> FloatArray:
    """The ensemble's nested cross-validated forecasts, reusing forecasts already computed."""
    from realpolitik.analysis.ensemble import EnsembleInputs, nested_cv
    from realpolitik.engine.stacking import FEATURES

    st = data.state
    feats = []
    for name in FEATURES:
        if name not in columns:
            columns.update(model_forecasts(data, name.removesuffix("-mean")))
        feats.append(columns[name])
    mean = feats[0]
    matrix = np.column_stack([np.where(np.isfinite(f), f, mean) for f in feats])
    inputs = EnsembleInputs(
        features=matrix,
        outcome=data.outcome,
        binary=binary_issues(st.position, st.present),
        position=st.position,
        present=st.present,
        groups=tuple(data.proposal_ids),
    )
    return nested_cv(inputs).forecast


def model_forecasts(
    data: DeuData, model: str, *, max_rounds: int = DEFAULT_MAX_ROUNDS
) -> dict[str, FloatArray]:
    """Named forecasts of ``model`` for every issue of ``data`` (NaN where it has none).

    ``eum`` gives ``eum`` (final weighted median) and ``eum-mean`` (final weighted mean);
    ``eum-<variant>`` the same for a variant; ``status-quo`` the reference point; ``smp`` runs
    each issue as its own SMP; the EU models get the institutions of each issue
    (:func:`realpolitik.scenario.deu.eu_rules`); ``ensemble`` gives its nested cross-validated
    forecasts (every issue must have an outcome).

    Raises
    ------
    InputError
        For an unknown model name (the message lists the known ones).
    """
    if model == "status-quo":
        return {"status-quo": data.reference_point.copy()}
    if model == "eum" or (model.startswith("eum-") and model[4:] in VARIANTS):
        variant = "bdm" if model == "eum" else model[4:]
        run = run_eum(
            data.state, variant=cast(Variant, variant), max_rounds=max_rounds, record=False
        )
        return {model: run.forecasts["eum"], f"{model}-mean": run.forecasts["eum-mean"]}
    if model == "ensemble":
        if not np.isfinite(data.outcome).all():
            raise InputError("the ensemble is cross-validated: every issue needs an outcome")
        return {"ensemble": _ensemble_cv(data, {})}
    try:
        fn = get_model(model)
    except KeyError:
        raise InputError(
            f"unknown model {model!r}; known models: {', '.join(known_models())}"
        ) from None
    options: dict[str, Any] = {}
    taken = model_options(model)
    if "eu" in taken:
        options["eu"] = eu_rules(data)
    if "joint" in taken:
        options["joint"] = False  # DEU III issues are separate decisions
    if "groups" in taken:
        options["groups"] = tuple(data.proposal_ids)  # issues are linked within a proposal
    return dict(fn(data.state, status_quo=data.reference_point, **options).forecasts)


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
    progress: Callable[[int, int], None] | None = None,
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
    progress : callable, optional
        Called as ``progress(models_done, n_models)`` after each model is scored.

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
    unique = list(dict.fromkeys(names))
    done = 0  # the ensemble, built from the others, is scored last
    for name in unique:
        if name == "ensemble":
            continue
        columns.update(model_forecasts(sub, name, max_rounds=max_rounds))
        done += 1
        if progress is not None:
            progress(done, len(unique))
    extra: dict[str, FloatArray] = {}
    if "ensemble" in names:
        pool = dict(columns)
        ens = _ensemble_cv(sub, pool)
        extra = {k: v for k, v in pool.items() if k not in columns}
        columns["ensemble"] = ens
        if progress is not None:
            progress(len(unique), len(unique))
    per_issue = pd.DataFrame(
        {
            "issue": list(sub.issue_ids),
            "proposal": list(sub.proposal_ids),
            "outcome": sub.outcome,
            "reference_point": sub.reference_point,
            **columns,
        }
    )
    del extra  # forecasts computed only as the ensemble's inputs are not scored
    groups = list(sub.proposal_ids)
    rows = {}
    sets: dict[str, dict[str, float]] = {}
    cands = candidates(sub.state.position, sub.state.present, sub.reference_point)
    base = columns.get("mean")
    if base is None:
        base = model_forecasts(sub, "mean")["mean"]
    for name, f in columns.items():
        row: dict[str, float] = dict(score(f, sub.outcome))
        iv = grouped_intervals(f, sub.outcome, groups)
        row["coverage80"], row["interval_width"] = iv.coverage, iv.width
        row.update(gain_vs(f, base, sub.outcome, groups))
        rows[name] = row
        ps = grouped_prediction_sets(f, sub.outcome, cands, groups)
        sets[name] = {
            "coverage": ps.coverage,
            "exact_coverage": ps.exact_coverage,
            "mean_size": ps.mean_size,
        }
    summary = pd.DataFrame.from_dict(rows, orient="index")
    summary.index.name = "model"
    configurations = {
        "models": len(columns),
        "ensemble_settings": 6 if "ensemble" in columns else 0,
        "ensemble_design_explored": DESIGN_CONFIGURATIONS_EXPLORED if "ensemble" in columns else 0,
    }
    return BacktestResult(
        summary=summary,
        per_issue=per_issue,
        breakdown=breakdown(sub, columns),
        prediction_sets=sets,
        configurations=configurations,
    )


def gain_vs(
    forecast: FloatArray,
    base: FloatArray,
    outcome: FloatArray,
    groups: Sequence[str],
    *,
    n_boot: int = N_BOOTSTRAP,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, float]:
    """Gain in mean absolute error over ``base``, with a 95 % cluster-bootstrap interval.

    The gain is ``MAE(base) - MAE(forecast)`` on the issues where both forecasts and the
    outcome are known (positive: ``forecast`` is better). Proposals are resampled with
    replacement; each resample's gain is the difference of the pooled errors of the issues of
    the drawn proposals.

    Examples
    --------
    >>> y = np.array([0.0, 0.0, 0.0, 0.0])
    >>> g = gain_vs(np.array([1.0, 1.0, 1.0, 1.0]), np.array([3.0, 3.0, 3.0, 3.0]), y,
    ...             ["a", "a", "b", "b"], n_boot=200)
    >>> g["gain"], g["gain_low"], g["gain_high"]
    (2.0, 2.0, 2.0)
    """
    ok = np.isfinite(forecast) & np.isfinite(base) & np.isfinite(outcome)
    if not ok.any():
        return {"gain": float("nan"), "gain_low": float("nan"), "gain_high": float("nan")}
    diff = np.abs(base[ok] - outcome[ok]) - np.abs(forecast[ok] - outcome[ok])
    g = np.asarray(groups)[ok]
    labels, inv = np.unique(g, return_inverse=True)
    sums = np.bincount(inv, weights=diff, minlength=labels.size)
    counts = np.bincount(inv, minlength=labels.size).astype(np.float64)
    rng = np.random.default_rng(seed)
    draw = rng.integers(0, labels.size, size=(n_boot, labels.size))
    boot = sums[draw].sum(axis=1) / counts[draw].sum(axis=1)
    low, high = np.quantile(boot, [0.025, 0.975])
    return {"gain": float(diff.mean()), "gain_low": float(low), "gain_high": float(high)}


def breakdown(data: DeuData, columns: dict[str, FloatArray]) -> pd.DataFrame:
    """Scores of every forecast by issue type, procedure and Council voting rule."""
    st = data.state
    binary = binary_issues(st.position, st.present)
    by = {
        "type": np.where(binary, "binary", "continuous"),
        "procedure": np.array([p or "?" for p in data.procedure]),
        "council": np.array(
            [("QMV" if r.upper().startswith("QMV") else r) or "?" for r in data.council_rule]
        ),
    }
    groups = list(data.proposal_ids)
    records = []
    for name, f in columns.items():
        iv = grouped_intervals(f, data.outcome, groups)
        inside = (data.outcome >= iv.low - 1e-9) & (data.outcome <= iv.high + 1e-9)
        for key, labels in by.items():
            for label in sorted(set(labels)):
                mask = labels == label
                sc = score(f[mask], data.outcome[mask])
                ok = mask & np.isfinite(f)
                records.append(
                    {
                        "model": name,
                        "by": key,
                        "group": str(label),
                        **sc,
                        "coverage80": float(inside[ok].mean()) if ok.any() else float("nan"),
                    }
                )
    return pd.DataFrame.from_records(records)


__all__ = [
    "DEFAULT_MODELS",
    "DESIGN_CONFIGURATIONS_EXPLORED",
    "BacktestResult",
    "backtest",
    "breakdown",
    "gain_vs",
    "known_models",
    "model_forecasts",
    "score",
]

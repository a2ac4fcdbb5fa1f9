"""Fit and validate the ``ensemble`` model on DEU III, by proposal.

Everything here is cross-validated by proposal (the issues of one legislative proposal are
decided together, so they are never split between fitting and scoring):

* the coefficients of :mod:`realpolitik.engine.stacking` are fitted by absolute-loss (median)
  regression, a linear programme solved with HiGHS;
* the choice among the :data:`SETTINGS` (coefficients split by binary / continuous issue or
  not; snapping to actor positions within 0, 5 or 10 points) is made by an *inner* grouped
  cross-validation (:data:`INNER_FOLDS` folds of proposals) on the training proposals only;
* the ensemble's score is its *outer* leave-one-proposal-out forecast: each proposal's issues
  are forecast by a model whose setting and coefficients never saw them (nested CV).

The shipped fit (``realpolitik/data/ensemble.json``, written by running this module) picks the
setting with the lowest leave-one-proposal-out error over all issues and refits the
coefficients on all of them; its 80 % interval half-width is the conformal quantile of the
nested-CV errors.

Run ``python -m realpolitik.analysis.ensemble deu3.csv src/realpolitik/data/ensemble.json``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

from realpolitik._types import BoolArray, FloatArray
from realpolitik.analysis.conformal import conformal_quantile
from realpolitik.engine.stacking import FEATURES, binary_issues, combine, design, feature_matrix

#: The settings the inner cross-validation chooses among.
SETTINGS: tuple[dict[str, Any], ...] = tuple(
    {"typed": typed, "snap": snap} for typed in (False, True) for snap in (0.0, 5.0, 10.0)
)
#: Folds of proposals of the inner cross-validation.
INNER_FOLDS = 5


def fit_l1(x: FloatArray, y: FloatArray) -> FloatArray:
    """Coefficients ``b`` minimising ``Σ |y - x b|`` (a linear programme).

    Examples
    --------
    The median of 1, 2 and 10 is the best constant under absolute loss:

    >>> fit_l1(np.ones((3, 1)), np.array([1.0, 2.0, 10.0])).round(6).tolist()
    [2.0]
    """
    n, m = x.shape
    cost = np.r_[np.zeros(2 * m), np.ones(2 * n)]
    a = sp.hstack(
        [sp.csr_matrix(x), sp.csr_matrix(-x), sp.identity(n), -sp.identity(n)], format="csr"
    )
    res = linprog(cost, A_eq=a, b_eq=y, bounds=(0, None), method="highs")
    if not res.success:  # pragma: no cover - the programme is always feasible and bounded
        raise RuntimeError(f"absolute-loss regression failed: {res.message}")
    return np.asarray(res.x[:m] - res.x[m : 2 * m], dtype=np.float64)


@dataclass(frozen=True)
class EnsembleInputs:
    """What the ensemble is fitted on: features, outcome, issue type, positions, proposals."""

    features: FloatArray
    outcome: FloatArray
    binary: BoolArray
    position: FloatArray
    present: BoolArray
    groups: tuple[str, ...]

    def subset(self, mask: BoolArray) -> EnsembleInputs:
        """The issues where ``mask`` is True."""
        idx = np.nonzero(mask)[0]
        return EnsembleInputs(
            self.features[idx],
            self.outcome[idx],
            self.binary[idx],
            self.position[:, idx],
            self.present[:, idx],
            tuple(self.groups[i] for i in idx),
        )


def _fit_predict(train: EnsembleInputs, test: EnsembleInputs, typed: bool) -> FloatArray:
    """Forecasts of ``test`` for every snap of :data:`SETTINGS` with this ``typed``: (snaps, n)."""
    coef = fit_l1(design(train.features, train.binary, typed), train.outcome)
    return np.stack(
        [
            combine(
                coef,
                test.features,
                test.binary,
                test.position,
                test.present,
                typed=typed,
                snap=s["snap"],
            )
            for s in SETTINGS
            if s["typed"] == typed
        ]
    )


def _all_settings(train: EnsembleInputs, test: EnsembleInputs) -> FloatArray:
    """Forecasts of ``test`` under every setting, shape (n_settings, n_test), in SETTINGS order."""
    parts = {t: _fit_predict(train, test, t) for t in (False, True)}
    counters = {False: 0, True: 0}
    rows = []
    for s in SETTINGS:
        rows.append(parts[s["typed"]][counters[s["typed"]]])
        counters[s["typed"]] += 1
    return np.stack(rows)


def _fold_of(groups: Sequence[str], n_folds: int) -> np.ndarray:
    """Deterministic folds of proposals: the sorted proposal codes dealt round-robin."""
    order = {p: k % n_folds for k, p in enumerate(sorted(set(groups)))}
    return np.array([order[g] for g in groups])


def choose_setting(train: EnsembleInputs, n_folds: int = INNER_FOLDS) -> int:
    """Index into :data:`SETTINGS` with the lowest grouped-CV absolute error on ``train``."""
    fold = _fold_of(train.groups, n_folds)
    err = np.zeros(len(SETTINGS))
    for f in range(n_folds):
        te = fold == f
        if not te.any() or te.all():
            continue
        pred = _all_settings(train.subset(~te), train.subset(te))
        err += np.abs(pred - train.outcome[te][None, :]).sum(axis=1)
    return int(np.argmin(err))


@dataclass(frozen=True)
class NestedCV:
    """The outer leave-one-proposal-out forecasts and the settings chosen in each fold."""

    forecast: FloatArray
    chosen: Counter[int] = field(default_factory=Counter)

    @property
    def n_configurations(self) -> int:
        """Settings the inner cross-validation chose among."""
        return len(SETTINGS)


def nested_cv(inputs: EnsembleInputs) -> NestedCV:
    """Each proposal's issues forecast by a setting and coefficients fitted without them."""
    g = np.asarray(inputs.groups)
    out = np.full(len(g), np.nan)
    chosen: Counter[int] = Counter()
    for p in np.unique(g):
        held = g == p
        train = inputs.subset(~held)
        k = choose_setting(train)
        chosen[k] += 1
        out[held] = _all_settings(train, inputs.subset(held))[k]
    return NestedCV(forecast=out, chosen=chosen)


def lopo_by_setting(inputs: EnsembleInputs) -> FloatArray:
    """Leave-one-proposal-out forecasts under every setting, shape (n_settings, n_issues)."""
    g = np.asarray(inputs.groups)
    out = np.full((len(SETTINGS), len(g)), np.nan)
    for p in np.unique(g):
        held = g == p
        out[:, held] = _all_settings(inputs.subset(~held), inputs.subset(held))
    return out


def inputs_from_deu(data: Any) -> EnsembleInputs:
    """Ensemble inputs for the DEU III issues of ``data`` that have an outcome."""
    sub = data.select(np.isfinite(data.outcome))
    st = sub.state
    return EnsembleInputs(
        features=feature_matrix(st),
        outcome=sub.outcome,
        binary=binary_issues(st.position, st.present),
        position=st.position,
        present=st.present,
        groups=tuple(sub.proposal_ids),
    )


def fit_shipped(inputs: EnsembleInputs, source: str = "") -> dict[str, Any]:
    """The JSON document shipped as ``realpolitik/data/ensemble.json``."""
    lopo = lopo_by_setting(inputs)
    lopo_mae = np.abs(lopo - inputs.outcome[None, :]).mean(axis=1)
    k = int(np.argmin(lopo_mae))
    setting = SETTINGS[k]
    coef = fit_l1(design(inputs.features, inputs.binary, setting["typed"]), inputs.outcome)
    nested = nested_cv(inputs)
    err = np.abs(nested.forecast - inputs.outcome)
    return {
        "about": (
            "Fitted by realpolitik.analysis.ensemble on DEU III (Arregui & Perarnaud 2021, "
            "doi:10.34810/data53): the issues with an outcome, grouped by proposal. Setting "
            "chosen by leave-one-proposal-out CV among the listed settings, coefficients "
            "refitted on all issues; interval80 is the conformal 80% quantile of the "
            "nested-CV absolute errors."
        ),
        "source": source,
        "n_issues": int(inputs.outcome.size),
        "n_proposals": len(set(inputs.groups)),
        "features": list(FEATURES),
        "settings": [dict(s) for s in SETTINGS],
        "setting": dict(setting),
        "lopo_mae_by_setting": [round(float(v), 4) for v in lopo_mae],
        "coef": [float(c) for c in coef],
        "nested_cv_mae": round(float(err.mean()), 4),
        "interval80": {"ensemble": conformal_quantile(err)},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m realpolitik.analysis.ensemble DEU3.csv OUT.json``: fit and write the JSON."""
    from realpolitik.scenario.deu import load_deu

    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m realpolitik.analysis.ensemble DEU3.csv OUT.json", file=sys.stderr)
        return 2
    src, dst = Path(args[0]), Path(args[1])
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    doc = fit_shipped(inputs_from_deu(load_deu(src)), source=f"{src.name} sha256:{digest}")
    tmp = dst.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    tmp.replace(dst)
    print(f"nested-CV MAE {doc['nested_cv_mae']}; setting {doc['setting']}; wrote {dst}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


__all__ = [
    "INNER_FOLDS",
    "SETTINGS",
    "EnsembleInputs",
    "NestedCV",
    "choose_setting",
    "fit_l1",
    "fit_shipped",
    "inputs_from_deu",
    "lopo_by_setting",
    "nested_cv",
]

"""The runs of a study and their summaries (:class:`MonteCarloResult`)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from realpolitik._json import json_float as _json_float
from realpolitik._types import FloatArray
from realpolitik.simulate.escalation import GameTree
from realpolitik.simulate.montecarlo.stats import _level, _quantile_dict, rank_correlation
from realpolitik.simulate.outcomes import path_label

#: Inputs reported per output in the sensitivity ranking.
TOP_INPUTS = 10
#: Fewest runs whose summaries are not flagged as unreliable. The rank correlation of two
#: independent inputs has a standard error of about 1/sqrt(n - 1) (its exact variance under
#: independence is 1/(n - 1); Kendall & Stuart), which exceeds 0.1 - the size of a weak
#: correlation - below 101 runs; there, too, the 5 % and 95 % quantiles rest on fewer than five
#: runs in each tail.
MIN_RELIABLE_RUNS = 101


@dataclass(frozen=True)
class MonteCarloResult:
    """The runs of a Monte Carlo study and their summaries.

    Attributes
    ----------
    n_runs : int
    seed : int
        The root seed's entropy: ``run_montecarlo(..., seed=seed)`` gives the same numbers.
    model, forecast_name : str
    shocks : tuple of str
        Shocks applied to the scenario before the runs.
    levels : tuple of float
        Quantile levels, in percent.
    issue_ids, issue_titles, actor_ids : tuple of str
    input_names : tuple of str
    game : GameTree or None
    lam : float
    inputs_ : ndarray, shape (n_runs, n_inputs)
        The input values of every run.
    forecasts_ : ndarray, shape (n_runs, n_issues)
    paths_, outcomes_, payoffs_ : ndarray or None
        Path and outcome probabilities, and each actor's expected payoff, per run.
    choices_ : ndarray or None, shape (n_runs, n_nodes, max_options)
    outcome_payoffs_ : ndarray or None, shape (n_runs, n_outcomes, n_actors)
        Every actor's payoff at every outcome of the tree (costs subtracted), per run.
    """

    n_runs: int
    seed: int | list[int]
    model: str
    forecast_name: str
    shocks: tuple[str, ...]
    levels: tuple[float, ...]
    issue_ids: tuple[str, ...]
    issue_titles: tuple[str, ...]
    actor_ids: tuple[str, ...]
    input_names: tuple[str, ...]
    game: GameTree | None
    lam: float
    inputs_: FloatArray
    forecasts_: FloatArray
    paths_: FloatArray | None = None
    outcomes_: FloatArray | None = None
    payoffs_: FloatArray | None = None
    choices_: FloatArray | None = None
    outcome_payoffs_: FloatArray | None = None

    # --- outputs ------------------------------------------------------------------------------
    def path_labels(self) -> list[str]:
        """Labels of the tree's paths (options joined by arrows); empty without a tree."""
        if self.game is None:
            return []
        return [path_label(self.game, k) for k in range(self.game.n_paths)]

    def output_names(self) -> list[str]:
        """Names of the outputs the sensitivity ranks inputs for."""
        names = [f"forecast[{i}]" for i in self.issue_ids]
        return names + [f"path[{label}]" for label in self.path_labels()]

    def outputs(self) -> FloatArray:
        """The outputs of every run, shape (n_runs, n_outputs), in :meth:`output_names` order."""
        parts = [self.forecasts_]
        if self.paths_ is not None:
            parts.append(self.paths_)
        return np.concatenate(parts, axis=1)

    # --- summaries ----------------------------------------------------------------------------
    @property
    def warnings(self) -> list[str]:
        """Warnings about the summaries: empty from :data:`MIN_RELIABLE_RUNS` runs on.

        Examples
        --------
        >>> from realpolitik.scenario import load_scenario
        >>> from realpolitik.simulate.montecarlo import run_montecarlo
        >>> r = run_montecarlo(load_scenario("syria-2020"), 10, seed=1, model="mean")
        >>> r.warnings[0].startswith("only 10 runs: the quantiles and sensitivities are unreliable")
        True
        """
        n = self.n_runs
        if n >= MIN_RELIABLE_RUNS:
            return []
        se = 1.0 / math.sqrt(n - 1) if n > 1 else math.inf
        se_text = f"{se:.3f}" if math.isfinite(se) else "undefined"
        return [
            f"only {n} run{'s' if n != 1 else ''}: the quantiles and sensitivities are unreliable "
            f"below {MIN_RELIABLE_RUNS} runs (a rank correlation between independent values has "
            f"a standard error of about 1/sqrt(n - 1) = {se_text}, above 0.1, and the 5 % and "
            "95 % quantiles rest on fewer than five runs in each tail); use -n 1000 or more"
        ]

    def to_frame(self) -> pd.DataFrame:
        """The forecasts over the runs, one row per issue (index ``issue``): :meth:`quantiles_frame`.

        The escalation tree's frames are :meth:`paths_frame`, :meth:`payoffs_frame` and
        :meth:`choices_frame`; every run's forecast is :meth:`runs_frame`.

        Examples
        --------
        >>> from realpolitik import load_scenario, run_montecarlo
        >>> mc = run_montecarlo(load_scenario("syria-2020"), 20, seed=1, model="mean")
        >>> df = mc.to_frame()
        >>> df.index.name, list(df.columns)
        ('issue', ['title', 'mean', '5', '50', '95'])
        """
        return self.quantiles_frame()

    def quantiles_frame(self) -> pd.DataFrame:
        """Per issue: the forecast's mean and quantiles (columns ``"5"``, ``"50"``, ``"95"``)."""
        q = np.quantile(self.forecasts_, np.asarray(self.levels) / 100.0, axis=0)
        df = pd.DataFrame(
            q.T,
            index=pd.Index(self.issue_ids, name="issue"),
            columns=[_level(lv) for lv in self.levels],
        )
        df.insert(0, "mean", self.forecasts_.mean(axis=0))
        df.insert(0, "title", list(self.issue_titles))
        return df

    def paths_frame(self) -> pd.DataFrame:
        """Per path: the outcome, the mean probability and its quantiles over the runs."""
        if self.game is None or self.paths_ is None:
            return pd.DataFrame(columns=["path", "outcome", "probability"])
        q = np.quantile(self.paths_, np.asarray(self.levels) / 100.0, axis=0)
        df = pd.DataFrame(
            {
                "path": self.path_labels(),
                "outcome": [self.game.outcomes[p.outcome] for p in self.game.paths],
                "probability": self.paths_.mean(axis=0),
            }
        )
        for lv, row in zip(self.levels, q, strict=True):
            df[_level(lv)] = row
        return df

    def payoffs_frame(self) -> pd.DataFrame:
        """Per actor: the expected payoff of the tree, mean and quantiles over the runs."""
        if self.payoffs_ is None:
            return pd.DataFrame(columns=["actor", "mean"])
        with np.errstate(invalid="ignore"):
            q = np.quantile(self.payoffs_, np.asarray(self.levels) / 100.0, axis=0)
        df = pd.DataFrame({"mean": self.payoffs_.mean(axis=0)}, index=list(self.actor_ids))
        df.index.name = "actor"
        for lv, row in zip(self.levels, q, strict=True):
            df[_level(lv)] = row
        return df

    def outcome_payoffs_frame(self) -> pd.DataFrame:
        """Per outcome and actor: the payoff's mean and quantiles over the runs (long form).

        Columns ``outcome``, ``actor``, ``mean`` and one per quantile level.
        """
        if self.game is None or self.outcome_payoffs_ is None:
            return pd.DataFrame(columns=["outcome", "actor", "mean"])
        with np.errstate(invalid="ignore"):
            q = np.quantile(self.outcome_payoffs_, np.asarray(self.levels) / 100.0, axis=0)
        rows = []
        for k, outcome in enumerate(self.game.outcomes):
            for i, actor in enumerate(self.actor_ids):
                row: dict[str, Any] = {
                    "outcome": outcome,
                    "actor": actor,
                    "mean": float(self.outcome_payoffs_[:, k, i].mean()),
                }
                row.update({_level(lv): float(q[j, k, i]) for j, lv in enumerate(self.levels)})
                rows.append(row)
        return pd.DataFrame(rows)

    def choices_frame(self) -> pd.DataFrame:
        """Per node and option: the mean choice probability and its quantiles."""
        if self.game is None or self.choices_ is None:
            return pd.DataFrame(columns=["node", "actor", "option", "probability"])
        rows = []
        for i, node in enumerate(self.game.nodes):
            for j, label in enumerate(node.labels):
                p = self.choices_[:, i, j]
                row = {
                    "node": node.id,
                    "actor": self.game.actors[node.actor],
                    "option": label,
                    "probability": float(p.mean()),
                }
                row.update(_quantile_dict(p, self.levels))
                rows.append(row)
        return pd.DataFrame(rows)

    def sensitivity_frame(self, top: int | None = TOP_INPUTS) -> pd.DataFrame:
        """Spearman's rho of every input with every output, the largest ``|rho|`` first.

        Parameters
        ----------
        top : int or None
            Keep this many inputs per output (all when None). Constant inputs or outputs
            (rho undefined) are left out.

        Returns
        -------
        DataFrame
            Columns ``output``, ``input``, ``rho``; outputs in :meth:`output_names` order.
        """
        names = self.output_names()
        if self.n_runs < 3 or not self.input_names:
            return pd.DataFrame(columns=["output", "input", "rho"])
        rho = rank_correlation(self.inputs_, self.outputs())
        rows: list[tuple[str, str, float]] = []
        for q, out in enumerate(names):
            col = rho[:, q]
            ok = np.flatnonzero(np.isfinite(col))
            order = ok[np.argsort(-np.abs(col[ok]), kind="stable")]
            if top is not None:
                order = order[:top]
            rows.extend((out, self.input_names[k], float(col[k])) for k in order)
        return pd.DataFrame(rows, columns=["output", "input", "rho"])

    def runs_frame(self) -> pd.DataFrame:
        """One row per run: every output, each actor's payoff, then every input value."""
        data: dict[str, Any] = {"run": np.arange(self.n_runs)}
        for name, col in zip(self.output_names(), self.outputs().T, strict=True):
            data[name] = col
        if self.payoffs_ is not None:
            for k, actor in enumerate(self.actor_ids):
                data[f"payoff[{actor}]"] = self.payoffs_[:, k]
        for name, col in zip(self.input_names, self.inputs_.T, strict=True):
            data[name] = col
        return pd.DataFrame(data)

    def iter_runs_frames(self, rows: int) -> Iterator[pd.DataFrame]:
        """:meth:`runs_frame` in blocks of ``rows`` runs (what ``--out`` writes one at a time)."""
        for start in range(0, self.n_runs, rows):
            yield self._runs_block(start, min(start + rows, self.n_runs))

    def _runs_block(self, start: int, stop: int) -> pd.DataFrame:
        data: dict[str, Any] = {"run": np.arange(start, stop)}
        parts = [self.forecasts_[start:stop]]  # slices, not outputs(): no copy of every run
        if self.paths_ is not None:
            parts.append(self.paths_[start:stop])
        for name, col in zip(self.output_names(), np.concatenate(parts, axis=1).T, strict=True):
            data[name] = col
        if self.payoffs_ is not None:
            for k, actor in enumerate(self.actor_ids):
                data[f"payoff[{actor}]"] = self.payoffs_[start:stop, k]
        for name, col in zip(self.input_names, self.inputs_[start:stop].T, strict=True):
            data[name] = col
        return pd.DataFrame(data)

    def to_dict(self, top: int | None = TOP_INPUTS) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik montecarlo --format json``.

        ``{"n", "seed", "issues": [{"id", "quantiles": {"5", "50", "95"}, ...}],
        "sensitivity": [{"output", "input", "rho"}]}`` plus ``model``, ``forecast``, ``shocks``,
        ``warnings`` (see :attr:`warnings`; empty from :data:`MIN_RELIABLE_RUNS` runs)
        and, with a tree, ``tree``, ``lambda``, ``paths`` (each with its mean ``probability``
        and ``quantiles``), ``nodes`` (choice probabilities), ``outcomes`` (probability and
        every actor's payoff there) and ``payoffs`` (each actor's expected payoff).
        """
        qf = self.quantiles_frame()
        issues = [
            {
                "id": issue,
                "title": self.issue_titles[k],
                "mean": _json_float(qf["mean"].iloc[k]),
                "quantiles": {
                    _level(lv): _json_float(qf[_level(lv)].iloc[k]) for lv in self.levels
                },
            }
            for k, issue in enumerate(self.issue_ids)
        ]
        out: dict[str, Any] = {
            "n": self.n_runs,
            "seed": self.seed,
            "model": self.model,
            "forecast": self.forecast_name,
            "shocks": list(self.shocks),
            "warnings": self.warnings,
            "issues": issues,
        }
        if self.game is not None and self.paths_ is not None:
            game = self.game
            out["tree"] = game.name
            out["lambda"] = None if math.isinf(self.lam) else self.lam
            out["paths"] = [
                {
                    "steps": [
                        {"node": nid, "actor": game.actors[game.node(nid).actor], "option": lab}
                        for nid, lab in p.steps
                    ],
                    "label": path_label(game, k),
                    "outcome": game.outcomes[p.outcome],
                    "probability": float(self.paths_[:, k].mean()),
                    "quantiles": _quantile_dict(self.paths_[:, k], self.levels),
                }
                for k, p in enumerate(game.paths)
            ]
            assert self.choices_ is not None
            out["nodes"] = [
                {
                    "id": node.id,
                    "actor": game.actors[node.actor],
                    "choices": {
                        label: {
                            "probability": float(self.choices_[:, i, j].mean()),
                            "quantiles": _quantile_dict(self.choices_[:, i, j], self.levels),
                        }
                        for j, label in enumerate(node.labels)
                    },
                }
                for i, node in enumerate(game.nodes)
            ]
            assert self.outcomes_ is not None and self.outcome_payoffs_ is not None
            of = self.outcome_payoffs_frame().set_index(["outcome", "actor"])
            out["outcomes"] = [
                {
                    "id": outcome,
                    "probability": float(self.outcomes_[:, k].mean()),
                    "quantiles": _quantile_dict(self.outcomes_[:, k], self.levels),
                    "payoffs": {
                        actor: {
                            "mean": _json_float(of.loc[(outcome, actor), "mean"]),
                            "quantiles": {
                                _level(lv): _json_float(of.loc[(outcome, actor), _level(lv)])
                                for lv in self.levels
                            },
                        }
                        for actor in self.actor_ids
                    },
                }
                for k, outcome in enumerate(game.outcomes)
            ]
            pf = self.payoffs_frame()
            out["payoffs"] = {
                actor: {
                    "mean": _json_float(pf["mean"].iloc[k]),
                    "quantiles": {
                        _level(lv): _json_float(pf[_level(lv)].iloc[k]) for lv in self.levels
                    },
                }
                for k, actor in enumerate(self.actor_ids)
            }
        out["sensitivity"] = [
            {"output": r.output, "input": r.input, "rho": r.rho}
            for r in self.sensitivity_frame(top).itertuples()
        ]
        return out


__all__ = ["MIN_RELIABLE_RUNS", "TOP_INPUTS", "MonteCarloResult"]

"""Solving a scenario's escalation tree: :func:`solve_escalation` and its result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from realpolitik._json import json_float as _json_float
from realpolitik._types import FloatArray
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.scenario.model import EscalationTree, Scenario
from realpolitik.simulate.escalation import DEFAULT_LAMBDA, GameTree, QREResult, solve_qre
from realpolitik.simulate.outcomes.payoffs import headline_forecast, outcome_payoffs
from realpolitik.simulate.outcomes.trees import path_label, shocked_tree
from realpolitik.simulate.outcomes.worlds import OutcomeArrays, outcome_arrays


@dataclass(frozen=True)
class EscalationResult:
    """An escalation tree of a scenario solved as a logit QRE.

    Attributes
    ----------
    scenario_title : str
    tree : EscalationTree
        The tree as written in the scenario (titles, shocks, costs).
    game : GameTree
        The solver's tree (actors: every scenario actor).
    qre : QREResult
        The solution (choice, path and outcome probabilities, node values, payoffs).
    model, forecast_name : str
        The engine and its headline forecast used for the payoffs.
    arrays : OutcomeArrays
        The worlds behind the outcomes.
    world_forecasts : ndarray, shape (n_worlds, n_issues)
    payoffs : ndarray, shape (n_outcomes, n_actors)
        Every actor's payoff at every outcome (costs subtracted).
    """

    scenario_title: str
    tree: EscalationTree
    game: GameTree
    qre: QREResult
    model: str
    forecast_name: str
    arrays: OutcomeArrays
    world_forecasts: FloatArray
    payoffs: FloatArray

    @property
    def lam(self) -> float:
        """The rationality parameter used."""
        return self.qre.lam

    def choices(self) -> dict[str, dict[str, float]]:
        """``{node id: {option: probability}}``."""
        return self.qre.choices

    def outcome_forecasts(self) -> FloatArray:
        """The forecast of every outcome's world, shape (n_outcomes, n_issues)."""
        return self.world_forecasts[self.arrays.outcome_world]

    def payoffs_frame(self) -> pd.DataFrame:
        """Payoffs (costs subtracted): one row per outcome, one column per actor.

        The row index is the outcome id; ``probability`` is the outcome's probability.
        """
        df = pd.DataFrame(
            self.payoffs,
            index=pd.Index(self.arrays.outcome_ids, name="outcome"),
            columns=list(self.arrays.actor_ids),
        )
        df.insert(0, "probability", self.qre.outcome_probabilities)
        return df

    def paths_frame(self) -> pd.DataFrame:
        """One row per path: the options taken, the outcome, its probability."""
        rows = []
        for k, p in enumerate(self.game.paths):
            rows.append(
                {
                    "path": path_label(self.game, k),
                    "outcome": self.game.outcomes[p.outcome],
                    "probability": float(self.qre.path_probabilities[k]),
                }
            )
        return pd.DataFrame(rows)

    def to_frame(self) -> pd.DataFrame:
        """The choices, tidy: one row per option of every decision node.

        Index ``(node, option)``; columns ``actor`` (who chooses), ``reached`` (probability
        that play reaches the node) and ``probability`` (of the option once there). The paths
        and payoffs have their own frames (:meth:`paths_frame`, :meth:`payoffs_frame`).

        Examples
        --------
        >>> from realpolitik import load_scenario, solve_escalation
        >>> df = solve_escalation(load_scenario("syria-2020"), "soleimani").to_frame()
        >>> list(df.index.names), list(df.columns)
        (['node', 'option'], ['actor', 'reached', 'probability'])
        >>> bool((df.groupby(level="node")["probability"].sum().round(9) == 1).all())
        True
        """
        rows = []
        for i, node in enumerate(self.game.nodes):
            for j, label in enumerate(node.labels):
                rows.append(
                    {
                        "node": node.id,
                        "option": label,
                        "actor": self.game.actors[node.actor],
                        "reached": float(self.qre.reach[i]),
                        "probability": float(self.qre.probabilities[i, j]),
                    }
                )
        return pd.DataFrame(rows).set_index(["node", "option"])

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik escalate --format json``.

        ``{"tree", "nodes": [{"id", "actor", "choices": {option: probability}, ...}],
        "paths": [{"steps": [...], "probability", ...}], "payoffs": {actor: value}}`` plus
        ``scenario``, ``title``, ``lambda``, ``model``, ``forecast`` and ``outcomes`` (each with
        its shocks, probability, per-actor payoffs and costs, and the forecast per issue).
        """
        base = self.qre.to_dict()
        titles = {n.id: n.title for n in self.tree.nodes}
        for node in base["nodes"]:
            node["title"] = titles.get(node["id"])
        for k, path in enumerate(base["paths"]):
            path["label"] = path_label(self.game, k)
        forecasts = self.outcome_forecasts()
        outcomes = []
        for k, out in enumerate(self.tree.outcomes):
            outcomes.append(
                {
                    "id": out.id,
                    "title": out.title,
                    "shocks": list(out.shocks),
                    "probability": float(self.qre.outcome_probabilities[k]),
                    "payoffs": {
                        a: _json_float(self.payoffs[k, i])
                        for i, a in enumerate(self.arrays.actor_ids)
                    },
                    "costs": {a: float(c) for a, c in out.costs.items()},
                    "forecast": {
                        issue: _json_float(forecasts[k, j])
                        for j, issue in enumerate(self.arrays.issue_ids)
                    },
                }
            )
        return {
            "scenario": self.scenario_title,
            "tree": self.tree.id,
            "title": self.tree.title,
            "lambda": base["lambda"],
            "model": self.model,
            "forecast": self.forecast_name,
            "nodes": base["nodes"],
            "paths": base["paths"],
            "payoffs": base["payoffs"],
            "outcomes": outcomes,
        }


def solve_escalation(
    scenario: Scenario,
    tree: str | EscalationTree | None = None,
    lam: float = DEFAULT_LAMBDA,
    model: str = HEADLINE_MODEL,
    options: Mapping[str, Any] | None = None,
    shocks: Sequence[str] = (),
) -> EscalationResult:
    """Solve an escalation tree of ``scenario`` with payoffs from the forecasting engine.

    See the module docstring for how payoffs are built, and docs/montecarlo.md.

    Parameters
    ----------
    scenario : Scenario
    tree : str or EscalationTree, optional
        The tree's id (the scenario's first tree when None).
    lam : float
        The logit rationality parameter (``inf`` for the subgame-perfect limit).
    model : str
        The forecasting model whose headline forecast gives the payoffs.
    options : mapping, optional
        Options of the model (``variant``, ``max_rounds``, ``tol`` for ``eum``).
    shocks : sequence of str
        Shocks applied to the scenario first, in order (``escalate --shock``); every outcome's
        own shocks then apply on top of them, and the base actors' preferences are those of
        the shocked scenario.

    Returns
    -------
    EscalationResult

    Raises
    ------
    InputError
        For an unknown tree or model, a bad ``lam``, or payoffs the solver cannot use.
    ShockError
        For an unknown shock, or if an outcome's shocks cannot be applied (e.g. a shock given
        in ``shocks`` that an outcome applies again).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> res = solve_escalation(load_scenario("syria-2020"), "soleimani", model="mean")
    >>> sorted(res.to_dict())[:4]
    ['forecast', 'lambda', 'model', 'nodes']
    >>> round(sum(p["probability"] for p in res.to_dict()["paths"]), 9)
    1.0
    """
    base, t, game = shocked_tree(scenario, tree, shocks)
    arrays = outcome_arrays(base, t, applied=shocks)
    name, forecasts = headline_forecast(arrays.world_states(), arrays.status_quo, model, options)
    payoffs = outcome_payoffs(
        arrays.position[0],
        arrays.salience[0],
        arrays.present[0],
        forecasts,
        arrays.outcome_world,
        arrays.total_costs(),
        None if arrays.affinity is None else arrays.affinity[0],
    )
    qre = solve_qre(game, payoffs, lam)
    return EscalationResult(
        scenario_title=scenario.title,
        tree=t,
        game=game,
        qre=qre,
        model=model,
        forecast_name=name,
        arrays=arrays,
        world_forecasts=forecasts,
        payoffs=payoffs,
    )

"""Escalation trees of a scenario: outcome payoffs from the forecasting engine, then the QRE.

This module is the glue between a scenario's ``escalation`` trees and the solver of
:mod:`realpolitik.simulate.escalation`. Nobody types payoffs in; for every outcome of a tree:

1. the outcome's shocks are applied, in order, to a copy of the scenario
   (:func:`realpolitik.scenario.apply_shocks`); outcomes with the same list of shocks share one
   shocked scenario (a *world*);
2. each world is turned into arrays aligned to the **base** scenario's actor and issue order;
   an actor removed by a shock is absent (``present`` False) on every issue, an issue left
   without actors is absent for everyone (its forecast is NaN and counts for nobody);
3. every world is forecast with the engine in one batched call (the model's headline forecast,
   e.g. ``eum``);
4. every base actor's payoff at the outcome is its *relational* expected outcome
   (:func:`realpolitik.engine.utility.expected_outcome`: salience-weighted closeness of the
   shocked forecast to the actor's **base** positions, in [0, 1], plus an affinity-weighted
   share of every other actor's, :func:`realpolitik.engine.affinity.relational_utility`, with
   the base scenario's relations) minus three costs: the **cost of fighting** for every actor
   in a ``fight`` of the outcome's world (:func:`realpolitik.engine.conflict.war_cost`: in
   proportion to its side's chance of losing), the **abandonment cost** of standing aside
   while a committed partner fights (:func:`realpolitik.engine.affinity.abandonment_cost`,
   from the base relations), both derived, and the outcome's typed ``costs``, if any. An actor's preferences are those of the base scenario: a shock that
   moves its stated position (``russia-backs-iran`` moves Russia to 60 on escalation) changes
   how the bargaining goes, not what the actor wants; an actor removed by a shock is still
   judged by its original positions and saliences against the forecasts of the world without
   it.

An option with ``joins: ALLY`` puts its chooser on the ally's side of every fight of the
outcome it leads to; outcomes reached with different ``joins`` are different worlds.

The payoffs go to :func:`realpolitik.simulate.escalation.solve_qre`. The same arrays serve the
Monte Carlo runs of :mod:`realpolitik.simulate.montecarlo`, which perturb them run by run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from realpolitik._json import json_float as _json_float
from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.affinity import abandonment_cost, relational_utility
from realpolitik.engine.conflict import war_cost
from realpolitik.engine.registry import HEADLINE_MODEL, get_model
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError, ShockError
from realpolitik.scenario.arrays import relation_arrays, to_state
from realpolitik.scenario.arrays import status_quo as scenario_status_quo
from realpolitik.scenario.model import EscalationTree, Scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.escalation import DEFAULT_LAMBDA, GameTree, QREResult, solve_qre

#: Options given to a model unless the caller sets them (no round-by-round record is needed).
_QUIET_OPTIONS: dict[str, dict[str, Any]] = {"eum": {"record": False}, "eum-rel": {"record": False}}


def find_tree(scenario: Scenario, tree: str | EscalationTree | None = None) -> EscalationTree:
    """Return the escalation tree called ``tree`` (the scenario's first one when None).

    Raises
    ------
    InputError
        If the scenario has no escalation tree, or none of that name (the message lists them).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> find_tree(load_scenario("syria-2020")).id
    'soleimani'
    """
    if isinstance(tree, EscalationTree):
        return tree
    names = [t.id for t in scenario.escalation]
    if not names:
        raise InputError(
            f"scenario {scenario.title!r} has no escalation tree; add one under 'escalation:' "
            "(see docs/escalation.md)"
        )
    if tree is None:
        return scenario.escalation[0]
    for t in scenario.escalation:
        if t.id == tree:
            return t
    raise InputError(
        f"scenario {scenario.title!r} has no escalation tree {tree!r}; trees: {', '.join(names)}"
    )


def game_tree(scenario: Scenario, tree: EscalationTree) -> GameTree:
    """The solver's :class:`GameTree` for a scenario tree; its actors are all scenario actors.

    Payoff columns follow ``scenario.actor_ids``; outcomes follow ``tree.outcomes``.

    Raises
    ------
    InputError
        If a node's actor is not an actor of the scenario (e.g. removed by a shock applied
        before the tree), or the nodes do not form a tree.
    """
    return GameTree.from_mapping(
        {
            "name": tree.id,
            "actors": scenario.actor_ids,
            "outcomes": [o.id for o in tree.outcomes],
            "root": tree.root,
            "nodes": [
                {
                    "id": n.id,
                    "actor": n.actor,
                    "options": [
                        {"id": o.id, "next": o.next}
                        if o.next is not None
                        else {"id": o.id, "outcome": o.outcome}
                        for o in n.options
                    ],
                }
                for n in tree.nodes
            ],
        }
    )


@dataclass(frozen=True)
class OutcomeArrays:
    """The worlds of an escalation tree as arrays aligned to the base scenario.

    World 0 is always the base scenario itself (no shocks); every distinct list of shocks among
    the outcomes adds one world.

    Parameters
    ----------
    actor_ids, issue_ids : tuple of str
        The base scenario's actors and issues (the order of every array).
    outcome_ids : tuple of str
        The tree's outcomes, in file order.
    world_shocks : tuple of tuple of str
        The shocks of each world (``()`` for world 0).
    position, salience : ndarray, shape (n_worlds, n_actors, n_issues)
    present : ndarray of bool, shape (n_worlds, n_actors, n_issues)
    capability : ndarray, shape (n_worlds, n_actors)
    status_quo : ndarray, shape (n_issues,)
        The base scenario's status quo per issue (NaN where none is given).
    outcome_world : ndarray of int, shape (n_outcomes,)
        The world each outcome is forecast in.
    costs : ndarray, shape (n_outcomes, n_actors)
        Explicit costs subtracted from payoffs (0 where none is given).
    affinity : ndarray, shape (n_worlds, n_actors, n_actors), optional
        Each world's affinity (its relations after the shocks); world 0's are the base
        relations, which also weigh others' outcomes in the payoffs.
    abandon : ndarray, shape (n_outcomes, n_actors), optional
        Derived abandonment costs (0 where no committed partner fights alone).
    war : ndarray, shape (n_outcomes, n_actors), optional
        Derived costs of fighting (0 for actors in no fight).
    world_joins : tuple, optional
        Per world, the ``(chooser, ally)`` pairs of the options that lead there.
    """

    actor_ids: tuple[str, ...]
    issue_ids: tuple[str, ...]
    outcome_ids: tuple[str, ...]
    world_shocks: tuple[tuple[str, ...], ...]
    position: FloatArray
    salience: FloatArray
    present: BoolArray
    capability: FloatArray
    status_quo: FloatArray
    outcome_world: IntArray
    costs: FloatArray
    affinity: FloatArray | None = None
    abandon: FloatArray | None = None
    world_joins: tuple[tuple[tuple[str, str], ...], ...] = ()
    war: FloatArray | None = None

    @property
    def n_worlds(self) -> int:
        """Number of distinct worlds (the base scenario included)."""
        return len(self.world_shocks)

    def base_state(self) -> BargainingState:
        """The base scenario's state (world 0)."""
        return BargainingState(
            position=self.position[0],
            salience=self.salience[0],
            capability=self.capability[0],
            present=self.present[0],
            affinity=None if self.affinity is None else self.affinity[0],
        )

    def world_states(self) -> BargainingState:
        """Every world's state, batched (shape (n_worlds, ...))."""
        return BargainingState(
            position=self.position,
            salience=self.salience,
            capability=self.capability,
            present=self.present,
            affinity=self.affinity,
        )

    def derived_costs(self) -> FloatArray:
        """The costs the model derives (fighting, abandonment), shape (n_outcomes, n_actors)."""
        out = np.zeros_like(self.costs)
        for part in (self.abandon, self.war):
            if part is not None:
                out = out + part
        return out

    def total_costs(self) -> FloatArray:
        """Typed plus derived costs, shape (n_outcomes, n_actors)."""
        return self.costs + self.derived_costs()


def outcome_arrays(
    scenario: Scenario,
    tree: str | EscalationTree | None = None,
    *,
    applied: Sequence[str] = (),
) -> OutcomeArrays:
    """Apply each outcome's shocks and align the results to the base scenario.

    Parameters
    ----------
    scenario : Scenario
        The base scenario (left unchanged).
    tree : str or EscalationTree, optional
        The tree (its id, or the scenario's first tree when None).
    applied : sequence of str
        Shocks already applied to ``scenario`` before the tree (``--shock``); only named in
        error messages, so that a shock applied twice is recognisable as such.

    Returns
    -------
    OutcomeArrays

    Raises
    ------
    InputError
        If there is no such tree, or an outcome names a cost for an unknown actor.
    ShockError
        If an outcome's shocks cannot be applied (the message names the tree and the outcome).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> arrays = outcome_arrays(s, "soleimani")
    >>> arrays.n_worlds, len(arrays.outcome_ids)
    (8, 9)
    >>> k = arrays.outcome_ids.index("war-russia-stays-out")
    >>> i = s.actor_ids.index("iran")

    In the war Iran (45) fights the US (100) alone and keeps, in expectation, the share of its
    capability given by its chance to prevail, 45 / 145:

    >>> round(float(arrays.capability[arrays.outcome_world[k], i]), 2)
    13.97
    """
    t = find_tree(scenario, tree)
    base, actors, issues = to_state(scenario)
    actor_at = {a: i for i, a in enumerate(actors)}
    issue_at = {k: j for j, k in enumerate(issues)}
    weight, commitment = relation_arrays(scenario, actors)
    joins = _outcome_joins(t)
    worlds: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], int] = {((), ()): 0}
    states = [base]
    alone = [np.zeros((len(actors), len(actors)))]
    fighting = [np.zeros(len(actors))]
    outcome_world = []
    costs = np.zeros((len(t.outcomes), len(actors)))
    for k, out in enumerate(t.outcomes):
        key = (tuple(out.shocks), joins.get(out.id, ()))
        if key not in worlds:
            worlds[key] = len(states)
            try:
                shocked = apply_shocks(scenario, key[0], dict(key[1]))
            except ShockError as exc:
                raise ShockError(
                    f"escalation tree {t.id!r}, outcome {out.id!r}: {exc}"
                    f"{_applied_note(applied, key[0])}"
                ) from None
            states.append(_aligned_state(shocked, actor_at, issue_at))
            alone.append(_fights_alone(shocked, actor_at))
            fighting.append(_lose_chances(shocked, actor_at))
        outcome_world.append(worlds[key])
        for actor, cost in out.costs.items():
            if actor not in actor_at:
                raise InputError(
                    f"escalation tree {t.id!r}, outcome {out.id!r}: a cost for unknown actor "
                    f"{actor!r}; actors are {', '.join(actors)}"
                )
            costs[k, actor_at[actor]] = cost
    ow = np.asarray(outcome_world, dtype=np.int64)
    abandon = abandonment_cost(weight, commitment, np.stack(alone)[ow]) if len(ow) else costs * 0
    return OutcomeArrays(
        actor_ids=tuple(actors),
        issue_ids=tuple(issues),
        outcome_ids=tuple(o.id for o in t.outcomes),
        world_shocks=tuple(w[0] for w in worlds),
        position=np.stack([s.position for s in states]),
        salience=np.stack([s.salience for s in states]),
        present=np.stack([s.present for s in states]),
        capability=np.stack([s.capability for s in states]),
        status_quo=scenario_status_quo(scenario),
        outcome_world=ow,
        costs=costs,
        affinity=np.stack([_affinity_of(s, len(actors)) for s in states]),
        abandon=abandon,
        world_joins=tuple(w[1] for w in worlds),
        war=war_cost(np.stack(fighting)[ow]) if len(ow) else costs * 0,
    )


def _affinity_of(state: BargainingState, n: int) -> FloatArray:
    return np.zeros((n, n)) if state.affinity is None else state.affinity


def _outcome_joins(tree: EscalationTree) -> dict[str, tuple[tuple[str, str], ...]]:
    """Outcome id → the ``(chooser, ally)`` of the options that lead to it and join a fight.

    Raises
    ------
    InputError
        If options that lead to the same outcome join differently.
    """
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for node in tree.nodes:
        for opt in node.options:
            if opt.outcome is None:
                continue
            pairs = ((node.actor, opt.joins),) if opt.joins is not None else ()
            if opt.outcome in out and out[opt.outcome] != pairs:
                raise InputError(
                    f"escalation tree {tree.id!r}: options leading to outcome {opt.outcome!r} "
                    "join fights differently; give each its own outcome"
                )
            out[opt.outcome] = pairs
    return out


def _lose_chances(shocked: Scenario, actor_at: Mapping[str, int]) -> FloatArray:
    """Per actor, the summed chance of losing over the world's fights it is in (0 if none)."""
    out = np.zeros(len(actor_at))
    for fight in shocked.fights:
        for k in (0, 1):
            for a in fight.sides[k]:
                out[actor_at[a]] += 1.0 - fight.probability[k]
    return out


def _fights_alone(shocked: Scenario, actor_at: Mapping[str, int]) -> FloatArray:
    """``f[i, j]`` = 1 where ``j`` fights in one of the world's fights and ``i`` is not with it."""
    n = len(actor_at)
    f = np.zeros((n, n))
    for fight in shocked.fights:
        for k in (0, 1):
            for j_id in fight.sides[k]:
                j = actor_at[j_id]
                with_j = {actor_at[a] for a in fight.sides[k]}
                for i in range(n):
                    if i not in with_j:
                        f[i, j] = 1.0
    return f


def _applied_note(applied: Sequence[str], outcome_shocks: Sequence[str] = ()) -> str:
    """The context of an error in a tree of a scenario that was shocked first ('' if not)."""
    if not applied:
        return ""
    twice = [x for x in outcome_shocks if x in applied]
    note = f" (the shocks given with --shock were applied first: {', '.join(applied)}"
    if twice:
        listed = ", ".join(repr(x) for x in dict.fromkeys(twice))
        note += f"; the outcome applies {listed} a second time"
    return note + ")"


def shocked_tree(
    scenario: Scenario, tree: str | EscalationTree | None, shocks: Sequence[str]
) -> tuple[Scenario, EscalationTree, GameTree]:
    """Apply ``shocks`` to ``scenario``, then find its tree and build the solver's game.

    Returns the shocked scenario, its tree and the :class:`GameTree`.

    Raises
    ------
    InputError
        For an unknown tree, or a tree that is broken once ``shocks`` are applied (a node's
        actor removed by one of them; the message names the shocks).
    ShockError
        For an unknown shock.
    """
    base = apply_shocks(scenario, shocks) if shocks else scenario
    t = find_tree(base, tree)
    try:
        game = game_tree(base, t)
    except InputError as exc:
        raise InputError(f"{exc}{_applied_note(shocks)}") from None
    return base, t, game


def _aligned_state(
    shocked: Scenario, actor_at: Mapping[str, int], issue_at: Mapping[str, int]
) -> BargainingState:
    """The shocked scenario's state in the base order (removed actors and issues absent)."""
    state, actors, issues = to_state(shocked)
    n, m = len(actor_at), len(issue_at)
    position = np.zeros((n, m))
    salience = np.zeros((n, m))
    present = np.zeros((n, m), dtype=bool)
    capability = np.zeros(n)
    rows = np.array([actor_at[a] for a in actors], dtype=np.int64)
    cols = np.array([issue_at[k] for k in issues], dtype=np.int64)
    position[np.ix_(rows, cols)] = state.position
    salience[np.ix_(rows, cols)] = state.salience
    present[np.ix_(rows, cols)] = state.present
    capability[rows] = state.capability
    affinity = np.zeros((n, n))
    if state.affinity is not None:
        affinity[np.ix_(rows, rows)] = state.affinity
    return BargainingState(
        position=position,
        salience=salience,
        capability=capability,
        present=present,
        affinity=affinity,
    )


def model_options(model: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The options passed to ``model``: the caller's, plus ``record=False`` for ``eum``."""
    out = dict(_QUIET_OPTIONS.get(model, {}))
    out.update(options or {})
    return out


def headline_forecast(
    state: BargainingState,
    status_quo: FloatArray,
    model: str = HEADLINE_MODEL,
    options: Mapping[str, Any] | None = None,
) -> tuple[str, FloatArray]:
    """Run ``model`` on a (batched) state and return its headline forecast's name and values.

    Parameters
    ----------
    state : BargainingState
        Any leading batch axes.
    status_quo : ndarray, shape (n_issues,)
    model : str
        A registered model name.
    options : mapping, optional
        Model options (``variant``, ``max_rounds``, ``tol`` for ``eum``).

    Returns
    -------
    name : str
        The headline forecast (the model's first), e.g. ``"eum"``.
    forecast : ndarray, shape (..., n_issues)

    Raises
    ------
    InputError
        For an unknown model or an option the model does not take.
    """
    try:
        fn = get_model(model)
    except KeyError as exc:
        raise InputError(str(exc.args[0])) from None
    run = fn(state, status_quo=status_quo, **model_options(model, options))
    name = next(iter(run.forecasts))
    return name, np.asarray(run.forecasts[name], dtype=np.float64)


def outcome_payoffs(
    position: FloatArray,
    salience: FloatArray,
    present: BoolArray,
    world_forecasts: FloatArray,
    outcome_world: IntArray,
    costs: FloatArray,
    affinity: FloatArray | None = None,
    care: float | None = None,
) -> FloatArray:
    """Every actor's payoff at every outcome.

    ``payoff[..., o, i] = V_i - costs[..., o, i]`` with ``V`` the relational utility
    (:func:`realpolitik.engine.affinity.relational_utility`) of the expected outcomes
    ``expected_outcome(position, salience, present, forecast[world(o)])``, all with the
    **base** positions, saliences and ``affinity``; without ``affinity``, ``V`` is the expected
    outcome alone.

    Parameters
    ----------
    position, salience : ndarray, shape (..., n_actors, n_issues)
        The base scenario's (possibly perturbed) values.
    present : ndarray of bool, shape (..., n_actors, n_issues)
        The base scenario's mask.
    world_forecasts : ndarray, shape (..., n_worlds, n_issues)
    outcome_world : ndarray of int, shape (n_outcomes,)
    costs : ndarray, shape (..., n_outcomes, n_actors)

    Returns
    -------
    ndarray, shape (..., n_outcomes, n_actors)

    Examples
    --------
    One actor at 20 (salience 1) on one issue; two outcomes forecast at 20 and 70, the second
    costing it 0.1:

    >>> outcome_payoffs(np.array([[20.0]]), np.array([[1.0]]), np.array([[True]]),
    ...                 np.array([[20.0], [70.0]]), np.array([0, 1]), np.array([[0.0], [0.1]]))
    array([[1. ],
           [0.4]])
    """
    f = np.take(world_forecasts, outcome_world, axis=-2)  # (..., n_outcomes, n_issues)
    value = expected_outcome(
        position[..., None, :, :], salience[..., None, :, :], present[..., None, :, :], f
    )
    if affinity is not None:
        value = relational_utility(value, np.asarray(affinity)[..., None, :, :], care)
    return value - costs


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


def path_label(game: GameTree, k: int) -> str:
    """The options of path ``k`` joined by arrows, e.g. ``strike-us → war → back-iran``."""
    return " → ".join(option for _, option in game.paths[k].steps)


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


__all__ = [
    "EscalationResult",
    "OutcomeArrays",
    "find_tree",
    "game_tree",
    "headline_forecast",
    "model_options",
    "outcome_arrays",
    "outcome_payoffs",
    "path_label",
    "shocked_tree",
    "solve_escalation",
]

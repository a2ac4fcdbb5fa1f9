"""Every outcome's world (its shocked scenario) as arrays aligned to the base scenario."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.affinity import abandonment_cost
from realpolitik.engine.conflict import war_cost
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError, ShockError
from realpolitik.scenario.arrays import relation_arrays, to_state
from realpolitik.scenario.arrays import status_quo as scenario_status_quo
from realpolitik.scenario.model import EscalationTree, Scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.outcomes.fights import FightStage, StageRecorder
from realpolitik.simulate.outcomes.trees import _applied_note, find_tree


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
    fights : tuple of FightStage, optional
        The worlds' fights with their inputs, in the order applied (what a Monte Carlo run
        fights again with its own draws, :func:`realpolitik.simulate.outcomes.fights.refight`).
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
    fights: tuple[FightStage, ...] = ()

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

    def derived_costs(self, war: FloatArray | None = None) -> FloatArray:
        """The costs the model derives (fighting, abandonment), shape (..., n_outcomes, n_actors).

        ``war`` replaces the point costs of fighting, e.g. a Monte Carlo run's (shape (r,
        n_outcomes, n_actors), from the chances of its own draws).
        """
        out = np.zeros_like(self.costs)
        for part in (self.abandon, self.war if war is None else war):
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

    In the war Iran fights the US alone; the fight is decided by their military figures (SIPRI,
    US$ billion: 12.6 against 732), and Iran keeps, in expectation, the share of its capability
    (45) given by its chance to prevail, 45 · 12.6 / 744.6:

    >>> round(float(arrays.capability[arrays.outcome_world[k], i]), 2)
    0.76
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
    stages: list[FightStage] = []
    costs = np.zeros((len(t.outcomes), len(actors)))
    for k, out in enumerate(t.outcomes):
        key = (tuple(out.shocks), joins.get(out.id, ()))
        if key not in worlds:
            worlds[key] = len(states)
            recorder = StageRecorder(
                lambda sc: _aligned_state(sc, actor_at, issue_at), actor_at, issue_at
            )
            try:
                shocked = apply_shocks(scenario, key[0], dict(key[1]), observe=recorder)
            except ShockError as exc:
                raise ShockError(
                    f"escalation tree {t.id!r}, outcome {out.id!r}: {exc}"
                    f"{_applied_note(applied, key[0])}"
                ) from None
            states.append(_aligned_state(shocked, actor_at, issue_at))
            stages.extend(recorder.stages(len(states) - 1, states[-1]))
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
        fights=tuple(stages),
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

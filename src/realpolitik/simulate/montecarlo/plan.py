"""The plan of a study and one chunk of its runs: draw every run's world, forecast, solve.

:func:`run_chunk` is a pure function of a :class:`MonteCarloPlan` and a range of runs (what Dask
and the worker processes run); run ``k`` always draws from its own generator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from realpolitik._types import SeedLike
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError
from realpolitik.scenario.model import EscalationTree, Scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.escalation import DEFAULT_LAMBDA, GameTree, solve_qre
from realpolitik.simulate.montecarlo.spec import (
    CAPABILITY,
    COST,
    POSITION,
    SALIENCE,
    InputSpec,
    input_spec,
)
from realpolitik.simulate.outcomes import (
    Noise,
    OutcomeArrays,
    headline_forecast,
    outcome_arrays,
    outcome_payoffs,
    refight,
    shocked_tree,
    war_costs,
)


@dataclass(frozen=True)
class MonteCarloPlan:
    """Everything a chunk of runs needs, as plain arrays (what Dask ships to its workers).

    Parameters
    ----------
    arrays : OutcomeArrays
        The worlds (world 0 is the scenario; one more per distinct outcome of the tree).
    spec : InputSpec
    model : str
    options : dict
        Model options.
    game : GameTree or None
        The tree to solve in every run, if any.
    lam : float
    entropy : int
        The root seed's entropy; run ``k`` uses ``SeedSequence(entropy, spawn_key=(*spawn_key,
        k))``, i.e. ``SeedSequence(seed).spawn(n_runs)[k]``.
    spawn_key : tuple of int
    """

    arrays: OutcomeArrays
    spec: InputSpec
    model: str
    options: dict[str, Any]
    game: GameTree | None
    lam: float
    entropy: int | Sequence[int]
    spawn_key: tuple[int, ...]

    def generators(self, start: int, stop: int) -> list[np.random.Generator]:
        """The generators of runs ``start`` to ``stop - 1``."""
        return [
            np.random.default_rng(
                np.random.SeedSequence(self.entropy, spawn_key=(*self.spawn_key, k))
            )
            for k in range(start, stop)
        ]


def run_chunk(plan: MonteCarloPlan, start: int, stop: int) -> dict[str, np.ndarray]:
    """Run ``start`` to ``stop - 1`` of a plan; a pure function of its arguments.

    Returns
    -------
    dict of str to ndarray
        ``inputs`` (r, n_inputs), ``forecasts`` (r, n_issues); with a tree also
        ``paths`` (r, n_paths), ``outcomes`` (r, n_outcomes), ``payoffs`` (r, n_actors),
        ``choices`` (r, n_nodes, max_options), ``outcome_payoffs`` (r, n_outcomes, n_actors),
        ``node_values`` (r, n_nodes, n_actors) and ``world_forecasts`` (r, n_worlds, n_issues).
    """
    a, spec = plan.arrays, plan.spec
    x = spec.draw(plan.generators(start, stop))
    r = x.shape[0]
    n_actors, n_issues = len(a.actor_ids), len(a.issue_ids)
    pos_shift = np.zeros((r, n_actors, n_issues))
    sal_scale, sal_add = np.ones((r, n_actors, n_issues)), np.zeros((r, n_actors, n_issues))
    cap_scale, cap_add = np.ones((r, n_actors)), np.zeros((r, n_actors))
    costs = np.broadcast_to(a.costs, (r, *a.costs.shape)).copy()
    for kind in (POSITION, SALIENCE, CAPABILITY, COST):
        sel = spec.kind == kind
        if not sel.any():
            continue
        v, base = x[:, sel], spec.value[sel]
        act, idx = spec.actor[sel], spec.index[sel]
        if kind == POSITION:
            pos_shift[:, act, idx] = v - base
        elif kind == COST:
            costs[:, idx, act] += v - base
        else:
            pos = base > 0
            scale = np.where(pos, v / np.where(pos, base, 1.0), 1.0)
            add = np.where(pos, 0.0, v - base)
            if kind == SALIENCE:
                sal_scale[:, act, idx], sal_add[:, act, idx] = scale, add
            else:
                cap_scale[:, act], cap_add[:, act] = scale, add
    base_cap, fights = a.capability, a.fights
    shrink = _capability_shrink(a, x[:, spec.kind == CAPABILITY])
    if shrink != 1.0:
        # Near the largest float a drawn capability times its factor overflows; only the
        # ratios of capabilities count, so all of them are divided by one power of two (exact).
        base_cap, cap_add = base_cap / shrink, cap_add / shrink
        fights = tuple(replace(st, capability=st.capability / shrink) for st in fights)
    noise = Noise(pos_shift, sal_scale, sal_add, cap_scale, cap_add)
    worlds = noise.over_worlds()
    present = np.broadcast_to(a.present, (r, *a.present.shape))
    position = worlds.position(a.position, present)
    salience = worlds.salience(a.salience, present)
    capability = worlds.capability(base_cap)
    lose = None
    if fights:
        # Every fight again with the run's inputs (its chances follow the drawn capabilities).
        lose = refight(fights, noise, position, capability)
    n_worlds = a.n_worlds
    affinity = None
    if a.affinity is not None:
        affinity = np.broadcast_to(a.affinity, (r, *a.affinity.shape)).reshape(
            r * n_worlds, n_actors, n_actors
        )
    state = BargainingState(
        position=position.reshape(r * n_worlds, n_actors, n_issues),
        salience=salience.reshape(r * n_worlds, n_actors, n_issues),
        capability=capability.reshape(r * n_worlds, n_actors),
        present=np.ascontiguousarray(present).reshape(r * n_worlds, n_actors, n_issues),
        affinity=affinity,
    )
    _, f = headline_forecast(state, a.status_quo, plan.model, plan.options)
    forecasts = f.reshape(r, n_worlds, n_issues)
    out: dict[str, np.ndarray] = {"inputs": x, "forecasts": forecasts[:, 0]}
    if plan.game is not None:
        war = None if lose is None else war_costs(lose, a.outcome_world)
        costs = costs + a.derived_costs(war)
        payoffs = outcome_payoffs(
            position[:, 0],
            salience[:, 0],
            present[:, 0],
            forecasts,
            a.outcome_world,
            costs,
            None if a.affinity is None else a.affinity[0],
        )
        qre = solve_qre(plan.game, payoffs, plan.lam)
        out["paths"] = qre.path_probabilities
        out["outcomes"] = qre.outcome_probabilities
        out["payoffs"] = qre.payoffs
        out["choices"] = qre.probabilities
        out["outcome_payoffs"] = payoffs
        out["node_values"] = qre.node_values
        out["world_forecasts"] = forecasts
    return out


def _capability_shrink(a: OutcomeArrays, drawn: np.ndarray) -> float:
    """1, or the power of two that keeps every capability a run computes below the largest float.

    A run's capability is a file capability times (drawn / base) of its actor, at most about
    the largest of the file's and the drawn capabilities; with that below 1/16 of the largest
    float nothing overflows.
    """
    tops = [float(np.max(a.capability, initial=0.0)), float(np.max(drawn, initial=0.0))]
    tops += [float(np.max(st.capability, initial=0.0)) for st in a.fights]
    limit = np.finfo(np.float64).max / 16.0
    top = max(tops)
    if not top > limit:
        return 1.0
    return float(np.ldexp(1.0, int(np.frexp(top / limit)[1]) + 4))


def make_plan(
    scenario: Scenario,
    seed: SeedLike | None = None,
    shocks: Sequence[str] = (),
    tree: str | EscalationTree | None = None,
    model: str = HEADLINE_MODEL,
    lam: float = DEFAULT_LAMBDA,
    options: Mapping[str, Any] | None = None,
) -> tuple[MonteCarloPlan, Scenario]:
    """Prepare the runs: apply ``shocks``, build the worlds and the input distributions.

    Returns the plan and the (shocked) scenario it was built from.
    """
    t: EscalationTree | None
    game: GameTree | None
    if tree is not None:
        base, t, game = shocked_tree(scenario, tree, shocks)
        arrays = outcome_arrays(base, t, applied=shocks)
        solve_qre(game, np.zeros((game.n_outcomes, game.n_actors)), lam)  # checks lam early
    else:
        base = apply_shocks(scenario, shocks) if shocks else scenario
        arrays = _base_only(base)
        t, game = None, None
    root = _root_seed(seed)
    assert root.entropy is not None  # SeedSequence draws fresh entropy when given None
    plan = MonteCarloPlan(
        arrays=arrays,
        spec=input_spec(base, t),
        model=model,
        options=dict(options or {}),
        game=game,
        lam=float(lam),
        entropy=root.entropy,
        spawn_key=tuple(root.spawn_key),
    )
    return plan, base


def _base_only(scenario: Scenario) -> OutcomeArrays:
    from realpolitik.scenario.arrays import status_quo, to_state

    state, actors, issues = to_state(scenario)
    return OutcomeArrays(
        actor_ids=tuple(actors),
        issue_ids=tuple(issues),
        outcome_ids=(),
        world_shocks=((),),
        position=state.position[None],
        salience=state.salience[None],
        present=state.present[None],
        capability=state.capability[None],
        status_quo=status_quo(scenario),
        outcome_world=np.zeros(0, dtype=np.int64),
        costs=np.zeros((0, len(actors))),
        affinity=None if state.affinity is None else state.affinity[None],
    )


def _root_seed(seed: SeedLike | None) -> np.random.SeedSequence:
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if isinstance(seed, np.random.Generator):
        raise InputError(
            "a Monte Carlo seed must be an integer or a SeedSequence (a Generator cannot be "
            "split reproducibly across runs); got a Generator"
        )
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise InputError(f"seed must be a non-negative integer or None; got {seed!r}")
    if seed is not None and seed < 0:
        raise InputError(f"seed must be a non-negative integer or None; got {seed}")
    return np.random.SeedSequence(None if seed is None else int(seed))


__all__ = ["MonteCarloPlan", "make_plan", "run_chunk"]

"""The logit agent quantal response equilibrium of a tree, by backward induction."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik._json import json_float as _json_float
from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.exceptions import InputError
from realpolitik.simulate.escalation.tree import GameTree

#: Default rationality ``lambda`` on the [0, 1] utility scale of expected outcomes. With 20, an
#: option better by 0.05 (five points on a fully salient 0-100 issue) is chosen e:1 (73 %) over
#: the other, one better by 0.1 at 88 %, one better by 0.2 at 98 %; see :func:`solve_qre`.
DEFAULT_LAMBDA = 20.0


#: Options within this distance of the best (relative to max(1, |best|)) tie when ``lam=inf``.
TIE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class QREResult:
    """The logit agent quantal response equilibrium of a :class:`GameTree`.

    Every array carries the batch axes of the payoffs first (none for a single game).

    Parameters
    ----------
    tree : GameTree
        The game solved.
    lam : float
        The rationality parameter used.
    probabilities : ndarray, shape (..., n_nodes, max_options)
        Choice probabilities at each node, in option order, padded with zeros.
    reach : ndarray, shape (..., n_nodes)
        Probability that play reaches each node.
    path_probabilities : ndarray, shape (..., n_paths)
        Probability of each path in :attr:`GameTree.paths`; sums to 1.
    outcome_probabilities : ndarray, shape (..., n_outcomes)
        Probability of each outcome (summed over the paths that end in it).
    node_values : ndarray, shape (..., n_nodes, n_actors)
        Each actor's expected payoff from each node on under equilibrium play.
    payoffs : ndarray, shape (..., n_actors)
        Each actor's expected payoff of the whole game (the root's value).
    """

    tree: GameTree
    lam: float
    probabilities: FloatArray
    reach: FloatArray
    path_probabilities: FloatArray
    outcome_probabilities: FloatArray
    node_values: FloatArray
    payoffs: FloatArray

    @property
    def batch_shape(self) -> tuple[int, ...]:
        """The leading batch axes (``()`` for a single game)."""
        return tuple(self.reach.shape[:-1])

    @property
    def choices(self) -> dict[str, dict[str, Any]]:
        """Choice probabilities as ``{node id: {option label: probability}}``.

        Probabilities are floats for a single game and arrays of the batch shape otherwise.
        """
        out: dict[str, dict[str, Any]] = {}
        for i, node in enumerate(self.tree.nodes):
            row = self.probabilities[..., i, :]
            out[node.id] = {label: _scalar(row[..., j]) for j, label in enumerate(node.labels)}
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready summary of a single (unbatched) solution.

        Returns
        -------
        dict
            ``{"tree", "lambda", "nodes": [{"id", "actor", "reach", "choices"}],
            "paths": [{"steps": [{"node", "actor", "option"}], "outcome", "probability"}],
            "outcomes": {name: probability}, "payoffs": {actor: value}}``; ``lambda`` is
            ``None`` for the subgame-perfect limit (JSON has no infinity).

        Raises
        ------
        ValueError
            If the result is batched (summarise one run with ``result[k]`` first).
        """
        if self.batch_shape:
            raise ValueError(
                f"to_dict needs a single game, this result has batch shape {self.batch_shape}"
            )
        tree = self.tree
        choices = self.choices
        return {
            "tree": tree.name,
            "lambda": None if math.isinf(self.lam) else self.lam,
            "nodes": [
                {
                    "id": n.id,
                    "actor": tree.actors[n.actor],
                    "reach": float(self.reach[i]),
                    "choices": choices[n.id],
                }
                for i, n in enumerate(tree.nodes)
            ],
            "paths": [
                {
                    "steps": [
                        {"node": nid, "actor": tree.actors[tree.node(nid).actor], "option": lab}
                        for nid, lab in p.steps
                    ],
                    "outcome": tree.outcomes[p.outcome],
                    "probability": float(self.path_probabilities[k]),
                }
                for k, p in enumerate(tree.paths)
            ],
            "outcomes": {
                o: float(self.outcome_probabilities[k]) for k, o in enumerate(tree.outcomes)
            },
            "payoffs": {a: _json_float(self.payoffs[k]) for k, a in enumerate(tree.actors)},
        }

    def __getitem__(self, key: Any) -> QREResult:
        """Select batch entries (e.g. ``result[3]`` is run 3 of a Monte Carlo batch)."""
        if not self.batch_shape:
            raise IndexError("a single-game result has no batch axis to index")
        return QREResult(
            tree=self.tree,
            lam=self.lam,
            probabilities=self.probabilities[key],
            reach=self.reach[key],
            path_probabilities=self.path_probabilities[key],
            outcome_probabilities=self.outcome_probabilities[key],
            node_values=self.node_values[key],
            payoffs=self.payoffs[key],
        )


def solve_qre(tree: GameTree, payoffs: Any, lam: float = DEFAULT_LAMBDA) -> QREResult:
    r"""Solve an escalation tree as a logit agent quantal response equilibrium.

    Backward induction from the outcomes to the root. At node :math:`n`, where actor :math:`i`
    chooses among options :math:`j` whose continuation values are the vectors :math:`V_j`
    (one entry per actor; an outcome's vector is its payoff row), the choice probabilities are

    .. math:: p_j = \frac{\exp(\lambda V_{j,i})}{\sum_k \exp(\lambda V_{k,i})}

    and the node's value is :math:`V_n = \sum_j p_j V_j`. This is Signorino's (1999)
    strategic-choice model: each actor sees its own payoff of each option with independent
    type-I extreme value (Gumbel) noise of scale :math:`1/\lambda`, i.e. standard deviation
    :math:`\pi / (\lambda \sqrt 6) \approx 1.28 / \lambda`, knows the others' choice
    probabilities at later nodes, and picks the option that looks best. ``lam = 0`` gives
    uniformly random choices; as ``lam`` grows the solution converges to the subgame-perfect
    equilibrium, and ``lam = inf`` gives that limit directly: each actor picks its best option,
    options tied within :data:`TIE_TOLERANCE` splitting the probability evenly.

    *Units.* Payoffs here are expected outcomes on [0, 1] (salience-weighted closeness to an
    actor's positions; 0.01 is one point on a fully salient 0-100 issue), plus any explicit costs
    on the same scale. ``lam`` is the inverse of the noise in those units: the odds of an option
    over another that is worse by :math:`d` are :math:`e^{\lambda d}`. The default
    ``lam = 20`` (:data:`DEFAULT_LAMBDA`) puts the noise s.d. at about 0.064, six points on the
    scale: a gap of 0.05 gives 73 %, 0.1 gives 88 % and 0.2 gives 98 % for the better option.
    That is decisive for the gaps that separate distinct forecasts (typically 0.05-0.3) yet still
    uncertain about near-ties, which the forecasts cannot resolve anyway.

    Parameters
    ----------
    tree : GameTree
        The game.
    payoffs : array_like, shape (..., n_outcomes, n_actors)
        Each actor's payoff at each outcome; any leading axes are a batch (Monte Carlo runs)
        solved at once. An actor's payoff may be NaN at an outcome only if it never chooses on
        the way there; NaN then propagates to its expected payoffs.
    lam : float, default 20
        The rationality parameter :math:`\lambda \geq 0`; ``numpy.inf`` for the subgame-perfect
        choice.

    Returns
    -------
    QREResult

    Raises
    ------
    InputError
        If the payoffs have the wrong shape, ``lam`` is negative or NaN, or an acting actor's
        payoff is not finite.

    Examples
    --------
    A chooses ``hold`` (outcome ``calm``) or ``strike``; after ``strike`` B chooses ``fight``
    (``war``) or ``talk`` (``deal``):

    >>> tree = GameTree.from_mapping({
    ...     "actors": ["A", "B"],
    ...     "outcomes": ["calm", "war", "deal"],
    ...     "nodes": {"a": {"actor": "A", "options": {"hold": "calm", "strike": "b"}},
    ...               "b": {"actor": "B", "options": {"fight": "war", "talk": "deal"}}},
    ... })
    >>> payoffs = [[0.5, 0.5],   # calm
    ...            [0.1, 0.3],   # war
    ...            [0.8, 0.4]]   # deal
    >>> spe = solve_qre(tree, payoffs, np.inf)
    >>> spe.choices
    {'a': {'hold': 0.0, 'strike': 1.0}, 'b': {'fight': 0.0, 'talk': 1.0}}
    >>> spe.payoffs
    array([0.8, 0.4])
    >>> qre = solve_qre(tree, payoffs, lam=1.0)
    >>> round(qre.choices["b"]["talk"], 4)   # e^0.4 / (e^0.3 + e^0.4)
    0.525
    >>> solve_qre(tree, payoffs, lam=0.0).path_probabilities
    array([0.5 , 0.25, 0.25])
    """
    u = np.asarray(payoffs, dtype=np.float64)
    want = (tree.n_outcomes, tree.n_actors)
    if u.ndim < 2 or u.shape[-2:] != want:
        raise InputError(
            f"payoffs for escalation tree {tree.name!r} must have shape (..., n_outcomes, "
            f"n_actors) = (..., {want[0]}, {want[1]}); got shape {u.shape}"
        )
    lam = _check_lambda(lam)
    batch = u.shape[:-2]
    n_runs = math.prod(batch)
    n_out, n_nodes, n_actors = tree.n_outcomes, tree.n_nodes, tree.n_actors
    # Work with the batch axis last, so that gathering children copies contiguous rows.
    # One table of value vectors: outcomes first, then nodes (filled leaves-up).
    table = np.empty((n_out + n_nodes, n_actors, n_runs))
    table[:n_out] = u.reshape(n_runs, n_out, n_actors).transpose(1, 2, 0)
    probs = np.zeros((n_nodes, tree.max_options, n_runs))
    for level in reversed(tree._levels):
        child = tree._child[level]  # (k, m)
        mask = tree._mask[level][..., None]  # (k, m, 1)
        actor = tree._actor[level][:, None]  # (k, 1)
        vals = table[child]  # (k, m, n_actors, n_runs)
        own = table[child, actor]  # (k, m, n_runs)
        _check_finite(tree, level, own, mask)
        p = _logit(own, mask, lam)  # (k, m, n_runs)
        pv = p[:, :, None, :]
        table[n_out + level] = np.where(pv > 0, pv * vals, 0.0).sum(axis=1)
        probs[level] = p
    root = tree._index[tree.root]
    reach = np.zeros((n_nodes, n_runs))
    reach[root] = 1.0
    for level in tree._levels[1:]:
        par, opt = tree._parent[level], tree._parent_option[level]
        reach[level] = reach[par] * probs[par, opt]
    path_p = reach[tree._leaf_node] * probs[tree._leaf_node, tree._leaf_option]

    def out(a: FloatArray) -> FloatArray:
        """Batch axis back in front, in the caller's batch shape."""
        return np.ascontiguousarray(np.moveaxis(a, -1, 0)).reshape(*batch, *a.shape[:-1])

    path_p = out(path_p)
    node_values = out(table[n_out:])
    return QREResult(
        tree=tree,
        lam=lam,
        probabilities=out(probs),
        reach=out(reach),
        path_probabilities=path_p,
        outcome_probabilities=path_p @ tree._leaf_outcome,
        node_values=node_values,
        payoffs=node_values[..., root, :].copy(),
    )


def _logit(own: FloatArray, mask: BoolArray, lam: float) -> FloatArray:
    """Logit choice probabilities over the options (axis 1; ``mask`` marks real options)."""
    u = np.where(mask, own, -np.inf)
    best = u.max(axis=1, keepdims=True)
    if math.isinf(lam):
        tol = TIE_TOLERANCE * np.maximum(1.0, np.abs(best))
        w = (mask & (u >= best - tol)).astype(np.float64)
    else:
        w = np.where(mask, np.exp(lam * (np.where(mask, own, 0.0) - best)), 0.0)
    return w / w.sum(axis=1, keepdims=True)


def _check_lambda(lam: Any) -> float:
    """Return ``lam`` as a float, or raise if it is not a number >= 0."""
    try:
        value = float(lam)
    except (TypeError, ValueError):
        value = math.nan
    if not value >= 0:
        raise InputError(
            f"lambda must be a number >= 0 (inf for the subgame-perfect choice); got {lam!r}"
        )
    return value


def _check_finite(tree: GameTree, level: IntArray, own: FloatArray, mask: BoolArray) -> None:
    """Raise if an acting actor's value of one of its options is not finite."""
    bad = (mask & ~np.isfinite(own)).any(axis=-1)
    if not bad.any():
        return
    k, j = (int(x) for x in np.argwhere(bad)[0])
    node = tree.nodes[int(level[k])]
    label, child = node.options[j]
    to = f"outcome {tree.outcomes[child]!r}" if isinstance(child, int) else f"node {child!r}"
    raise InputError(
        f"escalation tree {tree.name!r}, node {node.id!r}: actor {tree.actors[node.actor]!r} "
        f"chooses here but its payoff of option {label!r} (leading to {to}) is not a finite "
        f"number; give it a payoff at every outcome it can reach"
    )


def _scalar(x: FloatArray) -> Any:
    """A 0-d array as a float, anything else unchanged."""
    return float(x) if np.ndim(x) == 0 else x

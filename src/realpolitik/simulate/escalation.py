"""Escalation trees: sequential games solved as a logit agent quantal response equilibrium.

An escalation tree is a finite game of perfect information. At each node one actor chooses among
named options; an option leads to another node or ends the game in an *outcome* (in a scenario,
an outcome is a set of shocks, and every actor's payoff there is its expected outcome from the
forecast on the shocked scenario). :func:`solve_qre` solves the game by backward induction with
logit choice at every node (the strategic-choice model of Signorino 1999; the agent logit quantal
response equilibrium of McKelvey & Palfrey 1998, which for perfect-information trees is this same
backward induction). Everything is vectorised over any leading batch axes of the payoffs, so a
Monte Carlo run of thousands of payoff draws is solved in one call.

References
----------
.. [1] C. S. Signorino, "Strategic Interaction and the Statistical Analysis of International
   Conflict", American Political Science Review 93(2), 279-297, 1999.
.. [2] R. D. McKelvey and T. R. Palfrey, "Quantal Response Equilibria for Extensive Form Games",
   Experimental Economics 1(1), 9-41, 1998.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from realpolitik._json import json_float as _json_float
from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.exceptions import InputError

#: Default rationality ``lambda`` on the [0, 1] utility scale of expected outcomes. With 20, an
#: option better by 0.05 (five points on a fully salient 0-100 issue) is chosen e:1 (73 %) over
#: the other, one better by 0.1 at 88 %, one better by 0.2 at 98 %; see :func:`solve_qre`.
DEFAULT_LAMBDA = 20.0

#: Options within this distance of the best (relative to max(1, |best|)) tie when ``lam=inf``.
TIE_TOLERANCE = 1e-9

Child = str | int
"""Where an option leads: a node id (``str``) or a terminal outcome index (``int``)."""


@dataclass(frozen=True)
class Node:
    """One decision node of a :class:`GameTree`.

    Parameters
    ----------
    id : str
        Unique name of the node.
    actor : int
        Index (into :attr:`GameTree.actors`) of the actor who chooses here.
    options : tuple of (str, str or int)
        ``(label, child)`` pairs in display order; ``child`` is the id of the next node or the
        index of the outcome that ends the game.
    """

    id: str
    actor: int
    options: tuple[tuple[str, Child], ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The option labels in order."""
        return tuple(label for label, _ in self.options)


@dataclass(frozen=True)
class Path:
    """One way through the tree, from the root to an outcome.

    Parameters
    ----------
    steps : tuple of (str, str)
        ``(node id, option label)`` for each choice made, root first.
    outcome : int
        Index of the outcome reached.
    """

    steps: tuple[tuple[str, str], ...]
    outcome: int


@dataclass(frozen=True)
class GameTree:
    """A sequential game of perfect information (an escalation tree).

    Build it directly from :class:`Node` objects, or from plain data with :meth:`from_mapping`.
    The constructor checks that the nodes form one tree rooted at ``root`` (every other node has
    exactly one parent, every node is reachable) and precomputes the index arrays the vectorised
    solver uses.

    Parameters
    ----------
    actors : tuple of str
        Actor names; :attr:`Node.actor` indexes this, and payoff arrays have one column per actor.
    outcomes : tuple of str
        Outcome names; an option's integer child indexes this. Several options may end in the
        same outcome.
    nodes : tuple of Node
        The decision nodes, in any order.
    root : str
        Id of the first node.
    name : str
        Name of the tree.

    Raises
    ------
    InputError
        If the nodes do not form a valid tree (the message names the node and option at fault).

    Examples
    --------
    >>> tree = GameTree(
    ...     actors=("A", "B"),
    ...     outcomes=("calm", "war", "deal"),
    ...     nodes=(Node("a", 0, (("hold", 0), ("strike", "b"))),
    ...            Node("b", 1, (("fight", 1), ("talk", 2)))),
    ...     root="a",
    ... )
    >>> tree.n_nodes, tree.n_paths
    (2, 3)
    >>> [p.steps for p in tree.paths]
    [(('a', 'hold'),), (('a', 'strike'), ('b', 'fight')), (('a', 'strike'), ('b', 'talk'))]
    """

    actors: tuple[str, ...]
    outcomes: tuple[str, ...]
    nodes: tuple[Node, ...]
    root: str
    name: str = "escalation"

    # Precomputed in __post_init__ (not part of equality).
    paths: tuple[Path, ...] = field(init=False, repr=False, compare=False)
    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _levels: tuple[IntArray, ...] = field(init=False, repr=False, compare=False)
    _actor: IntArray = field(init=False, repr=False, compare=False)
    _child: IntArray = field(init=False, repr=False, compare=False)
    _mask: BoolArray = field(init=False, repr=False, compare=False)
    _parent: IntArray = field(init=False, repr=False, compare=False)
    _parent_option: IntArray = field(init=False, repr=False, compare=False)
    _leaf_node: IntArray = field(init=False, repr=False, compare=False)
    _leaf_option: IntArray = field(init=False, repr=False, compare=False)
    _leaf_outcome: FloatArray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "actors", tuple(self.actors))
        object.__setattr__(self, "outcomes", tuple(self.outcomes))
        object.__setattr__(self, "nodes", tuple(self.nodes))
        where = f"escalation tree {self.name!r}"
        _check_names("actor", self.actors, where)
        _check_names("outcome", self.outcomes, where, allow_empty=True)
        if not self.nodes:
            raise InputError(f"{where}: expected at least one node, found none")
        index: dict[str, int] = {}
        for i, node in enumerate(self.nodes):
            if not isinstance(node.id, str) or not node.id:
                raise InputError(f"{where}: node ids must be non-empty strings, found {node.id!r}")
            if node.id in index:
                raise InputError(f"{where}: node id {node.id!r} is used twice")
            index[node.id] = i
        if self.root not in index:
            raise InputError(
                f"{where}: the root {self.root!r} is not a node; nodes are {', '.join(index)}"
            )
        n_nodes, n_outcomes = len(self.nodes), len(self.outcomes)
        parent = np.full(n_nodes, -1, dtype=np.int64)
        parent_option = np.full(n_nodes, -1, dtype=np.int64)
        for i, node in enumerate(self.nodes):
            at = f"{where}, node {node.id!r}"
            if isinstance(node.actor, bool) or not isinstance(node.actor, int | np.integer):
                raise InputError(f"{at}: the actor must be an index, found {node.actor!r}")
            if not 0 <= node.actor < len(self.actors):
                raise InputError(
                    f"{at}: actor index {node.actor} is out of range [0, {len(self.actors)})"
                )
            if not node.options:
                raise InputError(f"{at}: expected at least one option, found none")
            labels = [label for label, _ in node.options]
            for label in labels:
                if not isinstance(label, str) or not label:
                    raise InputError(
                        f"{at}: option labels must be non-empty strings, got {label!r}"
                    )
            if len(set(labels)) != len(labels):
                dup = next(lab for lab in labels if labels.count(lab) > 1)
                raise InputError(f"{at}: option {dup!r} appears twice")
            for j, (label, child) in enumerate(node.options):
                if isinstance(child, str):
                    if child not in index:
                        raise InputError(
                            f"{at}, option {label!r}: leads to unknown node {child!r}; "
                            f"nodes are {', '.join(index)}"
                        )
                    k = index[child]
                    if k == index[self.root]:
                        raise InputError(f"{at}, option {label!r}: leads back to the root")
                    if parent[k] >= 0:
                        other = self.nodes[parent[k]]
                        raise InputError(
                            f"{at}, option {label!r}: node {child!r} already follows node "
                            f"{other.id!r}; each node must have exactly one parent (a tree)"
                        )
                    parent[k], parent_option[k] = i, j
                elif isinstance(child, int | np.integer) and not isinstance(child, bool):
                    if not 0 <= child < n_outcomes:
                        raise InputError(
                            f"{at}, option {label!r}: outcome index {child} is out of range "
                            f"[0, {n_outcomes})"
                        )
                else:
                    raise InputError(
                        f"{at}, option {label!r}: a child must be a node id (str) or an outcome "
                        f"index (int), found {child!r}"
                    )
        # Breadth-first levels from the root; unreachable nodes are an error.
        root = index[self.root]
        levels: list[list[int]] = [[root]]
        seen = {root}
        while True:
            nxt = [
                index[c] for i in levels[-1] for _, c in self.nodes[i].options if isinstance(c, str)
            ]
            if not nxt:
                break
            seen.update(nxt)
            levels.append(nxt)
        if len(seen) != n_nodes:
            lost = [n.id for i, n in enumerate(self.nodes) if i not in seen]
            raise InputError(
                f"{where}: node(s) {', '.join(map(repr, lost))} cannot be reached from the root "
                f"{self.root!r}"
            )
        max_options = max(len(n.options) for n in self.nodes)
        child_arr = np.zeros((n_nodes, max_options), dtype=np.int64)
        mask = np.zeros((n_nodes, max_options), dtype=bool)
        for i, node in enumerate(self.nodes):
            for j, (_, c) in enumerate(node.options):
                child_arr[i, j] = n_outcomes + index[c] if isinstance(c, str) else int(c)
                mask[i, j] = True
        # Terminal paths, depth first in option order.
        paths: list[Path] = []
        leaf_node: list[int] = []
        leaf_option: list[int] = []

        def walk(i: int, steps: tuple[tuple[str, str], ...]) -> None:
            node = self.nodes[i]
            for j, (label, c) in enumerate(node.options):
                here = (*steps, (node.id, label))
                if isinstance(c, str):
                    walk(index[c], here)
                else:
                    paths.append(Path(here, int(c)))
                    leaf_node.append(i)
                    leaf_option.append(j)

        walk(root, ())
        leaf_outcome = np.zeros((len(paths), n_outcomes))
        leaf_outcome[np.arange(len(paths)), [p.outcome for p in paths]] = 1.0
        put = object.__setattr__
        put(self, "paths", tuple(paths))
        put(self, "_index", index)
        put(self, "_levels", tuple(np.asarray(lv, dtype=np.int64) for lv in levels))
        put(self, "_actor", np.array([n.actor for n in self.nodes], dtype=np.int64))
        put(self, "_child", child_arr)
        put(self, "_mask", mask)
        put(self, "_parent", parent)
        put(self, "_parent_option", parent_option)
        put(self, "_leaf_node", np.asarray(leaf_node, dtype=np.int64))
        put(self, "_leaf_option", np.asarray(leaf_option, dtype=np.int64))
        put(self, "_leaf_outcome", leaf_outcome)

    @property
    def n_actors(self) -> int:
        """Number of actors (payoff columns)."""
        return len(self.actors)

    @property
    def n_outcomes(self) -> int:
        """Number of outcomes (payoff rows)."""
        return len(self.outcomes)

    @property
    def n_nodes(self) -> int:
        """Number of decision nodes."""
        return len(self.nodes)

    @property
    def n_paths(self) -> int:
        """Number of terminal paths (root-to-outcome ways through the tree)."""
        return len(self.paths)

    @property
    def max_options(self) -> int:
        """The largest number of options at any node (the padded width of choice arrays)."""
        return int(self._mask.shape[1])

    def node(self, node_id: str) -> Node:
        """Return the node called ``node_id``.

        Raises
        ------
        InputError
            If there is no such node (the message lists the nodes).
        """
        try:
            return self.nodes[self._index[node_id]]
        except KeyError:
            raise InputError(
                f"escalation tree {self.name!r} has no node {node_id!r}; "
                f"nodes are {', '.join(self._index)}"
            ) from None

    def node_index(self, node_id: str) -> int:
        """Return the position of node ``node_id`` in :attr:`nodes`."""
        self.node(node_id)
        return self._index[node_id]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> GameTree:
        """Build a tree from plain data (as read from YAML or JSON).

        Parameters
        ----------
        data : mapping
            Keys: ``actors`` (list of names), ``outcomes`` (list of names, or of mappings with
            an ``id``; optional when every terminal option gives an integer index, then named
            ``"0"``, ``"1"``, ...), ``nodes`` (a list of ``{id, actor, options}`` or a mapping
            ``id -> {actor, options}``), ``root`` (optional: the first node) and ``name`` (or
            ``id``; optional). A node's ``actor`` is an actor name or index. ``options`` is a
            mapping ``label -> child``, or a list of ``[label, child]`` pairs or of ``{id:
            label, next: node id}`` / ``{id: label, outcome: name}`` mappings (the scenario
            file form). A ``child`` is ``{"node": id}``, ``{"outcome": name or index}``, a bare
            integer (an outcome index) or a bare string naming a node or an outcome (an error
            if it names both).

        Returns
        -------
        GameTree

        Raises
        ------
        InputError
            If anything is missing, unknown or ambiguous.

        Examples
        --------
        >>> tree = GameTree.from_mapping({
        ...     "actors": ["A", "B"],
        ...     "outcomes": ["calm", "war", "deal"],
        ...     "nodes": {"a": {"actor": "A", "options": {"hold": "calm", "strike": "b"}},
        ...               "b": {"actor": "B", "options": {"fight": "war", "talk": "deal"}}},
        ... })
        >>> tree.root, tree.node("b").options
        ('a', (('fight', 1), ('talk', 2)))
        >>> GameTree.from_mapping(tree.to_mapping()) == tree
        True
        """
        if not isinstance(data, Mapping):
            raise InputError(f"an escalation tree must be a mapping, found {type(data).__name__}")
        name = str(data.get("name", data.get("id", "escalation")))
        where = f"escalation tree {name!r}"
        actors = _name_list(data.get("actors"), "actors", where)
        raw_nodes = data.get("nodes")
        if isinstance(raw_nodes, Mapping):
            items = [(nid, spec) for nid, spec in raw_nodes.items()]
        elif isinstance(raw_nodes, Sequence) and not isinstance(raw_nodes, str):
            items = []
            for k, spec in enumerate(raw_nodes):
                if not isinstance(spec, Mapping) or "id" not in spec:
                    raise InputError(f"{where}: nodes[{k}] must be a mapping with an 'id'")
                items.append((spec["id"], spec))
        else:
            raise InputError(
                f"{where}: 'nodes' must be a list of nodes or a mapping of id to node, "
                f"found {raw_nodes!r}"
            )
        if not items:
            raise InputError(f"{where}: expected at least one node, found none")
        node_ids = {str(nid) for nid, _ in items}
        if "outcomes" in data and data["outcomes"] is not None:
            outcomes = _name_list(data["outcomes"], "outcomes", where, allow_empty=True)
        else:
            outcomes = None
        actor_at = {a: i for i, a in enumerate(actors)}
        parsed: list[tuple[str, Any, list[tuple[str, Any]]]] = []
        max_index = -1
        for nid, spec in items:
            at = f"{where}, node {nid!r}"
            if not isinstance(spec, Mapping):
                raise InputError(f"{at}: expected a mapping with 'actor' and 'options'")
            if "actor" not in spec:
                raise InputError(f"{at}: missing 'actor'")
            actor = spec["actor"]
            if isinstance(actor, str):
                if actor not in actor_at:
                    raise InputError(
                        f"{at}: unknown actor {actor!r}; actors are {', '.join(actors)}"
                    )
                actor = actor_at[actor]
            opts = spec.get("options")
            if isinstance(opts, Mapping):
                pairs = [(str(label), child) for label, child in opts.items()]
            elif isinstance(opts, Sequence) and not isinstance(opts, str):
                pairs = []
                for pair in opts:
                    if isinstance(pair, Mapping) and "id" in pair:
                        pairs.append((str(pair["id"]), _option_target(pair, f"{at}, option")))
                        continue
                    if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
                        raise InputError(
                            f"{at}: each option must be a [label, child] pair or a mapping "
                            f"{{id, next or outcome}}, found {pair!r}"
                        )
                    pairs.append((str(pair[0]), pair[1]))
            else:
                raise InputError(
                    f"{at}: 'options' must be a mapping of label to child, found {opts!r}"
                )
            for _, child in pairs:
                if isinstance(child, Mapping) and "outcome" in child:
                    child = child["outcome"]
                if isinstance(child, int) and not isinstance(child, bool):
                    max_index = max(max_index, child)
            parsed.append((str(nid), actor, pairs))
        if outcomes is None:
            outcomes = tuple(str(k) for k in range(max_index + 1))
        outcome_at = {o: i for i, o in enumerate(outcomes)}
        nodes = []
        for nid, actor, pairs in parsed:
            options = []
            for label, child in pairs:
                at = f"{where}, node {nid!r}, option {label!r}"
                options.append((label, _resolve_child(child, node_ids, outcome_at, at)))
            nodes.append(Node(nid, actor, tuple(options)))
        root = str(data.get("root") or parsed[0][0])
        return cls(actors=actors, outcomes=outcomes, nodes=tuple(nodes), root=root, name=name)

    def to_mapping(self) -> dict[str, Any]:
        """Return the tree as plain data (the canonical form :meth:`from_mapping` reads).

        Examples
        --------
        >>> tree = GameTree(("A",), ("x", "y"), (Node("a", 0, (("l", 0), ("r", 1))),), "a")
        >>> tree.to_mapping()["nodes"]
        [{'id': 'a', 'actor': 'A', 'options': {'l': {'outcome': 'x'}, 'r': {'outcome': 'y'}}}]
        """
        return {
            "name": self.name,
            "actors": list(self.actors),
            "outcomes": list(self.outcomes),
            "root": self.root,
            "nodes": [
                {
                    "id": n.id,
                    "actor": self.actors[n.actor],
                    "options": {
                        label: {"node": c} if isinstance(c, str) else {"outcome": self.outcomes[c]}
                        for label, c in n.options
                    },
                }
                for n in self.nodes
            ],
        }


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


def _option_target(option: Mapping[str, Any], at: str) -> Any:
    """The child of an option written as ``{id, next: node}`` or ``{id, outcome: name}``."""
    nxt, outcome = option.get("next"), option.get("outcome")
    if (nxt is None) == (outcome is None):
        raise InputError(
            f"{at} {option['id']!r}: needs exactly one of 'next' (a node id) or 'outcome'"
        )
    return {"node": nxt} if nxt is not None else {"outcome": outcome}


def _resolve_child(child: Any, node_ids: set[str], outcome_at: dict[str, int], at: str) -> Child:
    """Turn one option's child spec into a node id or an outcome index."""
    if isinstance(child, Mapping):
        if set(child) == {"node"}:
            if str(child["node"]) not in node_ids:
                raise InputError(f"{at}: unknown node {child['node']!r}")
            return str(child["node"])
        if set(child) == {"outcome"}:
            return _resolve_outcome(child["outcome"], outcome_at, at)
        raise InputError(f"{at}: expected {{node: id}} or {{outcome: name}}, found {dict(child)!r}")
    if isinstance(child, int) and not isinstance(child, bool):
        return _resolve_outcome(child, outcome_at, at)
    if isinstance(child, str):
        is_node, is_outcome = child in node_ids, child in outcome_at
        if is_node and is_outcome:
            raise InputError(
                f"{at}: {child!r} is both a node and an outcome; write {{node: {child}}} or "
                f"{{outcome: {child}}}"
            )
        if is_node:
            return child
        if is_outcome:
            return outcome_at[child]
        raise InputError(
            f"{at}: {child!r} is neither a node ({', '.join(sorted(node_ids))}) nor an outcome "
            f"({', '.join(outcome_at) or 'none'})"
        )
    raise InputError(f"{at}: expected a node id or an outcome, found {child!r}")


def _resolve_outcome(value: Any, outcome_at: dict[str, int], at: str) -> int:
    """Turn an outcome name or index into an index."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value < len(outcome_at):
            raise InputError(f"{at}: outcome index {value} is out of range [0, {len(outcome_at)})")
        return value
    if isinstance(value, str) and value in outcome_at:
        return outcome_at[value]
    raise InputError(
        f"{at}: unknown outcome {value!r}; outcomes are {', '.join(outcome_at) or 'none'}"
    )


def _name_list(value: Any, key: str, where: str, allow_empty: bool = False) -> tuple[str, ...]:
    """Read a list of names, or raise naming ``key``."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise InputError(f"{where}: {key!r} must be a list of names, found {value!r}")
    names = tuple(str(v["id"]) if isinstance(v, Mapping) and "id" in v else str(v) for v in value)
    _check_names(key.rstrip("s"), names, where, allow_empty=allow_empty)
    return names


def _check_names(kind: str, names: tuple[str, ...], where: str, allow_empty: bool = False) -> None:
    """Raise if ``names`` is empty (unless allowed) or repeats a name."""
    if not names and not allow_empty:
        raise InputError(f"{where}: expected at least one {kind}, found none")
    seen: set[str] = set()
    for n in names:
        if n in seen:
            raise InputError(f"{where}: {kind} {n!r} is listed twice")
        seen.add(n)


def _scalar(x: FloatArray) -> Any:
    """A 0-d array as a float, anything else unchanged."""
    return float(x) if np.ndim(x) == 0 else x


__all__ = [
    "DEFAULT_LAMBDA",
    "TIE_TOLERANCE",
    "GameTree",
    "Node",
    "Path",
    "QREResult",
    "solve_qre",
]

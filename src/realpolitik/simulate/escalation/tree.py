"""The game tree :class:`GameTree`: its nodes, paths and the arrays the solver works on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.exceptions import InputError
from realpolitik.simulate.escalation._mapping import (
    _check_names,
    _name_list,
    _option_target,
    _resolve_child,
)
from realpolitik.simulate.escalation.nodes import Node, Path


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

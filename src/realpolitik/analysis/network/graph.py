"""Signed graphs: the edges of a graph by sign, a graph's signs, a scenario's relations as one."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from realpolitik._types import FloatArray
from realpolitik.exceptions import InputError

if TYPE_CHECKING:
    from realpolitik.scenario.model import Scenario


# --------------------------------------------------------------------------------------------
# Edges
# --------------------------------------------------------------------------------------------
def signed_edges(
    G: nx.Graph, *, weight: str = "weight"
) -> tuple[list[Hashable], list[tuple[Hashable, Hashable]], FloatArray]:
    """Return the nodes, the signed edges and their weights, dropping weight-0 edges.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph whose edges carry a signed ``weight`` attribute.
    weight : str
        Name of the edge attribute.

    Returns
    -------
    nodes : list
        Nodes in graph order.
    edges : list of (u, v)
        Edges with a nonzero weight, each with ``u`` before ``v`` in graph order.
    weights : ndarray, shape (n_edges,)

    Raises
    ------
    InputError
        If an edge has no ``weight`` or a non-finite one, or the graph is directed.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": 0.5}), ("b", "c", {"weight": 0.0})])
    >>> signed_edges(G)
    (['a', 'b', 'c'], [('a', 'b')], array([0.5]))
    """
    if G.is_directed() or G.is_multigraph():
        raise InputError(
            f"a signed graph must be an undirected simple nx.Graph; got {type(G).__name__}"
        )
    nodes = list(G.nodes)
    order = {v: i for i, v in enumerate(nodes)}
    edges: list[tuple[Hashable, Hashable]] = []
    weights: list[float] = []
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        if weight not in data:
            raise InputError(
                f"edge ({u!r}, {v!r}) has no {weight!r} attribute; expected a signed number (its sign is the edge sign)"
            )
        w = float(data[weight])
        if not np.isfinite(w):
            raise InputError(f"edge ({u!r}, {v!r}) must have a finite {weight!r}; got {w!r}")
        if w == 0.0:
            continue
        edges.append((u, v) if order[u] < order[v] else (v, u))
        weights.append(w)
    perm = sorted(range(len(edges)), key=lambda k: (order[edges[k][0]], order[edges[k][1]]))
    return nodes, [edges[k] for k in perm], np.asarray([weights[k] for k in perm], dtype=float)


def sign_graph(G: nx.Graph, *, weight: str = "weight") -> nx.Graph:
    """Return a copy of ``G`` without weight-0 edges, each edge with a ``sign`` of ±1.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": -0.5}), ("b", "c", {"weight": 0.0})])
    >>> H = sign_graph(G)
    >>> list(H.edges(data="sign")), list(H.nodes)
    ([('a', 'b', -1)], ['a', 'b', 'c'])
    """
    nodes, edges, weights = signed_edges(G, weight=weight)
    H = nx.Graph()
    H.add_nodes_from((v, G.nodes[v]) for v in nodes)
    for (u, v), w in zip(edges, weights, strict=True):
        H.add_edge(u, v, **G.edges[u, v])
        H.edges[u, v]["sign"] = 1 if w > 0 else -1
    return H


# --------------------------------------------------------------------------------------------
# Scenario glue
# --------------------------------------------------------------------------------------------
def signed_graph(scenario: Scenario) -> nx.Graph:
    """The scenario's relations as a signed graph.

    Nodes are the actors in file order (attributes ``name``, ``kind``, ``capability``). Each
    relation of nonzero weight is an edge with ``weight``, ``sign`` (±1), ``type``,
    ``commitment`` and ``committed`` (for a one-way commitment, the committed actor: the first
    of ``between``; otherwise None). Neutral (weight-0) relations are not edges.

    Parameters
    ----------
    scenario : Scenario

    Returns
    -------
    networkx.Graph
    """
    G = nx.Graph()
    for actor in scenario.actors:
        G.add_node(actor.id, name=actor.name, kind=actor.kind, capability=actor.capability)
    for rel in scenario.relations:
        a, b = rel.between
        if rel.weight == 0 or a == b:
            continue
        G.add_edge(
            a,
            b,
            weight=float(rel.weight),
            sign=1 if rel.weight > 0 else -1,
            type=rel.type,
            commitment=rel.commitment,
            committed=a if rel.commitment == "one-way" else None,
        )
    return G

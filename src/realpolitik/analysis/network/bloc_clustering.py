"""Blocs: correlation clustering of a signed graph, exact for small components, local moves beyond."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
import numpy as np

from realpolitik._rng import check_random_state
from realpolitik._types import FloatArray, SeedLike
from realpolitik.analysis.network.frustration_index import EXACT_TIME_LIMIT, FrustrationMethod
from realpolitik.analysis.network.graph import signed_edges
from realpolitik.exceptions import InputError

#: With ``method="auto"``, blocs of a connected component with more nodes than this are found
#: by local moves instead of the integer program.
MAX_EXACT_BLOC_NODES = 40


# --------------------------------------------------------------------------------------------
# Blocs and commitment gaps
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Blocs:
    """A partition of the actors into blocs that best fits the signed relations.

    Parameters
    ----------
    blocs : tuple of tuple
        Blocs of two or more nodes, largest first, then by first node in graph order.
    loners : tuple
        Nodes in a bloc of their own.
    value : float
        Disagreement of the partition: ``|weight|`` (or count) of positive edges between blocs
        plus negative edges inside a bloc.
    weighted : bool
    method : {"exact", "heuristic"}
    """

    blocs: tuple[tuple[Hashable, ...], ...]
    loners: tuple[Hashable, ...]
    value: float
    weighted: bool
    method: Literal["exact", "heuristic"]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "blocs": [list(b) for b in self.blocs],
            "loners": list(self.loners),
            "value": self.value,
            "weighted": self.weighted,
            "method": self.method,
        }


def partition_cost(
    G: nx.Graph,
    parts: Iterable[Iterable[Hashable]],
    *,
    weighted: bool = True,
    weight: str = "weight",
) -> float:
    """Disagreement of a partition: positive edges between parts plus negative edges inside.

    Nodes missing from ``parts`` are each a part of their own.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 1), ("b", "c", -0.5), ("a", "c", 0.3)])
    >>> partition_cost(G, [["a", "b", "c"]])
    0.5
    >>> partition_cost(G, [["a", "b"]], weighted=False)
    1.0
    """
    label: dict[Hashable, int] = {}
    for k, part in enumerate(parts):
        for v in part:
            label[v] = k
    _, edges, weights = signed_edges(G, weight=weight)
    total = 0.0
    for (u, v), w in zip(edges, weights, strict=True):
        same = label.get(u, ("alone", u)) == label.get(v, ("alone", v))
        if (w > 0) != same:
            total += abs(float(w)) if weighted else 1.0
    return total


def _exact_clusters(n: int, W: FloatArray, *, time_limit: float) -> tuple[np.ndarray | None, bool]:
    """Correlation clustering by a binary program over pairs ``y_ij`` (1 = same bloc).

    Minimises ``sum_ij -W_ij y_ij + eps * [no edge] y_ij`` subject to transitivity
    ``y_ij + y_jk - y_ik <= 1`` for every triple (so ``y`` is an equivalence relation); the
    tiny ``eps`` keeps actors without any tie between them apart when nothing favours joining.
    Returns cluster labels (None if no solution) and whether the solution is proven optimal.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    iu, iv = np.triu_indices(n, k=1)
    pair = np.full((n, n), -1, dtype=np.int64)
    pair[iu, iv] = np.arange(len(iu))
    pair[iv, iu] = pair[iu, iv]
    w = W[iu, iv]
    eps = 1e-3 * (np.abs(w[w != 0]).min() if (w != 0).any() else 1.0) / max(len(iu), 1)
    c = np.where(w != 0, -w, eps)
    if n >= 3:
        trip = np.array(list(itertools.combinations(range(n), 3)), dtype=np.int64)
        a, b, d = trip[:, 0], trip[:, 1], trip[:, 2]
        ab, bd, ad = pair[a, b], pair[b, d], pair[a, d]
        t = len(trip)
        rows = np.repeat(np.arange(3 * t), 3)
        cols = np.concatenate(
            [np.stack([ab, bd, ad], 1), np.stack([ab, ad, bd], 1), np.stack([ad, bd, ab], 1)]
        ).ravel()
        vals = np.tile([1.0, 1.0, -1.0], 3 * t)
        A = coo_matrix((vals, (rows, cols)), shape=(3 * t, len(iu))).tocsr()
        constraints = [LinearConstraint(A, -np.inf, 1.0)]
    else:
        constraints = []
    res = milp(
        c,
        constraints=constraints,
        bounds=Bounds(0.0, 1.0),
        integrality=np.ones(len(iu)),
        options={"time_limit": float(time_limit), "mip_rel_gap": 1e-9},
    )
    if res.x is None:
        return None, False
    same = np.zeros((n, n), dtype=bool)
    same[iu, iv] = same[iv, iu] = res.x > 0.5
    labels = np.full(n, -1, dtype=np.int64)
    for i in range(n):
        if labels[i] < 0:
            labels[(same[i] | (np.arange(n) == i)) & (labels < 0)] = i
    return labels, bool(res.status == 0)


def _cluster_cost(labels: np.ndarray, W: FloatArray) -> float:
    same = labels[:, None] == labels[None, :]
    iu, iv = np.triu_indices(len(labels), k=1)
    w, s = W[iu, iv], same[iu, iv]
    return float(np.where((w > 0) & ~s, w, 0.0).sum() + np.where((w < 0) & s, -w, 0.0).sum())


def _heuristic_clusters(
    n: int, W: FloatArray, rng: np.random.Generator, *, n_restarts: int = 20
) -> np.ndarray:
    """Correlation clustering by local moves from singletons, with restarts.

    A node's disagreement in bloc ``C`` is its positive weight minus ``sum_{u in C} W[v, u]``,
    so each node in turn (random order) joins the bloc with the largest such sum, or a bloc of
    its own if every sum is negative, until no node moves. The best restart is kept.
    """
    tol = 1e-12
    best, best_cost = np.arange(n), _cluster_cost(np.arange(n), W)
    for _ in range(n_restarts):
        labels = np.arange(n)
        moved = True
        while moved:
            moved = False
            for v in rng.permutation(n):
                sums = np.bincount(labels, weights=W[v], minlength=n)
                size = np.bincount(labels, minlength=n)
                cur = labels[v]
                own = sums[cur]
                other = np.where(size > 0, sums, -np.inf)
                other[cur] = -np.inf
                t = int(np.argmax(other))
                if other[t] >= 0 and other[t] > own + tol:
                    labels[v] = t
                    moved = True
                elif own < -tol and size[cur] > 1:
                    labels[v] = int(np.flatnonzero(size == 0)[0])
                    moved = True
        cost = _cluster_cost(labels, W)
        if cost < best_cost - tol:
            best, best_cost = labels.copy(), cost
    return best


def blocs(
    G: nx.Graph,
    *,
    weighted: bool = True,
    method: FrustrationMethod = "auto",
    max_exact_nodes: int = MAX_EXACT_BLOC_NODES,
    time_limit: float = EXACT_TIME_LIMIT,
    seed: SeedLike | None = None,
    weight: str = "weight",
) -> Blocs:
    """Blocs: the partition of the actors that best fits the relations (correlation clustering).

    This is the generalised (Davis) counterpart of the two camps: any number of blocs, chosen
    to minimise the disagreement ``sum |weight|`` of positive edges between blocs and negative
    edges inside a bloc (or their count with ``weighted=False``). A graph is clusterable, i.e.
    balanced in the generalised sense, iff the minimum is 0. Plain connected components of the
    positive edges would merge rivals through one shared partner; here a bloc holds only if
    its internal cooperation outweighs its internal hostility. Among equally good partitions,
    actors with no relation between them are kept apart.

    Each connected component is solved exactly (binary program over pairs with transitivity
    constraints, scipy ``milp``) up to ``max_exact_nodes`` nodes with ``method="auto"``, and by
    local moves with restarts otherwise.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph; weight-0 edges are ignored.
    weighted : bool
        Weigh each disagreement by ``|weight|`` (default) or count edges.
    method : {"auto", "exact", "heuristic"}
    max_exact_nodes : int
        Largest component solved exactly by ``"auto"``.
    time_limit : float
        Seconds per component for the integer program.
    seed : int, Generator or None
        Seed of the heuristic.
    weight : str
        Name of the edge attribute.

    Returns
    -------
    Blocs

    Examples
    --------
    Two blocs, hostile to each other, and a loose partner that one hostility keeps out:

    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from(
    ...     [("a", "b", 1), ("c", "d", 1), ("a", "c", -1), ("b", "e", 0.3), ("a", "e", -0.6)]
    ... )
    >>> b = blocs(G)
    >>> b.blocs, b.loners, b.value, b.method
    (((\'a\', \'b\'), (\'c\', \'d\')), (\'e\',), 0.3, \'exact\')
    """
    if method not in ("auto", "exact", "heuristic"):
        raise InputError(f"method must be one of 'auto', 'exact', 'heuristic'; got {method!r}")
    rng = check_random_state(seed)
    nodes, edges, weights = signed_edges(G, weight=weight)
    order = {v: i for i, v in enumerate(nodes)}
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    parts: list[list[Hashable]] = []
    exact_everywhere = True
    for comp in nx.connected_components(H):
        members = sorted(comp, key=order.__getitem__)
        n = len(members)
        if n == 1:
            parts.append(members)
            continue
        local = {v: i for i, v in enumerate(members)}
        W = np.zeros((n, n))
        for (u, v), w in zip(edges, weights, strict=True):
            if u in local:
                c = (abs(w) if weighted else 1.0) * np.sign(w)
                W[local[u], local[v]] = W[local[v], local[u]] = c
        labels: np.ndarray | None = None
        optimal = False
        if method == "exact" or (method == "auto" and n <= max_exact_nodes):
            labels, optimal = _exact_clusters(n, W, time_limit=time_limit)
        if not optimal:
            exact_everywhere = False
            heur = _heuristic_clusters(n, W, rng)
            if labels is None or _cluster_cost(heur, W) < _cluster_cost(labels, W):
                labels = heur
        assert labels is not None
        for lab in dict.fromkeys(labels.tolist()):
            parts.append([members[i] for i in np.flatnonzero(labels == lab)])
    for part in parts:
        part.sort(key=order.__getitem__)
    groups = sorted((p for p in parts if len(p) > 1), key=lambda p: (-len(p), order[p[0]]))
    loners = sorted((p[0] for p in parts if len(p) == 1), key=order.__getitem__)
    return Blocs(
        blocs=tuple(tuple(p) for p in groups),
        loners=tuple(loners),
        value=partition_cost(G, groups, weighted=weighted, weight=weight),
        weighted=weighted,
        method="exact" if exact_everywhere else "heuristic",
    )

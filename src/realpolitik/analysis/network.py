"""The relations between actors as a signed graph: balance, frustration, camps, blocs and gaps.

Definitions used throughout this module:

* **Signed graph.** Nodes are actors; an edge joins two actors whose declared relation has a
  nonzero ``weight`` in [-1, 1]. Relations of weight 0 (neutral) are *not* edges. The sign of
  an edge is ``sign(weight)``; its strength is ``|weight|``.
* **Triads.** A closed triad is three actors joined pairwise by edges. It is *strictly
  balanced* (Heider; Cartwright & Harary 1956) iff the product of its three signs is positive,
  i.e. it has 0 or 2 negative edges. It is balanced in the *generalised* sense (Davis 1967:
  weak balance, clusterability) iff it does not have exactly one negative edge, so all-negative
  triads ("the enemy of my enemy is also my enemy") count as balanced too.
* **Frustration index** (line index of balance; Harary 1959, Aref et al. 2018). The fewest
  edges whose sign must be flipped for the graph to be balanced, which equals the minimum over
  all splits of the nodes in two camps of the number of *frustrated* edges: positive edges
  across the camps and negative edges inside a camp. The weighted version counts ``|weight|``
  instead of 1 per edge. The two **camps** are the two node sets of an optimal split.
* **Blocs.** The partition of the actors, in any number of groups, that minimises the weight of
  positive edges between groups plus negative edges inside one (correlation clustering, the
  generalised counterpart of the two camps; Davis 1967, Bansal et al. 2004). Blocs are its
  groups of two or more actors.
* **Commitment gaps.** Pairs whose declared relation is cooperative (``weight > 0``) without a
  mutual commitment: "an alliance is defined by mutual commitments". One-way commitments are
  reported with who is committed.
* **Position gaps.** Pairs whose declared relation disagrees in sign with what their issue
  positions imply (see :func:`issue_affinity`).

References
----------
.. [1] D. Cartwright and F. Harary, "Structural balance: a generalization of Heider's theory",
   Psychological Review 63(5), 1956.
.. [2] J. A. Davis, "Clustering and structural balance in graphs", Human Relations 20(2), 1967.
.. [3] S. Aref, A. J. Mason and M. C. Wilson, "Computing the line index of balance using integer
   programming optimisation", in Optimization Problems in Graph Theory, Springer, 2018.
.. [4] N. Bansal, A. Blum and S. Chawla, "Correlation clustering", Machine Learning 56, 2004.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from realpolitik._rng import check_random_state
from realpolitik._types import BoolArray, FloatArray, SeedLike
from realpolitik.exceptions import InputError

if TYPE_CHECKING:
    from realpolitik.scenario.model import Scenario

FrustrationMethod = Literal["auto", "exact", "heuristic"]
SalienceWeighting = Literal["product", "min"]

#: With ``method="auto"``, a connected component with more edges than this is solved by the
#: heuristic instead of the integer program (see ``benchmarks/bench_network.py``).
MAX_EXACT_EDGES = 150

#: Seconds the integer program may spend on one component before its best colouring so far is
#: handed to the heuristic (and the result is labelled "heuristic").
EXACT_TIME_LIMIT = 20.0

#: With ``method="auto"``, blocs of a connected component with more nodes than this are found
#: by local moves instead of the integer program.
MAX_EXACT_BLOC_NODES = 40

_TRIAD_COLUMNS = ["a", "b", "c", "n_negative", "strictly_balanced", "generally_balanced"]
_GAP_COLUMNS = ["a", "b", "type", "weight", "commitment", "committed"]
_POSITION_GAP_COLUMNS = ["a", "b", "kind", "declared", "affinity", "disagreement", "n_shared"]


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TriadBalance:
    """Counts of closed triads by their number of negative edges.

    Parameters
    ----------
    counts : tuple of 4 int
        ``counts[k]`` is the number of closed triads with exactly ``k`` negative edges.
    unbalanced : tuple of (node, node, node)
        The strictly unbalanced triads (1 or 3 negative edges), in graph order.
    """

    counts: tuple[int, int, int, int]
    unbalanced: tuple[tuple[Hashable, Hashable, Hashable], ...] = ()

    @property
    def n_triads(self) -> int:
        """Number of closed triads."""
        return int(sum(self.counts))

    @property
    def n_strictly_balanced(self) -> int:
        """Triads with 0 or 2 negative edges."""
        return self.counts[0] + self.counts[2]

    @property
    def n_generally_balanced(self) -> int:
        """Triads with 0, 2 or 3 negative edges."""
        return self.counts[0] + self.counts[2] + self.counts[3]

    @property
    def strict(self) -> float | None:
        """Share of strictly balanced triads (None without triads)."""
        return self.n_strictly_balanced / self.n_triads if self.n_triads else None

    @property
    def generalised(self) -> float | None:
        """Share of generally balanced triads (None without triads)."""
        return self.n_generally_balanced / self.n_triads if self.n_triads else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "n_triads": self.n_triads,
            "by_negative_edges": {str(k): int(c) for k, c in enumerate(self.counts)},
            "strict": {
                "balanced": self.n_strictly_balanced,
                "unbalanced": self.n_triads - self.n_strictly_balanced,
                "share": self.strict,
            },
            "generalised": {
                "balanced": self.n_generally_balanced,
                "unbalanced": self.n_triads - self.n_generally_balanced,
                "share": self.generalised,
            },
            "unbalanced_triads": [list(t) for t in self.unbalanced],
        }


@dataclass(frozen=True)
class Frustration:
    """An optimal (or best found) split of a signed graph in two camps.

    Parameters
    ----------
    value : float
        Number of frustrated edges (``weighted=False``) or their total ``|weight|``.
    weighted : bool
        Whether ``value`` counts edges or sums ``|weight|``.
    method : {"exact", "heuristic"}
        ``"exact"`` when every component was solved to proven optimality by the integer
        program; ``"heuristic"`` otherwise (then ``value`` is an upper bound).
    camps : (tuple, tuple)
        The two camps. Within a connected component the first camp holds the component's
        first node (in graph order); nodes without edges are in neither camp.
    unattached : tuple
        Nodes without any edge (no non-neutral relation).
    frustrated_edges : tuple of (node, node)
        The edges that disagree with the split (positive across, negative inside).
    n_edges : int
        Number of edges of the graph.
    total : float
        Number of edges or total ``|weight|``: the largest ``value`` could be.
    """

    value: float
    weighted: bool
    method: Literal["exact", "heuristic"]
    camps: tuple[tuple[Hashable, ...], tuple[Hashable, ...]]
    unattached: tuple[Hashable, ...]
    frustrated_edges: tuple[tuple[Hashable, Hashable], ...]
    n_edges: int
    total: float

    @property
    def normalised(self) -> float | None:
        """``value / total`` (None for a graph without edges)."""
        return self.value / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "value": self.value,
            "weighted": self.weighted,
            "method": self.method,
            "n_edges": self.n_edges,
            "total": self.total,
            "normalised": self.normalised,
            "frustrated_edges": [list(e) for e in self.frustrated_edges],
        }


@dataclass(frozen=True)
class NetworkReport:
    """Everything :func:`analyse_network` finds about one scenario's relations.

    Parameters
    ----------
    actors : tuple of str
        Actor ids in scenario order.
    n_edges : int
        Non-neutral relations.
    balance : TriadBalance
    frustration : Frustration
        Unweighted frustration index; its camps are the report's camps.
    weighted_frustration : Frustration
        The same with each edge counted by ``|weight|``.
    blocs : Blocs
        Correlation clustering of the relations, see :func:`blocs`.
    commitment_gaps : DataFrame
        See :func:`commitment_gaps`.
    position_gaps : DataFrame
        See :func:`position_gaps`.
    """

    actors: tuple[str, ...]
    n_edges: int
    balance: TriadBalance
    frustration: Frustration
    weighted_frustration: Frustration
    blocs: Blocs
    commitment_gaps: pd.DataFrame = field(repr=False)
    position_gaps: pd.DataFrame = field(repr=False)

    @property
    def camps(self) -> tuple[tuple[Hashable, ...], tuple[Hashable, ...]]:
        """The two camps of the unweighted frustration index."""
        return self.frustration.camps

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (``balance``, ``frustration``, ``camps``, ``commitment_gaps``, ...).

        ``commitment_gaps`` is a list of ``[a, b]`` actor-id pairs; the details are in
        ``commitment_gap_details``.
        """
        gaps = self.commitment_gaps
        return {
            "actors": list(self.actors),
            "n_edges": self.n_edges,
            "balance": self.balance.to_dict(),
            "frustration": self.frustration.to_dict(),
            "weighted_frustration": self.weighted_frustration.to_dict(),
            "camps": [list(c) for c in self.frustration.camps],
            "unattached": list(self.frustration.unattached),
            "blocs": [list(b) for b in self.blocs.blocs],
            "bloc_details": self.blocs.to_dict(),
            "commitment_gaps": [[a, b] for a, b in zip(gaps["a"], gaps["b"], strict=True)],
            "commitment_gap_details": _records(gaps),
            "position_gaps": _records(self.position_gaps),
        }


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in df.to_dict(orient="records"):
        clean = {}
        for k, v in row.items():
            if isinstance(v, np.generic):
                v = v.item()
            if isinstance(v, float) and not np.isfinite(v):
                v = None
            clean[str(k)] = v
        out.append(clean)
    return out


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
# Balance
# --------------------------------------------------------------------------------------------
def _triads(G: nx.Graph, weight: str) -> list[tuple[Hashable, Hashable, Hashable, int]]:
    nodes, edges, weights = signed_edges(G, weight=weight)
    order = {v: i for i, v in enumerate(nodes)}
    neg: dict[Hashable, dict[Hashable, bool]] = {v: {} for v in nodes}
    for (u, v), w in zip(edges, weights, strict=True):
        neg[u][v] = neg[v][u] = bool(w < 0)
    out = []
    for u in nodes:
        later = sorted((v for v in neg[u] if order[v] > order[u]), key=order.__getitem__)
        for j, v in enumerate(later):
            for w in later[j + 1 :]:
                if w in neg[v]:
                    k = int(neg[u][v]) + int(neg[u][w]) + int(neg[v][w])
                    out.append((u, v, w, k))
    return out


def triads(G: nx.Graph, *, weight: str = "weight") -> pd.DataFrame:
    """List every closed triad with its number of negative edges and whether it is balanced.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph (edge attribute ``weight``; weight-0 edges are ignored).
    weight : str
        Name of the edge attribute.

    Returns
    -------
    DataFrame
        Columns ``a, b, c`` (in graph order), ``n_negative`` (0–3), ``strictly_balanced``
        (product of signs positive) and ``generally_balanced`` (not exactly one negative edge).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("a", "c", -1)])
    >>> triads(G)[["a", "b", "c", "n_negative", "strictly_balanced"]].values.tolist()
    [['a', 'b', 'c', 1, False]]
    """
    rows = [(a, b, c, k, k % 2 == 0, k != 1) for a, b, c, k in _triads(G, weight)]
    return pd.DataFrame(rows, columns=_TRIAD_COLUMNS)


def triad_balance(G: nx.Graph, *, weight: str = "weight") -> TriadBalance:
    """Count closed triads by negative edges: the strict and generalised balance shares.

    A triad is strictly balanced iff the product of its signs is positive (0 or 2 negative
    edges); it is balanced in the generalised (Davis) sense iff it does not have exactly one
    negative edge. Edges of weight 0 are not edges.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph.
    weight : str
        Name of the edge attribute holding the signed weight.

    Returns
    -------
    TriadBalance

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", -1), ("b", "c", -1), ("a", "c", -1)])
    >>> tb = triad_balance(G)
    >>> tb.counts, tb.strict, tb.generalised
    ((0, 0, 0, 1), 0.0, 1.0)
    """
    found = _triads(G, weight)
    counts = [0, 0, 0, 0]
    for *_, k in found:
        counts[k] += 1
    unbalanced = tuple((a, b, c) for a, b, c, k in found if k % 2 == 1)
    return TriadBalance(counts=(counts[0], counts[1], counts[2], counts[3]), unbalanced=unbalanced)


# --------------------------------------------------------------------------------------------
# Frustration
# --------------------------------------------------------------------------------------------
def frustration_count(
    G: nx.Graph,
    camps: Mapping[Hashable, int] | Sequence[Iterable[Hashable]],
    *,
    weighted: bool = False,
    weight: str = "weight",
) -> float:
    """Count the edges a given split frustrates (positive across, negative inside a camp).

    Parameters
    ----------
    G : networkx.Graph
        Signed graph.
    camps : mapping node -> 0/1, or two iterables of nodes
        The split. Nodes missing from it are placed in camp 0.
    weighted : bool
        Sum ``|weight|`` instead of counting.
    weight : str
        Name of the edge attribute.

    Returns
    -------
    float

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", 1), ("b", "c", -0.5), ("a", "c", -1)])
    >>> frustration_count(G, [["a", "b"], ["c"]])
    0.0
    >>> frustration_count(G, [["a"], ["b", "c"]], weighted=True)
    1.5
    """
    side = _side_map(camps)
    _, edges, weights = signed_edges(G, weight=weight)
    total = 0.0
    for (u, v), w in zip(edges, weights, strict=True):
        same = side.get(u, 0) == side.get(v, 0)
        if (w > 0) != same:
            total += abs(float(w)) if weighted else 1.0
    return total


def _side_map(camps: Mapping[Hashable, int] | Sequence[Iterable[Hashable]]) -> dict[Hashable, int]:
    if isinstance(camps, Mapping):
        return {k: int(v) for k, v in camps.items()}
    if len(camps) != 2:
        raise InputError(f"camps must be two collections of nodes; got {len(camps)}")
    side = {v: 0 for v in camps[0]}
    side.update({v: 1 for v in camps[1]})
    return side


def _cost_matrix(n: int, iu: np.ndarray, iv: np.ndarray, signed_cost: FloatArray) -> FloatArray:
    J = np.zeros((n, n))
    J[iu, iv] = signed_cost
    J[iv, iu] = signed_cost
    return J


def _split_cost(
    S: FloatArray, iu: np.ndarray, iv: np.ndarray, signed_cost: FloatArray
) -> FloatArray:
    """Frustration cost of each row of ``S`` (±1 spins), shape (n_rows,)."""
    agree = S[..., iu] * S[..., iv] * np.sign(signed_cost)
    return np.where(agree < 0, np.abs(signed_cost), 0.0).sum(axis=-1)


def _local_search(S: FloatArray, H: FloatArray, J: FloatArray, tol: float) -> None:
    """Greedy best single flips, in place, for every row at once until none improves.

    With ``J`` the symmetric matrix of signed costs and ``H = S @ J``, flipping node ``i`` of
    row ``r`` changes the frustration by ``S[r, i] * H[r, i]``.
    """
    rows = np.arange(S.shape[0])
    while True:
        gain = S * H
        i = np.argmin(gain, axis=1)
        improving = gain[rows, i] < -tol
        if not improving.any():
            return
        r, i = rows[improving], i[improving]
        S[r, i] = -S[r, i]
        H[r] += 2.0 * S[r, i][:, None] * J[i]


def _heuristic_spins(
    n: int,
    iu: np.ndarray,
    iv: np.ndarray,
    signed_cost: FloatArray,
    rng: np.random.Generator,
    *,
    n_restarts: int = 32,
    n_rounds: int = 60,
    start: FloatArray | None = None,
) -> FloatArray:
    """Best ±1 split found by spectral and random starts, greedy flips and perturbation.

    Rows start from the sign of the leading eigenvector of the signed cost matrix, from
    ``start`` (if given) and from random splits; each is improved by single-node flips; then
    ``n_rounds`` times every row's best split is perturbed (a few random flips) and improved
    again, keeping the better (iterated local search).
    """
    if n == 0:
        return np.ones(0)
    J = _cost_matrix(n, iu, iv, signed_cost)
    tol = 1e-12 * max(1.0, float(np.abs(signed_cost).sum()))
    starts = [rng.choice([-1.0, 1.0], size=(n_restarts, n))]
    _, vecs = np.linalg.eigh(J)
    lead = np.where(vecs[:, -1] >= 0, 1.0, -1.0)
    starts.append(lead[None, :])
    if start is not None:
        starts.append(np.asarray(start, float)[None, :])
    S = np.concatenate(starts, axis=0)
    H = S @ J
    _local_search(S, H, J, tol)
    best, best_cost = S.copy(), _split_cost(S, iu, iv, signed_cost)
    k = max(1, n // 10)
    for _ in range(n_rounds):
        S = best.copy()
        flips = np.argsort(rng.random(S.shape), axis=1)[:, :k]
        np.put_along_axis(S, flips, -np.take_along_axis(S, flips, axis=1), axis=1)
        H = S @ J
        _local_search(S, H, J, tol)
        cost = _split_cost(S, iu, iv, signed_cost)
        better = cost < best_cost - tol
        best[better], best_cost[better] = S[better], cost[better]
    return best[int(np.argmin(best_cost))]


def _triangles(n: int, iu: np.ndarray, iv: np.ndarray) -> np.ndarray:
    """Edge-index triples (e_uv, e_uw, e_vw) of every triangle, shape (n_triangles, 3)."""
    index = {}
    nbrs: list[set[int]] = [set() for _ in range(n)]
    for e, (u, v) in enumerate(zip(iu.tolist(), iv.tolist(), strict=True)):
        index[(u, v)] = index[(v, u)] = e
        nbrs[u].add(v)
        nbrs[v].add(u)
    out = []
    for e, (u, v) in enumerate(zip(iu.tolist(), iv.tolist(), strict=True)):
        lo, hi = min(u, v), max(u, v)
        for w in nbrs[lo] & nbrs[hi]:
            if w > hi:
                out.append((e, index[(u, w)], index[(v, w)]))
    return np.asarray(out, dtype=np.int64).reshape(-1, 3)


def _exact_spins(
    n: int,
    iu: np.ndarray,
    iv: np.ndarray,
    signed_cost: FloatArray,
    *,
    time_limit: float,
) -> tuple[FloatArray | None, bool]:
    """Solve one connected component by a binary linear program (scipy ``milp``, HiGHS).

    Variables: ``x_i`` in {0, 1} (camp of node ``i``; node 0 fixed to 0 to break the swap
    symmetry) and ``f_e`` in [0, 1] (edge ``e`` frustrated), minimising ``sum c_e f_e``.
    A positive edge has ``f_e >= x_u - x_v`` and ``f_e >= x_v - x_u``; a negative edge
    ``f_e >= x_u + x_v - 1`` and ``f_e >= 1 - x_u - x_v``; with integral ``x`` the optimum puts
    ``f`` at 0 or 1. Every triangle adds the cycle (parity) inequalities of the cut polytope,
    which are valid for any split and tighten the relaxation: an unbalanced triangle has 1 or 3
    frustrated edges, a balanced one 0 or 2.

    Returns the ±1 split (None if the solver found none) and whether it is proven optimal.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    m = len(iu)
    pos = signed_cost > 0
    e = np.arange(m)
    fcol = n + e
    # four rows per edge: f + a*x_u + b*x_v >= lb
    a1 = np.where(pos, -1.0, -1.0)
    b1 = np.where(pos, 1.0, -1.0)
    lb1 = np.where(pos, 0.0, -1.0)
    a2 = np.where(pos, 1.0, 1.0)
    b2 = np.where(pos, -1.0, 1.0)
    lb2 = np.where(pos, 0.0, 1.0)
    rows = [np.repeat(e, 3), np.repeat(m + e, 3)]
    cols = [np.stack([fcol, iu, iv], 1).ravel(), np.stack([fcol, iu, iv], 1).ravel()]
    vals = [
        np.stack([np.ones(m), a1, b1], 1).ravel(),
        np.stack([np.ones(m), a2, b2], 1).ravel(),
    ]
    lbs, ubs = [lb1, lb2], [np.full(m, np.inf), np.full(m, np.inf)]
    n_rows = 2 * m
    tri = _triangles(n, iu, iv)
    if len(tri):
        odd = (~pos[tri]).sum(axis=1) % 2 == 1
        t = len(tri)
        # unbalanced: f1+f2+f3 >= 1 ; balanced: nothing of that kind
        ub_idx = np.flatnonzero(odd)
        if len(ub_idx):
            r = n_rows + np.arange(len(ub_idx))
            rows.append(np.repeat(r, 3))
            cols.append(n + tri[ub_idx].ravel())
            vals.append(np.ones(3 * len(ub_idx)))
            lbs.append(np.ones(len(ub_idx)))
            ubs.append(np.full(len(ub_idx), np.inf))
            n_rows += len(ub_idx)
        # every triangle, each edge k: unbalanced  f_i + f_j - f_k <= 1 (not exactly two),
        # balanced f_k - f_i - f_j <= 0 (not exactly one)
        for k in range(3):
            i, j = [q for q in range(3) if q != k]
            sgn_k = np.where(odd, -1.0, 1.0)
            sgn_ij = np.where(odd, 1.0, -1.0)
            r = n_rows + np.arange(t)
            rows.append(np.repeat(r, 3))
            cols.append(n + np.stack([tri[:, i], tri[:, j], tri[:, k]], 1).ravel())
            vals.append(np.stack([sgn_ij, sgn_ij, sgn_k], 1).ravel())
            lbs.append(np.full(t, -np.inf))
            ubs.append(np.where(odd, 1.0, 0.0))
            n_rows += t
    A = coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n_rows, n + m),
    ).tocsr()
    c = np.concatenate([np.zeros(n), np.abs(signed_cost)])
    upper = np.ones(n + m)
    upper[0] = 0.0  # symmetry: node 0 is in camp 0
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    res = milp(
        c,
        constraints=LinearConstraint(A, np.concatenate(lbs), np.concatenate(ubs)),
        bounds=Bounds(np.zeros(n + m), upper),
        integrality=integrality,
        options={"time_limit": float(time_limit), "mip_rel_gap": 1e-9},
    )
    if res.x is None:
        return None, False
    x = np.round(res.x[:n])
    return 1.0 - 2.0 * x, bool(res.status == 0)


def frustration(
    G: nx.Graph,
    *,
    weighted: bool = False,
    method: FrustrationMethod = "auto",
    max_exact_edges: int = MAX_EXACT_EDGES,
    time_limit: float = EXACT_TIME_LIMIT,
    seed: SeedLike | None = None,
    weight: str = "weight",
) -> Frustration:
    """Frustration index of a signed graph and the two camps of an optimal split.

    The frustration index is the minimum, over all splits of the nodes in two camps, of the
    number of frustrated edges (positive edges across the camps, negative edges inside one);
    equivalently the fewest sign flips that make the graph balanced. With ``weighted=True``
    each frustrated edge counts ``|weight|``. Unweighted, ties between optimal splits are
    broken towards the one whose frustrated edges carry the least ``|weight|``.

    Each connected component is solved on its own: exactly by a binary linear program
    (scipy ``milp``, see the module references) when ``method="exact"``, or with
    ``method="auto"`` when it has at most ``max_exact_edges`` edges; otherwise by a heuristic
    (spectral and random starts, greedy single-node flips, iterated perturbation). A component
    whose program does not finish within ``time_limit`` seconds falls back to the heuristic.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph; weight-0 edges are ignored.
    weighted : bool
        Count ``|weight|`` instead of edges.
    method : {"auto", "exact", "heuristic"}
    max_exact_edges : int
        Largest component solved exactly by ``"auto"``.
    time_limit : float
        Seconds per component for the integer program.
    seed : int, Generator or None
        Seed of the heuristic.
    weight : str
        Name of the edge attribute.

    Returns
    -------
    Frustration
        ``method`` is ``"exact"`` only if every component was solved to proven optimality.

    Raises
    ------
    InputError
        If ``method`` is unknown or an edge has no finite weight.

    Examples
    --------
    Two camps that are friends inside and enemies across, plus one friendship across:

    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from(
    ...     [("a", "b", 1), ("c", "d", 1), ("a", "c", -1), ("b", "d", -1), ("a", "d", 0.5)]
    ... )
    >>> f = frustration(G)
    >>> f.value, f.method, f.camps, f.frustrated_edges
    (1.0, 'exact', (('a', 'b'), ('c', 'd')), (('a', 'd'),))
    """
    if method not in ("auto", "exact", "heuristic"):
        raise InputError(f"method must be one of 'auto', 'exact', 'heuristic'; got {method!r}")
    rng = check_random_state(seed)
    nodes, edges, weights = signed_edges(G, weight=weight)
    order = {v: i for i, v in enumerate(nodes)}
    if weighted:
        cost = np.abs(weights)
    else:
        cost = 1.0 + np.abs(weights) / (np.abs(weights).sum() + 1.0)
    signed_cost = np.sign(weights) * cost

    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    side: dict[Hashable, int] = {}
    unattached: list[Hashable] = []
    exact_everywhere = True
    for comp in sorted(nx.connected_components(H), key=lambda c: min(order[v] for v in c)):
        members = sorted(comp, key=order.__getitem__)
        if len(members) == 1:
            unattached.append(members[0])
            continue
        local = {v: i for i, v in enumerate(members)}
        idx = [k for k, (u, _) in enumerate(edges) if u in local]
        iu = np.array([local[edges[k][0]] for k in idx], dtype=np.int64)
        iv = np.array([local[edges[k][1]] for k in idx], dtype=np.int64)
        sc = signed_cost[idx]
        use_exact = method == "exact" or (method == "auto" and len(idx) <= max_exact_edges)
        spins: FloatArray | None = None
        optimal = False
        if use_exact:
            spins, optimal = _exact_spins(len(members), iu, iv, sc, time_limit=time_limit)
        if not optimal:
            exact_everywhere = False
            spins = _heuristic_spins(len(members), iu, iv, sc, rng, start=spins)
        assert spins is not None
        if spins[0] < 0:
            spins = -spins
        for v, s in zip(members, spins, strict=True):
            side[v] = 0 if s > 0 else 1

    frustrated = tuple(
        (u, v) for (u, v), w in zip(edges, weights, strict=True) if (w > 0) != (side[u] == side[v])
    )
    fw = {e: w for e, w in zip(edges, weights, strict=True)}
    value = float(sum(abs(fw[e]) for e in frustrated)) if weighted else float(len(frustrated))
    total = float(np.abs(weights).sum()) if weighted else float(len(edges))
    camp0 = tuple(v for v in nodes if side.get(v) == 0)
    camp1 = tuple(v for v in nodes if side.get(v) == 1)
    return Frustration(
        value=value,
        weighted=weighted,
        method="exact" if exact_everywhere else "heuristic",
        camps=(camp0, camp1),
        unattached=tuple(unattached),
        frustrated_edges=frustrated,
        n_edges=len(edges),
        total=total,
    )


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


def commitment_gaps(
    G: nx.Graph, *, weight: str = "weight", commitment: str = "commitment"
) -> pd.DataFrame:
    """Pairs that cooperate (weight > 0) without a mutual commitment.

    "An alliance is defined by mutual commitments": a cooperative relation whose
    ``commitment`` edge attribute is ``"none"`` (or missing) or ``"one-way"`` is a gap. For a
    one-way commitment the ``committed`` column names the committed side, read from the edge
    attribute ``committed`` (the first actor of the relation).

    Parameters
    ----------
    G : networkx.Graph
        Signed graph with ``commitment`` (and, for one-way, ``committed``) edge attributes.
    weight, commitment : str
        Names of the edge attributes.

    Returns
    -------
    DataFrame
        Columns ``a, b, type, weight, commitment, committed``; strongest cooperation first,
        then graph order.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", weight=1.0, commitment="mutual")
    >>> G.add_edge("a", "c", weight=0.3, commitment="none", type="alignment")
    >>> G.add_edge("b", "c", weight=0.6, commitment="one-way", committed="c")
    >>> commitment_gaps(G)[["a", "b", "commitment", "committed"]].fillna("-").values.tolist()
    [['b', 'c', 'one-way', 'c'], ['a', 'c', 'none', '-']]
    """
    nodes, edges, weights = signed_edges(G, weight=weight)
    rows = []
    for (u, v), w in zip(edges, weights, strict=True):
        data = G.edges[u, v]
        kind = data.get(commitment) or "none"
        if w <= 0 or kind == "mutual":
            continue
        committed = data.get("committed") if kind == "one-way" else None
        rows.append((u, v, data.get("type"), float(w), kind, committed))
    rows.sort(key=lambda r: -r[3])  # stable: graph order among equal weights
    return pd.DataFrame(rows, columns=_GAP_COLUMNS)


# --------------------------------------------------------------------------------------------
# Position gaps
# --------------------------------------------------------------------------------------------
def issue_affinity(
    position: FloatArray,
    salience: FloatArray,
    present: BoolArray | None = None,
    *,
    weighting: SalienceWeighting = "product",
) -> tuple[FloatArray, FloatArray, np.ndarray]:
    """Affinity of every pair of actors implied by their issue positions, in [-1, 1].

    For actors ``i, j`` and the issues ``k`` both take part in,

    ``affinity_ij = sum_k w_ijk (1 - 2 |p_ik - p_jk| / 100) / sum_k w_ijk``

    with ``w_ijk = s_ik * s_jk`` (``weighting="product"``: issues both care about count most)
    or ``min(s_ik, s_jk)``. Same position gives 1, opposite ends of the scale -1, 50 points
    apart 0. Pairs without a shared issue of positive weight get NaN.

    Parameters
    ----------
    position : ndarray, shape (n_actors, n_issues)
        Positions on 0–100.
    salience : ndarray, shape (n_actors, n_issues)
        Saliences in [0, 1].
    present : ndarray of bool, shape (n_actors, n_issues), optional
        Whether the actor takes part in the issue (default all).
    weighting : {"product", "min"}

    Returns
    -------
    affinity : ndarray, shape (n_actors, n_actors)
        Symmetric; NaN where undefined (including the diagonal's absent actors).
    support : ndarray, shape (n_actors, n_actors)
        ``sum_k w_ijk``, the salience mass behind each affinity.
    n_shared : ndarray of int, shape (n_actors, n_actors)
        Number of issues both take part in.

    Examples
    --------
    >>> aff, _, n = issue_affinity([[0.0, 50.0], [25.0, 50.0]], [[1.0, 1.0], [1.0, 0.5]])
    >>> float(aff[0, 1]), int(n[0, 1])
    (0.6666666666666666, 2)
    """
    pos = np.asarray(position, dtype=float)
    sal = np.asarray(salience, dtype=float)
    if pos.ndim != 2 or sal.shape != pos.shape:
        raise InputError(
            "position and salience must be (n_actors, n_issues) arrays of one shape; "
            f"got {pos.shape} and {sal.shape}"
        )
    pres = np.ones(pos.shape, bool) if present is None else np.asarray(present, bool)
    if weighting not in ("product", "min"):
        raise InputError(f"weighting must be 'product' or 'min'; got {weighting!r}")
    both = pres[:, None, :] & pres[None, :, :]
    if weighting == "product":
        w = sal[:, None, :] * sal[None, :, :]
    else:
        w = np.minimum(sal[:, None, :], sal[None, :, :])
    w = np.where(both, w, 0.0)
    closeness = 1.0 - 2.0 * np.abs(pos[:, None, :] - pos[None, :, :]) / 100.0
    support = w.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        affinity = np.where(support > 0, (w * closeness).sum(axis=-1) / support, np.nan)
    return affinity, support, both.sum(axis=-1)


def position_gaps(
    G: nx.Graph,
    affinity: FloatArray,
    n_shared: np.ndarray | None = None,
    *,
    nodes: Sequence[Hashable] | None = None,
    margin: float = 0.05,
    weight: str = "weight",
) -> pd.DataFrame:
    """Pairs whose declared relation and issue affinity disagree in sign by a margin.

    A pair is flagged ``"hostile-but-close"`` if its declared weight is negative and its
    affinity (see :func:`issue_affinity`) is above ``margin``, and ``"cooperative-but-far"``
    if its weight is positive and its affinity below ``-margin``. Neutral or undeclared pairs
    are never flagged. ``disagreement = |declared - affinity|``; largest first.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph of declared relations.
    affinity : ndarray, shape (n_nodes, n_nodes)
        Issue affinity, rows and columns in the order of ``nodes``.
    n_shared : ndarray of int, optional
        Number of shared issues per pair (reported as is).
    nodes : sequence, optional
        Order of ``affinity``'s rows; default ``G``'s node order.
    margin : float
        How far past 0 the affinity must be, in [0, 1).
    weight : str
        Name of the edge attribute.

    Returns
    -------
    DataFrame
        Columns ``a, b, kind, declared, affinity, disagreement, n_shared``.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("a", "b", -0.6), ("a", "c", 0.3), ("b", "c", 0.3)])
    >>> aff = np.array([[1.0, 0.8, 0.1], [0.8, 1.0, -0.5], [0.1, -0.5, 1.0]])
    >>> position_gaps(G, aff)[["a", "b", "kind", "disagreement"]].values.tolist()
    [['a', 'b', 'hostile-but-close', 1.4], ['b', 'c', 'cooperative-but-far', 0.8]]
    """
    if not 0.0 <= margin < 1.0:
        raise InputError(f"margin must be in [0, 1); got {margin!r}")
    order = list(G.nodes) if nodes is None else list(nodes)
    aff = np.asarray(affinity, dtype=float)
    if aff.shape != (len(order), len(order)):
        raise InputError(
            f"affinity must be ({len(order)}, {len(order)}), one row per node; got {aff.shape}"
        )
    index = {v: i for i, v in enumerate(order)}
    _, edges, weights = signed_edges(G, weight=weight)
    rows = []
    for (u, v), w in zip(edges, weights, strict=True):
        if u not in index or v not in index:
            continue
        i, j = index[u], index[v]
        a = aff[i, j]
        if not np.isfinite(a):
            continue
        if w < 0 and a > margin:
            kind = "hostile-but-close"
        elif w > 0 and a < -margin:
            kind = "cooperative-but-far"
        else:
            continue
        shared = int(n_shared[i, j]) if n_shared is not None else None
        rows.append((u, v, kind, float(w), float(a), float(abs(w - a)), shared))
    rows.sort(key=lambda r: -r[5])
    return pd.DataFrame(rows, columns=_POSITION_GAP_COLUMNS)


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


def analyse_network(
    scenario: Scenario,
    *,
    margin: float = 0.05,
    weighting: SalienceWeighting = "product",
    method: FrustrationMethod = "auto",
    seed: SeedLike | None = 0,
) -> NetworkReport:
    """Balance, frustration and camps, blocs, commitment gaps and position gaps of a scenario.

    Parameters
    ----------
    scenario : Scenario
    margin : float
        See :func:`position_gaps`.
    weighting : {"product", "min"}
        See :func:`issue_affinity`.
    method : {"auto", "exact", "heuristic"}
        See :func:`frustration`.
    seed : int, Generator or None
        Seed of the heuristics (only used on large graphs).

    Returns
    -------
    NetworkReport
    """
    rng = check_random_state(seed)
    G = signed_graph(scenario)
    state, actor_ids, _ = scenario.to_state()
    affinity, _, n_shared = issue_affinity(
        state.position, state.salience, state.present, weighting=weighting
    )
    return NetworkReport(
        actors=tuple(actor_ids),
        n_edges=G.number_of_edges(),
        balance=triad_balance(G),
        frustration=frustration(G, method=method, seed=rng),
        weighted_frustration=frustration(G, weighted=True, method=method, seed=rng),
        blocs=blocs(G, method=method, seed=rng),
        commitment_gaps=commitment_gaps(G),
        position_gaps=position_gaps(G, affinity, n_shared, nodes=actor_ids, margin=margin),
    )


__all__ = [
    "EXACT_TIME_LIMIT",
    "MAX_EXACT_BLOC_NODES",
    "MAX_EXACT_EDGES",
    "Blocs",
    "Frustration",
    "NetworkReport",
    "TriadBalance",
    "analyse_network",
    "blocs",
    "commitment_gaps",
    "frustration",
    "frustration_count",
    "issue_affinity",
    "partition_cost",
    "position_gaps",
    "sign_graph",
    "signed_edges",
    "signed_graph",
    "triad_balance",
    "triads",
]

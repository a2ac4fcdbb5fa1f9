"""The frustration index (line index of balance) and its two camps, exact and heuristic."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
import numpy as np

from realpolitik._rng import check_random_state
from realpolitik._types import FloatArray, SeedLike
from realpolitik.analysis.network.graph import signed_edges
from realpolitik.exceptions import InputError

FrustrationMethod = Literal["auto", "exact", "heuristic"]

#: With ``method="auto"``, a connected component with more edges than this is solved by the
#: heuristic instead of the integer program (see ``benchmarks/bench_network.py``).
MAX_EXACT_EDGES = 150

#: Seconds the integer program may spend on one component before its best colouring so far is
#: handed to the heuristic (and the result is labelled "heuristic").
EXACT_TIME_LIMIT = 20.0


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

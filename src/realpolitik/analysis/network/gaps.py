"""Commitment gaps and position gaps: relations that their commitments or issue positions contradict."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from realpolitik._types import BoolArray, FloatArray
from realpolitik.analysis.network.graph import signed_edges
from realpolitik.exceptions import InputError

SalienceWeighting = Literal["product", "min"]
_GAP_COLUMNS = ["a", "b", "type", "weight", "commitment", "committed"]
_POSITION_GAP_COLUMNS = ["a", "b", "kind", "declared", "affinity", "disagreement", "n_shared"]


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

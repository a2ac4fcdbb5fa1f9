"""Closed triads and structural balance (strict: Cartwright & Harary; general: Davis)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from realpolitik.analysis.network.graph import signed_edges

_TRIAD_COLUMNS = ["a", "b", "c", "n_negative", "strictly_balanced", "generally_balanced"]


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

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

from realpolitik.analysis.network.balance import TriadBalance, triad_balance, triads
from realpolitik.analysis.network.bloc_clustering import (
    MAX_EXACT_BLOC_NODES,
    Blocs,
    blocs,
    partition_cost,
)
from realpolitik.analysis.network.frustration_index import (
    EXACT_TIME_LIMIT,
    MAX_EXACT_EDGES,
    Frustration,
    frustration,
    frustration_count,
)
from realpolitik.analysis.network.frustration_index import FrustrationMethod as FrustrationMethod
from realpolitik.analysis.network.gaps import SalienceWeighting as SalienceWeighting
from realpolitik.analysis.network.gaps import commitment_gaps, issue_affinity, position_gaps
from realpolitik.analysis.network.graph import sign_graph, signed_edges, signed_graph
from realpolitik.analysis.network.report import NetworkReport, analyse_network

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

"""Relations as numbers: affinity between actors, and utility that counts friends' outcomes.

Relations enter the engines as two actor × actor arrays built from a scenario's ``relations``:

* ``weight[i, j]``: the declared signed weight in [−1, 1] (symmetric; 0 where no relation);
* ``commitment[i, j]``: how firmly ``i`` is committed to ``j`` — 1 for a mutual commitment,
  :data:`ONE_WAY` (1/2) where ``i`` alone is committed to ``j`` (``one-way`` with ``i`` first),
  0 otherwise (no commitment, or only ``j`` committed to ``i``).

**Affinity** (:func:`affinity`) is the weight strengthened by commitment::

    A[i, j] = w_ij · (1 + c_ij) / 2    where w_ij ≥ 0
    A[i, j] = w_ij                     where w_ij < 0

A cooperative tie without commitment counts half ("an alliance is defined by mutual
commitments": a partner that has promised nothing may or may not stand by you, and with nothing
else known both are equally likely); a one-way commitment from ``i`` counts three quarters for
``i`` and half for ``j``; a mutual commitment counts in full. Hostile ties need no commitment to
count in full. So a mutual alliance gives 1, a partnership without commitment 0.3, an alignment
0.15, a war −1. The diagonal is 0: affinity is about others.

**Relational utility** (:func:`relational_utility`) is an actor's own utility plus an
affinity-weighted share of every other actor's (interdependent utility)::

    V_i = U_i + ρ · Σ_j A[i, j] U_j / max(1, Σ_j |A[i, j]|)

with ρ = :data:`CARE` = 1/2: the outcomes of others together never count for more than half of
the actor's own, and one weak tie counts little. A friend's gain raises ``V_i``, a rival's gain
lowers it.

Both constants were fixed from these first principles before any result of the built-in
scenario was looked at, are the same for every scenario, and their effect is swept in
``benchmarks/bench_relations.py`` (docs/relations.md keeps the table).

References
----------
.. [1] B. Bueno de Mesquita, *The War Trap*, Yale University Press, 1981 (third parties' utility
   for either side from their ties to it).
.. [2] M. F. Altfeld and B. Bueno de Mesquita, "Choosing sides in wars", International Studies
   Quarterly 23(1), 1979.
.. [3] B. A. Leeds, A. G. Long and S. McLaughlin Mitchell, "Reevaluating alliance reliability",
   Journal of Conflict Resolution 44(5), 2000 (allies honour their commitments in about three of
   four wars).
"""

from __future__ import annotations

import numpy as np

from realpolitik._types import FloatArray

#: Commitment of the first actor of a ``one-way`` relation to the second (mutual is 1).
ONE_WAY = 0.5
#: ρ: the share of one's own utility that others' outcomes may count for, together.
CARE = 0.5
#: Cost (on the 0–1 payoff scale) of standing aside while a partner one is fully committed to
#: (mutual commitment, weight 1) fights. Allies honour their commitments in about three wars of
#: four (Leeds, Long & Mitchell 2000: 74.5 %); this is the payoff difference that makes a logit
#: chooser at the default rationality λ = 20 honour a commitment with that probability when
#: nothing else is at stake: ln(0.745 / 0.255) / 20.
ABANDON = float(np.log(0.745 / 0.255) / 20.0)


def affinity(weight: FloatArray, commitment: FloatArray) -> FloatArray:
    """Affinity ``A[..., i, j]`` from relation weights and commitments (see the module).

    Parameters
    ----------
    weight : ndarray, shape (..., n_actors, n_actors)
        Signed relation weights in [−1, 1], 0 where there is no relation.
    commitment : ndarray, shape (..., n_actors, n_actors)
        ``commitment[i, j]`` in [0, 1]: how firmly ``i`` is committed to ``j``.

    Returns
    -------
    ndarray, shape (..., n_actors, n_actors)
        Zero on the diagonal.

    Examples
    --------
    A mutual alliance, a partnership with a one-way commitment from actor 0 to actor 2, and a
    war between actors 1 and 2:

    >>> w = np.array([[0, 1, .6], [1, 0, -1], [.6, -1, 0]])
    >>> c = np.array([[0, 1, .5], [1, 0, 0], [0, 0, 0]])
    >>> affinity(w, c)
    array([[ 0.  ,  1.  ,  0.45],
           [ 1.  ,  0.  , -1.  ],
           [ 0.3 , -1.  ,  0.  ]])
    """
    w = np.asarray(weight, dtype=np.float64)
    c = np.asarray(commitment, dtype=np.float64)
    a = np.where(w >= 0, w * (1.0 + c) / 2.0, w)
    n = a.shape[-1]
    return np.where(np.eye(n, dtype=bool), 0.0, a)


def abandonment_cost(
    weight: FloatArray,
    commitment: FloatArray,
    fights_alone: FloatArray,
    scale: float | None = None,
) -> FloatArray:
    """What each actor pays for the committed partners it leaves to fight without it.

    ``cost_i = ABANDON · Σ_j c_ij · max(w_ij, 0) · f_ij`` where ``f_ij`` is 1 when ``j`` fights
    and ``i`` is not on its side. No commitment, no cost.

    Parameters
    ----------
    weight, commitment : ndarray, shape (n_actors, n_actors)
        As for :func:`affinity` (the relations before the crisis).
    fights_alone : ndarray, shape (..., n_actors, n_actors)
        ``f[..., i, j]``: 1 where ``j`` fights and ``i`` is not on its side, else 0.
    scale : float, optional
        The cost of a full commitment (default :data:`ABANDON`).

    Returns
    -------
    ndarray, shape (..., n_actors)

    Examples
    --------
    Actor 0 is mutually allied to 1 (weight 1) and one-way committed to 2 (weight 0.6); both
    fight without it:

    >>> w = np.array([[0, 1, .6], [1, 0, 0], [.6, 0, 0]])
    >>> c = np.array([[0, 1, .5], [1, 0, 0], [0, 0, 0]])
    >>> f = np.array([[0, 1, 1], [0, 0, 0], [0, 0, 0]])
    >>> (abandonment_cost(w, c, f) / ABANDON).round(6).tolist()
    [1.3, 0.0, 0.0]
    """
    tie = np.asarray(commitment, dtype=np.float64) * np.maximum(
        np.asarray(weight, dtype=np.float64), 0.0
    )
    scale = ABANDON if scale is None else scale
    return scale * (tie * np.asarray(fights_alone, dtype=np.float64)).sum(axis=-1)


def relational_utility(
    utility: FloatArray, affinity: FloatArray, care: float | None = None
) -> FloatArray:
    """Each actor's utility with a share of every other actor's (see the module).

    Parameters
    ----------
    utility : ndarray, shape (..., n_actors)
        Own utilities; NaN (an actor with nothing at stake) counts as 0 in others' sums and
        stays NaN for the actor itself.
    affinity : ndarray, shape (..., n_actors, n_actors)
        From :func:`affinity`; broadcast against ``utility``.
    care : float, optional
        ρ, the weight of others' outcomes (default :data:`CARE`).

    Returns
    -------
    ndarray, shape (..., n_actors)

    Examples
    --------
    Actor 0 is allied (affinity 1) to actor 1 and at war (−1) with actor 2: it counts their
    utilities 0.8 and 0.2 as (0.8 − 0.2) / 2 = 0.3, times ρ = 1/2:

    >>> a = np.array([[0.0, 1.0, -1.0], [1.0, 0.0, 0.0], [-1.0, 0.0, 0.0]])
    >>> relational_utility(np.array([0.5, 0.8, 0.2]), a)
    array([ 0.65,  1.05, -0.05])
    """
    u = np.asarray(utility, dtype=np.float64)
    a = np.asarray(affinity, dtype=np.float64)
    known = np.where(np.isfinite(u), u, 0.0)
    others = (a * known[..., None, :]).sum(axis=-1)
    norm = np.maximum(1.0, np.abs(a).sum(axis=-1))
    care = CARE if care is None else care
    return u + care * others / norm


__all__ = ["ABANDON", "CARE", "ONE_WAY", "abandonment_cost", "affinity", "relational_utility"]

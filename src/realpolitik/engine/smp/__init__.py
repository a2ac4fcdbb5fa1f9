"""KTAB's spatial model of politics (SMP), vectorised with numpy.

This follows the published description and C++ code of KAPSARC's Toolkit for Agent-Based
modelling (KTAB, ``examples/smp``) with its default settings (victory probability *Linear*,
voting rule *Proportional*, probability of the Condorcet election *Conditional*, deterministic
state transitions, risk range *Mid*, risk adjustment *OneThird*, third parties *SemiCommit*,
bargains *S2P2* interpolated from the initiator's view only). Positions ``p_i`` are vectors on
[0, 1] (the 0–100 scale divided by 100), one component per dimension; saliences ``s_ik`` are on
[0, 1] with ``S_i = Σ_k s_ik ≤ 1``; ``c_i`` is the actor's influence (capability). One round:

1. **Distance and value.** ``d_ij = sqrt(Σ_k (s_ik (p_ik - p_jk))² / Σ_k s_ik²)`` (i's salience
   weighted distance to j's position) and the value of j's position to i with risk attitude
   ``R``: ``u(d, R) = (1 - d)(1 + d R)``.
2. **Risk attitudes.** Risk-neutral values ``u(d_ij, 0)``; coalitions
   ``C(a:b) = Σ_k max(0, c_k (u_ka - u_kb))``; ``P(a>b) = C(a:b) / (C(a:b) + C(b:a))``; each
   position's chance ``p_a ∝ Π_b P(a>b)``; then ``R_i = (3 p_i - p_max - 2 p_min) /
   (2 (p_max - p_min))`` in [-1/2, 1]. Actor h estimates i's attitude as ``(2 R_h + R_i) / 3`` and
   so values positions as ``U^h_ij = u(d_ij, (2 R_h + R_i) / 3)``.
3. **Challenges.** Actor i, in its own estimates ``U = U^i``, weighs challenging each j: the
   principals contribute ``S_i c_i (U_ii - U_ij)`` and ``S_j c_j (U_ji - U_jj)`` to the sides
   ``i`` and ``j`` (each plus 1e-10); a third party n first judges the "little" contest with
   only the principals and itself, ``π_n`` = i's side over both sides after n adds
   ``S_n c_n (U_ni - U_nj)`` to the side it prefers, then votes
   ``S_n c_n (π_n (U_nn - U_ni) + (1 - π_n)(U_nj - U_nn))`` (semi-committed third parties).
   ``P_ij`` is i's side over both sides, and the expected gain of the challenge is
   ``(1 - S_j) 2 U_ii + S_j (P_ij 2 U_ii + (1 - P_ij) 2 U_ij) - (U_ii + U_ij)``. Actor i
   challenges the j with the largest gain, if that exceeds 1e-5.
4. **Bargains.** The challenge is a proposal that both move, dimension by dimension, to
   ``((w_i + 1e-6) p_ik + w_j p_jk) / (w_i + 1e-6 + w_j)`` for i and
   ``(w_i p_ik + (w_j + 1e-6) p_jk) / (w_i + 1e-6 + w_j)`` for j, with ``w_i = s_ik² P_ij²``,
   ``w_j = s_jk² (1 - P_ij)²``, rounded to 4 decimals.
5. **Choice.** Each actor k chooses among its status quo and the bargains it takes part in,
   in the order the initiators are numbered: each actor a values a bargain at the mean over all
   positions of ``u`` (with its own ``R_a``) after the bargain's two moves; the option with the
   largest chance in a Condorcet election of those values, weighted by influence ``c``, wins
   (the first on a tie). All actors move at once.

**Stopping rule.** After round t, with ``D(t) = Σ_i ||p_i(t) - p_i(t-1)||``: stop when
``t ≥ 100``, or when ``t ≥ 2`` and ``D(t) / (D(1) + 1e-4) < 0.02``.

The forecast per dimension is the capability × salience weighted median of the final positions
(``smp``), beside the weighted mean (``smp-mean``). Several issues of a scenario are treated as
the dimensions of one SMP, as KTAB does with the dimensions of its CSV files (``joint=True``);
``joint=False`` runs each issue as its own one-dimensional SMP among the actors present on it
(how DEU III issues, which are separate decisions, are run).

Degenerate inputs KTAB rejects are made well-defined: a salience below 1e-6 counts as 1e-6,
an influence below 1e-9 as 1e-9, and when every position is equally likely every risk attitude
is 0.

References
----------
.. [1] B. Wise, "A Spatial Model of Politics", KAPSARC Toolkit for Behavioral Analysis (KTAB),
   ``examples/smp/SMPTutorial.pdf`` and ``examples/smp/libsrc/smp*.cpp`` (KAPSARC/KTAB, MIT).
.. [2] B. Wise, S. Lester and B. Efird, "An Introduction to the KAPSARC Toolkit for Behavioral
   Analysis (KTAB) using one-dimensional Spatial Models", KAPSARC discussion paper KS-1620-DP049A,
   2015.
"""

from realpolitik.engine.smp.constants import MAX_ROUNDS
from realpolitik.engine.smp.constants import MIN_DELTA_RATIO as MIN_DELTA_RATIO
from realpolitik.engine.smp.constants import MIN_ROUNDS as MIN_ROUNDS
from realpolitik.engine.smp.constants import MIN_SIG_DELTA as MIN_SIG_DELTA
from realpolitik.engine.smp.constants import MIN_SIG_GAIN as MIN_SIG_GAIN
from realpolitik.engine.smp.models import _smp_model  # noqa: F401 (registers the model "smp")
from realpolitik.engine.smp.run import SmpTrace, run_smp, run_smp_arrays
from realpolitik.engine.smp.step import challenges as challenges
from realpolitik.engine.smp.step import smp_step
from realpolitik.engine.smp.utility import (
    condorcet_chances,
    position_value,
    risk_attitudes,
    salience_distance,
)

__all__ = [
    "MAX_ROUNDS",
    "SmpTrace",
    "condorcet_chances",
    "position_value",
    "risk_attitudes",
    "run_smp",
    "run_smp_arrays",
    "salience_distance",
    "smp_step",
]

"""Bueno de Mesquita's expected utility model (EUM), vectorised over actors, issues and batches.

The model follows Scholz, Calbert & Smith (2011). Each issue is a separate one-dimensional
contest; in every round:

1. **Votes.** Actor ``k`` casts ``v_k(a, b) = c_k s_k (d_kb^r_k - d_ka^r_k)`` on the pair of
   positions ``(x_a, x_b)``, where ``d_ka = |x_k - x_a| / range`` and ``range`` is the spread of
   the initial positions (positive votes favour ``x_a``).
2. **Probability of success** ``P(a, b)`` of ``a`` against ``b``: the positive votes for ``a`` over a
   denominator that depends on the variant (below).
3. **Risk.** With every ``r = 1``, each actor's *danger* is the sum of the expected utilities of
   every other actor challenging it; ``R_i = (2 D_i - D_max - D_min) / (D_max - D_min)`` and the
   risk exponent ``r_i = (1 - R_i / 3) / (1 + R_i / 3)`` lies in [1/2, 2].
4. **Expected utilities** as actor ``i`` perceives them, with its own ``r_i``:
   ``EU_i(i→j) = s_j (P(i,j) U_s + (1 - P(i,j)) U_f) + (1 - s_j) U_s - U_sq`` and
   ``EU_i(j→i) = s_i (P(j,i) U_s + (1 - P(j,i)) U_f) + (1 - s_i) U_s - U_sq`` with
   ``U_s = 2 - 4 (0.5 - 0.5 d_ij)^r_i``, ``U_f = 2 - 4 (0.5 + 0.5 d_ij)^r_i``,
   ``U_sq = 2 - 4 · 0.5^r_i`` (the status quo persists with certainty, ``Q = 1``).
5. **Offers** from ``j`` to ``i`` (``x_j ≠ x_i``): *confrontation* when
   ``EU_i(j→i) > EU_i(i→j) > 0`` (``i`` moves to ``x_j``); *compromise* when
   ``EU_i(j→i) > 0 > EU_i(i→j)`` and ``EU_i(j→i) > |EU_i(i→j)|`` (``i`` moves the fraction
   ``|EU_i(i→j)| / EU_i(j→i)`` of the way to ``x_j``); *capitulation* when
   ``EU_i(j→i) > 0 > EU_i(i→j)`` and ``EU_i(j→i) < |EU_i(i→j)|`` (``i`` moves to ``x_j``).
6. **Acceptance.** Each actor accepts one offer: a confrontation if it has any, else a
   compromise, else a capitulation; among several of the same kind the one that moves it least.
   All actors move at once.

The rounds repeat until no position moves by more than ``tol`` or ``max_rounds`` is reached.
The forecast is the capability × salience weighted median of the final positions (``eum``); the
weighted mean is reported beside it (``eum-mean``).

Variants
--------
``scholz2011`` reproduces Scholz et al. as the public replication (jmckib/bdm-scholz-expected-
utility-model) does, which matches the paper's published rounds:

* ``P(a, b) = Σ_k max(0, v_k(a, b)) / Σ_k Σ_a' Σ_b' |v_k(a', b')|``: the denominator sums the
  absolute votes of every actor on *every* pair of positions, so ``P`` is tiny and
  ``P(a, b) + P(b, a) < 1``;
* among compromises the actor picks the one with the *smallest* value of
  ``(|EU_i(i→j)| x_i + EU_i(j→i) x_j) / (|EU_i(i→j)| + EU_i(j→i))``, a weighted position that is
  not the position it moves to (Scholz's program; it biases moves towards the low end).

Capitulation is as the paper classifies it (``EU_i(i→j) < 0 < EU_i(j→i)`` with
``|EU_i(i→j)| > EU_i(j→i)``): the paper is not ambiguous there. The public replication's test
reads ``EU_i(j→i) < |EU_i(j→i)|``, a typo that never fires; ``scholz2011-replication`` gives
that behaviour (no capitulation ever) for comparison with the replication's output. On the
paper's EC emissions example no capitulation arises either way and the rounds are the same; on
sultan-oil round 1 differs (Russia capitulates to Nazer, 14.20 → 12.90, only in ``scholz2011``).

``bdm`` (the default) removes those inconsistencies:

* ``P(a, b) = Σ_k max(0, v_k(a, b)) / Σ_k |v_k(a, b)|``, so ``P(a, b) + P(b, a) = 1``, as Bueno de
  Mesquita describes it (the replication notes that the all-pairs denominator is what Scholz's
  program computes, not the model's intent); with no vote at all on a pair, ``P = 1/2``;
* among compromises the actor accepts the one that moves it least, as the text of the model says.

Both variants treat two degenerate cases the papers leave undefined: when every actor has the
same danger the risk exponents are all 1, and when ``P``'s denominator is zero ``scholz2011``
uses ``P = 0``. Comparisons of expected utilities use a margin of 1e-9 so that exact ties (common
on binary issues) are resolved the same way on every machine.

References
----------
.. [1] J. B. Scholz, G. J. Calbert and G. A. Smith, "Unravelling Bueno De Mesquita's group
   decision model", Journal of Theoretical Politics 23(4), 2011.
.. [2] B. Bueno de Mesquita, "Political forecasting: an expected utility method", in
   *European Community Decision Making*, Yale University Press, 1994.
"""

from realpolitik.engine.eum.constants import (
    CAPITULATION,
    COMPROMISE,
    CONFRONTATION,
    DEFAULT_MAX_ROUNDS,
    DEFAULT_TOL,
    NONE,
    VARIANTS,
)
from realpolitik.engine.eum.constants import DEFAULT_TIE as DEFAULT_TIE
from realpolitik.engine.eum.constants import EU_EPS as EU_EPS
from realpolitik.engine.eum.constants import Variant as Variant
from realpolitik.engine.eum.inputs import NEGLIGIBLE as NEGLIGIBLE
from realpolitik.engine.eum.inputs import condition_inputs as condition_inputs
from realpolitik.engine.eum.models import AFFINITY_WEIGHT, REL_MAX_ROUNDS
from realpolitik.engine.eum.models import REL_TIE as REL_TIE
from realpolitik.engine.eum.run import run_eum

__all__ = [
    "AFFINITY_WEIGHT",
    "REL_MAX_ROUNDS",
    "CAPITULATION",
    "COMPROMISE",
    "CONFRONTATION",
    "DEFAULT_MAX_ROUNDS",
    "DEFAULT_TOL",
    "NONE",
    "VARIANTS",
    "run_eum",
]

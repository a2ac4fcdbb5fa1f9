"""Plan B: when a partner falls away, which actor best replaces it, and at what price.

The method (see ``docs/planb.md``):

1. **The world with the partner** is the scenario as given; **the world without** is a copy
   with the lost partner removed (a ``remove-actor`` edit: its positions and relations go).
2. **The new partnership.** For every other actor ``c`` of the world without (the
   *candidates*), the actor ``a`` and ``c`` bargain: on every issue both take part in, the
   engine's ``pair_model`` run on the two of them alone gives their meeting point, and both move
   there. With the default ``pair_model="median"`` the deal is a **logroll**: the weighted
   median of two actors is the position of the one with more weight (``w = capability ×
   salience``; the midpoint on an exact tie), so each side gets its way on the issues it weighs
   more and gives way on the others. With utilities linear in distance that is what an
   efficient bargain between two does (splitting every issue instead loses on every issue for
   both; Coleman 1966, Stokman & van Oosten 1994 on exchange). ``pair_model="mean"`` (the
   earlier default) splits every issue at ``(w_a p_a + w_c p_c) / (w_a + w_c)``.
3. **The whole system** is forecast again with ``model`` (all candidates in one batched engine
   run, each with its new partnership in the relations), and each world is scored for every
   actor by its **relational expected outcome**: the salience-weighted closeness of the
   forecasts to its *own* positions (:func:`realpolitik.engine.utility.expected_outcome`),
   plus an affinity-weighted share of every other actor's
   (:func:`realpolitik.engine.affinity.relational_utility`, with the relations of the world
   without the lost partner). So a candidate's own gain includes what the deal costs it through
   its other ties: a firm ally of the actor's rival loses with its ally.
4. **Gain** = outcome with the candidate − outcome in the world without; **loss** = outcome
   with the lost partner (the scenario as given, its relations included) − in the world
   without. **Price** = how far the actor's own position moves toward the candidate on each
   issue (points on 0–100).
5. **Willingness.** A deal happens only if both sides gain: a candidate is *willing* when its
   own gain is positive, *useful* when the actor's gain is. Only a candidate that is both, and
   meets every rule, can be the Plan B (:attr:`PlanBResult.best`); otherwise there is no Plan B.
6. **Rules** (:mod:`realpolitik.scenario.rules`) from the actor's ``partner_rules`` and the
   caller are checked. Ranking: candidates that meet every rule and are willing and useful
   first, then those that meet every rule, then the rest; each group by the actor's gain.
   Gains within :data:`TIE_TOL` of each other share a rank (a tie is reported as one).

A model whose forecast cannot move when a pair of actors meets (the weighted ``mean``: two
actors moving to their own weighted mean leave the system's weighted mean where it was) gives
every candidate a gain of exactly 0; such a run is refused with a message, not ranked.
"""

from realpolitik.analysis.planb.pairs import pair_meeting_points
from realpolitik.analysis.planb.result import PRICE_TOL, Candidate, PlanBError, PlanBResult
from realpolitik.analysis.planb.result import TIE_TOL as TIE_TOL
from realpolitik.analysis.planb.search import plan_b

__all__ = ["PRICE_TOL", "Candidate", "PlanBError", "PlanBResult", "pair_meeting_points", "plan_b"]

"""The registered models ``eum`` and ``eum-rel``."""

from __future__ import annotations

from typing import Any

from realpolitik._types import FloatArray
from realpolitik.engine.eum.constants import DEFAULT_TIE
from realpolitik.engine.eum.run import run_eum
from realpolitik.engine.registry import ModelRun, register_model
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError

_OPTIONS = ("variant", "max_rounds", "tol", "record")


@register_model(
    "eum",
    "Bueno de Mesquita's expected utility model (Scholz et al. 2011), rounds",
    options=tuple(_OPTIONS),
)
def _eum_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise InputError(
            f"unknown option(s) {unknown} for model 'eum'; accepted: {', '.join(_OPTIONS)}"
        )
    return run_eum(state, **options)


#: θ of ``eum-rel``: a voter's relation to the two sides counts as much as its policy distance
#: from them, each on [0, 1] (affinity in [−1, 1] maps to (1 + A) / 2), so θ = 1/2. Fixed from
#: this principle of equal footing before any result was looked at; swept in
#: ``benchmarks/bench_relations.py``.
AFFINITY_WEIGHT = 0.5
#: ``eum-rel`` runs until no position moves, with this cap.
REL_MAX_ROUNDS = 100
#: ``eum-rel`` treats positions closer than this share of the issue's range as equal, so that
#: rounding (a table rescaled to 0–100 and back) cannot flip a comparison.
REL_TIE = DEFAULT_TIE
_REL_OPTIONS = ("max_rounds", "tol", "record", "affinity_weight")


@register_model(
    "eum-rel",
    "EUM with relations: voters lean to friends; runs to convergence, cycles damped",
    options=_REL_OPTIONS,
)
def _eum_rel_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    """EUM (``bdm``) where relations move votes, run to convergence with cycles damped.

    Differences from ``eum`` (which stays as it was, so old results reproduce):

    * **Third parties lean to their friends.** Voter ``k``'s vote on the positions of ``a`` and
      ``c`` is ``w_k (d_kc^r − d_ka^r + θ (A_ka − A_kc))``: the policy term of Bueno de Mesquita's
      model plus the difference of ``k``'s affinity to the two actors (:mod:`.affinity`), as in
      the third-party calculus of *The War Trap* (1981). θ = :data:`AFFINITY_WEIGHT`.
    * **To convergence.** Rounds repeat until no position moves more than ``tol``, at most
      :data:`REL_MAX_ROUNDS`.
    * **Cycles damped.** When every actor is back where it stood two rounds earlier while still
      moving (a two-round cycle, 35 → 85 → 35), the round's positions are replaced by the
      midpoint of the cycle and the rounds go on; ``info["damped_per_issue"]`` counts these.
    * **Ties tolerant.** Positions within :data:`REL_TIE` of the issue's range are equal.

    Forecasts are named ``eum-rel`` (weighted median of the final positions) and
    ``eum-rel-mean``.
    """
    unknown = sorted(set(options) - set(_REL_OPTIONS))
    if unknown:
        raise InputError(
            f"unknown option(s) {unknown} for model 'eum-rel'; accepted: {', '.join(_REL_OPTIONS)}"
        )
    opts = {"max_rounds": REL_MAX_ROUNDS, "affinity_weight": AFFINITY_WEIGHT, **options}
    return run_eum(
        state, variant="bdm", damp=True, tie=REL_TIE, names=("eum-rel", "eum-rel-mean"), **opts
    )

"""Models of EU legislative decisions from the literature on the DEU data sets.

Three models, each registered as an optional model (they run when named, e.g. by ``backtest``):

``compromise-eu``
    The compromise model with institutional weights (Thomson et al. 2006; Thomson 2011): the
    outcome is ``Σ_i w_i s_i p_i / Σ_i w_i s_i`` over the actors with a position, where the
    capability ``w_i`` of a member state is its share of the Council's votes at the time of the
    decision — Amsterdam weights before May 2004, Nice weights until October 2014, Lisbon
    population shares after — and equal shares when the Council decides by unanimity (every
    member can veto). The Commission counts as much as the largest member state; so does the
    Parliament under the ordinary legislative procedure (co-decision), while under consultation
    its opinion does not bind and it counts for nothing. The institutions' weights are a
    convention fixed before scoring, not fitted. ``compromise-eu-median`` is the weighted
    median with the same weights.

``procedural``
    The ordinary legislative procedure with qualified-majority voting (Steunenberg 1994; Crombez
    1996; Tsebelis & Garrett 2000, as evaluated by Thomson et al. 2006): a move from the
    reference point ``q`` towards the Commission's position needs a qualified majority of the
    Council, and under co-decision the Parliament, to prefer it to ``q`` (city-block
    preferences). For a move upwards the Council's pivot is the member at which the votes of
    the members counted from the top reach the threshold (Amsterdam 62/87, Nice 255/345; under
    Lisbon also 55 % of the members; unanimity: every member); the largest acceptable outcome is
    ``2 p_pivot - q`` (and ``2 p_EP - q`` under co-decision). The Commission proposes its own
    position, cut back to what the pivots accept; if a pivot is on the other side of ``q``
    nothing moves. Issues without a reference point get the Council's weighted median.

``nash-achen``
    Nash bargaining as Achen (2006) formulates it for EU decisions: quadratic utilities and
    bargaining power ``c_i s_i``, with a disagreement point worse for everyone than any
    agreement on the scale rather than the status quo (where actors on both sides of the status
    quo would block every move). We take each actor's disagreement utility to be that of the
    far end of the scale (one point beyond), so the outcome maximises
    ``Σ_i c_i s_i log(1 - ((x - p_i) / D_i)²)`` with ``D_i = max(p_i, 100 - p_i) + 1``;
    the objective is concave and the maximiser is found by bisection. Near the centre of the
    scale it is the weighted mean with weights ``c_i s_i / D_i²``: the compromise model is
    its first-order approximation, Achen's point.

References
----------
.. [1] R. Thomson, F. N. Stokman, C. H. Achen and T. König (eds.), *The European Union
   Decides*, Cambridge University Press, 2006 (chapters 4, 5 and 10).
.. [2] R. Thomson, *Resolving Controversy in the European Union*, Cambridge University Press,
   2011.
.. [3] C. H. Achen, "Institutional realism and bargaining models", in [1], ch. 4.
.. [4] B. Steunenberg, "Decision making under different institutional arrangements", *Journal
   of Institutional and Theoretical Economics* 150(4), 1994.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik._types import BoolArray, FloatArray
from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.optional import register_optional_model
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError

_BISECTIONS = 60


@dataclass(frozen=True, kw_only=True)
class EuRules:
    """The institutional facts of each issue, as arrays (built by ``scenario.deu.eu_rules``).

    Parameters
    ----------
    commission, parliament : int
        Actor index of the Commission and of the Parliament (-1 if absent from the data).
    member : ndarray of bool, shape (n_actors, n_issues)
        Whether the actor is a member state of the Council at the time of the issue.
    council_weight : ndarray, shape (n_actors, n_issues)
        Votes (Amsterdam, Nice), population (Lisbon) or 1 (unanimity) of each member; 0 else.
    vote_threshold : ndarray, shape (n_issues,)
        Share of ``council_weight`` a qualified majority needs (1 for unanimity).
    count_threshold : ndarray, shape (n_issues,)
        Share of the members it needs (Lisbon 0.55; else 0).
    codecision : ndarray of bool, shape (n_issues,)
        Ordinary legislative procedure (the Parliament's approval is needed).
    """

    commission: int
    parliament: int
    member: BoolArray
    council_weight: FloatArray
    vote_threshold: FloatArray
    count_threshold: FloatArray
    codecision: BoolArray


def institutional_capability(rules: EuRules) -> FloatArray:
    """Capabilities of the compromise model: Council shares, Commission and Parliament.

    Examples
    --------
    >>> r = EuRules(commission=0, parliament=1, member=np.array([[False], [False], [True], [True]]),
    ...             council_weight=np.array([[0.0], [0.0], [3.0], [1.0]]),
    ...             vote_threshold=np.array([0.7]), count_threshold=np.array([0.0]),
    ...             codecision=np.array([False]))
    >>> institutional_capability(r)[:, 0].tolist()
    [0.75, 0.0, 0.75, 0.25]
    """
    w = np.where(rules.member, rules.council_weight, 0.0)
    total = w.sum(axis=0, keepdims=True)
    share = np.divide(w, total, out=np.zeros_like(w), where=total > 0)
    largest = share.max(axis=0)
    cap = share.copy()
    if rules.commission >= 0:
        cap[rules.commission] = largest
    if rules.parliament >= 0:
        cap[rules.parliament] = np.where(rules.codecision, largest, 0.0)
    return cap


def compromise_eu(
    position: FloatArray, salience: FloatArray, present: BoolArray, rules: EuRules
) -> tuple[FloatArray, FloatArray]:
    """Weighted mean and weighted median with institutional capabilities × salience."""
    w = institutional_capability(rules) * salience
    return weighted_mean(position, w, present), weighted_median(position, w, present)


def council_pivots(
    position: FloatArray, present: BoolArray, rules: EuRules
) -> tuple[FloatArray, FloatArray]:
    """The Council's pivots for moves down and up: ``(lower, upper)`` per issue.

    The upper pivot is the highest position such that the members at or above it hold a
    qualified majority (votes and, under Lisbon, members); the lower one likewise from below.
    NaN where no member takes part.

    Examples
    --------
    Votes 3, 1, 1 at 10, 50, 90 and a threshold of 0.7 (3.5 of 5): from the top 90, 50 hold 2
    votes, 10 brings 5, so the upper pivot is 10; from below 10 holds 3, 50 brings 4.

    >>> r = EuRules(commission=-1, parliament=-1, member=np.ones((3, 1), bool),
    ...             council_weight=np.array([[3.0], [1.0], [1.0]]),
    ...             vote_threshold=np.array([0.7]), count_threshold=np.array([0.0]),
    ...             codecision=np.array([False]))
    >>> council_pivots(np.array([[10.0], [50.0], [90.0]]), np.ones((3, 1), bool), r)
    (array([50.]), array([10.]))
    """
    voting = rules.member & present
    w = np.where(voting, rules.council_weight, 0.0)
    cnt = voting.astype(np.float64)
    need_w = rules.vote_threshold * w.sum(axis=0) - 1e-9
    need_c = rules.count_threshold * cnt.sum(axis=0) - 1e-9

    def pivot(key: FloatArray) -> FloatArray:
        order = np.argsort(np.where(voting, key, np.inf), axis=0, kind="stable")
        ws = np.take_along_axis(w, order, axis=0).cumsum(axis=0)
        cs = np.take_along_axis(cnt, order, axis=0).cumsum(axis=0)
        ok = (ws >= need_w) & (cs >= need_c)
        first = np.argmax(ok, axis=0)
        idx = np.take_along_axis(order, first[None, :], axis=0)[0]
        out = np.take_along_axis(position, idx[None, :], axis=0)[0]
        return np.where(ok.any(axis=0) & voting.any(axis=0), out, np.nan)

    upper = pivot(-position)  # counted from the top
    lower = pivot(position)
    return lower, upper


def procedural(
    position: FloatArray,
    salience: FloatArray,
    present: BoolArray,
    status_quo: FloatArray,
    rules: EuRules,
) -> FloatArray:
    """The procedural model's outcome per issue (see the module docstring).

    Examples
    --------
    Status quo 0, Commission at 100, members at 20, 60, 80 with equal votes, QMV threshold
    0.6: counted from the top 80 and 60 hold 2/3, so the pivot is 60 and the Council accepts
    anything up to 120; under consultation the outcome is the Commission's 100. A Parliament
    at 30 under co-decision accepts only up to 60.

    >>> pos = np.array([[100.0], [30.0], [20.0], [60.0], [80.0]])
    >>> member = np.array([[False], [False], [True], [True], [True]])
    >>> rules = lambda cod: EuRules(commission=0, parliament=1, member=member,
    ...     council_weight=member.astype(float), vote_threshold=np.array([0.6]),
    ...     count_threshold=np.array([0.0]), codecision=np.array([cod]))
    >>> ones = np.ones((5, 1), bool)
    >>> procedural(pos, ones * 1.0, ones, np.array([0.0]), rules(False)).tolist()
    [100.0]
    >>> procedural(pos, ones * 1.0, ones, np.array([0.0]), rules(True)).tolist()
    [60.0]
    """
    q = np.asarray(status_quo, dtype=np.float64)
    lower, upper = council_pivots(position, present, rules)
    m = position.shape[1]
    com = rules.commission
    has_com = present[com] if com >= 0 else np.zeros(m, bool)
    cw = institutional_capability(rules) * salience
    council_median = weighted_median(position, np.where(rules.member, cw, 0.0), present)
    proposal = np.where(has_com, position[max(com, 0)], council_median)
    hi = 2.0 * upper - q
    lo = 2.0 * lower - q
    ep = rules.parliament
    if ep >= 0:
        ep_on = rules.codecision & present[ep]
        hi = np.where(ep_on, np.minimum(hi, 2.0 * position[ep] - q), hi)
        lo = np.where(ep_on, np.maximum(lo, 2.0 * position[ep] - q), lo)
    up = proposal > q
    down = proposal < q
    out = q.copy()
    out = np.where(up & (hi > q), np.minimum(proposal, hi), out)
    out = np.where(down & (lo < q), np.maximum(proposal, lo), out)
    out = np.clip(out, 0.0, 100.0)
    no_pivot = ~np.isfinite(upper) | ~np.isfinite(lower)
    out = np.where(np.isfinite(q) & ~no_pivot, out, council_median)
    return np.where(present.any(axis=0), out, np.nan)


def nash_achen(position: FloatArray, weight: FloatArray, present: BoolArray) -> FloatArray:
    """Achen's Nash bargaining solution per issue (see the module docstring).

    Parameters
    ----------
    position, weight : ndarray, shape (..., n_actors, n_issues)
    present : ndarray of bool, shape (..., n_actors, n_issues)

    Examples
    --------
    Two equal actors at 0 and 100 meet in the middle; actors on both sides of any status quo
    still reach agreement (no status quo enters):

    >>> nash_achen(np.array([[0.0], [100.0]]), np.ones((2, 1)), np.ones((2, 1), bool)).round(6)
    array([50.])
    """
    p = np.asarray(position, dtype=np.float64)
    w = np.where(present & (weight > 0), weight, 0.0)
    fallback = ~(w > 0).any(axis=-2, keepdims=True)
    w = np.where(fallback & present, 1.0, w)
    span = np.maximum(p, 100.0 - p) + 1.0

    def slope(x: FloatArray) -> FloatArray:
        z = (x[..., None, :] - p) / span
        return (w * (-2.0 * z / span) / (1.0 - z * z)).sum(axis=-2)

    a = np.zeros(p.shape[:-2] + p.shape[-1:])
    b = np.full_like(a, 100.0)
    for _ in range(_BISECTIONS):
        mid = (a + b) / 2.0
        up = slope(mid) > 0
        a = np.where(up, mid, a)
        b = np.where(up, b, mid)
    return np.where(present.any(axis=-2), (a + b) / 2.0, np.nan)


def _rules(options: dict[str, Any], name: str) -> EuRules:
    rules = options.get("eu")
    if not isinstance(rules, EuRules):
        raise InputError(
            f"model {name!r} needs the EU institutions of each issue (actor roles, procedure, "
            "voting rule, dates), which only DEU III data carries: run it with "
            f"`realpolitik backtest deu3.csv --model {name}`"
        )
    return rules


def _no_batch(state: BargainingState, name: str) -> None:
    if state.position.ndim != 2:
        raise InputError(f"model {name!r} takes one set of issues, not a batch")


@register_optional_model(
    "compromise-eu",
    "compromise model with EU weights (Council votes by date, Commission, Parliament)",
    options=("eu",),
)
def _compromise_eu_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    _no_batch(state, "compromise-eu")
    rules = _rules(options, "compromise-eu")
    mean, median = compromise_eu(state.position, state.salience, state.present, rules)
    return ModelRun(forecasts={"compromise-eu": mean, "compromise-eu-median": median})


@register_optional_model(
    "procedural",
    "EU procedural model: Commission proposal cut back to the Council (QMV) and EP pivots",
    options=("eu",),
)
def _procedural_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    _no_batch(state, "procedural")
    rules = _rules(options, "procedural")
    sq = np.full(state.n_issues, np.nan) if status_quo is None else np.asarray(status_quo)
    out = procedural(state.position, state.salience, state.present, sq, rules)
    return ModelRun(forecasts={"procedural": out})


@register_optional_model(
    "nash-achen",
    "Nash bargaining as Achen formulates it (quadratic utilities, breakdown disagreement)",
)
def _nash_achen_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    return ModelRun(
        forecasts={"nash-achen": nash_achen(state.position, state.weights(), state.present)}
    )


__all__ = [
    "EuRules",
    "compromise_eu",
    "council_pivots",
    "institutional_capability",
    "nash_achen",
    "procedural",
]

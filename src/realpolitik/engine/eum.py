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

from __future__ import annotations

import dataclasses
from typing import Any, Literal

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.registry import ModelRun, register_model
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError

Variant = Literal["bdm", "scholz2011", "scholz2011-replication"]

VARIANTS: tuple[str, ...] = ("bdm", "scholz2011", "scholz2011-replication")
#: Variants that follow Scholz et al.'s program (the all-pairs denominator, its compromise key).
_SCHOLZ = ("scholz2011", "scholz2011-replication")
#: Rounds run unless told otherwise (see docs/eum.md for why).
DEFAULT_MAX_ROUNDS = 10
#: A run stops once no position moves by more than this many points (0–100 scale).
DEFAULT_TOL = 1e-6
#: Margin used when comparing expected utilities (they are of order 1).
EU_EPS = 1e-9
#: Positions (and offers' moves) closer than this share of the issue's range count as equal, so
#: that rounding — a table rescaled to 0–100 and back — cannot flip a comparison. On DEU III it
#: changes no forecast by more than 1e-14.
DEFAULT_TIE = 1e-9
#: Largest number of elements of one (problems × actors × actors) work array.
_CHUNK_ELEMENTS = 2_000_000

NONE, CONFRONTATION, COMPROMISE, CAPITULATION = 0, 1, 2, 3


def _flatten(state: BargainingState) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """Arrays of shape (problems, actors): one problem per batch element and issue."""
    n = state.n_actors

    def per_problem(a: np.ndarray) -> np.ndarray:
        return np.moveaxis(a, -1, -2).reshape(-1, n)

    cap = np.broadcast_to(state.capability[..., :, None], state.position.shape)
    present = per_problem(state.present)
    x = np.where(present, per_problem(state.position), 0.0)
    s = np.where(present, per_problem(state.salience), 0.0)
    w = np.where(present, per_problem(cap) * s, 0.0)
    return np.ascontiguousarray(x), np.ascontiguousarray(s), np.ascontiguousarray(w), present


def _unflatten(a: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Inverse of :func:`_flatten` for an array of shape (problems, actors)."""
    *batch, n, m = shape
    return np.moveaxis(a.reshape(*batch, m, n), -1, -2)


def _midpoint_counts(z: FloatArray, tie: float = 0.0) -> tuple[IntArray, IntArray]:
    """Sort order of the actors and, per pair, how many actors lie at or below the midpoint.

    Returns ``order`` (B, n) and ``count`` (B, n, n) with ``count[b, a, c]`` the number of
    actors ``k`` with ``z_k <= (z_a + z_c) / 2 + tie``. One sort of ``n² + n`` numbers per
    problem.
    """
    nb, n = z.shape
    order = np.argsort(z, axis=1, kind="stable")
    zs = np.take_along_axis(z, order, axis=1)
    mid = ((z[:, :, None] + z[:, None, :]) / 2.0 + tie).reshape(nb, n * n)
    both = np.concatenate([zs, mid], axis=1)
    # Stable sort: positions precede equal midpoints, so they count as "at or below".
    srt = np.argsort(both, axis=1, kind="stable")
    is_pos = srt < n
    seen = np.cumsum(is_pos, axis=1)
    count = np.empty((nb, n * n), dtype=np.int64)
    mids = ~is_pos
    rows = np.nonzero(mids)[0]
    count[rows, srt[mids] - n] = seen[mids]
    return order, count.reshape(nb, n, n)


def _positive_votes(g: FloatArray, z: FloatArray, order: IntArray, count: IntArray) -> FloatArray:
    """``N[a, c] = Σ_k max(0, g[k, c] - g[k, a])`` for all pairs, by prefix sums.

    ``g[k, a] = w_k d_ka^r_k`` grows with the distance of ``a`` from ``k``, so ``k`` favours the
    nearer position of the pair: the actors on ``a``'s side of the midpoint. Sorting the voters
    by position makes that set a prefix (``z_a < z_c``) or suffix (``z_a > z_c``).
    """
    nb, n, _ = g.shape
    gs = np.take_along_axis(g, order[:, :, None], axis=1)
    prefix = np.zeros((nb, n + 1, n))
    np.cumsum(gs, axis=1, out=prefix[:, 1:, :])
    total = prefix[:, n, :]  # (B, n): Σ_k g[k, a]
    flat = prefix.reshape(nb, (n + 1) * n)
    col = np.arange(n)
    base = count * n
    at_c = np.take_along_axis(flat, (base + col[None, None, :]).reshape(nb, -1), axis=1)
    at_a = np.take_along_axis(flat, (base + col[None, :, None]).reshape(nb, -1), axis=1)
    at_c = at_c.reshape(nb, n, n)
    at_a = at_a.reshape(nb, n, n)
    below = at_c - at_a  # voters at or below the midpoint
    above = (total[:, None, :] - at_c) - (total[:, :, None] - at_a)
    za = z[:, :, None]
    zc = z[:, None, :]
    out = np.where(za < zc, below, np.where(za > zc, above, 0.0))
    return np.maximum(out, 0.0)


def _all_pair_votes(g: FloatArray, present: BoolArray) -> FloatArray:
    """Scholz's denominator ``Σ_k Σ_a Σ_b |g[k, a] - g[k, b]|`` over present ``a, b``, shape (B,).

    Sorting each voter's row gives the sum of pairwise differences in ``O(n log n)``.
    """
    n = g.shape[-1]
    m = present.sum(axis=1)  # (B,)
    vals = np.sort(np.where(present[:, None, :], g, np.inf), axis=2)
    t = np.arange(n)
    coef = 2.0 * t[None, :] - (m[:, None] - 1.0)  # (B, n)
    coef = np.where(t[None, :] < m[:, None], coef, 0.0)
    vals = np.where(np.isfinite(vals), vals, 0.0)
    per_voter = (vals * coef[:, None, :]).sum(axis=2)  # Σ_{a<b} per voter
    return 2.0 * per_voter.sum(axis=1)


def _leaning_votes(g: FloatArray, lean: FloatArray) -> FloatArray:
    """``N[a, c] = Σ_k max(0, g[k, c] - g[k, a] + lean[k, a] - lean[k, c])`` directly.

    With relations the votes no longer follow the midpoint (a voter may back a friend whose
    position is farther away), so they are summed pair by pair: ``O(n³)`` per problem.
    """
    h = g - lean  # (B, k, a): how much voter k dislikes a's position and a
    v = h[:, :, None, :] - h[:, :, :, None]  # (B, k, a, c) = h[k, c] - h[k, a]
    return np.maximum(v, 0.0).sum(axis=1)


def _related_votes(
    g: FloatArray, lean: FloatArray, z: FloatArray, order: IntArray, count: IntArray
) -> FloatArray:
    """:func:`_leaning_votes`, with the voters that lean toward nobody counted by prefix sums.

    A voter without relations votes as in plain EUM (:func:`_positive_votes`, ``O(n² log n)``);
    only the ``R`` voters with a relation are summed pair by pair, as the correction
    ``max(0, Δg + Δlean) − max(0, Δg)``: ``O(R n²)`` instead of ``O(n³)``.
    """
    base = _positive_votes(g, z, order, count)
    related = (lean != 0).any(axis=2)  # (B, k)
    r = int(related.sum(axis=1).max()) if related.size else 0
    if r == 0:
        return base
    # The related voters of each problem first (stable), padded with unrelated ones (whose
    # correction is exactly 0).
    idx = np.argsort(~related, axis=1, kind="stable")[:, :r]
    gs = np.take_along_axis(g, idx[:, :, None], axis=1)
    ls = np.take_along_axis(lean, idx[:, :, None], axis=1)
    dg = gs[:, :, None, :] - gs[:, :, :, None]  # (B, r, a, c) = g[k, c] - g[k, a]
    dl = ls[:, :, :, None] - ls[:, :, None, :]  # lean[k, a] - lean[k, c]
    fix = (np.maximum(dg + dl, 0.0) - np.maximum(dg, 0.0)).sum(axis=1)
    return np.maximum(base + fix, 0.0)


def _probability(
    w: FloatArray,
    dist: FloatArray,
    r: FloatArray,
    z: FloatArray,
    present: BoolArray,
    order: IntArray,
    count: IntArray,
    variant: str,
    lean: FloatArray | None = None,
) -> FloatArray:
    """``P[b, a, c]``: the probability that ``a`` prevails against ``c``.

    ``lean[b, k, a]`` (optional) is what voter ``k`` adds to its vote for ``a`` on account of
    its relation to ``a`` (``θ w_k A_ka``, see :func:`run_eum`).
    """
    g = w[:, :, None] * dist ** r[:, :, None]
    if lean is None:
        pos = _positive_votes(g, z, order, count)
    else:
        pos = _related_votes(g, lean, z, order, count)
    if variant in _SCHOLZ:
        den = _all_pair_votes(g, present)[:, None, None]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, pos / den, 0.0)
    tot = pos + np.swapaxes(pos, 1, 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(tot > 0, pos / tot, 0.5)


def _utilities(dist: FloatArray, r: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``U_s - U_sq`` and ``U_s - U_f`` for perceiver ``i`` (rows) and distance to ``j``."""
    rr = r[:, :, None]
    us = 2.0 - 4.0 * (0.5 - 0.5 * dist) ** rr
    uf = 2.0 - 4.0 * (0.5 + 0.5 * dist) ** rr
    usq = 2.0 - 4.0 * 0.5**rr
    return us - usq, us - uf


def _step(
    x: FloatArray,
    s: FloatArray,
    w: FloatArray,
    present: BoolArray,
    scale: FloatArray,
    variant: str,
    lean: FloatArray | None = None,
    tie: float = 0.0,
) -> tuple[FloatArray, IntArray, IntArray]:
    """One round for problems (B, n): new positions, offer accepted from whom, of which kind.

    ``lean`` adds relational votes (see :func:`_probability`); ``tie`` is the distance (on the
    issue's range, 0–1) below which two positions count as the same.
    """
    nb, n = x.shape
    z = (x - x.min(axis=1, keepdims=True)) / scale[:, None]
    # Positions stay within the initial range, so distances lie in [0, 1] (up to rounding).
    dist = np.minimum(np.abs(z[:, :, None] - z[:, None, :]), 1.0)
    pair = present[:, :, None] & present[:, None, :]
    order, count = _midpoint_counts(z, tie)

    # Risk exponents from the security (danger) of each actor, everyone risk neutral.
    ones = np.ones_like(x)
    p1 = _probability(w, dist, ones, z, present, order, count, variant, lean)
    gain1, spread1 = _utilities(dist, ones)
    # EU_b(a→b) as b perceives it, summed over challengers a: transpose to rows = target b.
    eu_against = gain1 - s[:, :, None] * (1.0 - np.swapaxes(p1, 1, 2)) * spread1
    eu_against = np.where(pair & ~np.eye(n, dtype=bool), eu_against, 0.0)
    danger = eu_against.sum(axis=2)
    d_max = np.where(present, danger, -np.inf).max(axis=1, keepdims=True)
    d_min = np.where(present, danger, np.inf).min(axis=1, keepdims=True)
    spread = d_max - d_min
    ok = spread > 1e-12 * np.maximum(1.0, np.abs(d_max))
    with np.errstate(invalid="ignore", divide="ignore"):
        big_r = np.where(ok, (2.0 * danger - d_max - d_min) / spread, 0.0)
    big_r = np.where(present, big_r, 0.0)
    r = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)

    # Expected utilities of receiver i (rows) with each proposer j (columns), as i sees them.
    p = _probability(w, dist, r, z, present, order, count, variant, lean)
    gain, spread_u = _utilities(dist, r)
    eu_ij = gain - s[:, None, :] * (1.0 - p) * spread_u
    eu_ji = gain - s[:, :, None] * (1.0 - np.swapaxes(p, 1, 2)) * spread_u

    xi = x[:, :, None]
    xj = x[:, None, :]
    differ = (xi != xj) if tie == 0 else (dist > tie)
    valid = pair & differ
    conf = valid & (eu_ij > EU_EPS) & (eu_ji - eu_ij > EU_EPS)
    loses = valid & (eu_ji > EU_EPS) & (eu_ij < -EU_EPS)
    comp = loses & (eu_ji + eu_ij > EU_EPS)
    capit = loses & (-eu_ij - eu_ji > EU_EPS)
    if variant == "scholz2011-replication":
        # The replication's test reads EU_i(j→i) < |EU_i(j→i)|, which never holds.
        capit = np.zeros_like(capit)

    with np.errstate(invalid="ignore", divide="ignore"):
        frac = np.where(comp, -eu_ij / eu_ji, 0.0)
    target = np.where(comp, xi + (xj - xi) * frac, np.broadcast_to(xj, valid.shape))
    move = np.abs(target - xi)
    if variant in _SCHOLZ:
        with np.errstate(invalid="ignore", divide="ignore"):
            comp_key = (-eu_ij * xi + eu_ji * xj) / (eu_ji - eu_ij)
    else:
        comp_key = move

    new_x = x.copy()
    frm = np.full((nb, n), -1, dtype=np.int64)
    kind = np.zeros((nb, n), dtype=np.int64)
    done = np.zeros((nb, n), dtype=bool)
    for code, mask, key in (
        (CONFRONTATION, conf, move),
        (COMPROMISE, comp, comp_key),
        (CAPITULATION, capit, move),
    ):
        has = mask.any(axis=2) & ~done
        keyed = np.where(mask, key, np.inf)
        if tie == 0:
            best = np.argmin(keyed, axis=2)
        else:
            # Offers whose keys differ by less than the tie are equal: the first of them wins,
            # so rounding (a rescaled table) cannot pick another proposer.
            low = keyed.min(axis=2, keepdims=True)
            best = np.argmax(keyed <= low + tie * scale[:, None, None], axis=2)
        pos = np.take_along_axis(target, best[:, :, None], axis=2)[:, :, 0]
        new_x = np.where(has, pos, new_x)
        frm = np.where(has, best, frm)
        kind = np.where(has, code, kind)
        done |= has
    return new_x, frm, kind


#: Capabilities below this share of the largest, and saliences below this value, count as zero:
#: they cannot move a vote beyond floating-point rounding, and numbers near the underflow limit
#: would round differently in different orders of operations.
NEGLIGIBLE = 1e-9


def condition_inputs(state: BargainingState) -> BargainingState:
    """Rescale capabilities to the largest of each batch element; zero negligible inputs.

    EUM depends on capabilities only through their ratios (votes enter every probability as a
    ratio of sums), so the rescaling changes no result; capability shares and saliences below
    :data:`NEGLIGIBLE` become 0 so that no computation depends on numbers near underflow.

    Examples
    --------
    >>> s = BargainingState.from_arrays([[0.0], [50.0], [100.0]], [[1.0], [1e-300], [1.0]],
    ...                                 [4.0, 2.0, 1e-300])
    >>> c = condition_inputs(s)
    >>> c.capability, c.salience[:, 0]
    (array([1. , 0.5, 0. ]), array([1., 0., 1.]))
    """
    cap = state.capability
    top = cap.max(axis=-1, keepdims=True) if cap.shape[-1] else np.ones(cap.shape[:-1] + (1,))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(top > 0, cap / np.where(top > 0, top, 1.0), 0.0)
    share = np.where(share >= NEGLIGIBLE, share, 0.0)
    salience = np.where(state.salience >= NEGLIGIBLE, state.salience, 0.0)
    return dataclasses.replace(state, capability=share, salience=salience)


def _check(variant: str, max_rounds: int, tol: float, state: BargainingState) -> None:
    """Raise :class:`InputError` for option values or states the model cannot use."""
    if variant not in VARIANTS:
        raise InputError(f"the EUM variant must be one of {list(VARIANTS)}; got {variant!r}")
    if isinstance(max_rounds, bool) or not isinstance(max_rounds, int | np.integer):
        raise InputError(f"max_rounds must be an integer >= 0; got {max_rounds!r}")
    if max_rounds < 0:
        raise InputError(f"max_rounds must be an integer >= 0; got {max_rounds}")
    if not np.isfinite(tol) or tol < 0:
        raise InputError(f"tol must be a number >= 0; got {tol!r}")
    pres = state.present
    pos = state.position[pres]
    if pos.size and (not np.all(np.isfinite(pos)) or pos.min() < 0 or pos.max() > 100):
        raise InputError(
            "positions of present actors must be finite numbers in [0, 100]; got values from "
            f"{np.nanmin(pos):g} to {np.nanmax(pos):g}"
        )
    sal = state.salience[pres]
    if sal.size and (not np.all(np.isfinite(sal)) or sal.min() < 0 or sal.max() > 1):
        raise InputError(
            f"saliences must lie in [0, 1]; got values from {np.nanmin(sal):g} to "
            f"{np.nanmax(sal):g} (divide 0-100 saliences by 100)"
        )
    cap = state.capability
    if cap.size and (not np.all(np.isfinite(cap)) or cap.min() < 0):
        raise InputError(f"capabilities must be finite and >= 0; got minimum {np.nanmin(cap):g}")


def run_eum(
    state: BargainingState,
    *,
    variant: Variant = "bdm",
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    tol: float = DEFAULT_TOL,
    record: bool = True,
    affinity_weight: float = 0.0,
    damp: bool = False,
    tie: float = DEFAULT_TIE,
    names: tuple[str, str] = ("eum", "eum-mean"),
) -> ModelRun:
    """Run the expected utility model on every issue (and batch element) of ``state``.

    Parameters
    ----------
    state : BargainingState
        Positions on 0–100, saliences in [0, 1], capabilities ≥ 0; absent actors are ignored
        and keep their positions.
    variant : {"bdm", "scholz2011"}
        ``"scholz2011"`` reproduces Scholz et al. (2011) as replicated; ``"bdm"`` removes its
        inconsistencies (see the module docstring).
    max_rounds : int
        Most rounds to run.
    tol : float
        An issue stops once no position on it moves by more than ``tol`` points in a round;
        that round is counted and applied.
    record : bool
        Keep every round's positions and accepted offers (``rounds``, ``offer_from``,
        ``offer_kind``); when False those are None.
    affinity_weight : float
        θ, how much relations count in the votes (0: plain EUM; ``eum-rel`` uses
        :data:`AFFINITY_WEIGHT`). Voter ``k``'s vote on the positions of ``a`` and ``c`` becomes
        ``w_k (d_kc^r - d_ka^r + θ (A_ka - A_kc))`` with ``A`` the state's affinity.
    damp : bool
        Detect two-round cycles and replace them by their midpoint (see ``eum-rel``).
    tie : float
        Positions closer than this share of the issue's range count as equal, a voter this
        close to a midpoint counts as at it, and offers whose moves differ by less go to the
        first proposer (0: exact comparisons).
    names : (str, str)
        The names of the two forecasts (median and mean of the final positions).

    Returns
    -------
    ModelRun
        ``forecasts["eum"]`` the weighted median of the final positions, ``forecasts["eum-mean"]``
        their capability × salience weighted mean; ``positions`` the final positions;
        ``n_rounds`` the most rounds any issue ran; ``converged`` whether every issue stopped
        before ``max_rounds``; ``info["n_rounds_per_issue"]``, ``info["converged_per_issue"]``
        and ``info["damped_per_issue"]`` (cycles damped) of shape (..., n_issues).

    Raises
    ------
    InputError
        For an unknown variant, a negative ``max_rounds`` or ``tol``, or values outside the
        ranges above.

    Examples
    --------
    Two actors at 0 (saliences 1 and 0.5) and one at 100 (salience 1), equal capabilities: in
    round 1 the weaker actor at 0 loses a confrontation to the one at 100 and that one loses
    one to the first actor (the two swap); in round 2 the lone actor at 100 compromises.

    >>> s = BargainingState.from_arrays([[0.0], [0.0], [100.0]], [[1.0], [0.5], [1.0]],
    ...                                 [1.0, 1.0, 1.0])
    >>> run = run_eum(s, max_rounds=2)
    >>> run.rounds[:, :, 0].round(2).tolist()
    [[0.0, 0.0, 100.0], [0.0, 100.0, 0.0], [0.0, 84.7, 0.0]]
    >>> run.offer_kind[:, :, 0].tolist()  # 1 confrontation, 2 compromise
    [[0, 1, 1], [0, 2, 0]]
    >>> run.forecasts["eum"], run.n_rounds, run.converged
    (array([0.]), 2, False)
    """
    _check(variant, max_rounds, tol, state)
    if affinity_weight and variant != "bdm":
        raise InputError("relations (affinity) work with the 'bdm' variant only")
    state = condition_inputs(state)
    shape = state.position.shape
    x0, s, w, present = _flatten(state)
    nb, n = x0.shape
    n_issues = shape[-1]
    n_present = present.sum(axis=1)
    lo = np.where(present, x0, np.inf).min(axis=1)
    hi = np.where(present, x0, -np.inf).max(axis=1)
    scale = np.where(n_present > 0, hi - lo, 0.0)
    # Absent actors sit at the lowest present position: every distance stays within [0, 1].
    x0 = np.where(present, x0, np.where(n_present > 0, lo, 0.0)[:, None])

    # Relations: one affinity matrix per batch element, shared by its issues (problem p of
    # _flatten belongs to batch element p // n_issues).
    aff: FloatArray | None = None
    if affinity_weight and state.affinity is not None and np.any(state.affinity != 0):
        aff = np.ascontiguousarray(state.affinity.reshape(-1, n, n))

    x = x0.copy()
    prev = x0.copy()
    active = (n_present >= 2) & (scale > 0)
    rounds_run = np.zeros(nb, dtype=np.int64)
    damped = np.zeros(nb, dtype=np.int64)
    history: list[FloatArray] = [x0.copy()] if record else []
    froms: list[IntArray] = []
    kinds: list[IntArray] = []
    per_problem = n * n * (n if aff is not None else 1)  # the related voters, at most n
    chunk = max(1, _CHUNK_ELEMENTS // max(1, per_problem))

    for t in range(max_rounds):
        idx = np.nonzero(active)[0]
        if idx.size == 0:
            break
        frm_t = np.full((nb, n), -1, dtype=np.int64)
        kind_t = np.zeros((nb, n), dtype=np.int64)
        for start in range(0, idx.size, chunk):
            sel = idx[start : start + chunk]
            lean = None
            if aff is not None:
                lean = affinity_weight * w[sel][:, :, None] * aff[sel // n_issues]
            new_x, frm, kind = _step(
                x[sel], s[sel], w[sel], present[sel], scale[sel], variant, lean, tie
            )
            if damp and t > 0:
                # A two-round cycle: back where it was two rounds ago, yet still moving. Its
                # midpoint (each actor's average over the cycle) replaces it.
                back = np.where(present[sel], np.abs(new_x - prev[sel]), 0.0).max(axis=1)
                step = np.where(present[sel], np.abs(new_x - x[sel]), 0.0).max(axis=1)
                cycle = (back <= tol) & (step > tol)
                new_x = np.where(cycle[:, None], (new_x + x[sel]) / 2.0, new_x)
                damped[sel] += cycle
            moved = np.where(present[sel], np.abs(new_x - x[sel]), 0.0).max(axis=1)
            prev[sel] = x[sel]
            x[sel] = new_x
            frm_t[sel] = frm
            kind_t[sel] = kind
            rounds_run[sel] = t + 1
            still = moved > tol
            active[sel] = still
        if record:
            history.append(x.copy())
            froms.append(frm_t)
            kinds.append(kind_t)
    # An issue still active moved in its last allowed round: it has not converged.
    converged = ~active
    n_rounds = int(rounds_run.max()) if nb else 0

    def restore(a: FloatArray) -> FloatArray:
        """Back to the state's shape, absent actors at their input positions."""
        return np.where(state.present, _unflatten(a, shape), state.position)

    final = restore(x)
    weights = state.weights()
    # Clipped so that rounding (a mean of 100s giving 100.00000000000001) stays on the scale.
    forecasts = {
        names[0]: np.clip(weighted_median(final, weights, state.present), 0.0, 100.0),
        names[1]: np.clip(weighted_mean(final, weights, state.present), 0.0, 100.0),
    }
    batch_issue = (*shape[:-2], shape[-1])
    info: dict[str, Any] = {
        "variant": variant,
        "n_rounds_per_issue": rounds_run.reshape(batch_issue),
        "converged_per_issue": converged.reshape(batch_issue),
        "damped_per_issue": damped.reshape(batch_issue),
    }
    if not record:
        return ModelRun(
            forecasts=forecasts,
            positions=final,
            n_rounds=n_rounds,
            converged=bool(converged.all()),
            info=info,
        )
    history = history[: n_rounds + 1]
    return ModelRun(
        forecasts=forecasts,
        positions=final,
        rounds=np.stack([restore(h) for h in history]),
        offer_from=np.stack([_unflatten(f, shape) for f in froms[:n_rounds]])
        if n_rounds
        else np.zeros((0, *shape), dtype=np.int64),
        offer_kind=np.stack([_unflatten(k, shape) for k in kinds[:n_rounds]])
        if n_rounds
        else np.zeros((0, *shape), dtype=np.int64),
        n_rounds=n_rounds,
        converged=bool(converged.all()),
        info=info,
    )


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

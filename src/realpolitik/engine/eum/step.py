"""One EUM round: probabilities of success, expected utilities, offers and the moves they cause."""

from __future__ import annotations

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.eum.constants import (
    _SCHOLZ,
    CAPITULATION,
    COMPROMISE,
    CONFRONTATION,
    EU_EPS,
)
from realpolitik.engine.eum.votes import (
    _all_pair_votes,
    _midpoint_counts,
    _positive_votes,
    _related_votes,
)


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

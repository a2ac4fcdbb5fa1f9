"""Votes of every third party on every pair of positions, by sorting and prefix sums."""

from __future__ import annotations

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.state import BargainingState


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

"""One SMP round: challenges, bargains, and the bargain each actor adopts."""

from __future__ import annotations

import numpy as np

from realpolitik._types import FloatArray, IntArray
from realpolitik.engine.smp.constants import MIN_SIG_GAIN
from realpolitik.engine.smp.utility import (
    _round4,
    position_value,
    risk_attitudes,
    salience_distance,
)


def challenges(
    util: FloatArray, total_salience: FloatArray, capability: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Each actor's own estimate of its chance and expected gain against each other (step 3).

    Parameters
    ----------
    util : ndarray, shape (n, n, n)
        ``util[h, a, b]``: h's estimate of the value to a of b's position.
    total_salience, capability : ndarray, shape (n,)

    Returns
    -------
    prob, gain : ndarray, shape (n, n)
        ``prob[i, j]``: i's estimate that it prevails over j; ``gain[i, j]``: the expected gain of
        challenging j (-inf on the diagonal).
    """
    n = util.shape[0]
    idx = np.arange(n)
    own = util[idx, idx, :]  # own[i, b] = U^i[i, b]
    uii = own[idx, idx][:, None]  # (i, 1)
    uij = own  # (i, j)
    uji = util[idx, :, idx]  # uji[i, j] = U^i[j, i]
    ujj = util[:, idx, idx]  # ujj[i, j] = U^i[j, j]
    wgt = total_salience * capability
    vi = wgt[:, None] * (uii - uij)
    vj = wgt[None, :] * (uji - ujj)
    side_i = 1e-10 + np.maximum(vi, 0.0) + np.maximum(vj, 0.0)
    side_j = 1e-10 + np.maximum(-vi, 0.0) + np.maximum(-vj, 0.0)
    uni = uji[:, None, :]  # uni[i, ., n] = U^i[n, i]
    unj = np.transpose(util, (0, 2, 1))  # unj[i, j, n] = U^i[n, j]
    unn = ujj[:, None, :]  # unn[i, ., n] = U^i[n, n]
    wn = wgt[None, None, :]
    vn = wn * (uni - unj)
    ci = side_i[:, :, None] + np.maximum(vn, 0.0)
    cj = side_j[:, :, None] + np.maximum(-vn, 0.0)
    pin = ci / (ci + cj)
    vote = wn * (pin * (unn - uni) + (1.0 - pin) * (unj - unn))
    third = (idx[None, None, :] != idx[:, None, None]) & (idx[None, None, :] != idx[None, :, None])
    vote = np.where(third, vote, 0.0)
    chij = side_i + np.maximum(vote, 0.0).sum(-1)
    chji = side_j + np.maximum(-vote, 0.0).sum(-1)
    prob = chij / (chij + chji)
    sj = total_salience[None, :]
    gain = (1.0 - sj) * 2.0 * uii + sj * (prob * 2.0 * uii + (1.0 - prob) * 2.0 * uij)
    gain = gain - (uii + uij)
    np.fill_diagonal(gain, -np.inf)
    return prob, gain


def smp_step(
    position: FloatArray, salience: FloatArray, capability: FloatArray
) -> tuple[FloatArray, IntArray, IntArray]:
    """One SMP round (steps 1–5 of the module docstring).

    Parameters
    ----------
    position, salience : ndarray, shape (n_actors, n_dims)
        Positions on [0, 1]; saliences on [0, 1] (floored at 1e-6).
    capability : ndarray, shape (n_actors,)

    Returns
    -------
    new_position : ndarray, shape (n_actors, n_dims)
    target : ndarray of int, shape (n_actors,)
        Whom each actor challenged (-1: nobody).
    partner : ndarray of int, shape (n_actors,)
        The other party of the bargain each actor adopted (-1: kept its position).
    """
    n = position.shape[0]
    idx = np.arange(n)
    dist = salience_distance(position, salience)
    risk = risk_attitudes(dist, capability)
    est = (2.0 * risk[:, None] + risk[None, :]) / 3.0  # est[h, a]
    util = position_value(dist[None, :, :], est[:, :, None])  # util[h, a, b]
    total = salience.sum(-1)
    prob, gain = challenges(util, total, capability)
    best = np.argmax(gain, axis=1)
    best_gain = gain[idx, best]
    target = np.where(best_gain > MIN_SIG_GAIN, best, -1)
    inits = np.nonzero(target >= 0)[0]
    rcvrs = target[inits]
    p_i = prob[inits, rcvrs][:, None]
    w_i = salience[inits] ** 2 * p_i**2
    w_j = salience[rcvrs] ** 2 * (1.0 - p_i) ** 2
    t_i, t_j = position[inits], position[rcvrs]
    den = w_i + 1e-6 + w_j
    b_init = _round4(((w_i + 1e-6) * t_i + w_j * t_j) / den)
    b_rcvr = _round4((w_i * t_i + (w_j + 1e-6) * t_j) / den)
    # Value to each actor a of each bargain: the mean over positions after its two moves.
    self_util = util[idx, idx, :]  # (a, n): a's own values, with its own R_a
    total_util = self_util.sum(1)
    pu_init = _values_of(position, salience, risk, b_init)  # (a, bargain)
    pu_rcvr = _values_of(position, salience, risk, b_rcvr)
    bargain_value = (
        total_util[:, None] - self_util[:, inits] - self_util[:, rcvrs] + pu_init + pu_rcvr
    ) / n
    sq_value = total_util / n
    pick = _choose(sq_value, bargain_value, inits, rcvrs, capability)
    new = position.copy()
    partner = np.full(n, -1, dtype=np.int64)
    took = pick >= 0
    b = np.maximum(pick, 0)
    as_init = took & (inits[b] == idx) if inits.size else np.zeros(n, bool)
    as_rcvr = took & ~as_init
    if inits.size:
        new[as_init] = b_init[b[as_init]]
        new[as_rcvr] = b_rcvr[b[as_rcvr]]
        partner[as_init] = rcvrs[b[as_init]]
        partner[as_rcvr] = inits[b[as_rcvr]]
    return new, target.astype(np.int64), partner


def _choose(
    sq_value: FloatArray,
    bargain_value: FloatArray,
    inits: IntArray,
    rcvrs: IntArray,
    capability: FloatArray,
) -> IntArray:
    """For each actor k, the bargain it adopts (index into ``inits``) or -1 for its status quo.

    Actor k's options are its status quo and the bargains it is party to, in KTAB's queue
    order (by initiator; k's status quo at k's own turn, just before its own bargain); the one
    with the largest chance in the Condorcet election of all actors' values wins, the first on
    a tie. Actors with the same number of options are handled together.
    """
    n = sq_value.shape[0]
    n_b = inits.size
    pick = np.full(n, -1, dtype=np.int64)
    if n_b == 0:
        return pick
    ks = np.arange(n)
    party = (inits[None, :] == ks[:, None]) | (rcvrs[None, :] == ks[:, None])  # (k, b)
    key = np.where(party, inits[None, :] + 0.5 * (inits[None, :] == ks[:, None]), np.inf)
    key = np.concatenate([ks[:, None].astype(np.float64), key], axis=1)  # column 0: SQ
    order = np.argsort(key, axis=1, kind="stable")  # valid options first, in queue order
    n_valid = np.isfinite(key).sum(axis=1)
    values_all = np.concatenate([sq_value[:, None], bargain_value], axis=1)  # (voter, option)
    # Actors with the same number of options are handled together, in chunks.
    for c in np.unique(n_valid):
        if c < 2:
            continue
        group = np.nonzero(n_valid == c)[0]
        chunk = max(1, int(4_000_000 // (n * c * c)))
        for start in range(0, group.size, chunk):
            ks_c = group[start : start + chunk]
            opts = order[ks_c, :c]  # (kk, c)
            vals = values_all[:, opts]  # (voter, kk, c)
            diff = vals[:, :, :, None] - vals[:, :, None, :]  # (voter, kk, a, b)
            coal = 1e-8 + np.maximum(capability[:, None, None, None] * diff, 0.0).sum(0)
            win = coal / (coal + np.swapaxes(coal, -1, -2))
            win = np.where(np.eye(c, dtype=bool), 0.5, win)
            best = np.argmax(win.prod(axis=-1), axis=1)
            pick[ks_c] = opts[np.arange(ks_c.size), best] - 1  # column 0 is the status quo
    return pick


def _values_of(
    position: FloatArray, salience: FloatArray, risk: FloatArray, points: FloatArray
) -> FloatArray:
    """``[a, m]``: value to actor a (own risk attitude) of the position ``points[m]``."""
    diff = position[:, None, :] - points[None, :, :]
    s2 = salience**2
    d = np.sqrt(((diff**2) * s2[:, None, :]).sum(-1) / s2.sum(-1)[:, None])
    return position_value(d, risk[:, None])

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

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik._types import FloatArray, IntArray
from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.optional import register_optional_model
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError

#: KTAB's stopping rule: at most this many rounds ...
MAX_ROUNDS = 100
#: ... at least this many ...
MIN_ROUNDS = 2
#: ... and stop when a round moves less than this fraction of the first round's movement.
MIN_DELTA_RATIO = 0.02
#: Added to the first round's movement (avoids 0/0).
MIN_SIG_DELTA = 1e-4
#: The smallest expected gain that makes a challenge worth making.
MIN_SIG_GAIN = 1e-5
_MIN_SALIENCE = 1e-6
_MIN_CAPABILITY = 1e-9


@dataclass(frozen=True, kw_only=True)
class SmpTrace:
    """One SMP run of one scenario.

    Parameters
    ----------
    rounds : ndarray, shape (n_rounds + 1, n_actors, n_dims)
        Positions on [0, 1] at the start and after each round.
    target : ndarray of int, shape (n_rounds, n_actors)
        Whom each actor challenged in the round (-1: nobody).
    partner : ndarray of int, shape (n_rounds, n_actors)
        The other actor of the bargain each actor adopted (-1: it kept its position).
    converged : bool
        Whether the run stopped by the change ratio rather than the round limit.
    """

    rounds: FloatArray
    target: IntArray
    partner: IntArray
    converged: bool

    @property
    def n_rounds(self) -> int:
        """Rounds run."""
        return int(self.rounds.shape[0] - 1)


def salience_distance(position: FloatArray, salience: FloatArray) -> FloatArray:
    """``d[i, j]``: i's salience-weighted distance to j's position (step 1).

    Examples
    --------
    >>> salience_distance(np.array([[0.3, 0.2], [0.45, 0.65]]),
    ...                   np.array([[0.24, 0.48], [0.447, 0.413]])).round(3)
    array([[0.   , 0.408],
           [0.325, 0.   ]])
    """
    diff = position[:, None, :] - position[None, :, :]
    s2 = salience**2
    return np.sqrt(((diff**2) * s2[:, None, :]).sum(-1) / s2.sum(-1)[:, None])


def position_value(dist: FloatArray, risk: FloatArray | float) -> FloatArray:
    """``u(d, R) = (1 - d)(1 + d R)``; beyond d = 1 (round-off only) ``(1 - d)(1 + R)``.

    Examples
    --------
    >>> float(position_value(np.array(0.5), 1.0))
    0.75
    """
    return np.where(dist <= 1.0, (1.0 - dist) * (1.0 + dist * risk), (1.0 - dist) * (1.0 + risk))


def condorcet_chances(value: FloatArray, weight: FloatArray) -> FloatArray:
    """Chances of each option in KTAB's conditional Condorcet election.

    Parameters
    ----------
    value : ndarray, shape (n_voters, n_options)
        What each option is worth to each voter.
    weight : ndarray, shape (n_voters,)
        Voting weights.

    Examples
    --------
    Two voters of weights 1 and 3 who each prefer their own option:

    >>> condorcet_chances(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1.0, 3.0])).round(4)
    array([0.25, 0.75])
    """
    diff = value[:, :, None] - value[:, None, :]  # (voter, a, b)
    coalition = 1e-8 + np.maximum(weight[:, None, None] * diff, 0.0).sum(0)
    win = coalition / (coalition + coalition.T)
    np.fill_diagonal(win, 0.5)
    chance = win.prod(axis=1)
    return chance / chance.sum()


def risk_attitudes(dist: FloatArray, capability: FloatArray) -> FloatArray:
    """Risk attitudes ``R_i`` in [-1/2, 1] inferred from the chances of the positions (step 2)."""
    chance = condorcet_chances(position_value(dist, 0.0), capability)
    lo, hi = chance.min(), chance.max()
    if hi - lo <= 1e-15:
        return np.zeros_like(chance)
    return (3.0 * chance - (hi + 2.0 * lo)) / (2.0 * (hi - lo))


def _round4(x: FloatArray) -> FloatArray:
    return np.floor(0.5 + x * 10000.0) / 10000.0


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


def _state_distance(a: FloatArray, b: FloatArray) -> float:
    return float(np.sqrt(((a - b) ** 2).sum(-1)).sum())


def run_smp_arrays(
    position: FloatArray,
    salience: FloatArray,
    capability: FloatArray,
    *,
    max_rounds: int = MAX_ROUNDS,
) -> SmpTrace:
    """Run the SMP of one scenario to KTAB's stopping rule.

    Parameters
    ----------
    position : ndarray, shape (n_actors, n_dims)
        Positions on [0, 1].
    salience : ndarray, shape (n_actors, n_dims)
        Saliences on [0, 1].
    capability : ndarray, shape (n_actors,)
        Influence.
    max_rounds : int
        The round limit (KTAB: 100).

    Returns
    -------
    SmpTrace

    Examples
    --------
    Two actors at 0.2 and 0.8 with influence 1 and 3: each challenges the other; the stronger
    one's bargain, both at ``(81 · 0.8 + 16 · 0.2) / 97`` (its chance is 9/13), wins the vote,
    and nothing moves after that.

    >>> t = run_smp_arrays(np.array([[0.2], [0.8]]), np.array([[0.5], [0.5]]),
    ...                    np.array([1.0, 3.0]))
    >>> t.rounds[-1, :, 0].round(3).tolist(), t.n_rounds, t.converged
    ([0.701, 0.701], 2, True)
    """
    pos = np.asarray(position, dtype=np.float64)
    sal = np.maximum(np.asarray(salience, dtype=np.float64), _MIN_SALIENCE)
    cap = np.maximum(np.asarray(capability, dtype=np.float64), _MIN_CAPABILITY)
    history = [pos]
    targets: list[IntArray] = []
    partners: list[IntArray] = []
    converged = False
    first = 0.0
    for t in range(1, max_rounds + 1):
        if pos.shape[0] < 2:
            break
        pos, target, partner = smp_step(pos, sal, cap)
        history.append(pos)
        targets.append(target)
        partners.append(partner)
        moved = _state_distance(history[-1], history[-2])
        if t == 1:
            first = moved + MIN_SIG_DELTA
        if t >= MIN_ROUNDS and moved / first < MIN_DELTA_RATIO:
            converged = True
            break
    n = pos.shape[0]
    return SmpTrace(
        rounds=np.stack(history),
        target=np.array(targets, dtype=np.int64).reshape(-1, n),
        partner=np.array(partners, dtype=np.int64).reshape(-1, n),
        converged=converged,
    )


def _forecasts(final: FloatArray, state: BargainingState) -> tuple[FloatArray, FloatArray]:
    w = state.weights()
    return (
        weighted_median(final, w, state.present),
        weighted_mean(final, w, state.present),
    )


def _run_one(
    state: BargainingState, *, joint: bool, max_rounds: int
) -> tuple[FloatArray, FloatArray, IntArray, int, bool]:
    """Final positions (0–100), rounds, partners, rounds run and convergence of one scenario."""
    n, m = state.n_actors, state.n_issues
    pos = state.position / 100.0
    if joint:
        active = state.present.any(axis=1)
        act = np.nonzero(active)[0]
        p = pos[act].copy()
        s = np.where(state.present[act], state.salience[act], 0.0)
        # An actor absent from an issue does not care about it; park it at the issue's mean.
        fill = weighted_mean(pos, state.weights(), state.present)
        fill = np.where(np.isfinite(fill), fill, 0.5)
        p = np.where(state.present[act], p, fill[None, :])
        trace = run_smp_arrays(p, s, state.capability[act], max_rounds=max_rounds)
        n_r = trace.n_rounds
        rounds = np.repeat(pos[None], n_r + 1, axis=0)
        rounds[:, act, :] = np.where(state.present[act][None], trace.rounds, pos[act][None])
        partner = np.full((n_r, n, m), -1, dtype=np.int64)
        mapped = np.where(trace.partner >= 0, act[np.maximum(trace.partner, 0)], -1)
        partner[:, act, :] = np.where(state.present[act][None], mapped[:, :, None], -1)
        return rounds * 100.0, rounds[-1] * 100.0, partner, n_r, trace.converged
    traces = []
    for k in range(m):
        act = np.nonzero(state.present[:, k])[0]
        traces.append(
            (
                act,
                run_smp_arrays(
                    pos[act, k : k + 1],
                    state.salience[act, k : k + 1],
                    state.capability[act],
                    max_rounds=max_rounds,
                ),
            )
        )
    n_r = max((t.n_rounds for _, t in traces), default=0)
    rounds = np.repeat(pos[None], n_r + 1, axis=0)
    partner = np.full((n_r, n, m), -1, dtype=np.int64)
    for k, (act, t) in enumerate(traces):
        r = t.rounds[:, :, 0]
        padded = np.concatenate([r, np.repeat(r[-1:], n_r - t.n_rounds, axis=0)])
        rounds[:, act, k] = padded
        if t.n_rounds:
            mapped = np.where(t.partner >= 0, act[np.maximum(t.partner, 0)], -1)
            partner[: t.n_rounds, act, k] = mapped
    converged = all(t.converged or t.n_rounds == 0 for _, t in traces)
    return rounds * 100.0, rounds[-1] * 100.0, partner, n_r, converged


def run_smp(
    state: BargainingState, *, joint: bool = True, max_rounds: int = MAX_ROUNDS
) -> ModelRun:
    """Run KTAB's SMP on ``state`` (see the module docstring).

    Parameters
    ----------
    state : BargainingState
        Positions on 0–100; a leading batch axis is run scenario by scenario.
    joint : bool
        Treat the issues as the dimensions of one SMP (KTAB's CSV files) or run each alone.
    max_rounds : int
        Round limit.

    Returns
    -------
    ModelRun
        Forecasts ``smp`` (weighted median of the final positions) and ``smp-mean``; positions,
        rounds and the accepted bargains (kind *compromise*) as ``eum`` gives them. Batched
        input gives forecasts and final positions only.

    Raises
    ------
    InputError
        For a ``max_rounds`` below 1.

    Examples
    --------
    >>> s = BargainingState.from_arrays([[20.0], [80.0]], [[0.5], [0.5]], [1.0, 3.0])
    >>> run = run_smp(s)
    >>> run.forecasts["smp"].round(1).tolist(), run.n_rounds
    ([70.1], 2)
    """
    if max_rounds < 1:
        raise InputError(f"max_rounds must be at least 1; got {max_rounds}")
    batch = state.position.shape[:-2]
    if batch:
        flat = int(np.prod(batch))
        n, m = state.n_actors, state.n_issues
        pos_b = state.position.reshape(flat, n, m)
        sal_b = state.salience.reshape(flat, n, m)
        pre_b = state.present.reshape(flat, n, m)
        cap_b = np.broadcast_to(state.capability, (*batch, n)).reshape(flat, n)
        finals = np.empty((flat, n, m))
        for b in range(flat):
            one = BargainingState(
                position=pos_b[b], salience=sal_b[b], capability=cap_b[b], present=pre_b[b]
            )
            finals[b] = _run_one(one, joint=joint, max_rounds=max_rounds)[1]
        final = finals.reshape(state.position.shape)
        med, mean = _forecasts(final, state)
        return ModelRun(forecasts={"smp": med, "smp-mean": mean}, positions=final)
    rounds, final, partner, n_r, converged = _run_one(state, joint=joint, max_rounds=max_rounds)
    med, mean = _forecasts(final, state)
    kind = np.where(partner >= 0, 2, 0).astype(np.int64)
    return ModelRun(
        forecasts={"smp": med, "smp-mean": mean},
        positions=final,
        rounds=rounds,
        offer_from=partner,
        offer_kind=kind,
        n_rounds=n_r,
        converged=converged,
    )


def _smp_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    joint = bool(options.get("joint", True))
    max_rounds = int(options.get("max_rounds", MAX_ROUNDS))
    return run_smp(state, joint=joint, max_rounds=max_rounds)


register_optional_model(
    "smp",
    "KTAB's spatial model of politics (challenges, bargains, Condorcet choice)",
    options=("max_rounds", "joint"),
)(_smp_model)


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

"""Run SMP round after round to KTAB's stopping rule, on arrays or a bargaining state."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from realpolitik._types import FloatArray, IntArray
from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.smp.constants import (
    _MIN_CAPABILITY,
    _MIN_SALIENCE,
    MAX_ROUNDS,
    MIN_DELTA_RATIO,
    MIN_ROUNDS,
    MIN_SIG_DELTA,
)
from realpolitik.engine.smp.step import smp_step
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError


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

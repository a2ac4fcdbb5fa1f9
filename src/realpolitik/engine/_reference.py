"""Slow, loop-based reference implementations used to test the vectorised engines.

Everything here is plain Python over lists, one issue at a time, written from the formulas of
:mod:`realpolitik.engine.eum` without sharing code with it (only its constants), so that the
tests comparing both check the vectorisation (prefix sums, sorting, broadcasting).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.eum import (
    CAPITULATION,
    COMPROMISE,
    CONFRONTATION,
    DEFAULT_MAX_ROUNDS,
    DEFAULT_TIE,
    DEFAULT_TOL,
    EU_EPS,
    NONE,
    condition_inputs,
)
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState


def _probabilities(
    x: list[float],
    w: list[float],
    r: list[float],
    actors: list[int],
    scale: float,
    variant: str,
    lean: list[list[float]] | None = None,
    tie: float = 0.0,
) -> dict[tuple[int, int], float]:
    """P[(a, b)]: probability that a prevails over b, from the votes of every actor.

    ``lean[k][a]`` is θ A_ka, voter k's leaning toward actor a (``eum-rel``).
    """

    def vote(k: int, a: int, b: int) -> float:
        da = min(1.0, abs(x[k] - x[a]) / scale)
        db = min(1.0, abs(x[k] - x[b]) / scale)
        v = w[k] * (db ** r[k] - da ** r[k])
        if lean is not None:
            v += w[k] * (lean[k][a] - lean[k][b])
        return v

    if variant in ("scholz2011", "scholz2011-replication"):
        everything = 0.0
        for k in actors:
            for a in actors:
                for b in actors:
                    everything += abs(vote(k, a, b))
    prob = {}
    for a in actors:
        for b in actors:
            if abs(x[a] - x[b]) <= tie * scale:
                prob[(a, b)] = 0.0 if variant in ("scholz2011", "scholz2011-replication") else 0.5
                continue
            positive = 0.0
            absolute = 0.0
            for k in actors:
                v = vote(k, a, b)
                if v > 0:
                    positive += v
                absolute += abs(v)
            if variant in ("scholz2011", "scholz2011-replication"):
                prob[(a, b)] = positive / everything if everything > 0 else 0.0
            else:
                prob[(a, b)] = positive / absolute if absolute > 0 else 0.5
    return prob


def _eu(
    challenger: int,
    target: int,
    perceiver_r: float,
    x: list[float],
    s: list[float],
    prob: dict[tuple[int, int], float],
    scale: float,
) -> float:
    """Expected utility of ``challenger`` challenging ``target`` with risk exponent ``r``."""
    d = min(1.0, abs(x[challenger] - x[target]) / scale)
    u_success = 2.0 - 4.0 * (0.5 - 0.5 * d) ** perceiver_r
    u_failure = 2.0 - 4.0 * (0.5 + 0.5 * d) ** perceiver_r
    u_status_quo = 2.0 - 4.0 * 0.5**perceiver_r
    p = prob[(challenger, target)]
    resist = s[target] * (p * u_success + (1.0 - p) * u_failure)
    no_resist = (1.0 - s[target]) * u_success
    return resist + no_resist - u_status_quo


def _one_round(
    x: list[float],
    s: list[float],
    w: list[float],
    actors: list[int],
    scale: float,
    variant: str,
    lean: list[list[float]] | None = None,
    tie: float = 0.0,
) -> tuple[list[float], list[int], list[int]]:
    n = len(x)
    # Risk exponents from each actor's danger, everyone risk neutral meanwhile.
    ones = [1.0] * n
    prob1 = _probabilities(x, w, ones, actors, scale, variant, lean, tie)
    danger = {}
    for i in actors:
        danger[i] = sum(_eu(j, i, 1.0, x, s, prob1, scale) for j in actors if j != i)
    d_max = max(danger.values())
    d_min = min(danger.values())
    r = [1.0] * n
    for i in actors:
        if d_max - d_min > 1e-12 * max(1.0, abs(d_max)):
            big_r = (2.0 * danger[i] - d_max - d_min) / (d_max - d_min)
        else:
            big_r = 0.0
        r[i] = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)

    prob = _probabilities(x, w, r, actors, scale, variant, lean, tie)
    new_x = list(x)
    offer_from = [-1] * n
    offer_kind = [NONE] * n
    for i in actors:
        # Best offer of each kind: (key, position, proposer); the first (lowest j) wins ties.
        best: dict[int, tuple[float, float, int]] = {}
        for j in actors:
            if j == i or abs(x[j] - x[i]) <= tie * scale:
                continue
            eu_ij = _eu(i, j, r[i], x, s, prob, scale)
            eu_ji = _eu(j, i, r[i], x, s, prob, scale)
            if eu_ij > EU_EPS and eu_ji - eu_ij > EU_EPS:
                kind, position = CONFRONTATION, x[j]
                key = abs(position - x[i])
            elif eu_ji > EU_EPS and eu_ij < -EU_EPS and eu_ji - abs(eu_ij) > EU_EPS:
                kind = COMPROMISE
                position = x[i] + (x[j] - x[i]) * abs(eu_ij) / eu_ji
                if variant in ("scholz2011", "scholz2011-replication"):
                    key = (abs(eu_ij) * x[i] + eu_ji * x[j]) / (abs(eu_ij) + eu_ji)
                else:
                    key = abs(position - x[i])
            elif (
                variant != "scholz2011-replication"
                and eu_ji > EU_EPS
                and eu_ij < -EU_EPS
                and abs(eu_ij) - eu_ji > EU_EPS
            ):
                kind, position = CAPITULATION, x[j]
                key = abs(position - x[i])
            else:
                continue
            if kind not in best or key < best[kind][0] - tie * scale:
                best[kind] = (key, position, j)
        for kind in (CONFRONTATION, COMPROMISE, CAPITULATION):
            if kind in best:
                _, new_x[i], offer_from[i] = best[kind]
                offer_kind[i] = kind
                break
    return new_x, offer_from, offer_kind


def eum_issue_reference(
    position: list[float],
    salience: list[float],
    capability: list[float],
    present: list[bool] | None = None,
    *,
    variant: str = "bdm",
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    tol: float = DEFAULT_TOL,
    affinity: list[list[float]] | None = None,
    affinity_weight: float = 0.0,
    damp: bool = False,
    tie: float = DEFAULT_TIE,
) -> dict[str, Any]:
    """Run EUM on one issue with loops.

    With ``affinity`` (an n × n list) and ``affinity_weight`` θ, voter k adds
    ``w_k θ (A_ka − A_kb)`` to its vote for a against b; with ``damp``, a round that brings
    every actor back to where it stood two rounds earlier while moving is replaced by the
    midpoint of the two; ``tie`` (share of the range) makes near-equal positions equal.

    Returns
    -------
    dict
        ``rounds`` (list of position lists, the start first), ``offer_from``, ``offer_kind``
        (one list per round), ``converged`` (bool).

    Examples
    --------
    >>> out = eum_issue_reference([0.0, 100.0], [0.5, 0.8], [1.0, 1.0])
    >>> out["rounds"]
    [[0.0, 100.0], [100.0, 100.0], [100.0, 100.0]]
    """
    n = len(position)
    present = [True] * n if present is None else [bool(p) for p in present]
    actors = [i for i in range(n) if present[i]]
    x = [float(v) if present[i] else 0.0 for i, v in enumerate(position)]
    s = [float(salience[i]) if present[i] else 0.0 for i in range(n)]
    w = [float(capability[i]) * s[i] if present[i] else 0.0 for i in range(n)]
    out: dict[str, Any] = {"rounds": [list(x)], "offer_from": [], "offer_kind": []}
    if not actors:
        out["converged"] = True
        return out
    scale = max(x[i] for i in actors) - min(x[i] for i in actors)
    if len(actors) < 2 or scale == 0:
        out["converged"] = True
        return out
    lean = None
    if affinity is not None and affinity_weight:
        lean = [[affinity_weight * affinity[k][a] for a in range(n)] for k in range(n)]
    converged = False
    before = list(x)
    for t in range(max_rounds):
        new_x, frm, kind = _one_round(x, s, w, actors, scale, variant, lean, tie)
        if damp and t > 0:
            back = max(abs(new_x[i] - before[i]) for i in actors)
            step = max(abs(new_x[i] - x[i]) for i in actors)
            if back <= tol and step > tol:
                new_x = [(new_x[i] + x[i]) / 2.0 if present[i] else new_x[i] for i in range(n)]
        moved = max(abs(new_x[i] - x[i]) for i in actors)
        before = x
        x = new_x
        out["rounds"].append(list(x))
        out["offer_from"].append(frm)
        out["offer_kind"].append(kind)
        if moved <= tol:
            converged = True
            break
    out["converged"] = converged
    return out


def run_eum_reference(
    state: BargainingState,
    *,
    variant: str = "bdm",
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    tol: float = DEFAULT_TOL,
    affinity_weight: float = 0.0,
    damp: bool = False,
    tie: float = DEFAULT_TIE,
    names: tuple[str, str] = ("eum", "eum-mean"),
) -> ModelRun:
    """Loop-based twin of :func:`realpolitik.engine.eum.run_eum` (same layout of results).

    Absent actors keep their input position in ``rounds`` as they do in ``run_eum``; inputs are
    conditioned the same way (:func:`realpolitik.engine.eum.condition_inputs`). The state's
    affinity is used when ``affinity_weight`` is non-zero.
    """
    state = condition_inputs(state)
    shape = state.position.shape
    *batch, n, m = shape
    pos = state.position.reshape(-1, n, m)
    sal = state.salience.reshape(-1, n, m)
    pres = state.present.reshape(-1, n, m)
    cap = state.capability.reshape(-1, n)
    aff = None if state.affinity is None else state.affinity.reshape(-1, n, n)
    runs = []
    for b in range(pos.shape[0]):
        for k in range(m):
            runs.append(
                eum_issue_reference(
                    pos[b, :, k].tolist(),
                    sal[b, :, k].tolist(),
                    cap[b].tolist(),
                    pres[b, :, k].tolist(),
                    variant=variant,
                    max_rounds=max_rounds,
                    tol=tol,
                    affinity=None if aff is None else aff[b].tolist(),
                    affinity_weight=affinity_weight,
                    damp=damp,
                    tie=tie,
                )
            )
    n_rounds = max((len(r["offer_from"]) for r in runs), default=0)
    rounds = np.empty((n_rounds + 1, pos.shape[0], n, m))
    frm = np.full((n_rounds, pos.shape[0], n, m), -1, dtype=np.int64)
    kind = np.zeros((n_rounds, pos.shape[0], n, m), dtype=np.int64)
    for idx, r in enumerate(runs):
        b, k = divmod(idx, m)
        hist = r["rounds"] + [r["rounds"][-1]] * (n_rounds + 1 - len(r["rounds"]))
        for t, xs in enumerate(hist):
            rounds[t, b, :, k] = np.where(pres[b, :, k], xs, pos[b, :, k])
        for t, (f, c) in enumerate(zip(r["offer_from"], r["offer_kind"], strict=True)):
            frm[t, b, :, k] = f
            kind[t, b, :, k] = c
    rounds = rounds.reshape(n_rounds + 1, *shape)
    final = rounds[-1]
    weights = state.weights()
    return ModelRun(
        forecasts={
            names[0]: np.clip(weighted_median(final, weights, state.present), 0.0, 100.0),
            names[1]: np.clip(weighted_mean(final, weights, state.present), 0.0, 100.0),
        },
        positions=final,
        rounds=rounds,
        offer_from=frm.reshape(n_rounds, *shape),
        offer_kind=kind.reshape(n_rounds, *shape),
        n_rounds=n_rounds,
        converged=all(r["converged"] for r in runs),
    )


__all__ = ["eum_issue_reference", "run_eum_reference"]

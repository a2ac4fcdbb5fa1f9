"""Stokman's exchange model: actors trade positions on issues they care less about.

Following Stokman & Van Oosten (1994) as summarised by Arregui, Stokman & Thomson (2006), in
one round, among the issues of one linked group (a DEU III proposal; all the issues of an
ordinary scenario):

1. The expected outcome of issue k is the compromise ``O_k = Σ_i w_ik x_ik / W_k`` with
   ``w_ik = c_i s_ik`` and ``W_k = Σ_i w_ik``.
2. Actors i and j can exchange on issues k and l when, on k, j stands on the other side of
   ``O_k`` from i and, on l, i stands on the other side of ``O_l`` from j, and i cares
   relatively more about k and j about l: ``s_ik s_jl > s_il s_jk``. Then j moves towards
   ``O_k`` by ``Δx_jk`` (shifting ``O_k`` towards i by ``ΔO_k = w_jk Δx_jk / W_k``) and i
   moves towards ``O_l`` by ``Δx_il`` (``ΔO_l = w_il Δx_il / W_l``).
3. The terms of trade give both the same gain, ``s_ik ΔO_k - s_il ΔO_l = s_jl ΔO_l -
   s_jk ΔO_k``, so ``ΔO_l = ΔO_k (s_ik + s_jk) / (s_il + s_jl)``; the size is as large as it
   can be without either actor moving past the expected outcome. The gain of the exchange is
   ``G = s_ik ΔO_k - s_il ΔO_l`` (> 0 by the condition of step 2).
4. Exchanges are realised in decreasing order of gain; an actor's position on an issue can be
   traded once. The forecast is the compromise of the positions after the exchanges.

References
----------
.. [1] F. N. Stokman and R. Van Oosten, "The exchange of voting positions: an object-oriented
   model of policy networks", in B. Bueno de Mesquita and F. N. Stokman (eds.), *European
   Community Decision Making*, Yale University Press, 1994.
.. [2] J. Arregui, F. N. Stokman and R. Thomson, "Compromise, exchange and challenge in the
   European Union", in R. Thomson et al. (eds.), *The European Union Decides*, 2006, ch. 5.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from realpolitik._types import BoolArray, FloatArray
from realpolitik.engine.baselines import weighted_mean
from realpolitik.engine.optional import register_optional_model
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError


def candidate_exchanges(
    position: FloatArray, salience: FloatArray, capability: FloatArray, present: BoolArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """All feasible exchanges of one linked group of issues (steps 1–3).

    Parameters
    ----------
    position, salience, present : ndarray, shape (n_actors, n_issues)
    capability : ndarray, shape (n_actors,)

    Returns
    -------
    gain : ndarray, shape (n, n, m, m)
        ``gain[i, j, k, l]`` of i and j trading (j moves on k, i on l); 0 where infeasible.
    move_jk, move_il : ndarray, shape (n, n, m, m)
        How far j moves on k and i on l (towards the expected outcomes).
    """
    w = np.where(present, capability[:, None] * salience, 0.0)
    total = w.sum(axis=0)
    out = weighted_mean(position, w, present)
    side = np.where(present, np.sign(position - out[None, :]), 0.0)  # (actor, issue)
    s = np.where(present, salience, 0.0)
    # Index helpers: i (axis 0), j (axis 1), k (axis 2), l (axis 3).
    s_ik = s[:, None, :, None]
    s_il = s[:, None, None, :]
    s_jk = s[None, :, :, None]
    s_jl = s[None, :, None, :]
    opposite_k = side[:, None, :, None] * side[None, :, :, None] < 0
    opposite_l = side[:, None, None, :] * side[None, :, None, :] < 0
    distinct = (np.arange(s.shape[0])[:, None] != np.arange(s.shape[0])[None, :])[:, :, None, None]
    issues = (np.arange(s.shape[1])[:, None] != np.arange(s.shape[1])[None, :])[None, None]
    relative = s_ik * s_jl > s_il * s_jk
    ok = opposite_k & opposite_l & distinct & issues & relative
    with np.errstate(divide="ignore", invalid="ignore"):
        a_j = np.where(total > 0, w / total, 0.0)  # a[x, k] = w_xk / W_k
        rate = (s_ik + s_jk) / (s_il + s_jl)  # ΔO_l / ΔO_k
        room_k = a_j[None, :, :, None] * np.abs(position - out[None, :])[None, :, :, None]
        room_l = a_j[:, None, None, :] * np.abs(position - out[None, :])[:, None, None, :]
        d_ok = np.minimum(room_k, np.where(rate > 0, room_l / rate, 0.0))
        d_ol = d_ok * rate
        gain = s_ik * d_ok - s_il * d_ol
        move_jk = np.where(a_j[None, :, :, None] > 0, d_ok / a_j[None, :, :, None], 0.0)
        move_il = np.where(a_j[:, None, None, :] > 0, d_ol / a_j[:, None, None, :], 0.0)
    feasible = ok & (gain > 1e-12)
    return (
        np.where(feasible, gain, 0.0),
        np.where(feasible, move_jk, 0.0),
        np.where(feasible, move_il, 0.0),
    )


def exchange_positions(
    position: FloatArray, salience: FloatArray, capability: FloatArray, present: BoolArray
) -> FloatArray:
    """Positions after the exchanges of one linked group of issues (step 4).

    Examples
    --------
    Two actors, two issues: A cares about issue 0, B about issue 1, and they disagree on both;
    B gives way on issue 0 and A on issue 1, each up to the expected outcome.

    >>> pos = np.array([[0.0, 0.0], [100.0, 100.0]])
    >>> sal = np.array([[0.9, 0.1], [0.1, 0.9]])
    >>> exchange_positions(pos, sal, np.array([1.0, 1.0]), np.ones((2, 2), bool)).round(2)
    array([[  0.,  90.],
           [ 10., 100.]])
    """
    gain, move_jk, move_il = candidate_exchanges(position, salience, capability, present)
    new = position.copy()
    w = np.where(present, capability[:, None] * salience, 0.0)
    out = weighted_mean(position, w, present)
    used = np.zeros(position.shape, dtype=bool)
    flat = np.argsort(-gain, axis=None, kind="stable")
    for f in flat:
        i, j, k, q = np.unravel_index(f, gain.shape)  # q: the issue i gives way on (l)
        if gain[i, j, k, q] <= 0:
            break
        if used[j, k] or used[i, q]:
            continue
        new[j, k] += np.sign(out[k] - position[j, k]) * move_jk[i, j, k, q]
        new[i, q] += np.sign(out[q] - position[i, q]) * move_il[i, j, k, q]
        used[j, k] = used[i, q] = True
    return new


def run_exchange(state: BargainingState, groups: Sequence[str] | None = None) -> FloatArray:
    """The exchange model's forecast per issue; issues are linked within ``groups``."""
    labels = np.asarray(["all"] * state.n_issues if groups is None else list(groups))
    if labels.shape != (state.n_issues,):
        raise InputError(
            f"groups must give one label per issue ({state.n_issues}); got {labels.size}"
        )
    new = state.position.copy()
    for g in np.unique(labels):
        cols = np.nonzero(labels == g)[0]
        new[:, cols] = exchange_positions(
            state.position[:, cols],
            state.salience[:, cols],
            state.capability,
            state.present[:, cols],
        )
    return weighted_mean(new, state.weights(), state.present)


@register_optional_model(
    "exchange",
    "Stokman's exchange model: trades of positions across linked issues, then the compromise",
    options=("groups",),
)
def _exchange_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    if state.position.ndim != 2:
        raise InputError("model 'exchange' takes one set of issues, not a batch")
    return ModelRun(forecasts={"exchange": run_exchange(state, options.get("groups"))})


__all__ = ["candidate_exchanges", "exchange_positions", "run_exchange"]

"""Run EUM round after round on one state or a batch of them."""

from __future__ import annotations

from typing import Any

import numpy as np

from realpolitik._types import FloatArray, IntArray
from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.eum.constants import (
    _CHUNK_ELEMENTS,
    DEFAULT_MAX_ROUNDS,
    DEFAULT_TIE,
    DEFAULT_TOL,
    Variant,
)
from realpolitik.engine.eum.inputs import _check, condition_inputs
from realpolitik.engine.eum.step import _step
from realpolitik.engine.eum.votes import _flatten, _unflatten
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError


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

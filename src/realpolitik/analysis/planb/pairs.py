"""Where an actor and each candidate meet when they bargain as a pair."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from realpolitik.engine.memo import run_model
from realpolitik.engine.state import BargainingState


def _headline(model: str, state: BargainingState, sq: np.ndarray, **options: Any) -> np.ndarray:
    run = run_model(model, state, status_quo=sq, **options)
    return np.asarray(next(iter(run.forecasts.values())), dtype=np.float64)


def pair_meeting_points(
    state: BargainingState,
    actor: int,
    candidates: Sequence[int],
    status_quo: np.ndarray,
    pair_model: str = "median",
) -> np.ndarray:
    """Where the actor and each candidate meet on every issue, bargaining as a pair.

    Runs ``pair_model`` once on a batch of two-actor states (the actor and one candidate
    each) and returns its headline forecast; NaN where either of the two is absent.

    Parameters
    ----------
    state : BargainingState
        Unbatched, shape (n_actors, n_issues).
    actor : int
        Row of the actor.
    candidates : sequence of int
        Rows of the candidates.
    status_quo : ndarray, shape (n_issues,)
    pair_model : str
        A registered model name.

    Returns
    -------
    ndarray, shape (n_candidates, n_issues)

    Examples
    --------
    An actor at 80 with weight 70 × 0.7 = 49 and a partner at 10 with weight 45 × 0.7 = 31.5
    meet at (49 · 80 + 31.5 · 10) / 80.5 ≈ 52.61:

    >>> s = BargainingState.from_arrays([[80.0], [10.0]], [[0.7], [0.7]], [70.0, 45.0])
    >>> pair_meeting_points(s, 0, [1], np.array([70.0]), "mean").round(2)
    array([[52.61]])

    As a logroll (the default ``"median"``) the heavier actor's position stands:

    >>> pair_meeting_points(s, 0, [1], np.array([70.0])).round(2)
    array([[80.]])
    """
    cands = np.asarray(candidates, dtype=np.int64)
    rows = np.stack([np.full_like(cands, actor), cands], axis=1)  # (n_cand, 2)
    pair = BargainingState(
        position=state.position[rows],
        salience=state.salience[rows],
        capability=state.capability[rows],
        present=state.present[rows],
    )
    sq = np.broadcast_to(status_quo, (len(cands), state.n_issues))
    meet = _headline(pair_model, pair, np.array(sq))
    both = pair.present.all(axis=1)
    return np.where(both & np.isfinite(meet), meet, np.nan)

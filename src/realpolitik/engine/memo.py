"""A scoped memo of model runs: inside :func:`memoised_forecasts`, the same run happens once.

A report explains every actor, and each actor's account forecasts the scenario under each of
its shocks and weighs its Plan B: the same model runs on the same arrays, asked for once per
actor. Inside the block, :func:`run_model` of a model on arrays equal to an earlier run's
(every field of the state, the status quo and the options) returns the earlier result. The key
is the arrays' content, so arrays changed in between make a new key; nothing is kept after the
block ends. Only unbatched or small states are kept (at most :data:`MAX_MEMO_CELLS` positions):
a Monte Carlo batch is never asked for twice. Results are shared, so code inside the block must
not modify a run it is given (none in the package does; a test compares the report with and
without the memo).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np

from realpolitik.engine.registry import ModelRun, get_model
from realpolitik.engine.state import BargainingState

MAX_MEMO_CELLS = 20_000
"""The largest state (positions: batch × actors × issues) whose runs are kept."""

_MEMO: ContextVar[dict[tuple[Any, ...], ModelRun] | None] = ContextVar(
    "model_run_memo", default=None
)


@contextmanager
def memoised_forecasts() -> Iterator[None]:
    """Run each distinct model run once inside the block (a nested block shares the outer memo).

    Also usable as a decorator (``@memoised_forecasts()``).

    Examples
    --------
    >>> from realpolitik.forecasting import forecast
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> with memoised_forecasts():
    ...     forecast(s, model="eum").runs["eum"] is forecast(s, model="eum").runs["eum"]
    True
    >>> forecast(s, model="eum").runs["eum"] is forecast(s, model="eum").runs["eum"]
    False
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _fingerprint(a: np.ndarray | None) -> tuple[Any, ...] | None:
    if a is None:
        return None
    a = np.ascontiguousarray(a)
    return (a.dtype.str, a.shape, a.tobytes())


def run_model(
    name: str, state: BargainingState, *, status_quo: np.ndarray | None = None, **options: Any
) -> ModelRun:
    """``get_model(name)(state, status_quo=status_quo, **options)``, kept in the active memo.

    Outside :func:`memoised_forecasts` (or for a state over :data:`MAX_MEMO_CELLS`) this is the
    plain call.
    """
    memo = _MEMO.get()
    if memo is None or np.size(state.position) > MAX_MEMO_CELLS:
        return get_model(name)(state, status_quo=status_quo, **options)
    key = (
        name,
        _fingerprint(state.position),
        _fingerprint(state.salience),
        _fingerprint(state.capability),
        _fingerprint(state.present),
        _fingerprint(state.affinity),
        _fingerprint(None if status_quo is None else np.asarray(status_quo)),
        tuple(sorted((k, repr(v)) for k, v in options.items())),
    )
    kept = memo.get(key)
    if kept is None:
        kept = memo[key] = get_model(name)(state, status_quo=status_quo, **options)
    return kept

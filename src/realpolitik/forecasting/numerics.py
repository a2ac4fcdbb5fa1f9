"""Numerical care around the models: conditioned capabilities, and no non-finite forecast."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from realpolitik.engine.registry import ModelRun
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import RealpolitikError
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.model import Scenario


def conditioned(state: BargainingState) -> BargainingState:
    """The state with capabilities divided by the largest, so that no product overflows.

    Every model depends on capabilities only through their ratios (tested in
    ``tests/reliability``), so forecasts do not change; capabilities of 1e300 or 1e-300 stay
    finite and away from underflow inside the models.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> state, _, _ = to_state(load_scenario("syria-2020"))
    >>> float(conditioned(state).capability.max())
    1.0
    """
    top = float(np.max(state.capability, initial=0.0))
    if not (top > 0 and np.isfinite(top)):
        return state
    return replace(state, capability=state.capability / top)


class NonFiniteError(RealpolitikError):
    """A model produced a forecast or position that is not a finite number."""

    # Named by its public module, as before the split (tracebacks, doctests, pickles).
    __module__ = "realpolitik.forecasting"


def check_finite(
    scenario: Scenario,
    issues: Sequence[str],
    forecasts: dict[str, np.ndarray],
    runs: dict[str, ModelRun],
) -> None:
    """Raise :class:`NonFiniteError` naming the model, the issue and its inputs.

    A forecast is NaN by design where a model has nothing to say: no actor present on the
    issue, or (``nash``) no ``status_quo``. Anything else that is not finite (an infinity, or a
    NaN on an issue with actors and a status quo) is an error, never a ``null`` in an output.
    """
    sq = status_quo(scenario)
    for name, values in forecasts.items():
        v = np.asarray(values, dtype=np.float64)
        expected_nan = np.array([not scenario.issue(i).positions for i in issues], dtype=bool) | (
            name.startswith("nash") & np.isnan(sq)
        )
        bad = ~np.isfinite(v) & ~(np.isnan(v) & expected_nan)
        if bad.any():
            _raise_non_finite(scenario, name, issues[int(np.argmax(bad))], float(v[bad][0]))
    for name, run in runs.items():
        if run.positions is None:
            continue
        pos = np.asarray(run.positions, dtype=np.float64)
        state, _, _ = to_state(scenario)
        bad = state.present & ~np.isfinite(pos)
        if bad.any():
            k = int(np.argwhere(bad)[0][1])
            _raise_non_finite(scenario, f"{name} (actor positions)", issues[k], float("nan"))


def _raise_non_finite(scenario: Scenario, model: str, issue: str, value: float) -> None:
    item = scenario.issue(issue)
    caps = [scenario.actor(a).capability for a in item.positions]
    raise NonFiniteError(
        f"the {model} forecast of issue {issue!r} is not a finite number ({value}); its inputs: "
        f"{len(caps)} actor(s), capabilities from {min(caps, default=0):g} to "
        f"{max(caps, default=0):g}, saliences from "
        f"{min((p.salience for p in item.positions.values()), default=0):g} to "
        f"{max((p.salience for p in item.positions.values()), default=0):g}"
    )

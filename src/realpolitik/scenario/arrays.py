"""From a scenario to the arrays the engines work on."""

from __future__ import annotations

import numpy as np

from realpolitik._types import FloatArray
from realpolitik.engine.state import BargainingState
from realpolitik.scenario.model import Scenario


def to_state(scenario: Scenario) -> tuple[BargainingState, list[str], list[str]]:
    """Return the scenario's :class:`BargainingState` with its actor and issue ids.

    Absent actors get position 0, salience 0 and ``present`` False.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> state, actors, issues = to_state(load_scenario("syria-2020"))
    >>> state.position.shape == (len(actors), len(issues))
    True
    """
    actors = scenario.actor_ids
    issues = scenario.issue_ids
    index = {a: k for k, a in enumerate(actors)}
    n, m = len(actors), len(issues)
    position = np.zeros((n, m))
    salience = np.zeros((n, m))
    present = np.zeros((n, m), dtype=bool)
    for j, issue in enumerate(scenario.issues):
        for actor, pos in issue.positions.items():
            i = index[actor]
            position[i, j] = pos.position
            salience[i, j] = pos.salience
            present[i, j] = True
    capability = np.array([a.capability for a in scenario.actors], dtype=np.float64)
    state = BargainingState(
        position=position, salience=salience, capability=capability, present=present
    )
    return state, actors, issues


def status_quo(scenario: Scenario) -> FloatArray:
    """Each issue's status quo (NaN where the file gives none), shape (n_issues,)."""
    return np.array(
        [np.nan if i.status_quo is None else i.status_quo for i in scenario.issues],
        dtype=np.float64,
    )


__all__ = ["status_quo", "to_state"]

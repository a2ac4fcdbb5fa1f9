"""From a scenario to the arrays the engines work on."""

from __future__ import annotations

import numpy as np

from realpolitik._types import FloatArray
from realpolitik.engine.affinity import ONE_WAY, affinity
from realpolitik.engine.state import BargainingState
from realpolitik.scenario.model import Scenario, register_state_converter


def to_state(scenario: Scenario) -> tuple[BargainingState, list[str], list[str]]:
    """Return the scenario's :class:`BargainingState` with its actor and issue ids.

    Absent actors get position 0, salience 0 and ``present`` False. The state's ``affinity``
    comes from the relations (:func:`relation_arrays`, :func:`realpolitik.engine.affinity.affinity`).

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
    weight, commitment = relation_arrays(scenario, actors)
    state = BargainingState(
        position=position,
        salience=salience,
        capability=capability,
        present=present,
        affinity=affinity(weight, commitment),
    )
    return state, actors, issues


def relation_arrays(
    scenario: Scenario, actor_ids: list[str] | None = None
) -> tuple[FloatArray, FloatArray]:
    """The relations as ``weight[i, j]`` (signed, symmetric) and ``commitment[i, j]``.

    ``commitment[i, j]`` is how firmly ``i`` is committed to ``j``: 1 for ``mutual``,
    :data:`realpolitik.engine.affinity.ONE_WAY` from the first actor of a ``one-way`` relation
    to the second (0 the other way), 0 for ``none``. Rows and columns follow ``actor_ids``
    (default: the scenario's actors); relations with other actors are left out.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> w, c = relation_arrays(s)
    >>> i, j = s.actor_ids.index("russia"), s.actor_ids.index("assad")
    >>> float(w[i, j]), float(c[i, j]), float(c[j, i])
    (0.6, 0.5, 0.0)
    """
    ids = scenario.actor_ids if actor_ids is None else list(actor_ids)
    index = {a: k for k, a in enumerate(ids)}
    n = len(ids)
    weight = np.zeros((n, n))
    commitment = np.zeros((n, n))
    for rel in scenario.relations:
        a, b = rel.between
        if a not in index or b not in index:
            continue
        i, j = index[a], index[b]
        weight[i, j] = weight[j, i] = rel.weight
        if rel.commitment == "mutual":
            commitment[i, j] = commitment[j, i] = 1.0
        elif rel.commitment == "one-way":
            commitment[i, j] = ONE_WAY
    return weight, commitment


def status_quo(scenario: Scenario) -> FloatArray:
    """Each issue's status quo (NaN where the file gives none), shape (n_issues,)."""
    return np.array(
        [np.nan if i.status_quo is None else i.status_quo for i in scenario.issues],
        dtype=np.float64,
    )


register_state_converter(to_state)

__all__ = ["relation_arrays", "status_quo", "to_state"]

"""The uncertain inputs of a scenario and their distributions (:class:`InputSpec`).

See the package docstring (:mod:`realpolitik.simulate.montecarlo`) for each input's distribution.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.scenario.model import EscalationTree, Meta, Scenario

POSITION, SALIENCE, CAPABILITY, COST = 0, 1, 2, 3
_KIND_NAMES = ("position", "salience", "capability", "cost")


@dataclass(frozen=True)
class InputSpec:
    """The uncertain inputs of a Monte Carlo run, one entry per input.

    Parameters
    ----------
    names : tuple of str
        Input paths, e.g. ``issues[escalation].positions.iran.position``.
    kind : ndarray of int
        0 position, 1 salience, 2 capability, 3 outcome cost.
    actor, index : ndarray of int
        The actor; and the issue (positions, saliences) or outcome (costs), -1 otherwise.
    value : ndarray
        The value in the file.
    normal : ndarray of bool
        Normal (``value + sd * z``) rather than uniform on ``[low, high]``.
    low, high, sd : ndarray
    floor, ceiling : ndarray
        The domain draws are clipped to.
    """

    names: tuple[str, ...]
    kind: IntArray
    actor: IntArray
    index: IntArray
    value: FloatArray
    normal: BoolArray
    low: FloatArray
    high: FloatArray
    sd: FloatArray
    floor: FloatArray
    ceiling: FloatArray

    @property
    def n_inputs(self) -> int:
        """Number of uncertain inputs."""
        return len(self.names)

    def draw(self, rngs: Sequence[np.random.Generator]) -> FloatArray:
        """One row of input values per generator (each draws ``n_inputs`` uniforms, then normals)."""
        n = self.n_inputs
        u = np.empty((len(rngs), n))
        z = np.empty((len(rngs), n))
        for r, rng in enumerate(rngs):
            u[r] = rng.random(n)
            z[r] = rng.standard_normal(n)
        x = np.where(self.normal, self.value + self.sd * z, self.low + (self.high - self.low) * u)
        return np.clip(x, self.floor, self.ceiling)


#: The largest float: no draw exceeds it (a capability of 1.7e308 + 20 % is inf otherwise).
_LARGEST = float(np.finfo(np.float64).max)


def input_spec(scenario: Scenario, tree: EscalationTree | None = None) -> InputSpec:
    """The uncertain inputs of ``scenario`` (and of ``tree``'s costs), with their distributions.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> spec = input_spec(load_scenario("syria-2020"))
    >>> spec.names[0], spec.names[-1]
    ('issues[assad].positions.russia.position', 'actors[germany].capability')
    >>> float(spec.low[0]), float(spec.high[0])  # Russia at 80 on Assad, default ±10 points
    (70.0, 90.0)
    """
    u = scenario.uncertainty
    rows: list[tuple[str, int, int, int, float, Meta, float, bool, float, float]] = []
    actors = scenario.actor_ids
    for j, issue in enumerate(scenario.issues):
        for i, actor in enumerate(actors):
            pos = issue.positions.get(actor)
            if pos is None:
                continue
            at = f"issues[{issue.id}].positions.{actor}"
            rows.append(
                (
                    f"{at}.position",
                    POSITION,
                    i,
                    j,
                    pos.position,
                    pos.cite("position"),
                    u.position,
                    False,
                    0.0,
                    100.0,
                )
            )
            rows.append(
                (
                    f"{at}.salience",
                    SALIENCE,
                    i,
                    j,
                    pos.salience,
                    pos.cite("salience"),
                    u.salience,
                    True,
                    0.0,
                    1.0,
                )
            )
    for i, a in enumerate(scenario.actors):
        rows.append(
            (
                f"actors[{a.id}].capability",
                CAPABILITY,
                i,
                -1,
                a.capability,
                a.cite("capability"),
                u.capability,
                True,
                0.0,
                _LARGEST,
            )
        )
    if tree is not None:
        at_actor = {a: i for i, a in enumerate(actors)}
        for k, out in enumerate(tree.outcomes):
            for actor, cost in out.costs.items():
                meta = out.cost_meta.get(actor)
                if meta is None or (meta.range is None and meta.sd is None):
                    continue
                rows.append(
                    (
                        f"escalation[{tree.id}].outcomes[{out.id}].costs.{actor}",
                        COST,
                        at_actor[actor],
                        k,
                        cost,
                        meta,
                        0.0,
                        False,
                        -math.inf,
                        math.inf,
                    )
                )
    n = len(rows)
    low, high, sd = np.zeros(n), np.zeros(n), np.zeros(n)
    normal = np.zeros(n, dtype=bool)
    for r, (_, _, _, _, value, meta, default, relative, _, _) in enumerate(rows):
        if meta.range is not None:
            low[r], high[r] = meta.range
        elif meta.sd is not None:
            normal[r], sd[r] = True, meta.sd
        else:
            half = default * abs(value) if relative else default
            # Near the largest float (1.8e308) value + half would overflow: capped there.
            low[r], high[r] = value - half, min(value + half, _LARGEST)
    return InputSpec(
        names=tuple(r[0] for r in rows),
        kind=np.array([r[1] for r in rows], dtype=np.int64),
        actor=np.array([r[2] for r in rows], dtype=np.int64),
        index=np.array([r[3] for r in rows], dtype=np.int64),
        value=np.array([r[4] for r in rows], dtype=np.float64),
        normal=normal,
        low=low,
        high=high,
        sd=sd,
        floor=np.array([r[8] for r in rows], dtype=np.float64),
        ceiling=np.array([r[9] for r in rows], dtype=np.float64),
    )


__all__ = ["CAPABILITY", "COST", "POSITION", "SALIENCE", "InputSpec", "input_spec"]

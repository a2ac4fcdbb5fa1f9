"""The fights of each world, kept so that a Monte Carlo run can fight them again.

A ``fight`` edit resolves a fight from the capabilities at the moment it is applied
(:mod:`realpolitik.engine.conflict`). At the point inputs that happens once, when the shocks
are applied. In a Monte Carlo run the inputs differ (Iran drawn at 54 instead of 45 has a
better chance against the US), so each fight is fought again with the run's drawn inputs:

1. when the worlds are built, every fight's inputs just before it (capabilities, positions,
   saliences, aligned to the base scenario) and its result are recorded as a
   :class:`FightStage`, with masks of the results that later edits of the world leave as the
   fight left them (``carry_capability``, ``carry_position``), and the fighters' military
   figures when those decided it;
2. in a run (:func:`refight`), the stage's recorded inputs get the run's noise exactly as the
   world's do (a shift of positions, a factor on saliences and capabilities; a military figure
   gets its actor's capability factor, since both measure the actor's power), the fight is
   resolved with :func:`realpolitik.engine.conflict.expected_aftermath_batch`, and what it
   leaves replaces the world's perturbed values where the masks say it survives; a second
   fight of the same world starts from the first one's result;
3. every fighter's cost of fighting (:func:`realpolitik.engine.conflict.war_cost`) is taken
   from the run's chances.

With no noise, a run reproduces the worlds of the point inputs exactly (tested), and on a
world whose shocks are fights only, a run equals applying the shocks to the perturbed scenario
(tested against :func:`realpolitik.scenario.apply_shocks`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.conflict import expected_aftermath_batch, war_cost
from realpolitik.engine.state import BargainingState
from realpolitik.scenario.model import Scenario


@dataclass(frozen=True)
class FightStage:
    """One fight of one world: its inputs just before it, in the base scenario's order.

    Parameters
    ----------
    world : int
        The world it belongs to.
    side : ndarray of int, shape (n_actors,)
        0 or 1 for the two sides, -1 for the others.
    decides : ndarray of bool, shape (n_issues,)
    capability : ndarray, shape (n_actors,)
    position, salience : ndarray, shape (n_actors, n_issues)
    present : ndarray of bool, shape (n_actors, n_issues)
        The world just before the fight (an actor removed earlier is absent, capability 0).
    military : ndarray, shape (n_actors,)
        The actors' military figures just before the fight (0 where an actor has none).
    by_military : bool
        Whether the fight was decided by the military figures (every fighter has one) rather
        than by capabilities.
    carry_capability : ndarray of bool, shape (n_actors,)
        Capabilities that this fight or an earlier one of the world decided and that are
        unchanged at the next stage (the next fight of the world, or the world itself).
    carry_position : ndarray of bool, shape (n_actors, n_issues)
        Positions that this fight or an earlier one moved, unchanged at the next stage.
    """

    world: int
    side: IntArray
    decides: BoolArray
    capability: FloatArray
    position: FloatArray
    salience: FloatArray
    present: BoolArray
    military: FloatArray
    by_military: bool
    carry_capability: BoolArray
    carry_position: BoolArray


class StageRecorder:
    """Collects the stages of one world while its shocks are applied (``apply_shocks(observe=)``).

    Parameters
    ----------
    align : callable
        Turns a scenario into a state in the base scenario's order.
    actor_at, issue_at : mapping of str to int
        The base scenario's actor and issue indices.
    """

    def __init__(
        self,
        align: Callable[[Scenario], BargainingState],
        actor_at: Mapping[str, int],
        issue_at: Mapping[str, int],
    ) -> None:
        self._align = align
        self._actor_at = actor_at
        self._issue_at = issue_at
        self._before: list[BargainingState] = []
        self._after: list[BargainingState] = []
        self._fights: list[tuple[IntArray, BoolArray]] = []
        self._military: list[FloatArray] = []
        self._by_military: list[bool] = []

    def __call__(self, when: str, s: Scenario) -> None:
        """Record the scenario's state before or after a fight."""
        state = self._align(s)
        if when == "before":
            self._before.append(state)
            military = np.zeros(len(self._actor_at))
            for actor in s.actors:
                if actor.military is not None:
                    military[self._actor_at[actor.id]] = actor.military
            self._military.append(military)
            return
        self._after.append(state)
        record = s.fights[-1]
        side = np.full(len(self._actor_at), -1, dtype=np.int64)
        for k in (0, 1):
            side[[self._actor_at[a] for a in record.sides[k]]] = k
        decides = np.zeros(len(self._issue_at), dtype=bool)
        decides[[self._issue_at[i] for i in record.issues]] = True
        self._fights.append((side, decides))
        self._by_military.append(record.basis == "military")

    def stages(self, world: int, final: BargainingState) -> list[FightStage]:
        """The recorded fights as stages of ``world``, whose arrays after all edits are ``final``."""
        out = []
        touched_cap = np.zeros(len(self._actor_at), dtype=bool)
        touched_pos = np.zeros((len(self._actor_at), len(self._issue_at)), dtype=bool)
        for t, (before, after) in enumerate(zip(self._before, self._after, strict=True)):
            side, decides = self._fights[t]
            nxt = self._before[t + 1] if t + 1 < len(self._before) else final
            fighter = side >= 0
            # What this fight or an earlier one decided, and the next stage still holds.
            touched_cap = (touched_cap | fighter) & (nxt.capability == after.capability)
            moved = fighter[:, None] & decides[None, :] & after.present
            touched_pos = (touched_pos | moved) & nxt.present & (nxt.position == after.position)
            out.append(
                FightStage(
                    world=world,
                    side=side,
                    decides=decides,
                    capability=before.capability,
                    position=before.position,
                    salience=before.salience,
                    present=before.present,
                    carry_capability=touched_cap.copy(),
                    carry_position=touched_pos.copy(),
                    military=self._military[t],
                    by_military=self._by_military[t],
                )
            )
        return out


@dataclass(frozen=True)
class Noise:
    """One chunk of runs' perturbation of the inputs, as :func:`run_chunk` draws it.

    ``position + shift`` (clipped to [0, 100]), ``salience · sal_scale + sal_add`` (clipped to
    [0, 1]) and ``max(capability · cap_scale + cap_add, 0)``, on present entries.

    Parameters
    ----------
    shift, sal_scale, sal_add : ndarray, shape (r, n_actors, n_issues)
    cap_scale, cap_add : ndarray, shape (r, n_actors)
    """

    shift: FloatArray
    sal_scale: FloatArray
    sal_add: FloatArray
    cap_scale: FloatArray
    cap_add: FloatArray

    def over_worlds(self) -> Noise:
        """The same noise for inputs with a worlds axis (every world of a run gets the run's)."""
        return Noise(
            self.shift[:, None],
            self.sal_scale[:, None],
            self.sal_add[:, None],
            self.cap_scale[:, None],
            self.cap_add[:, None],
        )

    def position(self, position: FloatArray, present: BoolArray) -> FloatArray:
        """Perturbed positions, shape (r, ...) for inputs without the run axis."""
        return np.where(present, np.clip(position + self.shift, 0.0, 100.0), 0.0)

    def salience(self, salience: FloatArray, present: BoolArray) -> FloatArray:
        """Perturbed saliences."""
        return np.where(present, np.clip(salience * self.sal_scale + self.sal_add, 0, 1), 0)

    def capability(self, capability: FloatArray) -> FloatArray:
        """Perturbed capabilities."""
        return np.maximum(capability * self.cap_scale + self.cap_add, 0.0)


def refight(
    stages: tuple[FightStage, ...],
    noise: Noise,
    position: FloatArray,
    capability: FloatArray,
) -> FloatArray:
    """Fight every world's fights again with the runs' inputs; update the worlds in place.

    Parameters
    ----------
    stages : tuple of FightStage
        In the order the fights were applied (a world's stages in order).
    noise : Noise
        The runs' perturbation.
    position : ndarray, shape (r, n_worlds, n_actors, n_issues)
    capability : ndarray, shape (r, n_worlds, n_actors)
        The perturbed worlds; fought-over entries are replaced by the runs' results.

    Returns
    -------
    ndarray, shape (r, n_worlds, n_actors)
        Every actor's summed chance of losing over its world's fights, per run (0 outside
        fights): the input of :func:`realpolitik.engine.conflict.war_cost`.
    """
    r, n_worlds, n_actors = capability.shape
    lose = np.zeros((r, n_worlds, n_actors))
    by_world: dict[int, list[FightStage]] = {}
    for stage in stages:
        by_world.setdefault(stage.world, []).append(stage)
    for w, chain in by_world.items():
        prev: tuple[FightStage, FloatArray, FloatArray, FloatArray] | None = None
        for st in chain:
            cap = noise.capability(st.capability)
            pos = noise.position(st.position, st.present)
            # A military figure carries its actor's drawn capability factor: the uncertainty
            # is about the actor's power, which both figures measure.
            mil = st.military * noise.cap_scale
            if prev is not None:
                before, p_cap, p_pos, p_mil = prev
                cap = np.where(before.carry_capability, p_cap, cap)
                pos = np.where(before.carry_position, p_pos, pos)
                mil = np.where(before.carry_capability, p_mil, mil)
            sal = noise.salience(st.salience, st.present)
            present = np.broadcast_to(st.present, pos.shape)
            new_cap, new_pos, prob = expected_aftermath_batch(
                cap,
                pos,
                sal,
                present,
                st.side,
                st.decides,
                strength=mil if st.by_military else None,
            )
            fighter = st.side >= 0
            keep = prob[:, np.maximum(st.side, 0)]
            lose[:, w] += np.where(fighter, 1.0 - keep, 0.0)
            prev = (st, new_cap, new_pos, np.where(fighter, mil * keep, mil))
        assert prev is not None
        last, p_cap, p_pos, _ = prev
        capability[:, w] = np.where(last.carry_capability, p_cap, capability[:, w])
        position[:, w] = np.where(last.carry_position, p_pos, position[:, w])
    return lose


def war_costs(lose: FloatArray, outcome_world: IntArray) -> FloatArray:
    """Per run and outcome, every actor's cost of fighting, shape (r, n_outcomes, n_actors)."""
    return war_cost(np.take(lose, outcome_world, axis=1))


__all__ = ["FightStage", "Noise", "StageRecorder", "refight", "war_costs"]

"""The whole scenario, its uncertainty settings and the record of applied fights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
)

from realpolitik.scenario.model.actors import Actor, Issue, Position, Relation
from realpolitik.scenario.model.base import _Base, _iso_date
from realpolitik.scenario.model.edits import (
    Fight,
    RemoveActor,
    ScaleCapability,
    SetPosition,
    SetRelation,
    SetSalience,
    Shock,
)
from realpolitik.scenario.model.meta import Evidence, Meta, Source
from realpolitik.scenario.model.trees import EscalationTree, Node, Option, Outcome


class Uncertainty(_Base):
    """Default input uncertainty for Monte Carlo runs, where a value has no range or sd of its own.

    Positions get ±``position`` points (uniform), saliences and capabilities ±``salience`` and
    ±``capability`` relative (uniform; 0.2 means ±20 %).
    """

    position: float = Field(default=10.0, ge=0, le=100, strict=True, allow_inf_nan=False)
    salience: float = Field(default=0.2, ge=0, le=1, strict=True, allow_inf_nan=False)
    capability: float = Field(default=0.2, ge=0, le=1, strict=True, allow_inf_nan=False)


class FightRecord(BaseModel):
    """A fight a shock applied: its sides (with any actor that joined) and their chances.

    ``probability[k]`` is the chance that side ``k`` prevails (the contest success function of
    the sides' fighting strengths before the fight); ``basis`` says which figures those were:
    ``"military"`` when every fighter has a military figure, else ``"capability"``.
    """

    model_config = ConfigDict(frozen=True)
    shock: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    probability: tuple[float, float]
    issues: tuple[str, ...] = ()
    basis: Literal["military", "capability"] = "capability"

    def side_of(self, actor: str) -> int | None:
        """0 or 1 for a fighter, None for an actor outside the fight."""
        for k, side in enumerate(self.sides):
            if actor in side:
                return k
        return None


#: The array conversion behind :meth:`Scenario.to_state`. :mod:`realpolitik.scenario.arrays`
#: registers it when imported (``realpolitik.scenario`` imports arrays), so that the data model
#: does not import its array conversion.
_STATE_CONVERTER: Callable[[Scenario], tuple[Any, list[str], list[str]]] | None = None


def register_state_converter(
    convert: Callable[[Scenario], tuple[Any, list[str], list[str]]],
) -> None:
    """Set the function :meth:`Scenario.to_state` calls (done by :mod:`.arrays` on import)."""
    global _STATE_CONVERTER
    _STATE_CONVERTER = convert


class Scenario(_Base):
    """A whole system: actors, issues, relations, shocks and escalation trees.

    Build one with :func:`realpolitik.scenario.parse_scenario` or
    :func:`realpolitik.scenario.load_scenario`, which also check every cross-reference.
    """

    title: str
    description: str | None = None
    date: dt.date | str | None = None

    _date = field_validator("date", mode="before")(_iso_date)

    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(min_length=1)
    issues: list[Issue] = Field(min_length=1)
    relations: list[Relation] = Field(default_factory=list)
    shocks: list[Shock] = Field(default_factory=list)
    escalation: list[EscalationTree] = Field(default_factory=list)
    uncertainty: Uncertainty = Field(default_factory=Uncertainty)
    #: Fights applied by shocks (not part of the file format): see ``FightRecord``.
    _fights: list[FightRecord] = PrivateAttr(default_factory=list)

    @property
    def fights(self) -> list[FightRecord]:
        """The fights that shocks applied to this copy of the scenario, in order."""
        return self._fights

    # --- look-ups ---------------------------------------------------------------------------
    @property
    def actor_ids(self) -> list[str]:
        """Actor ids in file order."""
        return [a.id for a in self.actors]

    @property
    def issue_ids(self) -> list[str]:
        """Issue ids in file order."""
        return [i.id for i in self.issues]

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with id ``actor_id`` (KeyError listing the known ids otherwise)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(f"unknown actor {actor_id!r}; known actors: {', '.join(self.actor_ids)}")

    def issue(self, issue_id: str) -> Issue:
        """Return the issue with id ``issue_id`` (KeyError listing the known ids otherwise)."""
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(f"unknown issue {issue_id!r}; known issues: {', '.join(self.issue_ids)}")

    def shock(self, shock_id: str) -> Shock:
        """Return the shock with id ``shock_id`` (KeyError listing the known ids otherwise)."""
        for s in self.shocks:
            if s.id == shock_id:
                return s
        known = ", ".join(s.id for s in self.shocks) or "none"
        raise KeyError(f"unknown shock {shock_id!r}; shocks in this scenario: {known}")

    def relation(self, a: str, b: str) -> Relation | None:
        """Return the relation between ``a`` and ``b`` in either order, or None."""
        for r in self.relations:
            if set(r.between) == {a, b}:
                return r
        return None

    def to_state(self) -> tuple[Any, list[str], list[str]]:
        """Return ``(BargainingState, actor_ids, issue_ids)``.

        See :func:`realpolitik.scenario.arrays.to_state`.
        """
        if _STATE_CONVERTER is None:  # pragma: no cover (realpolitik.scenario imports arrays)
            raise RuntimeError("realpolitik.scenario.arrays has not registered to_state")
        return _STATE_CONVERTER(self)

    def source(self, source_id: str) -> Source | None:
        """Return the source with id ``source_id``, or None."""
        for s in self.sources:
            if s.id == source_id:
                return s
        return None


@cache
def all_field_names() -> frozenset[str]:
    """Every key the file format knows (for 'did you mean' suggestions)."""
    names: set[str] = {"value"}
    for model in (
        Evidence,
        Meta,
        Source,
        Actor,
        Position,
        Issue,
        Relation,
        RemoveActor,
        ScaleCapability,
        SetPosition,
        SetSalience,
        SetRelation,
        Fight,
        Shock,
        Outcome,
        Option,
        Node,
        EscalationTree,
        Uncertainty,
        Scenario,
    ):
        names.update(k for k, f in model.model_fields.items() if not f.exclude)
    return frozenset(names - {"meta", "cost_meta"})

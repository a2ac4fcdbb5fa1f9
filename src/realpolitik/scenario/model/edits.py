"""Shocks: named lists of edits to a scenario (remove an actor, scale, set, fight)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    field_validator,
    model_validator,
)

from realpolitik.scenario.model.actors import _check_sign
from realpolitik.scenario.model.base import Commitment, RelationType, _Base, _check_id
from realpolitik.scenario.model.meta import EvidenceList, _evidence_items


class _Edit(_Base):
    evidence: EvidenceList = Field(default_factory=list)
    assumption: str | None = None

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: Any) -> Any:
        return _evidence_items(v)


class RemoveActor(_Edit):
    """Take an actor out of the system (all its positions and relations go)."""

    op: Literal["remove-actor"]
    actor: str


class ScaleCapability(_Edit):
    """Multiply an actor's capability (and its military figure, if it has one) by ``factor``."""

    op: Literal["scale-capability"]
    actor: str
    factor: float = Field(ge=0, allow_inf_nan=False, strict=True)


class SetPosition(_Edit):
    """Set an actor's position on an issue (adds the actor to the issue if absent)."""

    op: Literal["set-position"]
    actor: str
    issue: str
    value: float = Field(ge=0, le=100, allow_inf_nan=False, strict=True)


class SetSalience(_Edit):
    """Set an actor's salience on an issue (0–1)."""

    op: Literal["set-salience"]
    actor: str
    issue: str
    value: float = Field(ge=0, le=1, allow_inf_nan=False, strict=True)


class SetRelation(_Edit):
    """Set (or add) the relation between two actors."""

    op: Literal["set-relation"]
    between: tuple[str, str]
    type: RelationType
    weight: float | None = Field(default=None, ge=-1, le=1, allow_inf_nan=False, strict=True)
    commitment: Commitment | None = None

    @model_validator(mode="after")
    def _sign(self) -> SetRelation:
        _check_sign(self.type, self.weight)
        return self


class Fight(_Edit):
    """A fight between two sides, resolved by their combined fighting strength.

    ``sides`` are two disjoint lists of actor ids; ``issues`` the issues the fight decides.
    What follows is computed, not typed (:func:`realpolitik.scenario.shocks.apply_edit`,
    docs/relations.md): each side prevails with the contest success function's probability
    ``p = C^m / (C_A^m + C_B^m)`` of its combined strength ``C`` (m = 1): the fighters' military
    figures when all of them have one, else their capabilities; in expectation every fighter
    keeps ``p`` of its capability and military figure (the side that loses is disarmed); on each
    named issue every fighter moves to the expected settlement ``p x_i + (1 − p) x̄_other``
    (``x̄_other`` the strength × salience weighted mean position of the other side); and the
    fighters on the two sides are at war with each other.
    """

    op: Literal["fight"]
    sides: tuple[list[str], list[str]]
    issues: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sides(self) -> Fight:
        a, b = self.sides
        if not a or not b:
            raise ValueError("each of the two sides needs at least one actor")
        both = sorted(set(a) & set(b))
        if both:
            raise ValueError(f"an actor cannot fight on both sides; found {both} on both")
        return self


Edit = Annotated[
    RemoveActor | ScaleCapability | SetPosition | SetSalience | SetRelation | Fight,
    Field(discriminator="op"),
]


class Shock(_Base):
    """A named what-if: a list of edits applied in order to a copy of the scenario."""

    id: str
    title: str
    description: str | None = None
    edits: list[Edit] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return _check_id(v)

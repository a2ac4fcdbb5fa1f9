"""Actors, issues with their positions, and the relations between actors."""

from __future__ import annotations

from typing import ClassVar

from pydantic import (
    Field,
    StrictFloat,
    StrictStr,
    field_validator,
    model_validator,
)

from realpolitik.scenario.model.base import (
    DEFAULT_WEIGHTS,
    ActorKind,
    Commitment,
    FiniteFloat,
    RelationType,
    _check_id,
)
from realpolitik.scenario.model.meta import _WithMeta


class Actor(_WithMeta):
    """An actor: a state, a non-state group, a leader or an organisation.

    Parameters
    ----------
    id : str
        Lower-case identifier used everywhere else in the file.
    name : str
        Display name.
    kind : {"state", "non-state", "leader", "organisation"}
    capability : float
        Power to influence outcomes, ≥ 0; only ratios between actors matter.
    military : float, optional
        Strength in a fight, ≥ 0, on any scale shared by the actors that have it (only ratios
        count), e.g. military expenditure in US dollars. A ``fight`` edit whose fighters all have
        one is decided by these figures rather than by ``capability``, which measures influence
        in bargaining (docs/relations.md, "Fighting strength").
    leader : str, optional
        Who speaks for the actor.
    aliases : list of str
        Other names that refer to it in text (capitals, institutions, demonyms).
    tags : list of str
        Free labels that rules can test (``in-theatre``).
    partner_rules : list of str
        Rules this actor's Plan B partners must meet (see the Plan B documentation).
    data : dict of str to float or str
        Other per-actor values, such as the extra columns of an imported table
        (``resolve``, ``risk``, ``type``); kept and written back, not used by the engines.
    """

    numeric_fields: ClassVar[tuple[str, ...]] = ("capability", "military")
    id: str
    name: str
    kind: ActorKind = "state"
    capability: float = Field(ge=0, allow_inf_nan=False, strict=True)
    military: float | None = Field(default=None, ge=0, allow_inf_nan=False, strict=True)
    leader: str | None = None
    aliases: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    partner_rules: list[str] = Field(default_factory=list)
    data: dict[str, StrictFloat | StrictStr] = Field(default_factory=dict)
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return _check_id(v)


class Position(_WithMeta):
    """An actor's stand on one issue: where it stands (0–100) and how much it cares (0–1)."""

    numeric_fields: ClassVar[tuple[str, ...]] = ("position", "salience")
    position: float = Field(ge=0, le=100, allow_inf_nan=False, strict=True)
    salience: float = Field(ge=0, le=1, allow_inf_nan=False, strict=True)
    notes: str | None = None


class Issue(_WithMeta):
    """A question on a 0–100 scale and every present actor's position and salience on it.

    Parameters
    ----------
    id, title : str
    low, high : str
        What positions 0 and 100 mean.
    status_quo : float, optional
        Where the issue stands now (0–100): the disagreement point of the Nash model.
    scale : (float, float), optional
        What positions 0 and 100 are in the issue's own units (``[4, 10]``); tables read from
        another scale set it from their values. Positions in the file stay on 0–100; outputs
        show forecasts on this scale with the 0–100 value alongside
        (:mod:`realpolitik.scenario.scale`).
    positions : dict of str to Position
        Per actor id; actors may be absent.
    """

    numeric_fields: ClassVar[tuple[str, ...]] = ("status_quo",)
    id: str
    title: str
    description: str | None = None
    low: str = "0"
    high: str = "100"
    status_quo: float | None = Field(default=None, ge=0, le=100, allow_inf_nan=False, strict=True)
    scale: tuple[FiniteFloat, FiniteFloat] | None = None
    positions: dict[str, Position]

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        return _check_id(v)


class Relation(_WithMeta):
    """A declared relation between two actors.

    ``commitment`` is what makes an alliance an alliance: ``mutual`` (both committed),
    ``one-way`` (the first actor of ``between`` is committed to the second), ``none``.
    ``weight`` is signed in [−1, 1]; it defaults from ``type`` (see :data:`DEFAULT_WEIGHTS`), and
    ``commitment`` defaults to ``mutual`` for an alliance and ``none`` otherwise.
    """

    numeric_fields: ClassVar[tuple[str, ...]] = ("weight",)
    between: tuple[str, str]
    type: RelationType
    weight: float = Field(default=None, ge=-1, le=1, allow_inf_nan=False, strict=True)  # type: ignore[assignment]
    commitment: Commitment = None  # type: ignore[assignment]
    notes: str | None = None

    @model_validator(mode="after")
    def _defaults(self) -> Relation:
        if self.weight is None:
            self.weight = DEFAULT_WEIGHTS[self.type]
        _check_sign(self.type, self.weight)
        if self.commitment is None:
            self.commitment = "mutual" if self.type == "alliance" else "none"
        return self


COOPERATIVE = ("alliance", "partnership", "alignment")


HOSTILE = ("rivalry", "hostility", "war")


def _check_sign(kind: str, weight: float | None) -> None:
    """A cooperative type needs a weight >= 0, a hostile one a weight <= 0."""
    if weight is None:
        return
    if kind in COOPERATIVE and weight < 0:
        raise ValueError(f"a relation of type {kind!r} needs a weight >= 0; found {weight}")
    if kind in HOSTILE and weight > 0:
        raise ValueError(f"a relation of type {kind!r} needs a weight <= 0; found {weight}")

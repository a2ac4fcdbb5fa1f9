"""The scenario format as pydantic models: the only place where scenario files are validated.

A number in a scenario file is written either plainly (``capability: 80``) or as a mapping that
also says where it comes from and how uncertain it is::

    capability:
      value: 80
      evidence: [{source: bershidsky2020, quote: "the only other strong player in the region"}]
      range: [70, 90]

The models store the plain number in the field (``actor.capability == 80.0``) and keep the rest
as :class:`Meta` in ``meta`` under the field's name, so engines get floats and explanations can
still cite the evidence.

Conventions
-----------
- Positions are on each issue's 0–100 scale; ``low`` and ``high`` say what 0 and 100 mean, and
  an optional ``scale: [lo, hi]`` what they are in the issue's own units.
- Saliences are on 0–1 (1: the issue matters above all else to the actor). Tables in the field's
  0–100 form (KTAB, DEU) are divided by 100 when read.
- Capabilities are any non-negative numbers; only their ratios matter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictFloat,
    StrictStr,
    field_validator,
    model_validator,
)

ActorKind = Literal["state", "non-state", "leader", "organisation"]
RelationType = Literal[
    "alliance", "partnership", "alignment", "neutral", "rivalry", "hostility", "war"
]
Commitment = Literal["mutual", "one-way", "none"]

#: Signed weight of each relation type when the file gives none.
DEFAULT_WEIGHTS: dict[str, float] = {
    "alliance": 1.0,
    "partnership": 0.6,
    "alignment": 0.3,
    "neutral": 0.0,
    "rivalry": -0.3,
    "hostility": -0.6,
    "war": -1.0,
}

#: Relation types from the most cooperative to the most hostile.
RELATION_ORDER: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)

_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")

#: A finite number (NaN and infinities refused), without coercion from text.
FiniteFloat = Annotated[float, Field(strict=True, allow_inf_nan=False)]
#: A cost on the 0–1 outcome scale.
Cost = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1)]


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, str_strip_whitespace=True)


class Evidence(_Base):
    """A quote that supports a value, optionally tied to a source of the scenario.

    Parameters
    ----------
    quote : str
        The words of the source.
    source : str, optional
        The id of an entry of ``sources:``.
    locator : str, optional
        Where in the source (``"paragraph 9"``, ``"sentence 12"``).
    """

    quote: str = Field(min_length=1)
    source: str | None = None
    locator: str | None = None


_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _iso_date(value: Any) -> Any:
    """Read ISO dates given as text (JSON has no date type) as dates; a bare year stays a year.

    Text shaped like a date that is no day of the calendar (``2020-02-30``) is an error, not a
    free-text date.

    Examples
    --------
    >>> _iso_date("2020-01-05"), _iso_date("winter 2020"), _iso_date(2020)
    (datetime.date(2020, 1, 5), 'winter 2020', '2020')
    >>> _iso_date("2020-02-30")
    Traceback (most recent call last):
    ...
    ValueError: expected a calendar date (YYYY-MM-DD); found '2020-02-30' (day is out of range for month)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            if _DATE_LIKE.match(value.strip()):
                y, m, d = (int(x) for x in value.strip().split("-"))
                try:
                    dt.date(y, m, d)
                except ValueError as exc:
                    raise ValueError(
                        f"expected a calendar date (YYYY-MM-DD); found {value!r} ({exc})"
                    ) from None
            return value
    return value


def _as_evidence_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    return value


def _evidence_items(value: Any) -> Any:
    """Evidence as a list of ``{quote: ...}`` mappings; anything else is left for validation."""
    items = _as_evidence_list(value)
    if not isinstance(items, list):
        return items  # pydantic says "expected a list; found 0"
    return [_evidence_item(x) for x in items]


def _evidence_item(value: Any) -> Any:
    if isinstance(value, str):
        return {"quote": value}
    return value


EvidenceList = list[Evidence]


class Meta(_Base):
    """Where a number comes from, and how uncertain it is.

    Parameters
    ----------
    evidence : list of Evidence
        Quotes that support the number.
    assumption : str, optional
        The analyst's reason where the sources are silent.
    range : (float, float), optional
        Uniform uncertainty for Monte Carlo runs.
    sd : float, optional
        Normal uncertainty (standard deviation, in the value's units) for Monte Carlo runs.
    """

    evidence: EvidenceList = Field(default_factory=list)
    assumption: str | None = None
    range: tuple[FiniteFloat, FiniteFloat] | None = None
    sd: float | None = Field(default=None, ge=0, strict=True, allow_inf_nan=False)

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: Any) -> Any:
        return _evidence_items(v)

    @model_validator(mode="after")
    def _range_order(self) -> Meta:
        if self.range is not None and self.range[0] > self.range[1]:
            raise ValueError(f"range must be [low, high] with low <= high; got {list(self.range)}")
        return self

    def is_empty(self) -> bool:
        """Whether nothing is recorded."""
        return (
            not self.evidence and self.assumption is None and self.range is None and self.sd is None
        )


_META_KEYS = {"evidence", "assumption", "range", "sd"}


class _WithMeta(_Base):
    """A model whose numeric fields may be written as ``{value: ..., evidence: ...}``.

    ``numeric_fields`` names those fields. The model's own ``evidence``/``assumption`` apply to all
    of its numbers that have none of their own.
    """

    numeric_fields: ClassVar[tuple[str, ...]] = ()
    meta: dict[str, Meta] = Field(default_factory=dict, exclude=True)
    evidence: EvidenceList = Field(default_factory=list)
    assumption: str | None = None

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: Any) -> Any:
        return _evidence_items(v)

    @model_validator(mode="before")
    @classmethod
    def _split_values(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if "meta" in data:
            raise ValueError(
                "'meta' is not a key of the file format; write {value: ..., evidence: ...}"
            )
        data = dict(data)
        meta: dict[str, Any] = {}
        for name in cls.numeric_fields:
            raw = data.get(name)
            if isinstance(raw, dict):
                raw = dict(raw)
                if "value" not in raw:
                    # Leave it to the field validation to say that a number was expected.
                    continue
                data[name] = raw.pop("value")
                meta[name] = raw
        if meta:
            data["meta"] = meta
        return data

    def cite(self, name: str) -> Meta:
        """Return the provenance of the numeric field ``name``.

        Falls back to the model's own ``evidence``/``assumption`` when the field has none.
        """
        own = self.meta.get(name)
        if own is not None and (own.evidence or own.assumption):
            return own
        fallback = Meta(evidence=list(self.evidence), assumption=self.assumption)
        if own is not None:
            fallback.range, fallback.sd = own.range, own.sd
        return fallback


class Source(_Base):
    """A document the scenario's evidence quotes."""

    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    date: dt.date | str | None = None
    url: str | None = None

    _date = field_validator("date", mode="before")(_iso_date)


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

    numeric_fields: ClassVar[tuple[str, ...]] = ("capability",)
    id: str
    name: str
    kind: ActorKind = "state"
    capability: float = Field(ge=0, allow_inf_nan=False, strict=True)
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
    """Multiply an actor's capability by ``factor`` (≥ 0)."""

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
    """A fight between two sides, resolved by their combined capability.

    ``sides`` are two disjoint lists of actor ids; ``issues`` the issues the fight decides.
    What follows is computed, not typed (:func:`realpolitik.scenario.shocks.apply_edit`,
    docs/relations.md): each side prevails with the contest success function's probability
    ``p = C^m / (C_A^m + C_B^m)`` of its combined capability ``C`` (m = 1); in expectation every
    fighter keeps ``p`` of its capability (the side that loses is disarmed); on each named issue
    every fighter moves to the expected settlement ``p x_i + (1 − p) x̄_other`` (``x̄_other`` the
    capability × salience weighted mean position of the other side); and the fighters on the
    two sides are at war with each other.
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


class Outcome(_Base):
    """An end of an escalation tree: the shocks that describe the world there, and extra costs.

    ``costs`` maps actor ids to a cost subtracted from that actor's payoff (on the 0–1 outcome
    scale), each optionally with evidence: ``{iran: {value: 0.2, evidence: [...]}}``.
    """

    id: str
    title: str | None = None
    shocks: list[str] = Field(default_factory=list)
    costs: dict[str, Cost] = Field(default_factory=dict)
    cost_meta: dict[str, Meta] = Field(default_factory=dict, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _split_costs(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("costs"), dict):
            data = dict(data)
            costs, meta = {}, {}
            for k, v in data["costs"].items():
                if isinstance(v, dict) and "value" in v:
                    v = dict(v)
                    costs[k] = v.pop("value")
                    meta[k] = v
                else:
                    costs[k] = v
            data["costs"] = costs
            if meta:
                data["cost_meta"] = meta
        return data


class Option(_Base):
    """One choice at a node: it leads to another node (``next``) or ends (``outcome``).

    ``joins`` (an actor id) puts the node's actor on that actor's side of every ``fight`` of
    the outcome's world: choosing it means fighting alongside that actor.
    """

    id: str
    title: str | None = None
    next: str | None = None
    outcome: str | None = None
    joins: str | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Option:
        if (self.next is None) == (self.outcome is None):
            raise ValueError("an option needs exactly one of 'next' (a node id) or 'outcome'")
        return self


class Node(_Base):
    """A decision node: ``actor`` chooses one of ``options``."""

    id: str
    actor: str
    title: str | None = None
    options: list[Option] = Field(min_length=1)


class EscalationTree(_Base):
    """A sequential game whose ends are shocked scenarios (see ``realpolitik escalate``)."""

    id: str
    title: str
    description: str | None = None
    root: str
    nodes: list[Node] = Field(min_length=1)
    outcomes: list[Outcome] = Field(min_length=1)


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
    the sides' capabilities before the fight).
    """

    model_config = ConfigDict(frozen=True)
    shock: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    probability: tuple[float, float]
    issues: tuple[str, ...] = ()

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


def _check_id(v: str) -> str:
    if not _ID.match(v):
        raise ValueError(
            "an id must be lower-case letters, digits, '-' or '_', starting with a letter or "
            f"digit; got {v!r}"
        )
    return v


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


__all__ = [
    "DEFAULT_WEIGHTS",
    "RELATION_ORDER",
    "Actor",
    "EscalationTree",
    "Evidence",
    "Fight",
    "FightRecord",
    "Issue",
    "Meta",
    "Node",
    "Option",
    "Outcome",
    "Position",
    "Relation",
    "RemoveActor",
    "ScaleCapability",
    "Scenario",
    "SetPosition",
    "SetRelation",
    "SetSalience",
    "Shock",
    "Source",
    "Uncertainty",
]

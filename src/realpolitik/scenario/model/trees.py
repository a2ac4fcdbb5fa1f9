"""Escalation trees as written in a scenario: outcomes, options, decision nodes."""

from __future__ import annotations

from typing import Any

from pydantic import (
    Field,
    model_validator,
)

from realpolitik.scenario.model.base import Cost, _Base
from realpolitik.scenario.model.meta import Meta


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

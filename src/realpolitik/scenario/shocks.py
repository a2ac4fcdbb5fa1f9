"""Applying shocks: named edits to a copy of a scenario."""

from __future__ import annotations

import math
from collections.abc import Iterable

from realpolitik.exceptions import ShockError
from realpolitik.scenario.model import (
    DEFAULT_WEIGHTS,
    Meta,
    Position,
    Relation,
    RemoveActor,
    ScaleCapability,
    Scenario,
    SetPosition,
    SetRelation,
    SetSalience,
    Shock,
)


def _need_actor(s: Scenario, actor: str, where: str) -> None:
    if actor not in s.actor_ids:
        raise ShockError(
            f"{where}: unknown actor {actor!r} (it may have been removed by an earlier edit); "
            f"actors now: {', '.join(s.actor_ids)}"
        )


def _need_issue(s: Scenario, issue: str, where: str) -> None:
    if issue not in s.issue_ids:
        raise ShockError(f"{where}: unknown issue {issue!r}; issues: {', '.join(s.issue_ids)}")


def apply_edit(s: Scenario, edit: object, where: str = "edit") -> None:
    """Apply one edit to ``s`` in place (callers pass a copy).

    Raises
    ------
    ShockError
        When the edit names an unknown actor or issue, or would leave an issue without actors.
    """
    if isinstance(edit, RemoveActor):
        _need_actor(s, edit.actor, where)
        if len(s.actors) == 1:
            raise ShockError(f"{where}: cannot remove {edit.actor!r}, the only actor")
        s.actors = [a for a in s.actors if a.id != edit.actor]
        for issue in s.issues:
            issue.positions.pop(edit.actor, None)
        s.issues = [i for i in s.issues if i.positions]
        if not s.issues:
            raise ShockError(f"{where}: removing {edit.actor!r} leaves no issue with any actor")
        s.relations = [r for r in s.relations if edit.actor not in r.between]
    elif isinstance(edit, ScaleCapability):
        _need_actor(s, edit.actor, where)
        actor = s.actor(edit.actor)
        scaled = actor.capability * edit.factor
        if not math.isfinite(scaled):
            raise ShockError(
                f"{where}: scaling {edit.actor!r}'s capability {actor.capability:g} by "
                f"{edit.factor:g} gives {scaled}, not a finite number; only ratios of "
                "capabilities matter, so write smaller numbers"
            )
        actor.capability = scaled
    elif isinstance(edit, SetPosition | SetSalience):
        _need_actor(s, edit.actor, where)
        _need_issue(s, edit.issue, where)
        issue = s.issue(edit.issue)
        current = issue.positions.get(edit.actor)
        if isinstance(edit, SetPosition):
            if current is None:
                # A newcomer to the issue: it cares as much as it does on average elsewhere.
                sal = [
                    i.positions[edit.actor].salience for i in s.issues if edit.actor in i.positions
                ]
                salience = sum(sal) / len(sal) if sal else 0.5
                issue.positions[edit.actor] = Position(
                    position=edit.value,
                    salience=salience,
                    evidence=list(edit.evidence),
                    assumption=edit.assumption,
                )
            else:
                current.position = edit.value
                current.meta["position"] = Meta(
                    evidence=list(edit.evidence), assumption=edit.assumption
                )
        else:
            if current is None:
                raise ShockError(
                    f"{where}: {edit.actor!r} has no position on {edit.issue!r}; "
                    "add one with set-position first"
                )
            current.salience = edit.value
            current.meta["salience"] = Meta(
                evidence=list(edit.evidence), assumption=edit.assumption
            )
    elif isinstance(edit, SetRelation):
        a, b = edit.between
        _need_actor(s, a, where)
        _need_actor(s, b, where)
        if a == b:
            raise ShockError(f"{where}: a relation needs two different actors; got {[a, b]}")
        rel = Relation(
            between=(a, b),
            type=edit.type,
            weight=DEFAULT_WEIGHTS[edit.type] if edit.weight is None else edit.weight,
            commitment=edit.commitment or ("mutual" if edit.type == "alliance" else "none"),
            evidence=list(edit.evidence),
            assumption=edit.assumption,
        )
        s.relations = [r for r in s.relations if set(r.between) != {a, b}] + [rel]
    else:  # pragma: no cover - the model admits no other edit
        raise ShockError(f"{where}: unsupported edit {edit!r}")


def apply_shocks(scenario: Scenario, shocks: Iterable[str | Shock]) -> Scenario:
    """Return a copy of ``scenario`` with the named shocks applied, in the order given.

    Parameters
    ----------
    scenario : Scenario
        Left unchanged.
    shocks : iterable of str or Shock
        Shock ids of the scenario, or Shock objects.

    Raises
    ------
    ShockError
        For an unknown shock id, or an edit that names an unknown actor or issue.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> "iran" in apply_shocks(s, ["iran-support-lost"]).actor_ids
    False
    >>> "iran" in s.actor_ids
    True
    """
    out = scenario.model_copy(deep=True)
    for shock in shocks:
        if isinstance(shock, str):
            try:
                shock = scenario.shock(shock)
            except KeyError as exc:
                raise ShockError(str(exc.args[0])) from None
        for k, edit in enumerate(shock.edits):
            apply_edit(out, edit, where=f"shock {shock.id!r}, edit {k + 1} ({edit.op})")
    return out


__all__ = ["apply_edit", "apply_shocks"]

"""Applying shocks: named edits to a copy of a scenario."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from realpolitik._types import FloatArray
from realpolitik.engine.conflict import expected_aftermath
from realpolitik.exceptions import ShockError
from realpolitik.scenario.model import (
    DEFAULT_WEIGHTS,
    Fight,
    FightRecord,
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


def apply_edit(
    s: Scenario,
    edit: object,
    where: str = "edit",
    joins: Mapping[str, str] | None = None,
    shock: str = "",
) -> None:
    """Apply one edit to ``s`` in place (callers pass a copy).

    ``joins`` maps an actor to the ally whose side it takes in a ``fight`` edit (an escalation
    option's ``joins``); ``shock`` names the shock in the record of a fight.

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
        if actor.military is not None:
            # The actor's power as a whole is scaled: its fighting strength with it.
            actor.military = actor.military * edit.factor
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
    elif isinstance(edit, Fight):
        _fight(s, edit, where, joins or {}, shock)
    else:  # pragma: no cover - the model admits no other edit
        raise ShockError(f"{where}: unsupported edit {edit!r}")


def _fight(s: Scenario, edit: Fight, where: str, joins: Mapping[str, str], shock: str) -> None:
    """A fight (see :class:`realpolitik.scenario.model.Fight`), with any actors that join."""
    sides = [list(edit.sides[0]), list(edit.sides[1])]
    for chooser, ally in joins.items():
        for k in (0, 1):
            if ally in sides[k] and chooser not in sides[k]:
                if chooser in sides[1 - k]:
                    raise ShockError(
                        f"{where}: {chooser!r} cannot join {ally!r}: it fights on the other side"
                    )
                sides[k].append(chooser)
    for members in sides:
        for member in members:
            _need_actor(s, member, where)
    for issue_id in edit.issues:
        _need_issue(s, issue_id, where)
    ids = s.actor_ids
    issues = s.issue_ids
    n, m = len(ids), len(issues)
    at = {a: i for i, a in enumerate(ids)}
    side = np.full(n, -1, dtype=np.int64)
    for k in (0, 1):
        side[[at[a] for a in sides[k]]] = k
    capability = np.array([a.capability for a in s.actors], dtype=np.float64)
    position = np.zeros((n, m))
    salience = np.zeros((n, m))
    present = np.zeros((n, m), dtype=bool)
    for j, iss in enumerate(s.issues):
        for who, stand in iss.positions.items():
            position[at[who], j] = stand.position
            salience[at[who], j] = stand.salience
            present[at[who], j] = True
    decides = np.array([i in edit.issues for i in issues], dtype=bool)
    strength, basis = fighting_strength(s, sides)
    cap, pos, prob = expected_aftermath(
        capability, position, salience, present, side, decides, strength=strength
    )
    why = (
        f"{where}: fight {sides[0]} against {sides[1]} (chances {prob[0]:.2f} / {prob[1]:.2f}, "
        f"from {basis})"
    )
    for i, fighter in enumerate(s.actors):
        if side[i] >= 0:
            keep = prob[int(side[i])]
            fighter.capability = float(cap[i])
            fighter.meta["capability"] = Meta(evidence=list(edit.evidence), assumption=why)
            if fighter.military is not None:
                fighter.military = float(fighter.military * keep)
                fighter.meta["military"] = Meta(evidence=list(edit.evidence), assumption=why)
    for j, iss in enumerate(s.issues):
        for actor_id, stand in iss.positions.items():
            i = at[actor_id]
            if side[i] >= 0 and decides[j]:
                stand.position = float(min(100.0, max(0.0, pos[i, j])))
                stand.meta["position"] = Meta(evidence=list(edit.evidence), assumption=why)
    for a in sides[0]:
        for b in sides[1]:
            apply_edit(
                s,
                SetRelation(
                    op="set-relation",
                    between=(a, b),
                    type="war",
                    evidence=list(edit.evidence),
                    assumption=why,
                ),
                where,
            )
    s.fights.append(
        FightRecord(
            shock=shock,
            sides=(tuple(sides[0]), tuple(sides[1])),
            probability=prob,
            issues=tuple(edit.issues),
            basis="military" if strength is not None else "capability",
        )
    )


def fighting_strength(s: Scenario, sides: Sequence[Sequence[str]]) -> tuple[FloatArray | None, str]:
    """The strengths a fight between ``sides`` is decided by, in the scenario's actor order.

    Military figures (``Actor.military``) when every fighter has one, else ``None`` (the fight
    uses capabilities); the second value says which, for the explanation: ``"military
    figures"``, or ``"capabilities"`` with the fighters that lack a military figure when only
    some have one.

    Examples
    --------
    >>> from realpolitik.scenario.model import Scenario
    >>> s = Scenario.model_validate({"title": "t", "actors": [
    ...     {"id": "a", "name": "A", "capability": 3, "military": 1},
    ...     {"id": "b", "name": "B", "capability": 1, "military": 3},
    ...     {"id": "c", "name": "C", "capability": 2}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {}}]})
    >>> strength, basis = fighting_strength(s, [["a"], ["b"]])
    >>> strength.tolist(), basis
    ([1.0, 3.0, 0.0], 'military figures')
    >>> fighting_strength(s, [["a"], ["b", "c"]])
    (None, 'capabilities (no military figure for c)')
    """
    fighters = {a for members in sides for a in members}
    lacking = [a.id for a in s.actors if a.id in fighters and a.military is None]
    if not lacking:
        return (
            np.array([a.military if a.military is not None else 0.0 for a in s.actors]),
            "military figures",
        )
    having = [a.id for a in s.actors if a.id in fighters and a.military is not None]
    if having:
        return None, f"capabilities (no military figure for {', '.join(lacking)})"
    return None, "capabilities"


def apply_shocks(
    scenario: Scenario,
    shocks: Iterable[str | Shock],
    joins: Mapping[str, str] | None = None,
    observe: Callable[[str, Scenario], None] | None = None,
) -> Scenario:
    """Return a copy of ``scenario`` with the named shocks applied, in the order given.

    Parameters
    ----------
    scenario : Scenario
        Left unchanged.
    shocks : iterable of str or Shock
        Shock ids of the scenario, or Shock objects.
    joins : mapping of str to str, optional
        Actor → ally: the actor fights on the ally's side in every ``fight`` edit where the
        ally fights (an escalation option's ``joins``). An actor that joins where its ally
        fights in no fight is an error.
    observe : callable, optional
        Called as ``observe("before", s)`` and ``observe("after", s)`` around every ``fight``
        edit, with the scenario being edited (read it, do not keep or change it): what the
        Monte Carlo needs to fight each fight again with every draw's inputs.

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
    shocks = list(shocks)
    out = scenario.model_copy(deep=True)
    out.fights.clear()
    out.fights.extend(scenario.fights)
    for shock in shocks:
        if isinstance(shock, str):
            try:
                shock = scenario.shock(shock)
            except KeyError as exc:
                raise ShockError(str(exc.args[0])) from None
        for k, edit in enumerate(shock.edits):
            fight = isinstance(edit, Fight)
            if observe is not None and fight:
                observe("before", out)
            apply_edit(
                out,
                edit,
                where=f"shock {shock.id!r}, edit {k + 1} ({edit.op})",
                joins=joins,
                shock=shock.id,
            )
            if observe is not None and fight:
                observe("after", out)
    for chooser, ally in (joins or {}).items():
        if not any(f.side_of(ally) is not None for f in out.fights):
            raise ShockError(
                f"{chooser!r} joins {ally!r}, but {ally!r} fights in none of the shocks "
                f"{', '.join(s.id if not isinstance(s, str) else s for s in shocks) or '(none)'}"
            )
    return out


__all__ = ["apply_edit", "apply_shocks"]

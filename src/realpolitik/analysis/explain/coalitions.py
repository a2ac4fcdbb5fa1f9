"""Sentences on the actor's coalition per issue and why close actors stay out of it."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.analysis.coalitions import CoalitionResult
from realpolitik.analysis.explain.result import Sentence
from realpolitik.analysis.explain.text import _Cite, _names, _sign
from realpolitik.scenario.model import Scenario


def _coalitions(
    s: Scenario, actor: str, found: CoalitionResult, names: dict[str, str], cite: _Cite
) -> list[Sentence]:
    """Per issue: the actor's coalition, and why the close actors outside it stay out."""
    name = names[actor]
    where = (
        f"in the {found.model} forecast"
        if found.moved
        else f"on the stated positions, which the {found.model} model leaves unmoved"
    )
    out = []
    for issue in s.issues:
        mine = found.of(actor, issue.id)
        if mine is None:
            continue
        at = found.positions
        mates = [m for m in mine.members if m != actor]
        share = f"{mine.share:.0%}".replace("nan%", "an unknown share")
        if mates:
            text = (
                f"On {issue.title}, {name} ends up with {_names([names[m] for m in mates])} "
                f"(together {share} of the weight, at {mine.position:.1f} {where})"
            )
        else:
            text = (
                f"On {issue.title}, {name} ends up alone ({share} of the weight, at "
                f"{mine.position:.1f} {where})"
            )
        cites = [c for m in mine.members for c in cite.position(m, issue.id, "position")]
        cites += [c for m in mates for c in cite.relation(actor, m)]
        blocked = []
        for other in found.on(issue.id):
            if other is mine:
                continue
            close = [
                m
                for m in other.members
                if abs(at[(m, issue.id)] - at[(actor, issue.id)]) <= found.within + 1e-9
            ]
            if not close:
                continue
            a, b, why = _blocking_pair(s, mine.members, other.members, issue.id, found)
            rel = s.relation(a, b)
            if why == "hostile" and rel is not None:
                being = _HOSTILE_WORDS.get(rel.type)
                weight = f"weight {_sign(rel.weight)}"
                reason = f"{names[b]} and {names[a]} " + (
                    f"{being} ({weight})"
                    if being
                    else f"lean against each other ({rel.type}, {weight})"
                )
                cites += cite.relation(a, b)
            else:
                gap = abs(at[(a, issue.id)] - at[(b, issue.id)])
                reason = f"{names[b]} is {gap:.1f} points from {names[a]}"
                cites += cite.position(b, issue.id, "position")
            outside = [m for m in other.members if m not in close]
            if len(other.members) == 1:
                told = f"{names[close[0]]} stays out"
            elif not outside:
                told = f"{_names([names[m] for m in close])} form a coalition of their own"
            else:
                told = (
                    f"{_names([names[m] for m in close])} end{'s' if len(close) == 1 else ''} "
                    f"up with {_names([names[m] for m in outside])} instead"
                )
            text += f"; within {found.within:g} points of {name}, {told} because {reason}"
            blocked.append({"actors": close, "with": outside, "reason": why, "pair": [a, b]})
        alike = issue.id in found.relations_only()
        if alike and len(found.on(issue.id)) > 1:
            text += (
                f"; every actor of this issue ends within {found.within:g} points of every "
                "other, so only the hostile relations (and the order of the actors in the file) "
                "separate the coalitions"
            )
        elif alike:
            text += (
                f"; every actor of this issue ends within {found.within:g} points of every "
                "other and no two of them are hostile, so one coalition holds them all"
            )
        out.append(
            Sentence(
                text + ".",
                cites,
                "coalitions",
                {
                    "issue": issue.id,
                    "model": found.model,
                    "members": list(mine.members),
                    "weight": mine.weight,
                    "share": mine.share,
                    "position": mine.position,
                    "blocked": blocked,
                    "relations_only": alike,
                },
            )
        )
    return out


#: How the sentences say that two actors are hostile, by relation type.
_HOSTILE_WORDS = {"rivalry": "are rivals", "hostility": "are hostile", "war": "are at war"}


def _blocking_pair(
    s: Scenario, ours: Sequence[str], theirs: Sequence[str], issue: str, found: CoalitionResult
) -> tuple[str, str, str]:
    """A pair (ours, theirs) that keeps two coalitions apart: hostile first, else the farthest."""
    for a in ours:
        for b in theirs:
            rel = s.relation(a, b)
            if rel is not None and rel.weight < 0:
                return a, b, "hostile"
    at = found.positions
    pairs = [(abs(at[(a, issue)] - at[(b, issue)]), a, b) for a in ours for b in theirs]
    _, a, b = max(pairs)
    return a, b, "far"

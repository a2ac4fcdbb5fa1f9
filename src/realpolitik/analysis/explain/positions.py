"""Sentences on who the actor is and what it wants: capability, positions, saliences."""

from __future__ import annotations

import numpy as np

from realpolitik.analysis.explain.result import Sentence
from realpolitik.analysis.explain.text import _Cite
from realpolitik.scenario.model import Scenario


def _identity(s: Scenario, actor: str, cite: _Cite) -> list[Sentence]:
    me = s.actor(actor)
    caps = sorted((a.capability for a in s.actors), reverse=True)
    rank = caps.index(me.capability) + 1
    led = f", led by {me.leader}" if me.leader else ""
    text = (
        f"{me.name} ({me.kind}{led}) has capability {me.capability:g}, "
        f"{_ordinal(rank)} of the {len(caps)} actors (the strongest has {caps[0]:g})."
    )
    out = [
        Sentence(
            text,
            [cite.capability(actor)],
            "actor",
            {"capability": me.capability, "rank": rank, "n_actors": len(caps)},
        )
    ]
    if me.military is not None:
        armed = sorted((a.military for a in s.actors if a.military is not None), reverse=True)
        out.append(
            Sentence(
                f"In a fight its strength is its military figure, {me.military:g}, "
                f"{_ordinal(armed.index(me.military) + 1)} of the {len(armed)} actors that "
                "have one (a fight uses these figures when every fighter has one).",
                [cite.military(actor)],
                "actor",
                {"military": me.military, "military_rank": armed.index(me.military) + 1},
            )
        )
    return out


def _ordinal(n: int) -> str:
    if n == 1:
        return "the strongest"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
    return f"{n}{suffix}"


def _wants(
    s: Scenario, actor: str, model: str, f: np.ndarray, outcome: float, cite: _Cite
) -> list[Sentence]:
    name = s.actor(actor).name
    rows = [
        (j, issue, issue.positions[actor])
        for j, issue in enumerate(s.issues)
        if actor in issue.positions
    ]
    if not rows:
        return [Sentence(f"{name} takes part in no issue.", topic="wants")]
    rows.sort(key=lambda t: -t[2].salience)
    out = []
    for j, issue, p in rows:
        fj = float(f[j])
        gap = abs(fj - p.position)
        text = (
            f"On {issue.title} (0: {issue.low}, 100: {issue.high}) {name} stands at "
            f"{p.position:g} with salience {p.salience:g}; the {model} forecast is {fj:.1f}, "
            f"{gap:.1f} points from its position."
        )
        out.append(
            Sentence(
                text,
                cite.position(actor, issue.id, "position", "salience"),
                "wants",
                {
                    "issue": issue.id,
                    "position": p.position,
                    "salience": p.salience,
                    "forecast": fj,
                    "distance": gap,
                },
            )
        )
    top = rows[0]
    text = (
        f"{name} cares most about {top[1].title} (salience {top[2].salience:g}); weighting every "
        f"issue by its salience, its expected outcome under the {model} forecast is "
        f"{outcome:.2f} on a 0-1 scale (1: every forecast at its own position)."
    )
    cites = [c for _, issue, _ in rows for c in cite.position(actor, issue.id, "salience")]
    out.insert(
        0,
        Sentence(text, cites, "wants", {"outcome": outcome, "top_issue": top[1].id}),
    )
    return out

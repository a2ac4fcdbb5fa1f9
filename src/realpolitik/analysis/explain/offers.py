"""Sentences on the offers the actor accepts and makes in the forecast."""

from __future__ import annotations

from typing import Any

from realpolitik.analysis.explain.result import Sentence
from realpolitik.analysis.explain.text import Citation, _Cite, _names

#: At most this many offers are told one by one in each direction (all are in ``data``).
MAX_OFFERS_TOLD = 4


def _offers(res: Any, actor: str, model: str, names: dict[str, str], cite: _Cite) -> list:
    name = names[actor]
    offers = res.offers(model)
    if res.runs[model].rounds is None:
        return [
            Sentence(
                f"The {model} model does not move actors, so {name} makes and accepts no offers.",
                topic="offers",
                data={"accepted": [], "made": []},
            )
        ]
    accepted = [o for o in offers if o.actor == actor]
    made = [o for o in offers if o.proposer == actor]
    issue_title = {i.id: i.title for i in res.scenario.issues}
    out = []

    def told(items: list, mine: bool) -> tuple[str, list[Citation]]:
        items = sorted(items, key=lambda o: -abs(o.after - o.before))[:MAX_OFFERS_TOLD]
        parts, cites = [], []
        for o in items:
            who = names[o.proposer] if mine else names[o.actor]
            verb = {"confrontation": "a confrontation", "compromise": "a compromise"}.get(
                o.kind, "a capitulation"
            )
            parts.append(
                f"{verb} with {who} on {issue_title[o.issue]} in round {o.round} "
                f"({o.before:.0f} → {o.after:.0f})"
            )
            cites += cite.position(o.actor, o.issue, "position", "salience")
            cites += cite.position(o.proposer, o.issue, "position", "salience")
        return _names(parts), cites

    if accepted:
        text, cites = told(accepted, True)
        more = len(accepted) - min(len(accepted), MAX_OFFERS_TOLD)
        text = (
            f"In the {model} forecast {name} accepts {len(accepted)} offer"
            f"{'s' if len(accepted) != 1 else ''}, the largest moves being {text}"
            + (f" (and {more} more)" if more > 0 else "")
            + "."
        )
        data = {
            "accepted": [
                {
                    "issue": o.issue,
                    "from": o.proposer,
                    "kind": o.kind,
                    "round": o.round,
                    "before": o.before,
                    "after": o.after,
                }
                for o in accepted
            ]
        }
        out.append(Sentence(text, cites, "offers", data))
    else:
        out.append(
            Sentence(
                f"In the {model} forecast {name} accepts no offer: it keeps its positions.",
                topic="offers",
                data={"accepted": []},
            )
        )
    if made:
        text, cites = told(made, False)
        takers = sorted({o.actor for o in made})
        more = len(made) - min(len(made), MAX_OFFERS_TOLD)
        text = (
            f"{len(made)} of {name}'s offers are accepted, by {_names([names[t] for t in takers])}"
            f"; the largest moves: {text}" + (f" (and {more} more)" if more > 0 else "") + "."
        )
        data = {
            "made": [
                {
                    "issue": o.issue,
                    "to": o.actor,
                    "kind": o.kind,
                    "round": o.round,
                    "before": o.before,
                    "after": o.after,
                }
                for o in made
            ]
        }
        out.append(Sentence(text, cites, "offers", data))
    else:
        out.append(
            Sentence(
                f"No actor accepts an offer from {name} in the {model} forecast.",
                topic="offers",
                data={"made": []},
            )
        )
    return out

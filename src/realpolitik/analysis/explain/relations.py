"""Sentences on whom the actor stands with: declared relations, blocs, commitment gaps."""

from __future__ import annotations

from typing import Any, cast

from realpolitik.analysis.explain.result import Sentence
from realpolitik.analysis.explain.text import Citation, _Cite, _names, _sign
from realpolitik.analysis.network import analyse_network
from realpolitik.scenario.model import Scenario


def _relations(s: Scenario, actor: str, names: dict[str, str], cite: _Cite) -> list[Sentence]:
    name = names[actor]
    rels = [r for r in s.relations if actor in r.between]
    out: list[Sentence] = []
    firm, loose, hostile, neutral = [], [], [], []
    for r in sorted(rels, key=lambda r: -r.weight):
        other = r.between[1] if r.between[0] == actor else r.between[0]
        if r.weight > 0 and (r.commitment == "mutual" or r.type == "alliance"):
            firm.append((other, r))
        elif r.weight > 0:
            loose.append((other, r))
        elif r.weight < 0:
            hostile.append((other, r))
        else:
            neutral.append((other, r))

    def phrase(other: str, r: Any) -> str:
        extra = ""
        if r.commitment == "one-way":
            committed = names[r.between[0]]
            extra = f"; only {committed} is committed"
        return f"{names[other]} ({r.type}, weight {_sign(r.weight)}{extra})"

    def cites(group: list) -> list[Citation]:
        return [c for other, _ in group for c in cite.relation(actor, other)]

    def data(group: list) -> dict[str, Any]:
        return {
            "actors": [o for o, _ in group],
            "weights": [r.weight for _, r in group],
            "types": [r.type for _, r in group],
            "commitments": [r.commitment for _, r in group],
        }

    if firm:
        text = (
            f"{name} is firmly allied (mutual commitment) with "
            + _names([phrase(o, r) for o, r in firm])
            + "."
        )
        out.append(Sentence(text, cites(firm), "relations", {"kind": "firm", **data(firm)}))
    else:
        out.append(
            Sentence(
                f"{name} has no firm ally: none of its relations carries a mutual commitment.",
                cites(loose + hostile + neutral),
                "relations",
                {"kind": "firm", "actors": []},
            )
        )
    if loose:
        text = (
            f"{name} cooperates without a mutual commitment with "
            + _names([phrase(o, r) for o, r in loose])
            + "."
        )
        out.append(Sentence(text, cites(loose), "relations", {"kind": "loose", **data(loose)}))
    if hostile:
        text = f"{name} stands against " + _names([phrase(o, r) for o, r in hostile]) + "."
        out.append(
            Sentence(text, cites(hostile), "relations", {"kind": "hostile", **data(hostile)})
        )
    if neutral:
        text = f"{name} is neutral toward " + _names([names[o] for o, _ in neutral]) + "."
        out.append(
            Sentence(text, cites(neutral), "relations", {"kind": "neutral", **data(neutral)})
        )
    if rels:
        report = analyse_network(s)
        bloc = next((b for b in report.blocs.blocs if actor in b), None)
        if bloc is not None:
            mates = [str(b) for b in bloc if b != actor]
            text = (
                f"In the partition of the actors that best fits the signed relations, {name} "
                f"is in one bloc with {_names([names[m] for m in mates])}."
            )
            used = [c for m in mates for c in cite.relation(actor, m)]
            out.append(Sentence(text, used, "relations", {"kind": "bloc", "actors": mates}))
        gaps = report.position_gaps
        for row in gaps.itertuples(index=False):
            if actor not in (row.a, row.b):
                continue
            other = str(row.b if row.a == actor else row.a)
            # pandas-stubs types itertuples() fields as any scalar; the column holds floats.
            affinity = float(cast(float, row.affinity))
            rel = s.relation(actor, other)
            if rel is None:
                continue
            text = (
                f"Its {rel.type} with {names[other]} runs against their issue positions "
                f"(issue affinity {_sign(affinity)} against a declared weight "
                f"{_sign(rel.weight)})."
            )
            out.append(
                Sentence(
                    text,
                    cite.relation(actor, other),
                    "relations",
                    {"kind": "position-gap", "actor": other, "affinity": affinity},
                )
            )
    return out

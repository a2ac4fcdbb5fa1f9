"""Text of the sentences: plain JSON data, footnotes, signed numbers, name lists, citations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from realpolitik._json import json_float
from realpolitik.scenario.model import Meta, Scenario

Citation = tuple[str, Meta]


def _plain(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_plain(v) for v in x]
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float):
        return json_float(x, 6)
    return x


def _citation_dict(path: str, meta: Meta) -> dict[str, Any]:
    return {
        "path": path,
        "evidence": [e.model_dump(exclude_none=True) for e in meta.evidence],
        "assumption": meta.assumption,
    }


def _describe_meta(meta: Meta) -> str:
    parts = []
    for e in meta.evidence:
        src = ", ".join(x for x in (e.source, e.locator) if x)
        parts.append(f"“{e.quote}”" + (f" ({src})" if src else ""))
    if meta.assumption:
        parts.append(f"assumption: {meta.assumption}")
    return "; ".join(parts) if parts else "no evidence or assumption given"


def _sign(x: float, digits: int = 2) -> str:
    return f"{x:+.{digits}f}".replace("-", "−")


def _names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Cite:
    """Paths and provenance of a scenario's inputs."""

    def __init__(self, s: Scenario) -> None:
        self.s = s
        self.actor_index = {a: k for k, a in enumerate(s.actor_ids)}
        self.issue_index = {i: k for k, i in enumerate(s.issue_ids)}

    def capability(self, a: str) -> Citation:
        k = self.actor_index[a]
        return (f"actors[{k}].capability", self.s.actors[k].cite("capability"))

    def military(self, a: str) -> Citation:
        k = self.actor_index[a]
        return (f"actors[{k}].military", self.s.actors[k].cite("military"))

    def position(self, a: str, issue: str, *fields: str) -> list[Citation]:
        j = self.issue_index[issue]
        pos = self.s.issues[j].positions[a]
        return [(f"issues[{j}].positions.{a}.{f}", pos.cite(f)) for f in fields]

    def relation(self, a: str, b: str) -> list[Citation]:
        for k, r in enumerate(self.s.relations):
            if set(r.between) == {a, b}:
                out: list[Citation] = []
                if r.evidence or r.assumption:
                    out.append(
                        (
                            f"relations[{k}]",
                            Meta(evidence=list(r.evidence), assumption=r.assumption),
                        )
                    )
                own = r.meta.get("weight")
                if own is not None and (own.evidence or own.assumption):
                    out.append((f"relations[{k}].weight", own))
                if not out:
                    out.append((f"relations[{k}]", Meta()))
                return out
        return []

    def shock(self, shock_id: str) -> list[Citation]:
        for k, sh in enumerate(self.s.shocks):
            if sh.id == shock_id:
                return [
                    (
                        f"shocks[{k}].edits[{j}]",
                        Meta(evidence=list(e.evidence), assumption=e.assumption),
                    )
                    for j, e in enumerate(sh.edits)
                ]
        return []

    def rules(self, a: str) -> list[Citation]:
        k = self.actor_index[a]
        actor = self.s.actors[k]
        meta = Meta(assumption=actor.notes.strip() if actor.notes else None)
        return [(f"actors[{k}].partner_rules[{j}]", meta) for j in range(len(actor.partner_rules))]

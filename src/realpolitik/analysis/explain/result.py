"""The result objects: :class:`Sentence`, :class:`Explanation` and the order of the topics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from realpolitik.analysis.explain.text import Citation, _citation_dict, _describe_meta, _plain
from realpolitik.analysis.planb import PlanBResult
from realpolitik.scenario.model import Meta

#: Topics of the sentences, in the order they are told.
TOPICS: tuple[str, ...] = (
    "actor",
    "wants",
    "relations",
    "offers",
    "coalitions",
    "shocks",
    "planb",
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of an explanation.

    Parameters
    ----------
    text : str
        The sentence.
    citations : list of (str, Meta)
        The inputs it uses: path in the scenario file and its provenance.
    topic : str
        One of :data:`TOPICS`.
    data : dict
        The numbers and ids the sentence states.
    """

    text: str
    citations: list[Citation] = field(default_factory=list)
    topic: str = "actor"
    data: dict[str, Any] = field(default_factory=dict)

    def paths(self) -> list[str]:
        """The cited input paths."""
        return [p for p, _ in self.citations]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "topic": self.topic,
            "text": self.text,
            "data": _plain(self.data),
            "citations": [_citation_dict(p, m) for p, m in self.citations],
        }


@dataclass(frozen=True)
class Explanation:
    """Everything :func:`explain_actor` says about one actor.

    Attributes
    ----------
    actor, name : str
    model : str
    sentences : list of Sentence
        In the order of :data:`TOPICS`.
    planb : PlanBResult or None
        The Plan B the last sentences tell (None when the actor has no partner to lose).
    """

    actor: str
    name: str
    model: str
    sentences: list[Sentence]
    planb: PlanBResult | None = field(default=None, repr=False)

    def by_topic(self, topic: str) -> list[Sentence]:
        """The sentences on ``topic``."""
        return [s for s in self.sentences if s.topic == topic]

    def to_dict(self) -> dict[str, Any]:
        """The JSON printed by ``realpolitik explain --format json`` (see ``docs/explain.md``)."""
        return {
            "actor": self.actor,
            "name": self.name,
            "model": self.model,
            "without": None if self.planb is None else self.planb.without,
            "sentences": [s.to_dict() for s in self.sentences],
        }

    def to_frame(self) -> pd.DataFrame:
        """The sentences, one row each (index ``sentence``, from 1, in the order told).

        Columns ``topic``, ``text`` and ``cited`` (the cited input paths joined by ``"; "``);
        each citation with its quotes is a row of :meth:`citations_frame`.

        Examples
        --------
        >>> from realpolitik import explain_actor, load_scenario
        >>> ex = explain_actor(load_scenario("syria-2020"), "russia", model="median")
        >>> df = ex.to_frame()
        >>> list(df.columns), df.index.name, df["topic"].iloc[0]
        (['topic', 'text', 'cited'], 'sentence', 'actor')
        """
        return pd.DataFrame(
            {
                "topic": [s.topic for s in self.sentences],
                "text": [s.text for s in self.sentences],
                "cited": ["; ".join(s.paths()) for s in self.sentences],
            },
            index=pd.RangeIndex(1, len(self.sentences) + 1, name="sentence"),
        )

    def citations_frame(self) -> pd.DataFrame:
        """One row per cited input of each sentence, with its evidence.

        Columns ``sentence`` (the number in :meth:`to_frame`), ``path`` (the input's place in
        the scenario file), ``quotes`` (its quotes joined by ``" | "``), ``sources`` and
        ``assumption`` (empty text when there is none).
        """
        rows = []
        for k, sentence in enumerate(self.sentences, start=1):
            for path, meta in sentence.citations:
                rows.append(
                    {
                        "sentence": k,
                        "path": path,
                        "quotes": " | ".join(e.quote for e in meta.evidence),
                        "sources": " | ".join(e.source or "" for e in meta.evidence),
                        "assumption": meta.assumption or "",
                    }
                )
        return pd.DataFrame(rows, columns=["sentence", "path", "quotes", "sources", "assumption"])

    def to_text(self, *, evidence: bool = True) -> str:
        """Paragraphs by topic, each sentence followed by numbered references to its inputs.

        With ``evidence`` the numbered inputs are listed at the end with their quotes or
        assumptions.
        """
        numbers: dict[str, int] = {}
        metas: dict[str, Meta] = {}
        paragraphs = []
        for topic in TOPICS:
            parts = []
            for s in self.by_topic(topic):
                refs = []
                for path, meta in s.citations:
                    if path not in numbers:
                        numbers[path] = len(numbers) + 1
                        metas[path] = meta
                    refs.append(numbers[path])
                marks = "".join(f"[{n}]" for n in sorted(set(refs)))
                parts.append(s.text + (f" {marks}" if marks and evidence else ""))
            if parts:
                paragraphs.append(" ".join(parts))
        out = "\n\n".join(paragraphs)
        if evidence and numbers:
            lines = ["", "", "Inputs cited:"]
            for path, n in numbers.items():
                lines.append(f"[{n}] {path}: {_describe_meta(metas[path])}")
            out += "\n".join(lines)
        return out

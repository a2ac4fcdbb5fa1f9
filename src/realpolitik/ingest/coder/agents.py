"""Phrases that name their source after them: "talks mediated by Z", "a visit by X to Y"."""

from __future__ import annotations

from realpolitik.ingest.coder.clauses import _Clauses
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger

#: Nouns of a visit whose visitor or destination may be a deal's other party.
_VISIT_NOUNS = frozenset({"visit", "visits", "trip", "tour"})
#: A coded phrase with its source and target mentions.
Coded = tuple[_Trigger, list[_Mention], list[_Mention]]


class _AgentAfter(_Clauses):
    def _agent_after(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        start_at: dict[int, _Mention],
        end_at: dict[int, _Mention],
        mentions: list[_Mention],
        coded: list[Coded],
    ) -> tuple[list[_Mention], list[_Mention] | None] | None:
        """Source and target of an ``agent_after`` phrase, or None when it names no agent."""
        phrase = trig.phrase
        agent = next((start_at[y] for y in range(trig.end, min(s1, trig.end + 5))
                      if y in start_at and start_at[y].role == "actor"), None)  # fmt: skip
        if agent is None:
            return None
        source = self._group_right(d, agent, start_at, s1)
        exclude = {a for m in source for a in m.actors}
        # the place after "signed by X and Y in Washington" is no party to a reciprocal phrase
        after = self._right(d, source[-1].end, s1, s1, start_at, exclude, not phrase.mutual)
        if after is None:
            # "the expulsion of two Russian diplomats by the Netherlands": inside
            after = next(([start_at[y]] for y in range(trig.start + 1, agent.start)
                          if y in start_at and start_at[y].role == "actor"), None)  # fmt: skip
        after = after or self._clause_subject(d, mentions, trig, s0, end_at)
        if after is None and phrase.mode == "visit" and self._visit_frame(d, trig, s0):
            # "X and Y signed a deal during a visit by Y's president": the rest of the subject
            # hosts the visit
            host = self._first_group(d, mentions, trig.start, s0, end_at)
            if host and any(a not in exclude for m in host for a in m.actors):
                after = host
        if after is None and phrase.mode != "visit":
            # a visit's host is named after the visitor: "a visit by X to Y"
            after = self._left(d, trig.start, s0, end_at, coded, allow_prep=True)
        if after is None and phrase.mode == "third-party" and coded:
            # "X and Y agreed to a truce after talks mediated by Z": the parties
            last_trig, last_src, last_tgt = coded[-1]
            if last_trig.phrase.mutual and (not last_tgt or last_tgt is last_src):
                after = last_src
        return source, after

    def _visit_partner(
        self, d: _Doc, s0: int, s1: int, start_at: dict[int, _Mention], exclude: set[str]
    ) -> list[_Mention] | None:
        """The other party of a deal signed on a visit, when the deal names none.

        "on a state visit to Morocco, signed deals" (Morocco), "signed a gas deal during a visit
        by the German chancellor" (Germany).
        """
        for x in range(s0, s1 - 2):
            if d.low[x] not in _VISIT_NOUNS or d.low[x + 1] not in ("to", "by"):
                continue
            for y in range(x + 2, min(s1, x + 5)):
                m = start_at.get(y)
                if m is not None:
                    if any(a not in exclude for a in m.actors):
                        return [m]
                    break
                if d.punct[y]:
                    break
        return None

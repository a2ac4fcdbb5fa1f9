"""Noun phrases that judge the main clause: ", a move China's foreign ministry called provocative".

ACCUSE (or SUPPORT) by the judge of the agent of the main clause.
"""

from __future__ import annotations

from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _sentence_event
from realpolitik.ingest.coder.judging import (
    _CONDEMNING,
    _FRAMING,
    _HARSH,
    _JUDGING,
    _KIND,
    _NOT_JUDGED,
    _PRAISING,
)
from realpolitik.ingest.coder.reported import _Reported
from realpolitik.ingest.coder.words import _SPEECH


class _Appraisal(_Reported):
    def _appraised(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """ACCUSE (or SUPPORT) by the judge of a noun phrase that sums up the main clause.

        ", a move China's foreign ministry called provocative", ", a buildup Caracas denounced
        as ...", "under a campaign that Kabul called inhumane", ", a move condemned by the OAS":
        the judge's view of what the main clause's agent did; "X, whose campaign Washington has
        praised,": of X.
        """
        low = d.low
        if len(mentions) < 2 or _JUDGING.isdisjoint(low[s0:s1]):
            return []
        start_at = {m.start: m for m in mentions}
        end_at = {m.end: m for m in mentions}
        out: list[Event] = []
        for v in range(s0 + 3, s1):
            if low[v] not in _JUDGING:
                continue
            found = self._judged(d, v, s0, s1, start_at, end_at)
            if found is None:
                continue
            judges, np_start, type_ = found
            src = tuple(dict.fromkeys(a for m in judges for a in m.actors))
            if low[np_start] == "whose":
                owner = self._antecedent(d, np_start - 1, s0, end_at)
                agent = owner.actors if owner is not None and owner.role == "actor" else ()
            else:
                agent = self._judged_agent(d, mentions, np_start, s0, end_at, events)
            tgt = tuple(a for a in agent if a not in src)
            if not tgt or any(
                e.type == type_ and set(src) <= set(e.source) and set(tgt) & set(e.target)
                for e in events + out
            ):
                continue
            out.append(
                _sentence_event(
                    d,
                    s0,
                    s1,
                    number,
                    file,
                    src,
                    type_,
                    None,
                    tgt,
                    -2.0 if type_ == "ACCUSE" else 3.5,
                    "111" if type_ == "ACCUSE" else "051",
                    d.doc[v : v + 1].text,
                )
            )
        return out

    def _judged(
        self,
        d: _Doc,
        v: int,
        s0: int,
        s1: int,
        start_at: dict[int, _Mention],
        end_at: dict[int, _Mention],
    ) -> tuple[list[_Mention], int, str] | None:
        """(judges, start of the judged noun phrase, type) of the judging verb at ``v``."""
        low = d.low
        type_ = self._judgement(d, v, s1)
        if type_ is None:
            return None
        if v + 1 < s1 and low[v + 1] == "by":
            # ", a move condemned by the OAS": the judge after "by"
            judge = next((start_at[y] for y in range(v + 2, min(s1, v + 4)) if y in start_at), None)
            judges = self._group_right(d, judge, start_at, s1) if judge is not None else []
            head = v - 1
        else:
            # ", a move China's foreign ministry called ...": the judge before the verb
            x = v
            while x > s0 and v - x < 4 and x not in end_at and d.alpha[x - 1] and d.lower[x - 1]:
                x -= 1
            judge = end_at.get(x)
            judges = self._group_left(d, judge, end_at, s0) if judge is not None else []
            head = judges[0].start - 1 if judges else -1
            if judge is not None and low[head] in ("that", "which"):
                head -= 1
        if judge is None or judge.role != "actor" or head <= s0:
            return None
        if not (d.alpha[head] and d.lower[head]) or low[head] in _NOT_JUDGED:
            return None
        x = head - 1
        while x > s0 and head - x <= 4 and low[x] not in ("a", "an", "whose"):
            if not (d.alpha[x] or d.text[x] == "-") or d.ent[x]:
                return None
            x -= 1
        if low[x] == "whose" and d.text[x - 1] == ",":
            return judges, x, type_  # "X, whose campaign Washington has praised,": X's
        if low[x] not in ("a", "an") or not (d.text[x - 1] == "," or low[x - 1] in _FRAMING):
            return None
        return judges, x, type_

    def _judgement(self, d: _Doc, v: int, s1: int) -> str | None:
        """ACCUSE or SUPPORT for the judging verb at ``v`` ("called provocative": ACCUSE)."""
        low = d.low[v]
        if low in _CONDEMNING:
            return "ACCUSE"
        if low in _PRAISING:
            return "SUPPORT"
        after = set(d.low[v + 1 : min(s1, v + 6)])
        if after & _HARSH:
            return "ACCUSE"
        if after & _KIND:
            return "SUPPORT"
        return None

    def _judged_agent(
        self,
        d: _Doc,
        mentions: list[_Mention],
        np_start: int,
        s0: int,
        end_at: dict[int, _Mention],
        events: list[Event],
    ) -> tuple[str, ...]:
        """Who did what a judged noun phrase sums up: the agent of the last event before it."""
        before = d.doc[np_start].idx - d.doc[s0].idx
        text = d.doc[s0 : np_start + 1].text
        agent: tuple[str, ...] = ()
        for e in events:
            at = text.find(e.trigger)
            if 0 <= at < before and e.type not in ("ACCUSE", "SUPPORT", "REJECT"):
                agent = e.source
        if agent:
            return agent
        group = self._first_group(d, mentions, np_start, s0, end_at) or []
        if group and group[-1].end < np_start and d.low[group[-1].end] in _SPEECH:
            # "Seoul said North Korea fired ..., an act Japan called ...": the reported agent
            after = group[-1].end + 1
            group = next(
                (
                    self._group_right(d, m, {k.start: k for k in mentions}, np_start)
                    for m in mentions
                    if after <= m.start < np_start and self._eligible_source(m)
                ),
                [],
            )
        return tuple(dict.fromkeys(a for m in group for a in m.actors))

"""Forms of news English that the ninth pass codes, as one rule mixin of the coder.

- "two kidnapped soldiers": a participle after a number or determiner is an adjective, no
  event (nor the end of the target search of the event before it).
"""

from __future__ import annotations

from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.judging import (
    _CONDEMNING,
    _FRAMING,
    _HARSH,
    _JUDGING,
    _KIND,
    _NOT_JUDGED,
    _PRAISING,
    _judges,
)
from realpolitik.ingest.coder.reported import _Reported
from realpolitik.ingest.coder.words import _PREPOSITIONS, _QUAD, _SPEECH, _STRONG

#: Types of a verb coordinated with an event that take its target ("met Y and offered").
_COORDINATED_TYPES = frozenset({"AGREE", "AID", "SUPPORT"})
#: Verbal acts whose addressee may stand right before them ("a note to Y rejecting ...").
_VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE"})
#: "said after (a|their) meeting|talks (with) Y".
_MEETING_DETERMINERS = frozenset({"a", "an", "the", "their", "his", "her", "its"})
_MEETING_NOUNS = frozenset({"meeting", "meetings", "talks"})
#: Diplomats whose expulsion may be agentless, and its verbs ("were ordered to leave").
_ENVOYS = frozenset(
    {"diplomats", "diplomat", "ambassador", "envoy", "envoys", "ambassadors", "attache",
     "attaché", "consul", "staff"}
)  # fmt: skip
_ORDERED = frozenset({"ordered", "told", "asked", "given", "expelled"})
#: Nouns of fighting and the prepositions of time before them ("after heavy fighting with").
_FIGHT_NOUNS = frozenset({"fighting", "clashes", "battles", "skirmishes", "combat"})
_TIME_FRAMES = frozenset({"after", "amid", "during", "following", "before"})
#: Words after which a participle modifies a noun ("the|two|its seized ...").
_ADJECTIVE_SLOT = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
     "several", "some", "many", "hundreds", "thousands", "the", "a", "an", "its", "their"}
)  # fmt: skip


class _Frames(_Reported):
    def _dropped(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        """Whether a phrase found is no event: an adjective, or the verb of a judging phrase.

        ", an act Japan called a violation": "called" is no phone call (the judgement is coded
        by :meth:`_appraised`).
        """
        return (
            self._adjectival(d, t, s0)
            or _judges(d, t.start, s0, s1)
            or self._meeting_place(d, t, s0, s1)
        )

    def _meeting_place(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        """Whether a reciprocal phrase opens the sentence with only its place: "Meeting in Cairo,".

        "Meeting in Cairo, Arab League leaders endorsed ...": the leaders met each other; the
        city is no counterpart (and no one else is named before the comma).
        """
        if t.start != s0 or not t.phrase.mutual or not d.low[t.head].endswith("ing"):
            return False
        x = t.end
        if x + 1 >= s1 or d.low[x] not in ("in", "at"):
            return False
        x += 1
        if d.low[x] == "the":
            x += 1
        if x >= s1 or not d.ent[x]:
            return False
        while x < s1 and d.ent[x]:
            x += 1
        return x < s1 and d.text[x] == ","

    def _adjectival(self, d: _Doc, t: _Trigger, s0: int) -> bool:
        """Whether a one-word participle trigger is an adjective: "two kidnapped soldiers".

        "handed over two kidnapped Colombian soldiers": the release's target is Colombia.
        """
        if t.start != t.head or t.start <= s0 or t.end != t.start + 1:
            return False
        prev = d.low[t.start - 1]
        if not (prev in _ADJECTIVE_SLOT or prev.isdigit()) or not d.low[t.head].endswith("ed"):
            return False
        if t.start - 2 >= s0 and d.low[t.start - 2] in ("the", "both"):
            return False  # "the two cooperated": "the two" is the subject
        nxt = d.low[t.end] if t.end < d.n else ""
        return (
            t.end < d.n
            and d.alpha[t.end]
            and nxt not in _PREPOSITIONS
            and nxt not in ("to", "and", "or")
        )

    # --- targets no other rule found ----------------------------------------------------------
    def _late_target(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        src: tuple[str, ...],
        coordinated: list[_Mention] | None,
        start_at: dict[int, _Mention],
    ) -> tuple[str, ...]:
        """The target of an event whose target search found none.

        - "X and Y accused each other of ...", "imposed sanctions on one another": each other;
        - "the two leaders pledged to ...": a joint pledge, each other's;
        - "spoke by phone with Y and offered $400 million": a cooperative verb coordinated with
          an event keeps its target;
        - "sent a note to Y rejecting ...": a verbal act right after its addressee.
        """
        phrase = trig.phrase
        low = d.low
        if len(src) >= 2:
            for x in range(trig.end, min(s1 - 1, trig.end + 4)):
                if low[x] in ("each", "one") and low[x + 1] in ("other", "another", "other's"):
                    return src
                if low[x] in _STRONG or low[x] == ",":
                    break
            if phrase.type == "AGREE" and low[trig.end - 1] == "to":
                return src
        if coordinated is not None and phrase.type in _COORDINATED_TYPES:
            return tuple(a for m in coordinated for a in m.actors if a not in src)
        x = trig.start - 1
        if phrase.type in _VERBAL_TYPES and low[trig.head].endswith("ing") and x > s0:
            end_at = {k.end: k for k in start_at.values()}
            m = end_at.get(trig.start)
            y = m.start if m is not None else s0
            while y in end_at:  # "the U.N. Security Council": mentions side by side
                y = end_at[y].start
            if y > s0 and low[y - 1] == "the":
                y -= 1
            if m is not None and m.role == "actor" and y > s0 and low[y - 1] == "to":
                return tuple(a for a in m.actors if a not in src)
        return ()

    def _both_ways(
        self, d: _Doc, trig: _Trigger, s1: int, src: tuple[str, ...], tgt: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Source and target of a fight "with" Y: both ways ("X clashed|fought with Y")."""
        if not tgt or trig.phrase.type != "ASSAULT" or not trig.phrase.mutual:
            return src, tgt
        if d.low[trig.end - 1] != "with" and (trig.end >= s1 or d.low[trig.end] != "with"):
            return src, tgt
        both = tuple(dict.fromkeys(src + tgt))
        return both, both

    # --- evaluative appositions --------------------------------------------------------------
    def _later(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """The events a sentence's coded events leave to sentence-level rules."""
        out = self._reported(d, s0, s1, number, mentions, events, file)
        out += self._fought_with(d, s0, s1, number, mentions, events + out, file)
        out += self._said_after(d, s0, s1, number, mentions, events + out, file)
        out += self._told_to_leave(d, s0, s1, number, mentions, events + out, file)
        return out + self._appraised(d, s0, s1, number, mentions, events + out, file)

    def _said_after(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """CONSULT for "X said after meeting Y", "the two ministers said after talks".

        The speaker met Y (or, with no one named after the meeting, the speakers met each
        other).
        """
        low = d.low
        out: list[Event] = []
        for v in range(s0 + 1, s1 - 2):
            if low[v] not in _SPEECH or low[v + 1] not in ("after", "following"):
                continue
            x = v + 2
            if low[x] in _MEETING_DETERMINERS:
                x += 1
            if x >= s1 or low[x] not in _MEETING_NOUNS:
                continue
            end_at = {m.end: m for m in mentions}
            y = v
            while y > s0 and v - y < 3 and y not in end_at and d.alpha[y - 1] and d.lower[y - 1]:
                y -= 1
            speaker = end_at.get(y)
            if speaker is None or speaker.role != "actor":
                continue
            src = speaker.actors
            start_at = {m.start: m for m in mentions}
            begin = x + 2 if x + 1 < s1 and low[x + 1] == "with" else x + 1
            found = self._right(d, begin, min(s1, begin + 6), s1, start_at, set(src))
            tgt = tuple(a for m in found or [] for a in m.actors if a not in src)
            if not found and len(src) >= 2:
                tgt = src
            if not tgt or any(e.type == "CONSULT" and set(src) <= set(e.source) for e in events):
                continue
            out.append(
                Event(
                    sentence=number,
                    text=d.doc[s0:s1].text.strip(),
                    source=src,
                    type="CONSULT",
                    mode="visit" if low[x] != "talks" else None,
                    target=tgt,
                    intensity=2.0,
                    date=None,
                    cameo="040",
                    quad_class=_QUAD["04"],
                    trigger=d.doc[v + 1 : x + 1].text,
                    file=file,
                )
            )
        return out

    def _told_to_leave(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """SANCTION (expulsion) for "X's diplomats were ordered to leave Y", "were expelled from Y".

        An agentless expulsion is the act of the state the diplomats must leave.
        """
        low = d.low
        out: list[Event] = []
        for m in mentions:
            x = m.end
            if m.role != "actor" or m.last_word not in _ENVOYS or x + 3 >= s1:
                continue
            if low[x] not in ("was", "were", "have", "has", "had"):
                continue
            stop = min(s1, x + 9)
            verb = next((y for y in range(x + 1, stop) if low[y] in _ORDERED), -1)
            if verb < 0:
                continue
            if low[verb] == "expelled":
                at = verb + 2 if verb + 1 < s1 and low[verb + 1] == "from" else -1
            else:
                at = next((y + 2 for y in range(verb + 1, stop - 1)
                           if low[y] == "to" and low[y + 1] == "leave"), -1)  # fmt: skip
            host = next((k for k in mentions if at >= 0 and k.start in (at, at + 1)), None)
            if host is None:
                continue
            tgt = m.actors
            src = tuple(a for a in host.actors if a not in tgt)
            if not src or any(e.type == "SANCTION" and set(src) <= set(e.source) for e in events):
                continue
            out.append(
                Event(
                    sentence=number,
                    text=d.doc[s0:s1].text.strip(),
                    source=src,
                    type="SANCTION",
                    mode="expel",
                    target=tgt,
                    intensity=-5.0,
                    date=None,
                    cameo="1663",
                    quad_class=_QUAD["16"],
                    trigger=d.doc[verb:at].text,
                    file=file,
                )
            )
        return out

    def _fought_with(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """ASSAULT both ways for "X seized ... after (days of) fighting|clashes with Y".

        A fight named in an adverbial of time is the main clause's subject's, with Y.
        """
        low = d.low
        out: list[Event] = []
        for x in range(s0 + 2, s1 - 2):
            if low[x] not in _FIGHT_NOUNS or low[x + 1] != "with":
                continue
            y = x - 1
            while y > s0 and x - y <= 4 and low[y] not in _TIME_FRAMES:
                if not (d.alpha[y] and d.lower[y]):
                    break
                y -= 1
            if low[y] not in _TIME_FRAMES:
                continue
            start_at = {m.start: m for m in mentions}
            end_at = {m.end: m for m in mentions}
            other = self._right(d, x + 2, s1, s1, start_at, set())
            subject = self._first_group(d, mentions, y, s0, end_at)
            if not other or not subject:
                continue
            both = tuple(dict.fromkeys(a for m in subject + other for a in m.actors))
            if len(both) < 2 or any(e.type == "ASSAULT" and set(e.source) & set(both)
                                    and set(e.target) & set(both) for e in events):  # fmt: skip
                continue
            out.append(
                Event(
                    sentence=number,
                    text=d.doc[s0:s1].text.strip(),
                    source=both,
                    type="ASSAULT",
                    mode=None,
                    target=both,
                    intensity=-9.0,
                    date=None,
                    cameo="190",
                    quad_class=_QUAD["19"],
                    trigger=d.doc[x : x + 2].text,
                    file=file,
                )
            )
        return out

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
        the judge's view of what the main clause's agent did.
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
            judge, np_start, type_ = found
            src = tuple(dict.fromkeys(judge.actors))
            agent = self._judged_agent(d, mentions, np_start, s0, end_at, events)
            tgt = tuple(a for a in agent if a not in src)
            if not tgt or any(
                e.type == type_ and set(src) <= set(e.source) and set(tgt) & set(e.target)
                for e in events + out
            ):
                continue
            out.append(
                Event(
                    sentence=number,
                    text=d.doc[s0:s1].text.strip(),
                    source=src,
                    type=type_,
                    mode=None,
                    target=tgt,
                    intensity=-2.0 if type_ == "ACCUSE" else 3.5,
                    date=None,
                    cameo="111" if type_ == "ACCUSE" else "051",
                    quad_class=_QUAD["11" if type_ == "ACCUSE" else "05"],
                    trigger=d.doc[v : v + 1].text,
                    file=file,
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
    ) -> tuple[_Mention, int, str] | None:
        """(judge, start of the judged noun phrase, type) of the judging verb at ``v``."""
        low = d.low
        type_ = self._judgement(d, v, s1)
        if type_ is None:
            return None
        if v + 1 < s1 and low[v + 1] == "by":
            # ", a move condemned by the OAS": the judge after "by"
            judge = next((start_at[y] for y in range(v + 2, min(s1, v + 4)) if y in start_at), None)
            head = v - 1
        else:
            # ", a move China's foreign ministry called ...": the judge before the verb
            x = v
            while x > s0 and v - x < 4 and x not in end_at and d.alpha[x - 1] and d.lower[x - 1]:
                x -= 1
            judge = end_at.get(x)
            head = judge.start - 1 if judge is not None else -1
            if judge is not None and low[head] in ("that", "which"):
                head -= 1
        if judge is None or judge.role != "actor" or head <= s0:
            return None
        if not (d.alpha[head] and d.lower[head]) or low[head] in _NOT_JUDGED:
            return None
        x = head - 1
        while x > s0 and head - x <= 4 and low[x] not in ("a", "an"):
            if not (d.alpha[x] or d.text[x] == "-") or d.ent[x]:
                return None
            x -= 1
        if low[x] not in ("a", "an") or not (d.text[x - 1] == "," or low[x - 1] in _FRAMING):
            return None
        return judge, x, type_

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

"""Events named in adverbials and agentless clauses, found sentence by sentence.

"X seized Y after days of fighting with Z" (ASSAULT of X and Z), "X said after meeting Y"
(CONSULT), "X's diplomats were ordered to leave Y" (SANCTION by Y).
"""

from __future__ import annotations

from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _sentence_event
from realpolitik.ingest.coder.reported import _Reported
from realpolitik.ingest.coder.words import _SPEECH

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

#: Words without which no rule of this module applies.
_CUES = _FIGHT_NOUNS | _ORDERED | frozenset({"after", "following"})


class _Adverbials(_Reported):
    def _adverbial(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """The events of this module's rules in one sentence."""
        if _CUES.isdisjoint(d.low[s0:s1]):
            return []
        out = self._fought_with(d, s0, s1, number, mentions, events, file)
        out += self._said_after(d, s0, s1, number, mentions, events + out, file)
        return out + self._told_to_leave(d, s0, s1, number, mentions, events + out, file)

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
                _sentence_event(
                    d,
                    s0,
                    s1,
                    number,
                    file,
                    src,
                    "CONSULT",
                    "visit" if low[x] != "talks" else None,
                    tgt,
                    2.0,
                    "040",
                    d.doc[v + 1 : x + 1].text,
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
                _sentence_event(
                    d,
                    s0,
                    s1,
                    number,
                    file,
                    src,
                    "SANCTION",
                    "expel",
                    tgt,
                    -5.0,
                    "1663",
                    d.doc[verb:at].text,
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
                _sentence_event(
                    d,
                    s0,
                    s1,
                    number,
                    file,
                    both,
                    "ASSAULT",
                    None,
                    both,
                    -9.0,
                    "190",
                    d.doc[x : x + 2].text,
                )
            )
        return out

"""Counterparts a clause leaves unnamed, and words that are no triggers (the thirteenth pass).

From the misses of an independent block (fresh11):

- "The Rapid Support Forces launched ...": a word of an actor's name ("Support") starts no
  event phrase, so the phrase after the name is found;
- "Beijing told Chinese tourists to avoid travelling to Japan": a request to private persons
  named in the phrase (tourists, citizens, companies) addresses no state after it;
- "Hungary refused ..., and Warsaw responded by recalling its ambassador": a clause after ", and"
  with a named subject is no longer what "refused to" makes unreal, and an act "in response"
  with no target named is aimed at the first other actor of the sentence;
- "Arevalo thanked the United States for sending engineers to rebuild bridges": what the thanked
  side did "for" the thanker is aimed at the thanker;
- "the two foreign ministers told reporters after a meeting in Athens": as "said after a
  meeting", the speakers met;
- "X pledged ... to Ukraine, the Dutch minister said during a visit to Kyiv": the reporting
  clause's adverbial is no part of what the pledge makes unreal.
"""

from __future__ import annotations

from realpolitik.ingest.coder.document import _Documents
from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.frames import _Frames
from realpolitik.ingest.coder.words import _STRONG

#: Private persons and firms a government may advise or order ("told Chinese tourists to").
_PRIVATE_PERSONS = frozenset(
    {"tourists", "citizens", "nationals", "students", "travellers", "travelers", "residents",
     "companies", "firms", "businesses", "airlines", "carriers", "expatriates", "pilgrims"}
)  # fmt: skip
#: Verbs of a response, before "by|with" and the responding act ("responded by recalling").
_RESPONDED = frozenset(
    {"responded", "responds", "respond", "responding", "retaliated", "retaliates",
     "retaliating", "reacted", "reacts", "reacting"}
)  # fmt: skip
#: Verbs of thanks before "X for <act>" ("thanked the United States for sending ...").
_THANKED = frozenset({"thanked", "thanks", "thank", "thanking"})
#: "told reporters|journalists after a meeting": the persons told, before "after".
_PRESS = frozenset({"reporters", "journalists"})


class _Counterparts(_Frames, _Documents):
    def _triggers(self, d: _Doc, sents: list[tuple[int, int]]) -> list[list[_Trigger]]:
        out = super()._triggers(d, sents)
        # "Rapid Support Forces launched ...": "Support" is part of a name. Rare, so the
        # phrases are found again with such words masked (and the words put back).
        inside = {t.start for ts in out for t in ts if d.ent[t.start]}
        if not inside:
            return out
        low = d.low
        saved = {x: low[x] for x in inside}
        try:
            for _ in range(3):
                for x in inside:
                    low[x] = ""
                out = super()._triggers(d, sents)
                more = {t.start for ts in out for t in ts if d.ent[t.start]} - inside
                if not more:
                    break
                saved.update({x: low[x] for x in more})
                inside |= more
        finally:
            for x, word in saved.items():
                low[x] = word
        return out

    def _irrealis_ends(self, d: _Doc, at: int, trig: _Trigger) -> bool:
        """End what "refused to" makes unreal at ", and|but <actor> ...".

        Such a clause has a subject of its own ("refused to hand over ..., and Warsaw
        responded by recalling its ambassador").
        """
        if super()._irrealis_ends(d, at, trig):
            return True
        low = d.low
        return any(
            d.text[x] == ","
            and (
                (low[x + 1] in ("and", "but") and d.ent[x + 2])
                # "pledged ... to Ukraine, the Dutch minister said during a visit to Kyiv": the
                # reporting clause's own adverbial, after its speech verb
                or self._attribution_after(d, x, trig.start)
            )
            for x in range(at, trig.start - 2)
        )

    def _no_party(self, d: _Doc, trig: _Trigger, target: _Mention) -> bool:
        if super()._no_party(d, trig, target):
            return True
        # "told Chinese tourists to avoid travelling to Japan": the persons told are named in
        # the phrase; the state after it is where they go, not whom the request addresses
        return (
            trig.phrase.type == "REQUEST"
            and target.start >= trig.end
            and any(d.low[x] in _PRIVATE_PERSONS for x in range(trig.head + 1, trig.end))
        )

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
        found = super()._late_target(d, trig, s0, s1, src, coordinated, start_at)
        if found or trig.start - 2 < s0:
            return found
        low = d.low
        before = trig.start - 1
        if low[before] in ("by", "with") and low[before - 1] in _RESPONDED:
            # "X did ..., and Y responded by recalling its ambassador": aimed at X
            for x in range(s0, before - 1):
                m = start_at.get(x)
                if m is not None and m.role == "actor" and any(a not in src for a in m.actors):
                    return tuple(a for a in m.actors if a not in src)
            return ()
        if low[before] == "for" and trig.phrase.type == "AID":
            # "the President thanked the United States for sending engineers": the thanker
            for v in range(before - 1, max(s0 - 1, before - 8), -1):
                if d.text[v] in _STRONG or d.text[v] == ",":
                    return ()
                if low[v] in _THANKED:
                    ends = [m for m in start_at.values() if s0 <= m.start and m.end <= v]
                    thanker = max(ends, key=lambda m: m.end, default=None)
                    if thanker is None or thanker.role != "actor":
                        return ()
                    return tuple(a for a in thanker.actors if a not in src)
        return ()

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
        # "the two ministers told reporters after a meeting": read as "... said after a
        # meeting" (the persons told stand where "said" would)
        low = d.low
        told = [
            x
            for x in range(s0 + 1, s1 - 1)
            if low[x] in _PRESS
            and low[x - 1] in ("told", "tell", "tells")
            and low[x + 1] in ("after", "following")
        ]
        if not told:
            return super()._said_after(d, s0, s1, number, mentions, events, file)
        saved = {x: low[x] for x in told}
        for x in told:
            low[x] = "said"
        try:
            return super()._said_after(d, s0, s1, number, mentions, events, file)
        finally:
            for x, word in saved.items():
                low[x] = word

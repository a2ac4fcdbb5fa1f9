"""Reported hostile acts that are no event of their own: "X said Y had broken the truce".

By the gold set's convention (docs/ingest.md, annotation guide) a reported act that is itself
an event ("said Pakistani jets had bombed homes") is coded as that event only; a hostile act
that no phrase codes ("had violated its airspace", "had recruited saboteurs") is the
speaker's accusation of the actor said to have done it.
"""

from __future__ import annotations

from realpolitik.ingest.coder.clauses import _Clauses
from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _sentence_event, _Trigger
from realpolitik.ingest.coder.words import _REPORTING, _STRONG

#: Punctuation that ends the search for the speech verb of a reported act.
_STRONG_STOP = _STRONG | {",", "."}

_PERFECT = frozenset({"had", "has", "have"})
#: Speech verbs that report a hostile act: the sentence's, and a participle after a main clause
#: ("severed relations with Y, saying Y's president had meddled in ...").
_REPORTED_BY = _REPORTING | {"saying"}
#: Past participles of hostile acts that no event phrase codes (with "had" before them).
_HOSTILE = frozenset(
    {"violated", "breached", "broken", "broke", "orchestrated", "recruited", "sabotaged",
     "interfered", "meddled", "used", "plotted", "masterminded", "harboured", "harbored",
     "sheltered", "smuggled", "planted", "infiltrated", "spied", "stolen", "tortured",
     "committed", "staged", "provoked", "incited", "instigated", "fuelled", "fueled", "mined",
     "poisoned", "flouted", "undermined", "destabilised", "destabilized", "rigged",
     "manipulated", "concealed", "obstructed", "crossed", "intruded", "encroached",
     "occupied", "annexed", "armed", "trafficked", "plundered", "looted", "fired", "entered"}
)  # fmt: skip
#: Adverbs allowed between "had" and the participle.
_ADVERBS = frozenset({"repeatedly", "deliberately", "again", "secretly", "illegally", "also"})
_SKIP = frozenset(
    {"that", "the", "a", "an", "two", "three", "four", "five", "several", "some", "dozens"}
)


class _Reported(_Clauses):
    def _reported_victim(
        self, d: _Doc, trig: _Trigger, s0: int, mentions: list[_Mention], exclude: set[str]
    ) -> list[_Mention] | None:
        """The speaker of a reported attack that names no target: "X said Y had shelled ...".

        Only a verb in the perfect ("had shelled", "have struck") after the speech verb.

        "Ukrainian officials said Russian forces had shelled the town of Kupiansk": a state
        reporting an attack on a place no dictionary names reports one on itself.
        """
        low = d.low
        x = trig.start - 1
        if x > s0 and low[x] in _ADVERBS:
            x -= 1
        if x <= s0 or low[x] not in _PERFECT:
            return None  # "said an Israeli drone strike had killed ...": the strike is no verb
        for v in range(x - 1, s0, -1):
            if d.text[v] in _STRONG_STOP:
                return None
            if low[v] not in _REPORTING:
                continue
            if not any(v < m.start < trig.start and m.role == "actor" for m in mentions):
                return None  # the attacker is named in the reported clause
            speaker = self._first_group(d, mentions, v, s0, {})
            if not speaker or any(
                self._kinds.get(a) != "state" or a in exclude for m in speaker for a in m.actors
            ):
                return None
            return speaker
        return None

    def _reported(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """ACCUSE events for "X said Y had <hostile act>" where the act is not coded."""
        out: list[Event] = []
        low = d.low
        if len(mentions) < 2 or _REPORTED_BY.isdisjoint(low[s0:s1]):
            return out
        for v in range(s0 + 1, s1 - 3):
            if low[v] not in _REPORTED_BY:
                continue
            speaker = self._first_group(d, mentions, v, s0, {})
            if not speaker:
                continue
            pos = v + 1
            while pos < s1 and (low[pos] in _SKIP or low[pos] in self._titles):
                pos += 1  # "said President Claudia Sheinbaum had ...": the title is no word
            actor = next((m for m in mentions if m.start == pos and m.role == "actor"), None)
            if actor is None or actor.relational:
                continue
            group = self._group_right(d, actor, {m.start: m for m in mentions}, s1)
            x = group[-1].end
            while x < s1 and d.alpha[x] and d.lower[x] and low[x] not in _PERFECT:
                x += 1  # "Russian intelligence", "a Russian fighter jet": the noun of the actor
                if x - group[-1].end > 3:
                    break
            if x >= s1 - 1 or low[x] not in _PERFECT:
                continue
            x += 1
            if low[x] in _ADVERBS and x + 1 < s1:
                x += 1
            if low[x] not in _HOSTILE:
                continue
            src = tuple(dict.fromkeys(a for m in speaker for a in m.actors))
            tgt = tuple(
                a for a in dict.fromkeys(a for m in group for a in m.actors) if a not in src
            )
            if not src or not tgt:
                continue
            if any(set(e.source) & set(tgt) for e in events):
                continue  # "said Pakistani jets had bombed homes": the act is the event
            out.append(
                _sentence_event(
                    d,
                    s0,
                    s1,
                    number,
                    file,
                    src,
                    "ACCUSE",
                    None,
                    tgt,
                    -2.0,
                    "112",
                    d.doc[v : x + 1].text,
                )
            )
        return out

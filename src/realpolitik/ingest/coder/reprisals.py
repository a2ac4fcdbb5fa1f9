"""Reprisals vowed, hostilities ended and joint operations (the fifteenth pass).

From the misses of an independent block (fresh14):

- "Pakistani jets pounded villages ..., the Taliban government said, vowing to avenge the
  deaths": a participle after an interposed reporting clause is the speaker's, and what is
  avenged, when no one is named after it, is the act of the sentence's first other actor;
- "inked a treaty ..., ending decades of deadly clashes": a hostile event named as what is
  ended ("ending the fighting", "to end the attacks") did not take place;
- "In a joint operation, Colombian and Ecuadorian soldiers raided ...": two or more subjects of
  a clause framed as a joint operation cooperate with each other;
- "Chinese police boarded a boat, beat its crew and confiscated ...": a verb of a series after
  its comma keeps the subject of the first;
- "a refinery inside Russia ... was struck by Ukrainian drones": a passive attack with no actor
  before it strikes the place's state, and one by an unnamed means ("a car bomb") "in an
  attack later claimed by X" is X's;
- "Aid flights chartered by the World Food Programme ferried ...": the charterer carries;
- "Tokyo said Chinese helicopters had flown within 90 metres of ..., calling the manoeuvre
  dangerous": the subject's accusation of the act's agent;
- "Under the treaty inked in Port Moresby, Australia and Papua New Guinea will ...": the two
  subjects are the treaty's parties (AGREE).
"""

from __future__ import annotations

from realpolitik.ingest.coder.counterparts import _Counterparts
from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _sentence_event, _Trigger
from realpolitik.ingest.coder.judging import _HARSH
from realpolitik.ingest.coder.mentions import _contact_relative
from realpolitik.ingest.coder.words import _PREPOSITIONS, _REPORTING, _STRONG

#: Words of the THREATEN phrases of a reprisal vowed ("vowed to avenge|retaliate").
_REPRISALS = ("avenge", "retaliate")
#: Words of the THREATEN phrases of a reprisal that a blame after it may aim ("vowed revenge").
_VOWED = ("avenge", "retaliat", "revenge", "retribution", "reprisal")
#: Participles of blame after a vow (", blaming Y") and the verb of "which it blamed on Y".
_BLAMING = frozenset({"blaming", "accusing"})
_BLAMED = frozenset({"blamed", "blames", "blame"})
#: Means of transport that an actor charters or runs ("aid flights chartered by the WFP").
_MEANS_NOUNS = frozenset(
    {"flights", "flight", "planes", "plane", "aircraft", "airlifts", "ships", "ship", "vessels",
     "boats", "convoys", "convoy", "trucks", "lorries", "helicopters"}
)  # fmt: skip
_MEANS_VERBS = frozenset(
    {"chartered", "operated", "run", "sent", "organised", "organized", "hired", "leased",
     "funded", "provided", "dispatched"}
)  # fmt: skip
#: Participles that name the act of the clause before ("..., calling the manoeuvre dangerous").
_CALLING = frozenset({"calling", "describing", "branding", "terming", "labelling", "labeling"})
#: Words after "calling" that make it another verb ("calling for talks", "calling on X").
_NOT_CALLED = frozenset({"for", "on", "off", "in", "up", "upon"})
#: Instruments whose signing an opening "Under the treaty signed ..." names.
_DEAL_NOUNS = frozenset(
    {"treaty", "deal", "agreement", "accord", "pact", "arrangement", "memorandum", "compact"}
)
_MADE = frozenset({"signed", "inked", "reached", "agreed", "struck", "sealed", "concluded"})
#: Types of a participle that a speaker performs ("..., Hezbollah said, vowing to ...").
_SPEECH_ACTS = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT"})
#: Verbs of ending before a nominal hostile event ("ending decades of clashes").
_END_VERBS = frozenset({"end", "ends", "ended", "ending"})
#: Types of the nominal events that an ending verb says did not take place.
_ENDED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
#: Nouns of a joint operation that frames its clause ("in a joint operation, X and Y ...").
_JOINT_NOUNS = frozenset(
    {"operation", "operations", "raid", "raids", "patrol", "patrols", "offensive", "sweep",
     "crackdown", "mission"}
)  # fmt: skip
#: Adjectives between "joint" and the operation noun.
_JOINT_ADJECTIVES = frozenset(
    {"military", "security", "police", "naval", "border", "counter-terrorism", "anti-drug"}
)


class _Reprisals(_Counterparts):
    def _dropped(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        return super()._dropped(d, t, s0, s1) or self._ended(d, t, s0)

    @staticmethod
    def _ended(d: _Doc, t: _Trigger, s0: int) -> bool:
        """Whether a nominal hostile event is what a verb of ending ends.

        "ending decades of deadly clashes", "to end the fighting": no clash, no fighting. A verb
        in the past ("ended the truce and attacked") is an event of its own.
        """
        if t.phrase.type not in _ENDED_TYPES or d.low[t.head].endswith("ed"):
            return False
        for x in range(t.start - 1, max(s0 - 1, t.start - 5), -1):
            if d.punct[x] or d.low[x] in _PREPOSITIONS or d.low[x] in ("and", "or", "but"):
                return False  # "ended the truce with strikes on Gaza": the strikes took place
            if d.low[x] in _END_VERBS:
                return True
        return False

    def _participle_speaker(
        self, d: _Doc, trig: _Trigger, s0: int, end_at: dict[int, _Mention]
    ) -> list[_Mention] | None:
        """The speaker of ", X said, vowing to ...": a participle after a reporting clause.

        The clause is set off by commas and has a named speaker; a participle of a speech act
        (a threat, accusation, demand or rejection) is the speaker's, not the sentence
        subject's.
        """
        x = trig.start - 2  # the word before the comma
        if trig.phrase.type not in _SPEECH_ACTS or x <= s0 or d.low[x] not in _REPORTING:
            return None  # "X struck Kyiv, Ukraine said, killing five": X's act
        speaker = end_at.get(x)  # "the Taliban government said"
        if speaker is None or speaker.role != "actor":
            return None
        p = speaker.start - 1
        while p > s0 and d.low[p] in ("the", "a", "an"):
            p -= 1
        if p <= s0 or d.text[p] != ",":
            return None
        return [speaker]

    def _coordinated_subject(
        self, d: _Doc, trig: _Trigger, s0: int, coded
    ) -> list[_Mention] | None:
        found = super()._coordinated_subject(d, trig, s0, coded)
        if found is not None or not coded or trig.start - 1 <= s0:
            return found
        # "X boarded a boat, beat its crew and confiscated ...": a verb of a series right after
        # the comma has the subject of the active event before it
        if d.text[trig.start - 1] != "," or trig.start != trig.head:
            return None
        head = d.low[trig.head]
        if head.endswith("ing") or (trig.end < d.n and d.low[trig.end] == "by"):
            return None  # a participle: ", killing ...", ", backed by ..."
        prev, src, _ = coded[-1]
        if prev.phrase.object_control or any(m.start >= prev.start for m in src):
            return None
        if any(d.punct[y] for y in range(prev.end, trig.start - 1)):
            return None  # only the series' comma between the two
        # the series ends with "and <verb>" before the sentence or clause ends
        for y in range(trig.end, d.n - 1):
            if d.text[y] in _STRONG or d.text[y] == ".":
                return None
            if d.low[y] == "and" and d.low[y + 1].endswith("ed"):
                return src
        return None

    @staticmethod
    def _means_by(
        d: _Doc, trig: _Trigger, s0: int, start_at: dict[int, _Mention]
    ) -> list[_Mention] | None:
        """The actor of a subject "flights|planes|convoys chartered|operated|sent by X".

        "Aid flights chartered by the World Food Programme ferried 60 tonnes ... to": X moves
        what the means carry.
        """
        for m in start_at.values():
            if m.role != "actor" or not 0 <= trig.start - m.end <= 1 or m.start - 3 < s0:
                continue
            if any(d.punct[x] for x in range(m.end, trig.start)):
                continue
            x = m.start - 1
            if d.low[x] in ("the", "a", "an"):
                x -= 1
            if x - 2 < s0 or d.low[x] != "by" or d.low[x - 1] not in _MEANS_VERBS:
                continue
            if d.low[x - 2] in _MEANS_NOUNS:
                return [m]
        return None

    @staticmethod
    def _claimed_by(
        d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention]
    ) -> _Mention | None:
        """The agent of a passive attack by an unnamed means that a group later claimed.

        "A convoy was struck by a car bomb ..., in an attack later claimed by the BLA": the BLA.
        """
        for x in range(trig.end, s1 - 2):
            if d.text[x] in _STRONG:
                return None
            if d.low[x] == "claimed" and d.low[x + 1] == "by":
                y = x + 2
                while y < s1 and d.low[y] in ("the", "a", "an"):
                    y += 1
                m = start_at.get(y)
                return m if m is not None and m.role == "actor" else None
        return None

    @staticmethod
    def _place_before(
        d: _Doc, trig: _Trigger, s0: int, mentions: list[_Mention]
    ) -> list[_Mention] | None:
        """The place of what a passive attack struck, when no actor stands before it.

        "A refinery in Russia was struck by Ukrainian drones", "a blaze broke out at a refinery
        inside Russia after it was struck by ...": as "struck a refinery in Russia", the state
        the place is in.
        """
        near = None
        for m in mentions:
            if m.start >= trig.start:
                break
            if m.role == "location":
                near = m
        if near is None or any(d.text[x] in _STRONG for x in range(near.end, trig.start)):
            return None
        return [near]

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
        if found:
            return found
        if trig.phrase.type == "ACCUSE" and _contact_relative(d, trig.start - 1, s0, {trig.start}):
            # "detained two Estonian nationals they accused of sabotage": the persons' state
            for m in start_at.values():
                if m.role == "actor" and trig.start - 3 <= m.end <= trig.start - 1:
                    return tuple(a for a in m.actors if a not in src)
            return ()
        if trig.phrase.type == "THREATEN" and any(w in trig.phrase.pattern for w in _VOWED):
            blamed = self._blamed(d, trig, s1, start_at, src)
            if blamed:
                return blamed
        if not any(w in trig.phrase.pattern for w in _REPRISALS):
            return found
        # "X pounded villages ..., Y said, vowing to avenge the deaths": X's act is avenged
        # (X the sentence's subject: not "The Houthis, backed by Iran, vowed to avenge")
        first = start_at.get(self._subject_start(d, s0))
        if first is None or first.role != "actor" or first.start >= trig.start:
            return ()
        return tuple(a for a in first.actors if a not in src)

    def _blamed(
        self,
        d: _Doc,
        trig: _Trigger,
        s1: int,
        start_at: dict[int, _Mention],
        src: tuple[str, ...],
    ) -> tuple[str, ...]:
        """Whom a reprisal vowed is against when the speaker blames someone after it.

        "X vowed to avenge the killing, blaming Y", "... vowed revenge for the attack, which it
        blamed on Y": the one blamed for what is avenged.
        """
        for x in range(trig.end, s1 - 2):
            if d.text[x] in _STRONG:
                return ()
            low = d.low[x]
            if (d.text[x] == "," and d.low[x + 1] in _BLAMING) or (
                low in _BLAMED and d.low[x + 1] == "on"
            ):
                y = x + 3 if d.low[x + 2] == "the" else x + 2
                m = start_at.get(y)
                if m is None or m.role != "actor":
                    return ()
                group = self._group_right(d, m, start_at, s1)
                return tuple(dict.fromkeys(a for g in group for a in g.actors if a not in src))
        return ()

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
        out = super()._later(d, s0, s1, number, mentions, events, file)
        out += self._joint_frame(d, s0, s1, number, mentions, events + out, file)
        out += self._under_deal(d, s0, s1, number, mentions, events + out, file)
        return out + self._calling(d, s0, s1, number, mentions, events + out, file)

    def _under_deal(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """AGREE of two subjects after "Under the treaty signed|inked in X, ...".

        "Under a deal signed in Doha, Israel and Hamas will exchange prisoners": the subjects
        are the parties of the deal the opening phrase says was made.
        """
        low = d.low
        x = s0
        if s1 - s0 < 8 or low[x] != "under":
            return []
        x += 1
        if low[x] == "the" and low[x + 1] == "terms" and low[x + 2] == "of":
            x += 3  # "Under the terms of the accord signed ..."
        if low[x] not in ("a", "an", "the", "their"):
            return []
        y = x + 1
        while y < s1 and y - x <= 4 and low[y] not in _DEAL_NOUNS:
            if d.punct[y] and d.text[y] != "-":
                return []
            y += 1
        if y + 1 >= s1 or low[y] not in _DEAL_NOUNS or low[y + 1] not in _MADE:
            return []
        comma = next((z for z in range(y + 2, min(s1, y + 10)) if d.punct[z]), -1)
        if comma < 0 or d.text[comma] != ",":
            return []
        if any(m.role == "actor" and y < m.start < comma for m in mentions):
            return []  # "Under a deal signed with Iran, Russia will ...": a party inside
        first = next((m for m in mentions if comma < m.start <= comma + 2), None)
        if first is None or first.role != "actor":
            return []
        group = self._group_right(d, first, {m.start: m for m in mentions}, s1)
        actors = tuple(dict.fromkeys(a for m in group for a in m.actors))
        if len(actors) < 2:
            return []
        if any(e.type == "AGREE" and set(e.source) == set(actors) for e in events):
            return []
        return [
            _sentence_event(
                d, s0, s1, number, file, actors, "AGREE", None, actors, 8.0, "057",
                d.doc[x : y + 2].text,
            )
        ]  # fmt: skip

    def _calling(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """ACCUSE by the subject of ", calling the move|it <harsh word>" after its clause.

        "Tokyo said Chinese helicopters had flown within 90 metres of a destroyer, calling the
        manoeuvre dangerous": the subject's judgement of the act of the clause before (its
        event's agent, or the agent it reports), as ", a move X called provocative" is.
        """
        low = d.low
        if len(mentions) < 2 or _CALLING.isdisjoint(low[s0:s1]):
            return []
        end_at = {m.end: m for m in mentions}
        out: list[Event] = []
        for v in range(s0 + 3, s1 - 2):
            if low[v] not in _CALLING or d.text[v - 1] != "," or low[v + 1] in _NOT_CALLED:
                continue
            words = set()
            for y in range(v + 1, min(s1, v + 8)):
                if d.text[y] in _STRONG or d.text[y] == ",":
                    break
                words.add(low[y])
            if words.isdisjoint(_HARSH):
                continue
            judges = self._first_group(d, mentions, v, s0, end_at) or []
            src = tuple(dict.fromkeys(a for m in judges for a in m.actors))
            agent = self._judged_agent(d, mentions, v - 1, s0, end_at, events)
            tgt = tuple(a for a in agent if a not in src)
            if not src or not tgt:
                continue
            if any(e.type == "ACCUSE" and set(e.source) == set(src) for e in events + out):
                continue
            out.append(
                _sentence_event(
                    d, s0, s1, number, file, src, "ACCUSE", None, tgt, -2.0, "111",
                    d.doc[v : v + 1].text,
                )
            )  # fmt: skip
        return out

    def _joint_frame(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        events: list[Event],
        file: str | None,
    ) -> list[Event]:
        """COOPERATE of the subjects of a clause framed as a joint operation.

        "In a joint raid, Kenyan and Somali troops stormed a camp", "Kenyan and Somali troops
        stormed a camp in a joint operation": the two cooperate with each other, whatever the
        clause's own event.
        """
        low = d.low
        for x in range(s0, s1 - 3):
            if low[x] != "in" or low[x + 1] not in ("a", "an", "the", "their"):
                continue
            y = x + 2
            while y < s1 and y - x <= 4 and low[y] != "joint" and not d.punct[y]:
                y += 1  # "in a rare joint operation"
            if y + 1 >= s1 or low[y] != "joint":
                continue
            y += 1
            if low[y] in _JOINT_ADJECTIVES:
                y += 1
            if y >= s1 or low[y] not in _JOINT_NOUNS:
                continue
            if x == s0:
                # "In a joint operation, X and Y ...": the subject after the comma
                if y + 1 >= s1 or d.text[y + 1] != ",":
                    continue
                first = next((m for m in mentions if y + 2 <= m.start <= y + 3), None)
                if first is None or first.role != "actor":
                    continue
                group = self._group_right(d, first, {m.start: m for m in mentions}, s1)
            else:
                # "X and Y troops raided ... in a joint operation": the sentence's subject
                group = self._first_group(d, mentions, x, s0, {}) or []
                if not group or group[0].start != self._subject_start(d, s0):
                    continue
            actors = tuple(dict.fromkeys(a for m in group for a in m.actors))
            if len(actors) < 2:
                continue
            if any(e.type == "COOPERATE" and set(e.source) == set(actors) for e in events):
                continue
            return [
                _sentence_event(
                    d, s0, s1, number, file, actors, "COOPERATE", "military", actors, 6.0,
                    "062", d.doc[x : y + 1].text,
                )
            ]  # fmt: skip
        return []

    @staticmethod
    def _subject_start(d: _Doc, s0: int) -> int:
        """Where the sentence's first noun phrase starts (after "The", "A")."""
        x = s0
        while x < d.n and d.low[x] in ("the", "a", "an"):
            x += 1
        return x

"""Forms of news English that the ninth pass codes, as one rule mixin of the coder.

- "two kidnapped soldiers": a participle after a number or determiner is an adjective, no
  event (nor the end of the target search of the event before it); "Meeting in Cairo, X ..."
  meets no one in Cairo; a judging apposition's verb is no event of its own;
- targets no other rule found ("accused each other", "met Y and offered", "a note to Y
  rejecting") and fights "with" Y both ways;
- the sentence-level rules of :mod:`~.appraisal` and :mod:`~.adverbials`.
"""

from __future__ import annotations

from realpolitik.ingest.coder.adverbials import _Adverbials
from realpolitik.ingest.coder.appraisal import _Appraisal
from realpolitik.ingest.coder.derived import _close_to
from realpolitik.ingest.coder.event import Event, _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.judging import _judges
from realpolitik.ingest.coder.objects import _Objects
from realpolitik.ingest.coder.wordclass import _WordClass
from realpolitik.ingest.coder.words import _PREPOSITIONS, _STRONG

#: Types of a verb coordinated with an event that take its target ("met Y and offered").
_COORDINATED_TYPES = frozenset({"AGREE", "AID", "SUPPORT"})
#: Words of meeting or calling before the counterpart a coordinated verb takes over.
_MEETING_WORDS = frozenset(
    {"met", "meets", "meeting", "hosted", "hosts", "received", "receives", "visited", "visits",
     "spoke", "speaks", "talked", "talks", "called", "phoned", "telephoned", "hosting"}
)  # fmt: skip
#: Verbal acts whose addressee may stand right before them ("a note to Y rejecting ...").
_VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE"})
#: Words after which a participle modifies a noun ("the|two|its seized ...").
_ADJECTIVE_SLOT = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
     "several", "some", "many", "hundreds", "thousands", "the", "a", "an", "its", "their"}
)  # fmt: skip


class _Frames(_WordClass, _Objects, _Appraisal, _Adverbials):
    def _dropped(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        """Whether a phrase found is no event: an adjective, or the verb of a judging phrase.

        ", an act Japan called a violation": "called" is no phone call (the judgement is coded
        by :meth:`_appraised`); "drills close to the border with Belarus": near, not a verb of
        closing; "ordered it to leave": a departure asked for, not one made (nor an event "it"
        is the subject of).
        """
        return (
            _close_to(d, t.head, s1)
            or (t.phrase.forces and t.start > s0 and d.low[t.start - 1] == "to")
            or self._adjectival(d, t, s0)
            or _judges(d, t.start, s0, s1)
            or self._meeting_place(d, t, s0, s1)
            or self._other_word_class(d, t, s0, s1)
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
        if x >= s1 or d.text[x] != ",":
            return False
        # "Meeting in Doha, U.S. and Russian officials ...": two sides do meet each other
        subject = d.low[x + 1 : min(s1, x + 6)]
        return "and" not in subject or not any(d.ent[x + 1 : min(s1, x + 6)])

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
          a meeting or call keeps its counterpart;
        - "sent a note to Y rejecting ...": a verbal act right after its addressee;
        - "vowed a response after Y struck ...": a threat against who struck.
        """
        phrase = trig.phrase
        low = d.low
        if len(src) >= 2:
            for x in range(trig.end, min(s1 - 1, trig.end + 4)):
                if low[x] in ("each", "one") and low[x + 1] in ("other", "another", "other's"):
                    return src
                if low[x] in _STRONG or low[x] == ",":
                    break
            if self._joint_pledge(d, trig):
                return src  # "the two leaders pledged to ...", not "offered to mediate"
        if phrase.type == "THREATEN" and trig.end + 1 < s1 and low[trig.end] in ("after", "for"):
            # "vowed a crushing response after Israeli jets struck ...": against the striker
            x = trig.end + 1
            m = next((start_at[y] for y in range(x, min(s1, x + 4)) if y in start_at), None)
            if m is not None and m.role == "actor":
                return tuple(a for a in m.actors if a not in src)
        if coordinated and phrase.type in _COORDINATED_TYPES:
            # ... only after a meeting or call ("struck Y and vowed to continue": no pledge to Y)
            at = coordinated[0].start
            if any(low[y] in _MEETING_WORDS for y in range(max(s0, at - 6), at)):
                return tuple(a for m in coordinated for a in m.actors if a not in src)
        claimed = self._claimed_victim(d, trig, s1, start_at, src)
        claimed = claimed or self._border_faced(d, trig, s0, s1, start_at, src)
        if claimed:
            return claimed  # "claimed ... a bombing that killed ... in X"; "to the border"
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
        out += self._adverbial(d, s0, s1, number, mentions, events + out, file)
        return out + self._appraised(d, s0, s1, number, mentions, events + out, file)

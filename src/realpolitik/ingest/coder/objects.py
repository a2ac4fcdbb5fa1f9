"""Targets found that are no party to the event (the tenth pass).

- "ordered the army to suspend strikes on ELN camps": the addressee of an order is its own
  army, not who follows (:meth:`~.clauses._Clauses._unnamed_addressee`);
- "flew 64 Korean nationals back to Seoul" is a deportation toward the state whose nationals
  are sent back, named before them; "flew 200 nationals back to Delhi from Sudan" names none
  (its own citizens, evacuated), and the place they come from is no target;
- "claimed responsibility for a bombing that|which killed 12 soldiers in North Waziristan":
  the claimed attack's victims are named in its relative clause;
- "Minsk warned Poland ..., as Warsaw moved 40,000 soldiers to the border": troops moved to
  "the border" without "with X" face the one other state the sentence names.
"""

from __future__ import annotations

from realpolitik.ingest.coder.clauses import _Clauses
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger

#: Nouns of a frontier that "the" makes the border with the counterpart of the sentence.
_FRONTIERS = frozenset({"border", "frontier", "borders", "frontiers"})


class _Objects(_Clauses):
    def _no_party(self, d: _Doc, trig: _Trigger, target: _Mention) -> bool:
        """Whether the target found for ``trig`` is no party to its event."""
        phrase = trig.phrase
        if phrase.type == "REQUEST":
            return self._unnamed_addressee(d, trig, target)
        if phrase.mode == "deport" and d.low[trig.end - 2] in ("back", "home"):
            return target.start >= trig.end  # the persons sent back are named in the phrase
        return False

    def _claimed_victim(
        self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention], src: tuple[str, ...]
    ) -> tuple[str, ...]:
        """Whom a claimed attack hit, named in the relative clause after it ("that killed ...")."""
        if trig.phrase.type != "ASSAULT" or d.low[trig.head + 1] not in (
            "responsibility",
            "credit",
        ):
            return ()
        x = trig.end
        if x < s1 and d.text[x] == ",":
            x += 1
        if x + 1 >= s1 or d.low[x] not in ("that", "which"):
            return ()
        found = self._right(d, x + 2, s1, s1, start_at, set(src), True)
        return tuple(dict.fromkeys(a for m in found or [] for a in m.actors if a not in src))

    def _border_faced(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        start_at: dict[int, _Mention],
        src: tuple[str, ...],
    ) -> tuple[str, ...]:
        """Whom troops moved "to the border" face: the one other state the sentence names."""
        if trig.phrase.type != "MOBILIZE":
            return ()
        x = trig.end
        while x < s1 and d.low[x] in ("to", "toward", "towards", "along", "near", "on", "the"):
            x += 1
        if x == trig.end or x >= s1 or d.low[x] not in _FRONTIERS or d.low[x - 1] != "the":
            return ()
        if x + 1 < s1 and d.low[x + 1] in ("with", "of"):
            return ()  # "the border with X" names it (or no one the target search found)
        others = {
            a
            for m in start_at.values()
            if s0 <= m.start < s1 and m.role == "actor"
            for a in m.actors
            if a not in src and self._kinds.get(a) == "state"
        }
        return tuple(others) if len(others) == 1 else ()

"""Events that a coded event implies besides itself, or that it is instead.

"X and Y began joint exercises near the Polish border" is cooperation between X and Y and also
a show of force toward Poland (MOBILIZE, CAMEO 152); "X said Y ..., an accusation Z rejected"
makes what X said an accusation of Z (ACCUSE, CAMEO 112); "X and Y agreed at a summit to ..."
is a meeting of X and Y too (CONSULT); "X gave Y until January to ..." is an ultimatum
(THREATEN) as well as a demand. One state's drills near another
("China began drills around Taiwan") are that show of force alone.
"""

from __future__ import annotations

from realpolitik.ingest.coder.attribution import _Attribution
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.words import (
    _CHARGES,
    _DRILL_NOUNS,
    _NEAR_ADJECTIVES,
    _NEAR_PREPOSITIONS,
    _SCHEMES,
    _STRONG,
    _SUMMIT_FRAMES,
    _SUMMIT_NOUNS,
)

#: verbs that report drills ending ("wrapped up", "completed", "concluded")
_DRILLS_ENDED = ("wrap", "complet", "conclud")

#: (type, mode, source, target, intensity, cameo) of an implied event.
Implied = tuple[str, str | None, tuple[str, ...], tuple[str, ...], float, str]


class _Derived(_Attribution):
    def _implied(
        self,
        d: _Doc,
        trig: _Trigger,
        s1: int,
        start_at: dict[int, _Mention],
        src: tuple[str, ...],
        tgt: tuple[str, ...],
    ) -> list[Implied]:
        """The events implied by the event ``src -> tgt`` coded on ``trig``."""
        out: list[Implied] = []
        shown = self._drills_near(d, trig, s1, start_at, src) if tgt == src else ()
        if shown:
            out.append(("MOBILIZE", "troops", src, shown, -7.2, "152"))
        if trig.phrase.agent_inside and d.low[trig.head] in _CHARGES:
            out.append(("ACCUSE", None, tgt, src, -2.0, "112"))
        if trig.phrase.type == "AGREE" and trig.phrase.mutual and self._at_summit(d, trig, s1):
            out.append(("CONSULT", None, src, tgt, 2.0, "040"))
        if trig.phrase.type == "REQUEST" and any(
            d.low[x] in ("until", "till") for x in range(trig.head + 1, trig.end)
        ):
            # "gave X until January to ...": a deadline demanded is an ultimatum
            out.append(("THREATEN", "ultimatum", src, tgt, -7.0, "139"))
        if (
            trig.phrase.type == "THREATEN"
            and trig.phrase.mode == "ultimatum"
            and "deadline" in d.low[trig.start : trig.end]
        ):
            # "set a deadline for Caracas to ...": a deadline set is a demand as well
            out.append(("REQUEST", "demand", src, tgt, -5.0, "100"))
        return out

    def _at_summit(self, d: _Doc, trig: _Trigger, s1: int) -> bool:
        """Whether an agreement is made "at|during a summit|talks" (its parties met there).

        "X and Y agreed at a summit in Tokyo to ...", "signed a treaty during a summit in
        Tashkent": the meeting is coded too, as "during a meeting" codes it ("meet+"). A summit
        "with|between" others is a phrase of its own; a frame after a comma is another clause.
        """
        x = trig.head + 1
        while x < s1 and d.text[x] not in _STRONG and d.text[x] != ",":
            if d.low[x] in _SUMMIT_FRAMES:
                for y in range(x + 1, min(s1, x + 6)):
                    if d.punct[y] and d.text[y] != "-":
                        break
                    if d.low[y] in _SUMMIT_NOUNS:
                        return y + 1 >= s1 or d.low[y + 1] not in ("with", "between")
            x += 1
        return False

    def _solo_drills(
        self,
        d: _Doc,
        trig: _Trigger,
        s1: int,
        start_at: dict[int, _Mention],
        source: list[_Mention] | None,
    ) -> Implied | None:
        """One state's drills near another: "China began drills around Taiwan" (MOBILIZE).

        A drills phrase coded only for partners (``plural``) with a single source is a show of
        force toward whom the drills are held near (joint drills imply it, see ``_implied``).
        """
        src = tuple(dict.fromkeys(a for m in source or [] for a in m.actors))
        if len(src) != 1:
            return None
        shown = self._drills_near(d, trig, s1, start_at, src)
        return ("MOBILIZE", "troops", src, shown, -7.2, "152") if shown else None

    def _scheme_of(self, d: _Doc, trig: _Trigger, target: list[_Mention] | None, s1: int) -> str:
        """Whether a withdrawal leaves a scheme, not a place: "party", "unnamed" or "".

        "withdrew from China's Belt and Road Initiative" (party: China's), "pulled out of the
        deal with Iran" (party), "withdrew from the Paris climate agreement" (unnamed: the
        place in its name is no party).
        """
        if not target:
            return ""
        first, last = target[0], target[-1]
        inside = range(trig.end, min(s1, first.start))
        if any(d.low[x] in _SCHEMES for x in inside) and d.low[first.start - 1] == "with":
            return "party"
        after = range(last.end + (1 if first.possessive else 0), min(s1, last.end + 5))
        for y in after:
            if d.punct[y]:
                return ""
            if d.low[y] in _SCHEMES:
                return "party" if first.possessive else "unnamed"
        return ""

    def _drills_near(
        self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention], src: tuple[str, ...]
    ) -> tuple[str, ...]:
        """Whom joint drills are held near ("near|along|off|close to the border with X")."""
        if trig.phrase.type != "COOPERATE" or d.low[trig.end - 1] not in _DRILL_NOUNS:
            return ()
        if d.low[trig.start].startswith(_DRILLS_ENDED):
            return ()  # "wrapped up a week of joint exercises near X": their end, no show of force
        pos = trig.end
        if _close_to(d, pos, s1):
            pos += 1
        elif pos >= s1 or d.low[pos] not in _NEAR_PREPOSITIONS:
            return ()
        found = self._right(d, pos + 1, s1, s1, start_at, set(src), True)
        return tuple(dict.fromkeys(a for m in found or [] for a in m.actors if a not in src))


def _close_to(d: _Doc, i: int, s1: int) -> bool:
    """Whether the words at ``i`` are "close|closer to" (near, not a verb of closing)."""
    return i + 1 < s1 and d.low[i] in _NEAR_ADJECTIVES and d.low[i + 1] == "to"

"""Steps of coding one sentence that the engine's loop calls: a subject found, filters on a trigger.

Split from :mod:`realpolitik.ingest.coder.engine` (which keeps the loop) so that each module
stays short; :class:`_Steps` joins the coder's mixins in the order the engine always had.
"""

from __future__ import annotations

from realpolitik.ingest.coder.agents import _AgentAfter
from realpolitik.ingest.coder.coverage import _Coverage
from realpolitik.ingest.coder.derived import _Derived
from realpolitik.ingest.coder.document import _Documents
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.frames import _Frames
from realpolitik.ingest.coder.reprisals import _Reprisals
from realpolitik.ingest.coder.words import _MEANS_PLURALS, _NOT_WEAPONS
from realpolitik.ingest.dictionary import Phrase, match_at

#: Stems of verbs of pounding that other blows than arms' take ("battered China with tariffs").
_BLOW_STEMS = ("pound", "pummel", "batter")

#: Verbs after "it would" that name no act of the speaker's ("it would be a mistake if").
_NO_ACT = frozenset({"be", "have", "take", "mean", "cost", "become", "depend", "need"})

_Coded = list[tuple[_Trigger, list[_Mention], list[_Mention]]]


class _Steps(_Reprisals, _Coverage, _Frames, _Derived, _AgentAfter, _Documents):
    """The engine's steps on one trigger (see the module)."""

    def _active_use(self, d: _Doc, trig: _Trigger, s1: int) -> Phrase | None:
        """An active phrase of the same type and span as a passive-only phrase's trigger."""
        phrases = self.dictionary.phrases
        for i in self._by_first.get(d.low[trig.start], ()):
            p = phrases[i]
            if (
                p is not trig.phrase
                and not p.passive
                and not p.agent_after
                and p.type == trig.phrase.type
                and match_at(p.tokens, d.low, trig.start, s1) == trig.end
            ):
                return p
        return None

    def _threat_if(self, d: _Doc, trig: _Trigger) -> bool:
        """Whether a threat's target may be named in its "if" clause.

        "would impose countermeasures if Manila ...", "threatened to intervene if ECOWAS ...";
        not "threatened Europe with nuclear weapons if it ...", whose object is named.
        """
        if trig.phrase.type != "THREATEN":
            return False
        if d.low[trig.start] in ("would", "will") or "to" in d.low[trig.start : trig.end + 1]:
            return True
        # "warned (that) it would retaliate if Israel attacked": the speaker's own act reported
        x = trig.end + 1 if trig.end < d.n and d.low[trig.end] == "that" else trig.end
        return (
            x + 2 < d.n
            and d.low[x] in ("it", "they", "we", "he", "she")
            and d.low[x + 1] in ("would", "will")
            and d.low[x + 2] not in _NO_ACT  # "it would be difficult if ...": no act of its own
        )

    def _means_of_event(self, d: _Doc, trig: _Trigger, s0: int) -> bool:
        """Whether the trigger names the means of an event coded before it.

        "killed a commander in a (drone) strike on ...", "with an airstrike"; also a plural
        without article: "detained dozens of workers in raids on markets".
        """
        return any(
            trig.start - k - 1 >= s0
            and d.low[trig.start - k - 1] in ("in", "with")
            and d.low[trig.start - k] in ("a", "an", "the")
            for k in (1, 2)
        ) or (
            trig.start - 1 >= s0
            and d.low[trig.start - 1] == "in"
            and trig.start == trig.head
            and d.low[trig.head] in _MEANS_PLURALS
        )

    def _other_blows(self, d: _Doc, trig: _Trigger, s1: int) -> bool:
        """'pummelled|pounded Beijing with tariffs': a verb of pounding with blows not of arms."""
        return (
            d.low[trig.head].startswith(_BLOW_STEMS)
            and any(
                w in _NOT_WEAPONS and w != "strikes"  # "pounded Gaza with strikes": arms
                for w in d.low[trig.end : min(s1, trig.end + 6)]
            )
        )

    def _active_source(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        mentions: list[_Mention],
        end_at: dict[int, _Mention],
        start_at: dict[int, _Mention],
        coded: _Coded,
    ) -> tuple[list[_Mention] | None, list[_Mention] | None]:
        """The subject of an active trigger, and the target of a coordinated event if it is one.

        Tried in order: the speaker of a participle after an interposed reporting clause, a
        visit's frame, a hyphenated modifier ("U.S.-backed"), an appositive's head, the
        subject of a coordinated verb (whose event's target is returned too), a participle's
        subject, the nearest actor to the left, the means' owner ("flights chartered by X"),
        an actor after a comma, and for a protest the protesters' place.
        """
        phrase = trig.phrase
        source: list[_Mention] | None = None
        coordinated: list[_Mention] | None = None
        if (
            d.low[trig.head].endswith("ing")
            and trig.start - 1 > s0
            and d.text[trig.start - 1] == ","
        ):
            # ", the Taliban government said, vowing to ...": the speaker's
            source = self._participle_speaker(d, trig, s0, end_at)
            source = source or self._first_group(d, mentions, trig.start, s0, end_at)
        if source is None and self._visit_frame(d, trig, s0):
            source = self._first_group(d, mentions, trig.start, s0, end_at)
        if source is None and "-" in phrase.tokens[0][1] and trig.start in end_at:
            source = [end_at[trig.start]]  # "U.S.-backed": the modifier backs
        comma = self._verb_comma(d, trig.start - 1, s0) if trig.start - 1 > s0 else -1
        if source is None and comma > s0:
            # "X, which ..., on Sunday seized", "Dhaka, which ..., formally asked"
            source = self._appositive_subject(d, comma, s0, end_at, start_at)
        if source is None:
            source = self._coordinated_subject(d, trig, s0, coded)
            if source is not None:
                coordinated = coded[-1][2]
        if source is None:
            source = self._participial_subject(d, mentions, trig, s0, end_at)
        if source is None:
            source = self._left(d, trig.start, s0, end_at, coded)
        if source is None:
            source = self._means_by(d, trig, s0, start_at)  # "flights chartered by X"
        if source is None:
            source = self._after_comma(d, trig, s1, start_at)
        if source is None and phrase.type == "PROTEST":
            # "Protesters in Baghdad stormed ...": the protesters' place
            source = next(([m] for m in mentions if m.role == "location"), None)
        return source, coordinated

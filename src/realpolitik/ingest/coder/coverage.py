"""Forms of news English that the eleventh pass codes (found by the coverage matrix).

tests/ingest/test_coverage_matrix.py fills the constructions a wire reporter uses for each
event type with actors; the rules here code the cells the coder missed:

- "Hamas's offer was rejected by Israel", "France's plan was backed by Germany": a noun of
  wish or plan as the subject of a passive is what is rejected or backed, not the modality
  that makes the event unreal (as in "a plan to attack");
- "were killed in an Israeli strike on Lebanon": the modifier of a nominal attack after "in
  a|an|the" is its source, though a preposition stands before it;
- "rejected the proposal made by France", "vetoed a resolution drafted by Washington", "agreed
  to a ceasefire proposed by Egypt": the author of what is rejected or accepted is the target;
- "A spokesman for Hamas rejected ...": the actor a spokesman speaks for is the subject;
- "backed Japan in its dispute with Beijing": support of Japan, not military aid "with" Beijing;
- "vowed to hit back at Washington", "lashed out at Tokyo": after these verbs "at" names an
  addressee, not a place.
"""

from __future__ import annotations

from dataclasses import replace

from realpolitik.ingest.coder.document import _Documents
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.frames import _Frames
from realpolitik.ingest.coder.words import _BE, _SKIP_BEFORE_VERB, _STRONG
from realpolitik.ingest.dictionary import Phrase

#: Nouns of plan or request that a passive verb may act on ("the offer was rejected").
_PLAN_NOUNS = frozenset(
    {"proposal", "proposals", "offer", "offers", "plan", "plans", "decision", "request",
     "requests", "demand", "demands", "call", "calls", "appeal", "appeals", "bid"}
)  # fmt: skip
#: Types whose passive takes a plan as its subject.
_PLAN_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT"})


#: Nouns of an attack whose modifier is its agent ("an Israeli strike on ...").
_ATTACK_NOUNS = frozenset(
    {"strike", "strikes", "attack", "attacks", "airstrike", "airstrikes", "raid", "raids",
     "bombing", "shelling", "bombardment", "barrage", "offensive", "assault", "incursion"}
)  # fmt: skip


#: Nouns after which "with" names the other side of a quarrel, not a means of help.
_QUARREL_NOUNS = frozenset(
    {"dispute", "disputes", "row", "standoff", "conflict", "war", "feud", "quarrel", "talks",
     "negotiations", "confrontation", "spat", "tensions", "fight", "struggle"}
)  # fmt: skip
#: Persons who speak or act for the actor after "for|of" ("a spokesman for Hamas").
_SPEAKERS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "representatives",
     "envoy", "delegation", "delegations"}
)  # fmt: skip
#: Participles naming the author of a text or proposal ("a resolution drafted by X").
_AUTHORED_BY = frozenset(
    {"made", "drafted", "proposed", "forward", "submitted", "tabled", "sponsored", "floated",
     "presented", "offered", "brokered", "authored", "written"}
)  # fmt: skip
#: Participles of an agreement made whose agent signed it ("welcomed the deal signed by X").
_SIGNED_BY = frozenset({"signed", "inked", "sealed", "concluded", "reached", "struck"})
#: Auxiliaries of the perfect between a relative's subject and its verb ("that X has rejected").
_AUX_HAVE = frozenset({"has", "have", "had"})
#: Types whose target may be the author of their object.
_AUTHOR_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT"})
#: Words after which "at" names whom an act is aimed at, not where it happens.
_AIMED_AT = frozenset(
    {"back", "out", "aim", "swipe", "jab", "jabs", "swipes", "balk", "balks", "balked", "balking",
     "scoff", "scoffs", "scoffed", "scoffing"}
)  # fmt: skip


class _Coverage(_Frames, _Documents):
    def _triggers(self, d: _Doc, sents: list[tuple[int, int]]) -> list[list[_Trigger]]:
        out = super()._triggers(d, sents)
        for ts in out:
            for k, t in enumerate(ts):
                if (
                    t.phrase.type == "AID"
                    and t.phrase.pattern.startswith("back+")
                    and d.low[t.end - 2] in _QUARREL_NOUNS
                ):
                    backed = self._backed_phrase()
                    if backed is not None:  # "backed Japan in its dispute with Beijing"
                        ts[k] = _Trigger(t.start, t.start + 1, t.start, backed)
        return out

    def _backed_phrase(self) -> Phrase | None:
        """The dictionary's one-word SUPPORT phrase "backed|backs|backing", if it has one."""
        for phrase in self.dictionary.phrases:
            if phrase.type == "SUPPORT" and phrase.pattern == "backed|backs|backing":
                return phrase
        return None

    def _roles(self, d: _Doc, m: _Mention) -> None:
        super()._roles(d, m)
        p = m.start - 1
        while p >= 0 and d.low[p] in ("the", "a", "an"):
            p -= 1
        if m.role == "location" and p >= 1 and d.low[p] == "at" and d.low[p - 1] in _AIMED_AT:
            m.role = "actor"  # "hit back at Washington": the one hit back at
        if (
            m.after_preposition
            and p >= 1
            and d.low[p] in ("for", "of")
            and d.low[p - 1] in _SPEAKERS
            and (p == 1 or d.low[p - 2] in ("a", "an", "the"))
        ):
            m.after_preposition = False  # "A spokesman for Hamas rejected ...": Hamas's

    def _left(
        self,
        d: _Doc,
        start: int,
        s0: int,
        end_at: dict[int, _Mention],
        coded: list,
        allow_prep: bool = False,
    ) -> list[_Mention] | None:
        found = super()._left(d, start, s0, end_at, coded, allow_prep)
        if found is not None or allow_prep or start >= len(d.low):
            return found
        m = end_at.get(start)
        if (
            m is not None
            and m.role in ("actor", "location")  # after "in", read as a place at first
            and m.after_preposition
            and d.low[start] in _ATTACK_NOUNS
            and m.start - 2 >= s0
            and d.low[m.start - 1] in ("a", "an", "the")
            and d.low[m.start - 2] == "in"
        ):
            return [replace(m, role="actor")]  # "killed in an Israeli strike on Lebanon"
        return None

    def _cancelled(self, d: _Doc, trig: _Trigger, s0: int, s1: int) -> bool:
        cancelled = super()._cancelled(d, trig, s0, s1)
        if not cancelled:
            return False
        rel = self._plan_relative(d, trig, s0)
        if rel >= 0:
            # "a proposal by Egypt that Israel rejected": the plan noun is the relative's object;
            # a negation, a hypothetical or a wish inside the relative still cancels it
            return any(
                d.low[x] in self._negations
                or d.low[x] in self._hypothetical
                or d.low[x] in self._desire
                for x in range(rel + 1, trig.start)
            )
        if not self._plan_subject(d, trig, s0):
            return cancelled
        # cancelled only by the plan noun: still by a negation or a hypothetical before it
        for x in range(s0, trig.start):
            if d.text[x] in _STRONG:
                continue
            if d.low[x] in self._hypothetical or (
                x >= trig.start - 3 and d.low[x] in self._negations
            ):
                return True
        return False

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
        if found or trig.phrase.type not in _AUTHOR_TYPES:
            return found
        # "rejected the proposal made by France": the author of the object
        for x in range(trig.end, min(s1 - 1, trig.end + 6)):
            if d.text[x] in _STRONG or d.text[x] == ",":
                break
            if (
                (d.low[x] in _AUTHORED_BY or d.low[x] in _SIGNED_BY)
                and d.low[x + 1] == "by"
                and x + 2 in start_at
            ):
                m = start_at[x + 2]
                if m.role == "actor":  # "the deal signed by X and Y": both
                    group = self._group_right(d, m, start_at, s1)
                    return tuple(dict.fromkeys(a for g in group for a in g.actors if a not in src))
                break
        return self._relative_author(d, trig, s0, s1, src, start_at)

    def _relative_author(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        src: tuple[str, ...],
        start_at: dict[int, _Mention],
    ) -> tuple[str, ...]:
        """The author of a plan before a relative clause whose verb is the event.

        "Talks stalled over a proposal by Egypt that Israel rejected", "Moscow's peace plan,
        which Kyiv flatly rejected": what the subject of the relative acts on stands before
        "that|which", and its author is the target.
        """
        if trig.phrase.agent_inside:
            rel = trig.start  # "..., which Kyiv rejected" as one phrase
        else:
            x = trig.start - 1
            while x > s0 and (
                d.low[x] in _SKIP_BEFORE_VERB or d.low[x].endswith("ly") or d.low[x] in _AUX_HAVE
            ):
                x -= 1
            subject = next((m for m in start_at.values() if m.end == x + 1 and m.start <= x), None)
            if subject is None or subject.role != "actor":
                return ()
            rel = subject.start - 1
        if rel - 2 < s0 or d.low[rel] not in ("that", "which"):
            return ()
        end = rel - 1 if d.text[rel - 1] == "," else rel  # ", which ..."
        # "a proposal by|from Egypt that ...": the author after the plan noun
        author = next((m for m in start_at.values() if m.end == end and m.role == "actor"), None)
        if author is not None:
            first = author.start - 1
            if (
                first - 1 >= s0
                and d.low[first] in ("by", "from")
                and any(d.low[y] in _PLAN_NOUNS for y in range(max(s0, first - 3), first))
            ):
                return tuple(a for a in author.actors if a not in src)
            return ()
        # "Egypt's (ceasefire) proposal that ...", "a U.S. plan that ...": the plan's modifier
        if d.low[end - 1] not in _PLAN_NOUNS:
            return ()
        for m in start_at.values():
            between = d.low[m.end : end - 1]
            if (
                m.role == "actor"
                and (
                    m.possessive
                    or (between and between[0] in ("'s", "’s"))
                    or (m.start > s0 and d.low[m.start - 1] in ("a", "an", "the"))
                )
                and m.end < end
                and len(between) <= 3
                and all(w in ("'s", "’s") or w.isalpha() for w in between)
            ):
                return tuple(a for a in m.actors if a not in src)
        return ()

    def _irrealis_ends(self, d: _Doc, at: int, trig: _Trigger) -> bool:
        """... and a request noun's passive verb is the event: "Y's request was turned down"."""
        if super()._irrealis_ends(d, at, trig):
            return True
        return at < trig.start and self._plan_subject(d, trig, max(0, at - 2))

    def _plan_relative(self, d: _Doc, trig: _Trigger, s0: int) -> int:
        """The "that|which" of a relative clause whose object is a plan noun before it, or -1.

        "a proposal by Egypt that Israel rejected", "Moscow's plan, which Kyiv rejected": a
        named subject between the relative word and the verb; not "a plan to strike X that ...".
        """
        if trig.phrase.type not in _PLAN_TYPES:
            return -1
        rel = -1
        for x in range(trig.start - 1, max(s0, trig.start - 7) - 1, -1):
            if d.low[x] in ("that", "which"):
                rel = x
                break
            if d.text[x] in _STRONG or d.punct[x]:
                return -1
        if rel <= s0 or not any(d.ent[x] for x in range(rel + 1, trig.start)):
            return -1
        end = rel - 1 if d.text[rel - 1] == "," else rel
        for x in range(end - 1, max(s0 - 1, end - 6), -1):
            if d.low[x] in _PLAN_NOUNS:
                return rel if "to" not in d.low[x:end] else -1
            if d.punct[x] and d.text[x] not in ("'s", "’s"):
                return -1
        return -1

    def _plan_subject(self, d: _Doc, trig: _Trigger, s0: int) -> bool:
        """Whether a passive's subject is a noun of plan: "Y's offer (of talks) was rejected"."""
        if trig.phrase.type not in _PLAN_TYPES or not d.low[trig.head].endswith("ed"):
            return False
        p = trig.start - 1
        while p > s0 and (d.low[p] in _SKIP_BEFORE_VERB or d.low[p].endswith("ly")):
            p -= 1
        if p <= s0 or d.low[p] not in _BE:
            return False
        p -= 1
        if d.low[p] in ("has", "have", "had"):  # "has been rejected"
            p -= 1
        # the noun right before the auxiliary, or before a short "of|for ..." after it
        for x in range(p, max(s0 - 1, p - 5), -1):
            if d.low[x] in _PLAN_NOUNS:
                # not "a plan to attack Israel was backed": what is planned names no target
                return "to" not in d.low[x:p] and all(
                    d.low[y] not in self._desire for y in range(s0, x)
                )
            if d.text[x] == "," or d.text[x] in _STRONG:
                return False
        return False

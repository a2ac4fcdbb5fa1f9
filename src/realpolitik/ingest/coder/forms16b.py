"""Forms of news English that the sixteenth pass (b) codes.

From the misses of an independent block (fresh15):

- "Moldova's decision to expel a Russian staffer drew ...": a decision that is the subject of
  its sentence reports the act decided, not a wish ("welcomed Sweden's decision to send ..."
  stays the object of the welcome);
- "Lithuania's expulsion of a Belarusian diplomat drew threats of reprisals from Minsk": a
  reaction drawn by a noun phrase subject is aimed at its possessor, and the finite verb ends
  what an accusation inside the subject ("a staffer accused of ...") introduced;
- "was matched by New Delhi ordering six envoys to leave": a gerund's subject after "by";
- "Meeting in Kyiv, the prime ministers of Ukraine and Poland agreed ...": the actors after
  "the <office> of" are the subject after an opening phrase;
- "imports from Canada and Mexico, and Ottawa hit back": ", and" after a pair that has its
  "and" opens a clause (a list "A, B, and C" stays one);
- "relief flights from Australia and New Zealand ... landed in Port Vila": where they landed;
- "the agreements Avarua struck with China": a deal struck with someone, not an attack, and
  "the Indus Waters Treaty with Pakistan" names a standing treaty, not a new agreement;
- ", a step that Islamabad warned it would regard as an act of war": a warning against the
  agent of the act the noun sums up;
- "Afghan refugees, including families registered with the UN, have been deported by ...":
  the passive's subject is before an ", including ...," parenthetical;
- "ambushed a patrol near the Venezuelan border": a place by a border is where an attack
  happened, not whom it struck;
- "welcomed Albanian Prime Minister Edi Rama to Rome": welcoming a person is hosting him, not
  support (support is for what someone did: "welcomed Rama's decision");
- "held for more than seven months": "more|less|fewer than" is a quantity, not a clause;
- "Two Patriot systems were handed over to Ukraine by Germany": a passive transfer "to X by Y"
  gives to X, and weapons handed over are military aid;
- "A French embassy employee was among those detained by Malian authorities": "be among those
  <participle> by X" is a passive of the subject;
- "Ten Americans ... were flown home after being released by Caracas": a passive after
  "after|before|upon being" has the main clause's subject.
"""

from __future__ import annotations

from dataclasses import replace

from realpolitik.ingest.coder.agents import _AgentAfter
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.reprisals import _Reprisals
from realpolitik.ingest.coder.words import _BE, _STRONG

#: Places by a border ("near the Venezuelan border"): where, not whom, an attack struck.
_BORDER_NOUNS = frozenset({"border", "frontier", "borders", "frontiers", "boundary"})
_NEAR_WORDS = frozenset({"near", "along", "by", "at", "to", "across"})
#: Quantifiers before "than" ("more than seven months"): no comparison clause.
_MORE = frozenset({"more", "less", "fewer"})
#: Types of a transfer whose passive names its recipient after "to" ("handed over to X by Y").
_TRANSFER_TYPES = frozenset({"AID", "CONCEDE", "COOPERATE"})
#: Weapons whose handing over is military aid ("Patriot systems were handed over to Ukraine").
_WEAPON_NOUNS = frozenset(
    {"systems", "system", "weapons", "arms", "tanks", "jets", "missiles", "howitzers",
     "launchers", "batteries", "drones", "helicopters", "aircraft", "fighters", "munitions",
     "ammunition", "shells", "vehicles", "artillery", "interceptors", "warships", "frigates"}
)  # fmt: skip
#: Words that open a passive gerund of the main clause's subject ("after being released").
_GERUND_OPENERS = frozenset({"after", "before", "upon", "on", "since", "without"})
#: Persons named by their office before "of X" ("the prime ministers of Ukraine and Poland").
_LEADERS = frozenset(
    {"ministers", "leaders", "presidents", "heads", "chiefs", "premiers", "delegations",
     "envoys", "representatives", "negotiators", "commanders"}
)  # fmt: skip
#: Verbs of arrival before "in|at <place>" ("relief flights from X landed in Port Vila").
_LANDED = frozenset({"landed", "arrived", "reached", "docked"})
#: Nouns that sum up the main clause's act (", a step that Islamabad warned ...").
_STEPS = frozenset({"step", "move", "decision", "measure", "action", "act"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'"})
#: Finite verbs of a reaction drawn ("drew a vow of retaliation from X").
_DREW = frozenset(
    {"drew", "draws", "prompted", "prompts", "triggered", "triggers", "sparked", "sparks",
     "provoked", "provokes"}
)  # fmt: skip


class _Forms16b(_Reprisals, _AgentAfter):
    def _cancelled(self, d: _Doc, trig: _Trigger, s0: int, s1: int) -> bool:
        cancelled = super()._cancelled(d, trig, s0, s1)
        if not cancelled:
            return False
        opening = self._decision_opening(d, s0, trig.start)
        if opening < 0 or not (trig.start == opening or self._reaction_drawn(d, trig)):
            return True
        # the decision opens the sentence: only a hypothetical word before it still cancels
        return any(d.low[x] in self._hypothetical for x in range(s0, opening))

    @staticmethod
    def _decision_opening(d: _Doc, s0: int, before: int) -> int:
        """Where the act starts after an opening "(The) X's decision to", else -1."""
        x = s0
        while x < before and (d.ent[x] or d.low[x] in ("the", "a")):
            x += 1
        if x == s0 or x + 2 >= before or not d.ent[x - 1]:
            return -1
        if d.text[x] not in _POSSESSIVE_MARKS or d.low[x + 1] != "decision":
            return -1
        return x + 3 if d.low[x + 2] == "to" else -1

    def _dropped(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        if super()._dropped(d, t, s0, s1):
            return True
        if (
            t.phrase.type == "AGREE"
            and t.phrase.pattern.startswith("agreement|deal|accord|treaty")
            and t.start - 1 > s0
            and d.title[t.start]
            and d.title[t.start - 1]
            and not d.ent[t.start - 1]
        ):
            return True  # "put the Indus Waters Treaty with Pakistan in abeyance": a named one
        # "the agreements Avarua struck with China": a deal struck with a party
        return (
            t.phrase.type == "ASSAULT"
            and d.low[t.head].startswith(("struck", "strike"))
            and t.end == t.head + 1
            and t.end < s1
            and d.low[t.end] == "with"
            and t.end + 1 < s1
            and (bool(d.ent[t.end + 1]) or d.low[t.end + 1] in ("the", "its", "their"))
            and d.low[t.end + 1 : t.end + 3] != ["the", "help"]
        )

    def _no_party(self, d: _Doc, trig: _Trigger, target: _Mention) -> bool:
        if super()._no_party(d, trig, target):
            return True
        if (
            trig.phrase.type == "SUPPORT"
            and d.low[trig.head].startswith("welcom")
            and target.person
            and not target.possessive
            and target.start >= trig.end
        ):
            return True  # "welcomed the Albanian prime minister to Rome": a host, not support
        # "ambushed a patrol near the Venezuelan border": the place of the attack
        if trig.phrase.type not in ("ASSAULT", "COERCE") or target.role != "location":
            return False
        if d.low[target.end - 1] not in _BORDER_NOUNS:
            return False
        p = target.start - 1
        while p >= 0 and d.low[p] in ("the", "a"):
            p -= 1
        return p >= 0 and d.low[p] in _NEAR_WORDS

    def _left(
        self,
        d: _Doc,
        start: int,
        s0: int,
        end_at: dict[int, _Mention],
        coded: list,
        allow_prep: bool = False,
    ) -> list[_Mention] | None:
        low = d.low
        if allow_prep:
            # "Afghan refugees, including families registered with the UN, have been deported
            # by ...": the passive's subject is before the parenthetical
            c = start - 1
            while c > s0 and (low[c] in _BE or low[c] in ("have", "has", "had")):
                c -= 1
            if c > s0 and d.text[c] == ",":
                for c0 in range(c - 1, max(s0, c - 12), -1):
                    if d.text[c0] in _STRONG:
                        break
                    if d.text[c0] == ",":
                        if low[c0 + 1] in ("including", "among"):
                            return self._left(d, c0, s0, end_at, coded, allow_prep)
                        break
        m = end_at.get(start)
        if (
            not allow_prep
            and m is not None
            and start < d.n
            and low[start].endswith("ing")
            and m.role == "actor"
            and m.after_preposition
            and m.start - 1 >= s0
            and low[m.start - 1] == "by"
        ):
            return [m]  # "was matched by New Delhi ordering ...": the gerund's subject
        # "held for more than seven months": a quantity, not a comparison clause
        masked = [
            x
            for x in range(max(s0 + 1, start - 25), start)
            if low[x] == "than" and low[x - 1] in _MORE
        ]
        if not masked:
            return super()._left(d, start, s0, end_at, coded, allow_prep)
        try:
            for x in masked:
                low[x] = "_than"
            return super()._left(d, start, s0, end_at, coded, allow_prep)
        finally:
            for x in masked:
                low[x] = "than"

    def _group_left(
        self, d: _Doc, m: _Mention, end_at: dict[int, _Mention], s0: int
    ) -> list[_Mention]:
        group = super()._group_left(d, m, end_at, s0)
        if len(group) < 3:
            return group
        # "imports from Canada and Mexico, and Ottawa hit back": ", and" after a pair that
        # already has its "and" opens a clause of its own
        gaps = [d.low[a.end : b.start] for a, b in zip(group, group[1:], strict=False)]
        if gaps[-1] == [",", "and"] and any("and" in g for g in gaps[:-1]):
            return group[-1:]
        return group

    def _voice(self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention]):
        passive, agent, reduced = super()._voice(d, trig, s1, start_at)
        x = trig.start
        if (
            agent is not None
            and x - 3 >= 0
            and d.low[x - 1] == "those"
            and d.low[x - 2] == "among"
            and d.low[x - 3] in _BE
        ):
            return True, agent, False  # "was among those detained by X": the subject's passive
        return passive, agent, reduced

    def _passive_target(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        agent: _Mention,
        start_at: dict[int, _Mention],
        mentions: list[_Mention],
    ) -> list[_Mention] | None:
        """The target of a passive that names none before it.

        "were handed over to Ukraine by Germany": a transfer's recipient after "to"; "...
        were flown home after being released by Caracas": the main clause's subject.
        """
        x = trig.end
        if trig.phrase.type in _TRANSFER_TYPES and x + 1 < agent.start and d.low[x] == "to":
            y = x + 1
            while y < agent.start and d.low[y] in ("the", "a", "an"):
                y += 1
            m = start_at.get(y)
            by = m.end if m is not None else -1
            if m is not None and m.role == "actor" and by < agent.start and d.low[by] == "by":
                if all(d.low[z] in ("the", "a", "an") for z in range(by + 1, agent.start)):
                    return [m]
        p = trig.start - 1
        if p - 1 <= s0 or d.low[p] != "being" or d.low[p - 1] not in _GERUND_OPENERS:
            return None
        if any(d.text[z] in _STRONG for z in range(s0, p)):
            return None
        first = next((m for m in mentions if m.start >= s0), None)
        if first is None or first.start >= p - 1 or first.start > self._subject_start(d, s0) + 2:
            return None
        if first.role != "actor" or first.after_preposition:
            return None
        return [first]

    @staticmethod
    def _reaction_drawn(d: _Doc, trig: _Trigger) -> bool:
        """Whether the trigger is a finite "drew|prompted ... from X" (its subject is a clause)."""
        return trig.phrase.pattern.startswith("draw+") and d.low[trig.start] in _DREW

    def _irrealis_ends(self, d: _Doc, at: int, trig: _Trigger) -> bool:
        # "a staffer accused of funnelling money to protesters drew a vow ...": the finite verb
        # of the sentence ends what the accusation introduced
        return super()._irrealis_ends(d, at, trig) or self._reaction_drawn(d, trig)

    def _agent_after(
        self,
        d: _Doc,
        trig: _Trigger,
        s0: int,
        s1: int,
        start_at: dict[int, _Mention],
        end_at: dict[int, _Mention],
        mentions: list[_Mention],
        coded: list,
    ) -> tuple[list[_Mention], list[_Mention] | None] | None:
        pair = super()._agent_after(d, trig, s0, s1, start_at, end_at, mentions, coded)
        if (
            pair is not None
            and pair[1] is None
            and trig.phrase.mode == "humanitarian"
            and trig.phrase.pattern.endswith(" from")
        ):
            # "relief flights from Australia ... landed in Port Vila": where they landed
            for x in range(pair[0][-1].end, s1 - 2):
                if d.text[x] in _STRONG:
                    break
                if d.low[x] in _LANDED and d.low[x + 1] in ("in", "at"):
                    y = x + 2
                    while y < s1 and d.low[y] in ("the", "a", "an"):
                        y += 1
                    if y in start_at:
                        return pair[0], [start_at[y]]
                    break
            return pair
        if pair is None or not trig.phrase.pattern.startswith("draw+"):
            return pair
        source, target = pair
        own = {a for m in source for a in m.actors}
        if target and any(a not in own for m in target for a in m.actors):
            return pair
        # "Moldova's decision to expel a Russian staffer drew a vow of retaliation from the
        # Kremlin": the subject's possessor draws it
        first = start_at.get(self._subject_start(d, s0))
        if first is not None and first.role == "actor" and first.possessive:
            if first.start < trig.start and any(a not in own for a in first.actors):
                return source, [first]
        return pair

    def _meeting_place(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        if not super()._meeting_place(d, t, s0, s1):
            return False
        # "Meeting in Kyiv, the prime ministers of Ukraine and Poland ...": two sides after "of"
        y = self._leaders_of(d, t.end, s1)
        return y < 0 or not any(d.low[z] == "and" for z in range(y, min(s1, y + 5)))

    def _leaders_of(self, d: _Doc, x: int, s1: int) -> int:
        """Where X starts in "(the) <office words> of|from X" after the comma, else -1.

        The comma is the first one after ``x`` (the end of an opening phrase).
        """
        while x < s1 and d.text[x] != ",":
            if d.text[x] in _STRONG or d.punct[x]:
                return -1
            x += 1
        y = x + 1
        if y < s1 and d.low[y] in ("the", "a", "an"):
            y += 1
        titled = False
        while y < s1 and y - x <= 5 and d.lower[y] and d.low[y] not in ("of", "from"):
            titled = titled or d.low[y] in _LEADERS or d.low[y] in self._titles
            y += 1
        if not titled or y + 1 >= s1 or d.low[y] not in ("of", "from"):
            return -1
        return y + 1

    def _after_comma(self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention]):
        found = super()._after_comma(d, trig, s1, start_at)
        if found is not None:
            return found
        # "Meeting in Kyiv, the prime ministers of Ukraine and Poland agreed ...": the leaders
        # "of" the actors are the subject after the opening phrase's comma
        y = self._leaders_of(d, trig.end, s1)
        if y < 0:
            return None
        m = start_at.get(y)
        if m is None or m.role != "actor":
            return None
        return self._group_right(d, m, start_at, s1)

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
        if found or trig.phrase.type != "THREATEN":
            return found
        # "India put the treaty in abeyance, a step that Islamabad warned it would regard as an
        # act of war": a threat against the agent of the act the noun sums up
        x = trig.start - 1
        while x > s0 and not d.ent[x]:
            if d.punct[x] or x < trig.start - 3:
                return found
            x -= 1
        while x > s0 and d.ent[x - 1]:
            x -= 1
        if x - 4 < s0 or d.low[x - 1] not in ("that", "which") or d.low[x - 2] not in _STEPS:
            return found
        if d.low[x - 3] not in ("a", "an", "the") or d.text[x - 4] != ",":
            return found
        first = start_at.get(self._subject_start(d, s0))
        if first is None or first.role != "actor" or first.start >= x - 4:
            return found
        return tuple(a for a in first.actors if a not in src)

    def _triggers(self, d: _Doc, sents: list[tuple[int, int]]) -> list[list[_Trigger]]:
        out = super()._triggers(d, sents)
        for ts in out:
            for k, t in enumerate(ts):
                if t.phrase.type == "CONCEDE" and t.phrase.pattern == "hand+ over":
                    aid = self._weapons_handed(d, t)
                    if aid is not None:
                        ts[k] = replace(t, phrase=aid)
        return out

    def _weapons_handed(self, d: _Doc, t: _Trigger):
        """The AID phrase for "weapons|systems were handed over", else None."""
        p = t.start - 1
        if p < 2 or d.low[p] not in _BE:
            return None
        if d.low[p - 1] in ("have", "has", "had"):
            p -= 1
        if d.low[p - 1] not in _WEAPON_NOUNS:
            return None
        for phrase in self.dictionary.phrases:
            if phrase.type == "AID" and phrase.pattern.startswith("hand+ over"):
                return phrase
        return None

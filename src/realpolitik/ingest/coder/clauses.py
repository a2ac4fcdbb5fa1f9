"""Clause rules: what cancels a phrase, passive voice, nominal and adjectival uses."""

from __future__ import annotations

from realpolitik.ingest.coder.attribution import _Attribution
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.judging import _adopted_text, _authored_text
from realpolitik.ingest.coder.words import (
    _AGREED_CONTENT,
    _ARMED_ADVERBS,
    _ARMS,
    _BE,
    _CONDITIONS,
    _COORDINATED_ADVERBS,
    _FRAME_WORDS,
    _IRREALIS_ENDS,
    _NOMINAL_DETERMINERS,
    _NOT_NOUNS,
    _POSSESSIVE_DETERMINERS,
    _PUSHED,
    _SKIP_BEFORE_VERB,
    _SPEECH,
    _STRONG,
    _SUB_RIGHT,
    _VISIT_FRAME,
)


class _Clauses(_Attribution):
    """Clause-level rules: negation, hypotheticals, voice, nominal and adjectival uses."""

    def _cancelled(self, d: _Doc, trig: _Trigger, s0: int, s1: int) -> bool:
        if (
            trig.start == trig.head
            and trig.start > s0
            and d.low[trig.start - 1] in ("the", "a", "an")
            and d.low[trig.head].endswith("ed")
        ):
            return True  # "the seized tanker": an adjective, not an event
        for x in range(max(s0, trig.start - 3), trig.start):
            if d.low[x] in self._negations:
                return True
        head = d.low[trig.head]
        if head == "exchange" and trig.start > s0 and d.low[trig.start - 1] == "in":
            return True  # "in exchange for prisoners": an idiom, not a swap
        if head == "called" and any(
            d.low[x] == "what" for x in range(max(s0, trig.start - 4), trig.start)
        ):
            return True  # "struck what New Delhi called militant camps": a naming
        x = trig.start - 1
        same_chunk = True
        while x >= s0 and d.text[x] not in _STRONG:
            low = d.low[x]
            if low == "would" and self._reported_intent(d, x, s0, s1):
                x -= 1
                continue  # "Moscow said it would expel two diplomats": an announcement
            if low == "as" and x > s0 and d.text[x - 1] == "," and d.ent[x + 1]:
                break  # "..., as Warsaw moved troops": the clause before is not this one's
            if low in self._hypothetical or (same_chunk and low in self._desire):
                return True
            if same_chunk and low == "for" and x > s0 and d.low[x - 1] in _PUSHED:
                return True  # "has pushed for a trade deal with X": sought, not made
            if low == ",":
                if trig.phrase.agent_inside:
                    break  # ", a charge Paris rejected": what the charge said is not this
                same_chunk = False
            x -= 1
        return False

    def _beneficiary(
        self, d: _Doc, x: int, s1: int, start_at: dict[int, _Mention], exclude: set[str]
    ) -> list[_Mention] | None:
        """Who a joint pledge is for: "pledged to jointly fund a system for Kyiv" -> Kyiv."""
        found = self._right(d, x, s1, s1, start_at, exclude, long=True)
        if found and found[0].start > x and d.low[found[0].start - 1] in ("for", "to", "with"):
            return found
        return None

    def _partner_after(
        self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention]
    ) -> bool:
        """Whether "with X" right after a reciprocal phrase names its partner.

        "signed a Chinese-funded deal with Argentina", "struck a U.S.-backed deal with Y": an
        actor inside the phrase qualifies the deal; the partner is the one after "with".
        """
        if trig.end + 1 >= s1 or d.low[trig.end] != "with":
            return False
        m = start_at.get(trig.end + 1)
        if m is None:
            m = start_at.get(trig.end + 2) if d.low[trig.end + 1] == "the" else None
        return m is not None and m.role == "actor" and not m.relational

    def _inside_frame(
        self, d: _Doc, trig: _Trigger, start_at: dict[int, _Mention], exclude: set[str]
    ) -> list[_Mention] | None:
        """The partner named in the frame of "agreed in talks with Russia to ..." (Russia).

        A phrase whose gap spans a frame before "to" finds no target after it when the partner
        was named inside: the first actor after a "with" or "by" in the gap.
        """
        if trig.end - trig.head <= 2 or d.low[trig.end - 1] != "to":
            return None
        for x in range(trig.head + 1, trig.end - 2):
            if d.low[x] in ("with", "by"):
                return self._right(d, x + 1, trig.end - 1, trig.end - 1, start_at, exclude)
        return None

    def _armed_subject(self, d: _Doc, trig: _Trigger, end_at: dict[int, _Mention]) -> bool:
        """Whether an actor named by its weapons or forces is right before the verb.

        "Russian drones hit a substation", "Israeli jets overnight battered ...": a verb that
        is an attack only in the passive ("prices hit a record") is one with arms as subject.
        """
        x = trig.start
        while x - 1 > 0 and (d.low[x - 1].endswith("ly") or d.low[x - 1] in _ARMED_ADVERBS):
            x -= 1
        m = end_at.get(x)
        return m is not None and m.role == "actor" and m.last_word in _ARMS

    def _content_agent(
        self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention], exclude: set[str]
    ) -> list[_Mention] | None:
        """The other party of an agreement named as an agent in what is agreed to.

        "agreed to receive migrants deported by the United States", "agreed to free hostages
        in exchange for prisoners held by Israel": the agreement is with that agent; so is a
        threat's ("vowed to respond to the drills staged by Seoul").
        """
        if d.low[trig.end - 1] != "to" and trig.phrase.type != "THREATEN":
            return None
        for x in range(trig.end, min(s1 - 2, trig.end + 12)):
            low = d.low[x]
            if d.text[x] in _STRONG or d.text[x] == "," or low in _SUB_RIGHT:
                return None
            if low == "by" and self._participle(d.low[x - 1]):
                y = x + 2 if d.low[x + 1] == "the" else x + 1
                m = start_at.get(y)
                if m is not None and m.role == "actor" and any(a not in exclude for a in m.actors):
                    return self._group_right(d, m, start_at, s1)
                return None
        return None

    def _joint_pledge(self, d: _Doc, trig: _Trigger) -> bool:
        """Whether an AGREE phrase by two or more with no target is made to each other.

        "X and Y pledged to work together", "X and Y accepted a ceasefire deal": yes; an offer
        ("offered to mediate") or a bare promise of something ("promised more aid") is to others.
        """
        if trig.phrase.type != "AGREE" or d.low[trig.head].startswith("offer"):
            return False
        last = d.low[trig.end - 1]
        return last in ("to", "cooperate") or d.low[trig.head].startswith("accept")

    def _clause_subject(
        self, d: _Doc, mentions: list[_Mention], trig: _Trigger, s0: int, end_at
    ) -> list[_Mention] | None:
        """The main clause's subject for ", drawing a protest from X" (X protests to it).

        Also the subject before an appositive that ends right before the phrase ("X, received
        by Y, secured a pledge from Z").
        """
        if trig.start - 1 <= s0 or d.text[trig.start - 1] != ",":
            return None
        if not d.low[trig.head].endswith("ing"):
            # "X, received in New Delhi by Modi, secured a pledge of ...": the appositive's X
            start_at = {m.start: m for m in mentions}
            return self._appositive_subject(d, trig.start - 1, s0, end_at, start_at)
        return self._first_group(d, mentions, trig.start, s0, end_at)

    def _relative_close(self, d: _Doc, trig: _Trigger, s0: int, s1: int) -> int:
        """The comma closing the relative clause ", which|who ..." that ``trig`` is in, else s1.

        A participial appositive (", accused by the opposition of ...,") closes likewise.
        """
        x = trig.start - 1
        # "X, accused by the opposition of ..., met Y": a participial appositive ends likewise
        if not (x > s0 and d.text[x] == "," and d.low[trig.head].endswith("ed")):
            while x > s0 and trig.start - x <= 6:
                if d.text[x] in _STRONG or d.text[x] == ",":
                    return s1
                if d.low[x] in ("which", "who", "whom") and d.text[x - 1] == ",":
                    break
                x -= 1
            else:
                return s1
        for y in range(trig.end, min(s1, trig.end + 15)):
            if d.text[y] in _STRONG:
                return s1
            if d.text[y] == ",":
                return y
        return s1

    def _irrealis_ends(self, d: _Doc, at: int, trig: _Trigger) -> bool:
        """Whether what an irrealis phrase introduces has ended before ``trig``.

        A participial clause after a comma (", accusing Paris of ..."), a subordinate clause
        ("... after ELN commanders agreed") or a past-tense verb after "and" ("... and closed
        the crossing") is an event of its own.
        """
        for x in range(at, trig.start):
            low = d.low[x]
            if low in _IRREALIS_ENDS:
                return True
            if low == "as" and d.text[x - 1] == "," and x + 1 < trig.start and d.ent[x + 1]:
                return True  # "..., as Warsaw moved troops to the border": a clause of its own
            if (
                d.text[x] == ","
                and x + 1 == trig.start == trig.head
                and d.lower[trig.head]
                and d.low[trig.head].endswith("ing")
            ):
                return True
            if (
                low == "and"
                and x + 1 == trig.start == trig.head
                and d.lower[trig.head]
                and d.low[trig.head].endswith("ed")
            ):
                return True  # "accused Kabul of sheltering militants and closed the crossing"
        return False

    def _unnamed_addressee(self, d: _Doc, trig: _Trigger, target: _Mention) -> bool:
        """Whether a request's object is no actor: "ordered the army to ...".

        Also "asked the International Court of Justice to ...".

        The target found after "to" is what the request is about, not whom it addresses.
        """
        if trig.end >= target.start or d.low[trig.end] not in ("the", "its", "his", "her", "their"):
            return False
        # "asked the International Court of Justice to ...": a name no dictionary lists
        name = trig.end + 1
        while name < target.start and (d.title[name] and not d.ent[name] or d.low[name] == "of"):
            name += 1
        stop = min(target.start, max(trig.end + 4, name + 1))
        return any(d.low[x] == "to" for x in range(trig.end + 1, stop))

    def _cause_after_over(self, d: _Doc, trig: _Trigger, s0: int) -> bool:
        """Whether a nominal event follows "over" as the cause of the event before it.

        "protested to China over the detention of its fishermen", "sanctions over arms sales
        to Taiwan": what the event is about is not coded (the annotation guide's convention).
        """
        head = d.low[trig.head]
        if head.endswith(("ed", "ing")) and trig.head == trig.start:
            return False
        for k in (1, 2, 3):
            x = trig.start - k
            if x < s0:
                return False
            if d.low[x] == "over":
                return True
            if not (d.alpha[x] and d.lower[x]) or d.ent[x]:
                return False
        return False

    def _agreed_verb_between(self, d: _Doc, agree: _Trigger, trig: _Trigger) -> bool:
        """Whether one or two verbs join "agreed to" to a nominal event it is about.

        "agreed to expand joint exercises", "pledged to step up joint patrols": the exercises
        are what is agreed, not an event of their own; so is a second infinitive after "and".
        """
        gap = range(agree.end, trig.start)
        if not gap or d.low[agree.end - 1] != "to":
            return False
        if len(gap) <= 2 and all(
            d.alpha[x] and d.lower[x] and d.low[x] not in ("and", "or") for x in gap
        ):
            return True
        # "agreed to expand joint exercises and share intelligence": a second infinitive
        return (
            len(gap) <= 8
            and d.low[trig.start - 1] == "and"
            and all(d.alpha[x] and d.lower[x] and not d.ent[x] for x in gap)
        )

    def _coordinated_subject(
        self, d: _Doc, trig: _Trigger, s0: int, coded
    ) -> list[_Mention] | None:
        """The subject of a verb coordinated with the event before it.

        "X received Y in Amman and pledged to help ...", "met Houthi officials in Muscat and
        later briefed ...": a phrase right after "and" (adverbs aside) has the subject of the
        active event coded before it in the sentence.
        """
        if not coded:
            return None
        x = trig.start - 1
        while x > s0 and (d.low[x].endswith("ly") or d.low[x] in _COORDINATED_ADVERBS):
            x -= 1
        if x <= s0 or d.low[x] != "and":
            return None
        prev, src, _ = coded[-1]
        if prev.phrase.object_control or any(m.start >= prev.start for m in src):
            return None  # "... was attacked by Y and": Y is no subject of what follows
        if any(d.text[y] in _STRONG for y in range(prev.end, x)):
            return None
        return src

    def _participial_subject(
        self, d: _Doc, mentions: list[_Mention], trig: _Trigger, s0: int, end_at
    ) -> list[_Mention] | None:
        """The subject of a participial clause between subject and verb.

        "Iraq's foreign minister, speaking after talks with his Iranian counterpart, condemned
        ...": the talks are the minister's.
        """
        x = trig.start - 1
        while x > s0 and trig.start - x <= 8:
            if d.text[x] in _STRONG:
                return None
            if d.text[x] == ",":
                break
            x -= 1
        if x <= s0 or d.text[x] != "," or x + 1 >= trig.start:
            return None
        opener = d.low[x + 1]
        if not (d.lower[x + 1] and opener.endswith("ing")):
            return None
        group = self._first_group(d, mentions, x, s0, end_at)
        if not group or self._antecedent(d, x, s0, end_at) is not group[-1]:
            return None
        return group

    def _object_of_previous(self, d: _Doc, trig: _Trigger, previous: _Trigger) -> bool:
        """Whether a nominal event is the object of the event before it.

        "India condemned the attacks on temples": the attack is what India condemns, not an
        attack by India. Only determiners and adjectives may stand between the two phrases.
        """
        if trig.phrase.pattern.endswith("between") and trig.phrase.type == "CONSULT":
            return False  # "welcomed the talks between X and Y": the talks are coded
        if trig.phrase.agent_after and d.low[trig.head].endswith("ed"):
            return False  # "agreed to a peace deal mediated by Z": a participle, no noun
        gap = range(previous.end, trig.start)
        if not 1 <= len(gap) <= 3 or d.low[previous.end] not in _NOMINAL_DETERMINERS:
            return False
        return all(d.alpha[x] and d.lower[x] for x in gap)

    def _content_at(self, d: _Doc, x: int, trig: _Trigger, triggers: list[_Trigger]) -> bool:
        """Whether the phrase at ``x`` is what the AGREE phrase ``trig`` agrees to.

        Right after it ("agreed to cooperate with") or after the verbs "agreed to" joins to it
        ("agreed to resume peace talks with Bogota"): its target is the agreement's.
        """
        if trig.phrase.type != "AGREE" or x < trig.end:
            return False
        return any(
            t.start == x
            and t.phrase.type in _AGREED_CONTENT
            and (x == trig.end or self._agreed_verb_between(d, trig, t))
            for t in triggers
        )

    def _visit_frame(self, d: _Doc, trig: _Trigger, s0: int) -> bool:
        """Whether a nominal visit is an adverbial: "praised China during a visit to Beijing"."""
        if d.low[trig.head] not in ("visit", "trip", "tour"):
            return False
        x = trig.start - 1
        for _ in range(3):  # "during an official two-day visit": determiner and adjectives
            if x < s0:
                return False
            low = d.low[x]
            if low in _VISIT_FRAME:
                return x > s0
            if d.punct[x] or d.ent[x]:
                return False
            x -= 1
        return False

    def _reported_intent(self, d: _Doc, would: int, s0: int, s1: int) -> bool:
        """Whether "would" at ``would`` reports an announced intention, not a condition.

        "X said it would ...", "X announced that it would ...": a speech verb at most three
        words before, and no conditional word anywhere in the sentence.
        """
        if not any(d.low[x] in _SPEECH for x in range(max(s0, would - 4), would)):
            return False
        return not any(d.low[x] in _CONDITIONS for x in range(s0, s1))

    def _voice(self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention]):
        """Return (passive, agent mention, reduced): "was killed by X" or "Y, killed by X"."""
        low = d.low[trig.head]
        if not (low.endswith("ed") or low in self._participles):
            return False, None, False
        p = trig.start - 1
        while p >= 0 and (d.low[p] in _SKIP_BEFORE_VERB or d.low[p].endswith("ly")):
            p -= 1
        aux = p >= 0 and d.low[p] in _BE
        agent = None
        by_at = -1
        x = trig.end
        limit = min(s1, trig.end + 8)
        while x < limit:
            w = d.text[x]
            if w in _STRONG or w == "," or d.low[x] in _FRAME_WORDS:
                break  # "signed a deal during a visit by X": the visit's agent, not the deal's
            if d.low[x] == "by":
                by_at = x
                for y in range(x + 1, min(s1, x + 6)):
                    if y in start_at:
                        agent = start_at[y]
                        break
                break
            x += 1
        # A participle without "be" is passive only right after a comma ("Soleimani, killed
        # last week by ...") or with "by" right after it ("villages held by the SDF"); "Turkish
        # troops attacked positions held by X" is active.
        # ... but not after a noun the phrase ends with ("dismissed accusations by X" is active)
        if any(d.low[y] in ("a", "an", "the") for y in range(trig.head + 1, trig.end)):
            return aux, agent if aux else None, False  # "repelled an attack by X": an object
        right_after = by_at == trig.end and (
            trig.end - 1 == trig.head or d.low[trig.end - 1] in ("down", "up", "off", "out", "back")
        )
        reduced = not aux and agent is not None and p >= 0 and (d.text[p] == "," or right_after)
        return (aux or reduced), agent, reduced

    def _means_agent(
        self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention], triggers
    ) -> _Mention | None:
        """The agent of an agentless passive named in its means.

        "was destroyed in a U.S. strike", "were killed in an Israeli air strike": the nominal
        event right after "in a|an|the" and the mention.
        """
        x = trig.end
        if trig.phrase.type == "ASSAULT":
            claimant = self._claimant(d, x, s1, start_at)
            if claimant is not None:
                return claimant
        if x + 2 >= s1 or d.low[x] != "in" or d.low[x + 1] not in ("a", "an", "the"):
            return None
        m = start_at.get(x + 2)
        if m is None or m.end >= s1:
            return None
        for t in triggers:
            if t.start == m.end and t.phrase.type in (trig.phrase.type, "ASSAULT"):
                return m
        return None

    def _claimant(self, d: _Doc, x: int, s1: int, start_at: dict[int, _Mention]):
        """Who later "claimed responsibility" in the sentence.

        "Two soldiers were killed ..., and Hezbollah later claimed responsibility": Hezbollah.
        """
        for y in range(x, s1 - 1):
            if d.low[y] in ("claimed", "claims", "claiming") and d.low[y + 1] == "responsibility":
                z = y - 1
                while z > x and d.low[z] in ("later", "subsequently", "has", "had", "quickly"):
                    z -= 1
                m = next((start_at[k] for k in range(max(x, z - 3), z + 1) if k in start_at
                          and start_at[k].end == z + 1 and start_at[k].role == "actor"), None)  # fmt: skip
                return m
        return None

    def _modifier_use(self, d: _Doc, trig: _Trigger, s0: int, end_at: dict[int, _Mention]) -> bool:
        """Whether the trigger word is used as a noun or modifier, not as an event.

        "his support of X" (a possessive before it) and "bases hosting U.S. troops" (an -ing
        form right after a common noun: a reduced relative clause about that noun).
        """
        if trig.start <= s0:
            return False
        low = d.low[trig.start - 1]
        if low in _POSSESSIVE_DETERMINERS and trig.end == trig.start + 1:
            return True
        head = d.low[trig.head]
        if _adopted_text(d, trig.start - 1, s0) or _authored_text(d, trig.start - 1, s0):
            return False  # "passed a resolution censuring Iran": the subject's own censure
        return (
            head.endswith("ing")
            and trig.head == trig.start
            and d.alpha[trig.start - 1]
            and d.lower[trig.start - 1]
            and trig.start not in end_at
            and low not in _BE
            and low not in _SKIP_BEFORE_VERB
            and low not in _NOT_NOUNS
            and not low.endswith(("ed", "ly"))
        )

"""Attribution: which mentions are a phrase's source and target."""

from __future__ import annotations

from realpolitik.ingest.coder.anaphora import _refers_back
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger
from realpolitik.ingest.coder.judging import _judged_after
from realpolitik.ingest.coder.mentions import _Mentions
from realpolitik.ingest.coder.words import (
    _ADVERBIALS,
    _APPOSITIVE_OPENERS,
    _ATTRIBUTION_VERBS,
    _CARGO,
    _CAUSE_NOUNS,
    _COMPLEMENTIZERS,
    _DISPLACED,
    _FORCE_NOUNS,
    _HELD,
    _JOINERS,
    _JOINERS_AFTER_AND,
    _MAX_SOURCE_DISTANCE,
    _MAX_TARGET_DISTANCE,
    _POSSESSIVE,
    _PROPOSALS,
    _RELATIVE,
    _REUSE_GAP,
    _SKIP_BEFORE_VERB,
    _SPEAKER_NOUNS,
    _SPEECH,
    _STATE_TARGETS,
    _STRONG,
    _SUB_LEFT,
    _SUB_RIGHT,
    _TARGET_PREPOSITIONS,
)
from realpolitik.ingest.dictionary import Phrase


class _Attribution(_Mentions):
    """Source and target of a phrase: the nearest eligible mentions before and after it."""

    def _participle(self, low: str) -> bool:
        """Whether a (lower-cased) word may be a past participle ("mediated", "sent", "held")."""
        return low.endswith(("ed", "en")) or low in self._participles

    def _ends_with_preposition(self, phrase: Phrase) -> bool:
        """Whether a phrase ends with a preposition that introduces its target ("aid to")."""
        key = id(phrase)
        known = self._prep_end.get(key)
        if known is None:
            kind, words, _ = phrase.tokens[-1]
            known = len(phrase.tokens) > 1 and kind == "word" and words <= _TARGET_PREPOSITIONS
            self._prep_end[key] = known
        return known

    def _eligible_source(self, m: _Mention, allow_prep: bool = False) -> bool:
        return m.role == "actor" and not m.relational and (allow_prep or not m.after_preposition)

    def _left(
        self,
        d: _Doc,
        start: int,
        s0: int,
        end_at: dict[int, _Mention],
        coded: list[tuple[_Trigger, list[_Mention], list[_Mention]]],
        allow_prep: bool = False,
    ) -> list[_Mention] | None:
        pos = start - 1
        lo = max(s0, start - _MAX_SOURCE_DISTANCE)
        companions: list[_Mention] = []
        while pos >= lo:
            m = end_at.get(pos + 1)
            if m is not None:
                if (
                    m.role == "actor"
                    and m.start >= 2
                    and d.low[m.start - 1] == "with"
                    and d.low[m.start - 2] in ("along", "together")
                ):
                    companions.append(m)  # "Seoul and Tokyo, along with Washington, staged"
                if self._eligible_source(m, allow_prep):
                    # "Iran attacked Israel and threatened ..." -> the subject carries over
                    for trig, src, tgt in coded:
                        gap = {d.low[x] for x in range(m.end, start)}
                        if trig.phrase.object_control and "and" not in gap:
                            continue
                        if m in tgt and gap and gap <= _REUSE_GAP:
                            return src
                    return self._group_left(d, m, end_at, s0) + companions[::-1]
                if set(d.low[m.end : start]) == {"to"}:
                    # "travelled to Beijing to meet Xi": the purpose has the journey's subject
                    for trig, src, tgt in coded:
                        if m in tgt and not trig.phrase.object_control:
                            return src
                pos = m.start - 1
                continue
            low = d.low[pos]
            if d.text[pos] in _STRONG or low in _SUB_LEFT:
                return None
            if low in _RELATIVE:
                q = pos - 1
                if q >= s0 and d.text[q] == ",":
                    q -= 1
                ant = self._antecedent(d, q + 1, s0, end_at)
                if ant is not None and ant.role == "actor":
                    return self._group_left(d, ant, end_at, s0)
                return None
            pos -= 1
        return None

    def _group_left(
        self, d: _Doc, m: _Mention, end_at: dict[int, _Mention], s0: int
    ) -> list[_Mention]:
        group = [m]
        pos = m.start - 1
        saw_and = False  # "A, B and C": commas join only a list that ends with and/or
        gap: set[str] = set()
        while pos >= s0:
            other = end_at.get(pos + 1)
            if other is None and gap and d.title[pos] and not d.ent[pos]:
                other = self._owner_of_name(d, pos, end_at, s0)
            if other is not None and pos + 1 < group[-1].start:
                if other.role != "actor":
                    break
                if "," in gap and not (gap & {"and", "or", "&"}) and not saw_and:
                    break  # "talking to Macron, he has invited": not a list
                saw_and = saw_and or bool(gap & {"and", "or", "&"})
                group.append(other)
                gap = set()
                pos = other.start - 1
                continue
            if other is not None:
                pos -= 1
                continue
            owner = end_at.get(pos) if d.text[pos] in _POSSESSIVE else None
            if owner is not None and owner.possessive and pos + 1 == group[-1].start:
                pos = owner.start - 1  # "South Korea's Yoon and Japan's Kishida": one each
                continue
            if (
                d.low[pos] in ("his", "her", "its", "their")
                and pos + 1 == group[-1].start
                and pos > s0
                and d.low[pos - 1] == "and"
            ):
                pos -= 1  # "Lavrov and his Turkish counterpart": a co-subject
                continue
            if d.low[pos] in _JOINERS:
                gap.add(d.low[pos])
                pos -= 1
                continue
            break
        return group[::-1]

    def _owner_of_name(
        self, d: _Doc, pos: int, end_at: dict[int, _Mention], s0: int
    ) -> _Mention | None:
        """The state of an unlisted name after its possessive: "Ghana's Mahama" ending at ``pos``.

        One or two capitalised words that are no actor, right after "X's": X's official.
        """
        for k in (pos - 1, pos - 2):
            if k <= s0 or not (d.title[k + 1] and not d.ent[k + 1]):
                return None
            if d.text[k] in _POSSESSIVE:
                owner = end_at.get(k)
                return owner if owner is not None and owner.possessive else None
        return None

    def _first_group(self, d: _Doc, mentions: list[_Mention], before: int, s0: int, end_at):
        for m in mentions:
            if m.start >= before:
                return None
            if self._eligible_source(m):
                group = [m]
                pos = m.end
                for other in mentions:
                    if other.start < m.end:
                        continue
                    if other.start >= before:
                        break
                    gap = {d.low[x] for x in range(pos, other.start)}
                    if gap <= _JOINERS and other.role == "actor":
                        group.append(other)
                        pos = other.end
                    else:
                        break
                return group
        return None

    def _appositive_subject(
        self,
        d: _Doc,
        comma: int,
        s0: int,
        end_at: dict[int, _Mention],
        start_at: dict[int, _Mention],
    ) -> list[_Mention] | None:
        """The subject before an appositive that ends at ``comma``.

        "Slovakia's Robert Fico, one of the few EU leaders ..., travelled to Moscow" -> Fico.
        """
        x = comma - 1
        while x > s0 and d.text[x] != ",":
            if d.text[x] in _STRONG or comma - x > 20:
                return None
            x -= 1
        if x <= s0 or d.text[x] != ",":
            return None
        opener = d.low[x + 1]
        if (
            opener not in _APPOSITIVE_OPENERS
            and not opener.endswith(("ed", "ing"))
            and x + 1 not in start_at
        ):
            return None  # "X, one of ...," "X, the EU's ...," "X, accused by ...,"
        m = self._antecedent(d, x, s0, end_at)
        if m is None or not self._eligible_source(m):
            return None
        group = self._group_left(d, m, end_at, s0)
        partner_at = -1
        if opener in ("joined", "accompanied") and d.low[x + 2] == "by":
            partner_at = x + 3  # "X, joined by Japanese destroyers, began": partners
        elif opener.endswith("ing") and d.low[x + 2] == "alongside":
            partner_at = x + 3  # "X, flying alongside U.S. bombers, held drills"
        if partner_at > 0:
            other = start_at.get(partner_at)
            if other is not None and other.role == "actor":
                group = group + self._group_right(d, other, start_at, comma)
        return group

    def _antecedent(self, d: _Doc, comma: int, s0: int, end_at: dict[int, _Mention]):
        """The mention before ``comma``, across up to three nouns after it.

        "Qatari and Egyptian mediators,", "Venezuela's National Guard,": the mention.
        """
        y = comma
        for _ in range(4):
            m = end_at.get(y)
            if m is not None:
                return m
            y -= 1
            if y <= s0 or not d.alpha[y] or d.low[y] in _SUB_LEFT or d.low[y] in _RELATIVE:
                return None
        return None

    def _verb_comma(self, d: _Doc, x: int, s0: int) -> int:
        """The comma that closes a clause between subject and verb, across adverbials.

        "X, which ..., on Sunday seized", "Dhaka, which ..., formally asked": the position of
        the comma, or -1.
        """
        steps = 0
        while x > s0 and steps < 3:
            if d.text[x] == ",":
                return x
            low = d.low[x]
            if not (low.endswith("ly") or low in _ADVERBIALS or low in _SKIP_BEFORE_VERB):
                return -1
            x -= 1
            steps += 1
        return x if x > s0 and d.text[x] == "," else -1

    def _relative_object(
        self, d: _Doc, source: list[_Mention], trig: _Trigger, s0: int, end_at
    ) -> list[_Mention] | None:
        """The antecedent of an object relative clause: "X, which Washington accuses of ...".

        The phrase's subject follows "which|whom" right after "X,"; X is its target.
        """
        first = source[0]
        x = first.start - 1
        if x - 2 < s0 or d.low[x] not in ("which", "whom") or d.text[x - 1] != ",":
            return None
        if any(not (d.low[y].endswith("ly") or d.low[y] in _SKIP_BEFORE_VERB)
               for y in range(source[-1].end, trig.start)):  # fmt: skip
            return None
        ant = self._antecedent(d, x - 1, s0, end_at)
        if ant is None or ant.role != "actor":
            return None
        return self._group_left(d, ant, end_at, s0)

    def _after_comma(self, d: _Doc, trig: _Trigger, s1: int, start_at: dict[int, _Mention]):
        x = trig.end
        while x < s1:
            if d.text[x] in _STRONG or d.low[x] in _SUB_RIGHT:
                return None
            if d.text[x] == ",":
                if x + 1 < s1 and d.low[x + 1] in _RELATIVE:
                    return None  # "The strike on ..., which Tehran blamed on Israel": a clause
                for y in range(x + 1, min(s1, x + 4)):
                    m = start_at.get(y)
                    if m is not None:  # "Meeting in Cairo, Egyptian and Turkish officials": both
                        return (
                            self._group_right(d, m, start_at, s1)
                            if self._eligible_source(m)
                            else None
                        )
                    if d.lower[y] and d.low[y] not in ("the", "a", "an"):
                        return None  # ", met Hamas negotiators": an object, no subject
                return None
            x += 1
        return None

    def _right(
        self,
        d: _Doc,
        start: int,
        s1: int,
        next_trigger: int,
        start_at: dict[int, _Mention],
        exclude: set[str],
        place: bool = False,
        long: bool = False,
        threat: bool = False,
        cargo: bool = False,
    ) -> list[_Mention] | None:
        pos = start
        if pos < s1 and d.low[pos] in _COMPLEMENTIZERS:
            pos += 1  # "demanded that Tehran release ..."
        limit = min(s1, max(next_trigger, start))
        budget = _MAX_TARGET_DISTANCE + (4 if long else 0)
        fallback: _Mention | None = None
        while pos < limit and budget > 0:
            m = start_at.get(pos)
            if m is not None and cargo and d.low[m.start] in ("its", "their") and exclude:
                m = self._not_own(m, start_at, exclude)
            if m is not None:
                if (
                    m.role == "actor"
                    and not m.relational
                    and any(a not in exclude for a in m.actors)
                ):
                    host = self._host_place(d, m, start_at, s1) if place else None
                    if host is not None:
                        return [host]
                    return self._group_right(d, m, start_at, s1)
                if place and fallback is None and m.role in ("location", "modifier"):
                    # a place of the source's own country is no target ("al-Shabaab
                    # stormed a hotel in Mogadishu"): countries by the CAMEO code's first letters
                    # ... unless what is struck is the state's own ("a military base in
                    # Somalia's Lower Shabelle region")
                    home = {self._country.get(a) for a in exclude}
                    if any(a not in exclude and self._country.get(a) not in home for a in m.actors):
                        fallback = m
                    elif any(w in _STATE_TARGETS for w in d.low[start : m.start]) and any(
                        a not in exclude for a in m.actors
                    ):
                        fallback = m
                pos = max(m.end, pos + 1)
                continue
            low = d.low[pos]
            if low == "than" and d.low[pos - 1] in ("more", "less", "fewer"):
                pos += 1  # "more than 10,000 soldiers": a number, not a comparison
                continue
            if threat and low == "if":
                pos += 1  # "would impose countermeasures if Manila ...": the condition's actor
                continue
            if d.text[pos] in _STRONG or low in _SUB_RIGHT:
                break
            if (
                d.text[pos] == ","
                and pos + 1 < s1
                and d.lower[pos + 1]
                and d.low[pos + 1].endswith("ing")
            ):
                break  # "vowed to secure access to the sea, alarming Eritrea": a new clause
            if d.text[pos] == "," and (
                self._attribution_after(d, pos, s1) or _judged_after(d, pos, s1)
            ):
                break  # "fired missiles into the sea, Japan's defence ministry said": the speaker
            if low == "in" and pos + 1 < s1 and d.low[pos + 1] in _CAUSE_NOUNS:
                break  # "vowed to bolster his forces in response to U.S. drills"
            if low == "by" and self._participle(d.low[pos - 1]) and d.low[pos - 1] not in _HELD:
                break  # "a deal mediated by the United States": an agent, not the target
            if (
                cargo
                and low in _CARGO
                and pos > start
                and d.alpha[pos - 1]
                and not d.ent[pos - 1]
                and (pos + 1 >= s1 or d.low[pos + 1] != "out")  # "carrying out attacks"
            ):
                break  # "seized a tanker carrying Kuwaiti oil": the cargo's, not the target
            pos += 1
            budget -= 1
        return [fallback] if fallback is not None else None

    def _not_own(self, m: _Mention, start_at: dict[int, _Mention], exclude: set[str]) -> _Mention:
        """What "its|their" stands for in what is attacked or seized, if not the attacker.

        "Ecuadorian police stormed its embassy": no state storms its own embassy, so "its" is the
        latest earlier actor of the sentence that is not the attacker (Mexico).
        """
        if not all(a in exclude for a in m.actors):
            return m
        earlier = [o for k, o in start_at.items() if k < m.start and o.role == "actor"]
        others = [
            o for o in earlier if not o.relational and all(a not in exclude for a in o.actors)
        ]
        if not others:
            return m
        o = others[-1]
        return _Mention(m.start, m.end, o.actors, last_word=m.last_word)

    def _attribution_after(self, d: _Doc, comma: int, s1: int) -> bool:
        """Whether a trailing attribution opens at ``comma``: ", X's defence ministry said".

        The speaker of ", Syrian state media reported" or ", according to Seoul" is no target of
        the event before it. Only a short noun phrase (no verb) may stand before the speech verb.
        """
        x = comma + 1
        if x + 1 < s1 and d.low[x] == "according" and d.low[x + 1] == "to":
            return True
        limit = min(s1, comma + 9)
        speaker = False  # an actor's name or a noun of officials, services or media
        while x < limit:
            low = d.low[x]
            if low in _ATTRIBUTION_VERBS:
                return speaker
            if d.ent[x] or low in _SPEAKER_NOUNS or low in _FORCE_NOUNS:
                speaker = True
            elif d.text[x] in _POSSESSIVE or d.text[x] in (".", "-"):
                pass
            elif not d.alpha[x] or (d.lower[x] and low.endswith(("ed", "ing"))):
                return False
            x += 1
        return False

    def _proposer(
        self, d: _Doc, x: int, s1: int, start_at: dict[int, _Mention], exclude: set[str]
    ) -> list[_Mention] | None:
        """Who made what is agreed to: "agreed to an EU plan", "accepted a U.S. proposal"."""
        if x >= s1 or d.low[x] not in ("a", "an", "the"):
            return None
        m = start_at.get(x + 1)
        if m is None or m.role not in ("actor", "modifier") or m.end >= s1:
            return None
        if d.low[m.end] not in _PROPOSALS or not any(a not in exclude for a in m.actors):
            return None
        return [m]

    def _host_place(
        self, d: _Doc, m: _Mention, start_at: dict[int, _Mention], s1: int
    ) -> _Mention | None:
        """The place of displaced people: "Sudanese refugees in eastern Chad" -> Chad."""
        x = m.end
        if x >= s1 or d.low[x] not in _DISPLACED:
            return None
        for y in range(x + 1, min(s1, x + 5)):
            other = start_at.get(y)
            if other is not None:
                return other if other.role == "location" else None
        return None

    def _group_right(
        self, d: _Doc, m: _Mention, start_at: dict[int, _Mention], s1: int
    ) -> list[_Mention]:
        group = [m]
        by_comma = [False]
        pos = m.end
        saw_and = False
        saw_comma = False
        owned = False  # a possessive marker since the last member
        while pos < s1:
            other = start_at.get(pos)
            if other is not None:
                if other.role != "actor" or other.relational or _refers_back(d, other):
                    break
                if other.end < s1 and d.low[other.end] in _SPEECH:
                    break  # "into Gaza, the United Nations said"
                if owned and other.actors != group[-1].actors and not saw_and:
                    break  # "Moldova's EU bid": the bid's, not a second actor
                group.append(other)
                by_comma.append(saw_comma and not saw_and)
                pos = other.end
                saw_and = saw_comma = owned = False
                continue
            low = d.low[pos]
            if low in _JOINERS or d.text[pos] in _POSSESSIVE:
                saw_and = saw_and or low in ("and", "or")
                saw_comma = saw_comma or low == ","
                owned = owned or d.text[pos] in _POSSESSIVE
                pos += 1
                continue
            if saw_and and low in _JOINERS_AFTER_AND:
                pos += 1
                continue
            break
        # "Congo, U.N. experts said": a list joined by commas alone must end with "and"/"or"
        while len(group) > 1 and by_comma[-1]:
            group.pop()
            by_comma.pop()
        return group

"""Actor mentions: entity-ruler spans joined into mentions, pronouns and references resolved."""

from __future__ import annotations

from realpolitik.ingest.coder.anaphora import _accused_it, _two_named, _verb_subject
from realpolitik.ingest.coder.base import _CoderState
from realpolitik.ingest.coder.event import _Doc, _Memory, _Mention
from realpolitik.ingest.coder.words import (
    _DELEGATES,
    _FORCE_NOUNS,
    _GROUP_NOUNS,
    _GROUP_PRONOUNS,
    _INSTITUTION_ADJECTIVES,
    _JOINERS,
    _LED_NOUNS,
    _LOCATIVE,
    _MEMORY_SENTENCES,
    _MISSIONS,
    _MODIFIER_PREFIX,
    _MODIFIER_SUFFIX,
    _PERSON_PRONOUNS,
    _PLACE_ADJECTIVES,
    _POSSESSIVE,
    _PREPOSITIONS,
    _REGION_WORDS,
    _REPORTING,
    _THING_PRONOUNS,
    _WATERS,
)

#: "called in the Chinese ambassador": the particle "in" and the envoys it takes.
_CALL_FORMS = frozenset({"call", "calls", "called", "calling"})
_ENVOYS = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "charge", "diplomat", "diplomats"}
)

#: Persons a state detains or expels, before a contact relative clause ("a national they
#: accused of spying").
_DETAINED_PERSONS = frozenset(
    {"national", "nationals", "citizen", "citizens", "man", "men", "woman", "women", "journalist",
     "journalists", "diplomat", "diplomats", "suspect", "suspects", "worker", "workers",
     "businessman", "activist", "activists", "tourist", "tourists", "student", "students",
     "officer", "officers", "soldier", "soldiers", "employee", "employees", "researcher"}
)  # fmt: skip
#: Accusing verbs in the past after such a relative pronoun.
_ACCUSED_FORMS = frozenset({"accused", "suspected", "blamed", "charged"})


def _contact_relative(d: _Doc, i: int, s0: int, trigger_starts: set[int]) -> bool:
    """Whether "they|it" at ``i`` opens a relative clause without "whom" whose verb accuses.

    "detained a French national they accused of spying": the pronoun stands for the main
    clause's subject, which the clause's person was detained by.
    """
    return (
        d.low[i] in ("they", "it")
        and i - 2 > s0
        and i + 1 < d.n
        # "a French national they", "a Finnish engineer it": a person, or a noun after a
        # demonym
        and (
            d.low[i - 1] in _DETAINED_PERSONS
            or bool(d.ent[i - 2] and d.alpha[i - 1] and d.lower[i - 1])
        )
        and d.low[i + 1] in _ACCUSED_FORMS
        and i + 1 in trigger_starts
    )


#: The first words of the references :meth:`_Mentions._pronoun` resolves (others give none).
_PRONOUN_WORDS = _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS | {"it", "the", "both"}


class _Mentions(_CoderState):
    """Actor mentions of a document: entities joined up, pronouns resolved, roles set."""

    def _raw_mentions(self, d: _Doc, ents: list[tuple[int, int, str, str]]) -> dict[int, _Mention]:
        """Actor mentions from the entity ruler, with "Russian President ..." joined up."""
        n = d.n
        raw: list[_Mention] = []
        k = 0
        while k < len(ents):
            start, end, label, actor = ents[k]
            person = label == "PERSON"
            if label == "DEMONYM":
                j = end
                while j < n and j - end < 4 and d.low[j] in self._titles:
                    j += 1
                if j > end:
                    person = True
                    end = j
                    if k + 1 < len(ents) and ents[k + 1][0] == end:
                        nxt = ents[k + 1]
                        if nxt[2] == "PERSON":
                            actor = nxt[3]
                        end = nxt[1]
                        k += 1
                    else:
                        j = end
                        limit = min(n, end + 3)
                        next_ent = ents[k + 1][0] if k + 1 < len(ents) else n
                        while j < limit and j < next_ent and d.title[j]:
                            j += 1
                        end = j
            if (
                label in ("DEMONYM", "ACTOR")
                and not person
                and start > 0
                and d.low[start - 1] in _REGION_WORDS
                and d.low[start].startswith("america")
            ):
                k += 1
                continue  # "Latin American countries", "Central America's": a region, not the US
            if not person:
                # "Turkish troops", "Russian military police", "Colombia's government"
                j = end
                possessive = label != "DEMONYM" and j + 1 < n and d.text[j] in _POSSESSIVE
                nxt_ent = ents[k + 1] if k + 1 < len(ents) else None
                if (
                    possessive
                    and nxt_ent is not None
                    and nxt_ent[0] == j + 1
                    and nxt_ent[2] == "ACTOR"
                    and nxt_ent[3] != actor
                    and self._kinds.get(actor) == "state" == self._kinds.get(nxt_ent[3])
                ):
                    # "Venezuela's National Guard": a state's institution, whatever other state
                    # the same name belongs to ("Lebanon's Hezbollah" stays Hezbollah)
                    end = nxt_ent[1]
                    k += 1
                    j = end
                    possessive = False
                if possessive:
                    if d.low[j + 1] in _FORCE_NOUNS:
                        j += 1
                    elif (
                        j + 2 < n
                        and d.low[j + 1] in _INSTITUTION_ADJECTIVES
                        and d.low[j + 2] in _FORCE_NOUNS
                    ):
                        j += 2  # "Syria's interim authorities"
                    else:
                        j = end
                next_ent = ents[k + 1][0] if k + 1 < len(ents) else n
                if j > end or label in ("DEMONYM", "ACTOR"):
                    stop = j
                    while stop < min(n, next_ent) and d.low[stop] in _FORCE_NOUNS:
                        stop += 1
                    if stop > j or j > end:
                        end = max(stop, j + 1 if j > end else stop)
                # "Nepal's foreign minister", "Ukraine's president": the state's official
                t = end + 1 if possessive and end < n and d.text[end] in _POSSESSIVE else end
                if (
                    possessive
                    and t + 1 < n
                    and d.low[t] in _INSTITUTION_ADJECTIVES
                    and self._title_word(d.low[t + 1])
                ):
                    t += 1  # "Germany's new chancellor"
                if possessive and t < n and self._title_word(d.low[t]):
                    while t < n and self._title_word(d.low[t]):
                        t += 1
                    end, person = t, True
                # "the Saudi-led coalition", "the Kurdish-led SDF": the leader's mention
                if not person and end + 1 < n and d.text[end] == "-" and d.low[end + 1] == "led":
                    next_ent = ents[k + 1][0] if k + 1 < len(ents) else n
                    if next_ent == end + 2:
                        end = ents[k + 1][1]
                        k += 1
                    elif end + 2 < n and d.low[end + 2] in _LED_NOUNS:
                        end += 3
            raw.append(_Mention(start, end, (actor,), person=person))
            k += 1

        return {m.start: m for m in raw}

    def _title_word(self, low: str) -> bool:
        """A title after a possessive state ("minister", "president"), not a relation."""
        return low in self._titles and low not in self._relational

    def _mentions(
        self,
        d: _Doc,
        starts: dict[int, _Mention],
        s0: int,
        s1: int,
        memory: _Memory,
        trigger_starts: set[int],
    ) -> list[_Mention]:
        """The mentions of one sentence, pronouns resolved against ``memory`` (updated)."""
        mentions: list[_Mention] = []
        i = s0
        group: list[str] = []
        prev_end = -1
        low = d.low
        while i < s1:
            m = starts.get(i)
            if m is None and low[i] in ("the", "both") and i + 1 < s1 and low[i + 1] == "two":
                m = self._two_here(d, i, mentions)
            elif m is None and low[i] == "both" and i + 1 in trigger_starts:
                m = self._two_here(d, i, mentions, 1)  # "... and both agreed to"
            if (
                m is None
                and low[i] in _PRONOUN_WORDS
                and not (low[i] in ("his", "her") and i + 1 in starts)
            ):  # "his Iranian counterpart": a determiner of the mention after it
                m = self._pronoun(d, i, memory, trigger_starts)
                if m is not None and low[i] in ("its", "their") and mentions:
                    m = self._speaker_possessive(d, m, mentions)
                if mentions and _contact_relative(d, i, s0, trigger_starts):
                    # "Mali detained a French national they accused of spying": the subject
                    first = mentions[0]
                    m = _Mention(i, i + 1, first.actors, last_word=first.last_word)
            if m is None:
                i += 1
                continue
            self._roles(d, m)
            mentions.append(m)
            memory.history.append((memory.sentence, m))
            if len(memory.history) > 64:
                del memory.history[:32]
            # coordination groups ("Putin and Erdogan")
            gap = set(low[prev_end : m.start]) if prev_end >= 0 else None
            if m.role != "actor":
                group, prev_end = [], -1
                i = max(m.end, i + 1)
                continue
            if gap is not None and gap <= _JOINERS:
                group.extend(m.actors)
            else:
                group = list(m.actors)
            distinct = tuple(dict.fromkeys(group))
            if len(distinct) >= 2:
                memory.group = (memory.sentence, distinct)
            prev_end = m.end
            i = max(m.end, i + 1)
        return mentions

    def _two_here(
        self, d: _Doc, i: int, mentions: list[_Mention], length: int = 2
    ) -> _Mention | None:
        """Resolve "the two (leaders)" to exactly two actors named earlier in the sentence.

        "X held a summit with Y in Z, where the two leaders pledged ...": X and Y.
        """
        actors = tuple(dict.fromkeys(a for m in mentions if m.role == "actor" for a in m.actors))
        if len(actors) != 2:
            return None
        end = i + length
        if length == 2 and end < d.n and d.low[end] in _GROUP_NOUNS:
            end += 1
        return _Mention(i, end, actors, last_word=d.low[end - 1])

    def _speaker_possessive(self, d: _Doc, m: _Mention, mentions: list[_Mention]) -> _Mention:
        """Resolve "its" or "their" in a reported clause to the speaker.

        "Guyana said Venezuelan soldiers had fired on its troops": a possessive pronoun that
        would resolve to its own clause's subject names the speaker instead.
        """
        first, last = mentions[0], mentions[-1]
        if last is first or last.actors != m.actors or first.actors == m.actors:
            return m
        if not any(d.low[x] in _REPORTING for x in range(first.end, last.start)):
            return m
        return _Mention(
            m.start, m.end, first.actors, person=first.person, last_word=first.last_word
        )

    def _recall(self, memory: _Memory, want, subject: bool = False) -> _Mention | None:
        """Return the latest earlier mention that ``want`` accepts.

        For a subject pronoun, prefer one that was not the object of a preposition ("In
        addition to talking to Macron, he ...").
        """
        fallback = None
        for sent, m in reversed(memory.history):
            if memory.sentence - sent > _MEMORY_SENTENCES:
                break
            if m.role == "actor" and want(m):
                if not subject or not m.after_preposition:
                    return m
                fallback = fallback or m
        return fallback

    def _pronoun(self, d: _Doc, i: int, memory: _Memory, trigger_starts: set[int]):
        low = d.low[i]
        found: _Mention | None = None
        end = i + 1
        if low in _PERSON_PRONOUNS:
            found = self._recall(memory, lambda m: m.person, subject=low in ("he", "she"))
        elif low in _THING_PRONOUNS or (
            low == "it"
            and (
                any(t in trigger_starts for t in range(i + 1, i + 5))
                or _accused_it(d, i, trigger_starts)
            )
        ):
            subject = _verb_subject(d, i, memory)  # "a U.N. report accusing it": not the U.N.
            found = self._recall(
                memory, lambda m: not m.person and m is not subject, subject=low == "it"
            )
        elif low in _GROUP_PRONOUNS or (
            low in ("the", "both")
            and i + 1 < d.n
            and (
                d.low[i + 1] in ("two", "sides") or (low == "both" and d.low[i + 1] in _GROUP_NOUNS)
            )
        ):  # "the two (sides)", "both sides|countries|leaders"
            if low in ("the", "both"):
                end = i + 2
                if end < d.n and d.low[end] in _GROUP_NOUNS:
                    end += 1
            pair = _two_named(memory) if low in ("the", "both") else None
            if pair:  # "X was received by Y, and the two sides signed ..."
                return _Mention(i, end, pair, last_word=d.low[end - 1])
            if memory.group and memory.sentence - memory.group[0] <= 2:
                return _Mention(i, end, memory.group[1], last_word=d.low[end - 1])
            # "expelled three Russian diplomats, accusing them of ...": persons in the plural
            subject = _verb_subject(d, i, memory)  # "Chisinau accused them": the diplomats
            found = (
                None
                if subject is None
                else self._recall(memory, lambda m: m.last_word.endswith("s") and m is not subject)
            )
            found = found or self._recall(
                memory,
                lambda m: (not m.person or m.last_word.endswith("s")) and m is not subject,
            )
        elif low == "the" and i + 1 < d.n and d.low[i + 1] in self._anaphoric and not d.ent[i + 1]:
            noun = d.low[i + 1]
            end = i + 2
            found = self._recall(memory, lambda m: m.last_word == noun)
        if found is None:
            return None
        return _Mention(i, end, found.actors, person=found.person, last_word=found.last_word)

    def _roles(self, d: _Doc, m: _Mention) -> None:
        n = d.n
        if not m.last_word:
            m.last_word = d.low[m.end - 1]
        if d.low[m.start] in ("his", "her", "its", "their"):
            m.possessive = True
        if m.end < n and d.text[m.end] in _POSSESSIVE:
            m.possessive = True
            for x in range(m.end + 1, min(n, m.end + 4)):
                if d.punct[x] and d.text[x] != "-":
                    break
                if d.low[x] in self._relational:
                    m.relational = True
                    break
        if m.end + 1 < n and d.text[m.end] == "-" and d.low[m.end + 1] in _MODIFIER_SUFFIX:
            m.role = "modifier"
        if m.start >= 2 and d.text[m.start - 1] == "-" and d.low[m.start - 2] in (_MODIFIER_PREFIX):
            m.role = "modifier"
        p = m.start - 1
        while p >= 0 and d.low[p] in ("the", "a", "an"):
            p -= 1
        if p >= 0:
            prev = d.low[p]
            # "a delegation from Hamas arrived": the delegation is Hamas's, a subject
            if prev in _PREPOSITIONS and not (
                prev == "from" and p > 0 and d.low[p - 1] in _DELEGATES
            ):
                m.after_preposition = True
        if (
            m.end < n
            and d.low[m.end] == "pressure"
            and any(d.low[x] in ("under", "amid") for x in range(max(0, m.start - 3), m.start))
        ):
            m.role = "modifier"  # "pulled back under heavy U.S. pressure": no party of it
        if (m.start >= 2 and d.low[m.start - 1] == "of" and d.low[m.start - 2] in _WATERS) or (
            m.end < n and d.low[m.end] == "sea"
        ):
            m.role = "location"  # "the Gulf of Finland", "the South China Sea": a place's name
        # "in northeastern Syria": a place, unless it is the actor's embassy or mission
        q, n_adj = p, 0
        while q >= 0 and n_adj < 2 and (d.low[q] in _PLACE_ADJECTIVES):
            q -= 1
            n_adj += 1
            while q >= 0 and d.low[q] in ("the", "a", "an"):
                q -= 1
        if (
            q >= 0
            and d.low[q] in _LOCATIVE
            and m.role == "actor"
            and not (m.end < n and d.low[m.end] in _MISSIONS)
            and not self._called_in_envoy(d, q, m.end)
        ):
            m.role = "location"

    @staticmethod
    def _called_in_envoy(d: _Doc, q: int, end: int) -> bool:
        """Whether "in" at ``q`` is the particle of "called in the Chinese ambassador"."""
        if q < 1 or d.low[q] != "in" or d.low[q - 1] not in _CALL_FORMS:
            return False
        return any(d.low[x] in _ENVOYS for x in range(q + 1, min(len(d.low), end + 3)))

"""The coder: phrases found in each sentence, attributed, filtered and turned into events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from realpolitik.ingest.coder.derived import _close_to
from realpolitik.ingest.coder.event import Event, _Doc, _Memory, _Mention, _Trigger
from realpolitik.ingest.coder.forms18 import _Forms18
from realpolitik.ingest.coder.pipeline import _Actors, _build_nlp
from realpolitik.ingest.coder.steps import _Steps
from realpolitik.ingest.coder.words import (
    _AGREED_CONTENT,
    _MEETING_WORDS,
    _NOT_WEAPONS,
    _PLACE_TARGET_TYPES,
    _QUAD,
    _RECIPROCAL_AFTER,
    _SPEECH,
    _STRONG,
    _SUBJECT_PRONOUNS,
    _TROOP_NOUNS,
)
from realpolitik.ingest.dates import article_date, event_date, find_dates
from realpolitik.ingest.dictionary import Dictionary, load_dictionary
from realpolitik.ingest.text import clean_text, paragraphs


class EventCoder(_Forms18, _Steps):
    """Code articles into events with a dictionary.

    Parameters
    ----------
    dictionary : Dictionary, optional
        Actors and phrases; by default the base dictionary (:func:`load_dictionary`).

    Examples
    --------
    >>> coder = EventCoder()
    >>> [(e.type, e.source, e.target) for e in coder.code("Putin met Erdogan in Ankara.")]
    [('CONSULT', ('russia',), ('turkey',))]
    """

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        self.dictionary = dictionary if dictionary is not None else load_dictionary()
        self.nlp = _build_nlp(self.dictionary)
        # Trigger words are found by a set look-up of each token (those that are one token);
        # the rest of each phrase is checked by match_at. This is ~10x faster than spaCy's
        # Matcher with set predicates.
        self._by_first: dict[str, list[int]] = {}
        for i, phrase in enumerate(self.dictionary.phrases):
            for w in phrase.tokens[0][1]:
                self._by_first.setdefault(w, []).append(i)
        d = self.dictionary
        self._titles = d.titles
        self._anaphoric = d.anaphoric_nouns
        self._relational = d.relational_nouns
        self._negations = d.negations
        self._hypothetical = d.hypothetical
        self._desire = d.desire
        self._participles = d.participles
        self._prep_end: dict[int, bool] = {}
        self._kinds = {d.resolve(a.id): a.kind for a in d.actors.values()}
        self._country = {d.resolve(a.id): a.cameo[:3] for a in d.actors.values()}
        # The pipeline's work done per document without spaCy's per-token objects: the
        # tokenizer, then the sentencizer's rule and the entity ruler's entities on plain lists
        # (the same sentences and spans as ``self.nlp``).
        self._punct_chars = frozenset(self.nlp.get_pipe("sentencizer").punct_chars)
        self._actors = _Actors(self.nlp.get_pipe("entity_ruler"))
        # A single-token trigger pattern matches where the token's lower case is its word.
        self._trigger_words = frozenset(
            doc[0].lower_ for doc in (self.nlp.make_doc(w) for w in self._by_first) if len(doc) == 1
        )
        self._lexemes: dict[str, tuple[str, bool, bool, bool, bool]] = {}

    # --- public ---------------------------------------------------------------------------------
    def code(
        self,
        text: str,
        *,
        reference_date: dt.date | None = None,
        file: str | None = None,
        batch_size: int = 64,
    ) -> list[Event]:
        """Code one article.

        Parameters
        ----------
        text : str
            The article (plain text or Markdown).
        reference_date : datetime.date, optional
            Date that relative expressions ("last year", "on Wednesday") count from; by default
            the first full date in the article's first lines.
        file : str, optional
            Name recorded on each event.
        batch_size : int
            Paragraphs per spaCy batch.

        Returns
        -------
        list of Event
            In sentence order.
        """
        if reference_date is None:
            reference_date = article_date(text)
        cleaned = clean_text(text)
        memory = _Memory()
        events: list[Event] = []
        for paragraph in paragraphs(cleaned):
            events.extend(self._code_doc(self._tokens(paragraph), memory, reference_date, file))
        return events

    def count_sentences(self, text: str) -> int:
        """Number of sentences the coder sees in ``text`` (for benchmarks and reports)."""
        return sum(len(self._sentences(self._tokens(p))) for p in paragraphs(clean_text(text)))

    def sentences(self, text: str) -> list[str]:
        """The sentences of ``text`` as numbered by :meth:`code` (number = index + 1)."""
        out: list[str] = []
        for p in paragraphs(clean_text(text)):
            d = self._tokens(p)
            out.extend(d.doc[s0:s1].text.strip() for s0, s1 in self._sentences(d))
        return out

    # --- one document ---------------------------------------------------------------------------
    def _code_doc(
        self, d: _Doc, memory: _Memory, reference: dt.date | None, file: str | None
    ) -> Iterator[Event]:
        ents = self._actors(d.doc)
        for start, end, _, _ in ents:
            for x in range(start, end):
                d.ent[x] = 1
        sents = self._sentences(d)
        by_sent_t = [
            [t for t in ts if not self._dropped(d, t, s0, s1)]
            for ts, (s0, s1) in zip(self._triggers(d, sents), sents, strict=True)
        ]
        trigger_starts = {t.start for ts in by_sent_t for t in ts}
        starts = self._raw_mentions(d, ents)
        for si, (s0, s1) in enumerate(sents):
            memory.sentence += 1
            mentions = self._mentions(d, starts, s0, s1, memory, trigger_starts)
            if not mentions:
                continue
            n, ts = memory.sentence, by_sent_t[si]
            events = list(self._code_sentence(d, s0, s1, n, mentions, ts, reference, file))
            for event in events + self._later(d, s0, s1, n, mentions, events, file):
                if event.mutual or event.trigger.lower().split()[0] in _MEETING_WORDS:
                    memory.group = (
                        memory.sentence,
                        tuple(dict.fromkeys(event.source + event.target)),
                    )
                yield event

    # --- one sentence ---------------------------------------------------------------------------
    def _code_sentence(
        self,
        d: _Doc,
        s0: int,
        s1: int,
        number: int,
        mentions: list[_Mention],
        triggers: list[_Trigger],
        reference: dt.date | None,
        file: str | None,
    ) -> Iterator[Event]:
        end_at: dict[int, _Mention] = {}
        start_at: dict[int, _Mention] = {}
        for m in mentions:
            end_at.setdefault(m.end, m)
            start_at.setdefault(m.start, m)
        modifiers = [t for t in triggers if self._modifier_use(d, t, s0, end_at)]
        triggers = [t for t in triggers if t not in modifiers]
        # "a statement condemning Russia's strikes on Ukraine": what a modifier condemns
        # (or praises) is not coded either
        objects = {
            t.start
            for m in modifiers
            if m.phrase.type in ("ACCUSE", "SUPPORT")
            for t in triggers
            if 0 < t.start - m.end <= 4 and not d.low[t.head].endswith("ed")
        }
        triggers = [t for t in triggers if t.start not in objects]
        coded: list[tuple[_Trigger, list[_Mention], list[_Mention]]] = []
        seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
        dates = None
        sent_text = ""
        irrealis_at = -1
        previous: _Trigger | None = None
        irrealis_close = s1
        for trig in triggers:
            if (
                irrealis_at >= 0
                and not trig.phrase.agent_inside  # ", a charge X denied": about the whole
                and not any(d.text[x] in _STRONG for x in range(irrealis_at, trig.start))
                and trig.start <= irrealis_close
                and not self._irrealis_ends(d, irrealis_at, trig)
            ):
                continue
            if trig.phrase.irrealis:
                irrealis_at = trig.end
                # "X, which Washington accuses of ..., detained ...": the relative clause ends it
                irrealis_close = self._relative_close(d, trig, s0, s1)
            if self._cancelled(d, trig, s0, s1):
                continue
            phrase = trig.phrase
            if coded and not phrase.agent_after and self._means_of_event(d, trig, s0):
                continue  # "killed a commander in a (drone) strike on ...": the means of an event
            if (
                phrase.type == "ACCUSE"
                and trig.end < s1
                and d.low[trig.end] == "of"
                and d.low[trig.head].endswith("ed")
                # "a French national they accused of spying": a pronoun is its subject
                and not (trig.start > s0 and d.low[trig.start - 1] in _SUBJECT_PRONOUNS)
            ):
                continue  # "drone makers accused of supplying Russia": nobody accuses here
            if self._cause_after_over(d, trig, s0):
                continue  # "protested to China over the detention of ...": the cause
            before_trigger = end_at.get(trig.start)
            if self._reaction_drawn(d, trig):
                before_trigger = None  # "X's expulsion of a Y diplomat drew a warning from Y"
            if before_trigger is not None and any(
                before_trigger in t and t is not s
                for _, s, t in coded  # not a reciprocal's
            ):
                continue  # "condemned the Israeli strike on Gaza": the object of a coded event
            if previous is not None and self._object_of_previous(d, trig, previous):
                previous = trig
                continue  # "condemned the attacks on temples in X": what is condemned
            if (
                previous is not None
                and previous.phrase.type == "AGREE"
                and trig.phrase.type in _AGREED_CONTENT
                and not trig.phrase.agent_after  # "accepted a deal brokered by Z": Z mediated
                and (previous.end == trig.start or self._agreed_verb_between(d, previous, trig))
            ):
                previous = trig
                continue  # "agreed to cooperate", "pledged to send aid": what is agreed
            previous = trig
            source: list[_Mention] | None = None
            target: list[_Mention] | None = None
            coordinated: list[_Mention] | None = None  # the target of a coordinated event
            passive, agent, reduced = self._voice(d, trig, s1, start_at)
            if (
                phrase.passive
                and (passive or not self._armed_subject(d, trig, end_at))
                and (
                    not passive
                    or agent is None
                    or any(w in _NOT_WEAPONS for w in d.low[trig.end : min(s1, agent.end + 2)])
                )
            ):
                # "prices hit a record", "was hit by new EU sanctions": "hit" alone is an attack
                # only in the passive, by arms, or with arms as its subject ("Russian drones hit")
                active = None if passive else self._active_use(d, trig, s1)
                if active is None:
                    continue
                # "Moscow pummelled Kyiv's positions": a verb of the passive-only phrase with an
                # active phrase of its own is coded by that one in the active
                trig = _Trigger(trig.start, trig.end, trig.head, active)
                phrase = active
            if phrase.type == "ASSAULT" and not passive and self._other_blows(d, trig, s1):
                continue  # "pummelled|pounded Beijing with tariffs": blows of another kind
            if passive and agent is None and phrase.type in ("AID", "MOBILIZE"):
                # "Spanish planes were sent to Greece": the state of what is sent sends it
                passive = self._means_agent(d, trig, s1, start_at, triggers) is not None
            if phrase.agent_inside:
                inner = next((start_at[y] for y in range(trig.start + 1, trig.end)
                              if y in start_at and start_at[y].role == "actor"), None)  # fmt: skip
                if inner is None:
                    continue
                source = [inner]
                # the subject made the charge only if it accused or said something
                if any(t.phrase.type == "ACCUSE" for t, _, _ in coded) or any(
                    w in _SPEECH for w in d.low[s0 : trig.start]
                ):
                    target = self._first_group(d, mentions, trig.start, s0, end_at)
            elif phrase.agent_after:
                passive = False
                pair = self._agent_after(d, trig, s0, s1, start_at, end_at, mentions, coded)
                if pair is None:
                    continue
                source, target = pair
            elif passive:
                if agent is None:
                    agent = self._means_agent(d, trig, s1, start_at, triggers)
                if agent is None:
                    agent = self._claimed_by(d, trig, s1, start_at)  # "in an attack claimed by"
                if agent is None:
                    continue
                source = self._group_right(d, agent, start_at, s1)
                if reduced:
                    # "Soleimani, killed by ...": only the noun the participle follows
                    before = trig.start - 1 if d.text[trig.start - 1] == "," else trig.start
                    near = end_at.get(before)
                    target = [near] if near is not None and near.role == "actor" else None
                else:
                    target = self._left(d, trig.start, s0, end_at, coded, allow_prep=True)
                if target is None:  # "handed over to X by Y", "after being released by Y"
                    target = self._passive_target(d, trig, s0, s1, agent, start_at, mentions)
                if target is None and phrase.type == "ASSAULT":
                    target = self._place_before(d, trig, s0, mentions)  # "a refinery in X was"
            else:
                source, coordinated = self._active_source(
                    d, trig, s0, s1, mentions, end_at, start_at, coded
                )
                later = [t for t in triggers if t.start >= trig.end]
                place = False
                if later and self._object_of_previous(d, later[0], trig):
                    # "condemned the arrest of a journalist in Venezuela": the target is in
                    # what is condemned, which may name only its place
                    place = True
                    later = later[1:]
                next_trigger = next(
                    (t.start for t in later if not self._content_at(d, t.start, trig, triggers)), s1
                )
                if phrase.irrealis:
                    next_trigger = s1  # "threatened to launch an offensive against X": X
                ally = start_at.get(trig.end + 1) if trig.end + 1 < s1 else None
                if (
                    source
                    and phrase.type == "ASSAULT"
                    and ally is not None
                    and ally.role == "actor"
                    and d.low[trig.end] in ("alongside", "beside")
                ):
                    source = [*source, ally]  # "X fought alongside Y against Z": X and Y
                relative = self._relative_object(d, source, trig, s0, end_at) if source else None
                exclude = {a for m in source or [] for a in m.actors}
                n_src = len(exclude)
                # "pledged to invest ... in the United States": a target after "in" may be a place
                place = (
                    place
                    or phrase.type in _PLACE_TARGET_TYPES
                    or phrase.pattern[-3:] == " in"
                    or phrase.forces
                )
                if relative is not None:
                    target = relative  # "X, which Washington accuses of ...": X
                elif phrase.mutual and phrase.pattern.endswith(("between", "binding")):
                    target = self._right(d, trig.end, s1, next_trigger, start_at, set())
                    if target and len({a for m in target for a in m.actors}) >= 2:
                        source = target
                    elif d.low[trig.end - 1] == "between":
                        source = None  # "fighting between Israel and <unlisted>": one side only
                elif (
                    phrase.mutual
                    and n_src >= 2
                    and trig.end < s1
                    and (d.low[trig.end] in _RECIPROCAL_AFTER or _close_to(d, trig.end, s1))
                ):
                    target = source  # "Indian and Chinese troops clashed in the valley"
                elif (
                    phrase.mutual
                    and n_src >= 2
                    and phrase.type == "COOPERATE"
                    and d.low[trig.end - 1] in ("against", "on")
                ):
                    target = source  # "X and Y launched joint operations against Z": partners
                elif (
                    phrase.type == "AGREE"
                    and n_src >= 2
                    and trig.end < s1
                    and d.low[trig.end] in ("jointly", "together", "cooperate", "coordinate")
                ):
                    # "pledged to jointly police ...": each other; "... fund X for Kyiv": Kyiv
                    target = self._beneficiary(d, trig.end, s1, start_at, exclude) or source
                elif phrase.mutual and n_src >= 2 and d.low[trig.end - 1] == "to":
                    target = self._proposer(d, trig.end, s1, start_at, exclude)
                    if target is None:
                        target = source  # "Turkey and Iraq agreed to designate the PKK": each other
                else:
                    at_end = self._ends_with_preposition(phrase) and not phrase.object_first
                    begin = trig.end if at_end else trig.head + 1
                    # a verb and its own "by" ("stand+ by|with"), not a noun's ("offer by")
                    own_by = (
                        len(phrase.tokens) >= 2
                        and phrase.tokens[-1][0] == "word"
                        and "by" in phrase.tokens[-1][1]
                        and all(k == "word" and opt for k, _, opt in phrase.tokens[1:-1])
                        and not phrase.mutual
                    )
                    if own_by:
                        begin = trig.end  # "stood by Hezbollah": the phrase's own "by", no agent's
                    if phrase.mutual and self._partner_after(d, trig, s1, start_at):
                        begin = trig.end  # "signed a Chinese-funded deal with X": X
                    target = self._right(
                        d,
                        begin,
                        s1,
                        next_trigger,
                        start_at,
                        exclude,
                        place,
                        phrase.irrealis,
                        threat=self._threat_if(d, trig),
                        cargo=phrase.type in ("ASSAULT", "COERCE"),
                    )
                    if own_by and target:
                        obj = trig.end
                        if obj < s1 and d.low[obj] in ("the", "a", "an"):
                            obj += 1
                        if target[0].start > obj:
                            target = None  # "stood by its decision to close the border with X"
                    if target is None and phrase.type == "ASSAULT":
                        target = self._reported_victim(d, trig, s0, mentions, exclude)
                    if target is None and phrase.type in ("AGREE", "THREATEN"):
                        target = self._inside_frame(d, trig, start_at, exclude)
                        target = target or self._content_agent(d, trig, s1, start_at, exclude)
                    if target is None and phrase.type == "AGREE" and phrase.mutual:
                        target = self._visit_partner(d, s0, s1, start_at, exclude)
            if not source or (phrase.person and not any(m.person for m in source)):
                continue
            if phrase.forces and not any(d.low[m.end - 1] in _TROOP_NOUNS for m in source):
                continue  # "the minister left Paris": no withdrawal
            if target and self._no_party(d, trig, target[0]):
                continue  # "ordered the army to ...": its own army; nationals flown back home
            solo = self._solo_drills(d, trig, s1, start_at, source) if phrase.plural else None
            if phrase.plural and solo is None:
                if len({a for m in source for a in m.actors}) < 2 or d.low[trig.start - 1] == "to":
                    continue  # "phoned X and Y to discuss ...": a purpose, not their talks
                target = source  # partners of each other, whatever follows
            src = tuple(dict.fromkeys(a for m in source for a in m.actors))
            tgt = tuple(dict.fromkeys(a for m in target or [] for a in m.actors))
            if source is not target:
                tgt = tuple(a for a in tgt if a not in src)
            if (
                not tgt
                and (phrase.mutual or self._joint_pledge(d, trig))
                and len(src) >= 2
                and not (trig.start > s0 and d.low[trig.start - 1] == "to")
            ):
                tgt = src  # not after "to": "sent supplies to fight the epidemic" is a purpose
            if not tgt and phrase.mutual and len(src) == 1 and coordinated is not None:
                # "X met Y in Hanoi and signed deals", "travelled to Beijing and signed a
                # framework": with Y, as "X signed a deal with Y" (one way)
                tgt = tuple(a for m in coordinated for a in m.actors if a not in src)
            if solo is not None:
                tgt = solo[3]
            if not tgt:
                tgt = self._late_target(d, trig, s0, s1, src, coordinated, start_at)
            src, tgt = self._both_ways(d, trig, s1, src, tgt)
            if not tgt:
                continue
            type_, mode, cameo = phrase.type, phrase.mode, phrase.cameo
            scheme = self._scheme_of(d, trig, target, s1) if type_ == "RETREAT" else ""
            if scheme == "unnamed":
                continue  # "withdrew from the Paris climate agreement": no party named
            if type_ == "RETREAT" and (
                all(self._kinds.get(a) == "organisation" for a in tgt) or scheme
            ):
                # leaving an organisation or "China's Belt and Road Initiative" is reducing
                # relations, not a military retreat
                type_, mode, cameo = "SANCTION", "withdraw", "161"
            key = (type_, frozenset(src), frozenset(tgt))
            assert source is not None  # `if not source: continue` above
            coded.append((trig, source, target or []))
            if key in seen:
                continue
            if dates is None:
                sent_text = d.doc[s0:s1].text
                dates = find_dates(sent_text, reference)
            date = event_date(sent_text, d.doc[trig.head].idx - d.doc[s0].idx, dates)
            main = solo or (type_, mode, src, tgt, phrase.intensity, cameo)
            implied = self._implied(d, trig, s1, start_at, src, tgt)
            for type2, mode2, src2, tgt2, intensity2, cameo2 in [main, *implied]:
                key2 = (type2, frozenset(src2), frozenset(tgt2))
                if key2 in seen:
                    continue
                seen.add(key2)
                yield Event(
                    sentence=number,
                    text=sent_text.strip(),
                    source=src2,
                    type=type2,
                    mode=mode2,
                    target=tgt2,
                    intensity=intensity2,
                    date=date,
                    cameo=cameo2,
                    quad_class=_QUAD.get(cameo2[:2], 0),
                    trigger=d.doc[trig.start : trig.end].text,
                    file=file,
                )

"""The coder: phrases found in each sentence, attributed, filtered and turned into events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from realpolitik.ingest.coder.clauses import _Clauses
from realpolitik.ingest.coder.event import Event, _Memory, _Mention, _Trigger
from realpolitik.ingest.coder.pipeline import _build_nlp
from realpolitik.ingest.coder.words import (
    _AGREED_CONTENT,
    _MEETING_WORDS,
    _PLACE_TARGET_TYPES,
    _QUAD,
    _RECIPROCAL_AFTER,
    _STRONG,
)
from realpolitik.ingest.dates import article_date, find_dates
from realpolitik.ingest.dictionary import Dictionary, load_dictionary, match_at
from realpolitik.ingest.text import clean_text, paragraphs


class EventCoder(_Clauses):
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
        from spacy.matcher import PhraseMatcher

        self.dictionary = dictionary if dictionary is not None else load_dictionary()
        self.nlp = _build_nlp(self.dictionary)
        # Trigger words are found with a PhraseMatcher (hash look-ups); the rest of each phrase
        # is checked by match_at. This is ~10x faster than spaCy's Matcher with set predicates.
        self._by_first: dict[str, list[int]] = {}
        for i, phrase in enumerate(self.dictionary.phrases):
            for w in phrase.tokens[0][1]:
                self._by_first.setdefault(w, []).append(i)
        self.trigger_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.trigger_matcher.add("TRIGGER", [self.nlp.make_doc(w) for w in sorted(self._by_first)])
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
        for doc in self.nlp.pipe(paragraphs(cleaned), batch_size=batch_size):
            events.extend(self._code_doc(doc, memory, reference_date, file))
        return events

    def count_sentences(self, text: str) -> int:
        """Number of sentences the coder sees in ``text`` (for benchmarks and reports)."""
        return sum(1 for doc in self.nlp.pipe(paragraphs(clean_text(text))) for _ in doc.sents)

    def sentences(self, text: str) -> list[str]:
        """The sentences of ``text`` as numbered by :meth:`code` (number = index + 1)."""
        return [
            s.text.strip() for doc in self.nlp.pipe(paragraphs(clean_text(text))) for s in doc.sents
        ]

    # --- one document ---------------------------------------------------------------------------
    def _triggers(self, doc: Any, words: list[str], sent_end: list[int]) -> list[_Trigger]:
        phrases = self.dictionary.phrases
        found = []
        for _, start, end in self.trigger_matcher(doc):
            if end != start + 1:
                continue
            for i in self._by_first.get(words[start], ()):
                stop = match_at(phrases[i].tokens, words, start, sent_end[start])
                if stop > start:
                    found.append((start, -(stop - start), i, stop))
        found.sort()
        taken = bytearray(len(doc))
        out = []
        for start, _, i, end in found:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = 1
            head = start + 1 if words[start] in ("-", "a", "an", "the") else start
            out.append(_Trigger(start, end, head, phrases[i]))
        out.sort(key=lambda t: t.start)
        return out

    def _code_doc(
        self, doc: Any, memory: _Memory, reference: dt.date | None, file: str | None
    ) -> Iterator[Event]:
        sents = list(doc.sents)
        sent_of = [0] * len(doc)
        for si, s in enumerate(sents):
            for x in range(s.start, s.end):
                sent_of[x] = si
        words = [t.lower_ for t in doc]
        sent_end = [0] * len(doc)
        for s in sents:
            for x in range(s.start, s.end):
                sent_end[x] = s.end
        triggers = self._triggers(doc, words, sent_end)
        trigger_starts = {t.start for t in triggers}
        starts = self._raw_mentions(doc)
        by_sent_t: list[list[_Trigger]] = [[] for _ in sents]
        for t in triggers:
            by_sent_t[sent_of[t.start]].append(t)
        for si, sent in enumerate(sents):
            memory.sentence += 1
            mentions = self._mentions(doc, starts, sent.start, sent.end, memory, trigger_starts)
            if not by_sent_t[si] or not mentions:
                continue
            for event in self._code_sentence(
                doc, sent, memory.sentence, mentions, by_sent_t[si], reference, file
            ):
                if event.mutual or event.trigger.lower().split()[0] in _MEETING_WORDS:
                    memory.group = (
                        memory.sentence,
                        tuple(dict.fromkeys(event.source + event.target)),
                    )
                yield event

    # --- one sentence ---------------------------------------------------------------------------
    def _code_sentence(
        self,
        doc: Any,
        sent: Any,
        number: int,
        mentions: list[_Mention],
        triggers: list[_Trigger],
        reference: dt.date | None,
        file: str | None,
    ) -> Iterator[Event]:
        s0, s1 = sent.start, sent.end
        end_at: dict[int, _Mention] = {}
        start_at: dict[int, _Mention] = {}
        for m in mentions:
            end_at.setdefault(m.end, m)
            start_at.setdefault(m.start, m)
        modifiers = [t for t in triggers if self._modifier_use(doc, t, s0, end_at)]
        triggers = [t for t in triggers if t not in modifiers]
        # "a statement condemning Russia's strikes on Ukraine": what a modifier condemns
        # (or praises) is not coded either
        objects = {
            t.start
            for m in modifiers
            if m.phrase.type in ("ACCUSE", "SUPPORT")
            for t in triggers
            if 0 < t.start - m.end <= 4 and not doc[t.head].lower_.endswith("ed")
        }
        triggers = [t for t in triggers if t.start not in objects]
        coded: list[tuple[_Trigger, list[_Mention], list[_Mention]]] = []
        seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
        dates = None
        irrealis_at = -1
        previous: _Trigger | None = None
        for trig in triggers:
            if irrealis_at >= 0 and not any(
                doc[x].text in _STRONG for x in range(irrealis_at, trig.start)
            ):
                continue
            if trig.phrase.irrealis:
                irrealis_at = trig.end
            if self._cancelled(doc, trig, s0):
                continue
            phrase = trig.phrase
            if coded and any(
                trig.start - k - 1 >= s0
                and doc[trig.start - k - 1].lower_ in ("in", "with")
                and doc[trig.start - k].lower_ in ("a", "an", "the")
                for k in (1, 2)
            ):
                continue  # "killed a commander in a (drone) strike on ...": the means of an event
            if (
                phrase.type == "ACCUSE"
                and trig.end < s1
                and doc[trig.end].lower_ == "of"
                and doc[trig.head].lower_.endswith("ed")
            ):
                continue  # "drone makers accused of supplying Russia": nobody accuses here
            before_trigger = end_at.get(trig.start)
            if before_trigger is not None and any(before_trigger in t for _, _, t in coded):
                continue  # "condemned the Israeli strike on Gaza": the object of a coded event
            if previous is not None and self._object_of_previous(doc, trig, previous):
                previous = trig
                continue  # "condemned the attacks on temples in X": what is condemned
            if (
                previous is not None
                and previous.phrase.type == "AGREE"
                and previous.end == trig.start
                and trig.phrase.type in _AGREED_CONTENT
            ):
                previous = trig
                continue  # "agreed to cooperate", "pledged to send aid": what is agreed
            previous = trig
            source: list[_Mention] | None = None
            target: list[_Mention] | None = None
            passive, agent, reduced = self._voice(doc, trig, s1, start_at)
            if phrase.agent_after:
                passive = False
                agent = next((start_at[y] for y in range(trig.end, min(s1, trig.end + 5))
                              if y in start_at and start_at[y].role == "actor"), None)  # fmt: skip
                if agent is None:
                    continue
                source = self._group_right(doc, agent, start_at, s1)
                exclude = {a for m in source for a in m.actors}
                after = self._right(doc, source[-1].end, s1, s1, start_at, exclude, True)
                if after is None and phrase.mode != "visit":
                    # a visit's host is named after the visitor: "a visit by X to Y"
                    after = self._left(doc, trig.start, s0, end_at, coded, allow_prep=True)
                if after is None and phrase.mode == "third-party" and coded:
                    # "X and Y agreed to a truce after talks mediated by Z": the parties
                    last_trig, last_src, last_tgt = coded[-1]
                    if last_trig.phrase.mutual and (not last_tgt or last_tgt is last_src):
                        after = last_src
                target = after
            elif passive:
                if agent is None:
                    continue
                source = self._group_right(doc, agent, start_at, s1)
                if reduced:
                    # "Soleimani, killed by ...": only the noun the participle follows
                    before = trig.start - 1 if doc[trig.start - 1].text == "," else trig.start
                    near = end_at.get(before)
                    target = [near] if near is not None and near.role == "actor" else None
                else:
                    target = self._left(doc, trig.start, s0, end_at, coded, allow_prep=True)
            else:
                if (
                    doc[trig.head].lower_.endswith("ing")
                    and trig.start - 1 > s0
                    and doc[trig.start - 1].text == ","
                ):
                    source = self._first_group(doc, mentions, trig.start, s0, end_at)
                if source is None and self._visit_frame(doc, trig, s0):
                    source = self._first_group(doc, mentions, trig.start, s0, end_at)
                if source is None and "-" in phrase.tokens[0][1] and trig.start in end_at:
                    source = [end_at[trig.start]]  # "U.S.-backed": the modifier backs
                if source is None:
                    source = self._left(doc, trig.start, s0, end_at, coded)
                if source is None:
                    source = self._after_comma(doc, trig, s1, start_at)
                if source is None and phrase.type == "PROTEST":
                    # "Protesters in Baghdad stormed ...": the protesters' place
                    source = next(([m] for m in mentions if m.role == "location"), None)
                later = [t for t in triggers if t.start >= trig.end]
                place = False
                if later and self._object_of_previous(doc, later[0], trig):
                    # "condemned the arrest of a journalist in Venezuela": the target is in
                    # what is condemned, which may name only its place
                    place = True
                    later = later[1:]
                next_trigger = next(
                    (t.start for t in later if not self._content_at(t.start, trig, triggers)), s1
                )
                if phrase.irrealis:
                    next_trigger = s1  # "threatened to launch an offensive against X": X
                ally = start_at.get(trig.end + 1) if trig.end + 1 < s1 else None
                if (
                    source
                    and ally is not None
                    and ally.role == "actor"
                    and doc[trig.end].lower_ in ("alongside", "beside")
                ):
                    source = [*source, ally]  # "X fought alongside Y against Z": X and Y
                exclude = {a for m in source or [] for a in m.actors}
                n_src = len(exclude)
                place = place or phrase.type in _PLACE_TARGET_TYPES
                if phrase.mutual and phrase.pattern.endswith("between"):
                    target = self._right(doc, trig.end, s1, next_trigger, start_at, set())
                    if target and len({a for m in target for a in m.actors}) >= 2:
                        source = target
                elif (
                    phrase.mutual
                    and n_src >= 2
                    and trig.end < s1
                    and doc[trig.end].lower_ in _RECIPROCAL_AFTER
                ):
                    target = source  # "Indian and Chinese troops clashed in the valley"
                elif (
                    phrase.mutual
                    and n_src >= 2
                    and phrase.type == "COOPERATE"
                    and doc[trig.end - 1].lower_ in ("against", "on")
                ):
                    target = source  # "X and Y launched joint operations against Z": partners
                elif phrase.mutual and n_src >= 2 and doc[trig.end - 1].lower_ == "to":
                    target = self._proposer(doc, trig.end, s1, start_at, exclude)
                    if target is None:
                        target = source  # "Turkey and Iraq agreed to designate the PKK": each other
                else:
                    at_end = self._ends_with_preposition(phrase) and not phrase.object_first
                    begin = trig.end if at_end else trig.head + 1
                    target = self._right(
                        doc, begin, s1, next_trigger, start_at, exclude, place, phrase.irrealis
                    )
            if not source or (phrase.person and not any(m.person for m in source)):
                continue
            src = tuple(dict.fromkeys(a for m in source for a in m.actors))
            tgt = tuple(dict.fromkeys(a for m in target or [] for a in m.actors))
            if source is not target:
                tgt = tuple(a for a in tgt if a not in src)
            if (
                not tgt
                and phrase.mutual
                and len(src) >= 2
                and not (trig.start > s0 and doc[trig.start - 1].lower_ == "to")
            ):
                tgt = src  # not after "to": "sent supplies to fight the epidemic" is a purpose
            if not tgt:
                continue
            type_, mode, cameo = phrase.type, phrase.mode, phrase.cameo
            if type_ == "RETREAT" and all(self._kinds.get(a) == "organisation" for a in tgt):
                # leaving an organisation is reducing relations, not a military retreat
                type_, mode, cameo = "SANCTION", "withdraw", "161"
            key = (type_, frozenset(src), frozenset(tgt))
            assert source is not None  # `if not source: continue` above
            coded.append((trig, source, target or []))
            if key in seen:
                continue
            seen.add(key)
            if dates is None:
                dates = find_dates(sent.text, reference)
            yield Event(
                sentence=number,
                text=sent.text.strip(),
                source=src,
                type=type_,
                mode=mode,
                target=tgt,
                intensity=phrase.intensity,
                date=_event_date(sent.text, doc[trig.head].idx - sent.start_char, dates),
                cameo=cameo,
                quad_class=_QUAD.get(cameo[:2], 0),
                trigger=doc[trig.start : trig.end].text,
                file=file,
            )


def _event_date(text: str, offset: int, dates: list[Any]) -> str | None:
    """The date of the trigger's comma-delimited chunk, else of the sentence's opening chunk."""
    if not dates:
        return None
    cuts = [i for i, ch in enumerate(text) if ch in ",;:—"]
    lo = max((c for c in cuts if c < offset), default=-1)
    hi = min((c for c in cuts if c > offset), default=len(text))
    inside = [d for d in dates if lo < d.start < hi]
    if inside:
        return inside[0].value
    first_cut = cuts[0] if cuts else len(text)
    if lo >= 0:
        opening = [d for d in dates if d.start < first_cut]
        if opening:
            return opening[0].value
    return None


def code_text(
    text: str,
    *,
    dictionary: Dictionary | None = None,
    reference_date: dt.date | None = None,
    file: str | None = None,
) -> list[Event]:
    """Code one article into events (a convenience around :class:`EventCoder`).

    Examples
    --------
    >>> ev = code_text("Last year, Erdogan launched a military operation against the Kurds.",
    ...                reference_date=dt.date(2020, 1, 7))
    >>> [(e.type, e.source, e.target, e.date) for e in ev]
    [('ASSAULT', ('turkey',), ('kurds',), '2019')]
    """
    return _coder(dictionary).code(text, reference_date=reference_date, file=file)


_CODERS: list[tuple[Dictionary | None, EventCoder]] = []


def _coder(dictionary: Dictionary | None) -> EventCoder:
    for known, coder in _CODERS:
        if known is dictionary:
            return coder
    if len(_CODERS) >= 4:
        del _CODERS[0]
    coder = EventCoder(dictionary)
    _CODERS.append((dictionary, coder))
    return coder


def code_articles(
    articles: Iterable[tuple[str, str]],
    *,
    dictionary: Dictionary | None = None,
    reference_date: dt.date | None = None,
) -> list[Event]:
    """Code several ``(name, text)`` articles; events carry the article's name in ``file``."""
    coder = _coder(dictionary)
    out: list[Event] = []
    for name, text in articles:
        out.extend(coder.code(text, reference_date=reference_date, file=name))
    return out

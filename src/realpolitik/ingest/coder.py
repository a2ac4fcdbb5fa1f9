"""The event coder: sentences in, who-did-what-to-whom events out.

A blank spaCy English pipeline splits sentences (``sentencizer``) and finds actor mentions
(``entity_ruler`` built from the actor dictionary); a :class:`spacy.matcher.Matcher` finds event
phrases. Source and target come from the actor mentions nearest to the phrase in its clause:
before it for the source and after it for the target, the other way round in the passive
("was killed by"). Pronouns ("he", "its", "they", "the two") and definite descriptions
("the ministry") refer back to earlier mentions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from realpolitik.ingest.dates import article_date, find_dates
from realpolitik.ingest.dictionary import Dictionary, Phrase, load_dictionary, match_at
from realpolitik.ingest.text import clean_text, paragraphs

_STRONG = frozenset({";", ":", "—", "–", "--", "(", ")", "[", "]"})
_SPEECH = frozenset(
    {"said", "says", "say", "told", "tells", "stated", "added", "announced", "noted",
     "claimed", "insisted", "argued", "according", "reported", "wrote"}
)  # fmt: skip
_SUB_LEFT = frozenset(
    {"but", "while", "whereas", "although", "though", "because", "when", "if", "after",
     "before", "since", "as", "than", "unless", "whether", "that", "where"}
) | _SPEECH  # fmt: skip
_SUB_RIGHT = frozenset(
    {"but", "while", "whereas", "although", "though", "because", "when", "if", "after",
     "before", "since", "than", "unless", "whether", "which", "who", "whose", "whom", "that",
     "where"}
)  # fmt: skip
_RELATIVE = frozenset({"who", "which", "whose"})
_PREPOSITIONS = frozenset(
    {"with", "to", "against", "on", "from", "for", "by", "at", "in", "into", "toward",
     "towards", "about", "over", "between", "among", "upon", "near", "inside", "across",
     "throughout", "around", "within", "outside", "than", "like", "without", "despite"}
)  # fmt: skip
_LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "around", "within", "outside"}
)
_PLACE_ADJECTIVES = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "northeastern", "northwestern", "southeastern", "southwestern", "north-east",
     "north-west", "south-east", "south-west", "central", "occupied", "rebel-held", "coastal"}
)  # fmt: skip
_MISSIONS = frozenset({"embassy", "consulate", "mission", "embassies", "consulates"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_MODIFIER_SUFFIX = frozenset(
    {"based", "friendly", "born", "made", "style", "controlled", "held", "allied", "aligned"}
)
_MODIFIER_PREFIX = frozenset({"pro", "anti", "non"})
_JOINERS = frozenset({",", "and", "or", "&", "-", "the", "both", "as", "well"})
_JOINERS_AFTER_AND = frozenset({"with", "to", "against", "on"})
_REUSE_GAP = frozenset(
    {"and", ",", "to", "then", "also", "later", "has", "had", "have", "will", "would", "'ll",
     "subsequently", "further"}
)  # fmt: skip
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"})
_SKIP_BEFORE_VERB = frozenset(
    {"not", "n't", "also", "already", "reportedly", "allegedly", "repeatedly", "recently",
     "then", "now", "just", "previously", "twice", "again"}
)  # fmt: skip
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "herself"})
_THING_PRONOUNS = frozenset({"its", "itself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_GROUP_NOUNS = frozenset(
    {
        "sides",
        "countries",
        "leaders",
        "men",
        "governments",
        "states",
        "powers",
        "nations",
        "presidents",
        "ministers",
    }
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_QUAD = {
    "01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3,
    "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4,
    "19": 4, "20": 4,
}  # fmt: skip
#: Words of events after which "the two" means both sides ("He met Putin. The two agreed").
_MEETING_WORDS = frozenset({"met", "meet", "meets", "meeting", "talks", "held", "spoke"})
#: Nouns after a demonym or a possessive actor that name the actor's own forces or institutions
#: ("Turkish troops", "Russian military police", "Colombia's government"): the mention takes them in.
_FORCE_NOUNS = frozenset(
    {"troops", "forces", "soldiers", "army", "military", "police", "navy", "jets", "warplanes",
     "drones", "fighters", "government", "authorities", "officials", "parliament", "junta",
     "security", "service", "services", "coast", "guard", "guards", "air", "force", "defence",
     "defense", "ministry", "foreign", "intelligence", "spy", "agency", "border", "warships",
     "artillery", "instructors", "paratroopers", "marines", "commandos", "diplomats",
     "leaders", "negotiators", "farmers", "protesters", "forces'", "vessel", "ships",
     "aircraft", "bombers", "helicopters", "gunboats", "militias", "militia", "rebels"}
)  # fmt: skip
#: Words before the demonym "American" that make it a region, not the United States.
_REGION_WORDS = frozenset({"latin", "south", "central", "north"})
#: Nouns for people whose location, not nationality, receives aid ("Sudanese refugees in Chad").
_DISPLACED = frozenset({"refugees", "migrants", "civilians", "displaced", "asylum-seekers"})
#: Words between a target-seeking trigger and its target that do not end the search.
_COMPLEMENTIZERS = frozenset({"that"})
#: Types whose target may be a place when no actor is named ("struck a refinery in Russia",
#: "arrived in Ankara").
_PLACE_TARGET_TYPES = frozenset({"ASSAULT", "AID", "MOBILIZE", "CONSULT"})
#: Determiners that make the word after them a noun ("his support of"): not an event.
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our"})
#: Words right after a reciprocal phrase that show it has no object ("met in Doha").
_RECIPROCAL_AFTER = frozenset(
    {"in", "at", "near", "on", "for", "under", "after", "over", "during", "along", "across"}
)
#: Prepositions that, ending a phrase, introduce its target ("aid to", "talks with").
_TARGET_PREPOSITIONS = frozenset(
    {"to", "with", "against", "on", "for", "at", "into", "toward", "towards", "between", "from",
     "upon", "of", "outside", "in"}
)  # fmt: skip
#: Participles after which "by X" names who holds the place ("positions held by X" -> X).
_HELD = frozenset({"held", "controlled", "occupied", "run", "manned", "housing", "used"})
#: Words before an -ing form that are not nouns it could modify.
_NOT_NOUNS = frozenset(
    {"and", "or", "of", "by", "to", "for", "after", "before", "while", "without", "from", "in",
     "on", "at", "with", "about", "against", "despite", "since", "when", "than", "as", "but",
     "the", "a", "an", "continue", "continues", "keep", "keeps", "kept", "start", "started",
     "stop", "stopped", "begin", "began", "resume", "resumed"}
)  # fmt: skip
#: Words that make "would" conditional even after a speech verb ("said it would ... if").
_CONDITIONS = frozenset({"if", "unless", "whether", "provided", "should", "otherwise"})
#: Words before a nominal visit that make it an adverbial of the sentence ("during a visit to
#: Beijing"): the visitor is the sentence's subject.
_VISIT_FRAME = frozenset({"during", "on", "after", "before", "in", "while", "ahead"})
#: Determiners that open a nominal event as the object of a verb ("condemned *the* attack on").
_NOMINAL_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "that", "its", "their"})
#: Nouns that, after "in", introduce a cause, not a target ("in response to U.S. drills").
_CAUSE_NOUNS = frozenset({"response", "retaliation", "reaction", "protest", "reprisal"})
#: Types of a phrase right after an AGREE phrase that are its content ("agreed to cooperate",
#: "pledged to provide aid to"), not events of their own.
_AGREED_CONTENT = frozenset({"COOPERATE", "SUPPORT", "CONSULT", "AID"})
_MAX_SOURCE_DISTANCE = 25
_MAX_TARGET_DISTANCE = 10
_MEMORY_SENTENCES = 3


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, with the sentence as evidence.

    Parameters
    ----------
    sentence : int
        Number of the sentence in its article (from 1).
    text : str
        The sentence.
    source, target : tuple of str
        Actor ids. A reciprocal event ("Putin and Erdogan met") has the same actors in both.
    type : str
        PLOVER event type.
    mode : str or None
        PLOVER mode, where the phrase gives one.
    intensity : float
        From -10 (most hostile) to +10 (most cooperative).
    date : str or None
        ISO date (day, month or year precision) where the text gives one.
    cameo : str
        CAMEO event code; its first two digits are the root code.
    quad_class : int
        1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    trigger : str
        The words that signalled the event.
    file : str or None
        The article it came from.
    """

    sentence: int
    text: str
    source: tuple[str, ...]
    type: str
    mode: str | None
    target: tuple[str, ...]
    intensity: float
    date: str | None
    cameo: str
    quad_class: int
    trigger: str
    file: str | None = None

    @property
    def root_code(self) -> str:
        """The CAMEO root code (first two digits of :attr:`cameo`)."""
        return self.cameo[:2]

    @property
    def mutual(self) -> bool:
        """Whether the event is reciprocal (same actors as source and target)."""
        return set(self.source) == set(self.target)

    def dyads(self) -> list[tuple[str, str]]:
        """Directed (source, target) pairs, self-pairs left out.

        Examples
        --------
        >>> e = Event(1, "", ("russia", "turkey"), "COOPERATE", None, ("russia", "turkey"),
        ...           6.0, None, "060", 2, "cooperated")
        >>> e.dyads()
        [('russia', 'turkey'), ('turkey', 'russia')]
        """
        return [(s, t) for s in self.source for t in self.target if s != t]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``sentence, text, source, type, mode, target, intensity, date`` ...)."""
        return {
            "sentence": self.sentence,
            "text": self.text,
            "source": list(self.source),
            "type": self.type,
            "mode": self.mode,
            "target": list(self.target),
            "intensity": self.intensity,
            "date": self.date,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "trigger": self.trigger,
            "file": self.file,
        }


@dataclass
class _Mention:
    start: int
    end: int
    actors: tuple[str, ...]
    person: bool = False
    role: str = "actor"  # actor | location | modifier
    possessive: bool = False
    relational: bool = False
    after_preposition: bool = False
    last_word: str = ""


@dataclass
class _Memory:
    """What earlier sentences of the article said (for pronouns and 'the ministry')."""

    history: list[tuple[int, _Mention]] = field(default_factory=list)
    group: tuple[int, tuple[str, ...]] | None = None
    sentence: int = 0


@dataclass
class _Trigger:
    start: int
    end: int
    head: int
    phrase: Phrase


def _build_nlp(dictionary: Dictionary) -> Any:
    import spacy
    from spacy.pipeline import EntityRuler
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("en")
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=\.)-(?=[A-Za-z])"]
    # spaCy annotates the tokenizer and pipes as bare callables.
    cast(Tokenizer, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer")
    ruler = cast(
        EntityRuler,
        nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False}),
    )
    # One (label, actor id) per lower-cased term; scenario names override the base ids.
    table: dict[str, tuple[str, str]] = {}
    exact: dict[str, tuple[str, str]] = {}
    for entry in dictionary.actors.values():
        actor = dictionary.resolve(entry.id)
        for label, words in (
            ("ACTOR", entry.names),
            ("DEMONYM", entry.demonyms),
            ("PERSON", entry.persons),
        ):
            for w in words:
                table[w.lower()] = (label, actor)
        for w in entry.exact:
            exact[w] = ("ACTOR", actor)
    for label, text, actor in dictionary.extra_terms:
        key = text.lower()
        if key in table:
            table[key] = (table[key][0], actor)
        elif text.isupper() and len(text) <= 5:
            exact[text] = (label, actor)
        else:
            table[key] = (label, actor)
    patterns: list[dict[str, Any]] = [
        {"label": label, "pattern": text, "id": actor} for text, (label, actor) in table.items()
    ]
    for text, (label, actor) in exact.items():
        toks = [{"ORTH": t.text} for t in nlp.make_doc(text)]
        patterns.append({"label": label, "pattern": toks, "id": actor})
    ruler.add_patterns(patterns)
    return nlp


class EventCoder:
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

    def _raw_mentions(self, doc: Any) -> dict[int, _Mention]:
        """Actor mentions from the entity ruler, with "Russian President ..." joined up."""
        n = len(doc)
        ents = list(doc.ents)
        raw: list[_Mention] = []
        k = 0
        while k < len(ents):
            ent = ents[k]
            start, end = ent.start, ent.end
            label = ent.label_
            actor = ent.ent_id_
            person = label == "PERSON"
            if label == "DEMONYM":
                j = end
                while j < n and j - end < 4 and doc[j].lower_ in self._titles:
                    j += 1
                if j > end:
                    person = True
                    end = j
                    if k + 1 < len(ents) and ents[k + 1].start == end:
                        nxt = ents[k + 1]
                        if nxt.label_ == "PERSON":
                            actor = nxt.ent_id_
                        end = nxt.end
                        k += 1
                    else:
                        j = end
                        limit = min(n, end + 3)
                        next_ent = ents[k + 1].start if k + 1 < len(ents) else n
                        while j < limit and j < next_ent and doc[j].is_title:
                            j += 1
                        end = j
            if (
                label == "DEMONYM"
                and not person
                and start > 0
                and doc[start - 1].lower_ in _REGION_WORDS
                and doc[start].lower_.startswith("american")
            ):
                k += 1
                continue  # "Latin American countries": a region, not the United States
            if not person:
                # "Turkish troops", "Russian military police", "Colombia's government"
                j = end
                if label != "DEMONYM" and j + 1 < n and doc[j].text in _POSSESSIVE:
                    if doc[j + 1].lower_ in _FORCE_NOUNS:
                        j += 1
                    else:
                        j = end
                next_ent = ents[k + 1].start if k + 1 < len(ents) else n
                if j > end or label == "DEMONYM":
                    stop = j
                    while stop < min(n, next_ent) and doc[stop].lower_ in _FORCE_NOUNS:
                        stop += 1
                    if stop > j or j > end:
                        end = max(stop, j + 1 if j > end else stop)
            raw.append(_Mention(start, end, (actor,), person=person))
            k += 1

        return {m.start: m for m in raw}

    def _mentions(
        self,
        doc: Any,
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
        while i < s1:
            m = starts.get(i)
            if m is None:
                m = self._pronoun(doc, i, memory, trigger_starts)
            if m is None:
                i += 1
                continue
            self._roles(doc, m)
            mentions.append(m)
            memory.history.append((memory.sentence, m))
            if len(memory.history) > 64:
                del memory.history[:32]
            # coordination groups ("Putin and Erdogan")
            gap = {doc[x].lower_ for x in range(prev_end, m.start)} if prev_end >= 0 else None
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

    def _pronoun(self, doc: Any, i: int, memory: _Memory, trigger_starts: set[int]):
        tok = doc[i]
        low = tok.lower_
        found: _Mention | None = None
        end = i + 1
        if low in _PERSON_PRONOUNS:
            found = self._recall(memory, lambda m: m.person, subject=low in ("he", "she"))
        elif low in _THING_PRONOUNS or (
            low == "it" and any(i < t <= i + 4 for t in trigger_starts)
        ):
            found = self._recall(memory, lambda m: not m.person, subject=low == "it")
        elif low in _GROUP_PRONOUNS or (
            low in ("the", "both") and i + 1 < len(doc) and doc[i + 1].lower_ in ("two", "sides")
        ):
            if low in ("the", "both"):
                end = i + 2
                if end < len(doc) and doc[end].lower_ in _GROUP_NOUNS:
                    end += 1
            if memory.group and memory.sentence - memory.group[0] <= 2:
                return _Mention(i, end, memory.group[1], last_word=doc[end - 1].lower_)
            found = self._recall(memory, lambda m: not m.person)
        elif (
            low == "the"
            and i + 1 < len(doc)
            and doc[i + 1].lower_ in self._anaphoric
            and not doc[i + 1].ent_type_
        ):
            noun = doc[i + 1].lower_
            end = i + 2
            found = self._recall(memory, lambda m: m.last_word == noun)
        if found is None:
            return None
        return _Mention(i, end, found.actors, person=found.person, last_word=found.last_word)

    def _roles(self, doc: Any, m: _Mention) -> None:
        n = len(doc)
        if not m.last_word:
            m.last_word = doc[m.end - 1].lower_
        if doc[m.start].lower_ in ("his", "her", "its", "their"):
            m.possessive = True
        if m.end < n and doc[m.end].text in _POSSESSIVE:
            m.possessive = True
            for x in range(m.end + 1, min(n, m.end + 4)):
                if doc[x].is_punct and doc[x].text != "-":
                    break
                if doc[x].lower_ in self._relational:
                    m.relational = True
                    break
        if m.end + 1 < n and doc[m.end].text == "-" and doc[m.end + 1].lower_ in _MODIFIER_SUFFIX:
            m.role = "modifier"
        if (
            m.start >= 2
            and doc[m.start - 1].text == "-"
            and doc[m.start - 2].lower_ in (_MODIFIER_PREFIX)
        ):
            m.role = "modifier"
        p = m.start - 1
        while p >= 0 and doc[p].lower_ in ("the", "a", "an"):
            p -= 1
        if p >= 0:
            prev = doc[p].lower_
            if prev in _PREPOSITIONS:
                m.after_preposition = True
        # "in northeastern Syria": a place, unless it is the actor's embassy or mission
        q, n_adj = p, 0
        while q >= 0 and n_adj < 2 and (doc[q].lower_ in _PLACE_ADJECTIVES):
            q -= 1
            n_adj += 1
            while q >= 0 and doc[q].lower_ in ("the", "a", "an"):
                q -= 1
        if (
            q >= 0
            and doc[q].lower_ in _LOCATIVE
            and m.role == "actor"
            and not (m.end < n and doc[m.end].lower_ in _MISSIONS)
        ):
            m.role = "location"

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
        triggers = [t for t in triggers if not self._modifier_use(doc, t, s0, end_at)]
        trigger_starts = sorted(t.start for t in triggers)
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
                elif phrase.mutual and n_src >= 2 and doc[trig.end - 1].lower_ == "to":
                    target = source  # "Turkey and Iraq agreed to designate the PKK ...": each other
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

    def _cancelled(self, doc: Any, trig: _Trigger, s0: int) -> bool:
        if (
            trig.start == trig.head
            and trig.start > s0
            and doc[trig.start - 1].lower_ in ("the", "a", "an")
            and doc[trig.head].lower_.endswith("ed")
        ):
            return True  # "the seized tanker": an adjective, not an event
        for x in range(max(s0, trig.start - 3), trig.start):
            if doc[x].lower_ in self._negations:
                return True
        x = trig.start - 1
        same_chunk = True
        while x >= s0 and doc[x].text not in _STRONG:
            low = doc[x].lower_
            if low == "would" and self._reported_intent(doc, x, s0):
                x -= 1
                continue  # "Moscow said it would expel two diplomats": an announcement
            if low in self._hypothetical or (same_chunk and low in self._desire):
                return True
            if low == ",":
                same_chunk = False
            x -= 1
        return False

    def _object_of_previous(self, doc: Any, trig: _Trigger, previous: _Trigger) -> bool:
        """Whether a nominal event is the object of the event before it.

        "India condemned the attacks on temples": the attack is what India condemns, not an
        attack by India. Only determiners and adjectives may stand between the two phrases.
        """
        if trig.phrase.pattern.endswith("between"):
            return False  # "welcomed the talks between X and Y": the talks are coded
        gap = range(previous.end, trig.start)
        if not 1 <= len(gap) <= 3 or doc[previous.end].lower_ not in _NOMINAL_DETERMINERS:
            return False
        return all(doc[x].is_alpha and doc[x].is_lower for x in gap)

    def _content_at(self, x: int, trig: _Trigger, triggers: list[_Trigger]) -> bool:
        """Whether the phrase at ``x`` is what the AGREE phrase ``trig`` agrees to."""
        if trig.phrase.type != "AGREE" or x != trig.end:
            return False
        return any(t.start == x and t.phrase.type in _AGREED_CONTENT for t in triggers)

    def _participle(self, tok: Any) -> bool:
        """Whether a token may be a past participle ("mediated", "sent", "held")."""
        low = tok.lower_
        return low.endswith(("ed", "en")) or low in self._participles

    def _visit_frame(self, doc: Any, trig: _Trigger, s0: int) -> bool:
        """Whether a nominal visit is an adverbial: "praised China during a visit to Beijing"."""
        if doc[trig.head].lower_ not in ("visit", "trip", "tour"):
            return False
        x = trig.start - 1
        for _ in range(3):  # "during an official two-day visit": determiner and adjectives
            if x < s0:
                return False
            low = doc[x].lower_
            if low in _VISIT_FRAME:
                return x > s0
            if doc[x].is_punct or doc[x].ent_type_:
                return False
            x -= 1
        return False

    def _reported_intent(self, doc: Any, would: int, s0: int) -> bool:
        """Whether "would" at ``would`` reports an announced intention, not a condition.

        "X said it would ...", "X announced that it would ...": a speech verb at most three
        words before, and no conditional word anywhere in the sentence.
        """
        if not any(
            doc[x].lower_ in _SPEECH for x in range(max(s0, would - 4), would)
        ):
            return False
        end = doc[would].sent.end
        return not any(doc[x].lower_ in _CONDITIONS for x in range(s0, end))

    def _voice(self, doc: Any, trig: _Trigger, s1: int, start_at: dict[int, _Mention]):
        """Return (passive, agent mention, reduced): "was killed by X" or "Y, killed by X"."""
        head = doc[trig.head]
        low = head.lower_
        if not (low.endswith("ed") or low in self._participles):
            return False, None, False
        p = trig.start - 1
        while p >= 0 and (doc[p].lower_ in _SKIP_BEFORE_VERB or doc[p].lower_.endswith("ly")):
            p -= 1
        aux = p >= 0 and doc[p].lower_ in _BE
        agent = None
        by_at = -1
        x = trig.end
        limit = min(s1, trig.end + 8)
        while x < limit:
            t = doc[x]
            if t.text in _STRONG or t.text == ",":
                break
            if t.lower_ == "by":
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
        reduced = (
            not aux and agent is not None and p >= 0 and (doc[p].text == "," or by_at == trig.end)
        )
        return (aux or reduced), agent, reduced

    def _modifier_use(self, doc: Any, trig: _Trigger, s0: int, end_at: dict[int, _Mention]) -> bool:
        """Whether the trigger word is used as a noun or modifier, not as an event.

        "his support of X" (a possessive before it) and "bases hosting U.S. troops" (an -ing
        form right after a common noun: a reduced relative clause about that noun).
        """
        if trig.start <= s0:
            return False
        prev = doc[trig.start - 1]
        low = prev.lower_
        if low in _POSSESSIVE_DETERMINERS and trig.end == trig.start + 1:
            return True
        head = doc[trig.head].lower_
        return (
            head.endswith("ing")
            and trig.head == trig.start
            and prev.is_alpha
            and prev.is_lower
            and trig.start not in end_at
            and low not in _BE
            and low not in _SKIP_BEFORE_VERB
            and low not in _NOT_NOUNS
            and not low.endswith(("ed", "ly"))
        )

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
        doc: Any,
        start: int,
        s0: int,
        end_at: dict[int, _Mention],
        coded: list[tuple[_Trigger, list[_Mention], list[_Mention]]],
        allow_prep: bool = False,
    ) -> list[_Mention] | None:
        pos = start - 1
        lo = max(s0, start - _MAX_SOURCE_DISTANCE)
        while pos >= lo:
            m = end_at.get(pos + 1)
            if m is not None:
                if self._eligible_source(m, allow_prep):
                    # "Iran attacked Israel and threatened ..." -> the subject carries over
                    for trig, src, tgt in coded:
                        gap = {doc[x].lower_ for x in range(m.end, start)}
                        if trig.phrase.object_control and "and" not in gap:
                            continue
                        if m in tgt and gap and gap <= _REUSE_GAP:
                            return src
                    return self._group_left(doc, m, end_at, s0)
                pos = m.start - 1
                continue
            tok = doc[pos]
            low = tok.lower_
            if tok.text in _STRONG or low in _SUB_LEFT:
                return None
            if low in _RELATIVE:
                q = pos - 1
                if q >= s0 and doc[q].text == ",":
                    q -= 1
                ant = end_at.get(q + 1)
                if ant is not None and ant.role == "actor":
                    return self._group_left(doc, ant, end_at, s0)
                return None
            pos -= 1
        return None

    def _group_left(
        self, doc: Any, m: _Mention, end_at: dict[int, _Mention], s0: int
    ) -> list[_Mention]:
        group = [m]
        pos = m.start - 1
        saw_and = False  # "A, B and C": commas join only a list that ends with and/or
        gap: set[str] = set()
        while pos >= s0:
            other = end_at.get(pos + 1)
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
            if doc[pos].lower_ in _JOINERS:
                gap.add(doc[pos].lower_)
                pos -= 1
                continue
            break
        return group[::-1]

    def _first_group(self, doc: Any, mentions: list[_Mention], before: int, s0: int, end_at):
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
                    gap = {doc[x].lower_ for x in range(pos, other.start)}
                    if gap <= _JOINERS and other.role == "actor":
                        group.append(other)
                        pos = other.end
                    else:
                        break
                return group
        return None

    def _after_comma(self, doc: Any, trig: _Trigger, s1: int, start_at: dict[int, _Mention]):
        x = trig.end
        while x < s1:
            if doc[x].text in _STRONG or doc[x].lower_ in _SUB_RIGHT:
                return None
            if doc[x].text == ",":
                for y in range(x + 1, min(s1, x + 4)):
                    m = start_at.get(y)
                    if m is not None:
                        return [m] if self._eligible_source(m) else None
                return None
            x += 1
        return None

    def _right(
        self,
        doc: Any,
        start: int,
        s1: int,
        next_trigger: int,
        start_at: dict[int, _Mention],
        exclude: set[str],
        place: bool = False,
        long: bool = False,
    ) -> list[_Mention] | None:
        pos = start
        if pos < s1 and doc[pos].lower_ in _COMPLEMENTIZERS:
            pos += 1  # "demanded that Tehran release ..."
        limit = min(s1, max(next_trigger, start))
        budget = _MAX_TARGET_DISTANCE + (4 if long else 0)
        fallback: _Mention | None = None
        while pos < limit and budget > 0:
            m = start_at.get(pos)
            if m is not None:
                if (
                    m.role == "actor"
                    and not m.relational
                    and any(a not in exclude for a in m.actors)
                ):
                    host = self._host_place(doc, m, start_at, s1) if place else None
                    if host is not None:
                        return [host]
                    return self._group_right(doc, m, start_at, s1)
                if place and fallback is None and m.role in ("location", "modifier"):
                    # a place of the source's own country is no target ("al-Shabaab
                    # stormed a hotel in Mogadishu"): countries by the CAMEO code's first letters
                    home = {self._country.get(a) for a in exclude}
                    if any(a not in exclude and self._country.get(a) not in home for a in m.actors):
                        fallback = m
                pos = max(m.end, pos + 1)
                continue
            tok = doc[pos]
            if tok.lower_ == "than" and doc[pos - 1].lower_ in ("more", "less", "fewer"):
                pos += 1  # "more than 10,000 soldiers": a number, not a comparison
                continue
            if tok.text in _STRONG or tok.lower_ in _SUB_RIGHT:
                break
            if tok.lower_ == "in" and pos + 1 < s1 and doc[pos + 1].lower_ in _CAUSE_NOUNS:
                break  # "vowed to bolster his forces in response to U.S. drills"
            if tok.lower_ == "by" and self._participle(doc[pos - 1]) and doc[pos - 1].lower_ not in _HELD:
                break  # "a deal mediated by the United States": an agent, not the target
            pos += 1
            budget -= 1
        return [fallback] if fallback is not None else None

    def _host_place(
        self, doc: Any, m: _Mention, start_at: dict[int, _Mention], s1: int
    ) -> _Mention | None:
        """The place of displaced people: "Sudanese refugees in eastern Chad" -> Chad."""
        x = m.end
        if x >= s1 or doc[x].lower_ not in _DISPLACED:
            return None
        for y in range(x + 1, min(s1, x + 5)):
            other = start_at.get(y)
            if other is not None:
                return other if other.role == "location" else None
        return None

    def _group_right(
        self, doc: Any, m: _Mention, start_at: dict[int, _Mention], s1: int
    ) -> list[_Mention]:
        group = [m]
        by_comma = [False]
        pos = m.end
        saw_and = False
        saw_comma = False
        while pos < s1:
            other = start_at.get(pos)
            if other is not None:
                if other.role != "actor" or other.relational:
                    break
                if other.end < s1 and doc[other.end].lower_ in _SPEECH:
                    break  # "into Gaza, the United Nations said"
                group.append(other)
                by_comma.append(saw_comma and not saw_and)
                pos = other.end
                saw_and = saw_comma = False
                continue
            low = doc[pos].lower_
            if low in _JOINERS or doc[pos].text in _POSSESSIVE:
                saw_and = saw_and or low in ("and", "or")
                saw_comma = saw_comma or low == ","
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


__all__ = ["Event", "EventCoder", "code_articles", "code_text"]

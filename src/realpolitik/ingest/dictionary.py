"""The coder's dictionaries: actors and event phrases, read from YAML data files.

The base dictionaries ship in ``realpolitik/data/ingest/`` (``actors.yaml``, ``events.yaml``);
a scenario's actors (name, leader, aliases) extend the actor dictionary, and base actors that
share a name with a scenario actor resolve to the scenario's id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from realpolitik.exceptions import InputError
from realpolitik.ingest.inflect import inflect

#: The 16 PLOVER event types, from cooperation to conflict.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

_GAP = re.compile(r"^\*(\d*)$")
#: Tokens a gap (``*``) in an event pattern does not cross.
_GAP_STOP = frozenset({".", ",", ";", ":", "!", "?", "—", "–", '"', "(", ")"})


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary.

    Parameters
    ----------
    id : str
        The id written in outputs.
    cameo : str
        CAMEO-style actor code (CSV output).
    kind : str
        ``state``, ``non-state``, ``organisation`` or ``leader``.
    names, demonyms, persons, exact : tuple of str
        The words that name the actor (see ``actors.yaml``).
    """

    id: str
    cameo: str
    kind: str = "state"
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()

    def terms(self) -> set[str]:
        """Every naming word, lower-cased (used to match base actors to scenario actors)."""
        words = (*self.names, *self.demonyms, *self.persons, *self.exact)
        return {w.lower() for w in words}


@dataclass(frozen=True)
class Phrase:
    """One event phrase: a token pattern and what it codes.

    Parameters
    ----------
    type : str
        PLOVER event type.
    pattern : str
        The pattern in the dictionary's mini-language (see ``events.yaml``).
    tokens : tuple
        The compiled pattern (see :func:`compile_pattern`).
    cameo : str
        CAMEO event code.
    intensity : float
        Intensity on the -10 .. +10 scale.
    mode : str or None
        PLOVER mode.
    mutual : bool
        Whether two actors and no target make a reciprocal event.
    object_control : bool
        Whether the phrase's object is the subject of a following infinitive ("invited Merkel
        to visit").
    """

    type: str
    pattern: str
    tokens: tuple[Any, ...]
    cameo: str
    intensity: float
    mode: str | None = None
    mutual: bool = False
    object_control: bool = False
    irrealis: bool = False
    #: whether the source must be a person ("arrived in Ankara": a visit only by an official)
    person: bool = False
    #: whether the target follows the verb even though the pattern ends with a preposition
    object_first: bool = False
    #: whether the source is named after the phrase ("talks mediated by Turkey", "a call
    #: from Erdogan", "a visit by a U.S. envoy to Caracas"); the target is then the actor
    #: after the source, else the one before the phrase
    agent_after: bool = False
    #: whether the source is named inside the phrase and the target is the sentence's
    #: subject ("..., a charge Bangkok denied", "an accusation Asmara rejected")
    agent_inside: bool = False
    #: whether the phrase is an event only between two or more named actors, each other's
    #: partners ("South Korean and U.S. forces began a naval exercise"; one actor's exercise
    #: is no cooperation)
    plural: bool = False
    #: whether the source must be named by its forces ("the last French troops left Dakar":
    #: a withdrawal; "the minister left Paris" is none); the target may then be a place
    forces: bool = False
    #: whether the phrase is an event only in the passive ("facilities were hit by Russian
    #: missiles"; "prices hit a record" is none)
    passive: bool = False


@dataclass
class Dictionary:
    """Actors and event phrases the coder uses.

    Build it with :func:`load_dictionary` (optionally extended by a scenario).
    """

    actors: dict[str, ActorEntry]
    phrases: list[Phrase]
    titles: frozenset[str]
    anaphoric_nouns: frozenset[str]
    relational_nouns: frozenset[str]
    negations: frozenset[str]
    hypothetical: frozenset[str]
    desire: frozenset[str] = frozenset()
    #: irregular past participles of the event verbs ("struck", "met", "hit")
    participles: frozenset[str] = frozenset()
    #: base id -> scenario id, for actors renamed by a scenario
    aliases: dict[str, str] = field(default_factory=dict)
    #: extra (label, text, actor id) patterns added by a scenario
    extra_terms: list[tuple[str, str, str]] = field(default_factory=list)

    def resolve(self, actor_id: str) -> str:
        """Return the id an actor is reported under (a scenario's id when it has one)."""
        return self.aliases.get(actor_id, actor_id)

    def cameo(self, actor_id: str) -> str:
        """Return the CAMEO-style code of an actor (the base entry's, or the id upper-cased)."""
        for base, target in self.aliases.items():
            if target == actor_id and base in self.actors:
                return self.actors[base].cameo
        entry = self.actors.get(actor_id)
        return entry.cameo if entry else actor_id.upper().replace("-", "")[:6]


#: One element of a compiled pattern: ("word", words, optional) or ("gap", max_words).
Element = tuple[str, Any, Any]


def compile_pattern(
    pattern: str, irregular: Mapping[str, Iterable[str]] | None = None
) -> tuple[Element, ...]:
    """Compile a dictionary pattern into match elements.

    Each word position becomes ``("word", frozenset_of_lowercase_forms, optional)``, each gap
    ``("gap", max_words, None)``. The first element is the trigger and is never optional.

    Examples
    --------
    >>> els = compile_pattern("launch+ a|an? attack")
    >>> sorted(els[0][1]), sorted(els[1][1]), els[1][2]
    (['launch', 'launched', 'launches', 'launching'], ['a', 'an'], True)
    >>> compile_pattern("sign+ * deal")[1]
    ('gap', 3, None)
    """
    out: list[Element] = []
    for raw in pattern.split():
        gap = _GAP.match(raw)
        if gap:
            out.append(("gap", int(gap.group(1) or 3), None))
            continue
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        alternatives: list[str] = []
        for alt in word.split("|"):
            if "-" in alt and alt != "-":
                raise InputError(
                    f"event pattern {pattern!r}: write hyphenated words as separate tokens "
                    f"({alt.replace('-', ' - ')!r}); the tokenizer splits them at the hyphen"
                )
            if alt.endswith("+") and len(alt) > 1:
                alternatives.extend(inflect(alt[:-1], irregular))
            else:
                alternatives.append(alt.lower())
        stems = [alt for alt in word.split("|") if alt.endswith("+") and len(alt) > 1]
        if out and stems and len(stems) < len(word.split("|")):
            raise InputError(
                f"event pattern {pattern!r}: {raw!r} mixes verb stems ({'|'.join(stems)}) and "
                "plain words; '|' joins alternatives of one word, so 'cancel+|call+ off|postpone+' "
                "reads as (cancel|call) (off|postpone): write one phrase per verb"
            )
        out.append(("word", frozenset(alternatives), optional))
    if not out or out[0][0] != "word" or out[0][2]:
        raise InputError(
            f"event pattern {pattern!r} must start with a word that is always present (the trigger)"
        )
    return tuple(out)


def match_at(elements: tuple[Element, ...], words: list[str], start: int, stop: int) -> int:
    """Return the end of the longest match of ``elements`` at ``words[start]``, or -1.

    ``words`` are lower-cased tokens; a match never passes ``stop`` (the sentence end) and a
    gap never crosses punctuation that ends a phrase (``, . ; :``) and does not count hyphens
    as words ("a long-term deal" is two words before "deal").

    Examples
    --------
    >>> els = compile_pattern("launch+ * attack|offensive against")
    >>> match_at(els, "turkey launched a new offensive against the kurds".split(), 1, 8)
    6
    >>> match_at(els, "turkey launched a new offensive".split(), 1, 5)
    -1
    """
    best = -1
    stack = [(0, start)]
    n_el = len(elements)
    while stack:
        k, pos = stack.pop()
        if k == n_el:
            if pos > best:
                best = pos
            continue
        kind, value, optional = elements[k]
        if kind == "word":
            if optional:
                stack.append((k + 1, pos))
            if pos < stop and words[pos] in value:
                stack.append((k + 1, pos + 1))
        else:
            stack.append((k + 1, pos))
            p = pos
            budget = value
            while budget > 0 and p < stop and words[p] not in _GAP_STOP:
                # the hyphen of "long-term", "U.S.-brokered" is no word of its own
                if words[p] != "-":
                    budget -= 1
                p += 1
                stack.append((k + 1, p))
    return best


# --- loading -------------------------------------------------------------------------------------
def _read_yaml(name: str) -> Any:
    text = files("realpolitik").joinpath("data", "ingest", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where} must be a list of strings; got {value!r}")
    return tuple(value)


def parse_actors(data: Mapping[str, Any], *, filename: str = "actors.yaml") -> list[ActorEntry]:
    """Parse an actor dictionary (the mapping form of ``actors.yaml``).

    Examples
    --------
    >>> a = parse_actors({"actors": [{"id": "x", "cameo": "XXX", "names": ["Xland"]}]})
    >>> a[0].id, a[0].names
    ('x', ('Xland',))
    """
    out = []
    items = data.get("actors")
    if not isinstance(items, list):
        raise InputError(f"{filename}: expected a list under 'actors'; got {items!r}")
    for i, item in enumerate(items):
        where = f"{filename}: actors[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise InputError(f"{where} must be a mapping with an 'id'; got {item!r}")
        out.append(
            ActorEntry(
                id=item["id"],
                cameo=str(item.get("cameo", item["id"].upper()[:3])),
                kind=str(item.get("kind", "state")),
                names=_strings(item.get("names"), f"{where}.names"),
                demonyms=_strings(item.get("demonyms"), f"{where}.demonyms"),
                persons=_strings(item.get("persons"), f"{where}.persons"),
                exact=_strings(item.get("exact"), f"{where}.exact"),
            )
        )
    return out


def parse_events(data: Mapping[str, Any], *, filename: str = "events.yaml") -> list[Phrase]:
    """Parse an event dictionary (the mapping form of ``events.yaml``) into compiled phrases.

    Examples
    --------
    >>> data = {"types": {"ASSAULT": {"cameo": "190", "intensity": -9}},
    ...         "phrases": {"ASSAULT": ["attack+", {"p": "kill+", "intensity": -10}]}}
    >>> [(p.type, p.pattern, p.intensity) for p in parse_events(data)]
    [('ASSAULT', 'attack+', -9.0), ('ASSAULT', 'kill+', -10.0)]
    """
    types = data.get("types") or {}
    irregular = data.get("irregular") or {}
    phrases: list[Phrase] = []
    for type_, items in (data.get("phrases") or {}).items():
        if type_ not in PLOVER_TYPES:
            raise InputError(
                f"{filename}: unknown event type {type_!r}; expected one of "
                f"{', '.join(PLOVER_TYPES)}"
            )
        default = types.get(type_, {})
        for j, item in enumerate(items or []):
            spec = {"p": item} if isinstance(item, str) else dict(item)
            if not isinstance(spec.get("p"), str):
                raise InputError(f"{filename}: phrases.{type_}[{j}] needs a pattern 'p'")
            intensity = float(spec.get("intensity", default.get("intensity", 0.0)))
            if not -10.0 <= intensity <= 10.0:
                raise InputError(
                    f"{filename}: phrases.{type_}[{j}].intensity must be in [-10, 10]; "
                    f"got {intensity}"
                )
            phrases.append(
                Phrase(
                    type=type_,
                    pattern=spec["p"],
                    tokens=compile_pattern(spec["p"], irregular),
                    cameo=str(spec.get("cameo", default.get("cameo", ""))),
                    intensity=intensity,
                    mode=spec.get("mode"),
                    mutual=bool(spec.get("mutual", False)),
                    object_control=bool(spec.get("object_control", False)),
                    irrealis=bool(spec.get("irrealis", default.get("irrealis", False))),
                    person=bool(spec.get("person", False)),
                    object_first=bool(spec.get("object_first", False)),
                    agent_after=bool(spec.get("agent_after", False)),
                    agent_inside=bool(spec.get("agent_inside", False)),
                    plural=bool(spec.get("plural", False)),
                    forces=bool(spec.get("forces", False)),
                    passive=bool(spec.get("passive", False)),
                )
            )
    return phrases


@lru_cache(maxsize=1)
def _base() -> Dictionary:
    actors_data = _read_yaml("actors.yaml")
    events_data = _read_yaml("events.yaml")
    actors = parse_actors(actors_data)

    def words(data: Mapping[str, Any], key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _strings(data.get(key), key))

    return Dictionary(
        actors={a.id: a for a in actors},
        phrases=parse_events(events_data),
        titles=words(actors_data, "titles"),
        anaphoric_nouns=words(actors_data, "anaphoric_nouns"),
        relational_nouns=words(actors_data, "relational_nouns"),
        negations=words(events_data, "negations"),
        hypothetical=words(events_data, "hypothetical"),
        desire=words(events_data, "desire"),
        participles=frozenset(
            w
            for forms in (events_data.get("irregular") or {}).values()
            for w in forms
            if not w.endswith(("s", "ing"))
        ),
    )


def load_dictionary(scenario_actors: Iterable[Any] | None = None) -> Dictionary:
    """Return the base dictionary, extended by a scenario's actors if given.

    Parameters
    ----------
    scenario_actors : iterable, optional
        Objects with ``id``, ``name``, ``leader`` (or None), ``aliases`` and ``kind`` (the
        scenario's actors). A base actor whose names overlap a scenario actor's name, id, leader
        or aliases resolves to that actor's id; the scenario's names are added as patterns.

    Returns
    -------
    Dictionary

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> d = load_dictionary([NS(id="regime", name="Syria", leader="Bashar al-Assad",
    ...                         aliases=["Damascus"], kind="state")])
    >>> d.resolve("syria"), d.resolve("russia")
    ('regime', 'russia')
    """
    base = _base()
    if scenario_actors is None:
        return base
    aliases: dict[str, str] = {}
    extra: list[tuple[str, str, str]] = []
    scen = list(scenario_actors)
    scen_ids = {a.id for a in scen}
    for a in scen:
        own = [a.name, *(a.aliases or [])]
        for text in own:
            extra.append(("ACTOR", text, a.id))
        if a.leader:
            extra.append(("PERSON", a.leader, a.id))
            last = a.leader.split()[-1]
            if last != a.leader:
                extra.append(("PERSON", last, a.id))
    # Map base actors onto scenario actors by shared names (most shared names wins).
    for entry in base.actors.values():
        terms = entry.terms()
        best, best_n = None, 0
        for a in scen:
            names = {a.id.lower(), a.name.lower(), *(s.lower() for s in a.aliases or [])}
            if a.leader:
                names.add(a.leader.lower())
            n = len(terms & names)
            if entry.id == a.id:
                n += 1
            if n > best_n:
                best, best_n = a.id, n
        if best is not None and best != entry.id:
            aliases[entry.id] = best
        elif best is None and entry.id in scen_ids:
            aliases[entry.id] = entry.id
    return Dictionary(
        actors=base.actors,
        phrases=base.phrases,
        titles=base.titles,
        anaphoric_nouns=base.anaphoric_nouns,
        relational_nouns=base.relational_nouns,
        negations=base.negations,
        hypothetical=base.hypothetical,
        desire=base.desire,
        participles=base.participles,
        aliases=aliases,
        extra_terms=extra,
    )


__all__ = [
    "PLOVER_TYPES",
    "ActorEntry",
    "Dictionary",
    "Phrase",
    "compile_pattern",
    "inflect",
    "load_dictionary",
    "match_at",
    "parse_actors",
    "parse_events",
]

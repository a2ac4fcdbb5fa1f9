"""Events and the coder's working records (mentions, triggers, memory)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from realpolitik.ingest.coder.words import _QUAD
from realpolitik.ingest.dictionary import Phrase


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


class _Doc:
    """A document's tokens as plain lists, read once (spaCy builds a Token per index read).

    ``text``, ``low`` (lower case) and the lexeme flags ``title``, ``punct``, ``alpha`` and
    ``lower`` (``Token.is_title`` ...) per token; ``ent`` marks tokens inside an actor entity.
    """

    __slots__ = ("alpha", "doc", "ent", "low", "lower", "n", "punct", "text", "title")

    def __init__(
        self,
        doc: Any,
        text: list[str],
        lexemes: list[tuple[str, bool, bool, bool, bool]],
        ent: bytearray,
    ) -> None:
        self.doc = doc
        self.n = len(text)
        self.text = text
        self.ent = ent
        if lexemes:
            self.low, self.title, self.punct, self.alpha, self.lower = (
                list(column) for column in zip(*lexemes, strict=True)
            )
        else:
            self.low, self.title, self.punct, self.alpha, self.lower = [], [], [], [], []


def _sentence_event(
    d: _Doc,
    s0: int,
    s1: int,
    number: int,
    file: str | None,
    source: tuple[str, ...],
    type_: str,
    mode: str | None,
    target: tuple[str, ...],
    intensity: float,
    cameo: str,
    trigger: str,
) -> Event:
    """An event of the sentence ``d[s0:s1]`` that a sentence-level rule found (no date read)."""
    return Event(
        sentence=number,
        text=d.doc[s0:s1].text.strip(),
        source=source,
        type=type_,
        mode=mode,
        target=target,
        intensity=intensity,
        date=None,
        cameo=cameo,
        quad_class=_QUAD[cameo[:2]],
        trigger=trigger,
        file=file,
    )

"""The state the coder's rule mixins share (set by ``EventCoder.__init__``)."""

from __future__ import annotations

from typing import Any

from realpolitik.ingest.dictionary import Dictionary


class _CoderState:
    """What the rule mixins read from :class:`~realpolitik.ingest.coder.EventCoder`."""

    dictionary: Dictionary
    nlp: Any
    _by_first: dict[str, list[int]]
    _titles: frozenset[str]
    _anaphoric: frozenset[str]
    _relational: frozenset[str]
    _negations: frozenset[str]
    _hypothetical: frozenset[str]
    _desire: frozenset[str]
    _participles: frozenset[str]
    _prep_end: dict[int, bool]
    _kinds: dict[str, str]
    _country: dict[str, str]
    _punct_chars: frozenset[str]
    _actors: Any
    _trigger_words: frozenset[str]
    _lexemes: dict[str, tuple[str, bool, bool, bool, bool]]

"""References to two actors named before in the same sentence ("..., and the two sides ...")."""

from __future__ import annotations

from realpolitik.ingest.coder.event import _Doc, _Memory, _Mention


def _two_named(memory: _Memory) -> tuple[str, ...] | None:
    """The two actors the current sentence has named so far, if exactly two.

    "X was received in Hanoi by Y, and the two sides signed ...", "X hosted Y in Brasilia,
    where the two leaders signed ...": "the two" are X and Y. A coordinated group of this
    sentence ("X and Y ...") is ``memory.group`` and comes first.
    """
    if memory.group and memory.group[0] == memory.sentence:
        return memory.group[1]
    named: dict[str, None] = {}
    for sent, m in reversed(memory.history):
        if sent != memory.sentence:
            break
        if m.role == "actor" and not m.relational:
            named.update(dict.fromkeys(m.actors))
    return tuple(named)[::-1] if len(named) == 2 else None


def _refers_back(d: _Doc, m: _Mention) -> bool:
    """Whether a mention is "the two (sides)", "both (sides|countries)": no list member.

    "... by To Lam, and the two sides signed", "met Erdogan and both agreed": a new clause's
    subject, not a third party.
    """
    low = d.low[m.start]
    after = d.low[m.start + 1] if m.start + 1 < d.n else ""
    return (
        (low == "the" and after in ("two", "sides"))
        or low == "both"
        or d.low[m.end - 1] in ("two", "sides")
    )


def _verb_subject(d: _Doc, i: int, memory: _Memory) -> _Mention | None:
    """The subject of the verb right before the object pronoun at ``i`` ("X accused them").

    An object pronoun does not stand for its own clause's subject ("Chisinau accused them of
    ...": them are others, the diplomats named before).
    """
    if d.low[i] not in ("them", "it") or i < 3 or not (d.alpha[i - 1] and d.lower[i - 1]):
        return None
    if d.low[i] == "it" and d.low[i + 1 : i + 2] != ["of"]:
        return None  # "said it had struck": a subject "it" is the speaker
    # "a United Nations report accusing it": the author before the text's noun
    ends = (i - 1, i - 2) if d.alpha[i - 2] and d.lower[i - 2] else (i - 1,)
    for sent, m in reversed(memory.history):
        if sent != memory.sentence:
            return None
        if m.end in ends:
            return m
    return None


def _accused_it(d: _Doc, i: int, trigger_starts: set[int]) -> bool:
    """Whether "it" at ``i`` is the object of an accusation: "accusing it of ..."."""
    return i - 1 in trigger_starts and i + 1 < d.n and d.low[i + 1] == "of"

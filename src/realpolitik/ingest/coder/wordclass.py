"""Trigger words used in another word class than their phrase assumes (the tenth pass).

- "flights suspended during the war", "a tanker seized in April": a participle right after a
  common noun, with no "by" after it, is a reduced relative clause (what was done to the noun,
  by nobody named), no event of the noun's;
- "struck what it called militant hideouts": the naming verb of "what X called|termed" hedges
  the object; it is no phone call and no event phrase that ends a target search;
- "60 million euros in budget support": "support" after a noun of money or arms is aid named,
  not the verb of backing.
"""

from __future__ import annotations

from realpolitik.ingest.coder.base import _CoderState
from realpolitik.ingest.coder.event import _Doc, _Trigger
from realpolitik.ingest.coder.words import _STRONG, _TROOP_NOUNS

#: Words after which a participle is no reduced relative (an auxiliary, a pronoun, a joint
#: subject or an adverb of the verb: "talks were suspended", "they suspended").
_NOT_NOUNS = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "it", "they",
     "he", "she", "we", "who", "which", "that", "and", "or", "but", "also", "then", "later",
     "again", "jointly", "first", "last", "this", "news", "its", "their", "his", "her",
     "not", "never", "since", "as", "when", "after", "before", "once", "while", "so", "thus"}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "some", "all", "many", "several", "two", "three"})
#: Words after a participle that show it has no object (a time, a place, a cause).
_NO_OBJECT = frozenset(
    {"during", "since", "after", "amid", "until", "before", "in", "at", "over", "under",
     "earlier", "last", "following", "throughout"}
)  # fmt: skip
#: Nouns of people, who do what a participle after them says ("the police detained ...").
_AGENT_NOUNS = frozenset(
    {"police", "officials", "authorities", "leaders", "ministers", "government", "junta",
     "guards", "navy", "militants", "rebels", "fighters", "gunmen", "protesters", "diplomats",
     "delegations", "delegates", "negotiators", "envoys", "officers", "agents", "jets",
     "drones", "warplanes", "missiles", "ships", "vessels", "regime", "administration"}
)  # fmt: skip
#: Words of naming in "what X called|termed|described as ...".
_HEDGING = frozenset(
    {"called", "calls", "termed", "terms", "described", "describes", "dubbed", "branded",
     "labelled", "labeled", "said", "says", "claimed", "claims"}
)  # fmt: skip
#: Nouns of money, arms or tasks before "support" used as a noun ("budget support").
_SUPPORT_KINDS = frozenset(
    {"budget", "budgetary", "financial", "economic", "fiscal", "military", "humanitarian",
     "logistical", "logistic", "technical", "air", "artillery", "balance-of-payments",
     "development", "reconstruction", "liquidity", "macro-financial", "income", "price"}
)  # fmt: skip


class _WordClass(_CoderState):
    def _other_word_class(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        """Whether a trigger found is a word of another class: see the module's docstring."""
        return (
            self._reduced_relative(d, t, s0, s1)
            or _hedged_naming(d, t, s0)
            or _support_noun(d, t, s0)
        )

    def _reduced_relative(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        """Whether a one-word participle follows a common noun and takes no object or agent.

        "restore direct flights suspended during the Gaza war": the flights were suspended,
        by nobody the sentence names; "Israel suspended flights during the war" is an event.
        """
        if t.end != t.start + 1 or t.start - 1 < s0 or t.end >= s1 or t.phrase.mutual:
            return False  # "the two leaders met in Geneva": meeting takes no object
        low = d.low[t.head]
        if not (low.endswith("ed") or low in self._participles):
            return False
        prev = t.start - 1
        word = d.low[prev]
        if (
            d.ent[prev]
            or not d.alpha[prev]
            or not d.lower[prev]
            or word in _NOT_NOUNS
            or word in _TROOP_NOUNS
            or word.endswith("ly")
            or word in self._trigger_words
            or word in _AGENT_NOUNS
            or word in self._titles
        ):
            return False
        y = prev
        while y > s0 and d.alpha[y - 1] and d.lower[y - 1] and d.low[y - 1] not in _DETERMINERS:
            y -= 1
        if y > s0 and (d.ent[y - 1] or d.text[y - 1] in ("'s", "’s")):
            return False  # "Chinese coast guard ships seized ...": an actor's noun, a subject
        if d.low[t.end] not in _NO_OBJECT:
            return False
        for x in range(t.end, s1):  # a "by" before the clause ends: a passive with its agent
            if d.text[x] in _STRONG or d.text[x] == ",":
                break
            if d.low[x] == "by":
                return False
        return True


def _hedged_naming(d: _Doc, t: _Trigger, s0: int) -> bool:
    """Whether the trigger is the verb of "what X called" ("struck what it called camps")."""
    if d.low[t.head] not in _HEDGING or t.end != t.head + 1:
        return False
    for x in range(t.start - 1, max(s0 - 1, t.start - 5), -1):
        if d.low[x] == "what":
            return x < t.start - 1
        if d.punct[x]:
            return False
    return False


def _support_noun(d: _Doc, t: _Trigger, s0: int) -> bool:
    """Whether "support" is a noun of aid after a noun of its kind ("in budget support")."""
    return (
        t.phrase.type == "SUPPORT"
        and t.end == t.start + 1
        and d.low[t.start] in ("support", "supports")
        and t.start > s0
        and d.low[t.start - 1] in _SUPPORT_KINDS
    )

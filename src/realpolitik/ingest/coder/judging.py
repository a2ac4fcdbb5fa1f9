"""Noun phrases that judge the main clause: ", a move China called provocative".

The words of these appositions and a check that one opens at a comma (a target search ends
there: the judge is no target of the event before it).
"""

from __future__ import annotations

from realpolitik.ingest.coder.event import _Doc

#: Verbs of judging an act: condemning, praising, or naming it ("called it provocative").
_CONDEMNING = frozenset(
    {"condemned", "denounced", "criticised", "criticized", "slammed", "decried", "deplored",
     "lambasted", "censured", "protested", "castigated"}
)  # fmt: skip
_PRAISING = frozenset({"welcomed", "praised", "hailed", "applauded", "lauded", "commended"})
_NAMING = frozenset(
    {"called", "described", "branded", "termed", "labelled", "labeled", "dubbed", "deemed"}
)
_JUDGING = _CONDEMNING | _PRAISING | _NAMING
#: What a naming verb calls a hostile act ("called provocative", "described as a violation").
_HARSH = frozenset(
    {"provocative", "provocation", "illegal", "illegitimate", "unlawful", "unacceptable",
     "inhumane", "inhuman", "hostile", "aggressive", "aggression", "destabilising",
     "destabilizing", "dangerous", "reckless", "irresponsible", "cruel", "violation", "breach",
     "invasion", "threat", "escalation", "outrageous", "racist", "barbaric", "criminal",
     "crime", "piracy", "blackmail", "interference", "coercion", "coercive", "unjust",
     "unfriendly", "genocide", "terrorism", "shameful", "war", "bullying", "hegemonic",
     "extortion", "occupation", "annexation", "apartheid", "massacre", "terrorist", "atrocity",
     "atrocities", "sabotage", "crimes", "unprovoked", "sham", "invalid", "void", "regrettable",
     "deplorable", "unwarranted", "unjustified", "disproportionate", "arbitrary"}
)  # fmt: skip
_KIND = frozenset({"constructive", "positive", "historic", "encouraging", "welcome", "forward"})
#: Nouns that are no act of the main clause (", a charge X denied" is a rejection).
_NOT_JUDGED = frozenset(
    {
        "charge",
        "charges",
        "accusation",
        "accusations",
        "allegation",
        "allegations",
        "claim",
        "claims",
        "report",
        "reports",
    }
)
#: Prepositions before a judged noun phrase ("under a campaign that X called inhumane").
_FRAMING = frozenset({"under", "amid", "in", "as", "despite", "with"})


def _judged_after(d: _Doc, comma: int, s1: int) -> bool:
    """Whether a judging apposition opens at ``comma``: ", an act Japan called ..."."""
    return _judging_verb(d, comma, s1) >= 0


def _judges(d: _Doc, v: int, s0: int, s1: int) -> bool:
    """Whether the word at ``v`` is the verb of a judging noun phrase (no event of its own)."""
    if d.low[v] not in _JUDGING:
        return False
    for x in range(v - 2, max(s0, v - 12), -1):
        if d.text[x] == "," or d.low[x] in _FRAMING:
            return _judging_verb(d, x, s1) == v
    return False


def _judging_verb(d: _Doc, opener: int, s1: int) -> int:
    """The judging verb of the noun phrase after ``opener`` (a comma or a preposition), or -1.

    "<opener> a|an <up to four words> (that|which)? <actor> <up to three words> <judging
    verb>" or "<opener> a|an <up to four words> <condemned|welcomed ...> by".
    """
    x = opener + 1
    if x >= s1 or d.low[x] not in ("a", "an"):
        return -1
    x += 1
    words = 0
    while x < s1 and not d.ent[x] and words <= 5:
        low = d.low[x]
        if low in _CONDEMNING or low in _PRAISING:
            return x if words and x + 1 < s1 and d.low[x + 1] == "by" else -1
        if not (d.alpha[x] or d.text[x] == "-") or not d.lower[x]:
            return -1
        x += 1
        words += 1
    if x >= s1 or not d.ent[x] or words == 0:
        return -1
    while x < s1 and d.ent[x]:
        x += 1
    for y in range(x, min(s1, x + 4)):
        if d.low[y] in _JUDGING:
            return y
        if not d.alpha[y] and d.text[y] not in ("'s", "’s"):
            return -1
    return -1


#: Texts an actor adopts and the verbs of adopting them ("passed a resolution censuring Iran").
_TEXTS = frozenset({"resolution", "resolutions", "statement", "declaration", "communique",
                    "communiqué", "motion"})  # fmt: skip
_ADOPTING = frozenset(
    {"passed", "adopted", "issued", "approved", "passes", "adopts", "issues", "approves",
     "pass", "adopt", "issue", "approve", "backed", "voted"}
)  # fmt: skip


def _adopted_text(d: _Doc, x: int, s0: int) -> bool:
    """Whether the noun at ``x`` is a text its subject adopts: "passed a (joint) resolution".

    "The IAEA board passed a resolution censuring Iran": the censure is the board's own
    ("vetoed a statement condemning ..." is not).
    """
    if d.low[x] not in _TEXTS:
        return False
    y = x - 1
    while y > s0 and x - y <= 3 and d.low[y] not in _ADOPTING:
        if not (d.alpha[y] and d.lower[y]):
            return False
        y -= 1
    return y >= s0 and d.low[y] in _ADOPTING


#: Texts that exist once named ("a U.N. report"; a statement may be a draft).
_REPORTS = frozenset({"report", "reports", "findings", "probe", "investigation", "inquiry"})
#: Verbs that keep a text from being issued ("vetoed a statement condemning ...").
_BLOCKING = frozenset({"vetoed", "blocked", "vetoes", "blocks", "veto", "block", "stalled"})


def _authored_text(d: _Doc, x: int, s0: int) -> bool:
    """Whether the noun at ``x`` is a text by the actor named right before it.

    "rejected a United Nations report accusing it of ...": the report's accusation is the
    U.N.'s ("vetoed a U.N. report accusing ..." is not).
    """
    if d.low[x] not in _REPORTS or not d.ent[x - 1]:
        return False  # "backed a NATO statement condemning ...": perhaps a draft
    y = x - 1
    while y > s0 and (d.ent[y] or d.text[y] in ("'s", "’s")):
        y -= 1
    while y > s0 and x - y <= 6 and d.low[y] not in ("a", "an", "the") and d.lower[y]:
        y -= 1  # "a joint EU statement"
    if d.low[y] in ("a", "an", "the"):
        y -= 1
    return y >= s0 and d.low[y] not in _BLOCKING

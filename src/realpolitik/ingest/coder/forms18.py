"""False positives of ordinary news English that the eighteenth pass removes.

- "Trucks sent by Egypt delivered flour to Gaza": "Trucks" is a noun, not the verb of
  "truck+ aid to", and "sent by Egypt" a passive with its agent, not "sent flour to"; "set a deadline for Caracas to free ...": the gap of "set X free" holds an
  infinitive, the content of a deadline; "ended the ceasefire with strikes on Gaza": ending a
  ceasefire is no retreat. Such a phrase is misread; the phrases inside its words are found
  again without it ("delivered flour to", "set a deadline for", "strikes on");
- "sold its stake in the fund to Denmark": "fund" after a determiner is a noun of finance;
- "the carrier strike group", "the quake-stricken province", "a general strike": no attack;
- "Russia's strikes contributed to tensions with Kyiv": a nominal event that is the subject of
  a verb of causing tensions is background, not an event reported;
- "Under a deal signed in Doha, Israel and Hamas will exchange prisoners": a future act under
  a deal is what is agreed (the AGREE), not an act done.
"""

from __future__ import annotations

from realpolitik.ingest.coder.document import _head
from realpolitik.ingest.coder.event import _Doc, _Trigger
from realpolitik.ingest.coder.forms16b import _Forms16b

#: Words before a noun ("the trucks", "its fund", "Norway's wealth fund").
_NOUN_BEFORE = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
     "'s", "’s", "of", "more", "some", "wealth", "pension", "investment", "monetary",
     "sovereign", "trust", "relief", "hedge", "development", "reconstruction", "aid",
     "emergency", "special", "global", "joint", "new", "-"}
)  # fmt: skip
#: Nouns a trigger word is misread for, with its phrase's type.
_TRUCKS = frozenset({"truck", "trucks"})
_FUNDS = frozenset({"fund", "funds"})
#: Nouns that make "strike" a modifier ("carrier strike group", "strike force").
_STRIKE_HEADS = frozenset(
    {"group", "groups", "force", "forces", "package", "packages", "capability",
     "capabilities", "fighter", "fighters", "aircraft", "craft", "team", "teams", "range",
     "unit", "units"}
)  # fmt: skip
#: Modifiers of a labour strike ("a general strike", "a nationwide strike").
_LABOUR = frozenset(
    {"general", "labour", "labor", "nationwide", "national", "workers", "union", "rail",
     "transport", "teachers", "doctors", "hunger", "sit-down", "wildcat", "student", "port"}
)  # fmt: skip
#: Ceasefires whose ending is no retreat ("ended the ceasefire with strikes").
_TRUCES = frozenset({"ceasefire", "ceasefires", "truce", "truces", "lull", "calm", "armistice"})
#: Nouns of attacks that can be the subject of a verb of causing.
_ATTACK_NOUNS = frozenset(
    {"strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids",
     "bombing", "bombings", "shelling", "offensive", "invasion", "incursion", "incursions"}
)  # fmt: skip
_CAUSING = frozenset(
    {"contributed", "contribute", "contributes", "fuelled", "fueled", "fuel", "fuels",
     "heightened", "heighten", "heightens", "raised", "raise", "raises", "stoked", "stoke",
     "stokes", "deepened", "deepen", "worsened", "inflamed", "escalated", "exacerbated",
     "added", "increased", "ratcheted"}
)  # fmt: skip
_TENSIONS = frozenset(
    {"tensions", "tension", "fears", "concerns", "worries", "anger", "hostility", "mistrust",
     "distrust", "friction", "frictions", "animosity", "rift", "strains", "strain"}
)  # fmt: skip
_FUTURE = frozenset({"will", "would", "shall"})
_DEALS = frozenset(
    {"deal", "agreement", "accord", "truce", "ceasefire", "plan", "pact", "terms",
     "arrangement", "framework"}
)  # fmt: skip


class _Forms18(_Forms16b):
    def _triggers(self, d: _Doc, sents: list[tuple[int, int]]) -> list[list[_Trigger]]:
        out = super()._triggers(d, sents)
        for k, ((s0, s1), ts) in enumerate(zip(sents, out, strict=True)):
            bad = [t for t in ts if _misread(d, t, s0)]
            if not bad:
                continue
            keep = [t for t in ts if not any(t is b for b in bad)]
            for t in bad:
                keep.extend(self._found_again(d, t, s0, s1, keep))
            keep.sort(key=lambda t: t.start)
            out[k] = keep
        return out

    def _found_again(
        self, d: _Doc, bad: _Trigger, s0: int, s1: int, keep: list[_Trigger]
    ) -> list[_Trigger]:
        """The phrases that start inside a misread trigger's words, without it."""
        phrases = self.dictionary.phrases
        found = [
            c
            for c in self._candidates(d, bad.start, bad.end, s1)
            if not (phrases[c[2]] is bad.phrase and c[0] == bad.start)
        ]
        taken = {x for t in keep for x in range(t.start, t.end)}
        new: list[_Trigger] = []
        for start, _, i, end in found:
            if any(x in taken for x in range(start, end)):
                continue
            t = _Trigger(start, end, _head(d.low, start), phrases[i])
            if _misread(d, t, s0):
                continue
            taken.update(range(start, end))
            new.append(t)
        return new

    def _dropped(self, d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
        return (
            super()._dropped(d, t, s0, s1)
            or _noun_of_finance(d, t, s0)
            or _strike_noun(d, t, s0, s1)
            or self._causing_subject(d, t, s1)
            or _under_deal(d, t, s0)
        )

    def _causing_subject(self, d: _Doc, t: _Trigger, s1: int) -> bool:
        """Whether an attack noun is the subject of "contributed to|fuelled tensions"."""
        if t.phrase.type != "ASSAULT" or d.low[t.head] not in _ATTACK_NOUNS:
            return False
        for x in range(t.end, min(s1, t.end + 8)):
            if d.punct[x] or d.low[x] in ("and", "but", "which", "that", "who"):
                return False
            if d.low[x] in _CAUSING:
                return any(d.low[y] in _TENSIONS for y in range(x + 1, min(s1, x + 5)))
            if d.low[x] in self._trigger_words:
                return False
        return False


def _misread(d: _Doc, t: _Trigger, s0: int) -> bool:
    """Whether a phrase found is misread (see the module's docstring): its words hold others."""
    low = d.low
    words = low[t.start : t.end]
    if low[t.head] in _TRUCKS:
        prev = low[t.head - 1] if t.head > s0 else ""
        return t.head == s0 or prev in _NOUN_BEFORE or prev.isdigit()
    if (
        len(t.phrase.tokens) > 1
        and t.phrase.tokens[1][0] != "word"
        and t.head + 2 < t.end
        and low[t.head + 1] == "by"
    ):
        return True  # "Trucks sent by Egypt delivered flour to": a passive's agent, no object
    if t.phrase.type == "CONCEDE" and low[t.head].startswith("set") and words[-1] == "free":
        return "to" in words  # "set a deadline for Caracas to free": not "set X free"
    if t.phrase.type == "RETREAT" and low[t.head].startswith(("end", "halt", "stop")):
        return any(w in _TRUCES for w in words)
    return False


def _noun_of_finance(d: _Doc, t: _Trigger, s0: int) -> bool:
    """Whether "fund" is a noun ("its stake in the fund", "Norway's wealth fund")."""
    return (
        t.phrase.type == "AID"
        and t.end == t.head + 1
        and d.low[t.head] in _FUNDS
        and t.head > s0
        and d.low[t.head - 1] in _NOUN_BEFORE
    )


def _strike_noun(d: _Doc, t: _Trigger, s0: int, s1: int) -> bool:
    """Whether "strike|stricken" is part of a noun: "strike group", "quake-stricken", a strike."""
    if t.phrase.type != "ASSAULT":
        return False
    low = d.low
    for x in range(t.start, t.end):
        w = low[x]
        if w == "stricken":
            return x + 1 >= s1 or low[x + 1] != "by"
        if w in ("strike", "strikes"):
            if x + 1 < s1 and low[x + 1] in _STRIKE_HEADS:
                return True
            if x > s0 and low[x - 1] in _LABOUR:
                return True
    return False


def _under_deal(d: _Doc, t: _Trigger, s0: int) -> bool:
    """Whether an act is a future one under a deal ("Under a deal ..., X will exchange ...")."""
    if t.phrase.type == "AGREE" or t.start - 1 <= s0:
        return False
    x = t.start - 1
    if d.low[x].endswith("ly") and x - 1 > s0:
        x -= 1
    if d.low[x] not in _FUTURE:
        return False
    for y in range(s0, x):
        if d.low[y] == "under" and any(d.low[z] in _DEALS for z in range(y + 1, min(x, y + 4))):
            return True
    return False

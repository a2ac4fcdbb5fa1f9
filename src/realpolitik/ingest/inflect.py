"""English verb inflection for the event dictionary's phrases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_VOWELS = set("aeiou")


def inflect(verb: str, irregular: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    """Return the base form and the inflections of an English verb.

    Regular rules (third person, past, -ing) are generated; ``irregular`` maps a base form to its
    other forms and then replaces the rules. Where doubling of the final consonant is uncertain
    both spellings are produced (a spelling that is not a word matches nothing).

    Examples
    --------
    >>> inflect("kill")
    ['kill', 'killed', 'killing', 'kills']
    >>> inflect("praise")
    ['praise', 'praised', 'praises', 'praising']
    >>> inflect("meet", {"meet": ["met", "meets", "meeting"]})
    ['meet', 'meeting', 'meets', 'met']
    """
    verb = verb.lower()
    if irregular and verb in irregular:
        return sorted({verb, *irregular[verb]})
    forms = {verb}
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(verb + "es")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        forms.add(verb + "d")
        forms.add((verb[:-1] if not verb.endswith("ee") else verb) + "ing")
        if verb.endswith("ie"):
            forms.add(verb[:-2] + "ying")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        forms.add(verb[:-1] + "ied")
        forms.add(verb + "ing")
    else:
        forms.add(verb + "ed")
        forms.add(verb + "ing")
        if (
            len(verb) >= 3
            and verb[-1] not in _VOWELS | {"w", "x", "y"}
            and verb[-2] in _VOWELS
            and verb[-3] not in _VOWELS
        ):
            forms.add(verb + verb[-1] + "ed")
            forms.add(verb + verb[-1] + "ing")
    return sorted(forms)

"""The spaCy pipeline: tokenizer, sentencizer and an entity ruler built from the actor dictionary."""

from __future__ import annotations

from typing import Any, cast

from realpolitik.ingest.dictionary import Dictionary


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

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


class _Actors:
    """The entity ruler's entities of a document, found without the ruler's per-match overhead.

    The ruler's exact-case token patterns ("US", "U.S.", "SDF") are matched by a
    :class:`~spacy.matcher.PhraseMatcher` on ``ORTH`` instead of the token ``Matcher`` (a third
    of the pipeline's time), and the ruler's choice among overlapping matches (longest, then
    earliest) is made on plain tuples. The spans and ids are the ruler's: where two patterns of
    different ids could match the same words (the ruler's tie order would then decide), or a
    token pattern is not a plain sequence of ``ORTH`` values, the ruler's own matches are used.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        vocab = ruler.nlp.vocab
        self.ruler = ruler
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        keys_of: dict[tuple[str, ...], set[str]] = {}
        for key, docs in ruler.phrase_patterns.items():
            self.lower.add(key, docs)
            for d in docs:
                keys_of.setdefault(tuple(t.lower_ for t in d), set()).add(key)
        exact = True
        for key, patterns in ruler.token_patterns.items():
            docs = []
            for pattern in patterns:
                if not all(
                    set(tok) == {"ORTH"} and isinstance(tok["ORTH"], str) for tok in pattern
                ):
                    exact = False
                    continue
                words = [tok["ORTH"] for tok in pattern]
                docs.append(Doc(vocab, words=words))
                keys_of.setdefault(tuple(w.lower() for w in words), set()).add(key)
            if docs:
                self.orth.add(key, docs)
        #: whether the two phrase matchers give exactly the ruler's entities
        self.exact = exact and all(len(keys) == 1 for keys in keys_of.values())
        strings = vocab.strings
        self.labels: dict[int, tuple[str, str]] = {}
        for key in [*ruler.phrase_patterns, *ruler.token_patterns]:
            h = strings[key]
            label, ent_id = ruler._ent_ids.get(h, (key, ""))
            self.labels[h] = (label, ent_id)

    def __call__(self, doc: Any) -> list[tuple[int, int, str, str]]:
        """Return ``(start, end, label, actor id)`` of each entity, in text order."""
        if self.exact:
            found = {(m, s, e) for m, s, e in [*self.orth(doc), *self.lower(doc)] if s != e}
            matches = sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        else:
            matches = self.ruler.match(doc)
        seen: set[int] = set()
        out = []
        labels = self.labels
        for match_id, start, end in matches:
            if start not in seen and end - 1 not in seen:
                label, actor = labels[match_id]
                out.append((start, end, label, actor))
                seen.update(range(start, end))
        out.sort()
        return out

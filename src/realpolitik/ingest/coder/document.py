"""A paragraph read once: tokens as plain lists, sentences, and the event phrases found."""

from __future__ import annotations

from realpolitik.ingest.coder.base import _CoderState
from realpolitik.ingest.coder.event import _Doc, _Trigger
from realpolitik.ingest.dictionary import match_at


class _Documents(_CoderState):
    """Tokenize a paragraph, split its sentences and find its event phrases."""

    def _tokens(self, text: str) -> _Doc:
        """Tokenize a paragraph and read its tokens' attributes once (see :class:`_Doc`)."""
        doc = self.nlp.make_doc(text)
        words = [t.text for t in doc]
        lexemes = self._lexemes
        if len(lexemes) > 500_000:
            lexemes.clear()
        rows = []
        for w in words:
            row = lexemes.get(w)
            if row is None:
                lex = self.nlp.vocab[w]
                row = (lex.lower_, lex.is_title, lex.is_punct, lex.is_alpha, lex.is_lower)
                lexemes[w] = row
            rows.append(row)
        return _Doc(doc, words, rows, bytearray(len(words)))

    def _sentences(self, d: _Doc) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence: spaCy's ``sentencizer`` rule on the token lists."""
        n = d.n
        if n == 0:
            return []
        punct_chars = self._punct_chars
        punct = d.punct
        starts = [0]
        seen_period = False
        for i, w in enumerate(d.text):
            in_chars = w in punct_chars
            if seen_period and not punct[i] and not in_chars:
                starts.append(i)
                seen_period = False
            elif in_chars:
                seen_period = True
        return list(zip(starts, [*starts[1:], n], strict=True))

    def _candidates(self, d: _Doc, lo: int, hi: int, s1: int) -> list[tuple[int, int, int, int]]:
        """Every phrase that starts at a token in ``[lo, hi)`` and matches before ``s1``.

        As ``(start, -length, phrase index, end)``, sorted: earliest first, then longest, then
        the first in the dictionary — the order in which overlapping phrases win.
        """
        phrases = self.dictionary.phrases
        words = d.low
        by_first = self._by_first
        trigger_words = self._trigger_words
        found = []
        for start in range(lo, hi):
            if words[start] not in trigger_words:
                continue
            for i in by_first.get(words[start], ()):
                stop = match_at(phrases[i].tokens, words, start, s1)
                if stop > start:
                    found.append((start, -(stop - start), i, stop))
        found.sort()
        return found

    def _triggers(self, d: _Doc, sents: list[tuple[int, int]]) -> list[list[_Trigger]]:
        """The event phrases of each sentence (overlaps: earliest, longest, first wins)."""
        phrases = self.dictionary.phrases
        out: list[list[_Trigger]] = []
        for s0, s1 in sents:
            found = self._candidates(d, s0, s1, s1)
            here: list[_Trigger] = []
            out.append(here)
            if not found:
                continue
            taken = bytearray(s1 - s0)
            for start, _, i, end in found:
                if any(taken[start - s0 : end - s0]):
                    continue
                for k in range(start - s0, end - s0):
                    taken[k] = 1
                here.append(_Trigger(start, end, _head(d.low, start), phrases[i]))
            here.sort(key=lambda t: t.start)
        return out


def _head(words: list[str], start: int) -> int:
    """The head word of a phrase found at ``start``: past a leading article or hyphen."""
    return start + 1 if words[start] in ("-", "a", "an", "the") else start

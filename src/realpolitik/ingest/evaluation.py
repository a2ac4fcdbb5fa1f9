"""Precision and recall of coded events against hand-coded (gold) events.

Events are compared as directed pairs ``(sentence, type, source actor, target actor)``: an event
with two sources and one target counts as two pairs, a reciprocal event as both directions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Dyad = tuple[Any, str, str, str]


@dataclass(frozen=True)
class Score:
    """Counts and rates of a comparison.

    Parameters
    ----------
    n_true_positive, n_predicted, n_gold : int
        Matching pairs, pairs coded, pairs in the gold file.
    """

    n_true_positive: int
    n_predicted: int
    n_gold: int

    @property
    def precision(self) -> float:
        """Share of coded pairs that are in the gold file (1.0 when nothing was coded)."""
        return self.n_true_positive / self.n_predicted if self.n_predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of gold pairs that were coded (1.0 when the gold file is empty)."""
        return self.n_true_positive / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def dyads(key: Any, type_: str, source: Iterable[str], target: Iterable[str]) -> set[Dyad]:
    """Directed pairs of one event; ``key`` identifies its sentence.

    Examples
    --------
    >>> sorted(dyads(3, "COOPERATE", ["russia", "turkey"], ["russia", "turkey"]))
    [(3, 'COOPERATE', 'russia', 'turkey'), (3, 'COOPERATE', 'turkey', 'russia')]
    """
    tgt = list(target)
    return {(key, type_, s, t) for s in source for t in tgt if s != t}


def score(predicted: set[Dyad], gold: set[Dyad]) -> Score:
    """Compare two sets of pairs.

    Examples
    --------
    >>> g = dyads(1, "ASSAULT", ["us"], ["iran"]) | dyads(2, "CONSULT", ["russia"], ["turkey"])
    >>> p = dyads(1, "ASSAULT", ["us"], ["iran"]) | dyads(2, "CONSULT", ["turkey"], ["russia"])
    >>> s = score(p, g)
    >>> s.precision, s.recall
    (0.5, 0.5)
    """
    return Score(len(predicted & gold), len(predicted), len(gold))


def score_by_type(predicted: set[Dyad], gold: set[Dyad]) -> dict[str, Score]:
    """Scores per event type (a pair's type is its second element), types in either set.

    Examples
    --------
    >>> g = dyads(1, "ASSAULT", ["us"], ["iran"]) | dyads(2, "CONSULT", ["russia"], ["turkey"])
    >>> p = dyads(1, "ASSAULT", ["us"], ["iran"]) | dyads(2, "AGREE", ["russia"], ["turkey"])
    >>> {t: (s.n_true_positive, s.n_predicted, s.n_gold) for t, s in score_by_type(p, g).items()}
    {'AGREE': (0, 1, 0), 'ASSAULT': (1, 1, 1), 'CONSULT': (0, 0, 1)}
    """
    types = sorted({d[1] for d in predicted} | {d[1] for d in gold})
    return {
        t: score({d for d in predicted if d[1] == t}, {d for d in gold if d[1] == t}) for t in types
    }


def gold_pairs(
    items: Sequence[Mapping[str, Any]], coder: Any
) -> tuple[set[Dyad], set[Dyad], list[tuple[int, Any]]]:
    """Code each gold sentence on its own; return (predicted pairs, gold pairs, events).

    ``items`` are the ``sentences`` of a gold file (``text`` and ``events`` with ``type``,
    ``source``, ``target``); ``coder`` is an :class:`~realpolitik.ingest.EventCoder`. Pairs are
    keyed by the sentence's index; ``events`` lists ``(index, Event)`` for every coded event.
    """
    gold: set[Dyad] = set()
    predicted: set[Dyad] = set()
    events: list[tuple[int, Any]] = []
    for i, item in enumerate(items):
        for e in item.get("events") or []:
            gold |= dyads(i, e["type"], e["source"], e["target"])
        for ev in coder.code(item["text"]):
            predicted |= dyads(i, ev.type, ev.source, ev.target)
            events.append((i, ev))
    return predicted, gold, events


__all__ = ["Score", "dyads", "gold_pairs", "score", "score_by_type"]

"""Observations, crossings and the relation series (the records; see the package docstring)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from realpolitik.ingest.proposals import relation_type_for

#: Trailing window of the relation score, in days.
WINDOW_DAYS = 30
#: Weight of the declared relation, in events (see the module docstring).
PRIOR_EVENTS = 2.0


@dataclass(frozen=True)
class Observation:
    """One dated, directed event between two actors.

    Parameters
    ----------
    date : datetime.date
    source, target : str
        Actor ids.
    type : str
        PLOVER category.
    score : float
        PLOVER score of the category (-9.3 .. 7.6).
    text : str
        The sentence (or, for a GDELT row, a description of the row).
    where : str
        File and sentence (or row) it came from.
    """

    date: dt.date
    source: str
    target: str
    type: str
    score: float
    text: str
    where: str


@dataclass(frozen=True)
class Crossing:
    """A dyad's score crossed into another relation type on ``date``.

    Parameters
    ----------
    date : datetime.date
    between : (str, str)
        The two actors (sorted, or in scenario order with a scenario).
    from_type, to_type : str
    score : float
        The score on that day.
    proposed_weight : float
        The default weight of ``to_type``.
    evidence : tuple of Observation
        The window's events, most intense first.
    """

    date: dt.date
    between: tuple[str, str]
    from_type: str
    to_type: str
    score: float
    proposed_weight: float
    evidence: tuple[Observation, ...]

    def edit(self) -> dict[str, Any]:
        """A ``set-relation`` edit of a scenario shock, citing the window's sentences."""
        quotes: list[dict[str, str]] = []
        seen: set[str] = set()
        for o in self.evidence:
            if o.where in seen:
                continue
            seen.add(o.where)
            quotes.append({"quote": o.text, "locator": f"{o.where} ({o.date.isoformat()})"})
        return {
            "op": "set-relation",
            "between": list(self.between),
            "type": self.to_type,
            "weight": self.proposed_weight,
            "commitment": "none",
            "evidence": quotes,
            "assumption": (
                f"On {self.date.isoformat()} the {WINDOW_DAYS}-day relation score of "
                f"{self.between[0]}-{self.between[1]} was {self.score:+.2f} "
                f"({len(self.evidence)} event{'s' if len(self.evidence) != 1 else ''}), in the "
                f"{self.to_type} band; it was "
                f"{self.from_type} before."
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "date": self.date.isoformat(),
            "between": list(self.between),
            "from": self.from_type,
            "to": self.to_type,
            "score": round(self.score, 6),
            "proposed_weight": self.proposed_weight,
            "evidence": [
                {
                    "date": o.date.isoformat(),
                    "source": o.source,
                    "target": o.target,
                    "type": o.type,
                    "score": o.score,
                    "text": o.text,
                    "where": o.where,
                }
                for o in self.evidence
            ],
        }


@dataclass
class RelationSeries:
    """Daily relation scores per dyad, and the type crossings they propose.

    Parameters
    ----------
    days : numpy.ndarray of datetime64[D]
        Every day from the first to the last observation.
    pairs : list of (str, str)
    scores : numpy.ndarray
        ``scores[pair, day]``.
    counts : numpy.ndarray
        Events in each pair's window on each day.
    start : dict
        Pair -> (declared type, declared weight) the scores start from.
    crossings : list of Crossing
        In date order.
    observations : list of Observation
    n_undated : int
        Events left out because neither their sentence nor their article gives a day.
    window : int
        The window in days.
    assaults : numpy.ndarray or None
        ASSAULT events in each pair's window on each day (war needs one).
    """

    days: np.ndarray
    pairs: list[tuple[str, str]]
    scores: np.ndarray
    counts: np.ndarray
    start: dict[tuple[str, str], tuple[str, float]]
    crossings: list[Crossing]
    observations: list[Observation]
    n_undated: int = 0
    window: int = WINDOW_DAYS
    assaults: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)

    def to_frame(self) -> Any:
        """A tidy :class:`pandas.DataFrame`: one row per pair and day.

        Columns: ``date``, ``actor_a``, ``actor_b``, ``n_events`` (in the window), ``score``,
        ``type`` (the band of the score).
        """
        import pandas as pd

        rows = []
        for p, (a, b) in enumerate(self.pairs):
            for d, day in enumerate(self.days):
                s = float(self.scores[p, d])
                war = self.assaults is not None and bool(self.assaults[p, d])
                band = relation_type_for(s, allow_alliance=False, allow_war=war)
                rows.append((day, a, b, int(self.counts[p, d]), s, band))
        columns = ["date", "actor_a", "actor_b", "n_events", "score", "type"]
        frame = pd.DataFrame(rows, columns=columns)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame

    def to_json(self) -> dict[str, Any]:
        """``{"window_days", "pairs": [{between, start, days, scores, counts}], "crossings"}``."""
        days = [str(d) for d in self.days]
        return {
            "window_days": self.window,
            "prior_events": PRIOR_EVENTS,
            "n_observations": len(self.observations),
            "n_undated": self.n_undated,
            "days": days,
            "pairs": [
                {
                    "between": list(pair),
                    "start": {"type": self.start[pair][0], "weight": self.start[pair][1]},
                    "scores": [round(float(x), 6) for x in self.scores[p]],
                    "counts": [int(x) for x in self.counts[p]],
                }
                for p, pair in enumerate(self.pairs)
            ],
            "crossings": [c.to_dict() for c in self.crossings],
        }

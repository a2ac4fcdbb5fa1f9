"""Relations over time: dated events in, per-dyad relation scores and type crossings out.

Each directed event pair becomes a dated observation with PLOVER's score of its category
(:data:`~realpolitik.ingest.formats.PLOVER_SCORES`, -9.3 for ASSAULT .. +7.6 for RETREAT).
For an unordered pair of actors ``{a, b}`` and each day ``t``, the events of the trailing window
``(t - window, t]`` give

    score(t) = (k * w0 + sum of scores / 10) / (k + n)

where ``n`` is the number of events in the window, ``w0`` the relation's weight declared in
the scenario (0 when none is declared or there is no scenario) and ``k = prior_events`` (2): the
declared relation counts as ``k`` events of its own weight, so that one event moves a dyad only
part of the way and a quiet window returns it to the declared relation. Scores stay in
[-0.93, +0.76] (the scores' range / 10), the scale of relation weights (war -1 .. alliance +1).

The relation type of a score is the type whose band holds it; bands are centred on the
scenario's default weights (alliance 1, partnership .6, alignment .3, neutral 0, rivalry -.3,
hostility -.6, war -1) and meet halfway. A **crossing** is proposed when a dyad's type changes,
in the direction of the window's events (hostile events never make a relation friendlier, and
the other way round), never into an alliance (that needs a declared mutual commitment) and into
war only when the window holds an ASSAULT. Each crossing cites the window's events.

The window (30 days) and ``k`` (2) are fixed choices, documented, not fitted to any data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.exceptions import InputError
from realpolitik.ingest.coder import Event
from realpolitik.ingest.dictionary import Dictionary
from realpolitik.ingest.formats import (
    GDELT2_COLUMNS,
    PLOVER_SCORES,
    cameo_to_plover,
    plover_type,
)
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


def observations_from_events(
    events: Iterable[Event], article_dates: dict[str, dt.date | None] | None = None
) -> tuple[list[Observation], int]:
    """Dated observations of coded events (the sentence's day, else the article's).

    Returns the observations and the number of events without a day (left out).
    """
    dates = article_dates or {}
    out: list[Observation] = []
    undated = 0
    for e in events:
        day: dt.date | None = None
        if e.date and len(e.date) == 10:
            day = dt.date.fromisoformat(e.date)
        else:
            day = dates.get(e.file or "")
        if day is None:
            undated += 1
            continue
        category = plover_type(e)
        if category not in PLOVER_SCORES:
            continue  # appeals (REQUEST): PLOVER does not code them, so they have no score
        where = f"{e.file}, sentence {e.sentence}" if e.file else f"sentence {e.sentence}"
        for s, t in e.dyads():
            out.append(Observation(day, s, t, category, PLOVER_SCORES[category], e.text, where))
    return out, undated


def parse_gdelt(
    text: str, *, dictionary: Dictionary | None = None, filename: str = "<gdelt>"
) -> list[Observation]:
    """Observations from a GDELT-style tab-separated event file (pure: no I/O).

    Reads GDELT 2.0 files (61 columns, no header) and files with a header row naming at least
    ``SQLDATE``, ``Actor1Code``, ``Actor2Code`` and ``EventCode`` (such as ``ingest --format
    gdelt`` writes). Actors are resolved by their code through ``dictionary`` (a scenario's
    dictionary maps ``RUS`` to its Russia), else by ``Actor*Name`` lower-cased, else the code.
    Rows without both actors, a day or a PLOVER category (CAMEO 01 statements) are skipped.

    Raises
    ------
    InputError
        Naming the file, line and column, for a missing column or a bad date.

    Examples
    --------
    >>> row = dict.fromkeys(GDELT2_COLUMNS, "")
    >>> row.update(SQLDATE="20200108", Actor1Code="IRN", Actor2Code="USA", EventCode="190")
    >>> obs = parse_gdelt("\\t".join(row[c] for c in GDELT2_COLUMNS))
    >>> (obs[0].date.isoformat(), obs[0].source, obs[0].target, obs[0].type, obs[0].score)
    ('2020-01-08', 'irn', 'usa', 'ASSAULT', -9.3)
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise InputError(f"{filename}: empty event file; expected GDELT-style tab-separated rows")
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))
    first = rows[0]
    if "SQLDATE" in first:
        header, body, offset = first, rows[1:], 2
    elif len(first) in (len(GDELT2_COLUMNS), 58, 57):
        header = list(GDELT2_COLUMNS) if len(first) == len(GDELT2_COLUMNS) else _gdelt1(len(first))
        body, offset = rows, 1
    else:
        raise InputError(
            f"{filename}: line 1: expected a header row naming SQLDATE, Actor1Code, Actor2Code, "
            f"EventCode, or a GDELT 2.0 row of {len(GDELT2_COLUMNS)} tab-separated columns; "
            f"found {len(first)} column(s)"
        )
    need = ("SQLDATE", "Actor1Code", "Actor2Code", "EventCode")
    missing = [c for c in need if c not in header]
    if missing:
        raise InputError(f"{filename}: line 1: missing column(s) {', '.join(missing)}")
    col = {c: i for i, c in enumerate(header)}
    codes = _code_table(dictionary) if dictionary is not None else {}
    out: list[Observation] = []
    for n, row in enumerate(body):
        line = n + offset

        def get(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        a1, a2, code = get("Actor1Code"), get("Actor2Code"), get("EventCode")
        raw_day = get("SQLDATE")
        if not (a1 and a2 and code and raw_day):
            continue
        try:
            day = dt.datetime.strptime(raw_day[:8], "%Y%m%d").date()
        except ValueError:
            raise InputError(
                f"{filename}: line {line}, column SQLDATE: expected a date YYYYMMDD; "
                f"found {raw_day!r}"
            ) from None
        category = cameo_to_plover(code)
        if category is None or category not in PLOVER_SCORES:
            continue
        s = _resolve(a1, get("Actor1Name"), codes)
        t = _resolve(a2, get("Actor2Name"), codes)
        if s == t:
            continue
        url = get("SOURCEURL")
        text_ = f"{s} -> {t}: CAMEO {code} ({category})" + (f", {url}" if url else "")
        out.append(
            Observation(
                day, s, t, category, PLOVER_SCORES[category], text_, f"{filename}, line {line}"
            )
        )
    return out


def _gdelt1(n: int) -> list[str]:
    """GDELT 1.0 columns (no ADM2 codes; 57 columns, 58 with SOURCEURL)."""
    cols = [c for c in GDELT2_COLUMNS if "ADM2" not in c]
    return cols[:n]


def _code_table(dictionary: Dictionary) -> dict[str, str]:
    table: dict[str, str] = {}
    for base, entry in dictionary.actors.items():
        actor = dictionary.resolve(base)
        table.setdefault(entry.cameo.upper(), actor)
        table.setdefault(entry.cameo.upper()[:3], actor)
    return table


def _resolve(code: str, name: str, codes: dict[str, str]) -> str:
    up = code.upper()
    if up in codes:
        return codes[up]
    if up[:3] in codes and not up.startswith("IGO"):
        return codes[up[:3]]
    return name.lower() if name else code.lower()


def relation_series(
    observations: Sequence[Observation],
    *,
    scenario: Any = None,
    window: int = WINDOW_DAYS,
    prior_events: float = PRIOR_EVENTS,
    n_undated: int = 0,
) -> RelationSeries:
    """Daily relation scores of every dyad the observations connect, and their crossings.

    Parameters
    ----------
    observations : sequence of Observation
    scenario : Scenario, optional
        Its relations give each dyad's starting type and weight (``w0``); only dyads of its
        actors are scored.
    window : int
        Trailing window in days (default 30).
    prior_events : float
        Weight of the declared relation, in events (default 2).
    n_undated : int
        Reported in the result (events without a day, dropped before).

    Returns
    -------
    RelationSeries

    Raises
    ------
    InputError
        If ``window`` < 1, ``prior_events`` <= 0, or no observation connects two actors.

    Examples
    --------
    Two assaults five days apart between neutral actors: after the first the score is
    (0 * 2 - 0.93) / 3 = -0.31 (rivalry), after the second -1.86 / 4 = -0.465 (hostility):

    >>> d = dt.date(2020, 1, 1)
    >>> obs = [Observation(d, "a", "b", "ASSAULT", -9.3, "A hit B.", "s1"),
    ...        Observation(d + dt.timedelta(5), "a", "b", "ASSAULT", -9.3, "A hit B.", "s2")]
    >>> r = relation_series(obs)
    >>> round(float(r.scores[0, 0]), 3), round(float(r.scores[0, 5]), 3)
    (-0.31, -0.465)
    >>> [(c.date.day, c.from_type, c.to_type) for c in r.crossings]
    [(1, 'neutral', 'rivalry'), (6, 'rivalry', 'hostility')]
    """
    if window < 1:
        raise InputError(f"--window must be at least 1 day; got {window}")
    if prior_events <= 0:
        raise InputError(f"--prior-events must be positive; got {prior_events}")
    order: dict[str, int] = {}
    declared: dict[frozenset[str], tuple[str, float]] = {}
    if scenario is not None:
        order = {a.id: i for i, a in enumerate(scenario.actors)}
        for rel in scenario.relations:
            declared[frozenset(rel.between)] = (rel.type, float(rel.weight))
    obs = [
        o
        for o in observations
        if o.source != o.target and (not order or (o.source in order and o.target in order))
    ]
    if not obs:
        raise InputError(
            "no dated events between two actors"
            + (" of the scenario" if order else "")
            + " to build a relation series from"
        )
    obs.sort(key=lambda o: (o.date, o.where))

    def key(o: Observation) -> tuple[str, str]:
        a, b = o.source, o.target
        if order:
            return (a, b) if order[a] <= order[b] else (b, a)
        return (a, b) if a <= b else (b, a)

    pairs = sorted({key(o) for o in obs}, key=lambda p: (order.get(p[0], 0), order.get(p[1], 0), p))
    index = {p: i for i, p in enumerate(pairs)}
    first = min(o.date for o in obs)
    last = max(o.date for o in obs)
    n_days = (last - first).days + 1
    days = np.arange(np.datetime64(first), np.datetime64(last) + 1)
    total = np.zeros((len(pairs), n_days))
    count = np.zeros((len(pairs), n_days))
    assault = np.zeros((len(pairs), n_days))
    p_idx = np.array([index[key(o)] for o in obs])
    d_idx = np.array([(o.date - first).days for o in obs])
    np.add.at(total, (p_idx, d_idx), np.array([o.score for o in obs]) / 10.0)
    np.add.at(count, (p_idx, d_idx), 1.0)
    np.add.at(assault, (p_idx, d_idx), np.array([o.type == "ASSAULT" for o in obs], float))
    # trailing window sums by cumulative differences: sum over (t - window, t]
    win_total = _rolling(total, window)
    win_count = _rolling(count, window)
    win_assault = _rolling(assault, window)
    start = {p: declared.get(frozenset(p), ("neutral", 0.0)) for p in pairs}
    w0 = np.array([start[p][1] for p in pairs])[:, None]
    scores = (prior_events * w0 + win_total) / (prior_events + win_count)
    crossings: list[Crossing] = []
    for i, p in enumerate(pairs):
        current = start[p][0]
        for d in range(n_days):
            if win_count[i, d] == 0:
                continue
            s = float(scores[i, d])
            band = relation_type_for(s, allow_alliance=False, allow_war=bool(win_assault[i, d]))
            if band == current:
                continue
            hostile = win_total[i, d] < 0
            rank = _RANK
            more_hostile = rank[band] > rank[current]
            if hostile != more_hostile:
                continue  # against the direction of the window's events
            day = first + dt.timedelta(days=d)
            lo = day - dt.timedelta(days=window - 1)
            evidence = sorted(
                (o for o in obs if key(o) == p and lo <= o.date <= day),
                key=lambda o: (-abs(o.score), o.date),
            )
            crossings.append(Crossing(day, p, current, band, s, _DEFAULTS[band], tuple(evidence)))
            current = band
    crossings.sort(key=lambda c: (c.date, c.between))
    return RelationSeries(
        days=days,
        pairs=pairs,
        scores=scores,
        counts=win_count.astype(int),
        start=start,
        crossings=crossings,
        observations=obs,
        n_undated=n_undated,
        window=window,
        assaults=win_assault.astype(int),
    )


def _rolling(x: np.ndarray, window: int) -> np.ndarray:
    """Sum over the trailing ``window`` columns (inclusive) of each row."""
    c = np.cumsum(x, axis=1)
    out = c.copy()
    if window < x.shape[1]:
        out[:, window:] = c[:, window:] - c[:, :-window]
    return out


def _ranks() -> dict[str, int]:
    from realpolitik.scenario import DEFAULT_WEIGHTS

    order = sorted(DEFAULT_WEIGHTS, key=lambda t: -DEFAULT_WEIGHTS[t])
    return {t: i for i, t in enumerate(order)}


def _defaults() -> dict[str, float]:
    from realpolitik.scenario import DEFAULT_WEIGHTS

    return dict(DEFAULT_WEIGHTS)


_RANK = _ranks()
_DEFAULTS = _defaults()


def series_shock(
    series: RelationSeries, scenario: Any, *, name: str = "news-series"
) -> dict[str, Any] | None:
    """The last crossing of each dyad as one shock block the scenario accepts (None if none)."""
    from realpolitik.scenario import parse_scenario, scenario_to_data

    last: dict[tuple[str, str], Crossing] = {}
    for c in series.crossings:
        last[c.between] = c
    edits = [c.edit() for c in last.values() if c.to_type != series.start[c.between][0]]
    if not edits:
        return None
    taken = {s.id for s in scenario.shocks}
    shock_id, k = name, 2
    while shock_id in taken:
        shock_id, k = f"{name}-{k}", k + 1
    shock = {
        "id": shock_id,
        "title": "Relation changes proposed by `realpolitik events` from dated news",
        "description": (
            f"{len(edits)} relation type crossing{'s' if len(edits) != 1 else ''} of the "
            f"{series.window}-day relation score; each edit cites the window's sentences."
        ),
        "edits": edits,
    }
    data = scenario_to_data(scenario)
    data["shocks"] = [*data.get("shocks", []), shock]
    parse_scenario(data, filename=f"<{shock_id}>")
    return shock


def load_gdelt(path: str | Path, *, dictionary: Dictionary | None = None) -> list[Observation]:
    """Read a GDELT-style event file (see :func:`parse_gdelt`)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_gdelt(text, dictionary=dictionary, filename=str(p))


__all__ = [
    "PRIOR_EVENTS",
    "WINDOW_DAYS",
    "Crossing",
    "Observation",
    "RelationSeries",
    "load_gdelt",
    "observations_from_events",
    "parse_gdelt",
    "relation_series",
    "series_shock",
]

"""Rolling relation scores per dyad, their type crossings and the shock block that proposes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np

from realpolitik.exceptions import InputError
from realpolitik.ingest.proposals import relation_type_for
from realpolitik.ingest.series.model import (
    PRIOR_EVENTS,
    WINDOW_DAYS,
    Crossing,
    Observation,
    RelationSeries,
)


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

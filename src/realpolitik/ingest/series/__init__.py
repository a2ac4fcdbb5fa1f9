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

from realpolitik.ingest.series.model import (
    PRIOR_EVENTS,
    WINDOW_DAYS,
    Crossing,
    Observation,
    RelationSeries,
)
from realpolitik.ingest.series.scoring import relation_series, series_shock
from realpolitik.ingest.series.sources import load_gdelt, observations_from_events, parse_gdelt

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

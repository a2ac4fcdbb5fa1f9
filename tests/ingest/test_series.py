"""Relation scores over time and the type crossings they propose (numbers worked by hand)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from realpolitik.exceptions import InputError
from realpolitik.ingest.formats import GDELT2_COLUMNS
from realpolitik.ingest.series import (
    Observation,
    parse_gdelt,
    relation_series,
    series_shock,
)
from realpolitik.scenario import load_scenario

D0 = dt.date(2020, 1, 1)


def obs(day: int, a: str, b: str, type_: str, score: float) -> Observation:
    return Observation(D0 + dt.timedelta(day), a, b, type_, score, f"{a} {type_} {b}", f"s{day}")


def slow_scores(observations, pair, w0, days, window=30, k=2.0):
    """Reference: for each day, the events of (t - window, t] by a plain loop."""
    out = []
    for d in range(days):
        t = D0 + dt.timedelta(d)
        inside = [
            o.score / 10
            for o in observations
            if {o.source, o.target} == set(pair) and t - dt.timedelta(window) < o.date <= t
        ]
        out.append((k * w0 + sum(inside)) / (k + len(inside)))
    return out


def test_scores_match_a_slow_loop_and_the_window_forgets():
    o = [obs(0, "a", "b", "ASSAULT", -9.3), obs(10, "b", "a", "CONSULT", 2.1),
         obs(45, "a", "b", "AID", 7.4)]  # fmt: skip
    r = relation_series(o)
    assert r.pairs == [("a", "b")]
    ref = slow_scores(o, ("a", "b"), 0.0, 46)
    assert np.allclose(r.scores[0], ref)
    # by hand: day 0 -0.93/3; day 10 (-0.93+0.21)/4; day 30 the assault left the window
    assert r.scores[0, 0] == pytest.approx(-0.31)
    assert r.scores[0, 10] == pytest.approx(-0.18)
    assert r.scores[0, 30] == pytest.approx(0.21 / 3)
    assert r.counts[0].tolist()[:31] == [1] * 10 + [2] * 20 + [1]


def test_declared_relation_is_the_prior_and_crossings_follow_the_events():
    s = load_scenario("syria-2020")  # turkey-assad: hostility, weight -0.6
    o = [obs(d, "turkey", "assad", "ASSAULT", -9.3) for d in (0, 2, 4, 6)]
    r = relation_series(o, scenario=s)
    pair = r.pairs[0]
    assert pair == ("assad", "turkey")  # scenario order
    # (2 * -0.6 - 0.93 n) / (2 + n): n = 3 -> -0.798 (hostility), n = 4 -> -0.82 (war)
    assert r.scores[0, 4] == pytest.approx((-1.2 - 2.79) / 5)
    assert r.scores[0, 6] == pytest.approx((-1.2 - 3.72) / 6)
    assert [(c.date, c.from_type, c.to_type) for c in r.crossings] == [
        (D0 + dt.timedelta(6), "hostility", "war")
    ]
    c = r.crossings[0]
    assert c.proposed_weight == -1.0 and len(c.evidence) == 4
    shock = series_shock(r, s)
    assert shock is not None and shock["edits"][0]["type"] == "war"
    assert len(shock["edits"][0]["evidence"]) == 4


def test_no_crossing_against_the_events_nor_into_alliance_or_war_without_assault():
    s = load_scenario("syria-2020")  # us-israel: alliance 1.0; russia-turkey 0.4 partnership
    friendly = [obs(d, "us", "israel", "AID", 7.4) for d in range(10)]
    r = relation_series(friendly, scenario=s)
    assert r.scores[0, -1] < 0.8  # drifts towards 0.74, below the alliance band ...
    assert r.crossings == []  # ... but cooperative events never downgrade a relation
    threats = [obs(d, "a", "b", "THREATEN", -5.1) for d in range(40)]
    r = relation_series(threats)
    assert r.scores[0, -1] < -0.45  # deep in hostility, and no assault: never war
    assert [c.to_type for c in r.crossings] == ["rivalry", "hostility"]
    aid = [obs(d, "a", "b", "AID", 7.4) for d in range(40)]
    assert [c.to_type for c in relation_series(aid).crossings] == ["alignment", "partnership"]


def test_parse_gdelt_resolves_codes_and_checks_rows():
    row = dict.fromkeys(GDELT2_COLUMNS, "")
    row.update(SQLDATE="20200108", Actor1Code="IRN", Actor2Code="USA", EventCode="195")
    line = "\t".join(row[c] for c in GDELT2_COLUMNS)
    from realpolitik.ingest import load_dictionary

    o = parse_gdelt(line + "\n" + line.replace("195", "010"), dictionary=load_dictionary())
    assert [(x.source, x.target, x.type, x.score) for x in o] == [("iran", "us", "ASSAULT", -9.3)]
    with pytest.raises(InputError, match=r"f.tsv: line 2, column SQLDATE: .* found '2020-01'"):
        parse_gdelt("SQLDATE\tActor1Code\tActor2Code\tEventCode\n2020-01\tIRN\tUSA\t190",
                    filename="f.tsv")  # fmt: skip
    with pytest.raises(InputError, match="line 1: missing column.*EventCode"):
        parse_gdelt("SQLDATE\tActor1Code\tActor2Code\n20200101\tA\tB")
    with pytest.raises(InputError, match="found 3 column"):
        parse_gdelt("a\tb\tc")


def test_bad_parameters_and_empty_input():
    with pytest.raises(InputError, match="--window"):
        relation_series([obs(0, "a", "b", "AID", 7.4)], window=0)
    with pytest.raises(InputError, match="no dated events"):
        relation_series([])


def test_relation_series_figure_draws_pairs_bands_and_crossings():
    from realpolitik.report.figures import relation_series_figure

    o = [obs(d, "a", "b", "ASSAULT", -9.3) for d in (0, 1, 2, 3)] + [
        obs(0, "c", "d", "CONSULT", 2.1)
    ]
    r = relation_series(o)
    fig = relation_series_figure(r.to_json())
    names = [t.name for t in fig.data if t.mode == "lines"]
    assert names == ["a - b", "c - d"]  # the pair with crossings first
    marks = [t for t in fig.data if t.mode == "markers"]
    assert len(marks) == 1 and list(marks[0].text) == [
        "neutral -&gt; rivalry",
        "rivalry -&gt; hostility",
    ]
    assert len(fig.layout.shapes) == 6  # the six boundaries between seven relation types

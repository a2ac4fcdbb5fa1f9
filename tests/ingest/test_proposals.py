from __future__ import annotations

import math

import pytest

from realpolitik.exceptions import InputError
from realpolitik.ingest import Event
from realpolitik.ingest.proposals import (
    apply_updates,
    dump_shock_block,
    propose_updates,
    relation_type_for,
    shock_block,
)
from realpolitik.scenario import parse_scenario

SCENARIO = """
title: toy
actors:
  - {id: a, name: Aland, capability: 1}
  - {id: b, name: Bland, capability: 1}
  - {id: c, name: Cland, capability: 1}
issues:
  - id: x
    title: x
    low: "none"
    high: "all"
    positions: {a: {position: 10, salience: 0.5}, b: {position: 90, salience: 0.5}}
relations:
  - between: [a, b]
    type: partnership
    weight: 0.6
    evidence: [{quote: "Aland and Bland signed a treaty."}]
  - between: [b, c]
    type: hostility
"""


def ev(n, type_, src, tgt, intensity, text=None):
    return Event(n, text or f"sentence {n}", src, type_, None, tgt, intensity, None, "000", 1, "x")


@pytest.fixture
def scen():
    return parse_scenario(SCENARIO)


def test_weight_moves_by_step_tanh(scen):
    # partnership 0.6, a cooperation (+6) and a visit (+2): 0.6 + 0.3 tanh(8 / 20)
    p = propose_updates(
        [ev(1, "COOPERATE", ("a",), ("b",), 6.0), ev(2, "CONSULT", ("b",), ("a",), 2.0)], scen
    )[0]
    assert p.between == ("a", "b") and p.total_intensity == 8.0
    assert p.proposed_weight == round(0.6 + 0.3 * math.tanh(0.4), 2) == 0.71
    assert p.proposed_type == "partnership"  # 0.71 is inside the partnership band (0.45, 0.8)


def test_type_changes_only_when_leaving_the_band(scen):
    # hostility -0.6; assault -9, coercion -7, sanction -8 -> -0.6 + 0.3 tanh(-24/20) = -0.85,
    # below the hostility band (-0.8, -0.45): war
    events = [
        ev(1, "ASSAULT", ("c",), ("b",), -9.0),
        ev(2, "COERCE", ("c",), ("b",), -7.0),
        ev(3, "SANCTION", ("b",), ("c",), -8.0),
    ]
    p = propose_updates(events, scen)[0]
    assert p.between == ("b", "c")
    assert p.proposed_weight == round(-0.6 + 0.3 * math.tanh(-1.2), 2) == -0.85
    assert p.proposed_type == "war"
    # hostile events without an assault stop at hostility however low the weight goes
    events = [
        ev(1, "REJECT", ("c",), ("b",), -4.0),
        ev(2, "THREATEN", ("c",), ("b",), -6.0),
        ev(3, "SANCTION", ("b",), ("c",), -8.0),
        ev(4, "PROTEST", ("b",), ("c",), -6.5),
        ev(5, "COERCE", ("c",), ("b",), -7.0),
    ]
    p = propose_updates(events, scen)[0]
    assert p.proposed_weight == round(-0.6 + 0.3 * math.tanh(-31.5 / 20), 2) == -0.88
    assert p.proposed_type == "hostility"


def test_no_alliance_from_events_and_repeats_count_once(scen):
    events = [ev(k, "AID", ("a",), ("c",), 7.0) for k in range(5)]
    p = propose_updates(events, scen)[0]
    # five reports of the same event (same type and actors) count once: 0 + 0.3 tanh(7/20)
    assert p.total_intensity == 7.0
    assert p.current_type is None and p.proposed_weight == round(0.3 * math.tanh(0.35), 2)
    assert p.proposed_type == "neutral"
    assert relation_type_for(0.95, allow_alliance=False, allow_war=False) == "partnership"


def test_sentences_the_scenario_already_cites_do_not_count(scen):
    events = [ev(1, "AGREE", ("a",), ("b",), 8.0, text="Aland and Bland signed a treaty.")]
    assert propose_updates(events, scen) == []


def test_actors_outside_the_scenario_are_ignored(scen):
    assert propose_updates([ev(1, "ASSAULT", ("a",), ("zz",), -9.0)], scen) == []


def test_bad_parameters(scen):
    with pytest.raises(InputError, match="step and scale must be positive"):
        propose_updates([], scen, step=0)


def test_shock_block_is_valid_and_cites_sentences(scen):
    events = [ev(4, "ASSAULT", ("c",), ("b",), -9.0, text="Cland attacked Bland.")]
    events[0] = Event(
        4,
        "Cland attacked Bland.",
        ("c",),
        "ASSAULT",
        None,
        ("b",),
        -9.0,
        None,
        "190",
        4,
        "attacked",
        "news.txt",
    )
    proposals = propose_updates(events, scen)
    shock = shock_block(proposals, scen, name="news.txt")
    assert shock["id"] == "news-news"
    (edit,) = shock["edits"]
    assert edit["op"] == "set-relation" and edit["between"] == ["b", "c"]
    assert edit["evidence"] == [
        {"quote": "Cland attacked Bland.", "locator": "news.txt, sentence 4"}
    ]
    # pasted into the scenario, the block is accepted
    text = SCENARIO + dump_shock_block(shock)
    assert parse_scenario(text).shocks[0].id == "news-news"
    updated = apply_updates(scen, proposals)
    assert updated.relation("b", "c").weight == edit["weight"]
    assert scen.relation("b", "c").weight == -0.6  # the input is unchanged

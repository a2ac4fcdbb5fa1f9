"""Fighting strength: a fight is decided by military figures when every fighter has one.

The numbers are worked by hand from the contest success function p_A = C_A / (C_A + C_B).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.exceptions import ScenarioError
from realpolitik.scenario import apply_shocks, load_scenario, parse_scenario


def _raw(military: dict[str, float], sides=(["a"], ["b"])) -> dict:
    actors = [
        {"id": "a", "name": "A", "capability": 3},
        {"id": "b", "name": "B", "capability": 1},
        {"id": "c", "name": "C", "capability": 2},
    ]
    for actor in actors:
        if actor["id"] in military:
            actor["military"] = military[actor["id"]]
    return {
        "title": "toy",
        "actors": actors,
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": 0, "salience": 1},
                    "b": {"position": 100, "salience": 1},
                    "c": {"position": 50, "salience": 1},
                },
            }
        ],
        "shocks": [
            {
                "id": "war",
                "title": "war",
                "edits": [{"op": "fight", "sides": [list(sides[0]), list(sides[1])], "issues": ["x"]}],
            },
            {"id": "halve-a", "title": "h", "edits": [{"op": "scale-capability", "actor": "a", "factor": 0.5}]},
        ],
    }  # fmt: skip


def test_military_figures_decide_the_fight_and_capabilities_follow():
    # A is three times B in capability but a third of B in military figures: B wins with 3/4.
    s = apply_shocks(parse_scenario(_raw({"a": 1, "b": 3})), ["war"])
    (fight,) = s.fights
    assert fight.basis == "military"
    assert fight.probability == pytest.approx((0.25, 0.75))
    a, b, c = (s.actor(k) for k in "abc")
    assert (a.capability, b.capability, c.capability) == pytest.approx((0.75, 0.75, 2.0))
    assert (a.military, b.military, c.military) == pytest.approx((0.25, 2.25, None))
    # A: 1/4 of its own 0 and 3/4 of B's 100; B: 3/4 of 100 and 1/4 of A's 0.
    x = s.issue("x").positions
    assert (x["a"].position, x["b"].position, x["c"].position) == pytest.approx((75, 75, 50))
    assert "from military figures" in a.cite("capability").assumption


def test_without_military_figures_capabilities_decide_as_before():
    s = apply_shocks(parse_scenario(_raw({})), ["war"])
    (fight,) = s.fights
    assert fight.basis == "capability" and fight.probability == pytest.approx((0.75, 0.25))
    assert s.actor("a").capability == pytest.approx(2.25)


def test_a_fighter_without_a_military_figure_makes_the_fight_one_of_capabilities():
    # C (no figure) joins B: capabilities decide, 3 against 1 + 2, and the reason says why.
    s = apply_shocks(parse_scenario(_raw({"a": 1, "b": 3}, (["a"], ["b", "c"]))), ["war"])
    (fight,) = s.fights
    assert fight.basis == "capability" and fight.probability == pytest.approx((0.5, 0.5))
    assert "no military figure for c" in s.actor("a").cite("capability").assumption
    # The military figures still shrink with the fighters' chances.
    assert s.actor("b").military == pytest.approx(1.5)


def test_scaling_a_capability_scales_the_military_figure_with_it():
    s = apply_shocks(parse_scenario(_raw({"a": 4})), ["halve-a"])
    assert (s.actor("a").capability, s.actor("a").military) == pytest.approx((1.5, 2.0))


def test_a_negative_military_figure_is_refused_with_its_place(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: t\nactors:\n  - {id: a, name: A, capability: 2, military: -5}\n"
        "issues:\n  - {id: x, title: X, positions: {a: {position: 1, salience: 1}}}\n"
    )
    with pytest.raises(ScenarioError) as info:
        load_scenario(bad)
    text = str(info.value)
    assert "bad.yaml" in text and "actors[0].military" in text and "found -5" in text

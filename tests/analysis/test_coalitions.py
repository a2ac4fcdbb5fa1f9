"""Coalitions: the grouping rule against a slow reference, toy cases by hand, the seed scenario."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.analysis._coalitions_reference import reference_groups
from realpolitik.analysis.coalitions import (
    CLOSENESS,
    coalitions,
    find_coalitions,
    group_coalitions,
    relation_weights,
)
from realpolitik.exceptions import InputError
from realpolitik.forecasting import UnknownModelError, forecast
from realpolitik.scenario import load_scenario, parse_scenario


def groups_from_labels(labels):
    out = []
    for k in range(labels.shape[1]):
        lab = labels[:, k]
        out.append(sorted(np.flatnonzero(lab == r).tolist() for r in np.unique(lab[lab >= 0])))
    return out


@st.composite
def cases(draw):
    n = draw(st.integers(1, 7))
    m = draw(st.integers(1, 3))
    # Positions on a coarse grid make ties and exact 10-point gaps common.
    grid = draw(st.booleans())
    if grid:
        pos = draw(st.lists(st.integers(0, 20), min_size=n * m, max_size=n * m))
        position = np.array(pos, dtype=float).reshape(n, m) * 5.0
    else:
        pos = draw(st.lists(st.floats(0, 100, allow_nan=False), min_size=n * m, max_size=n * m))
        position = np.array(pos).reshape(n, m)
    present = np.array(
        draw(st.lists(st.booleans(), min_size=n * m, max_size=n * m)), dtype=bool
    ).reshape(n, m)
    values = draw(st.lists(st.sampled_from([0.0, 0.0, 0.0, 0.4, 1.0, -0.3, -1.0]), min_size=n * n))[
        : n * n
    ]
    aff = np.triu(np.array(values).reshape(n, n), k=1)
    aff = aff + aff.T
    within = draw(st.sampled_from([CLOSENESS, 0.0, 5.0, 25.0]))
    return position, present, aff, within


@settings(max_examples=300, deadline=None)
@given(cases())
def test_vectorised_grouping_agrees_with_the_reference(case):
    position, present, aff, within = case
    labels = group_coalitions(position, present, aff, within=within)
    assert groups_from_labels(labels) == reference_groups(position, present, aff, within)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_every_coalition_is_close_friendly_and_no_two_could_merge(case):
    position, present, aff, within = case
    labels = group_coalitions(position, present, aff, within=within)
    for k, groups in enumerate(groups_from_labels(labels)):
        assert sorted(i for g in groups for i in g) == np.flatnonzero(present[:, k]).tolist()
        for g in groups:
            x = position[g, k]
            assert x.max() - x.min() <= within + 1e-9
            assert all(aff[i, j] >= 0 for i in g for j in g)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                both = groups[a] + groups[b]
                x = position[both, k]
                mergeable = x.max() - x.min() <= within + 1e-9 and all(
                    aff[i, j] >= 0 for i in both for j in both
                )
                assert not mergeable


# --------------------------------------------------------------------------------------------
# Toy cases worked by hand
# --------------------------------------------------------------------------------------------
def _labels(xs, hostile=(), within=CLOSENESS):
    n = len(xs)
    aff = np.zeros((n, n))
    for i, j in hostile:
        aff[i, j] = aff[j, i] = -0.3
    pos = np.array(xs, dtype=float)[:, None]
    return group_coalitions(pos, np.ones_like(pos, dtype=bool), aff, within=within)[:, 0].tolist()


def test_three_actors_close_together_form_one_coalition():
    assert _labels([40, 45, 50]) == [0, 0, 0]  # spread 10: exactly at the limit counts


def test_complete_linkage_does_not_chain():
    # Single linkage would join all three (gaps 6 and 6); 0 and 12 are 12 apart. The first
    # pair at distance 6 in file order (0 and 1) merges; 2 is 12 from 0 and stays alone.
    assert _labels([0, 6, 12]) == [0, 0, 2]


def test_closest_pair_merges_first():
    # 6 and 9 (3 apart) merge before 0 and 6 (6 apart); then 0 is 9 from 9: within 10 -> all.
    assert _labels([0, 6, 9]) == [0, 0, 0]
    # 0, 7, 9: 7 and 9 first; 0 is 9 from 9 -> all.  0, 7, 11: 7 and 11; 0 is 11 from 11 -> out.
    assert _labels([0, 7, 11]) == [0, 1, 1]


def test_a_hostile_pair_never_shares_a_coalition():
    # All four within 10 points, but 0 and 3 are rivals. 0-1 and 1-2 are both 2 apart: the tie
    # goes to 0-1. Then {0, 1} and 2 (spread 4) tie with 2 and 3 (4 apart): {0, 1} comes first
    # in file order. 3 cannot join a group holding its rival 0.
    assert _labels([32, 34, 36, 40], hostile=[(0, 3)]) == [0, 0, 0, 3]
    assert _labels([32, 34, 36, 40]) == [0, 0, 0, 0]  # spread 8 without the rivalry
    # The rival is grabbed first: 2 and 3 (1 apart), then 1 (spread 4); 0 would make a spread of
    # exactly 10 but is hostile to 3, so it stays alone.
    assert _labels([31, 37, 40, 41], hostile=[(0, 3)]) == [0, 1, 1, 1]
    assert _labels([31, 37, 40, 41]) == [0, 0, 0, 0]


def test_absent_actors_are_in_no_coalition():
    pos = np.array([[10.0, 10.0], [12.0, 90.0], [60.0, 11.0]])
    present = np.array([[True, True], [True, False], [True, True]])
    labels = group_coalitions(pos, present, np.zeros((3, 3)))
    assert labels.tolist() == [[0, 0], [0, -1], [2, 0]]


def test_shapes_are_checked():
    with pytest.raises(ValueError, match=r"affinity must have shape \(2, 2\)"):
        group_coalitions(np.zeros((2, 1)), np.ones((2, 1), bool), np.zeros((3, 3)))
    with pytest.raises(ValueError, match="one shape"):
        group_coalitions(np.zeros((2, 1)), np.ones((2, 2), bool), np.zeros((2, 2)))


def _toy():
    return parse_scenario(
        {
            "title": "toy",
            "actors": [
                {"id": "a", "name": "A", "capability": 10},
                {"id": "b", "name": "B", "capability": 30},
                {"id": "c", "name": "C", "capability": 20},
                {"id": "d", "name": "D", "capability": 40},
            ],
            "issues": [
                {
                    "id": "x",
                    "title": "X",
                    "positions": {
                        "a": {"position": 20, "salience": 1.0},
                        "b": {"position": 28, "salience": 0.5},
                        "c": {"position": 35, "salience": 1.0},
                        "d": {"position": 38, "salience": 0.5},
                    },
                }
            ],
            "relations": [
                {"between": ["c", "d"], "type": "rivalry"},
                {"between": ["a", "b"], "type": "neutral", "weight": -0.1},
                {"between": ["a", "c"], "type": "alliance"},
            ],
        }
    )


def test_scenario_toy_by_hand():
    # Weights (capability x salience): a 10, b 15, c 20, d 20; total 65. Stated positions (the
    # mean model moves no one): b-c 7 apart merge first; a is 15 from c; d is c's rival.
    res = coalitions(forecast(_toy(), model="mean"), "mean")
    assert not res.moved
    got = [(c.members, c.weight, round(c.share, 6), round(c.position, 6)) for c in res.on("x")]
    assert got == [
        (("c", "b"), 35.0, round(35 / 65, 6), round((20 * 35 + 15 * 28) / 35, 6)),
        (("d",), 20.0, round(20 / 65, 6), 38.0),
        (("a",), 10.0, round(10 / 65, 6), 20.0),
    ]
    assert res.of("a", "x").members == ("a",)
    assert sum(c.share for c in res.on("x")) == pytest.approx(1.0)


def test_relation_weights_are_symmetric_with_zero_elsewhere():
    w = relation_weights(_toy())
    assert w.tolist() == [
        [0.0, -0.1, 1.0, 0.0],
        [-0.1, 0.0, 0.0, 0.0],
        [1.0, 0.0, 0.0, -0.3],
        [0.0, 0.0, -0.3, 0.0],
    ]


def test_a_negative_neutral_relation_counts_as_hostile_and_a_zero_rivalry_does_not():
    s = _toy()
    # a and b at 20 and 28 with b alone next to a: a neutral relation of weight -0.1 keeps them
    # apart when they are the only two close actors.
    s2 = s.model_copy(update={"issues": [_issue(s, {"a": 20, "b": 28, "c": 70, "d": 90})]})
    assert coalitions(forecast(s2, model="mean"), "mean").of("a", "x").members == ("a",)
    rel = [r.model_copy(update={"weight": 0.0}) if r.type == "rivalry" else r for r in s.relations]
    s3 = s.model_copy(
        update={"issues": [_issue(s, {"a": 0, "b": 60, "c": 35, "d": 38})], "relations": rel}
    )
    assert set(coalitions(forecast(s3, model="mean"), "mean").of("c", "x").members) == {"c", "d"}


def _issue(s, positions):
    issue = s.issues[0]
    new = {
        a: p.model_copy(update={"position": float(positions[a])})
        for a, p in issue.positions.items()
    }
    return issue.model_copy(update={"positions": new})


def test_to_frame_and_to_dict_are_tidy():
    res = coalitions(forecast(_toy(), model="mean"), "mean")
    df = res.to_frame()
    assert df["members"].tolist() == ["c, b", "d", "a"]
    assert df["rank"].tolist() == [1, 2, 3]
    assert df["size"].tolist() == [2, 1, 1]
    assert all(isinstance(v, str) for v in df["members"])
    d = res.to_dict()
    assert d[0] == {
        "issue": "x",
        "members": ["c", "b"],
        "weight": 35.0,
        "share": pytest.approx(35 / 65),
        "position": pytest.approx(1120 / 35),
        "model": "mean",
    }


def test_model_choice_and_errors():
    res = forecast(_toy(), model="eum")
    assert coalitions(res).model == "eum"
    assert coalitions(res).moved
    assert coalitions(forecast(_toy(), model="median")).model == "mean"  # first run, no mover
    with pytest.raises(InputError, match="model 'nash' was not run for this forecast; run: mean"):
        coalitions(forecast(_toy(), model="mean"), "nash")
    with pytest.raises(InputError, match="must be >= 0 points; got -1"):
        coalitions(res, within=-1)
    with pytest.raises(UnknownModelError, match="unknown model 'nope'"):
        find_coalitions(_toy(), model="nope")


def test_eum_coalitions_group_the_eum_final_positions():
    s = load_scenario("syria-2020")
    res = forecast(s, model="eum")
    got = coalitions(res, "eum")
    pos = res.positions_frame("eum")
    for c in got.coalitions:
        x = pos.loc[list(c.members), c.issue]
        assert x.max() - x.min() <= CLOSENESS + 1e-9
        assert got.positions[(c.members[0], c.issue)] == pytest.approx(x.iloc[0])


# --------------------------------------------------------------------------------------------
# explain
# --------------------------------------------------------------------------------------------
def test_explain_tells_the_coalition_and_why_close_actors_stay_out():
    from realpolitik.analysis.explain import explain_actor

    [c] = explain_actor(_toy(), "c", model="mean").by_topic("coalitions")
    assert c.text == (
        "On X, C ends up with B (together 54% of the weight, at 32.0 on the stated positions, "
        "which the mean model leaves unmoved); within 10 points of C, D stays out because D and "
        "C are rivals (weight −0.30)."
    )
    assert c.data["members"] == ["c", "b"]
    assert c.data["blocked"] == [
        {"actors": ["d"], "with": [], "reason": "hostile", "pair": ["c", "d"]}
    ]
    assert "relations[0]" in c.paths()  # the rivalry it rests on
    [a] = explain_actor(_toy(), "a", model="mean").by_topic("coalitions")
    # b is 8 from a, c is 15 from a: only b is told, with the negative neutral relation.
    assert a.text.startswith("On X, A ends up alone (15% of the weight, at 20.0")
    assert a.text.endswith(
        "within 10 points of A, B ends up with C instead because B and A lean against each "
        "other (neutral, weight −0.10)."
    )


def test_explain_on_the_seed_matches_the_coalitions():
    from realpolitik.analysis.explain import explain_actor

    s = load_scenario("syria-2020")
    found = coalitions(forecast(s, model="eum-rel"), "eum-rel")
    told = explain_actor(s, "russia").by_topic("coalitions")
    assert [t.data["issue"] for t in told] == s.issue_ids
    for t in told:
        assert t.data["members"] == list(found.of("russia", t.data["issue"]).members)
    for t in told:
        assert t.data["relations_only"] == (t.data["issue"] in found.relations_only())
        for b in t.data["blocked"]:
            a, other = b["pair"]
            assert a in t.data["members"] and other not in t.data["members"]
            if b["reason"] == "hostile":
                assert s.relation(a, other).weight < 0
                assert f"{s.actor(other).name} and {s.actor(a).name} are" in t.text


def test_relations_only_names_the_issues_where_closeness_separates_no_one():
    res = forecast(_toy(), model="mean")
    assert coalitions(res, "mean").relations_only() == []  # spread 18
    assert coalitions(res, "mean", within=20).relations_only() == ["x"]
    assert coalitions(res, "mean").spread("x") == 18.0
    # Within 20 only the hostile pairs split: c-d rivals, a-b negative neutral.
    assert [c.members for c in coalitions(res, "mean", within=20).on("x")] == [
        ("c", "b"),
        ("d", "a"),
    ]


# --------------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------------
def test_report_section_and_table():
    import re

    from realpolitik.report import gather, render_html

    data = gather(_toy(), n_runs=0, model="mean", sections=["coalitions"])
    sec = data["coalitions"]
    assert sec["model"] == "mean" and not sec["moved"]
    assert [c["names"] for c in sec["coalitions"]] == [["C", "B"], ["D"], ["A"]]
    page = render_html(data)
    rows = re.findall(r'<tr data-issue="x"><td>([^<]*)</td><td>([^<]*)</td>', page)
    assert rows == [("X", "C, B"), ("", "D"), ("", "A")]
    assert "54%" in page


def test_explain_gives_the_distance_when_no_hostility_keeps_an_actor_out():
    from realpolitik.analysis.explain import explain_actor

    s = parse_scenario(
        {
            "title": "t",
            "actors": [{"id": x, "name": x.upper(), "capability": 1} for x in "abc"],
            "issues": [
                {
                    "id": "x",
                    "title": "X",
                    "positions": {
                        "a": {"position": 0, "salience": 1, "assumption": "by hand"},
                        "b": {"position": 8, "salience": 1, "assumption": "by hand"},
                        "c": {"position": 14, "salience": 1, "assumption": "by hand"},
                    },
                }
            ],
        }
    )
    # b and c (6 apart) merge before a and b (8 apart); a is then 14 from c.
    [a] = explain_actor(s, "a", model="mean").by_topic("coalitions")
    assert a.text == (
        "On X, A ends up alone (33% of the weight, at 0.0 on the stated positions, which the "
        "mean model leaves unmoved); within 10 points of A, B ends up with C instead because C "
        "is 14.0 points from A."
    )
    assert a.data["blocked"] == [
        {"actors": ["b"], "with": ["c"], "reason": "far", "pair": ["a", "c"]}
    ]
    assert "issues[0].positions.c.position" in a.paths()

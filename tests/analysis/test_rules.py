"""Partner rules: parsing, validation with paths, and what each rule excludes."""

from __future__ import annotations

import pytest

from realpolitik.analysis.planb import plan_b
from realpolitik.exceptions import RealpolitikError, ScenarioError
from realpolitik.scenario import load_scenario, parse_scenario
from realpolitik.scenario.rules import (
    RuleError,
    check_rules,
    failed_rules,
    parse_rule,
    parse_rules,
    scenario_rules,
    validate_partner_rules,
)


def _world(partner_rules=None):
    """a looks for partners; x is the power some rules guard against.

    y: alliance with x. z: partnership with x, mutual commitment. w: partnership with x, only
    x committed (one-way). v: no relation with x, at war with a.
    """
    actors = [
        {"id": "a", "name": "A", "capability": 50, "partner_rules": partner_rules or []},
        {"id": "x", "name": "X", "capability": 80, "tags": ["local"]},
        {"id": "y", "name": "Y", "capability": 40, "tags": ["local"]},
        {"id": "z", "name": "Z", "capability": 30, "kind": "non-state"},
        {"id": "w", "name": "W", "capability": 20, "tags": ["local"]},
        {"id": "v", "name": "V", "capability": 10},
    ]
    return parse_scenario(
        {
            "title": "rules",
            "actors": actors,
            "issues": [
                {
                    "id": "i",
                    "title": "I",
                    "status_quo": 50,
                    "positions": {
                        a["id"]: {"position": 10 * k, "salience": 0.5} for k, a in enumerate(actors)
                    },
                }
            ],
            "relations": [
                {"between": ["y", "x"], "type": "alliance"},
                {"between": ["z", "x"], "type": "partnership", "commitment": "mutual"},
                {"between": ["x", "w"], "type": "partnership", "commitment": "one-way"},
                {"between": ["a", "y"], "type": "partnership"},
                {"between": ["a", "z"], "type": "alignment"},
                {"between": ["a", "w"], "type": "rivalry"},
                {"between": ["a", "v"], "type": "war"},
            ],
        }
    )


@pytest.mark.parametrize(
    ("text", "kind", "arg", "number"),
    [
        ("not-allied-with:us", "not-allied-with", "us", None),
        (" min-capability:30 ", "min-capability", "30", 30.0),
        ("max-capability:12.5", "max-capability", "12.5", 12.5),
        ("relation-at-least:Partnership", "relation-at-least", "partnership", None),
        ("has-tag:in-syria", "has-tag", "in-syria", None),
        ("kind:state", "kind", "state", None),
        ("not:iran", "not", "iran", None),
        ("partner-gains", "partner-gains", None, None),
    ],
)
def test_parse_rule(text, kind, arg, number):
    rule = parse_rule(text)
    assert (rule.kind, rule.arg, rule.number) == (kind, arg, number)
    assert parse_rule(rule.text) == rule


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (
            "min-capabilty:30",
            r"unknown rule 'min-capabilty:30' \(did you mean 'min-capability'\?\)",
        ),
        ("allied:us", r"unknown rule 'allied:us'.*rules are not-allied-with:ACTOR"),
        ("min-capability:strong", r"min-capability needs a number >= 0; got 'strong'"),
        ("min-capability:-5", r"needs a number >= 0; got '-5'"),
        ("min-capability:nan", r"needs a number >= 0"),
        ("relation-at-least:friend", r"relation type, one of alliance, partnership.*got 'friend'"),
        ("has-tag", r"needs an argument: write has-tag:TAG"),
        ("has-tag:", r"needs an argument"),
        ("partner-gains:yes", r"takes no argument"),
        ("kind:robot", r"actor kind, one of state, non-state, leader, organisation; got 'robot'"),
        ("", r"non-empty string"),
    ],
)
def test_malformed_rules_are_clear_errors(text, match):
    with pytest.raises(RuleError, match=match) as info:
        parse_rule(text)
    assert isinstance(info.value, RealpolitikError)
    assert str(info.value).startswith("--require:")


def test_parse_rules_reports_every_problem():
    with pytest.raises(RuleError) as info:
        parse_rules(["min-capability:30", "bogus", "has-tag"])
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert "bogus" in lines[0] and "has-tag" in lines[1]


def test_rule_naming_unknown_actor():
    s = _world()
    with pytest.raises(
        RuleError,
        match=r"rule 'not-allied-with:xx' names unknown actor 'xx' \(did you mean 'x'\?\); actors: a, x",
    ):
        check_rules([parse_rule("not-allied-with:xx")], s)
    check_rules([parse_rule("not:v"), parse_rule("min-capability:3")], s)


def test_scenario_rules_carry_their_path():
    s = _world(["min-capability:20", "has-tag:local"])
    rules = scenario_rules(s, "a")
    assert [(r.text, r.source) for r in rules] == [
        ("min-capability:20", "actors[0].partner_rules[0]"),
        ("has-tag:local", "actors[0].partner_rules[1]"),
    ]


@pytest.mark.parametrize(
    ("rules", "match"),
    [
        (
            ["min-capability:20", "min-capability:lots"],
            r"actors\[0\]\.partner_rules\[1\]: min-capability needs a number",
        ),
        (["not:nobody"], r"actors\[0\]\.partner_rules\[0\]: rule 'not:nobody' names unknown actor"),
    ],
)
def test_bad_scenario_rules_name_their_path(rules, match):
    # Written in a file, bad rules are problems of the file, reported when it loads.
    with pytest.raises(ScenarioError, match=match.split(": ", 1)[0]):
        _world(rules)
    # Put on a scenario in code, they are caught before Plan B runs.
    s = _world()
    s.actors[0].partner_rules = list(rules)
    with pytest.raises(RuleError, match=match):
        validate_partner_rules(s)
    with pytest.raises(RuleError, match=match):
        plan_b(s, "a", "y", model="mean")


@pytest.mark.parametrize(
    ("rule", "failing"),
    [
        # x itself; y allied; z mutual commitment with positive weight. w's commitment is one-way.
        ("not-allied-with:x", {"x", "y", "z"}),
        ("min-capability:30", {"w", "v"}),
        ("max-capability:30", {"x", "y"}),
        # a-y partnership passes, a-z alignment, a-x none (= neutral), a-w rivalry, a-v war fail.
        ("relation-at-least:partnership", {"x", "z", "w", "v"}),
        ("relation-at-least:neutral", {"w", "v"}),
        ("relation-at-least:war", set()),
        ("has-tag:local", {"z", "v"}),
        ("kind:state", {"z"}),
        ("not:w", {"w"}),
    ],
)
def test_what_each_rule_excludes(rule, failing):
    s = _world()
    cands = ["x", "y", "z", "w", "v"]
    out = failed_rules([parse_rule(rule)], s, "a", cands)
    assert {c for c, f in out.items() if f} == failing
    assert all(f == [rule] for f in out.values() if f)


def test_partner_gains_rule_needs_the_candidates_gain():
    s = _world()
    out = failed_rules(
        [parse_rule("partner-gains")], s, "a", ["x", "y", "z"], partner_gains={"x": -0.1, "y": 0.0}
    )
    assert out == {"x": ["partner-gains"], "y": [], "z": ["partner-gains"]}


def test_syria_rules_from_the_file():
    s = load_scenario("syria-2020")
    rules = scenario_rules(s, "russia")
    assert [r.text for r in rules] == [
        "not-allied-with:us",
        "min-capability:30",
        "has-tag:in-syria",
    ]
    others = [a for a in s.actor_ids if a != "russia"]
    fails = failed_rules(rules, s, "russia", others)
    # Only Turkey and Iran (the partner that falls away) are strong, in Syria, not firm US allies.
    assert sorted(c for c, f in fails.items() if not f) == ["iran", "turkey"]
    assert fails["us"] == ["not-allied-with:us"]
    assert fails["israel"] == ["not-allied-with:us", "has-tag:in-syria"]
    # The US is committed to the Kurds (one-way), which is not a firm alliance.
    assert fails["kurds"] == ["min-capability:30"]

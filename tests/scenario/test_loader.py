from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

import realpolitik as rp
from realpolitik.exceptions import ScenarioError
from realpolitik.scenario import (
    builtin_text,
    dump_scenario,
    load_scenario,
    parse_scenario,
    parse_table,
    write_table,
)

TOY = {
    "title": "Toy",
    "sources": [{"id": "src", "title": "A source"}],
    "actors": [
        {"id": "a", "name": "A", "capability": 1},
        {"id": "b", "name": "B", "capability": {"value": 3, "assumption": "bigger"}},
        {"id": "c", "name": "C", "capability": 2},
    ],
    "issues": [
        {
            "id": "x",
            "title": "X",
            "status_quo": 40,
            "positions": {
                "a": {"position": 0, "salience": 1},
                "b": {
                    "position": 100,
                    "salience": {"value": 0.5, "evidence": [{"source": "src", "quote": "q"}]},
                },
            },
        }
    ],
    "relations": [
        {"between": ["a", "b"], "type": "alliance"},
        {"between": ["a", "c"], "type": "rivalry"},
    ],
    "shocks": [
        {"id": "drop-b", "title": "B goes", "edits": [{"op": "remove-actor", "actor": "b"}]}
    ],
}


def problems(data, filename="toy.yaml"):
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data, filename=filename)
    return [str(p) for p in info.value.problems]


def test_valid_toy_values_and_provenance():
    s = parse_scenario(copy.deepcopy(TOY))
    assert s.actor("b").capability == 3.0
    assert s.actor("b").cite("capability").assumption == "bigger"
    pos = s.issue("x").positions["b"]
    assert pos.salience == 0.5
    assert pos.cite("salience").evidence[0].quote == "q"
    r = s.relation("b", "a")
    assert (r.weight, r.commitment) == (1.0, "mutual")  # defaulted from the type
    assert s.relation("a", "c").weight == -0.3
    assert s.relation("a", "c").commitment == "none"


def test_salience_out_of_range_names_path_and_hint():
    data = copy.deepcopy(TOY)
    data["issues"][0]["positions"]["a"]["salience"] = 80
    (msg,) = problems(data)
    assert msg.startswith("toy.yaml: issues[0].positions.a.salience: ")
    assert "80" in msg and "divide by 100" in msg


def test_wrong_type_and_missing_key():
    data = copy.deepcopy(TOY)
    data["actors"][0]["capability"] = "strong"
    del data["actors"][1]["name"]
    msgs = problems(data)
    assert 'toy.yaml: actors[0].capability: expected a number; found "strong"' in msgs
    assert "toy.yaml: actors[1].name: required key is missing" in msgs


def test_unknown_key_suggests_the_close_one():
    data = copy.deepcopy(TOY)
    data["issues"][0]["positions"]["a"]["salince"] = 0.4
    msgs = problems(data)
    assert any(
        m.startswith("toy.yaml: issues[0].positions.a.salince: unknown key 'salince'")
        and "did you mean 'salience'" in m
        for m in msgs
    )


def test_unknown_actor_in_relation_and_position():
    data = copy.deepcopy(TOY)
    data["relations"].append({"between": ["a", "zz"], "type": "war"})
    data["issues"][0]["positions"]["bb"] = {"position": 1, "salience": 1}
    msgs = problems(data)
    assert "toy.yaml: relations[2].between[1]: unknown actor 'zz'; known: a, b, c" in msgs
    assert "toy.yaml: issues[0].positions.bb: unknown actor 'bb'; did you mean 'b'?" in msgs


def test_duplicate_id_empty_issue_and_unknown_source():
    data = copy.deepcopy(TOY)
    data["actors"].append({"id": "a", "name": "A again", "capability": 1})
    data["issues"].append({"id": "y", "title": "Y", "positions": {}})
    data["issues"][0]["positions"]["a"]["evidence"] = [{"source": "nope", "quote": "q"}]
    msgs = problems(data)
    assert "toy.yaml: actors[3].id: duplicate id 'a' (first used at actors[0])" in msgs
    assert (
        "toy.yaml: issues[1].positions: an issue needs at least one actor's position; found none"
        in msgs
    )
    assert any(
        m.startswith("toy.yaml: issues[0].positions.a.evidence[0].source: unknown source 'nope'")
        for m in msgs
    )


def test_every_problem_is_reported_at_once():
    data = copy.deepcopy(TOY)
    data["actors"][0]["capability"] = -1
    data["issues"][0]["positions"]["a"]["position"] = 140
    data["relations"][0]["type"] = "friendship"
    msgs = problems(data)
    assert len(msgs) == 3
    assert any("actors[0].capability" in m and "-1" in m for m in msgs)
    assert any("issues[0].positions.a.position" in m and "140" in m for m in msgs)
    assert any("relations[0].type" in m and "friendship" in m and "alliance" in m for m in msgs)


def test_bad_shock_edit():
    data = copy.deepcopy(TOY)
    data["shocks"][0]["edits"].append({"op": "explode", "actor": "a"})
    msgs = problems(data)
    assert any(m.startswith("toy.yaml: shocks[0].edits[1]: unknown op 'explode'") for m in msgs)
    # References are checked once the shapes are valid.
    data["shocks"][0]["edits"][1] = {"op": "set-position", "actor": "q", "issue": "xx", "value": 5}
    msgs = problems(data)
    assert "toy.yaml: shocks[0].edits[1].actor: unknown actor 'q'; known: a, b, c" in msgs
    assert "toy.yaml: shocks[0].edits[1].issue: unknown issue 'xx'; did you mean 'x'?" in msgs


def test_yaml_syntax_error_names_line_and_column():
    with pytest.raises(ScenarioError) as info:
        parse_scenario("title: t\nactors: [\n  {id: a\n", filename="broken.yaml")
    (p,) = info.value.problems
    assert p.file == "broken.yaml"
    assert (p.line, p.column) == (4, 1) and p.where == ""
    assert "YAML syntax error" in p.message
    assert re.match(r"broken.yaml:4:1: YAML syntax error", str(p))


def test_json_syntax_error_and_top_level_type():
    with pytest.raises(ScenarioError, match=r"bad.json:1:\d+: JSON syntax error"):
        parse_scenario("{", filename="bad.json")
    with pytest.raises(ScenarioError, match="expected a mapping with title, actors and issues"):
        parse_scenario("- 1\n- 2\n", filename="list.yaml")


def test_yaml_is_loaded_safely():
    with pytest.raises(ScenarioError, match="YAML syntax error"):
        parse_scenario("title: !!python/object/apply:os.system ['true']\n", filename="evil.yaml")


def test_missing_file_and_binary_file(tmp_path):
    with pytest.raises(ScenarioError, match="nope.yaml: file not found"):
        load_scenario(str(tmp_path / "nope.yaml"))
    with pytest.raises(ScenarioError, match="not a built-in scenario"):
        load_scenario("syria-2021")
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ScenarioError, match="expected a text file; found binary data"):
        load_scenario(binary)


def test_yaml_json_round_trip_keeps_evidence():
    s = load_scenario("syria-2020")
    for fmt in ("yaml", "json"):
        again = parse_scenario(dump_scenario(s, fmt), fmt=fmt)
        assert again == s
        assert (
            again.actor("russia").cite("capability").evidence
            == s.actor("russia").cite("capability").evidence
        )


def test_builtin_is_listed_and_fresh_copies():
    assert rp.builtin_scenarios()["syria-2020"].startswith("Syria 2020")
    a = load_scenario("syria-2020")
    a.actors[0].capability = 0
    assert load_scenario("syria-2020").actors[0].capability != 0


# ---------------------------------------------------------------------------------------- tables
def test_bdm_table_any_case_and_order(data_dir):
    s = load_scenario(data_dir / "eum" / "WW1_BDM.csv")  # lower-case, name first
    assert s.actor_ids[:2] == ["auh", "ger"]
    issue = s.issues[0]
    assert issue.scale == (0.0, 1.0)
    assert issue.positions["frn"].position == pytest.approx(45.0)
    assert issue.positions["srb"].salience == pytest.approx(0.95)


def test_ktab_table(data_dir):
    s = load_scenario(data_dir / "ktab" / "SOE-Pol-Comp.csv")
    assert len(s.actors) == 13 and len(s.issues) == 2
    xj = s.issue(s.issue_ids[0]).positions["xj"]
    assert (xj.position, xj.salience) == (30.0, 0.24)
    assert s.actor("xj").capability == 100.0


@pytest.mark.parametrize("form", ["bdm", "ktab"])
def test_table_round_trip(form):
    s = load_scenario("syria-2020")
    text = write_table(s, form)
    again = parse_table(text, filename=f"x.{form}.csv")
    assert len(again.actors) == len(s.actors)
    for i_old, i_new in zip(s.issues, again.issues, strict=True):
        for k, actor in enumerate(s.actor_ids):
            new_id = again.actor_ids[k]
            old = i_old.positions.get(actor)
            new = i_new.positions.get(new_id)
            if form == "bdm":
                assert (old is None) == (new is None)
            if old is not None and new is not None:
                # bdm rescales to the table's own range; compare the order-preserving map
                assert new.salience == pytest.approx(old.salience)


def test_bdm_round_trip_restores_original_units(data_dir):
    path = data_dir / "eum" / "sultan-oil.csv"
    s = load_scenario(path)
    again = parse_table(write_table(s, "bdm"))
    for a, b in zip(
        s.issues[0].positions.values(), again.issues[0].positions.values(), strict=True
    ):
        assert a.position == pytest.approx(b.position)
    assert s.issues[0].scale == again.issues[0].scale == (12.85, 14.25)


def test_malformed_csv_rows_name_line_and_column():
    text = "Actor,Capability,Position,Salience\nA,1,4,0.5\nB,x,10,1\nC,1\n"
    with pytest.raises(ScenarioError) as info:
        parse_table(text, filename="t.csv")
    msgs = [str(p) for p in info.value.problems]
    assert "t.csv:3:2: expected a number (capability); found 'x'" in msgs
    assert "t.csv:4: expected 4 columns; found 2" in msgs


def test_ktab_header_problems():
    text = "T,desc,2,1\nActor,Desc,Influence,P,S\nA,a,1,50,40\nB,b,2,150,30\n"
    with pytest.raises(ScenarioError) as info:
        parse_table(text, filename="k.csv")
    assert [str(p) for p in info.value.problems] == [
        "k.csv:4:4: position must be within [0, 100]; found 150.0"
    ]


def test_builtin_text_is_yaml():
    data = yaml.safe_load(builtin_text("syria-2020"))
    assert data["title"].startswith("Syria 2020")
    json.dumps(data, default=str)


def test_partner_rules_are_checked_at_load():
    data = copy.deepcopy(TOY)
    data["actors"][0]["partner_rules"] = [
        "min-capability:30",
        "min-capabilty:3",
        "not-allied-with:zz",
    ]
    msgs = problems(data)
    assert any(
        m.startswith("toy.yaml: actors[0].partner_rules[1]: unknown rule 'min-capabilty:3'")
        and "did you mean 'min-capability'" in m
        for m in msgs
    )
    assert (
        "toy.yaml: actors[0].partner_rules[2]: rule 'not-allied-with:zz' names unknown actor 'zz'; known: a, b, c"
        in msgs
    )


@pytest.mark.parametrize(("raw", "shown"), [(True, "true"), ("7", '"7"')])
def test_numbers_must_be_numbers(raw, shown):
    data = copy.deepcopy(TOY)
    data["actors"][0]["capability"] = raw
    assert problems(data) == [f"toy.yaml: actors[0].capability: expected a number; found {shown}"]


def test_yaml_yes_is_not_a_number():
    text = "title: t\nactors: [{id: a, name: A, capability: yes}]\nissues: [{id: x, title: X, positions: {a: {position: 1, salience: 1}}}]\n"
    with pytest.raises(
        ScenarioError, match=r"actors\[0\]\.capability: expected a number; found true"
    ):
        parse_scenario(text, filename="t.yaml")


def test_relation_weight_must_agree_with_its_type():
    data = copy.deepcopy(TOY)
    data["relations"][0]["weight"] = -0.5  # an alliance
    data["shocks"][0]["edits"].append(
        {"op": "set-relation", "between": ["a", "c"], "type": "war", "weight": 0.4}
    )
    msgs = problems(data)
    assert any(
        m.startswith(
            "toy.yaml: relations[0]: a relation of type 'alliance' needs a weight >= 0; found -0.5"
        )
        for m in msgs
    )
    assert any(
        "shocks[0].edits[1]: a relation of type 'war' needs a weight <= 0; found 0.4" in m
        for m in msgs
    )


def test_duplicate_yaml_keys_are_refused():
    with pytest.raises(
        ScenarioError, match=r"d.yaml:2:1: YAML syntax error: duplicate key 'title'"
    ):
        parse_scenario("title: a\ntitle: b\n", filename="d.yaml")


def test_alias_bombs_and_deep_nesting_are_refused_quickly():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    lines.append("title: *j")
    with pytest.raises(ScenarioError, match="expands to more than 200,000 values"):
        parse_scenario("\n".join(lines), filename="bomb.yaml")
    deep = "[" * 2000 + "]" * 2000
    for name in ("deep.yaml", "deep.json"):
        with pytest.raises(ScenarioError, match="nested too deeply"):
            parse_scenario(deep, filename=name)
    with pytest.raises(ScenarioError, match="nested more than 100 levels"):
        parse_scenario("[" * 150 + "]" * 150, filename="d.json")

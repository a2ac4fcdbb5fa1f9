"""The published JSON Schema accepts every valid scenario and rejects broken ones."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import ScenarioError
from realpolitik.scenario import (
    builtin_scenarios,
    builtin_text,
    dump_scenario,
    load_scenario,
    parse_scenario,
)
from realpolitik.scenario.schema import scenario_schema, schema_text, shipped_schema_text

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples" / "scenarios").glob("*.yaml"))

runner = CliRunner()


@pytest.fixture(scope="module")
def validator():
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json(data):
    """What an editor sees: YAML dates are text in JSON."""
    return json.loads(json.dumps(data, default=str))


@functools.cache
def _shipped():
    docs = {f"{n} (built-in)": yaml.safe_load(builtin_text(n)) for n in builtin_scenarios()}
    docs.update({p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLES})
    return docs


def shipped_documents():
    return copy.deepcopy(_shipped())


def test_the_schema_is_draft_2020_12_and_hides_internal_fields():
    schema = scenario_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def walk(node):
        if isinstance(node, dict):
            props = node.get("properties", {})
            assert "meta" not in props and "cost_meta" not in props
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)


def test_the_shipped_copy_is_the_schema_of_this_version():
    assert shipped_schema_text() == schema_text(), (
        "regenerate it: realpolitik schema -o src/realpolitik/data/scenario.schema.json"
    )


def test_the_command_prints_it():
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    assert json.loads(r.output) == scenario_schema()


@pytest.mark.parametrize("name", sorted(shipped_documents()))
def test_every_shipped_scenario_and_example_is_valid(validator, name):
    data = as_json(shipped_documents()[name])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_written_files_are_valid_too(validator, data_dir):
    # What `convert` writes: a scenario read from each table form, dumped as YAML and JSON.
    paths = [*sorted((data_dir / "eum").glob("*.csv")), data_dir / "ktab" / "SOE-Pol-Comp.csv"]
    for path in paths:
        s = load_scenario(path)
        for fmt in ("yaml", "json"):
            text = dump_scenario(s, fmt)
            data = yaml.safe_load(text) if fmt == "yaml" else json.loads(text)
            assert list(validator.iter_errors(as_json(data))) == [], path


def test_the_value_evidence_form_is_accepted(validator):
    data = as_json(yaml.safe_load(builtin_text("syria-2020")))
    n_value_forms = 0

    def count(node):
        nonlocal n_value_forms
        if isinstance(node, dict):
            n_value_forms += "value" in node
            for v in node.values():
                count(v)
        elif isinstance(node, list):
            for v in node:
                count(v)

    count(data)
    assert n_value_forms >= 20  # the built-in scenario cites evidence for most numbers
    assert validator.is_valid(data)


TOY = {
    "title": "Toy",
    "date": 2020,
    "actors": [
        {"id": "a", "name": "A", "capability": {"value": 1, "evidence": "a quote", "sd": 0.1}},
        {"id": "b", "name": "B", "capability": 3, "data": {"resolve": 0.5, "type": "state"}},
    ],
    "issues": [
        {
            "id": "x",
            "title": "X",
            "scale": [4, 10],
            "positions": {
                "a": {"position": 0, "salience": {"value": 1, "range": [0.8, 1]}},
                "b": {"position": 100, "salience": 0.5, "evidence": [{"quote": "q"}, "r"]},
            },
        }
    ],
    "shocks": [
        {
            "id": "s",
            "title": "S",
            "edits": [{"op": "set-salience", "actor": "a", "issue": "x", "value": 0.2}],
        }
    ],
    "escalation": [
        {
            "id": "t",
            "title": "T",
            "root": "n",
            "nodes": [{"id": "n", "actor": "a", "options": [{"id": "o", "outcome": "end"}]}],
            "outcomes": [
                {"id": "end", "costs": {"a": {"value": 0.2, "assumption": "guess"}, "b": 0.1}}
            ],
        }
    ],
}


def test_a_toy_using_every_flexible_form_is_valid_for_both(validator):
    parse_scenario(copy.deepcopy(TOY))
    assert list(validator.iter_errors(TOY)) == []


def _break(path, value):
    data = copy.deepcopy(TOY)
    node = data
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


_DELETE = object()

BROKEN = {
    "salience on 0-100": (["issues", 0, "positions", "b", "salience"], 80),
    "position above 100": (["issues", 0, "positions", "a", "position"], 140),
    "misspelt key": (["issues", 0, "positions", "a", "salince"], 0.4),
    "capability as text": (["actors", 1, "capability"], "strong"),
    "capability as yes": (["actors", 1, "capability"], True),
    "negative capability": (["actors", 1, "capability"], -1),
    "missing name": (["actors", 0, "name"], _DELETE),
    "upper-case id": (["actors", 0, "id"], "Alpha"),
    "internal meta key": (["actors", 1, "meta"], {"capability": {"sd": 1}}),
    "value form without value": (["actors", 0, "capability"], {"evidence": "q"}),
    "value form with unknown key": (["actors", 0, "capability"], {"value": 1, "source": "x"}),
    "unknown edit op": (["shocks", 0, "edits", 0, "op"], "explode"),
    "unknown relation type": (["relations"], [{"between": ["a", "b"], "type": "friendship"}]),
    "no actors": (["actors"], []),
    "kind not known": (["actors", 0, "kind"], "empire"),
    "cost as text": (["escalation", 0, "outcomes", 0, "costs", "b"], "high"),
    "data as a list": (["actors", 1, "data"], {"resolve": [1, 2]}),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_files_are_rejected_by_the_schema_and_the_loader(validator, case):
    data = _break(*BROKEN[case])
    assert not validator.is_valid(data), case
    with pytest.raises(ScenarioError):
        parse_scenario(data, filename="broken.yaml")

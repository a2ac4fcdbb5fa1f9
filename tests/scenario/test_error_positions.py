"""Every validation problem of a file read from text names its line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import ScenarioError
from realpolitik.scenario import parse_scenario

runner = CliRunner()

TEXT = """\
title: Toy
actors:
  - id: a
    name: A
    capability: strong
  - id: b
    capability: {value: -3, evidence: "a quote"}
issues:
  - id: x
    title: X
    positions:
      a: {position: 0, salince: 1}
      b: {position: 100, salience: 0.5}
relations:
  - {between: [a, zz], type: war}
"""


def messages(text, filename="toy.yaml"):
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, filename=filename)
    return [str(p) for p in info.value.problems]


def test_shape_problems_have_line_and_column():
    msgs = messages(TEXT)
    assert 'toy.yaml:5:17: actors[0].capability: expected a number; found "strong"' in msgs
    # A missing key: the mapping that lacks it.
    assert "toy.yaml:6:5: actors[1].name: required key is missing" in msgs
    # {value: ...}: the value itself.
    assert any(m.startswith("toy.yaml:7:25: actors[1].capability: ") for m in msgs)
    # An unknown key: the key.
    assert any(
        m.startswith("toy.yaml:12:24: issues[0].positions.a.salince: unknown key 'salince'")
        for m in msgs
    )
    assert "toy.yaml:12:10: issues[0].positions.a.salience: required key is missing" in msgs


def test_reference_problems_have_line_and_column():
    text = (
        TEXT.replace("strong", "1")
        .replace("value: -3", "value: 3")
        .replace("salince", "salience")
        .replace("  - id: b\n", "  - id: b\n    name: B\n")
    )
    assert messages(text) == [
        "toy.yaml:16:19: relations[0].between[1]: unknown actor 'zz'; known: a, b"
    ]


def test_json_files_too():
    data = {
        "title": "T",
        "actors": [{"id": "a", "name": "A", "capability": -1}],
        "issues": [{"id": "x", "title": "X", "positions": {"a": {"position": 0, "salience": 1}}}],
    }
    text = json.dumps(data, indent=2)
    (msg,) = messages(text, filename="t.json")
    line = text.splitlines().index('      "capability": -1') + 1
    assert msg.startswith(f"t.json:{line}:21: actors[0].capability: ")


def test_data_given_as_a_mapping_has_no_position():
    with pytest.raises(ScenarioError) as info:
        parse_scenario({"title": "t", "actors": [], "issues": []}, filename="m.yaml")
    assert [str(p) for p in info.value.problems][0] == (
        "m.yaml: actors: expected at least 1 item(s); found []"
    )


def test_check_prints_one_line_per_problem_with_the_position(tmp_path):
    path = tmp_path / "toy.yaml"
    path.write_text(TEXT, encoding="utf-8")
    r = runner.invoke(app, ["check", str(path)], terminal_width=300)
    assert r.exit_code == 2
    lines = [line.strip() for line in r.output.splitlines() if line.startswith("  ")]
    assert len(lines) == 5
    assert all(line.startswith(f"{path}:") for line in lines)
    assert f'{path}:5:17: actors[0].capability: expected a number; found "strong"' in lines


def test_the_readme_error_example_is_what_check_prints(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)[0]
    bad = example.replace(
        "iran: {position: 95, salience: 0.9}", "iran: {position: 95, salience: 80}"
    )
    bad = bad.replace("    type: alignment       #", "    type: alignmnet       #")
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    shown = re.search(r"\$ realpolitik check bad.yaml\n(.*?)```", readme, flags=re.S)
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["check", "bad.yaml"], terminal_width=400)
    assert r.exit_code == 2
    assert r.output.splitlines() == shown.group(1).splitlines()

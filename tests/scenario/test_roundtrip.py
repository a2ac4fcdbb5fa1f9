"""Rewriting a YAML scenario keeps its comments and key order (ruamel.yaml, optional)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import realpolitik.cli._scenario_cmds as scenario_cmds
from realpolitik.cli import app
from realpolitik.scenario import builtin_text, load_scenario, parse_scenario, scenario_to_data
from realpolitik.scenario.model import Relation
from realpolitik.scenario.roundtrip import rewrite_yaml

runner = CliRunner()

TEXT = """\
# Notes of the analyst: keep me.
title: Toy
actors:
  - {id: a, name: A, capability: 1}   # small
  - id: b
    name: B
    kind: state                       # written although it is the default
    capability: 3
  - {id: c, name: C, capability: 2}
issues:
  - id: x
    title: X
    positions:
      a: {position: 10, salience: 1}
      b: {position: 90, salience: 0.5}  # b cares less
relations:
  - {between: [a, b], type: rivalry}    # old quarrel
  - {between: [a, c], type: alliance}   # allies
"""


@pytest.mark.requires_ruamel
def test_convert_of_the_built_in_scenario_is_the_file_itself(tmp_path):
    pytest.importorskip("ruamel.yaml")
    out = tmp_path / "syria.yaml"
    r = runner.invoke(app, ["convert", "syria-2020", str(out)])
    assert r.exit_code == 0 and "comments kept" in r.output
    assert out.read_text(encoding="utf-8") == builtin_text("syria-2020")


@pytest.mark.requires_ruamel
def test_an_edited_scenario_keeps_comments_order_and_unchanged_text():
    pytest.importorskip("ruamel.yaml")
    s = parse_scenario(TEXT)
    s.actors[0].capability = 2.0
    del s.relations[1]  # a-c goes
    s.relations.append(Relation(between=("b", "c"), type="war"))
    text = rewrite_yaml(TEXT, scenario_to_data(s), s)
    assert text is not None
    assert text.startswith("# Notes of the analyst: keep me.\ntitle: Toy\n")
    assert "  - {id: a, name: A, capability: 2.0} # small\n" in text
    assert "    kind: state                       # written although it is the default\n" in text
    assert "      b: {position: 90, salience: 0.5}  # b cares less\n" in text
    assert "  - {between: [a, b], type: rivalry}    # old quarrel\n" in text
    assert "allies" not in text and "type: war" in text
    assert parse_scenario(text) == s


def test_without_ruamel_convert_writes_the_plain_dump_and_says_so(tmp_path, monkeypatch):
    src = tmp_path / "toy.yaml"
    src.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(scenario_cmds, "roundtrip_available", lambda: False)
    monkeypatch.setattr(scenario_cmds, "rewrite_yaml", lambda *a: None)
    out = tmp_path / "out.yaml"
    r = runner.invoke(app, ["convert", str(src), str(out)])
    assert r.exit_code == 0
    assert "comments were dropped" in r.output and "realpolitik[roundtrip]" in r.output
    assert load_scenario(out) == load_scenario(src)

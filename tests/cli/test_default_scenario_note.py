"""A command that analyses the built-in scenario because none was named says so on stderr."""

from __future__ import annotations

import json

import pytest
import typer.main
from typer.testing import CliRunner

from realpolitik.cli import app

runner = CliRunner()
NOTE = "note: no scenario given; analysing the built-in syria-2020"


@pytest.mark.parametrize(
    "args",
    [
        ["forecast", "-m", "mean", "--format", "json"],
        ["network", "--format", "json"],
    ],
)
def test_omitted_scenario_is_noted_on_stderr_only(args):
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert r.stderr.strip().splitlines().count(NOTE) == 1
    assert NOTE not in r.stdout
    json.loads(r.stdout)  # the note does not spoil machine-readable output


@pytest.mark.parametrize(
    "args",
    [
        ["forecast", "syria-2020", "-m", "mean", "--format", "json"],
        ["network", "syria-2020", "--format", "json"],
    ],
)
def test_typed_scenario_gets_no_note(args):
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert "no scenario given" not in r.stderr


def test_every_command_defaulting_to_the_builtin_scenario_notes_it():
    """Every SCENARIO argument with the built-in default carries the note (one shared callback)."""
    from realpolitik.cli._options import _note_default_scenario

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    found = []
    for name in group.list_commands(ctx):  # type: ignore[attr-defined]
        cmd = group.get_command(ctx, name)  # type: ignore[attr-defined]
        for p in getattr(cmd, "params", []):
            if p.name == "scenario" and p.default == "syria-2020":
                found.append(name)
                closure = p.callback.__closure__ or ()
                wrapped = [c.cell_contents for c in closure]
                assert p.callback is _note_default_scenario or _note_default_scenario in wrapped, (
                    name
                )
    assert {"forecast", "show", "planb", "montecarlo", "explain", "network"} <= set(found)

"""Every command has a working --help whose text prints as written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.cli._lazy import COMMANDS as LAZY

runner = CliRunner()
COMMANDS = list(LAZY)


def test_every_issue_command_is_registered():
    expected = {
        "scenarios",
        "show",
        "check",
        "convert",
        "forecast",
        "compare",
        "backtest",
        "network",
        "planb",
        "explain",
        "escalate",
        "montecarlo",
        "ingest",
        "report",
        "serve",
    }
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help(command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0, r.output
    assert "Usage" in r.output


def test_brackets_in_help_are_not_eaten_as_markup():
    r = runner.invoke(app, ["montecarlo", "--help"], terminal_width=200)
    assert "realpolitik[dask]" in r.output

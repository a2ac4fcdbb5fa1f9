"""--version, -h and shell completion."""

from __future__ import annotations

from typer.testing import CliRunner

import realpolitik as rp
from realpolitik.cli import app

runner = CliRunner()


def test_version_exits_0_and_prints_the_package_version():
    for flag in ("--version", "-V"):
        r = runner.invoke(app, [flag])
        assert r.exit_code == 0, r.output
        assert r.output == f"realpolitik {rp.__version__}\n"


def test_h_is_help_everywhere():
    assert runner.invoke(app, ["-h"]).output == runner.invoke(app, ["--help"]).output
    r = runner.invoke(app, ["forecast", "-h"])
    assert r.exit_code == 0 and "Usage" in r.output and "--variant" in r.output


def test_shell_completion_script(monkeypatch):
    # --show-completion is a flag; typer finds the shell from the process tree, which a test
    # runner without an interactive shell above it may not have.
    import typer.completion

    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    r = runner.invoke(app, ["--show-completion"], prog_name="realpolitik")
    assert r.exit_code == 0, r.output
    assert "_REALPOLITIK_COMPLETE" in r.output and "complete " in r.output

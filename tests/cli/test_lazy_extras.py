"""Lazy imports and optional extras: a command loads only what it uses; a missing extra says so.

Each case runs the command line in a fresh interpreter, because the point is what a new process
imports. A missing extra is simulated by putting ``None`` in ``sys.modules`` for its modules,
which makes every ``import plotly`` fail exactly as in an environment without the package.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import textwrap

import pytest
from typer.main import get_command_from_info

from realpolitik.cli import app
from realpolitik.cli._lazy import COMMANDS, EXTRAS, extra_of_module, missing_modules

HEAVY = ("plotly", "spacy", "fastapi", "uvicorn", "scipy.stats", "dask", "distributed")
ALL_OPTIONAL = sorted({m for mods in EXTRAS.values() for m in mods} | {"multipart"})


def run_cli(args: list[str], blocked: tuple[str, ...] = (), report_modules: bool = False):
    """Run ``realpolitik ARGS`` in a new interpreter with ``blocked`` modules made unimportable."""
    code = textwrap.dedent(
        f"""
        import json, sys
        for name in {list(blocked)!r}:
            sys.modules[name] = None
        sys.argv = ["realpolitik", *{args!r}]
        from realpolitik.cli import main
        try:
            main()
        except SystemExit as exc:
            code = exc.code
        else:
            code = 0
        if {report_modules!r}:
            heavy = [m for m in {list(HEAVY)!r} if sys.modules.get(m) is not None]
            sys.stderr.write("\\nLOADED=" + json.dumps(heavy) + "\\n")
        sys.exit(code)
        """
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_import_realpolitik_loads_no_heavy_module():
    code = (
        "import sys, json, realpolitik; "
        f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(out.stdout) == []


@pytest.mark.parametrize(
    "args",
    [["--help"], ["forecast"], ["forecast", "--help"], ["compare", "-s", "iran-strikes-israel"]],
)
def test_core_commands_load_no_optional_library(args):
    r = run_cli(args, report_modules=True)
    assert r.returncode == 0, r.stderr
    loaded = json.loads(r.stderr.rsplit("LOADED=", 1)[1])
    assert loaded == []


def test_help_lists_every_command_with_its_docstring_summary():
    for spec in {c.module for c in COMMANDS.values()}:
        __import__(f"realpolitik.cli.{spec}")
    seen = set()
    for info in app.registered_commands:
        cmd = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
        assert cmd.name in COMMANDS, f"{cmd.name} is registered but not listed in COMMANDS"
        first = inspect.getdoc(info.callback).split("\n\n")[0].replace("\n", " ")
        assert COMMANDS[cmd.name].summary == first
        seen.add(cmd.name)
    for group in app.registered_groups:
        assert group.name in COMMANDS
        seen.add(group.name)
    assert seen == set(COMMANDS)


def test_help_prints_every_command():
    r = run_cli(["--help"])
    assert r.returncode == 0
    for name in COMMANDS:
        assert f"  {name} " in r.stdout


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["report", "-o", "x.html"], "report"),
        (["serve"], "server"),
        (["ingest", "-"], "ingest"),
        (["montecarlo", "-n", "2", "--engine", "dask"], "dask"),
        (["montecarlo", "-n", "2", "--out", "runs.parquet"], "parquet"),
    ],
)
def test_a_missing_extra_names_its_install_line(args, extra, tmp_path):
    r = run_cli(args, blocked=EXTRAS[extra])
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert f"pip install 'realpolitik[{extra}]'" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["forecast"],
        ["compare", "-s", "iran-strikes-israel"],
        ["network"],
        ["planb", "--actor", "russia", "--without", "iran"],
        ["escalate"],
        ["montecarlo", "-n", "20", "--seed", "1"],
        ["explain", "-a", "russia"],
        ["report", "--help"],
        ["ingest", "--help"],
        ["serve", "--help"],
    ],
)
def test_core_commands_run_without_any_extra(args):
    r = run_cli(args, blocked=tuple(ALL_OPTIONAL))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr


def test_missing_modules_and_extra_lookup():
    assert extra_of_module("plotly.graph_objects") == "report"
    assert extra_of_module("multipart") == "server"
    assert extra_of_module("numpy") is None
    assert extra_of_module(None) is None
    for extra in EXTRAS:
        assert set(missing_modules(extra)) <= set(EXTRAS[extra])

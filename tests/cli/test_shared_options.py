"""The options several commands share are declared once (cli/_options.py) and read the same."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import typer

import realpolitik.cli as cli_pkg
from realpolitik.cli import app

CLI = Path(cli_pkg.__file__).parent

#: Flags that mean the same in every command that has them.
SHARED_FLAGS = ("--quiet", "--save", "--store", "--shock")


def _commands() -> dict[str, Any]:
    # typer may ship its own copy of click: the group is used through its methods only
    group: Any = typer.main.get_command(app)
    ctx = group.context_class(group)
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}


def test_each_shared_flag_has_one_help_text_across_commands() -> None:
    helps: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name, command in _commands().items():
        if name == "compare":  # its shocks are what is compared, not applied first
            continue
        for param in command.params:
            for flag in param.opts:
                if flag in SHARED_FLAGS:
                    helps[flag][str(getattr(param, "help", ""))].add(name)
    assert set(helps) == set(SHARED_FLAGS)
    for flag, texts in helps.items():
        assert len(texts) == 1, f"{flag} reads differently in {dict(texts)}"
    assert len(next(iter(helps["--shock"].values()))) >= 5  # escalate, montecarlo, network, ...


@pytest.mark.parametrize("flag", ['"--quiet"', '"--save/--no-save"', '"--store"'])
def test_shared_options_are_declared_only_in_the_options_module(flag: str) -> None:
    declared = [
        p.name
        for p in sorted(CLI.glob("*.py"))
        if any(
            isinstance(node, ast.Constant) and repr(node.value).replace("'", '"') == flag
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert declared == ["_options.py"]


def test_every_scenario_argument_is_the_shared_one() -> None:
    from realpolitik.cli._options import DEFAULT_SCENARIO

    helps = {
        name: p.help if hasattr(p, "help") else None
        for name, command in _commands().items()
        for p in command.params
        if p.name == "scenario" and p.param_type_name == "argument"
    }
    assert len(helps) >= 10, helps
    commands_with_default = [
        name
        for name, command in _commands().items()
        for p in command.params
        if p.name == "scenario"
        and p.param_type_name == "argument"
        and p.default == DEFAULT_SCENARIO
    ]
    assert len(commands_with_default) >= 10
    for name, command in _commands().items():
        for p in command.params:
            if p.name == "scenario" and p.param_type_name == "argument":
                assert p.callback is not None, f"{name}: SCENARIO without the default-scenario note"

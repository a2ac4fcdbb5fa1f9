"""The options and arguments several commands share, declared once.

A command module takes its shared parameters from here (``scenario: ScenarioArg``,
``fmt: TableOrJsonOption``, ``shock: ShocksOption``, ``save: SaveOption`` ...), so that a flag
means the same and reads the same in every command's ``--help``. Options only one command has
stay in that command's module. This module imports nothing heavy: the command list
(:mod:`realpolitik.cli._lazy`) stays cheap to load.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._app import err_console

__all__ = [
    "DEFAULT_SCENARIO",
    "Format",
    "FormatOption",
    "OutOption",
    "QuietOption",
    "SaveOption",
    "ScenarioArg",
    "ShocksOption",
    "StoreOption",
    "TableOrJson",
    "TableOrJsonOption",
]


class Format(str, Enum):
    """Output formats of the commands that print tables."""

    table = "table"
    json = "json"
    csv = "csv"


class TableOrJson(str, Enum):
    """Output formats of the commands without a CSV form."""

    table = "table"
    json = "json"


#: The scenario every command analyses when none is named.
DEFAULT_SCENARIO = "syria-2020"


def _note_default_scenario(ctx: typer.Context, param: typer.CallbackParam, value: str) -> str:
    """Say on stderr when the SCENARIO argument was left out and the built-in one is used.

    Not when the user typed the name: click tells a default from a typed value.
    """
    # by name: typer may ship its own copy of click, with its own ParameterSource enum
    source = ctx.get_parameter_source(param.name) if param.name else None
    if not ctx.resilient_parsing and source is not None and source.name == "DEFAULT":
        err_console.print(
            f"note: no scenario given; analysing the built-in {value}",
            markup=False,
            highlight=False,
        )
    return value


#: The SCENARIO argument: a built-in name or a file; the default is noted on stderr.
ScenarioArg = Annotated[
    str,
    typer.Argument(
        help=(
            "A built-in scenario name (see `realpolitik scenarios`) or a file path "
            f"(default: the built-in {DEFAULT_SCENARIO}, with a note on stderr)."
        ),
        callback=_note_default_scenario,
    ),
]

#: ``--format table|json`` of every command without a CSV form.
TableOrJsonOption = Annotated[TableOrJson, typer.Option("--format", help="table or json.")]

#: ``--format table|json|csv`` of the commands that print one table a spreadsheet can read.
FormatOption = Annotated[Format, typer.Option("--format", help="table, json or csv.")]

#: ``--shock/-s``: shocks of the scenario applied first, in the order given.
ShocksOption = Annotated[
    list[str] | None,
    typer.Option(
        "--shock", "-s", help="Apply a shock of the scenario first (repeatable; in order)."
    ),
]

#: ``--out/-o``: where a command writes its output file instead of stdout.
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write the output to this file.")
]

#: ``--save/--no-save``: whether the run goes into the run store.
SaveOption = Annotated[
    bool,
    typer.Option(
        "--save/--no-save",
        help="Record this run in the run store (see realpolitik runs); on by default.",
    ),
]

#: ``--store``: which run store file.
StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="The run store file (default: $REALPOLITIK_STORE, else runs.sqlite in the "
        "platform's data folder).",
        show_default=False,
    ),
]

#: ``--quiet/-q`` of every command with a progress bar.
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="No progress bar on stderr (it is only drawn when stderr is a terminal).",
    ),
]

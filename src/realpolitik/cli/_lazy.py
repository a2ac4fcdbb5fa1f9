"""Lazy commands: ``realpolitik --help`` lists every command without importing any of them.

Each command lives in a module of this package that registers it on the shared typer app when
imported. :class:`LazyGroup` imports that module only when its command runs (or prints its own
``--help``), so a command pays for the libraries it uses and no other: ``forecast`` never loads
plotly, spaCy, FastAPI or scipy.stats, and a core install without the optional extras runs
every core command. The one-line summaries below are what ``realpolitik --help`` prints; a test
checks that each equals the first paragraph of its command's docstring.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """Where a command lives and the summary ``realpolitik --help`` prints for it."""

    module: str
    summary: str
    extra: str | None = None


#: Every command, in the order ``--help`` lists them.
COMMANDS: dict[str, LazyCommand] = {
    "scenarios": LazyCommand("_scenario_cmds", "List the built-in scenarios with their titles."),
    "show": LazyCommand(
        "_scenario_cmds",
        "Summarise a scenario: actors, issues, relations, shocks and escalation trees.",
    ),
    "check": LazyCommand(
        "_scenario_cmds",
        "Validate scenario files; exit 0 when all are valid, 2 with every problem when not.",
    ),
    "convert": LazyCommand(
        "_scenario_cmds",
        "Convert a scenario between YAML, JSON and the two CSV table forms.",
    ),
    "schema": LazyCommand(
        "_scenario_cmds", "Print the JSON Schema (draft 2020-12) of the scenario file format."
    ),
    "forecast": LazyCommand(
        "_forecast", "Forecast where bargaining ends up on every issue of a scenario."
    ),
    "compare": LazyCommand(
        "_compare",
        "Apply named shocks to a copy of the scenario and compare forecasts with the baseline.",
    ),
    "backtest": LazyCommand(
        "_backtest",
        "Score forecasting models on the DEU III issues that have a known outcome.",
    ),
    "network": LazyCommand(
        "_network",
        "The relations as a signed graph: balance, frustration and camps, blocs and gaps.",
    ),
    "escalate": LazyCommand(
        "_escalate",
        "Solve an escalation tree: choice and path probabilities, each actor's expected payoff.",
    ),
    "montecarlo": LazyCommand(
        "_montecarlo",
        "Monte Carlo over input uncertainty: forecast quantiles, path probabilities, sensitivity.",
    ),
    "planb": LazyCommand(
        "_planb",
        "Rank the substitutes for a lost partner: the gain, the price, and the rules each breaks.",
    ),
    "coalitions": LazyCommand(
        "_coalitions",
        "Group the actors of every issue into coalitions: all within 10 points, no hostile pair.",
    ),
    "explain": LazyCommand(
        "_explain",
        "Explain an actor: what it wants, whom it stands with, its offers, shocks and Plan B.",
    ),
    "ingest": LazyCommand(
        "_ingest",
        "Code news articles into events (who did what to whom) and propose relation updates.",
        extra="ingest",
    ),
    "events": LazyCommand(
        "_ingest",
        "Relation scores over time from dated news, and the relation changes they propose.",
        extra="ingest",
    ),
    "report": LazyCommand("_report", "Write one HTML report that opens offline.", extra="report"),
    "serve": LazyCommand(
        "_serve",
        "Start the dashboard: edit a scenario, toggle shocks, rerun and see the report's plots.",
        extra="server",
    ),
    "runs": LazyCommand(
        "_runs",
        "The run store: list, show, diff and rerun the recorded runs.",
    ),
}

#: The modules each optional extra installs (top-level import names).
EXTRAS: dict[str, tuple[str, ...]] = {
    "ingest": ("spacy",),
    "report": ("plotly",),
    "server": ("fastapi", "uvicorn", "python_multipart", "plotly"),
    "dask": ("dask", "distributed"),
    "parquet": ("pyarrow",),
}

#: python-multipart's import name before version 0.0.13.
_ALIASES = {"python_multipart": ("python_multipart", "multipart")}


def missing_modules(extra: str) -> list[str]:
    """The modules of ``extra`` that cannot be imported here (empty when it is installed).

    Examples
    --------
    >>> missing_modules("report") in ([], ["plotly"])
    True
    """
    missing = []
    for name in EXTRAS[extra]:
        candidates = _ALIASES.get(name, (name,))
        if not any(_importable(c) for c in candidates):
            missing.append(name)
    return missing


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def extra_hint(extra: str) -> str:
    """The install line that brings ``extra``: ``pip install 'realpolitik[report]'``."""
    return f"pip install 'realpolitik[{extra}]'"


def extra_of_module(name: str | None) -> str | None:
    """The extra that installs the module ``name`` (a dotted name is read by its top level)."""
    if not name:
        return None
    top = name.split(".")[0]
    if top == "multipart":
        top = "python_multipart"
    for extra, modules in EXTRAS.items():
        if top in modules:
            return extra
    return None


#: The typer application whose commands this group loads, and how it reports a user mistake;
#: set by :func:`attach` (``cli/_app.py`` attaches itself), so that this module does not import
#: the application module that imports it.
_attached: dict[str, Any] = {}


def attach(app: Any, fail: Callable[[str], Any]) -> None:
    """Name the typer ``app`` whose commands :class:`LazyGroup` loads, and its ``fail``."""
    _attached["app"] = app
    _attached["fail"] = fail


class LazyGroup(TyperGroup):
    """A typer group that imports a command's module only when that command is used."""

    # ``ctx`` and ``formatter`` are click's types, vendored by typer >= 0.26 as ``typer._click``.

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command name, lazy ones first in their listed order."""
        eager = [name for name in super().list_commands(ctx) if name not in COMMANDS]
        return [*COMMANDS, *eager]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command ``cmd_name``, importing its module the first time it is asked for."""
        spec = COMMANDS.get(cmd_name)
        if spec is not None and cmd_name not in self.commands:
            self._load(cmd_name, spec)
        return super().get_command(ctx, cmd_name)

    def _load(self, cmd_name: str, spec: LazyCommand) -> None:
        from rich.markup import escape
        from typer.main import get_command_from_info, get_command_name, get_group_from_info

        app, fail = _attached["app"], _attached["fail"]

        try:
            importlib.import_module(f"realpolitik.cli.{spec.module}")
        except ModuleNotFoundError as exc:
            extra = extra_of_module(exc.name)
            if extra is None:
                raise
            fail(
                escape(f"{cmd_name} needs {exc.name}, which is not installed: {extra_hint(extra)}")
            )
        for info in app.registered_commands:
            name = info.name or get_command_name(getattr(info.callback, "__name__", ""))
            if name in COMMANDS and name not in self.commands:
                self.commands[name] = get_command_from_info(
                    info,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                )
        for group in app.registered_groups:  # command groups such as ``runs``
            if group.name in COMMANDS and group.name not in self.commands:
                self.commands[group.name] = get_group_from_info(
                    group,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                    suggest_commands=app.suggest_commands,
                )

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """Resolve ``args[0]``; an unknown name suggests the closest command names."""
        name = args[0] if args else ""
        if (
            name
            and not name.startswith("-")
            and name not in COMMANDS
            and name not in self.commands
            and not ctx.resilient_parsing
        ):
            matches = difflib.get_close_matches(name, self.list_commands(ctx))
            hint = f" Did you mean {', '.join(repr(m) for m in matches)}?" if matches else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The ``Commands:`` section of ``--help`` from the summaries, importing nothing."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = []
        for name in names:
            spec = COMMANDS.get(name)
            if spec is not None:
                summary = TyperCommand(name, help=spec.summary).get_short_help_str(limit)
            else:
                cmd = self.get_command(ctx, name)
                if cmd is None or cmd.hidden:
                    continue
                summary = cmd.get_short_help_str(limit)
            rows.append((name, summary))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

"""Recording a command's run in the run store (``--save``, the default, or ``--no-save``).

Recording is on by default: the run worth finding next month is rarely the one an analyst
thought to save, and KTAB, the tool analysts compare us with, keeps every run too. A run costs a
few kilobytes and a few milliseconds; ``--no-save`` (or ``REALPOLITIK_STORE=off``) turns it off.

What is kept: the scenario text and its hash, realpolitik's version, the models, every option,
the seed, the command line that reruns it, the ``--format json`` results, and for the models
that move actors the positions round by round and the offers accepted.
"""

from __future__ import annotations

import sqlite3
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from realpolitik.cli._app import err_console, escape
from realpolitik.cli._options import SaveOption, StoreOption  # noqa: F401  (re-exported)

if TYPE_CHECKING:
    from realpolitik.forecasting import ForecastResult

#: The token standing for the scenario (or input file) in a stored command line.
SCENARIO_TOKEN = "@scenario"

#: Parameters left out of the stored command line: how output is shown or where it goes.
_NOT_REPLAYED = frozenset({"fmt", "save", "store", "out", "scheduler", "trace_out", "quiet"})


def started() -> float:
    """The clock reading a command takes when it starts (for the run's duration)."""
    return time.perf_counter()


def _arg_text(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def replay_argv(ctx: typer.Context, input_param: str, seed: int | None) -> list[str]:
    """The command line that reruns this call, with :data:`SCENARIO_TOKEN` for the input.

    Options that only choose how output is shown (``--format``) or where it is written are left
    out; a seed drawn fresh is written in, so that the rerun uses the same one.
    """
    argv = [ctx.command.name or ""]
    for param in ctx.command.params:
        name = param.name or ""
        if name in _NOT_REPLAYED:
            continue
        value = ctx.params.get(name)
        if name == input_param:
            argv.append(SCENARIO_TOKEN)
            continue
        if name == "seed" and value is None:
            value = seed
        # The long form of each option (``--runs`` rather than ``-n``): a readable command line.
        opts = sorted(getattr(param, "opts", []), key=lambda o: not o.startswith("--"))
        if getattr(param, "param_type_name", "") == "argument":
            argv.extend(_arg_text(v) for v in (value if isinstance(value, list) else [value]))
        elif getattr(param, "is_flag", False):
            secondary = getattr(param, "secondary_opts", [])
            if value is None:  # a flag left to its automatic default
                continue
            if value:
                argv.append(opts[0])
            elif secondary:
                argv.append(secondary[0])
        elif value is None:
            continue
        elif getattr(param, "multiple", False):
            for v in value:
                argv.extend([opts[0], _arg_text(v)])
        else:
            argv.extend([opts[0], _arg_text(value)])
    return argv


def _options(ctx: typer.Context) -> dict[str, Any]:
    out = {}
    for name, value in ctx.params.items():
        if name in _NOT_REPLAYED:
            continue
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def input_text(source: str | Path) -> tuple[str, str]:
    """The text of a scenario (a built-in name or a file) and its format (``yaml``, ``csv``...)."""
    from realpolitik.scenario import builtin_scenarios
    from realpolitik.scenario.loader import builtin_text, read_text

    name = str(source)
    if isinstance(source, str) and name in builtin_scenarios():
        return builtin_text(name), "yaml"
    path = Path(source)
    suffix = path.suffix.lower().lstrip(".")
    return read_text(path), suffix if suffix in ("json", "csv", "tsv", "txt", "yml") else "yaml"


def forecast_rows(result: ForecastResult, prefix: str = "") -> tuple[list[Any], list[Any]]:
    """Positions round by round and the accepted offers of every model of ``result``."""
    from realpolitik.scenario.arrays import to_state

    state, _, _ = to_state(result.scenario)
    positions: list[Any] = []
    offers: list[Any] = []
    for model, run in result.runs.items():
        if run.rounds is None:
            continue
        label = f"{prefix}{model}"
        for r in range(run.rounds.shape[0]):
            for i, actor in enumerate(result.actor_ids):
                for k, issue in enumerate(result.issue_ids):
                    if state.present[i, k]:
                        positions.append((label, r, actor, issue, float(run.rounds[r, i, k])))
        for o in result.offers(model):
            offers.append((label, o.round, o.issue, o.actor, o.proposer, o.kind, o.before, o.after))
    return positions, offers


def record(
    ctx: typer.Context,
    *,
    save: bool,
    store: Path | None,
    source: str | Path,
    title: str | None,
    results: dict[str, Any],
    models: list[str],
    t0: float,
    seed: int | None = None,
    input_param: str = "scenario",
    forecasts: tuple[ForecastResult, ...] = (),
    prefixes: tuple[str, ...] = (),
) -> int | None:
    """Record one run in the store; return its id (None when recording is off or failed).

    A store that cannot be written gives a warning, not a failure: the command's own result
    has been printed and stays valid.
    """
    if not save:
        return None
    from realpolitik import __version__
    from realpolitik.exceptions import RealpolitikError
    from realpolitik.store import RunRecord, RunStore, store_path

    path = store_path(store)
    if path is None:
        return None
    try:
        text, fmt = input_text(source)
        positions: list[Any] = []
        offers: list[Any] = []
        for k, result in enumerate(forecasts):
            p, o = forecast_rows(result, prefixes[k] if k < len(prefixes) else "")
            positions.extend(p)
            offers.extend(o)
        run_id = RunStore(path).add(
            RunRecord(
                command=ctx.command.name or "",
                source=str(source),
                scenario_text=text,
                scenario_format=fmt,
                scenario_title=title,
                version=__version__,
                models=models,
                options=_options(ctx),
                seed=seed,
                argv=replay_argv(ctx, input_param, seed),
                results=results,
                positions=positions,
                offers=offers,
                duration_s=time.perf_counter() - t0,
            )
        )
    except (RealpolitikError, OSError, ValueError, OverflowError, sqlite3.Error) as exc:
        err_console.print(
            f"[yellow]warning:[/] the run was not recorded: {escape(str(exc))}", highlight=False
        )
        return None
    if err_console.is_terminal:
        err_console.print(
            f"[dim]recorded as run {run_id} (realpolitik runs show {run_id})[/]", highlight=False
        )
    return run_id

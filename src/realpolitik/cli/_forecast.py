"""The ``forecast`` command."""

from __future__ import annotations

import csv
import io
import sys
from typing import Annotated

import typer
from rich.table import Table

from realpolitik._csv import safe_frame
from realpolitik.cli._app import Format, app, console, escape, load, print_json, user_errors
from realpolitik.cli._scenario_cmds import ScenarioArg
from realpolitik.engine import available_models
from realpolitik.engine.registry import model_options
from realpolitik.exceptions import InputError
from realpolitik.forecasting import forecast as run_forecast


def _models_help() -> str:
    return (
        "Model to run (repeatable); the baselines mean and median always run. Known: "
        + ", ".join(available_models())
    )


@app.command()
def forecast(
    scenario: ScenarioArg = "syria-2020",
    model: Annotated[list[str] | None, typer.Option("--model", "-m", help=_models_help())] = None,
    variant: Annotated[
        str | None, typer.Option(help="EUM variant: 'bdm' (default) or 'scholz2011'.")
    ] = None,
    rounds: Annotated[
        int | None,
        typer.Option(
            help="Maximum bargaining rounds for models that move actors (eum: 10).", min=1
        ),
    ] = None,
    tol: Annotated[
        float | None,
        typer.Option(
            help="Stop when no position moves more than this (0-100 scale; eum: 1e-6).", min=0
        ),
    ] = None,
    trace: Annotated[
        bool, typer.Option("--trace", help="Show round-by-round positions and accepted offers.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
) -> None:
    """Forecast where bargaining ends up on every issue of a scenario.

    SCENARIO is a built-in name or a file (YAML, JSON, or a Bueno de Mesquita / KTAB CSV table);
    the default is the built-in syria-2020.
    """
    options: dict[str, object] = {}
    if variant is not None:
        options["variant"] = variant
    if rounds is not None:
        options["max_rounds"] = rounds
    if tol is not None:
        options["tol"] = tol
    with user_errors():
        moving = {m for m in available_models() if model_options(m)}
        if options and model and not moving & set(model):
            flags = ", ".join(f"--{ {'max_rounds': 'rounds'}.get(k, k) }" for k in options)
            raise InputError(
                f"{flags} only apply to models that move actors ({', '.join(sorted(moving))}); "
                f"add --model {sorted(moving)[0]}"
            )
        if variant is not None and variant not in ("bdm", "scholz2011"):
            raise InputError(f"--variant must be 'bdm' or 'scholz2011'; got {variant!r}")
        s = load(scenario)
        try:
            result = run_forecast(s, model=model or None, **options)
        except (ValueError, TypeError) as exc:
            raise InputError(str(exc)) from None
    if fmt is Format.json:
        print_json(result.to_dict(trace=trace))
        return
    frame = result.to_frame()
    if fmt is Format.csv:
        buf = io.StringIO()
        safe_frame(frame).to_csv(buf, quoting=csv.QUOTE_MINIMAL, float_format="%.4f")
        sys.stdout.write(buf.getvalue())
        return
    table = Table(
        title=f"Forecasts: {escape(s.title)}",
        title_justify="left",
        caption="Positions on each issue's 0–100 scale (ends below).",
        caption_justify="left",
    )
    table.add_column("issue", style="bold", overflow="fold")
    for name in result.forecasts:
        table.add_column(name, justify="right", no_wrap=True)
    for issue_id, row in frame.iterrows():
        issue = s.issue(str(issue_id))
        values = [
            f"{row[name]:.1f}" if row[name] == row[name] else "–" for name in result.forecasts
        ]
        table.add_row(escape(issue.title), *values)
    console.print(table)
    for issue in s.issues:
        console.print(
            f"  [bold]{escape(issue.title)}[/]: 0 = {escape(issue.low)}; 100 = {escape(issue.high)}",
            highlight=False,
        )
    if trace:
        names = {a.id: a.name for a in s.actors}
        for name, run in result.runs.items():
            if run.rounds is None:
                continue
            console.print(
                f"\n[bold]{name}[/]: {run.n_rounds} round(s), "
                f"{'converged' if run.converged else 'stopped at the round limit'}"
            )
            for offer in result.offers(name):
                issue = s.issue(offer.issue)
                console.print(
                    f"  round {offer.round} · {escape(issue.title)} · {escape(offer.describe(names))}",
                    highlight=False,
                )

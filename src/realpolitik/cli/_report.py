"""The ``report`` command: one self-contained HTML file with every result and plot."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._app import (
    app,
    console,
    escape,
    load,
    require_extra,
    user_errors,
    write_atomic,
)
from realpolitik.cli._options import QuietOption, ScenarioArg, ShocksOption
from realpolitik.cli._progress import progress
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import InputError
from realpolitik.report.data import MAX_RUNS


def _planb_pairs(values: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for v in values:
        actor, sep, partner = v.partition(":")
        if not sep or not actor or not partner:
            raise InputError(f"--planb must be ACTOR:PARTNER (e.g. a:b); got {v!r}")
        pairs.append((actor, partner))
    return pairs


@app.command()
def report(
    scenario: ScenarioArg = "syria-2020",
    shock: ShocksOption = None,
    n_runs: Annotated[
        int,
        typer.Option(
            "--runs",
            "-n",
            min=0,
            max=MAX_RUNS,
            help=(
                f"Monte Carlo runs for the intervals (0: none; at most {MAX_RUNS:,}). The time "
                "grows in proportion to the runs (syria-2020: 200 take seconds, 100,000 "
                "about ten minutes)."
            ),
        ),
    ] = 200,
    seed: Annotated[int, typer.Option(min=0, help="Seed of the Monte Carlo runs.")] = 0,
    model: Annotated[
        str, typer.Option("--model", "-m", help="Model of the rounds, Plan B, escalation.")
    ] = HEADLINE_MODEL,
    planb: Annotated[
        list[str] | None,
        typer.Option(
            "--planb",
            help="ACTOR:PARTNER Plan B question (repeatable); by default the scenario's.",
        ),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    quiet: QuietOption = False,
    plotly: Annotated[
        str,
        typer.Option(
            "--plotly",
            help="How the page loads plotly.js: inline (inside the file, opens offline), "
            "local:PATH (a copy at PATH, relative to the report) or cdn (needs the network).",
        ),
    ] = "inline",
    events: Annotated[
        list[str] | None,
        typer.Option(
            "--events",
            help="Dated article files or folders (as for `events`): adds the relation scores "
            "over time (repeatable).",
        ),
    ] = None,
) -> None:
    """Write one HTML report that opens offline.

    Forecasts with Monte Carlo intervals, positions round by round, the relation network,
    Plan B, the escalation tree and the explanations; with --events, the relation scores
    over time from dated news. A progress bar of the Monte Carlo runs goes to stderr when it
    is a terminal (not with --quiet).
    """
    require_extra("report", "report")
    from realpolitik.report import build_report

    with user_errors():
        s = load(scenario)
        series = None
        if events:
            require_extra("ingest", "report --events")
            from realpolitik.ingest.run import event_series
            from realpolitik.report.html import plotly_script

            plotly_script(plotly)  # a bad --plotly fails before the news is read
            series, _, _ = event_series(events, scenario=scenario)
        questions = _planb_pairs(planb) if planb else None
        with progress("report: Monte Carlo", "runs", quiet=quiet or n_runs == 0) as update:
            page = build_report(
                s,
                shock or [],
                n_runs=n_runs,
                seed=seed,
                model=model,
                planb=questions,
                plotly=plotly,
                events=series,
                progress=update,
            )
        write_atomic(output, page)
    size = output.stat().st_size / 1e6
    console.print(f"wrote {escape(str(output))} ({size:.1f} MB)", highlight=False)

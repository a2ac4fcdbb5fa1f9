"""The ``explain`` command: a plain-language account of one actor, citing its inputs."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.analysis.explain import explain_actor
from realpolitik.cli._app import TableOrJson, app, console, escape, load, print_json, user_errors
from realpolitik.cli._scenario_cmds import ScenarioArg


@app.command()
def explain(
    scenario: ScenarioArg = "syria-2020",
    actor: Annotated[str, typer.Option("--actor", "-a", help="The actor to explain.")] = ...,  # type: ignore[assignment]
    without: Annotated[
        str | None,
        typer.Option(
            "--without",
            "-w",
            help="The partner whose loss the Plan B part considers (default: the costliest).",
        ),
    ] = None,
    model: Annotated[str, typer.Option("--model", "-m", help="Forecasting model.")] = "eum",
    evidence: Annotated[
        bool,
        typer.Option("--evidence/--no-evidence", help="List the cited inputs with their quotes."),
    ] = True,
    fmt: Annotated[
        TableOrJson, typer.Option("--format", help="table (text) or json.")
    ] = TableOrJson.table,
) -> None:
    """Explain an actor: what it wants, whom it stands with, its offers, shocks and Plan B."""
    with user_errors():
        s = load(scenario)
        result = explain_actor(s, actor, model=model, without=without)
    if fmt is TableOrJson.json:
        print_json(result.to_dict())
        return
    console.print(f"[bold]{escape(result.name)}[/] in {escape(s.title)}", highlight=False)
    console.print(escape(result.to_text(evidence=evidence)), highlight=False, soft_wrap=True)

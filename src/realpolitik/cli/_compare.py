"""The ``compare`` command: baseline and shocked forecasts side by side."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from realpolitik.cli._app import (
    TableOrJson,
    TableOrJsonOption,
    app,
    console,
    escape,
    load,
    print_json,
    user_errors,
)
from realpolitik.cli._scenario_cmds import ScenarioArg
from realpolitik.engine import available_models
from realpolitik.forecasting import compare as run_compare


@app.command()
def compare(
    scenario: ScenarioArg = "syria-2020",
    shock: Annotated[
        list[str],
        typer.Option(
            "--shock", "-s", help="A shock of the scenario (repeatable; applied in order)."
        ),
    ] = None,  # type: ignore[assignment]
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            "-m",
            help="Model to run (repeatable; default: every model). Known: "
            + ", ".join(available_models()),
        ),
    ] = None,
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """Apply named shocks to a copy of the scenario and compare forecasts with the baseline."""
    with user_errors():
        s = load(scenario)
        result = run_compare(s, shock or [], model=model or None)
    if fmt is TableOrJson.json:
        print_json(result.to_dict())
        return
    table = Table(
        title=f"{escape(s.title)}: baseline vs {escape(' + '.join(result.shocks))}",
        title_justify="left",
    )
    for col in ("issue", "model", "baseline", "shocked", "change"):
        table.add_column(col, justify="left" if col in ("issue", "model") else "right")
    frame = result.to_frame()  # columns: issue, model, baseline, shocked, change
    emptied = set(result.baseline.issue_ids) - set(result.shocked.issue_ids)
    for issue, name, before, after, diff in frame.itertuples(index=False, name=None):
        # "–": the model gives no forecast (e.g. nash without a status quo); "issue emptied":
        # the shocks removed every actor of the issue.
        if issue in emptied:
            shocked = "issue emptied"
        else:
            shocked = "–" if after != after else f"{after:.1f}"
        base = "–" if before != before else f"{before:.1f}"
        change = "" if diff != diff else f"{diff:+.1f}"
        table.add_row(escape(s.issue(issue).title), name, base, shocked, change)
    console.print(table)
    console.print(escape(result.summary()))

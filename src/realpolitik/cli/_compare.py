"""The ``compare`` command: baseline and shocked forecasts side by side."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli._app import (
    app,
    console,
    escape,
    load,
    no_status_quo_note,
    print_json,
    titled_table,
    user_errors,
)
from realpolitik.cli._options import (
    SaveOption,
    ScenarioArg,
    StoreOption,
    TableOrJson,
    TableOrJsonOption,
)
from realpolitik.cli._record import record, started
from realpolitik.engine import available_models
from realpolitik.forecasting import compare as run_compare
from realpolitik.scenario.scale import decimals, format_value, has_own_scale, issue_scale


@app.command()
def compare(
    ctx: typer.Context,
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
    save: SaveOption = True,
    store: StoreOption = None,
) -> None:
    """Apply named shocks to a copy of the scenario and compare forecasts with the baseline."""
    t0 = started()
    with user_errors():
        s = load(scenario)
        result = run_compare(s, shock or [], model=model or None)
    payload = result.to_dict()
    record(
        ctx,
        save=save,
        store=store,
        source=scenario,
        title=s.title,
        results=payload,
        models=list(result.baseline.runs),
        t0=t0,
        forecasts=(result.baseline, result.shocked),
        prefixes=("baseline:", "shocked:"),
    )
    if fmt is TableOrJson.json:
        print_json(payload)
        return
    table = titled_table(
        title=f"{escape(s.title)}: baseline vs {escape(' + '.join(result.shocks))}",
        title_justify="left",
    )
    own = any(has_own_scale(i) for i in s.issues)
    if own:
        table.caption = "On each issue's own scale; 0–100 in brackets."
        table.caption_justify = "left"
    for col in ("issue", "model", "baseline", "shocked", "change"):
        table.add_column(col, justify="left" if col in ("issue", "model") else "right")
    frame = result.to_frame()  # columns: issue, model, baseline, shocked, change
    emptied = set(result.baseline.issue_ids) - set(result.shocked.issue_ids)
    for issue, name, before, after, diff in frame.itertuples(index=False, name=None):
        # "–": the model gives no forecast (e.g. nash without a status quo); "issue emptied":
        # the shocks removed every actor of the issue.
        scale = issue_scale(s.issue(issue))
        scaled = has_own_scale(s.issue(issue))

        def show(v: float, scale: tuple[float, float] = scale, scaled: bool = scaled) -> str:
            return format_value(v, scale) + (f" ({v:.1f})" if scaled else "")

        if issue in emptied:
            shocked = "issue emptied"
        else:
            shocked = "–" if after != after else show(after)
        base = "–" if before != before else show(before)
        change = ""
        if diff == diff:
            unit = (scale[1] - scale[0]) / 100.0
            change = f"{diff * unit:+.{decimals(scale)}f}" + (f" ({diff:+.1f})" if scaled else "")
        table.add_row(escape(s.issue(issue).title), name, base, shocked, change)
    console.print(table)
    gap = no_status_quo_note(s, result.baseline.forecasts)
    if gap:
        console.print(escape(gap), highlight=False)
    console.print(escape(result.summary()))

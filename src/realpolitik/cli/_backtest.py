"""The ``backtest`` command: score models against the outcomes of real EU decisions (DEU III)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from realpolitik._csv import safe_frame
from realpolitik.analysis.backtest import DEFAULT_MODELS, known_models
from realpolitik.analysis.backtest import backtest as run_backtest
from realpolitik.cli._app import (
    TableOrJson,
    TableOrJsonOption,
    app,
    console,
    print_json,
    user_errors,
    write_atomic,
)
from realpolitik.engine.eum import DEFAULT_MAX_ROUNDS
from realpolitik.scenario.deu import load_deu


@app.command()
def backtest(
    file: Annotated[Path, typer.Argument(help="The DEU III file (tab-separated, e.g. deu3.csv).")],
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            "-m",
            help=f"Model to score (repeatable); default: {', '.join(DEFAULT_MODELS)}.",
        ),
    ] = None,
    rounds: Annotated[
        int, typer.Option(help="Maximum rounds of the EUM models.", min=0)
    ] = DEFAULT_MAX_ROUNDS,
    fmt: TableOrJsonOption = TableOrJson.table,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write every issue's forecasts to this CSV.")
    ] = None,
) -> None:
    """Score forecasting models on the DEU III issues that have a known outcome.

    Prints per model the mean and median absolute error (0-100 scale) and the share of issues
    forecast within 10 points. Models needing a status quo (nash, status-quo) are scored on the
    issues that have one.
    """
    with user_errors():
        data = load_deu(file)
        result = run_backtest(data, model or None, max_rounds=rounds)
        if out is not None:
            frame = safe_frame(result.per_issue)
            write_atomic(out, lambda tmp: frame.to_csv(tmp, index=False, float_format="%.4f"))
    if fmt is TableOrJson.json:
        print_json(result.to_dict())
        return
    table = Table(
        title=f"Backtest on {result.per_issue.shape[0]} issues with an outcome ({file.name})",
        title_justify="left",
    )
    for name, justify in (
        ("model", "left"),
        ("n", "right"),
        ("MAE", "right"),
        ("median AE", "right"),
        ("within 10", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for label, row in result.summary.iterrows():
        table.add_row(
            str(label),
            f"{int(row['n'])}",
            f"{row['mae']:.2f}",
            f"{row['median_ae']:.2f}",
            f"{row['within10']:.1%}",
        )
    console.print(table)
    if out is not None:
        console.print(f"per-issue forecasts written to {out}", highlight=False)
    console.print(f"known models: {', '.join(known_models())}", style="dim", highlight=False)

"""The ``backtest`` command: score models against the outcomes of real EU decisions (DEU III)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik._csv import safe_frame
from realpolitik.analysis.backtest import DEFAULT_MODELS, known_models
from realpolitik.analysis.backtest import backtest as run_backtest
from realpolitik.cli._app import app, console, print_json, titled_table, user_errors, write_atomic
from realpolitik.cli._options import (
    QuietOption,
    SaveOption,
    StoreOption,
    TableOrJson,
    TableOrJsonOption,
)
from realpolitik.cli._progress import progress
from realpolitik.cli._record import record, started
from realpolitik.engine.eum import DEFAULT_MAX_ROUNDS, REL_MAX_ROUNDS
from realpolitik.scenario.deu import load_deu


@app.command()
def backtest(
    ctx: typer.Context,
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
        int,
        typer.Option(
            help=(
                "Maximum rounds of eum and its variants (eum-scholz2011, ...); not of eum-rel, "
                f"which runs until no position moves (at most {REL_MAX_ROUNDS} rounds)."
            ),
            min=0,
        ),
    ] = DEFAULT_MAX_ROUNDS,
    fmt: TableOrJsonOption = TableOrJson.table,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write every issue's forecasts to this CSV.")
    ] = None,
    save: SaveOption = True,
    store: StoreOption = None,
    quiet: QuietOption = False,
) -> None:
    """Score forecasting models on the DEU III issues that have a known outcome.

    Prints per model the mean and median absolute error (0-100 scale), the share of issues
    forecast within 10 points, the coverage and mean width of its 80% conformal intervals
    (calibrated leave-one-proposal-out), and its gain over the weighted mean with a 95%
    cluster-bootstrap interval over proposals; then the errors by issue type, procedure and
    Council rule, and the coverage of the prediction sets over the actors' positions. Models
    needing a status quo (nash, status-quo) are scored on the issues that have one; the
    ensemble on its nested cross-validated forecasts. All default models take about two
    minutes (smp and the ensemble's cross-validation most of it); a progress bar goes to
    stderr when it is a terminal (not with --quiet).
    """
    t0 = started()
    with user_errors():
        data = load_deu(file)
        with progress("backtest", "models", quiet=quiet) as update:
            result = run_backtest(data, model or None, max_rounds=rounds, progress=update)
        if out is not None:
            frame = safe_frame(result.per_issue)
            write_atomic(out, lambda tmp: frame.to_csv(tmp, index=False, float_format="%.4f"))
    payload = result.to_dict()
    record(
        ctx,
        save=save,
        store=store,
        source=file,
        title=f"DEU backtest ({file.name})",
        results=payload,
        models=list(model or DEFAULT_MODELS),
        t0=t0,
        input_param="file",
    )
    if fmt is TableOrJson.json:
        print_json(payload)
        return
    table = titled_table(
        title=f"Backtest on {result.per_issue.shape[0]} issues with an outcome ({file.name})",
        title_justify="left",
    )
    for name, justify in (
        ("model", "left"),
        ("n", "right"),
        ("MAE", "right"),
        ("median AE", "right"),
        ("in 10", "right"),
        ("cov80", "right"),
        ("width", "right"),
    ):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    gains = titled_table(
        title="Gain in MAE over the weighted mean (cluster bootstrap over proposals)",
        title_justify="left",
    )
    for name, justify in (
        ("model", "left"),
        ("gain", "right"),
        ("95% low", "right"),
        ("95% high", "right"),
        ("real?", "left"),
    ):
        gains.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for label, row in result.summary.iterrows():
        table.add_row(
            str(label),
            f"{int(row['n'])}",
            f"{row['mae']:.2f}",
            f"{row['median_ae']:.2f}",
            f"{row['within10']:.1%}",
            f"{row['coverage80']:.1%}",
            f"{row['interval_width']:.1f}",
        )
        if label != "mean":
            real = row["gain_low"] > 0 or row["gain_high"] < 0
            gains.add_row(
                str(label),
                f"{row['gain']:+.2f}",
                f"{row['gain_low']:+.2f}",
                f"{row['gain_high']:+.2f}",
                ("better" if row["gain"] > 0 else "worse") if real else "no clear difference",
            )
    console.print(table)
    if gains.row_count:
        console.print(gains)
    frame = result.breakdown
    if not frame.empty:
        pivot = frame.pivot_table(index="model", columns=["by", "group"], values="mae", sort=False)
        short = {"binary": "bin", "continuous": "cont"}
        counts = []
        for key in pivot.columns:
            by, group = str(key[0]), str(key[1])
            n = int(frame[(frame["by"] == by) & (frame["group"] == group)]["n"].max())
            counts.append(f"{short.get(group, group)} {n}")
        by_table = titled_table(
            title=f"MAE by issue type, procedure and Council rule (issues: {', '.join(counts)})",
            title_justify="left",
        )
        by_table.add_column("model", no_wrap=True)
        for key in pivot.columns:
            by_table.add_column(short.get(str(key[1]), str(key[1])), justify="right", no_wrap=True)
        for label, row in pivot.iterrows():
            by_table.add_row(str(label), *(f"{v:.2f}" for v in row.tolist()))
        console.print(by_table)
    if result.prediction_sets:
        sets = titled_table(
            title="Prediction sets over the actors' positions (80%, leave-one-proposal-out)",
            title_justify="left",
        )
        for name in ("model", "holds nearest", "holds outcome", "mean size"):
            sets.add_column(name, justify="left" if name == "model" else "right")
        for name, d in result.prediction_sets.items():
            sets.add_row(
                name, f"{d['coverage']:.1%}", f"{d['exact_coverage']:.1%}", f"{d['mean_size']:.2f}"
            )
        console.print(sets)
    tried = result.configurations
    if tried.get("ensemble_settings"):
        console.print(
            f"configurations: {tried['models']} forecasts scored; the ensemble's inner CV chose "
            f"among {tried['ensemble_settings']} settings; {tried['ensemble_design_explored']} "
            "ensemble designs were explored on these issues before its design was fixed "
            "(docs/backtest.md)",
            style="dim",
            highlight=False,
        )
    if out is not None:
        console.print(f"per-issue forecasts written to {out}", highlight=False)
    console.print(f"known models: {', '.join(known_models())}", style="dim", highlight=False)

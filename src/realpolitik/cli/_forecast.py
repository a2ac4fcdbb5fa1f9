"""The ``forecast`` command."""

from __future__ import annotations

import csv
import io
import sys
from typing import Annotated

import typer
from rich import box

from realpolitik._csv import safe_frame
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
from realpolitik.cli._options import Format, QuietOption, SaveOption, ScenarioArg, StoreOption
from realpolitik.cli._progress import progress
from realpolitik.cli._record import record, started
from realpolitik.engine import available_models
from realpolitik.engine.eum import VARIANTS
from realpolitik.engine.optional import optional_models
from realpolitik.engine.registry import model_options
from realpolitik.exceptions import InputError
from realpolitik.forecasting import STABILITY_DRAWS, ForecastResult, stability_fits
from realpolitik.forecasting import forecast as run_forecast
from realpolitik.scenario import Scenario
from realpolitik.scenario.scale import format_value, has_own_scale, issue_scale, to_scale

#: Above this many actors the stability figure is left out unless asked for (--stability):
#: 50 reruns of eum-rel, O(n³) per round with relations, would dominate the command.
STABILITY_MAX_ACTORS = 40


def _models_help() -> str:
    return (
        "Model to run (repeatable); the baselines mean and median always run. Known: "
        + ", ".join(available_models())
    )


@app.command()
def forecast(
    ctx: typer.Context,
    scenario: ScenarioArg = "syria-2020",
    model: Annotated[list[str] | None, typer.Option("--model", "-m", help=_models_help())] = None,
    variant: Annotated[
        str | None,
        typer.Option(
            help="EUM variant: 'bdm' (default), 'scholz2011' (the paper) or "
            "'scholz2011-replication' (the public replication: no capitulation)."
        ),
    ] = None,
    rounds: Annotated[
        int | None,
        typer.Option(
            help="Maximum bargaining rounds for models that move actors (eum: 10; eum-rel: until no position moves, at most 100).",
            min=1,
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
    stable: Annotated[
        bool | None,
        typer.Option(
            "--stability/--no-stability",
            help=f"Each forecast's stability: the share of {STABILITY_DRAWS} small-perturbation "
            "draws (positions ±2.5 points, saliences and capabilities ±5 %) within 10 points. "
            "Default: on for the table and JSON of scenarios up to "
            f"{STABILITY_MAX_ACTORS} actors whose reruns fit the work limit "
            f"(it reruns every model {STABILITY_DRAWS} times).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
    save: SaveOption = True,
    store: StoreOption = None,
    quiet: QuietOption = False,
) -> None:
    """Forecast where bargaining ends up on every issue of a scenario.

    SCENARIO is a built-in name or a file (YAML, JSON, a Bueno de Mesquita / KTAB CSV table, or
    a KTAB XML file); the default is the built-in syria-2020. Forecasts are shown on each issue's
    own scale (its `scale: [lo, hi]`, or a table's lowest..highest position) with the 0-100
    value in brackets; JSON and CSV carry both. While the stability figure is computed a
    progress bar goes to stderr when it is a terminal (not with --quiet).
    """
    t0 = started()
    options: dict[str, object] = {}
    if variant is not None:
        options["variant"] = variant
    if rounds is not None:
        options["max_rounds"] = rounds
    if tol is not None:
        options["tol"] = tol
    with user_errors():
        # Models taking every flag given; optional ones (smp) are not offered as the default.
        takers = {m for m in available_models() if set(options) <= set(model_options(m))}
        moving = (takers - optional_models()) or takers
        if options and model and not takers & set(model):
            flags = ", ".join(f"--{ {'max_rounds': 'rounds'}.get(k, k) }" for k in options)
            raise InputError(
                f"{flags} only apply to models that move actors ({', '.join(sorted(moving))}); "
                f"add --model {sorted(moving)[0]}"
            )
        if variant is not None and variant not in VARIANTS:
            raise InputError(f"--variant must be one of {', '.join(VARIANTS)}; got {variant!r}")
        s = load(scenario)
        try:
            if stable is None:
                stable = (
                    fmt is not Format.csv
                    and len(s.actors) <= STABILITY_MAX_ACTORS
                    and stability_fits(s, model or None, **options)
                )
                ctx.params["stable"] = stable  # what the run store replays
            # The stability figure reruns every model on many draws: a bar on a terminal.
            with progress("forecast", "steps", quiet=quiet or not stable) as update:
                result = run_forecast(
                    s, model=model or None, with_stability=stable, progress=update, **options
                )
        except (ValueError, TypeError) as exc:
            raise InputError(str(exc)) from None
    payload = result.to_dict(trace=trace)
    # The coalitions of the headline moving model (docs/coalitions.md): in the JSON, and in the
    # recorded results whatever the format, so that `runs rerun` compares like with like.
    with user_errors():
        from realpolitik.analysis.coalitions import coalitions

        payload["coalitions"] = coalitions(result).to_dict()
    record(
        ctx,
        save=save,
        store=store,
        source=scenario,
        title=s.title,
        results=payload,
        models=list(result.runs),
        t0=t0,
        forecasts=(result,),
    )
    if fmt is Format.json:
        print_json(payload)
        return
    scales = {i.id: issue_scale(i) for i in s.issues}
    if fmt is Format.csv:
        frame = result.to_frame()
        frame["scale_low"] = [scales[str(i)][0] for i in frame.index]
        frame["scale_high"] = [scales[str(i)][1] for i in frame.index]
        for name in result.forecasts:
            frame[f"{name}_on_scale"] = [
                to_scale(float(v), scales[str(i)]) for i, v in frame[name].items()
            ]
        buf = io.StringIO()
        safe_frame(frame).to_csv(buf, quoting=csv.QUOTE_MINIMAL, float_format="%.4f")
        sys.stdout.write(buf.getvalue())
        return
    own = any(has_own_scale(i) for i in s.issues)
    table = titled_table(
        title=f"Forecasts: {escape(s.title)}",
        title_justify="left",
        # no vertical rules, one space between columns: seven model columns and readable
        # issue titles fit 80 columns
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        show_edge=False,
        caption=(
            "Positions on each issue's own scale, 0–100 in brackets (ends below)."
            if own
            else "Positions on each issue's 0–100 scale (ends below)."
        ),
        caption_justify="left",
    )
    table.add_column("issue", style="bold", overflow="fold")
    for name in result.forecasts:
        # "13.62 (55.0)" may wrap at its space rather than be cut
        table.add_column(name, justify="right", no_wrap=not own, overflow="fold")
    at_sq = result.nash_is_status_quo()
    for k, issue_id in enumerate(result.issue_ids):
        issue = s.issue(issue_id)
        scale = scales[issue.id]
        values = []
        for name in result.forecasts:
            v = float(result.forecasts[name][k])
            text = format_value(v, scale)
            if has_own_scale(issue) and v == v:
                text += f" ({v:.1f})"
            if name == "nash" and at_sq.get(issue_id):
                text += " =sq"
            values.append(text)
        table.add_row(escape(issue.title), *values)
    if any(at_sq.values()):
        table.caption = (
            f"{table.caption} =sq: nash is the status quo. With actors on both sides of the "
            "status quo every move leaves one of them worse off than no agreement, so the Nash "
            "bargaining solution is the status quo itself: no forecast of movement."
        )
    gap = no_status_quo_note(s, result.forecasts)
    if gap:
        table.caption = f"{table.caption} {gap}"
    console.print(table)
    for issue in s.issues:
        if has_own_scale(issue):
            lo, hi = scales[issue.id]
            console.print(
                f"  [bold]{escape(issue.title)}[/]: on {lo:g} to {hi:g} (0–100 in brackets); "
                f"low end: {escape(issue.low)}; high end: {escape(issue.high)}",
                highlight=False,
            )
        else:
            console.print(
                f"  [bold]{escape(issue.title)}[/]: 0 = {escape(issue.low)}; 100 = {escape(issue.high)}",
                highlight=False,
            )
    if result.stability:
        _stability_table(s, result)
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
                line = offer.describe(names, scales[issue.id])
                console.print(
                    f"  round {offer.round} · {escape(issue.title)} · {escape(line)}",
                    highlight=False,
                )


def _stability_table(s: Scenario, result: ForecastResult) -> None:
    """Print the stability of each moving model's headline forecast (the JSON has them all)."""
    shown = [
        next(iter(run.forecasts))
        for run in result.runs.values()
        if run.positions is not None and next(iter(run.forecasts)) in result.stability
    ]
    if not shown:
        return
    table = titled_table(
        title=f"Stability: share of {STABILITY_DRAWS} small-perturbation draws within 10 points"
    )
    table.add_column("issue", style="bold", no_wrap=True)
    for name in shown:
        table.add_column(name, justify="right", no_wrap=True)
    fragile = False
    for k, issue_id in enumerate(result.issue_ids):
        cells = []
        for name in shown:
            share = float(result.stability[name][k])
            fragile = fragile or share < 0.8
            cells.append("–" if share != share else f"{share:.0%}" + ("*" if share < 0.8 else ""))
        table.add_row(escape(issue_id), *cells)
    console.print(table)
    console.print(
        ("* below 80 %: a small change of the inputs moves the forecast far; " if fragile else "")
        + "--format json has the stability of every forecast.",
        highlight=False,
    )

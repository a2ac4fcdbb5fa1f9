"""The ``planb`` command: rank the substitutes for a lost partner."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.measure import Measurement
from rich.table import Table

from realpolitik.analysis.planb import PlanBResult, plan_b
from realpolitik.cli._app import (
    app,
    console,
    err_console,
    escape,
    load,
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
from realpolitik.engine.registry import HEADLINE_MODEL

#: Issues of the price shown per candidate in the table (all are in the JSON).
_PRICE_SHOWN = 3


def _price(result: PlanBResult, price: dict[str, float]) -> str:
    items = sorted(price.items(), key=lambda kv: -kv[1])
    shown = [f"{k} {v:.1f}" for k, v in items[:_PRICE_SHOWN]]
    if len(items) > _PRICE_SHOWN:
        shown.append(f"(+{len(items) - _PRICE_SHOWN} more)")
    return "\n".join(shown) or "-"


def _render(result: PlanBResult, title: str) -> None:
    console.print(
        f"[bold]{escape(title)}[/]: Plan B for {escape(result.actor)} without "
        f"{escape(result.without)}",
        highlight=False,
    )
    console.print(
        f"expected outcome of {escape(result.actor)} ({result.model}): with "
        f"{escape(result.without)} {result.outcome_with:.3f}, without {result.outcome_without:.3f}"
        f" (loss {result.loss:+.3f})",
        highlight=False,
    )
    rules = ", ".join(r.text for r in result.rules) or "none"
    console.print(f"rules: {escape(rules)}", highlight=False)
    for w in result.warnings:
        err_console.print(f"warning: {escape(w)}", highlight=False)
    if result.best is not None:
        console.print(
            f"Plan B: [bold]{escape(result.best.id)}[/] (meets every rule; both sides gain)",
            highlight=False,
        )
    elif len(result.tied) > 1:
        console.print(
            f"no single Plan B: {', '.join(escape(c.id) for c in result.tied)} tie",
            highlight=False,
        )
    else:
        console.print(
            "no Plan B: no candidate meets every rule with a gain for both sides",
            highlight=False,
        )
    table = _candidates_table(result, with_fails=True)
    if (
        Measurement.get(console, console.options.update_width(10_000), table).maximum
        > console.width
    ):
        # Too narrow for the failed rules in a column (piped output is 80 wide): they go below
        # the table, one line per candidate, where they can wrap.
        table = _candidates_table(result, with_fails=False)
        console.print(table)
        for c in result.candidates:
            if c.fails:
                console.print(
                    f"#{c.rank} {escape(c.id)} fails: {escape(', '.join(c.fails))}",
                    highlight=False,
                    soft_wrap=True,
                )
        return
    console.print(table)


def _candidates_table(result: PlanBResult, with_fails: bool) -> Table:
    table = titled_table(
        title="Candidates (rules met first, then by gain in expected outcome)",
        title_justify="left",
    )
    columns = [
        ("#", "right"),
        ("candidate", "left"),
        ("ok", "left"),
        ("gain", "right"),
        ("of loss", "right"),
        ("its gain", "right"),
        ("price (points)", "left"),
    ]
    if with_fails:
        columns.append(("fails", "left"))
    for col, justify in columns:
        # Numbers never wrap; names and rules fold if even the narrow table is too wide.
        wraps = col in ("candidate", "price (points)", "fails")
        table.add_column(col, justify=justify, no_wrap=not wraps, overflow="fold")  # type: ignore[arg-type]
    for c in result.candidates:
        rec = result.recovered(c.id)
        row = [
            str(c.rank),
            escape(c.id),
            "yes" if c.passes else "no",
            f"{c.gain:+.3f}",
            "-" if rec is None else f"{rec:.0%}",
            f"{c.partner_gain:+.3f}",
            escape(_price(result, c.price)),
        ]
        if with_fails:
            row.append(escape("\n".join(c.fails) or "-"))
        table.add_row(*row)
    return table


@app.command()
def planb(
    ctx: typer.Context,
    scenario: ScenarioArg = "syria-2020",
    actor: Annotated[
        str, typer.Option("--actor", "-a", help="The actor that needs a Plan B.")
    ] = ...,  # type: ignore[assignment]
    without: Annotated[str, typer.Option("--without", "-w", help="The partner it loses.")] = ...,  # type: ignore[assignment]
    require: Annotated[
        list[str] | None,
        typer.Option(
            "--require",
            "-r",
            help="A rule partners must meet, e.g. not-allied-with:us, min-capability:30, "
            "relation-at-least:partnership, has-tag:T, kind:state, not:X, partner-gains "
            "(repeatable; added to the actor's partner_rules).",
        ),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", "-m", help="Model that forecasts the whole system.")
    ] = HEADLINE_MODEL,
    pair_model: Annotated[
        str,
        typer.Option(
            help="Model run on the actor and one candidate to find where they meet "
            "(median: each gets its way where it weighs more; mean: split every issue)."
        ),
    ] = "median",
    scenario_rules: Annotated[
        bool,
        typer.Option(
            "--scenario-rules/--no-scenario-rules",
            help="Apply the actor's partner_rules from the scenario file.",
        ),
    ] = True,
    fmt: TableOrJsonOption = TableOrJson.table,
    save: SaveOption = True,
    store: StoreOption = None,
) -> None:
    """Rank the substitutes for a lost partner: the gain, the price, and the rules each breaks."""
    t0 = started()
    with user_errors():
        s = load(scenario)
        result = plan_b(
            s,
            actor,
            without,
            rules=require or [],
            model=model,
            pair_model=pair_model,
            use_scenario_rules=scenario_rules,
        )
    payload = result.to_dict()
    record(
        ctx,
        save=save,
        store=store,
        source=scenario,
        title=s.title,
        results=payload,
        models=[model, pair_model],
        t0=t0,
    )
    if fmt is TableOrJson.json:
        print_json(payload)
        return
    _render(result, s.title)

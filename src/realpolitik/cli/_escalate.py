"""The ``escalate`` command: an escalation tree solved as a logit QRE, payoffs from the engine."""

from __future__ import annotations

import math
from typing import Annotated

import typer

from realpolitik.cli._app import app, console, escape, load, print_json, titled_table, user_errors
from realpolitik.cli._options import (
    SaveOption,
    ScenarioArg,
    ShocksOption,
    StoreOption,
    TableOrJson,
    TableOrJsonOption,
)
from realpolitik.cli._record import record, started
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.simulate.escalation import DEFAULT_LAMBDA
from realpolitik.simulate.outcomes import EscalationResult, path_label, solve_escalation


def _pct(p: float) -> str:
    return f"{p:.1%}"


def _num(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.2f}"


def render_escalation(res: EscalationResult) -> None:
    """Print choices, paths, expected payoffs and the payoffs at each outcome."""
    game, qre = res.game, res.qre
    lam = "∞ (subgame perfect)" if math.isinf(res.lam) else f"{res.lam:g}"
    console.print(
        f"[bold]{escape(res.tree.title)}[/] (tree {escape(res.tree.id)}; λ = {lam}; payoffs from "
        f"the {escape(res.forecast_name)} forecast)",
        highlight=False,
    )
    choices = titled_table(
        title="Choices (node: who chooses, how likely it is reached)", title_justify="left"
    )
    choices.add_column("node")
    choices.add_column("actor")
    choices.add_column("reached", justify="right")
    choices.add_column("option")
    choices.add_column("probability", justify="right")
    for i, node in enumerate(game.nodes):
        for j, label in enumerate(node.labels):
            first = j == 0
            choices.add_row(
                escape(node.id) if first else "",
                escape(game.actors[node.actor]) if first else "",
                _pct(qre.reach[i]) if first else "",
                escape(label),
                _pct(qre.probabilities[i, j]),
                end_section=j == len(node.labels) - 1,
            )
    console.print(choices)
    paths = titled_table(title="Paths", title_justify="left")
    paths.add_column("path")
    paths.add_column("outcome")
    paths.add_column("probability", justify="right")
    for k, p in enumerate(game.paths):
        paths.add_row(
            escape(path_label(game, k)),
            escape(game.outcomes[p.outcome]),
            _pct(qre.path_probabilities[k]),
        )
    console.print(paths)
    actors = list(game.actors)
    # Actor columns in groups that fit the terminal (one table per group).
    label_width = max(len("expected"), *(len(o) for o in res.arrays.outcome_ids)) + 3
    room = console.width - label_width - 9
    groups: list[list[int]] = [[]]
    used = 0
    for i, actor in enumerate(actors):
        width = max(len(actor), 5) + 3
        if groups[-1] and used + width > room:
            groups.append([])
            used = 0
        groups[-1].append(i)
        used += width
    for n_group, group in enumerate(groups):
        table = titled_table(
            title="Payoffs at each outcome (own and friends' outcomes, minus costs of fighting, abandonment and typed costs)"
            if n_group == 0
            else None,
            title_justify="left",
        )
        table.add_column("outcome", no_wrap=True)
        table.add_column("p", justify="right", no_wrap=True)
        for i in group:
            table.add_column(escape(actors[i]), justify="right", no_wrap=True, min_width=5)
        for k, out in enumerate(res.arrays.outcome_ids):
            table.add_row(
                escape(out),
                _pct(qre.outcome_probabilities[k]),
                *(_num(res.payoffs[k, i]) for i in group),
                end_section=k == len(res.arrays.outcome_ids) - 1,
            )
        table.add_row("[bold]expected[/]", "", *(f"[bold]{_num(qre.payoffs[i])}[/]" for i in group))
        console.print(table)


@app.command()
def escalate(
    ctx: typer.Context,
    scenario: ScenarioArg = "syria-2020",
    tree: Annotated[
        str | None,
        typer.Option("--tree", "-t", help="The escalation tree (default: the scenario's first)."),
    ] = None,
    lam: Annotated[
        float,
        typer.Option(
            "--lambda",
            help="Rationality λ of the logit choice: 0 random, inf subgame perfect.",
            min=0,
        ),
    ] = DEFAULT_LAMBDA,
    model: Annotated[
        str, typer.Option("--model", "-m", help="The forecasting model behind the payoffs.")
    ] = HEADLINE_MODEL,
    shock: ShocksOption = None,
    fmt: TableOrJsonOption = TableOrJson.table,
    save: SaveOption = True,
    store: StoreOption = None,
) -> None:
    """Solve an escalation tree: choice and path probabilities, each actor's expected payoff.

    Each outcome's payoffs are every actor's expected outcome on the forecast of the scenario
    with the outcome's shocks applied, minus explicit costs; choices follow a logit quantal
    response equilibrium solved by backward induction. Shocks given with --shock apply to the
    scenario before the tree, so they hold in every outcome.
    """
    t0 = started()
    with user_errors():
        s = load(scenario)
        result = solve_escalation(s, tree, lam=lam, model=model, shocks=shock or ())
    payload = result.to_dict()
    record(
        ctx,
        save=save,
        store=store,
        source=scenario,
        title=s.title,
        results=payload,
        models=[model],
        t0=t0,
    )
    if fmt is TableOrJson.json:
        print_json(payload)
        return
    render_escalation(result)

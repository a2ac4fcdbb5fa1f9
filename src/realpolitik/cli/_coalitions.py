"""The ``coalitions`` command: per issue, which actors end up together and with what weight."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.analysis.coalitions import CLOSENESS, DEFAULT_MODEL, find_coalitions
from realpolitik.cli._app import (
    app,
    console,
    escape,
    load,
    plural,
    print_json,
    titled_table,
    user_errors,
)
from realpolitik.cli._options import ScenarioArg, ShocksOption, TableOrJson, TableOrJsonOption
from realpolitik.engine import available_models


@app.command()
def coalitions(
    scenario: ScenarioArg = "syria-2020",
    model: Annotated[
        str,
        typer.Option(
            "--model",
            "-m",
            help="The model whose final positions are grouped (mean and median move no one: "
            "their coalitions are those of the stated positions). Known: "
            + ", ".join(available_models()),
        ),
    ] = DEFAULT_MODEL,
    shock: ShocksOption = None,
    within: Annotated[
        float,
        typer.Option(
            help="Largest distance in points between any two members (default: the backtest's "
            "10; change it only to test sensitivity).",
            min=0,
        ),
    ] = CLOSENESS,
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """Group the actors of every issue into coalitions: all within 10 points, no hostile pair.

    The rule (complete linkage on the final positions with hostile relations as cannot-links)
    is in docs/coalitions.md.
    """
    with user_errors():
        s = load(scenario)
        result = find_coalitions(s, model, shocks=shock or [], within=within)
    if fmt is TableOrJson.json:
        print_json(
            {
                "scenario": s.title,
                "model": result.model,
                "moved": result.moved,
                "within": result.within,
                "shocks": list(shock or []),
                "relations_only": result.relations_only(),
                "coalitions": result.to_dict(),
            }
        )
        return
    names = {a.id: a.name for a in s.actors}
    shocked = f" after {' + '.join(shock)}" if shock else ""
    where = "final positions" if result.moved else "stated positions (the model moves no one)"
    table = titled_table(
        title=f"Coalitions: {escape(s.title)}{escape(shocked)}",
        title_justify="left",
        caption=(
            f"{result.model} {where}; members all within {result.within:g} points, "
            "no hostile pair. Share: of the issue's capability × salience."
        ),
        caption_justify="left",
    )
    table.add_column("issue", style="bold", overflow="fold")
    table.add_column("members", overflow="fold")
    table.add_column("share", justify="right", no_wrap=True)
    table.add_column("position", justify="right", no_wrap=True)
    previous = None
    for c in result.coalitions:
        title = s.issue(c.issue).title if c.issue != previous else ""
        if c.issue != previous and previous is not None:
            table.add_section()
        previous = c.issue
        share = "–" if c.share != c.share else f"{c.share:.0%}"
        table.add_row(
            escape(title),
            escape(", ".join(names.get(m, m) for m in c.members)),
            share,
            f"{c.position:.1f}",
        )
    console.print(table)
    alike = result.relations_only()
    split = [i for i in alike if len(result.on(i)) > 1]
    whole = [i for i in alike if len(result.on(i)) <= 1]
    if split:
        console.print(
            f"On {plural(len(split), 'issue')} ({escape(', '.join(split))}) every actor ends "
            f"within {result.within:g} points of every other: there the hostile relations alone "
            "(and, among the partitions that fit them, the order of the actors in the file) "
            "set the coalitions.",
            highlight=False,
        )
    if whole:
        console.print(
            f"On {plural(len(whole), 'issue')} ({escape(', '.join(whole))}) every actor ends "
            f"within {result.within:g} points of every other and no two of them are hostile: "
            "one coalition holds them all.",
            highlight=False,
        )

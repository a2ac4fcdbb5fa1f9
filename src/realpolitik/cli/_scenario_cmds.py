"""Commands about scenario files: list, show, check, convert."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from realpolitik.cli._app import (
    TableOrJson,
    TableOrJsonOption,
    app,
    console,
    err_console,
    escape,
    load,
    plural,
    print_json,
    user_errors,
    write_atomic,
)
from realpolitik.exceptions import InputError, ScenarioError
from realpolitik.scenario import (
    builtin_scenarios,
    dump_scenario,
    load_scenario,
    scenario_to_data,
    write_table,
)

ScenarioArg = Annotated[
    str,
    typer.Argument(help="A built-in scenario name (see `realpolitik scenarios`) or a file path."),
]


@app.command()
def scenarios(
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """List the built-in scenarios with their titles."""
    if fmt is TableOrJson.json:
        print_json({"scenarios": [{"name": n, "title": t} for n, t in builtin_scenarios().items()]})
        return
    table = Table(title="Built-in scenarios", title_justify="left")
    table.add_column("name", style="bold")
    table.add_column("title")
    for name, title in builtin_scenarios().items():
        table.add_row(name, escape(title))
    console.print(table)


@app.command()
def show(
    scenario: ScenarioArg = "syria-2020",
    fmt: Annotated[
        TableOrJson,
        typer.Option("--format", help="table, or json (the whole scenario in the file format)."),
    ] = TableOrJson.table,
) -> None:
    """Summarise a scenario: actors, issues, relations, shocks and escalation trees."""
    with user_errors():
        s = load(scenario)
    if fmt is TableOrJson.json:
        print_json(scenario_to_data(s))
        return
    console.print(f"[bold]{escape(s.title)}[/]")
    if s.description:
        console.print(escape(s.description.strip()), highlight=False)
    actors = Table(title="Actors", title_justify="left")
    for col in ("id", "name", "kind", "capability", "leader"):
        actors.add_column(col, justify="right" if col == "capability" else "left")
    for a in s.actors:
        actors.add_row(a.id, escape(a.name), a.kind, f"{a.capability:g}", escape(a.leader or ""))
    console.print(actors)
    issues = Table(title="Issues (0 ↔ 100)", title_justify="left")
    for col in ("id", "title", "0 means", "100 means", "actors", "status quo"):
        issues.add_column(col)
    for i in s.issues:
        sq = "" if i.status_quo is None else f"{i.status_quo:g}"
        issues.add_row(
            i.id, escape(i.title), escape(i.low), escape(i.high), str(len(i.positions)), sq
        )
    console.print(issues)
    if s.relations:
        rel = Table(title="Relations", title_justify="left")
        for col in ("between", "type", "weight", "commitment"):
            rel.add_column(col)
        for r in s.relations:
            arrow = " → " if r.commitment == "one-way" else " – "
            rel.add_row(arrow.join(r.between), r.type, f"{r.weight:+.2f}", r.commitment)
        console.print(rel)
    if s.shocks:
        sh = Table(title="Shocks", title_justify="left")
        for col in ("id", "title", "edits"):
            sh.add_column(col)
        for k in s.shocks:
            sh.add_row(k.id, escape(k.title), ", ".join(e.op for e in k.edits))
        console.print(sh)
    for tree in s.escalation:
        console.print(
            f"[bold]Escalation tree[/] {tree.id}: {escape(tree.title)} "
            f"({len(tree.nodes)} decisions, {len(tree.outcomes)} outcomes)"
        )


@app.command()
def check(
    files: Annotated[
        list[str], typer.Argument(help="Scenario files (YAML, JSON or CSV) or built-in names.")
    ],
) -> None:
    """Validate scenario files; exit 0 when all are valid, 2 with every problem when not."""
    bad = 0
    for f in files:
        try:
            s = load_scenario(f)
        except ScenarioError as exc:
            bad += 1
            n = len(exc.problems)
            err_console.print(
                f"[bold red]invalid:[/] {escape(f)} ({n} problem{'s' if n != 1 else ''})"
            )
            for p in exc.problems:
                err_console.print(f"  {p}", markup=False, highlight=False)
            continue
        console.print(
            f"[green]ok:[/] {escape(f)} ({plural(len(s.actors), 'actor')}, "
            f"{plural(len(s.issues), 'issue')}, {plural(len(s.relations), 'relation')}, "
            f"{plural(len(s.shocks), 'shock')})",
            soft_wrap=True,
        )
    if bad:
        raise typer.Exit(2)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="The scenario to read (file or built-in name).")],
    output: Annotated[Path, typer.Argument(help="Where to write: .yaml, .yml, .json or .csv.")],
    form: Annotated[
        str, typer.Option(help="CSV form: 'bdm' (Actor,Capability,Position,Salience) or 'ktab'.")
    ] = "bdm",
) -> None:
    """Convert a scenario between YAML, JSON and the two CSV table forms.

    CSV tables hold only actors, capabilities, positions and saliences: evidence, relations,
    shocks and escalation trees are left out (a note says so).
    """
    with user_errors():
        if form not in ("bdm", "ktab"):
            raise InputError(f"--form must be 'bdm' or 'ktab'; got {form!r}")
        if Path(source).exists() and Path(source).resolve() == output.resolve():
            raise InputError(
                f"{output} is the file being converted; write to another file "
                "(converting rewrites numbers and drops comments)"
            )
        suffix = output.suffix.lower()
        if suffix != ".csv" and form != "bdm":
            raise InputError(f"--form applies to .csv output only; {output.name!r} is not .csv")
        s = load_scenario(source)
        if suffix in (".yaml", ".yml"):
            text = dump_scenario(s, "yaml")
        elif suffix == ".json":
            text = dump_scenario(s, "json")
        elif suffix == ".csv":
            text = write_table(s, form)  # type: ignore[arg-type]
        else:
            raise InputError(
                f"cannot tell the output format from {output.name!r}; use .yaml, .yml, .json or .csv"
            )
        write_atomic(output, text)
    if output.suffix.lower() == ".csv" and (s.relations or s.shocks or s.escalation):
        err_console.print(
            "note: the CSV table keeps actors, capabilities, positions and saliences only; "
            "relations, shocks, trees and evidence were left out."
        )
    if output.suffix.lower() == ".csv" and form == "bdm" and any(i.scale is None for i in s.issues):
        err_console.print(
            "note: a Bueno de Mesquita table carries no scale; reading it back maps each "
            "position column's lowest..highest value onto 0-100 (use --form ktab to keep 0-100)."
        )
    console.print(f"wrote {escape(str(output))}")

"""Commands about scenario files: list, show, check, convert, schema."""

from __future__ import annotations

import sys
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
    plural,
    print_json,
    user_errors,
    write_atomic,
)
from realpolitik.exceptions import InputError, ScenarioError
from realpolitik.scenario import (
    builtin_scenarios,
    builtin_text,
    dump_scenario,
    load_scenario,
    scenario_to_data,
    write_table,
)
from realpolitik.scenario.loader import read_text
from realpolitik.scenario.roundtrip import rewrite_yaml, roundtrip_available
from realpolitik.scenario.scale import has_own_scale, issue_scale
from realpolitik.scenario.schema import schema_text
from realpolitik.scenario.tables import TABLE_SUFFIXES, read_table

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
        s = load_scenario(scenario)
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
    own = any(has_own_scale(i) for i in s.issues)
    for col in ("id", "title", "0 means", "100 means", "actors", "status quo"):
        issues.add_column(col)
    if own:
        issues.add_column("own scale (0 → 100)")
    for i in s.issues:
        sq = "" if i.status_quo is None else f"{i.status_quo:g}"
        row = [i.id, escape(i.title), escape(i.low), escape(i.high), str(len(i.positions)), sq]
        if own:
            lo, hi = issue_scale(i)
            row.append(f"{lo:g} → {hi:g}" if has_own_scale(i) else "")
        issues.add_row(*row)
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
        list[str],
        typer.Argument(help="Scenario files (YAML, JSON, CSV or KTAB XML) or built-in names."),
    ],
) -> None:
    """Validate scenario files; exit 0 when all are valid, 2 with every problem when not.

    For a table, also says how it was read: its form, the salience scale assumed (all
    saliences at most 1: 0-1; otherwise 0-100), each issue's position scale, and the extra
    columns kept as actor data.
    """
    bad = 0
    for f in files:
        try:
            s = load_scenario(f)
            info = _table_info(f)
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
        for line in info:
            console.print(f"  {escape(line)}", highlight=False, soft_wrap=True)
    if bad:
        raise typer.Exit(2)


def _table_info(name: str) -> list[str]:
    """How a table file was read (form, scales assumed, columns kept); nothing for other files."""
    path = Path(name)
    if path.suffix.lower() == ".xml" and path.is_file():
        return [
            "read as a KTAB XML scenario (its ModelParameters, prngSeed and IdealAdjustment "
            "configure KTAB's own engine and are ignored)",
            "saliences read on 0-100: KTAB's format defines them so; divided by 100",
        ]
    if path.suffix.lower() not in TABLE_SUFFIXES or not path.is_file():
        return []
    return read_table(read_text(path), filename=name).info.describe()


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
    shocks and escalation trees are left out (a note says so). YAML written from a YAML file
    keeps its comments and key order when ruamel.yaml is installed (realpolitik[roundtrip]).
    """
    with user_errors():
        if form not in ("bdm", "ktab"):
            raise InputError(f"--form must be 'bdm' or 'ktab'; got {form!r}")
        if Path(source).exists() and Path(source).resolve() == output.resolve():
            raise InputError(
                f"{output} is the file being converted; write to another file "
                "(the original is kept as it is)"
            )
        suffix = output.suffix.lower()
        if suffix != ".csv" and form != "bdm":
            raise InputError(f"--form applies to .csv output only; {output.name!r} is not .csv")
        s = load_scenario(source)
        kept_comments = False
        if suffix in (".yaml", ".yml"):
            text = dump_scenario(s, "yaml")
            original = None
            if source in builtin_scenarios():
                original = builtin_text(source)
            elif Path(source).suffix.lower() in (".yaml", ".yml") and Path(source).is_file():
                original = read_text(source)
            if original is not None:
                rewritten = rewrite_yaml(original, scenario_to_data(s), s)
                kept_comments = rewritten is not None
                text = rewritten or text
                if not kept_comments and "#" in original and not roundtrip_available():
                    err_console.print(
                        'note: comments were dropped; install "realpolitik[roundtrip]" '
                        "(ruamel.yaml) to keep them",
                        markup=False,
                    )
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
    spans = [[p.position for p in i.positions.values()] for i in s.issues]
    rescaled = any(v and (min(v) != 0.0 or max(v) != 100.0) for v in spans)
    if output.suffix.lower() == ".csv" and form == "bdm" and rescaled:
        err_console.print(
            "note: a Bueno de Mesquita table carries no scale; positions are written in each "
            "issue's own units and reading the table back takes each column's lowest..highest "
            "value as its scale (forecasts on the issue's own scale are unchanged; "
            "use --form ktab to keep the 0-100 positions and the declared scale)."
        )
    console.print(f"wrote {escape(str(output))}" + (" (comments kept)" if kept_comments else ""))


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to this file instead of stdout."),
    ] = None,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario file format.

    YAML editors use it for completion and checks: save it next to your scenarios and put
    `# yaml-language-server: $schema=scenario.schema.json` on the first line of a file.
    Cross-references (unknown actors, ...) are beyond a schema: `realpolitik check` finds them.
    """
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    with user_errors():
        write_atomic(output, text)
    console.print(f"wrote {escape(str(output))}")

"""Commands about scenario files: list, show, check, convert, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from realpolitik.cli._app import (
    app,
    console,
    err_console,
    escape,
    load,
    plural,
    print_json,
    titled_table,
    user_errors,
    write_atomic,
)
from realpolitik.cli._options import (  # noqa: F401  (re-exported: the old home)
    DEFAULT_SCENARIO,
    ScenarioArg,
    TableOrJson,
    TableOrJsonOption,
    _note_default_scenario,
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
from realpolitik.scenario.model import (
    Edit,
    Fight,
    RemoveActor,
    ScaleCapability,
    Scenario,
    SetPosition,
    SetRelation,
    SetSalience,
)
from realpolitik.scenario.roundtrip import rewrite_yaml, roundtrip_available
from realpolitik.scenario.scale import format_value, has_own_scale, issue_scale, to_scale
from realpolitik.scenario.schema import schema_text
from realpolitik.scenario.tables import TABLE_SUFFIXES, read_table


@app.command()
def scenarios(
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """List the built-in scenarios with their titles."""
    if fmt is TableOrJson.json:
        print_json({"scenarios": [{"name": n, "title": t} for n, t in builtin_scenarios().items()]})
        return
    table = titled_table(title="Built-in scenarios", title_justify="left")
    table.add_column("name", style="bold")
    table.add_column("title")
    for name, title in builtin_scenarios().items():
        table.add_row(name, escape(title))
    console.print(table)


def _id_column(table: Table, header: str, ids: list[str], **kwargs: object) -> None:
    """A column of ids the user types: never wrapped or cut (as wide as the longest id)."""
    width = max([len(header), *(len(i) for i in ids)])
    table.add_column(header, no_wrap=True, min_width=width, **kwargs)  # type: ignore[arg-type]


def _text_column(table: Table, header: str, texts: list[str], **kwargs: object) -> None:
    """A column of prose: wrapped at spaces, never cut with "…".

    The column is at least as wide as its longest word (up to 10 characters) so that words are
    not broken; a longer word is folded onto the next line.
    """
    longest = max([len(w) for t in texts for w in t.split()] or [len(header)])
    table.add_column(header, overflow="fold", min_width=min(10, longest), **kwargs)  # type: ignore[arg-type]


def describe_edit(edit: Edit, s: Scenario) -> str:
    """One readable line per shock edit: ``set-position iran on escalation → 95``.

    Positions are on the issue's own scale (with the 0–100 value alongside when it has one),
    saliences on 0–1.

    Examples
    --------
    >>> s = load_scenario("syria-2020")
    >>> [describe_edit(e, s) for e in s.shock("iran-support-lost").edits]
    ['remove-actor iran', 'scale-capability hezbollah ×0.5']
    """
    if isinstance(edit, RemoveActor):
        return f"remove-actor {edit.actor}"
    if isinstance(edit, ScaleCapability):
        return f"scale-capability {edit.actor} ×{edit.factor:g}"
    if isinstance(edit, SetPosition):
        value = f"{edit.value:g}"
        try:
            issue = s.issue(edit.issue)
        except KeyError:
            issue = None
        if issue is not None and has_own_scale(issue):
            value = f"{format_value(edit.value, issue_scale(issue))} ({edit.value:g} on 0–100)"
        return f"set-position {edit.actor} on {edit.issue} → {value}"
    if isinstance(edit, SetSalience):
        return f"set-salience {edit.actor} on {edit.issue} → {edit.value:g}"
    if isinstance(edit, SetRelation):
        text = f"set-relation {edit.between[0]} – {edit.between[1]}: {edit.type}"
        extra = []
        if edit.weight is not None:
            extra.append(f"weight {edit.weight:+.2f}")
        if edit.commitment is not None:
            extra.append(f"commitment {edit.commitment}")
        return text + (f" ({', '.join(extra)})" if extra else "")
    if isinstance(edit, Fight):
        a, b = edit.sides
        text = f"fight {', '.join(a)} vs {', '.join(b)}"
        return text + (f" over {', '.join(edit.issues)}" if edit.issues else "")
    return str(getattr(edit, "op", type(edit).__name__))  # pragma: no cover - every op is above


def _cell(s: Scenario, issue_index: int, actor: str) -> str:
    issue = s.issues[issue_index]
    p = issue.positions.get(actor)
    if p is None:
        return "–"
    return f"{format_value(p.position, issue_scale(issue))}/{p.salience:.2f}"


def _issue_groups(widths: list[int], first: int, total: int) -> list[list[int]]:
    """Split issue columns (``widths``) into groups whose table fits ``total`` columns.

    Each column of a rich table with a box takes its width plus 3 (padding and a rule); the
    first column (``first`` wide) is repeated in every group. A group has at least one issue.
    """
    groups: list[list[int]] = []
    used = 1 + first + 3
    for k, w in enumerate(widths):
        if groups and used + w + 3 <= total:
            groups[-1].append(k)
            used += w + 3
        else:
            groups.append([k])
            used = 1 + first + 3 + w + 3
    return groups


def _matrix_json(s: Scenario) -> dict[str, object]:
    return {
        "title": s.title,
        "actors": [a.id for a in s.actors],
        "issues": [
            {
                "id": i.id,
                "scale": list(issue_scale(i)),
                "status_quo": None
                if i.status_quo is None
                else to_scale(i.status_quo, issue_scale(i)),
                "positions": {
                    a: {"position": to_scale(p.position, issue_scale(i)), "salience": p.salience}
                    for a, p in i.positions.items()
                },
            }
            for i in s.issues
        ],
    }


def _print_matrix(s: Scenario) -> None:
    """Actors × issues: position (on each issue's own scale) / salience, split to fit the width."""
    actor_ids = [a.id for a in s.actors]
    rows = [*actor_ids] + (
        ["status quo"] if any(i.status_quo is not None for i in s.issues) else []
    )
    first = max(len("actor"), *(len(r) for r in rows))
    cells = [[_cell(s, k, a) for k in range(len(s.issues))] for a in actor_ids]
    sq = [
        "–" if i.status_quo is None else format_value(i.status_quo, issue_scale(i))
        for i in s.issues
    ]
    heads = []
    for i in s.issues:
        lo, hi = issue_scale(i)
        heads.append((i.id, f"{lo:g}–{hi:g}"))
    widths = [
        max(len(h[0]), len(h[1]), *(len(c[k]) for c in cells), len(sq[k]))
        for k, h in enumerate(heads)
    ]
    groups = _issue_groups(widths, first, console.width)
    for g, group in enumerate(groups):
        part = f" ({g + 1} of {len(groups)})" if len(groups) > 1 else ""
        table = titled_table(title=f"Positions / saliences{part}", title_justify="left")
        table.add_column("actor", no_wrap=True, min_width=first)
        for k in group:
            table.add_column(
                f"{heads[k][0]}\n{heads[k][1]}", justify="right", no_wrap=True, min_width=widths[k]
            )
        for a, row in zip(actor_ids, cells, strict=True):
            table.add_row(a, *(row[k] for k in group))
        if len(rows) > len(actor_ids):
            table.add_section()
            table.add_row("status quo", *(sq[k] for k in group))
        console.print(table)
    console.print(  # below the last table, at the terminal's width rather than the table's
        "Each cell: position on the issue's own scale (under its id) / salience (0–1); "
        "– where the actor takes no part.",
        highlight=False,
    )


@app.command()
def show(
    scenario: ScenarioArg = "syria-2020",
    fmt: Annotated[
        TableOrJson,
        typer.Option("--format", help="table, or json (the whole scenario in the file format)."),
    ] = TableOrJson.table,
    matrix: Annotated[
        bool,
        typer.Option(
            "--matrix",
            help=(
                "Show the actors x issues matrix of position/salience instead (positions on "
                "each issue's own scale); with --format json, the matrix as JSON."
            ),
        ),
    ] = False,
) -> None:
    """Summarise a scenario: actors, issues, relations, shocks and escalation trees.

    With --matrix: one table of every actor's position and salience on every issue, split into
    several tables when the issues do not fit the terminal's width.
    """
    with user_errors():
        s = load(scenario)
    if fmt is TableOrJson.json:
        print_json(_matrix_json(s) if matrix else scenario_to_data(s))
        return
    console.print(f"[bold]{escape(s.title)}[/]")
    if matrix:
        _print_matrix(s)
        return
    if s.description:
        console.print(escape(s.description.strip()), highlight=False)
    actors = titled_table(title="Actors", title_justify="left")
    _id_column(actors, "id", [a.id for a in s.actors])
    _text_column(actors, "name", [a.name for a in s.actors])
    actors.add_column("kind", no_wrap=True)
    actors.add_column("capability", justify="right", no_wrap=True)
    _text_column(actors, "leader", [a.leader or "" for a in s.actors])
    for a in s.actors:
        actors.add_row(a.id, escape(a.name), a.kind, f"{a.capability:g}", escape(a.leader or ""))
    console.print(actors)
    issues = titled_table(title="Issues (0 ↔ 100)", title_justify="left")
    own = any(has_own_scale(i) for i in s.issues)
    _id_column(issues, "id", [i.id for i in s.issues])
    _text_column(issues, "title", [i.title for i in s.issues], ratio=1)
    _text_column(issues, "0 means / 100 means", [f"{i.low} {i.high}" for i in s.issues], ratio=2)
    issues.add_column("actors", justify="right", no_wrap=True)
    issues.add_column("status quo", justify="right")
    if own:
        issues.add_column("own scale (0 → 100)")
    for i in s.issues:
        sq = "" if i.status_quo is None else f"{i.status_quo:g}"
        ends = f"[dim]0:[/] {escape(i.low)}\n[dim]100:[/] {escape(i.high)}"
        row = [i.id, escape(i.title), ends, str(len(i.positions)), sq]
        if own:
            lo, hi = issue_scale(i)
            row.append(f"{lo:g} → {hi:g}" if has_own_scale(i) else "")
        issues.add_row(*row)
    console.print(issues)
    if s.relations:
        rel = titled_table(title="Relations", title_justify="left")
        for col in ("between", "type", "weight", "commitment"):
            rel.add_column(col, no_wrap=True)
        for r in s.relations:
            arrow = " → " if r.commitment == "one-way" else " – "
            rel.add_row(arrow.join(r.between), r.type, f"{r.weight:+.2f}", r.commitment)
        console.print(rel)
    if s.shocks:
        sh = titled_table(title="Shocks", title_justify="left")
        _id_column(sh, "id", [k.id for k in s.shocks])
        sh.add_column("title, then its edits in order", overflow="fold")
        for k in s.shocks:
            lines = [f"[italic]{escape(k.title)}[/]"]
            lines += [f"• {escape(describe_edit(e, s))}" for e in k.edits]
            sh.add_row(k.id, "\n".join(lines))
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
    armed = any(a.military is not None for a in s.actors)
    if output.suffix.lower() == ".csv" and (s.relations or s.shocks or s.escalation or armed):
        left = ["relations", "shocks", "trees", "evidence"] + (
            ["military figures"] if armed else []
        )
        err_console.print(
            "note: the CSV table keeps actors, capabilities, positions and saliences only; "
            f"{', '.join(left[:-1])} and {left[-1]} were left out."
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

"""The ``runs`` commands: list, show, diff and rerun the runs kept in the run store."""

from __future__ import annotations

import io
import json
import shlex
import tempfile
from contextlib import redirect_stdout
from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.cli._app import app, console, escape, fail, print_json, titled_table, user_errors
from realpolitik.cli._options import QuietOption, StoreOption, TableOrJson, TableOrJsonOption
from realpolitik.cli._progress import silenced
from realpolitik.cli._record import SCENARIO_TOKEN
from realpolitik.exceptions import RealpolitikError

runs_app = typer.Typer(
    help="The run store: list, show, diff and rerun the recorded runs.\n\n"
    "Every forecast, compare, planb, escalate, montecarlo and backtest is recorded unless run "
    "with --no-save. The store is one SQLite file: --store PATH, else $REALPOLITIK_STORE, else "
    "runs.sqlite in the platform's data folder (~/.local/share/realpolitik on Linux).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(runs_app, name="runs")

RunArg = Annotated[str, typer.Argument(help="A run id, 'last', or 'last~N' (N runs earlier).")]


def _open(store: Path | None) -> Any:
    from realpolitik.store import RunStore, store_path

    path = store_path(store)
    if path is None:
        fail("the run store is turned off (REALPOLITIK_STORE=off); give --store PATH")
    if not path.exists():
        fail(f"no run store at {escape(str(path))} yet: run a forecast first, or give --store")
    return RunStore(path)


@runs_app.command("list")
def list_runs(
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Newest runs shown.")] = 20,
    command: Annotated[
        str | None, typer.Option("--command", "-c", help="Only the runs of this command.")
    ] = None,
    store: StoreOption = None,
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """List the recorded runs, newest first."""
    from realpolitik.store import store_path

    path = store_path(store)
    with user_errors():
        if path is None or not path.exists():
            rows = []
        else:
            rows = _open(store).list_runs(limit=limit, command=command)
    if fmt is TableOrJson.json:
        print_json([r.__dict__ for r in rows])
        return
    if not rows:
        console.print(f"no runs recorded in {escape(str(path))}", highlight=False)
        return
    table = titled_table(title=f"Runs in {escape(str(path))}", title_justify="left")
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("when (UTC)", no_wrap=True)
    table.add_column("command", no_wrap=True)
    table.add_column("scenario", overflow="fold")
    table.add_column("hash", no_wrap=True)
    table.add_column("models", overflow="fold")
    table.add_column("seed", justify="right", no_wrap=True)
    for r in rows:
        seed = "" if r.seed is None else str(r.seed)
        table.add_row(
            str(r.id),
            r.created.replace("T", " ")[:16],
            r.command,
            escape(Path(r.source).name or r.source),
            r.scenario_hash[:8],
            escape(",".join(r.models)),
            seed if len(seed) <= 8 else seed[:7] + "…",
        )
    console.print(table)


def _leaves(value: Any, path: str = "") -> list[Any]:
    from realpolitik.store import Change

    out: list[Any] = []
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_leaves(v, f"{path}.{k}" if path else str(k)))
    elif (
        isinstance(value, list) and value and all(isinstance(x, dict) and "id" in x for x in value)
    ):
        for x in value:
            out.extend(_leaves({k: v for k, v in x.items() if k != "id"}, f"{path}[{x['id']}]"))
    else:
        out.append(Change(path, None, value))
    return out


@runs_app.command()
def show(
    run: RunArg,
    scenario: Annotated[
        bool, typer.Option("--scenario", help="Print the stored scenario text instead.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Result lines shown.")] = 40,
    store: StoreOption = None,
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """Show one run: inputs, settings, the command line that reruns it, and its results."""
    with user_errors():
        db = _open(store)
        rec = db.get(db.resolve(run))
    if scenario:
        console.out(rec.scenario_text, end="", highlight=False)
        return
    if fmt is TableOrJson.json:
        print_json(
            {
                "id": rec.id,
                "created": rec.created,
                "command": rec.command,
                "source": rec.source,
                "scenario_hash": rec.scenario_hash,
                "version": rec.version,
                "models": rec.models,
                "options": rec.options,
                "seed": rec.seed,
                "argv": rec.argv,
                "duration_s": rec.duration_s,
                "n_positions": len(rec.positions),
                "n_offers": len(rec.offers),
                "results": rec.results,
            }
        )
        return
    console.print(f"[bold]run {rec.id}[/] · {rec.command} · {rec.created}", highlight=False)
    lines = [
        ("scenario", f"{rec.scenario_title or ''} ({rec.source}; sha256 {rec.scenario_hash[:12]})"),
        ("realpolitik", rec.version),
        ("models", ", ".join(rec.models)),
        ("seed", "none" if rec.seed is None else str(rec.seed)),
        ("options", json.dumps(rec.options, ensure_ascii=False, sort_keys=True)),
        (
            "command",
            "realpolitik "
            + " ".join(rec.source if a == SCENARIO_TOKEN else shlex.quote(a) for a in rec.argv),
        ),
        ("rerun", "realpolitik runs rerun " + str(rec.id)),
        ("kept", f"{len(rec.positions)} round positions, {len(rec.offers)} accepted offers"),
    ]
    for key, value in lines:
        console.print(f"  [bold]{key}[/]: {escape(value)}", highlight=False)
    leaves = _leaves(rec.results)
    console.print(f"\n[bold]results[/] ({len(leaves)} values)", highlight=False)
    for leaf in leaves[:limit]:
        value = leaf.after
        shown = (
            f"{value:.4g}" if isinstance(value, float) else json.dumps(value, ensure_ascii=False)
        )
        console.print(f"  {escape(leaf.path)} = {escape(shown)}", highlight=False)
    if len(leaves) > limit:
        console.print(
            f"  ... {len(leaves) - limit} more (--limit, or --format json)", highlight=False
        )


@runs_app.command()
def diff(
    a: RunArg,
    b: Annotated[str, typer.Argument(help="The second run (default: the one after A).")] = "",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Lines per section.")] = 30,
    store: StoreOption = None,
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """Compare two runs: what changed in the inputs and settings, which results moved."""
    from realpolitik.store import diff_runs

    with user_errors():
        db = _open(store)
        id_a = db.resolve(a)
        id_b = db.resolve(b) if b else db.resolve(str(id_a + 1))
        d = diff_runs(db.get(id_a), db.get(id_b))
    if fmt is TableOrJson.json:
        print_json(d.to_dict())
        return
    console.print(f"[bold]run {id_a} → run {id_b}[/]", highlight=False)
    sections = (
        ("inputs", "scenario edits", d.inputs, "same scenario text" if d.same_scenario else ""),
        ("settings", "settings", d.settings, "same settings"),
        ("results", "moved results", d.results, "every result identical"),
    )
    for _, title, changes, empty in sections:
        if not changes:
            if empty:
                console.print(f"[bold]{title}[/]: none ({empty})", highlight=False)
            continue
        console.print(f"[bold]{title}[/] ({len(changes)}):", highlight=False)
        for c in changes[:limit]:
            console.print(f"  {escape(c.describe())}", highlight=False)
        if len(changes) > limit:
            console.print(f"  ... {len(changes) - limit} more (--limit)", highlight=False)


def rerun_results(rec: Any, *, quiet: bool = True) -> dict[str, Any]:
    """Run a stored run's command again on its stored scenario text; return its JSON results.

    Unless ``quiet``, the command's own progress bar (if it draws one) shows on stderr.
    """
    from typer.main import get_command

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"scenario.{rec.scenario_format}"
        path.write_text(rec.scenario_text, encoding="utf-8")
        argv = [str(path) if a == SCENARIO_TOKEN else a for a in rec.argv]
        argv += ["--format", "json", "--no-save"]
        buf = io.StringIO()
        cmd = get_command(app)
        with redirect_stdout(buf), silenced(quiet):
            code = cmd.main(args=argv, prog_name="realpolitik", standalone_mode=False)
        if code not in (None, 0):
            raise RealpolitikError(f"the rerun of run {rec.id} exited with code {code}")
    try:
        out: dict[str, Any] = json.loads(buf.getvalue())
    except ValueError:
        raise RealpolitikError(f"the rerun of run {rec.id} printed no JSON results") from None
    return out


@runs_app.command()
def rerun(
    run: RunArg,
    store: StoreOption = None,
    fmt: TableOrJsonOption = TableOrJson.table,
    quiet: QuietOption = False,
) -> None:
    """Rerun a stored run on its stored scenario and check that every result is reproduced.

    Exit 0 when every number is identical, 1 when any differs (the differences are listed).
    A progress bar (the rerun command's own, if it has one) goes to stderr when it is a
    terminal (not with --quiet).
    """
    import realpolitik
    from realpolitik.store import diff_data

    with user_errors():
        db = _open(store)
        rec = db.get(db.resolve(run))
        again = rerun_results(rec, quiet=quiet)
    changes = list(diff_data(rec.results, again))
    if fmt is TableOrJson.json:
        print_json(
            {
                "run": rec.id,
                "reproduced": not changes,
                "version": {"recorded": rec.version, "now": realpolitik.__version__},
                "differences": [
                    {"path": c.path, "before": c.before, "after": c.after} for c in changes
                ],
            }
        )
    elif not changes:
        console.print(
            f"run {rec.id} ({rec.command}) reproduced exactly: {len(_leaves(rec.results))} "
            "values identical",
            highlight=False,
        )
    else:
        console.print(
            f"[bold red]run {rec.id} ({rec.command}) not reproduced[/]: {len(changes)} "
            f"values differ (recorded with realpolitik {rec.version}, now "
            f"{realpolitik.__version__})",
            highlight=False,
        )
        for c in changes[:30]:
            console.print(f"  {escape(c.describe())}", highlight=False)
    if changes:
        raise typer.Exit(1)

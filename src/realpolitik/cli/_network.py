"""The ``network`` command: the relations as a signed graph."""

from __future__ import annotations

from typing import Annotated, cast

import typer

from realpolitik.analysis.network import NetworkReport, analyse_network
from realpolitik.cli._app import app, console, escape, load, print_json, titled_table, user_errors
from realpolitik.cli._options import ScenarioArg, ShocksOption, TableOrJson, TableOrJsonOption
from realpolitik.exceptions import InputError
from realpolitik.scenario import apply_shocks


def _share(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def _names(items: tuple) -> str:
    return ", ".join(str(v) for v in items) or "-"


def _render(report: NetworkReport, title: str) -> None:
    bal = report.balance
    console.print(
        f"[bold]Signed network: {escape(title)}[/] ({len(report.actors)} actors, "
        f"{report.n_edges} non-neutral relations)",
        highlight=False,
    )
    t = titled_table(title="Structural balance of closed triads", title_justify="left")
    for col in ("triads", "0 neg", "1 neg", "2 neg", "3 neg", "strict", "generalised"):
        t.add_column(col, justify="right")
    t.add_row(str(bal.n_triads), *map(str, bal.counts), _share(bal.strict), _share(bal.generalised))
    console.print(t)
    if bal.unbalanced:
        triples = "; ".join("-".join(map(str, tri)) for tri in bal.unbalanced)
        console.print(f"strictly unbalanced triads: {escape(triples)}", highlight=False)

    for f, label in (
        (report.frustration, "frustration index"),
        (report.weighted_frustration, "weighted frustration"),
    ):
        value = f"{f.value:g}" if not f.weighted else f"{f.value:.2f}"
        total = f"{f.total:g}" if not f.weighted else f"{f.total:.2f}"
        edges = "; ".join(f"{a}-{b}" for a, b in f.frustrated_edges) or "none"
        console.print(
            f"[bold]{label}[/]: {value} of {total} ({f.method}); frustrated: {escape(edges)}",
            highlight=False,
        )
    camp_a, camp_b = report.camps
    console.print(f"[bold]camp A[/]: {escape(_names(camp_a))}", highlight=False)
    console.print(f"[bold]camp B[/]: {escape(_names(camp_b))}", highlight=False)
    if report.frustration.unattached:
        console.print(
            f"no relations: {escape(_names(report.frustration.unattached))}", highlight=False
        )
    for k, bloc in enumerate(report.blocs.blocs, start=1):
        console.print(f"[bold]bloc {k}[/]: {escape(_names(bloc))}", highlight=False)
    if report.blocs.loners:
        console.print(f"outside any bloc: {escape(_names(report.blocs.loners))}", highlight=False)

    gaps = titled_table(
        title="Commitment gaps (cooperation without mutual commitment)", title_justify="left"
    )
    for col, justify in (
        ("pair", "left"),
        ("type", "left"),
        ("weight", "right"),
        ("commitment", "left"),
        ("committed", "left"),
    ):
        gaps.add_column(col, justify=justify)  # type: ignore[arg-type]
    for row in report.commitment_gaps.itertuples(index=False):
        committed = row.committed if isinstance(row.committed, str) else "-"
        gaps.add_row(
            escape(f"{row.a} - {row.b}"),
            escape(str(row.type)),
            f"{row.weight:+.2f}",
            cast(str, row.commitment),  # pandas-stubs types itertuples() fields as any scalar
            escape(committed),
        )
    console.print(gaps)

    pg = titled_table(
        title="Declared relation vs issue positions (sign disagreements)", title_justify="left"
    )
    for col, justify in (
        ("pair", "left"),
        ("gap", "left"),
        ("declared", "right"),
        ("affinity", "right"),
        ("diff", "right"),
        ("issues", "right"),
    ):
        pg.add_column(col, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for row in report.position_gaps.itertuples(index=False):
        pg.add_row(
            escape(f"{row.a} - {row.b}"),
            cast(str, row.kind),  # pandas-stubs types itertuples() fields as any scalar
            f"{row.declared:+.2f}",
            f"{row.affinity:+.2f}",
            f"{row.disagreement:.2f}",
            str(row.n_shared),
        )
    if len(report.position_gaps):
        console.print(pg)
    else:
        console.print("no declared relation disagrees in sign with the issue positions")


@app.command()
def network(
    scenario: ScenarioArg = "syria-2020",
    margin: Annotated[
        float,
        typer.Option(
            help="How far past 0 (in [0, 1)) the issue affinity must be to flag a declared "
            "relation of the other sign."
        ),
    ] = 0.05,
    method: Annotated[
        str, typer.Option(help="Frustration and blocs solver: auto, exact or heuristic.")
    ] = "auto",
    seed: Annotated[int, typer.Option(help="Seed of the heuristics (large graphs only).")] = 0,
    shock: ShocksOption = None,
    fmt: TableOrJsonOption = TableOrJson.table,
) -> None:
    """The relations as a signed graph: balance, frustration and camps, blocs and gaps.

    Reports the share of balanced triads (strict and generalised), the frustration index with
    the two camps it implies, the blocs, commitment gaps (pairs that cooperate without mutual
    commitment) and pairs whose declared relation disagrees with their issue positions.
    SCENARIO is a built-in name or a file; the default is the built-in syria-2020. With
    --shock the network is that of the shocked scenario (relations a shock sets or removes).
    """
    with user_errors():
        if method not in ("auto", "exact", "heuristic"):
            raise InputError(f"--method must be auto, exact or heuristic; got {method!r}")
        if not 0.0 <= margin < 1.0:
            raise InputError(f"--margin must be in [0, 1); got {margin!r}")
        s = load(scenario)
        if shock:
            s = apply_shocks(s, shock)
        report = analyse_network(s, margin=margin, method=method, seed=seed)  # type: ignore[arg-type]
    if fmt is TableOrJson.json:
        print_json(report.to_dict())
        return
    _render(report, s.title + (f" after shock(s) {', '.join(shock)}" if shock else ""))

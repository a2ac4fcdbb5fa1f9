"""The ``ingest`` command: articles in, coded events (and proposed relation updates) out."""

from __future__ import annotations

import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from realpolitik._csv import safe_csv_text
from realpolitik.cli._app import (
    app,
    console,
    escape,
    require_extra,
    titled_table,
    user_errors,
    write_atomic,
)
from realpolitik.cli._options import QuietOption
from realpolitik.cli._progress import progress
from realpolitik.exceptions import InputError
from realpolitik.ingest.proposals import Proposal
from realpolitik.ingest.run import IngestResult
from realpolitik.ingest.run import ingest as run_ingest
from realpolitik.ingest.text import MAX_BYTES


class IngestFormat(str, Enum):
    """Output formats of ``ingest``."""

    table = "table"
    json = "json"
    csv = "csv"
    plover = "plover"
    gdelt = "gdelt"


class SeriesFormat(str, Enum):
    """Output formats of ``events``."""

    table = "table"
    json = "json"
    csv = "csv"


def _plural(n: int, noun: str, count: bool = True) -> str:
    """``"1 event"``, ``"2 events"``; only the noun with ``count=False``."""
    word = noun if n == 1 else noun + "s"
    return f"{n} {word}" if count else word


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _events_table(result: IngestResult) -> Group:
    multi = len(result.files) > 1
    t = titled_table(
        title=f"{_plural(len(result.events), 'event')} in "
        f"{_plural(sum(result.n_sentences.values()), 'sentence')}",
        title_justify="left",
    )
    if multi:
        t.add_column("file")
    # A date column of dashes only (text without a dateline, no --date) is left out: it would
    # take 13 of 80 columns and fold the actor ids.
    dated = any(e.date for e in result.events)
    columns = [
        ("#", "right"),
        ("source", "left"),
        ("type", "left"),
        ("mode", "left"),
        ("target", "left"),
        ("score", "right"),
        *([("date", "left")] if dated else []),
        ("CAMEO", "left"),
    ]
    for col, justify in columns:
        # Short codes never shrink (a cut sentence number would mislead); names wrap.
        fixed = {"#": 3, "type": 9, "CAMEO": 3, "date": 10}
        t.add_column(
            col,
            justify=justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=col in fixed,
            min_width=fixed.get(col, {"source": 7, "target": 7, "score": 5}.get(col)),
        )
    for e in result.events:
        row = [
            str(e.sentence),
            escape(", ".join(e.source)),
            e.type,
            escape(e.mode or "-"),
            escape(", ".join(e.target)),
            f"{e.intensity:+.1f}",
            *([e.date or "-"] if dated else []),
            e.cameo,
        ]
        t.add_row(*([escape(e.file or "")] if multi else []), *row)
    # The sentences below the table, where they can wrap at any width.
    cited: dict[tuple[str, int], str] = {}
    for e in result.events:
        cited.setdefault((e.file or "", e.sentence), e.text)
    lines = [
        Text.assemble((f"{f + ' ' if multi else ''}#{n} ", "bold"), _short(text, 400))
        for (f, n), text in cited.items()
    ]
    return Group(t, *lines)


def _proposals_table(result: IngestResult, with_sentences: bool = True) -> Table:
    t = titled_table(title="Proposed relation updates", title_justify="left")
    columns = [
        ("pair", "left"),
        ("events", "right"),
        ("sum", "right"),
        ("now", "left"),
        ("proposed", "left"),
    ]
    if with_sentences:
        columns.append(("sentences", "left"))
    for col, justify in columns:
        t.add_column(
            col,
            justify=justify,  # type: ignore[arg-type]
            overflow="fold",
            no_wrap=col in ("events", "sum"),
        )
    for p in result.proposals or []:
        now = f"{p.current_type or 'none'} {p.current_weight:+.2f}"
        new = f"{p.proposed_type} {p.proposed_weight:+.2f}" if p.changed else "no change"
        row = [
            escape(" - ".join(p.between)),
            str(len(p.events)),
            f"{p.total_intensity:+.1f}",
            escape(now),
            escape(new),
        ]
        if with_sentences:
            row.append(escape(_cites(p)))
        t.add_row(*row)
    return t


def _cites(p: Proposal) -> str:
    return ", ".join(dict.fromkeys(str(e.sentence) for e in p.events))


def _print_proposals(result: IngestResult, target: Console) -> None:
    """The proposals table; its sentences go below it when the table would not fit."""
    table = _proposals_table(result)
    if Measurement.get(target, target.options.update_width(10_000), table).maximum <= target.width:
        target.print(table)
        return
    target.print(_proposals_table(result, with_sentences=False))
    for p in result.proposals or []:
        target.print(
            f"{escape(' - '.join(p.between))}: "
            f"{_plural(len(set(e.sentence for e in p.events)), 'sentence', count=False)} "
            f"{escape(_cites(p))}",
            highlight=False,
            soft_wrap=True,
        )


def _render_text(result: IngestResult, target: Console) -> None:
    from realpolitik.ingest.proposals import dump_shock_block

    target.print(_events_table(result))
    if result.proposals is None:
        return
    _print_proposals(result, target)
    if result.shock is None:
        target.print("No relation changes to propose.", highlight=False)
    else:
        target.print(
            "Shock block (paste under `shocks:` of the scenario, or use --apply OUT.yaml):",
            highlight=False,
        )
        target.print(dump_shock_block(result.shock), markup=False, highlight=False, soft_wrap=True)


@app.command()
def ingest(
    articles: Annotated[
        list[str], typer.Argument(help="Article files (.txt/.md), folders, or - for stdin.")
    ],
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario", "-s", help="Resolve actors to this scenario (built-in name or file)."
        ),
    ] = None,
    fmt: Annotated[
        IngestFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv (GDELT-style columns), plover (PLOVER JSON lines) or gdelt "
            "(GDELT 2.0 tab-separated, 61 columns, with a header row).",
        ),
    ] = IngestFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the output to this file.")
    ] = None,
    propose: Annotated[
        bool,
        typer.Option("--propose", help="Propose relation updates (needs --scenario)."),
    ] = False,
    apply: Annotated[
        Path | None,
        typer.Option(
            "--apply",
            help="Write the scenario with the updates applied to this new file (needs --scenario).",
        ),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Text encoding (default UTF-8).")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Largest article accepted, in bytes.")
    ] = MAX_BYTES,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="Date (YYYY-MM-DD) that 'last year', 'on Wednesday' count from."
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Code news articles into events (who did what to whom) and propose relation updates.

    A progress bar of the articles goes to stderr when it is a terminal (not with --quiet).
    """
    from realpolitik.scenario import dump_scenario

    require_extra("ingest", "ingest")
    with user_errors():
        stdin = None
        if "-" in articles:
            stdin = (
                sys.stdin.buffer.read()
                if hasattr(sys.stdin, "buffer")
                else (sys.stdin.read().encode("utf-8"))
            )
        if apply is not None and out is not None and apply.resolve() == out.resolve():
            raise InputError(f"--apply and --out name the same file ({apply}); give two files")
        with progress("ingest", "articles", quiet=quiet) as update:
            result = run_ingest(
                articles,
                scenario=scenario,
                stdin=stdin,
                encoding=encoding,
                max_bytes=max_bytes,
                reference_date=date,
                propose=propose or apply is not None,
                apply=apply is not None,
                progress=update,
            )
        if fmt is IngestFormat.json:
            text = json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"
        elif fmt is IngestFormat.csv:
            text = safe_csv_text(result.to_csv())
        elif fmt is IngestFormat.plover:
            text = result.to_plover()
        elif fmt is IngestFormat.gdelt:
            text = result.to_gdelt()
        else:
            buf = io.StringIO()
            _render_text(result, Console(file=buf, width=160, soft_wrap=False, no_color=True))
            text = buf.getvalue()
        # Build every output before writing any, so that an error leaves no file behind.
        updated_text = dump_scenario(result.updated) if result.updated is not None else None
        if out is not None:
            write_atomic(out, text)
        if apply is not None and updated_text is not None:
            write_atomic(apply, updated_text)
    if out is None:
        if fmt is IngestFormat.table:
            _render_text(result, console)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        console.print(
            f"wrote {escape(str(out))} ({_plural(len(result.events), 'event')})", highlight=False
        )
    if apply is not None:
        n = sum(1 for p in result.proposals or [] if p.changed)
        console.print(
            f"wrote {escape(str(apply))} ({n} relation update{'s' if n != 1 else ''} applied)",
            highlight=False,
        )


def _series_tables(series: Any, shock: dict[str, Any] | None, target: Console) -> None:
    last = {c.between: c for c in series.crossings}
    t = titled_table(
        title=f"Relation scores ({series.window}-day window, {len(series.observations)} dated "
        f"event pairs, {series.days[0]} .. {series.days[-1]})",
        title_justify="left",
    )
    for col in ("pair", "events", "start", "lowest", "highest", "last", "now"):
        t.add_column(col, justify="left" if col in ("pair", "start", "now") else "right")
    for p, pair in enumerate(series.pairs):
        scores = series.scores[p]
        n = sum(
            1
            for o in series.observations
            if tuple(sorted((o.source, o.target))) == tuple(sorted(pair))
        )
        start_type = series.start[pair][0]
        now = last[pair].to_type if pair in last else start_type
        t.add_row(
            escape(" - ".join(pair)),
            str(n),
            escape(start_type),
            f"{scores.min():+.2f}",
            f"{scores.max():+.2f}",
            f"{scores[-1]:+.2f}",
            escape(now),
        )
    target.print(t)
    if not series.crossings:
        target.print("No dyad crossed a relation-type boundary.", highlight=False)
    else:
        c_table = titled_table(
            title="Relation-type crossings (proposed updates)", title_justify="left"
        )
        for col in ("#", "date", "pair", "change", "score", "events"):
            c_table.add_column(col, overflow="fold", no_wrap=col in ("#", "date", "score"))
        for k, c in enumerate(series.crossings, 1):
            c_table.add_row(
                str(k),
                c.date.isoformat(),
                escape(" - ".join(c.between)),
                escape(f"{c.from_type} -> {c.to_type}"),
                f"{c.score:+.2f}",
                str(len(c.evidence)),
            )
        target.print(c_table)
        for k, c in enumerate(series.crossings, 1):
            top = c.evidence[0]
            target.print(
                Text.assemble((f"#{k} ", "bold"), _short(f"{top.where}: {top.text}", 300)),
                highlight=False,
            )
    if series.n_undated:
        target.print(
            f"{_plural(series.n_undated, 'event')} without a date left out.", highlight=False
        )
    if shock is not None:
        from realpolitik.ingest.proposals import dump_shock_block

        target.print("Shock block (paste under `shocks:` of the scenario):", highlight=False)
        target.print(dump_shock_block(shock), markup=False, highlight=False, soft_wrap=True)


@app.command()
def events(
    articles: Annotated[
        list[str] | None,
        typer.Argument(help="Dated article files (.txt/.md) or folders of them."),
    ] = None,
    gdelt: Annotated[
        list[Path] | None,
        typer.Option(
            "--gdelt",
            help="A GDELT-style tab-separated event file (GDELT 2.0 export or ingest --format "
            "gdelt); may be repeated.",
        ),
    ] = None,
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            "-s",
            help="Resolve actors to this scenario; its relations are where scores start.",
        ),
    ] = None,
    window: Annotated[
        int, typer.Option("--window", help="Trailing window of the score, in days.")
    ] = 30,
    prior_events: Annotated[
        float,
        typer.Option("--prior-events", help="Weight of the declared relation, in events."),
    ] = 2.0,
    fmt: Annotated[
        SeriesFormat,
        typer.Option("--format", "-f", help="table, json, or csv (one row per pair and day)."),
    ] = SeriesFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the output to this file.")
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Write the relation-score figure to this HTML file."),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Text encoding (default UTF-8).")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Largest article accepted, in bytes.")
    ] = MAX_BYTES,
    quiet: QuietOption = False,
) -> None:
    """Relation scores over time from dated news, and the relation changes they propose.

    Each event scores PLOVER's value of its category (-9.3 assault .. +7.6 retreat); a pair's
    score on a day is the mean of the window's events, each /10, with the scenario's relation
    counting as --prior-events events of its weight. A change of relation type is proposed when
    the score crosses into another type's band, citing the window's sentences. A progress bar
    of the articles goes to stderr when it is a terminal (not with --quiet).
    """
    from realpolitik.ingest.run import event_series

    with user_errors():
        if plot is not None and out is not None and plot.resolve() == out.resolve():
            raise InputError(f"--plot and --out name the same file ({plot}); give two files")
        with progress("events", "articles", quiet=quiet or not articles) as update:
            series, shock, _ = event_series(
                articles or [],
                gdelt=[str(g) for g in gdelt or []],
                scenario=scenario,
                window=window,
                prior_events=prior_events,
                encoding=encoding,
                max_bytes=max_bytes,
                progress=update,
            )
        if fmt is SeriesFormat.json:
            data = series.to_json()
            if shock is not None:
                data["shock"] = shock
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        elif fmt is SeriesFormat.csv:
            text = series.to_frame().to_csv(index=False)
        else:
            buf = io.StringIO()
            _series_tables(
                series, shock, Console(file=buf, width=160, soft_wrap=False, no_color=True)
            )
            text = buf.getvalue()
        plot_html = None
        if plot is not None:
            from realpolitik.report.figures import relation_series_figure

            plot_html = relation_series_figure(series.to_json()).to_html(
                include_plotlyjs="cdn", full_html=True
            )
        if out is not None:
            write_atomic(out, text)
        if plot is not None and plot_html is not None:
            write_atomic(plot, plot_html)
    if out is None:
        if fmt is SeriesFormat.table:
            _series_tables(series, shock, console)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        console.print(
            f"wrote {escape(str(out))} ({_plural(len(series.pairs), 'pair')}, "
            f"{_plural(len(series.crossings), 'crossing')})",
            highlight=False,
        )
    if plot is not None:
        console.print(f"wrote {escape(str(plot))}", highlight=False)


__all__ = ["events", "ingest"]

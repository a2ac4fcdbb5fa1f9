"""The ``ingest`` command: articles in, coded events (and proposed relation updates) out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from realpolitik._csv import safe_csv_text
from realpolitik.cli._app import Format, app, console, escape, user_errors, write_atomic
from realpolitik.exceptions import InputError
from realpolitik.ingest.proposals import Proposal
from realpolitik.ingest.run import IngestResult
from realpolitik.ingest.run import ingest as run_ingest
from realpolitik.ingest.text import MAX_BYTES


def _plural(n: int, noun: str, count: bool = True) -> str:
    """``"1 event"``, ``"2 events"``; only the noun with ``count=False``."""
    word = noun if n == 1 else noun + "s"
    return f"{n} {word}" if count else word


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _events_table(result: IngestResult) -> Group:
    multi = len(result.files) > 1
    t = Table(
        title=f"{_plural(len(result.events), 'event')} in "
        f"{_plural(sum(result.n_sentences.values()), 'sentence')}",
        title_justify="left",
    )
    if multi:
        t.add_column("file")
    for col, justify in (
        ("#", "right"),
        ("source", "left"),
        ("type", "left"),
        ("mode", "left"),
        ("target", "left"),
        ("score", "right"),
        ("date", "left"),
        ("CAMEO", "left"),
    ):
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
            e.date or "-",
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
    t = Table(title="Proposed relation updates", title_justify="left")
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
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
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
) -> None:
    """Code news articles into events (who did what to whom) and propose relation updates."""
    from realpolitik.scenario import dump_scenario

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
        result = run_ingest(
            articles,
            scenario=scenario,
            stdin=stdin,
            encoding=encoding,
            max_bytes=max_bytes,
            reference_date=date,
            propose=propose or apply is not None,
            apply=apply is not None,
        )
        if fmt is Format.json:
            text = json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n"
        elif fmt is Format.csv:
            text = safe_csv_text(result.to_csv())
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
        if fmt is Format.table:
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


__all__ = ["ingest"]

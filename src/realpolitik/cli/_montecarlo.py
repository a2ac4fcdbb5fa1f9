"""The ``montecarlo`` command: forecasts and escalation paths over uncertain inputs."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik._csv import safe_frame
from realpolitik.cli._app import (
    app,
    console,
    err_console,
    escape,
    load,
    print_json,
    require_extra,
    titled_table,
    user_errors,
    write_atomic,
)
from realpolitik.cli._options import (
    QuietOption,
    SaveOption,
    ScenarioArg,
    ShocksOption,
    StoreOption,
    TableOrJson,
    TableOrJsonOption,
)
from realpolitik.cli._progress import progress
from realpolitik.cli._record import record, started
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import InputError
from realpolitik.simulate.escalation import DEFAULT_LAMBDA
from realpolitik.simulate.montecarlo import (
    MAX_RUNS,
    MonteCarloResult,
    check_runs,
    run_montecarlo,
)

#: Runs per block written by --out (one Parquet row group, one CSV block).
ROWS_PER_BLOCK = 50_000


_INPUT_FORMS = (
    (
        re.compile(r"issues\[(?P<i>[^\]]+)\]\.positions\.(?P<a>.+)\.(?P<w>position|salience)$"),
        "{a} {w} on {i}",
    ),
    (re.compile(r"actors\[(?P<a>[^\]]+)\]\.capability$"), "{a} capability"),
    (
        re.compile(r"escalation\[(?P<t>[^\]]+)\]\.outcomes\[(?P<o>[^\]]+)\]\.costs\.(?P<a>.+)$"),
        "{a} cost of {o} (tree {t})",
    ),
    (re.compile(r"forecast\[(?P<i>[^\]]+)\]$"), "forecast of {i}"),
    (re.compile(r"path\[(?P<p>.+)\]$"), "path {p}"),
    (re.compile(r"payoff\[(?P<a>[^\]]+)\]$"), "{a} payoff"),
)


def readable(path: str) -> str:
    """An input or output path of the Monte Carlo as words around its ids (for the table).

    The words wrap at spaces, so that a narrow terminal never cuts an id in two; ``--format
    json`` keeps the paths.

    Examples
    --------
    >>> readable("issues[russian-bases].positions.russia.position")
    'russia position on russian-bases'
    >>> readable("actors[israel].capability"), readable("forecast[assad]")
    ('israel capability', 'forecast of assad')
    >>> readable("escalation[soleimani].outcomes[war].costs.iran")
    'iran cost of war (tree soleimani)'
    >>> readable("something[else]")
    'something[else]'
    """
    for pattern, form in _INPUT_FORMS:
        m = pattern.match(path)
        if m:
            return form.format(**m.groupdict())
    return path


class EngineChoice(str, Enum):
    """Where the runs are computed."""

    local = "local"
    process = "process"
    dask = "dask"


def _write_runs(result: MonteCarloResult, out: Path) -> Path:
    """Write every run to ``out`` (.csv or .parquet) a block of runs at a time.

    No frame of every run is built: each block of :data:`ROWS_PER_BLOCK` runs becomes a CSV
    block or a Parquet row group, then is dropped, so writing adds one block to the memory of
    the result.
    """
    suffix = out.suffix.lower()
    if suffix == ".csv":

        def write_csv(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as f:
                for k, frame in enumerate(result.iter_runs_frames(ROWS_PER_BLOCK)):
                    safe_frame(frame).to_csv(f, index=False, header=k == 0)

        return write_atomic(out, write_csv)
    if suffix == ".parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError(
                "writing Parquet needs pyarrow: install realpolitik[parquet], or write .csv"
            ) from None

        def write_parquet(tmp: Path) -> None:
            writer = None
            try:
                for frame in result.iter_runs_frames(ROWS_PER_BLOCK):
                    table = pa.Table.from_pandas(frame, preserve_index=False)
                    if writer is None:
                        writer = pq.ParquetWriter(str(tmp), table.schema)
                    writer.write_table(table)
            finally:
                if writer is not None:
                    writer.close()

        return write_atomic(out, write_parquet)
    raise InputError(f"--out must end in .csv or .parquet; got {out.name!r}")


def render_montecarlo(result: MonteCarloResult) -> None:
    """Print forecast quantiles, path probabilities with intervals, payoffs and sensitivity."""
    lv = [f"{x:g}" for x in result.levels]
    console.print(
        f"[bold]{result.n_runs} runs[/] (seed {result.seed}; {escape(result.forecast_name)} "
        f"forecast{'; shocks ' + escape(', '.join(result.shocks)) if result.shocks else ''})",
        highlight=False,
    )
    t = titled_table(title="Forecast per issue", title_justify="left")
    t.add_column("issue")
    t.add_column("mean", justify="right")
    for x in lv:
        t.add_column(f"{x} %", justify="right")
    for _, row in result.quantiles_frame().iterrows():
        t.add_row(
            escape(str(row["title"])),
            f"{row['mean']:.1f}",
            *(f"{row[x]:.1f}" for x in lv),
        )
    console.print(t)
    if result.game is not None:
        p = titled_table(title=f"Paths of tree {escape(result.game.name)}", title_justify="left")
        paths = result.paths_frame()
        p.add_column("path")
        # The outcome is an id to type (--shock, the tree's file): never cut; the path wraps.
        p.add_column("outcome", no_wrap=True)
        # One interval column (lowest to highest level; JSON has every level): the table
        # then fits 80 columns with the tree's longest outcome ids.
        p.add_column("probability", justify="right")
        p.add_column(f"{lv[0]}–{lv[-1]} %", justify="right")
        for _, row in paths.iterrows():
            p.add_row(
                escape(str(row["path"])),
                escape(str(row["outcome"])),
                f"{row['probability']:.1%}",
                f"{100 * row[lv[0]]:.1f}–{100 * row[lv[-1]]:.1f}",
            )
        console.print(p)
        pay = titled_table(title="Expected payoff of the tree", title_justify="left")
        pay.add_column("actor")
        pay.add_column("mean", justify="right")
        for x in lv:
            pay.add_column(f"{x} %", justify="right")
        for actor, row in result.payoffs_frame().iterrows():
            pay.add_row(escape(str(actor)), f"{row['mean']:.3f}", *(f"{row[x]:.3f}" for x in lv))
        console.print(pay)
    sens = result.sensitivity_frame(top=None)
    if not sens.empty:
        top = sens.reindex(sens["rho"].abs().sort_values(ascending=False).index).head(10)
        s = titled_table(
            title="Sensitivity: the ten strongest input → output rank correlations "
            "(--format json lists the top ten per output, by input path)",
            title_justify="left",
        )
        s.add_column("output", overflow="fold")
        s.add_column("input", overflow="fold")
        s.add_column("Spearman ρ", justify="right")
        for tup in top.itertuples(index=False):
            s.add_row(
                escape(readable(str(tup.output))),
                escape(readable(str(tup.input))),
                f"{tup.rho:+.2f}",
            )
        console.print(s)


@app.command()
def montecarlo(
    ctx: typer.Context,
    scenario: ScenarioArg = "syria-2020",
    n: Annotated[
        int,
        typer.Option("-n", "--runs", help=f"Number of runs (at most {MAX_RUNS:,}).", min=1),
    ] = 1000,
    seed: Annotated[
        int | None,
        typer.Option(help="Root seed (same seed, same numbers); default: fresh, reported.", min=0),
    ] = None,
    shock: ShocksOption = None,
    tree: Annotated[
        str | None,
        typer.Option("--tree", "-t", help="Solve this escalation tree in every run."),
    ] = None,
    lam: Annotated[
        float, typer.Option("--lambda", help="Rationality λ of the tree's logit choice.", min=0)
    ] = DEFAULT_LAMBDA,
    model: Annotated[
        str, typer.Option("--model", "-m", help="The forecasting model.")
    ] = HEADLINE_MODEL,
    engine: Annotated[
        EngineChoice,
        typer.Option(
            help="local (this process), process (worker processes on this machine), or dask "
            "(needs realpolitik[dask]). The numbers are the same on each."
        ),
    ] = EngineChoice.local,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes of --engine process (default: one per core).", min=1),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address; without it --engine dask starts a local one."),
    ] = None,
    chunk_size: Annotated[
        int | None, typer.Option(help="Runs per engine call (does not change results).", min=1)
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Write every run (outputs and inputs) to a .csv or .parquet file."),
    ] = None,
    fmt: TableOrJsonOption = TableOrJson.table,
    save: SaveOption = True,
    store: StoreOption = None,
    quiet: QuietOption = False,
) -> None:
    """Monte Carlo over input uncertainty: forecast quantiles, path probabilities, sensitivity.

    Each value varies by its `range` or `sd` in the scenario file, else by the scenario's
    `uncertainty` defaults (±10 points of position, ±20 % salience and capability). The same
    seed gives the same numbers locally and on Dask. A progress bar goes to stderr when it is a
    terminal (not with --quiet).
    Below 101 runs a warning on stderr (and in the JSON's "warnings") says that the quantiles
    and sensitivities are unreliable.
    """
    t0 = started()
    if engine is EngineChoice.dask:
        require_extra("dask", "--engine dask")
    if out is not None and out.suffix.lower() == ".parquet":
        require_extra("parquet", "--out *.parquet")
    with user_errors():
        check_runs(n)  # before any output: a bad -n says so at once
        s = load(scenario)
        with progress("Monte Carlo", "runs", quiet=quiet) as update:
            result = run_montecarlo(
                s,
                n,
                seed=seed,
                shocks=shock or (),
                tree=tree,
                model=model,
                engine=engine.value,
                scheduler=scheduler,
                chunk_size=chunk_size,
                lam=lam,
                progress=update,
                workers=workers,
            )
        if out is not None:
            written = _write_runs(result, out)
            err_console.print(f"wrote {result.n_runs} runs to {escape(str(written))}")
    for warning in result.warnings:  # on stderr whatever the format; the JSON carries them too
        err_console.print(f"warning: {warning}", markup=False, highlight=False)
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
        seed=result.seed if isinstance(result.seed, int) else None,
    )
    if fmt is TableOrJson.json:
        print_json(payload)
        return
    render_montecarlo(result)

"""Run one fuzz case through the command line, in this process, and check the promise.

The promise (README, "Errors"): exit code 0 or 2, never a traceback; on exit 2 at least one
problem line naming the file; on exit 0 only finite numbers in the output.
"""

from __future__ import annotations

import csv
import io
import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from realpolitik.cli import app

from .generator import Case

#: Seconds of processor time one command may take on one case. Processor time (of this process,
#: every thread counted) measures the work a case makes; the wall clock also measures the other
#: programs of a shared machine (4-5x the processor time at a load of 7 on 2 cores).
TIME_LIMIT = 20.0
#: Seconds of wall-clock time one command may take on one case: a backstop for a case that
#: waits instead of working (nothing in the command line should).
WALL_LIMIT = 10 * TIME_LIMIT

_runner = CliRunner()


@dataclass
class Outcome:
    """What the commands of one case did: exit codes, seconds, and broken promises.

    ``seconds`` is wall-clock time, ``cpu`` processor time (the one :data:`TIME_LIMIT` limits).
    """

    case: Case
    exits: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def _non_finite(obj: Any, where: str = "") -> list[str]:
    """Paths of numbers that are not finite, and of nulls outside a nash forecast."""
    out: list[str] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _non_finite(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for k, v in enumerate(obj):
            out += _non_finite(v, f"{where}[{k}]")
    elif isinstance(obj, float) and not math.isfinite(obj):
        out.append(where)
    elif obj is None and ".forecast." in where and not where.rsplit(".", 1)[-1].startswith("nash"):
        out.append(f"{where} (null)")
    return out


def _csv_non_finite(text: str) -> list[str]:
    """Cells of the forecast columns (after issue and title, which are text) that are not finite."""
    bad = []
    for r, row in enumerate(csv.reader(io.StringIO(text))):
        for c, cell in enumerate(row[2:], start=2):
            if cell.strip().lower() in ("nan", "inf", "-inf", "infinity", "-infinity"):
                bad.append(f"row {r}, column {c}: {cell}")
    return bad


def run_command(outcome: Outcome, label: str, args: list[str], path: Path) -> Any:
    """Run ``realpolitik ARGS``; record the exit code and time, check the promise."""
    start, start_cpu = time.perf_counter(), time.process_time()
    r = _runner.invoke(app, args)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - start_cpu
    outcome.exits[label] = r.exit_code
    outcome.seconds[label] = seconds
    outcome.cpu[label] = cpu
    output = r.output
    fail = outcome.failures.append
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        fail(f"{label}: {type(r.exception).__name__}: {str(r.exception)[:200]}")
    if r.exit_code not in (0, 2):
        fail(f"{label}: exit code {r.exit_code}")
    if "Traceback" in output:
        fail(f"{label}: a traceback in the output")
    if "Warning:" in output:
        fail(f"{label}: a warning in the output: {output[output.index('Warning:') - 60 :][:160]!r}")
    if cpu > TIME_LIMIT:
        fail(f"{label}: {cpu:.1f} s of processor time, over the {TIME_LIMIT:.0f} s limit")
    if seconds > WALL_LIMIT:
        fail(f"{label}: {seconds:.1f} s of wall-clock time, over the {WALL_LIMIT:.0f} s limit")
    if r.exit_code == 2:
        lines = [line for line in output.splitlines() if str(path) in line]
        if not lines:
            fail(f"{label}: exit 2 without a problem line naming the file: {output[:200]!r}")
        return None
    if r.exit_code == 0 and "--format" in args:
        fmt = args[args.index("--format") + 1]
        if fmt == "json":
            try:
                data = json.loads(r.stdout)
            except ValueError as exc:
                fail(f"{label}: the JSON output does not parse ({exc})")
                return None
            bad = _non_finite(data)
            if bad:
                fail(f"{label}: not finite at {bad[:3]}")
            return data
        if fmt == "csv":
            bad = _csv_non_finite(r.stdout)
            if bad:
                fail(f"{label}: not finite in the CSV at {bad[:3]}")
    return None


def run_case(case: Case, folder: Path) -> Outcome:
    """Write the case to ``folder`` and run ``check``, then the analyses a valid file allows."""
    path = folder / case.name
    path.write_bytes(case.data)
    outcome = Outcome(case)
    try:
        run_command(outcome, "check", ["check", str(path)], path)
        valid = outcome.exits["check"] == 0
        # A refused file is refused the same way by every command: forecast it too, sometimes.
        if valid or len(case.data) % 5 == 0:
            data = run_command(
                outcome, "forecast", ["forecast", str(path), "--format", "json"], path
            )
            if valid and data is not None:
                run_command(
                    outcome, "forecast-csv", ["forecast", str(path), "--format", "csv"], path
                )
        if valid:
            _analyses(outcome, path)
    finally:
        path.unlink(missing_ok=True)
    return outcome


def _analyses(outcome: Outcome, path: Path) -> None:
    """compare, escalate and a short Monte Carlo on the shocks and trees a valid file declares."""
    from realpolitik.scenario import load_scenario

    s = load_scenario(path)
    if s.shocks and len(s.actors) <= 200:
        run_command(
            outcome,
            "compare",
            ["compare", str(path), "--shock", s.shocks[0].id, "--format", "json"],
            path,
        )
    if s.escalation and len(s.actors) <= 200:
        run_command(outcome, "escalate", ["escalate", str(path), "--format", "json"], path)
    if s.escalation and len(s.actors) <= 40:
        # A few Monte Carlo runs of the tree: every fight fought again with drawn inputs.
        args = ["montecarlo", str(path), "-n", "4", "--seed", "1", "--format", "json"]
        run_command(outcome, "montecarlo", args, path)

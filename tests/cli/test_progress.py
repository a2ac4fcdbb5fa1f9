"""Progress bars: on stderr when it is a terminal, off with --quiet and when it is not.

Each command runs in a child process whose stderr is a real pseudo-terminal (``os.openpty``)
and whose stdout is a pipe: the bar must show on the terminal, nothing must show with
``--quiet`` or when stderr is a pipe, and stdout must be byte for byte the same in all three.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.cli._progress import progress, showing, silenced

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO / "examples" / "news"
GULF = REPO / "examples" / "scenarios" / "gulf-war-1990.yaml"
DEU3 = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared")) / "data/deu/deu3.csv"

_ENV = {
    **os.environ,
    "TERM": "xterm-256color",
    "COLUMNS": "120",
    "REALPOLITIK_STORE": "",  # replaced per test
}


def run_child(args: list[str], store: Path, *, tty: bool) -> tuple[bytes, bytes, int]:
    """Run ``realpolitik ARGS``: stdout a pipe, stderr a pseudo-terminal (or a pipe)."""
    env = {**_ENV, "REALPOLITIK_STORE": str(store)}
    cmd = [sys.executable, "-c", "from realpolitik.cli import main; main()", *args]
    if not tty:
        done = subprocess.run(cmd, capture_output=True, env=env, timeout=600)
        return done.stdout, done.stderr, done.returncode
    master, slave = os.openpty()
    try:
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, env=env)
        os.close(slave)
        slave = -1
        # Drain stdout in a thread and the terminal here: the child blocks on either when full.
        out_parts: list[bytes] = []
        reader = threading.Thread(target=lambda: out_parts.append(child.stdout.read()))
        reader.start()
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            err += chunk
        code = child.wait(timeout=600)
        reader.join(60)
        out = b"".join(out_parts)
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    return out, err, code


def test_montecarlo_bar_on_a_real_terminal_only(tmp_path: Path) -> None:
    args = ["montecarlo", "syria-2020", "-n", "150", "--seed", "1", "--no-save"]
    store = tmp_path / "runs.sqlite"
    out_tty, err_tty, code = run_child(args, store, tty=True)
    assert code == 0, err_tty.decode(errors="replace")
    shown = err_tty.decode("utf-8", errors="replace")
    assert "Monte Carlo" in shown and "150/150" in shown and "runs" in shown
    assert "\x1b[?25l" in shown and "\x1b[?25h" in shown  # cursor hidden, then shown again
    out_quiet, err_quiet, code = run_child([*args, "--quiet"], store, tty=True)
    assert code == 0 and err_quiet == b""
    out_pipe, err_pipe, code = run_child(args, store, tty=False)
    assert code == 0 and err_pipe == b""
    assert out_tty == out_quiet == out_pipe and b"150 runs" in out_tty


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Make the bars' console a terminal that writes into a buffer (the test's stderr)."""
    from realpolitik.cli import _app

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, color_system=None, width=120)
    monkeypatch.setattr(_app, "err_console", console)
    return buf


def _cases(tmp: Path) -> dict[str, tuple[list[str], str, str]]:
    """Command line, the bar's label and its final count of each command, on real inputs."""
    n_news = len([p for p in NEWS.iterdir() if p.suffix in (".txt", ".md")])
    return {
        "report": (
            ["report", str(GULF), "-n", "20", "-o", str(tmp / "r.html")],
            "report: Monte Carlo",
            "20/20 runs",
        ),
        # Every model (8 steps), then the stability batch of each (8 more).
        "forecast": (["forecast", "syria-2020", "--stability", "--no-save"], "forecast", "/"),
        "ingest": (["ingest", str(NEWS), "--format", "json"], "ingest", f"{n_news}/{n_news}"),
        "events": (["events", str(NEWS), "--format", "csv"], "events", f"{n_news}/{n_news}"),
        "backtest": (
            ["backtest", str(DEU3), "-m", "mean", "-m", "median", "--no-save"],
            "backtest",
            "2/2 models",
        ),
    }


@pytest.mark.parametrize("name", ["report", "forecast", "ingest", "events", "backtest"])
def test_bar_when_forced_and_none_when_quiet(name: str, tmp_path: Path, terminal) -> None:
    if name == "backtest" and not DEU3.exists():
        pytest.skip(f"needs the DEU III file {DEU3}")
    args, label, count = _cases(tmp_path)[name]
    runner = CliRunner()
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    drawn = terminal.getvalue()
    assert label in drawn and count in drawn, drawn[-1500:]
    assert shown.stderr == ""  # the bar went to the terminal, not to the command's stderr
    terminal.seek(0)
    terminal.truncate()
    quiet = runner.invoke(app, [*args, "--quiet"])
    assert quiet.exit_code == 0 and terminal.getvalue() == "" and quiet.stderr == ""
    assert shown.stdout == quiet.stdout and shown.stdout.strip()


def test_forecast_counts_models_then_stability_batches(tmp_path: Path) -> None:
    from realpolitik.forecasting import forecast
    from realpolitik.scenario import load_scenario

    calls: list[tuple[int, int]] = []
    s = load_scenario("syria-2020")
    r = forecast(
        s, model=["mean", "eum"], with_stability=True, progress=lambda d, t: calls.append((d, t))
    )
    # mean and median (always) and eum: 3 forecasts, then 3 stability batches.
    assert len(r.runs) == 3
    assert calls == [(k, 6) for k in range(1, 7)]
    calls.clear()
    forecast(s, model="mean", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]


def test_runs_rerun_shows_the_rerun_commands_bar(tmp_path: Path, terminal, monkeypatch) -> None:
    monkeypatch.setenv("REALPOLITIK_STORE", str(tmp_path / "runs.sqlite"))
    runner = CliRunner()
    first = runner.invoke(app, ["montecarlo", "syria-2020", "-n", "150", "--seed", "2", "-q"])
    assert first.exit_code == 0 and terminal.getvalue() == ""
    again = runner.invoke(app, ["runs", "rerun", "1"])
    assert again.exit_code == 0, again.output
    assert "Monte Carlo" in terminal.getvalue() and "150/150" in terminal.getvalue()
    terminal.seek(0)
    terminal.truncate()
    quiet = runner.invoke(app, ["runs", "rerun", "1", "-q"])
    assert quiet.exit_code == 0 and terminal.getvalue() == ""
    assert again.stdout == quiet.stdout and "reproduced exactly" in quiet.stdout


def test_in_process_runs_have_clean_stderr() -> None:
    # CliRunner's stderr is no terminal: nothing is drawn, whatever the number of runs.
    r = CliRunner().invoke(app, ["montecarlo", "syria-2020", "-n", "150", "--seed", "1"])
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert "150 runs" in r.stdout


def test_the_helper_yields_none_when_quiet_or_nested(terminal) -> None:
    assert showing(False) and not showing(True)
    with silenced():
        assert not showing(False)
        with progress("x") as update:
            assert update is None
    with silenced(False):
        assert showing(False)
    with progress("outer") as outer:
        assert outer is not None
        with progress("inner") as inner:  # one live display at a time
            assert inner is None
    assert showing(False)

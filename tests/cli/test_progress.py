"""Progress bars: on stderr when it is a terminal, off with --quiet and when it is not.

Each command runs in a child process whose stderr is a real pseudo-terminal (``os.openpty``)
and whose stdout is a pipe: the bar must show on the terminal, nothing must show with
``--quiet`` or when stderr is a pipe, and stdout must be byte for byte the same in all three.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.cli._progress import progress, showing, silenced

REPO = Path(__file__).resolve().parents[2]
NEWS = REPO / "examples" / "news"
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


def _cases(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """Command line and the bar's label of each command, on small but real inputs."""
    return {
        "montecarlo": (
            ["montecarlo", "syria-2020", "-n", "1200", "--seed", "1", "--no-save"],
            "Monte Carlo",
        ),
        "report": (
            ["report", "syria-2020", "-n", "120", "-o", str(tmp / "r.html")],
            "report: Monte Carlo",
        ),
        "forecast": (["forecast", "syria-2020", "--stability", "--no-save"], "forecast"),
        "ingest": (["ingest", str(NEWS), "--format", "json"], "ingest"),
        "events": (["events", str(NEWS), "--format", "csv"], "events"),
        "backtest": (
            ["backtest", str(DEU3), "-m", "mean", "-m", "median", "--no-save"],
            "backtest",
        ),
    }


@pytest.mark.parametrize(
    "name", ["montecarlo", "report", "forecast", "ingest", "events", "backtest"]
)
def test_bar_on_a_terminal_only(name: str, tmp_path: Path) -> None:
    if name == "backtest" and not DEU3.exists():
        pytest.skip(f"needs the DEU III file {DEU3}")
    args, label = _cases(tmp_path)[name]
    store = tmp_path / "runs.sqlite"
    out_tty, err_tty, code = run_child(args, store, tty=True)
    assert code == 0, err_tty.decode(errors="replace")
    shown = err_tty.decode("utf-8", errors="replace")
    assert label in shown, shown[-2000:]
    assert "\x1b[?25l" in shown  # rich hides the cursor while it draws the bar...
    assert "\x1b[?25h" in shown  # ...and shows it again at the end
    if name == "montecarlo":
        assert "1200/1200" in shown and "runs" in shown  # the last chunk's count
    if name in ("ingest", "events"):
        n = len([p for p in NEWS.iterdir() if p.suffix in (".txt", ".md")])
        assert f"{n}/{n}" in shown and "articles" in shown
    out_quiet, err_quiet, code = run_child([*args, "--quiet"], store, tty=True)
    assert code == 0 and err_quiet == b""
    out_pipe, err_pipe, code = run_child(args, store, tty=False)
    assert code == 0 and err_pipe == b""
    if name != "report":  # the report writes a file and says so; its text has the size
        assert out_tty == out_quiet == out_pipe
        assert out_tty.strip()
    else:
        assert out_tty.startswith(b"wrote ") and out_tty == out_quiet == out_pipe


def test_runs_rerun_shows_the_rerun_commands_bar(tmp_path: Path) -> None:
    store = tmp_path / "runs.sqlite"
    args = ["montecarlo", "syria-2020", "-n", "600", "--seed", "2", "--format", "json"]
    _, _, code = run_child(args, store, tty=False)
    assert code == 0
    out_tty, err_tty, code = run_child(["runs", "rerun", "1"], store, tty=True)
    assert code == 0, err_tty
    assert b"Monte Carlo" in err_tty and b"600/600" in err_tty
    out_quiet, err_quiet, code = run_child(["runs", "rerun", "1", "-q"], store, tty=True)
    assert code == 0 and err_quiet == b""
    assert out_tty == out_quiet and b"reproduced exactly" in out_tty


def test_in_process_runs_have_clean_stderr() -> None:
    # CliRunner's stderr is no terminal: the command prints what it did before this change.
    r = CliRunner().invoke(app, ["montecarlo", "syria-2020", "-n", "2000", "--seed", "1"])
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert "2000 runs" in r.stdout


def test_the_helper_yields_none_when_quiet_or_nested(monkeypatch: pytest.MonkeyPatch) -> None:
    from realpolitik.cli import _app

    monkeypatch.setattr(_app.err_console, "_force_terminal", True)
    assert showing(False) and not showing(True)
    with silenced():
        assert not showing(False)
        with progress("x") as update:
            assert update is None
    with silenced(False):
        assert showing(False)
    assert showing(False)

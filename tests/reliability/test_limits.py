"""Limits are stated, checked before the work they bound, and name how to raise them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
import yaml
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.cli._app import write_atomic
from realpolitik.exceptions import LimitError, ScenarioTooLargeError
from realpolitik.forecasting import forecast
from realpolitik.scenario import limits, load_scenario, parse_scenario
from realpolitik.scenario.limits import check_model, check_work, model_bytes, model_work

runner = CliRunner()


def toy(n_actors: int = 2) -> dict:
    return {
        "title": "Toy",
        "actors": [{"id": f"a{k}", "name": f"A{k}", "capability": 1} for k in range(n_actors)],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    f"a{k}": {"position": 100 * k / max(1, n_actors - 1), "salience": 0.5}
                    for k in range(n_actors)
                },
            }
        ],
    }


def test_file_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(toy()) + "#" * 3_000_000 + "\n")
    read = []
    monkeypatch.setattr(type(path), "read_bytes", lambda self: read.append(self) or b"")
    monkeypatch.setenv("REALPOLITIK_MAX_FILE_MB", "2")
    with pytest.raises(
        ScenarioTooLargeError,
        match=r"big.yaml: the file is 3.0 MB; the limit is 2 MB \(set REALPOLITIK_MAX_FILE_MB",
    ):
        load_scenario(path)
    assert read == []  # refused from its size alone


def test_file_size_limit_on_the_command_line_and_raised_by_the_variable(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(toy()) + "#" * 1_500_000 + "\n")
    r = runner.invoke(app, ["check", str(path)], env={"REALPOLITIK_MAX_FILE_MB": "1"})
    assert r.exit_code == 2 and "REALPOLITIK_MAX_FILE_MB" in r.output and str(path) in r.output
    r = runner.invoke(app, ["check", str(path)], env={"REALPOLITIK_MAX_FILE_MB": "5"})
    assert r.exit_code == 0, r.output


def test_actor_and_issue_counts_are_checked_before_validation():
    with limits.limits(max_actors=3):
        parse_scenario(toy(3))
        with pytest.raises(
            ScenarioTooLargeError, match=r"4 actors; the limit is 3 \(set REALPOLITIK_MAX_ACTORS"
        ):
            parse_scenario(toy(4), filename="s.yaml")
    data = toy(2)
    data["issues"] = data["issues"] * 3  # duplicates, but the count is refused first
    with (
        limits.limits(max_issues=2),
        pytest.raises(ScenarioTooLargeError, match="3 issues; the limit is 2"),
    ):
        parse_scenario(data)


def test_a_bad_limit_variable_is_named(monkeypatch):
    monkeypatch.setenv("REALPOLITIK_MAX_ACTORS", "lots")
    with pytest.raises(
        ScenarioTooLargeError,
        match="REALPOLITIK_MAX_ACTORS: expected a positive number; found 'lots'",
    ):
        limits.current()


def test_model_memory_estimate_follows_the_pair_arrays():
    # Worked out from the constants: 160 bytes per actor pair and issue, 64 per cell and round.
    assert model_bytes("eum", 100, 2, 10) == 100 * 100 * 2 * 160 + 100 * 2 * 12 * 64
    assert model_bytes("median", 100, 2, 10) == 100 * 2 * 12 * 64
    check_model("eum", 700, 10, 10)  # 0.8 GB: allowed by default
    with pytest.raises(
        LimitError,
        match=r"needs about 6,415 MB .* limit is 1,024 MB \(set REALPOLITIK_MAX_MEMORY_MB",
    ):
        check_model("eum", 2000, 10, 10)


def test_a_forecast_past_the_memory_limit_is_refused_before_it_allocates(tmp_path, monkeypatch):
    import realpolitik.engine.registry as registry

    called = []
    original = registry.get_model

    def spy(name):
        called.append(name)
        return original(name)

    monkeypatch.setattr("realpolitik.engine.memo.get_model", spy)
    s = parse_scenario(toy(50))
    with limits.limits(max_memory_mb=0.1), pytest.raises(LimitError, match="eum model needs"):
        forecast(s, model="eum")
    assert called == []
    path = tmp_path / "fifty.yaml"
    path.write_text(yaml.safe_dump(toy(50)))
    r = runner.invoke(
        app, ["forecast", str(path), "--model", "eum"], env={"REALPOLITIK_MAX_MEMORY_MB": "0.1"}
    )
    assert r.exit_code == 2
    assert f"{path}: scenario 'Toy': the eum model needs about" in " ".join(r.output.split())


# --- atomic writes -----------------------------------------------------------------------------
def test_write_atomic_fsyncs_before_the_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1]
    )
    write_atomic(tmp_path / "out.txt", "data")
    assert events[:2] == ["fsync", "replace"]
    assert (tmp_path / "out.txt").read_text() == "data"


def test_a_killed_write_leaves_no_temporary_file(tmp_path):
    script = textwrap.dedent(
        f"""
        import signal, sys, time
        from realpolitik.cli import _terminate
        from realpolitik.cli._app import write_atomic
        signal.signal(signal.SIGTERM, _terminate)
        def slow(path):
            path.write_text("half")
            print("writing", flush=True)
            # Short sleeps: a signal that lands on another thread (numpy's BLAS threads) is
            # handled by the main thread at its next wake-up, not after one long sleep.
            for _ in range(600):
                time.sleep(0.1)
        write_atomic({str(tmp_path / "out.txt")!r}, slow)
        """
    )
    (tmp_path / "out.txt").write_text("old")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    assert (tmp_path / "out.txt").read_text() == "old"
    time.sleep(0)  # nothing left running


def test_work_estimate_counts_rounds_pairs_and_issues_of_the_eum_family():
    # By hand: 10 rounds × 300² pairs × 4 issues; eum-rel with relations adds 300 voters at 1/8
    # of a pair (1 + 300/8 = 38.5 per pair); the other models are not counted.
    assert model_work("eum", 300, 4, 10) == 3_600_000
    assert model_work("eum-rel", 300, 4, 10) == 3_600_000
    assert model_work("eum-rel", 300, 4, 10, related=True) == 138_600_000
    assert model_work("eum", 300, 4, 10, related=True) == 3_600_000  # eum ignores relations
    assert model_work("median", 300, 4, 10) == 0
    check_work({"eum": 20_000_000}, 1000, 2)  # exactly the default: allowed
    with pytest.raises(LimitError, match=r"the eum model needs about 20 million .* limit is 19"):
        with limits.limits(max_work=19):
            check_work({"eum": 20_000_000}, 1000, 2)


def test_a_forecast_past_the_work_limit_is_refused_before_any_model_runs(monkeypatch):
    called = []
    import realpolitik.engine.registry as registry

    original = registry.get_model

    def spy(name):
        called.append(name)
        return original(name)

    monkeypatch.setattr("realpolitik.engine.memo.get_model", spy)
    s = parse_scenario(toy(50))
    # eum 10 rounds + eum-rel 100 rounds over 50² pairs and toy(50)'s issues; ×51 with stability.
    n_issues = len(s.issues)
    point = 110 * 50 * 50 * n_issues
    with limits.limits(max_work=point / 1e6 - 0.01), pytest.raises(LimitError, match="eum-rel"):
        forecast(s)
    assert called == []
    with limits.limits(max_work=point / 1e6 + 1e-9):
        forecast(s, model=["eum", "eum-rel"])  # at the limit: runs
    called.clear()
    with limits.limits(max_work=point / 1e6 + 1e-9), pytest.raises(LimitError, match="need about"):
        forecast(s, model=["eum", "eum-rel"], with_stability=True)  # 51 × the point forecast
    assert called == []
    with limits.limits(max_work=1), pytest.raises(LimitError, match="eum model needs about 3"):
        forecast(s, model="eum", max_rounds=1200 // n_issues)  # --rounds counts


def test_the_default_stability_figure_is_left_out_when_its_reruns_would_pass_the_work_limit(
    tmp_path, monkeypatch
):
    # 30 actors (under the 40 of the default): the point forecast fits a limit that the 50
    # stability reruns would pass. By default the forecast runs without the figure; asked
    # for with --stability, it is refused with the limit named.
    import json

    from realpolitik.forecasting import stability_fits

    path = tmp_path / "thirty.json"
    path.write_text(json.dumps(toy(30)), encoding="utf-8")
    s = parse_scenario(toy(30))
    point = 110 * 30 * 30 * len(s.issues)  # eum 10 + eum-rel 100 rounds, no relations
    monkeypatch.setenv("REALPOLITIK_MAX_WORK", str(2 * point / 1e6))
    monkeypatch.setenv("REALPOLITIK_STORE", "off")
    assert not stability_fits(s)
    with limits.limits(max_work=60 * point / 1e6):
        assert stability_fits(s)
    out = runner.invoke(app, ["forecast", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert '"stability"' not in out.stdout or '"stability": {}' in out.stdout
    refused = runner.invoke(app, ["forecast", str(path), "--format", "json", "--stability"])
    assert refused.exit_code == 2
    assert "REALPOLITIK_MAX_WORK" in refused.output

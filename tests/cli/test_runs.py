"""``realpolitik runs``: every recorded command can be listed, shown, diffed and rerun."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest
from typer.testing import CliRunner

import realpolitik as rp
from realpolitik.cli import app
from realpolitik.scenario.loader import builtin_text
from realpolitik.store import RunStore, store_path

runner = CliRunner()


def invoke(*args: str):
    r = runner.invoke(app, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r


def store() -> RunStore:
    path = store_path()
    assert path is not None
    return RunStore(path)


def test_forecast_is_recorded_with_rounds_offers_and_its_json(tmp_path):
    r = invoke("forecast", "--format", "json")
    assert r.exit_code == 0
    [summary] = store().list_runs()
    rec = store().get(summary.id)
    assert rec.command == "forecast" and rec.source == "syria-2020"
    assert rec.scenario_text == builtin_text("syria-2020")
    assert rec.results == json.loads(r.stdout)
    assert rec.version == rp.__version__
    assert set(rec.models) >= {"mean", "median", "eum"}
    # The round-by-round positions are the engine's, row for row.
    result = rp.forecast(rp.load_scenario("syria-2020"))
    run = result.runs["eum"]
    assert run.rounds is not None
    assert len({p[1] for p in rec.positions if p[0] == "eum"}) == run.rounds.shape[0]
    i, k = result.actor_ids.index("russia"), result.issue_ids.index("assad")
    last = run.rounds.shape[0] - 1
    [pos] = [p[4] for p in rec.positions if p[:4] == ("eum", last, "russia", "assad")]
    assert pos == float(run.rounds[last, i, k])
    assert len([o for o in rec.offers if o[0] == "eum"]) == len(result.offers("eum"))


def test_no_save_and_off_record_nothing(monkeypatch):
    assert invoke("forecast", "--no-save").exit_code == 0
    assert not store_path().exists()
    monkeypatch.setenv("REALPOLITIK_STORE", "off")
    assert invoke("forecast").exit_code == 0
    assert store_path() is None


def test_store_option_overrides_the_variable(tmp_path):
    other = tmp_path / "elsewhere.sqlite"
    assert invoke("forecast", "--store", str(other)).exit_code == 0
    assert len(RunStore(other).list_runs()) == 1
    assert not store_path().exists()
    r = invoke("runs", "list", "--store", str(other), "--format", "json")
    assert [x["command"] for x in json.loads(r.stdout)] == ["forecast"]


def test_an_unwritable_store_warns_and_the_command_still_succeeds(tmp_path):
    bad = tmp_path / "file"
    bad.write_text("x")
    r = invoke("forecast", "--store", str(bad / "runs.sqlite"))
    assert r.exit_code == 0
    assert "warning: the run was not recorded" in r.stderr
    assert "Forecasts" in r.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["forecast", "--trace", "-m", "eum", "--rounds", "4"],
        ["compare", "-s", "iran-strikes-israel", "-m", "eum"],
        ["planb", "--actor", "russia", "--without", "iran"],
        ["escalate"],
        ["montecarlo", "-n", "40"],  # a fresh seed: the rerun must use the recorded one
    ],
)
def test_rerun_reproduces_every_command_exactly(args):
    assert invoke(*args).exit_code == 0
    r = invoke("runs", "rerun", "last", "--format", "json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["reproduced"] is True and out["differences"] == []


def test_backtest_is_recorded_and_rerun(data_dir):
    deu = data_dir / "deu" / "deu3.csv"
    assert invoke("backtest", str(deu), "-m", "mean", "-m", "median").exit_code == 0
    rec = store().get(1)
    assert rec.scenario_text == deu.read_text(encoding="utf-8-sig")
    r = invoke("runs", "rerun", "1")
    assert r.exit_code == 0 and "reproduced exactly" in r.stdout


def test_rerun_reports_a_result_that_does_not_reproduce():
    assert invoke("forecast", "-m", "eum").exit_code == 0
    # Tamper with the stored result: the rerun must notice and name it.
    con = sqlite3.connect(store_path())
    results = json.loads(con.execute("SELECT results FROM runs WHERE id = 1").fetchone()[0])
    assert results["issues"][0]["id"] == "assad"
    results["issues"][0]["forecast"]["eum"] += 0.5
    con.execute("UPDATE runs SET results = ? WHERE id = 1", (json.dumps(results),))
    con.commit()
    con.close()
    r = invoke("runs", "rerun", "1")
    assert r.exit_code == 1
    assert "not reproduced" in r.stdout and "issues[assad].forecast.eum" in r.stdout


def test_diff_names_the_edit_and_the_moved_forecasts(tmp_path):
    original = builtin_text("syria-2020")
    head, sep, tail = original.partition("  - id: iran\n")
    needle = "    capability:\n      value: 45\n"  # Iran's capability: the first after its id
    assert sep and tail.index(needle) < tail.index("  - id: ")
    edited = head + sep + tail.replace(needle, "    capability:\n      value: 15\n", 1)
    a, b = tmp_path / "before.yaml", tmp_path / "after.yaml"
    a.write_text(original, encoding="utf-8")
    b.write_text(edited, encoding="utf-8")
    assert invoke("forecast", str(a)).exit_code == 0
    assert invoke("forecast", str(b)).exit_code == 0
    r = invoke("runs", "diff", "1", "2", "--format", "json")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert d["same_scenario"] is False
    assert d["inputs"] == [{"path": "actors[iran].capability.value", "before": 45, "after": 15}]
    # The moved forecasts, worked out independently by forecasting both files here.
    fa = rp.forecast(rp.load_scenario(a))
    fb = rp.forecast(rp.load_scenario(b))
    expected = {
        f"issues[{issue}].forecast.{name}"
        for name in fa.forecasts
        for k, issue in enumerate(fa.issue_ids)
        if not np.isclose(fa.forecasts[name][k], fb.forecasts[name][k], rtol=0, atol=0)
    }
    assert expected, "the edit should move at least one forecast"
    moved = {c["path"] for c in d["results"] if ".forecast." in c["path"]}
    assert moved == expected
    # The table form names them too.
    text = invoke("runs", "diff", "1", "2", "--limit", "500").stdout
    assert "actors[iran].capability.value: 45 → 15" in text
    for path in expected:
        assert path in text


def test_diff_of_two_identical_runs_says_so():
    invoke("forecast")
    invoke("forecast")
    r = invoke("runs", "diff", "last~1", "last")
    assert "none (same scenario text)" in r.stdout
    assert "none (every result identical)" in r.stdout


def test_list_and_show():
    invoke("forecast", "-m", "eum")
    invoke("montecarlo", "-n", "20", "--seed", "7")
    rows = json.loads(invoke("runs", "list", "--format", "json").stdout)
    assert [x["command"] for x in rows] == ["montecarlo", "forecast"]
    assert rows[0]["seed"] == 7
    assert (
        json.loads(invoke("runs", "list", "-c", "forecast", "--format", "json").stdout)[0]["id"]
        == 1
    )
    shown = json.loads(invoke("runs", "show", "2", "--format", "json").stdout)
    argv = shown["argv"]
    assert argv[:2] == ["montecarlo", "@scenario"]
    assert argv[argv.index("--seed") + 1] == "7" and argv[argv.index("--runs") + 1] == "20"
    assert "--format" not in argv
    assert shown["options"]["n"] == 20
    text = invoke("runs", "show", "1").stdout
    assert "forecast" in text and "issues[assad].forecast.eum" in text
    assert invoke("runs", "show", "1", "--scenario").stdout == builtin_text("syria-2020")


def test_runs_errors_are_messages():
    r = invoke("runs", "show", "1")
    assert r.exit_code == 2 and "no run store at" in r.stderr
    invoke("forecast")
    r = invoke("runs", "show", "9")
    assert r.exit_code == 2 and "no run '9'" in r.stderr
    r = invoke("runs", "diff", "1", "nope")
    assert r.exit_code == 2 and "a run is a number" in r.stderr

"""The dashboard's run history: the runs the command line recorded, and opening one."""

from __future__ import annotations

import warnings

from typer.testing import CliRunner

from realpolitik.cli import app as cli_app
from realpolitik.scenario import builtin_text
from realpolitik.server import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about its httpx backend
    from fastapi.testclient import TestClient


def test_no_store_yet_lists_nothing():
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    assert client.get("/api/runs").json() == {"runs": []}
    r = client.get("/api/runs/1")
    assert r.status_code == 404 and r.json()["error"] == "no runs recorded yet"


def test_history_lists_and_opens_recorded_runs(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli_app, ["forecast", "-m", "eum"]).exit_code == 0
    table = tmp_path / "pair.csv"
    table.write_text("Actor,Capability,Position,Salience\na,1,0,1\nb,3,100,1\n", encoding="utf-8")
    assert runner.invoke(cli_app, ["forecast", str(table)]).exit_code == 0
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    runs = client.get("/api/runs").json()["runs"]
    assert [(r["id"], r["command"]) for r in runs] == [(2, "forecast"), (1, "forecast")]
    assert runs[1]["source"] == "syria-2020"
    assert client.get("/api/runs", params={"limit": 1}).json()["runs"][0]["id"] == 2
    one = client.get("/api/runs/1").json()
    assert one["text"] == builtin_text("syria-2020") and one["format"] == "yaml"
    assert one["results"]["issues"][0]["id"] == "assad"
    two = client.get("/api/runs/2").json()
    assert two["format"] == "csv" and two["text"].startswith("Actor,Capability")
    # The opened text validates as the dashboard will send it.
    check = client.post("/api/validate", json={"text": two["text"], "format": "csv"}).json()
    assert check["valid"] is True


def test_history_errors_are_error_bodies():
    runner = CliRunner()
    assert runner.invoke(cli_app, ["forecast", "-m", "mean"]).exit_code == 0
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    r = client.get("/api/runs/7")
    assert r.status_code == 404 and r.json()["error"] == "no run 7 in the run store"
    assert client.get("/api/runs/0").status_code == 422
    assert client.get("/api/runs", params={"limit": 10_000}).status_code == 422
    page = client.get("/").text
    assert 'id="history"' in page

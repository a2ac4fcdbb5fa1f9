"""The dashboard's JSON API with FastAPI's TestClient: valid and invalid inputs, limits."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app as cli_app
from realpolitik.scenario import builtin_text
from realpolitik.server import MAX_BODY_BYTES, MAX_RUNS, create_app
from realpolitik.server.app import MAX_YAML_NODES

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about its httpx backend
    from fastapi.testclient import TestClient

TOY = """
title: Toy
actors:
  - {id: a, name: A, capability: 1}
  - {id: b, name: B, capability: 3}
issues:
  - id: x
    title: X
    positions:
      a: {position: 0, salience: 1}
      b: {position: 100, salience: 1}
shocks:
  - id: drop-b
    title: B leaves
    edits: [{op: remove-actor, actor: b}]
"""
# Two problems: a salience on the 0-100 scale, and a misspelt key.
BAD = """
title: Bad
actors:
  - {id: a, name: A, capability: 1, kind: state}
  - {id: b, name: B, capabilty: 3}
issues:
  - id: x
    title: X
    positions:
      a: {position: 0, salience: 70}
"""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def syria() -> dict:
    return {"name": "syria-2020"}


def test_list_and_get_builtin_scenarios(client):
    listed = client.get("/api/scenarios").json()["scenarios"]
    assert {"name": "syria-2020", "title": "Syria 2020: Putin's Plan B on Iran"} in listed
    got = client.get("/api/scenarios/syria-2020").json()
    assert got["text"] == builtin_text("syria-2020")
    assert "iran-support-lost" in [s["id"] for s in got["summary"]["shocks"]]


@pytest.mark.parametrize("name", ["nope", "..", "syria-2020.yaml", "%2E%2E%2Fpyproject.toml"])
def test_unknown_scenario_names_are_404(client, name):
    r = client.get(f"/api/scenarios/{name}")
    assert r.status_code == 404


def test_scenario_ref_takes_exactly_one_of_name_or_text(client):
    for ref in ({}, {"name": "syria-2020", "text": TOY}):
        r = client.post("/api/forecast", json={"scenario": ref})
        assert r.status_code == 422
        assert "exactly one of 'name'" in json.dumps(r.json())


@pytest.mark.parametrize("name", ["/etc/passwd", "../pyproject", "C:\\x", "a/b"])
def test_paths_are_never_scenario_names(client, name):
    r = client.post("/api/forecast", json={"scenario": {"name": name}})
    assert r.status_code == 422  # refused by the name pattern before anything is read


def test_text_is_parsed_never_opened(client, tmp_path: Path):
    target = tmp_path / "s.yaml"
    target.write_text(TOY, encoding="utf-8")
    r = client.post("/api/validate", json={"text": str(target)})
    # The path is read as YAML text (a plain string), not as a file name.
    assert r.json()["valid"] is False
    assert r.json()["problems"][0]["message"].startswith("expected a mapping")


def test_validate_gives_the_cli_messages(client, tmp_path: Path, monkeypatch):
    r = client.post("/api/validate", json={"text": BAD})
    assert r.status_code == 200
    body = r.json()
    assert body["valid"] is False
    monkeypatch.chdir(tmp_path)
    (tmp_path / "upload.yaml").write_text(BAD, encoding="utf-8")
    cli = CliRunner().invoke(cli_app, ["check", "upload.yaml"])
    assert cli.exit_code == 2
    cli_lines = [line.strip() for line in cli.output.splitlines() if line.startswith("  ")]
    assert [p["text"] for p in body["problems"]] == cli_lines
    assert any("divide by 100" in p["message"] for p in body["problems"])
    assert any("did you mean 'capability'" in p["message"] for p in body["problems"])


def test_validate_valid_text_summarises(client):
    body = client.post("/api/validate", json={"text": TOY}).json()
    assert body == {
        "valid": True,
        "problems": [],
        "summary": {
            "title": "Toy",
            "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "issues": [{"id": "x", "title": "X"}],
            "shocks": [{"id": "drop-b", "title": "B leaves"}],
            "escalation": [],
            "n_relations": 0,
        },
    }


def test_json_text_is_accepted(client):
    data = {
        "title": "J",
        "actors": [{"id": "a", "name": "A", "capability": 2}],
        "issues": [{"id": "x", "title": "X", "positions": {"a": {"position": 40, "salience": 1}}}],
    }
    r = client.post("/api/validate", json={"text": json.dumps(data), "format": "json"})
    assert r.json()["valid"] is True


def test_forecast_of_text(client):
    r = client.post("/api/forecast", json={"scenario": {"text": TOY}, "models": ["mean"]})
    assert r.status_code == 200
    # (1 * 0 + 3 * 100) / 4
    assert r.json()["issues"][0]["forecast"]["mean"] == pytest.approx(75.0)


def test_invalid_scenario_text_is_422_with_problems(client):
    r = client.post("/api/forecast", json={"scenario": {"text": BAD}})
    assert r.status_code == 422
    assert r.json()["error"] == "invalid scenario"
    assert {p["where"] for p in r.json()["problems"]} >= {"issues[0].positions.a.salience"}


def test_compare_with_shock(client):
    r = client.post(
        "/api/compare", json={"scenario": {"text": TOY}, "shocks": ["drop-b"], "models": ["mean"]}
    )
    issue = r.json()["issues"][0]
    # Without b, only a's position 0 is left.
    assert issue["baseline"]["mean"] == pytest.approx(75.0)
    assert issue["shocked"]["mean"] == pytest.approx(0.0)
    assert issue["change"]["mean"] == pytest.approx(-75.0)


def test_unknown_shock_is_a_clear_422(client):
    r = client.post("/api/compare", json={"scenario": syria(), "shocks": ["nope"]})
    assert r.status_code == 422
    assert r.json()["error"].startswith("unknown shock 'nope'; shocks in this scenario:")


def test_network_planb_escalation_explain(client):
    net = client.post("/api/network", json={"scenario": syria()}).json()
    assert {"balance", "camps", "commitment_gaps"} <= set(net)
    pb = client.post(
        "/api/planb", json={"scenario": syria(), "actor": "russia", "without": "iran"}
    ).json()
    assert pb["actor"] == "russia" and pb["without"] == "iran"
    passing = [c["id"] for c in pb["candidates"] if c["passes"]]
    assert passing[0] == "turkey"  # the article's Plan B
    esc = client.post("/api/escalation", json={"scenario": syria()}).json()
    assert sum(o["probability"] for o in esc["outcomes"]) == pytest.approx(1.0)
    ex = client.post("/api/explain", json={"scenario": syria(), "actor": "russia"})
    assert ex.status_code == 200


def test_planb_unknown_actor(client):
    r = client.post(
        "/api/planb", json={"scenario": syria(), "actor": "atlantis", "without": "iran"}
    )
    assert r.status_code == 422
    assert "atlantis" in r.json()["error"]


@pytest.mark.parametrize("n_runs", [0, -1, MAX_RUNS + 1])
def test_montecarlo_runs_are_bounded(client, n_runs):
    r = client.post("/api/montecarlo", json={"scenario": syria(), "n_runs": n_runs})
    assert r.status_code == 422


def test_montecarlo_is_reproducible(client):
    body = {"scenario": syria(), "n_runs": 12, "seed": 5}
    first = client.post("/api/montecarlo", json=body).json()
    assert first["n"] == 12
    assert client.post("/api/montecarlo", json=body).json() == first


def test_report_runs_are_bounded(client):
    # Past the command line's own limit (100,000) a report request is refused; between 1,000
    # and it the runs are capped, with a notice (tests/server/test_dashboard_api.py).
    r = client.post("/api/report", json={"scenario": syria(), "n_runs": 100_001})
    assert r.status_code == 422
    assert "n_runs" in r.json()["error"]


def test_report_body_changes_with_shock(client):
    body = {"scenario": {"text": TOY}, "n_runs": 0, "sections": ["forecast"]}
    base = client.post("/api/report", json=body).json()
    shocked = client.post("/api/report", json={**body, "shocks": ["drop-b"]}).json()
    assert 'data-model="mean">75.0' in base["body"]
    assert 'data-model="mean">0.0' in shocked["body"]
    assert shocked["data"]["shocks"][0]["id"] == "drop-b"


def test_report_html_download(client):
    r = client.post(
        "/api/report.html", json={"scenario": {"text": TOY}, "n_runs": 0, "sections": ["forecast"]}
    )
    assert r.status_code == 200
    assert r.text.startswith("<!DOCTYPE html>")
    assert "attachment" in r.headers["content-disposition"]


def test_body_size_is_limited(client):
    big = json.dumps({"text": "x" * (MAX_BODY_BYTES + 10)})
    r = client.post("/api/validate", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json() == {"error": f"request body larger than {MAX_BODY_BYTES} bytes"}


def test_chunked_body_size_is_limited(client):
    def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"y" * 60_000
        yield b'"}'

    r = client.post("/api/validate", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_yaml_alias_bomb_is_refused(client):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for k in range(1, 8):
        prev = f"*a{k - 1}"
        lines.append(f"a{k}: &a{k} [{', '.join([prev] * 10)}]")
    r = client.post("/api/validate", json={"text": "\n".join(lines)})
    assert r.status_code == 413
    assert f"more than {MAX_YAML_NODES:,} values" in r.json()["error"]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_deep_nesting_is_refused(client, fmt):
    # Not too large (413) but not a scenario: a problem of the document, like any other.
    text = "[" * 50_000 + "]" * 50_000
    r = client.post("/api/validate", json={"text": text, "format": fmt})
    assert r.status_code == 200 and r.json()["valid"] is False
    assert "nested" in r.json()["problems"][0]["message"]
    r = client.post("/api/forecast", json={"scenario": {"text": text, "format": fmt}})
    assert r.status_code == 422
    assert r.json()["error"] == "invalid scenario"
    assert "nested" in r.json()["problems"][0]["message"]


def test_upload_reads_in_memory(client):
    r = client.post("/api/upload", files={"file": ("mine.yaml", TOY.encode(), "text/yaml")})
    assert r.status_code == 200
    assert r.json()["valid"] is True and r.json()["text"] == TOY
    bad = client.post("/api/upload", files={"file": ("x.yaml", b"\xff\xfe title", "text/yaml")})
    assert bad.status_code == 422
    assert "not UTF-8" in bad.json()["error"]


def test_page_and_static_files(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert '<script src="/static/plotly.min.js">' in page.text
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert len(js.content) > 1_000_000
    assert client.get("/static/app.js").status_code == 200
    for name in ("index.html", "..%2Fapp.py", "app.py", "%2Fetc%2Fpasswd"):
        assert client.get(f"/static/{name}").status_code == 404


def test_openapi_schema_lists_the_api(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/scenarios",
        "/api/scenarios/{name}",
        "/api/validate",
        "/api/upload",
        "/api/forecast",
        "/api/compare",
        "/api/network",
        "/api/planb",
        "/api/escalation",
        "/api/montecarlo",
        "/api/explain",
        "/api/report",
    } <= paths
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_serve_binds_to_localhost_by_default(monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    result = CliRunner().invoke(cli_app, ["serve"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert seen["host"] == "0.0.0.0" and seen["port"] == 9001
    assert "anyone who can reach this machine" in result.output

"""What the dashboard's page relies on from the API: capped runs say so, text is named by its file."""

from __future__ import annotations

import warnings

import pytest

from realpolitik.server import create_app
from realpolitik.server.app import MAX_REPORT_RUNS

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOY = """title: Toy
actors:
  - {id: a, name: A, capability: 1}
  - {id: b, name: B, capability: 3}
issues:
  - id: x
    title: X
    positions:
      a: {position: 0, salience: 1}
      b: {position: 100, salience: 1}
"""


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def _report(client: TestClient, n_runs: int) -> dict:
    body = {"scenario": {"text": TOY}, "n_runs": n_runs, "seed": 1, "sections": ["montecarlo"]}
    r = client.post("/api/report", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def test_runs_past_the_cap_are_capped_with_a_notice(client):
    res = _report(client, 2500)
    assert MAX_REPORT_RUNS == 1000
    assert res["data"]["settings"]["n_runs"] == 1000
    assert res["data"]["montecarlo"]["result"]["n"] == 1000  # really 1,000 runs, not 2,500
    (notice,) = res["notices"]
    assert notice.startswith("Monte Carlo runs capped at 1,000 (asked for 2,500)")
    assert "realpolitik report -n 2500" in notice
    # At the cap and below: no notice, the runs asked for.
    at = _report(client, 1000)
    assert at["notices"] == [] and at["data"]["montecarlo"]["result"]["n"] == 1000
    assert _report(client, 30)["data"]["montecarlo"]["result"]["n"] == 30


def test_the_saved_report_is_capped_too(client):
    body = {"scenario": {"text": TOY}, "n_runs": 5000, "sections": ["montecarlo"]}
    r = client.post("/api/report.html", json=body)
    assert r.status_code == 200
    assert "1000 Monte Carlo runs" in r.text and "5000 Monte Carlo runs" not in r.text


def test_text_problems_name_the_file_the_page_says(client):
    bad = TOY.replace("capability: 3", "capability: -3")
    body = {"text": bad, "format": "yaml", "filename": "jcpoa (1).yaml"}
    res = client.post("/api/validate", json=body).json()
    assert res["valid"] is False
    (problem,) = res["problems"]
    assert problem["file"] == "jcpoa (1).yaml"
    # Line 4 of the text is actor b's line; column 3 its mapping.
    assert problem["text"].startswith("jcpoa (1).yaml:4:")
    report = client.post(
        "/api/report",
        json={"scenario": {"text": bad, "filename": "C:\\\\me\\\\jcpoa.yaml"}, "n_runs": 0},
    )
    assert report.status_code == 422
    assert {p["file"] for p in report.json()["problems"]} == {"jcpoa.yaml"}
    # Without a name the text is still called upload.yaml, as before.
    plain = client.post("/api/validate", json={"text": bad}).json()
    assert plain["problems"][0]["file"] == "upload.yaml"

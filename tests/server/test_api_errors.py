"""Every error answer of the API has one shape; strict request values; upload names and tables."""

from __future__ import annotations

import json
import re
import warnings

import pytest

from realpolitik.server import MAX_BODY_BYTES, create_app
from realpolitik.server.app import upload_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about its httpx backend
    from fastapi.testclient import TestClient

TOY = """
title: Toy
actors:
  - {id: a, name: A, capability: 1}
  - {id: b, name: B, capability: 3}
  - {id: c, name: C, capability: 2}
  - {id: d, name: D, capability: 1}
issues:
  - id: x
    title: X
    positions:
      a: {position: 0, salience: 1}
      b: {position: 100, salience: 1}
      c: {position: 40, salience: 1}
      d: {position: 70, salience: 1}
relations:
  - {between: [a, b], type: partnership}
  - {between: [a, c], type: partnership}
"""
# The Bueno de Mesquita table form. Positions 4-10 become 0-100 (A at 0, B at 100); the mean
# weighs capability x salience: (1 * 0.5 * 0 + 3 * 1 * 100) / (0.5 + 3) = 600 / 7.
TABLE = "Actor,Capability,Position,Salience\nA,1,4,0.5\nB,3,10,1\n"
SYRIA = {"name": "syria-2020"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def assert_error_shape(body: dict) -> None:
    """{"error": str, "problems": [{file, where, message, text}] (optional)}, nothing else."""
    assert set(body) <= {"error", "problems"}, body
    assert isinstance(body["error"], str) and body["error"]
    assert not body["error"].startswith("Value error")
    for p in body.get("problems", []):
        assert set(p) == {"file", "where", "message", "text"}, p
        assert not p["message"].startswith("Value error")
        where = f": {p['where']}" if p["where"] else ""
        # Problems in scenario text carry the line and column: file:line:col: where: message.
        at = r"(:\d+(:\d+)?)?"
        pattern = re.escape(p["file"]) + at + re.escape(f"{where}: {p['message']}")
        assert re.fullmatch(pattern, p["text"]), p


# Each: (method, path, request keywords, status).
BAD_REQUESTS = [
    ("get", "/api/no-such-endpoint", {}, 404),
    ("get", "/api/forecast", {}, 405),
    ("get", "/api/scenarios/atlantis", {}, 404),
    ("get", "/static/app.py", {}, 404),
    ("post", "/api/forecast", {"json": {"scenario": {}}}, 422),
    ("post", "/api/forecast", {"json": {"scenario": SYRIA, "colour": "red"}}, 422),
    ("post", "/api/forecast", {"json": {"scenario": SYRIA, "shocks": ["nope"]}}, 422),
    ("post", "/api/forecast", {"json": {"scenario": {"text": "title: [unclosed"}}}, 422),
    ("post", "/api/montecarlo", {"json": {"scenario": SYRIA, "n_runs": True}}, 422),
    ("post", "/api/montecarlo", {"json": {"scenario": SYRIA, "n_runs": "10"}}, 422),
    ("post", "/api/montecarlo", {"json": {"scenario": SYRIA, "n_runs": 10.0}}, 422),
    ("post", "/api/report", {"json": {"scenario": SYRIA, "seed": -1, "shocks": [1]}}, 422),
    ("post", "/api/forecast", {"json": {"scenario": SYRIA, "trace": "yes"}}, 422),
    (
        "post",
        "/api/montecarlo",
        {"content": b"{not json", "headers": {"content-type": "application/json"}},
        422,
    ),
    ("post", "/api/upload", {}, 422),
    (
        "post",
        "/api/validate",
        {
            "content": json.dumps({"text": "x" * (MAX_BODY_BYTES + 1)}),
            "headers": {"content-type": "application/json"},
        },
        413,
    ),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), BAD_REQUESTS)
def test_every_error_answer_has_one_shape(client, method, path, kwargs, status):
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert_error_shape(r.json())


def test_request_validation_names_the_field_without_pydantic_prefixes(client):
    r = client.post("/api/forecast", json={"scenario": {"name": "syria-2020", "text": "x"}})
    body = r.json()
    assert body["error"] == (
        "invalid request: scenario: give exactly one of 'name' (a built-in scenario) or 'text'"
    )
    assert body["problems"] == [
        {
            "file": "request",
            "where": "scenario",
            "message": "give exactly one of 'name' (a built-in scenario) or 'text'",
            "text": "request: scenario: give exactly one of 'name' (a built-in scenario) or 'text'",
        }
    ]
    many = client.post("/api/report", json={"scenario": SYRIA, "seed": -1, "shocks": ["ok", 7]})
    where = [p["where"] for p in many.json()["problems"]]
    assert sorted(where) == ["seed", "shocks[1]"]
    assert many.json()["error"].endswith("(and 1 more)")


@pytest.mark.parametrize(
    ("field", "value"),
    [("n_runs", True), ("n_runs", "10"), ("n_runs", 10.5), ("seed", False), ("seed", "1")],
)
def test_counts_are_strict_integers(client, field, value):
    r = client.post("/api/montecarlo", json={"scenario": SYRIA, "n_runs": 5, field: value})
    assert r.status_code == 422
    (problem,) = r.json()["problems"]
    assert problem["where"] == field
    assert problem["message"].startswith("Input should be a valid integer")
    assert problem["message"].endswith(f"; got {json.dumps(value)}")


def test_strict_integers_still_accept_integers(client):
    r = client.post("/api/montecarlo", json={"scenario": {"text": TOY}, "n_runs": 4, "seed": 1})
    assert r.status_code == 200, r.text
    assert r.json()["n"] == 4


def test_planb_rules_are_named_by_their_place_in_the_request(client):
    body = {"scenario": {"text": TOY}, "actor": "a", "without": "b"}
    r = client.post("/api/planb", json={**body, "rules": ["min-capability:1", "bogus"]})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error.startswith("rules[1]: unknown rule 'bogus'")
    assert "--require" not in error
    r = client.post("/api/planb", json={**body, "rules": ["not:atlantis"]})
    assert r.status_code == 422
    assert r.json()["error"].startswith("rules[0]: rule 'not:atlantis' names unknown actor")
    # Valid rules still apply: the API ranks as the library does, and "not:c" puts c last, failed.
    from realpolitik.analysis.planb import plan_b
    from realpolitik.scenario import parse_scenario

    free = client.post("/api/planb", json=body).json()["candidates"]
    lib = plan_b(parse_scenario(TOY), "a", "b")
    assert [c["id"] for c in free] == [c.id for c in lib.candidates]
    ok = client.post("/api/planb", json={**body, "rules": ["not:c"]})
    assert ok.status_code == 200, ok.text
    assert [(c["id"], c["passes"]) for c in ok.json()["candidates"]] == [("d", True), ("c", False)]


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("mine.yaml", "mine.yaml"),
        ("../../etc/my table.csv", "my table.csv"),
        ("C:\\Users\\me\\bdm.csv", "bdm.csv"),
        ("<img src=x>.yaml", "_img src_x_.yaml"),
        ("..", "upload.yaml"),
        ("", "upload.yaml"),
        ("a" * 300 + ".csv", "a" * 96 + ".csv"),
    ],
)
def test_upload_names_are_base_names_made_safe(given, shown):
    assert upload_name(given) == shown


def test_csv_upload_is_read_as_a_table_and_named_by_its_file(client):
    r = client.post("/api/upload", files={"file": ("../x/bdm.csv", TABLE.encode(), "text/csv")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["valid"] is True and body["format"] == "csv" and body["filename"] == "bdm.csv"
    assert [a["id"] for a in body["summary"]["actors"]] == ["a", "b"]
    # The same text then forecasts as a table: the weighted mean, mapped back to 0-100.
    fc = client.post("/api/forecast", json={"scenario": {"text": TABLE, "format": "csv"}})
    assert fc.status_code == 200, fc.text
    (issue,) = fc.json()["issues"]
    assert issue["forecast"]["mean"] == pytest.approx(600 / 7, abs=1e-6)


def test_upload_problems_name_the_uploaded_file(client):
    bad_table = TABLE.replace("B,3,", "B,three,")
    r = client.post("/api/upload", files={"file": ("bdm.csv", bad_table.encode(), "text/csv")})
    (problem,) = r.json()["problems"]
    assert problem["file"] == "bdm.csv"
    assert problem["text"].startswith("bdm.csv:3:2: ")
    bad_yaml = TOY.replace("capability: 3", "capability: -3")
    r = client.post("/api/upload", files={"file": ("dir/mine.yml", bad_yaml.encode(), "text/yaml")})
    assert r.json()["valid"] is False
    assert {p["file"] for p in r.json()["problems"]} == {"mine.yml"}


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_deeply_nested_documents_are_unprocessable_not_too_large(client, fmt):
    text = "[" * 150 + "]" * 150
    r = client.post("/api/forecast", json={"scenario": {"text": text, "format": fmt}})
    assert r.status_code == 422
    assert_error_shape(r.json())
    assert "nested" in r.json()["problems"][0]["message"]
    v = client.post("/api/validate", json={"text": text, "format": fmt})
    assert v.status_code == 200 and v.json()["valid"] is False
    assert "nested" in v.json()["problems"][0]["message"]

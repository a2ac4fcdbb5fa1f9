"""The dashboard answers every bad input with a 4xx in its one error shape, checks the Host
header, runs heavy computations in a bounded pool, and escapes plot text exactly once."""

from __future__ import annotations

import json
import time
import warnings

import pytest

from realpolitik.exceptions import ScenarioError
from realpolitik.server import create_app
from realpolitik.server._pool import WORKER_NICENESS, ComputationTooLongError, WorkerPool

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOY = """title: Toy
date: 2020-01-05
actors:
  - {id: a, name: 'The "A" team', capability: 1}
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


def assert_error(r, status: int) -> dict:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) <= {"error", "problems"} and body["error"]
    return body


SURROGATE = '"title: T\\ud800 x"'


@pytest.mark.parametrize(
    "path", ["/api/forecast", "/api/montecarlo", "/api/escalation", "/api/compare"]
)
def test_a_lone_surrogate_in_a_json_body_is_a_422(client, path):
    raw = '{"scenario": {"text": ' + SURROGATE + '}, "shocks": ["s"]}'
    r = client.post(path, content=raw.encode(), headers={"content-type": "application/json"})
    body = assert_error(r, 422)
    assert "lone UTF-16 surrogate" in r.text and "scenario.text" in r.text
    assert "\\ud800" in body["problems"][0]["message"]


def test_a_surrogate_in_a_list_of_names_is_a_422(client):
    raw = '{"scenario": {"name": "syria-2020"}, "shocks": ["a\\udfff"]}'
    r = client.post(
        "/api/forecast", content=raw.encode(), headers={"content-type": "application/json"}
    )
    assert_error(r, 422)


def test_validate_with_a_surrogate_is_a_422(client):
    raw = '{"text": ' + SURROGATE + "}"
    r = client.post(
        "/api/validate", content=raw.encode(), headers={"content-type": "application/json"}
    )
    assert_error(r, 422)


def test_an_impossible_date_is_a_problem_not_a_500(client):
    text = TOY.replace("2020-01-05", "2020-02-30")
    r = client.post("/api/validate", json={"text": text})
    assert r.status_code == 200 and r.json()["valid"] is False
    assert "expected a calendar date" in r.json()["problems"][0]["message"]
    r = client.post("/api/forecast", json={"scenario": {"text": text}})
    body = assert_error(r, 422)
    assert body["problems"][0]["where"] == "date"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("s.yaml", TOY.replace("2020-01-05", "2020-02-30").encode()),
        ("s.yaml", TOY.encode("utf-16")),
        ("s.yaml", TOY.encode()[:30] + b"\xed\xa0\x80" + TOY.encode()[30:]),
        ("s.yaml", b"\x00\x01\x02"),
        ("s.json", b'{"title": ' + b"9" * 5000 + b"}"),
        ("s.csv", b"T,d,0.5,-1\nh\nA\n"),
        ("s.csv", b"Actor,Capability,Position,Salience\nA,nan,1,1\n"),
        ("\udcff.yaml".encode("utf-8", "surrogateescape").decode("latin-1"), TOY.encode()),
    ],
)
def test_uploads_never_answer_500(client, name, data):
    r = client.post("/api/upload", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code < 500, r.text
    if r.status_code == 200:
        assert r.json()["valid"] is (data == TOY.encode())
    else:
        assert_error(r, r.status_code)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io", ""])
def test_a_foreign_host_header_is_refused(client, host):
    r = client.get("/api/scenarios", headers={"host": host})
    body = assert_error(r, 400)
    assert "unexpected Host header" in body["error"] and "--host" in body["error"]


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_local_host_headers_are_served(client, host):
    assert client.get("/api/scenarios", headers={"host": host}).status_code == 200


def test_serve_host_option_adds_its_name_and_all_interfaces_accept_any():
    named = TestClient(create_app(host="dash.lan"), base_url="http://dash.lan:8000")
    assert named.get("/api/scenarios").status_code == 200
    assert named.get("/api/scenarios", headers={"host": "evil.example"}).status_code == 400
    anywhere = TestClient(create_app(host="0.0.0.0"), base_url="http://10.1.2.3:8000")
    assert anywhere.get("/api/scenarios").status_code == 200


# --- the worker pool --------------------------------------------------------------------------
def _raise_scenario_error(file: str) -> None:
    from realpolitik.exceptions import Problem

    raise ScenarioError([Problem(file, "actors[0]", "bad")])


def test_the_pool_stops_a_computation_past_its_time_limit_and_keeps_serving():
    pool = WorkerPool(n_workers=1, time_limit=1.0, queue_seconds=30)
    try:
        start = time.perf_counter()
        with pytest.raises(
            ComputationTooLongError, match="longer than the dashboard's limit of 1 s"
        ):
            pool.run(time.sleep, 30)
        assert time.perf_counter() - start < 20
        # The next jobs import this test module in a fresh worker (on a busy machine, more
        # than 1 s), which is no computation.
        pool.time_limit = 60.0
        assert pool.run(sum, [1, 2, 3]) == 6  # a fresh worker replaced the killed one
        with pytest.raises(ScenarioError) as info:
            pool.run(_raise_scenario_error, "f.yaml")
        assert [str(p) for p in info.value.problems] == ["f.yaml: actors[0]: bad"]
    finally:
        pool.close()


def test_workers_run_at_a_lower_priority_only_when_they_leave_the_server_no_core():
    import os

    cores = os.cpu_count() or 1
    assert WorkerPool(n_workers=cores).niceness == WORKER_NICENESS > 0
    if cores > 1:
        assert WorkerPool(n_workers=cores - 1).niceness == 0
    pool = WorkerPool(n_workers=cores, time_limit=120)
    try:
        # The kernel caps niceness at 19 (a suite run under `nice` starts at 10 already).
        assert pool.run(os.nice, 0) == min(19, os.nice(0) + WORKER_NICENESS)
    finally:
        pool.close()


def test_heavy_endpoints_answer_through_the_pool(client):
    body = {"scenario": {"text": TOY}, "n_runs": 20, "seed": 1, "model": "mean"}
    r = client.post("/api/montecarlo", json=body)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.json()["n"] == 20
    # Encoded in the worker, the answer is the JSON of the computation's dict, as FastAPI
    # would write it in the server.
    from realpolitik.server.app import MonteCarloIn, do_montecarlo

    assert r.json() == json.loads(json.dumps(do_montecarlo(MonteCarloIn.model_validate(body))))
    r = client.post("/api/explain", json={"scenario": {"text": TOY}, "actor": "zz"})
    assert_error(r, 422)


# --- plot text is escaped exactly once ----------------------------------------------------------
def test_plot_labels_show_quotes_as_typed(client):
    r = client.post("/api/report", json={"scenario": {"text": TOY}, "n_runs": 0})
    assert r.status_code == 200, r.text
    body = r.json()["body"]
    figures = [
        json.loads(block.replace("\\u003c", "<"))
        for block in body.split('type="application/json"')[1:]
        for block in [block.split(">", 1)[1].split("</script>", 1)[0]]
    ]
    text = json.dumps(figures)
    assert 'The \\"A\\" team' in text
    assert "&quot;" not in text and "&amp;quot;" not in text

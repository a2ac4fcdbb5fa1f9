"""Load test of the dashboard: light and heavy requests from concurrent clients, on loopback only.

Starts ``realpolitik serve``'s application with uvicorn in a child process on 127.0.0.1 (a free
port), then runs ``--clients`` threads for ``--seconds`` seconds (at most ``--max-requests``
requests in all), each sending a mix of light requests (the scenario list, a validation, a
baseline forecast of the built-in scenario) and heavy ones (a Monte Carlo run, Plan B, a
report). Prints throughput and the 50/95/99 % latencies of each kind.

``--src DIR`` runs the code of another checkout (``PYTHONPATH=DIR``); give it twice to compare,
e.g. the old code and this one::

    python benchmarks/bench_load.py --src /tmp/main/src --src src
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only, never another machine

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
SYRIA = {"name": "syria-2020"}

#: (kind, method, path, body); light ones are what the page asks for while editing.
REQUESTS: list[tuple[str, str, str, dict | None]] = [
    ("light", "GET", "/api/scenarios", None),
    ("light", "POST", "/api/validate", {"text": TOY}),
    ("light", "POST", "/api/forecast", {"scenario": SYRIA, "models": ["mean"]}),
    ("heavy", "POST", "/api/montecarlo", {"scenario": SYRIA, "n_runs": 300, "seed": 1}),
    ("heavy", "POST", "/api/planb", {"scenario": SYRIA, "actor": "russia", "without": "iran"}),
    ("heavy", "POST", "/api/report", {"scenario": SYRIA, "n_runs": 50}),
]
#: Share of heavy requests in the mix.
HEAVY_SHARE = 0.25


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(src: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn; from realpolitik.server import create_app; "
        f"uvicorn.run(create_app(), host={HOST!r}, port={port}, log_level='error')"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/api/scenarios")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"the server from {src} did not start")


def warm(port: int) -> None:
    """One request of each kind first (the worker pool starts its processes on demand)."""
    for _, method, path, body in REQUESTS:
        send(port, method, path, body, timeout=300)


def send(port: int, method: str, path: str, body: dict | None, timeout: float) -> int:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    payload = None if body is None else json.dumps(body).encode()
    headers = {"content-type": "application/json"} if body is not None else {}
    conn.request(method, path, body=payload, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def load(port: int, clients: int, seconds: float, max_requests: int) -> dict[str, dict]:
    lock = threading.Lock()
    results: list[tuple[str, float, int]] = []
    stop = time.monotonic() + seconds
    light = [r for r in REQUESTS if r[0] == "light"]
    heavy = [r for r in REQUESTS if r[0] == "heavy"]

    def client(k: int) -> None:
        rng = np.random.default_rng(k)
        while time.monotonic() < stop:
            with lock:
                if len(results) >= max_requests:
                    return
            pool = heavy if rng.random() < HEAVY_SHARE else light
            kind, method, path, body = pool[int(rng.integers(len(pool)))]
            start = time.perf_counter()
            try:
                status = send(port, method, path, body, timeout=120)
            except OSError:
                status = 0
            with lock:
                results.append((kind, time.perf_counter() - start, status))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    begin = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - begin
    out: dict[str, dict] = {}
    for kind in ("light", "heavy"):
        rows = [(s, st) for k, s, st in results if k == kind]
        lat = np.array([s for s, _ in rows]) if rows else np.zeros(1)
        out[kind] = {
            "n": len(rows),
            "per_s": len(rows) / elapsed,
            "ok": sum(st == 200 for _, st in rows),
            "4xx": sum(400 <= st < 500 for _, st in rows),
            "5xx": sum(st >= 500 for _, st in rows),
            "failed": sum(st == 0 for _, st in rows),
            "p50": float(np.percentile(lat, 50)),
            "p95": float(np.percentile(lat, 95)),
            "p99": float(np.percentile(lat, 99)),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, action="append", help="a src/ folder (repeatable)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    args = parser.parse_args()
    sources = args.src or [REPO / "src"]
    table = []
    for src in sources:
        port = free_port()
        proc = start_server(src.resolve(), port)
        try:
            warm(port)
            table.append((str(src), load(port, args.clients, args.seconds, args.max_requests)))
        finally:
            proc.terminate()  # uvicorn waits for requests still queued: stop it after 10 s
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
    print(
        f"\n{args.clients} clients for {args.seconds:g} s on {HOST}, "
        f"{HEAVY_SHARE:.0%} heavy (montecarlo 300 runs, planb, report 50 runs)"
    )
    print(
        f"{'code':<28}{'kind':<7}{'n':>6}{'req/s':>8}{'ok':>6}{'4xx':>5}{'5xx':>5}{'fail':>5}"
        f"{'p50 s':>8}{'p95 s':>8}{'p99 s':>8}"
    )
    for src, res in table:
        for kind, r in res.items():
            print(
                f"{src[-28:]:<28}{kind:<7}{r['n']:>6}{r['per_s']:>8.1f}{r['ok']:>6}{r['4xx']:>5}"
                f"{r['5xx']:>5}{r['failed']:>5}{r['p50']:>8.3f}{r['p95']:>8.3f}{r['p99']:>8.3f}"
            )
    if len(table) == 2:
        (_, old), (_, new) = table
        for kind in ("light", "heavy"):
            ratio = old[kind]["p95"] / new[kind]["p95"] if new[kind]["p95"] else float("nan")
            print(f"p95 {kind}: {ratio:.1f}x lower with the second code")


if __name__ == "__main__":
    main()

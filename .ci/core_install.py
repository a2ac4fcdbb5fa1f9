"""Check a core install (``pip install -e .``, no extras): `make test-core` runs this in .venv-core.

Standard library only, because the core venv has no pytest. Every core command must run and
exit 0; each command behind an extra must exit 2 naming its ``pip install 'realpolitik[...]'``
line, without a traceback; no optional library may be installed (else the check proves nothing).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent
CLI = str(BIN / "realpolitik")
OPTIONAL = ("plotly", "spacy", "fastapi", "uvicorn", "dask", "pyarrow")

CORE = [
    ["--help"],
    ["scenarios"],
    ["forecast"],
    ["forecast", "--format", "csv"],
    ["compare", "--shock", "iran-strikes-israel"],
    ["network"],
    ["planb", "--actor", "russia", "--without", "iran"],
    ["escalate"],
    ["montecarlo", "-n", "200", "--seed", "1"],
    ["explain", "--actor", "russia"],
    ["runs", "list"],
    ["runs", "rerun", "last"],
]

EXTRA = [
    (["report", "-o", "report.html"], "report"),
    (["serve"], "server"),
    (["ingest", "-"], "ingest"),
    (["montecarlo", "-n", "10", "--engine", "dask"], "dask"),
]


def main() -> int:
    """Run every check; return the exit code (0 when all pass)."""
    present = [m for m in OPTIONAL if importlib.util.find_spec(m) is not None]
    if present:
        print(f"FAIL: the core venv has optional libraries installed: {present}")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "REALPOLITIK_STORE": str(Path(tmp) / "runs.sqlite")}
        for args in CORE:
            r = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, cwd=tmp)
            ok = r.returncode == 0 and "Traceback" not in r.stderr
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} realpolitik {' '.join(args)}")
            if not ok:
                print(r.stdout[-1500:], r.stderr[-1500:], sep="\n")
        for args, extra in EXTRA:
            r = subprocess.run(
                [CLI, *args], capture_output=True, text=True, env=env, cwd=tmp, input=""
            )
            hint = f"pip install 'realpolitik[{extra}]'"
            ok = r.returncode == 2 and hint in r.stderr and "Traceback" not in r.stderr
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} realpolitik {' '.join(args)} -> names {hint}")
            if not ok:
                print(f"exit {r.returncode}", r.stderr[-1500:], sep="\n")
    print(f"{len(CORE) + len(EXTRA) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared fixtures: the seed article, the shared data folder, a global seed."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import settings

# The command line's consoles take their width from COLUMNS when they are made (at import).
# pytest-xdist's workers start with COLUMNS=80 in their environment; without this, every
# command in a worker would be 80 columns wide whatever a test's ``env={"COLUMNS": ...}`` asks.
os.environ.pop("COLUMNS", None)

# CI runs the same hypothesis examples every time (no flaky runs); locally they vary, so that
# new cases keep being found. A failure prints the example's blob to replay it.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data"
SEED_ARTICLE = SHARED / "seed" / "putin-plan-b-on-iran.txt"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is missing: set REALPOLITIK_SHARED to the shared/ folder")
    return path


@pytest.fixture
def data_dir() -> Path:
    return _need(DATA)


@pytest.fixture
def seed_article() -> Path:
    return _need(SEED_ARTICLE)


@pytest.fixture
def global_seed() -> int:
    """The seed for random tests (sklearn's habit): 42 unless REALPOLITIK_SEED says otherwise."""
    return int(os.environ.get("REALPOLITIK_SEED", "42"))


@pytest.fixture(autouse=True)
def _no_global_rng_use():
    """No code may touch numpy's global random state."""
    before = np.random.get_state()[1].copy()  # noqa: NPY002 (the point of the check)
    yield
    after = np.random.get_state()[1]  # noqa: NPY002
    assert np.array_equal(before, after), "numpy's global random state changed"


@pytest.fixture(autouse=True, scope="session")
def _session_run_store(tmp_path_factory):
    """Module and session fixtures that run commands record into a folder of the test run."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REALPOLITIK_STORE", str(tmp_path_factory.mktemp("store") / "runs.sqlite"))
        yield


@pytest.fixture(autouse=True)
def _private_run_store(tmp_path, monkeypatch):
    """Every test records runs into its own folder, never into the real home's data folder."""
    monkeypatch.setenv("REALPOLITIK_STORE", str(tmp_path / "runs.sqlite"))

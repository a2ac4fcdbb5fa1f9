from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
# The seed article stays in the shared folder (it is not ours to redistribute).
SEED = (
    Path(os.environ.get("REALPOLITIK_SHARED", HERE.resolve().parents[2] / "shared"))
    / "seed"
    / "putin-plan-b-on-iran.txt"
)


@pytest.fixture(scope="session")
def coder():
    from realpolitik.ingest import EventCoder

    return EventCoder()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"{SEED} is missing: set REALPOLITIK_SHARED to the shared/ folder")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return yaml.safe_load((HERE / "gold" / "seed.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def news_gold() -> dict:
    return yaml.safe_load((HERE / "gold" / "news.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def heldout_gold() -> dict:
    return yaml.safe_load((HERE / "gold" / "heldout.yaml").read_text(encoding="utf-8"))

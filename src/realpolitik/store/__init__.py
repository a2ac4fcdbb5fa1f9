"""The run store: every recorded forecast, comparison, Plan B, escalation, Monte Carlo, backtest.

One SQLite file (standard library, no server) in the platform's data folder; see
:mod:`realpolitik.store.location` for where, :mod:`realpolitik.store.db` for the tables and
:mod:`realpolitik.store.diff` for how two runs are compared.
"""

from __future__ import annotations

from realpolitik.store.db import (
    SCHEMA_VERSION,
    RunRecord,
    RunStore,
    RunSummary,
    StoreError,
    text_hash,
)
from realpolitik.store.diff import Change, RunDiff, diff_data, diff_runs
from realpolitik.store.location import STORE_ENV, data_dir, store_path

__all__ = [
    "SCHEMA_VERSION",
    "STORE_ENV",
    "Change",
    "RunDiff",
    "RunRecord",
    "RunStore",
    "RunSummary",
    "StoreError",
    "data_dir",
    "diff_data",
    "diff_runs",
    "store_path",
    "text_hash",
]

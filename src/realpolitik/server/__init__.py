"""The local dashboard: a FastAPI app (JSON API and one page); start it with ``realpolitik serve``."""

from __future__ import annotations

from realpolitik.server.app import MAX_BODY_BYTES, MAX_REPORT_RUNS, MAX_RUNS, create_app

__all__ = ["MAX_BODY_BYTES", "MAX_REPORT_RUNS", "MAX_RUNS", "create_app"]

"""The run history: the runs the command line recorded, read from its run store."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query
from fastapi import Path as FastAPIPath
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.exceptions import RealpolitikError
from realpolitik.server.limits import MAX_HISTORY


def _run_store() -> Any:
    """The command line's run store, or None when there is none (off, or nothing recorded)."""
    from realpolitik.store import RunStore, store_path

    path = store_path()
    if path is None or not path.exists():
        return None
    return RunStore(path)


def add_run_routes(app: FastAPI) -> None:
    """Add ``/api/runs`` and ``/api/runs/{run_id}`` to ``app``."""

    # --- the run history -----------------------------------------------------------------------
    @app.get("/api/runs", tags=["runs"])
    def list_runs(limit: int = Query(default=20, ge=1, le=MAX_HISTORY)) -> dict[str, Any]:
        """The newest runs the command line recorded (``realpolitik runs list``), newest first.

        The store is the one the command line uses (``$REALPOLITIK_STORE``, else the platform's
        data folder); no request chooses it.
        """
        store = _run_store()
        rows = store.list_runs(limit=limit) if store is not None else []
        return {
            "runs": [
                {
                    "id": r.id,
                    "created": r.created,
                    "command": r.command,
                    "source": r.source,
                    "title": r.title,
                    "scenario_hash": r.scenario_hash,
                    "models": r.models,
                    "seed": None if r.seed is None else str(r.seed),
                }
                for r in rows
            ]
        }

    @app.get("/api/runs/{run_id}", tags=["runs"])
    def get_run(run_id: int = FastAPIPath(ge=1)) -> dict[str, Any]:
        """One recorded run: its scenario text and format, settings and results."""
        store = _run_store()
        if store is None:
            raise StarletteHTTPException(404, "no runs recorded yet")
        try:
            rec = store.get(run_id)
        except RealpolitikError:
            raise StarletteHTTPException(404, f"no run {run_id} in the run store") from None
        return {
            "id": rec.id,
            "created": rec.created,
            "command": rec.command,
            "source": rec.source,
            "text": rec.scenario_text,
            "format": "csv"
            if rec.scenario_format in ("csv", "tsv", "txt")
            else ("json" if rec.scenario_format == "json" else "yaml"),
            "models": rec.models,
            "options": rec.options,
            "seed": None if rec.seed is None else str(rec.seed),
            "results": rec.results,
        }


__all__ = [
    "add_run_routes",
]

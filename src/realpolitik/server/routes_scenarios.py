"""The scenario endpoints: the built-in list, one built-in scenario, validation, upload."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, File, UploadFile

from realpolitik.exceptions import InputError
from realpolitik.scenario import builtin_scenarios, parse_scenario
from realpolitik.server.errors import TooLargeError, UnknownScenarioError
from realpolitik.server.limits import MAX_BODY_BYTES, MAX_NAME
from realpolitik.server.models import TextIn
from realpolitik.server.scenarios import _builtin, _summary, _validate
from realpolitik.server.uploads import text_format, upload_name


def add_scenario_routes(app: FastAPI) -> None:
    """Add ``/api/scenarios``, ``/api/validate`` and ``/api/upload`` to ``app``."""

    # --- scenarios ---------------------------------------------------------------------------
    @app.get("/api/scenarios", tags=["scenarios"])
    def list_scenarios() -> dict[str, Any]:
        """The built-in scenarios: name and title."""
        return {"scenarios": [{"name": n, "title": t} for n, t in builtin_scenarios().items()]}

    @app.get("/api/scenarios/{name}", tags=["scenarios"])
    def get_scenario(name: str) -> dict[str, Any]:
        """One built-in scenario: its YAML text and a summary (actors, issues, shocks, trees)."""
        known = builtin_scenarios()
        if name not in known:
            raise UnknownScenarioError(
                f"unknown built-in scenario {name[:MAX_NAME]!r}; "
                f"built-in scenarios: {', '.join(known)}"
            )
        s = parse_scenario(_builtin(name), filename=f"{name}.yaml")
        return {"name": name, "title": s.title, "text": _builtin(name), "summary": _summary(s)}

    @app.post("/api/validate", tags=["scenarios"])
    def validate(body: TextIn) -> dict[str, Any]:
        """Check scenario text: ``valid``, the same ``problems`` as ``realpolitik check``."""
        name = upload_name(body.filename, f"upload.{body.format}") if body.filename else None
        return _validate(body.text, body.format, name)

    @app.post("/api/upload", tags=["scenarios"])
    def upload(file: UploadFile = File(...)) -> dict[str, Any]:  # noqa: B008
        """Check an uploaded scenario file (read in memory); returns its text too.

        Messages name the file by its own base name; ``.csv``, ``.tsv`` and ``.txt`` files are
        read as tables, ``.json`` as JSON, anything else as YAML.
        """
        name = upload_name(file.filename)
        fmt = text_format(name)
        raw = file.file.read(MAX_BODY_BYTES + 1)
        if len(raw) > MAX_BODY_BYTES:
            raise TooLargeError(f"the file is larger than {MAX_BODY_BYTES} bytes")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"the file is not UTF-8 text (byte {exc.start} cannot be decoded)"
            ) from None
        return {**_validate(text, fmt, name), "text": text, "format": fmt, "filename": name}


__all__ = [
    "add_scenario_routes",
]

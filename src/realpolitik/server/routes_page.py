"""The page: ``index.html``, its script and style, and Plotly; nothing else is served."""

from __future__ import annotations

from functools import cache
from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, Response

from realpolitik.report.html import plotly_js
from realpolitik.server.errors import error_body
from realpolitik.server.limits import MAX_NAME

_STATIC = "realpolitik.server.static"
#: The only files the page may fetch: URL name -> (file name, media type).
STATIC_FILES: dict[str, tuple[str, str]] = {
    "app.js": ("app.js", "text/javascript; charset=utf-8"),
    "app.css": ("app.css", "text/css; charset=utf-8"),
}
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@cache
def static_text(name: str) -> str:
    """The text of a file shipped in ``realpolitik/server/static`` (cached)."""
    return resources.files(_STATIC).joinpath(name).read_text(encoding="utf-8")


def add_page_routes(app: FastAPI) -> None:
    """Add the page (``/``) and its static files to ``app``."""

    # --- the page ------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def index() -> HTMLResponse:
        return HTMLResponse(static_text("index.html"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        return Response(
            plotly_js(),
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        entry = STATIC_FILES.get(name)
        if entry is None:
            return JSONResponse(error_body(f"no static file {name[:MAX_NAME]!r}"), 404)
        file_name, media_type = entry
        return Response(static_text(file_name), media_type=media_type)


__all__ = [
    "STATIC_FILES",
    "add_page_routes",
    "static_text",
]

"""The dashboard: a JSON API over the package's public functions, and one page that uses it.

Safe by default:

* scenarios come only as the name of a built-in scenario (checked against the list) or as
  YAML/JSON text parsed in memory (:func:`realpolitik.scenario.parse_scenario`); no path from a
  request ever reaches ``open``; uploads are read in memory (the multipart parser spools anything
  large to the system's temporary folder, nowhere else);
* request bodies are limited to :data:`MAX_BODY_BYTES`, YAML alias expansion to
  :data:`MAX_YAML_NODES` nodes, Monte Carlo runs to :data:`MAX_RUNS` (the report's to
  :data:`MAX_REPORT_RUNS`);
* ``realpolitik serve`` binds to 127.0.0.1 unless told otherwise.

Every endpoint only parses its request, calls one public function and returns its ``to_dict()``.
Every error answer (4xx) has one shape: ``{"error": message, "problems": [...]}``, where
``problems`` (present for an invalid scenario or request) lists ``{file, where, message,
text}``; see :func:`error_body`.

The code lives by concept in the modules of :mod:`realpolitik.server`: ``models`` (request
bodies), ``uploads`` (uploaded text), ``scenarios`` (the scenario a request names, built-in
ones parsed once per process), ``errors`` (the error shape), ``limits`` (the limits and the body
size middleware), ``hosts`` (the ``Host`` check), ``computations`` (the work, run in the worker
pool of ``_pool`` when heavy) and ``routes_*`` (the endpoints). This module builds the
application from them (:func:`create_app`); the names those modules define stay importable
from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.exceptions import (
    LimitError,
    RealpolitikError,
    ScenarioError,
    ScenarioTooLargeError,
)
from realpolitik.server._pool import BusyError, ComputationTooLongError
from realpolitik.server._pool import shared_pool as shared_pool
from realpolitik.server.computations import LIGHT_PAIRS as LIGHT_PAIRS
from realpolitik.server.computations import capped_runs as capped_runs
from realpolitik.server.computations import do_compare as do_compare
from realpolitik.server.computations import do_escalation as do_escalation
from realpolitik.server.computations import do_explain as do_explain
from realpolitik.server.computations import do_forecast as do_forecast
from realpolitik.server.computations import do_montecarlo as do_montecarlo
from realpolitik.server.computations import do_planb as do_planb
from realpolitik.server.computations import do_report as do_report
from realpolitik.server.computations import do_report_html as do_report_html
from realpolitik.server.errors import (
    TooLargeError,
    UnknownScenarioError,
    error_body,
    request_problems,
)
from realpolitik.server.hosts import ANY_HOST, LOCAL_HOSTS, HostCheck
from realpolitik.server.hosts import host_name as host_name
from realpolitik.server.limits import (
    MAX_BODY_BYTES,
    MAX_REPORT_RUNS,
    MAX_RUNS,
    MAX_YAML_NODES,
    BodyLimit,
)
from realpolitik.server.limits import MAX_HISTORY as MAX_HISTORY
from realpolitik.server.limits import MAX_NAME as MAX_NAME
from realpolitik.server.limits import REPORT_RUNS_LIMIT as REPORT_RUNS_LIMIT
from realpolitik.server.limits import Message as Message
from realpolitik.server.limits import Receive as Receive
from realpolitik.server.limits import Scope as Scope
from realpolitik.server.limits import Send as Send
from realpolitik.server.models import CompareIn as CompareIn
from realpolitik.server.models import EscalationIn as EscalationIn
from realpolitik.server.models import ExplainIn as ExplainIn
from realpolitik.server.models import ForecastIn as ForecastIn
from realpolitik.server.models import MonteCarloIn as MonteCarloIn
from realpolitik.server.models import Name as Name
from realpolitik.server.models import NetworkIn as NetworkIn
from realpolitik.server.models import PlanBIn as PlanBIn
from realpolitik.server.models import ReportIn as ReportIn
from realpolitik.server.models import ScenarioRef
from realpolitik.server.models import TextFormatIn as TextFormatIn
from realpolitik.server.models import TextIn as TextIn
from realpolitik.server.routes_analysis import add_analysis_routes
from realpolitik.server.routes_page import _CSP, add_page_routes
from realpolitik.server.routes_page import STATIC_FILES as STATIC_FILES
from realpolitik.server.routes_page import static_text as static_text
from realpolitik.server.routes_runs import add_run_routes
from realpolitik.server.routes_scenarios import add_scenario_routes
from realpolitik.server.scenarios import scenario_from_ref
from realpolitik.server.uploads import TABLE_SUFFIXES as TABLE_SUFFIXES
from realpolitik.server.uploads import scenario_from_text, text_format, upload_name


def create_app(host: str | None = None) -> FastAPI:
    """Build the dashboard application (the JSON API under ``/api`` and the page at ``/``).

    Parameters
    ----------
    host : str, optional
        The name or address the server is started on (``realpolitik serve --host``). Requests
        are answered only when their ``Host`` header names this machine (:data:`LOCAL_HOSTS`)
        or ``host``; a ``host`` meaning every interface (``0.0.0.0``) accepts any name.

    Examples
    --------
    >>> app = create_app()
    >>> sorted(r.path for r in app.routes if r.path.startswith("/api/scenarios"))
    ['/api/scenarios', '/api/scenarios/{name}']
    """
    from realpolitik import __version__

    app = FastAPI(
        # No Swagger/ReDoc pages: they load their scripts from a CDN. The schema is served.
        docs_url=None,
        redoc_url=None,
        title="realpolitik",
        version=__version__,
        description=(
            "Forecast bargaining outcomes, replay shocks, solve escalation trees and find "
            "Plan B partners. Scenarios are built-in names or YAML/JSON text; bodies up to "
            f"{MAX_BODY_BYTES} bytes; Monte Carlo up to {MAX_RUNS} runs."
        ),
    )

    # Every error answer has the shape of error_body(): {"error": ..., "problems": [...]}.
    @app.exception_handler(ScenarioError)
    async def _scenario_error(request: Request, exc: ScenarioError) -> JSONResponse:
        return JSONResponse(error_body("invalid scenario", exc.problems), status_code=422)

    @app.exception_handler(UnknownScenarioError)
    async def _unknown(request: Request, exc: UnknownScenarioError) -> JSONResponse:
        return JSONResponse(error_body(str(exc)), status_code=404)

    @app.exception_handler(TooLargeError)
    @app.exception_handler(ComputationTooLongError)
    @app.exception_handler(LimitError)
    async def _too_large(request: Request, exc: RealpolitikError) -> JSONResponse:
        return JSONResponse(error_body(str(exc)), status_code=413)

    @app.exception_handler(ScenarioTooLargeError)
    async def _scenario_too_large(request: Request, exc: ScenarioTooLargeError) -> JSONResponse:
        return JSONResponse(error_body("scenario too large", exc.problems), status_code=413)

    @app.exception_handler(BusyError)
    async def _busy(request: Request, exc: BusyError) -> JSONResponse:
        return JSONResponse(error_body(str(exc)), status_code=429, headers={"Retry-After": "5"})

    @app.exception_handler(RealpolitikError)
    async def _user_error(request: Request, exc: RealpolitikError) -> JSONResponse:
        return JSONResponse(error_body(str(exc)), status_code=422)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = request_problems(exc.errors())
        first = f": {problems[0].where or 'body'}: {problems[0].message}" if problems else ""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return JSONResponse(error_body(f"invalid request{first}{more}", problems), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return JSONResponse(
            error_body(str(exc.detail)), status_code=exc.status_code, headers=exc.headers
        )

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", _CSP)
        return response

    add_scenario_routes(app)
    add_analysis_routes(app)
    add_run_routes(app)
    add_page_routes(app)

    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    allowed = None if host in ANY_HOST else [*LOCAL_HOSTS, *([host] if host else [])]
    app.add_middleware(HostCheck, allowed=allowed)  # outermost: runs first
    return app


__all__ = [
    "MAX_BODY_BYTES",
    "MAX_REPORT_RUNS",
    "MAX_RUNS",
    "MAX_YAML_NODES",
    "LOCAL_HOSTS",
    "BodyLimit",
    "HostCheck",
    "ScenarioRef",
    "create_app",
    "error_body",
    "request_problems",
    "scenario_from_ref",
    "scenario_from_text",
    "text_format",
    "upload_name",
]

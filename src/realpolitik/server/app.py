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
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from fastapi import FastAPI, File, Query, Request, UploadFile
from fastapi import Path as FastAPIPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import (
    InputError,
    LimitError,
    Problem,
    RealpolitikError,
    ScenarioError,
    ScenarioTooLargeError,
)
from realpolitik.forecasting import compare, forecast
from realpolitik.report import SECTIONS, gather, render_body, render_html
from realpolitik.report.data import MAX_RUNS as REPORT_MAX_RUNS
from realpolitik.report.data import Unavailable, plain, producer
from realpolitik.report.html import plotly_js
from realpolitik.scenario import builtin_scenarios, builtin_text, parse_scenario, parse_table
from realpolitik.scenario.loader import MAX_NODES
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.rules import parse_rule
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.server._pool import BusyError, ComputationTooLongError, shared_pool

#: Largest request body accepted (bytes).
MAX_BODY_BYTES = 1_000_000
#: Most Monte Carlo runs one request may ask for.
MAX_RUNS = 5000
#: Most Monte Carlo runs of a report request (the page reruns it on every change).
MAX_REPORT_RUNS = 1000
#: Most runs a report request may name (more than MAX_REPORT_RUNS are capped, with a notice).
REPORT_RUNS_LIMIT = REPORT_MAX_RUNS
#: Most values a YAML document may hold once its aliases are expanded (the loader's limit).
MAX_YAML_NODES = MAX_NODES
#: Longest name or id accepted in a request.
MAX_NAME = 100
#: Most runs ``GET /api/runs`` lists at once.
MAX_HISTORY = 200
#: Name suffixes of uploads read as tables (as ``realpolitik check FILE`` reads them).
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")

#: Formats of scenario text: YAML, JSON, or a table (CSV/TSV, see ``parse_table``).
TextFormatIn = Literal["yaml", "json", "csv"]

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

_NAME_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"
Name = Field(min_length=1, max_length=MAX_NAME, pattern=_NAME_PATTERN)


class UnknownScenarioError(RealpolitikError):
    """A scenario name that is not built in."""


class TooLargeError(RealpolitikError):
    """A request that exceeds one of the server's limits."""


# --------------------------------------------------------------------------------------------
# Requests
# --------------------------------------------------------------------------------------------
def _check_unicode(value: Any) -> Any:
    """Refuse text with a lone UTF-16 surrogate (``"\\ud800"`` in JSON): it is no character."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(
                    f"the text holds a lone UTF-16 surrogate ({_printable(text[exc.start])} at "
                    f"character {exc.start}), which is no Unicode character; send valid text"
                ) from None
    return value


class _Request(BaseModel):
    # strict: 10 is a count, "10" and true are not (no silent coercion of JSON values).
    model_config = ConfigDict(extra="forbid", strict=True)

    _unicode = field_validator("*", mode="before")(_check_unicode)


class ScenarioRef(_Request):
    """A scenario: a built-in ``name``, or the ``text`` of a YAML or JSON file (exactly one).

    ``filename`` (with ``text``) names the text in messages, as the user's file is named; it
    is cleaned by :func:`upload_name` and never opened.
    """

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME, pattern=_NAME_PATTERN)
    text: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    format: TextFormatIn = "yaml"
    filename: str | None = Field(default=None, max_length=4 * MAX_NAME)

    @model_validator(mode="after")
    def _one(self) -> ScenarioRef:
        if (self.name is None) == (self.text is None):
            raise ValueError("give exactly one of 'name' (a built-in scenario) or 'text'")
        return self


class TextIn(_Request):
    """Scenario text to validate (``filename`` names it in the problems, as in ScenarioRef)."""

    text: str = Field(max_length=MAX_BODY_BYTES)
    format: TextFormatIn = "yaml"
    filename: str | None = Field(default=None, max_length=4 * MAX_NAME)


class ForecastIn(_Request):
    """``POST /api/forecast``."""

    scenario: ScenarioRef
    models: list[str] | None = Field(default=None, max_length=20)
    shocks: list[str] = Field(default_factory=list, max_length=50)
    trace: bool = False


class CompareIn(_Request):
    """``POST /api/compare``."""

    scenario: ScenarioRef
    shocks: list[str] = Field(min_length=1, max_length=50)
    models: list[str] | None = Field(default=None, max_length=20)


class NetworkIn(_Request):
    """``POST /api/network``."""

    scenario: ScenarioRef
    shocks: list[str] = Field(default_factory=list, max_length=50)


class PlanBIn(_Request):
    """``POST /api/planb``."""

    scenario: ScenarioRef
    actor: str = Name
    without: str = Name
    rules: list[str] | None = Field(default=None, max_length=50)
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class EscalationIn(_Request):
    """``POST /api/escalation``."""

    scenario: ScenarioRef
    tree: str | None = Field(default=None, max_length=MAX_NAME)
    lam: float | None = Field(default=None, ge=0)
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class MonteCarloIn(_Request):
    """``POST /api/montecarlo``: at most :data:`MAX_RUNS` runs, always on this machine."""

    scenario: ScenarioRef
    n_runs: int = Field(default=200, ge=1, le=MAX_RUNS)
    seed: int = Field(default=0, ge=0, lt=2**63)
    shocks: list[str] = Field(default_factory=list, max_length=50)
    tree: str | None = Field(default=None, max_length=MAX_NAME)
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class ExplainIn(_Request):
    """``POST /api/explain``."""

    scenario: ScenarioRef
    actor: str = Name
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class ReportIn(_Request):
    """``POST /api/report`` and ``POST /api/report.html``.

    ``n_runs`` above :data:`MAX_REPORT_RUNS` (up to the command line's limit) is capped, and
    the answer says so (see :func:`capped_runs`).
    """

    scenario: ScenarioRef
    shocks: list[str] = Field(default_factory=list, max_length=50)
    n_runs: int = Field(default=100, ge=0, le=REPORT_RUNS_LIMIT)
    seed: int = Field(default=0, ge=0, lt=2**63)
    sections: list[str] | None = Field(default=None, max_length=len(SECTIONS))


# --------------------------------------------------------------------------------------------
# Scenarios from requests
# --------------------------------------------------------------------------------------------
def upload_name(filename: str | None, default: str = "upload.yaml") -> str:
    r"""The base name of an uploaded file, safe to show in messages (never used as a path).

    Folders are dropped, characters other than letters (any script), digits, spaces and
    ``._-()[]+,@'&`` become ``_`` (so ``jcpoa (1).yaml`` keeps its name), leading dots go, and
    the name is cut to :data:`MAX_NAME` characters (keeping its suffix).

    Examples
    --------
    >>> upload_name("C:\\Users\\me\\bdm table.csv"), upload_name("../../etc/passwd")
    ('bdm table.csv', 'passwd')
    >>> upload_name("<script>.yaml"), upload_name(".."), upload_name(None)
    ('_script_.yaml', 'upload.yaml', 'upload.yaml')
    >>> upload_name("jcpoa (1).yaml"), upload_name("Iran–E3 talks.yaml")
    ('jcpoa (1).yaml', 'Iran_E3 talks.yaml')
    """
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^\w.()\[\]+,@'& -]", "_", base).strip().lstrip(".").strip()
    if len(base) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        keep = dot + suffix if dot and len(suffix) < 10 else ""
        base = base[: MAX_NAME - len(keep)] + keep
    return base or default


def text_format(name: str) -> TextFormatIn:
    """The format an uploaded file's name implies: ``json``, ``csv`` (a table) or ``yaml``.

    Examples
    --------
    >>> [text_format(n) for n in ("a.JSON", "bdm.csv", "k.tsv", "s.yaml", "s")]
    ['json', 'csv', 'csv', 'yaml', 'yaml']
    """
    lower = name.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(TABLE_SUFFIXES):
        return "csv"
    return "yaml"


def scenario_from_text(
    text: str, fmt: TextFormatIn = "yaml", filename: str | None = None
) -> Scenario:
    """Parse scenario text in memory; ``csv`` text is read as a table (``parse_table``).

    ``filename`` only names the text in messages (``upload.yaml`` by default); it is never
    opened.

    Raises
    ------
    ScenarioError
        With every problem of the text (a document nested too deeply is one).
    TooLargeError
        When YAML aliases expand beyond :data:`MAX_YAML_NODES` nodes.
    """
    name = filename or f"upload.{fmt}"
    if fmt == "csv":
        return parse_table(text, filename=name)
    try:
        return parse_scenario(text, filename=name, fmt=fmt)
    except ScenarioTooLargeError as exc:
        # The loader refuses alias bombs and deep nesting; an expansion past any scenario's
        # size is answered as too large (413), like an oversized body.
        raise TooLargeError(str(exc.problems[0].message)) from None


def _run_store() -> Any:
    """The command line's run store, or None when there is none (off, or nothing recorded)."""
    from realpolitik.store import RunStore, store_path

    path = store_path()
    if path is None or not path.exists():
        return None
    return RunStore(path)


@lru_cache(maxsize=16)
def _builtin(name: str) -> str:
    return builtin_text(name)


@cache
def _builtin_names() -> tuple[str, ...]:
    # The built-in scenarios are package data: the same for the life of the process.
    return tuple(builtin_scenarios())


@lru_cache(maxsize=16)
def _builtin_parsed(name: str) -> Scenario:
    # Parsing a built-in scenario's YAML takes about 0.15 s of pure Python: a light request
    # (a forecast of a built-in scenario) would spend nearly all its time there, holding the
    # interpreter that every other light request needs. Parsed once per process instead.
    return parse_scenario(_builtin(name), filename=f"{name}.yaml")


def scenario_from_ref(ref: ScenarioRef) -> Scenario:
    """The scenario a request names: a built-in one, or parsed text. Never a file path.

    A built-in scenario is parsed once per process; each request gets its own deep copy
    (about 4 ms), so that nothing a computation does to it reaches the next request.
    """
    if ref.name is not None:
        known = _builtin_names()
        if ref.name not in known:
            raise UnknownScenarioError(
                f"unknown built-in scenario {ref.name!r}; built-in scenarios: {', '.join(known)}"
            )
        return _builtin_parsed(ref.name).model_copy(deep=True)
    assert ref.text is not None
    name = upload_name(ref.filename, f"upload.{ref.format}") if ref.filename else None
    return scenario_from_text(ref.text, ref.format, name)


def _shocked(scenario: Scenario, shocks: list[str]) -> Scenario:
    return apply_shocks(scenario, shocks) if shocks else scenario


def _problems(problems: Sequence[Problem]) -> list[dict[str, str]]:
    return [
        {"file": p.file, "where": p.where, "message": p.message, "text": str(p)} for p in problems
    ]


def error_body(message: str, problems: Sequence[Problem] | None = None) -> dict[str, Any]:
    """The one shape of every error answer: ``{"error": message, "problems": [...]}``.

    ``problems`` is present only when there are some; each is ``{file, where, message,
    text}`` (``text`` is the line ``realpolitik check`` prints).

    Examples
    --------
    >>> error_body("unknown shock 'x'")
    {'error': "unknown shock 'x'"}
    >>> error_body("invalid request", [Problem("request", "n_runs", "must be >= 0")])["problems"]
    [{'file': 'request', 'where': 'n_runs', 'message': 'must be >= 0', 'text': 'request: n_runs: must be >= 0'}]
    """
    body: dict[str, Any] = {"error": _printable(message)}
    if problems:
        body["problems"] = [{k: _printable(v) for k, v in p.items()} for p in _problems(problems)]
    return body


def _printable(text: str) -> str:
    r"""``text`` with lone surrogates written as escapes, so that the answer encodes as UTF-8.

    Examples
    --------
    >>> _printable("a\ud800b")
    'a\\ud800b'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


_PYDANTIC_PREFIXES = ("Value error, ", "Assertion failed, ")


def request_problems(errors: Sequence[Any]) -> list[Problem]:
    """Problems of a request that does not match its schema, in the words a user reads.

    ``where`` is the field's path in the body (``scenario.name``, ``rules[0]``); pydantic's
    ``"Value error, "`` prefixes are dropped, and a short scalar input is quoted.

    Examples
    --------
    >>> [str(p) for p in request_problems([{"type": "int_type", "loc": ("body", "n_runs"),
    ...     "msg": "Input should be a valid integer", "input": True}])]
    ['request: n_runs: Input should be a valid integer; got true']
    >>> [str(p) for p in request_problems([{"type": "value_error", "loc": ("body", "scenario"),
    ...     "msg": "Value error, give exactly one of 'name' or 'text'", "input": {}}])]
    ["request: scenario: give exactly one of 'name' or 'text'"]
    """
    out = []
    for err in errors:
        loc = list(err.get("loc", ()))
        if loc and loc[0] == "body":
            loc = loc[1:]
        msg = str(err.get("msg", "invalid value"))
        for prefix in _PYDANTIC_PREFIXES:
            if msg.startswith(prefix):
                msg = msg[len(prefix) :]
        if err.get("type") == "json_invalid":
            at = loc[0] if loc and isinstance(loc[0], int) else None
            reason = (err.get("ctx") or {}).get("error", "")
            out.append(
                Problem(
                    "request",
                    f"character {at}" if at is not None else "",
                    f"the body is not valid JSON{f' ({reason})' if reason else ''}",
                )
            )
            continue
        where = ""
        for part in loc:
            where += f"[{part}]" if isinstance(part, int) else ("." if where else "") + str(part)
        value = err.get("input")
        if err.get("type") != "missing" and (
            value is None or isinstance(value, bool | int | float | str)
        ):
            shown = json.dumps(value, ensure_ascii=False)
            if len(shown) <= 40:
                msg += f"; got {shown}"
        out.append(Problem("request", where, msg))
    return out


def _summary(s: Scenario) -> dict[str, Any]:
    return {
        "title": s.title,
        "actors": [{"id": a.id, "name": a.name} for a in s.actors],
        "issues": [{"id": i.id, "title": i.title} for i in s.issues],
        "shocks": [{"id": k.id, "title": k.title} for k in s.shocks],
        "escalation": [{"id": t.id, "title": t.title} for t in s.escalation],
        "n_relations": len(s.relations),
    }


def _producer(section: str) -> Callable[..., Any]:
    try:
        return producer(section)
    except Unavailable as exc:
        raise InputError(f"not available on this installation: {exc}") from None


# --------------------------------------------------------------------------------------------
# Body size limit (pure ASGI, so that it holds for every route and every transfer encoding)
# --------------------------------------------------------------------------------------------
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyLimit:
    """Answer 413 to any request whose body is larger than ``max_bytes``.

    The declared ``Content-Length`` is checked first; bodies sent in chunks are read up to the
    limit and then replayed to the application.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def _reject(self, send: Send) -> None:
        body = JSONResponse(
            error_body(f"request body larger than {self.max_bytes} bytes"), status_code=413
        )
        await send({"type": "http.response.start", "status": 413, "headers": body.raw_headers})
        await send({"type": "http.response.body", "body": body.body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the body's size, then hand the request on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.max_bytes:
                await self._reject(send)
                return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await self._reject(send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


#: The names this machine answers to by itself; a page on another site that makes a browser
#: send a request here (DNS rebinding) sends its own name instead.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
#: Bind addresses that mean "every interface": any Host is then accepted.
ANY_HOST = ("0.0.0.0", "::", "")


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without its port, lower-case.

    Examples
    --------
    >>> host_name("LocalHost:8000"), host_name("[::1]:8000"), host_name("127.0.0.1")
    ('localhost', '::1', '127.0.0.1')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """Answer 400 to a request whose ``Host`` is not one of ``allowed`` (DNS-rebinding guard).

    ``allowed=None`` accepts every host (a server bound to all interfaces on purpose).
    """

    def __init__(
        self, app: Callable[[Scope, Receive, Send], Awaitable[None]], allowed: Sequence[str] | None
    ):
        self.app = app
        self.allowed = None if allowed is None else {host_name(h) for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the Host header, then hand the request on."""
        if scope["type"] != "http" or self.allowed is None:
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(b"host", b"")
        name = host_name(raw.decode("latin-1"))
        if name in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = ", ".join(sorted(self.allowed))
        body = JSONResponse(
            error_body(
                f"unexpected Host header {name[:MAX_NAME]!r}: this dashboard answers only to "
                f"{shown} (start it with `realpolitik serve --host NAME` to serve another name)"
            ),
            status_code=400,
        )
        await send({"type": "http.response.start", "status": 400, "headers": body.raw_headers})
        await send({"type": "http.response.body", "body": body.body})


# --------------------------------------------------------------------------------------------
# The application
# --------------------------------------------------------------------------------------------
@cache
def static_text(name: str) -> str:
    """The text of a file shipped in ``realpolitik/server/static`` (cached)."""
    return resources.files(_STATIC).joinpath(name).read_text(encoding="utf-8")


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

    # --- analyses ----------------------------------------------------------------------------
    @app.post("/api/forecast", tags=["analysis"])
    def api_forecast(body: ForecastIn) -> dict[str, Any]:
        """Forecast every issue with the baselines and the models asked for."""
        s = scenario_from_ref(body.scenario)
        if _is_heavy(s):
            return shared_pool().run(do_forecast, body)
        return do_forecast(body, s)

    @app.post("/api/compare", tags=["analysis"])
    def api_compare(body: CompareIn) -> dict[str, Any]:
        """Baseline and shocked forecasts side by side."""
        s = scenario_from_ref(body.scenario)
        if _is_heavy(s):
            return shared_pool().run(do_compare, body)
        return do_compare(body, s)

    @app.post("/api/network", tags=["analysis"])
    def api_network(body: NetworkIn) -> dict[str, Any]:
        """Balance, camps, blocs and commitment gaps of the relations."""
        analyse = _producer("network")
        return _clean(analyse(_shocked(scenario_from_ref(body.scenario), body.shocks)).to_dict())

    # Heavy computations run in the worker pool (see realpolitik.server._pool), so that light
    # requests stay fast while they run; each has the pool's time limit.
    @app.post("/api/planb", tags=["analysis"])
    async def api_planb(body: PlanBIn, request: Request) -> dict[str, Any]:
        """Rank the substitutes for a lost partner."""
        return await _heavy(request, do_planb, body)

    @app.post("/api/escalation", tags=["analysis"])
    async def api_escalation(body: EscalationIn, request: Request) -> dict[str, Any]:
        """Choice and outcome probabilities of an escalation tree."""
        return await _heavy(request, do_escalation, body)

    @app.post("/api/montecarlo", tags=["analysis"])
    async def api_montecarlo(body: MonteCarloIn, request: Request) -> dict[str, Any]:
        """Forecasts over uncertain inputs: at most MAX_RUNS (5000) runs, on this machine."""
        return await _heavy(request, do_montecarlo, body)

    @app.post("/api/explain", tags=["analysis"])
    async def api_explain(body: ExplainIn, request: Request) -> dict[str, Any]:
        """One actor explained in words, each sentence citing its inputs."""
        return await _heavy(request, do_explain, body)

    # --- the report ----------------------------------------------------------------------------
    @app.post("/api/report", tags=["report"])
    async def api_report(body: ReportIn, request: Request) -> dict[str, Any]:
        """Every section of the report: its data, the HTML of its body, and ``notices``.

        ``notices`` says what the dashboard capped (runs past MAX_REPORT_RUNS).
        """
        body, notices = capped_runs(body)
        return {**await _heavy(request, do_report, body), "notices": notices}

    @app.post("/api/report.html", tags=["report"], response_class=HTMLResponse)
    async def api_report_html(body: ReportIn, request: Request) -> HTMLResponse:
        """The report as one self-contained HTML page (to save)."""
        body, _ = capped_runs(body)
        return HTMLResponse(
            await _heavy(request, do_report_html, body),
            headers={"Content-Disposition": 'attachment; filename="report.html"'},
        )

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

    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    allowed = None if host in ANY_HOST else [*LOCAL_HOSTS, *([host] if host else [])]
    app.add_middleware(HostCheck, allowed=allowed)  # outermost: runs first
    return app


def _validate(text: str, fmt: TextFormatIn, filename: str | None = None) -> dict[str, Any]:
    try:
        s = scenario_from_text(text, fmt, filename)
    except ScenarioError as exc:
        return {"valid": False, "problems": error_body("", exc.problems)["problems"]}
    return {"valid": True, "problems": [], "summary": _summary(s)}


# --------------------------------------------------------------------------------------------
# The computations (module-level, so that the worker processes can run them)
# --------------------------------------------------------------------------------------------
#: A scenario with more actor pairs × issues than this is forecast in the worker pool.
LIGHT_PAIRS = 50_000


def _is_heavy(s: Scenario) -> bool:
    return len(s.actors) ** 2 * len(s.issues) > LIGHT_PAIRS


@cache
def _json_adapter() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(dict[str, Any])


def _encoded(fn: Callable[..., Any], body: Any) -> Any:
    """``fn(body)``, a dict answer encoded as JSON bytes (runs in a worker process).

    The bytes are the ones FastAPI writes for an endpoint that returns ``dict[str, Any]``
    (the same pydantic serializer), so the answer does not change; but encoding a report
    (about 1 MB) and unpickling it as Python objects no longer take the server's interpreter
    (some 70 ms per report) while light requests wait.
    """
    result = fn(body)
    if isinstance(result, dict):
        return bytes(_json_adapter().dump_json(result))
    return result


async def _heavy(request: Request, fn: Callable[..., Any], body: Any) -> Any:
    """Run ``fn(body)`` in the worker pool; wait for a worker without holding a thread.

    A dict answer comes back as a ready JSON response, encoded in the worker (:func:`_encoded`);
    any other answer (the report's HTML text) as it is.
    """
    import anyio

    pool = shared_pool()
    limiter = getattr(request.app.state, "heavy_limiter", None)
    if limiter is None:
        limiter = request.app.state.heavy_limiter = anyio.CapacityLimiter(pool.n_workers)
    with anyio.move_on_after(pool.queue_seconds) as waited:
        await limiter.acquire()
    if waited.cancelled_caught:
        raise BusyError(
            f"the dashboard is busy: {pool.n_workers} heavy computation(s) are running and none "
            f"finished within {pool.queue_seconds:g} s; try again in a moment"
        )
    try:
        result = await anyio.to_thread.run_sync(pool.run, _encoded, fn, body)
    finally:
        limiter.release()
    if isinstance(result, bytes):
        return Response(result, media_type="application/json")
    return result


def do_forecast(body: ForecastIn, s: Scenario | None = None) -> dict[str, Any]:
    """``POST /api/forecast``."""
    s = _shocked(scenario_from_ref(body.scenario) if s is None else s, body.shocks)
    return _clean(forecast(s, model=body.models or None).to_dict(trace=body.trace))


def do_compare(body: CompareIn, s: Scenario | None = None) -> dict[str, Any]:
    """``POST /api/compare``."""
    s = scenario_from_ref(body.scenario) if s is None else s
    return _clean(compare(s, body.shocks, model=body.models or None).to_dict())


def do_planb(body: PlanBIn) -> dict[str, Any]:
    """``POST /api/planb``."""
    plan_b = _producer("planb")
    s = scenario_from_ref(body.scenario)
    # Name each rule by its place in the request, as a scenario names its partner_rules.
    rules = [parse_rule(text, source=f"rules[{k}]") for k, text in enumerate(body.rules or [])]
    return _clean(plan_b(s, body.actor, body.without, rules=rules, model=body.model).to_dict())


def do_escalation(body: EscalationIn) -> dict[str, Any]:
    """``POST /api/escalation``."""
    solve = _producer("escalation")
    s = scenario_from_ref(body.scenario)
    kwargs: dict[str, Any] = {"tree": body.tree, "model": body.model}
    if body.lam is not None:
        kwargs["lam"] = math.inf if body.lam > 1e12 else body.lam
    return _clean(solve(s, **kwargs).to_dict())


def do_montecarlo(body: MonteCarloIn) -> dict[str, Any]:
    """``POST /api/montecarlo``."""
    run = _producer("montecarlo")
    s = scenario_from_ref(body.scenario)
    result = run(
        s, body.n_runs, body.seed, shocks=tuple(body.shocks), tree=body.tree, model=body.model
    )
    return _clean(result.to_dict())


def do_explain(body: ExplainIn) -> dict[str, Any]:
    """``POST /api/explain``."""
    explain = _producer("explanations")
    return _clean(explain(scenario_from_ref(body.scenario), body.actor, model=body.model).to_dict())


def capped_runs(body: ReportIn) -> tuple[ReportIn, list[str]]:
    """``body`` with its runs capped at :data:`MAX_REPORT_RUNS`, and the notice saying so.

    Examples
    --------
    >>> body, notices = capped_runs(ReportIn(scenario={"name": "syria-2020"}, n_runs=5000))
    >>> body.n_runs, notices[0][:44]
    (1000, 'Monte Carlo runs capped at 1,000 (asked for ')
    >>> capped_runs(ReportIn(scenario={"name": "syria-2020"}, n_runs=200))[1]
    []
    """
    if body.n_runs <= MAX_REPORT_RUNS:
        return body, []
    notice = (
        f"Monte Carlo runs capped at {MAX_REPORT_RUNS:,} (asked for {body.n_runs:,}): the "
        f"dashboard reruns the report on every change; for more runs use "
        f"realpolitik report -n {body.n_runs}"
    )
    return body.model_copy(update={"n_runs": MAX_REPORT_RUNS}), [notice]


def do_report(body: ReportIn) -> dict[str, Any]:
    """``POST /api/report``: the data and the HTML of the report's body."""
    data = _gather(body)
    return {"data": data, "body": render_body(data)}


def do_report_html(body: ReportIn) -> str:
    """``POST /api/report.html``: the whole page."""
    return render_html(_gather(body))


def _gather(body: ReportIn) -> dict[str, Any]:
    s = scenario_from_ref(body.scenario)
    return gather(s, body.shocks, n_runs=body.n_runs, seed=body.seed, sections=body.sections)


def _clean(obj: Any) -> Any:
    return plain(obj)


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

"""The dashboard's limits, and the ASGI middleware that holds request bodies to one of them.

Request bodies are limited to :data:`MAX_BODY_BYTES` (:class:`BodyLimit`), YAML alias
expansion to :data:`MAX_YAML_NODES` nodes, Monte Carlo runs to :data:`MAX_RUNS` (the report's
to :data:`MAX_REPORT_RUNS`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi.responses import JSONResponse

from realpolitik.report.data import MAX_RUNS as REPORT_MAX_RUNS
from realpolitik.scenario.loader import MAX_NODES
from realpolitik.server.errors import error_body

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


__all__ = [
    "MAX_BODY_BYTES",
    "MAX_HISTORY",
    "MAX_NAME",
    "MAX_REPORT_RUNS",
    "MAX_RUNS",
    "MAX_YAML_NODES",
    "REPORT_RUNS_LIMIT",
    "BodyLimit",
]

"""The ``Host`` check: the dashboard answers only to the names of this machine (DNS rebinding)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from fastapi.responses import JSONResponse

from realpolitik.server.errors import error_body
from realpolitik.server.limits import MAX_NAME, Receive, Scope, Send

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


__all__ = [
    "ANY_HOST",
    "LOCAL_HOSTS",
    "HostCheck",
    "host_name",
]

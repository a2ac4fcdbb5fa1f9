"""The ``serve`` command: the local dashboard (FastAPI app run by uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli._app import app, console, err_console, escape, require_extra

_LOCAL = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            help=(
                "Interface to listen on (127.0.0.1: this machine only). Requests must name "
                "localhost, 127.0.0.1, [::1] or this host in their Host header (any, for 0.0.0.0)."
            )
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Start the dashboard: edit a scenario, toggle shocks, rerun and see the report's plots."""
    require_extra("server", "serve")
    import uvicorn

    from realpolitik.server import create_app

    if host not in _LOCAL:
        err_console.print(
            f"[bold yellow]warning:[/] listening on {escape(host)}: anyone who can reach this "
            "machine can use the dashboard (it has no login).",
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    console.print(f"realpolitik dashboard on http://{escape(shown)}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(host=host), host=host, port=port, log_level="warning")

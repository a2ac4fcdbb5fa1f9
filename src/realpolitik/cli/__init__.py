"""The command line: ``realpolitik COMMAND``. Each command only parses, calls one function, prints.

Command modules register on the shared :data:`app`; :mod:`realpolitik.cli._lazy` lists them and
imports a module only when its command runs, so start-up costs what that one command uses.
"""

from __future__ import annotations

import signal

from realpolitik.cli._app import app


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM (a `kill`, a CI timeout) ends the command like Ctrl+C does: cleanup code runs,
    # so that write_atomic removes its temporary file.
    raise SystemExit(128 + signum)


def main() -> None:
    """Run the command line (the ``realpolitik`` entry point)."""
    signal.signal(signal.SIGTERM, _terminate)
    app()


__all__ = ["app", "main"]

"""The command line: ``realpolitik COMMAND``. Each command only parses, calls one function, prints.

Command groups live in their own modules and register on the shared :data:`app`.
"""

from __future__ import annotations

import signal

# One line per command module (each registers its commands on import).
from realpolitik.cli import _scenario_cmds  # noqa: F401  isort: skip
from realpolitik.cli import _forecast  # noqa: F401  isort: skip
from realpolitik.cli import _compare  # noqa: F401  isort: skip
from realpolitik.cli import _backtest  # noqa: F401  isort: skip
from realpolitik.cli import _network  # noqa: F401  isort: skip
from realpolitik.cli import _escalate  # noqa: F401  isort: skip
from realpolitik.cli import _montecarlo  # noqa: F401  isort: skip
from realpolitik.cli import _planb  # noqa: F401  isort: skip
from realpolitik.cli import _explain  # noqa: F401  isort: skip
from realpolitik.cli import _ingest  # noqa: F401  isort: skip
from realpolitik.cli import _report  # noqa: F401  isort: skip
from realpolitik.cli import _serve  # noqa: F401  isort: skip
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

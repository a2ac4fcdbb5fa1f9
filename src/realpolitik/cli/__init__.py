"""The command line: ``realpolitik COMMAND``. Each command only parses, calls one function, prints.

Command groups live in their own modules and register on the shared :data:`app`.
"""

from __future__ import annotations

from realpolitik.cli import _forecast, _scenario_cmds  # noqa: F401  (register commands)
from realpolitik.cli._app import app


def main() -> None:
    """Run the command line (the ``realpolitik`` entry point)."""
    app()


__all__ = ["app", "main"]

"""The command line: ``realpolitik COMMAND``. Each command only parses, calls one function, prints.

Command modules register on the shared :data:`app`; :mod:`realpolitik.cli._lazy` lists them and
imports a module only when its command runs, so start-up costs what that one command uses.
"""

from __future__ import annotations

from realpolitik.cli._app import app


def main() -> None:
    """Run the command line (the ``realpolitik`` entry point)."""
    app()


__all__ = ["app", "main"]

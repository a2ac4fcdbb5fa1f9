"""The command line: ``realpolitik COMMAND``. Each command only parses, calls one function, prints.

Command groups live in their own modules and register on the shared :data:`app`.
"""

from __future__ import annotations

# One line per command module (each registers its commands on import).
from realpolitik.cli import _scenario_cmds  # noqa: F401  isort: skip
from realpolitik.cli import _forecast  # noqa: F401  isort: skip
from realpolitik.cli import _compare  # noqa: F401  isort: skip
from realpolitik.cli import _backtest  # noqa: F401  isort: skip
from realpolitik.cli import _network  # noqa: F401  isort: skip
from realpolitik.cli import _escalate  # noqa: F401  isort: skip
from realpolitik.cli import _montecarlo  # noqa: F401  isort: skip
from realpolitik.cli import _planb  # noqa: F401  isort: skip
from realpolitik.cli import _coalitions  # noqa: F401  isort: skip
from realpolitik.cli import _explain  # noqa: F401  isort: skip
from realpolitik.cli import _ingest  # noqa: F401  isort: skip
from realpolitik.cli import _report  # noqa: F401  isort: skip
from realpolitik.cli import _serve  # noqa: F401  isort: skip
from realpolitik.cli._app import app


def main() -> None:
    """Run the command line (the ``realpolitik`` entry point)."""
    app()


__all__ = ["app", "main"]

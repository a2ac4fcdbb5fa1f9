"""Simulations over the engines: escalation games (and, beside them, shocks and Monte Carlo)."""

from realpolitik.simulate.escalation import (
    DEFAULT_LAMBDA,
    GameTree,
    Node,
    Path,
    QREResult,
    solve_qre,
)

__all__ = [
    "DEFAULT_LAMBDA",
    "GameTree",
    "Node",
    "Path",
    "QREResult",
    "solve_qre",
]

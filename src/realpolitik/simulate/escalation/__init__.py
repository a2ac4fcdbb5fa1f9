"""Escalation trees: sequential games solved as a logit agent quantal response equilibrium.

An escalation tree is a finite game of perfect information. At each node one actor chooses among
named options; an option leads to another node or ends the game in an *outcome* (in a scenario,
an outcome is a set of shocks, and every actor's payoff there is its expected outcome from the
forecast on the shocked scenario). :func:`solve_qre` solves the game by backward induction with
logit choice at every node (the strategic-choice model of Signorino 1999; the agent logit quantal
response equilibrium of McKelvey & Palfrey 1998, which for perfect-information trees is this same
backward induction). Everything is vectorised over any leading batch axes of the payoffs, so a
Monte Carlo run of thousands of payoff draws is solved in one call.

References
----------
.. [1] C. S. Signorino, "Strategic Interaction and the Statistical Analysis of International
   Conflict", American Political Science Review 93(2), 279-297, 1999.
.. [2] R. D. McKelvey and T. R. Palfrey, "Quantal Response Equilibria for Extensive Form Games",
   Experimental Economics 1(1), 9-41, 1998.

Modules
-------
:mod:`.nodes` (nodes and paths), :mod:`.tree` (:class:`GameTree`), :mod:`._mapping` (checks of
a tree given as a mapping) and :mod:`.qre` (:func:`solve_qre` and its result).
"""

from realpolitik.simulate.escalation.nodes import Child as Child
from realpolitik.simulate.escalation.nodes import Node, Path
from realpolitik.simulate.escalation.qre import DEFAULT_LAMBDA, TIE_TOLERANCE, QREResult, solve_qre
from realpolitik.simulate.escalation.tree import GameTree

__all__ = [
    "DEFAULT_LAMBDA",
    "TIE_TOLERANCE",
    "GameTree",
    "Node",
    "Path",
    "QREResult",
    "solve_qre",
]

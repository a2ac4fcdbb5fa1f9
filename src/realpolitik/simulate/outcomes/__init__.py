"""Escalation trees of a scenario: outcome payoffs from the forecasting engine, then the QRE.

This module is the glue between a scenario's ``escalation`` trees and the solver of
:mod:`realpolitik.simulate.escalation`. Nobody types payoffs in; for every outcome of a tree:

1. the outcome's shocks are applied, in order, to a copy of the scenario
   (:func:`realpolitik.scenario.apply_shocks`); outcomes with the same list of shocks share one
   shocked scenario (a *world*);
2. each world is turned into arrays aligned to the **base** scenario's actor and issue order;
   an actor removed by a shock is absent (``present`` False) on every issue, an issue left
   without actors is absent for everyone (its forecast is NaN and counts for nobody);
3. every world is forecast with the engine in one batched call (the model's headline forecast,
   e.g. ``eum``);
4. every base actor's payoff at the outcome is its *relational* expected outcome
   (:func:`realpolitik.engine.utility.expected_outcome`: salience-weighted closeness of the
   shocked forecast to the actor's **base** positions, in [0, 1], plus an affinity-weighted
   share of every other actor's, :func:`realpolitik.engine.affinity.relational_utility`, with
   the base scenario's relations) minus three costs: the **cost of fighting** for every actor
   in a ``fight`` of the outcome's world (:func:`realpolitik.engine.conflict.war_cost`: in
   proportion to its side's chance of losing), the **abandonment cost** of standing aside
   while a committed partner fights (:func:`realpolitik.engine.affinity.abandonment_cost`,
   from the base relations), both derived, and the outcome's typed ``costs``, if any. An actor's preferences are those of the base scenario: a shock that
   moves its stated position (``russia-backs-iran`` moves Russia to 60 on escalation) changes
   how the bargaining goes, not what the actor wants; an actor removed by a shock is still
   judged by its original positions and saliences against the forecasts of the world without
   it.

An option with ``joins: ALLY`` puts its chooser on the ally's side of every fight of the
outcome it leads to; outcomes reached with different ``joins`` are different worlds.

The payoffs go to :func:`realpolitik.simulate.escalation.solve_qre`. The same arrays serve the
Monte Carlo runs of :mod:`realpolitik.simulate.montecarlo`, which perturb them run by run.

Modules
-------
:mod:`.trees` (a scenario's tree as a game), :mod:`.worlds` (steps 1-2: the shocked worlds as
arrays), :mod:`.payoffs` (steps 3-4: forecasts and payoffs) and :mod:`.solve`
(:func:`solve_escalation` and :class:`EscalationResult`).
"""

from realpolitik.simulate.outcomes.fights import FightStage, Noise, refight, war_costs
from realpolitik.simulate.outcomes.payoffs import headline_forecast, model_options, outcome_payoffs
from realpolitik.simulate.outcomes.solve import EscalationResult, solve_escalation
from realpolitik.simulate.outcomes.trees import find_tree, game_tree, path_label, shocked_tree
from realpolitik.simulate.outcomes.worlds import OutcomeArrays, outcome_arrays

__all__ = [
    "EscalationResult",
    "FightStage",
    "Noise",
    "OutcomeArrays",
    "find_tree",
    "game_tree",
    "headline_forecast",
    "model_options",
    "outcome_arrays",
    "outcome_payoffs",
    "path_label",
    "refight",
    "shocked_tree",
    "solve_escalation",
    "war_costs",
]

"""A scenario's escalation tree as a game: finding it, its :class:`GameTree`, shocked trees."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.exceptions import InputError
from realpolitik.scenario.model import EscalationTree, Scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.escalation import GameTree


def find_tree(scenario: Scenario, tree: str | EscalationTree | None = None) -> EscalationTree:
    """Return the escalation tree called ``tree`` (the scenario's first one when None).

    Raises
    ------
    InputError
        If the scenario has no escalation tree, or none of that name (the message lists them).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> find_tree(load_scenario("syria-2020")).id
    'soleimani'
    """
    if isinstance(tree, EscalationTree):
        return tree
    names = [t.id for t in scenario.escalation]
    if not names:
        raise InputError(
            f"scenario {scenario.title!r} has no escalation tree; add one under 'escalation:' "
            "(see docs/escalation.md)"
        )
    if tree is None:
        return scenario.escalation[0]
    for t in scenario.escalation:
        if t.id == tree:
            return t
    raise InputError(
        f"scenario {scenario.title!r} has no escalation tree {tree!r}; trees: {', '.join(names)}"
    )


def game_tree(scenario: Scenario, tree: EscalationTree) -> GameTree:
    """The solver's :class:`GameTree` for a scenario tree; its actors are all scenario actors.

    Payoff columns follow ``scenario.actor_ids``; outcomes follow ``tree.outcomes``.

    Raises
    ------
    InputError
        If a node's actor is not an actor of the scenario (e.g. removed by a shock applied
        before the tree), or the nodes do not form a tree.
    """
    return GameTree.from_mapping(
        {
            "name": tree.id,
            "actors": scenario.actor_ids,
            "outcomes": [o.id for o in tree.outcomes],
            "root": tree.root,
            "nodes": [
                {
                    "id": n.id,
                    "actor": n.actor,
                    "options": [
                        {"id": o.id, "next": o.next}
                        if o.next is not None
                        else {"id": o.id, "outcome": o.outcome}
                        for o in n.options
                    ],
                }
                for n in tree.nodes
            ],
        }
    )


def _applied_note(applied: Sequence[str], outcome_shocks: Sequence[str] = ()) -> str:
    """The context of an error in a tree of a scenario that was shocked first ('' if not)."""
    if not applied:
        return ""
    twice = [x for x in outcome_shocks if x in applied]
    note = f" (the shocks given with --shock were applied first: {', '.join(applied)}"
    if twice:
        listed = ", ".join(repr(x) for x in dict.fromkeys(twice))
        note += f"; the outcome applies {listed} a second time"
    return note + ")"


def shocked_tree(
    scenario: Scenario, tree: str | EscalationTree | None, shocks: Sequence[str]
) -> tuple[Scenario, EscalationTree, GameTree]:
    """Apply ``shocks`` to ``scenario``, then find its tree and build the solver's game.

    Returns the shocked scenario, its tree and the :class:`GameTree`.

    Raises
    ------
    InputError
        For an unknown tree, or a tree that is broken once ``shocks`` are applied (a node's
        actor removed by one of them; the message names the shocks).
    ShockError
        For an unknown shock.
    """
    base = apply_shocks(scenario, shocks) if shocks else scenario
    t = find_tree(base, tree)
    try:
        game = game_tree(base, t)
    except InputError as exc:
        raise InputError(f"{exc}{_applied_note(shocks)}") from None
    return base, t, game


def path_label(game: GameTree, k: int) -> str:
    """The options of path ``k`` joined by arrows, e.g. ``strike-us → war → back-iran``."""
    return " → ".join(option for _, option in game.paths[k].steps)

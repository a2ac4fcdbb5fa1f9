"""The pieces of a game tree: a decision :class:`Node`, a :class:`Path` to an outcome."""

from __future__ import annotations

from dataclasses import dataclass

Child = str | int


"""Where an option leads: a node id (``str``) or a terminal outcome index (``int``)."""


@dataclass(frozen=True)
class Node:
    """One decision node of a :class:`GameTree`.

    Parameters
    ----------
    id : str
        Unique name of the node.
    actor : int
        Index (into :attr:`GameTree.actors`) of the actor who chooses here.
    options : tuple of (str, str or int)
        ``(label, child)`` pairs in display order; ``child`` is the id of the next node or the
        index of the outcome that ends the game.
    """

    id: str
    actor: int
    options: tuple[tuple[str, Child], ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The option labels in order."""
        return tuple(label for label, _ in self.options)


@dataclass(frozen=True)
class Path:
    """One way through the tree, from the root to an outcome.

    Parameters
    ----------
    steps : tuple of (str, str)
        ``(node id, option label)`` for each choice made, root first.
    outcome : int
        Index of the outcome reached.
    """

    steps: tuple[tuple[str, str], ...]
    outcome: int

"""What positions are worth to SMP actors: distances, values, Condorcet chances, risk attitudes."""

from __future__ import annotations

import numpy as np

from realpolitik._types import FloatArray


def salience_distance(position: FloatArray, salience: FloatArray) -> FloatArray:
    """``d[i, j]``: i's salience-weighted distance to j's position (step 1).

    Examples
    --------
    >>> salience_distance(np.array([[0.3, 0.2], [0.45, 0.65]]),
    ...                   np.array([[0.24, 0.48], [0.447, 0.413]])).round(3)
    array([[0.   , 0.408],
           [0.325, 0.   ]])
    """
    diff = position[:, None, :] - position[None, :, :]
    s2 = salience**2
    return np.sqrt(((diff**2) * s2[:, None, :]).sum(-1) / s2.sum(-1)[:, None])


def position_value(dist: FloatArray, risk: FloatArray | float) -> FloatArray:
    """``u(d, R) = (1 - d)(1 + d R)``; beyond d = 1 (round-off only) ``(1 - d)(1 + R)``.

    Examples
    --------
    >>> float(position_value(np.array(0.5), 1.0))
    0.75
    """
    return np.where(dist <= 1.0, (1.0 - dist) * (1.0 + dist * risk), (1.0 - dist) * (1.0 + risk))


def condorcet_chances(value: FloatArray, weight: FloatArray) -> FloatArray:
    """Chances of each option in KTAB's conditional Condorcet election.

    Parameters
    ----------
    value : ndarray, shape (n_voters, n_options)
        What each option is worth to each voter.
    weight : ndarray, shape (n_voters,)
        Voting weights.

    Examples
    --------
    Two voters of weights 1 and 3 who each prefer their own option:

    >>> condorcet_chances(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1.0, 3.0])).round(4)
    array([0.25, 0.75])
    """
    diff = value[:, :, None] - value[:, None, :]  # (voter, a, b)
    coalition = 1e-8 + np.maximum(weight[:, None, None] * diff, 0.0).sum(0)
    win = coalition / (coalition + coalition.T)
    np.fill_diagonal(win, 0.5)
    chance = win.prod(axis=1)
    return chance / chance.sum()


def risk_attitudes(dist: FloatArray, capability: FloatArray) -> FloatArray:
    """Risk attitudes ``R_i`` in [-1/2, 1] inferred from the chances of the positions (step 2)."""
    chance = condorcet_chances(position_value(dist, 0.0), capability)
    lo, hi = chance.min(), chance.max()
    if hi - lo <= 1e-15:
        return np.zeros_like(chance)
    return (3.0 * chance - (hi + 2.0 * lo)) / (2.0 * (hi - lo))


def _round4(x: FloatArray) -> FloatArray:
    return np.floor(0.5 + x * 10000.0) / 10000.0

"""Fights resolved by power: the contest success function and what a fight leaves behind.

A fight between two sides with combined capabilities ``C_A`` and ``C_B`` is won by side A with
probability (Tullock's ratio form of the contest success function)::

    p_A = C_A^m / (C_A^m + C_B^m),   m = DECISIVENESS = 1

``m = 1`` is the form Skaperdas (1996) derives from a few axioms (a side's chance depends only
on its own and the other side's effort, and doubling everyone's effort changes nothing) with no
advantage for the stronger beyond its share; Hirshleifer (1989) calls ``m`` the decisiveness of
conflict. It is fixed from that principle, the same for every fight, and swept in
``benchmarks/bench_relations.py``.

``C`` is the sum of the fighters' **fighting strengths**: their military figures when the
scenario gives one for every fighter (``military``, e.g. military expenditure), otherwise their
capabilities (the same figure that weighs in bargaining). A fight's strengths are one kind of
figure or the other, never a mix, since only their ratios count.

In expectation over who wins (:func:`expected_aftermath`):

* **capability**: a side that loses is disarmed in the theatre, so every fighter keeps ``p`` of
  its capability and of its fighting strength (``p`` its side's chance) — joining a fight costs
  in proportion to the strength of the other side;
* **positions** on the issues the fight decides: the winner imposes its terms, so every fighter
  moves to ``p x_i + (1 − p) x̄_other``, with ``x̄_other`` the other side's strength ×
  salience weighted mean position (Fearon 1995: the expected outcome of war);
* **cost**: every fighter pays :data:`WAR_COST` times its chance of losing (:func:`war_cost`) —
  the costs of war that make a bargain better than a fight (Fearon 1995).

References
----------
.. [1] G. Tullock, "Efficient rent seeking", 1980.
.. [2] J. Hirshleifer, "Conflict and rent-seeking success functions: ratio vs. difference
   models of relative success", Public Choice 63, 1989.
.. [3] S. Skaperdas, "Contest success functions", Economic Theory 7, 1996.
.. [4] J. D. Fearon, "Rationalist explanations for war", International Organization 49(3), 1995.
"""

from __future__ import annotations

import numpy as np

from realpolitik._types import BoolArray, FloatArray

#: m of the contest success function.
DECISIVENESS = 1.0
#: What a certainly lost fight costs a fighter on the 0–1 payoff scale: a lost war is the worst
#: outcome the scale knows (1, as if every issue ended at the far end). Fighting risks it with
#: the chance of losing, so each fighter pays ``WAR_COST · (1 − p)``, ``p`` its side's chance:
#: joining a fight costs in proportion to the strength of the other side.
WAR_COST = 1.0


def win_probability(
    strength_a: FloatArray | float, strength_b: FloatArray | float, m: float | None = None
) -> FloatArray:
    """The chance that side A prevails: ``C_A^m / (C_A^m + C_B^m)`` (1/2 when both are 0).

    Examples
    --------
    A side of capability 100 against one of 45:

    >>> round(float(win_probability(100.0, 45.0)), 4)
    0.6897
    >>> float(win_probability(0.0, 0.0))
    0.5
    """
    m = DECISIVENESS if m is None else m
    a = np.asarray(strength_a, dtype=np.float64) ** m
    b = np.asarray(strength_b, dtype=np.float64) ** m
    total = a + b
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, a / np.where(total > 0, total, 1.0), 0.5)


def expected_aftermath(
    capability: FloatArray,
    position: FloatArray,
    salience: FloatArray,
    present: BoolArray,
    side: np.ndarray,
    decides: BoolArray,
    m: float | None = None,
    strength: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray, tuple[float, float]]:
    """Capabilities and positions after a fight, in expectation over who wins.

    One draw of :func:`expected_aftermath_batch` (moved positions are clipped to [0, 100]).

    Parameters
    ----------
    capability : ndarray, shape (n_actors,)
    position, salience : ndarray, shape (n_actors, n_issues)
    present : ndarray of bool, shape (n_actors, n_issues)
    side : ndarray of int, shape (n_actors,)
        0 or 1 for the two sides, -1 for actors outside the fight.
    decides : ndarray of bool, shape (n_issues,)
        The issues the fight decides.
    m : float, optional
        Decisiveness (default :data:`DECISIVENESS`).
    strength : ndarray, shape (n_actors,), optional
        Fighting strengths (default: ``capability``); a fighter keeps the same share ``p`` of
        its strength as of its capability, so the strength after is ``strength · p``.

    Returns
    -------
    capability, position : ndarray
        After the fight.
    probability : (float, float)
        Each side's chance to prevail.

    Examples
    --------
    A (capability 3, at 0) fights B (capability 1, at 100) over the one issue; a bystander at
    50 is untouched. A wins with 3/4: A keeps 3/4 of its capability and moves to
    3/4 · 0 + 1/4 · 100 = 25; B keeps 1/4 and moves to 1/4 · 100 + 3/4 · 0 = 25.

    >>> cap, pos, p = expected_aftermath(np.array([3.0, 1.0, 2.0]),
    ...     np.array([[0.0], [100.0], [50.0]]), np.ones((3, 1)), np.ones((3, 1), bool),
    ...     np.array([0, 1, -1]), np.array([True]))
    >>> cap.tolist(), pos[:, 0].tolist(), p
    ([2.25, 0.25, 2.0], [25.0, 25.0, 50.0], (0.75, 0.25))

    The same fight decided by military figures in which B is the stronger (1 against 3): B
    now wins with 3/4, and A keeps 1/4 of its capability (3 · 1/4 = 0.75).

    >>> cap, pos, p = expected_aftermath(np.array([3.0, 1.0, 2.0]),
    ...     np.array([[0.0], [100.0], [50.0]]), np.ones((3, 1)), np.ones((3, 1), bool),
    ...     np.array([0, 1, -1]), np.array([True]), strength=np.array([1.0, 3.0, 0.0]))
    >>> cap.tolist(), pos[:, 0].tolist(), p
    ([0.75, 0.75, 2.0], [75.0, 75.0, 50.0], (0.25, 0.75))
    """
    cap, pos, prob = expected_aftermath_batch(
        np.asarray(capability, dtype=np.float64)[None],
        np.asarray(position, dtype=np.float64)[None],
        np.asarray(salience, dtype=np.float64)[None],
        np.asarray(present, dtype=bool)[None],
        side,
        decides,
        m,
        None if strength is None else np.asarray(strength, dtype=np.float64)[None],
    )
    return cap[0], pos[0], (float(prob[0, 0]), float(prob[0, 1]))


def expected_aftermath_batch(
    capability: FloatArray,
    position: FloatArray,
    salience: FloatArray,
    present: BoolArray,
    side: np.ndarray,
    decides: BoolArray,
    m: float | None = None,
    strength: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Capabilities and positions after one fight, for many draws of its inputs at once.

    The same fight (``side``, ``decides``) on ``r`` sets of inputs, e.g. the draws of a Monte
    Carlo study, each with its own capabilities and so its own chances (see the module for the
    formulas; :func:`expected_aftermath` is one draw). Positions that move are clipped to
    [0, 100] as a shock does. ``tests/simulate/test_refight.py`` checks it against a loop over
    actors and issues.

    Parameters
    ----------
    capability : ndarray, shape (r, n_actors)
    position, salience : ndarray, shape (r, n_actors, n_issues)
    present : ndarray of bool, shape (r, n_actors, n_issues)
    side : ndarray of int, shape (n_actors,)
        0 or 1 for the two sides, -1 for actors outside the fight.
    decides : ndarray of bool, shape (n_issues,)
    m : float, optional
        Decisiveness (default :data:`DECISIVENESS`).
    strength : ndarray, shape (r, n_actors), optional
        Fighting strengths (default: ``capability``): they decide the chances and weigh the
        positions of the side that imposes its terms.

    Returns
    -------
    capability : ndarray, shape (r, n_actors)
    position : ndarray, shape (r, n_actors, n_issues)
    probability : ndarray, shape (r, 2)
        Each side's chance to prevail, per draw.

    Examples
    --------
    The fight of :func:`expected_aftermath`, once as given and once with A at half strength
    (A then wins with 1.5 / 2.5 = 0.6):

    >>> cap, pos, p = expected_aftermath_batch(np.array([[3.0, 1.0, 2.0], [1.5, 1.0, 2.0]]),
    ...     np.tile([[0.0], [100.0], [50.0]], (2, 1, 1)), np.ones((2, 3, 1)),
    ...     np.ones((2, 3, 1), bool), np.array([0, 1, -1]), np.array([True]))
    >>> p.round(6).tolist(), cap.round(6).tolist(), pos[:, :, 0].round(6).tolist()
    ([[0.75, 0.25], [0.6, 0.4]], [[2.25, 0.25, 2.0], [0.9, 0.4, 2.0]], [[25.0, 25.0, 50.0], [40.0, 40.0, 50.0]])
    """
    cap = np.asarray(capability, dtype=np.float64)
    pos = np.asarray(position, dtype=np.float64)
    side = np.asarray(side)
    fight = cap if strength is None else np.asarray(strength, dtype=np.float64)
    # Only ratios of strengths count: near the largest float (1.8e308) the sums and the
    # weights below would overflow, so there they are taken on strengths divided by the
    # largest (ordinary inputs are left exactly as they are).
    top = fight.max(axis=-1, keepdims=True) if fight.shape[-1] else np.zeros((*cap.shape[:-1], 1))
    big = top > np.finfo(np.float64).max / (1e3 * max(fight.shape[-1], 1))
    ratio = np.where(big, fight / np.where(big, top, 1.0), fight)
    totals = np.stack(
        [np.where(side == 0, ratio, 0.0).sum(-1), np.where(side == 1, ratio, 0.0).sum(-1)], -1
    )
    p_a = win_probability(totals[..., 0], totals[..., 1], m)
    prob = np.stack([p_a, 1.0 - p_a], axis=-1)
    fighting = side >= 0
    keep = np.take_along_axis(
        prob, np.broadcast_to(np.maximum(side, 0), cap.shape).astype(np.int64), axis=-1
    )
    new_cap = np.where(fighting, cap * keep, cap)
    w = ratio[..., None] * salience * present
    new_pos = pos.copy()
    for k in (0, 1):
        other = (side == 1 - k)[:, None] & present
        wo = np.where(other, w, 0.0).sum(axis=-2)
        n_other = other.sum(axis=-2)
        with np.errstate(invalid="ignore", divide="ignore"):
            xbar = np.where(
                wo > 0,
                np.where(other, w * pos, 0.0).sum(axis=-2) / np.where(wo > 0, wo, 1.0),
                np.where(other, pos, 0.0).sum(axis=-2) / np.maximum(n_other, 1),
            )
        moves = (side == k)[:, None] & present & decides[None, :] & (n_other > 0)[..., None, :]
        pk = prob[..., k, None, None]
        moved = np.clip(pk * pos + (1.0 - pk) * xbar[..., None, :], 0.0, 100.0)
        new_pos = np.where(moves, moved, new_pos)
    return new_cap, new_pos, prob


def war_cost(lose_probability: FloatArray | float, scale: float | None = None) -> FloatArray:
    """What fighting costs a fighter: ``WAR_COST · P(its side loses)``.

    Examples
    --------
    >>> round(float(war_cost(100 / 145)), 4)  # Iran (45) against the US (100)
    0.6897
    """
    scale = WAR_COST if scale is None else scale
    return scale * np.asarray(lose_probability, dtype=np.float64)


__all__ = [
    "DECISIVENESS",
    "WAR_COST",
    "expected_aftermath",
    "expected_aftermath_batch",
    "war_cost",
    "win_probability",
]

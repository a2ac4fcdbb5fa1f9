"""The one place where seeds become random generators."""

from __future__ import annotations

import numpy as np

from realpolitik._types import SeedLike


def check_random_state(seed: SeedLike | None = None) -> np.random.Generator:
    """Return a :class:`numpy.random.Generator` for ``seed``.

    Parameters
    ----------
    seed : int, SeedSequence, Generator or None
        ``None`` gives fresh entropy; a Generator is passed through unchanged.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> a = check_random_state(1).random()
    >>> b = check_random_state(1).random()
    >>> a == b
    True
    """
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def spawn_seeds(seed: int | None, n: int) -> list[np.random.SeedSequence]:
    """Return ``n`` independent child seed sequences of ``seed``.

    The ``k``-th child depends only on ``seed`` and ``k``, so runs split across workers in any
    way give the same numbers.

    Examples
    --------
    >>> [s.entropy == 7 for s in spawn_seeds(7, 2)]
    [True, True]
    """
    return np.random.SeedSequence(seed).spawn(n)

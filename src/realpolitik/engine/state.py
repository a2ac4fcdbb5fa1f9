"""The array state every engine works on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from realpolitik._types import BoolArray, FloatArray


@dataclass(frozen=True, kw_only=True)
class BargainingState:
    """Positions, saliences and capabilities as arrays.

    Axes: an optional leading batch axis (``...``), then actors, then issues.

    Parameters
    ----------
    position : ndarray, shape (..., n_actors, n_issues)
        Positions on the 0–100 scale of each issue.
    salience : ndarray, shape (..., n_actors, n_issues)
        Saliences in [0, 1].
    capability : ndarray, shape (..., n_actors)
        Capabilities, ≥ 0.
    present : ndarray of bool, shape (..., n_actors, n_issues)
        Whether the actor takes part in the issue; absent actors are ignored by every model.
    affinity : ndarray, shape (..., n_actors, n_actors), optional
        ``affinity[i, j]``: how much actor ``i`` leans toward actor ``j`` (from the relations and
        their commitments; see :mod:`realpolitik.engine.affinity`). None means no relations;
        only models that read relations (``eum-rel``) use it.

    Examples
    --------
    >>> s = BargainingState.from_arrays([[0.0], [100.0]], [[1.0], [1.0]], [1.0, 3.0])
    >>> s.n_actors, s.n_issues
    (2, 1)
    """

    position: FloatArray
    salience: FloatArray
    capability: FloatArray
    present: BoolArray
    affinity: FloatArray | None = None

    def __post_init__(self) -> None:
        shape = self.position.shape
        if self.salience.shape != shape or self.present.shape != shape:
            raise ValueError(
                f"position, salience and present must share a shape; got {shape}, "
                f"{self.salience.shape}, {self.present.shape}"
            )
        if self.capability.shape != shape[:-1]:
            raise ValueError(
                f"capability must have shape {shape[:-1]} (..., n_actors); "
                f"got {self.capability.shape}"
            )
        if self.affinity is not None:
            n = shape[-2]
            if self.affinity.shape[-2:] != (n, n) or self.affinity.ndim != len(shape):
                raise ValueError(
                    f"affinity must have shape {(*shape[:-2], n, n)} (..., n_actors, n_actors); "
                    f"got {self.affinity.shape}"
                )

    @classmethod
    def from_arrays(
        cls,
        position: object,
        salience: object,
        capability: object,
        present: object | None = None,
        affinity: object | None = None,
    ) -> BargainingState:
        """Build a state from array-likes; ``present`` defaults to all True."""
        pos = np.asarray(position, dtype=np.float64)
        sal = np.asarray(salience, dtype=np.float64)
        cap = np.asarray(capability, dtype=np.float64)
        pres = np.ones(pos.shape, dtype=bool) if present is None else np.asarray(present, bool)
        aff = None if affinity is None else np.asarray(affinity, dtype=np.float64)
        return cls(position=pos, salience=sal, capability=cap, present=pres, affinity=aff)

    @property
    def n_actors(self) -> int:
        """Number of actors."""
        return int(self.position.shape[-2])

    @property
    def n_issues(self) -> int:
        """Number of issues."""
        return int(self.position.shape[-1])

    def weights(self) -> FloatArray:
        """Capability × salience per actor and issue, 0 where the actor is absent."""
        w = self.capability[..., :, None] * self.salience
        return np.where(self.present, w, 0.0)

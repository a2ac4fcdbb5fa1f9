"""Type aliases shared across the package."""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
import numpy.typing as npt

FloatArray: TypeAlias = npt.NDArray[np.float64]
BoolArray: TypeAlias = npt.NDArray[np.bool_]
IntArray: TypeAlias = npt.NDArray[np.int64]
SeedLike: TypeAlias = int | np.integer | np.random.SeedSequence | np.random.Generator

__all__ = ["BoolArray", "FloatArray", "IntArray", "SeedLike"]

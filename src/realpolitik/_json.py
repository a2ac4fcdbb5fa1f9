"""The one rule for numbers in JSON output: NaN and infinities become null."""

from __future__ import annotations

import math
from typing import Any


def json_float(x: Any, digits: int | None = None) -> float | None:
    """Return ``x`` as a float for JSON, or None where it is not finite.

    Parameters
    ----------
    x : number
    digits : int, optional
        Round to this many decimals.

    Examples
    --------
    >>> json_float(float("nan")) is None, json_float(1.23456789, 4)
    (True, 1.2346)
    """
    v = float(x)
    if not math.isfinite(v):
        return None
    return v if digits is None else round(v, digits)


__all__ = ["json_float"]

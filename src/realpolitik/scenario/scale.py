"""An issue's own scale: from the 0–100 positions the engines use to the user's units and back.

Every issue is computed on 0–100. An issue may say what 0 and 100 are in its own units with
``scale: [lo, hi]`` (a table read from another scale keeps the lowest and highest value of its
position column there); outputs then show forecasts on that scale, with the 0–100 value alongside.
The map is linear, so it commutes with every model that is equivariant under ``x -> a + b x`` (the
weighted mean and median exactly; the EUM, whose distances are relative to the spread of the
positions, too).

Examples
--------
>>> to_scale(73.6, (4.0, 10.0))
8.416
>>> from_scale(8.416, (4.0, 10.0))
73.6
>>> format_value(50.0, (4.0, 10.0)), format_value(73.6, (4.0, 10.0)), format_value(73.6, None)
('7.0', '8.416', '73.6')
"""

from __future__ import annotations

import math
import sys
from typing import Any, TypeVar

import numpy as np

from realpolitik.scenario.model import Issue

#: The scale of an issue that declares none.
UNIT_SCALE: tuple[float, float] = (0.0, 100.0)

_T = TypeVar("_T", float, np.ndarray)


def issue_scale(issue: Issue) -> tuple[float, float]:
    """The issue's ``(lo, hi)``: what positions 0 and 100 are in its own units."""
    return issue.scale if issue.scale is not None else UNIT_SCALE


def has_own_scale(issue: Issue) -> bool:
    """Whether the issue declares a scale other than 0–100."""
    return issue.scale is not None and tuple(issue.scale) != UNIT_SCALE


#: Widest scale whose span times 100 stays finite; wider ones are mapped without that product.
_LARGEST_SPAN = sys.float_info.max / 100.0


def to_scale(value: _T, scale: tuple[float, float] | None) -> _T:
    """Map a 0–100 value (or array) onto ``scale``; ``None`` is 0–100 itself.

    Examples
    --------
    >>> to_scale(0.0, (4.0, 10.0)), to_scale(100.0, (4.0, 10.0)), to_scale(25.0, None)
    (4.0, 10.0, 25.0)
    """
    if scale is None:
        return value
    lo, hi = scale
    span = hi - lo
    if abs(span) <= _LARGEST_SPAN:
        out = lo + span * value / 100.0
    else:  # a scale near the largest float (1.8e308): the product above would overflow
        share = value / 100.0
        out = lo * (1.0 - share) + hi * share
    return round(out, 12) if isinstance(out, float) else out


def from_scale(value: _T, scale: tuple[float, float] | None) -> _T:
    """Map a value (or array) in the units of ``scale`` onto 0–100; the inverse of :func:`to_scale`."""
    if scale is None:
        return value
    lo, hi = scale
    out = 100.0 * (value - lo) / (hi - lo)
    return round(out, 12) if isinstance(out, float) else out


def decimals(scale: tuple[float, float] | None) -> int:
    """Decimals that give a 0–100 issue one decimal (0.1 points) and other scales as fine a grain.

    Examples
    --------
    >>> decimals(None), decimals((4.0, 10.0)), decimals((0.0, 1.0)), decimals((0.0, 1000.0))
    (1, 3, 3, 0)
    """
    lo, hi = scale if scale is not None else UNIT_SCALE
    width = abs(hi - lo)
    if width == 0 or not math.isfinite(width):
        return 1
    return max(0, 3 - math.floor(math.log10(width)))


def format_value(value: float, scale: tuple[float, float] | None, *, strip: bool = True) -> str:
    """A 0–100 value shown on ``scale`` with :func:`decimals` digits (``"–"`` for NaN).

    With ``strip``, trailing zeros go but one decimal stays (``7.000`` -> ``7.0``).
    """
    if value != value:
        return "–"
    d = decimals(scale)
    text = f"{to_scale(value, scale):.{d}f}"
    if strip and "." in text:
        text = text.rstrip("0")
        if text.endswith("."):
            text += "0"
    return text


def scale_json(issue: Issue) -> list[float]:
    """``[lo, hi]`` of the issue for JSON output."""
    lo, hi = issue_scale(issue)
    return [float(lo), float(hi)]


def values_on_scale(values: dict[str, Any], issue: Issue) -> dict[str, Any]:
    """Map every number of ``{name: 0–100 value}`` onto the issue's scale (None stays None)."""
    scale = issue_scale(issue)
    return {k: (None if v is None else to_scale(float(v), scale)) for k, v in values.items()}


__all__ = [
    "UNIT_SCALE",
    "decimals",
    "format_value",
    "from_scale",
    "has_own_scale",
    "issue_scale",
    "scale_json",
    "to_scale",
    "values_on_scale",
]

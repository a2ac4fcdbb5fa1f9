"""One look per actor for every figure of a report: colour, dash pattern and marker.

:func:`actor_styles` maps the scenario's actor ids, in the scenario's order, to a style; every
figure of a report draws an actor with the style of that one mapping (built once by
:func:`realpolitik.report.html.build_figures`), so a colour means the same actor everywhere.

Colours come from the ten hues of D3's ``category10`` (Tableau 10), chosen to be told apart
on screen; an actor past the tenth gets a colour again but with another dash pattern and
marker, so that no two actors of a scenario of up to 30 share a style (``lcm(10, 3) = 30``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plotly.colors import qualitative

#: Ten distinct hues (D3 category10), in order.
ACTOR_PALETTE: tuple[str, ...] = tuple(qualitative.D3)

#: Dash patterns, cycled with the actor's index (a length coprime to the palette's).
DASHES: tuple[str, ...] = ("solid", "dash", "dot")

#: Marker symbols, cycled with the actor's index.
SYMBOLS: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "x",
    "star",
    "triangle-down",
)

#: Colours of the forecasting models (not actors): dark, so they do not read as actors.
MODEL_PALETTE: tuple[str, ...] = ("#222222", "#8c6d31", "#636363", "#843c39", "#393b79", "#7b4173")

#: Colours of relation pairs over time (not actors either).
PAIR_PALETTE: tuple[str, ...] = tuple(qualitative.Dark24)

POSITIVE = "#1a9850"
NEGATIVE = "#d73027"
NEUTRAL = "#999999"


def actor_styles(actor_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{actor id: {"color", "dash", "symbol"}}`` by position in ``actor_ids``.

    Examples
    --------
    >>> s = actor_styles([f"a{k}" for k in range(12)])
    >>> s["a0"], s["a10"]["color"] == s["a0"]["color"], s["a10"]["dash"]
    ({'color': '#1F77B4', 'dash': 'solid', 'symbol': 'circle'}, True, 'dash')
    """
    return {
        a: {
            "color": ACTOR_PALETTE[k % len(ACTOR_PALETTE)],
            "dash": DASHES[k % len(DASHES)],
            "symbol": SYMBOLS[k % len(SYMBOLS)],
        }
        for k, a in enumerate(actor_ids)
    }


def actor_colours(actor_ids: Sequence[str]) -> dict[str, str]:
    """``{actor id: colour}``: the colour of :func:`actor_styles`, stable for an actor order.

    Examples
    --------
    >>> actor_colours(["x", "y"])
    {'x': '#1F77B4', 'y': '#FF7F0E'}
    """
    return {a: s["color"] for a, s in actor_styles(actor_ids).items()}


__all__ = [
    "ACTOR_PALETTE",
    "DASHES",
    "MODEL_PALETTE",
    "NEGATIVE",
    "NEUTRAL",
    "PAIR_PALETTE",
    "POSITIVE",
    "SYMBOLS",
    "actor_colours",
    "actor_styles",
]

"""Reading the sections' results for the page.

Monte Carlo intervals and medians, and the escalation trees' probabilities.
"""

from __future__ import annotations

from typing import Any


def _band(quantiles: dict[str, Any] | None) -> list[float | None] | None:
    """The outermost quantiles ``[low, high]`` of a ``{"5": ..., "50": ..., "95": ...}`` dict."""
    if not quantiles:
        return None
    levels = sorted(quantiles, key=float)
    return [quantiles[levels[0]], quantiles[levels[-1]]]


def interval_label(data: dict[str, Any]) -> str | None:
    """``"5–95%"``: the quantiles the Monte Carlo intervals span (None without Monte Carlo)."""
    mc = data.get("montecarlo")
    if not mc or not mc["result"].get("issues"):
        return None
    levels = sorted(mc["result"]["issues"][0].get("quantiles") or {}, key=float)
    return f"{levels[0]}–{levels[-1]}%" if levels else None


def montecarlo_medians(data: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """``{issue id: {forecast name: median}}`` from the Monte Carlo section (or empty)."""
    mc = data.get("montecarlo")
    if not mc:
        return {}
    name = mc["result"].get("forecast") or mc["result"].get("model")
    return {
        issue["id"]: {name: (issue.get("quantiles") or {}).get("50")}
        for issue in mc["result"].get("issues", [])
        if (issue.get("quantiles") or {}).get("50") is not None
    }


def montecarlo_intervals(data: dict[str, Any]) -> dict[str, dict[str, list[float | None]]]:
    """``{issue id: {forecast name: [low, high]}}`` from the Monte Carlo section (or empty)."""
    mc = data.get("montecarlo")
    if not mc:
        return {}
    name = mc["result"].get("forecast") or mc["result"].get("model")
    out: dict[str, dict[str, list[float | None]]] = {}
    for issue in mc["result"].get("issues", []):
        band = _band(issue.get("quantiles"))
        if band is not None:
            out[issue["id"]] = {name: band}
    return out


def choice_intervals(data: dict[str, Any], tree_id: str) -> dict[str, dict[str, Any]]:
    """``{node id: {option: [low, high]}}`` for tree ``tree_id`` from the Monte Carlo runs."""
    mc = data.get("montecarlo")
    if not mc or mc["result"].get("tree") != tree_id:
        return {}
    return {
        node["id"]: {opt: _band(c.get("quantiles")) for opt, c in node["choices"].items()}
        for node in mc["result"].get("nodes", [])
    }


def escalation_probabilities(
    entry: dict[str, Any],
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """``(choices, outcomes)`` of one solved tree: ``{node: {option: p}}`` and ``{outcome: p}``."""
    result = entry["result"]
    choices = {n["id"]: dict(n.get("choices") or {}) for n in result.get("nodes", [])}
    raw = result.get("outcomes") or []
    if isinstance(raw, dict):
        outcomes = {k: float(v) for k, v in raw.items()}
    else:
        outcomes = {o["id"]: o["probability"] for o in raw}
    return choices, outcomes


__all__ = [
    "choice_intervals",
    "escalation_probabilities",
    "interval_label",
    "montecarlo_intervals",
    "montecarlo_medians",
]

"""Plain JSON-ready values, and the public functions that compute each report section.

:func:`plain` turns results into lists, dicts, strings, numbers and ``None``;
:func:`producer` imports the function that computes a section (:data:`PRODUCERS`), or raises
:class:`Unavailable` when it cannot be imported.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from realpolitik.scenario.model import Meta, Scenario

#: Where each analysis lives: section -> (module, function).
PRODUCERS: dict[str, tuple[str, str]] = {
    "network": ("realpolitik.analysis.network", "analyse_network"),
    "coalitions": ("realpolitik.analysis.coalitions", "coalitions"),
    "planb": ("realpolitik.analysis.planb", "plan_b"),
    "explanations": ("realpolitik.analysis.explain", "explain_actor"),
    "escalation": ("realpolitik.simulate.outcomes", "solve_escalation"),
    "montecarlo": ("realpolitik.simulate.montecarlo", "run_montecarlo"),
}


class Unavailable(Exception):
    """A producer of a section is not importable (yet); the message says which."""


def producer(section: str) -> Callable[..., Any]:
    """Return the public function that computes ``section``.

    Raises
    ------
    Unavailable
        When its module or function cannot be imported.
    """
    module, name = PRODUCERS[section]
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            raise Unavailable(f"{module} is not installed") from None
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        raise Unavailable(f"{module}.{name} does not exist")
    return fn


# --------------------------------------------------------------------------------------------
# Plain values
# --------------------------------------------------------------------------------------------
def plain(obj: Any) -> Any:
    """Turn ``obj`` into JSON-ready data: numpy scalars to numbers, NaN to None, tuples to lists.

    Examples
    --------
    >>> plain({"a": (np.float64(1.5), float("nan")), 2: np.array([1, 2])})
    {'a': [1.5, None], '2': [1, 2]}
    """
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, np.ndarray):
        return plain(obj.tolist())
    if isinstance(obj, list | tuple | set | frozenset):
        return [plain(v) for v in obj]
    if isinstance(obj, np.generic):
        return plain(obj.item())
    if isinstance(obj, float):
        return None if not math.isfinite(obj) else obj
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if obj is None or isinstance(obj, bool | int | str):
        return obj
    if hasattr(obj, "to_dict"):
        return plain(obj.to_dict())
    return str(obj)


def meta_dict(meta: Meta | None, scenario: Scenario | None = None) -> dict[str, Any]:
    """The evidence and assumption of a value, with each quote's source title when known."""
    if meta is None:
        return {"evidence": [], "assumption": None}
    evidence = []
    for ev in meta.evidence:
        src = scenario.source(ev.source) if scenario is not None and ev.source else None
        evidence.append(
            {
                "quote": ev.quote,
                "source": ev.source,
                "source_title": src.title if src is not None else None,
                "locator": ev.locator,
            }
        )
    return {"evidence": evidence, "assumption": meta.assumption}


__all__ = ["PRODUCERS", "Unavailable", "meta_dict", "plain", "producer"]

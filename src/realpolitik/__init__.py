"""realpolitik: strategic analysis of international politics as an explicit, testable model.

The names below are imported on first use (PEP 562), so ``import realpolitik`` costs almost
nothing and a command line call pays only for what it runs.

Examples
--------
>>> import realpolitik as rp
>>> result = rp.forecast(rp.load_scenario("syria-2020"), model="mean")
>>> "assad" in result.to_frame().index
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from realpolitik.engine import available_models
    from realpolitik.exceptions import (
        ConvergenceError,
        InputError,
        Problem,
        RealpolitikError,
        ScenarioError,
        ShockError,
    )
    from realpolitik.forecasting import ForecastResult, forecast
    from realpolitik.scenario import (
        Scenario,
        builtin_scenarios,
        dump_scenario,
        load_scenario,
        parse_scenario,
    )

__version__ = "0.1.0"

#: Where each public name lives.
_LOCATIONS = {
    "ConvergenceError": "realpolitik.exceptions",
    "InputError": "realpolitik.exceptions",
    "Problem": "realpolitik.exceptions",
    "RealpolitikError": "realpolitik.exceptions",
    "ScenarioError": "realpolitik.exceptions",
    "ShockError": "realpolitik.exceptions",
    "available_models": "realpolitik.engine",
    "ForecastResult": "realpolitik.forecasting",
    "forecast": "realpolitik.forecasting",
    "Scenario": "realpolitik.scenario",
    "builtin_scenarios": "realpolitik.scenario",
    "dump_scenario": "realpolitik.scenario",
    "load_scenario": "realpolitik.scenario",
    "parse_scenario": "realpolitik.scenario",
}


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'realpolitik' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LOCATIONS})


__all__ = [
    "ConvergenceError",
    "ForecastResult",
    "InputError",
    "Problem",
    "RealpolitikError",
    "Scenario",
    "ScenarioError",
    "ShockError",
    "__version__",
    "available_models",
    "builtin_scenarios",
    "dump_scenario",
    "forecast",
    "load_scenario",
    "parse_scenario",
]

"""realpolitik: strategic analysis of international politics as an explicit, testable model.

Examples
--------
>>> import realpolitik as rp
>>> result = rp.forecast(rp.load_scenario("syria-2020"), model="mean")
>>> "assad" in result.to_frame().index
True
"""

from __future__ import annotations

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

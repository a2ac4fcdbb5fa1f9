"""realpolitik: strategic analysis of international politics as an explicit, testable model.

The names below are imported on first use (PEP 562), so ``import realpolitik`` costs almost
nothing and a command line call pays only for what it runs.

Examples
--------
>>> import realpolitik as rp
>>> result = rp.forecast(rp.load_scenario("syria-2020"), model="mean")
>>> "assad" in result.to_frame().index
True

Every analysis is at the top level too (each imported only when first used):

>>> s = rp.load_scenario("syria-2020")
>>> rp.compare(s, ["iran-support-lost"], model="mean").shocks
['iran-support-lost']
>>> rp.find_coalitions(s, model="median").model
'median'
>>> mc = rp.run_montecarlo(s, 20, seed=1, model="mean")
>>> mc.n_runs
20
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from realpolitik.analysis.backtest import backtest
    from realpolitik.analysis.coalitions import find_coalitions
    from realpolitik.analysis.explain import explain_actor
    from realpolitik.analysis.network import analyse_network
    from realpolitik.analysis.planb import plan_b
    from realpolitik.engine import available_models
    from realpolitik.exceptions import (
        ConvergenceError,
        InputError,
        Problem,
        RealpolitikError,
        ScenarioError,
        ShockError,
    )
    from realpolitik.forecasting import ForecastResult, compare, forecast, stability
    from realpolitik.ingest.coder import code_text
    from realpolitik.ingest.run import event_series
    from realpolitik.scenario import (
        Scenario,
        builtin_scenarios,
        dump_scenario,
        load_scenario,
        parse_scenario,
    )
    from realpolitik.scenario.deu import load_deu
    from realpolitik.simulate.montecarlo import run_montecarlo
    from realpolitik.simulate.outcomes import solve_escalation

from realpolitik._version import __version__ as __version__

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
    "compare": "realpolitik.forecasting",
    "stability": "realpolitik.forecasting",
    "backtest": "realpolitik.analysis.backtest",
    "load_deu": "realpolitik.scenario.deu",
    "event_series": "realpolitik.ingest.run",
    "plan_b": "realpolitik.analysis.planb",
    "explain_actor": "realpolitik.analysis.explain",
    "analyse_network": "realpolitik.analysis.network",
    "find_coalitions": "realpolitik.analysis.coalitions",
    "run_montecarlo": "realpolitik.simulate.montecarlo",
    "solve_escalation": "realpolitik.simulate.outcomes",
    "code_text": "realpolitik.ingest.coder",
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
    "analyse_network",
    "available_models",
    "backtest",
    "builtin_scenarios",
    "code_text",
    "compare",
    "dump_scenario",
    "event_series",
    "explain_actor",
    "find_coalitions",
    "forecast",
    "load_deu",
    "load_scenario",
    "parse_scenario",
    "plan_b",
    "run_montecarlo",
    "solve_escalation",
    "stability",
]

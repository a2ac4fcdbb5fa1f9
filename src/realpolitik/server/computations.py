"""The dashboard's computations: each parses its request body and calls one public function.

Module-level, so that the worker processes (:mod:`realpolitik.server._pool`) can run them;
a dict answer is encoded as JSON in the worker (:func:`_encoded`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Any

from realpolitik.exceptions import InputError
from realpolitik.forecasting import compare, forecast
from realpolitik.report import gather, render_body, render_html
from realpolitik.report.data import Unavailable, plain, producer
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.rules import parse_rule
from realpolitik.server.limits import MAX_REPORT_RUNS
from realpolitik.server.models import (
    CompareIn,
    EscalationIn,
    ExplainIn,
    ForecastIn,
    MonteCarloIn,
    PlanBIn,
    ReportIn,
)
from realpolitik.server.scenarios import _shocked, scenario_from_ref


def _producer(section: str) -> Callable[..., Any]:
    try:
        return producer(section)
    except Unavailable as exc:
        raise InputError(f"not available on this installation: {exc}") from None


#: A scenario with more actor pairs × issues than this is forecast in the worker pool.
LIGHT_PAIRS = 50_000


def _is_heavy(s: Scenario) -> bool:
    return len(s.actors) ** 2 * len(s.issues) > LIGHT_PAIRS


@cache
def _json_adapter() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(dict[str, Any])


def _encoded(fn: Callable[..., Any], body: Any) -> Any:
    """``fn(body)``, a dict answer encoded as JSON bytes (runs in a worker process).

    The bytes are the ones FastAPI writes for an endpoint that returns ``dict[str, Any]``
    (the same pydantic serializer), so the answer does not change; but encoding a report
    (about 1 MB) and unpickling it as Python objects no longer take the server's interpreter
    (some 70 ms per report) while light requests wait.
    """
    result = fn(body)
    if isinstance(result, dict):
        return bytes(_json_adapter().dump_json(result))
    return result


def do_forecast(body: ForecastIn, s: Scenario | None = None) -> dict[str, Any]:
    """``POST /api/forecast``."""
    s = _shocked(scenario_from_ref(body.scenario) if s is None else s, body.shocks)
    return _clean(forecast(s, model=body.models or None).to_dict(trace=body.trace))


def do_compare(body: CompareIn, s: Scenario | None = None) -> dict[str, Any]:
    """``POST /api/compare``."""
    s = scenario_from_ref(body.scenario) if s is None else s
    return _clean(compare(s, body.shocks, model=body.models or None).to_dict())


def do_planb(body: PlanBIn) -> dict[str, Any]:
    """``POST /api/planb``."""
    plan_b = _producer("planb")
    s = scenario_from_ref(body.scenario)
    # Name each rule by its place in the request, as a scenario names its partner_rules.
    rules = [parse_rule(text, source=f"rules[{k}]") for k, text in enumerate(body.rules or [])]
    return _clean(plan_b(s, body.actor, body.without, rules=rules, model=body.model).to_dict())


def do_escalation(body: EscalationIn) -> dict[str, Any]:
    """``POST /api/escalation``."""
    solve = _producer("escalation")
    s = scenario_from_ref(body.scenario)
    kwargs: dict[str, Any] = {"tree": body.tree, "model": body.model}
    if body.lam is not None:
        kwargs["lam"] = math.inf if body.lam > 1e12 else body.lam
    return _clean(solve(s, **kwargs).to_dict())


def do_montecarlo(body: MonteCarloIn) -> dict[str, Any]:
    """``POST /api/montecarlo``."""
    run = _producer("montecarlo")
    s = scenario_from_ref(body.scenario)
    result = run(
        s, body.n_runs, body.seed, shocks=tuple(body.shocks), tree=body.tree, model=body.model
    )
    return _clean(result.to_dict())


def do_explain(body: ExplainIn) -> dict[str, Any]:
    """``POST /api/explain``."""
    explain = _producer("explanations")
    return _clean(explain(scenario_from_ref(body.scenario), body.actor, model=body.model).to_dict())


def capped_runs(body: ReportIn) -> tuple[ReportIn, list[str]]:
    """``body`` with its runs capped at :data:`MAX_REPORT_RUNS`, and the notice saying so.

    Examples
    --------
    >>> body, notices = capped_runs(ReportIn(scenario={"name": "syria-2020"}, n_runs=5000))
    >>> body.n_runs, notices[0][:44]
    (1000, 'Monte Carlo runs capped at 1,000 (asked for ')
    >>> capped_runs(ReportIn(scenario={"name": "syria-2020"}, n_runs=200))[1]
    []
    """
    if body.n_runs <= MAX_REPORT_RUNS:
        return body, []
    notice = (
        f"Monte Carlo runs capped at {MAX_REPORT_RUNS:,} (asked for {body.n_runs:,}): the "
        f"dashboard reruns the report on every change; for more runs use "
        f"realpolitik report -n {body.n_runs}"
    )
    return body.model_copy(update={"n_runs": MAX_REPORT_RUNS}), [notice]


def do_report(body: ReportIn) -> dict[str, Any]:
    """``POST /api/report``: the data and the HTML of the report's body."""
    data = _gather(body)
    return {"data": data, "body": render_body(data)}


def do_report_with_notices(job: tuple[ReportIn, list[str]]) -> dict[str, Any]:
    """``POST /api/report``: :func:`do_report` of a capped body, with the notices saying so.

    The notices join the answer here, in the worker, because the answer leaves the worker as
    encoded JSON (:func:`_encoded`), not as a dict the endpoint could add to.
    """
    body, notices = job
    return {**do_report(body), "notices": notices}


def do_report_html(body: ReportIn) -> str:
    """``POST /api/report.html``: the whole page."""
    return render_html(_gather(body))


def _gather(body: ReportIn) -> dict[str, Any]:
    s = scenario_from_ref(body.scenario)
    return gather(s, body.shocks, n_runs=body.n_runs, seed=body.seed, sections=body.sections)


def _clean(obj: Any) -> Any:
    return plain(obj)


__all__ = [
    "LIGHT_PAIRS",
    "capped_runs",
    "do_compare",
    "do_escalation",
    "do_explain",
    "do_forecast",
    "do_montecarlo",
    "do_planb",
    "do_report",
    "do_report_html",
    "do_report_with_notices",
]

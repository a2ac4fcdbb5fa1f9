"""The analysis and report endpoints; heavy computations run in the worker pool.

Light requests (a forecast of a small scenario, the network) are answered in the server's
process; heavy ones (:func:`_heavy`) in :mod:`realpolitik.server._pool`, with its time limit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from realpolitik.server._pool import BusyError, shared_pool
from realpolitik.server.computations import (
    _clean,
    _encoded,
    _is_heavy,
    _producer,
    capped_runs,
    do_compare,
    do_escalation,
    do_explain,
    do_forecast,
    do_montecarlo,
    do_planb,
    do_report_html,
    do_report_with_notices,
)
from realpolitik.server.models import (
    CompareIn,
    EscalationIn,
    ExplainIn,
    ForecastIn,
    MonteCarloIn,
    NetworkIn,
    PlanBIn,
    ReportIn,
)
from realpolitik.server.scenarios import _shocked, scenario_from_ref


async def _heavy(request: Request, fn: Callable[..., Any], body: Any) -> Any:
    """Run ``fn(body)`` in the worker pool; wait for a worker without holding a thread.

    A dict answer comes back as a ready JSON response, encoded in the worker (:func:`_encoded`);
    any other answer (the report's HTML text) as it is.
    """
    import anyio

    pool = shared_pool()
    limiter = getattr(request.app.state, "heavy_limiter", None)
    if limiter is None:
        limiter = request.app.state.heavy_limiter = anyio.CapacityLimiter(pool.n_workers)
    with anyio.move_on_after(pool.queue_seconds) as waited:
        await limiter.acquire()
    if waited.cancelled_caught:
        raise BusyError(
            f"the dashboard is busy: {pool.n_workers} heavy computation(s) are running and none "
            f"finished within {pool.queue_seconds:g} s; try again in a moment"
        )
    try:
        result = await anyio.to_thread.run_sync(pool.run, _encoded, fn, body)
    finally:
        limiter.release()
    if isinstance(result, bytes):
        return Response(result, media_type="application/json")
    return result


def add_analysis_routes(app: FastAPI) -> None:
    """Add the analyses (``/api/forecast`` … ``/api/explain``) and the report to ``app``."""

    # --- analyses ----------------------------------------------------------------------------
    @app.post("/api/forecast", tags=["analysis"])
    def api_forecast(body: ForecastIn) -> dict[str, Any]:
        """Forecast every issue with the baselines and the models asked for."""
        s = scenario_from_ref(body.scenario)
        if _is_heavy(s):
            return shared_pool().run(do_forecast, body)
        return do_forecast(body, s)

    @app.post("/api/compare", tags=["analysis"])
    def api_compare(body: CompareIn) -> dict[str, Any]:
        """Baseline and shocked forecasts side by side."""
        s = scenario_from_ref(body.scenario)
        if _is_heavy(s):
            return shared_pool().run(do_compare, body)
        return do_compare(body, s)

    @app.post("/api/network", tags=["analysis"])
    def api_network(body: NetworkIn) -> dict[str, Any]:
        """Balance, camps, blocs and commitment gaps of the relations."""
        analyse = _producer("network")
        return _clean(analyse(_shocked(scenario_from_ref(body.scenario), body.shocks)).to_dict())

    # Heavy computations run in the worker pool (see realpolitik.server._pool), so that light
    # requests stay fast while they run; each has the pool's time limit.
    @app.post("/api/planb", tags=["analysis"])
    async def api_planb(body: PlanBIn, request: Request) -> dict[str, Any]:
        """Rank the substitutes for a lost partner."""
        return await _heavy(request, do_planb, body)

    @app.post("/api/escalation", tags=["analysis"])
    async def api_escalation(body: EscalationIn, request: Request) -> dict[str, Any]:
        """Choice and outcome probabilities of an escalation tree."""
        return await _heavy(request, do_escalation, body)

    @app.post("/api/montecarlo", tags=["analysis"])
    async def api_montecarlo(body: MonteCarloIn, request: Request) -> dict[str, Any]:
        """Forecasts over uncertain inputs: at most MAX_RUNS (5000) runs, on this machine."""
        return await _heavy(request, do_montecarlo, body)

    @app.post("/api/explain", tags=["analysis"])
    async def api_explain(body: ExplainIn, request: Request) -> dict[str, Any]:
        """One actor explained in words, each sentence citing its inputs."""
        return await _heavy(request, do_explain, body)

    # --- the report ----------------------------------------------------------------------------
    @app.post("/api/report", tags=["report"])
    async def api_report(body: ReportIn, request: Request) -> dict[str, Any]:
        """Every section of the report: its data, the HTML of its body, and ``notices``.

        ``notices`` says what the dashboard capped (runs past MAX_REPORT_RUNS).
        """
        return await _heavy(request, do_report_with_notices, capped_runs(body))

    @app.post("/api/report.html", tags=["report"], response_class=HTMLResponse)
    async def api_report_html(body: ReportIn, request: Request) -> HTMLResponse:
        """The report as one self-contained HTML page (to save)."""
        body, _ = capped_runs(body)
        return HTMLResponse(
            await _heavy(request, do_report_html, body),
            headers={"Content-Disposition": 'attachment; filename="report.html"'},
        )


__all__ = [
    "add_analysis_routes",
]

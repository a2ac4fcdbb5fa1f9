"""The HTML report: gather every result of a scenario as plain data, then render one page.

Examples
--------
>>> from realpolitik.report import gather, render_html
>>> from realpolitik.scenario import load_scenario
>>> data = gather(load_scenario("syria-2020"), sections=["forecast", "trajectories"])
>>> "<h2 id=\\"forecast\\">Forecast</h2>" in render_html(data)
True
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from realpolitik.report.data import SECTIONS, gather, planb_questions
from realpolitik.scenario.model import Scenario

if TYPE_CHECKING:
    from realpolitik.report.html import build_figures, figure_json, render_body, render_html

#: The names that need plotly (the ``report`` extra), imported on first use so that
#: ``realpolitik.report.data`` stays importable without it.
_HTML = ("build_figures", "figure_json", "render_body", "render_html")


def __getattr__(name: str) -> Any:
    if name in _HTML:
        value = getattr(importlib.import_module("realpolitik.report.html"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'realpolitik.report' has no attribute {name!r}")


def build_report(
    scenario: Scenario, shocks: Sequence[str] = (), *, plotly: str = "inline", **options: Any
) -> str:
    """The whole report of ``scenario`` under ``shocks`` as one HTML page.

    ``render_html(gather(scenario, shocks, **options), plotly=plotly)``; see :func:`gather` for
    the options (``n_runs``, ``seed``, ``model``, ``sections``, ``planb``, ``events``) and
    :func:`realpolitik.report.html.plotly_script` for ``plotly`` (checked before anything is
    computed).
    """
    from realpolitik.report.html import plotly_script, render_html

    plotly_script(plotly)  # a mistake in it raises before the analyses run
    return render_html(gather(scenario, shocks, **options), plotly=plotly)


__all__ = [
    "SECTIONS",
    "build_report",
    "build_figures",
    "figure_json",
    "gather",
    "planb_questions",
    "render_body",
    "render_html",
]

"""The HTML report: one self-contained page (plotly.js inlined) from the data of :func:`gather`.

:func:`render_html` is pure: data in, text out. Only the command line and the server write it.
The sections' HTML is in :mod:`realpolitik.report.sections`, the figures in
:mod:`realpolitik.report.figures` and the text helpers in :mod:`realpolitik.report.markup`.
Every text that comes from a scenario passes through :func:`html.escape`; figures travel as JSON
in ``<script type="application/json">`` blocks (with ``</`` escaped) drawn by a small script.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from string import Template
from typing import Any

import plotly.graph_objects as go

from realpolitik.exceptions import InputError
from realpolitik.report import figures as F
from realpolitik.report.markup import _e, figure_json, json_for_script
from realpolitik.report.results import (
    choice_intervals,
    escalation_probabilities,
    interval_label,
    montecarlo_intervals,
    montecarlo_medians,
)
from realpolitik.report.sections import (
    _coalitions,
    _escalation,
    _events,
    _explanations,
    _forecast,
    _header,
    _network,
    _notes,
    _planb,
    _sensitivity,
    _trajectories,
)

_STATIC = "realpolitik.report.static"


@cache
def static_text(name: str) -> str:
    """Return the text of a file shipped in ``realpolitik/report/static`` (cached)."""
    return resources.files(_STATIC).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The installed plotly package's plotly.js (the report inlines it: no network needed)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def build_figures(data: dict[str, Any]) -> dict[str, go.Figure]:
    """Every figure the data allows, by name.

    Names: ``forecast``, ``trajectories``, ``network``, ``escalation-<tree id>`` and
    ``events``. Every figure draws an actor in the style of one mapping,
    :func:`report_styles` (the scenario's actor order), so a colour means the same actor in
    all of them.
    """
    figs: dict[str, go.Figure] = {}
    actor_ids = [a["id"] for a in data["scenario"]["actors"]]
    styles = report_styles(data)
    if "forecast" in data:
        figs["forecast"] = F.forecast_figure(data["forecast"], montecarlo_intervals(data))
    if "trajectories" in data:
        figs["trajectories"] = F.trajectories_figure(data["trajectories"], actor_ids, styles)
    if "network" in data:
        figs["network"] = F.network_figure(data["network"], styles)
    if "escalation" in data:
        for entry in data["escalation"]["trees"]:
            choices, outcomes = escalation_probabilities(entry)
            figs[f"escalation-{entry['id']}"] = F.escalation_figure(
                entry, choices, outcomes, choice_intervals(data, entry["id"]), styles
            )
    if "events" in data:
        names = {a["id"]: a["name"] for a in data["scenario"]["actors"]}
        figs["events"] = F.relation_series_figure(data["events"], names=names)
    return figs


def report_styles(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The report's one ``{actor id: {"color", "dash", "symbol"}}``, in scenario order."""
    return F.actor_styles([a["id"] for a in data["scenario"]["actors"]])


def render_body(data: dict[str, Any], figs: dict[str, go.Figure] | None = None) -> str:
    """The report's sections as HTML (no ``<html>`` wrapper, no scripts besides figure data)."""
    figs = build_figures(data) if figs is None else figs
    return "\n".join(
        part
        for part in (
            _header(data),
            _forecast(data, figs),
            _trajectories(data, figs),
            _sensitivity(data),
            _network(data, figs),
            _coalitions(data),
            _planb(data),
            _escalation(data, figs),
            _events(data, figs),
            _explanations(data),
            _notes(data),
        )
        if part
    )


#: The ways a report can load plotly.js (``--plotly``).
PLOTLY_MODES = ("inline", "local:PATH", "cdn")


def plotly_version() -> str:
    """The version of the plotly.js the installed plotly package ships."""
    from plotly.offline import get_plotlyjs_version

    return str(get_plotlyjs_version())


def plotly_script(plotly: str = "inline") -> str:
    """The one ``<script>`` element that loads plotly.js for the whole page.

    ``"inline"``: the installed plotly.js inside the page (it opens offline; about 4.8 MB).
    ``"local:PATH"``: a ``src`` pointing at a copy of plotly.js at ``PATH`` (a path relative to
    the report, or a URL). ``"cdn"``: the same version from cdn.plot.ly (needs the network).

    Raises
    ------
    InputError
        For any other value.

    Examples
    --------
    >>> plotly_script("local:js/plotly.min.js")
    '<script src="js/plotly.min.js" charset="utf-8"></script>'
    >>> plotly_script("cdn").startswith('<script src="https://cdn.plot.ly/plotly-')
    True
    """
    if plotly == "inline":
        return "<script>\n" + plotly_js() + "\n</script>"
    if plotly == "cdn":
        url = f"https://cdn.plot.ly/plotly-{plotly_version()}.min.js"
        return f'<script src="{_e(url)}" charset="utf-8"></script>'
    kind, sep, path = plotly.partition(":")
    if kind == "local" and sep and path.strip():
        return f'<script src="{_e(path.strip())}" charset="utf-8"></script>'
    raise InputError(
        f"plotly must be one of {', '.join(PLOTLY_MODES)} (local: then a path to plotly.js, "
        f"e.g. local:plotly.min.js); got {plotly!r}"
    )


def render_html(data: dict[str, Any], *, plotly: str = "inline") -> str:
    """Render the data of :func:`realpolitik.report.gather` as one HTML page.

    By default the page inlines plotly.js from the installed plotly package, once for all its
    figures: it opens offline. ``plotly`` may instead point at a local copy or the CDN (see
    :func:`plotly_script`).

    Parameters
    ----------
    data : dict
        The output of :func:`realpolitik.report.gather`.
    plotly : str
        ``"inline"``, ``"local:PATH"`` or ``"cdn"``.

    Returns
    -------
    str

    Examples
    --------
    >>> from realpolitik.report import gather
    >>> from realpolitik.scenario import load_scenario
    >>> page = render_html(gather(load_scenario("syria-2020"), sections=["forecast"]))
    >>> page.startswith("<!DOCTYPE html>"), "Plan B on Iran</title>" in page
    (True, True)
    """
    from realpolitik._version import __version__

    script = plotly_script(plotly)
    settings = data.get("settings", {})
    note = (
        f"Model {settings.get('model')}; Monte Carlo: {settings.get('n_runs')} runs, "
        f"seed {settings.get('seed')}."
    )
    return Template(static_text("report.html")).substitute(
        title=_e(data["scenario"]["title"]),
        version=_e(__version__),
        css=static_text("report.css"),
        plotlyjs=script,
        body=render_body(data),
        settings=_e(note),
        js=static_text("report.js"),
    )


__all__ = [
    "build_figures",
    "choice_intervals",
    "escalation_probabilities",
    "figure_json",
    "interval_label",
    "json_for_script",
    "montecarlo_intervals",
    "montecarlo_medians",
    "plotly_js",
    "plotly_script",
    "plotly_version",
    "report_styles",
    "render_body",
    "render_html",
    "static_text",
]

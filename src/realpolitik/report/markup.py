"""HTML and JSON text helpers of the report: escaping, numbers, figure blocks.

Every text that comes from a scenario passes through :func:`html.escape` (:func:`_e`);
figures travel as JSON in ``<script type="application/json">`` blocks with ``</`` escaped
(:func:`json_for_script`), drawn by the page's small script.
"""

from __future__ import annotations

import html
import json
from typing import Any

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text))


def _num(x: Any, fmt: str = ".1f") -> str:
    return "–" if x is None else format(x, fmt)


def json_for_script(obj: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</``, ``<!--`` or U+2028/9).

    Examples
    --------
    >>> json_for_script({"t": "</script><b>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(obj, cls=PlotlyJSONEncoder, ensure_ascii=False, allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def figure_json(fig: go.Figure) -> dict[str, Any]:
    """A figure as plain ``{"data": [...], "layout": {...}}`` (what ``Plotly.newPlot`` takes)."""
    return json.loads(fig.to_json())


def _figure(name: str, figs: dict[str, go.Figure]) -> str:
    if name not in figs:
        return ""
    fid = f"fig-{name}"
    fixed = " fixed" if figs[name].layout.width is not None else ""
    return (
        f'<div class="figure{fixed}" id="{_e(fid)}"></div>\n'
        f'<script type="application/json" data-figure="{_e(fid)}">'
        f"{json_for_script(figure_json(figs[name]))}</script>\n"
    )


__all__ = ["figure_json", "json_for_script"]

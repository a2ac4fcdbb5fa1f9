"""Plotly figures of the report's sections, built from the plain data of :func:`gather`.

Every function takes a section of :func:`realpolitik.report.data.gather` and returns a
``plotly.graph_objects.Figure``. Text from the scenario is escaped once for plotly's labels
(:func:`_e`): plotly reads a subset of HTML in them and decodes ``&amp;``, ``&lt;`` and ``&gt;``
but not ``&quot;`` or ``&#x27;``, so only ``&``, ``<`` and ``>`` are escaped and quotes stay as typed.
"""

from __future__ import annotations

import html
import math
from typing import Any

import networkx as nx
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from realpolitik.report.style import (
    ACTOR_PALETTE,
    MODEL_PALETTE,
    NEGATIVE,
    NEUTRAL,
    PAIR_PALETTE,
    POSITIVE,
    SYMBOLS,
    actor_colours,
    actor_styles,
)
from realpolitik.report.tree import escalation_figure, tree_layout, tree_pixels

#: Kept for code that imported it: the actors' palette.
PALETTE = ACTOR_PALETTE
_FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12}


def _e(text: Any) -> str:
    """Text for a plotly label: tags impossible, quotes kept (plotly shows ``&quot;`` as is).

    Examples
    --------
    >>> print(_e('say "no" <b> & more'))
    say "no" &lt;b&gt; &amp; more
    """
    return html.escape("" if text is None else str(text), quote=False)


def wrap(text: str, width: int = 18) -> str:
    """Break ``text`` into lines of about ``width`` characters joined by ``<br>`` (escaped).

    Examples
    --------
    >>> wrap("Israel strikes in Syria; Russia backs <Iran>", 16)
    'Israel strikes<br>in Syria; Russia<br>backs &lt;Iran&gt;'
    """
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(_e(line) for line in lines)


#: The legend: one horizontal block at the bottom edge of the whole figure ("container"
#: coordinates), below the x-axis title. A legend placed under the plot area in "paper"
#: coordinates (a fraction of the plot's height) lands on the axis title of short plots or of
#: narrow screens; plotly widens the bottom margin to fit a container legend instead.
LEGEND: dict[str, Any] = {
    "orientation": "h",
    "xref": "container",
    "x": 0,
    "xanchor": "left",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
}


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 110},
        font=_FONT,
        template="plotly_white",
        legend=LEGEND,
    )
    return fig


def forecast_figure(section: dict[str, Any], intervals: dict[str, Any] | None = None) -> go.Figure:
    """Each model's forecast per issue (dots), with Monte Carlo intervals where known.

    Parameters
    ----------
    section : dict
        ``gather(...)["forecast"]``.
    intervals : dict, optional
        ``{issue id: {model: [low, high]}}`` (from :func:`montecarlo_intervals`).
    """
    issues = section["issues"]
    labels = [_e(i["title"]) for i in issues]
    fig = go.Figure()
    intervals = intervals or {}
    models = section["models"]
    step = 0.6 / max(len(models), 1)
    for k, model in enumerate(models):
        colour = MODEL_PALETTE[k % len(MODEL_PALETTE)]
        symbol = SYMBOLS[k % len(SYMBOLS)]
        # Each model on its own line within the issue's band, so equal forecasts stay visible.
        y = [j + (k - (len(models) - 1) / 2) * step for j in range(len(issues))]
        if any("baseline" in i for i in issues):
            fig.add_trace(
                go.Scatter(
                    x=[i.get("baseline", {}).get(model) for i in issues],
                    y=y,
                    mode="markers",
                    name=f"{model} (baseline)",
                    legendgroup=model,
                    marker={"symbol": f"{symbol}-open", "size": 10, "color": colour},
                )
            )
        x = [i["forecast"].get(model) for i in issues]
        lo = [intervals.get(i["id"], {}).get(model, [None, None])[0] for i in issues]
        hi = [intervals.get(i["id"], {}).get(model, [None, None])[1] for i in issues]
        error = None
        if any(v is not None for v in lo):
            error = {
                "type": "data",
                "symmetric": False,
                "array": [
                    h - v if h is not None and v is not None else 0
                    for h, v in zip(hi, x, strict=True)
                ],
                "arrayminus": [
                    v - lw if lw is not None and v is not None else 0
                    for lw, v in zip(lo, x, strict=True)
                ],
                "color": colour,
                "thickness": 1.5,
            }
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="markers",
                name=model,
                legendgroup=model,
                marker={"size": 10, "color": colour, "symbol": symbol},
                error_x=error,
            )
        )
    fig.update_xaxes(range=[-2, 102], title="forecast position (0–100 scale of each issue)")
    fig.update_yaxes(
        autorange="reversed",
        tickvals=list(range(len(issues))),
        ticktext=labels,
        showgrid=False,
        zeroline=False,
        title="issue",
    )
    return _layout(fig, "Forecast per issue and model", 210 + 60 * len(issues))


#: A move smaller than this (points) is no move, for the markers and the settled round.
MOVE_TOL = 0.05


def move_marks(positions: list[float | None], size: float = 7) -> list[float]:
    """Marker sizes along a line: ``size`` at the first point and where the position moves.

    Examples
    --------
    >>> move_marks([10, 10, 20, 20, 20])
    [7, 0, 7, 0, 0]
    """
    out: list[float] = []
    for k, y in enumerate(positions):
        before = positions[k - 1] if k else None
        moved = k == 0 or y is None or before is None or abs(y - before) > MOVE_TOL
        out.append(size if moved else 0)
    return out


def last_move(lines: list[list[float | None]]) -> int:
    """The last round at which any line moves by more than :data:`MOVE_TOL` (0 if none).

    Examples
    --------
    >>> last_move([[0, 5, 5, 5], [1, 1, 2, 2]])
    2
    """
    last = 0
    for ys in lines:
        for k in range(1, len(ys)):
            a, b = ys[k - 1], ys[k]
            if a is None or b is None or abs(b - a) > MOVE_TOL:
                last = max(last, k)
    return last


#: The y-axis title of a panel of positions.
POSITION_TITLE = "position (0–100)"


def trajectories_figure(
    section: dict[str, Any],
    actor_ids: list[str],
    styles: dict[str, dict[str, Any]] | None = None,
) -> go.Figure:
    """Positions round by round: one panel per issue, one line per actor.

    Each actor keeps its report style (``styles``, by default :func:`actor_styles` of
    ``actor_ids``): its colour, a dash pattern and a marker at every round, so that actors
    at the same position stay told apart. Every panel's y axis reads "position (0–100)" and
    the lowest panel of each column reads "round".
    """
    issues = section["issues"]
    n_cols = 2 if len(issues) > 1 else 1
    n_rows = math.ceil(len(issues) / n_cols)
    fig = make_subplots(
        rows=n_rows,
        cols=n_cols,
        subplot_titles=[_e(i["title"]) for i in issues],
        vertical_spacing=min(0.12, 0.6 / max(n_rows, 1)),
        horizontal_spacing=0.06,
    )
    styles = actor_styles(actor_ids) if styles is None else styles
    shown: set[str] = set()
    for k, issue in enumerate(issues):
        row, col = k // n_cols + 1, k % n_cols + 1
        for actor in issue["actors"]:
            fig.add_trace(
                go.Scatter(
                    x=actor["rounds"],
                    y=actor["positions"],
                    mode="lines+markers",
                    name=_e(actor["name"]),
                    legendgroup=actor["id"],
                    showlegend=actor["id"] not in shown,
                    line={
                        "color": styles.get(actor["id"], {}).get("color", NEUTRAL),
                        "dash": styles.get(actor["id"], {}).get("dash", "solid"),
                        "width": 2,
                    },
                    marker={
                        "symbol": styles.get(actor["id"], {}).get("symbol", "circle"),
                        "size": move_marks(actor["positions"]),
                    },
                    opacity=0.85,
                    hovertemplate=f"{_e(actor['name'])}: %{{y:.1f}} (round %{{x}})<extra></extra>",
                ),
                row=row,
                col=col,
            )
            shown.add(actor["id"])
        fig.update_yaxes(range=[-2, 102], title_text=POSITION_TITLE, row=row, col=col)
    settled = last_move([a["positions"] for i in issues for a in i["actors"]])
    n_rounds = max((len(a["rounds"]) - 1 for i in issues for a in i["actors"]), default=0)
    x_title = "round"
    if n_rounds > settled + 5:  # the lines are flat after ``settled``: show where they move
        x_title = f"round (no one moves after round {settled}; {n_rounds} in all)"
        fig.update_xaxes(range=[-0.5, settled + 3.5])
    for col in range(1, n_cols + 1):
        last = max((k for k in range(len(issues)) if k % n_cols + 1 == col), default=None)
        if last is not None:
            fig.update_xaxes(title_text=x_title, row=last // n_cols + 1, col=col)
    return _layout(fig, f"Positions round by round ({_e(section['model'])})", 150 + 260 * n_rows)


#: Dash patterns of the relation pairs over time.
DASH_CYCLE = ("solid", "dash", "dot", "dashdot")

#: Up to this many actors, the network is drawn on a circle.
CIRCLE_MAX = 8


def _segment_distance(p: Any, a: Any, b: Any) -> float:
    """Distance from point ``p`` to the segment ``a``–``b``."""
    ab = (b[0] - a[0], b[1] - a[1])
    ap = (p[0] - a[0], p[1] - a[1])
    norm = ab[0] ** 2 + ab[1] ** 2
    t = 0.0 if norm == 0 else min(1.0, max(0.0, (ap[0] * ab[0] + ap[1] * ab[1]) / norm))
    return math.hypot(ap[0] - t * ab[0], ap[1] - t * ab[1])


def crowded_edges(
    pos: dict[str, Any], edges: list[tuple[str, str, float]], tol: float = 0.05
) -> list[tuple[str, str, str]]:
    """The ``(a, b, c)`` where node ``c`` lies within ``tol`` of the drawn edge ``a``–``b``.

    A node on another pair's edge hides that edge's end (three nodes in a row: the edges
    a–b and b–c are drawn over a–c). ``tol`` is relative to the layout's extent.

    Examples
    --------
    >>> crowded_edges({"a": (0, 0), "b": (1, 0), "c": (2, 0)}, [("a", "c", 1.0)])
    [('a', 'c', 'b')]
    >>> crowded_edges({"a": (0, 0), "b": (1, 1), "c": (2, 0)}, [("a", "c", 1.0)])
    []
    """
    if not pos:
        return []
    xs = [float(v[0]) for v in pos.values()]
    ys = [float(v[1]) for v in pos.values()]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    out = []
    for a, b, _ in edges:
        if a == b or a not in pos or b not in pos:
            continue
        for c, p in pos.items():
            if c not in (a, b) and _segment_distance(p, pos[a], pos[b]) < tol * extent:
                out.append((a, b, c))
    return out


def network_layout(nodes: list[str], edges: list[tuple[str, str, float]]) -> dict[str, Any]:
    """Deterministic node positions in which no actor sits on another pair's edge.

    Up to :data:`CIRCLE_MAX` actors stand on a circle in the scenario's order (no three
    points of a circle are in a row, so no edge is drawn over another). Larger networks get a
    spring layout of the positive relations, seeded, started from the circle: allies end up
    close, rivals apart. Should that put an actor on an edge between two others, the circle
    is used instead.

    Examples
    --------
    >>> pos = network_layout(["a", "b", "c", "d"], [("a", "b", 1), ("b", "c", 1), ("c", "d", 1)])
    >>> crowded_edges(pos, [("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("a", "d", -1)])
    []
    """
    G = nx.Graph()
    G.add_nodes_from(nodes)
    circle = nx.circular_layout(G)
    if len(nodes) <= CIRCLE_MAX:
        return circle
    for a, b, w in edges:
        if w > 0 and a != b:
            G.add_edge(a, b, weight=w)
    if G.number_of_edges() == 0:
        return circle
    pos = nx.spring_layout(G, pos=circle, seed=0, weight="weight", k=1.6 / math.sqrt(len(nodes)))
    return circle if crowded_edges(pos, edges) else pos


def network_figure(
    section: dict[str, Any], styles: dict[str, dict[str, Any]] | None = None
) -> go.Figure:
    """The relation network: node size by capability, edge colour by sign.

    Edges are green when cooperative and red when hostile, their width grows with the weight,
    and they are dashed unless the commitment is mutual. Each node has its actor's report
    colour (``styles``, by default :func:`actor_styles` of the nodes' order).
    """
    if styles is None:
        styles = actor_styles([n["id"] for n in section["nodes"]])
    nodes = section["nodes"]
    edges = section["edges"]
    pos = network_layout([n["id"] for n in nodes], [(e["a"], e["b"], e["weight"]) for e in edges])
    fig = go.Figure()
    legend_seen: set[str] = set()
    for e in edges:
        if e["a"] not in pos or e["b"] not in pos:
            continue
        (x0, y0), (x1, y1) = pos[e["a"]], pos[e["b"]]
        w = e["weight"]
        colour = POSITIVE if w > 0 else NEGATIVE if w < 0 else NEUTRAL
        mutual = e["commitment"] == "mutual"
        key = f"{'cooperative' if w > 0 else 'hostile' if w < 0 else 'neutral'}" + (
            ", mutual commitment" if mutual else ", no mutual commitment"
        )
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                line={
                    "color": colour,
                    "width": 1 + 4 * abs(w),
                    "dash": "solid" if mutual else "dash",
                },
                name=key,
                legendgroup=key,
                showlegend=key not in legend_seen,
                hoverinfo="text",
                text=f"{_e(e['a'])} – {_e(e['b'])}: {_e(e['type'])} ({w:+.2f}), "
                f"commitment {_e(e['commitment'])}",
            )
        )
        legend_seen.add(key)
    caps = [max(float(n["capability"]), 0.0) for n in nodes]
    top = max(caps) if caps and max(caps) > 0 else 1.0
    fig.add_trace(
        go.Scatter(
            x=[pos[n["id"]][0] for n in nodes],
            y=[pos[n["id"]][1] for n in nodes],
            mode="markers+text",
            text=[_e(n["name"]) for n in nodes],
            textposition="top center",
            marker={
                "size": [12 + 38 * math.sqrt(c / top) for c in caps],
                "color": [styles.get(n["id"], {}).get("color", NEUTRAL) for n in nodes],
                "line": {"color": "white", "width": 1.5},
            },
            hovertext=[f"{_e(n['name'])}: capability {n['capability']:g}" for n in nodes],
            hoverinfo="text",
            name="actor (size: capability)",
        )
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, "Relation network", 630)


def relation_series_figure(
    section: dict[str, Any], *, max_pairs: int = 8, names: dict[str, str] | None = None
) -> go.Figure:
    """Relation scores over time: one line per pair, the relation-type bands, the crossings.

    ``section`` is :meth:`realpolitik.ingest.series.RelationSeries.to_json`. Pairs with
    crossings come first, then those with the most extreme scores, at most ``max_pairs``.
    ``names`` (actor id -> name) labels the pairs; by default their ids. Each pair has its own
    colour and dash pattern; the x axis is the date, the y axis the score from -1 (hostile) to
    +1 (cooperative).
    """
    names = names or {}
    from realpolitik.scenario import DEFAULT_WEIGHTS

    days = section["days"]
    crossed = {tuple(c["between"]) for c in section["crossings"]}
    pairs = sorted(
        section["pairs"],
        key=lambda p: (tuple(p["between"]) not in crossed, -max(map(abs, p["scores"]), default=0)),
    )[:max_pairs]
    fig = go.Figure()
    order = sorted(DEFAULT_WEIGHTS.items(), key=lambda kv: kv[1])
    for (_, w_lo), (_, w_hi) in zip(order, order[1:], strict=False):
        fig.add_hline(y=(w_lo + w_hi) / 2, line={"color": "#dddddd", "width": 1, "dash": "dot"})
    for t, w in order:
        if -1 <= w <= 1:
            fig.add_annotation(
                x=1.0, xref="paper", xanchor="left", y=w, text=_e(t), showarrow=False,
                font={"size": 10, "color": NEUTRAL},
            )  # fmt: skip
    for k, p in enumerate(pairs):
        label = _e(" - ".join(names.get(a, a) for a in p["between"]))
        colour = PAIR_PALETTE[k % len(PAIR_PALETTE)]
        fig.add_trace(
            go.Scatter(
                x=days, y=p["scores"], mode="lines", name=label, legendgroup=label,
                line={"color": colour, "width": 2, "dash": DASH_CYCLE[k % len(DASH_CYCLE)]},
                customdata=p["counts"],
                hovertemplate=f"{label}: %{{y:+.2f}} on %{{x}} (%{{customdata}} events)<extra></extra>",
            )
        )  # fmt: skip
        marks = [c for c in section["crossings"] if c["between"] == p["between"]]
        if marks:
            fig.add_trace(
                go.Scatter(
                    x=[c["date"] for c in marks], y=[c["score"] for c in marks],
                    mode="markers", legendgroup=label, showlegend=False,
                    marker={"color": colour, "size": 10, "symbol": "diamond"},
                    text=[_e(f"{c['from']} -> {c['to']}") for c in marks],
                    hovertemplate=f"{label}: %{{text}} on %{{x}}<extra></extra>",
                )
            )  # fmt: skip
    window = section.get("window_days", "")
    fig.update_yaxes(range=[-1.05, 1.05], title_text="relation score (−1 hostile, +1 cooperative)")
    fig.update_xaxes(title_text=f"date (score over the {window} days up to it)")
    _layout(fig, f"Relations over time ({window}-day window)", 460)
    # Room on the right for the relation types' names beside their bands.
    fig.update_layout(margin={"r": 90})
    return fig


__all__ = [
    "actor_colours",
    "actor_styles",
    "crowded_edges",
    "escalation_figure",
    "forecast_figure",
    "network_figure",
    "network_layout",
    "relation_series_figure",
    "trajectories_figure",
    "tree_layout",
    "tree_pixels",
    "wrap",
]

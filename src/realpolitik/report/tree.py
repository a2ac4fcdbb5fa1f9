"""The escalation tree drawn top-down, laid out in pixels so that no label hides another.

:func:`tree_layout` unfolds a tree into items with abstract positions (a column per outcome
leaf, a row per depth). :func:`tree_pixels` turns them into pixels together with a box for
every label (who decides, each option with its probability, each outcome with its share) and
every marker, sized from the wrapped text, and widens the columns and rows until no two boxes
overlap. :func:`escalation_figure` draws exactly that layout at a fixed size (the page scrolls
sideways when it is narrower than the tree), so the labels stay readable whatever the window.
"""

from __future__ import annotations

import html
import math
from typing import Any

import plotly.graph_objects as go

from realpolitik.report.style import actor_styles

#: Font size of the tree's labels (px).
FONT_SIZE = 11
#: Width of one character, at most, in ems of a sans-serif font (conservative: "m" and "W"
#: are wider, but a 16-character line of them is rare; the browser test measures real text).
CHAR_EM = 0.62
#: Line height of plotly's multi-line text, in ems.
LINE_EM = 1.3
#: Characters per line of a wrapped label (nine 14-character columns fit the 1,060 px page).
WRAP = 14
#: Room around each label box (px) and around the whole drawing.
PAD = 4
MARGIN = 12
#: Where along an edge its option label sits (0: at the parent, 1: at the child).
ALONG = 0.72
#: Decision markers' size (px); outcome markers grow with their probability up to 10 + 30.
NODE_SIZE = 22
#: Steps of 10 % the rows may grow for each width tried (1.1 ** 30: about 17 times).
GROW_ROWS = 30
#: Height of the title above the drawing (px).
TITLE = 50


def _lines(text: str, width: int = WRAP) -> list[str]:
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _box(lines: list[str]) -> tuple[float, float]:
    width = max(len(line) for line in lines) * CHAR_EM * FONT_SIZE + 2 * PAD
    height = len(lines) * LINE_EM * FONT_SIZE + 2 * PAD
    return width, height


def _text(lines: list[str], bold: set[int] | frozenset[int] = frozenset()) -> str:
    out = []
    for k, line in enumerate(lines):
        t = html.escape(line, quote=False)
        out.append(f"<b>{t}</b>" if k in bold else t)
    return "<br>".join(out)


def tree_layout(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """Unfold an escalation tree into drawn items: decision nodes, edges and outcome leaves.

    Leaves take consecutive x positions, a decision node sits above the middle of its
    children, and depth sets y. Returns ``[{"kind": "node"|"leaf", "x", "y", ...}, ...]`` with
    each item's ``parent`` index (None for the root) and the option that leads to it.
    """
    nodes = {n["id"]: n for n in tree["nodes"]}
    outcomes = {o["id"]: o for o in tree["outcomes"]}
    items: list[dict[str, Any]] = []
    next_leaf = [0]

    def visit(kind: str, ref: str, depth: int, parent: int | None, option: Any, path: tuple) -> int:
        index = len(items)
        items.append(
            {"kind": kind, "ref": ref, "y": -depth, "parent": parent, "option": option, "x": 0.0}
        )
        if kind == "leaf" or ref in path:
            items[index]["x"] = float(next_leaf[0])
            next_leaf[0] += 1
            return index
        xs = []
        for opt in nodes[ref]["options"]:
            if opt.get("next") is not None:
                child = visit("node", opt["next"], depth + 1, index, opt, (*path, ref))
            else:
                child = visit("leaf", opt["outcome"], depth + 1, index, opt, (*path, ref))
            xs.append(items[child]["x"])
        items[index]["x"] = sum(xs) / len(xs)
        return index

    visit("node", tree["root"], 0, None, None, ())
    for item in items:
        item["title"] = (
            nodes[item["ref"]].get("title")
            if item["kind"] == "node"
            else outcomes.get(item["ref"], {}).get("title")
        )
    return items


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether two boxes ``{"x", "y", "w", "h"}`` (centre, width, height) overlap.

    Examples
    --------
    >>> overlaps({"x": 0, "y": 0, "w": 2, "h": 2}, {"x": 1.5, "y": 0, "w": 2, "h": 2})
    True
    >>> overlaps({"x": 0, "y": 0, "w": 2, "h": 2}, {"x": 2, "y": 0, "w": 2, "h": 2})
    False
    """
    return abs(a["x"] - b["x"]) * 2 < a["w"] + b["w"] and abs(a["y"] - b["y"]) * 2 < a["h"] + b["h"]


def _labels(
    items: list[dict[str, Any]],
    tree: dict[str, Any],
    choices: dict[str, dict[str, float]],
    outcomes: dict[str, float],
    intervals: dict[str, dict[str, Any]],
) -> None:
    """Give each item its label lines, bold lines and box size (before any position)."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    for item in items:
        if item["kind"] == "node":
            item["lines"], item["bold"] = _lines(nodes[item["ref"]]["actor_name"]), set()
            item["marker"] = NODE_SIZE
        else:
            share = outcomes.get(item["ref"]) or 0.0
            item["lines"] = [*_lines(item["title"] or item["ref"]), f"{share:.0%}"]
            item["bold"] = {len(item["lines"]) - 1}
            item["marker"] = 10 + 30 * math.sqrt(share)
        item["size"] = _box(item["lines"])
        if item["parent"] is None:
            continue
        opt = item["option"]
        parent = items[item["parent"]]
        p = choices.get(parent["ref"], {}).get(opt["id"])
        lines, bold = _lines(opt.get("title") or opt["id"]), set()
        if p is not None:
            bold.add(len(lines))
            lines.append(f"p = {p:.2f}")
            band = intervals.get(parent["ref"], {}).get(opt["id"])
            if band and band[0] is not None:
                lines.append(f"[{band[0]:.2f}, {band[1]:.2f}]")
        item["p"] = p
        item["option_lines"], item["option_bold"] = lines, bold
        item["option_size"] = _box(lines)


def _place(items: list[dict[str, Any]], col: float, row: float) -> list[dict[str, Any]]:
    """Every box (labels and markers) for columns ``col`` and rows ``row`` px apart."""
    boxes = []
    for k, item in enumerate(items):
        x, y = item["x"] * col, -item["y"] * row
        item["px"], item["py"] = x, y
        m = item["marker"]
        boxes.append({"kind": "marker", "item": k, "x": x, "y": y, "w": m, "h": m})
        w, h = item["size"]
        # A decision's actor above its marker, an outcome's title and share below it.
        dy = -(m / 2 + h / 2 + 2) if item["kind"] == "node" else m / 2 + h / 2 + 2
        kind = "actor" if item["kind"] == "node" else "outcome"
        boxes.append({"kind": kind, "item": k, "x": x, "y": y + dy, "w": w, "h": h})
    for k, item in enumerate(items):
        if item["parent"] is None:
            continue
        parent = items[item["parent"]]
        w, h = item["option_size"]
        x = parent["px"] + ALONG * (item["px"] - parent["px"])
        y = parent["py"] + ALONG * (item["py"] - parent["py"])
        boxes.append({"kind": "option", "item": k, "x": x, "y": y, "w": w, "h": h})
    return boxes


def _clash(boxes: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            if overlaps(a, b):
                return a, b
    return None


def tree_pixels(
    tree: dict[str, Any],
    choices: dict[str, dict[str, float]],
    outcomes: dict[str, float],
    intervals: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The tree in pixels: items, label and marker boxes, and the drawing's width and height.

    Columns start as wide as the widest label and rows as tall as the tallest label. The
    narrowest columns (each step 10 % wider) for which some row height (each step 10 %
    taller) parts every box are kept, with the lowest such rows: a tree may grow tall rather
    than wide, since a page scrolls down more easily than sideways. Everything is then shifted so that the
    boxes lie inside ``[0, width] x [0, height]`` with :data:`MARGIN` around.

    Returns
    -------
    dict
        ``items`` (as :func:`tree_layout`, with ``px``, ``py`` and label lines), ``boxes``
        (``{"kind": "marker"|"actor"|"outcome"|"option", "item", "x", "y", "w", "h"}``,
        centres), ``width``, ``height``.

    Examples
    --------
    >>> tree = {"root": "r", "nodes": [{"id": "r", "actor_name": "Alpha", "options": [
    ...     {"id": "a", "title": "give in", "outcome": "o1"},
    ...     {"id": "b", "title": "fight on for a long time", "outcome": "o2"}]}],
    ...     "outcomes": [{"id": "o1", "title": "peace"}, {"id": "o2", "title": "war"}]}
    >>> out = tree_pixels(tree, {"r": {"a": 0.25, "b": 0.75}}, {"o1": 0.25, "o2": 0.75})
    >>> any(overlaps(a, b) for k, a in enumerate(out["boxes"]) for b in out["boxes"][k + 1:])
    False
    >>> [b["kind"] for b in out["boxes"]].count("option")
    2
    """
    items = tree_layout(tree)
    _labels(items, tree, choices, outcomes, intervals or {})
    widths = [i["size"][0] for i in items] + [i["option_size"][0] for i in items if i["parent"]]
    heights = [i["size"][1] for i in items] + [i["option_size"][1] for i in items if i["parent"]]
    col = max(widths) + PAD
    row = max(heights) + NODE_SIZE
    boxes = None
    for i in range(200):
        for j in range(GROW_ROWS):
            trial = _place(items, col * 1.1**i, row * 1.1**j)
            if _clash(trial) is None:
                boxes = trial
                break
        if boxes is not None:
            break
    else:  # pragma: no cover - 1.1 ** 200 parts any boxes of finite size
        raise RuntimeError("the escalation tree's labels could not be laid apart")
    left = min(b["x"] - b["w"] / 2 for b in boxes) - MARGIN
    top = min(b["y"] - b["h"] / 2 for b in boxes) - MARGIN
    for b in boxes:
        b["x"] -= left
        b["y"] -= top
    for item in items:
        item["px"] -= left
        item["py"] -= top
    width = max(b["x"] + b["w"] / 2 for b in boxes) + MARGIN
    height = max(b["y"] + b["h"] / 2 for b in boxes) + MARGIN
    return {"items": items, "boxes": boxes, "width": width, "height": height}


def escalation_figure(
    tree: dict[str, Any],
    choices: dict[str, dict[str, float]],
    outcomes: dict[str, float],
    intervals: dict[str, dict[str, Any]] | None = None,
    styles: dict[str, dict[str, Any]] | None = None,
) -> go.Figure:
    """An escalation tree top-down: each option labelled with its choice probability.

    Drawn at the fixed size of :func:`tree_pixels` (one data unit is one pixel), with the
    deciding actors' markers in their report colours (``styles``, see
    :func:`realpolitik.report.style.actor_styles`).

    Parameters
    ----------
    tree : dict
        The tree's structure (``gather(...)["escalation"]["trees"][k]``).
    choices : dict
        ``{node id: {option id: probability}}``.
    outcomes : dict
        ``{outcome id: probability}``.
    intervals : dict, optional
        ``{node id: {option id: [low, high]}}`` from Monte Carlo runs.
    styles : dict, optional
        ``{actor id: style}``; by default the order of the tree's deciding actors.
    """
    laid = tree_pixels(tree, choices, outcomes, intervals)
    items = laid["items"]
    nodes = {n["id"]: n for n in tree["nodes"]}
    if styles is None:
        styles = actor_styles(list(dict.fromkeys(n["actor"] for n in tree["nodes"])))
    fig = go.Figure()
    for item in items:
        if item["parent"] is None:
            continue
        parent = items[item["parent"]]
        fig.add_trace(
            go.Scatter(
                x=[parent["px"], item["px"]],
                y=[parent["py"], item["py"]],
                mode="lines",
                line={"color": "#555", "width": 1 + 7 * (item["p"] or 0.0)},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    deci = [i for i in items if i["kind"] == "node"]
    leaves = [i for i in items if i["kind"] == "leaf"]
    fig.add_trace(
        go.Scatter(
            x=[i["px"] for i in deci],
            y=[i["py"] for i in deci],
            mode="markers",
            marker={
                "size": NODE_SIZE,
                "color": [
                    styles.get(nodes[i["ref"]]["actor"], {}).get("color", "#4c78a8") for i in deci
                ],
                "line": {"color": "white", "width": 1.5},
            },
            hovertext=[html.escape(i["title"] or i["ref"], quote=False) for i in deci],
            hoverinfo="text",
            name="decision (who chooses)",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[i["px"] for i in leaves],
            y=[i["py"] for i in leaves],
            mode="markers",
            marker={"size": [i["marker"] for i in leaves], "color": "#f58518", "symbol": "square"},
            hoverinfo="text",
            hovertext=[html.escape(i["title"] or i["ref"], quote=False) for i in leaves],
            name="outcome (size: probability)",
        )
    )
    annotations = []
    for b in laid["boxes"]:
        if b["kind"] == "marker":
            continue
        item = items[b["item"]]
        if b["kind"] == "option":
            text = _text(item["option_lines"], item["option_bold"])
        else:
            text = _text(item["lines"], item["bold"])
        annotations.append(
            {
                "x": b["x"],
                "y": b["y"],
                "xanchor": "center",
                "yanchor": "middle",
                "text": text,
                "showarrow": False,
                "font": {"size": FONT_SIZE},
                "bgcolor": "rgba(255,255,255,0.9)" if b["kind"] == "option" else None,
                "name": b["kind"],
            }
        )
    width, height = math.ceil(laid["width"]), math.ceil(laid["height"])
    fig.update_layout(
        annotations=annotations,
        title={"text": f"Escalation tree: {html.escape(tree['title'], quote=False)}", "x": 0},
        width=width,
        height=height + TITLE,
        autosize=False,
        margin={"l": 0, "r": 0, "t": TITLE, "b": 0, "autoexpand": False},
        showlegend=False,
        template="plotly_white",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
    )
    fig.update_xaxes(visible=False, range=[0, width], fixedrange=True)
    fig.update_yaxes(visible=False, range=[height, 0], fixedrange=True)
    return fig


__all__ = ["escalation_figure", "overlaps", "tree_layout", "tree_pixels"]

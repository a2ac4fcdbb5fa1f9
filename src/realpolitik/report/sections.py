"""Each section of the report page as HTML, from the plain data of :func:`gather`.

Every function takes the whole data (and the figures by name, where it shows one) and returns
an HTML fragment, or ``""`` when its section is missing.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import plotly.graph_objects as go

from realpolitik.forecasting import STABILITY_DRAWS
from realpolitik.report.markup import _e, _figure, _num
from realpolitik.report.names import input_label, output_label
from realpolitik.report.results import (
    choice_intervals,
    escalation_probabilities,
    interval_label,
    montecarlo_intervals,
    montecarlo_medians,
)


def _link(url: str | None) -> str:
    if not url:
        return ""
    if url.startswith(("https://", "http://")):
        return f' <a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
    return f" {_e(url)}"


def _header(data: dict[str, Any]) -> str:
    s = data["scenario"]
    parts = [f"<h1>{_e(s['title'])}</h1>"]
    if s.get("date"):
        parts.append(f'<p class="lead">{_e(s["date"])}</p>')
    if s.get("description"):
        parts.append(f"<p>{_e(s['description'])}</p>")
    if s.get("sources"):
        parts.append("<h3>Sources</h3><ul>")
        for src in s["sources"]:
            who = ", ".join(_e(x) for x in (src.get("author"), src.get("publisher")) if x)
            when = f" ({_e(src['date'])})" if src.get("date") else ""
            parts.append(
                f'<li><span class="path">{_e(src["id"])}</span> '
                f"<cite>{_e(src['title'])}</cite>{', ' + who if who else ''}{when}"
                f"{_link(src.get('url'))}</li>"
            )
        parts.append("</ul>")
    for shock in data.get("shocks", []):
        desc = f" {_e(shock['description'])}" if shock.get("description") else ""
        parts.append(
            f'<div class="shock"><b>Shock applied:</b> {_e(shock["title"])} '
            f'(<span class="path">{_e(shock["id"])}</span>).{desc}</div>'
        )
    if data.get("forecast", {}).get("comparison"):
        parts.append(f"<p><b>{_e(data['forecast']['comparison']['summary'])}</b></p>")
    parts.append(
        f"<details><summary>Actors ({len(s['actors'])})</summary>"
        "<table><tr><th>actor</th><th>kind</th><th>leader</th>"
    )
    parts.append('<th class="num">capability</th></tr>')
    for a in s["actors"]:
        parts.append(
            f"<tr><td>{_e(a['name'])}</td><td>{_e(a['kind'])}</td><td>{_e(a.get('leader'))}</td>"
            f'<td class="num">{a["capability"]:g}</td></tr>'
        )
    parts.append("</table></details>")
    return "\n".join(parts)


def _forecast(data: dict[str, Any], figs: dict[str, go.Figure]) -> str:
    sec = data.get("forecast")
    if not sec:
        return ""
    bands = montecarlo_intervals(data)
    medians = montecarlo_medians(data)
    models = sec["models"]
    has_base = any("baseline" in i for i in sec["issues"])
    head = "".join(f'<th class="num">{_e(m)}</th>' for m in models)
    rows = []
    for issue in sec["issues"]:
        cells = []
        for m in models:
            v = issue["forecast"].get(m)
            text = _num(v)
            band = bands.get(issue["id"], {}).get(m)
            if band and band[0] is not None:
                text += f' <span class="note">[{_num(band[0])}, {_num(band[1])}]</span>'
            med = medians.get(issue["id"], {}).get(m)
            if med is not None:
                text += f' <span class="note">median {_num(med)}</span>'
            share = (issue.get("stability") or {}).get(m)
            if share is not None and share == share:
                mark = " knife-edge" if share < 0.8 else ""
                text += f' <span class="note stability">stable {share:.0%}{mark}</span>'
            if has_base:
                b = issue.get("baseline", {}).get(m)
                text += f' <span class="note">(was {_num(b)})</span>'
            cells.append(
                f'<td class="num" data-issue="{_e(issue["id"])}" data-model="{_e(m)}">{text}</td>'
            )
        rows.append(
            f'<tr><td>{_e(issue["title"])}<br><span class="note">0: {_e(issue["low"])} · '
            f"100: {_e(issue['high'])}</span></td>{''.join(cells)}</tr>"
        )
    label = interval_label(data)
    intervals = (
        f" Brackets: the {_e(label)} interval of the {_e(data['montecarlo']['result']['forecast'])}"
        f" forecast over {data['montecarlo']['n_runs']} Monte Carlo runs of the inputs'"
        " uncertainty."
        if label
        else ""
    )
    return (
        '<h2 id="forecast">Forecast</h2>'
        f'<p class="note">Where each issue ends up on its 0–100 scale, per model.{intervals}'
        f" Stable: the share of {STABILITY_DRAWS} small-perturbation draws (positions ±2.5 points,"
        " saliences"
        " and capabilities ±5 %) whose forecast stays within 10 points (below 80 %: a"
        " knife-edge).</p>"
        f'<table id="forecast-table"><tr><th>issue</th>{head}</tr>{"".join(rows)}</table>'
        + _figure("forecast", figs)
    )


def _trajectories(data: dict[str, Any], figs: dict[str, go.Figure]) -> str:
    sec = data.get("trajectories")
    if not sec:
        return ""
    return (
        '<h2 id="positions">Positions round by round</h2>'
        f'<p class="note">Each actor\'s position on each issue in the {_e(sec["model"])} model, '
        f"over {sec['n_rounds']} round(s) of bargaining.</p>" + _figure("trajectories", figs)
    )


def _sensitivity(data: dict[str, Any], top: int = 3) -> str:
    mc = data.get("montecarlo")
    if not mc or not mc["result"].get("sensitivity"):
        return ""
    res = mc["result"]
    by_output: dict[str, list[dict[str, Any]]] = {}
    for r in res["sensitivity"]:
        by_output.setdefault(r["output"], []).append(r)
    rows = []
    scen, esc = data["scenario"], data.get("escalation")
    for output, items in by_output.items():
        items = sorted(items, key=lambda r: -abs(r["rho"] or 0.0))[:top]
        cells = "; ".join(
            f'<span class="input" title="{_e(r["input"])}" data-path="{_e(r["input"])}">'
            f"{_e(input_label(r['input'], scen, esc))}</span> ({_num(r['rho'], '+.2f')})"
            for r in items
        )
        raw = "<br>".join(f'<span class="path">{_e(r["input"])}</span>' for r in items)
        rows.append(
            f'<tr><td title="{_e(output)}" data-path="{_e(output)}">'
            f"{_e(output_label(output, scen, esc))}</td><td>{cells}</td>"
            f'<td class="note">{raw}</td></tr>'
        )
    shocks = ", ".join(_e(k) for k in res.get("shocks", []))
    return (
        '<h2 id="uncertainty">Uncertainty: what drives the results</h2>'
        f'<p class="note">{mc["n_runs"]} Monte Carlo runs (seed {_e(mc["seed"])}) of the '
        f"{_e(res.get('model'))} model over the inputs' uncertainty"
        + (f", under {shocks}" if shocks else "")
        + f". For each result, the {top} inputs most correlated with it (Spearman's ρ):</p>"
        '<table class="sensitivity"><tr><th>result</th><th>inputs that drive it (ρ)</th>'
        "<th>input paths in the scenario file</th></tr>"
        f"{''.join(rows)}</table>"
    )


def _network(data: dict[str, Any], figs: dict[str, go.Figure]) -> str:
    sec = data.get("network")
    if not sec:
        return ""
    a = sec["analysis"]
    names = {n["id"]: n["name"] for n in sec["nodes"]}

    def who(ids: list[str]) -> str:
        return ", ".join(_e(names.get(i, i)) for i in ids)

    bal = a["balance"]
    parts = [
        '<h2 id="network">Relation network</h2>',
        '<p class="note">Node size: capability. Green: cooperative relation, red: hostile; '
        "line width: strength; dashed: no mutual commitment.</p>",
        _figure("network", figs),
        "<ul>",
    ]
    share = bal["strict"]["share"]
    parts.append(
        f"<li>{bal['n_triads']} closed triads, {bal['strict']['balanced']} strictly balanced"
        + (f" ({share:.0%})" if share is not None else "")
        + f"; frustration index {a['frustration']['value']:g}.</li>"
    )
    camps = [c for c in a.get("camps", []) if c]
    if camps:
        parts.append("<li>Camps: " + " versus ".join(f"{{{who(c)}}}" for c in camps) + ".</li>")
    if a.get("blocs"):
        parts.append("<li>Blocs: " + "; ".join(who(b) for b in a["blocs"]) + ".</li>")
    parts.append("</ul>")
    gaps = a.get("commitment_gap_details") or []
    if gaps:
        parts.append(
            "<h3>Commitment gaps (cooperation without mutual commitment)</h3><table>"
            '<tr><th>between</th><th>type</th><th class="num">weight</th><th>commitment</th></tr>'
        )
        for g in gaps:
            committed = (
                f" ({_e(names.get(g['committed'], g['committed']))} committed)"
                if g.get("committed")
                else ""
            )
            parts.append(
                f"<tr><td>{who([g['a'], g['b']])}</td><td>{_e(g.get('type'))}</td>"
                f'<td class="num">{g["weight"]:+.2f}</td>'
                f"<td>{_e(g['commitment'])}{committed}</td></tr>"
            )
        parts.append("</table>")
    return "\n".join(parts)


def _coalitions(data: dict[str, Any]) -> str:
    sec = data.get("coalitions")
    if not sec:
        return ""
    titles = {i["id"]: i["title"] for i in data["scenario"]["issues"]}
    where = "final positions" if sec["moved"] else "stated positions (the model moves no one)"
    parts = [
        '<h2 id="coalitions">Coalitions</h2>',
        f'<p class="note">Per issue, actors whose {_e(sec["model"])} {where} are all within '
        f"{sec['within']:g} points of each other and of whom no two are hostile (negative "
        "relation weight); share: of the issue's capability × salience; position: the "
        "weighted mean of the members' positions (docs/coalitions.md).</p>",
        '<table class="coalitions"><tr><th>issue</th><th>members</th>'
        '<th class="num">share</th><th class="num">position</th></tr>',
    ]
    previous = None
    for c in sec["coalitions"]:
        title = _e(titles.get(c["issue"], c["issue"])) if c["issue"] != previous else ""
        previous = c["issue"]
        share = "–" if c["share"] is None else f"{c['share']:.0%}"
        parts.append(
            f'<tr data-issue="{_e(c["issue"])}"><td>{title}</td><td>{_e(", ".join(c["names"]))}</td>'
            f'<td class="num">{share}</td><td class="num">{_num(c["position"])}</td></tr>'
        )
    parts.append("</table>")
    # where no two are hostile, the actors that all end close form one coalition
    groups = Counter(c["issue"] for c in sec["coalitions"])
    same = sec.get("relations_only", [])
    alike = [titles.get(i, i) for i in same if groups[i] > 1]
    whole = [titles.get(i, i) for i in same if groups[i] <= 1]
    if whole:
        parts.append(
            f'<p class="note">On {_e("; ".join(whole))} every actor ends within '
            f"{sec['within']:g} points of every other and no two of them are hostile: one "
            "coalition holds them all.</p>"
        )
    if alike:
        parts.append(
            f'<p class="note">On {_e("; ".join(alike))} every actor ends within '
            f"{sec['within']:g} points of every other: there the hostile relations alone (and, "
            "among the partitions that fit them, the order of the actors in the file) set the "
            "coalitions.</p>"
        )
    return "\n".join(parts)


def _price(candidate: dict[str, Any], titles: dict[str, str]) -> str:
    meeting = candidate.get("meeting") or {}
    moves = [
        (k, meeting[k]) for k, v in (candidate.get("price") or {}).items() if v and k in meeting
    ]
    if not moves:
        return "none"
    return "; ".join(
        f"{_e(titles.get(k, k))} {_num(m['actor_from'], '.0f')} → {_num(m['to'], '.0f')}"
        for k, m in moves
    )


def _planb(data: dict[str, Any]) -> str:
    sec = data.get("planb")
    if not sec:
        return ""
    titles = {i["id"]: i["title"] for i in data["scenario"]["issues"]}
    parts = [
        '<h2 id="planb">Plan B</h2>',
        '<p class="note">When a partner falls away, each other actor is tried as the new partner: '
        "the two meet on the issues they share, the whole system is forecast again, and the "
        "actor's expected outcome (0–1, salience-weighted closeness of the forecasts to its own "
        "positions) is compared with the world without the lost partner. Price: how far the "
        "actor's own positions move (points).</p>",
    ]
    for q in sec["questions"]:
        res = q["result"]
        rules = ", ".join(_e(r["rule"]) for r in res.get("rules", [])) or "none"
        parts.append(
            f"<h3>{_e(q['actor_name'])} without {_e(q['without_name'])}</h3>"
            f"<p>Expected outcome with {_e(q['without_name'])}: {_num(res['outcome_with'], '.3f')}"
            f"; without: {_num(res['outcome_without'], '.3f')} (loss {_num(res['loss'], '.3f')})."
            f" Partner rules: {rules}.</p>"
        )
        by_id = {c["id"]: c["name"] for c in res.get("candidates", [])}
        if res.get("best"):
            verdict = f"Plan B: <b>{_e(by_id.get(res['best'], res['best']))}</b> replaces"
        elif res.get("tied"):
            verdict = (
                "No single Plan B: "
                + ", ".join(_e(by_id.get(c, c)) for c in res["tied"])
                + " tie for first place as the substitute for"
            )
        else:
            verdict = "No Plan B (no candidate meets every rule with a gain for both) for"
        parts.append(
            f'<p class="planb-verdict" data-actor="{_e(q["actor"])}" '
            f'data-without="{_e(q["without"])}" data-best="{_e(res.get("best") or "")}">'
            f"{verdict} {_e(q['without_name'])}.</p>"
        )
        parts.append(
            '<table class="planb"><tr><th class="num">rank</th><th>candidate</th>'
            '<th>meets the rules</th><th class="num">gain</th>'
            '<th class="num">expected outcome</th><th class="num">partner\'s gain</th>'
            "<th>price (own moves)</th></tr>"
        )
        for c in res.get("candidates", []):
            meets = "yes" if c["passes"] else "no: " + ", ".join(_e(f) for f in c["fails"])
            parts.append(
                f'<tr><td class="num">{c["rank"]}</td><td>{_e(c["name"])}</td><td>{meets}</td>'
                f'<td class="num">{_num(c["gain"], "+.3f")}</td>'
                f'<td class="num">{_num(c["outcome"], ".3f")}</td>'
                f'<td class="num">{_num(c["partner_gain"], "+.3f")}</td>'
                f"<td>{_price(c, titles)}</td></tr>"
            )
        parts.append("</table>")
    return "\n".join(parts)


def _escalation(data: dict[str, Any], figs: dict[str, go.Figure]) -> str:
    sec = data.get("escalation")
    if not sec:
        return ""
    parts = ['<h2 id="escalation">Escalation</h2>']
    for entry in sec["trees"]:
        choices, outcomes = escalation_probabilities(entry)
        parts.append(f"<h3>{_e(entry['title'])}</h3>")
        if entry.get("description"):
            parts.append(f"<p>{_e(entry['description'])}</p>")
        parts.append(_figure(f"escalation-{entry['id']}", figs))
        bands = choice_intervals(data, entry["id"])
        label = interval_label(data) if bands else None
        head = f'<th class="num">{_e(label)} interval</th>' if label else ""
        parts.append(
            "<table><tr><th>decision</th><th>who</th><th>option</th>"
            f'<th class="num">probability</th>{head}</tr>'
        )
        for node in entry["nodes"]:
            for opt in node["options"]:
                p = choices.get(node["id"], {}).get(opt["id"])
                band = bands.get(node["id"], {}).get(opt["id"])
                cell = (
                    f'<td class="num">[{_num(band[0], ".2f")}, {_num(band[1], ".2f")}]</td>'
                    if label and band
                    else ("<td></td>" if label else "")
                )
                parts.append(
                    f"<tr><td>{_e(node.get('title') or node['id'])}</td>"
                    f"<td>{_e(node['actor_name'])}</td><td>{_e(opt.get('title') or opt['id'])}</td>"
                    f'<td class="num">{_num(p, ".2f")}</td>{cell}</tr>'
                )
        parts.append("</table>")
        parts.append('<table><tr><th>outcome</th><th class="num">probability</th></tr>')
        for o in entry["outcomes"]:
            parts.append(
                f"<tr><td>{_e(o.get('title') or o['id'])}</td>"
                f'<td class="num">{_num(outcomes.get(o["id"]), ".2f")}</td></tr>'
            )
        parts.append("</table>")
    return "\n".join(parts)


def _citation(c: dict[str, Any]) -> str:
    bits = [f'<span class="path">{_e(c["path"])}</span>']
    for ev in c.get("evidence", []):
        where = ", ".join(
            _e(x) for x in (ev.get("source_title") or ev.get("source"), ev.get("locator")) if x
        )
        bits.append(f"“{_e(ev['quote'])}”" + (f" ({where})" if where else ""))
    if c.get("assumption"):
        bits.append(f"assumption: {_e(c['assumption'])}")
    if len(bits) == 1:
        bits.append("no evidence recorded")
    return "<li>" + " — ".join(bits) + "</li>"


def _explanations(data: dict[str, Any]) -> str:
    sec = data.get("explanations")
    if not sec:
        return ""
    parts = ['<h2 id="explanations">Explanations</h2>']
    for k, actor in enumerate(sec["actors"]):
        parts.append(f"<details{' open' if k == 0 else ''}><summary>{_e(actor['name'])}</summary>")
        for sentence in actor["sentences"]:
            parts.append(f'<p class="sentence">{_e(sentence["text"])}</p>')
            if sentence["citations"]:
                parts.append(
                    '<ul class="citations">'
                    + "".join(_citation(c) for c in sentence["citations"])
                    + "</ul>"
                )
        parts.append("</details>")
    return "\n".join(parts)


def _events(data: dict[str, Any], figs: dict[str, go.Figure]) -> str:
    sec = data.get("events")
    if not sec:
        return ""
    names = {a["id"]: a["name"] for a in data["scenario"]["actors"]}
    days = sec.get("days") or []
    span = f" from {_e(days[0])} to {_e(days[-1])}" if days else ""
    parts = [
        '<h2 id="events">Relations over time (dated news)</h2>',
        f'<p class="note">{sec.get("n_observations", 0)} dated events{span}. A pair\'s score on a'
        " day is the mean PLOVER value (/10) of its events in the trailing "
        f"{_e(sec.get('window_days'))}-day window, the scenario's relation counting as "
        f"{_e(sec.get('prior_events'))} events of its weight; a diamond marks a change of "
        "relation type.</p>",
        _figure("events", figs),
    ]
    crossings = sec.get("crossings") or []
    if crossings:
        parts.append(
            '<table class="crossings"><tr><th>date</th><th>between</th><th>from → to</th>'
            '<th class="num">score</th></tr>'
        )
        for c in crossings:
            who = " – ".join(_e(names.get(a, a)) for a in c["between"])
            parts.append(
                f"<tr><td>{_e(c['date'])}</td><td>{who}</td>"
                f"<td>{_e(c['from'])} → {_e(c['to'])}</td>"
                f'<td class="num">{_num(c.get("score"), "+.2f")}</td></tr>'
            )
        parts.append("</table>")
    return "\n".join(parts)


def _notes(data: dict[str, Any]) -> str:
    if not data.get("notes"):
        return ""
    items = "".join(f"<li>{_e(n)}</li>" for n in data["notes"])
    return f'<h2 id="notes">Notes</h2><ul class="notes">{items}</ul>'


__all__: list[str] = []

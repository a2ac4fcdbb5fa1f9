"""Each section of the report as plain data, from the public function that computes it.

Used by :func:`realpolitik.report.data.gather`; every function returns JSON-ready data
(:func:`realpolitik.report.plain.plain`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from realpolitik.forecasting import Comparison, ForecastResult
from realpolitik.report.plain import meta_dict, plain, producer
from realpolitik.scenario.model import Scenario


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------
def scenario_summary(scenario: Scenario) -> dict[str, Any]:
    """The scenario's own content: title, sources, actors, issues, relations, shocks, trees."""
    return plain(
        {
            "title": scenario.title,
            "description": scenario.description,
            "date": scenario.date,
            "sources": [
                {
                    "id": s.id,
                    "title": s.title,
                    "author": s.author,
                    "publisher": s.publisher,
                    "date": s.date,
                    "url": s.url,
                }
                for s in scenario.sources
            ],
            "actors": [
                {
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind,
                    "capability": a.capability,
                    "leader": a.leader,
                    "partner_rules": list(a.partner_rules),
                }
                for a in scenario.actors
            ],
            "issues": [
                {
                    "id": i.id,
                    "title": i.title,
                    "low": i.low,
                    "high": i.high,
                    "status_quo": i.status_quo,
                    "n_actors": len(i.positions),
                }
                for i in scenario.issues
            ],
            "relations": [
                {
                    "a": r.between[0],
                    "b": r.between[1],
                    "type": r.type,
                    "weight": r.weight,
                    "commitment": r.commitment,
                }
                for r in scenario.relations
            ],
            "shocks": [
                {"id": k.id, "title": k.title, "description": k.description}
                for k in scenario.shocks
            ],
            "escalation": [{"id": t.id, "title": t.title} for t in scenario.escalation],
        }
    )


def forecast_section(result: ForecastResult, comparison: Comparison | None) -> dict[str, Any]:
    """Per issue, each model's forecast (and, under shocks, the baseline's)."""
    base = comparison.baseline if comparison is not None else None
    issues = []
    for k, issue_id in enumerate(result.issue_ids):
        issue = result.scenario.issue(issue_id)
        entry: dict[str, Any] = {
            "id": issue_id,
            "title": issue.title,
            "low": issue.low,
            "high": issue.high,
            "status_quo": issue.status_quo,
            "forecast": {name: v[k] for name, v in result.forecasts.items()},
        }
        if base is not None and issue_id in base.issue_ids:
            kb = base.issue_ids.index(issue_id)
            entry["baseline"] = {name: v[kb] for name, v in base.forecasts.items()}
        if result.stability:
            entry["stability"] = {name: v[k] for name, v in result.stability.items()}
        issues.append(entry)
    out: dict[str, Any] = {"models": list(result.forecasts), "issues": issues}
    if comparison is not None:
        out["comparison"] = comparison.to_dict()
    return plain(out)


def trajectories_section(result: ForecastResult, model: str) -> dict[str, Any]:
    """Each actor's position on each issue, round by round, in the run of ``model``."""
    frame = result.trajectory_frame(model)
    names = {a.id: a.name for a in result.scenario.actors}
    issues = []
    for issue_id in result.issue_ids:
        part = frame[frame["issue"] == issue_id]
        actors = []
        for actor_id in result.actor_ids:
            rows = part[part["actor"] == actor_id].sort_values("round")
            if rows.empty:
                continue
            actors.append(
                {
                    "id": actor_id,
                    "name": names[actor_id],
                    "rounds": rows["round"].tolist(),
                    "positions": rows["position"].tolist(),
                }
            )
        issues.append(
            {
                "id": issue_id,
                "title": result.scenario.issue(issue_id).title,
                "forecast": result.forecasts[model][result.issue_ids.index(issue_id)]
                if model in result.forecasts
                else None,
                "actors": actors,
            }
        )
    n_rounds = int(frame["round"].max()) if len(frame) else 0
    return plain({"model": model, "n_rounds": n_rounds, "issues": issues})


def network_section(scenario: Scenario) -> dict[str, Any]:
    """The relation graph to draw (nodes, edges) and the network analysis of it."""
    analyse = producer("network")
    report = analyse(scenario)
    nodes = [
        {"id": a.id, "name": a.name, "kind": a.kind, "capability": a.capability}
        for a in scenario.actors
    ]
    edges = [
        {
            "a": r.between[0],
            "b": r.between[1],
            "type": r.type,
            "weight": r.weight,
            "commitment": r.commitment,
        }
        for r in scenario.relations
        if r.between[0] != r.between[1]
    ]
    return plain({"nodes": nodes, "edges": edges, "analysis": report.to_dict()})


def coalitions_section(result: ForecastResult, model: str) -> dict[str, Any]:
    """Per issue, the coalitions of ``model``'s final positions, members by name."""
    found = producer("coalitions")(result, model)
    names = {a.id: a.name for a in result.scenario.actors}
    rows = [c | {"names": [names[m] for m in c["members"]]} for c in found.to_dict()]
    return plain(
        {
            "model": found.model,
            "moved": found.moved,
            "within": found.within,
            "relations_only": found.relations_only(),
            "coalitions": rows,
        }
    )


def planb_questions(scenario: Scenario) -> list[tuple[str, str]]:
    """The (actor, lost partner) pairs the report asks Plan B about.

    An actor asks when the scenario states rules for its partners (``partner_rules``). The
    partners it may lose are the actors that a shock of the scenario removes and that it
    cooperates with (relation weight > 0); when no shock removes a partner, its partner of
    greatest ``weight × capability``.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> [a for a, _ in planb_questions(s)] == [a.id for a in s.actors if a.partner_rules]
    True
    """
    removed: list[str] = []
    for shock in scenario.shocks:
        for edit in shock.edits:
            actor = getattr(edit, "actor", None)
            if edit.op == "remove-actor" and actor is not None and actor not in removed:
                removed.append(actor)
    capability = {a.id: a.capability for a in scenario.actors}
    pairs: list[tuple[str, str]] = []
    for actor in scenario.actors:
        if not actor.partner_rules:
            continue
        partners = {}
        for r in scenario.relations:
            if actor.id in r.between and r.weight > 0:
                other = r.between[1] if r.between[0] == actor.id else r.between[0]
                if other != actor.id:
                    partners[other] = r.weight * capability.get(other, 0.0)
        lost = [p for p in removed if p in partners]
        if not lost and partners:
            lost = [max(partners, key=lambda p: (partners[p], p))]
        pairs.extend((actor.id, p) for p in lost)
    return pairs


def planb_results(
    scenario: Scenario, model: str, questions: Sequence[tuple[str, str]]
) -> list[Any]:
    """The :class:`~realpolitik.analysis.planb.PlanBResult` of each (actor, partner) question."""
    plan_b = producer("planb")
    return [plan_b(scenario, actor, without, model=model) for actor, without in questions]


def planb_section(
    scenario: Scenario,
    model: str,
    questions: Sequence[tuple[str, str]],
    results: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """Plan B for each (actor, lost partner) question (``results``: already computed)."""
    if results is None:
        results = planb_results(scenario, model, questions)
    names = {a.id: a.name for a in scenario.actors}
    out = []
    for (actor, without), result in zip(questions, results, strict=True):
        out.append(
            {
                "actor": actor,
                "actor_name": names.get(actor, actor),
                "without": without,
                "without_name": names.get(without, without),
                "result": result.to_dict(),
            }
        )
    return plain({"model": model, "questions": out})


def _tree_structure(scenario: Scenario, tree_id: str) -> dict[str, Any]:
    tree = next(t for t in scenario.escalation if t.id == tree_id)
    names = {a.id: a.name for a in scenario.actors}
    return {
        "id": tree.id,
        "title": tree.title,
        "description": tree.description,
        "root": tree.root,
        "nodes": [
            {
                "id": n.id,
                "actor": n.actor,
                "actor_name": names.get(n.actor, n.actor),
                "title": n.title,
                "options": [
                    {"id": o.id, "title": o.title, "next": o.next, "outcome": o.outcome}
                    for o in n.options
                ],
            }
            for n in tree.nodes
        ],
        "outcomes": [
            {"id": o.id, "title": o.title, "shocks": list(o.shocks), "costs": dict(o.costs)}
            for o in tree.outcomes
        ],
    }


def escalation_section(scenario: Scenario, model: str) -> dict[str, Any]:
    """Each escalation tree's structure and its solution (choice and outcome probabilities)."""
    solve = producer("escalation")
    trees = []
    for tree in scenario.escalation:
        result = solve(scenario, tree=tree.id, model=model)
        entry = _tree_structure(scenario, tree.id)
        entry["result"] = result.to_dict()
        trees.append(entry)
    return plain({"model": model, "trees": trees})


def montecarlo_section(
    scenario: Scenario,
    shocks: Sequence[str],
    n_runs: int,
    seed: int,
    model: str,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Forecast distributions (and branch probabilities) over the scenario's input uncertainty."""
    run = producer("montecarlo")
    # Escalation trees are games on the baseline: their outcomes apply shocks of their own.
    tree = scenario.escalation[0].id if scenario.escalation and not shocks else None
    result = run(
        scenario, n_runs, seed, shocks=tuple(shocks), tree=tree, model=model, progress=progress
    )
    return plain({"n_runs": n_runs, "seed": seed, "model": model, "result": result.to_dict()})


def explanations_section(
    scenario: Scenario,
    model: str,
    actors: Iterable[str] | None = None,
    planb: Mapping[str, Any] | None = None,
    planb_on: Scenario | None = None,
) -> dict[str, Any]:
    """Each actor's explanation in words, each sentence with the inputs it cites.

    ``planb`` maps an actor to the Plan B its explanation tells: a
    :class:`~realpolitik.analysis.planb.PlanBResult` (told as it is: the report passes its
    Plan B section's, so the two name the same lost partner and substitute; ``planb_on`` is
    the scenario it was computed on) or the id of the partner it loses. Other actors'
    explanations choose their own partner.
    """
    explain = producer("explanations")
    names = {a.id: a.name for a in scenario.actors}
    planb = planb or {}
    out = []
    for actor in actors if actors is not None else scenario.actor_ids:
        told = planb.get(actor)
        if told is None:
            exp = explain(scenario, actor, model=model)
        elif isinstance(told, str):
            exp = explain(scenario, actor, model=model, without=told)
        else:
            exp = explain(scenario, actor, model=model, planb=told, planb_on=planb_on)
        sentences = []
        for sentence in exp.sentences:
            citations: dict[str, dict[str, Any]] = {}
            for path, meta in sentence.citations:
                citations.setdefault(str(path), {"path": str(path), **meta_dict(meta, scenario)})
            sentences.append(
                {
                    "text": sentence.text,
                    "topic": sentence.topic,
                    "data": sentence.data,
                    "citations": list(citations.values()),
                }
            )
        out.append({"actor": actor, "name": names.get(actor, actor), "sentences": sentences})
    return plain({"model": model, "actors": out})


__all__ = [
    "coalitions_section",
    "escalation_section",
    "explanations_section",
    "forecast_section",
    "montecarlo_section",
    "network_section",
    "planb_questions",
    "planb_results",
    "planb_section",
    "scenario_summary",
    "trajectories_section",
]

"""Gather every result the report and the dashboard show, as plain JSON-ready data.

:func:`gather` runs the forecasts, the shock comparison, the relation network, Plan B, the
escalation trees, the Monte Carlo intervals and the explanations of one scenario, and returns
one dict of plain values (lists, dicts, strings, numbers, ``None``) that
:func:`realpolitik.report.render_html` and the dashboard's JSON API both use.

Each section comes from the public function that computes it. A section whose function cannot
be imported is left out with a note ``"not available: ..."``; a section that does not apply to
the scenario (no escalation tree, no relations) is left out with a note saying why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import InputError, RealpolitikError
from realpolitik.forecasting import (
    Comparison,
    ForecastResult,
    compare,
    forecast,
    resolve_models,
    stability,
)
from realpolitik.scenario.model import Meta, Scenario
from realpolitik.scenario.shocks import apply_shocks

#: Every section of the report, in the order it is shown.
SECTIONS: tuple[str, ...] = (
    "forecast",
    "trajectories",
    "montecarlo",
    "network",
    "coalitions",
    "planb",
    "escalation",
    "explanations",
)

#: Where each analysis lives: section -> (module, function).
PRODUCERS: dict[str, tuple[str, str]] = {
    "network": ("realpolitik.analysis.network", "analyse_network"),
    "coalitions": ("realpolitik.analysis.coalitions", "coalitions"),
    "planb": ("realpolitik.analysis.planb", "plan_b"),
    "explanations": ("realpolitik.analysis.explain", "explain_actor"),
    "escalation": ("realpolitik.simulate.outcomes", "solve_escalation"),
    "montecarlo": ("realpolitik.simulate.montecarlo", "run_montecarlo"),
}

#: The model whose rounds, Plan B, escalation payoffs and explanations the report shows.
DEFAULT_MODEL = HEADLINE_MODEL

#: Monte Carlo runs of a report unless told otherwise.
DEFAULT_RUNS = 200

#: Most Monte Carlo runs one report may ask for (the time grows in proportion to the runs).
MAX_RUNS = 100_000


class Unavailable(Exception):
    """A producer of a section is not importable (yet); the message says which."""


def producer(section: str) -> Callable[..., Any]:
    """Return the public function that computes ``section``.

    Raises
    ------
    Unavailable
        When its module or function cannot be imported.
    """
    module, name = PRODUCERS[section]
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            raise Unavailable(f"{module} is not installed") from None
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        raise Unavailable(f"{module}.{name} does not exist")
    return fn


# --------------------------------------------------------------------------------------------
# Plain values
# --------------------------------------------------------------------------------------------
def plain(obj: Any) -> Any:
    """Turn ``obj`` into JSON-ready data: numpy scalars to numbers, NaN to None, tuples to lists.

    Examples
    --------
    >>> plain({"a": (np.float64(1.5), float("nan")), 2: np.array([1, 2])})
    {'a': [1.5, None], '2': [1, 2]}
    """
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, np.ndarray):
        return plain(obj.tolist())
    if isinstance(obj, list | tuple | set | frozenset):
        return [plain(v) for v in obj]
    if isinstance(obj, np.generic):
        return plain(obj.item())
    if isinstance(obj, float):
        return None if not math.isfinite(obj) else obj
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if obj is None or isinstance(obj, bool | int | str):
        return obj
    if hasattr(obj, "to_dict"):
        return plain(obj.to_dict())
    return str(obj)


def meta_dict(meta: Meta | None, scenario: Scenario | None = None) -> dict[str, Any]:
    """The evidence and assumption of a value, with each quote's source title when known."""
    if meta is None:
        return {"evidence": [], "assumption": None}
    evidence = []
    for ev in meta.evidence:
        src = scenario.source(ev.source) if scenario is not None and ev.source else None
        evidence.append(
            {
                "quote": ev.quote,
                "source": ev.source,
                "source_title": src.title if src is not None else None,
                "locator": ev.locator,
            }
        )
    return {"evidence": evidence, "assumption": meta.assumption}


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
    scenario: Scenario, shocks: Sequence[str], n_runs: int, seed: int, model: str
) -> dict[str, Any]:
    """Forecast distributions (and branch probabilities) over the scenario's input uncertainty."""
    run = producer("montecarlo")
    # Escalation trees are games on the baseline: their outcomes apply shocks of their own.
    tree = scenario.escalation[0].id if scenario.escalation and not shocks else None
    result = run(scenario, n_runs, seed, shocks=tuple(shocks), tree=tree, model=model)
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


# --------------------------------------------------------------------------------------------
# All together
# --------------------------------------------------------------------------------------------
def _count(value: Any, what: str, *, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise InputError(f"{what} must be a whole number; got {value!r}")
    if value < 0 or (high is not None and value > high):
        limit = f"between 0 and {high:,}" if high is not None else ">= 0"
        raise InputError(f"{what} must be {limit}; got {value}")
    return int(value)


def check_options(
    scenario: Scenario,
    shocks: Sequence[str] = (),
    *,
    n_runs: int = DEFAULT_RUNS,
    seed: int = 0,
    model: str = DEFAULT_MODEL,
    sections: Iterable[str] | None = None,
    planb: Sequence[tuple[str, str]] | None = None,
) -> list[str]:
    """Check every option of :func:`gather` before anything is computed.

    A mistake in the options (an unknown shock, model, section or actor, a count out of range)
    is the user's: it raises instead of leaving a section out. Returns the sections to compute.

    Raises
    ------
    InputError
        For an unknown section, a Plan B question naming an unknown actor, or ``n_runs`` or
        ``seed`` out of range.
    UnknownModelError
        For an unknown model (the message lists the known ones).
    ShockError
        For an unknown shock.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> check_options(load_scenario("syria-2020"), model="foo")
    Traceback (most recent call last):
    ...
    realpolitik.forecasting.UnknownModelError: unknown model 'foo'; known models: eum, eum-rel, mean, median, nash; run only when named: compromise-eu, ensemble, exchange, nash-achen, procedural, smp
    """
    wanted = list(SECTIONS) if sections is None else list(sections)
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        raise InputError(
            f"unknown report section(s) {', '.join(map(repr, unknown))}; "
            f"known sections: {', '.join(SECTIONS)}"
        )
    _count(n_runs, "n_runs (Monte Carlo runs)", high=MAX_RUNS)
    _count(seed, "seed")
    if not isinstance(model, str):
        raise InputError(f"model must be the name of one model; got {model!r}")
    resolve_models(model)
    apply_shocks(scenario, list(shocks))  # raises ShockError naming an unknown shock
    ids = scenario.actor_ids
    for pair in planb or ():
        if len(pair) != 2:
            raise InputError(f"a Plan B question is (actor, partner to lose); got {pair!r}")
        actor, without = pair
        question = f"{actor}:{without}"
        for who, what in ((actor, "actor"), (without, "partner to lose")):
            if who not in ids:
                raise InputError(
                    f"unknown {what} {who!r} in the Plan B question {question!r}; "
                    f"actors: {', '.join(ids)}"
                )
        if actor == without:
            raise InputError(f"the actor and the partner it loses must differ; got {question!r}")
    return wanted


def gather(
    scenario: Scenario,
    shocks: Sequence[str] = (),
    *,
    n_runs: int = DEFAULT_RUNS,
    seed: int = 0,
    model: str = DEFAULT_MODEL,
    sections: Iterable[str] | None = None,
    planb: Sequence[tuple[str, str]] | None = None,
    events: Any = None,
) -> dict[str, Any]:
    """Compute every section of the report for ``scenario`` under ``shocks``.

    Parameters
    ----------
    scenario : Scenario
    shocks : list of str
        Shocks of the scenario applied in order; the report then shows the shocked world and
        compares its forecasts with the baseline. Plan B and the escalation trees stay on the
        baseline (their own mechanics remove partners and apply shocks).
    n_runs : int
        Monte Carlo runs for the intervals (0 leaves the intervals out).
    seed : int
        Seed of the Monte Carlo runs.
    model : str
        The model whose rounds, Plan B, escalation payoffs and explanations are shown.
    sections : iterable of str, optional
        A subset of :data:`SECTIONS` (all by default).
    planb : list of (actor, partner), optional
        The Plan B questions; by default :func:`planb_questions`. An actor's explanation
        tells the Plan B of its first question (the same lost partner and substitute as the
        Plan B section).
    events : RelationSeries or dict, optional
        Relation scores over time from dated news
        (:func:`realpolitik.ingest.run.event_series`, or its ``to_json()``): shown as the
        ``events`` section.

    Returns
    -------
    dict
        ``scenario``, ``shocks``, ``settings``, one key per computed section, and ``notes``
        (why any section is missing). Only plain JSON values.

    Raises
    ------
    ShockError
        For an unknown shock.
    UnknownModelError
        For an unknown model.
    InputError
        For an unknown section, ``n_runs`` outside 0 to :data:`MAX_RUNS`, a negative ``seed``
        or a Plan B question naming an unknown actor (see :func:`check_options`). Every
        mistake in the options raises before anything is computed; sections are left out
        (with a note) only when they do not apply to the scenario.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> data = gather(load_scenario("syria-2020"), sections=["forecast"])
    >>> data["forecast"]["issues"][0]["id"], "eum" in data["forecast"]["models"]
    ('assad', True)
    """
    wanted = check_options(
        scenario, shocks, n_runs=n_runs, seed=seed, model=model, sections=sections, planb=planb
    )
    shocks = list(shocks)
    comparison = compare(scenario, shocks) if shocks else None
    analysed = apply_shocks(scenario, shocks) if shocks else scenario
    if comparison is not None:
        shares = stability(analysed, list(comparison.shocked.runs), comparison.shocked.forecasts)
        result = dataclasses.replace(comparison.shocked, stability=shares)
    else:
        result = forecast(analysed, with_stability=True)

    data: dict[str, Any] = {
        "scenario": scenario_summary(scenario),
        "shocks": [
            {
                "id": k,
                "title": scenario.shock(k).title,
                "description": scenario.shock(k).description,
            }
            for k in shocks
        ],
        "settings": {"model": model, "n_runs": n_runs, "seed": seed},
        "notes": [],
    }

    def attempt(section: str, compute: Callable[[], dict[str, Any]], asked: bool = False) -> None:
        # A question the user asked (``planb``) that cannot be answered is an error; an
        # analysis the report adds on its own is left out with a note saying why.
        try:
            data[section] = compute()
        except Unavailable as exc:
            data["notes"].append(f"not available: {section} ({exc})")
        except RealpolitikError as exc:
            if asked:
                raise
            data["notes"].append(f"{section} left out: {exc}")

    if "forecast" in wanted:
        attempt("forecast", lambda: forecast_section(result, comparison))
    if "trajectories" in wanted:
        if model in result.runs and result.runs[model].rounds is not None:
            attempt("trajectories", lambda: trajectories_section(result, model))
        else:
            data["notes"].append(f"trajectories left out: model {model!r} kept no rounds")
    if "montecarlo" in wanted:
        if n_runs > 0:
            attempt("montecarlo", lambda: montecarlo_section(scenario, shocks, n_runs, seed, model))
        else:
            data["notes"].append("montecarlo left out: no runs asked for (n_runs = 0)")
    if "network" in wanted:
        if analysed.relations:
            attempt("network", lambda: network_section(analysed))
        else:
            data["notes"].append("network left out: the scenario declares no relations")
    if "coalitions" in wanted:
        attempt("coalitions", lambda: coalitions_section(result, model))
    questions = list(planb) if planb is not None else planb_questions(scenario)
    told: dict[str, Any] = {}
    for actor, without in questions:
        told.setdefault(actor, without)
    if "planb" in wanted:
        if questions:
            results: list[Any] = []

            def planb_data() -> dict[str, Any]:
                results.extend(planb_results(scenario, model, questions))
                return planb_section(scenario, model, questions, results)

            attempt("planb", planb_data, planb is not None)
            first: set[str] = set()
            for (actor, _), result in zip(questions, results, strict=False):
                if actor not in first:
                    first.add(actor)
                    told[actor] = result
        else:
            data["notes"].append(
                "planb left out: no actor states partner rules (partner_rules) with a partner "
                "to lose"
            )
    if "escalation" in wanted:
        if scenario.escalation:
            attempt("escalation", lambda: escalation_section(scenario, model))
        else:
            data["notes"].append("escalation left out: the scenario has no escalation tree")
    if "explanations" in wanted:
        # A partner named only by id is asked again of the analysed (perhaps shocked) world,
        # so only while it is still in it; a computed Plan B is told as it is.
        present = set(analysed.actor_ids)
        told = {a: w for a, w in told.items() if not isinstance(w, str) or w in present}
        attempt(
            "explanations",
            lambda: explanations_section(analysed, model, planb=told, planb_on=scenario),
        )
    if events is not None:
        series = events.to_json() if hasattr(events, "to_json") else events
        data["events"] = plain(series)
    return data


__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_RUNS",
    "MAX_RUNS",
    "PRODUCERS",
    "SECTIONS",
    "Unavailable",
    "check_options",
    "gather",
    "meta_dict",
    "planb_questions",
    "planb_results",
    "plain",
    "producer",
]

"""Gather every result the report and the dashboard show, as plain JSON-ready data.

:func:`gather` runs the forecasts, the shock comparison, the relation network, Plan B, the
escalation trees, the Monte Carlo intervals and the explanations of one scenario, and returns
one dict of plain values (lists, dicts, strings, numbers, ``None``) that
:func:`realpolitik.report.render_html` and the dashboard's JSON API both use.

Each section comes from the public function that computes it
(:mod:`realpolitik.report.sections_data`; plain values and the producers in
:mod:`realpolitik.report.plain`). A section whose function cannot
be imported is left out with a note ``"not available: ..."``; a section that does not apply to
the scenario (no escalation tree, no relations) is left out with a note saying why.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import InputError, RealpolitikError
from realpolitik.forecasting import (
    compare,
    forecast,
    memoised_forecasts,
    resolve_models,
    stability,
)
from realpolitik.report.plain import PRODUCERS, Unavailable, meta_dict, plain, producer
from realpolitik.report.sections_data import (
    coalitions_section,
    escalation_section,
    explanations_section,
    forecast_section,
    montecarlo_section,
    network_section,
    planb_questions,
    planb_results,
    planb_section,
    scenario_summary,
    trajectories_section,
)
from realpolitik.scenario.model import Scenario
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

#: The model whose rounds, Plan B, escalation payoffs and explanations the report shows.
DEFAULT_MODEL = HEADLINE_MODEL

#: Monte Carlo runs of a report unless told otherwise.
DEFAULT_RUNS = 200

#: Most Monte Carlo runs one report may ask for (the time grows in proportion to the runs).
MAX_RUNS = 100_000


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


@memoised_forecasts()
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
    progress: Callable[[int, int], None] | None = None,
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
    progress : callable, optional
        Called as ``progress(runs_done, n_runs)`` as the Monte Carlo runs (most of the time
        of a report with many runs) progress.

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
            attempt(
                "montecarlo",
                lambda: montecarlo_section(scenario, shocks, n_runs, seed, model, progress),
            )
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

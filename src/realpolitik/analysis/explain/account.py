"""The account of one actor: :func:`explain_actor` tells every topic in order."""

from __future__ import annotations

from typing import Any

from realpolitik.analysis.coalitions import coalitions
from realpolitik.analysis.explain.coalitions import _coalitions
from realpolitik.analysis.explain.offers import _offers
from realpolitik.analysis.explain.planb import _planb, partner_losses
from realpolitik.analysis.explain.positions import _identity, _wants
from realpolitik.analysis.explain.relations import _relations
from realpolitik.analysis.explain.result import Explanation, Sentence
from realpolitik.analysis.explain.shocks import _shocks
from realpolitik.analysis.explain.text import _Cite
from realpolitik.analysis.planb import PlanBError, PlanBResult, plan_b
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError
from realpolitik.forecasting import forecast
from realpolitik.scenario.arrays import to_state
from realpolitik.scenario.model import Scenario


def explain_actor(
    scenario: Scenario,
    actor: str,
    model: str = HEADLINE_MODEL,
    *,
    without: str | None = None,
    planb: PlanBResult | None = None,
    planb_on: Scenario | None = None,
    **options: Any,
) -> Explanation:
    """Explain one actor: what it wants, whom it stands with, its offers, shocks and Plan B.

    Parameters
    ----------
    scenario : Scenario
    actor : str
        Actor id.
    model : str
        The forecasting model (its headline forecast; offers when it makes them).
    without : str, optional
        The partner whose loss the Plan B sentences consider; by default the cooperative
        partner whose loss costs the actor most (see :func:`partner_losses`).
    planb : PlanBResult, optional
        A Plan B of ``actor`` already computed (the report's Plan B section passes its own),
        told as it is instead of computing one: the explanation then names the same lost
        partner and the same substitute. Its partner overrides ``without``.
    planb_on : Scenario, optional
        The scenario ``planb`` was computed on, when not ``scenario`` (the report computes
        Plan B before its shocks and explains the shocked world): its names and input paths
        are cited, and a sentence says so.
    **options
        Passed to the model.

    Returns
    -------
    Explanation

    Raises
    ------
    InputError
        For an unknown actor.

    Examples
    --------
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t",
    ...     "actors": [{"id": "a", "name": "A", "capability": 1},
    ...                {"id": "b", "name": "B", "capability": 3}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {
    ...         "a": {"position": 0, "salience": 1, "assumption": "A wants none of X."},
    ...         "b": {"position": 100, "salience": 1}}}]})
    >>> e = explain_actor(s, "a", model="mean")
    >>> print(e.by_topic("wants")[1].text)
    On X (0: 0, 100: 100) A stands at 0 with salience 1; the mean forecast is 75.0, 75.0 points from its position.
    >>> e.by_topic("wants")[1].citations[0]
    ('issues[0].positions.a.position', Meta(evidence=[], assumption='A wants none of X.', range=None, sd=None))
    """
    if actor not in scenario.actor_ids:
        raise InputError(f"unknown actor {actor!r}; actors: {', '.join(scenario.actor_ids)}")
    cite = _Cite(scenario)
    me = scenario.actor(actor)
    name = me.name
    names = {a.id: a.name for a in scenario.actors}
    sentences: list[Sentence] = []
    sentences += _identity(scenario, actor, cite)
    res = forecast(scenario, model=model, **options)
    headline = next(iter(res.runs[model].forecasts))
    f = res.forecasts[headline]
    state, ids, issues = to_state(scenario)
    base_u = float(
        expected_outcome(state.position, state.salience, state.present, f)[ids.index(actor)]
    )
    base_f = {i: float(f[j]) for j, i in enumerate(issues)}
    sentences += _wants(scenario, actor, headline, f, base_u, cite)
    sentences += _relations(scenario, actor, names, cite)
    sentences += _offers(res, actor, model, names, cite)
    sentences += _coalitions(scenario, actor, coalitions(res, model), names, cite)
    sentences += _shocks(scenario, actor, model, base_u, base_f, cite, options)
    pb = None
    if planb is not None:
        if planb.actor != actor:
            raise InputError(f"planb is {planb.actor!r}'s Plan B, not {actor!r}'s")
        pb, without = planb, planb.without
        if planb_on is None or planb_on is scenario:
            sentences += _planb(scenario, pb, names, cite)
        else:
            sentences.append(
                Sentence(
                    f"{name}'s Plan B below is computed on the scenario before its shocks.",
                    topic="planb",
                )
            )
            sentences += _planb(
                planb_on, pb, {a.id: a.name for a in planb_on.actors}, _Cite(planb_on)
            )
    elif without is None:
        losses = partner_losses(scenario, actor, model, **options)
        chosen = next(iter(losses), None)
        if chosen is not None:
            # A partner chosen here, not asked for: a Plan B the model cannot rank is told,
            # not raised (the rest of the account stands).
            try:
                pb = plan_b(scenario, actor, chosen, model=model, **options)
            except PlanBError as exc:
                sentences.append(
                    Sentence(
                        f"No Plan B is ranked for {name} without {names[chosen]}: {exc}",
                        topic="planb",
                        data={"without": chosen, "candidate": None},
                    )
                )
                return Explanation(actor=actor, name=name, model=model, sentences=sentences)
            sentences += _planb(scenario, pb, names, cite)
    if pb is None and without is not None:
        pb = plan_b(scenario, actor, without, model=model, **options)
        sentences += _planb(scenario, pb, names, cite)
    elif pb is None:
        sentences.append(
            Sentence(
                f"{name} has no cooperative partner to lose, so no Plan B is computed.",
                topic="planb",
            )
        )
    return Explanation(actor=actor, name=name, model=model, sentences=sentences, planb=pb)

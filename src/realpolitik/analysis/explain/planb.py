"""Plan B: what losing each partner costs, and the sentences telling the best substitute."""

from __future__ import annotations

from typing import Any

import numpy as np

from realpolitik.analysis.explain.result import Sentence
from realpolitik.analysis.explain.text import _Cite, _names, _sign
from realpolitik.analysis.planb import PlanBResult
from realpolitik.engine.affinity import relational_utility
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.rules import RuleError, scenario_rules


def partner_losses(
    scenario: Scenario, actor: str, model: str = HEADLINE_MODEL, **options: Any
) -> dict:
    """What losing each cooperative partner costs ``actor``, largest loss first.

    A cooperative partner is an actor whose declared relation with ``actor`` has a positive
    weight. Losing it is computed as the ``remove-actor`` edit does to the arrays (the partner
    is absent from every issue), for all partners in one batched run of ``model``.

    Returns
    -------
    dict of str to float
        Partner id → the actor's relational expected outcome with it minus without it (as
        :func:`realpolitik.analysis.planb.plan_b` computes the loss).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> losses = partner_losses(s, s.actor_ids[0])
    >>> all(v == sorted(losses.values(), reverse=True)[k] for k, v in enumerate(losses.values()))
    True
    """
    from realpolitik.engine.memo import run_model

    partners = [
        b
        for r in scenario.relations
        if actor in r.between and r.weight > 0
        for b in r.between
        if b != actor
    ]
    if not partners:
        return {}
    state, ids, _ = to_state(scenario)
    rows = [ids.index(p) for p in partners]
    n = len(rows)
    present = np.broadcast_to(state.present, (n + 1, *state.present.shape)).copy()
    present[np.arange(1, n + 1), rows, :] = False
    aff = np.broadcast_to(
        np.zeros((len(ids), len(ids))) if state.affinity is None else state.affinity,
        (n + 1, len(ids), len(ids)),
    ).copy()
    for k, r in enumerate(rows):  # a removed partner's ties go with it
        aff[1 + k, r, :] = 0.0
        aff[1 + k, :, r] = 0.0
    batched = BargainingState(
        position=np.broadcast_to(state.position, present.shape).copy(),
        salience=np.broadcast_to(state.salience, present.shape).copy(),
        capability=np.broadcast_to(state.capability, present.shape[:-1]).copy(),
        present=present,
        affinity=aff,
    )
    sq = np.broadcast_to(status_quo(scenario), (n + 1, state.n_issues)).copy()
    run = run_model(model, batched, status_quo=sq, **options)
    f = next(iter(run.forecasts.values()))
    own = expected_outcome(state.position, state.salience, present, f)
    u = relational_utility(own, aff)[:, ids.index(actor)]
    losses = {p: float(u[0] - u[1 + k]) for k, p in enumerate(partners)}
    return dict(sorted(losses.items(), key=lambda kv: -kv[1]))


def _planb(s: Scenario, pb: PlanBResult, names: dict[str, str], cite: _Cite) -> list[Sentence]:
    a, name, lost = pb.actor, names[pb.actor], names[pb.without]
    out = [
        Sentence(
            (
                f"Losing {lost} would cost {name} {pb.loss:.2f} of expected outcome "
                if pb.loss >= 0
                else f"Losing {lost} would raise {name}'s expected outcome by {-pb.loss:.2f} "
            )
            + f"({pb.outcome_with:.2f} → {pb.outcome_without:.2f}).",
            cite.relation(a, pb.without),
            "planb",
            {
                "without": pb.without,
                "loss": pb.loss,
                "outcome_with": pb.outcome_with,
                "outcome_without": pb.outcome_without,
            },
        )
    ]
    best = pb.best
    if best is None:
        tied = pb.tied
        data: dict[str, Any]
        if not pb.candidates:
            text, data = f"No other actor is left to replace {lost}.", {"candidate": None}
        elif len(tied) > 1:
            text = (
                f"{name} has no single Plan B: {_names([c.name for c in tied])} tie for first "
                f"place as the substitute for {lost}."
            )
            data = {"candidate": None, "tied": [c.id for c in tied]}
        else:
            text = (
                f"{name} has no Plan B for {lost}: no candidate meets every rule with a gain "
                "for both sides."
            )
            data = {"candidate": None}
        out.append(Sentence(text, topic="planb", data=data))
        return out
    try:
        rule_cites = cite.rules(a) if scenario_rules(s, a) else []
    except RuleError:  # pragma: no cover - plan_b has already checked them
        rule_cites = []
    rules_text = ", ".join(r.text for r in pb.rules)
    recovered = pb.recovered(best.id)
    share = f" ({recovered:.0%} of the loss)" if recovered is not None else ""
    if best.passes:
        verdict = f"meets every rule ({rules_text})" if pb.rules else "is ranked by gain alone"
    else:
        verdict = f"fails {', '.join(best.fails)}: no candidate meets every rule"
    text = (
        f"{name}'s best Plan B is {best.name}: the partnership changes its expected outcome by "
        f"{_sign(best.gain)}{share}, and {best.name} {verdict}."
    )
    cites = [cite.capability(best.id)] + rule_cites
    out.append(
        Sentence(
            text,
            cites,
            "planb",
            {
                "candidate": best.id,
                "gain": best.gain,
                "recovered": recovered,
                "fails": list(best.fails),
                "rules": [r.text for r in pb.rules],
            },
        )
    )
    if best.price:
        parts, pcites = [], []
        for issue, pts in sorted(best.price.items(), key=lambda kv: -kv[1]):
            frm, to = best.actor_from[issue], best.meeting[issue]
            end = s.issue(issue).low if to < frm else s.issue(issue).high
            parts.append(
                f"{pts:.1f} points on {s.issue(issue).title} ({frm:g} → {to:.1f}, toward '{end}')"
            )
            pcites += cite.position(a, issue, "position", "salience")
            pcites += cite.position(best.id, issue, "position", "salience")
        text = f"The price: {name} concedes " + _names(parts) + "."
        out.append(
            Sentence(text, pcites, "planb", {"candidate": best.id, "price": dict(best.price)})
        )
    else:
        out.append(
            Sentence(
                f"{name} concedes nothing to {best.name}.",
                topic="planb",
                data={"candidate": best.id, "price": {}},
            )
        )
    word = "gains too" if best.partner_gain >= 0 else "loses"
    own = [
        c for issue in best.meeting for c in cite.position(best.id, issue, "position", "salience")
    ]
    out.append(
        Sentence(
            f"{best.name} {word} ({_sign(best.partner_gain)}) from the deal, by its own positions "
            "and saliences.",
            own,
            "planb",
            {"candidate": best.id, "partner_gain": best.partner_gain},
        )
    )
    better = [c for c in pb.candidates if not c.passes and c.gain > best.gain]
    if better and best.passes:
        parts = [f"{c.name} ({_sign(c.gain)}; fails {', '.join(c.fails)})" for c in better]
        out.append(
            Sentence(
                "Larger gains would come from partners that break the rules: "
                + _names(parts)
                + ".",
                [cite.capability(x.id) for x in better] + rule_cites,
                "planb",
                {"better_but_failing": [c.id for c in better]},
            )
        )
    return out

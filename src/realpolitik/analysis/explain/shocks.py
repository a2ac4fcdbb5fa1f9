"""Sentences on what each shock of the scenario does to the actor's expected outcome."""

from __future__ import annotations

from typing import Any

import numpy as np

from realpolitik.analysis.explain.result import Sentence
from realpolitik.analysis.explain.text import _Cite, _sign
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import ShockError
from realpolitik.forecasting import forecast
from realpolitik.scenario.arrays import to_state
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.shocks import apply_shocks


def _outcome_and_forecast(
    wanted: tuple[Any, Any, Any, list[str]], shocked: Scenario, model: str, **options: Any
) -> tuple[float, dict[str, float]]:
    """The actor's expected outcome in the shocked world, by what it wanted before the shock.

    ``wanted`` is the actor's row of the base scenario (positions, saliences, presence, as
    arrays of shape (1, n_issues)) and the base issue ids. As the escalation payoffs do
    (``docs/relations.md``: a shock changes how the bargaining goes, not whom an actor cares
    about), a shock that moves the actor's own position (a concession, a deal it accepts) must
    not count as the actor getting its way. Returns it with the shocked world's forecasts
    (issue id to forecast).
    """
    res = forecast(shocked, model=model, **options)
    name = next(iter(res.runs[model].forecasts))
    f = res.forecasts[name]
    by_issue = {i: float(f[j]) for j, i in enumerate(res.issue_ids)}
    position, salience, present, issues = wanted
    row = np.array([by_issue[i] for i in issues])
    return float(expected_outcome(position, salience, present, row)[0]), by_issue


def _shocks(
    s: Scenario,
    actor: str,
    model: str,
    base_u: float,
    base_f: dict[str, float],
    cite: _Cite,
    options: dict[str, Any],
) -> list[Sentence]:
    name = s.actor(actor).name
    state, ids, issues = to_state(s)
    k = ids.index(actor)
    rows = slice(k, k + 1)
    wanted = (state.position[rows], state.salience[rows], state.present[rows], issues)
    out = []
    for shock in s.shocks:
        try:
            shocked = apply_shocks(s, [shock.id])
        except ShockError as exc:
            # A world already shocked (a report under a shock) may lack what another shock edits.
            out.append(
                Sentence(
                    f"{shock.title} ({shock.id}) does not apply to this world: "
                    f"{str(exc).split(': ', 1)[-1].split('; actors now')[0]}.",
                    cite.shock(shock.id),
                    "shocks",
                    {"shock": shock.id, "inapplicable": str(exc)},
                )
            )
            continue
        if actor not in shocked.actor_ids:
            out.append(
                Sentence(
                    f"Under {shock.title} ({shock.id}) {name} is itself removed from the system.",
                    cite.shock(shock.id),
                    "shocks",
                    {"shock": shock.id, "removed": True},
                )
            )
            continue
        u, f = _outcome_and_forecast(wanted, shocked, model, **options)
        change = u - base_u
        mine = [i for i in shocked.issue_ids if actor in shocked.issue(i).positions]
        moves = {i: f[i] - base_f[i] for i in mine if i in base_f}
        biggest = max(moves, key=lambda i: abs(moves[i]), default=None)
        if abs(change) < 5e-4:
            text = f"Under {shock.title} ({shock.id}) {name}'s expected outcome stays at {u:.2f}"
        else:
            verb = "rises" if change > 0 else "falls"
            text = (
                f"Under {shock.title} ({shock.id}) {name}'s expected outcome {verb} "
                f"from {base_u:.2f} to {u:.2f} ({_sign(change)})"
            )
        if biggest is not None and abs(moves[biggest]) > 0.05:
            text += (
                f"; the largest move on its issues is {s.issue(biggest).title}: "
                f"{base_f[biggest]:.1f} → {f[biggest]:.1f}"
            )
        text += "."
        fights = []
        for fight in shocked.fights:
            side = fight.side_of(actor)
            if side is None:
                continue
            basis = "military figures" if fight.basis == "military" else "capabilities"
            foes = ", ".join(shocked.actor(a).name for a in fight.sides[1 - side])
            text += (
                f" In that world it fights {foes} and prevails with "
                f"{fight.probability[side]:.2f} (from the sides' {basis}), keeping that share "
                "of its strength."
            )
            fights.append(
                {
                    "against": list(fight.sides[1 - side]),
                    "probability": fight.probability[side],
                    "basis": fight.basis,
                }
            )
        cites = cite.shock(shock.id)
        if biggest is not None:
            cites += cite.position(actor, biggest, "position", "salience")
        out.append(
            Sentence(
                text,
                cites,
                "shocks",
                {
                    "shock": shock.id,
                    "outcome": u,
                    "baseline": base_u,
                    "change": change,
                    "issue": biggest,
                    "forecast_before": None if biggest is None else base_f[biggest],
                    "forecast_after": None if biggest is None else f[biggest],
                    "fights": fights,
                },
            )
        )
    if not s.shocks:
        out.append(Sentence("The scenario defines no shocks.", topic="shocks"))
    return out

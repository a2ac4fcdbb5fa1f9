"""The Plan B search: score every candidate's new partnership against the world without the partner."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from realpolitik.analysis.planb.pairs import _headline, pair_meeting_points
from realpolitik.analysis.planb.result import PRICE_TOL, TIE_TOL, Candidate, PlanBError, PlanBResult
from realpolitik.engine.affinity import affinity, relational_utility
from realpolitik.engine.registry import HEADLINE_MODEL, available_models
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.scenario.arrays import relation_arrays, status_quo, to_state
from realpolitik.scenario.model import DEFAULT_WEIGHTS, RELATION_ORDER, RemoveActor, Scenario
from realpolitik.scenario.rules import (
    Rule,
    check_rules,
    failed_rules,
    parse_rules,
    relation_rank,
    scenario_rules,
)
from realpolitik.scenario.shocks import apply_edit


def _check_model(name: str, what: str) -> None:
    known = available_models()
    if name not in known:
        raise PlanBError(f"unknown {what} {name!r}; known models: {', '.join(known)}")


def _collect_rules(
    scenario: Scenario, actor: str, rules: Iterable[str | Rule] | None, use_scenario: bool
) -> tuple[Rule, ...]:
    out: list[Rule] = scenario_rules(scenario, actor) if use_scenario else []
    extra = list(rules or [])
    texts = [r for r in extra if isinstance(r, str)]
    parsed = parse_rules(texts) + [r for r in extra if isinstance(r, Rule)]
    check_rules(parsed, scenario)
    seen: set[str] = set()
    unique = []
    for r in out + parsed:
        if r.text not in seen:
            seen.add(r.text)
            unique.append(r)
    return tuple(unique)


def plan_b(
    scenario: Scenario,
    actor: str,
    without: str,
    rules: Iterable[str | Rule] | None = None,
    model: str = HEADLINE_MODEL,
    *,
    pair_model: str = "median",
    use_scenario_rules: bool = True,
    **options: Any,
) -> PlanBResult:
    """Rank the substitutes for a lost partner by how much they restore the actor's outcome.

    Parameters
    ----------
    scenario : Scenario
    actor : str
        The actor looking for a Plan B.
    without : str
        The partner it loses (removed from a copy of the scenario).
    rules : iterable of str or Rule, optional
        Rules every partner should meet (``"min-capability:30"``; see
        :mod:`realpolitik.scenario.rules`), added to the actor's ``partner_rules``.
    model : str
        The model that forecasts the whole system (its headline forecast is used).
    pair_model : str
        The model run on the actor and one candidate alone to find where they meet
        (default ``"median"``, a logroll; see the module docstring).
    use_scenario_rules : bool
        Whether the actor's ``partner_rules`` from the scenario apply.
    **options
        Passed to ``model`` (``max_rounds``, ``tol``, ``variant`` for ``eum``).

    Returns
    -------
    PlanBResult

    Raises
    ------
    PlanBError
        For an unknown actor or model, or when ``actor`` and ``without`` are the same.
    RuleError
        For a malformed rule, or one naming an unknown actor.

    Examples
    --------
    The actor ``a`` (at 100) loses its strong partner ``p`` against ``o`` (at 0); ``b`` and
    ``c`` both stand at 40, ``b`` four times as strong. With the weighted median forecasting the
    system, the forecast falls from 100 to 40 without ``p``. In the logroll ``a`` (weight 30)
    outweighs ``b`` (20), so both move to 100 and the forecast is back at 100: ``a`` gains 0.6
    and concedes nothing, but ``b`` loses as much (it stands at 40), so there is no Plan B:

    >>> from realpolitik.scenario import parse_scenario
    >>> pos = {"a": 100, "p": 100, "o": 0, "b": 40, "c": 40}
    >>> cap = {"a": 30, "p": 60, "o": 40, "b": 20, "c": 5}
    >>> s = parse_scenario({"title": "t",
    ...     "actors": [{"id": k, "name": k.upper(), "capability": v} for k, v in cap.items()],
    ...     "issues": [{"id": "x", "title": "X", "status_quo": 50, "positions":
    ...         {k: {"position": v, "salience": 1} for k, v in pos.items()}}]})
    >>> r = plan_b(s, "a", "p", model="median")
    >>> round(r.outcome_with, 4), round(r.outcome_without, 4)
    (1.0, 0.4)
    >>> [(c.id, round(c.gain, 4), c.price, round(c.partner_gain, 4)) for c in r.candidates][:1]
    [('b', 0.6, {}, -0.6)]
    >>> r.best is None
    True

    Splitting the issue instead (``pair_model="mean"``), they meet at (30 · 100 + 20 · 40) / 50
    = 76, which becomes the forecast:

    >>> [(c.id, round(c.gain, 4), c.price)
    ...  for c in plan_b(s, "a", "p", model="median", pair_model="mean").candidates][:1]
    [('b', 0.36, {'x': 24.0})]
    >>> [c.id for c in plan_b(s, "a", "p", ["not:b"], model="median").candidates]
    ['c', 'o', 'b']
    """
    ids = scenario.actor_ids
    for who, what in ((actor, "actor"), (without, "partner to lose (--without)")):
        if who not in ids:
            raise PlanBError(f"unknown {what} {who!r}; actors: {', '.join(ids)}")
    if actor == without:
        raise PlanBError(f"the actor and the partner it loses must differ; got {actor!r} twice")
    _check_model(model, "model")
    _check_model(pair_model, "pair model")
    all_rules = _collect_rules(scenario, actor, rules, use_scenario_rules)

    # The world with the partner: the scenario as given.
    st_with, ids_with, issues_with = to_state(scenario)
    f_with = _headline(model, st_with, status_quo(scenario), **options)
    u_with = _relational(st_with, f_with)
    outcome_with = float(u_with[ids_with.index(actor)])
    if math.isnan(outcome_with):
        raise PlanBError(f"{actor!r} has no salience on any issue: it has no outcome to restore")

    # The world without: a copy with the partner removed.
    world = scenario.model_copy(deep=True)
    apply_edit(
        world,
        RemoveActor(op="remove-actor", actor=without, assumption=f"Plan B: {without} falls away"),
        where=f"removing {without!r}",
    )
    st, ids0, issues = to_state(world)
    sq = status_quo(world)
    ai = ids0.index(actor)
    cand_rows = [k for k in range(len(ids0)) if k != ai]

    # The new partnerships: meeting points, then one batched run of the whole system.
    meet = pair_meeting_points(st, ai, cand_rows, sq, pair_model)  # (n_cand, n_issues)
    n_cand = len(cand_rows)
    pos = np.broadcast_to(st.position, (n_cand + 1, *st.position.shape)).copy()
    moved = np.isfinite(meet)
    batch = np.arange(1, n_cand + 1)
    pos[batch, ai, :] = np.where(moved, meet, pos[batch, ai, :])
    pos[batch, cand_rows, :] = np.where(moved, meet, pos[batch, cand_rows, :])
    weight, commitment = relation_arrays(world)
    w_b = np.broadcast_to(weight, (n_cand + 1, *weight.shape)).copy()
    c_b = np.broadcast_to(commitment, w_b.shape).copy()
    partnership = DEFAULT_WEIGHTS["partnership"]
    for k, r in enumerate(cand_rows):
        if relation_rank(world, actor, ids0[r]) > RELATION_ORDER.index("partnership"):
            w_b[k + 1, ai, r] = w_b[k + 1, r, ai] = partnership
            c_b[k + 1, ai, r] = c_b[k + 1, r, ai] = 0.0
    batched = BargainingState(
        position=pos,
        salience=np.broadcast_to(st.salience, pos.shape).copy(),
        capability=np.broadcast_to(st.capability, pos.shape[:-1]).copy(),
        present=np.broadcast_to(st.present, pos.shape).copy(),
        affinity=affinity(w_b, c_b),
    )
    forecasts = _headline(
        model, batched, np.broadcast_to(sq, (n_cand + 1, len(issues))).copy(), **options
    )
    # Outcomes are judged on sincere positions, not on the conceded ones, and with the
    # relations of the world without the lost partner (what each actor cares about).
    u = _relational(st, forecasts)  # (n_cand + 1, n_actors)
    outcome_without = float(u[0, ai])
    gains = u[1:, ai] - u[0, ai]
    if n_cand and np.all(np.abs(gains) <= 1e-12) and outcome_with - outcome_without > TIE_TOL:
        raise PlanBError(
            f"model {model!r} gives every candidate the same forecast as the world without "
            f"{without!r} (every gain is 0, though losing it costs {actor!r} "
            f"{outcome_with - outcome_without:.3f}), so it cannot rank a Plan B; the weighted "
            f"mean does that whenever two actors meet at their own weighted mean. Use --model "
            f"{HEADLINE_MODEL} or median"
        )

    partner_gains = {ids0[r]: float(u[1 + k, r] - u[0, r]) for k, r in enumerate(cand_rows)}
    fails = failed_rules(
        all_rules, scenario, actor, [ids0[r] for r in cand_rows], partner_gains=partner_gains
    )

    unranked: list[tuple[int, dict[str, Any]]] = []
    for k, r in enumerate(cand_rows):
        cid = ids0[r]
        a_from = st.position[ai]
        c_from = st.position[r]
        m = meet[k]
        toward = np.sign(c_from - a_from)
        a_conc = (m - a_from) * toward  # > 0: the actor moved toward the candidate
        c_conc = (m - c_from) * -toward
        meeting = {issues[j]: float(m[j]) for j in range(len(issues)) if moved[k, j]}
        unranked.append(
            (
                r,
                dict(
                    id=cid,
                    name=world.actor(cid).name,
                    gain=float(gains[k]),
                    outcome=float(u[1 + k, ai]),
                    partner_gain=partner_gains[cid],
                    price={
                        issues[j]: float(a_conc[j])
                        for j in range(len(issues))
                        if moved[k, j] and a_conc[j] > PRICE_TOL
                    },
                    partner_price={
                        issues[j]: float(c_conc[j])
                        for j in range(len(issues))
                        if moved[k, j] and c_conc[j] > PRICE_TOL
                    },
                    meeting=meeting,
                    actor_from={i: float(a_from[issues.index(i)]) for i in meeting},
                    partner_from={i: float(c_from[issues.index(i)]) for i in meeting},
                    fails=tuple(fails[cid]),
                    forecast={issues[j]: float(forecasts[1 + k, j]) for j in range(len(issues))},
                ),
            )
        )

    def group(f: dict[str, Any]) -> int:
        if f["fails"]:
            return 2
        both = f["gain"] > TIE_TOL and f["partner_gain"] > TIE_TOL
        return 0 if both else 1

    unranked.sort(key=lambda t: (group(t[1]), -_sortable(t[1]["gain"]), t[0]))
    candidates: list[Candidate] = []
    for n, (_, fields) in enumerate(unranked):
        rank = n + 1
        if candidates:
            prev = candidates[-1]
            same_group = group(fields) == group(unranked[n - 1][1])
            if same_group and abs(prev.gain - fields["gain"]) <= TIE_TOL:
                rank = prev.rank
        candidates.append(Candidate(rank=rank, **fields))
    warnings = _warnings(scenario, actor, without, outcome_with - outcome_without)
    return PlanBResult(
        actor=actor,
        without=without,
        model=model,
        pair_model=pair_model,
        rules=all_rules,
        outcome_with=outcome_with,
        outcome_without=outcome_without,
        forecast_with={i: float(f_with[j]) for j, i in enumerate(issues_with)},
        forecast_without={i: float(forecasts[0, j]) for j, i in enumerate(issues)},
        candidates=tuple(candidates),
        world_without=world,
        warnings=warnings,
    )


def _relational(state: BargainingState, forecasts: np.ndarray) -> np.ndarray:
    """Every actor's relational expected outcome under ``forecasts`` (batched or not)."""
    own = expected_outcome(state.position, state.salience, state.present, forecasts)
    if state.affinity is None:
        return own
    return relational_utility(own, state.affinity)


def _warnings(scenario: Scenario, actor: str, without: str, loss: float) -> tuple[str, ...]:
    out = []
    rel = scenario.relation(actor, without)
    if rel is None or rel.weight <= 0:
        kind = "no relation" if rel is None else f"a {rel.type}"
        out.append(
            f"{without!r} is not a partner of {actor!r} ({kind}): replacing it is not a Plan B "
            "question"
        )
    if loss <= TIE_TOL:
        out.append(
            f"losing {without!r} does not lower {actor!r}'s outcome (change {-loss:+.3f}): there "
            "is nothing to replace"
        )
    return tuple(out)


def _sortable(x: float) -> float:
    return -math.inf if math.isnan(x) else x

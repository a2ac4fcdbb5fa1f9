"""Plan B: when a partner falls away, which actor best replaces it, and at what price.

The method (see ``docs/planb.md``):

1. **The world with the partner** is the scenario as given; **the world without** is a copy
   with the lost partner removed (a ``remove-actor`` edit: its positions and relations go).
2. **The new partnership.** For every other actor ``c`` of the world without (the
   *candidates*), the actor ``a`` and ``c`` bargain: on every issue both take part in, the
   engine's ``pair_model`` run on the two of them alone gives their meeting point, and both move
   there. With the default ``pair_model="median"`` the deal is a **logroll**: the weighted
   median of two actors is the position of the one with more weight (``w = capability ×
   salience``; the midpoint on an exact tie), so each side gets its way on the issues it weighs
   more and gives way on the others. With utilities linear in distance that is what an
   efficient bargain between two does (splitting every issue instead loses on every issue for
   both; Coleman 1966, Stokman & van Oosten 1994 on exchange). ``pair_model="mean"`` (the
   earlier default) splits every issue at ``(w_a p_a + w_c p_c) / (w_a + w_c)``.
3. **The whole system** is forecast again with ``model`` (all candidates in one batched engine
   run, each with its new partnership in the relations), and each world is scored for every
   actor by its **relational expected outcome**: the salience-weighted closeness of the
   forecasts to its *own* positions (:func:`realpolitik.engine.utility.expected_outcome`),
   plus an affinity-weighted share of every other actor's
   (:func:`realpolitik.engine.affinity.relational_utility`, with the relations of the world
   without the lost partner). So a candidate's own gain includes what the deal costs it through
   its other ties: a firm ally of the actor's rival loses with its ally.
4. **Gain** = outcome with the candidate − outcome in the world without; **loss** = outcome
   with the lost partner (the scenario as given, its relations included) − in the world
   without. **Price** = how far the actor's own position moves toward the candidate on each
   issue (points on 0–100).
5. **Willingness.** A deal happens only if both sides gain: a candidate is *willing* when its
   own gain is positive, *useful* when the actor's gain is. Only a candidate that is both, and
   meets every rule, can be the Plan B (:attr:`PlanBResult.best`); otherwise there is no Plan B.
6. **Rules** (:mod:`realpolitik.scenario.rules`) from the actor's ``partner_rules`` and the
   caller are checked. Ranking: candidates that meet every rule and are willing and useful
   first, then those that meet every rule, then the rest; each group by the actor's gain.
   Gains within :data:`TIE_TOL` of each other share a rank (a tie is reported as one).

A model whose forecast cannot move when a pair of actors meets (the weighted ``mean``: two
actors moving to their own weighted mean leave the system's weighted mean where it was) gives
every candidate a gain of exactly 0; such a run is refused with a message, not ranked.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from realpolitik._json import json_float
from realpolitik.engine.affinity import affinity, relational_utility
from realpolitik.engine.registry import HEADLINE_MODEL, available_models, get_model
from realpolitik.engine.state import BargainingState
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError
from realpolitik.scenario.arrays import relation_arrays, status_quo, to_state
from realpolitik.scenario.model import (
    DEFAULT_WEIGHTS,
    RELATION_ORDER,
    RemoveActor,
    Scenario,
    SetPosition,
    SetRelation,
)
from realpolitik.scenario.rules import (
    Rule,
    check_rules,
    failed_rules,
    parse_rules,
    relation_rank,
    scenario_rules,
)
from realpolitik.scenario.shocks import apply_edit

#: Moves smaller than this (points) are not reported as a price.
PRICE_TOL = 1e-6
#: Gains (0–1 outcome scale) closer than this are a tie.
TIE_TOL = 1e-9


class PlanBError(InputError):
    """Plan B cannot be computed for the actors or options given."""


@dataclass(frozen=True)
class Candidate:
    """One possible substitute for the lost partner.

    Attributes
    ----------
    id, name : str
    rank : int
        1 for the first-ranked candidate; tied candidates share a rank.
    gain : float
        The actor's expected outcome with this partnership minus in the world without the lost
        partner (on the 0–1 outcome scale).
    outcome : float
        The actor's expected outcome with this partnership.
    partner_gain : float
        The candidate's own (relational) outcome with the partnership minus without it.
    price : dict of str to float
        Issue id → points the actor concedes (moves toward the candidate), only issues where it
        concedes.
    partner_price : dict of str to float
        The same for the candidate.
    meeting : dict of str to float
        Issue id → the position both take, on every issue where they bargain.
    actor_from, partner_from : dict of str to float
        Their positions before the bargain on those issues.
    fails : tuple of str
        The rules the candidate breaks, as written.
    forecast : dict of str to float
        The forecast of every issue of the world with this partnership.
    """

    id: str
    name: str
    rank: int
    gain: float
    outcome: float
    partner_gain: float
    price: dict[str, float]
    partner_price: dict[str, float]
    meeting: dict[str, float]
    actor_from: dict[str, float]
    partner_from: dict[str, float]
    fails: tuple[str, ...]
    forecast: dict[str, float]

    @property
    def passes(self) -> bool:
        """Whether the candidate meets every rule."""
        return not self.fails

    @property
    def willing(self) -> bool:
        """Whether the candidate itself gains from the deal."""
        return self.partner_gain > TIE_TOL

    @property
    def useful(self) -> bool:
        """Whether the deal raises the actor's outcome."""
        return self.gain > TIE_TOL

    @property
    def viable(self) -> bool:
        """Meets every rule, and both sides gain: a Plan B that can happen."""
        return self.passes and self.willing and self.useful

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (see ``docs/planb.md``)."""
        return {
            "id": self.id,
            "name": self.name,
            "rank": self.rank,
            "passes": self.passes,
            "willing": self.willing,
            "useful": self.useful,
            "viable": self.viable,
            "gain": _num(self.gain),
            "outcome": _num(self.outcome),
            "partner_gain": _num(self.partner_gain),
            "price": {k: _num(v) for k, v in self.price.items()},
            "partner_price": {k: _num(v) for k, v in self.partner_price.items()},
            "meeting": {
                k: {
                    "actor_from": _num(self.actor_from[k]),
                    "partner_from": _num(self.partner_from[k]),
                    "to": _num(v),
                }
                for k, v in self.meeting.items()
            },
            "fails": list(self.fails),
            "forecast": {k: _num(v) for k, v in self.forecast.items()},
        }


@dataclass(frozen=True)
class PlanBResult:
    """What :func:`plan_b` finds: the loss of a partner and the ranked substitutes.

    Attributes
    ----------
    actor, without : str
        The actor, and the partner it loses.
    model, pair_model : str
        The model that forecasts the whole system, and the one that gives the pair's meeting
        points.
    rules : tuple of Rule
        Every rule applied (the scenario's first, then the caller's).
    outcome_with, outcome_without : float
        The actor's expected outcome with the lost partner (the scenario as given) and without.
    forecast_with, forecast_without : dict of str to float
        The forecasts of both worlds, per issue id.
    candidates : tuple of Candidate
        Best first.
    world_without : Scenario
        The scenario without the lost partner.
    warnings : tuple of str
        What makes the question itself doubtful (the lost actor is no partner, or losing it
        costs nothing).
    """

    actor: str
    without: str
    model: str
    pair_model: str
    rules: tuple[Rule, ...]
    outcome_with: float
    outcome_without: float
    forecast_with: dict[str, float]
    forecast_without: dict[str, float]
    candidates: tuple[Candidate, ...]
    world_without: Scenario = field(repr=False)
    warnings: tuple[str, ...] = ()

    @property
    def loss(self) -> float:
        """The actor's expected outcome with the lost partner minus without it."""
        return self.outcome_with - self.outcome_without

    @property
    def best(self) -> Candidate | None:
        """The Plan B: the first-ranked viable candidate, alone at its rank.

        None when no candidate meets every rule with a gain for both sides ("no Plan B"), and
        when several tie for first place (see :attr:`tied`).
        """
        top = self.tied
        return top[0] if len(top) == 1 else None

    @property
    def tied(self) -> tuple[Candidate, ...]:
        """The viable candidates of the first rank (more than one: a tie)."""
        viable = [c for c in self.candidates if c.viable]
        if not viable:
            return ()
        return tuple(c for c in viable if c.rank == viable[0].rank)

    def candidate(self, candidate_id: str) -> Candidate:
        """Return the candidate with id ``candidate_id``."""
        for c in self.candidates:
            if c.id == candidate_id:
                return c
        raise PlanBError(
            f"{candidate_id!r} is not a candidate; candidates: "
            f"{', '.join(c.id for c in self.candidates) or 'none'}"
        )

    def recovered(self, candidate_id: str) -> float | None:
        """Share of the loss the candidate makes good (``gain / loss``; None without a loss)."""
        c = self.candidate(candidate_id)
        return c.gain / self.loss if self.loss > PRICE_TOL else None

    def edits(self, candidate_id: str) -> list[SetPosition | SetRelation]:
        """The edits that turn the world without into the world with ``candidate_id``.

        Positions of both actors at the meeting points, and their relation raised to a
        partnership (kept as it is when it is already at least that cooperative). Applied with
        :func:`realpolitik.scenario.shocks.apply_edit`, they reproduce the candidate's forecast.
        """
        c = self.candidate(candidate_id)
        why = (
            f"Plan B: {self.actor} and {c.id} meet at the {self.pair_model} model's outcome of "
            "their two positions"
        )
        out: list[SetPosition | SetRelation] = []
        for issue, to in c.meeting.items():
            for who in (self.actor, c.id):
                out.append(
                    SetPosition(op="set-position", actor=who, issue=issue, value=to, assumption=why)
                )
        if relation_rank(self.world_without, self.actor, c.id) > RELATION_ORDER.index(
            "partnership"
        ):
            out.append(
                SetRelation(
                    op="set-relation",
                    between=(self.actor, c.id),
                    type="partnership",
                    assumption=why,
                )
            )
        return out

    def scenario_with(self, candidate_id: str) -> Scenario:
        """The world without the lost partner, with the partnership with ``candidate_id``."""
        s = self.world_without.model_copy(deep=True)
        for k, edit in enumerate(self.edits(candidate_id)):
            apply_edit(s, edit, where=f"Plan B edit {k + 1}")
        return s

    def to_frame(self) -> pd.DataFrame:
        """One row per candidate, best first, every cell a scalar.

        Columns ``rank, id, name, passes, gain, outcome, partner_gain, price_total, price,
        fails``: ``price`` reads ``"issue +points; ..."`` (the issues where the actor concedes)
        and ``fails`` joins the broken rules with ``"; "`` (empty when the candidate passes).
        :meth:`price_frame` has the price one row per candidate × issue.
        """
        rows = [
            (
                c.rank,
                c.id,
                c.name,
                c.passes,
                c.gain,
                c.outcome,
                c.partner_gain,
                float(sum(c.price.values())),
                "; ".join(f"{k} +{v:.1f}" for k, v in c.price.items()),
                "; ".join(c.fails),
            )
            for c in self.candidates
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "rank",
                "id",
                "name",
                "passes",
                "gain",
                "outcome",
                "partner_gain",
                "price_total",
                "price",
                "fails",
            ],
        )

    def price_frame(self) -> pd.DataFrame:
        """The bargain of every candidate, one row per candidate × bargained issue.

        Columns ``candidate, issue, actor_from, partner_from, meeting, price, partner_price``:
        where each stood, where they meet, and the points each concedes (0 when it does not).
        """
        rows = [
            (
                c.id,
                issue,
                c.actor_from.get(issue, float("nan")),
                c.partner_from.get(issue, float("nan")),
                meeting,
                c.price.get(issue, 0.0),
                c.partner_price.get(issue, 0.0),
            )
            for c in self.candidates
            for issue, meeting in c.meeting.items()
        ]
        return pd.DataFrame(
            rows,
            columns=[
                "candidate",
                "issue",
                "actor_from",
                "partner_from",
                "meeting",
                "price",
                "partner_price",
            ],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON printed by ``realpolitik planb --format json`` (see ``docs/planb.md``)."""
        return {
            "actor": self.actor,
            "without": self.without,
            "model": self.model,
            "pair_model": self.pair_model,
            "rules": [{"rule": r.text, "source": r.source} for r in self.rules],
            "outcome_with": _num(self.outcome_with),
            "outcome_without": _num(self.outcome_without),
            "loss": _num(self.loss),
            "best": None if self.best is None else self.best.id,
            "tied": [c.id for c in self.tied] if len(self.tied) > 1 else [],
            "warnings": list(self.warnings),
            "forecast_with": {k: _num(v) for k, v in self.forecast_with.items()},
            "forecast_without": {k: _num(v) for k, v in self.forecast_without.items()},
            "candidates": [c.to_dict() for c in self.candidates],
        }


def _num(x: float) -> float | None:
    return json_float(x, 6)


def _headline(model: str, state: BargainingState, sq: np.ndarray, **options: Any) -> np.ndarray:
    run = get_model(model)(state, status_quo=sq, **options)
    return np.asarray(next(iter(run.forecasts.values())), dtype=np.float64)


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


def pair_meeting_points(
    state: BargainingState,
    actor: int,
    candidates: Sequence[int],
    status_quo: np.ndarray,
    pair_model: str = "median",
) -> np.ndarray:
    """Where the actor and each candidate meet on every issue, bargaining as a pair.

    Runs ``pair_model`` once on a batch of two-actor states (the actor and one candidate
    each) and returns its headline forecast; NaN where either of the two is absent.

    Parameters
    ----------
    state : BargainingState
        Unbatched, shape (n_actors, n_issues).
    actor : int
        Row of the actor.
    candidates : sequence of int
        Rows of the candidates.
    status_quo : ndarray, shape (n_issues,)
    pair_model : str
        A registered model name.

    Returns
    -------
    ndarray, shape (n_candidates, n_issues)

    Examples
    --------
    An actor at 80 with weight 70 × 0.7 = 49 and a partner at 10 with weight 45 × 0.7 = 31.5
    meet at (49 · 80 + 31.5 · 10) / 80.5 ≈ 52.61:

    >>> s = BargainingState.from_arrays([[80.0], [10.0]], [[0.7], [0.7]], [70.0, 45.0])
    >>> pair_meeting_points(s, 0, [1], np.array([70.0]), "mean").round(2)
    array([[52.61]])

    As a logroll (the default ``"median"``) the heavier actor's position stands:

    >>> pair_meeting_points(s, 0, [1], np.array([70.0])).round(2)
    array([[80.]])
    """
    cands = np.asarray(candidates, dtype=np.int64)
    rows = np.stack([np.full_like(cands, actor), cands], axis=1)  # (n_cand, 2)
    pair = BargainingState(
        position=state.position[rows],
        salience=state.salience[rows],
        capability=state.capability[rows],
        present=state.present[rows],
    )
    sq = np.broadcast_to(status_quo, (len(cands), state.n_issues))
    meet = _headline(pair_model, pair, np.array(sq))
    both = pair.present.all(axis=1)
    return np.where(both & np.isfinite(meet), meet, np.nan)


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


__all__ = ["PRICE_TOL", "Candidate", "PlanBError", "PlanBResult", "pair_meeting_points", "plan_b"]

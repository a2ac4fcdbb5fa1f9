"""The Plan B result: each candidate substitute and the ranked answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from realpolitik._json import json_float
from realpolitik.exceptions import InputError
from realpolitik.scenario.model import RELATION_ORDER, Scenario, SetPosition, SetRelation
from realpolitik.scenario.rules import Rule, relation_rank
from realpolitik.scenario.shocks import apply_edit

#: Moves smaller than this (points) are not reported as a price.
PRICE_TOL = 1e-6
#: Gains (0–1 outcome scale) closer than this are a tie, and a gain no larger is no gain. The
#: engines stop once no position moves more than 1e-6 points (``eum``'s ``DEFAULT_TOL``), so
#: two forecasts of the same world may differ by about that much, which moves an outcome by
#: about 1e-8 on a 0–100 issue; 1e-6 is a hundred times that and still far below a gain that
#: means something (0.0001 points on a fully salient 0–100 issue). At 1e-9 a candidate whose
#: deal changes nothing came first on rounding alone (gain 1.03e-9, gulf-war-1990, Iraq
#: without the USSR).
TIE_TOL = 1e-6


class PlanBError(InputError):
    """Plan B cannot be computed for the actors or options given."""

    # Named by its public module, as before the split (tracebacks, doctests, pickles).
    __module__ = "realpolitik.analysis.planb"


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

"""The result of a forecast: every model's forecasts, positions, rounds and offers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from realpolitik._json import json_float
from realpolitik.engine.registry import OFFER_KINDS, ModelRun
from realpolitik.forecasting.model_selection import UnknownModelError
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.scale import UNIT_SCALE, format_value, issue_scale, to_scale

if TYPE_CHECKING:  # pandas is imported by the methods that build frames (0.4 s at start-up)
    import pandas as pd


#: How close (points on 0–100) a ``nash`` forecast must be to the status quo to be marked as it.
NASH_SQ_TOL = 1e-9


@dataclass(frozen=True)
class Offer:
    """An offer accepted in one round: ``actor`` moves toward ``proposer`` on ``issue``."""

    round: int
    issue: str
    actor: str
    proposer: str
    kind: str
    before: float
    after: float

    def describe(self, names: dict[str, str], scale: tuple[float, float] | None = None) -> str:
        """One line such as ``Turkey compromises with Russia: 35 → 48``.

        With the issue's own ``scale`` (see :mod:`realpolitik.scenario.scale`), the move is given
        in its units with the 0–100 values alongside: ``... : 7.0 → 8.416 (50 → 74 on 0–100)``.
        """
        verb = {
            "confrontation": "loses a confrontation with",
            "compromise": "compromises with",
            "capitulation": "capitulates to",
        }.get(self.kind, f"{self.kind} with")
        move = f"{self.before:.0f} → {self.after:.0f}"
        if scale is not None and tuple(scale) != UNIT_SCALE:
            move = (
                f"{format_value(self.before, scale)} → {format_value(self.after, scale)} "
                f"({move} on 0–100)"
            )
        return (
            f"{names.get(self.actor, self.actor)} {verb} {names.get(self.proposer, self.proposer)}: "
            f"{move}"
        )


@dataclass(frozen=True)
class ForecastResult:
    """The forecasts of several models for every issue of a scenario.

    Attributes
    ----------
    scenario : Scenario
    actor_ids, issue_ids : list of str
    forecasts : dict of str to ndarray, shape (n_issues,)
        Every named forecast (a model may give several, e.g. ``eum`` and ``eum-mean``).
    runs : dict of str to ModelRun
        The raw run of each model, with positions and rounds for models that move actors.
    stability : dict of str to ndarray, shape (n_issues,)
        Per named forecast, the share of small-perturbation draws whose forecast stays within
        :data:`STABILITY_WITHIN` points of it (empty unless asked for; see :func:`stability`).
    """

    scenario: Scenario
    actor_ids: list[str]
    issue_ids: list[str]
    forecasts: dict[str, np.ndarray]
    runs: dict[str, ModelRun] = field(default_factory=dict)
    stability: dict[str, np.ndarray] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """One row per issue, one column per named forecast (plus the issue's title).

        Examples
        --------
        >>> from realpolitik.forecasting import forecast
        >>> from realpolitik.scenario import load_scenario
        >>> df = forecast(load_scenario("syria-2020"), model=["mean"]).to_frame()
        >>> list(df.columns)[:2]
        ['title', 'mean']
        """
        import pandas as pd

        df = pd.DataFrame(self.forecasts, index=pd.Index(self.issue_ids, name="issue"))
        df.insert(0, "title", [self.scenario.issue(i).title for i in self.issue_ids])
        return df

    def positions_frame(self, model: str) -> pd.DataFrame:
        """Actor positions after the last round of ``model`` (actors × issues; NaN where absent)."""
        run = self.runs[model]
        if run.positions is None:
            raise UnknownModelError(f"model {model!r} does not move actors")
        state, _, _ = to_state(self.scenario)
        pos = np.where(state.present, run.positions, np.nan)
        import pandas as pd

        return pd.DataFrame(pos, index=self.actor_ids, columns=self.issue_ids)

    def trajectory_frame(self, model: str) -> pd.DataFrame:
        """Positions round by round: columns round, actor, issue, position (long form)."""
        run = self.runs[model]
        if run.rounds is None:
            raise UnknownModelError(f"model {model!r} kept no rounds")
        state, _, _ = to_state(self.scenario)
        rows = []
        for r in range(run.rounds.shape[0]):
            for i, actor in enumerate(self.actor_ids):
                for k, issue in enumerate(self.issue_ids):
                    if state.present[i, k]:
                        rows.append((r, actor, issue, float(run.rounds[r, i, k])))
        import pandas as pd

        return pd.DataFrame(rows, columns=["round", "actor", "issue", "position"])

    def offers(self, model: str) -> list[Offer]:
        """Every offer accepted in the run of ``model``, round by round."""
        run = self.runs.get(model)
        if run is None or run.offer_from is None or run.offer_kind is None or run.rounds is None:
            return []
        out = []
        n_rounds = run.offer_from.shape[0]
        for r in range(n_rounds):
            src = run.offer_from[r]
            kinds = run.offer_kind[r]
            for i, k in zip(*np.nonzero(src >= 0), strict=True):
                out.append(
                    Offer(
                        round=r + 1,
                        issue=self.issue_ids[k],
                        actor=self.actor_ids[i],
                        proposer=self.actor_ids[int(src[i, k])],
                        kind=OFFER_KINDS[int(kinds[i, k])],
                        before=float(run.rounds[r, i, k]),
                        after=float(run.rounds[r + 1, i, k]),
                    )
                )
        return out

    def offers_frame(self, model: str) -> pd.DataFrame:
        """:meth:`offers` as a tidy frame: one row per accepted offer, in round order.

        Columns ``round, issue, actor, proposer, kind, before, after`` (positions on 0–100);
        empty, with the same columns, for a model that makes no offers.

        Examples
        --------
        >>> from realpolitik.forecasting import forecast
        >>> from realpolitik.scenario import load_scenario
        >>> r = forecast(load_scenario("syria-2020"), model="eum")
        >>> df = r.offers_frame("eum")
        >>> list(df.columns)
        ['round', 'issue', 'actor', 'proposer', 'kind', 'before', 'after']
        >>> len(df) == len(r.offers("eum"))
        True
        """
        import pandas as pd

        columns = ["round", "issue", "actor", "proposer", "kind", "before", "after"]
        rows = [
            (o.round, o.issue, o.actor, o.proposer, o.kind, o.before, o.after)
            for o in self.offers(model)
        ]
        return pd.DataFrame(rows, columns=columns).astype(
            {"round": "int64", "before": "float64", "after": "float64"}
        )

    def nash_is_status_quo(self) -> dict[str, bool]:
        """Per issue, whether the ``nash`` forecast is the issue's status quo (within 1e-9).

        With the status quo as disagreement point, an issue with actors on both sides of the
        status quo has the status quo as its Nash bargaining solution: every move away from it
        leaves an actor worse off than no agreement. Such a ``nash`` value is no forecast of
        movement, and outputs mark it. Empty when ``nash`` was not run.

        Examples
        --------
        >>> from realpolitik.forecasting import forecast
        >>> from realpolitik.scenario import load_scenario
        >>> r = forecast(load_scenario("syria-2020"), model="nash")
        >>> r.nash_is_status_quo()["assad"]
        True
        """
        nash = self.forecasts.get("nash")
        if nash is None:
            return {}
        sq = status_quo(self.scenario)
        same = np.isfinite(nash) & np.isfinite(sq) & (np.abs(nash - sq) <= NASH_SQ_TOL)
        return {issue: bool(same[k]) for k, issue in enumerate(self.issue_ids)}

    def to_dict(self, *, trace: bool = False) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik forecast --format json``.

        ``forecast`` and ``positions`` are on 0–100; ``scale`` is the issue's own ``[lo, hi]``
        (``[0, 100]`` when it declares none) and ``forecast_on_scale`` / ``positions_on_scale``
        are the same values in those units. When ``nash`` was run, ``nash_is_status_quo`` says
        whether its forecast is the status quo (see :meth:`nash_is_status_quo`).
        """
        state, _, _ = to_state(self.scenario)
        at_sq = self.nash_is_status_quo()
        issues = []
        for k, issue_id in enumerate(self.issue_ids):
            issue = self.scenario.issue(issue_id)
            scale = issue_scale(issue)
            entry: dict[str, Any] = {
                "id": issue_id,
                "title": issue.title,
                "scale": [float(scale[0]), float(scale[1])],
                "forecast": {name: _num(v[k]) for name, v in self.forecasts.items()},
                "forecast_on_scale": {
                    name: _num(to_scale(float(v[k]), scale)) for name, v in self.forecasts.items()
                },
            }
            positions = {
                name: {
                    a: _num(run.positions[i, k])
                    for i, a in enumerate(self.actor_ids)
                    if state.present[i, k]
                }
                for name, run in self.runs.items()
                if run.positions is not None
            }
            if positions:
                entry["positions"] = positions
                entry["positions_on_scale"] = {
                    name: {
                        a: None if v is None else _num(to_scale(v, scale)) for a, v in by.items()
                    }
                    for name, by in positions.items()
                }
            if at_sq:
                entry["nash_is_status_quo"] = at_sq[issue_id]
            if self.stability:
                entry["stability"] = {name: _num(v[k]) for name, v in self.stability.items()}
            if trace:
                entry["rounds"] = self._rounds_json(k, state.present)
            issues.append(entry)
        return {"scenario": self.scenario.title, "issues": issues}

    def _rounds_json(self, k: int, present: np.ndarray) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for name, run in self.runs.items():
            if run.rounds is None:
                continue
            offers = [o for o in self.offers(name) if o.issue == self.issue_ids[k]]
            rounds = []
            for r in range(run.rounds.shape[0]):
                rounds.append(
                    {
                        "round": r,
                        "positions": {
                            a: _num(run.rounds[r, i, k])
                            for i, a in enumerate(self.actor_ids)
                            if present[i, k]
                        },
                        "offers": [
                            {
                                "actor": o.actor,
                                "proposer": o.proposer,
                                "kind": o.kind,
                                "from": _num(o.before),
                                "to": _num(o.after),
                            }
                            for o in offers
                            if o.round == r
                        ],
                    }
                )
            out[name] = rounds
        return out


def _num(x: float) -> float | None:
    return json_float(x, 6)

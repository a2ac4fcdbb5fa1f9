"""Forecast a scenario with one or more named models: scenario in, labelled results out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from realpolitik._json import json_float
from realpolitik.engine.optional import optional_models
from realpolitik.engine.registry import (
    OFFER_KINDS,
    ModelRun,
    available_models,
    get_model,
    model_options,
)
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import RealpolitikError
from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.limits import check_model
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.scale import UNIT_SCALE, format_value, issue_scale, to_scale

if TYPE_CHECKING:  # pandas is imported by the methods that build frames (0.4 s at start-up)
    import pandas as pd

#: Models every forecast shows, whatever else is asked for.
BASELINES = ("mean", "median")

#: The stability figure: draws of small perturbations (positions ±2.5 points, saliences and
#: capabilities ±5 %, uniform: a quarter of the Monte Carlo defaults, differences an analyst
#: could not defend choosing between), and how close a draw must stay to count as stable (the
#: backtest's "within 10 points").
STABILITY_DRAWS = 50
STABILITY_POSITION = 2.5
STABILITY_RELATIVE = 0.05
STABILITY_WITHIN = 10.0
#: The fixed seed of the stability draws (the figure is part of the forecast, so it must not
#: change from one run to the next).
STABILITY_SEED = 0


#: How close (points on 0–100) a ``nash`` forecast must be to the status quo to be marked as it.
NASH_SQ_TOL = 1e-9


class UnknownModelError(RealpolitikError):
    """A model name that is not registered."""


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


def resolve_models(model: str | Sequence[str] | None) -> list[str]:
    """The models to run: the baselines plus those asked for (all registered when none are).

    With none asked for, the optional models (:mod:`realpolitik.engine.optional`) stay out.

    Raises
    ------
    UnknownModelError
        Naming the unknown model and listing the known ones.
    """
    known = available_models()
    if model is None or (not isinstance(model, str) and len(model) == 0):
        optional = optional_models()  # run only when named (DEU-only models, smp)
        return list(BASELINES) + [m for m in known if m not in BASELINES and m not in optional]
    asked = [model] if isinstance(model, str) else list(model)
    for m in asked:
        if m not in known:
            optional = optional_models()
            listed = ", ".join(k for k in known if k not in optional)
            extra = f"; run only when named: {', '.join(sorted(optional))}" if optional else ""
            raise UnknownModelError(f"unknown model {m!r}; known models: {listed}{extra}")
    return list(dict.fromkeys([*BASELINES, *asked]))


def forecast(
    scenario: Scenario,
    model: str | Sequence[str] | None = None,
    *,
    with_stability: bool = False,
    **options: Any,
) -> ForecastResult:
    """Forecast every issue of ``scenario`` with the baselines and the models asked for.

    Parameters
    ----------
    scenario : Scenario
    model : str or list of str, optional
        Model names (see :func:`realpolitik.engine.available_models`); the baselines ``mean``
        and ``median`` are always included. ``None`` runs every registered model.
    with_stability : bool
        Also compute every forecast's stability (:func:`stability`).
    **options
        Passed to the models that take them (``variant``, ``max_rounds``, ``tol``, ``record``);
        an option no chosen model takes is an error.

    Returns
    -------
    ForecastResult

    Examples
    --------
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t", "actors": [
    ...     {"id": "a", "name": "A", "capability": 1}, {"id": "b", "name": "B", "capability": 3}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {
    ...         "a": {"position": 0, "salience": 1}, "b": {"position": 100, "salience": 1}}}]})
    >>> float(forecast(s, model="mean").forecasts["mean"][0])
    75.0
    """
    names = resolve_models(model)
    unused = set(options) - {o for name in names for o in model_options(name)}
    if unused:
        raise UnknownModelError(
            f"option(s) {', '.join(sorted(unused))} are not taken by any of the models "
            f"{', '.join(names)}; models that move actors (eum) take them"
        )
    state, actors, issues = to_state(scenario)
    n_rounds = int(options.get("max_rounds", 10))
    for name in names:
        check_model(name, len(actors), len(issues), n_rounds, f"scenario {scenario.title!r}")
    state = conditioned(state)
    sq = status_quo(scenario)
    forecasts: dict[str, np.ndarray] = {}
    runs: dict[str, ModelRun] = {}
    for name in names:
        taken = {k: v for k, v in options.items() if k in model_options(name)}
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            run = get_model(name)(state, status_quo=sq, **taken)
        runs[name] = run
        forecasts.update(run.forecasts)
    check_finite(scenario, issues, forecasts, runs)
    shares = stability(scenario, names, forecasts, **options) if with_stability else {}
    return ForecastResult(scenario, actors, issues, forecasts, runs, shares)


def stability(
    scenario: Scenario,
    models: Sequence[str],
    point: dict[str, np.ndarray],
    *,
    n_draws: int = STABILITY_DRAWS,
    **options: Any,
) -> dict[str, np.ndarray]:
    """How robust each forecast is to small changes of the inputs.

    Runs every model on ``n_draws`` copies of the scenario whose positions move by up to
    ±:data:`STABILITY_POSITION` points and whose saliences and capabilities move by up to
    ±:data:`STABILITY_RELATIVE` (uniform, fixed seed), in one batch per model, and returns per
    named forecast the share of draws within :data:`STABILITY_WITHIN` points of ``point``
    (NaN where the point forecast is NaN). A share well below 1 says the forecast sits on a
    knife-edge: a small change of the inputs moves it far.

    Examples
    --------
    A lone actor's issue cannot move beyond its own position's noise:

    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t", "actors": [{"id": "a", "name": "A", "capability": 1}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {"a": {"position": 50,
    ...     "salience": 1}}}]})
    >>> r = forecast(s, model="mean", with_stability=True)
    >>> float(r.stability["mean"][0])
    1.0
    """
    state, _, _ = to_state(scenario)
    sq = status_quo(scenario)
    rng = np.random.default_rng(STABILITY_SEED)
    n = n_draws
    shape = state.position.shape
    pos = np.clip(
        state.position + rng.uniform(-STABILITY_POSITION, STABILITY_POSITION, (n, *shape)),
        0.0,
        100.0,
    )
    lo, hi = 1.0 - STABILITY_RELATIVE, 1.0 + STABILITY_RELATIVE
    sal = np.clip(state.salience * rng.uniform(lo, hi, (n, *shape)), 0.0, 1.0)
    base = state.capability
    top = float(base.max()) if base.size else 0.0
    if top > np.finfo(np.float64).max / hi:
        # Near the largest float (1.8e308) a +5 % draw overflows to inf: divide by the largest
        # first, as the models do (only the ratios of capabilities count).
        base = base / top
    cap = base * rng.uniform(lo, hi, (n, shape[0]))
    aff = None
    if state.affinity is not None:
        aff = np.broadcast_to(state.affinity, (n, *state.affinity.shape)).copy()
    batched = BargainingState(
        position=np.where(state.present, pos, state.position),
        salience=np.where(state.present, sal, state.salience),
        capability=cap,
        present=np.broadcast_to(state.present, (n, *shape)).copy(),
        affinity=aff,
    )
    sqs = np.broadcast_to(sq, (n, len(sq))).copy()
    out: dict[str, np.ndarray] = {}
    for name in models:
        taken = {k: v for k, v in options.items() if k in model_options(name)}
        if "record" in model_options(name):
            taken["record"] = False
        run = get_model(name)(batched, status_quo=sqs, **taken)
        for key, draws in run.forecasts.items():
            ref = point[key]
            close = np.abs(np.asarray(draws) - ref[None, :]) <= STABILITY_WITHIN
            out[key] = np.where(np.isfinite(ref), close.mean(axis=0), np.nan)
    return out


def conditioned(state: BargainingState) -> BargainingState:
    """The state with capabilities divided by the largest, so that no product overflows.

    Every model depends on capabilities only through their ratios (tested in
    ``tests/reliability``), so forecasts do not change; capabilities of 1e300 or 1e-300 stay
    finite and away from underflow inside the models.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> state, _, _ = to_state(load_scenario("syria-2020"))
    >>> float(conditioned(state).capability.max())
    1.0
    """
    top = float(np.max(state.capability, initial=0.0))
    if not (top > 0 and np.isfinite(top)):
        return state
    return replace(state, capability=state.capability / top)


class NonFiniteError(RealpolitikError):
    """A model produced a forecast or position that is not a finite number."""


def check_finite(
    scenario: Scenario,
    issues: Sequence[str],
    forecasts: dict[str, np.ndarray],
    runs: dict[str, ModelRun],
) -> None:
    """Raise :class:`NonFiniteError` naming the model, the issue and its inputs.

    A forecast is NaN by design where a model has nothing to say: no actor present on the
    issue, or (``nash``) no ``status_quo``. Anything else that is not finite (an infinity, or a
    NaN on an issue with actors and a status quo) is an error, never a ``null`` in an output.
    """
    sq = status_quo(scenario)
    for name, values in forecasts.items():
        v = np.asarray(values, dtype=np.float64)
        expected_nan = np.array([not scenario.issue(i).positions for i in issues], dtype=bool) | (
            name.startswith("nash") & np.isnan(sq)
        )
        bad = ~np.isfinite(v) & ~(np.isnan(v) & expected_nan)
        if bad.any():
            _raise_non_finite(scenario, name, issues[int(np.argmax(bad))], float(v[bad][0]))
    for name, run in runs.items():
        if run.positions is None:
            continue
        pos = np.asarray(run.positions, dtype=np.float64)
        state, _, _ = to_state(scenario)
        bad = state.present & ~np.isfinite(pos)
        if bad.any():
            k = int(np.argwhere(bad)[0][1])
            _raise_non_finite(scenario, f"{name} (actor positions)", issues[k], float("nan"))


def _raise_non_finite(scenario: Scenario, model: str, issue: str, value: float) -> None:
    item = scenario.issue(issue)
    caps = [scenario.actor(a).capability for a in item.positions]
    raise NonFiniteError(
        f"the {model} forecast of issue {issue!r} is not a finite number ({value}); its inputs: "
        f"{len(caps)} actor(s), capabilities from {min(caps, default=0):g} to "
        f"{max(caps, default=0):g}, saliences from "
        f"{min((p.salience for p in item.positions.values()), default=0):g} to "
        f"{max((p.salience for p in item.positions.values()), default=0):g}"
    )


@dataclass(frozen=True)
class Comparison:
    """Forecasts of a scenario before and after a list of shocks.

    Attributes
    ----------
    baseline, shocked : ForecastResult
    shocks : list of str
        The shock ids applied, in order.
    """

    baseline: ForecastResult
    shocked: ForecastResult
    shocks: list[str]

    def to_frame(self) -> pd.DataFrame:
        """One row per issue and named forecast: baseline, shocked, change."""
        rows = []
        for k, issue in enumerate(self.baseline.issue_ids):
            for name, values in self.baseline.forecasts.items():
                before = float(values[k])
                after = float("nan")
                if issue in self.shocked.issue_ids and name in self.shocked.forecasts:
                    after = float(self.shocked.forecasts[name][self.shocked.issue_ids.index(issue)])
                rows.append((issue, name, before, after, after - before))
        import pandas as pd

        return pd.DataFrame(rows, columns=["issue", "model", "baseline", "shocked", "change"])

    def largest_change(self) -> tuple[str, str, float, float] | None:
        """The (issue, model, baseline, shocked) with the largest absolute change, if any."""
        df = self.to_frame().dropna()
        if df.empty:
            return None
        row = df.iloc[int(df["change"].abs().argmax())]
        return str(row["issue"]), str(row["model"]), float(row["baseline"]), float(row["shocked"])

    def summary(self) -> str:
        """One sentence on the largest change."""
        largest = self.largest_change()
        names = ", ".join(self.shocks)
        if largest is None or abs(largest[3] - largest[2]) < 1e-9:
            return f"Under {names}, no forecast changes."
        issue, model, before, after = largest
        title = self.baseline.scenario.issue(issue).title
        return (
            f"Under {names}, the largest change is on {title!r}: the {model} forecast moves "
            f"from {before:.1f} to {after:.1f} ({after - before:+.1f} points)."
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik compare --format json``.

        ``baseline``, ``shocked`` and ``change`` are on 0–100; ``scale`` is the issue's own
        ``[lo, hi]`` and ``on_scale`` holds the same three in those units.
        """
        df = self.to_frame()
        issues = []
        for issue in self.baseline.issue_ids:
            part = df[df["issue"] == issue]
            scale = issue_scale(self.baseline.scenario.issue(issue))
            unit = (scale[1] - scale[0]) / 100.0
            # pandas-stubs types itertuples() fields as any scalar; these columns hold floats.
            rows = [
                (
                    str(r.model),
                    cast(float, r.baseline),
                    cast(float, r.shocked),
                    cast(float, r.change),
                )
                for r in part.itertuples()
            ]
            issues.append(
                {
                    "id": issue,
                    "title": self.baseline.scenario.issue(issue).title,
                    "scale": [float(scale[0]), float(scale[1])],
                    "baseline": {m: _num(b) for m, b, _, _ in rows},
                    "shocked": {m: _num(a) for m, _, a, _ in rows},
                    "change": {m: _num(c) for m, _, _, c in rows},
                    "on_scale": {
                        "baseline": {m: _num(to_scale(b, scale)) for m, b, _, _ in rows},
                        "shocked": {m: _num(to_scale(a, scale)) for m, _, a, _ in rows},
                        "change": {m: _num(c * unit) for m, _, _, c in rows},
                    },
                }
            )
        return {"shocks": list(self.shocks), "issues": issues, "summary": self.summary()}


def compare(
    scenario: Scenario,
    shocks: Sequence[str],
    model: str | Sequence[str] | None = None,
    **options: Any,
) -> Comparison:
    """Forecast ``scenario`` and a copy with ``shocks`` applied in order, side by side.

    Raises
    ------
    ShockError
        For an unknown shock, or an edit naming an unknown actor or issue.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> c = compare(load_scenario("syria-2020"), ["iran-support-lost"], model="mean")
    >>> c.summary().startswith("Under iran-support-lost, the largest change is on")
    True
    """
    from realpolitik.scenario.shocks import apply_shocks

    if not shocks:
        raise UnknownModelError("name at least one shock to compare against the baseline")
    shocked_scenario = apply_shocks(scenario, shocks)
    return Comparison(
        baseline=forecast(scenario, model, **options),
        shocked=forecast(shocked_scenario, model, **options),
        shocks=list(shocks),
    )


__all__ = [
    "BASELINES",
    "Comparison",
    "ForecastResult",
    "NonFiniteError",
    "Offer",
    "UnknownModelError",
    "check_finite",
    "conditioned",
    "compare",
    "forecast",
    "resolve_models",
    "stability",
]

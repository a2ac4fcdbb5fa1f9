"""Monte Carlo over input uncertainty: forecast quantiles, path probabilities, sensitivity.

Every run draws one consistent world of inputs (positions, saliences, capabilities and any
escalation cost given with a range), forecasts the scenario with the engine and, when a tree is
given, every outcome of the tree, and solves the tree. All runs go through the engine's batch
axis in chunks (memory stays bounded), locally or on Dask.

Uncertainty of one input
------------------------
In order of precedence, from the value's metadata in the scenario file (``.cite(field)``):

- ``range: [low, high]``: uniform on that interval (absolute units of the value);
- ``sd: x``: normal around the value with that standard deviation (absolute units);
- otherwise the scenario's ``uncertainty`` defaults: a position ±``position`` points, a
  salience and a capability ±``salience`` / ±``capability`` relative (uniform; 0.2 is ±20 %).

Draws are clipped to the value's domain: positions to [0, 100], saliences to [0, 1],
capabilities to ≥ 0. Costs of escalation outcomes are uncertain only where the file gives them a
``range`` or ``sd``.

One world per run
-----------------
The perturbation drawn for a base value is carried to every outcome's shocked copy of the
scenario: a position moves by the same number of points, a salience or capability by the same
factor (by the same amount where the base value is 0), so a value a shock sets gets the same
relative noise as the value it replaces. Every outcome of a run thus sees the same world.

Reproducibility
---------------
Run ``k`` draws its inputs from its own generator seeded with child ``k`` of
``numpy.random.SeedSequence(seed)`` (``SeedSequence(seed).spawn(n_runs)[k]``), in a fixed order;
the engine is deterministic and treats every batch element independently. The numbers depend on
``seed`` and ``n_runs`` only, never on the chunk size, the number of processes or Dask.

Sensitivity
-----------
Spearman's rank correlation between every uncertain input and every output (each issue's
forecast; each path's probability when a tree is given), over the runs; the inputs with the
largest ``|rho|`` move the output most.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from realpolitik._json import json_float as _json_float
from realpolitik._types import BoolArray, FloatArray, IntArray, SeedLike
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError
from realpolitik.scenario.model import EscalationTree, Meta, Scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.simulate.escalation import DEFAULT_LAMBDA, GameTree, solve_qre
from realpolitik.simulate.outcomes import (
    OutcomeArrays,
    headline_forecast,
    outcome_arrays,
    outcome_payoffs,
    path_label,
    shocked_tree,
)

Engine = Literal["local", "process", "dask"]
#: Quantile levels (percent) reported for every output.
DEFAULT_LEVELS: tuple[float, ...] = (5.0, 50.0, 95.0)
#: Engine states per chunk (runs × worlds); about where the EUM engine is fastest per state.
STATES_PER_CHUNK = 512
#: Inputs reported per output in the sensitivity ranking.
TOP_INPUTS = 10
#: Most runs of one study: every run's inputs and outputs are kept in memory (about 1 KB per
#: run for the built-in scenario's 130 inputs, 2-3 KB with a tree), and 10,000 runs already
#: pin the 5-95 % quantiles to a fraction of a point.
MAX_RUNS = 1_000_000
#: Fewest runs whose summaries are not flagged as unreliable. The rank correlation of two
#: independent inputs has a standard error of about 1/sqrt(n - 1) (its exact variance under
#: independence is 1/(n - 1); Kendall & Stuart), which exceeds 0.1 - the size of a weak
#: correlation - below 101 runs; there, too, the 5 % and 95 % quantiles rest on fewer than five
#: runs in each tail.
MIN_RELIABLE_RUNS = 101

POSITION, SALIENCE, CAPABILITY, COST = 0, 1, 2, 3
_KIND_NAMES = ("position", "salience", "capability", "cost")


@dataclass(frozen=True)
class InputSpec:
    """The uncertain inputs of a Monte Carlo run, one entry per input.

    Parameters
    ----------
    names : tuple of str
        Input paths, e.g. ``issues[escalation].positions.iran.position``.
    kind : ndarray of int
        0 position, 1 salience, 2 capability, 3 outcome cost.
    actor, index : ndarray of int
        The actor; and the issue (positions, saliences) or outcome (costs), -1 otherwise.
    value : ndarray
        The value in the file.
    normal : ndarray of bool
        Normal (``value + sd * z``) rather than uniform on ``[low, high]``.
    low, high, sd : ndarray
    floor, ceiling : ndarray
        The domain draws are clipped to.
    """

    names: tuple[str, ...]
    kind: IntArray
    actor: IntArray
    index: IntArray
    value: FloatArray
    normal: BoolArray
    low: FloatArray
    high: FloatArray
    sd: FloatArray
    floor: FloatArray
    ceiling: FloatArray

    @property
    def n_inputs(self) -> int:
        """Number of uncertain inputs."""
        return len(self.names)

    def draw(self, rngs: Sequence[np.random.Generator]) -> FloatArray:
        """One row of input values per generator (each draws ``n_inputs`` uniforms, then normals)."""
        n = self.n_inputs
        u = np.empty((len(rngs), n))
        z = np.empty((len(rngs), n))
        for r, rng in enumerate(rngs):
            u[r] = rng.random(n)
            z[r] = rng.standard_normal(n)
        x = np.where(self.normal, self.value + self.sd * z, self.low + (self.high - self.low) * u)
        return np.clip(x, self.floor, self.ceiling)


def input_spec(scenario: Scenario, tree: EscalationTree | None = None) -> InputSpec:
    """The uncertain inputs of ``scenario`` (and of ``tree``'s costs), with their distributions.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> spec = input_spec(load_scenario("syria-2020"))
    >>> spec.names[0], spec.names[-1]
    ('issues[assad].positions.russia.position', 'actors[germany].capability')
    >>> float(spec.low[0]), float(spec.high[0])  # Russia at 80 on Assad, default ±10 points
    (70.0, 90.0)
    """
    u = scenario.uncertainty
    rows: list[tuple[str, int, int, int, float, Meta, float, bool, float, float]] = []
    actors = scenario.actor_ids
    for j, issue in enumerate(scenario.issues):
        for i, actor in enumerate(actors):
            pos = issue.positions.get(actor)
            if pos is None:
                continue
            at = f"issues[{issue.id}].positions.{actor}"
            rows.append(
                (
                    f"{at}.position",
                    POSITION,
                    i,
                    j,
                    pos.position,
                    pos.cite("position"),
                    u.position,
                    False,
                    0.0,
                    100.0,
                )
            )
            rows.append(
                (
                    f"{at}.salience",
                    SALIENCE,
                    i,
                    j,
                    pos.salience,
                    pos.cite("salience"),
                    u.salience,
                    True,
                    0.0,
                    1.0,
                )
            )
    for i, a in enumerate(scenario.actors):
        rows.append(
            (
                f"actors[{a.id}].capability",
                CAPABILITY,
                i,
                -1,
                a.capability,
                a.cite("capability"),
                u.capability,
                True,
                0.0,
                math.inf,
            )
        )
    if tree is not None:
        at_actor = {a: i for i, a in enumerate(actors)}
        for k, out in enumerate(tree.outcomes):
            for actor, cost in out.costs.items():
                meta = out.cost_meta.get(actor)
                if meta is None or (meta.range is None and meta.sd is None):
                    continue
                rows.append(
                    (
                        f"escalation[{tree.id}].outcomes[{out.id}].costs.{actor}",
                        COST,
                        at_actor[actor],
                        k,
                        cost,
                        meta,
                        0.0,
                        False,
                        -math.inf,
                        math.inf,
                    )
                )
    n = len(rows)
    low, high, sd = np.zeros(n), np.zeros(n), np.zeros(n)
    normal = np.zeros(n, dtype=bool)
    for r, (_, _, _, _, value, meta, default, relative, _, _) in enumerate(rows):
        if meta.range is not None:
            low[r], high[r] = meta.range
        elif meta.sd is not None:
            normal[r], sd[r] = True, meta.sd
        else:
            half = default * abs(value) if relative else default
            low[r], high[r] = value - half, value + half
    return InputSpec(
        names=tuple(r[0] for r in rows),
        kind=np.array([r[1] for r in rows], dtype=np.int64),
        actor=np.array([r[2] for r in rows], dtype=np.int64),
        index=np.array([r[3] for r in rows], dtype=np.int64),
        value=np.array([r[4] for r in rows], dtype=np.float64),
        normal=normal,
        low=low,
        high=high,
        sd=sd,
        floor=np.array([r[8] for r in rows], dtype=np.float64),
        ceiling=np.array([r[9] for r in rows], dtype=np.float64),
    )


@dataclass(frozen=True)
class MonteCarloPlan:
    """Everything a chunk of runs needs, as plain arrays (what Dask ships to its workers).

    Parameters
    ----------
    arrays : OutcomeArrays
        The worlds (world 0 is the scenario; one more per distinct outcome of the tree).
    spec : InputSpec
    model : str
    options : dict
        Model options.
    game : GameTree or None
        The tree to solve in every run, if any.
    lam : float
    entropy : int
        The root seed's entropy; run ``k`` uses ``SeedSequence(entropy, spawn_key=(*spawn_key,
        k))``, i.e. ``SeedSequence(seed).spawn(n_runs)[k]``.
    spawn_key : tuple of int
    """

    arrays: OutcomeArrays
    spec: InputSpec
    model: str
    options: dict[str, Any]
    game: GameTree | None
    lam: float
    entropy: int | Sequence[int]
    spawn_key: tuple[int, ...]

    def generators(self, start: int, stop: int) -> list[np.random.Generator]:
        """The generators of runs ``start`` to ``stop - 1``."""
        return [
            np.random.default_rng(
                np.random.SeedSequence(self.entropy, spawn_key=(*self.spawn_key, k))
            )
            for k in range(start, stop)
        ]


def run_chunk(plan: MonteCarloPlan, start: int, stop: int) -> dict[str, np.ndarray]:
    """Run ``start`` to ``stop - 1`` of a plan; a pure function of its arguments.

    Returns
    -------
    dict of str to ndarray
        ``inputs`` (r, n_inputs), ``forecasts`` (r, n_issues); with a tree also
        ``paths`` (r, n_paths), ``outcomes`` (r, n_outcomes), ``payoffs`` (r, n_actors),
        ``choices`` (r, n_nodes, max_options), ``outcome_payoffs`` (r, n_outcomes, n_actors),
        ``node_values`` (r, n_nodes, n_actors) and ``world_forecasts`` (r, n_worlds, n_issues).
    """
    a, spec = plan.arrays, plan.spec
    x = spec.draw(plan.generators(start, stop))
    r = x.shape[0]
    n_actors, n_issues = len(a.actor_ids), len(a.issue_ids)
    pos_shift = np.zeros((r, n_actors, n_issues))
    sal_scale, sal_add = np.ones((r, n_actors, n_issues)), np.zeros((r, n_actors, n_issues))
    cap_scale, cap_add = np.ones((r, n_actors)), np.zeros((r, n_actors))
    costs = np.broadcast_to(a.costs, (r, *a.costs.shape)).copy()
    for kind in (POSITION, SALIENCE, CAPABILITY, COST):
        sel = spec.kind == kind
        if not sel.any():
            continue
        v, base = x[:, sel], spec.value[sel]
        act, idx = spec.actor[sel], spec.index[sel]
        if kind == POSITION:
            pos_shift[:, act, idx] = v - base
        elif kind == COST:
            costs[:, idx, act] += v - base
        else:
            pos = base > 0
            scale = np.where(pos, v / np.where(pos, base, 1.0), 1.0)
            add = np.where(pos, 0.0, v - base)
            if kind == SALIENCE:
                sal_scale[:, act, idx], sal_add[:, act, idx] = scale, add
            else:
                cap_scale[:, act], cap_add[:, act] = scale, add
    present = np.broadcast_to(a.present, (r, *a.present.shape))
    position = np.where(present, np.clip(a.position + pos_shift[:, None], 0.0, 100.0), 0.0)
    salience = np.where(
        present, np.clip(a.salience * sal_scale[:, None] + sal_add[:, None], 0, 1), 0
    )
    capability = np.maximum(a.capability * cap_scale[:, None] + cap_add[:, None], 0.0)
    n_worlds = a.n_worlds
    affinity = None
    if a.affinity is not None:
        affinity = np.broadcast_to(a.affinity, (r, *a.affinity.shape)).reshape(
            r * n_worlds, n_actors, n_actors
        )
    state = BargainingState(
        position=position.reshape(r * n_worlds, n_actors, n_issues),
        salience=salience.reshape(r * n_worlds, n_actors, n_issues),
        capability=capability.reshape(r * n_worlds, n_actors),
        present=np.ascontiguousarray(present).reshape(r * n_worlds, n_actors, n_issues),
        affinity=affinity,
    )
    _, f = headline_forecast(state, a.status_quo, plan.model, plan.options)
    forecasts = f.reshape(r, n_worlds, n_issues)
    out: dict[str, np.ndarray] = {"inputs": x, "forecasts": forecasts[:, 0]}
    if plan.game is not None:
        costs = costs + a.derived_costs()
        payoffs = outcome_payoffs(
            position[:, 0],
            salience[:, 0],
            present[:, 0],
            forecasts,
            a.outcome_world,
            costs,
            None if a.affinity is None else a.affinity[0],
        )
        qre = solve_qre(plan.game, payoffs, plan.lam)
        out["paths"] = qre.path_probabilities
        out["outcomes"] = qre.outcome_probabilities
        out["payoffs"] = qre.payoffs
        out["choices"] = qre.probabilities
        out["outcome_payoffs"] = payoffs
        out["node_values"] = qre.node_values
        out["world_forecasts"] = forecasts
    return out


def _chunks(n_runs: int, chunk_size: int) -> list[tuple[int, int]]:
    return [(s, min(s + chunk_size, n_runs)) for s in range(0, n_runs, chunk_size)]


def _store(
    merged: dict[str, np.ndarray], part: Mapping[str, np.ndarray], start: int, stop: int, n: int
) -> None:
    """Copy one chunk's results into rows ``start:stop`` of ``n``-run arrays (made on first use)."""
    for key, values in part.items():
        if key not in merged:
            merged[key] = np.empty((n, *values.shape[1:]), dtype=values.dtype)
        merged[key][start:stop] = values


def _quantile_dict(values: FloatArray, levels: Sequence[float]) -> dict[str, float | None]:
    q = np.quantile(values, np.asarray(levels) / 100.0, axis=0)
    return {_level(lv): _json_float(v) for lv, v in zip(levels, q, strict=True)}


def _level(level: float) -> str:
    return f"{level:g}"


def rank_correlation(x: FloatArray, y: FloatArray) -> FloatArray:
    """Spearman's rank correlation of every column of ``x`` with every column of ``y``.

    Ties get average ranks; a constant column gives NaN.

    Parameters
    ----------
    x : ndarray, shape (n, p)
    y : ndarray, shape (n, q)

    Returns
    -------
    ndarray, shape (p, q)

    Examples
    --------
    >>> x = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]])
    >>> y = np.array([[1.0], [4.0], [9.0], [3.0]])
    >>> rank_correlation(x, y).round(2)
    array([[0.4],
           [nan]])
    """
    from scipy.stats import rankdata  # here: importing scipy.stats costs 0.7 s at start-up

    def standardised(a: FloatArray) -> FloatArray:
        # Column by column: ranking a whole (n_runs, n_inputs) array at once needs several
        # temporaries of its size (6 times the inputs' memory), one column needs a few of n_runs.
        out = np.empty(a.shape, dtype=np.float64)
        for j in range(a.shape[1]):
            rk = rankdata(a[:, j])
            rk -= rk.mean()
            norm = math.sqrt(float(rk @ rk))
            out[:, j] = rk / norm if norm > 1e-12 else np.nan
        return out

    return np.clip(standardised(x).T @ standardised(y), -1.0, 1.0)


@dataclass(frozen=True)
class MonteCarloResult:
    """The runs of a Monte Carlo study and their summaries.

    Attributes
    ----------
    n_runs : int
    seed : int
        The root seed's entropy: ``run_montecarlo(..., seed=seed)`` gives the same numbers.
    model, forecast_name : str
    shocks : tuple of str
        Shocks applied to the scenario before the runs.
    levels : tuple of float
        Quantile levels, in percent.
    issue_ids, issue_titles, actor_ids : tuple of str
    input_names : tuple of str
    game : GameTree or None
    lam : float
    inputs_ : ndarray, shape (n_runs, n_inputs)
        The input values of every run.
    forecasts_ : ndarray, shape (n_runs, n_issues)
    paths_, outcomes_, payoffs_ : ndarray or None
        Path and outcome probabilities, and each actor's expected payoff, per run.
    choices_ : ndarray or None, shape (n_runs, n_nodes, max_options)
    outcome_payoffs_ : ndarray or None, shape (n_runs, n_outcomes, n_actors)
        Every actor's payoff at every outcome of the tree (costs subtracted), per run.
    """

    n_runs: int
    seed: int | list[int]
    model: str
    forecast_name: str
    shocks: tuple[str, ...]
    levels: tuple[float, ...]
    issue_ids: tuple[str, ...]
    issue_titles: tuple[str, ...]
    actor_ids: tuple[str, ...]
    input_names: tuple[str, ...]
    game: GameTree | None
    lam: float
    inputs_: FloatArray
    forecasts_: FloatArray
    paths_: FloatArray | None = None
    outcomes_: FloatArray | None = None
    payoffs_: FloatArray | None = None
    choices_: FloatArray | None = None
    outcome_payoffs_: FloatArray | None = None

    # --- outputs ------------------------------------------------------------------------------
    def path_labels(self) -> list[str]:
        """Labels of the tree's paths (options joined by arrows); empty without a tree."""
        if self.game is None:
            return []
        return [path_label(self.game, k) for k in range(self.game.n_paths)]

    def output_names(self) -> list[str]:
        """Names of the outputs the sensitivity ranks inputs for."""
        names = [f"forecast[{i}]" for i in self.issue_ids]
        return names + [f"path[{label}]" for label in self.path_labels()]

    def outputs(self) -> FloatArray:
        """The outputs of every run, shape (n_runs, n_outputs), in :meth:`output_names` order."""
        parts = [self.forecasts_]
        if self.paths_ is not None:
            parts.append(self.paths_)
        return np.concatenate(parts, axis=1)

    # --- summaries ----------------------------------------------------------------------------
    @property
    def warnings(self) -> list[str]:
        """Warnings about the summaries: empty from :data:`MIN_RELIABLE_RUNS` runs on.

        Examples
        --------
        >>> from realpolitik.scenario import load_scenario
        >>> r = run_montecarlo(load_scenario("syria-2020"), 10, seed=1, model="mean")
        >>> r.warnings[0].startswith("only 10 runs: the quantiles and sensitivities are unreliable")
        True
        """
        n = self.n_runs
        if n >= MIN_RELIABLE_RUNS:
            return []
        se = 1.0 / math.sqrt(n - 1) if n > 1 else math.inf
        se_text = f"{se:.3f}" if math.isfinite(se) else "undefined"
        return [
            f"only {n} run{'s' if n != 1 else ''}: the quantiles and sensitivities are unreliable "
            f"below {MIN_RELIABLE_RUNS} runs (a rank correlation between independent values has "
            f"a standard error of about 1/sqrt(n - 1) = {se_text}, above 0.1, and the 5 % and "
            "95 % quantiles rest on fewer than five runs in each tail); use -n 1000 or more"
        ]

    def quantiles_frame(self) -> pd.DataFrame:
        """Per issue: the forecast's mean and quantiles (columns ``"5"``, ``"50"``, ``"95"``)."""
        q = np.quantile(self.forecasts_, np.asarray(self.levels) / 100.0, axis=0)
        df = pd.DataFrame(
            q.T,
            index=pd.Index(self.issue_ids, name="issue"),
            columns=[_level(lv) for lv in self.levels],
        )
        df.insert(0, "mean", self.forecasts_.mean(axis=0))
        df.insert(0, "title", list(self.issue_titles))
        return df

    def paths_frame(self) -> pd.DataFrame:
        """Per path: the outcome, the mean probability and its quantiles over the runs."""
        if self.game is None or self.paths_ is None:
            return pd.DataFrame(columns=["path", "outcome", "probability"])
        q = np.quantile(self.paths_, np.asarray(self.levels) / 100.0, axis=0)
        df = pd.DataFrame(
            {
                "path": self.path_labels(),
                "outcome": [self.game.outcomes[p.outcome] for p in self.game.paths],
                "probability": self.paths_.mean(axis=0),
            }
        )
        for lv, row in zip(self.levels, q, strict=True):
            df[_level(lv)] = row
        return df

    def payoffs_frame(self) -> pd.DataFrame:
        """Per actor: the expected payoff of the tree, mean and quantiles over the runs."""
        if self.payoffs_ is None:
            return pd.DataFrame(columns=["actor", "mean"])
        with np.errstate(invalid="ignore"):
            q = np.quantile(self.payoffs_, np.asarray(self.levels) / 100.0, axis=0)
        df = pd.DataFrame({"mean": self.payoffs_.mean(axis=0)}, index=list(self.actor_ids))
        df.index.name = "actor"
        for lv, row in zip(self.levels, q, strict=True):
            df[_level(lv)] = row
        return df

    def outcome_payoffs_frame(self) -> pd.DataFrame:
        """Per outcome and actor: the payoff's mean and quantiles over the runs (long form).

        Columns ``outcome``, ``actor``, ``mean`` and one per quantile level.
        """
        if self.game is None or self.outcome_payoffs_ is None:
            return pd.DataFrame(columns=["outcome", "actor", "mean"])
        with np.errstate(invalid="ignore"):
            q = np.quantile(self.outcome_payoffs_, np.asarray(self.levels) / 100.0, axis=0)
        rows = []
        for k, outcome in enumerate(self.game.outcomes):
            for i, actor in enumerate(self.actor_ids):
                row: dict[str, Any] = {
                    "outcome": outcome,
                    "actor": actor,
                    "mean": float(self.outcome_payoffs_[:, k, i].mean()),
                }
                row.update({_level(lv): float(q[j, k, i]) for j, lv in enumerate(self.levels)})
                rows.append(row)
        return pd.DataFrame(rows)

    def choices_frame(self) -> pd.DataFrame:
        """Per node and option: the mean choice probability and its quantiles."""
        if self.game is None or self.choices_ is None:
            return pd.DataFrame(columns=["node", "actor", "option", "probability"])
        rows = []
        for i, node in enumerate(self.game.nodes):
            for j, label in enumerate(node.labels):
                p = self.choices_[:, i, j]
                row = {
                    "node": node.id,
                    "actor": self.game.actors[node.actor],
                    "option": label,
                    "probability": float(p.mean()),
                }
                row.update(_quantile_dict(p, self.levels))
                rows.append(row)
        return pd.DataFrame(rows)

    def sensitivity_frame(self, top: int | None = TOP_INPUTS) -> pd.DataFrame:
        """Spearman's rho of every input with every output, the largest ``|rho|`` first.

        Parameters
        ----------
        top : int or None
            Keep this many inputs per output (all when None). Constant inputs or outputs
            (rho undefined) are left out.

        Returns
        -------
        DataFrame
            Columns ``output``, ``input``, ``rho``; outputs in :meth:`output_names` order.
        """
        names = self.output_names()
        if self.n_runs < 3 or not self.input_names:
            return pd.DataFrame(columns=["output", "input", "rho"])
        rho = rank_correlation(self.inputs_, self.outputs())
        rows: list[tuple[str, str, float]] = []
        for q, out in enumerate(names):
            col = rho[:, q]
            ok = np.flatnonzero(np.isfinite(col))
            order = ok[np.argsort(-np.abs(col[ok]), kind="stable")]
            if top is not None:
                order = order[:top]
            rows.extend((out, self.input_names[k], float(col[k])) for k in order)
        return pd.DataFrame(rows, columns=["output", "input", "rho"])

    def runs_frame(self) -> pd.DataFrame:
        """One row per run: every output, each actor's payoff, then every input value."""
        data: dict[str, Any] = {"run": np.arange(self.n_runs)}
        for name, col in zip(self.output_names(), self.outputs().T, strict=True):
            data[name] = col
        if self.payoffs_ is not None:
            for k, actor in enumerate(self.actor_ids):
                data[f"payoff[{actor}]"] = self.payoffs_[:, k]
        for name, col in zip(self.input_names, self.inputs_.T, strict=True):
            data[name] = col
        return pd.DataFrame(data)

    def iter_runs_frames(self, rows: int) -> Iterator[pd.DataFrame]:
        """:meth:`runs_frame` in blocks of ``rows`` runs (what ``--out`` writes one at a time)."""
        for start in range(0, self.n_runs, rows):
            yield self._runs_block(start, min(start + rows, self.n_runs))

    def _runs_block(self, start: int, stop: int) -> pd.DataFrame:
        data: dict[str, Any] = {"run": np.arange(start, stop)}
        parts = [self.forecasts_[start:stop]]  # slices, not outputs(): no copy of every run
        if self.paths_ is not None:
            parts.append(self.paths_[start:stop])
        for name, col in zip(self.output_names(), np.concatenate(parts, axis=1).T, strict=True):
            data[name] = col
        if self.payoffs_ is not None:
            for k, actor in enumerate(self.actor_ids):
                data[f"payoff[{actor}]"] = self.payoffs_[start:stop, k]
        for name, col in zip(self.input_names, self.inputs_[start:stop].T, strict=True):
            data[name] = col
        return pd.DataFrame(data)

    def to_dict(self, top: int | None = TOP_INPUTS) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik montecarlo --format json``.

        ``{"n", "seed", "issues": [{"id", "quantiles": {"5", "50", "95"}, ...}],
        "sensitivity": [{"output", "input", "rho"}]}`` plus ``model``, ``forecast``, ``shocks``,
        ``warnings`` (see :attr:`warnings`; empty from :data:`MIN_RELIABLE_RUNS` runs)
        and, with a tree, ``tree``, ``lambda``, ``paths`` (each with its mean ``probability``
        and ``quantiles``), ``nodes`` (choice probabilities), ``outcomes`` (probability and
        every actor's payoff there) and ``payoffs`` (each actor's expected payoff).
        """
        qf = self.quantiles_frame()
        issues = [
            {
                "id": issue,
                "title": self.issue_titles[k],
                "mean": _json_float(qf["mean"].iloc[k]),
                "quantiles": {
                    _level(lv): _json_float(qf[_level(lv)].iloc[k]) for lv in self.levels
                },
            }
            for k, issue in enumerate(self.issue_ids)
        ]
        out: dict[str, Any] = {
            "n": self.n_runs,
            "seed": self.seed,
            "model": self.model,
            "forecast": self.forecast_name,
            "shocks": list(self.shocks),
            "warnings": self.warnings,
            "issues": issues,
        }
        if self.game is not None and self.paths_ is not None:
            game = self.game
            out["tree"] = game.name
            out["lambda"] = None if math.isinf(self.lam) else self.lam
            out["paths"] = [
                {
                    "steps": [
                        {"node": nid, "actor": game.actors[game.node(nid).actor], "option": lab}
                        for nid, lab in p.steps
                    ],
                    "label": path_label(game, k),
                    "outcome": game.outcomes[p.outcome],
                    "probability": float(self.paths_[:, k].mean()),
                    "quantiles": _quantile_dict(self.paths_[:, k], self.levels),
                }
                for k, p in enumerate(game.paths)
            ]
            assert self.choices_ is not None
            out["nodes"] = [
                {
                    "id": node.id,
                    "actor": game.actors[node.actor],
                    "choices": {
                        label: {
                            "probability": float(self.choices_[:, i, j].mean()),
                            "quantiles": _quantile_dict(self.choices_[:, i, j], self.levels),
                        }
                        for j, label in enumerate(node.labels)
                    },
                }
                for i, node in enumerate(game.nodes)
            ]
            assert self.outcomes_ is not None and self.outcome_payoffs_ is not None
            of = self.outcome_payoffs_frame().set_index(["outcome", "actor"])
            out["outcomes"] = [
                {
                    "id": outcome,
                    "probability": float(self.outcomes_[:, k].mean()),
                    "quantiles": _quantile_dict(self.outcomes_[:, k], self.levels),
                    "payoffs": {
                        actor: {
                            "mean": _json_float(of.loc[(outcome, actor), "mean"]),
                            "quantiles": {
                                _level(lv): _json_float(of.loc[(outcome, actor), _level(lv)])
                                for lv in self.levels
                            },
                        }
                        for actor in self.actor_ids
                    },
                }
                for k, outcome in enumerate(game.outcomes)
            ]
            pf = self.payoffs_frame()
            out["payoffs"] = {
                actor: {
                    "mean": _json_float(pf["mean"].iloc[k]),
                    "quantiles": {
                        _level(lv): _json_float(pf[_level(lv)].iloc[k]) for lv in self.levels
                    },
                }
                for k, actor in enumerate(self.actor_ids)
            }
        out["sensitivity"] = [
            {"output": r.output, "input": r.input, "rho": r.rho}
            for r in self.sensitivity_frame(top).itertuples()
        ]
        return out


def make_plan(
    scenario: Scenario,
    seed: SeedLike | None = None,
    shocks: Sequence[str] = (),
    tree: str | EscalationTree | None = None,
    model: str = HEADLINE_MODEL,
    lam: float = DEFAULT_LAMBDA,
    options: Mapping[str, Any] | None = None,
) -> tuple[MonteCarloPlan, Scenario]:
    """Prepare the runs: apply ``shocks``, build the worlds and the input distributions.

    Returns the plan and the (shocked) scenario it was built from.
    """
    t: EscalationTree | None
    game: GameTree | None
    if tree is not None:
        base, t, game = shocked_tree(scenario, tree, shocks)
        arrays = outcome_arrays(base, t, applied=shocks)
        solve_qre(game, np.zeros((game.n_outcomes, game.n_actors)), lam)  # checks lam early
    else:
        base = apply_shocks(scenario, shocks) if shocks else scenario
        arrays = _base_only(base)
        t, game = None, None
    root = _root_seed(seed)
    assert root.entropy is not None  # SeedSequence draws fresh entropy when given None
    plan = MonteCarloPlan(
        arrays=arrays,
        spec=input_spec(base, t),
        model=model,
        options=dict(options or {}),
        game=game,
        lam=float(lam),
        entropy=root.entropy,
        spawn_key=tuple(root.spawn_key),
    )
    return plan, base


def _base_only(scenario: Scenario) -> OutcomeArrays:
    from realpolitik.scenario.arrays import status_quo, to_state

    state, actors, issues = to_state(scenario)
    return OutcomeArrays(
        actor_ids=tuple(actors),
        issue_ids=tuple(issues),
        outcome_ids=(),
        world_shocks=((),),
        position=state.position[None],
        salience=state.salience[None],
        present=state.present[None],
        capability=state.capability[None],
        status_quo=status_quo(scenario),
        outcome_world=np.zeros(0, dtype=np.int64),
        costs=np.zeros((0, len(actors))),
        affinity=None if state.affinity is None else state.affinity[None],
    )


def _root_seed(seed: SeedLike | None) -> np.random.SeedSequence:
    if isinstance(seed, np.random.SeedSequence):
        return seed
    if isinstance(seed, np.random.Generator):
        raise InputError(
            "a Monte Carlo seed must be an integer or a SeedSequence (a Generator cannot be "
            "split reproducibly across runs); got a Generator"
        )
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise InputError(f"seed must be a non-negative integer or None; got {seed!r}")
    if seed is not None and seed < 0:
        raise InputError(f"seed must be a non-negative integer or None; got {seed}")
    return np.random.SeedSequence(None if seed is None else int(seed))


def check_runs(n_runs: object) -> int:
    """Return ``n_runs`` as an int if it is a valid number of runs (1 to :data:`MAX_RUNS`).

    Raises
    ------
    InputError
        Otherwise, saying what is allowed.

    Examples
    --------
    >>> check_runs(10_000)
    10000
    >>> check_runs(2_000_000)
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.InputError: at most 1,000,000 runs; got 2,000,000 (every run's ...
    """
    if isinstance(n_runs, bool) or not isinstance(n_runs, int | np.integer) or n_runs < 1:
        raise InputError(f"the number of runs must be an integer >= 1; got {n_runs!r}")
    if n_runs > MAX_RUNS:
        raise InputError(
            f"at most {MAX_RUNS:,} runs; got {int(n_runs):,} (every run's inputs and outputs "
            "are kept in memory, and 10,000 runs already pin the 5-95 % quantiles closely)"
        )
    return int(n_runs)


def run_montecarlo(
    scenario: Scenario,
    n_runs: int,
    seed: SeedLike | None = None,
    shocks: Sequence[str] = (),
    tree: str | EscalationTree | None = None,
    model: str = HEADLINE_MODEL,
    engine: Engine = "local",
    scheduler: Any = None,
    chunk_size: int | None = None,
    lam: float = DEFAULT_LAMBDA,
    options: Mapping[str, Any] | None = None,
    levels: Sequence[float] = DEFAULT_LEVELS,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> MonteCarloResult:
    """Run ``n_runs`` forecasts (and tree solutions) over uncertain inputs.

    Parameters
    ----------
    scenario : Scenario
    n_runs : int
        Number of runs, from 1 to :data:`MAX_RUNS` (1,000,000).
    seed : int or SeedSequence, optional
        The root seed; run ``k`` uses ``SeedSequence(seed).spawn(n_runs)[k]``. None draws fresh
        entropy (reported as :attr:`MonteCarloResult.seed`, which reproduces the runs).
    shocks : sequence of str
        Shocks applied to the scenario first; the runs perturb the shocked scenario.
    tree : str or EscalationTree, optional
        An escalation tree to solve in every run (path probabilities with intervals).
    model : str
        The forecasting model (its headline forecast is used).
    engine : {"local", "process", "dask"}
        Where the chunks run: this process, local worker processes, or Dask. Results do not
        depend on it.
    scheduler : str or distributed.Client, optional
        With ``engine="dask"``: the address of a running scheduler, or a Client; None starts
        a local cluster for the call.
    chunk_size : int, optional
        Runs per engine call (memory is bounded by it); by default about
        ``STATES_PER_CHUNK / n_worlds``. Results do not depend on it.
    lam : float
        The logit rationality parameter of the tree.
    options : mapping, optional
        Model options.
    levels : sequence of float
        Quantile levels in percent.
    progress : callable, optional
        Called as ``progress(runs_done, n_runs)`` after each chunk.
    workers : int, optional
        With ``engine="process"``: the number of worker processes (default: one per core).

    Returns
    -------
    MonteCarloResult

    Raises
    ------
    InputError
        For a bad ``n_runs``, ``chunk_size``, ``engine``, seed, tree, model or ``lam``, or a
        missing Dask install with ``engine="dask"``.
    ShockError
        For an unknown shock.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> res = run_montecarlo(load_scenario("syria-2020"), 200, seed=1, model="mean")
    >>> list(res.quantiles_frame().columns)
    ['title', 'mean', '5', '50', '95']
    >>> again = run_montecarlo(load_scenario("syria-2020"), 200, seed=1, model="mean",
    ...                        chunk_size=7)
    >>> bool((res.forecasts_ == again.forecasts_).all())
    True
    """
    n_runs = check_runs(n_runs)
    if engine not in ("local", "process", "dask"):
        raise InputError(f"engine must be 'local', 'process' or 'dask'; got {engine!r}")
    if workers is not None and engine != "process":
        raise InputError("workers are only used with engine 'process' (--engine process)")
    if scheduler is not None and engine != "dask":
        raise InputError("a scheduler is only used with engine 'dask' (--engine dask)")
    lv = tuple(float(x) for x in levels)
    if not lv or any(not 0 <= x <= 100 for x in lv):
        raise InputError(f"quantile levels must be percentages in [0, 100]; got {list(levels)}")
    plan, base = make_plan(scenario, seed, shocks, tree, model, lam, options)
    if chunk_size is None:
        chunk_size = max(1, STATES_PER_CHUNK // plan.arrays.n_worlds)
    if (
        isinstance(chunk_size, bool)
        or not isinstance(chunk_size, int | np.integer)
        or chunk_size < 1
    ):
        raise InputError(f"chunk_size must be an integer >= 1; got {chunk_size!r}")
    chunks = _chunks(n_runs, int(chunk_size))
    name = _forecast_name(plan)  # also checks the model and its options before any run
    if engine in ("dask", "process"):
        # Each chunk's results are stored as they arrive and then dropped (never all gathered).
        if engine == "dask":
            from realpolitik.simulate._dask import iter_chunks as dask_chunks

            parts = dask_chunks(run_chunk, plan, chunks, scheduler=scheduler)
        else:
            from realpolitik.simulate._local import check_workers, iter_chunks

            parts = iter_chunks(run_chunk, plan, chunks, workers=check_workers(workers))
        merged: dict[str, np.ndarray] = {}
        done = 0
        for index, part in parts:
            start, stop = chunks[index]
            _store(merged, part, start, stop, n_runs)
            done += stop - start
            if progress is not None:
                progress(done, n_runs)
    else:
        merged = {}
        done = 0
        for start, stop in chunks:
            # Each chunk's results go straight into the run arrays: the engine's memory is
            # bounded by the chunk size, the kept outputs by n_runs (no concatenated copy).
            _store(merged, run_chunk(plan, start, stop), start, stop, n_runs)
            done += stop - start
            if progress is not None:
                progress(done, n_runs)
    entropy = plan.entropy
    return MonteCarloResult(
        n_runs=n_runs,
        seed=int(entropy) if isinstance(entropy, int | np.integer) else [int(e) for e in entropy],
        model=model,
        forecast_name=name,
        shocks=tuple(shocks),
        levels=lv,
        issue_ids=plan.arrays.issue_ids,
        issue_titles=tuple(i.title for i in base.issues),
        actor_ids=plan.arrays.actor_ids,
        input_names=plan.spec.names,
        game=plan.game,
        lam=plan.lam,
        inputs_=merged["inputs"],
        forecasts_=merged["forecasts"],
        paths_=merged.get("paths"),
        outcomes_=merged.get("outcomes"),
        payoffs_=merged.get("payoffs"),
        choices_=merged.get("choices"),
        outcome_payoffs_=merged.get("outcome_payoffs"),
    )


def _forecast_name(plan: MonteCarloPlan) -> str:
    """The model's headline forecast name (from a run on the unperturbed scenario)."""
    name, _ = headline_forecast(
        plan.arrays.base_state(), plan.arrays.status_quo, plan.model, plan.options
    )
    return name


__all__ = [
    "DEFAULT_LEVELS",
    "MAX_RUNS",
    "MIN_RELIABLE_RUNS",
    "STATES_PER_CHUNK",
    "TOP_INPUTS",
    "InputSpec",
    "MonteCarloPlan",
    "MonteCarloResult",
    "input_spec",
    "make_plan",
    "check_runs",
    "rank_correlation",
    "run_chunk",
    "run_montecarlo",
]

"""Coalitions: per issue, which actors end up together, and how much weight they bring.

The rule (see ``docs/coalitions.md``), fixed before it was run on any scenario:

1. **Close.** Two actors are close on an issue when their final positions differ by at most
   :data:`CLOSENESS` = 10 points on the issue's 0–100 scale: the tolerance the backtest calls a
   hit ("within 10"). A coalition is *complete-linkage* close: **every pair** of its members is
   within 10 points, so a coalition never spans more than 10 points (single linkage would chain
   actors 40 points apart into one group through the actors in between).
2. **Not hostile.** No two members have a hostile relation: a declared relation with a negative
   weight. The scenario format requires the hostile types (rivalry, hostility, war) to carry a
   weight ≤ 0 and defaults them to −0.3, −0.6 and −1.0, so this is the same as "no rivalry,
   hostility or war between members" except for a file that types a relation as hostile and
   sets its weight to 0 (it says the rivalry does not weigh), or gives a neutral relation a
   negative weight (it says the two lean against each other). No positive tie is needed:
   actors with no declared relation can coalesce.
3. **Grouping.** Agglomerative complete-linkage clustering with cannot-link constraints
   (Davidson & Ravi 2005): start with every actor of the issue alone; repeatedly merge the two
   groups whose farthest pair of members is closest, among the merges that keep every pair
   within 10 points and bring no hostile pair together; stop when no merge is allowed. Ties
   go to the pair of groups whose lowest actor indices (file order) come first. The result is
   a partition: every actor of the issue is in exactly one coalition, possibly alone.

A coalition's **weight** is the sum of its members' capability × salience on the issue (the
weight every model gives an actor), its **share** that sum over the issue's total, and its
**position** the weight-weighted mean of its members' final positions.

References
----------
.. [1] I. Davidson and S. S. Ravi, "Agglomerative hierarchical clustering with constraints:
   theoretical and empirical results", PKDD 2005, LNCS 3721, pp. 59–70.
.. [2] G. N. Lance and W. T. Williams, "A general theory of classificatory sorting
   strategies: 1. Hierarchical systems", The Computer Journal 9(4), 1967 (the update
   d(A∪B, C) = max(d(A, C), d(B, C)) of complete linkage).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from realpolitik._json import json_float
from realpolitik._types import BoolArray, FloatArray, IntArray
from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.exceptions import InputError
from realpolitik.forecasting import ForecastResult, forecast
from realpolitik.scenario.arrays import to_state
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.shocks import apply_shocks

if TYPE_CHECKING:
    import pandas as pd

#: Rounding margin on the 10-point test, the backtest's (``analysis.backtest.WITHIN_TOL``): an
#: error of exactly 10 points counts as within 10 whatever the rounding noise.
WITHIN_TOL = 1e-9

#: Two actors are close when their final positions are at most this many points apart (0–100).
CLOSENESS = 10.0

#: The model whose final positions coalitions are read from unless told otherwise.
DEFAULT_MODEL = HEADLINE_MODEL


def relation_weights(scenario: Scenario) -> FloatArray:
    """The signed relation weights as a symmetric actor × actor matrix (0 where none is declared).

    Examples
    --------
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t", "actors": [
    ...     {"id": "a", "name": "A", "capability": 1}, {"id": "b", "name": "B", "capability": 1}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {"a": {"position": 0, "salience": 1}}}],
    ...     "relations": [{"between": ["a", "b"], "type": "rivalry"}]})
    >>> relation_weights(s).tolist()
    [[0.0, -0.3], [-0.3, 0.0]]
    """
    ids = scenario.actor_ids
    index = {a: k for k, a in enumerate(ids)}
    out = np.zeros((len(ids), len(ids)))
    for r in scenario.relations:
        i, j = index[r.between[0]], index[r.between[1]]
        out[i, j] = out[j, i] = r.weight
    return out


def group_coalitions(
    position: FloatArray,
    present: BoolArray,
    affinity: FloatArray,
    *,
    within: float = CLOSENESS,
) -> IntArray:
    """Group the actors of every issue into coalitions (the rule of the module docstring).

    Vectorised over issues: each step merges, on every issue at once, the closest pair of
    groups that may merge, with the complete-linkage update
    ``d(A ∪ B, C) = max(d(A, C), d(B, C))`` and the union of the cannot-links.

    Parameters
    ----------
    position : ndarray, shape (n_actors, n_issues)
        Final positions (0–100).
    present : ndarray of bool, shape (n_actors, n_issues)
        Whether the actor takes part in the issue; absent actors are in no coalition.
    affinity : ndarray, shape (n_actors, n_actors)
        Signed relation weights (0 where none); a negative entry on either side makes the pair
        hostile.
    within : float
        Largest distance (points) between any two members.

    Returns
    -------
    ndarray of int, shape (n_actors, n_issues)
        For each actor and issue the index of the lowest-indexed member of its coalition (so
        two actors share a coalition exactly when they share a label), −1 where absent.

    Examples
    --------
    Four actors on one issue at 20, 28, 35 and 38; ``c`` and ``d`` are rivals. The closest
    pair, ``b`` and ``c`` (7 apart), merge first; then ``a`` is 15 from ``c`` and ``d`` is the
    rival of ``c``, so both stay alone:

    >>> pos = np.array([[20.0], [28.0], [35.0], [38.0]])
    >>> rel = np.zeros((4, 4)); rel[2, 3] = rel[3, 2] = -0.3
    >>> group_coalitions(pos, np.ones((4, 1), bool), rel)[:, 0].tolist()
    [0, 1, 1, 3]
    """
    pos = np.asarray(position, dtype=np.float64)
    pres = np.asarray(present, dtype=bool)
    aff = np.asarray(affinity, dtype=np.float64)
    if pos.ndim != 2 or pres.shape != pos.shape:
        raise ValueError(
            f"position and present must have one shape (n_actors, n_issues); got {pos.shape} "
            f"and {pres.shape}"
        )
    n, m = pos.shape
    if aff.shape != (n, n):
        raise ValueError(f"affinity must have shape ({n}, {n}); got {aff.shape}")
    hostile = (aff < 0) | (aff.T < 0)
    # Issue-major arrays: dist[k, a, b] is the complete-linkage distance of groups a and b.
    x = pos.T
    dist = np.abs(x[:, :, None] - x[:, None, :])
    cannot = np.broadcast_to(hostile, (m, n, n)).copy()
    active = pres.T.copy()  # a group is alive at the index of its lowest member
    labels = np.where(active, np.arange(n)[None, :], -1)
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    limit = within + WITHIN_TOL
    issues = np.arange(m)
    for _ in range(max(n - 1, 0)):
        allowed = upper[None] & active[:, :, None] & active[:, None, :] & ~cannot & (dist <= limit)
        masked = np.where(allowed, dist, np.inf).reshape(m, n * n)
        best = masked.argmin(axis=1)  # first in row-major order: lowest (a, b) among ties
        go = np.isfinite(masked[issues, best])
        if not go.any():
            break
        k = issues[go]
        a, b = np.divmod(best[go], n)
        merged = np.maximum(dist[k, a, :], dist[k, b, :])
        dist[k, a, :] = merged
        dist[k, :, a] = merged
        linked = cannot[k, a, :] | cannot[k, b, :]
        cannot[k, a, :] = linked
        cannot[k, :, a] = linked
        active[k, b] = False
        moved = labels[k] == b[:, None]
        labels[k] = np.where(moved, a[:, None], labels[k])
    return labels.T.astype(np.int64)


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Coalition:
    """One coalition on one issue.

    Attributes
    ----------
    issue : str
    members : tuple of str
        Actor ids, heaviest first (ties in file order).
    weight : float
        Sum of the members' capability × salience on the issue.
    share : float
        ``weight`` over the total weight of the issue's actors (0–1; NaN when that total is 0).
    position : float
        Weight-weighted mean of the members' final positions.
    """

    issue: str
    members: tuple[str, ...]
    weight: float
    share: float
    position: float

    def to_dict(self) -> dict[str, Any]:
        """``{issue, members, weight, share, position}`` with plain values."""
        return {
            "issue": self.issue,
            "members": list(self.members),
            "weight": json_float(self.weight, 6),
            "share": json_float(self.share, 6),
            "position": json_float(self.position, 6),
        }


@dataclass(frozen=True)
class CoalitionResult:
    """The coalitions of every issue of a forecast.

    Attributes
    ----------
    model : str
        The model whose final positions were grouped.
    moved : bool
        False when that model moves no actor (``mean``, ``median``): the stated positions were
        grouped.
    within : float
        The closeness threshold used (points).
    coalitions : list of Coalition
        Issue by issue in file order, heaviest coalition first on each.
    positions : dict of (str, str) to float
        The final position of each (actor, issue) grouped.
    """

    model: str
    moved: bool
    within: float
    coalitions: list[Coalition]
    positions: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    def on(self, issue: str) -> list[Coalition]:
        """The coalitions on ``issue``, heaviest first."""
        return [c for c in self.coalitions if c.issue == issue]

    def of(self, actor: str, issue: str) -> Coalition | None:
        """The coalition ``actor`` is in on ``issue`` (None when it does not take part)."""
        return next((c for c in self.on(issue) if actor in c.members), None)

    def spread(self, issue: str) -> float:
        """Largest distance between two final positions on ``issue`` (points)."""
        xs = [x for (_, i), x in self.positions.items() if i == issue]
        return max(xs) - min(xs) if xs else 0.0

    def relations_only(self) -> list[str]:
        """The issues on which every actor ends within ``within`` points of every other.

        There closeness separates no one: the coalitions are set by the hostile relations alone
        and, where several partitions fit them, by the order of the actors in the file (see
        ``docs/coalitions.md``).
        """
        issues = list(dict.fromkeys(c.issue for c in self.coalitions))
        return [i for i in issues if self.spread(i) <= self.within + WITHIN_TOL]

    def to_dict(self) -> list[dict[str, Any]]:
        """The list printed under ``coalitions`` by ``forecast --format json``.

        Each item is ``{issue, members, weight, share, position, model}``.
        """
        return [c.to_dict() | {"model": self.model} for c in self.coalitions]

    def to_frame(self) -> pd.DataFrame:
        """One row per coalition (members as one comma-separated string), heaviest first.

        Examples
        --------
        >>> from realpolitik.scenario import load_scenario
        >>> res = find_coalitions(load_scenario("syria-2020"), model="mean")
        >>> list(res.to_frame().columns)
        ['issue', 'rank', 'members', 'size', 'weight', 'share', 'position']
        """
        rows = []
        rank = 0
        previous = None
        for c in self.coalitions:
            rank = rank + 1 if c.issue == previous else 1
            previous = c.issue
            rows.append(
                (c.issue, rank, ", ".join(c.members), len(c.members), c.weight, c.share, c.position)
            )
        import pandas as pd

        return pd.DataFrame(
            rows, columns=["issue", "rank", "members", "size", "weight", "share", "position"]
        )


def summarise(
    labels: IntArray,
    position: FloatArray,
    weight: FloatArray,
    actor_ids: Sequence[str],
    issue_ids: Sequence[str],
) -> list[Coalition]:
    """Turn the labels of :func:`group_coalitions` into :class:`Coalition` objects.

    On each issue the coalitions come heaviest first (ties: the one whose first member comes
    first in the file), and members heaviest first (ties in file order).
    """
    out: list[Coalition] = []
    for k, issue in enumerate(issue_ids):
        lab = labels[:, k]
        w = weight[:, k]
        total = float(w[lab >= 0].sum())
        groups = []
        for rep in np.unique(lab[lab >= 0]):
            members = np.flatnonzero(lab == rep)
            members = members[np.lexsort((members, -w[members]))]
            mw = w[members]
            cw = float(mw.sum())
            x = position[members, k]
            # Weights above 1 over a power of two near their largest: exact, so the mean is the
            # same bits as unscaled, but the products stay finite for capabilities near 1e308
            # (weights below 1, down to subnormal ones, are left as they are).
            top = np.frexp(mw.max())[1] if mw.size and cw > 0 else 0
            scale = np.ldexp(1.0, -max(int(top), 0))
            sw = mw * scale
            pos = float(sw @ x / sw.sum()) if cw > 0 else float(x.mean())
            share = cw / total if total > 0 else float("nan")
            groups.append((cw, int(rep), tuple(actor_ids[int(i)] for i in members), share, pos))
        groups.sort(key=lambda g: (-g[0], g[1]))
        out += [Coalition(issue, g[2], g[0], g[3], g[4]) for g in groups]
    return out


def coalitions(
    result: ForecastResult,
    model: str | None = None,
    *,
    within: float = CLOSENESS,
) -> CoalitionResult:
    """The coalitions of a :class:`~realpolitik.forecasting.ForecastResult`.

    Parameters
    ----------
    result : ForecastResult
    model : str, optional
        The model whose final positions are grouped; it must be among the result's runs. By
        default :data:`DEFAULT_MODEL` when it ran, else the first model run that moves actors,
        else the first model run (a model that moves no actor groups the stated positions).
    within : float
        The closeness threshold (points; default :data:`CLOSENESS`).

    Raises
    ------
    InputError
        When ``model`` is not among the result's runs, or ``within`` is negative.

    Examples
    --------
    >>> from realpolitik.forecasting import forecast
    >>> from realpolitik.scenario import parse_scenario
    >>> s = parse_scenario({"title": "t", "actors": [
    ...     {"id": "a", "name": "A", "capability": 1}, {"id": "b", "name": "B", "capability": 3},
    ...     {"id": "c", "name": "C", "capability": 2}],
    ...     "issues": [{"id": "x", "title": "X", "positions": {
    ...         "a": {"position": 0, "salience": 1}, "b": {"position": 8, "salience": 1},
    ...         "c": {"position": 90, "salience": 1}}}]})
    >>> [(c.members, c.share) for c in coalitions(forecast(s, model="mean")).on("x")]
    [(('b', 'a'), 0.6666666666666666), (('c',), 0.3333333333333333)]
    """
    if not within >= 0:
        raise InputError(f"the closeness threshold must be >= 0 points; got {within}")
    runs = result.runs
    if model is None:
        moving = [name for name, run in runs.items() if run.positions is not None]
        model = DEFAULT_MODEL if DEFAULT_MODEL in runs else (moving or list(runs))[0]
    if model not in runs:
        raise InputError(f"model {model!r} was not run for this forecast; run: {', '.join(runs)}")
    state, actor_ids, issue_ids = to_state(result.scenario)
    run = runs[model]
    moved = run.positions is not None
    position = np.asarray(run.positions if moved else state.position, dtype=np.float64)
    labels = group_coalitions(
        position, state.present, relation_weights(result.scenario), within=within
    )
    found = summarise(labels, position, state.weights(), actor_ids, issue_ids)
    final = {
        (a, issue): float(position[i, k])
        for i, a in enumerate(actor_ids)
        for k, issue in enumerate(issue_ids)
        if state.present[i, k]
    }
    return CoalitionResult(
        model=model, moved=moved, within=within, coalitions=found, positions=final
    )


def find_coalitions(
    scenario: Scenario,
    model: str = DEFAULT_MODEL,
    *,
    shocks: Sequence[str] = (),
    within: float = CLOSENESS,
    **options: Any,
) -> CoalitionResult:
    """Forecast ``scenario`` (after ``shocks``) with ``model`` and group its final positions.

    Parameters
    ----------
    scenario : Scenario
    model : str
        Any registered model (see :func:`realpolitik.engine.available_models`).
    shocks : list of str
        Shock ids applied in order before forecasting.
    within : float
        The closeness threshold (points).
    **options
        Passed to the model (``max_rounds``, ``tol``, ``variant``).

    Raises
    ------
    UnknownModelError
        For an unknown model (naming the known ones).
    ShockError
        For an unknown shock.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> res = find_coalitions(load_scenario("syria-2020"), model="median")
    >>> res.model, res.moved
    ('median', False)
    """
    if shocks:
        scenario = apply_shocks(scenario, list(shocks))
    result = forecast(scenario, model=model, **options)
    return coalitions(result, model, within=within)


__all__ = [
    "CLOSENESS",
    "DEFAULT_MODEL",
    "Coalition",
    "CoalitionResult",
    "coalitions",
    "find_coalitions",
    "group_coalitions",
    "relation_weights",
    "summarise",
]

"""Nash bargaining solution with the status quo as disagreement point."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.engine import BargainingState, get_model
from realpolitik.engine.nash import nash_bargaining
from realpolitik.exceptions import InputError


def nbs(pos, w, q, present=None):
    pos = np.asarray(pos, float)[:, None]
    pres = np.ones(pos.shape, bool) if present is None else np.asarray(present, bool)[:, None]
    return nash_bargaining(pos, np.asarray(w, float)[:, None], pres, np.array([float(q)]))[0]


# Gains over the status quo q with linear utilities: g_i(x) = |q - p_i| - |x - p_i|.
# q = 0, p = 60, 100: individually rational set [0, 100]; on [0, 60] both gains equal x (the
# product grows); on [60, 100] g = (120 - x, x).
#   weights 1, 1: d/dx [log(120 - x) + log x] = 0 at x = 60 -> 60.
#   weights 1, 3: -1/(120 - x) + 3/x = 0 -> x = 90.
# q = 0, p = 20, 50, 80, equal weights: the set is [0, 40] (actor at 20 gains nothing beyond 40);
#   on [20, 40]: -1/(40 - x) + 2/x = 0 -> x = 80/3.
@pytest.mark.parametrize(
    "pos, w, q, expected",
    [
        ([60, 100], [1, 1], 0, 60.0),
        ([60, 100], [1, 3], 0, 90.0),
        ([20, 50, 80], [1, 1, 1], 0, 80 / 3),
        ([40, 0], [1, 3], 100, 100 - 90.0),  # the mirror image of the second case
        ([20, 100], [1, 1], 50, 50.0),  # actors on both sides: only the status quo is agreed
        ([50, 90], [1, 1], 50, 50.0),  # an actor standing on the status quo blocks any move
        ([70], [2], 10, 70.0),  # alone: its ideal point
    ],
)
def test_nash_by_hand(pos, w, q, expected):
    assert nbs(pos, w, q) == pytest.approx(expected, abs=1e-9)


def test_actors_without_weight_do_not_bargain():
    # The actor at 0 has weight 0: it neither pulls nor vetoes.
    assert nbs([60, 100, 0], [1, 3, 0], 0) == pytest.approx(90.0, abs=1e-9)
    assert nbs([60, 100, 0], [1, 3, 1], 0) == pytest.approx(0.0, abs=1e-9)


def test_absent_actors_are_ignored():
    assert nbs([60, 100, 0], [1, 3, 5], 0, present=[True, True, False]) == pytest.approx(90.0)


def test_missing_status_quo_or_no_actor_gives_nan():
    pos = np.array([[60.0, 60.0], [100.0, 100.0]])
    w = np.ones((2, 2))
    out = nash_bargaining(pos, w, np.array([[True, False], [True, False]]), np.array([np.nan, 0.0]))
    assert np.isnan(out).all()


def test_batched_matches_single():
    rng = np.random.default_rng(5)
    pos, w = rng.uniform(0, 100, (4, 6, 3)), rng.uniform(0, 2, (4, 6, 3))
    q = rng.uniform(0, 100, (4, 3))
    pres = np.ones(pos.shape, bool)
    batch = nash_bargaining(pos, w, pres, q)
    for b in range(4):
        np.testing.assert_allclose(batch[b], nash_bargaining(pos[b], w[b], pres[b], q[b]))


def test_solution_maximises_the_nash_product():
    rng = np.random.default_rng(8)
    p = rng.uniform(60, 100, 5)  # everybody above the status quo: room to bargain
    w = rng.uniform(0.1, 2, 5)
    x = nbs(p, w, 30.0)
    grid = np.linspace(30, 100, 70001)
    gain = np.abs(30.0 - p)[:, None] - np.abs(grid[None, :] - p[:, None])
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where((gain >= 0).all(axis=0), (w[:, None] * np.log(gain)).sum(axis=0), -np.inf)
    assert x == pytest.approx(grid[np.argmax(value)], abs=2e-3)


def test_registered_model():
    state = BargainingState.from_arrays([[60.0, 10], [100, 20]], [[1, 1], [1, 1]], [1, 3])
    run = get_model("nash")(state, status_quo=np.array([0.0, np.nan]))
    np.testing.assert_allclose(run.forecasts["nash"], [90.0, np.nan])
    assert np.isnan(get_model("nash")(state).forecasts["nash"]).all()
    with pytest.raises(InputError, match=r"status quo values must lie in \[0, 100\]"):
        get_model("nash")(state, status_quo=np.array([150.0, 0.0]))
    # Options meant for other models are ignored.
    again = get_model("nash")(state, status_quo=np.array([0.0, np.nan]), max_rounds=3)
    np.testing.assert_allclose(again.forecasts["nash"], [90.0, np.nan])

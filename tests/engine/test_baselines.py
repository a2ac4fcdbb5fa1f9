from __future__ import annotations

import numpy as np
import pytest

from realpolitik.engine import BargainingState, weighted_mean, weighted_median


def state(pos, sal, cap, present=None):
    return BargainingState.from_arrays(
        np.array(pos, float)[:, None], np.array(sal, float)[:, None], cap, present
    )


def test_weighted_mean_by_hand():
    # weights cap*sal: 2*0.5=1, 1*1=1, 4*0.5=2 -> (10*1 + 40*1 + 90*2) / 4 = 57.5
    s = state([10, 40, 90], [0.5, 1, 0.5], [2, 1, 4])
    assert weighted_mean(s.position, s.weights(), s.present)[0] == pytest.approx(57.5)


def test_weighted_median_by_hand():
    # weights 1, 1, 2 (total 4, half 2): cumulative from below 1, 2 -> lower median 40;
    # from above 2 at 90 -> upper median 90; midpoint 65.
    s = state([10, 40, 90], [0.5, 1, 0.5], [2, 1, 4])
    assert weighted_median(s.position, s.weights(), s.present)[0] == pytest.approx(65.0)
    # a strict majority of weight at one position decides
    s = state([10, 40, 90], [1, 1, 1], [1, 1, 3])
    assert weighted_median(s.position, s.weights(), s.present)[0] == 90.0


def test_absent_actors_are_ignored():
    present = np.array([[True], [False], [True]])
    s = state([20, 99, 80], [1, 1, 1], [1, 100, 3], present)
    assert weighted_mean(s.position, s.weights(), s.present)[0] == pytest.approx(65.0)
    assert weighted_median(s.position, s.weights(), s.present)[0] == 80.0


def test_zero_weights_fall_back_to_equal_and_empty_is_nan():
    s = state([0, 60], [0, 0], [1, 1])
    assert weighted_mean(s.position, s.weights(), s.present)[0] == 30.0
    assert weighted_median(s.position, s.weights(), s.present)[0] == 30.0
    s = state([0, 60], [1, 1], [1, 1], np.zeros((2, 1), bool))
    assert np.isnan(weighted_mean(s.position, s.weights(), s.present)[0])
    assert np.isnan(weighted_median(s.position, s.weights(), s.present)[0])


def test_batch_axis_matches_one_by_one(global_seed):
    rng = np.random.default_rng(global_seed)
    pos = rng.uniform(0, 100, (5, 7, 3))
    w = rng.uniform(0, 1, (5, 7, 3))
    present = rng.random((5, 7, 3)) > 0.2
    mean = weighted_mean(pos, w, present)
    median = weighted_median(pos, w, present)
    for b in range(5):
        assert np.allclose(mean[b], weighted_mean(pos[b], w[b], present[b]), equal_nan=True)
        assert np.allclose(median[b], weighted_median(pos[b], w[b], present[b]), equal_nan=True)


def slow_median(pos, w):
    """Reference: the set of x where weight at or below >= half and at or above >= half."""
    order = sorted(zip(pos, w, strict=True))
    total = sum(w)
    candidates = [
        p
        for p, _ in order
        if sum(ww for pp, ww in order if pp <= p) >= total / 2 - 1e-9
        and sum(ww for pp, ww in order if pp >= p) >= total / 2 - 1e-9
    ]
    return (min(candidates) + max(candidates)) / 2


def test_weighted_median_against_slow_reference(global_seed):
    rng = np.random.default_rng(global_seed)
    for _ in range(200):
        n = rng.integers(1, 9)
        pos = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], n)
        w = rng.integers(1, 5, n).astype(float)
        got = weighted_median(pos[:, None], w[:, None], np.ones((n, 1), bool))[0]
        assert got == pytest.approx(slow_median(list(pos), list(w)))

"""Stokman's exchange model against a loop-by-loop reference."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.engine import BargainingState, get_model
from realpolitik.engine.exchange import exchange_positions


def _reference(pos, sal, cap):
    """Steps 1-4 of the module docstring, one exchange at a time with plain loops."""
    n, m = pos.shape
    w = cap[:, None] * sal
    out = [(w[:, k] * pos[:, k]).sum() / w[:, k].sum() for k in range(m)]
    cands = []
    for i in range(n):
        for j in range(n):
            for k in range(m):
                for q in range(m):
                    if i == j or k == q:
                        continue
                    side = lambda a, q: np.sign(pos[a, q] - out[q])  # noqa: E731
                    if side(i, k) * side(j, k) >= 0 or side(i, q) * side(j, q) >= 0:
                        continue
                    if sal[i, k] * sal[j, q] <= sal[i, q] * sal[j, k]:
                        continue
                    a_jk = w[j, k] / w[:, k].sum()
                    a_il = w[i, q] / w[:, q].sum()
                    rate = (sal[i, k] + sal[j, k]) / (sal[i, q] + sal[j, q])
                    d_ok = min(
                        a_jk * abs(pos[j, k] - out[k]), a_il * abs(pos[i, q] - out[q]) / rate
                    )
                    gain = sal[i, k] * d_ok - sal[i, q] * d_ok * rate
                    if gain > 1e-12:
                        cands.append((-gain, (i, j, k, q), d_ok / a_jk, d_ok * rate / a_il))
    cands.sort(key=lambda c: c[0])  # stable: ties keep the (i, j, k, q) order
    new = pos.copy()
    used = set()
    for _, (i, j, k, q), mjk, mil in cands:
        if (j, k) in used or (i, q) in used:
            continue
        new[j, k] += np.sign(out[k] - pos[j, k]) * mjk
        new[i, q] += np.sign(out[q] - pos[i, q]) * mil
        used |= {(j, k), (i, q)}
    return new


@pytest.mark.parametrize("seed", range(6))
def test_exchange_matches_reference(seed):
    rng = np.random.default_rng(seed)
    n, m = 6, 3
    pos = rng.integers(0, 101, (n, m)).astype(float)
    sal = rng.uniform(0.05, 1.0, (n, m))
    cap = rng.uniform(0.5, 3.0, n)
    fast = exchange_positions(pos, sal, cap, np.ones((n, m), bool))
    np.testing.assert_allclose(fast, _reference(pos, sal, cap), atol=1e-9)


def test_exchange_gains_are_equal_and_positive():
    # The doctest's case: each actor gains s_ik ΔO_k - s_il ΔO_l = 0.9 * 9 - 0.1 * 9 = 7.2.
    pos = np.array([[0.0, 0.0], [100.0, 100.0]])
    sal = np.array([[0.9, 0.1], [0.1, 0.9]])
    state = BargainingState.from_arrays(pos, sal, [1.0, 1.0])
    forecast = get_model("exchange")(state).forecasts["exchange"]
    # After the trade A = (0, 90), B = (10, 100): outcomes (0.9*0 + 0.1*10, 0.1*90 + 0.9*100).
    np.testing.assert_allclose(forecast, [1.0, 99.0])


def test_groups_keep_issues_apart():
    pos = np.array([[0.0, 0.0], [100.0, 100.0]])
    sal = np.array([[0.9, 0.1], [0.1, 0.9]])
    state = BargainingState.from_arrays(pos, sal, [1.0, 1.0])
    apart = get_model("exchange")(state, groups=("a", "b")).forecasts["exchange"]
    np.testing.assert_allclose(apart, [10.0, 90.0])  # no trade: the plain compromise

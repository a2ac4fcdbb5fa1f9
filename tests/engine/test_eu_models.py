"""EU models: hand cases, slow brute-force twins, and the DEU III runs."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from realpolitik.engine import BargainingState, get_model
from realpolitik.engine.eu_models import EuRules, nash_achen, procedural
from realpolitik.exceptions import InputError
from realpolitik.forecasting import BASELINES, resolve_models

REPO = Path(__file__).resolve().parents[2]
DEU3 = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared")) / "data/deu/deu3.csv"


def _rules(member, weight, threshold, count=0.0, cod=False, com=0, ep=1):
    member = np.asarray(member, bool)
    m = member.shape[1]
    return EuRules(
        commission=com,
        parliament=ep,
        member=member,
        council_weight=np.asarray(weight, float),
        vote_threshold=np.full(m, threshold),
        count_threshold=np.full(m, count),
        codecision=np.full(m, cod),
    )


def _procedural_brute(pos, member, weight, threshold, count, cod, q):
    """Scan outcomes on a 0.01 grid: the Commission's nearest point that the pivots accept."""
    grid = np.round(np.arange(0, 100.001, 0.01), 2)
    com = pos[0]
    ok = []
    for x in grid:
        better = [abs(x - p) < abs(q - p) for p in pos]
        w = sum(wt for b, wt, mb in zip(better, weight, member, strict=True) if mb and b)
        c = sum(1 for b, mb in zip(better, member, strict=True) if mb and b)
        qm = w >= threshold * sum(wt for wt, mb in zip(weight, member, strict=True) if mb) - 1e-9
        qm = qm and c >= count * sum(member) - 1e-9
        if (qm and (not cod or better[1])) or x == q:
            ok.append(x)
    ok = np.array(ok)
    return float(ok[np.argmin(np.abs(ok - com) + 1e-9 * np.abs(ok - q))])


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("cod", [False, True])
def test_procedural_matches_brute_force(seed, cod):
    rng = np.random.default_rng(seed)
    n = 7
    pos = rng.integers(0, 101, n).astype(float)
    q = float(rng.integers(0, 101))
    member = np.array([False, False] + [True] * (n - 2))
    weight = np.where(member, rng.integers(1, 10, n), 0).astype(float)
    threshold = 0.7
    rules = _rules(member[:, None], weight[:, None], threshold, cod=cod)
    ones = np.ones((n, 1))
    fast = procedural(pos[:, None], ones, ones.astype(bool), np.array([q]), rules)[0]
    slow = _procedural_brute(pos, member, weight, threshold, 0.0, cod, q)
    assert fast == pytest.approx(slow, abs=0.02)


def test_procedural_unanimity_blocks_moves_across_the_status_quo():
    # One member on the other side of the status quo: under unanimity nothing moves.
    pos = np.array([[90.0], [90.0], [80.0], [70.0], [20.0]])
    member = np.array([[False], [False], [True], [True], [True]])
    rules = _rules(member, member.astype(float), 1.0)
    ones = np.ones((5, 1))
    assert procedural(pos, ones, ones.astype(bool), np.array([40.0]), rules).tolist() == [40.0]


def _nash_achen_brute(pos, w):
    grid = np.arange(0, 100.0001, 0.001)
    span = np.maximum(pos, 100 - pos) + 1
    obj = (w[:, None] * np.log(1 - ((grid[None] - pos[:, None]) / span[:, None]) ** 2)).sum(0)
    return grid[np.argmax(obj)]


@pytest.mark.parametrize("seed", range(6))
def test_nash_achen_matches_grid_search(seed):
    rng = np.random.default_rng(seed)
    pos = rng.integers(0, 101, 6).astype(float)
    w = rng.uniform(0.1, 3, 6)
    fast = nash_achen(pos[:, None], w[:, None], np.ones((6, 1), bool))[0]
    assert fast == pytest.approx(_nash_achen_brute(pos, w), abs=2e-3)


def test_nash_achen_does_not_collapse_onto_the_status_quo():
    state = BargainingState.from_arrays([[20.0], [100.0]], [[1.0], [1.0]], [1.0, 1.0])
    nash = get_model("nash")(state, status_quo=np.array([50.0])).forecasts["nash"]
    achen = get_model("nash-achen")(state, status_quo=np.array([50.0])).forecasts["nash-achen"]
    assert nash.tolist() == [50.0]  # linear utilities: both sides of 50 block every move
    assert 20.0 < achen[0] < 100.0 and achen[0] != 50.0  # between the two, not the status quo


def test_eu_models_need_deu_data():
    state = BargainingState.from_arrays([[20.0], [80.0]], [[1.0], [1.0]], [1.0, 1.0])
    with pytest.raises(InputError, match="backtest deu3.csv --model procedural"):
        get_model("procedural")(state)


def test_new_models_do_not_change_default_forecasts():
    assert resolve_models(None) == [*BASELINES, "eum", "eum-rel", "nash"]


@pytest.fixture(scope="module")
def deu():
    from realpolitik.scenario.deu import load_deu

    if not DEU3.exists():
        pytest.skip(f"{DEU3} is missing")
    d = load_deu(DEU3)
    return d.select(np.isfinite(d.outcome))


def test_eu_models_run_on_every_deu_issue(deu):
    from realpolitik.scenario.deu import eu_rules

    rules = eu_rules(deu)
    groups = tuple(deu.proposal_ids)
    for name, opts in (
        ("compromise-eu", {"eu": rules}),
        ("procedural", {"eu": rules}),
        ("nash-achen", {}),
        ("exchange", {"groups": groups}),
    ):
        fn = get_model(name)
        a = fn(deu.state, status_quo=deu.reference_point, **opts).forecasts
        b = fn(deu.state, status_quo=deu.reference_point, **opts).forecasts
        for key, v in a.items():
            assert v.shape == (353,) and np.isfinite(v).all(), key
            assert ((v >= 0) & (v <= 100)).all(), key
            np.testing.assert_array_equal(v, b[key])

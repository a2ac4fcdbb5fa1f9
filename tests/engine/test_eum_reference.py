"""The vectorised EUM equals the loop-based reference, round by round."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.engine import BargainingState
from realpolitik.engine._reference import run_eum_reference
from realpolitik.engine.eum import run_eum
from realpolitik.scenario import load_scenario, to_state
from realpolitik.scenario.deu import load_deu


def assert_same_run(fast, slow):
    assert fast.n_rounds == slow.n_rounds
    assert fast.converged == slow.converged
    np.testing.assert_allclose(fast.rounds, slow.rounds, rtol=0, atol=1e-7)
    np.testing.assert_array_equal(fast.offer_kind, slow.offer_kind)
    np.testing.assert_array_equal(fast.offer_from, slow.offer_from)
    for name in ("eum", "eum-mean"):
        np.testing.assert_allclose(fast.forecasts[name], slow.forecasts[name], atol=1e-7)


@st.composite
def states(draw):
    n = draw(st.integers(1, 7))
    m = draw(st.integers(1, 2))
    grid = draw(st.booleans())
    if grid:  # ties, binary issues, shared positions
        pos = st.sampled_from([0.0, 25.0, 50.0, 100.0])
    else:
        pos = st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 2))
    sal = st.sampled_from([0.0, 0.1, 0.5, 0.8, 1.0]) | st.floats(0, 1)
    cap = st.sampled_from([0.0, 1.0, 2.0]) | st.floats(0, 10)
    position = np.array(draw(st.lists(pos, min_size=n * m, max_size=n * m))).reshape(n, m)
    salience = np.array(draw(st.lists(sal, min_size=n * m, max_size=n * m))).reshape(n, m)
    capability = np.array(draw(st.lists(cap, min_size=n, max_size=n)))
    present = np.array(
        draw(st.lists(st.booleans() | st.just(True), min_size=n * m, max_size=n * m))
    ).reshape(n, m)
    return BargainingState.from_arrays(position, salience, capability, present)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(state=states(), variant=st.sampled_from(["bdm", "scholz2011"]))
def test_fast_equals_reference_on_random_cases(state, variant):
    fast = run_eum(state, variant=variant, max_rounds=6)
    slow = run_eum_reference(state, variant=variant, max_rounds=6)
    assert_same_run(fast, slow)
    assert fast.rounds.min() >= 0 and fast.rounds.max() <= 100


@pytest.mark.parametrize(
    "path",
    [
        "eum/ec-emissions-1994.csv",
        "eum/sultan-oil.csv",
        "eum/OIL_PREANA.csv",
        "eum/Iranian_Election.csv",
        "eum/WW1_BDM.csv",
        "ktab/SOE-Pol-Comp.csv",
        "ktab/dummyData_3Dim.csv",
    ],
)
@pytest.mark.parametrize("variant", ["bdm", "scholz2011"])
def test_fast_equals_reference_on_shipped_examples(data_dir, path, variant):
    state, _, _ = to_state(load_scenario(data_dir / path))
    assert_same_run(
        run_eum(state, variant=variant, max_rounds=10),
        run_eum_reference(state, variant=variant, max_rounds=10),
    )


@pytest.mark.parametrize("variant", ["bdm", "scholz2011"])
def test_fast_equals_reference_on_deu_issues(data_dir, variant):
    data = load_deu(data_dir / "deu" / "deu3.csv")
    every_40th = data.select(np.arange(data.n_issues) % 40 == 0)  # 10 issues, binary ones too
    assert_same_run(
        run_eum(every_40th.state, variant=variant, max_rounds=5),
        run_eum_reference(every_40th.state, variant=variant, max_rounds=5),
    )


def test_mirrored_scale_mirrors_the_bdm_run():
    # bdm treats both ends of the scale alike: x -> 100 - x mirrors every round.
    rng = np.random.default_rng(11)
    pos = rng.uniform(0, 100, (8, 3)).round(1)
    sal, cap = rng.uniform(0.1, 1, (8, 3)), rng.uniform(0.1, 2, 8)
    a = run_eum(BargainingState.from_arrays(pos, sal, cap), max_rounds=6)
    b = run_eum(BargainingState.from_arrays(100 - pos, sal, cap), max_rounds=6)
    np.testing.assert_allclose(b.rounds, 100 - a.rounds, atol=1e-8)
    np.testing.assert_array_equal(a.offer_kind, b.offer_kind)

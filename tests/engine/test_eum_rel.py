"""eum-rel: relations in the votes, convergence, damping; the fast engine equals its loop twin."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.engine import BargainingState, get_model
from realpolitik.engine._reference import run_eum_reference
from realpolitik.engine.affinity import affinity
from realpolitik.engine.eum import AFFINITY_WEIGHT, REL_TIE, run_eum
from realpolitik.scenario import load_scenario, to_state

REL = dict(
    affinity_weight=AFFINITY_WEIGHT, damp=True, tie=REL_TIE, names=("eum-rel", "eum-rel-mean")
)


def assert_same_run(fast, slow):
    assert fast.n_rounds == slow.n_rounds
    assert fast.converged == slow.converged
    np.testing.assert_allclose(fast.rounds, slow.rounds, rtol=0, atol=1e-7)
    np.testing.assert_array_equal(fast.offer_kind, slow.offer_kind)
    np.testing.assert_array_equal(fast.offer_from, slow.offer_from)
    for name in fast.forecasts:
        np.testing.assert_allclose(fast.forecasts[name], slow.forecasts[name], atol=1e-7)


@st.composite
def related_states(draw):
    n = draw(st.integers(2, 6))
    m = draw(st.integers(1, 2))
    pos = st.sampled_from([0.0, 25.0, 50.0, 100.0]) | st.floats(0, 100).map(lambda v: round(v, 1))
    position = np.array(draw(st.lists(pos, min_size=n * m, max_size=n * m))).reshape(n, m)
    salience = np.array(
        draw(st.lists(st.sampled_from([0.1, 0.5, 1.0]), min_size=n * m, max_size=n * m))
    ).reshape(n, m)
    capability = np.array(draw(st.lists(st.floats(0.5, 10), min_size=n, max_size=n)))
    w = np.array(
        draw(
            st.lists(
                st.sampled_from([-1.0, -0.6, 0.0, 0.3, 0.6, 1.0]), min_size=n * n, max_size=n * n
            )
        )
    ).reshape(n, n)
    w = np.triu(w, 1)
    w = w + w.T
    c = np.array(draw(st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=n * n, max_size=n * n)))
    c = c.reshape(n, n) * (w > 0)
    return BargainingState.from_arrays(position, salience, capability, affinity=affinity(w, c))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(state=related_states())
def test_fast_equals_reference_with_relations(state):
    fast = run_eum(state, max_rounds=8, **REL)
    slow = run_eum_reference(state, max_rounds=8, **REL)
    assert_same_run(fast, slow)


def test_fast_equals_reference_on_the_built_in_scenario():
    state, _, _ = to_state(load_scenario("syria-2020"))
    assert_same_run(
        run_eum(state, max_rounds=30, **REL), run_eum_reference(state, max_rounds=30, **REL)
    )


def test_without_relations_eum_rel_votes_as_eum():
    """No relation: the leaning term vanishes and round 1 is EUM's round 1."""
    state, _, _ = to_state(load_scenario("syria-2020"))
    bare = BargainingState.from_arrays(state.position, state.salience, state.capability)
    rel = get_model("eum-rel")(bare, max_rounds=1)
    plain = run_eum(bare, max_rounds=1)
    np.testing.assert_allclose(rel.rounds, plain.rounds, atol=1e-9)


def test_a_friend_of_the_challenger_tips_the_contest():
    """Hand-worked: a voter at the midpoint backs whichever side it is friends with.

    Actors a (at 0) and b (at 100), equal weight 1; voter k at 50 with weight 1. Without
    relations k's votes cancel and P(a, b) = 1/2. With k allied to a (A_ka = 1, A_kb = 0) and
    θ = 1/2, k's vote for a is 1 · (0.5 − 0.5 + 0.5 · (1 − 0)) = 0.5, so the positive votes for a
    are a's own 1 + 0.5 and for b 1: P(a, b) = 1.5 / 2.5 = 0.6.
    """
    from realpolitik.engine.eum.votes import _leaning_votes

    x = np.array([0.0, 100.0, 50.0])
    w = np.ones(3)
    d = np.abs(x[:, None] - x[None, :]) / 100.0
    g = (w[:, None] * d)[None]
    a = np.zeros((3, 3))
    a[2, 0] = 1.0
    lean = (AFFINITY_WEIGHT * w[:, None] * a)[None]
    n = _leaning_votes(g, lean)[0]
    assert n[0, 1] / (n[0, 1] + n[1, 0]) == pytest.approx(0.6)
    n0 = _leaning_votes(g, np.zeros_like(lean))[0]
    assert n0[0, 1] / (n0[0, 1] + n0[1, 0]) == pytest.approx(0.5)


def test_two_round_cycles_are_damped_and_the_run_converges():
    """On the built-in scenario the relational votes make two issues cycle for ever without
    damping (every position back where it was two rounds before, still moving); damped, every
    issue converges."""
    state, _, issues = to_state(load_scenario("syria-2020"))
    wild = run_eum(state, max_rounds=100, affinity_weight=AFFINITY_WEIGHT, tie=REL_TIE)
    stuck = ~wild.info["converged_per_issue"]
    assert stuck.sum() >= 1
    last, two_back = wild.rounds[-1], wild.rounds[-3]
    np.testing.assert_allclose(last[:, stuck], two_back[:, stuck], atol=1e-6)
    assert np.abs(wild.rounds[-1][:, stuck] - wild.rounds[-2][:, stuck]).max() > 1.0
    rel = get_model("eum-rel")(state)
    assert rel.converged
    assert rel.info["damped_per_issue"][stuck].min() >= 1


def test_eum_is_unchanged_by_relations():
    """The old model ignores affinity: old results reproduce."""
    state, _, _ = to_state(load_scenario("syria-2020"))
    bare = BargainingState.from_arrays(state.position, state.salience, state.capability)
    a = get_model("eum")(state)
    b = get_model("eum")(bare)
    np.testing.assert_array_equal(a.rounds, b.rounds)


@pytest.mark.parametrize("form", ["bdm", "ktab"])
def test_a_conversion_does_not_change_the_forecast(tmp_path, form):
    """syria-2020 written as a table and read back (positions rescaled to the column's lowest
    and highest values for the Bueno de Mesquita form) forecasts the same on the original scale.
    Without the tie tolerance it did not: on the escalation issue a tie between two equally long
    confrontations fell the other way after rescaling (42.5 against 30.0)."""
    from typer.testing import CliRunner

    from realpolitik.cli import app
    from realpolitik.forecasting import forecast

    out = tmp_path / "syria.csv"
    r = CliRunner().invoke(app, ["convert", "syria-2020", str(out), "--form", form])
    assert r.exit_code == 0, r.output
    yaml_side = load_scenario("syria-2020")
    yaml_side.relations = []  # a table keeps no relations
    table = load_scenario(out)
    want = forecast(yaml_side, model="eum-rel").forecasts["eum-rel"]
    got = forecast(table, model="eum-rel").forecasts["eum-rel"]
    for k, issue in enumerate(table.issues):
        lo, hi = issue.scale if issue.scale is not None else (0.0, 100.0)
        assert lo + (hi - lo) * got[k] / 100 == pytest.approx(want[k], abs=1e-9)

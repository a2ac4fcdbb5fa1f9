"""The expected utility model: hand-worked cases, the published rounds, totality, options."""

from __future__ import annotations

import math

import numpy as np
import pytest

from realpolitik.engine import BargainingState, get_model
from realpolitik.engine.eum import (
    CAPITULATION,
    COMPROMISE,
    CONFRONTATION,
    NONE,
    run_eum,
)
from realpolitik.exceptions import InputError

SQRT2 = math.sqrt(2.0)


def one_issue(pos, sal, cap, present=None) -> BargainingState:
    pres = None if present is None else np.asarray(present, bool)[:, None]
    return BargainingState.from_arrays(
        np.asarray(pos, float)[:, None], np.asarray(sal, float)[:, None], cap, pres
    )


# --- Two actors, worked by hand -------------------------------------------------------------
# A at 0 (salience 0.5), B at 100 (salience 0.8), capabilities 1. Range 100, so d(A, B) = 1 and
# every distance power is 0 or 1 whatever the risk exponent.
# Votes on (0 vs 100): A casts +0.5, B casts -0.8.
#   bdm:     P(A beats B) = 0.5 / 1.3 = 5/13, P(B beats A) = 8/13.
#   scholz:  denominator = sum over voters and ordered pairs of |votes| = 2*0.5 + 2*0.8 = 2.6,
#            P(A beats B) = 5/26, P(B beats A) = 8/26.
# Danger (r = 1, d = 1): EU_b(a challenges b) = 2 (1 - 2 s_b (1 - P(a, b))).
#   bdm: D_A = 2 (1 - 2*0.5*(5/13)) = 16/13, D_B = 2 (1 - 1.6*(8/13)) = 0.4/13.
#   So R_A = +1 -> r_A = (2/3)/(4/3) = 1/2 and R_B = -1 -> r_B = 2 (same order for scholz:
#   D_A = 8/13 > D_B = -0.585).
# Offers, d = 1: U_s = 2, U_f = -2, U_sq = 2 - 4 * 0.5**r (A: 2 - 2*sqrt2, B: 1).
#   EU = s_t (4P - 2) + 2 (1 - s_t) - U_sq.
#   A receives from B (bdm): EU_A(A->B) = 0.8(20/13 - 2) + 0.4 - U_sq(A) = -0.369 + 0.4 + 0.828
#   = 0.859; EU_A(B->A) = 0.5(32/13 - 2) + 1 + 0.828 = 2.059 > 0.859 > 0: confrontation, A
#   moves to 100. B receives from A: EU_B(B->A) = 0.5(32/13 - 2) + 1 - 1 = 0.231 > 0 but
#   EU_B(A->B) = 0.8(20/13 - 2) + 0.4 - 1 = -0.969 < 0: no offer, B stays.
#   scholz: EU_A(A->B) = 0.8(20/26 - 2) + 1.228 = 0.244, EU_A(B->A) = 0.5(32/26 - 2) + 1.828
#   = 1.444: confrontation too; B again receives nothing.
# Round 2: both at 100, no offers, nothing moves: converged after 2 rounds.


@pytest.mark.parametrize("variant", ["bdm", "scholz2011"])
def test_two_actors_binary_issue_by_hand(variant):
    run = run_eum(one_issue([0, 100], [0.5, 0.8], [1, 1]), variant=variant)
    assert run.rounds[:, :, 0].tolist() == [[0, 100], [100, 100], [100, 100]]
    assert run.offer_kind[:, :, 0].tolist() == [[CONFRONTATION, NONE], [NONE, NONE]]
    assert run.offer_from[:, :, 0].tolist() == [[1, -1], [-1, -1]]
    assert run.n_rounds == 2 and run.converged
    assert run.forecasts["eum"].tolist() == [100.0]


# --- Three actors, worked by hand (bdm) ---------------------------------------------------------
# A at 0 (s 1), B at 0 (s 0.5), C at 100 (s 1), capabilities 1; d is 0 or 1 throughout round 1.
# Votes on (0 vs 100): A +1, B +0.5, C -1, so P(0 beats 100) = 1.5/2.5 = 0.6, P(100 beats 0) = 0.4.
# Danger: D_A = 2(1 - 2*1*(1 - 0.4)) = -0.4 (from C; B shares A's position: EU 0),
#   D_B = 2(1 - 2*0.5*0.6) = 0.8, D_C = 2 * 2(1 - 2*1*0.4) = 0.8.
#   R_A = (-0.8 - 0.8 + 0.4)/1.2 = -1 -> r_A = 2; R_B = R_C = 1 -> r = 1/2.
# With d = 1: EU = 2 - U_sq - 4 s_t (1 - P); 2 - U_sq = 1 for r = 2 and 2*sqrt2 for r = 1/2.
#   A from C: EU_A(A->C) = 1 - 4*0.4 = -0.6, EU_A(C->A) = 1 - 4*0.6 = -1.4: no offer.
#   B from C: EU_B(B->C) = 2.828 - 4*1*0.4 = 1.228, EU_B(C->B) = 2.828 - 4*0.5*0.6 = 1.628:
#     confrontation, B moves to 100.
#   C from A: EU_C(C->A) = 2.828 - 4*1*0.6 = 0.428, EU_C(A->C) = 2.828 - 4*1*0.4 = 1.228:
#     confrontation, C moves to 0. (From B: EU_C(C->B) = 2.028 > EU_C(B->C) = 1.228: none.)
# Round 2: A, C at 0 (s 1), B alone at 100 (s 0.5). P(0 beats 100) = 2/2.5 = 0.8.
#   D_A = D_C = 2(1 - 2*0.8) = -1.2, D_B = 2 * 2(1 - 2*0.5*0.2) = 3.2 -> r_A = r_C = 2, r_B = 1/2.
#   B from A (and identically from C): EU_B(B->A) = 2sqrt2 - 4*1*0.8 = 2sqrt2 - 3.2 < 0,
#   EU_B(A->B) = 2sqrt2 - 4*0.5*0.2 = 2sqrt2 - 0.4 > |EU_B(B->A)|: compromise; B moves the
#   fraction (3.2 - 2sqrt2)/(2sqrt2 - 0.4) of the way to 0 (tie between A and C: A, lower index).
#   A from B: EU_A(A->B) = 1 - 4*0.5*0.2 = 0.6 > 0, EU_A(B->A) = 1 - 4*0.8 = -2.2: no offer.
def test_three_actors_by_hand():
    run = run_eum(one_issue([0, 0, 100], [1, 0.5, 1], [1, 1, 1]), variant="bdm", max_rounds=2)
    b_after = 100 * (1 - (3.2 - 2 * SQRT2) / (2 * SQRT2 - 0.4))
    np.testing.assert_allclose(run.rounds[:, :, 0], [[0, 0, 100], [0, 100, 0], [0, b_after, 0]])
    assert run.offer_kind[:, :, 0].tolist() == [
        [NONE, CONFRONTATION, CONFRONTATION],
        [NONE, COMPROMISE, NONE],
    ]
    assert run.offer_from[:, :, 0].tolist() == [[-1, 2, 0], [-1, 0, -1]]
    assert not run.converged and run.n_rounds == 2


# --- The paper's example: EC car-emission standards (BDM 1994, Scholz et al. 2011) ---------------
# The rounds as printed by the public replication (dmasad/bdm-scholz-expected-utility-model,
# Example.log), which matches the paper's published results: only Belgium (index 1), Luxembourg
# (2) and Ireland (7) move.
EMISSIONS = dict(
    pos=[4, 7, 4, 4, 10, 10, 10, 7, 4, 7],
    sal=[0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7],
    cap=[0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08],
)
PUBLISHED = [  # (Belgium, Luxembourg, Ireland) after each round
    (8.415932315426764, 7.0, 4.0),
    (9.610859134120188, 8.415932315426764, 7.0),
    (9.961979590401311, 9.610859134120188, 8.415932315426764),
    (4.800881140632622, 9.961979590401311, 9.610859134120188),
    (5.524237694197356, 4.800881140632622, 9.961979590401311),
    (7.47204636191629, 5.524237694197356, 5.524237694197356),
    (8.824593855262423, 7.47204636191629, 7.47204636191629),
    (9.671129769802048, 8.824593855262423, 8.824593855262423),
    (4.144849062500606, 9.671129769802048, 9.671129769802048),
    (4.291541224979646, 4.144849062500606, 4.144849062500606),
]
PUBLISHED_MEANS = [
    7.389955686853767,
    7.461314378277189,
    7.552500865855845,
    7.590144997451547,
    7.358130531334201,
    7.3491739896752115,
    7.414877545372958,
    7.510457183677219,
    7.5724470975503,
    7.324989065683666,
    7.242130958473938,
]


def test_scholz2011_reproduces_the_published_rounds():
    state = one_issue(EMISSIONS["pos"], EMISSIONS["sal"], EMISSIONS["cap"])
    run = run_eum(state, variant="scholz2011", max_rounds=10)
    assert run.n_rounds == 10 and not run.converged
    moved = run.rounds[1:, [1, 2, 7], 0]
    np.testing.assert_allclose(moved, np.array(PUBLISHED), rtol=1e-12)
    still = np.delete(run.rounds[:, :, 0], [1, 2, 7], axis=1)
    assert (still == np.delete(EMISSIONS["pos"], [1, 2, 7])).all()
    # Belgium compromises with France (index 4) except in rounds 4 and 9 (the Netherlands, 0).
    assert run.offer_from[:, 1, 0].tolist() == [4, 4, 4, 0, 4, 4, 4, 4, 0, 4]
    assert (run.offer_kind[:, 1, 0] == COMPROMISE).all()
    assert (run.offer_kind[:, [2, 7], 0] == CONFRONTATION).all()
    # The capability x salience weighted mean per round, as printed there.
    w = state.weights()[:, 0]
    means = (run.rounds[:, :, 0] * w).sum(axis=1) / w.sum()
    np.testing.assert_allclose(means, PUBLISHED_MEANS, rtol=1e-12)
    np.testing.assert_allclose(run.forecasts["eum-mean"], [PUBLISHED_MEANS[-1]], rtol=1e-12)


def test_variants_differ_on_the_example():
    state = one_issue(EMISSIONS["pos"], EMISSIONS["sal"], EMISSIONS["cap"])
    bdm = run_eum(state, variant="bdm", max_rounds=10)
    # With probabilities that sum to one, the large bloc at 7 wins everyone over (by hand the
    # first round is enough to see it differs: the Netherlands confronts to 7 at once).
    assert bdm.rounds[1, 0, 0] == 7.0
    assert bdm.converged and bdm.forecasts["eum"].tolist() == [7.0]


# --- Totality --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "pos, sal, cap, present",
    [
        ([50], [1], [1], None),  # one actor
        ([30, 30, 30], [0.5, 1, 0.2], [1, 2, 3], None),  # all at one position
        ([0, 100, 100, 0], [0, 0, 0, 0], [1, 1, 1, 1], None),  # zero salience
        ([0, 100, 40], [1, 1, 1], [0, 0, 0], None),  # zero capability
        ([0, 100, 100, 0, 100], [0.3, 1, 0.5, 0.9, 0.1], [5, 1, 1, 2, 0.5], None),  # binary
        ([10, 90, 55], [1, 1, 1], [1, 1, 1], [True, False, False]),  # one present
        ([10, 90], [1, 1], [1, 1], [False, False]),  # nobody
    ],
)
@pytest.mark.parametrize("variant", ["bdm", "scholz2011"])
def test_degenerate_inputs_run_and_stay_on_the_scale(pos, sal, cap, present, variant):
    state = one_issue(pos, sal, cap, present)
    run = run_eum(state, variant=variant, max_rounds=8)
    assert np.all(np.isfinite(run.rounds))
    assert run.rounds.min() >= 0 and run.rounds.max() <= 100
    pres = state.present[:, 0]
    assert (run.positions[~pres, 0] == np.asarray(pos, float)[~pres]).all()
    f = run.forecasts["eum"][0]
    if pres.any():
        lo, hi = min(np.asarray(pos)[pres]), max(np.asarray(pos)[pres])
        assert lo <= f <= hi
    else:
        assert np.isnan(f)


def test_zero_salience_and_capability_make_no_move():
    # Nobody cares and nobody can vote: P is 1/2 everywhere (bdm), every actor's EU of a
    # challenge is U_s - U_sq > 0 on both sides and equal: no confrontation, no offer.
    run = run_eum(one_issue([0, 100, 40], [0, 0, 0], [0, 0, 0]), max_rounds=5)
    assert run.n_rounds == 1 and run.converged
    assert (run.positions[:, 0] == [0, 100, 40]).all()


def test_batch_axis_equals_separate_runs():
    rng = np.random.default_rng(7)
    pos = rng.choice([0.0, 20, 50, 80, 100], size=(3, 6, 2))
    sal = rng.uniform(0, 1, (3, 6, 2))
    cap = rng.uniform(0, 2, (3, 6))
    present = rng.random((3, 6, 2)) < 0.9
    batch = run_eum(BargainingState.from_arrays(pos, sal, cap, present), max_rounds=6)
    for b in range(3):
        single = run_eum(
            BargainingState.from_arrays(pos[b], sal[b], cap[b], present[b]), max_rounds=6
        )
        t = single.n_rounds
        np.testing.assert_array_equal(batch.rounds[: t + 1, b], single.rounds)
        np.testing.assert_array_equal(batch.offer_kind[:t, b], single.offer_kind)
        np.testing.assert_array_equal(batch.forecasts["eum"][b], single.forecasts["eum"])


def test_affine_rescaling_of_positions_rescales_the_run():
    # EUM measures distances relative to the range of positions: x -> 10 + 0.5 x changes nothing
    # but the units.
    rng = np.random.default_rng(3)
    pos, sal, cap = rng.uniform(0, 100, 9).round(), rng.uniform(0, 1, 9), rng.uniform(0, 1, 9)
    a = run_eum(one_issue(pos, sal, cap), max_rounds=6)
    b = run_eum(one_issue(10 + 0.5 * pos, sal, cap), max_rounds=6)
    np.testing.assert_allclose(b.rounds, 10 + 0.5 * a.rounds, atol=1e-9)
    assert (a.offer_kind == b.offer_kind).all()


def test_record_false_keeps_the_outcome_only():
    state = one_issue(EMISSIONS["pos"], EMISSIONS["sal"], EMISSIONS["cap"])
    full = run_eum(state, max_rounds=4)
    lean = run_eum(state, max_rounds=4, record=False)
    assert lean.rounds is None and lean.offer_from is None and lean.offer_kind is None
    np.testing.assert_array_equal(lean.positions, full.positions)
    assert lean.n_rounds == full.n_rounds


def test_zero_rounds_leave_positions_as_they_are():
    state = one_issue([0, 100, 30], [1, 1, 1], [1, 2, 3])
    run = run_eum(state, max_rounds=0)
    assert run.n_rounds == 0 and not run.converged
    assert run.rounds.shape == (1, 3, 1) and run.offer_kind.shape == (0, 3, 1)
    np.testing.assert_array_equal(run.positions, state.position)


def test_tolerance_stops_small_moves():
    state = one_issue(EMISSIONS["pos"], EMISSIONS["sal"], EMISSIONS["cap"])
    # In round 3 Belgium moves 0.351 points and Luxembourg 1.195, Ireland 1.416; with a tolerance
    # of 2 points the run stops after round 3 (its moves are applied).
    run = run_eum(state, variant="scholz2011", max_rounds=10, tol=2.0)
    assert run.converged and run.n_rounds == 3
    assert run.info["n_rounds_per_issue"].tolist() == [3]


def test_deterministic():
    state = one_issue(EMISSIONS["pos"], EMISSIONS["sal"], EMISSIONS["cap"])
    a, b = run_eum(state), run_eum(state)
    np.testing.assert_array_equal(a.rounds, b.rounds)
    np.testing.assert_array_equal(a.offer_from, b.offer_from)


# --- Capitulation, worked by hand (bdm, first round) ------------------------------------------
# A at 50 (s 1, c 4), B at 0 (s 1, c 1), C at 100 (s 0.2, c 2); w = c s = 4, 1, 0.4; range 100.
# Risk (r = 1): P(A beats B) = (2 + 0.2)/2.7 = 0.8148, P(A beats C) = 2.5/2.7 = 0.9259,
#   P(B beats C) = 1/1.4 = 0.7143. Dangers, EU_b(a->b) = 2d (1 - 2 s_b (1 - P(a, b))):
#   D_A = -0.6296 - 0.8519 = -1.4815 (min), D_B = 0.6296 - 0.8571 = -0.2275,
#   D_C = 0.9704 + 1.7714 = 2.7418 (max). R_B = (2 D_B - D_max - D_min)/(D_max - D_min)
#   = -0.4062, so r_B = (1 + 0.1354)/(1 - 0.1354) = 1.3132; r_A = 2, r_C = 1/2.
# B and A (d = 0.5) with voters' own exponents: votes on (0 vs 50): A 4(0 - 0.25) = -1,
#   B 0.5^1.3132 = 0.4026, C 0.4(0.7071 - 1) = -0.1172, so P(B beats A) = 0.4026/1.5197 = 0.2649.
#   B's utilities (r 1.3132): U_s = 2 - 4(0.25^r) = 1.3523, U_f = 2 - 4(0.75^r) = -0.7416,
#   U_sq = 2 - 4(0.5^r) = 0.3902.
#   EU_B(B->A) = 0.2649*1.3523 + 0.7351*(-0.7416) - 0.3902 = -0.5771,
#   EU_B(A->B) = 0.7351*1.3523 + 0.2649*(-0.7416) - 0.3902 = 0.4074:
#   A gains less than B would lose: B capitulates and moves all the way to 50.
# B and C (d = 1): P(B beats C) = 1/1.4; EU_B(C->B) = 1*(4*0.2857 - 2) - 0.3902 = -1.2473 < 0:
#   no offer from C, so nothing outranks the capitulation.
def test_capitulation_by_hand():
    run = run_eum(one_issue([50, 0, 100], [1, 1, 0.2], [4, 1, 2]), max_rounds=1)
    assert run.offer_kind[0, 1, 0] == CAPITULATION and run.offer_from[0, 1, 0] == 0
    assert run.positions[1, 0] == 50.0
    assert run.positions[0, 0] == 50.0  # A receives no offer it accepts


def test_registered_model_accepts_options():
    state = one_issue(EMISSIONS["pos"], EMISSIONS["sal"], EMISSIONS["cap"])
    run = get_model("eum")(state, variant="scholz2011", max_rounds=2, tol=0.0, record=True)
    assert set(run.forecasts) == {"eum", "eum-mean"} and run.n_rounds == 2
    with pytest.raises(InputError, match=r"unknown option\(s\) \['rounds'\].*accepted"):
        get_model("eum")(state, rounds=3)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (
            {"variant": "bueno"},
            r"variant must be one of \['bdm', 'scholz2011', 'scholz2011-replication'\]; got 'bueno'",
        ),
        ({"max_rounds": -1}, r"max_rounds must be an integer >= 0; got -1"),
        ({"tol": -0.5}, r"tol must be a number >= 0; got -0.5"),
    ],
)
def test_bad_options_raise_input_error(kwargs, message):
    with pytest.raises(InputError, match=message):
        run_eum(one_issue([0, 100], [1, 1], [1, 1]), **kwargs)


def test_saliences_on_the_wrong_scale_are_named():
    with pytest.raises(InputError, match=r"saliences must lie in \[0, 1\].*divide 0-100"):
        run_eum(one_issue([0, 100], [80, 40], [1, 1]))


def test_scholz2011_capitulates_as_the_paper_says_and_the_replication_never(data_dir):
    """The paper classifies a capitulation as EU_i(i→j) < 0 < EU_i(j→i) with |EU_i(i→j)| >
    EU_i(j→i); the public replication's test (EU_i(j→i) < |EU_i(j→i)|) never fires. On
    sultan-oil round 1 Russia capitulates to Nazer (14.20 → 12.90) only under the paper; under
    the replication nobody moves and the run stops after one round. On the EC emissions example
    both are the same round by round."""
    from realpolitik.engine.eum import run_eum
    from realpolitik.scenario import load_scenario, to_state

    s = load_scenario(data_dir / "eum" / "sultan-oil.csv")
    state, ids, _ = to_state(s)
    lo, hi = s.issues[0].scale
    russia = ids.index("russia")
    paper = run_eum(state, variant="scholz2011")
    repl = run_eum(state, variant="scholz2011-replication")
    assert paper.offer_kind[0, russia, 0] == 3  # capitulation
    assert lo + (hi - lo) * paper.rounds[1, russia, 0] / 100 == pytest.approx(12.90)
    assert (repl.offer_kind == 3).sum() == 0
    assert repl.n_rounds == 1 and repl.converged
    assert lo + (hi - lo) * repl.rounds[-1, russia, 0] / 100 == pytest.approx(14.20)
    ec, _, _ = to_state(load_scenario(data_dir / "eum" / "ec-emissions-1994.csv"))
    np.testing.assert_array_equal(
        run_eum(ec, variant="scholz2011").rounds,
        run_eum(ec, variant="scholz2011-replication").rounds,
    )

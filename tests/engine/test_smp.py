"""KTAB's SMP: a hand-worked case, KTAB's published runs, and the loop reference twin."""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pytest

from realpolitik.engine import BargainingState, get_model
from realpolitik.engine._smp_reference import smp_step_reference
from realpolitik.engine.optional import optional_models
from realpolitik.engine.smp import (
    condorcet_chances,
    risk_attitudes,
    run_smp,
    run_smp_arrays,
    salience_distance,
    smp_step,
)
from realpolitik.forecasting import resolve_models
from realpolitik.scenario.arrays import to_state
from realpolitik.scenario.tables import parse_table

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
KTAB = Path(os.environ.get("REALPOLITIK_SHARED", REPO.parent / "shared")) / "data" / "ktab"


def _ktab_state(name: str) -> BargainingState:
    path = KTAB / f"{name}.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    state, _, _ = to_state(parse_table(path.read_text(), filename=str(path)))
    return state


def _history(name: str, n_dims: int) -> np.ndarray:
    """KTAB's printed history as (n_states, n_actors, n_dims) on 0-100."""
    rows = []
    for line in (DATA / name).read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rows.append([float(x) for x in re.split(r"\s+", line.split(":", 1)[1].strip())])
    arr = np.array(rows)  # (actor * dim, state)
    return arr.reshape(-1, n_dims, arr.shape[1]).transpose(2, 0, 1)


def test_two_actors_by_hand() -> None:
    # Worked in the docstring of run_smp_arrays: risk-neutral chances 1/4 and 3/4 give
    # R = (-1/2, 1); B (influence 3) prevails over A with chance 0.54 / (0.54 + 0.24) = 9/13,
    # A over B with 0.36 / 1.26 = 2/7; B's bargain puts both at 68/97 and wins the vote.
    pos = np.array([[0.2], [0.8]])
    sal = np.array([[0.5], [0.5]])
    cap = np.array([1.0, 3.0])
    np.testing.assert_allclose(salience_distance(pos, sal), [[0, 0.6], [0.6, 0]])
    np.testing.assert_allclose(risk_attitudes(salience_distance(pos, sal), cap), [-0.5, 1.0])
    new, target, partner = smp_step(pos, sal, cap)
    assert target.tolist() == [1, 0]
    assert partner.tolist() == [1, 0]
    assert new[:, 0] == pytest.approx([round(68 / 97, 4)] * 2, abs=1e-4)


def test_condorcet_chances_two_voters() -> None:
    # P(a>b) = 1 / (1 + 3) for the weaker voter's option; chances 0.5·0.25 : 0.5·0.75.
    p = condorcet_chances(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([1.0, 3.0]))
    np.testing.assert_allclose(p, [0.25, 0.75], atol=1e-8)


@pytest.mark.parametrize(
    ("name", "history", "n_dims"),
    [
        ("SOE-Pol-Comp", "ktab_SOE-Pol-Comp_history.txt", 2),
        ("dummyData_3Dim", "ktab_dummyData_3Dim_history.txt", 3),
    ],
)
def test_matches_ktab_published_runs(name: str, history: str, n_dims: int) -> None:
    """Every position of every round as KTAB prints it (one decimal), and the same stop."""
    state = _ktab_state(name)
    ref = _history(history, n_dims)
    trace = run_smp_arrays(state.position / 100.0, state.salience, state.capability)
    assert trace.rounds.shape == ref.shape
    assert trace.converged
    np.testing.assert_allclose(trace.rounds * 100.0, ref, atol=0.05 + 1e-9)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("n_dims", [1, 3])
def test_step_matches_reference(seed: int, n_dims: int) -> None:
    rng = np.random.default_rng(seed)
    n = 9
    pos = rng.uniform(0, 1, (n, n_dims)).round(2)
    sal = rng.uniform(0.1, 1.0, (n, n_dims))
    sal = sal / sal.sum(1, keepdims=True) * rng.uniform(0.5, 0.99, (n, 1))
    cap = rng.uniform(10, 200, n)
    for _ in range(3):
        fast, target, _ = smp_step(pos, sal, cap)
        slow, target_ref = smp_step_reference(pos, sal, cap)
        np.testing.assert_allclose(fast, slow, atol=1e-12)
        assert target.tolist() == target_ref.tolist()
        pos = fast


def test_step_matches_reference_on_ktab_files() -> None:
    state = _ktab_state("SOE-Competitive")
    pos, sal, cap = state.position / 100.0, state.salience, state.capability
    for _ in range(3):
        fast, target, _ = smp_step(pos, sal, cap)
        slow, target_ref = smp_step_reference(pos, sal, cap)
        np.testing.assert_allclose(fast, slow, atol=1e-12)
        assert target.tolist() == target_ref.tolist()
        pos = fast


def test_model_forecasts_and_trajectory() -> None:
    state = BargainingState.from_arrays([[20.0], [80.0]], [[0.5], [0.5]], [1.0, 3.0])
    run = get_model("smp")(state)
    assert run.forecasts["smp"] == pytest.approx([70.1])
    assert run.rounds is not None and run.rounds.shape == (3, 2, 1)
    assert run.offer_from is not None and run.offer_from[0, :, 0].tolist() == [1, 0]


def test_per_issue_equals_separate_runs() -> None:
    rng = np.random.default_rng(5)
    pos = rng.uniform(0, 100, (6, 3)).round()
    sal = rng.uniform(0.1, 1, (6, 3))
    present = np.ones((6, 3), bool)
    present[0, 1] = present[4, 2] = False
    state = BargainingState.from_arrays(pos, sal, rng.uniform(1, 5, 6), present)
    run = run_smp(state, joint=False)
    for k in range(3):
        act = present[:, k]
        alone = run_smp_arrays(
            pos[act, k : k + 1] / 100, sal[act, k : k + 1], state.capability[act]
        )
        assert run.positions is not None
        np.testing.assert_allclose(run.positions[act, k], alone.rounds[-1, :, 0] * 100)


def test_batch_equals_single_runs() -> None:
    rng = np.random.default_rng(7)
    pos = rng.uniform(0, 100, (2, 5, 2)).round()
    sal = rng.uniform(0.1, 0.5, (2, 5, 2))
    cap = rng.uniform(1, 5, (2, 5))
    batch = run_smp(BargainingState.from_arrays(pos, sal, cap))
    for b in range(2):
        one = run_smp(BargainingState.from_arrays(pos[b], sal[b], cap[b]))
        np.testing.assert_allclose(batch.forecasts["smp"][b], one.forecasts["smp"])


def test_smp_is_optional_in_default_forecasts() -> None:
    assert "smp" in optional_models()
    assert "smp" not in resolve_models(None)
    assert "smp" in resolve_models(["smp"])


def test_per_issue_smp_on_deu_issues_is_deterministic_and_in_range():
    from realpolitik.scenario.deu import load_deu

    path = KTAB.parent / "deu" / "deu3.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    data = load_deu(path)
    sub = data.select(np.isfinite(data.outcome) & (np.arange(data.n_issues) % 20 == 0))
    a = run_smp(sub.state, joint=False)
    b = run_smp(sub.state, joint=False)
    for key in ("smp", "smp-mean"):
        assert np.isfinite(a.forecasts[key]).all()
        assert ((a.forecasts[key] >= 0) & (a.forecasts[key] <= 100)).all()
        np.testing.assert_array_equal(a.forecasts[key], b.forecasts[key])

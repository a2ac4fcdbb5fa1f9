"""The report's memo of model runs: the same numbers as without it, each distinct run once."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from realpolitik.engine.memo import MAX_MEMO_CELLS, memoised_forecasts, run_model
from realpolitik.engine.registry import get_model
from realpolitik.engine.state import BargainingState
from realpolitik.report import gather
from realpolitik.scenario import load_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"


def _state(shift: float = 0.0, batch: int | None = None) -> BargainingState:
    pos = np.array([[10.0, 80.0], [60.0 + shift, 20.0], [90.0, 50.0]])
    sal = np.array([[0.9, 0.3], [0.5, 0.8], [0.7, 0.6]])
    cap = np.array([30.0, 50.0, 20.0])
    if batch is not None:
        pos, sal, cap = (np.broadcast_to(a, (batch, *a.shape)).copy() for a in (pos, sal, cap))
    return BargainingState.from_arrays(pos, sal, cap)


def test_a_run_is_kept_only_inside_the_block_and_only_for_equal_arrays():
    sq = np.array([50.0, 50.0])
    with memoised_forecasts():
        first = run_model("eum", _state(), status_quo=sq)
        assert run_model("eum", _state(), status_quo=sq) is first  # equal arrays: kept
        moved = run_model("eum", _state(shift=1.0), status_quo=sq)
        assert moved is not first  # one position moved: a new run
        assert run_model("eum", _state(), status_quo=sq, max_rounds=3) is not first
        assert run_model("eum", _state(), status_quo=sq + 1) is not first
        with memoised_forecasts():  # a nested block shares the outer memo
            assert run_model("eum", _state(), status_quo=sq) is first
        big = _state(batch=MAX_MEMO_CELLS // 6 + 1)
        assert run_model("eum", big, status_quo=sq) is not run_model("eum", big, status_quo=sq)
    assert run_model("eum", _state(), status_quo=sq) is not first  # the block has ended
    plain = get_model("eum")(_state(), status_quo=sq)
    for name, f in plain.forecasts.items():
        np.testing.assert_array_equal(first.forecasts[name], f)


def test_the_report_is_the_same_with_and_without_the_memo():
    # gather runs inside the memo; its undecorated body recomputes every run.
    s = load_scenario(EXAMPLES / "gulf-war-1990.yaml")
    with_memo = gather(s, n_runs=0)
    without = gather.__wrapped__(s, n_runs=0)  # type: ignore[attr-defined]
    assert json.dumps(with_memo, sort_keys=True) == json.dumps(without, sort_keys=True)
    assert {"explanations", "escalation", "forecast"} <= set(with_memo)

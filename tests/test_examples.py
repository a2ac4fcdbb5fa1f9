"""Every example scenario loads, validates and forecasts with every model (mesa's habit)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import realpolitik as rp

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(path):
    scenario = rp.load_scenario(path)
    result = rp.forecast(scenario, max_rounds=5)
    for values in result.forecasts.values():
        finite = values[np.isfinite(values)]
        assert ((finite >= 0) & (finite <= 100)).all()


def test_there_are_examples():
    assert EXAMPLES

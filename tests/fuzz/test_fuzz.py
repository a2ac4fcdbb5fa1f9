"""The fuzz suite's bounded run (a fixed seed, a few hundred cases): ``make fuzz`` runs more."""

from __future__ import annotations

import pytest

from .generator import cases
from .harness import run_case

#: The fixed seed and size of the CI run.
SEED, N_CASES = 13, 200


def test_fuzz_cases_keep_the_promise(tmp_path):
    failures = []
    exits: dict[int, int] = {}
    for case in cases(N_CASES, SEED, max_actors=200, max_bytes=100_000):
        outcome = run_case(case, tmp_path)
        for code in outcome.exits.values():
            exits[code] = exits.get(code, 0) + 1
        if outcome.failures:
            failures.append(f"{case.describe()}\n    " + "\n    ".join(outcome.failures))
    assert not failures, f"{len(failures)} of {N_CASES} cases broke the promise:\n" + "\n".join(
        failures[:20]
    )
    # The generator reaches both sides: files that are refused and files that are analysed.
    assert exits.get(0, 0) > 15 and exits.get(2, 0) > 60, exits


@pytest.mark.parametrize("seed", [1, 2])
def test_the_generator_is_deterministic(seed):
    a = [(c.name, c.data) for c in cases(20, seed, max_actors=200)]
    b = [(c.name, c.data) for c in cases(20, seed, max_actors=200)]
    assert a == b and len({d for _, d in a}) > 15

"""The registered optional model ``smp``."""

from __future__ import annotations

from typing import Any

from realpolitik._types import FloatArray
from realpolitik.engine.optional import register_optional_model
from realpolitik.engine.registry import ModelRun
from realpolitik.engine.smp.constants import MAX_ROUNDS
from realpolitik.engine.smp.run import run_smp
from realpolitik.engine.state import BargainingState


def _smp_model(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    joint = bool(options.get("joint", True))
    max_rounds = int(options.get("max_rounds", MAX_ROUNDS))
    return run_smp(state, joint=joint, max_rounds=max_rounds)


register_optional_model(
    "smp",
    "KTAB's spatial model of politics (challenges, bargains, Condorcet choice)",
    options=("max_rounds", "joint"),
)(_smp_model)

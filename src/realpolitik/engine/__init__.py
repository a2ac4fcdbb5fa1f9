"""Numerical engines over arrays: no files, no printing, no scenario objects."""

from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.registry import (
    OFFER_KINDS,
    ModelRun,
    available_models,
    get_model,
    register_model,
)
from realpolitik.engine.state import BargainingState

__all__ = [
    "OFFER_KINDS",
    "BargainingState",
    "ModelRun",
    "available_models",
    "get_model",
    "register_model",
    "weighted_mean",
    "weighted_median",
]

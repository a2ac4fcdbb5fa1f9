"""Named forecasting models over a :class:`BargainingState`.

Every model is a function ``fn(state, *, status_quo=None, **options) -> ModelRun``. A model that
moves actors (like ``eum``) fills ``positions`` and ``rounds``; a static one gives only
``forecasts``. A model may report several named forecasts (``eum`` reports ``eum`` and
``eum-mean``); the first is its headline forecast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from realpolitik._types import FloatArray, IntArray
from realpolitik.engine.baselines import weighted_mean, weighted_median
from realpolitik.engine.state import BargainingState


@dataclass(frozen=True, kw_only=True)
class ModelRun:
    """What one model run gives.

    Parameters
    ----------
    forecasts : dict of str to ndarray, shape (..., n_issues)
        Named forecasts, headline first.
    positions : ndarray, shape (..., n_actors, n_issues), optional
        Actor positions after the last round, for models that move actors.
    rounds : ndarray, shape (n_rounds + 1, ..., n_actors, n_issues), optional
        Positions at the start and after each round.
    offer_from : ndarray of int, shape (n_rounds, ..., n_actors, n_issues), optional
        For each round and receiving actor the index of the actor whose offer it accepted, or -1.
    offer_kind : ndarray of int, shape (n_rounds, ..., n_actors, n_issues), optional
        The kind of the accepted offer: 0 none, 1 confrontation, 2 compromise, 3 capitulation.
    n_rounds : int
        Rounds run.
    converged : bool
        Whether the run stopped because no position moved by more than the tolerance.
    """

    forecasts: dict[str, FloatArray]
    positions: FloatArray | None = None
    rounds: FloatArray | None = None
    offer_from: IntArray | None = None
    offer_kind: IntArray | None = None
    n_rounds: int = 0
    converged: bool = True
    info: dict[str, Any] = field(default_factory=dict)


OFFER_KINDS = ("none", "confrontation", "compromise", "capitulation")


class Model(Protocol):
    """The call signature every registered model has."""

    def __call__(
        self, state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
    ) -> ModelRun:
        """Run the model."""
        ...


#: The model that analyses use unless told otherwise (escalation payoffs, Plan B, Monte Carlo,
#: explanations, the report): the expected utility model with relations.
HEADLINE_MODEL = "eum-rel"

_MODELS: dict[str, Model] = {}
_DESCRIPTIONS: dict[str, str] = {}
_OPTIONS: dict[str, tuple[str, ...]] = {}


def register_model(
    name: str, description: str, *, options: tuple[str, ...] = ()
) -> Callable[[Model], Model]:
    """Register ``fn`` under ``name`` (decorator); ``options`` are the keywords it takes."""

    def deco(fn: Model) -> Model:
        _MODELS[name] = fn
        _DESCRIPTIONS[name] = description
        _OPTIONS[name] = tuple(options)
        return fn

    return deco


def model_options(name: str) -> tuple[str, ...]:
    """The option keywords model ``name`` takes (``variant``, ``max_rounds``, ...).

    Examples
    --------
    >>> model_options("mean")
    ()
    """
    _load_builtin_models()
    return _OPTIONS[name]


def get_model(name: str) -> Model:
    """Return the model called ``name``.

    Raises
    ------
    KeyError
        With the list of known models.
    """
    _load_builtin_models()
    try:
        return _MODELS[name]
    except KeyError:
        raise KeyError(
            f"unknown model {name!r}; known models: {', '.join(sorted(_MODELS))}"
        ) from None


def available_models() -> dict[str, str]:
    """Return the registered model names with a one-line description each.

    Examples
    --------
    >>> "mean" in available_models() and "median" in available_models()
    True
    """
    _load_builtin_models()
    return dict(sorted(_DESCRIPTIONS.items()))


def _load_builtin_models() -> None:
    """Import the modules that register the built-in models (kept lazy to avoid cycles)."""
    import importlib

    for module in ("realpolitik.engine.eum", "realpolitik.engine.nash"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:  # pragma: no cover - during development only
            if exc.name != module:
                raise


@register_model("mean", "capability × salience weighted mean (the compromise model)")
def _mean(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    return ModelRun(
        forecasts={"mean": weighted_mean(state.position, state.weights(), state.present)}
    )


@register_model("median", "capability × salience weighted median voter")
def _median(
    state: BargainingState, *, status_quo: FloatArray | None = None, **options: Any
) -> ModelRun:
    return ModelRun(
        forecasts={"median": weighted_median(state.position, state.weights(), state.present)}
    )


__all__ = [
    "HEADLINE_MODEL",
    "OFFER_KINDS",
    "ModelRun",
    "available_models",
    "get_model",
    "model_options",
    "register_model",
]

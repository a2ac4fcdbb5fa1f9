"""Which models a forecast runs: the baselines plus those asked for."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.engine.optional import optional_models
from realpolitik.engine.registry import available_models
from realpolitik.exceptions import RealpolitikError

#: Models every forecast shows, whatever else is asked for.
BASELINES = ("mean", "median")


class UnknownModelError(RealpolitikError):
    """A model name that is not registered."""

    # Named by its public module, as before the split (tracebacks, doctests, pickles).
    __module__ = "realpolitik.forecasting"


def resolve_models(model: str | Sequence[str] | None) -> list[str]:
    """The models to run: the baselines plus those asked for (all registered when none are).

    With none asked for, the optional models (:mod:`realpolitik.engine.optional`) stay out.

    Raises
    ------
    UnknownModelError
        Naming the unknown model and listing the known ones.
    """
    known = available_models()
    if model is None or (not isinstance(model, str) and len(model) == 0):
        optional = optional_models()  # run only when named (DEU-only models, smp)
        return list(BASELINES) + [m for m in known if m not in BASELINES and m not in optional]
    asked = [model] if isinstance(model, str) else list(model)
    for m in asked:
        if m not in known:
            optional = optional_models()
            listed = ", ".join(k for k in known if k not in optional)
            extra = f"; run only when named: {', '.join(sorted(optional))}" if optional else ""
            raise UnknownModelError(f"unknown model {m!r}; known models: {listed}{extra}")
    return list(dict.fromkeys([*BASELINES, *asked]))

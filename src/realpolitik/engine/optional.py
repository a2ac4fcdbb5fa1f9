"""Models that run only when asked for by name.

``realpolitik forecast`` with no ``--model`` runs every registered model. Some models need data
that ordinary scenarios do not carry (the EU procedural models read actor roles and proposal
dates from DEU III) or are slow enough to be opt-in (KTAB's SMP); they register here, stay
available by name everywhere, and are left out of the default set.
"""

from __future__ import annotations

from collections.abc import Callable

from realpolitik.engine.registry import Model, register_model

_NON_DEFAULT: set[str] = set()


def register_optional_model(
    name: str, description: str, *, options: tuple[str, ...] = ()
) -> Callable[[Model], Model]:
    """Register a model (decorator) that runs only when named.

    Examples
    --------
    >>> from realpolitik.engine import available_models
    >>> "smp" in available_models() and "smp" in optional_models()
    True
    """
    _NON_DEFAULT.add(name)
    return register_model(name, description, options=options)


def optional_models() -> frozenset[str]:
    """Names of the registered models that run only when asked for."""
    from realpolitik.engine.registry import available_models

    available_models()  # loads the built-in models
    return frozenset(_NON_DEFAULT)


__all__ = ["optional_models", "register_optional_model"]

"""The inputs EUM accepts: conditioned capabilities and saliences, checked options."""

from __future__ import annotations

import dataclasses

import numpy as np

from realpolitik.engine.eum.constants import VARIANTS
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import InputError

#: Capabilities below this share of the largest, and saliences below this value, count as zero:
#: they cannot move a vote beyond floating-point rounding, and numbers near the underflow limit
#: would round differently in different orders of operations.
NEGLIGIBLE = 1e-9


def condition_inputs(state: BargainingState) -> BargainingState:
    """Rescale capabilities to the largest of each batch element; zero negligible inputs.

    EUM depends on capabilities only through their ratios (votes enter every probability as a
    ratio of sums), so the rescaling changes no result; capability shares and saliences below
    :data:`NEGLIGIBLE` become 0 so that no computation depends on numbers near underflow.

    Examples
    --------
    >>> s = BargainingState.from_arrays([[0.0], [50.0], [100.0]], [[1.0], [1e-300], [1.0]],
    ...                                 [4.0, 2.0, 1e-300])
    >>> c = condition_inputs(s)
    >>> c.capability, c.salience[:, 0]
    (array([1. , 0.5, 0. ]), array([1., 0., 1.]))
    """
    cap = state.capability
    top = cap.max(axis=-1, keepdims=True) if cap.shape[-1] else np.ones(cap.shape[:-1] + (1,))
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(top > 0, cap / np.where(top > 0, top, 1.0), 0.0)
    share = np.where(share >= NEGLIGIBLE, share, 0.0)
    salience = np.where(state.salience >= NEGLIGIBLE, state.salience, 0.0)
    return dataclasses.replace(state, capability=share, salience=salience)


def _check(variant: str, max_rounds: int, tol: float, state: BargainingState) -> None:
    """Raise :class:`InputError` for option values or states the model cannot use."""
    if variant not in VARIANTS:
        raise InputError(f"the EUM variant must be one of {list(VARIANTS)}; got {variant!r}")
    if isinstance(max_rounds, bool) or not isinstance(max_rounds, int | np.integer):
        raise InputError(f"max_rounds must be an integer >= 0; got {max_rounds!r}")
    if max_rounds < 0:
        raise InputError(f"max_rounds must be an integer >= 0; got {max_rounds}")
    if not np.isfinite(tol) or tol < 0:
        raise InputError(f"tol must be a number >= 0; got {tol!r}")
    pres = state.present
    pos = state.position[pres]
    if pos.size and (not np.all(np.isfinite(pos)) or pos.min() < 0 or pos.max() > 100):
        raise InputError(
            "positions of present actors must be finite numbers in [0, 100]; got values from "
            f"{np.nanmin(pos):g} to {np.nanmax(pos):g}"
        )
    sal = state.salience[pres]
    if sal.size and (not np.all(np.isfinite(sal)) or sal.min() < 0 or sal.max() > 1):
        raise InputError(
            f"saliences must lie in [0, 1]; got values from {np.nanmin(sal):g} to "
            f"{np.nanmax(sal):g} (divide 0-100 saliences by 100)"
        )
    cap = state.capability
    if cap.size and (not np.all(np.isfinite(cap)) or cap.min() < 0):
        raise InputError(f"capabilities must be finite and >= 0; got minimum {np.nanmin(cap):g}")

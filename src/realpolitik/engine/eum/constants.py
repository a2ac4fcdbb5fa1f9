"""The constants of the EUM engine: variants, defaults, tolerances and the kinds of offer."""

from __future__ import annotations

from typing import Literal

Variant = Literal["bdm", "scholz2011", "scholz2011-replication"]

VARIANTS: tuple[str, ...] = ("bdm", "scholz2011", "scholz2011-replication")
#: Variants that follow Scholz et al.'s program (the all-pairs denominator, its compromise key).
_SCHOLZ = ("scholz2011", "scholz2011-replication")
#: Rounds run unless told otherwise (see docs/eum.md for why).
DEFAULT_MAX_ROUNDS = 10
#: A run stops once no position moves by more than this many points (0–100 scale).
DEFAULT_TOL = 1e-6
#: Margin used when comparing expected utilities (they are of order 1).
EU_EPS = 1e-9
#: Positions (and offers' moves) closer than this share of the issue's range count as equal, so
#: that rounding — a table rescaled to 0–100 and back — cannot flip a comparison. On DEU III it
#: changes no forecast by more than 1e-14.
DEFAULT_TIE = 1e-9
#: Largest number of elements of one (problems × actors × actors) work array.
_CHUNK_ELEMENTS = 2_000_000

NONE, CONFRONTATION, COMPROMISE, CAPITULATION = 0, 1, 2, 3

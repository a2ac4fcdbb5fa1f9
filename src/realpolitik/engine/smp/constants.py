"""KTAB's stopping rule and the thresholds of the SMP engine."""

from __future__ import annotations

#: KTAB's stopping rule: at most this many rounds ...
MAX_ROUNDS = 100
#: ... at least this many ...
MIN_ROUNDS = 2
#: ... and stop when a round moves less than this fraction of the first round's movement.
MIN_DELTA_RATIO = 0.02
#: Added to the first round's movement (avoids 0/0).
MIN_SIG_DELTA = 1e-4
#: The smallest expected gain that makes a challenge worth making.
MIN_SIG_GAIN = 1e-5
_MIN_SALIENCE = 1e-6
_MIN_CAPABILITY = 1e-9

"""Forms of news English that the ninth pass codes, as one rule mixin of the coder.

- "two kidnapped soldiers": a participle after a number or determiner is an adjective, no
  event (nor the end of the target search of the event before it).
"""

from __future__ import annotations

from realpolitik.ingest.coder.clauses import _Clauses
from realpolitik.ingest.coder.event import _Doc, _Trigger

#: Words after which a participle modifies a noun ("the|two|its seized ...").
_ADJECTIVE_SLOT = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
     "several", "some", "many", "hundreds", "thousands", "the", "a", "an", "its", "their"}
)  # fmt: skip


class _Frames(_Clauses):
    def _adjectival(self, d: _Doc, t: _Trigger, s0: int) -> bool:
        """Whether a one-word participle trigger is an adjective: "two kidnapped soldiers".

        "handed over two kidnapped Colombian soldiers": the release's target is Colombia.
        """
        if t.start != t.head or t.start <= s0 or t.end != t.start + 1:
            return False
        prev = d.low[t.start - 1]
        return (prev in _ADJECTIVE_SLOT or prev.isdigit()) and d.low[t.head].endswith("ed")

"""Targets found that are no party to the event (the tenth pass).

- "ordered the army to suspend strikes on ELN camps": the addressee of an order is its own
  army, not who follows (:meth:`~.clauses._Clauses._unnamed_addressee`);
- "flew 64 Korean nationals back to Seoul" is a deportation toward the state whose nationals
  are sent back, named before them; "flew 200 nationals back to Delhi from Sudan" names none
  (its own citizens, evacuated), and the place they come from is no target.
"""

from __future__ import annotations

from realpolitik.ingest.coder.clauses import _Clauses
from realpolitik.ingest.coder.event import _Doc, _Mention, _Trigger


class _Objects(_Clauses):
    def _no_party(self, d: _Doc, trig: _Trigger, target: _Mention) -> bool:
        """Whether the target found for ``trig`` is no party to its event."""
        phrase = trig.phrase
        if phrase.type == "REQUEST":
            return self._unnamed_addressee(d, trig, target)
        if phrase.mode == "deport" and d.low[trig.end - 2] in ("back", "home"):
            return target.start >= trig.end  # the persons sent back are named in the phrase
        return False

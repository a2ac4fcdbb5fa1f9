"""Plain-language accounts of one actor, every sentence built from results and citing its inputs.

:func:`explain_actor` computes what it says (a forecast, the signed network, every shock of the
scenario, Plan B) and returns an :class:`Explanation`: a list of :class:`Sentence` objects, each
with its text, the numbers it uses (``data``) and the inputs behind them (``citations``: the path
of each input in the scenario file, e.g. ``issues[0].positions.<actor>.salience``, with its
evidence quotes or the analyst's assumption). Text is rendered from that data by
:meth:`Explanation.to_text`; nothing is parsed back from text.

The code lives in one module per concept: :mod:`.result` (the result objects), :mod:`.text`
(wrapping numbers and names into text, footnotes, cited paths), one module per topic
(:mod:`.positions`, :mod:`.relations`, :mod:`.offers`, :mod:`.coalitions`, :mod:`.shocks`,
:mod:`.planb`) and :mod:`.account` (:func:`explain_actor`, which tells them in order). Imports go
one way: ``text`` ← ``result`` ← the topics ← ``account``; this module only re-exports.
"""

from __future__ import annotations

from realpolitik.analysis.explain.account import explain_actor
from realpolitik.analysis.explain.coalitions import _HOSTILE_WORDS as _HOSTILE_WORDS
from realpolitik.analysis.explain.coalitions import _blocking_pair as _blocking_pair
from realpolitik.analysis.explain.coalitions import _coalitions as _coalitions
from realpolitik.analysis.explain.offers import MAX_OFFERS_TOLD as MAX_OFFERS_TOLD
from realpolitik.analysis.explain.offers import _offers as _offers
from realpolitik.analysis.explain.planb import _planb as _planb
from realpolitik.analysis.explain.planb import partner_losses
from realpolitik.analysis.explain.positions import _identity as _identity
from realpolitik.analysis.explain.positions import _ordinal as _ordinal
from realpolitik.analysis.explain.positions import _wants as _wants
from realpolitik.analysis.explain.relations import _relations as _relations
from realpolitik.analysis.explain.result import TOPICS, Explanation, Sentence
from realpolitik.analysis.explain.shocks import _outcome_and_forecast as _outcome_and_forecast
from realpolitik.analysis.explain.shocks import _shocks as _shocks
from realpolitik.analysis.explain.text import Citation as Citation
from realpolitik.analysis.explain.text import _citation_dict as _citation_dict
from realpolitik.analysis.explain.text import _Cite as _Cite
from realpolitik.analysis.explain.text import _describe_meta as _describe_meta
from realpolitik.analysis.explain.text import _names as _names
from realpolitik.analysis.explain.text import _plain as _plain
from realpolitik.analysis.explain.text import _sign as _sign

__all__ = ["TOPICS", "Explanation", "Sentence", "explain_actor", "partner_losses"]

"""From news to events: code articles into who-did-what-to-whom events.

Events carry PLOVER types and CAMEO codes; with a scenario, they support proposed relation
updates, each citing its sentence. :mod:`realpolitik.ingest.formats` writes PLOVER JSON lines
and GDELT 2.0 tables; :mod:`realpolitik.ingest.series` turns dated events into relation scores
over time.

Examples
--------
>>> from realpolitik.ingest import code_text
>>> [(e.type, e.source, e.target) for e in code_text("Iran urged Russia to act.")]
[('REQUEST', ('iran',), ('russia',))]
"""

from __future__ import annotations

from realpolitik.ingest.coder import Event, EventCoder, code_articles, code_text
from realpolitik.ingest.dictionary import PLOVER_TYPES, Dictionary, load_dictionary
from realpolitik.ingest.evaluation import Score, dyads, score
from realpolitik.ingest.series import Observation, RelationSeries, relation_series
from realpolitik.ingest.text import clean_text, decode_article, expand_inputs, read_article

__all__ = [
    "PLOVER_TYPES",
    "Dictionary",
    "Event",
    "EventCoder",
    "Observation",
    "RelationSeries",
    "Score",
    "clean_text",
    "code_articles",
    "code_text",
    "decode_article",
    "dyads",
    "expand_inputs",
    "load_dictionary",
    "read_article",
    "relation_series",
    "score",
]

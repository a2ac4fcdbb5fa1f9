"""The convenience functions around :class:`EventCoder`: one article, or several."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from realpolitik.ingest.coder.engine import EventCoder
from realpolitik.ingest.coder.event import Event
from realpolitik.ingest.dictionary import Dictionary


def code_text(
    text: str,
    *,
    dictionary: Dictionary | None = None,
    reference_date: dt.date | None = None,
    file: str | None = None,
) -> list[Event]:
    """Code one article into events (a convenience around :class:`EventCoder`).

    Examples
    --------
    >>> ev = code_text("Last year, Erdogan launched a military operation against the Kurds.",
    ...                reference_date=dt.date(2020, 1, 7))
    >>> [(e.type, e.source, e.target, e.date) for e in ev]
    [('ASSAULT', ('turkey',), ('kurds',), '2019')]
    """
    return _coder(dictionary).code(text, reference_date=reference_date, file=file)


_CODERS: list[tuple[Dictionary | None, EventCoder]] = []


def _coder(dictionary: Dictionary | None) -> EventCoder:
    for known, coder in _CODERS:
        if known is dictionary:
            return coder
    if len(_CODERS) >= 4:
        del _CODERS[0]
    coder = EventCoder(dictionary)
    _CODERS.append((dictionary, coder))
    return coder


def code_articles(
    articles: Iterable[tuple[str, str]],
    *,
    dictionary: Dictionary | None = None,
    reference_date: dt.date | None = None,
) -> list[Event]:
    """Code several ``(name, text)`` articles; events carry the article's name in ``file``."""
    coder = _coder(dictionary)
    out: list[Event] = []
    for name, text in articles:
        out.extend(coder.code(text, reference_date=reference_date, file=name))
    return out

"""Dates in news text: absolute dates, and relative ones resolved against the article's date.

A date is returned as an ISO string at the precision the text gives: ``2020-01-07``, ``2019-03``
or ``2015``. Expressions that name a time but cannot be pinned to a calendar date ("last week",
"next weekend") are recognised and give ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"  # noqa: E501
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(_M + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b")),
    (
        "dmy",
        re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _M + r",?\s+(?P<y>(?:19|20)\d\d)\b"),
    ),  # noqa: E501
    ("my", re.compile(r"\b" + _M + r"\s+(?P<y>(?:19|20)\d\d)\b")),
    (
        "md",
        re.compile(r"\b(?:on|since|until|by)\s+" + _M + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"),
    ),  # noqa: E501
    ("year", re.compile(r"\b(?:in|since|during|of)\s+(?P<y>(?:19|20)\d\d)\b")),
    ("rel", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<unit>year|month|week|weekend)\b", re.I)),
    ("day", re.compile(r"\b(?P<day>yesterday|today|tomorrow)\b", re.I)),
    (
        "wd",
        re.compile(
            r"\b(?:(?P<rel>last|this|next|on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),  # noqa: E501
]
_FUTURE = re.compile(r"\b(will|'ll|shall|is to|are to|plans? to|is due|next)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    """A temporal expression in a text: its character span and its ISO value (or None)."""

    start: int
    end: int
    value: str | None


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Find temporal expressions in ``text``, resolving relative ones against ``reference``.

    Parameters
    ----------
    text : str
        A sentence.
    reference : datetime.date, optional
        The article's date; without it relative expressions give ``None``.

    Returns
    -------
    list of DateMention
        Non-overlapping, in text order.

    Examples
    --------
    >>> ref = dt.date(2020, 1, 7)
    >>> [d.value for d in find_dates("On Wednesday, Putin will visit Ankara.", ref)]
    ['2020-01-08']
    >>> [d.value for d in find_dates("Last year, the two cooperated.", ref)]
    ['2019']
    >>> [d.value for d in find_dates("He said so in a March 2019 interview.")]
    ['2019-03']
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    future = bool(_FUTURE.search(text))
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _value(kind, m, reference, future)
            if kind == "wd" and value is None and reference is None and m.group("rel") is None:
                value = None
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), value))
    return sorted(found, key=lambda d: d.start)


def _value(kind: str, m: re.Match[str], ref: dt.date | None, future: bool) -> str | None:
    try:
        if kind == "iso":
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        if kind in ("mdy", "dmy"):
            month = MONTHS[m["month"].lower().rstrip(".")]
            return dt.date(int(m["y"]), month, int(m["d"])).isoformat()
        if kind == "my":
            return f"{int(m['y']):04d}-{MONTHS[m['month'].lower().rstrip('.')]:02d}"
        if kind == "year":
            return m["y"]
    except ValueError:
        return None
    if ref is None:
        return None
    if kind == "md":
        try:
            return dt.date(
                ref.year, MONTHS[m["month"].lower().rstrip(".")], int(m["d"])
            ).isoformat()
        except ValueError:
            return None
    if kind == "rel":
        shift = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        unit = m["unit"].lower()
        if unit == "year":
            return str(ref.year + shift)
        if unit == "month":
            month0 = ref.year * 12 + ref.month - 1 + shift
            return f"{month0 // 12:04d}-{month0 % 12 + 1:02d}"
        return None
    if kind == "day":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[m["day"].lower()]
        return (ref + dt.timedelta(days=shift)).isoformat()
    if kind == "wd":
        target = WEEKDAYS.index(m["wd"].lower())
        rel = (m["rel"] or "").lower()
        delta = (target - ref.weekday()) % 7
        if rel == "next" or (rel != "last" and future):
            delta = delta or 7
            return (ref + dt.timedelta(days=delta)).isoformat()
        back = (ref.weekday() - target) % 7 or 7
        return (ref - dt.timedelta(days=back)).isoformat()
    return None


def article_date(text: str, n_lines: int = 15) -> dt.date | None:
    """Return the first full date in the first ``n_lines`` non-empty lines (the dateline).

    Examples
    --------
    >>> article_date("# Title\\n\\nBy someone\\n\\nJanuary 07, 2020\\n\\nText.")
    datetime.date(2020, 1, 7)
    """
    lines = [ln for ln in text.splitlines() if ln.strip()][:n_lines]
    for line in lines:
        for d in find_dates(line):
            if d.value and len(d.value) == 10:
                return dt.date.fromisoformat(d.value)
    return None


def event_date(text: str, offset: int, dates: list[DateMention]) -> str | None:
    """The date of the comma-delimited chunk at ``offset``, else of the sentence's opening chunk.

    ``dates`` are :func:`find_dates` of ``text``; ``offset`` is the character where the event's
    word stands. A date in another clause is not the event's:

    >>> text = "On 3 March 2020, troops shelled the town, a week after talks on 24 February 2020."
    >>> event_date(text, text.index("shelled"), find_dates(text))
    '2020-03-03'
    >>> event_date(text, text.index("talks"), find_dates(text))
    '2020-02-24'
    """
    if not dates:
        return None
    cuts = [i for i, ch in enumerate(text) if ch in ",;:—"]
    lo = max((c for c in cuts if c < offset), default=-1)
    hi = min((c for c in cuts if c > offset), default=len(text))
    inside = [d for d in dates if lo < d.start < hi]
    if inside:
        return inside[0].value
    first_cut = cuts[0] if cuts else len(text)
    if lo >= 0:
        opening = [d for d in dates if d.start < first_cut]
        if opening:
            return opening[0].value
    return None


__all__ = ["DateMention", "article_date", "event_date", "find_dates"]

"""Observations from coded events and from GDELT-style event files."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

from realpolitik.exceptions import InputError
from realpolitik.ingest.coder import Event
from realpolitik.ingest.dictionary import Dictionary
from realpolitik.ingest.formats import (
    GDELT2_COLUMNS,
    PLOVER_SCORES,
    cameo_to_plover,
    plover_type,
)
from realpolitik.ingest.series.model import Observation


def observations_from_events(
    events: Iterable[Event], article_dates: dict[str, dt.date | None] | None = None
) -> tuple[list[Observation], int]:
    """Dated observations of coded events (the sentence's day, else the article's).

    Returns the observations and the number of events without a day (left out).
    """
    dates = article_dates or {}
    out: list[Observation] = []
    undated = 0
    for e in events:
        day: dt.date | None = None
        if e.date and len(e.date) == 10:
            day = dt.date.fromisoformat(e.date)
        else:
            day = dates.get(e.file or "")
        if day is None:
            undated += 1
            continue
        category = plover_type(e)
        if category not in PLOVER_SCORES:
            continue  # appeals (REQUEST): PLOVER does not code them, so they have no score
        where = f"{e.file}, sentence {e.sentence}" if e.file else f"sentence {e.sentence}"
        for s, t in e.dyads():
            out.append(Observation(day, s, t, category, PLOVER_SCORES[category], e.text, where))
    return out, undated


def parse_gdelt(
    text: str, *, dictionary: Dictionary | None = None, filename: str = "<gdelt>"
) -> list[Observation]:
    """Observations from a GDELT-style tab-separated event file (pure: no I/O).

    Reads GDELT 2.0 files (61 columns, no header) and files with a header row naming at least
    ``SQLDATE``, ``Actor1Code``, ``Actor2Code`` and ``EventCode`` (such as ``ingest --format
    gdelt`` writes). Actors are resolved by their code through ``dictionary`` (a scenario's
    dictionary maps ``RUS`` to its Russia), else by ``Actor*Name`` lower-cased, else the code.
    Rows without both actors, a day or a PLOVER category (CAMEO 01 statements) are skipped.

    Raises
    ------
    InputError
        Naming the file, line and column, for a missing column or a bad date.

    Examples
    --------
    >>> row = dict.fromkeys(GDELT2_COLUMNS, "")
    >>> row.update(SQLDATE="20200108", Actor1Code="IRN", Actor2Code="USA", EventCode="190")
    >>> obs = parse_gdelt("\\t".join(row[c] for c in GDELT2_COLUMNS))
    >>> (obs[0].date.isoformat(), obs[0].source, obs[0].target, obs[0].type, obs[0].score)
    ('2020-01-08', 'irn', 'usa', 'ASSAULT', -9.3)
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise InputError(f"{filename}: empty event file; expected GDELT-style tab-separated rows")
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))
    first = rows[0]
    if "SQLDATE" in first:
        header, body, offset = first, rows[1:], 2
    elif len(first) in (len(GDELT2_COLUMNS), 58, 57):
        header = list(GDELT2_COLUMNS) if len(first) == len(GDELT2_COLUMNS) else _gdelt1(len(first))
        body, offset = rows, 1
    else:
        raise InputError(
            f"{filename}: line 1: expected a header row naming SQLDATE, Actor1Code, Actor2Code, "
            f"EventCode, or a GDELT 2.0 row of {len(GDELT2_COLUMNS)} tab-separated columns; "
            f"found {len(first)} column(s)"
        )
    need = ("SQLDATE", "Actor1Code", "Actor2Code", "EventCode")
    missing = [c for c in need if c not in header]
    if missing:
        raise InputError(f"{filename}: line 1: missing column(s) {', '.join(missing)}")
    col = {c: i for i, c in enumerate(header)}
    codes = _code_table(dictionary) if dictionary is not None else {}
    out: list[Observation] = []
    for n, row in enumerate(body):
        line = n + offset

        def get(name: str, row: list[str] = row) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        a1, a2, code = get("Actor1Code"), get("Actor2Code"), get("EventCode")
        raw_day = get("SQLDATE")
        if not (a1 and a2 and code and raw_day):
            continue
        try:
            day = dt.datetime.strptime(raw_day[:8], "%Y%m%d").date()
        except ValueError:
            raise InputError(
                f"{filename}: line {line}, column SQLDATE: expected a date YYYYMMDD; "
                f"found {raw_day!r}"
            ) from None
        category = cameo_to_plover(code)
        if category is None or category not in PLOVER_SCORES:
            continue
        s = _resolve(a1, get("Actor1Name"), codes)
        t = _resolve(a2, get("Actor2Name"), codes)
        if s == t:
            continue
        url = get("SOURCEURL")
        text_ = f"{s} -> {t}: CAMEO {code} ({category})" + (f", {url}" if url else "")
        out.append(
            Observation(
                day, s, t, category, PLOVER_SCORES[category], text_, f"{filename}, line {line}"
            )
        )
    return out


def _gdelt1(n: int) -> list[str]:
    """GDELT 1.0 columns (no ADM2 codes; 57 columns, 58 with SOURCEURL)."""
    cols = [c for c in GDELT2_COLUMNS if "ADM2" not in c]
    return cols[:n]


def _code_table(dictionary: Dictionary) -> dict[str, str]:
    table: dict[str, str] = {}
    for base, entry in dictionary.actors.items():
        actor = dictionary.resolve(base)
        table.setdefault(entry.cameo.upper(), actor)
        table.setdefault(entry.cameo.upper()[:3], actor)
    return table


def _resolve(code: str, name: str, codes: dict[str, str]) -> str:
    up = code.upper()
    if up in codes:
        return codes[up]
    if up[:3] in codes and not up.startswith("IGO"):
        return codes[up[:3]]
    return name.lower() if name else code.lower()


def load_gdelt(path: str | Path, *, dictionary: Dictionary | None = None) -> list[Observation]:
    """Read a GDELT-style event file (see :func:`parse_gdelt`)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_gdelt(text, dictionary=dictionary, filename=str(p))

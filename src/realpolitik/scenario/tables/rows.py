"""Rows and cells of a table: separators, numbers, column kinds, the form, actor ids."""

from __future__ import annotations

import csv
import math
import re
from typing import Literal

from realpolitik.exceptions import Problem

TableForm = Literal["bdm", "ktab"]


#: File suffixes read as tables.
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


_ACTOR = {"actor", "actors", "name", "names", "player", "players"}


_CAPABILITY = {"capability", "capabilities", "power", "influence", "clout"}


_RESOLVE = {"resolve", "risk"}


_NOTES = {"description", "notes", "note"}


_POSITION_RE = re.compile(r"(?<![a-z])(position|pstn|pos)(?![a-z])")


_SALIENCE_RE = re.compile(r"(?<![a-z])(salience|importance|sal)(?![a-z])")


_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


_DECIMAL_COMMA = re.compile(r"^([-+]?\d+),(\d+)$")


_SCALE_RE = re.compile(rf"\[\s*({_NUM})\s*(?:to|,|\.\.|–)\s*({_NUM})\s*\]\s*$")


def data_key(header: str) -> str:
    """The actor-data key of an extra column: ``resolve`` for resolve/risk, else the slug.

    Examples
    --------
    >>> data_key("Risk"), data_key("Actor Type")
    ('resolve', 'actor-type')
    """
    low = header.strip().lower()
    if low in _RESOLVE:
        return "resolve"
    return _slug(low, "column")


def _rows(text: str, widths: list[int] | None = None) -> list[list[str]]:
    """Cells of every line (comment lines blank, trailing empty cells dropped; line k at k-1).

    ``widths``, when given, receives each line's number of cells before the trailing empty ones
    were dropped (a row written with empty last cells is as wide as its header).
    """
    lines = ["" if line.lstrip().startswith("#") else line for line in text.splitlines()]
    first = next((line for line in lines if line.strip()), "")
    # The first row decides: commas, tabs, or semicolons (spreadsheets saved where the decimal
    # mark is a comma, whose numbers are then read with a decimal comma: 0,8 is 0.8).
    delimiter = max((",", "\t", ";"), key=lambda d: (first.count(d), d == ","))
    rows: list[list[str]] = []
    for line in lines:
        # One line at a time so that row k is line k + 1 (no quoted newlines in these tables).
        cells = next(csv.reader([line], delimiter=delimiter), [])
        cells = [c.strip() for c in cells]
        if delimiter == ";":
            cells = [_DECIMAL_COMMA.sub(r"\1.\2", c) for c in cells]
        if widths is not None:
            widths.append(len(cells))
        while cells and cells[-1] == "":
            cells.pop()
        rows.append(cells)
    return rows


def _kind(cell: str) -> str | None:
    low = cell.strip().lower()
    if low in _ACTOR:
        return "actor"
    if low in _CAPABILITY:
        return "capability"
    if _POSITION_RE.search(low):
        return "position"
    if _SALIENCE_RE.search(low):
        return "salience"
    return None


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def detect_form(text: str) -> TableForm:
    """Tell a Bueno de Mesquita table from a KTAB one by their first row.

    A first row that names an actor column and a capability or position column is a Bueno de
    Mesquita header; anything else is taken for a KTAB title row.

    Examples
    --------
    >>> detect_form("Actor,Capability,Position,Salience\\nA,1,2,0.5\\n")
    'bdm'
    >>> detect_form("name,capabilities,position,salience,resolve,\\n")
    'bdm'
    >>> detect_form("T,desc,2,1\\nActor,Desc,Influence,P,S\\n")
    'ktab'
    """
    rows = [r for r in _rows(text) if any(r)]
    head = {_kind(c) for c in rows[0]} if rows else set()
    return "bdm" if "actor" in head and head & {"capability", "position"} else "ktab"


def _number(
    cell: str, filename: str, line: int, col: int, what: str, problems: list[Problem]
) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        problems.append(
            Problem(filename, "", f"expected a number ({what}); found {cell!r}", line, col)
        )
        return None
    if not math.isfinite(value):
        problems.append(
            Problem(filename, "", f"expected a finite number ({what}); found {cell!r}", line, col)
        )
        return None
    return value


def _slug(text: str, fallback: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or fallback


def _unique_ids(names: list[str]) -> list[str]:
    """Ids from names; a repeated name gets ``-2``, ``-3``... (linear time in the rows).

    Examples
    --------
    >>> _unique_ids(["A", "A", "a-2", "A"])
    ['a', 'a-2', 'a-2-2', 'a-3']
    """
    ids: list[str] = []
    taken: set[str] = set()
    next_n: dict[str, int] = {}
    for k, name in enumerate(names):
        base = _slug(name, f"actor-{k + 1}")
        cand, n = base, next_n.get(base, 2)
        while cand in taken:
            cand, n = f"{base}-{n}", n + 1
        next_n[base] = n
        ids.append(cand)
        taken.add(cand)
    return ids


def _data_value(cell: str) -> float | str:
    try:
        value = float(cell)
    except ValueError:
        return cell
    return value if math.isfinite(value) else cell


def _first_line(text: str) -> int:
    for k, row in enumerate(_rows(text), start=1):
        if any(row):
            return k
    return 1

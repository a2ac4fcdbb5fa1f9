"""The tables the field already uses, read as scenarios and written back.

Two forms:

- **Bueno de Mesquita** (``bdm``): a header row naming the columns, one actor per row. The names
  are matched in any case, in any order, with synonyms:

  ============  =========================================================
  actor         ``actor``, ``name``, ``player`` (or a plural)
  capability    ``capability``, ``capabilities``, ``power``, ``influence``, ``clout``
  position      ``position`` (``pstn``, ``pos``)
  salience      ``salience``, ``importance`` (``sal``)
  resolve       ``resolve``, ``risk`` (kept as the actor's ``data["resolve"]``)
  description   ``description``, ``notes`` (kept as the actor's ``notes``)
  ============  =========================================================

  More issues are more position/salience column pairs (``Position Oil,Salience Oil`` or
  ``Oil Position,Oil Salience``). Every other column is kept as actor data under its own name
  (numbers as numbers), and :attr:`TableInfo.extra_columns` lists them. Positions are in the
  case's own units: each column's lowest..highest value is mapped onto 0–100 and kept as the
  issue's ``scale``, so that outputs show forecasts in those units again.
- **KTAB** (``ktab``): a title row (scenario name, description, number of actors, number of
  dimensions), a header row (actor, description, influence, then a position and a salience per
  dimension), then one actor per row; positions and saliences on 0–100, as KTAB defines them.
  Columns after the dimensions are kept as actor data. A position header may end in
  ``[lo to hi]``: the dimension's own scale (realpolitik writes it; KTAB ignores header text).

Both forms: blank lines, trailing commas and ``#`` comment lines are ignored; tab- and
semicolon-separated files work too (the first row decides; with semicolons, ``0,8`` is 0.8).

**Salience scale, decided per file** (Bueno de Mesquita form): when every salience is at most 1
they are on 0–1; otherwise on 0–100 and divided by 100. A file on 0–100 with a salience strictly
between 0 and 1 is refused, naming those cells (a 0–1 value among 0–100 ones is a mistake that
would otherwise weigh the actor 100 times too little). :attr:`TableInfo.salience_scale` says
which scale was assumed and why.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from realpolitik._csv import safe_cell
from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario.limits import check_counts
from realpolitik.scenario.loader.parse import parse_scenario
from realpolitik.scenario.model import Scenario

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


@dataclass(frozen=True)
class TableInfo:
    """How a table was read: its form, the scales assumed, and the columns kept as data.

    Attributes
    ----------
    form : {"bdm", "ktab"}
    salience_scale : {"0-1", "0-100"}
        The scale the file's saliences were read on.
    salience_reason : str
        Why (the rule, applied to this file).
    position_scales : dict of str to (float, float)
        Per issue id, the units of positions 0 and 100.
    extra_columns : tuple of str
        Header names of the columns kept as actor data (``resolve``, ``type``, ...).
    """

    form: TableForm
    salience_scale: Literal["0-1", "0-100"]
    salience_reason: str
    position_scales: dict[str, tuple[float, float]] = field(default_factory=dict)
    extra_columns: tuple[str, ...] = ()

    def describe(self) -> list[str]:
        """Sentences for ``realpolitik check``: the form, the scales assumed, the columns kept.

        Examples
        --------
        >>> info = read_table("Actor,Capability,Position,Salience,Resolve\\nA,1,4,0.5,0.2\\n"
        ...                   "B,3,10,1,0.9\\n").info
        >>> print("\\n".join(info.describe()))
        read as a Bueno de Mesquita table (header row)
        saliences read on 0-1: every salience is at most 1
        positions of 'issue' on the table's own scale 4 to 10 (its lowest and highest value)
        extra columns kept as actor data: Resolve (as 'resolve')
        """
        form = (
            "a Bueno de Mesquita table (header row)"
            if self.form == "bdm"
            else "a KTAB table (title row, header row)"
        )
        lines = [
            f"read as {form}",
            f"saliences read on {self.salience_scale}: {self.salience_reason}",
        ]
        for issue, (lo, hi) in self.position_scales.items():
            if self.form == "bdm":
                lines.append(
                    f"positions of {issue!r} on the table's own scale {lo:g} to {hi:g} "
                    "(its lowest and highest value)"
                )
            elif (lo, hi) != (0.0, 100.0):
                lines.append(f"positions of {issue!r} on {lo:g} to {hi:g} (from its header)")
        if self.extra_columns:
            kept = ", ".join(
                f"{c} (as {data_key(c)!r})" if data_key(c) != c else c for c in self.extra_columns
            )
            lines.append(f"extra columns kept as actor data: {kept}")
        return lines


@dataclass(frozen=True)
class TableRead:
    """A table read as a scenario, with :class:`TableInfo` on how it was read."""

    scenario: Scenario
    info: TableInfo


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


def read_table(text: str, *, filename: str = "<string>") -> TableRead:
    """Read a Bueno de Mesquita or KTAB table (the form is detected), saying how it was read.

    Raises
    ------
    ScenarioError
        With the line and column of every malformed cell.

    Examples
    --------
    >>> r = read_table("name,capabilities,position,salience,resolve,\\n"
    ...                "A,1,4,50,0.5,\\n"
    ...                "B,3,10,100,0.9,\\n")
    >>> [p.salience for p in r.scenario.issues[0].positions.values()], r.info.salience_scale
    ([0.5, 1.0], '0-100')
    >>> r.scenario.actor("b").data
    {'resolve': 0.9}
    """
    if not text.strip():
        raise ScenarioError([Problem(filename, "", "the file is empty")])
    # Universal newlines, as open() reads text: a lone carriage return ends a line.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Before any cell is read: a table has one actor per line after its one or two header rows.
    n_lines = sum(1 for line in text.splitlines() if line.strip())
    n_head = 1 if "capability" in text.lstrip().split("\n", 1)[0].lower() else 2
    check_counts({"actors": range(max(0, n_lines - n_head))}, filename)
    try:
        return _read_table(text, filename)
    except csv.Error as exc:  # a cell past csv's field size limit, a stray quote...
        raise ScenarioError(
            [Problem(filename, "", f"the table cannot be read as CSV: {exc}")]
        ) from None


def _read_table(text: str, filename: str) -> TableRead:
    """:func:`read_table` once the text is known to be non-empty, with plain newlines."""
    head = {c.strip('"').lower() for c in text.split("\n", 1)[0].replace("\t", ",").split(",")}
    if {"rp", "out", "pcom"} <= head:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    "this is a DEU dataset with real outcomes, not a scenario table; "
                    "score the models on it with `realpolitik backtest FILE`",
                    1,
                )
            ]
        )
    form = detect_form(text)
    if form == "ktab":
        try:
            return _parse_ktab(text, filename)
        except ScenarioError as exc:
            if any(p.line == _first_line(text) or p.line is None for p in exc.problems):
                exc.problems.append(
                    Problem(
                        filename,
                        "",
                        "expected a Bueno de Mesquita table (a header naming Actor, Capability, "
                        "Position and Salience columns, or their synonyms Name/Player, "
                        "Capabilities/Power/Influence/Clout, Importance) or a KTAB table (a title "
                        "row: name, description, number of actors, number of dimensions)",
                        _first_line(text),
                    )
                )
            raise ScenarioError(exc.problems) from None
    return _parse_bdm(text, filename)


def parse_table(text: str, *, filename: str = "<string>") -> Scenario:
    """Read a Bueno de Mesquita or KTAB table as a scenario (see :func:`read_table`).

    Raises
    ------
    ScenarioError
        With the line and column of every malformed cell.

    Examples
    --------
    >>> s = parse_table("Actor,Capability,Position,Salience\\nA,1,4,0.5\\nB,3,10,1\\n")
    >>> [p.position for p in s.issues[0].positions.values()], s.issues[0].scale
    ([0.0, 100.0], (4.0, 10.0))
    """
    return read_table(text, filename=filename).scenario


def _first_line(text: str) -> int:
    for k, row in enumerate(_rows(text), start=1):
        if any(row):
            return k
    return 1


def _issue_pairs(header: list[str]) -> tuple[list[tuple[str, int, int]], list[int]]:
    """(issue name, position column, salience column) pairs, and unpaired columns."""
    pos_cols: dict[str, int] = {}
    sal_cols: dict[str, int] = {}
    for k, h in enumerate(header):
        low = h.lower().strip()
        for regex, target in ((_POSITION_RE, pos_cols), (_SALIENCE_RE, sal_cols)):
            if regex.search(low):
                rest = regex.sub("", low, count=1).strip(" _-:")
                target[rest] = k
                break
    pairs = [(name, pos_cols[name], sal_cols[name]) for name in pos_cols if name in sal_cols]
    paired = {c for _, p, s in pairs for c in (p, s)}
    unpaired = [c for c in (*pos_cols.values(), *sal_cols.values()) if c not in paired]
    return pairs, sorted(unpaired)


def _salience_rule(
    cells: list[tuple[float, int, int]], filename: str
) -> tuple[float, Literal["0-1", "0-100"], str, list[Problem]]:
    """The per-file salience rule: (divisor, scale, reason, problems) from (value, line, col)."""
    values = [v for v, _, _ in cells]
    if not values or max(values) <= 1:
        return 1.0, "0-1", "every salience is at most 1", []
    top, tl, tc = max(cells)
    problems = []
    for v, line, col in cells:
        if v > 100:
            problems.append(
                Problem(filename, "", f"salience must be within [0, 100]; found {v:g}", line, col)
            )
        elif 0 < v < 1:
            problems.append(
                Problem(
                    filename,
                    "",
                    f"salience {v:g} is on 0-1 but others in this file are on 0-100 (e.g. {top:g} "
                    f"at line {tl}, column {tc}); write every salience on one scale",
                    line,
                    col,
                )
            )
    reason = f"a salience is above 1 ({top:g} at line {tl}, column {tc}), so all are divided by 100"
    if top <= 10:
        reason += " (if they are on 0-10, multiply them by 10 first)"
    return 100.0, "0-100", reason, problems


def _parse_bdm(text: str, filename: str) -> TableRead:
    widths: list[int] = []
    rows = _rows(text, widths)
    problems: list[Problem] = []
    start = next(k for k, r in enumerate(rows) if any(r))
    hline = start + 1
    header = rows[start]
    kinds = [_kind(h) for h in header]
    name_col = next((k for k, h in enumerate(kinds) if h == "actor"), None)
    cap_col = next((k for k, h in enumerate(kinds) if h == "capability"), None)
    pairs, unpaired = _issue_pairs(header)
    missing = [w for w, c in (("Actor", name_col), ("Capability", cap_col)) if c is None]
    if not pairs:
        missing.append("Position and Salience")
    if missing:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    f"the header needs the column(s) {', '.join(missing)}; found {header}",
                    hline,
                )
            ]
        )
    for c in unpaired:
        problems.append(
            Problem(
                filename,
                "",
                f"column {header[c]!r} has no matching position/salience column "
                "(pair them as 'Position X' and 'Salience X')",
                hline,
                c + 1,
            )
        )
    assert name_col is not None and cap_col is not None
    used = {name_col, cap_col, *(c for _, p, s in pairs for c in (p, s)), *unpaired}
    notes_col = next(
        (k for k, h in enumerate(header) if k not in used and h.strip().lower() in _NOTES), None
    )
    extra = [k for k in range(len(header)) if k not in used and k != notes_col]
    keys = [data_key(header[k]) for k in extra]
    if len(set(keys)) != len(keys):
        problems.append(
            Problem(
                filename,
                "",
                f"two extra columns map to one actor-data key; rename one of {[header[k] for k in extra]}",
                hline,
            )
        )
    needed = max(name_col, cap_col, *(max(p, s) for _, p, s in pairs)) + 1
    names: list[str] = []
    caps: list[float] = []
    notes: list[str | None] = []
    data: list[dict[str, float | str]] = []
    values: list[list[tuple[float, float] | None]] = []
    sal_cells: list[tuple[float, int, int]] = []
    for k, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(row):
            continue
        # A row may end in empty cells (an actor absent from the last issues), written out or
        # not when the file has trailing commas; a row short of them is a mistake.
        if max(len(row), widths[k - 1]) < needed or len(row) > len(header):
            problems.append(
                Problem(filename, "", f"expected {len(header)} columns; found {len(row)}", k)
            )
            continue
        row = row + [""] * (len(header) - len(row))
        if not row[name_col]:
            problems.append(
                Problem(filename, "", "expected an actor name; found ''", k, name_col + 1)
            )
        names.append(row[name_col])
        cap = _number(row[cap_col], filename, k, cap_col + 1, "capability", problems)
        if cap is not None and cap < 0:
            problems.append(
                Problem(filename, "", f"capability must be >= 0; found {cap}", k, cap_col + 1)
            )
        caps.append(cap or 0.0)
        notes.append(row[notes_col] or None if notes_col is not None else None)
        data.append(
            {key: _data_value(row[c]) for key, c in zip(keys, extra, strict=True) if row[c]}
        )
        vals: list[tuple[float, float] | None] = []
        for _, pc, sc in pairs:
            p = _number(row[pc], filename, k, pc + 1, "position", problems) if row[pc] else None
            s = _number(row[sc], filename, k, sc + 1, "salience", problems) if row[sc] else None
            if s is not None and s < 0:
                problems.append(
                    Problem(filename, "", f"salience must be >= 0; found {s}", k, sc + 1)
                )
            if s is not None:
                sal_cells.append((s, k, sc + 1))
            if bool(row[pc]) != bool(row[sc]):
                missing_col = sc if not row[sc] else pc
                problems.append(
                    Problem(
                        filename,
                        "",
                        "a position needs a salience and a salience a position; found one empty",
                        k,
                        missing_col + 1,
                    )
                )
            vals.append(None if p is None or s is None else (p, s))
        values.append(vals)
    if not names and not problems:
        problems.append(Problem(filename, "", "the table has a header but no actor rows"))
    sal_div, sal_scale, sal_reason, sal_problems = _salience_rule(sal_cells, filename)
    problems.extend(sal_problems)
    if problems:
        raise ScenarioError(problems)
    ids = _unique_ids(names)
    issues = []
    scales: dict[str, tuple[float, float]] = {}
    for j, (name, pc, _) in enumerate(pairs):
        col = [(ids[i], cell) for i, v in enumerate(values) if (cell := v[j]) is not None]
        if not col:
            raise ScenarioError(
                [
                    Problem(
                        filename,
                        "",
                        f"no actor has a position on this issue (column {header[pc]!r})",
                        hline,
                        pc + 1,
                    )
                ]
            )
        ps = [v[0] for _, v in col]
        ss = [v[1] for _, v in col]
        lo, hi = min(ps), max(ps)
        if hi == lo:
            lo, hi = lo - 1.0, hi + 1.0
        issue_id = (
            _slug(name, f"issue-{j + 1}")
            if name
            else ("issue" if len(pairs) == 1 else f"issue-{j + 1}")
        )
        scales[issue_id] = (lo, hi)
        issues.append(
            {
                "id": issue_id,
                "title": name.title() if name else "Issue",
                "low": f"{lo:g} (the table's lowest position)",
                "high": f"{hi:g} (the table's highest position)",
                "scale": [lo, hi],
                "positions": {
                    a: {"position": 100.0 * (p - lo) / (hi - lo), "salience": s / sal_div}
                    for (a, _), p, s in zip(col, ps, ss, strict=True)
                },
            }
        )
    actors: list[dict[str, Any]] = []
    for aid, n, cap_value, note, d in zip(ids, names, caps, notes, data, strict=True):
        actor: dict[str, Any] = {"id": aid, "name": n, "capability": cap_value}
        if note:
            actor["notes"] = note
        if d:
            actor["data"] = d
        actors.append(actor)
    doc = {"title": filename.rsplit("/", 1)[-1], "actors": actors, "issues": issues}
    info = TableInfo(
        form="bdm",
        salience_scale=sal_scale,
        salience_reason=sal_reason,
        position_scales=scales,
        extra_columns=tuple(header[k] for k in extra),
    )
    return TableRead(parse_scenario(doc, filename=filename), info)


def _dimension_label(cell: str, d: int) -> tuple[str, tuple[float, float] | None]:
    """A KTAB position header's dimension name, and the ``[lo to hi]`` scale it may end in."""
    scale = None
    m = _SCALE_RE.search(cell)
    if m:
        lo, hi = float(m.group(1)), float(m.group(2))
        if lo != hi:
            scale = (lo, hi)
        cell = cell[: m.start()]
    label = re.sub(r"(?i)\s*(position|pstn)\s*", " ", cell).strip() or f"Dimension {d + 1}"
    return label, scale


def _parse_ktab(text: str, filename: str) -> TableRead:
    rows = _rows(text)
    problems: list[Problem] = []
    nonempty = [(k, r) for k, r in enumerate(rows, start=1) if any(r)]
    if len(nonempty) < 3:
        raise ScenarioError(
            [Problem(filename, "", "a KTAB table needs a title row, a header row and actor rows")]
        )
    (tline, title), (hline, header) = nonempty[0], nonempty[1]
    if len(title) < 4:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    f"the title row needs name, description, number of actors, number of dimensions; found {title}",
                    tline,
                )
            ]
        )
    n_actors = _number(title[2], filename, tline, 3, "number of actors", problems)
    n_dims = _number(title[3], filename, tline, 4, "number of dimensions", problems)
    for value, col, what in (
        (n_actors, 3, "number of actors"),
        (n_dims, 4, "number of dimensions"),
    ):
        if value is not None and not (value >= 1 and value == int(value)):
            problems.append(
                Problem(
                    filename,
                    f"line {tline}, column {col}",
                    f"expected a whole number >= 1 ({what}); found {title[col - 1]!r}",
                )
            )
    if problems:
        raise ScenarioError(problems)
    assert n_actors is not None and n_dims is not None
    n_dims_i = int(n_dims)
    check_counts({"issues": range(n_dims_i)}, filename)  # before building 2 × n_dims columns
    width = 3 + 2 * n_dims_i
    if n_dims_i < 1 or len(header) < width:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    f"expected {width} header columns for {n_dims_i} dimension(s); found {len(header)}",
                    hline,
                )
            ]
        )
    extra = list(range(width, len(header)))
    keys = [data_key(header[k]) for k in extra]
    body = nonempty[2:]
    if len(body) != int(n_actors):
        problems.append(
            Problem(
                filename,
                "",
                f"the title row says {int(n_actors)} actors; the table has {len(body)} rows",
                tline,
                3,
            )
        )
    names, descs, caps, cells, data = [], [], [], [], []
    for line, row in body:
        if len(row) < width or len(row) > len(header):
            problems.append(
                Problem(filename, "", f"expected {len(header)} columns; found {len(row)}", line)
            )
            continue
        row = row + [""] * (len(header) - len(row))
        names.append(row[0])
        descs.append(row[1])
        cap = _number(row[2], filename, line, 3, "influence", problems)
        if cap is not None and cap < 0:
            problems.append(Problem(filename, "", f"influence must be >= 0; found {cap}", line, 3))
        caps.append(cap or 0.0)
        vals = []
        for d in range(n_dims_i):
            p = _number(row[3 + 2 * d], filename, line, 4 + 2 * d, "position", problems)
            s = _number(row[4 + 2 * d], filename, line, 5 + 2 * d, "salience", problems)
            for v, col, what in ((p, 4 + 2 * d, "position"), (s, 5 + 2 * d, "salience")):
                if v is not None and not 0 <= v <= 100:
                    problems.append(
                        Problem(
                            filename, "", f"{what} must be within [0, 100]; found {v}", line, col
                        )
                    )
            vals.append((p or 0.0, (s or 0.0) / 100.0))
        cells.append(vals)
        data.append(
            {key: _data_value(row[c]) for key, c in zip(keys, extra, strict=True) if row[c]}
        )
    if problems:
        raise ScenarioError(problems)
    ids = _unique_ids(names)
    issues: list[dict[str, Any]] = []
    for d in range(n_dims_i):
        label, scale = _dimension_label(header[3 + 2 * d], d)
        issue: dict[str, Any] = {
            "id": _slug(label, f"dim-{d + 1}"),
            "title": label,
            "positions": {
                ids[i]: {"position": c[d][0], "salience": c[d][1]} for i, c in enumerate(cells)
            },
        }
        if scale is not None:
            issue["scale"] = list(scale)
        issues.append(issue)
    seen: set[str] = set()
    for k, issue in enumerate(issues):
        if issue["id"] in seen:
            issue["id"] = f"{issue['id']}-{k + 1}"
        seen.add(issue["id"])
    actors: list[dict[str, Any]] = []
    for i, n, c, desc, dd in zip(ids, names, caps, descs, data, strict=True):
        actor: dict[str, Any] = {"id": i, "name": n, "capability": c}
        if desc:
            actor["notes"] = desc
        if dd:
            actor["data"] = dd
        actors.append(actor)
    doc = {
        "title": title[0],
        "description": title[1] or None,
        "actors": actors,
        "issues": issues,
    }
    info = TableInfo(
        form="ktab",
        salience_scale="0-100",
        salience_reason="KTAB tables hold saliences on 0-100 by definition; divided by 100",
        position_scales={
            str(i["id"]): (float(i["scale"][0]), float(i["scale"][1]))
            if "scale" in i
            else (0.0, 100.0)
            for i in issues
        },
        extra_columns=tuple(header[k] for k in extra),
    )
    return TableRead(parse_scenario(doc, filename=filename), info)


def _fmt(x: float) -> str:
    """``x`` in six digits when that is exact, else in 15 (within 1e-15 relative)."""
    text = f"{x:.6g}"
    return text if float(text) == x else f"{x:.15g}"


def _data_columns(scenario: Scenario) -> list[str]:
    keys: dict[str, None] = {}
    for a in scenario.actors:
        keys.update(dict.fromkeys(a.data))
    return list(keys)


def _data_cell(value: float | str | None) -> str:
    if value is None:
        return ""
    return _fmt(value) if isinstance(value, float) else value


class _SafeWriter:
    """A csv writer whose text cells cannot run as spreadsheet formulas (see realpolitik._csv)."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, row: list[Any]) -> None:
        self.writer.writerow([safe_cell(c) for c in row])


def write_table(scenario: Scenario, form: TableForm = "bdm") -> str:
    """Return the scenario as a Bueno de Mesquita or KTAB table (CSV text).

    Evidence, relations, shocks and trees have no place in these tables and are left out.
    An actor absent from an issue gets empty cells (``bdm``) or is written with salience 0
    (``ktab``, which has no empty cells). Actor data (``resolve``, ...) become extra columns.
    ``bdm`` positions are written in each issue's own units; ``ktab`` positions on 0–100, with
    the issue's own scale at the end of its position header (``Oil Position [12.85 to 14.25]``).

    Examples
    --------
    >>> s = parse_table("Actor,Capability,Position,Salience\\nA,1,4,0.5\\nB,3,10,1\\n")
    >>> print(write_table(s).strip())
    Actor,Capability,Position,Salience
    A,1,4,0.5
    B,3,10,1
    """
    buf = io.StringIO()
    w = _SafeWriter(csv.writer(buf, lineterminator="\n"))
    issues = scenario.issues
    extra = _data_columns(scenario)
    if form == "bdm":
        if len(issues) == 1:
            head = ["Actor", "Capability", "Position", "Salience"]
        else:
            head = ["Actor", "Capability"]
            for i in issues:
                head += [f"Position {i.id}", f"Salience {i.id}"]
        w.writerow(head + [_data_header(k) for k in extra])
        for a in scenario.actors:
            row = [a.name, _fmt(a.capability)]
            for i in issues:
                pos = i.positions.get(a.id)
                if pos is None:
                    row += ["", ""]
                    continue
                lo, hi = i.scale if i.scale is not None else (0.0, 100.0)
                row += [_fmt(lo + (hi - lo) * pos.position / 100.0), _fmt(pos.salience)]
            w.writerow(row + [_data_cell(a.data.get(k)) for k in extra])
    else:
        w.writerow([scenario.title, scenario.description or "", len(scenario.actors), len(issues)])
        head = ["Actor", "Description", "Influence"]
        for i in issues:
            suffix = "" if i.scale is None else f" [{_fmt(i.scale[0])} to {_fmt(i.scale[1])}]"
            head += [f"{i.title} Position{suffix}", f"{i.title} Salience"]
        w.writerow(head + [_data_header(k) for k in extra])
        for a in scenario.actors:
            row = [a.name, a.notes or "", _fmt(a.capability)]
            for i in issues:
                pos = i.positions.get(a.id)
                row += ["0", "0"] if pos is None else [_fmt(pos.position), _fmt(pos.salience * 100)]
            w.writerow(row + [_data_cell(a.data.get(k)) for k in extra])
    return buf.getvalue()


def _data_header(key: str) -> str:
    return key.capitalize() if key == "resolve" else key


__all__ = [
    "TABLE_SUFFIXES",
    "TableForm",
    "TableInfo",
    "TableRead",
    "data_key",
    "detect_form",
    "parse_table",
    "read_table",
    "write_table",
]

"""The tables the field already uses, read as scenarios and written back.

Two forms:

- **Bueno de Mesquita** (``bdm``): a header row ``Actor,Capability,Position,Salience`` in any
  case and column order (``name`` for ``actor`` too), one actor per row. More issues are more
  position/salience column pairs (``Position Oil,Salience Oil`` or ``Oil Position,Oil Salience``).
  Positions are in the case's own units: they are mapped linearly onto 0–100 from the lowest to
  the highest position in the column, and the issue keeps ``scale`` so that they can be written
  back. Saliences on 0–1 are kept; a column with a value above 1 is read as 0–100.
- **KTAB** (``ktab``): a title row (scenario name, description, number of actors, number of
  dimensions), a header row (actor, description, influence, then a position and a salience per
  dimension), then one actor per row; positions on 0–100 and saliences on 0–100.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any, Literal

from realpolitik._csv import safe_cell
from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario.limits import check_counts
from realpolitik.scenario.model import Scenario

TableForm = Literal["bdm", "ktab"]


def _rows(text: str) -> list[list[str]]:
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    # Trailing empty cells (KTAB writes a comma at the end of every row).
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    return rows


def detect_form(text: str) -> TableForm:
    """Tell a Bueno de Mesquita table from a KTAB one by their first row.

    Examples
    --------
    >>> detect_form("Actor,Capability,Position,Salience\\nA,1,2,0.5\\n")
    'bdm'
    """
    rows = [r for r in _rows(text) if any(r)]
    head = [c.lower() for c in rows[0]] if rows else []
    return "bdm" if "capability" in head else "ktab"


def _number(
    cell: str, filename: str, line: int, col: int, what: str, problems: list[Problem]
) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        problems.append(
            Problem(
                filename,
                f"line {line}, column {col}",
                f"expected a number ({what}); found {cell!r}",
            )
        )
        return None
    if value != value or value in (float("inf"), float("-inf")):
        problems.append(
            Problem(
                filename,
                f"line {line}, column {col}",
                f"expected a finite number ({what}); found {cell!r}",
            )
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


def parse_table(text: str, *, filename: str = "<string>") -> Scenario:
    """Read a Bueno de Mesquita or KTAB table as a scenario (the form is detected).

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
    if not text.strip():
        raise ScenarioError([Problem(filename, "", "the file is empty")])
    # Universal newlines, as open() reads text: a lone carriage return ends a line.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        return _parse_table(text, filename)
    except csv.Error as exc:  # a cell past csv's field size limit, a stray quote...
        raise ScenarioError(
            [Problem(filename, "", f"the table cannot be read as CSV: {exc}")]
        ) from None


def _parse_table(text: str, filename: str) -> Scenario:
    # Before any cell is read: a table has one actor per line after its one or two header rows.
    n_lines = sum(1 for line in text.splitlines() if line.strip())
    n_head = 1 if "capability" in text.lstrip().split("\n", 1)[0].lower() else 2
    check_counts({"actors": range(max(0, n_lines - n_head))}, filename)
    head = {c.strip('"').lower() for c in text.split("\n", 1)[0].replace("\t", ",").split(",")}
    if {"rp", "out", "pcom"} <= head:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "line 1",
                    "this is a DEU dataset with real outcomes, not a scenario table; "
                    "score the models on it with `realpolitik backtest FILE`",
                )
            ]
        )
    form = detect_form(text)
    if form == "ktab":
        try:
            return _parse_ktab(text, filename)
        except ScenarioError as exc:
            if any(p.where.startswith("line 1,") or not p.where for p in exc.problems):
                exc.problems.append(
                    Problem(
                        filename,
                        "line 1",
                        "expected a Bueno de Mesquita table (a header with Actor, Capability, "
                        "Position, Salience) or a KTAB table (a title row: name, description, "
                        "number of actors, number of dimensions)",
                    )
                )
            raise ScenarioError(exc.problems) from None
    return _parse_bdm(text, filename)


def _issue_pairs(header: list[str]) -> list[tuple[str, int, int]]:
    """Find (issue name, position column, salience column) pairs in a header."""
    pos_cols: dict[str, int] = {}
    sal_cols: dict[str, int] = {}
    for k, h in enumerate(header):
        low = h.lower().strip()
        for word, target in (("position", pos_cols), ("salience", sal_cols)):
            if word in low:
                rest = low.replace(word, "").strip(" _-:")
                target[rest] = k
    return [(name, pos_cols[name], sal_cols[name]) for name in pos_cols if name in sal_cols]


def _parse_bdm(text: str, filename: str) -> Scenario:
    rows = _rows(text)
    problems: list[Problem] = []
    start = next(k for k, r in enumerate(rows) if any(r))
    header = rows[start]
    low = [h.lower() for h in header]
    name_col = next((k for k, h in enumerate(low) if h in ("actor", "name")), None)
    cap_col = next((k for k, h in enumerate(low) if h == "capability"), None)
    pairs = _issue_pairs(header)
    missing = [w for w, c in (("Actor", name_col), ("Capability", cap_col)) if c is None]
    if not pairs:
        missing.append("Position and Salience")
    if missing:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    f"line {start + 1}",
                    f"the header needs the column(s) {', '.join(missing)}; found {header}",
                )
            ]
        )
    assert name_col is not None and cap_col is not None
    names: list[str] = []
    caps: list[float] = []
    values: list[list[tuple[float, float] | None]] = []
    for k, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(row):
            continue
        if len(row) < len(header):
            problems.append(
                Problem(filename, f"line {k}", f"expected {len(header)} columns; found {len(row)}")
            )
            continue
        names.append(row[name_col])
        cap = _number(row[cap_col], filename, k, cap_col + 1, "capability", problems)
        if cap is not None and cap < 0:
            problems.append(
                Problem(
                    filename,
                    f"line {k}, column {cap_col + 1}",
                    f"capability must be >= 0; found {cap}",
                )
            )
        caps.append(cap or 0.0)
        vals: list[tuple[float, float] | None] = []
        for _, pc, sc in pairs:
            p = _number(row[pc], filename, k, pc + 1, "position", problems) if row[pc] else None
            s = _number(row[sc], filename, k, sc + 1, "salience", problems) if row[sc] else None
            if s is not None and s < 0:
                problems.append(
                    Problem(
                        filename, f"line {k}, column {sc + 1}", f"salience must be >= 0; found {s}"
                    )
                )
            vals.append(None if p is None or s is None else (p, s))
        values.append(vals)
    if not names:
        problems.append(Problem(filename, "", "the table has a header but no actor rows"))
    if problems:
        raise ScenarioError(problems)
    ids = _unique_ids(names)
    issues = []
    for j, (name, _, _) in enumerate(pairs):
        col = [(ids[i], cell) for i, v in enumerate(values) if (cell := v[j]) is not None]
        ps = [v[0] for _, v in col]
        ss = [v[1] for _, v in col]
        if not col:
            raise ScenarioError(
                [
                    Problem(
                        filename,
                        f"column {pairs[j][1] + 1}",
                        "no actor has a position on this issue",
                    )
                ]
            )
        lo, hi = min(ps), max(ps)
        if hi == lo:
            lo, hi = lo - 1.0, hi + 1.0
        sal_div = 100.0 if max(ss) > 1 else 1.0
        issue_id = (
            _slug(name, f"issue-{j + 1}")
            if name
            else ("issue" if len(pairs) == 1 else f"issue-{j + 1}")
        )
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
    data = {
        "title": filename.rsplit("/", 1)[-1],
        "actors": [
            {"id": i, "name": n, "capability": c} for i, n, c in zip(ids, names, caps, strict=True)
        ],
        "issues": issues,
    }
    from realpolitik.scenario.loader import parse_scenario

    return parse_scenario(data, filename=filename)


def _parse_ktab(text: str, filename: str) -> Scenario:
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
                    f"line {tline}",
                    f"the title row needs name, description, number of actors, number of dimensions; found {title}",
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
    if len(header) < width:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    f"line {hline}",
                    f"expected {width} header columns for {n_dims_i} dimension(s); found {len(header)}",
                )
            ]
        )
    body = nonempty[2:]
    if len(body) != int(n_actors):
        problems.append(
            Problem(
                filename,
                f"line {tline}, column 3",
                f"the title row says {int(n_actors)} actors; the table has {len(body)} rows",
            )
        )
    names, descs, caps, cells = [], [], [], []
    for line, row in body:
        if len(row) < width:
            problems.append(
                Problem(filename, f"line {line}", f"expected {width} columns; found {len(row)}")
            )
            continue
        names.append(row[0])
        descs.append(row[1])
        cap = _number(row[2], filename, line, 3, "influence", problems)
        if cap is not None and cap < 0:
            problems.append(
                Problem(filename, f"line {line}, column 3", f"influence must be >= 0; found {cap}")
            )
        caps.append(cap or 0.0)
        vals = []
        for d in range(n_dims_i):
            p = _number(row[3 + 2 * d], filename, line, 4 + 2 * d, "position", problems)
            s = _number(row[4 + 2 * d], filename, line, 5 + 2 * d, "salience", problems)
            for v, col, what, top in (
                (p, 4 + 2 * d, "position", 100),
                (s, 5 + 2 * d, "salience", 100),
            ):
                if v is not None and not 0 <= v <= top:
                    problems.append(
                        Problem(
                            filename,
                            f"line {line}, column {col}",
                            f"{what} must be within [0, {top}]; found {v}",
                        )
                    )
            vals.append((p or 0.0, (s or 0.0) / 100.0))
        cells.append(vals)
    if problems:
        raise ScenarioError(problems)
    ids = _unique_ids(names)
    issues: list[dict[str, Any]] = []
    for d in range(n_dims_i):
        label = (
            re.sub(r"(?i)\s*(position|pstn)\s*", " ", header[3 + 2 * d]).strip()
            or f"Dimension {d + 1}"
        )
        issues.append(
            {
                "id": _slug(label, f"dim-{d + 1}"),
                "title": label,
                "positions": {
                    ids[i]: {"position": c[d][0], "salience": c[d][1]} for i, c in enumerate(cells)
                },
            }
        )
    seen: set[str] = set()
    for k, issue in enumerate(issues):
        if issue["id"] in seen:
            issue["id"] = f"{issue['id']}-{k + 1}"
        seen.add(issue["id"])
    data = {
        "title": title[0],
        "description": title[1] or None,
        "actors": [
            {"id": i, "name": n, "capability": c, "notes": d or None}
            for i, n, c, d in zip(ids, names, caps, descs, strict=True)
        ],
        "issues": issues,
    }
    from realpolitik.scenario.loader import parse_scenario

    return parse_scenario(data, filename=filename)


def _fmt(x: float) -> str:
    return f"{x:.6g}"


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
    (``ktab``, which has no empty cells).

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
    if form == "bdm":
        if len(issues) == 1:
            w.writerow(["Actor", "Capability", "Position", "Salience"])
        else:
            head = ["Actor", "Capability"]
            for i in issues:
                head += [f"Position {i.id}", f"Salience {i.id}"]
            w.writerow(head)
        for a in scenario.actors:
            row = [a.name, _fmt(a.capability)]
            for i in issues:
                pos = i.positions.get(a.id)
                if pos is None:
                    row += ["", ""]
                    continue
                lo, hi = i.scale if i.scale is not None else (0.0, 100.0)
                row += [_fmt(lo + (hi - lo) * pos.position / 100.0), _fmt(pos.salience)]
            w.writerow(row)
    else:
        w.writerow([scenario.title, scenario.description or "", len(scenario.actors), len(issues)])
        head = ["Actor", "Description", "Influence"]
        for i in issues:
            head += [f"{i.title} Position", f"{i.title} Salience"]
        w.writerow(head)
        for a in scenario.actors:
            row = [a.name, a.notes or "", _fmt(a.capability)]
            for i in issues:
                pos = i.positions.get(a.id)
                row += ["0", "0"] if pos is None else [_fmt(pos.position), _fmt(pos.salience * 100)]
            w.writerow(row)
    return buf.getvalue()


__all__ = ["TableForm", "detect_form", "parse_table", "write_table"]

"""KTAB's form: a title row, a header row, one actor per row, positions and saliences on 0-100."""

from __future__ import annotations

import re
from typing import Any

from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario.limits import check_counts
from realpolitik.scenario.loader.parse import parse_scenario
from realpolitik.scenario.tables.info import TableInfo, TableRead
from realpolitik.scenario.tables.rows import (
    _SCALE_RE,
    _data_value,
    _number,
    _rows,
    _slug,
    _unique_ids,
    data_key,
)


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

"""The Bueno de Mesquita form: a header row naming the columns, one actor per row."""

from __future__ import annotations

from typing import Any, Literal

from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario.loader.parse import parse_scenario
from realpolitik.scenario.tables.info import TableInfo, TableRead
from realpolitik.scenario.tables.rows import (
    _NOTES,
    _POSITION_RE,
    _SALIENCE_RE,
    _data_value,
    _kind,
    _number,
    _rows,
    _slug,
    _unique_ids,
    data_key,
)


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

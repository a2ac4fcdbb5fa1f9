"""A scenario written back as a table in either form."""

from __future__ import annotations

import csv
import io
from typing import Any

from realpolitik._csv import safe_cell
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.tables.rows import TableForm


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
    >>> from realpolitik.scenario.tables import parse_table
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

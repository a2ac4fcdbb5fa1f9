"""The DEU III data set (Decision-making in the European Union) as arrays, for backtests.

The file is tab-separated with quoted text. Its header names, per actor code ``xx`` (``com``,
``ep`` and the member states), a position column ``pxx`` and a salience column ``sxx`` (both
0–100), plus ``rp`` (the reference point, i.e. the status quo) and ``out`` (the outcome). The
first data row is not an issue: it holds a GDP figure per actor under the position columns,
used as capability. An empty cell means the actor took no position (absent).

A position without a salience gets salience 50 (the middle of the scale): the data set records
no salience for 54 positions of 13 issues, and with this convention the capability × salience
weighted mean of the 353 issues with an outcome scores a mean absolute error of 23.09, the
figure published with the copy of the data we use.

References
----------
.. [1] J. Arregui and C. Perarnaud, "The Decision-making in the European Union (DEU III)
   dataset", 2021, doi:10.34810/data53.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realpolitik._types import FloatArray
from realpolitik.engine.state import BargainingState
from realpolitik.exceptions import Problem, ScenarioError

#: Salience given to a position recorded without one.
MISSING_SALIENCE = 50.0
_TEXT_COLUMNS = ("prnr", "isnr")
#: Header columns starting with ``p`` that are not positions.
_NOT_POSITIONS = frozenset({"prnrnmc", "prnr", "prname", "proc", "proccde"})


@dataclass(frozen=True, kw_only=True)
class DeuData:
    """DEU III issues as arrays, one issue per column of ``state``.

    Parameters
    ----------
    issue_ids : tuple of str
        The issue codes (``isnr``), one per issue.
    proposal_ids : tuple of str
        The proposal each issue belongs to (``prnr``), for leave-one-proposal-out validation.
    actors : tuple of str
        Actor codes (``com``, ``ep``, ``at``, ...).
    state : BargainingState
        Positions (0–100) and saliences (0–1) of shape (n_actors, n_issues); capability = GDP.
    outcome : ndarray, shape (n_issues,)
        The decision's position on the issue scale; NaN where unknown.
    reference_point : ndarray, shape (n_issues,)
        The status quo; NaN where the data set gives none.
    lines : tuple of int
        The line of the file each issue came from.
    """

    issue_ids: tuple[str, ...]
    proposal_ids: tuple[str, ...]
    actors: tuple[str, ...]
    state: BargainingState
    outcome: FloatArray
    reference_point: FloatArray
    lines: tuple[int, ...]

    @property
    def n_issues(self) -> int:
        """Number of issues."""
        return len(self.issue_ids)

    def select(self, mask: np.ndarray) -> DeuData:
        """The issues where ``mask`` (shape (n_issues,)) is True."""
        keep = np.asarray(mask, dtype=bool)
        idx = np.nonzero(keep)[0]
        st = self.state
        return DeuData(
            issue_ids=tuple(self.issue_ids[i] for i in idx),
            proposal_ids=tuple(self.proposal_ids[i] for i in idx),
            actors=self.actors,
            state=BargainingState(
                position=st.position[:, idx],
                salience=st.salience[:, idx],
                capability=st.capability,
                present=st.present[:, idx],
            ),
            outcome=self.outcome[idx],
            reference_point=self.reference_point[idx],
            lines=tuple(self.lines[i] for i in idx),
        )


def _cell_number(
    cell: str, filename: str, line: int, column: str, problems: list[Problem], *, scale: bool
) -> float:
    """The number in ``cell`` (NaN for an empty cell); records a problem when it is not one."""
    text = cell.strip()
    if text == "":
        return math.nan
    try:
        value = float(text)
    except ValueError:
        problems.append(
            Problem(filename, f"line {line}, column {column}", f"expected a number; found {cell!r}")
        )
        return math.nan
    if not math.isfinite(value) or (scale and not 0.0 <= value <= 100.0):
        problems.append(
            Problem(
                filename,
                f"line {line}, column {column}",
                f"expected a number from 0 to 100; found {cell!r}",
            )
        )
        return math.nan
    return value


_DEU_FORMAT = (
    "backtest needs the tab-separated DEU III data set, whose header names prnr, isnr, a "
    "position and a salience column per actor (pcom, scom, pde, sde, ...), rp (the reference "
    "point) and out (the outcome)"
)


def _not_deu(text: str, header: list[str], filename: str) -> str:
    """Say that the file is not DEU III, and what it looks like instead.

    Examples
    --------
    >>> print(_not_deu("title: toy\\nactors: []\\n", ["title: toy"], "toy.yaml").split("; ")[-1])
    found a first line without tabs, 'title: toy' (it looks like a YAML scenario, not DEU III data)
    """
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    if len(header) < 2:
        found = f"found a first line without tabs, {first[:60]!r}"
        if filename.lower().endswith((".yaml", ".yml")) or re.match(r"^[\w-]+:(\s|$)", first):
            found += " (it looks like a YAML scenario, not DEU III data)"
        elif "," in first or ";" in first:
            found += " (comma- or semicolon-separated? DEU III is tab-separated)"
    else:
        shown = ", ".join(repr(h) for h in header[:8]) + (", ..." if len(header) > 8 else "")
        found = f"found a header with {len(header)} columns: {shown}, none of prnr, isnr, rp, out"
    return f"not a DEU III file: {_DEU_FORMAT}; {found}"


def parse_deu(text: str, *, filename: str = "<string>") -> DeuData:
    """Read DEU III from the text of its tab-separated file.

    Parameters
    ----------
    text : str
        The file's content.
    filename : str
        Used in error messages.

    Returns
    -------
    DeuData

    Raises
    ------
    ScenarioError
        Listing every problem with its line and column: missing columns, rows of the wrong
        length, cells that are not numbers from 0 to 100, a missing GDP row.

    Examples
    --------
    >>> text = ('"prnr"\\t"isnr"\\t"pcom"\\t"pde"\\t"scom"\\t"sde"\\t"rp"\\t"out"\\n'
    ...         '\\t\\t"4.1"\\t"3.5"\\t\\t\\t\\t\\n'
    ...         '"d1"\\t"d1i1"\\t100\\t0\\t80\\t\\t0\\t60\\n')
    >>> data = parse_deu(text)
    >>> data.actors, data.state.salience[:, 0].tolist(), data.outcome.tolist()
    (('com', 'de'), [0.8, 0.5], [60.0])
    """
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quotechar='"'))
    if not rows or not any(c.strip() for c in rows[0]):
        raise ScenarioError(
            [Problem(filename, "line 1", "expected a header row; the file is empty")]
        )
    header = [c.strip() for c in rows[0]]
    col = {name: k for k, name in enumerate(header)}
    if not any(c in col for c in (*_TEXT_COLUMNS, "rp", "out")):
        raise ScenarioError([Problem(filename, "line 1", _not_deu(text, header, filename))])
    actors = [h[1:] for h in header if h.startswith("p") and h not in _NOT_POSITIONS and len(h) > 1]
    missing = [c for c in (*_TEXT_COLUMNS, "rp", "out") if c not in col]
    missing += [f"s{a}" for a in actors if f"s{a}" not in col]
    if not actors:
        missing.append("p<actor> position columns (pcom, pde, ...)")
    if missing:
        raise ScenarioError(
            [Problem(filename, "line 1", f"the header needs the column(s) {', '.join(missing)}")]
        )
    problems: list[Problem] = []
    width = len(header)
    if len(rows) < 2:
        raise ScenarioError(
            [Problem(filename, "line 2", "expected the GDP row (one capability per actor)")]
        )
    gdp_row = rows[1] + [""] * (width - len(rows[1]))
    capability = []
    for a in actors:
        cell = gdp_row[col[f"p{a}"]]
        try:
            value = float(cell)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0:
            problems.append(
                Problem(
                    filename,
                    f"line 2, column p{a}",
                    f"expected the GDP of {a} (a number >= 0) in the second row; found {cell!r}",
                )
            )
            value = 0.0
        capability.append(value)

    issue_ids, proposal_ids, lines = [], [], []
    pos_rows, sal_rows, rp, out = [], [], [], []
    for k, row in enumerate(rows[2:], start=3):
        if not any(c.strip() for c in row):
            continue
        if len(row) != width:
            problems.append(
                Problem(
                    filename, f"line {k}", f"expected {width} tab-separated cells; found {len(row)}"
                )
            )
            continue
        isnr = row[col["isnr"]].strip()
        if not isnr:
            problems.append(Problem(filename, f"line {k}, column isnr", "expected an issue code"))
        issue_ids.append(isnr)
        proposal_ids.append(row[col["prnr"]].strip())
        lines.append(k)
        pos = [
            _cell_number(row[col[f"p{a}"]], filename, k, f"p{a}", problems, scale=True)
            for a in actors
        ]
        sal = [
            _cell_number(row[col[f"s{a}"]], filename, k, f"s{a}", problems, scale=True)
            for a in actors
        ]
        pos_rows.append(pos)
        sal_rows.append(sal)
        rp.append(_cell_number(row[col["rp"]], filename, k, "rp", problems, scale=True))
        out.append(_cell_number(row[col["out"]], filename, k, "out", problems, scale=True))
    if problems:
        raise ScenarioError(problems)
    if not issue_ids:
        raise ScenarioError([Problem(filename, "line 3", "expected at least one issue row")])

    position = np.array(pos_rows, dtype=np.float64).T  # (n_actors, n_issues)
    salience = np.array(sal_rows, dtype=np.float64).T
    present = np.isfinite(position)
    salience = np.where(present & ~np.isfinite(salience), MISSING_SALIENCE, salience)
    state = BargainingState(
        position=np.where(present, position, 0.0),
        salience=np.where(present, salience / 100.0, 0.0),
        capability=np.array(capability, dtype=np.float64),
        present=present,
    )
    return DeuData(
        issue_ids=tuple(issue_ids),
        proposal_ids=tuple(proposal_ids),
        actors=tuple(actors),
        state=state,
        outcome=np.array(out, dtype=np.float64),
        reference_point=np.array(rp, dtype=np.float64),
        lines=tuple(lines),
    )


def load_deu(path: str | Path) -> DeuData:
    """Read the DEU III file at ``path`` (see :func:`parse_deu`).

    Raises
    ------
    ScenarioError
        When the file cannot be read or is malformed.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ScenarioError([Problem(str(p), "", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError([Problem(str(p), "", f"cannot read the file: {exc}")]) from None
    return parse_deu(text, filename=str(p))


__all__ = ["MISSING_SALIENCE", "DeuData", "load_deu", "parse_deu"]

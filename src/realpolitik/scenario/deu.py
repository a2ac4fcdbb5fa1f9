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

Besides positions, the file records per issue the legislative procedure (``proc``: ``COD``, the
ordinary legislative procedure or co-decision, or ``CNS``, consultation), the Council's voting
rule (``counvte``: ``QMV`` or ``Unan``) and the dates of the proposal (``intro``) and of the
final act (``finact``). Those dates come in three forms: ``dd-mm-yy``, ``dd-mm-yyyy``, and
``yyyy-mm-dd`` — the last is always a mangled ``dd-mm-yy`` whose day (13 to 31) was read as a
year 19dd/20dd and whose year as a day (every such cell has a "year" of 1930, 1931 or 2013 to
2029 and a "day" of 01 to 19, and none has a day of 1 to 12: the dates whose day could pass as a
month were left alone). :func:`repair_date` swaps them back (``2020-05-08`` is 20 May 2008);
``999`` means no final act.

References
----------
.. [1] J. Arregui and C. Perarnaud, "The Decision-making in the European Union (DEU III)
   dataset", 2021, doi:10.34810/data53.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik._types import FloatArray
from realpolitik.engine.eu_models import EuRules
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
    procedure : tuple of str
        ``COD`` (ordinary legislative procedure), ``CNS`` (consultation) or ``""`` per issue.
    council_rule : tuple of str
        ``QMV`` or ``Unan`` (the Council's voting rule) or ``""`` per issue.
    proposal_date, decision_date : tuple of datetime.date or None
        The (repaired) dates of the proposal and of the final act; None where unknown.
    """

    issue_ids: tuple[str, ...]
    proposal_ids: tuple[str, ...]
    actors: tuple[str, ...]
    state: BargainingState
    outcome: FloatArray
    reference_point: FloatArray
    lines: tuple[int, ...]
    procedure: tuple[str, ...] = field(default=())
    council_rule: tuple[str, ...] = field(default=())
    proposal_date: tuple[dt.date | None, ...] = field(default=())
    decision_date: tuple[dt.date | None, ...] = field(default=())

    def __post_init__(self) -> None:
        n = len(self.issue_ids)
        for name, fill in (
            ("procedure", ""),
            ("council_rule", ""),
            ("proposal_date", None),
            ("decision_date", None),
        ):
            if len(getattr(self, name)) != n:
                object.__setattr__(self, name, tuple([fill] * n))

    def roles(self) -> tuple[str, ...]:
        """Each actor's role: ``commission``, ``parliament`` or ``member`` (a member state).

        Examples
        --------
        >>> text = ('"prnr"\\t"isnr"\\t"pcom"\\t"pep"\\t"pde"\\t"scom"\\t"sep"\\t"sde"\\t"rp"\\t"out"\\n'
        ...         '\\t\\t1\\t1\\t1\\t\\t\\t\\t\\t\\n"x"\\t"x1"\\t0\\t0\\t0\\t50\\t50\\t50\\t0\\t0\\n')
        >>> parse_deu(text).roles()
        ('commission', 'parliament', 'member')
        """
        return tuple(
            {"com": "commission", "ep": "parliament"}.get(a, "member") for a in self.actors
        )

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
            procedure=tuple(self.procedure[i] for i in idx),
            council_rule=tuple(self.council_rule[i] for i in idx),
            proposal_date=tuple(self.proposal_date[i] for i in idx),
            decision_date=tuple(self.decision_date[i] for i in idx),
        )


def repair_date(text: str) -> dt.date | None:
    """A DEU III date cell as a date, swapping back the mangled ``yyyy-mm-dd`` form.

    Returns None for an empty cell, ``999`` or anything that is not a date.

    Examples
    --------
    >>> repair_date("26-01-00"), repair_date("17-04-96"), repair_date("20-07-2016")
    (datetime.date(2000, 1, 26), datetime.date(1996, 4, 17), datetime.date(2016, 7, 20))
    >>> repair_date("2020-05-08"), repair_date("1930-05-01"), repair_date("999")
    (datetime.date(2008, 5, 20), datetime.date(2001, 5, 30), None)
    """
    t = text.strip()
    try:
        if m := re.fullmatch(r"(\d\d)-(\d\d)-(\d\d)", t):
            yy = int(m[3])
            return dt.date(1900 + yy if yy >= 90 else 2000 + yy, int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", t):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{2})(\d\d)-(\d\d)-(\d\d)", t):
            # The day was read as a year (19dd or 20dd) and the two-digit year as a day.
            yy = int(m[4])
            return dt.date(1900 + yy if yy >= 90 else 2000 + yy, int(m[3]), int(m[2]))
    except ValueError:
        return None
    return None


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
    procedure, rule, intro, final = [], [], [], []

    def text_cell(row: list[str], name: str) -> str:
        return row[col[name]].strip() if name in col else ""

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
        procedure.append(text_cell(row, "proc"))
        rule.append(text_cell(row, "counvte"))
        intro.append(repair_date(text_cell(row, "intro")))
        final.append(repair_date(text_cell(row, "finact")))
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
        procedure=tuple(procedure),
        council_rule=tuple(rule),
        proposal_date=tuple(intro),
        decision_date=tuple(final),
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


@lru_cache(maxsize=1)
def _council_rules() -> dict[str, Any]:
    text = resources.files("realpolitik.data").joinpath("eu/council.json").read_text("utf-8")
    return dict(json.loads(text))


def eu_rules(data: DeuData) -> EuRules:
    """The Council's voting rules, membership and the procedure of every issue of ``data``.

    Each issue is dated by its final act, or by the proposal when no final act is recorded
    (dates repaired as :func:`repair_date` does); an issue with neither is taken to fall under
    the Nice rules. Weights and thresholds come from ``realpolitik/data/eu/council.json``
    (Amsterdam votes before 1 May 2004, Nice votes until 31 October 2014, Lisbon population and
    member thresholds after; unanimity gives every member one vote and a threshold of 1).

    Examples
    --------
    >>> text = ('"prnr"\\t"isnr"\\t"proc"\\t"counvte"\\t"intro"\\t"pcom"\\t"pep"\\t"pde"\\t"plu"'
    ...         '\\t"scom"\\t"sep"\\t"sde"\\t"slu"\\t"rp"\\t"out"\\n'
    ...         '\\t\\t\\t\\t\\t1\\t1\\t1\\t1\\t\\t\\t\\t\\t\\t\\n'
    ...         '"x"\\t"x1"\\t"CNS"\\t"QMV"\\t"01-02-99"\\t0\\t0\\t0\\t0\\t50\\t50\\t50\\t50\\t0\\t0\\n')
    >>> r = eu_rules(parse_deu(text))
    >>> r.commission, r.parliament, r.council_weight[:, 0].tolist(), r.codecision.tolist()
    (0, 1, [0.0, 0.0, 10.0, 2.0], [False])
    """
    rules = _council_rules()
    joined = {a: dt.date.fromisoformat(d) for a, d in rules["joined"].items()}
    ams, nice, lis = rules["amsterdam"], rules["nice"], rules["lisbon"]
    ams_until = dt.date.fromisoformat(ams["until"])
    nice_until = dt.date.fromisoformat(nice["until"])
    n, m = len(data.actors), data.n_issues
    member = np.zeros((n, m), dtype=bool)
    weight = np.zeros((n, m))
    vote_t = np.zeros(m)
    count_t = np.zeros(m)
    for k in range(m):
        date = data.decision_date[k] or data.proposal_date[k] or ams_until
        unanimity = data.council_rule[k].lower().startswith("unan")
        if date < ams_until:
            table, vote_t[k] = ams["votes"], ams["threshold"]
        elif date < nice_until:
            table, vote_t[k] = nice["votes"], nice["threshold"]
        else:
            table, vote_t[k], count_t[k] = lis["population"], lis["population_share"], lis["states"]
        for i, a in enumerate(data.actors):
            if a in joined and joined[a] <= date and a in table:
                member[i, k] = True
                weight[i, k] = 1.0 if unanimity else float(table[a])
        if unanimity:
            vote_t[k], count_t[k] = 1.0, 0.0
    index = {a: i for i, a in enumerate(data.actors)}
    return EuRules(
        commission=index.get("com", -1),
        parliament=index.get("ep", -1),
        member=member,
        council_weight=weight,
        vote_threshold=vote_t,
        count_threshold=count_t,
        codecision=np.array([p.upper() == "COD" for p in data.procedure], dtype=bool),
    )


__all__ = ["MISSING_SALIENCE", "DeuData", "eu_rules", "load_deu", "parse_deu", "repair_date"]

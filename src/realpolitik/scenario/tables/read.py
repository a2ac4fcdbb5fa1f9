"""Reading a table: the guards every table passes, then the reader of its form."""

from __future__ import annotations

import csv

from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario.limits import check_counts
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.tables.bdm import _parse_bdm
from realpolitik.scenario.tables.info import TableRead
from realpolitik.scenario.tables.ktab import _parse_ktab
from realpolitik.scenario.tables.rows import _first_line, detect_form


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

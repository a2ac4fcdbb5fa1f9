"""KTAB's XML scenario files (the spatial model of politics, ``examples/smp`` of KAPSARC/KTAB).

The form (KTAB's ``smpSchema.xsd``)::

    <Scenario>
      <name>...</name> <desc>...</desc> <prngSeed>...</prngSeed>
      <ModelParameters>...</ModelParameters>          (optional; KTAB's own engine settings)
      <Dimensions> <dName>...</dName> ... </Dimensions> (optional)
      <Actors>
        <Actor>
          <name>...</name> <description>...</description> <capability>...</capability>
          <Position> <dCoord>...</dCoord> ... </Position>   (one per dimension, 0-100)
          <Salience> <dSal>...</dSal> ... </Salience>       (one per dimension, 0-100)
        </Actor> ...
      </Actors>
      <IdealAdjustment>...</IdealAdjustment>          (optional)
    </Scenario>

Positions stay on 0–100 and saliences are divided by 100, as for KTAB's CSV tables.
``ModelParameters``, ``prngSeed`` and ``IdealAdjustment`` configure KTAB's own engine and have no
counterpart here; they are ignored. The file is read with the standard library's expat parser,
which resolves no external entities; a document type declaration (the only way to define
entities) is refused outright.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any

from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario.model import Scenario


def _slug(text: str, fallback: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or fallback


def _line_of(text: str, tag: str, nth: int) -> int | None:
    """Line of the ``nth`` (0-based) opening ``<tag>`` in ``text`` (ElementTree keeps no lines)."""
    for k, m in enumerate(re.finditer(rf"<{tag}[\s>/]", text)):
        if k == nth:
            return text.count("\n", 0, m.start()) + 1
    return None


def parse_ktab_xml(text: str, *, filename: str = "<string>") -> Scenario:
    """Read a KTAB SMP scenario in its XML form.

    Raises
    ------
    ScenarioError
        For malformed XML (with line and column), a missing element, or a value out of range.

    Examples
    --------
    >>> s = parse_ktab_xml('''<Scenario><name>T</name><desc>d</desc><prngSeed>1</prngSeed>
    ... <Dimensions><dName>Tax</dName></Dimensions><Actors>
    ... <Actor><name>A</name><description>a</description><capability>10</capability>
    ...   <Position><dCoord>20</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
    ... <Actor><name>B</name><description>b</description><capability>30</capability>
    ...   <Position><dCoord>80</dCoord></Position><Salience><dSal>100</dSal></Salience></Actor>
    ... </Actors></Scenario>''')
    >>> s.issues[0].title, s.issues[0].positions["b"].position, s.issues[0].positions["a"].salience
    ('Tax', 80.0, 0.5)
    """
    if re.search(r"<!DOCTYPE", text, re.IGNORECASE):
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    "a document type declaration (<!DOCTYPE ...>) is not accepted in a KTAB "
                    "scenario; remove it",
                    _line_of(text, "!DOCTYPE", 0),
                )
            ]
        )
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        raise ScenarioError(
            [Problem(filename, "", f"XML syntax error: {str(exc).split(':')[0]}", line, col + 1)]
        ) from None
    problems: list[Problem] = []
    if root.tag != "Scenario":
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    f"expected a KTAB <Scenario> document; found <{root.tag}>",
                    _line_of(text, root.tag, 0),
                )
            ]
        )
    actors_el = root.find("Actors")
    if actors_el is None or not actors_el.findall("Actor"):
        raise ScenarioError(
            [Problem(filename, "Scenario.Actors", "expected <Actor> elements; found none")]
        )
    dims = [(d.text or "").strip() for d in root.findall("Dimensions/dName")]

    def number(el: ET.Element | None, where: str, nth: int, tag: str, top: float | None) -> float:
        line = _line_of(text, tag, nth)
        if el is None or el.text is None:
            problems.append(
                Problem(filename, where, f"expected <{tag}> with a number; found none", line)
            )
            return 0.0
        try:
            value = float(el.text)
        except ValueError:
            problems.append(
                Problem(filename, where, f"expected a number; found {el.text.strip()!r}", line)
            )
            return 0.0
        if not math.isfinite(value) or value < 0 or (top is not None and value > top):
            bounds = f"within [0, {top:g}]" if top is not None else ">= 0"
            problems.append(
                Problem(filename, where, f"expected a number {bounds}; found {value:g}", line)
            )
            return 0.0
        return value

    rows: list[tuple[str, str, float, list[float], list[float]]] = []
    n_coord = n_sal = n_cap = 0
    for k, actor in enumerate(actors_el.findall("Actor")):
        where = f"Scenario.Actors.Actor[{k}]"
        name = (actor.findtext("name") or "").strip()
        if not name:
            problems.append(
                Problem(
                    filename,
                    f"{where}.name",
                    "expected a name; found none",
                    _line_of(text, "Actor", k),
                )
            )
        cap = number(actor.find("capability"), f"{where}.capability", n_cap, "capability", None)
        n_cap += 1
        coords = []
        for j, el in enumerate(actor.findall("Position/dCoord")):
            coords.append(number(el, f"{where}.Position.dCoord[{j}]", n_coord, "dCoord", 100))
            n_coord += 1
        sals = []
        for j, el in enumerate(actor.findall("Salience/dSal")):
            sals.append(number(el, f"{where}.Salience.dSal[{j}]", n_sal, "dSal", 100))
            n_sal += 1
        rows.append((name, (actor.findtext("description") or "").strip(), cap, coords, sals))
    n_dims = len(dims) or (len(rows[0][3]) if rows else 0)
    for k, (_, _, _, coords, sals) in enumerate(rows):
        if len(coords) != n_dims or len(sals) != n_dims:
            problems.append(
                Problem(
                    filename,
                    f"Scenario.Actors.Actor[{k}]",
                    f"expected {n_dims} <dCoord> and {n_dims} <dSal> (one per dimension); "
                    f"found {len(coords)} and {len(sals)}",
                    _line_of(text, "Actor", k),
                )
            )
    if n_dims == 0:
        problems.append(
            Problem(filename, "Scenario.Dimensions", "expected at least one dimension; found none")
        )
    if problems:
        raise ScenarioError(problems)
    ids: list[str] = []
    for k, (name, *_rest) in enumerate(rows):
        base = _slug(name, f"actor-{k + 1}")
        cand, n = base, 2
        while cand in ids:
            cand, n = f"{base}-{n}", n + 1
        ids.append(cand)
    issues: list[dict[str, Any]] = []
    seen: set[str] = set()
    for d in range(n_dims):
        label = dims[d] if d < len(dims) and dims[d] else f"Dimension {d + 1}"
        issue_id = _slug(label, f"dim-{d + 1}")
        if issue_id in seen:
            issue_id = f"{issue_id}-{d + 1}"
        seen.add(issue_id)
        issues.append(
            {
                "id": issue_id,
                "title": label,
                "positions": {
                    ids[i]: {"position": r[3][d], "salience": r[4][d] / 100.0}
                    for i, r in enumerate(rows)
                },
            }
        )
    doc = {
        "title": (root.findtext("name") or "").strip() or filename.rsplit("/", 1)[-1],
        "description": (root.findtext("desc") or "").strip() or None,
        "actors": [
            {"id": i, "name": r[0], "capability": r[2], **({"notes": r[1]} if r[1] else {})}
            for i, r in zip(ids, rows, strict=True)
        ],
        "issues": issues,
    }
    from realpolitik.scenario.loader.parse import parse_scenario

    return parse_scenario(doc, filename=filename)


__all__ = ["parse_ktab_xml"]

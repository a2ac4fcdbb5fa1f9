"""The one parse entry point: text or data to a validated :class:`Scenario`, with line marks.

The file loader and the table readers both call :func:`parse_scenario`; it imports neither.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import ValidationError

from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario import limits
from realpolitik.scenario.loader.errors import _found, problems_from_validation
from realpolitik.scenario.loader.references import check_references
from realpolitik.scenario.loader.text import TextFormat, parse_text
from realpolitik.scenario.model import Scenario


def parse_scenario(
    source: str | Mapping[str, Any], *, filename: str = "<string>", fmt: TextFormat | None = None
) -> Scenario:
    """Validate a scenario given as YAML/JSON text or as plain data. No I/O.

    Parameters
    ----------
    source : str or mapping
        The text of a YAML or JSON file, or the already-parsed data.
    filename : str
        Used in messages and to tell JSON (``.json``) from YAML.
    fmt : {"yaml", "json"}, optional
        Overrides the guess from ``filename``.

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        With one :class:`~realpolitik.exceptions.Problem` per problem found.

    Examples
    --------
    >>> s = parse_scenario('''
    ... title: Toy
    ... actors:
    ...   - {id: a, name: A, capability: 1}
    ...   - {id: b, name: B, capability: 3}
    ... issues:
    ...   - id: x
    ...     title: X
    ...     positions:
    ...       a: {position: 0, salience: 1}
    ...       b: {position: 100, salience: 1}
    ... ''')
    >>> s.actor_ids, s.issue("x").positions["b"].position
    (['a', 'b'], 100.0)
    >>> try:
    ...     parse_scenario("title: T\\nactors: []\\nissues: []", filename="t.yaml")
    ... except ScenarioError as e:
    ...     print(e)
    t.yaml:2:9: actors: expected at least 1 item(s); found []
    t.yaml:3:9: issues: expected at least 1 item(s); found []
    """
    data = parse_text(source, filename=filename, fmt=fmt) if isinstance(source, str) else source
    if not isinstance(data, Mapping):
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    f"expected a mapping with title, actors and issues at the top; found {_found(data)}",
                )
            ]
        )
    limits.check_counts(data, filename)
    try:
        scenario = Scenario.model_validate(dict(data))
    except ValidationError as exc:
        found = problems_from_validation(exc, filename)
        raise ScenarioError(_with_marks(found, source, fmt, filename)) from None
    problems = check_references(scenario, filename)
    if problems:
        raise ScenarioError(_with_marks(problems, source, fmt, filename))
    return scenario


_PATH_PART = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _path_parts(where: str) -> list[str | int]:
    """``issues[2].positions.iran`` -> ``['issues', 2, 'positions', 'iran']``."""
    return [int(i) if i else str(k) for k, i in _PATH_PART.findall(where)]


def locate(root: yaml.Node, where: str, *, key: bool = False) -> yaml.Mark | None:
    """The mark (0-based line and column) of the value at path ``where`` in a composed document.

    Where the path leaves the document (a missing key), the mark of the deepest node on it.
    With ``key``, the mark of the last key itself rather than of its value (unknown keys).

    Examples
    --------
    >>> root = yaml.compose("actors:\\n  - id: a\\n    capability: x\\n", Loader=yaml.SafeLoader)
    >>> m = locate(root, "actors[0].capability")
    >>> (m.line + 1, m.column + 1)
    (3, 17)
    """
    node: yaml.Node = root
    mark = root.start_mark
    parts = _path_parts(where)
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if isinstance(part, int) and isinstance(node, yaml.SequenceNode):
            if part >= len(node.value):
                return mark
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            match = next(
                (
                    (k, v)
                    for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and k.value == str(part)
                ),
                None,
            )
            if match is None:
                return mark
            if last and key:
                return match[0].start_mark
            node = match[1]
        else:
            return mark
        mark = node.start_mark
    if isinstance(node, yaml.MappingNode):
        # A number written as {value: ..., evidence: ...}: point at the value.
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "value":
                return v.start_mark
    return mark


def _with_marks(
    problems: list[Problem], source: Any, fmt: TextFormat | None, filename: str
) -> list[Problem]:
    """The problems with the line and column of their path, when ``source`` is text."""
    if not isinstance(source, str):
        return problems
    try:
        # JSON is YAML too (near enough for positions); composing builds no Python objects.
        root = yaml.compose(source, Loader=yaml.SafeLoader)  # noqa: S506 (safe loader)
    except (yaml.YAMLError, RecursionError):
        return problems
    if root is None:
        return problems
    out = []
    for p in problems:
        if p.line is not None or not p.where:
            out.append(p)
            continue
        mark = locate(root, p.where, key=p.message.startswith("unknown key"))
        if mark is None:
            out.append(p)
        else:
            out.append(dataclasses.replace(p, line=mark.line + 1, column=mark.column + 1))
    return out

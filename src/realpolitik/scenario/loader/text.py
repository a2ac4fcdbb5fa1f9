"""YAML and JSON text to plain data, with the syntax, size and depth limits."""

from __future__ import annotations

import json
import sys
from typing import Any, Literal

import yaml

from realpolitik.exceptions import Problem, ScenarioError, ScenarioTooLargeError
from realpolitik.scenario import limits
from realpolitik.scenario._yaml import harden

TextFormat = Literal["yaml", "json"]


# --------------------------------------------------------------------------------------------
# Parse / load / dump
# --------------------------------------------------------------------------------------------
def _yaml_problem(exc: yaml.YAMLError, filename: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        # A character YAML does not allow in text (a NUL, a control character), one line.
        return Problem(
            filename,
            f"character {exc.position + 1}",
            f"expected text; found the control character #x{exc.character:04x} "
            "(is it a binary file, or was it damaged?)"
            if isinstance(exc.character, int)
            else f"expected text; found the byte {exc.character!r}",
        )
    mark = getattr(exc, "problem_mark", None)
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
    if mark is None:
        return Problem(filename, "", f"YAML syntax error: {problem}")
    return Problem(filename, "", f"YAML syntax error: {problem}", mark.line + 1, mark.column + 1)


#: The most values a document may hold once YAML aliases are expanded ("billion laughs").
MAX_NODES = 200_000


#: The deepest nesting a document may have.
MAX_DEPTH = 100


class _StrictSafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses duplicate keys in a mapping (the last would win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (first at line {seen[key].line + 1}); "
                    "the later value would silently win",
                    key_node.start_mark,
                )
            if isinstance(key, str | int | float | bool):
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


harden(_StrictSafeLoader)  # 1e6 is a number, 2020-02-30 no date, 5,000 digits no crash


def _check_size(data: Any, filename: str) -> None:
    """Refuse documents that expand past :data:`MAX_NODES` values or nest past :data:`MAX_DEPTH`.

    Walks iteratively with a budget, so an alias bomb is caught after at most MAX_NODES steps.
    """
    stack: list[tuple[Any, int]] = [(data, 1)]
    count = 0
    while stack:
        obj, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ScenarioTooLargeError(
                [
                    Problem(
                        filename,
                        "",
                        f"the document expands to more than {MAX_NODES:,} values "
                        "(YAML aliases repeated inside each other?); a scenario is far smaller",
                    )
                ]
            )
        if depth > MAX_DEPTH:
            raise ScenarioError(
                [Problem(filename, "", f"the document is nested more than {MAX_DEPTH} levels deep")]
            )
        if isinstance(obj, dict):
            stack.extend((v, depth + 1) for v in obj.values())
        elif isinstance(obj, list):
            stack.extend((v, depth + 1) for v in obj)


def parse_text(text: str, *, filename: str = "<string>", fmt: TextFormat | None = None) -> Any:
    """Parse YAML or JSON text into plain data.

    YAML is read with a safe loader that also refuses duplicate keys. Documents that expand
    past :data:`MAX_NODES` values (alias bombs) or nest past :data:`MAX_DEPTH` levels are refused.

    Raises
    ------
    ScenarioError
        With the line and column of a syntax error, or the limit that was passed.

    Examples
    --------
    >>> parse_text("a: 1\\nb: [x, y]")
    {'a': 1, 'b': ['x', 'y']}
    >>> parse_text("a: 1\\na: 2", filename="d.yaml")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.ScenarioError: d.yaml:2:1: YAML syntax error: duplicate key 'a' (first at line 1); the later value would silently win
    """
    if fmt is None:
        fmt = "json" if filename.lower().endswith(".json") else "yaml"
    limits.check_text_size(text, filename)
    too_deep = Problem(filename, "", "the document is nested too deeply to read")
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScenarioError(
                [Problem(filename, "", f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno)]
            ) from None
        except RecursionError:
            raise ScenarioError([too_deep]) from None
        except ValueError:  # an integer past Python's conversion limit (4,300 digits)
            raise ScenarioError(
                [
                    Problem(
                        filename,
                        "",
                        "JSON: an integer with more digits than Python converts "
                        f"({sys.get_int_max_str_digits():,}); no number of a scenario is that long",
                    )
                ]
            ) from None
    else:
        try:
            data = yaml.load(text, Loader=_StrictSafeLoader)  # noqa: S506 (a SafeLoader subclass)
        except yaml.YAMLError as exc:
            raise ScenarioError([_yaml_problem(exc, filename)]) from None
        except RecursionError:
            raise ScenarioError([too_deep]) from None
    _check_size(data, filename)
    return data

"""The dashboard's one error shape, and the errors only the dashboard raises.

Every error answer (4xx) is ``{"error": message, "problems": [...]}``, where ``problems``
(present for an invalid scenario or request) lists ``{file, where, message, text}``; see
:func:`error_body`. The exception handlers that give each error its status code are installed
by :func:`realpolitik.server.app.create_app`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from realpolitik.exceptions import Problem, RealpolitikError


class UnknownScenarioError(RealpolitikError):
    """A scenario name that is not built in."""


class TooLargeError(RealpolitikError):
    """A request that exceeds one of the server's limits."""


def _problems(problems: Sequence[Problem]) -> list[dict[str, str]]:
    return [
        {"file": p.file, "where": p.where, "message": p.message, "text": str(p)} for p in problems
    ]


def error_body(message: str, problems: Sequence[Problem] | None = None) -> dict[str, Any]:
    """The one shape of every error answer: ``{"error": message, "problems": [...]}``.

    ``problems`` is present only when there are some; each is ``{file, where, message,
    text}`` (``text`` is the line ``realpolitik check`` prints).

    Examples
    --------
    >>> error_body("unknown shock 'x'")
    {'error': "unknown shock 'x'"}
    >>> error_body("invalid request", [Problem("request", "n_runs", "must be >= 0")])["problems"]
    [{'file': 'request', 'where': 'n_runs', 'message': 'must be >= 0', 'text': 'request: n_runs: must be >= 0'}]
    """
    body: dict[str, Any] = {"error": _printable(message)}
    if problems:
        body["problems"] = [{k: _printable(v) for k, v in p.items()} for p in _problems(problems)]
    return body


def _printable(text: str) -> str:
    r"""``text`` with lone surrogates written as escapes, so that the answer encodes as UTF-8.

    Examples
    --------
    >>> _printable("a\ud800b")
    'a\\ud800b'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


_PYDANTIC_PREFIXES = ("Value error, ", "Assertion failed, ")


def request_problems(errors: Sequence[Any]) -> list[Problem]:
    """Problems of a request that does not match its schema, in the words a user reads.

    ``where`` is the field's path in the body (``scenario.name``, ``rules[0]``); pydantic's
    ``"Value error, "`` prefixes are dropped, and a short scalar input is quoted.

    Examples
    --------
    >>> [str(p) for p in request_problems([{"type": "int_type", "loc": ("body", "n_runs"),
    ...     "msg": "Input should be a valid integer", "input": True}])]
    ['request: n_runs: Input should be a valid integer; got true']
    >>> [str(p) for p in request_problems([{"type": "value_error", "loc": ("body", "scenario"),
    ...     "msg": "Value error, give exactly one of 'name' or 'text'", "input": {}}])]
    ["request: scenario: give exactly one of 'name' or 'text'"]
    """
    out = []
    for err in errors:
        loc = list(err.get("loc", ()))
        if loc and loc[0] == "body":
            loc = loc[1:]
        msg = str(err.get("msg", "invalid value"))
        for prefix in _PYDANTIC_PREFIXES:
            if msg.startswith(prefix):
                msg = msg[len(prefix) :]
        if err.get("type") == "json_invalid":
            at = loc[0] if loc and isinstance(loc[0], int) else None
            reason = (err.get("ctx") or {}).get("error", "")
            out.append(
                Problem(
                    "request",
                    f"character {at}" if at is not None else "",
                    f"the body is not valid JSON{f' ({reason})' if reason else ''}",
                )
            )
            continue
        where = ""
        for part in loc:
            where += f"[{part}]" if isinstance(part, int) else ("." if where else "") + str(part)
        value = err.get("input")
        if err.get("type") != "missing" and (
            value is None or isinstance(value, bool | int | float | str)
        ):
            shown = json.dumps(value, ensure_ascii=False)
            if len(shown) <= 40:
                msg += f"; got {shown}"
        out.append(Problem("request", where, msg))
    return out


__all__ = [
    "TooLargeError",
    "UnknownScenarioError",
    "error_body",
    "request_problems",
]

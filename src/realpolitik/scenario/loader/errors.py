"""Problems from pydantic's validation errors: the path, what was expected, what was found."""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from realpolitik.exceptions import Problem
from realpolitik.scenario.model import all_field_names


# --------------------------------------------------------------------------------------------
# Paths and messages
# --------------------------------------------------------------------------------------------
def format_path(loc: tuple[Any, ...]) -> str:
    """Render a pydantic location as a path inside the file.

    Examples
    --------
    >>> format_path(("issues", 2, "positions", "iran", "salience"))
    'issues[2].positions.iran.salience'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_UNION_MEMBERS = {"constrained-str", "str", "int", "float", "bool", "none", "date", "datetime"}


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's internal steps (discriminator tags, our ``meta`` split) from a location."""
    parts = list(loc)
    cleaned: list[Any] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in ("meta", "cost_meta") and i + 1 < len(parts):
            cleaned.append(parts[i + 1])  # the field whose {value: ...} mapping held the key
            i += 2
            continue
        if isinstance(part, str) and part.startswith(("function-", "tagged-union")):
            i += 1
            continue
        if part in _UNION_MEMBERS and i > 0 and isinstance(parts[i - 1], str):
            i += 1  # which member of a union (date | text, number | null) failed
            continue
        if (
            isinstance(part, str)
            and i > 0
            and isinstance(parts[i - 1], int)
            and part
            in (
                "remove-actor",
                "scale-capability",
                "set-position",
                "set-salience",
                "set-relation",
                "fight",
            )
        ):
            i += 1  # discriminator tag of an edit
            continue
        cleaned.append(part)
        i += 1
    return tuple(cleaned)


def _found(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


#: Unknown keys of one file that get a "did you mean" suggestion (the rest are only listed).
MAX_SUGGESTIONS = 50


def _message(err: Mapping[str, Any], suggest: bool = True) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        close = _close_key(key) if suggest else []
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown key {key!r}{hint}"
    if kind == "missing":
        return "required key is missing"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{err['msg'].lower()}; found {_found(value)}"
    if kind in ("float_parsing", "float_type", "int_type", "int_parsing"):
        return f"expected a number; found {_found(value)}"
    if kind == "finite_number":
        return f"expected a finite number; found {_found(value)}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '')}; found {_found(value)}"
    if kind == "union_tag_invalid":
        return f"unknown op {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags', '')}"
    if kind == "union_tag_not_found":
        return "each edit needs an 'op' (remove-actor, scale-capability, set-position, set-salience, set-relation or fight)"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list; found {_found(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of keys to values; found {_found(value)}"
    if kind in ("string_type",):
        return f"expected text; found {_found(value)}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length', 1)} item(s); found {_found(value)}"
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} item(s); found {_found(value)}"
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return f"{msg}; found {_found(value)}" if "found" not in msg and "got" not in msg else msg


@functools.lru_cache(maxsize=1024)
def _close_key(key: str) -> list[str]:
    """The known key closest to ``key`` (cached: a file may repeat one typo many times)."""
    if len(key) > 40:
        return []  # no key of the format is that long
    return difflib.get_close_matches(key, _KNOWN_KEYS(), n=1, cutoff=0.7)


@functools.cache
def _KNOWN_KEYS() -> list[str]:  # noqa: N802 (a constant computed once)
    return sorted(all_field_names())


def _salience_hint(loc: tuple[Any, ...], err: Mapping[str, Any]) -> str:
    if loc and loc[-1] == "salience" and err["type"] == "less_than_equal":
        value = err.get("input")
        if isinstance(value, int | float) and 1 < value <= 100:
            return " (saliences are on 0–1 in scenario files: divide by 100)"
    return ""


def problems_from_validation(exc: ValidationError, filename: str) -> list[Problem]:
    """Turn a pydantic ValidationError into one :class:`Problem` per error."""
    merged: dict[str, list[str]] = {}
    n_unknown = 0
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        where = format_path(loc)
        n_unknown += err["type"] == "extra_forbidden"
        message = _message(err, n_unknown <= MAX_SUGGESTIONS) + _salience_hint(loc, err)
        messages = merged.setdefault(where, [])
        if message not in messages:
            messages.append(message)
    # Several errors at one place come from the members of a union: say them as alternatives.
    return [Problem(filename, where, "; or ".join(msgs)) for where, msgs in merged.items()]

"""Checks for a tree given as a mapping (a scenario's tree, JSON): names, options, children."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from realpolitik.exceptions import InputError
from realpolitik.simulate.escalation.nodes import Child


def _option_target(option: Mapping[str, Any], at: str) -> Any:
    """The child of an option written as ``{id, next: node}`` or ``{id, outcome: name}``."""
    nxt, outcome = option.get("next"), option.get("outcome")
    if (nxt is None) == (outcome is None):
        raise InputError(
            f"{at} {option['id']!r}: needs exactly one of 'next' (a node id) or 'outcome'"
        )
    return {"node": nxt} if nxt is not None else {"outcome": outcome}


def _resolve_child(child: Any, node_ids: set[str], outcome_at: dict[str, int], at: str) -> Child:
    """Turn one option's child spec into a node id or an outcome index."""
    if isinstance(child, Mapping):
        if set(child) == {"node"}:
            if str(child["node"]) not in node_ids:
                raise InputError(f"{at}: unknown node {child['node']!r}")
            return str(child["node"])
        if set(child) == {"outcome"}:
            return _resolve_outcome(child["outcome"], outcome_at, at)
        raise InputError(f"{at}: expected {{node: id}} or {{outcome: name}}, found {dict(child)!r}")
    if isinstance(child, int) and not isinstance(child, bool):
        return _resolve_outcome(child, outcome_at, at)
    if isinstance(child, str):
        is_node, is_outcome = child in node_ids, child in outcome_at
        if is_node and is_outcome:
            raise InputError(
                f"{at}: {child!r} is both a node and an outcome; write {{node: {child}}} or "
                f"{{outcome: {child}}}"
            )
        if is_node:
            return child
        if is_outcome:
            return outcome_at[child]
        raise InputError(
            f"{at}: {child!r} is neither a node ({', '.join(sorted(node_ids))}) nor an outcome "
            f"({', '.join(outcome_at) or 'none'})"
        )
    raise InputError(f"{at}: expected a node id or an outcome, found {child!r}")


def _resolve_outcome(value: Any, outcome_at: dict[str, int], at: str) -> int:
    """Turn an outcome name or index into an index."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value < len(outcome_at):
            raise InputError(f"{at}: outcome index {value} is out of range [0, {len(outcome_at)})")
        return value
    if isinstance(value, str) and value in outcome_at:
        return outcome_at[value]
    raise InputError(
        f"{at}: unknown outcome {value!r}; outcomes are {', '.join(outcome_at) or 'none'}"
    )


def _name_list(value: Any, key: str, where: str, allow_empty: bool = False) -> tuple[str, ...]:
    """Read a list of names, or raise naming ``key``."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise InputError(f"{where}: {key!r} must be a list of names, found {value!r}")
    names = tuple(str(v["id"]) if isinstance(v, Mapping) and "id" in v else str(v) for v in value)
    _check_names(key.rstrip("s"), names, where, allow_empty=allow_empty)
    return names


def _check_names(kind: str, names: tuple[str, ...], where: str, allow_empty: bool = False) -> None:
    """Raise if ``names`` is empty (unless allowed) or repeats a name."""
    if not names and not allow_empty:
        raise InputError(f"{where}: expected at least one {kind}, found none")
    seen: set[str] = set()
    for n in names:
        if n in seen:
            raise InputError(f"{where}: {kind} {n!r} is listed twice")
        seen.add(n)

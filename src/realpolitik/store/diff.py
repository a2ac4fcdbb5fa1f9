"""Compare two recorded runs: what changed in the inputs, what moved in the results.

Inputs are compared as data, not as text: both scenario texts are parsed and walked side by
side, lists of records matched by their ``id`` (actors, issues, shocks, trees) or by their
``actor`` (positions), so an edit reads ``actors[russia].capability: 40 → 55`` however the file
was reformatted. Results are the commands' JSON outputs, flattened to one path per number
(``issues[assad].forecast.eum``); a moved result is a number whose two values differ.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from realpolitik.store.db import RunRecord

#: Keys that identify the records of a list, tried in order.
_ID_KEYS = ("id", "actor", "name")


@dataclass(frozen=True)
class Change:
    """One difference at ``path``: ``before`` and ``after`` (None where absent)."""

    path: str
    before: Any
    after: Any

    @property
    def delta(self) -> float | None:
        """``after - before`` when both are numbers."""
        if _is_number(self.before) and _is_number(self.after):
            return float(self.after) - float(self.before)
        return None

    def describe(self) -> str:
        """``path: before → after`` (``added``/``removed`` when one side is absent)."""
        if self.before is None:
            return f"{self.path}: added ({_show(self.after)})"
        if self.after is None:
            return f"{self.path}: removed (was {_show(self.before)})"
        d = self.delta
        tail = f" ({d:+.4g})" if d is not None else ""
        return f"{self.path}: {_show(self.before)} → {_show(self.after)}{tail}"


@dataclass
class RunDiff:
    """The differences between run ``a`` and run ``b``."""

    a: int | None
    b: int | None
    same_scenario: bool
    inputs: list[Change] = field(default_factory=list)
    settings: list[Change] = field(default_factory=list)
    results: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``realpolitik runs diff --format json``."""

        def rows(changes: list[Change]) -> list[dict[str, Any]]:
            return [{"path": c.path, "before": c.before, "after": c.after} for c in changes]

        return {
            "a": self.a,
            "b": self.b,
            "same_scenario": self.same_scenario,
            "inputs": rows(self.inputs),
            "settings": rows(self.settings),
            "results": rows(self.results),
        }


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _show(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:.6g}"
    if isinstance(x, dict | list):
        text = json.dumps(x, ensure_ascii=False, sort_keys=True)
        return text if len(text) <= 60 else text[:57] + "..."
    return repr(x) if isinstance(x, str) else str(x)


def _record_key(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in _ID_KEYS:
            if isinstance(item.get(key), str | int):
                return str(item[key])
    return None


def diff_data(a: Any, b: Any, path: str = "") -> Iterator[Change]:
    """Every difference between two JSON-like values, with the path of each.

    Examples
    --------
    >>> old = {"actors": [{"id": "ru", "capability": 40}, {"id": "us", "capability": 90}]}
    >>> new = {"actors": [{"id": "us", "capability": 90}, {"id": "ru", "capability": 55}]}
    >>> [c.describe() for c in diff_data(old, new)]
    ['actors[ru].capability: 40 → 55 (+15)']
    """
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in a:
                yield Change(sub, None, b[key])
            elif key not in b:
                yield Change(sub, a[key], None)
            else:
                yield from diff_data(a[key], b[key], sub)
        return
    if isinstance(a, list) and isinstance(b, list):
        keys_a = [_record_key(x) for x in a]
        keys_b = [_record_key(x) for x in b]
        by_key = (
            None not in keys_a
            and None not in keys_b
            and len(set(keys_a)) == len(a)
            and len(set(keys_b)) == len(b)
        )
        if by_key and (a or b):
            left = dict(zip(keys_a, a, strict=True))
            right = dict(zip(keys_b, b, strict=True))
            for key in [*left, *(k for k in right if k not in left)]:
                sub = f"{path}[{key}]"
                if key not in left:
                    yield Change(sub, None, right[key])
                elif key not in right:
                    yield Change(sub, left[key], None)
                else:
                    yield from diff_data(left[key], right[key], sub)
            return
        if len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                yield from diff_data(x, y, f"{path}[{i}]")
            return
        yield Change(path, a, b)
        return
    if _is_number(a) and _is_number(b):
        fa, fb = float(a), float(b)
        if fa != fb and not (math.isnan(fa) and math.isnan(fb)):
            yield Change(path, a, b)
        return
    if a != b:
        yield Change(path, a, b)


def scenario_data(text: str, fmt: str) -> Any:
    """A scenario text as plain data for :func:`diff_data` (the parsed scenario, folded)."""
    from realpolitik.scenario.loader import parse_scenario, scenario_to_data

    if fmt in ("csv", "tsv", "txt"):
        from realpolitik.scenario.tables import parse_table

        return scenario_to_data(parse_table(text, filename=f"scenario.{fmt}"))
    return scenario_to_data(
        parse_scenario(text, filename=f"scenario.{fmt}", fmt="json" if fmt == "json" else "yaml")
    )


def _scenario_changes(a: RunRecord, b: RunRecord) -> list[Change]:
    try:
        left = scenario_data(a.scenario_text, a.scenario_format)
        right = scenario_data(b.scenario_text, b.scenario_format)
    except Exception:  # a stored text that no longer parses: compare it line by line
        left = a.scenario_text.splitlines()
        right = b.scenario_text.splitlines()
        if len(left) != len(right):
            return [Change("scenario text", f"{len(left)} lines", f"{len(right)} lines")]
    return list(diff_data(left, right))


def diff_runs(a: RunRecord, b: RunRecord) -> RunDiff:
    """What differs between two runs: scenario edits, settings, and moved results.

    Results are sorted by how far they moved, largest first; non-numbers follow.
    """
    same = a.scenario_hash == b.scenario_hash
    out = RunDiff(a.id, b.id, same)
    if not same:
        out.inputs = _scenario_changes(a, b)
    for name in ("command", "version", "models", "options", "seed"):
        va, vb = getattr(a, name), getattr(b, name)
        if va != vb:
            if isinstance(va, dict) and isinstance(vb, dict):
                out.settings.extend(diff_data(va, vb, name))
            else:
                out.settings.append(Change(name, va, vb))
    moved = list(diff_data(a.results, b.results))
    moved.sort(key=lambda c: -abs(c.delta) if c.delta is not None else math.inf)
    out.results = moved
    return out

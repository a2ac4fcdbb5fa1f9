"""A scenario back to plain data and to YAML or JSON text in the file format."""

from __future__ import annotations

import json
from typing import Any

import yaml

from realpolitik.scenario.loader.text import TextFormat
from realpolitik.scenario.model import Meta, Scenario


def _meta_dict(meta: Meta) -> dict[str, Any]:
    return meta.model_dump(exclude_defaults=True, exclude_none=True)


def _fold(obj: Any) -> Any:
    """Dump a model to plain data, folding ``meta`` back into ``{value: ..., evidence: ...}``."""
    from pydantic import BaseModel

    if isinstance(obj, BaseModel):
        out: dict[str, Any] = {}
        meta = getattr(obj, "meta", {}) or {}
        cost_meta = getattr(obj, "cost_meta", {}) or {}
        for name, field in type(obj).model_fields.items():
            if field.exclude:
                continue
            value = getattr(obj, name)
            default = field.get_default(call_default_factory=True)
            if name in meta and not meta[name].is_empty():
                out[name] = {"value": value, **_meta_dict(meta[name])}
                continue
            if name == "costs" and cost_meta:
                out[name] = {
                    k: ({"value": v, **_meta_dict(cost_meta[k])} if k in cost_meta else v)
                    for k, v in value.items()
                }
                continue
            if value is None or (
                value == default
                and name not in ("type", "op", "position", "salience", "capability")
            ):
                continue
            out[name] = _fold(value)
        return out
    if isinstance(obj, dict):
        return {k: _fold(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_fold(v) for v in obj]
    return obj


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """Return the scenario as plain data in the file format (defaults left out)."""
    data = _fold(scenario)
    for rel in data.get("relations", []):
        # Keep the relation's meaning explicit in files even where it equals the default.
        rel.setdefault("commitment", "none")
    return data


def dump_scenario(scenario: Scenario, fmt: TextFormat = "yaml") -> str:
    """Return the scenario as YAML or JSON text that :func:`parse_scenario` reads back.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario, parse_scenario
    >>> s = load_scenario("syria-2020")
    >>> parse_scenario(dump_scenario(s)) == s
    True
    """
    data = scenario_to_data(scenario)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

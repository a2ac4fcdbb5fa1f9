"""A JSON Schema (draft 2020-12) of the scenario file format, for editors and other tools.

The schema is derived from the pydantic models and then made to say what the *file* accepts,
which is more than the models' own schema: every number of :data:`numeric fields
<realpolitik.scenario.model._WithMeta.numeric_fields>` may be written as ``{value, evidence,
assumption, range, sd}``, ``evidence`` may be one quote, one mapping or a list of either, a date
may be a bare year, and the internal keys (``meta``, ``cost_meta``) are not part of it.
``realpolitik schema`` prints it; a copy ships as ``realpolitik/data/scenario.schema.json``
(a test keeps the two equal). Cross-references (that a relation names a known actor, ...) are
beyond a JSON Schema: ``realpolitik check`` reports those.

Examples
--------
>>> schema = scenario_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> "meta" in schema["$defs"]["Actor"]["properties"]
False
>>> sorted(schema["$defs"]["Position"]["properties"]["salience"]["anyOf"][1]["properties"])
['assumption', 'evidence', 'range', 'sd', 'value']
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from realpolitik.scenario import model as m

#: Where the shipped copy lives inside the package.
SCHEMA_RESOURCE = ("realpolitik.data", "scenario.schema.json")

_INTERNAL = ("meta", "cost_meta")
_ID_PATTERN = r"^\s*[a-z0-9][a-z0-9_\-]*\s*$"
_ID_MODELS = ("Actor", "Issue", "Shock")


def _evidence_schema() -> dict[str, Any]:
    one = {"anyOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/Evidence"}]}
    return {
        "description": "A quote, a {quote, source, locator} mapping, or a list of them.",
        "anyOf": [one, {"type": "array", "items": one}, {"type": "null"}],
    }


def _with_value(core: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """``core`` or the mapping ``{value: core, evidence, assumption, range, sd}``."""
    plain = {k: v for k, v in core.items() if k not in ("title", "default", "description")}
    props = copy.deepcopy(meta["properties"])
    props["value"] = plain
    return {
        "anyOf": [
            plain,
            {
                "type": "object",
                "description": "The number with where it comes from and how uncertain it is.",
                "properties": {"value": props.pop("value"), **props},
                "required": ["value"],
                "additionalProperties": False,
            },
        ],
        **({"title": core["title"]} if "title" in core else {}),
        **({"description": core["description"]} if "description" in core else {}),
    }


def _models() -> dict[str, type[Any]]:
    return {
        name: obj
        for name in dir(m)
        if isinstance(obj := getattr(m, name), type) and issubclass(obj, m.BaseModel)
    }


def build_schema() -> dict[str, Any]:
    """Build the schema from the models (use :func:`scenario_schema` for the cached one)."""
    raw = m.Scenario.model_json_schema(mode="validation")
    defs: dict[str, Any] = raw.pop("$defs")
    meta = copy.deepcopy(defs["Meta"])
    meta["properties"]["evidence"] = _evidence_schema()
    models = _models()
    for name, schema in defs.items():
        props = schema.get("properties", {})
        for key in _INTERNAL:
            props.pop(key, None)
        if "evidence" in props:
            props["evidence"] = _evidence_schema()
        cls = models.get(name)
        for field in getattr(cls, "numeric_fields", ()):
            if field in props:
                props[field] = _with_value(props[field], meta)
        if name in _ID_MODELS and "id" in props:
            props["id"] = {**props["id"], "pattern": _ID_PATTERN}
        if "date" in props:
            props["date"] = {
                "title": "Date",
                "description": "An ISO date (2020-01-03), or a year.",
                "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}],
            }
    outcome = defs["Outcome"]["properties"]
    outcome["costs"]["additionalProperties"] = _with_value({"type": "number"}, meta)
    defs["Meta"]["properties"]["evidence"] = _evidence_schema()
    props = raw["properties"]
    props["date"] = {
        "title": "Date",
        "description": "An ISO date (2020-01-03), or a year.",
        "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "realpolitik scenario",
        "description": (
            "A realpolitik scenario file: actors, issues (positions on 0-100, saliences on 0-1), "
            "relations, shocks and escalation trees. Numbers may be written as "
            "{value, evidence, assumption, range, sd}. `realpolitik check FILE` also checks "
            "every cross-reference."
        ),
        **{k: v for k, v in raw.items() if k not in ("title", "description")},
        "$defs": defs,
    }


@cache
def _cached() -> str:
    return json.dumps(build_schema(), ensure_ascii=False)


def scenario_schema() -> dict[str, Any]:
    """The scenario file format as a JSON Schema (draft 2020-12); a fresh copy each call."""
    result: dict[str, Any] = json.loads(_cached())
    return result


def schema_text() -> str:
    """The schema as the indented JSON text that ships in the package."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The text of the copy that ships as ``realpolitik/data/scenario.schema.json``."""
    package, name = SCHEMA_RESOURCE
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


__all__ = ["build_schema", "scenario_schema", "schema_text", "shipped_schema_text"]

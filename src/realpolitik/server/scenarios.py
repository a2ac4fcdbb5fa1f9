"""The scenario a request names: a built-in one (parsed once per process) or its text."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from realpolitik.exceptions import ScenarioError
from realpolitik.scenario import builtin_scenarios, builtin_text, parse_scenario
from realpolitik.scenario.model import Scenario
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.server.errors import UnknownScenarioError, error_body
from realpolitik.server.models import ScenarioRef, TextFormatIn
from realpolitik.server.uploads import scenario_from_text, upload_name


@lru_cache(maxsize=16)
def _builtin(name: str) -> str:
    return builtin_text(name)


@cache
def _builtin_names() -> tuple[str, ...]:
    # The built-in scenarios are package data: the same for the life of the process.
    return tuple(builtin_scenarios())


@lru_cache(maxsize=16)
def _builtin_parsed(name: str) -> Scenario:
    # Parsing a built-in scenario's YAML takes about 0.15 s of pure Python: a light request
    # (a forecast of a built-in scenario) would spend nearly all its time there, holding the
    # interpreter that every other light request needs. Parsed once per process instead.
    return parse_scenario(_builtin(name), filename=f"{name}.yaml")


def scenario_from_ref(ref: ScenarioRef) -> Scenario:
    """The scenario a request names: a built-in one, or parsed text. Never a file path.

    A built-in scenario is parsed once per process; each request gets its own deep copy
    (about 4 ms), so that nothing a computation does to it reaches the next request.
    """
    if ref.name is not None:
        known = _builtin_names()
        if ref.name not in known:
            raise UnknownScenarioError(
                f"unknown built-in scenario {ref.name!r}; built-in scenarios: {', '.join(known)}"
            )
        return _builtin_parsed(ref.name).model_copy(deep=True)
    assert ref.text is not None
    name = upload_name(ref.filename, f"upload.{ref.format}") if ref.filename else None
    return scenario_from_text(ref.text, ref.format, name)


def _shocked(scenario: Scenario, shocks: list[str]) -> Scenario:
    return apply_shocks(scenario, shocks) if shocks else scenario


def _summary(s: Scenario) -> dict[str, Any]:
    return {
        "title": s.title,
        "actors": [{"id": a.id, "name": a.name} for a in s.actors],
        "issues": [{"id": i.id, "title": i.title} for i in s.issues],
        "shocks": [{"id": k.id, "title": k.title} for k in s.shocks],
        "escalation": [{"id": t.id, "title": t.title} for t in s.escalation],
        "n_relations": len(s.relations),
    }


def _validate(text: str, fmt: TextFormatIn, filename: str | None = None) -> dict[str, Any]:
    try:
        s = scenario_from_text(text, fmt, filename)
    except ScenarioError as exc:
        return {"valid": False, "problems": error_body("", exc.problems)["problems"]}
    return {"valid": True, "problems": [], "summary": _summary(s)}


__all__ = [
    "scenario_from_ref",
]

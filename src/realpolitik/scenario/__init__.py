"""Scenario files: the pydantic model, loading and saving, and the field's tables."""

from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.loader import (
    builtin_scenarios,
    builtin_text,
    dump_scenario,
    load_scenario,
    parse_scenario,
    scenario_to_data,
)
from realpolitik.scenario.model import (
    DEFAULT_WEIGHTS,
    RELATION_ORDER,
    Actor,
    EscalationTree,
    Evidence,
    Issue,
    Meta,
    Position,
    Relation,
    Scenario,
    Shock,
    Source,
)
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.scenario.tables import parse_table, write_table

__all__ = [
    "DEFAULT_WEIGHTS",
    "RELATION_ORDER",
    "Actor",
    "EscalationTree",
    "Evidence",
    "Issue",
    "Meta",
    "Position",
    "Relation",
    "Scenario",
    "Shock",
    "Source",
    "apply_shocks",
    "builtin_scenarios",
    "builtin_text",
    "dump_scenario",
    "load_scenario",
    "parse_scenario",
    "parse_table",
    "scenario_to_data",
    "status_quo",
    "to_state",
    "write_table",
]

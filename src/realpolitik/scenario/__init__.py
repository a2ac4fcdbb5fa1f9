"""Scenario files: the pydantic model, loading and saving, and the field's tables."""

from realpolitik.scenario.arrays import status_quo, to_state
from realpolitik.scenario.ktab_xml import parse_ktab_xml
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
from realpolitik.scenario.scale import issue_scale, to_scale
from realpolitik.scenario.schema import scenario_schema
from realpolitik.scenario.shocks import apply_shocks
from realpolitik.scenario.tables import TableInfo, parse_table, read_table, write_table

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
    "TableInfo",
    "apply_shocks",
    "builtin_scenarios",
    "builtin_text",
    "dump_scenario",
    "issue_scale",
    "load_scenario",
    "parse_ktab_xml",
    "parse_scenario",
    "parse_table",
    "read_table",
    "scenario_schema",
    "scenario_to_data",
    "status_quo",
    "to_scale",
    "to_state",
    "write_table",
]

"""Analyses built on scenarios and results: network, Plan B, rules, explanations, coalitions.

Names load on first use (PEP 562), so that importing one analysis module (``coalitions`` for
``forecast --format json``) does not import the others (networkx, pandas, ...).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name -> the module that defines it.
_WHERE: dict[str, str] = {
    "Blocs": "realpolitik.analysis.network",
    "Frustration": "realpolitik.analysis.network",
    "NetworkReport": "realpolitik.analysis.network",
    "TriadBalance": "realpolitik.analysis.network",
    "analyse_network": "realpolitik.analysis.network",
    "blocs": "realpolitik.analysis.network",
    "commitment_gaps": "realpolitik.analysis.network",
    "frustration": "realpolitik.analysis.network",
    "frustration_count": "realpolitik.analysis.network",
    "issue_affinity": "realpolitik.analysis.network",
    "partition_cost": "realpolitik.analysis.network",
    "position_gaps": "realpolitik.analysis.network",
    "sign_graph": "realpolitik.analysis.network",
    "signed_edges": "realpolitik.analysis.network",
    "signed_graph": "realpolitik.analysis.network",
    "triad_balance": "realpolitik.analysis.network",
    "triads": "realpolitik.analysis.network",
    "Explanation": "realpolitik.analysis.explain",
    "Sentence": "realpolitik.analysis.explain",
    "explain_actor": "realpolitik.analysis.explain",
    "Candidate": "realpolitik.analysis.planb",
    "PlanBError": "realpolitik.analysis.planb",
    "PlanBResult": "realpolitik.analysis.planb",
    "plan_b": "realpolitik.analysis.planb",
    "Rule": "realpolitik.scenario.rules",
    "RuleError": "realpolitik.scenario.rules",
    "parse_rule": "realpolitik.scenario.rules",
    "Coalition": "realpolitik.analysis.coalitions",
    "CoalitionResult": "realpolitik.analysis.coalitions",
    "find_coalitions": "realpolitik.analysis.coalitions",
}

if TYPE_CHECKING:
    from realpolitik.analysis.coalitions import (
        Coalition,
        CoalitionResult,
        find_coalitions,
    )
    from realpolitik.analysis.explain import (
        Explanation,
        Sentence,
        explain_actor,
    )
    from realpolitik.analysis.network import (
        Blocs,
        Frustration,
        NetworkReport,
        TriadBalance,
        analyse_network,
        blocs,
        commitment_gaps,
        frustration,
        frustration_count,
        issue_affinity,
        partition_cost,
        position_gaps,
        sign_graph,
        signed_edges,
        signed_graph,
        triad_balance,
        triads,
    )
    from realpolitik.analysis.planb import (
        Candidate,
        PlanBError,
        PlanBResult,
        plan_b,
    )
    from realpolitik.scenario.rules import (
        Rule,
        RuleError,
        parse_rule,
    )


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "Blocs",
    "Candidate",
    "Coalition",
    "CoalitionResult",
    "Explanation",
    "Frustration",
    "NetworkReport",
    "PlanBError",
    "PlanBResult",
    "Rule",
    "RuleError",
    "Sentence",
    "TriadBalance",
    "analyse_network",
    "blocs",
    "commitment_gaps",
    "explain_actor",
    "find_coalitions",
    "frustration",
    "frustration_count",
    "issue_affinity",
    "parse_rule",
    "partition_cost",
    "plan_b",
    "position_gaps",
    "sign_graph",
    "signed_edges",
    "signed_graph",
    "triad_balance",
    "triads",
]

"""Analyses built on scenarios and results: the signed network of relations, ..."""

from __future__ import annotations

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

__all__ = [
    "Blocs",
    "Frustration",
    "NetworkReport",
    "TriadBalance",
    "analyse_network",
    "blocs",
    "commitment_gaps",
    "frustration",
    "frustration_count",
    "issue_affinity",
    "partition_cost",
    "position_gaps",
    "sign_graph",
    "signed_edges",
    "signed_graph",
    "triad_balance",
    "triads",
]

# Plan B, partner rules and explanations.
from realpolitik.analysis.explain import Explanation, Sentence, explain_actor  # noqa: E402
from realpolitik.analysis.planb import Candidate, PlanBError, PlanBResult, plan_b  # noqa: E402
from realpolitik.scenario.rules import Rule, RuleError, parse_rule  # noqa: E402

__all__ += [
    "Candidate",
    "Explanation",
    "PlanBError",
    "PlanBResult",
    "Rule",
    "RuleError",
    "Sentence",
    "explain_actor",
    "parse_rule",
    "plan_b",
]

# Coalitions on each issue (docs/coalitions.md). The function ``coalitions`` stays in its
# module: exported here, its name would hide the module ``realpolitik.analysis.coalitions``.
from realpolitik.analysis.coalitions import (  # noqa: E402
    Coalition,
    CoalitionResult,
    find_coalitions,
)

__all__ += ["Coalition", "CoalitionResult", "find_coalitions"]

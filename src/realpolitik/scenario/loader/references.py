"""Cross-reference checks of a scenario whose shapes are valid: ids, rules, escalation trees."""

from __future__ import annotations

import difflib
from typing import Any

from realpolitik.exceptions import Problem
from realpolitik.scenario.model import Fight, Scenario
from realpolitik.scenario.rules import RULE_KINDS, RuleError, parse_rule


# --------------------------------------------------------------------------------------------
# Cross-reference checks (after the shapes are valid)
# --------------------------------------------------------------------------------------------
def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known) or 'none'}"


def check_references(s: Scenario, filename: str) -> list[Problem]:
    """Every cross-reference problem of a shape-valid scenario: ids, actors, sources, trees."""
    problems: list[Problem] = []

    def add(where: str, message: str) -> None:
        problems.append(Problem(filename, where, message))

    def dupes(items: list[Any], section: str) -> set[str]:
        seen: dict[str, int] = {}
        for k, item in enumerate(items):
            if item.id in seen:
                add(
                    f"{section}[{k}].id",
                    f"duplicate id {item.id!r} (first used at {section}[{seen[item.id]}])",
                )
            else:
                seen[item.id] = k
        return set(seen)

    actor_ids = [a.id for a in s.actors]
    actors = dupes(s.actors, "actors")
    dupes(s.issues, "issues")
    shock_ids = dupes(s.shocks, "shocks")
    sources = dupes(s.sources, "sources")
    dupes(s.escalation, "escalation")
    issue_ids = [i.id for i in s.issues]

    def check_actor(where: str, actor: str) -> None:
        if actor not in actors:
            add(where, f"unknown actor {actor!r}{_suggest(actor, actor_ids)}")

    def check_issue(where: str, issue: str) -> None:
        if issue not in issue_ids:
            add(where, f"unknown issue {issue!r}{_suggest(issue, issue_ids)}")

    def check_evidence(where: str, evidence: list[Any]) -> None:
        for k, ev in enumerate(evidence):
            if ev.source is not None and ev.source not in sources:
                add(
                    f"{where}.evidence[{k}].source",
                    f"unknown source {ev.source!r}{_suggest(ev.source, sorted(sources))}",
                )

    def check_meta(where: str, obj: Any) -> None:
        check_evidence(where, obj.evidence)
        for name, meta in obj.meta.items():
            check_evidence(f"{where}.{name}", meta.evidence)

    for k, a in enumerate(s.actors):
        check_meta(f"actors[{k}]", a)
        for j, text in enumerate(a.partner_rules):
            where = f"actors[{k}].partner_rules[{j}]"
            try:
                rule = parse_rule(text, source=where)
            except RuleError as exc:
                add(where, str(exc).split(": ", 1)[1])
                continue
            if RULE_KINDS[rule.kind] == "ACTOR" and rule.arg not in actors:
                add(
                    where,
                    f"rule {text!r} names unknown actor {rule.arg!r}{_suggest(str(rule.arg), actor_ids)}",
                )
    for k, issue in enumerate(s.issues):
        where = f"issues[{k}]"
        check_meta(where, issue)
        if not issue.positions:
            add(f"{where}.positions", "an issue needs at least one actor's position; found none")
        for actor, pos in issue.positions.items():
            check_actor(f"{where}.positions.{actor}", actor)
            check_meta(f"{where}.positions.{actor}", pos)
        if issue.scale is not None and issue.scale[0] == issue.scale[1]:
            add(
                f"{where}.scale",
                f"the two ends of the scale must differ; found {list(issue.scale)}",
            )
    pairs: dict[frozenset[str], int] = {}
    for k, r in enumerate(s.relations):
        where = f"relations[{k}]"
        for j, actor in enumerate(r.between):
            check_actor(f"{where}.between[{j}]", actor)
        if r.between[0] == r.between[1]:
            add(
                f"{where}.between",
                f"a relation needs two different actors; found {list(r.between)}",
            )
        pair = frozenset(r.between)
        if pair in pairs:
            add(
                f"{where}.between",
                f"duplicate relation {list(r.between)} (first at relations[{pairs[pair]}])",
            )
        else:
            pairs[pair] = k
        check_meta(where, r)
    for k, shock in enumerate(s.shocks):
        for e, edit in enumerate(shock.edits):
            where = f"shocks[{k}].edits[{e}]"
            check_evidence(where, edit.evidence)
            if hasattr(edit, "actor"):
                check_actor(f"{where}.actor", edit.actor)
            if hasattr(edit, "issue"):
                check_issue(f"{where}.issue", edit.issue)
            if hasattr(edit, "between"):
                for j, actor in enumerate(edit.between):
                    check_actor(f"{where}.between[{j}]", actor)
            if isinstance(edit, Fight):
                for j, side in enumerate(edit.sides):
                    for q, actor in enumerate(side):
                        check_actor(f"{where}.sides[{j}][{q}]", actor)
                for j, issue_id in enumerate(edit.issues):
                    check_issue(f"{where}.issues[{j}]", issue_id)
    caring = {a for i in s.issues for a, p in i.positions.items() if p.salience > 0}
    for t, tree in enumerate(s.escalation):
        _check_tree(tree, f"escalation[{t}]", actors, actor_ids, shock_ids, add)
        _check_deciders(tree, f"escalation[{t}]", actors, caring, add)
    return problems


def _check_deciders(tree: Any, where: str, actors: set[str], caring: set[str], add: Any) -> None:
    """An actor who chooses at a node must care about some issue, or it has no payoffs."""
    for k, node in enumerate(tree.nodes):
        if node.actor in actors and node.actor not in caring:
            add(
                f"{where}.nodes[{k}].actor",
                f"actor {node.actor!r} chooses at node {node.id!r} but has salience 0 (or no "
                "position) on every issue, so it prefers no outcome to another and its payoffs "
                "are undefined; give it a salience above 0 on an issue, or let another actor "
                "choose here",
            )


def _check_tree(
    tree: Any, where: str, actors: set[str], actor_ids: list[str], shock_ids: set[str], add: Any
) -> None:
    node_ids = [n.id for n in tree.nodes]
    outcome_ids = [o.id for o in tree.outcomes]
    if len(set(node_ids)) != len(node_ids):
        add(f"{where}.nodes", "node ids must be unique")
    if len(set(outcome_ids)) != len(outcome_ids):
        add(f"{where}.outcomes", "outcome ids must be unique")
    if tree.root not in node_ids:
        add(f"{where}.root", f"unknown node {tree.root!r}{_suggest(tree.root, node_ids)}")
    parents: dict[str, str] = {}
    for k, node in enumerate(tree.nodes):
        if node.actor not in actors:
            add(
                f"{where}.nodes[{k}].actor",
                f"unknown actor {node.actor!r}{_suggest(node.actor, actor_ids)}",
            )
        option_ids = [o.id for o in node.options]
        if len(set(option_ids)) != len(option_ids):
            add(f"{where}.nodes[{k}].options", "option ids must be unique within a node")
        for j, opt in enumerate(node.options):
            ow = f"{where}.nodes[{k}].options[{j}]"
            if opt.next is not None:
                if opt.next not in node_ids:
                    add(f"{ow}.next", f"unknown node {opt.next!r}{_suggest(opt.next, node_ids)}")
                elif opt.next in parents or opt.next == tree.root:
                    add(
                        f"{ow}.next",
                        f"node {opt.next!r} is reached twice; an escalation tree must be a tree",
                    )
                else:
                    parents[opt.next] = node.id
            if opt.joins is not None:
                if opt.joins not in actors:
                    add(
                        f"{ow}.joins",
                        f"unknown actor {opt.joins!r}{_suggest(opt.joins, actor_ids)}",
                    )
                elif opt.joins == node.actor:
                    add(f"{ow}.joins", f"{node.actor!r} cannot join its own side")
                elif opt.outcome is None:
                    add(f"{ow}.joins", "only an option that ends in an outcome can join a fight")
            if opt.outcome is not None and opt.outcome not in outcome_ids:
                add(
                    f"{ow}.outcome",
                    f"unknown outcome {opt.outcome!r}{_suggest(opt.outcome, outcome_ids)}",
                )
    for k, node in enumerate(tree.nodes):
        if node.id != tree.root and node.id not in parents:
            add(f"{where}.nodes[{k}]", f"node {node.id!r} is never reached from the root")
    for k, out in enumerate(tree.outcomes):
        for j, shock in enumerate(out.shocks):
            if shock not in shock_ids:
                add(
                    f"{where}.outcomes[{k}].shocks[{j}]",
                    f"unknown shock {shock!r}{_suggest(shock, sorted(shock_ids))}",
                )
        for actor in out.costs:
            if actor not in actors:
                add(
                    f"{where}.outcomes[{k}].costs.{actor}",
                    f"unknown actor {actor!r}{_suggest(actor, actor_ids)}",
                )

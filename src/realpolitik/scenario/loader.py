"""Reading and writing scenarios: ``parse_*`` functions are pure, ``load_*`` only read files.

Every problem in a file becomes one :class:`~realpolitik.exceptions.Problem` naming the file, its
line and column when the scenario was read from text, the path inside it
(``issues[2].positions.iran.salience``), what was expected and what was found
(``s.yaml:14:19: issues[2].positions.iran.salience: ...``); all of them are raised together as
one :class:`~realpolitik.exceptions.ScenarioError`. The positions come from PyYAML's composer
(its nodes carry marks), looked up only once a problem is found.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import re
import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from realpolitik.exceptions import Problem, ScenarioError, ScenarioTooLargeError
from realpolitik.scenario import limits
from realpolitik.scenario._yaml import harden
from realpolitik.scenario.model import Fight, Meta, Scenario, all_field_names
from realpolitik.scenario.rules import RULE_KINDS, RuleError, parse_rule

TextFormat = Literal["yaml", "json"]
_BUILTIN_PACKAGE = "realpolitik.data.scenarios"


# --------------------------------------------------------------------------------------------
# Paths and messages
# --------------------------------------------------------------------------------------------
def format_path(loc: tuple[Any, ...]) -> str:
    """Render a pydantic location as a path inside the file.

    Examples
    --------
    >>> format_path(("issues", 2, "positions", "iran", "salience"))
    'issues[2].positions.iran.salience'
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_UNION_MEMBERS = {"constrained-str", "str", "int", "float", "bool", "none", "date", "datetime"}


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's internal steps (discriminator tags, our ``meta`` split) from a location."""
    parts = list(loc)
    cleaned: list[Any] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in ("meta", "cost_meta") and i + 1 < len(parts):
            cleaned.append(parts[i + 1])  # the field whose {value: ...} mapping held the key
            i += 2
            continue
        if isinstance(part, str) and part.startswith(("function-", "tagged-union")):
            i += 1
            continue
        if part in _UNION_MEMBERS and i > 0 and isinstance(parts[i - 1], str):
            i += 1  # which member of a union (date | text, number | null) failed
            continue
        if (
            isinstance(part, str)
            and i > 0
            and isinstance(parts[i - 1], int)
            and part
            in (
                "remove-actor",
                "scale-capability",
                "set-position",
                "set-salience",
                "set-relation",
                "fight",
            )
        ):
            i += 1  # discriminator tag of an edit
            continue
        cleaned.append(part)
        i += 1
    return tuple(cleaned)


def _found(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


#: Unknown keys of one file that get a "did you mean" suggestion (the rest are only listed).
MAX_SUGGESTIONS = 50


def _message(err: Mapping[str, Any], suggest: bool = True) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        close = _close_key(key) if suggest else []
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown key {key!r}{hint}"
    if kind == "missing":
        return "required key is missing"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{err['msg'].lower()}; found {_found(value)}"
    if kind in ("float_parsing", "float_type", "int_type", "int_parsing"):
        return f"expected a number; found {_found(value)}"
    if kind == "finite_number":
        return f"expected a finite number; found {_found(value)}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected', '')}; found {_found(value)}"
    if kind == "union_tag_invalid":
        return f"unknown op {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags', '')}"
    if kind == "union_tag_not_found":
        return "each edit needs an 'op' (remove-actor, scale-capability, set-position, set-salience, set-relation or fight)"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list; found {_found(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of keys to values; found {_found(value)}"
    if kind in ("string_type",):
        return f"expected text; found {_found(value)}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length', 1)} item(s); found {_found(value)}"
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} item(s); found {_found(value)}"
    msg = str(err["msg"])
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return f"{msg}; found {_found(value)}" if "found" not in msg and "got" not in msg else msg


@functools.lru_cache(maxsize=1024)
def _close_key(key: str) -> list[str]:
    """The known key closest to ``key`` (cached: a file may repeat one typo many times)."""
    if len(key) > 40:
        return []  # no key of the format is that long
    return difflib.get_close_matches(key, _KNOWN_KEYS(), n=1, cutoff=0.7)


@functools.cache
def _KNOWN_KEYS() -> list[str]:  # noqa: N802 (a constant computed once)
    return sorted(all_field_names())


def _salience_hint(loc: tuple[Any, ...], err: Mapping[str, Any]) -> str:
    if loc and loc[-1] == "salience" and err["type"] == "less_than_equal":
        value = err.get("input")
        if isinstance(value, int | float) and 1 < value <= 100:
            return " (saliences are on 0–1 in scenario files: divide by 100)"
    return ""


def problems_from_validation(exc: ValidationError, filename: str) -> list[Problem]:
    """Turn a pydantic ValidationError into one :class:`Problem` per error."""
    merged: dict[str, list[str]] = {}
    n_unknown = 0
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        where = format_path(loc)
        n_unknown += err["type"] == "extra_forbidden"
        message = _message(err, n_unknown <= MAX_SUGGESTIONS) + _salience_hint(loc, err)
        messages = merged.setdefault(where, [])
        if message not in messages:
            messages.append(message)
    # Several errors at one place come from the members of a union: say them as alternatives.
    return [Problem(filename, where, "; or ".join(msgs)) for where, msgs in merged.items()]


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


# --------------------------------------------------------------------------------------------
# Parse / load / dump
# --------------------------------------------------------------------------------------------
def _yaml_problem(exc: yaml.YAMLError, filename: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        # A character YAML does not allow in text (a NUL, a control character), one line.
        return Problem(
            filename,
            f"character {exc.position + 1}",
            f"expected text; found the control character #x{exc.character:04x} "
            "(is it a binary file, or was it damaged?)"
            if isinstance(exc.character, int)
            else f"expected text; found the byte {exc.character!r}",
        )
    mark = getattr(exc, "problem_mark", None)
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
    if mark is None:
        return Problem(filename, "", f"YAML syntax error: {problem}")
    return Problem(filename, "", f"YAML syntax error: {problem}", mark.line + 1, mark.column + 1)


#: The most values a document may hold once YAML aliases are expanded ("billion laughs").
MAX_NODES = 200_000
#: The deepest nesting a document may have.
MAX_DEPTH = 100


class _StrictSafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses duplicate keys in a mapping (the last would win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    f"duplicate key {key!r} (first at line {seen[key].line + 1}); "
                    "the later value would silently win",
                    key_node.start_mark,
                )
            if isinstance(key, str | int | float | bool):
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


harden(_StrictSafeLoader)  # 1e6 is a number, 2020-02-30 no date, 5,000 digits no crash


def _check_size(data: Any, filename: str) -> None:
    """Refuse documents that expand past :data:`MAX_NODES` values or nest past :data:`MAX_DEPTH`.

    Walks iteratively with a budget, so an alias bomb is caught after at most MAX_NODES steps.
    """
    stack: list[tuple[Any, int]] = [(data, 1)]
    count = 0
    while stack:
        obj, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ScenarioTooLargeError(
                [
                    Problem(
                        filename,
                        "",
                        f"the document expands to more than {MAX_NODES:,} values "
                        "(YAML aliases repeated inside each other?); a scenario is far smaller",
                    )
                ]
            )
        if depth > MAX_DEPTH:
            raise ScenarioError(
                [Problem(filename, "", f"the document is nested more than {MAX_DEPTH} levels deep")]
            )
        if isinstance(obj, dict):
            stack.extend((v, depth + 1) for v in obj.values())
        elif isinstance(obj, list):
            stack.extend((v, depth + 1) for v in obj)


def parse_text(text: str, *, filename: str = "<string>", fmt: TextFormat | None = None) -> Any:
    """Parse YAML or JSON text into plain data.

    YAML is read with a safe loader that also refuses duplicate keys. Documents that expand
    past :data:`MAX_NODES` values (alias bombs) or nest past :data:`MAX_DEPTH` levels are refused.

    Raises
    ------
    ScenarioError
        With the line and column of a syntax error, or the limit that was passed.

    Examples
    --------
    >>> parse_text("a: 1\\nb: [x, y]")
    {'a': 1, 'b': ['x', 'y']}
    >>> parse_text("a: 1\\na: 2", filename="d.yaml")
    Traceback (most recent call last):
    ...
    realpolitik.exceptions.ScenarioError: d.yaml:2:1: YAML syntax error: duplicate key 'a' (first at line 1); the later value would silently win
    """
    if fmt is None:
        fmt = "json" if filename.lower().endswith(".json") else "yaml"
    limits.check_text_size(text, filename)
    too_deep = Problem(filename, "", "the document is nested too deeply to read")
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScenarioError(
                [Problem(filename, "", f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno)]
            ) from None
        except RecursionError:
            raise ScenarioError([too_deep]) from None
        except ValueError:  # an integer past Python's conversion limit (4,300 digits)
            raise ScenarioError(
                [
                    Problem(
                        filename,
                        "",
                        "JSON: an integer with more digits than Python converts "
                        f"({sys.get_int_max_str_digits():,}); no number of a scenario is that long",
                    )
                ]
            ) from None
    else:
        try:
            data = yaml.load(text, Loader=_StrictSafeLoader)  # noqa: S506 (a SafeLoader subclass)
        except yaml.YAMLError as exc:
            raise ScenarioError([_yaml_problem(exc, filename)]) from None
        except RecursionError:
            raise ScenarioError([too_deep]) from None
    _check_size(data, filename)
    return data


def parse_scenario(
    source: str | Mapping[str, Any], *, filename: str = "<string>", fmt: TextFormat | None = None
) -> Scenario:
    """Validate a scenario given as YAML/JSON text or as plain data. No I/O.

    Parameters
    ----------
    source : str or mapping
        The text of a YAML or JSON file, or the already-parsed data.
    filename : str
        Used in messages and to tell JSON (``.json``) from YAML.
    fmt : {"yaml", "json"}, optional
        Overrides the guess from ``filename``.

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        With one :class:`~realpolitik.exceptions.Problem` per problem found.

    Examples
    --------
    >>> s = parse_scenario('''
    ... title: Toy
    ... actors:
    ...   - {id: a, name: A, capability: 1}
    ...   - {id: b, name: B, capability: 3}
    ... issues:
    ...   - id: x
    ...     title: X
    ...     positions:
    ...       a: {position: 0, salience: 1}
    ...       b: {position: 100, salience: 1}
    ... ''')
    >>> s.actor_ids, s.issue("x").positions["b"].position
    (['a', 'b'], 100.0)
    >>> try:
    ...     parse_scenario("title: T\\nactors: []\\nissues: []", filename="t.yaml")
    ... except ScenarioError as e:
    ...     print(e)
    t.yaml:2:9: actors: expected at least 1 item(s); found []
    t.yaml:3:9: issues: expected at least 1 item(s); found []
    """
    data = parse_text(source, filename=filename, fmt=fmt) if isinstance(source, str) else source
    if not isinstance(data, Mapping):
        raise ScenarioError(
            [
                Problem(
                    filename,
                    "",
                    f"expected a mapping with title, actors and issues at the top; found {_found(data)}",
                )
            ]
        )
    limits.check_counts(data, filename)
    try:
        scenario = Scenario.model_validate(dict(data))
    except ValidationError as exc:
        found = problems_from_validation(exc, filename)
        raise ScenarioError(_with_marks(found, source, fmt, filename)) from None
    problems = check_references(scenario, filename)
    if problems:
        raise ScenarioError(_with_marks(problems, source, fmt, filename))
    return scenario


_PATH_PART = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _path_parts(where: str) -> list[str | int]:
    """``issues[2].positions.iran`` -> ``['issues', 2, 'positions', 'iran']``."""
    return [int(i) if i else str(k) for k, i in _PATH_PART.findall(where)]


def locate(root: yaml.Node, where: str, *, key: bool = False) -> yaml.Mark | None:
    """The mark (0-based line and column) of the value at path ``where`` in a composed document.

    Where the path leaves the document (a missing key), the mark of the deepest node on it.
    With ``key``, the mark of the last key itself rather than of its value (unknown keys).

    Examples
    --------
    >>> root = yaml.compose("actors:\\n  - id: a\\n    capability: x\\n", Loader=yaml.SafeLoader)
    >>> m = locate(root, "actors[0].capability")
    >>> (m.line + 1, m.column + 1)
    (3, 17)
    """
    node: yaml.Node = root
    mark = root.start_mark
    parts = _path_parts(where)
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if isinstance(part, int) and isinstance(node, yaml.SequenceNode):
            if part >= len(node.value):
                return mark
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            match = next(
                (
                    (k, v)
                    for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and k.value == str(part)
                ),
                None,
            )
            if match is None:
                return mark
            if last and key:
                return match[0].start_mark
            node = match[1]
        else:
            return mark
        mark = node.start_mark
    if isinstance(node, yaml.MappingNode):
        # A number written as {value: ..., evidence: ...}: point at the value.
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "value":
                return v.start_mark
    return mark


def _with_marks(
    problems: list[Problem], source: Any, fmt: TextFormat | None, filename: str
) -> list[Problem]:
    """The problems with the line and column of their path, when ``source`` is text."""
    if not isinstance(source, str):
        return problems
    try:
        # JSON is YAML too (near enough for positions); composing builds no Python objects.
        root = yaml.compose(source, Loader=yaml.SafeLoader)  # noqa: S506 (safe loader)
    except (yaml.YAMLError, RecursionError):
        return problems
    if root is None:
        return problems
    out = []
    for p in problems:
        if p.line is not None or not p.where:
            out.append(p)
            continue
        mark = locate(root, p.where, key=p.message.startswith("unknown key"))
        if mark is None:
            out.append(p)
        else:
            out.append(dataclasses.replace(p, line=mark.line + 1, column=mark.column + 1))
    return out


def read_text(path: str | Path) -> str:
    """Read a text file as UTF-8, turning every failure into a :class:`ScenarioError`."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise ScenarioError([Problem(name, "", "file not found")])
    if p.is_dir():
        raise ScenarioError([Problem(name, "", "expected a file; found a folder")])
    try:
        limits.check_file_size(p.stat().st_size, name)
        raw = p.read_bytes()
    except OSError as exc:
        raise ScenarioError([Problem(name, "", f"cannot read the file: {exc.strerror}")]) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ScenarioError(
            [Problem(name, "", "expected UTF-8 text; found UTF-16 (save the file as UTF-8)")]
        )
    if b"\x00" in raw:
        raise ScenarioError([Problem(name, "", "expected a text file; found binary data")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            [
                Problem(
                    name, f"byte {exc.start}", "expected UTF-8 text; found bytes that are not UTF-8"
                )
            ]
        ) from None


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load a built-in scenario by name, or a scenario file (YAML, JSON, or a CSV table).

    Parameters
    ----------
    name_or_path : str or Path
        A built-in name (see :func:`builtin_scenarios`) or a path. CSV files may be in the
        Bueno de Mesquita form (``Actor,Capability,Position,Salience``) or KTAB's form (see
        :mod:`realpolitik.scenario.tables`); ``.xml`` files in KTAB's XML form.

    Raises
    ------
    ScenarioError
        When the file is missing or invalid, with every problem found.

    Examples
    --------
    >>> s = load_scenario("syria-2020")
    >>> "russia" in s.actor_ids
    True
    """
    name = str(name_or_path)
    if isinstance(name_or_path, str) and name in builtin_scenarios():
        return _load_builtin(name)
    path = Path(name_or_path)
    if not path.exists() and path.suffix == "" and isinstance(name_or_path, str):
        known = ", ".join(builtin_scenarios())
        raise ScenarioError(
            [Problem(name, "", f"no such file, and not a built-in scenario (built-in: {known})")]
        )
    text = read_text(path)
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        from realpolitik.scenario.tables import parse_table

        return parse_table(text, filename=name)
    if path.suffix.lower() == ".xml":
        from realpolitik.scenario.ktab_xml import parse_ktab_xml

        return parse_ktab_xml(text, filename=name)
    fmt: TextFormat = "json" if path.suffix.lower() == ".json" else "yaml"
    return parse_scenario(text, filename=name, fmt=fmt)


@cache
def _builtin_files() -> dict[str, Any]:
    folder = resources.files(_BUILTIN_PACKAGE)
    return {
        f.name.rsplit(".", 1)[0]: f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))
    }


def builtin_scenarios() -> dict[str, str]:
    """Return the built-in scenarios: name → title.

    Examples
    --------
    >>> "syria-2020" in builtin_scenarios()
    True
    """
    return {name: _load_builtin_cached(name).title for name in sorted(_builtin_files())}


@cache
def _load_builtin_cached(name: str) -> Scenario:
    f = _builtin_files()[name]
    return parse_scenario(f.read_text(encoding="utf-8"), filename=f"{name}.yaml (built-in)")


def _load_builtin(name: str) -> Scenario:
    # A fresh deep copy, so that callers may edit what they get.
    return _load_builtin_cached(name).model_copy(deep=True)


def builtin_text(name: str) -> str:
    """Return the YAML text of a built-in scenario."""
    return _builtin_files()[name].read_text(encoding="utf-8")


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
    >>> s = load_scenario("syria-2020")
    >>> parse_scenario(dump_scenario(s)) == s
    True
    """
    data = scenario_to_data(scenario)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


__all__ = [
    "builtin_scenarios",
    "builtin_text",
    "check_references",
    "dump_scenario",
    "format_path",
    "load_scenario",
    "locate",
    "parse_scenario",
    "parse_text",
    "problems_from_validation",
    "read_text",
    "scenario_to_data",
]

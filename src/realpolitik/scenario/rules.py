"""Partner rules: the analyst's constraints on Plan B partners, as a small vocabulary.

A rule is a string ``KIND:ARGUMENT`` (or a bare ``KIND`` for rules without an argument). Rules
are written in a scenario file under an actor's ``partner_rules`` (they apply to that actor's
Plan B) or given on the command line with ``realpolitik planb --require RULE``.

======================  ======================================================================
rule                    a candidate **fails** it when ...
======================  ======================================================================
``not-allied-with:X``   it is ``X`` itself, or its relation with ``X`` is an alliance, or a
                        mutual commitment with positive weight ("a firm ally of X").
``min-capability:N``    its capability is below ``N``.
``max-capability:N``    its capability is above ``N``.
``relation-at-least:T`` its current relation with the actor is less cooperative than type ``T``
                        in the order alliance > partnership > alignment > neutral > rivalry >
                        hostility > war (no declared relation counts as neutral).
``has-tag:T``           it does not carry the tag ``T`` (an actor's ``tags``).
``kind:K``              its kind is not ``K`` (state, non-state, leader, organisation).
``not:X``               it is ``X`` (exclude one actor).
``partner-gains``       its own expected outcome is lower with the partnership than in the world
                        without the lost partner (a deal it would not take).
======================  ======================================================================

Relations and capabilities are read from the scenario as given (before the lost partner is
removed), so that ``not-allied-with:X`` still works when ``X`` is the partner that falls away.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from realpolitik.exceptions import InputError
from realpolitik.scenario.model import RELATION_ORDER, ActorKind, Scenario

RuleKind = Literal[
    "not-allied-with",
    "min-capability",
    "max-capability",
    "relation-at-least",
    "has-tag",
    "kind",
    "not",
    "partner-gains",
]

#: Each rule kind with the form of its argument (None: the rule takes no argument).
RULE_KINDS: dict[str, str | None] = {
    "not-allied-with": "ACTOR",
    "min-capability": "NUMBER",
    "max-capability": "NUMBER",
    "relation-at-least": "TYPE",
    "has-tag": "TAG",
    "kind": "KIND",
    "not": "ACTOR",
    "partner-gains": None,
}

_ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)


class RuleError(InputError):
    """A partner rule is malformed or names an unknown actor."""


def _usage() -> str:
    return ", ".join(k if a is None else f"{k}:{a}" for k, a in RULE_KINDS.items())


@dataclass(frozen=True)
class Rule:
    """One parsed partner rule.

    Parameters
    ----------
    kind : str
        One of :data:`RULE_KINDS`.
    arg : str or None
        The argument as written (an actor id, a tag, a relation type, a kind), or None.
    number : float or None
        The argument of the capability rules as a number.
    source : str
        Where the rule was written: ``actors[0].partner_rules[1]`` or ``--require``.
    """

    kind: str
    arg: str | None = None
    number: float | None = None
    source: str = "--require"

    @property
    def text(self) -> str:
        """The rule as written (``min-capability:30``)."""
        return self.kind if self.arg is None else f"{self.kind}:{self.arg}"

    def __str__(self) -> str:
        return self.text

    @property
    def needs_outcome(self) -> bool:
        """Whether the rule is judged on results (``partner-gains``) rather than on inputs."""
        return self.kind == "partner-gains"


def parse_rule(text: str, *, source: str = "--require") -> Rule:
    """Parse one rule written as ``KIND:ARGUMENT``.

    Parameters
    ----------
    text : str
        The rule.
    source : str
        Where it was written, for error messages.

    Returns
    -------
    Rule

    Raises
    ------
    RuleError
        For an unknown kind, a missing or extra argument, a capability that is not a number
        ≥ 0, an unknown relation type or actor kind.

    Examples
    --------
    >>> parse_rule("min-capability:30")
    Rule(kind='min-capability', arg='30', number=30.0, source='--require')
    >>> parse_rule("min-capabilty:30")
    Traceback (most recent call last):
    ...
    realpolitik.scenario.rules.RuleError: --require: unknown rule 'min-capabilty:30' (did you mean 'min-capability'?); rules are not-allied-with:ACTOR, min-capability:NUMBER, max-capability:NUMBER, relation-at-least:TYPE, has-tag:TAG, kind:KIND, not:ACTOR, partner-gains
    """
    if not isinstance(text, str) or not text.strip():
        raise RuleError(f"{source}: a rule must be a non-empty string; got {text!r}")
    raw = text.strip()
    kind, sep, arg = raw.partition(":")
    kind, arg = kind.strip().lower(), arg.strip()
    if kind not in RULE_KINDS:
        close = difflib.get_close_matches(kind, list(RULE_KINDS), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise RuleError(f"{source}: unknown rule {raw!r}{hint}; rules are {_usage()}")
    form = RULE_KINDS[kind]
    if form is None:
        if sep:
            raise RuleError(f"{source}: rule {kind!r} takes no argument; got {raw!r}")
        return Rule(kind=kind, source=source)
    if not arg:
        raise RuleError(f"{source}: rule {raw!r} needs an argument: write {kind}:{form}")
    if form == "NUMBER":
        try:
            number = float(arg)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise RuleError(f"{source}: {kind} needs a number >= 0; got {arg!r} in {raw!r}")
        return Rule(kind=kind, arg=arg, number=number, source=source)
    if form == "TYPE":
        arg = arg.lower()
        if arg not in RELATION_ORDER:
            raise RuleError(
                f"{source}: {kind} needs a relation type, one of {', '.join(RELATION_ORDER)}; "
                f"got {arg!r}"
            )
    if form == "KIND":
        arg = arg.lower()
        if arg not in _ACTOR_KINDS:
            raise RuleError(
                f"{source}: kind needs an actor kind, one of {', '.join(_ACTOR_KINDS)}; got {arg!r}"
            )
    return Rule(kind=kind, arg=arg, source=source)


def parse_rules(texts: Iterable[str], *, source: str = "--require") -> list[Rule]:
    """Parse several rules; every problem is reported at once.

    Raises
    ------
    RuleError
        One line per malformed rule.
    """
    out: list[Rule] = []
    problems: list[str] = []
    for text in texts:
        try:
            out.append(parse_rule(text, source=source))
        except RuleError as exc:
            problems.append(str(exc))
    if problems:
        raise RuleError("\n".join(problems))
    return out


def check_rules(rules: Sequence[Rule], scenario: Scenario) -> None:
    """Check that every actor a rule names exists in ``scenario``.

    Raises
    ------
    RuleError
        Naming the rule, where it was written and the known actors.
    """
    known = scenario.actor_ids
    problems = []
    for rule in rules:
        if RULE_KINDS[rule.kind] == "ACTOR" and rule.arg not in known:
            close = difflib.get_close_matches(str(rule.arg), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(
                f"{rule.source}: rule {rule.text!r} names unknown actor {rule.arg!r}{hint}; "
                f"actors: {', '.join(known)}"
            )
    if problems:
        raise RuleError("\n".join(problems))


def scenario_rules(scenario: Scenario, actor: str) -> list[Rule]:
    """The rules written under ``actor``'s ``partner_rules``, parsed and checked.

    Each rule's ``source`` is its path in the file (``actors[0].partner_rules[1]``).

    Raises
    ------
    RuleError
        For a malformed rule or one naming an unknown actor, with its path in the file.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> [(r.text, r.source) for r in scenario_rules(s, s.actor_ids[0])][:1]
    [('not-allied-with:us', 'actors[0].partner_rules[0]')]
    """
    k = scenario.actor_ids.index(actor)
    problems: list[str] = []
    out: list[Rule] = []
    for j, text in enumerate(scenario.actors[k].partner_rules):
        try:
            out.append(parse_rule(text, source=f"actors[{k}].partner_rules[{j}]"))
        except RuleError as exc:
            problems.append(str(exc))
    if problems:
        raise RuleError("\n".join(problems))
    check_rules(out, scenario)
    return out


def validate_partner_rules(scenario: Scenario) -> None:
    """Check the ``partner_rules`` of every actor of ``scenario``.

    Raises
    ------
    RuleError
        Listing every malformed rule, each with its path (``actors[k].partner_rules[j]``).
    """
    problems = []
    for actor in scenario.actor_ids:
        try:
            scenario_rules(scenario, actor)
        except RuleError as exc:
            problems.append(str(exc))
    if problems:
        raise RuleError("\n".join(problems))


def _firmly_allied(scenario: Scenario, a: str, b: str) -> bool:
    rel = scenario.relation(a, b)
    if rel is None:
        return False
    return rel.type == "alliance" or (rel.commitment == "mutual" and rel.weight > 0)


def relation_rank(scenario: Scenario, a: str, b: str) -> int:
    """Index of the relation type of ``a`` and ``b`` in :data:`RELATION_ORDER` (0 = alliance).

    No declared relation counts as neutral.
    """
    rel = scenario.relation(a, b)
    return RELATION_ORDER.index("neutral" if rel is None else rel.type)


def rule_fails(
    rule: Rule,
    scenario: Scenario,
    actor: str,
    candidate: str,
    *,
    partner_gain: float | None = None,
) -> bool:
    """Whether ``candidate`` fails ``rule`` as a Plan B partner of ``actor``.

    Parameters
    ----------
    rule : Rule
    scenario : Scenario
        The scenario as given (with the lost partner still in it).
    actor, candidate : str
        Actor ids.
    partner_gain : float, optional
        The candidate's own gain from the partnership (needed by ``partner-gains``; a missing
        value fails that rule).

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> a = s.actor_ids[0]
    >>> strong = parse_rule("min-capability:30")
    >>> [c for c in s.actor_ids[1:] if rule_fails(strong, s, a, c)] == [
    ...     x.id for x in s.actors[1:] if x.capability < 30]
    True
    """
    cand = scenario.actor(candidate)
    kind = rule.kind
    if kind == "not-allied-with":
        return candidate == rule.arg or _firmly_allied(scenario, candidate, str(rule.arg))
    if kind == "min-capability":
        return cand.capability < float(rule.number or 0.0)
    if kind == "max-capability":
        return cand.capability > float(rule.number or 0.0)
    if kind == "relation-at-least":
        return relation_rank(scenario, actor, candidate) > RELATION_ORDER.index(str(rule.arg))
    if kind == "has-tag":
        return rule.arg not in cand.tags
    if kind == "kind":
        return cand.kind != rule.arg
    if kind == "not":
        return candidate == rule.arg
    if kind == "partner-gains":
        return partner_gain is None or not (partner_gain >= 0.0)
    raise RuleError(f"{rule.source}: unsupported rule {rule.text!r}")  # pragma: no cover


def failed_rules(
    rules: Sequence[Rule],
    scenario: Scenario,
    actor: str,
    candidates: Sequence[str],
    *,
    partner_gains: Mapping[str, float] | None = None,
) -> dict[str, list[str]]:
    """For every candidate, the rules (as written) it fails, in the order given.

    Examples
    --------
    >>> from realpolitik.scenario import load_scenario
    >>> s = load_scenario("syria-2020")
    >>> out = failed_rules([parse_rule("has-tag:no-such-tag")], s, s.actor_ids[0],
    ...                    s.actor_ids[1:2])
    >>> out[s.actor_ids[1]]
    ['has-tag:no-such-tag']
    """
    gains = partner_gains or {}
    out: dict[str, list[str]] = {}
    for c in candidates:
        fails = []
        for rule in rules:
            if rule_fails(rule, scenario, actor, c, partner_gain=gains.get(c)):
                if rule.text not in fails:
                    fails.append(rule.text)
        out[c] = fails
    return out


__all__ = [
    "RELATION_ORDER",
    "RULE_KINDS",
    "Rule",
    "RuleError",
    "check_rules",
    "failed_rules",
    "parse_rule",
    "parse_rules",
    "relation_rank",
    "rule_fails",
    "scenario_rules",
    "validate_partner_rules",
]

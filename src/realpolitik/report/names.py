"""Human names for the inputs and results the Monte Carlo sensitivity ranks.

The sensitivity speaks in input paths (``actors[russia].capability``,
``issues[assad].positions.iran.salience``) and result names (``forecast[assad]``,
``path[strike-us → war]``). :func:`input_label` and :func:`output_label` say them with the
scenario's actor names, issue titles and option titles; a path they do not know is returned as
it is.
"""

from __future__ import annotations

import re
from typing import Any

_CAPABILITY = re.compile(r"^actors\[(?P<actor>[^\]]+)\]\.capability$")
_POSITION = re.compile(
    r"^issues\[(?P<issue>[^\]]+)\]\.positions\.(?P<actor>.+)\.(?P<field>position|salience)$"
)
_COST = re.compile(
    r"^escalation\[(?P<tree>[^\]]+)\]\.outcomes\[(?P<outcome>[^\]]+)\]\.costs\.(?P<actor>.+)$"
)
_FORECAST = re.compile(r"^forecast\[(?P<issue>[^\]]+)\]$")
_PATH = re.compile(r"^path\[(?P<steps>.*)\]$")


def _names(scenario: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    actors = {a["id"]: a["name"] for a in scenario.get("actors", [])}
    issues = {i["id"]: i["title"] for i in scenario.get("issues", [])}
    return actors, issues


def input_label(
    path: str, scenario: dict[str, Any], escalation: dict[str, Any] | None = None
) -> str:
    """A Monte Carlo input path in words.

    Parameters
    ----------
    path : str
        The input's path, as the sensitivity names it.
    scenario : dict
        ``gather(...)["scenario"]`` (actor names and issue titles).
    escalation : dict, optional
        ``gather(...)["escalation"]`` (outcome titles).

    Examples
    --------
    >>> s = {"actors": [{"id": "ru", "name": "Russia"}], "issues": [{"id": "x", "title": "X"}]}
    >>> input_label("actors[ru].capability", s)
    'capability of Russia'
    >>> input_label("issues[x].positions.ru.salience", s)
    'salience of X to Russia'
    >>> input_label("issues[x].positions.ru.position", s)
    'position of Russia on X'
    >>> input_label("relations[0].weight", s)
    'relations[0].weight'
    """
    actors, issues = _names(scenario)
    if m := _CAPABILITY.match(path):
        return f"capability of {actors.get(m['actor'], m['actor'])}"
    if m := _POSITION.match(path):
        actor = actors.get(m["actor"], m["actor"])
        issue = issues.get(m["issue"], m["issue"])
        if m["field"] == "position":
            return f"position of {actor} on {issue}"
        return f"salience of {issue} to {actor}"
    if m := _COST.match(path):
        outcome = m["outcome"]
        for tree in (escalation or {}).get("trees", []):
            if tree["id"] == m["tree"]:
                titles = {o["id"]: o.get("title") or o["id"] for o in tree["outcomes"]}
                outcome = titles.get(outcome, outcome)
        return f"cost to {actors.get(m['actor'], m['actor'])} of “{outcome}”"
    return path


def output_label(
    name: str, scenario: dict[str, Any], escalation: dict[str, Any] | None = None
) -> str:
    """A Monte Carlo result name in words (option ids become their titles where known).

    Examples
    --------
    >>> s = {"actors": [], "issues": [{"id": "x", "title": "X"}]}
    >>> output_label("forecast[x]", s)
    'forecast on X'
    >>> e = {"trees": [{"nodes": [{"options": [{"id": "go", "title": "Go on"}]}]}]}
    >>> output_label("path[go → stop]", s, e)
    'probability of the path Go on → stop'
    """
    _, issues = _names(scenario)
    if m := _FORECAST.match(name):
        return f"forecast on {issues.get(m['issue'], m['issue'])}"
    if m := _PATH.match(name):
        titles: dict[str, str] = {}
        for tree in (escalation or {}).get("trees", []):
            for node in tree["nodes"]:
                for opt in node["options"]:
                    titles.setdefault(opt["id"], opt.get("title") or opt["id"])
        steps = [titles.get(s.strip(), s.strip()) for s in m["steps"].split("→")]
        return "probability of the path " + " → ".join(steps)
    return name


__all__ = ["input_label", "output_label"]

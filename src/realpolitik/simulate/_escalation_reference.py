"""Slow reference for :func:`realpolitik.simulate.escalation.solve_qre`: plain recursion over dicts.

It reads the canonical mapping form of a tree (:meth:`GameTree.to_mapping`) and one game's
payoffs as nested lists, and uses only the standard library, so that the vectorised solver can be
tested against an independent implementation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

#: Same tie rule as the fast solver: within this distance of the best, relative to max(1, |best|).
TIE_TOLERANCE = 1e-9


def logit_choice(values: Sequence[float], lam: float) -> list[float]:
    """Logit probabilities ``exp(lam v_j) / sum_k exp(lam v_k)``; ``lam=inf`` splits ties evenly.

    Examples
    --------
    >>> [round(p, 4) for p in logit_choice([0.0, 1.0], 1.0)]
    [0.2689, 0.7311]
    >>> logit_choice([1.0, 0.0, 1.0], math.inf)
    [0.5, 0.0, 0.5]
    """
    best = max(values)
    if math.isinf(lam):
        tol = TIE_TOLERANCE * max(1.0, abs(best))
        top = [1.0 if v >= best - tol else 0.0 for v in values]
        return [t / sum(top) for t in top]
    weights = [math.exp(lam * (v - best)) for v in values]
    total = sum(weights)
    return [w / total for w in weights]


def solve_qre_reference(
    tree: Mapping[str, Any], payoffs: Sequence[Sequence[float]], lam: float
) -> dict[str, Any]:
    """Solve one game by recursion from the root.

    Parameters
    ----------
    tree : mapping
        Canonical mapping form: ``actors``, ``outcomes``, ``root``, and ``nodes`` as a list of
        ``{"id", "actor": name, "options": {label: {"node": id} or {"outcome": name}}}``.
    payoffs : list of list of float
        ``payoffs[outcome][actor]``.
    lam : float
        Rationality parameter (``math.inf`` for the subgame-perfect choice).

    Returns
    -------
    dict
        ``choices`` ({node: {label: p}}), ``reach`` ({node: p}), ``values`` ({node: [v per
        actor]}), ``paths`` (list of ``(steps, outcome name, probability)`` depth first) and
        ``payoffs`` (list per actor).

    Examples
    --------
    >>> tree = {"actors": ["A"], "outcomes": ["x", "y"], "root": "a",
    ...         "nodes": [{"id": "a", "actor": "A",
    ...                    "options": {"l": {"outcome": "x"}, "r": {"outcome": "y"}}}]}
    >>> solve_qre_reference(tree, [[1.0], [0.0]], math.inf)["choices"]
    {'a': {'l': 1.0, 'r': 0.0}}
    """
    nodes = {n["id"]: n for n in tree["nodes"]}
    actor_index = {name: i for i, name in enumerate(tree["actors"])}
    outcome_index = {name: i for i, name in enumerate(tree["outcomes"])}
    n_actors = len(tree["actors"])
    choices: dict[str, dict[str, float]] = {}
    values: dict[str, list[float]] = {}

    def child_value(child: Mapping[str, str]) -> list[float]:
        if "outcome" in child:
            return [float(x) for x in payoffs[outcome_index[child["outcome"]]]]
        return node_value(child["node"])

    def node_value(node_id: str) -> list[float]:
        node = nodes[node_id]
        me = actor_index[node["actor"]]
        labels = list(node["options"])
        vecs = [child_value(node["options"][label]) for label in labels]
        probs = logit_choice([v[me] for v in vecs], lam)
        choices[node_id] = dict(zip(labels, probs, strict=True))
        value = [0.0] * n_actors
        for p, vec in zip(probs, vecs, strict=True):
            if p > 0:
                for a in range(n_actors):
                    value[a] += p * vec[a]
        values[node_id] = value
        return value

    root_value = node_value(tree["root"])
    reach: dict[str, float] = {}
    paths: list[tuple[list[tuple[str, str]], str, float]] = []

    def walk(node_id: str, prob: float, steps: list[tuple[str, str]]) -> None:
        reach[node_id] = prob
        for label, child in nodes[node_id]["options"].items():
            p = prob * choices[node_id][label]
            here = [*steps, (node_id, label)]
            if "node" in child:
                walk(child["node"], p, here)
            else:
                paths.append((here, child["outcome"], p))

    walk(tree["root"], 1.0, [])
    return {
        "choices": choices,
        "reach": reach,
        "values": values,
        "paths": paths,
        "payoffs": root_value,
    }

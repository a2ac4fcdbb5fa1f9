"""How robust is each known-outcome claim of the three real cases? (docs/cases.md)

For every claim of ``tests/test_real_cases.py`` and every model, prints the value at the point
inputs and the share of Monte Carlo draws (default input uncertainty) in which the claim holds,
on the files as shipped (with their ``fight`` shocks and ``joins`` fields). The forecast after the
war that happened (``KNOWN_WORLDS``) is printed at the point inputs only: the Monte Carlo result
does not keep the worlds' forecasts. A Monte Carlo run with no input uncertainty must give the
point solution; where it does not (the Monte Carlo is then not the same model), the choice shares
are not reported and a warning says so.

``--sweep`` also moves, one at a time, the input of each case that is most a matter of judgement
(a salience set from the anchors of docs/cases.md) and prints what every claim becomes.

Run: ``.venv/bin/python benchmarks/real_cases.py [-n 1000] [--seed 1] [--sweep]``. Not a speed
benchmark: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

import realpolitik as rp
from realpolitik.simulate.montecarlo import run_montecarlo
from realpolitik.simulate.outcomes import solve_escalation

ROOT = Path(__file__).resolve().parents[1]
TREES = {
    "georgia-2008": "august-2008",
    "gulf-war-1990": "january-1991",
    "cuba-1962": "october-1962",
}


def cases_module() -> ModuleType:
    """The test module, for its claims (one definition of each)."""
    spec = importlib.util.spec_from_file_location(
        "test_real_cases", ROOT / "tests" / "test_real_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["test_real_cases"] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sweep", action="store_true", help="also sweep the judgement inputs")
    args = parser.parse_args()

    T = cases_module()
    models = [*T.BASE_MODELS, "eum-rel"]
    rows: list[tuple[str, str, str, str, str]] = []
    inconsistent: list[str] = []
    for case, tree in TREES.items():
        for model in models:
            data = T.raw(case)
            s = rp.parse_scenario(data, filename=f"{case}.yaml")
            point = solve_escalation(s, tree, model=model)
            mc = run_montecarlo(s, args.n, seed=args.seed, tree=tree, model=model)
            assert mc.game is not None and mc.choices_ is not None
            # The Monte Carlo must be the same model: with no input uncertainty it has to give
            # the point solution. Where it does not, its shares are not reported.
            still = rp.parse_scenario(
                data | {"uncertainty": {"position": 0.0, "salience": 0.0, "capability": 0.0}},
                filename=f"{case}.yaml",
            )
            one = run_montecarlo(still, 1, seed=args.seed, tree=tree, model=model)
            assert one.choices_ is not None and one.game is not None
            gap = max(
                abs(float(one.choices_[0, one.game.node_index(n)][j]) - p)
                for n, choice in point.choices().items()
                for j, p in enumerate(choice.values())
            )
            consistent = gap < 1e-6
            if not consistent:
                inconsistent.append(f"{case} {model}: choices differ by up to {gap:.3f}")
            for c, issue, known, loser in T.KNOWN_FORECASTS:
                if c != case:
                    continue
                k = mc.issue_ids.index(issue)
                value = float(rp.forecast(s, model=model).forecasts[model][k])
                held = np.array([T.on_known_side(v, known, loser) for v in mc.forecasts_[:, k]])
                claim = f"{issue} {'>' if known > loser else '<'} 50"
                same = abs(float(one.forecasts_[0, k]) - value) < 1e-6
                if not same:
                    inconsistent.append(
                        f"{case} {model}: forecast of {issue} {float(one.forecasts_[0, k]):.1f}"
                        f" against {value:.1f}"
                    )
                share = f"{held.mean():.1%}" if same else "n/a (MC is not this model)"
                rows.append((case, claim, model, f"{value:.1f}", share))
            for c, _, node, option in T.KNOWN_CHOICES:
                if c != case:
                    continue
                i = mc.game.node_index(node)
                j = mc.game.nodes[i].labels.index(option)
                p = mc.choices_[:, i, j]
                share = f"{(p > 0.5).mean():.1%}" if consistent else "n/a (MC is not this model)"
                rows.append(
                    (
                        case,
                        f"P({node} = {option}) > 0.5",
                        model,
                        f"{point.choices()[node][option]:.1%}",
                        share,
                    )
                )
            for c, _, outcome, issue, known, loser in T.KNOWN_WORLDS:
                if c != case:
                    continue
                row = list(point.arrays.outcome_ids).index(outcome)
                k = list(point.arrays.issue_ids).index(issue)
                claim = f"{issue} after {outcome} {'>' if known > loser else '<'} 50"
                value = float(point.outcome_forecasts()[row, k])
                rows.append((case, claim, model, f"{value:.1f}", "(point only)"))
    head = ("case", "claim", "model", "point", f"share of {args.n} draws")
    widths = [max(len(r[k]) for r in [head, *rows]) for k in range(5)]
    for r in [head, *rows]:
        print("  ".join(x.ljust(w) for x, w in zip(r, widths, strict=True)))
    for line in inconsistent:
        print(f"warning: Monte Carlo with no input uncertainty != point solution: {line}")
    if args.sweep:
        print()
        sweep(T, models)


#: (case, actor, issue, values): the salience of each case that is most a matter of judgement.
SWEEPS = [
    ("georgia-2008", "us", "breakaway-status", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]),
    ("gulf-war-1990", "us", "kuwait-sovereignty", [0.5, 0.8, 1.0]),
    ("cuba-1962", "ussr", "missiles-in-cuba", [0.3, 0.5, 0.8, 1.0]),
]


def sweep(T: ModuleType, models: list[str]) -> None:
    """Every claim at the point inputs, with one salience moved at a time."""
    for case, actor, issue, values in SWEEPS:
        tree = TREES[case]
        print(f"{case}: salience of {actor} on {issue} (file: see the case)")
        for model in models:
            for v in values:
                data = T.raw(case)
                data["issues"] = [dict(i) for i in data["issues"]]
                for i in data["issues"]:
                    if i["id"] == issue:
                        i["positions"] = dict(i["positions"])
                        i["positions"][actor] = dict(i["positions"][actor]) | {"salience": v}
                s = rp.parse_scenario(data, filename=f"{case}.yaml")
                cells = []
                f = rp.forecast(s, model=model)
                for c, iss, _, _ in T.KNOWN_FORECASTS:
                    if c == case:
                        cells.append(f"{iss} {f.forecasts[model][f.issue_ids.index(iss)]:5.1f}")
                res = solve_escalation(s, tree, model=model)
                for c, _, node, option in T.KNOWN_CHOICES:
                    if c == case:
                        cells.append(f"{option} {res.choices()[node][option]:6.1%}")
                for c, _, outcome, iss, _, _ in T.KNOWN_WORLDS:
                    if c == case:
                        row = list(res.arrays.outcome_ids).index(outcome)
                        k = list(res.arrays.issue_ids).index(iss)
                        cells.append(
                            f"{iss} after {outcome} {res.outcome_forecasts()[row, k]:5.1f}"
                        )
                print(f"  {model:8} {v:4.2f}  " + "  ".join(cells))


if __name__ == "__main__":
    main()

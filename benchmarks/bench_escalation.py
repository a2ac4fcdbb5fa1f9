"""Time the vectorised escalation solver against a loop of single solves and the reference.

Run: ``.venv/bin/python benchmarks/bench_escalation.py``. Prints a table of times and ratios.
"""

from __future__ import annotations

import math
import time

import numpy as np

from realpolitik.simulate import GameTree, Node, solve_qre
from realpolitik.simulate._escalation_reference import solve_qre_reference


def binary_tree(depth: int, n_actors: int) -> GameTree:
    """A complete binary tree of ``depth`` levels of choices, actors taking turns."""
    nodes, n_outcomes = [], 0
    for level in range(depth):
        for k in range(2**level):
            options = []
            for side in range(2):
                if level == depth - 1:
                    options.append((f"o{side}", n_outcomes))
                    n_outcomes += 1
                else:
                    options.append((f"o{side}", f"n{level + 1}-{2 * k + side}"))
            nodes.append(Node(f"n{level}-{k}", level % n_actors, tuple(options)))
    return GameTree(
        actors=tuple(f"a{i}" for i in range(n_actors)),
        outcomes=tuple(f"x{i}" for i in range(n_outcomes)),
        nodes=tuple(nodes),
        root="n0-0",
    )


def best_of(fn, *args, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    return min(times)


def loop_fast(tree: GameTree, payoffs: np.ndarray) -> None:
    for run in payoffs:
        solve_qre(tree, run, 20.0)


def loop_reference(mapping: dict, payoffs: np.ndarray) -> None:
    for run in payoffs:
        solve_qre_reference(mapping, run.tolist(), 20.0)


def main() -> None:
    rng = np.random.default_rng(42)
    print(
        f"{'tree':<22}{'runs':>7}{'batched s':>12}{'loop s':>10}{'ref s':>10}"
        f"{'loop/batch':>12}{'ref/batch':>11}"
    )
    for depth, n_actors, n_runs in [(2, 2, 1000), (4, 3, 1000), (6, 4, 1000), (4, 3, 10000)]:
        tree = binary_tree(depth, n_actors)
        payoffs = rng.uniform(size=(n_runs, tree.n_outcomes, n_actors))
        mapping = tree.to_mapping()
        n_loop = min(n_runs, 1000)
        batched = best_of(solve_qre, tree, payoffs, 20.0)
        loop = best_of(loop_fast, tree, payoffs[:n_loop], repeat=1)
        ref = best_of(loop_reference, mapping, payoffs[:n_loop], repeat=1)
        loop *= n_runs / n_loop
        ref *= n_runs / n_loop
        name = f"depth {depth}, {tree.n_nodes} nodes"
        print(
            f"{name:<22}{n_runs:>7}{batched:>12.4f}{loop:>10.3f}{ref:>10.3f}"
            f"{loop / batched:>12.0f}{ref / batched:>11.0f}"
        )
    tree = binary_tree(4, 3)
    payoffs = rng.uniform(size=(10000, tree.n_outcomes, 3))
    spe = best_of(solve_qre, tree, payoffs, math.inf)
    print(f"lam=inf, depth 4, 10000 runs: {spe:.4f} s")


if __name__ == "__main__":
    main()

"""Frustration index: exact integer program vs heuristic on random signed graphs.

For graphs of growing size (random signs, mean degree about 6) it times both methods and
reports how often the heuristic finds the exact optimum and its mean excess. Run with

    .venv/bin/python benchmarks/bench_network.py [--seeds 5] [--max-nodes 60] [--weighted]

The exact solver is what ``method="auto"`` uses up to ``MAX_EXACT_EDGES`` edges per component;
this table is how that limit was chosen.
"""

from __future__ import annotations

import argparse
import itertools
import time

import networkx as nx
import numpy as np

from realpolitik.analysis import frustration
from realpolitik.analysis.network import MAX_EXACT_EDGES


def random_signed_graph(n: int, mean_degree: float, rng: np.random.Generator, weighted: bool):
    p = min(1.0, mean_degree / max(n - 1, 1))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        if rng.random() < p:
            w = rng.uniform(0.1, 1.0) if weighted else 1.0
            G.add_edge(u, v, weight=w if rng.random() < 0.5 else -w)
    return G


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="graphs per size")
    parser.add_argument("--max-nodes", type=int, default=60)
    parser.add_argument("--degree", type=float, default=6.0, help="mean degree")
    parser.add_argument("--weighted", action="store_true", help="weights uniform in [0.1, 1]")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per exact solve")
    args = parser.parse_args()

    warm = nx.cycle_graph(3)
    nx.set_edge_attributes(warm, -1.0, "weight")
    frustration(warm, method="exact")  # warm up scipy imports
    sizes = [n for n in (8, 12, 16, 24, 32, 40, 50, 60, 80) if n <= args.max_nodes]
    header = (
        f"{'nodes':>5} {'edges':>6} {'exact s':>9} {'heur s':>8} {'ratio':>7} "
        f"{'agree':>6} {'excess':>7} {'proven':>6}"
    )
    print(
        f"frustration index, mean degree {args.degree}, {args.seeds} graphs per size, "
        f"{'weighted' if args.weighted else 'unweighted'}; MAX_EXACT_EDGES = {MAX_EXACT_EDGES}"
    )
    print(header)
    print("-" * len(header))
    for n in sizes:
        t_exact, t_heur, agree, excess, edges, proven = [], [], 0, [], [], 0
        for seed in range(args.seeds):
            rng = np.random.default_rng(10_000 * n + seed)
            G = random_signed_graph(n, args.degree, rng, args.weighted)
            edges.append(G.number_of_edges())
            t0 = time.perf_counter()
            ex = frustration(G, weighted=args.weighted, method="exact", time_limit=args.time_limit)
            t1 = time.perf_counter()
            he = frustration(G, weighted=args.weighted, method="heuristic", seed=seed)
            t2 = time.perf_counter()
            t_exact.append(t1 - t0)
            t_heur.append(t2 - t1)
            proven += ex.method == "exact"
            agree += bool(np.isclose(he.value, ex.value))
            excess.append(he.value - ex.value)
        te, th = float(np.median(t_exact)), float(np.median(t_heur))
        print(
            f"{n:>5} {np.mean(edges):>6.0f} {te:>9.3f} {th:>8.3f} {te / th:>7.1f} "
            f"{agree / args.seeds:>6.0%} {np.mean(excess):>7.2f} {proven:>3}/{args.seeds:<2}"
        )
    print(
        "times are medians; ratio = exact / heuristic; agree = share of graphs where the "
        "heuristic value equals the exact one; excess = mean (heuristic - exact); proven = "
        "exact solves that finished within the time limit"
    )


if __name__ == "__main__":
    main()

"""Signed-network analysis: balance, frustration, camps, blocs, commitment and position gaps."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from realpolitik.analysis import (
    analyse_network,
    blocs,
    commitment_gaps,
    frustration,
    frustration_count,
    issue_affinity,
    partition_cost,
    position_gaps,
    signed_graph,
    triad_balance,
    triads,
)
from realpolitik.exceptions import InputError


def graph(edges):
    G = nx.Graph()
    G.add_weighted_edges_from(edges)
    return G


def random_signed_graph(n, p, rng, p_negative=0.5, weighted=False):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        if rng.random() < p:
            w = rng.uniform(0.1, 1.0) if weighted else 1.0
            G.add_edge(u, v, weight=-w if rng.random() < p_negative else w)
    return G


def brute_force_frustration(G, weighted=False):
    """Minimum over all 2^(n-1) splits (node 0 fixed), by enumeration."""
    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    edges = [(index[u], index[v], d["weight"]) for u, v, d in G.edges(data=True) if d["weight"]]
    if not edges:
        return 0.0
    bits = (np.arange(2 ** (n - 1))[:, None] >> np.arange(n - 1)[None, :]) & 1
    side = np.concatenate([np.zeros((len(bits), 1), int), bits], axis=1)
    total = np.zeros(len(bits))
    for u, v, w in edges:
        same = side[:, u] == side[:, v]
        total += np.where((w > 0) != same, abs(w) if weighted else 1.0, 0.0)
    return float(total.min())


# --- balance on hand-worked graphs ------------------------------------------------------------
@pytest.mark.parametrize(
    ("signs", "counts", "strict", "generalised"),
    [
        ((1, 1, 1), (1, 0, 0, 0), 1.0, 1.0),  # friends of friends
        ((1, -1, -1), (0, 0, 1, 0), 1.0, 1.0),  # enemy of my enemy is my friend
        ((1, 1, -1), (0, 1, 0, 0), 0.0, 0.0),  # two friends who are enemies
        ((-1, -1, -1), (0, 0, 0, 1), 0.0, 1.0),  # three enemies: only weakly balanced
    ],
)
def test_triangle_balance(signs, counts, strict, generalised):
    G = graph([("a", "b", signs[0]), ("b", "c", signs[1]), ("a", "c", signs[2])])
    tb = triad_balance(G)
    assert tb.counts == counts
    assert tb.n_triads == 1
    assert tb.strict == strict
    assert tb.generalised == generalised
    assert (tb.unbalanced == (("a", "b", "c"),)) == (strict == 0.0)


def test_two_camp_graph_is_balanced_with_known_triad_counts():
    # K6 split in camps {a,b,c} and {d,e,f}: friends inside, enemies across.
    camp1, camp2 = "abc", "def"
    G = nx.Graph()
    for u, v in itertools.combinations("abcdef", 2):
        G.add_edge(u, v, weight=1.0 if (u in camp1) == (v in camp1) else -1.0)
    tb = triad_balance(G)
    # 2 triads inside a camp (no negative edge); 3*3 pairs * 2 sides = 18 triads with two.
    assert tb.counts == (2, 0, 18, 0)
    assert tb.strict == 1.0 and tb.generalised == 1.0
    f = frustration(G)
    assert f.value == 0.0 and f.method == "exact"
    assert f.camps == (tuple(camp1), tuple(camp2))
    assert f.frustrated_edges == ()


def test_two_camp_graph_with_one_flipped_edge():
    G = nx.Graph()
    for u, v in itertools.combinations("abcdef", 2):
        G.add_edge(u, v, weight=1.0 if (u in "abc") == (v in "abc") else -1.0)
    G.edges["a", "d"]["weight"] = 0.4  # a friendship across the camps
    f = frustration(G)
    assert f.value == 1.0
    assert f.frustrated_edges == (("a", "d"),)
    assert f.camps == (("a", "b", "c"), ("d", "e", "f"))
    # the flipped edge closes 4 triads (with b, c, e, f), each now with one negative edge
    tb = triad_balance(G)
    assert tb.counts == (2, 4, 14, 0)
    assert tb.strict == pytest.approx(16 / 20)


def test_zero_weight_edges_are_not_edges():
    G = graph([("a", "b", 1), ("b", "c", 1), ("a", "c", 0)])
    assert triad_balance(G).n_triads == 0
    assert triad_balance(G).strict is None
    f = frustration(G)
    assert f.n_edges == 2 and f.value == 0


@pytest.mark.parametrize("seed", range(6))
def test_triad_counts_match_slow_reference_and_trace_identities(seed):
    rng = np.random.default_rng(seed)
    G = random_signed_graph(9, 0.6, rng)
    got = triads(G)
    # slow reference: every 3-subset
    ref = []
    for a, b, c in itertools.combinations(list(G.nodes), 3):
        if G.has_edge(a, b) and G.has_edge(a, c) and G.has_edge(b, c):
            k = sum(G.edges[e]["weight"] < 0 for e in [(a, b), (a, c), (b, c)])
            ref.append((a, b, c, k))
    assert [tuple(r) for r in got[["a", "b", "c", "n_negative"]].values.tolist()] == ref
    # trace identities: tr(A^3)/6 triads; tr(S^3)/6 = c0 - c1 + c2 - c3
    S = nx.to_numpy_array(G, weight="weight")
    A = (S != 0).astype(float)
    counts = np.array(triad_balance(G).counts)
    assert np.trace(A @ A @ A) / 6 == pytest.approx(counts.sum())
    assert np.trace(S @ S @ S) / 6 == pytest.approx(counts @ [1, -1, 1, -1])
    assert got["strictly_balanced"].tolist() == [k % 2 == 0 for *_, k in ref]
    assert got["generally_balanced"].tolist() == [k != 1 for *_, k in ref]


# --- frustration -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("n", "value"),
    [(3, 1.0), (4, 2.0), (5, 4.0), (6, 6.0)],  # all-negative K_n: split in halves
)
def test_all_negative_complete_graph(n, value):
    G = nx.complete_graph(n)
    nx.set_edge_attributes(G, -1.0, "weight")
    f = frustration(G)
    assert f.value == value
    assert f.method == "exact"
    # best split is as even as possible: floor(n/2) C 2 + ceil(n/2) C 2
    assert value == (n // 2) * (n // 2 - 1) / 2 + ((n + 1) // 2) * ((n + 1) // 2 - 1) / 2


def test_odd_negative_cycle_needs_one_flip():
    G = graph([(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 0, -1)])
    f = frustration(G)
    assert f.value == 1.0 and len(f.frustrated_edges) == 1
    # weighted: the weakest edge is the one to frustrate
    G.edges[2, 3]["weight"] = 0.2
    fw = frustration(G, weighted=True)
    assert fw.value == pytest.approx(0.2)
    assert fw.frustrated_edges == ((2, 3),)
    # unweighted ties are broken towards the weakest edge too
    assert frustration(G).frustrated_edges == ((2, 3),)


@pytest.mark.parametrize("n", [3, 5, 7, 8, 10, 12])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_exact_frustration_equals_brute_force(n, weighted, seed):
    rng = np.random.default_rng(1000 * n + seed)
    p = [0.3, 0.5, 0.8, 1.0][seed]
    G = random_signed_graph(n, p, rng, p_negative=rng.uniform(0.2, 0.8), weighted=weighted)
    f = frustration(G, weighted=weighted, method="exact")
    assert f.method == "exact"
    assert f.value == pytest.approx(brute_force_frustration(G, weighted=weighted))
    # the reported camps achieve the reported value, and the frustrated edges are theirs
    assert frustration_count(G, f.camps, weighted=weighted) == pytest.approx(f.value)
    side = {v: k for k, camp in enumerate(f.camps) for v in camp}
    expected = [
        (u, v)
        for u, v, w in G.edges(data="weight")
        if w and (w > 0) != (side.get(u, 0) == side.get(v, 0))
    ]
    assert sorted(f.frustrated_edges) == sorted(expected)
    # every node with an edge is in exactly one camp
    assert set(f.camps[0]).isdisjoint(f.camps[1])
    assert set(f.camps[0]) | set(f.camps[1]) | set(f.unattached) == set(G.nodes)
    assert set(f.unattached) == {v for v in G.nodes if G.degree(v) == 0}


@pytest.mark.parametrize("seed", range(5))
def test_heuristic_is_an_upper_bound_with_consistent_camps(seed):
    rng = np.random.default_rng(seed)
    G = random_signed_graph(11, 0.6, rng, weighted=True)
    exact = frustration(G, weighted=True, method="exact")
    heur = frustration(G, weighted=True, method="heuristic", seed=seed)
    assert heur.method == "heuristic"
    assert heur.value >= exact.value - 1e-9
    assert frustration_count(G, heur.camps, weighted=True) == pytest.approx(heur.value)


def test_heuristic_is_deterministic_for_a_seed():
    G = random_signed_graph(40, 0.3, np.random.default_rng(3))
    a = frustration(G, method="heuristic", seed=7)
    b = frustration(G, method="heuristic", seed=7)
    assert a == b


def test_auto_switches_to_heuristic_above_the_edge_limit():
    G = random_signed_graph(12, 0.5, np.random.default_rng(5))
    assert frustration(G, max_exact_edges=G.number_of_edges()).method == "exact"
    assert frustration(G, max_exact_edges=G.number_of_edges() - 1, seed=0).method == "heuristic"


def test_components_and_isolated_nodes():
    # two separate unbalanced triangles and a loner: each triangle needs one flip
    G = graph([("a", "b", 1), ("b", "c", 1), ("a", "c", -1)])
    G.add_weighted_edges_from([("x", "y", -1), ("y", "z", -1), ("x", "z", -1)])
    G.add_node("loner")
    f = frustration(G)
    assert f.value == 2.0 and f.method == "exact"
    assert f.unattached == ("loner",)
    assert "a" in f.camps[0] and "x" in f.camps[0]  # each component's first node in camp 0


def test_no_edges():
    G = nx.Graph()
    G.add_nodes_from("ab")
    f = frustration(G)
    assert (f.value, f.method, f.camps, f.unattached, f.normalised) == (
        0.0,
        "exact",
        ((), ()),
        ("a", "b"),
        None,
    )


def test_bad_inputs_raise_input_error():
    G = graph([("a", "b", 1)])
    with pytest.raises(InputError, match="method must be one of"):
        frustration(G, method="fast")
    H = nx.Graph([("a", "b")])
    with pytest.raises(InputError, match="has no 'weight' attribute"):
        triad_balance(H)
    with pytest.raises(InputError, match="undirected"):
        frustration(nx.DiGraph([("a", "b", {"weight": 1})]))
    with pytest.raises(InputError, match="margin must be in"):
        position_gaps(G, np.zeros((2, 2)), margin=1.5)
    with pytest.raises(InputError, match=r"affinity must be \(2, 2\)"):
        position_gaps(G, np.zeros((3, 3)))


# --- blocs and commitment gaps -------------------------------------------------------------
def set_partitions(n):
    """Every partition of range(n) as a label array (restricted growth strings)."""

    def grow(prefix, top):
        if len(prefix) == n:
            yield np.array(prefix)
            return
        for k in range(top + 2):
            yield from grow([*prefix, k], max(top, k))

    yield from grow([0], 0)


def brute_force_blocs(G, weighted=True):
    nodes = list(G.nodes)
    best = np.inf
    for labels in set_partitions(len(nodes)):
        parts = [[nodes[i] for i in np.flatnonzero(labels == k)] for k in set(labels.tolist())]
        best = min(best, partition_cost(G, parts, weighted=weighted))
    return best


def test_set_partitions_are_bell_numbers():
    assert [sum(1 for _ in set_partitions(n)) for n in range(1, 8)] == [1, 2, 5, 15, 52, 203, 877]


def test_blocs_by_hand():
    # two tight blocs hostile to each other; e leans to b (0.3) but is hostile to a (0.6)
    G = graph(
        [
            ("a", "b", 1.0),
            ("c", "d", 1.0),
            ("a", "c", -1.0),
            ("b", "e", 0.3),
            ("a", "e", -0.6),
            ("f", "g", 0.6),
        ]
    )
    G.add_node("h")
    b = blocs(G)
    assert b.blocs == (("a", "b"), ("c", "d"), ("f", "g"))
    assert b.loners == ("e", "h")
    assert b.value == pytest.approx(0.3)
    assert b.method == "exact"
    # counted instead of weighed, e costs one edge whether it joins {a, b} or not
    bu = blocs(G, weighted=False)
    assert bu.value == 1.0
    assert ("c", "d") in bu.blocs and ("f", "g") in bu.blocs


def test_blocs_of_a_clusterable_graph_have_zero_disagreement():
    # three mutually hostile blocs: clusterable (generalised balance) but not 2-camp balanced
    G = nx.Graph()
    groups = ["abc", "def", "gh"]
    for u, v in itertools.combinations("abcdefgh", 2):
        same = any(u in g and v in g for g in groups)
        G.add_edge(u, v, weight=1.0 if same else -1.0)
    b = blocs(G)
    assert b.value == 0.0
    assert b.blocs == (("a", "b", "c"), ("d", "e", "f"), ("g", "h"))
    assert triad_balance(G).generalised == 1.0
    assert triad_balance(G).strict < 1.0
    assert frustration(G).value > 0


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("weighted", [True, False])
def test_exact_blocs_equal_brute_force(seed, weighted):
    rng = np.random.default_rng(500 + seed)
    G = random_signed_graph(7, 0.6, rng, weighted=True)
    b = blocs(G, weighted=weighted, method="exact")
    assert b.method == "exact"
    assert b.value == pytest.approx(brute_force_blocs(G, weighted=weighted))
    assert partition_cost(G, b.blocs, weighted=weighted) == pytest.approx(b.value)
    members = [v for bloc in b.blocs for v in bloc] + list(b.loners)
    assert sorted(members) == sorted(G.nodes)
    heur = blocs(G, weighted=weighted, method="heuristic", seed=seed)
    assert heur.method == "heuristic"
    assert heur.value >= b.value - 1e-9
    assert partition_cost(G, heur.blocs, weighted=weighted) == pytest.approx(heur.value)


def test_commitment_gaps():
    G = nx.Graph()
    G.add_nodes_from(["p", "q", "r", "s", "t"])
    G.add_edge("p", "q", weight=1.0, type="alliance", commitment="mutual")
    G.add_edge("p", "r", weight=0.3, type="alignment", commitment="none")
    G.add_edge("s", "q", weight=0.6, type="partnership", commitment="one-way", committed="s")
    G.add_edge("r", "t", weight=-0.6, type="hostility", commitment="none")
    G.add_edge("p", "t", weight=0.0, type="neutral", commitment="none")
    gaps = commitment_gaps(G)
    assert gaps[["a", "b"]].values.tolist() == [["q", "s"], ["p", "r"]]
    assert gaps["commitment"].tolist() == ["one-way", "none"]
    assert gaps["committed"].iloc[0] == "s"
    assert gaps["weight"].tolist() == [0.6, 0.3]


# --- position gaps -----------------------------------------------------------------------------
def test_issue_affinity_by_hand():
    # issue 1: 0 vs 25 (closeness 0.5); issue 2: 50 vs 50 (1.0); actor c absent from issue 2
    position = np.array([[0.0, 50.0], [25.0, 50.0], [100.0, 0.0]])
    salience = np.array([[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]])
    present = np.array([[True, True], [True, True], [True, False]])
    aff, support, n = issue_affinity(position, salience, present)
    # product weights: 0.5 and 0.5 -> (0.5*0.5 + 0.5*1)/1
    assert aff[0, 1] == pytest.approx(0.75)
    assert support[0, 1] == pytest.approx(1.0)
    assert n[0, 1] == 2 and n[0, 2] == 1
    assert aff[0, 2] == pytest.approx(-1.0)  # opposite ends of the only shared issue
    assert aff[1, 2] == pytest.approx(1 - 2 * 75 / 100)
    np.testing.assert_allclose(aff, aff.T)
    aff_min, _, _ = issue_affinity(position, salience, present, weighting="min")
    assert aff_min[0, 1] == pytest.approx(0.75)  # min weights are also 0.5 and 0.5
    # an issue nobody cares about leaves the affinity undefined
    aff0, _, _ = issue_affinity(position[:, :1], np.zeros((3, 1)))
    assert np.isnan(aff0[0, 1])


def test_position_gaps_flags_both_directions_sorted():
    G = graph([("a", "b", -0.6), ("a", "c", 0.6), ("b", "c", 1.0), ("c", "d", -0.3)])
    G.add_node("e")
    aff = np.array(
        [
            [1.0, 0.5, -0.1, 0.0, 0.0],
            [0.5, 1.0, -0.9, 0.0, 0.0],
            [-0.1, -0.9, 1.0, 0.15, 0.0],
            [0.0, 0.0, 0.15, 1.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 1.0],
        ]
    )
    gaps = position_gaps(G, aff, margin=0.2)
    # a-c (0.6 vs -0.1) and c-d (-0.3 vs 0.15) are inside the margin
    assert gaps[["a", "b", "kind"]].values.tolist() == [
        ["b", "c", "cooperative-but-far"],
        ["a", "b", "hostile-but-close"],
    ]
    assert gaps["disagreement"].tolist() == pytest.approx([1.9, 1.1])
    assert position_gaps(G, aff, margin=0.1)["a"].tolist() == ["b", "a", "c"]


# --- scenario ----------------------------------------------------------------------------------
SMALL = {
    "title": "three and a half",
    "actors": [
        {"id": "p", "name": "P", "capability": 1},
        {"id": "q", "name": "Q", "capability": 1},
        {"id": "r", "name": "R", "capability": 1},
        {"id": "s", "name": "S", "capability": 1},
    ],
    "issues": [
        {
            "id": "i1",
            "title": "one",
            "positions": {
                "p": {"position": 10, "salience": 1.0},
                "q": {"position": 20, "salience": 1.0},
                "r": {"position": 90, "salience": 0.8},
                "s": {"position": 12, "salience": 0.5},
            },
        }
    ],
    "relations": [
        {"between": ["p", "q"], "type": "alliance"},
        {"between": ["p", "r"], "type": "partnership"},
        {"between": ["q", "r"], "type": "hostility"},
        {"between": ["r", "s"], "type": "alignment", "commitment": "one-way"},
        {"between": ["p", "s"], "type": "rivalry"},
        {"between": ["q", "s"], "type": "neutral"},
    ],
}


def test_analyse_small_scenario():
    from realpolitik.scenario import parse_scenario

    scen = parse_scenario(SMALL)
    G = signed_graph(scen)
    assert list(G.nodes) == ["p", "q", "r", "s"]
    assert G.number_of_edges() == 5  # the neutral relation is no edge
    assert G.edges["r", "s"]["committed"] == "r"
    report = analyse_network(scen)
    # triads: p-q-r (+,+,-): unbalanced; p-r-s (+,+,-): unbalanced
    assert report.balance.counts == (0, 2, 0, 0)
    assert report.frustration.value == 1.0  # flipping p-r balances both
    assert report.frustration.frustrated_edges == (("p", "r"),)
    assert report.camps == (("p", "q"), ("r", "s"))
    # blocs: {p,q},{r,s} disagrees by 0.6 (p-r); every other partition by 0.9 or more
    assert report.blocs.blocs == (("p", "q"), ("r", "s"))
    assert report.blocs.value == pytest.approx(0.6)
    assert report.commitment_gaps[["a", "b"]].values.tolist() == [["p", "r"], ["r", "s"]]
    # p-s: declared rivalry (-0.3), 2 points apart -> affinity 0.96: hostile but close
    # p-r: declared partnership (0.6), 80 apart -> 1 - 1.6 = -0.6: cooperative but far
    # r-s: declared alignment (0.3), 78 apart -> -0.56; q-r: hostility and 70 apart agree
    gaps = report.position_gaps
    assert gaps[["a", "b", "kind"]].values.tolist() == [
        ["p", "s", "hostile-but-close"],
        ["p", "r", "cooperative-but-far"],
        ["r", "s", "cooperative-but-far"],
    ]
    assert gaps["affinity"].tolist() == pytest.approx([0.96, -0.6, -0.56])
    assert gaps["disagreement"].tolist() == pytest.approx([1.26, 1.2, 0.86])
    assert gaps["n_shared"].tolist() == [1, 1, 1]
    data = report.to_dict()
    assert data["commitment_gaps"] == [["p", "r"], ["r", "s"]]
    assert data["camps"] == [["p", "q"], ["r", "s"]]


def test_exact_solver_out_of_time_falls_back_to_the_heuristic():
    G = random_signed_graph(60, 0.1, np.random.default_rng(11))
    f = frustration(G, method="exact", time_limit=1e-4, seed=0)
    assert f.method == "heuristic"
    assert frustration_count(G, f.camps) == f.value


# --- the built-in scenario ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def syria():
    from realpolitik.scenario import load_scenario

    return load_scenario("syria-2020")


def test_syria_commitment_gaps_come_from_the_file(syria):
    expected = {
        frozenset(r.between) for r in syria.relations if r.weight > 0 and r.commitment != "mutual"
    }
    gaps = commitment_gaps(signed_graph(syria))
    assert {frozenset(p) for p in gaps[["a", "b"]].values.tolist()} == expected
    # "an alliance is defined by mutual commitments": Russia-Iran cooperate without one
    assert frozenset(("russia", "iran")) in expected
    one_way = [r for r in syria.relations if r.weight > 0 and r.commitment == "one-way"]
    by_pair = {frozenset((a, b)): c for a, b, c in gaps[["a", "b", "committed"]].values}
    for r in one_way:
        assert by_pair[frozenset(r.between)] == r.between[0]


def test_syria_balance_and_frustration_match_slow_references(syria):
    G = signed_graph(syria)
    ids = syria.actor_ids
    counts = [0, 0, 0, 0]
    for tri in itertools.combinations(ids, 3):
        rels = [syria.relation(a, b) for a, b in itertools.combinations(tri, 2)]
        if all(r is not None and r.weight != 0 for r in rels):
            counts[sum(r.weight < 0 for r in rels)] += 1
    assert triad_balance(G).counts == tuple(counts)
    for weighted in (False, True):
        f = frustration(G, weighted=weighted)
        assert f.method == "exact"
        assert f.value == pytest.approx(brute_force_frustration(G, weighted=weighted))
        assert frustration_count(G, f.camps, weighted=weighted) == pytest.approx(f.value)


def test_syria_affinity_matches_a_loop_over_the_file(syria):
    state, ids, _ = syria.to_state()
    aff, _, n_shared = issue_affinity(state.position, state.salience, state.present)
    for i, j in itertools.combinations(range(len(ids)), 2):
        num = den = 0.0
        shared = 0
        for issue in syria.issues:
            pi, pj = issue.positions.get(ids[i]), issue.positions.get(ids[j])
            if pi is None or pj is None:
                continue
            shared += 1
            w = pi.salience * pj.salience
            num += w * (1 - 2 * abs(pi.position - pj.position) / 100)
            den += w
        assert n_shared[i, j] == shared
        if den > 0:
            assert aff[i, j] == pytest.approx(num / den)


def test_syria_report_is_consistent(syria):
    report = analyse_network(syria)
    assert report.n_edges == sum(r.weight != 0 for r in syria.relations)
    camps = report.camps
    assert set(camps[0]) | set(camps[1]) | set(report.frustration.unattached) == set(
        syria.actor_ids
    )
    # every mutual alliance that no frustrated edge breaks sits inside one camp and one bloc
    frustrated = {frozenset(e) for e in report.frustration.frustrated_edges}
    side = {v: k for k, c in enumerate(camps) for v in c}
    bloc_of = {v: k for k, b in enumerate(report.blocs.blocs) for v in b}
    for r in syria.relations:
        a, b = r.between
        if r.type == "alliance" and frozenset(r.between) not in frustrated:
            assert side[a] == side[b]
        if r.weight == 1.0:
            assert bloc_of.get(a, ("alone", a)) == bloc_of.get(b, ("alone", b))
    gaps = report.position_gaps
    assert (gaps["declared"] * gaps["affinity"] < 0).all()
    assert (gaps["affinity"].abs() > 0.05).all()
    assert list(gaps["disagreement"]) == sorted(gaps["disagreement"], reverse=True)


# --- the command -------------------------------------------------------------------------------
def test_network_command_json(syria):
    import json

    from typer.testing import CliRunner

    from realpolitik.cli import app

    result = CliRunner().invoke(app, ["network", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"balance", "frustration", "camps", "commitment_gaps", "blocs"} <= set(data)
    assert ["russia", "iran"] in data["commitment_gaps"]
    report = analyse_network(syria)
    assert data["frustration"]["value"] == report.frustration.value
    assert data["camps"] == [list(c) for c in report.camps]
    assert data["balance"]["strict"]["share"] == pytest.approx(report.balance.strict)


def test_network_command_table_and_errors(tmp_path):
    from typer.testing import CliRunner

    from realpolitik.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["network"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "frustration index" in result.stdout
    assert "russia - iran" in result.stdout
    bad = runner.invoke(app, ["network", "--method", "fast"])
    assert bad.exit_code == 2
    assert "--method must be auto, exact or heuristic" in bad.output
    missing = runner.invoke(app, ["network", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2

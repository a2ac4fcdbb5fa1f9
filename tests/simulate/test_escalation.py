"""Escalation trees as logit agent QRE: hand-solved trees, lambda limits, reference, gambit."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.exceptions import InputError, RealpolitikError
from realpolitik.simulate import DEFAULT_LAMBDA, GameTree, Node, QREResult, solve_qre
from realpolitik.simulate._escalation_reference import solve_qre_reference

# ---------------------------------------------------------------------------------------------
# Tree 1: A chooses L (outcome "L") or R; after R, B chooses l (outcome "Rl") or r ("Rr").
#
#            payoffs (A, B)
#   L        (0.4, 0.9)
#   R, l     (1.0, 0.2)
#   R, r     (0.0, 0.7)
#
# Hand solution at lambda = 1:
#   B at node b: p(l) = e^0.2 / (e^0.2 + e^0.7) = 1 / (1 + e^0.5) = 1 / 2.6487213 = 0.3775407,
#                p(r) = 0.6224593.
#   Value of R:  A: 0.3775407 * 1.0 + 0.6224593 * 0.0 = 0.3775407
#                B: 0.3775407 * 0.2 + 0.6224593 * 0.7 = 0.0755081 + 0.4357215 = 0.5112297
#   A at root:   p(L) = e^0.4 / (e^0.4 + e^0.3775407) = 1 / (1 + e^-0.0224593)
#                     = 1 / (1 + 0.9777911) = 0.5056146, p(R) = 0.4943854.
#   Paths:       L 0.5056146; R,l 0.4943854 * 0.3775407 = 0.1866506; R,r 0.4943854 * 0.6224593
#                = 0.3077348.
#   Payoffs:     A: 0.5056146 * 0.4 + 0.4943854 * 0.3775407 = 0.2022458 + 0.1866506 = 0.3888964
#                B: 0.5056146 * 0.9 + 0.4943854 * 0.5112297 = 0.4550531 + 0.2527445 = 0.7077976
# Subgame perfect (lambda = inf): B picks r (0.7 > 0.2), so R is worth 0.0 to A < 0.4: A picks L.
# ---------------------------------------------------------------------------------------------
TREE_1 = {
    "name": "tree-1",
    "actors": ["A", "B"],
    "outcomes": ["L", "Rl", "Rr"],
    "nodes": {
        "a": {"actor": "A", "options": {"L": "L", "R": "b"}},
        "b": {"actor": "B", "options": {"l": "Rl", "r": "Rr"}},
    },
}
PAYOFFS_1 = np.array([[0.4, 0.9], [1.0, 0.2], [0.0, 0.7]])

# ---------------------------------------------------------------------------------------------
# Tree 2: A chooses L or R; after L, B chooses x or y; after R, B chooses x, y or z.
#
#            payoffs (A, B)
#   L, x     (0.6, 0.5)
#   L, y     (0.2, 0.5)      B indifferent after L
#   R, x     (0.9, 0.1)
#   R, y     (0.3, 0.4)
#   R, z     (0.0, 0.4)      B indifferent between y and z after R
#
# Hand solution at lambda = 2:
#   B at bL: equal payoffs, p = (1/2, 1/2); value A 0.4, B 0.5.
#   B at bR: weights e^0.2 = 1.2214028, e^0.8 = 2.2255409 (twice); sum 5.6724846;
#            p(x) = 0.2153206, p(y) = p(z) = 0.3923397.
#            value A: 0.2153206 * 0.9 + 0.3923397 * 0.3 = 0.1937885 + 0.1177019 = 0.3114904
#            value B: 0.2153206 * 0.1 + 0.7846794 * 0.4 = 0.0215321 + 0.3138718 = 0.3354038
#   A at root: p(L) = 1 / (1 + e^(2 * (0.3114904 - 0.4))) = 1 / (1 + e^-0.1770191)
#              = 1 / (1 + 0.8377653) = 0.5441396, p(R) = 0.4558604.
#   Paths: Lx = Ly = 0.5441396 / 2 = 0.2720698; Rx 0.4558604 * 0.2153206 = 0.0981561;
#          Ry = Rz = 0.4558604 * 0.3923397 = 0.1788521.
#   Payoffs: A: 0.5441396 * 0.4 + 0.4558604 * 0.3114904 = 0.2176558 + 0.1419962 = 0.3596520
#            B: 0.5441396 * 0.5 + 0.4558604 * 0.3354038 = 0.2720698 + 0.1528973 = 0.4249671
# Subgame perfect: bL splits 1/2-1/2 (value to A 0.4); bR splits y/z 1/2-1/2 and never x (value
# to A 0.15); A picks L. Paths Lx = Ly = 1/2; payoffs A 0.4, B 0.5.
# ---------------------------------------------------------------------------------------------
TREE_2 = {
    "name": "tree-2",
    "actors": ["A", "B"],
    "outcomes": ["Lx", "Ly", "Rx", "Ry", "Rz"],
    "nodes": [
        {"id": "a", "actor": "A", "options": [["L", "bL"], ["R", "bR"]]},
        {"id": "bL", "actor": "B", "options": {"x": "Lx", "y": "Ly"}},
        {"id": "bR", "actor": 1, "options": {"x": {"outcome": "Rx"}, "y": 3, "z": "Rz"}},
    ],
}
PAYOFFS_2 = np.array([[0.6, 0.5], [0.2, 0.5], [0.9, 0.1], [0.3, 0.4], [0.0, 0.4]])


@pytest.fixture
def tree_1() -> GameTree:
    return GameTree.from_mapping(TREE_1)


@pytest.fixture
def tree_2() -> GameTree:
    return GameTree.from_mapping(TREE_2)


def test_tree_1_hand_solution_at_lambda_1(tree_1):
    res = solve_qre(tree_1, PAYOFFS_1, lam=1.0)
    assert res.choices["b"]["l"] == pytest.approx(0.3775407, abs=1e-7)
    assert res.choices["b"]["r"] == pytest.approx(0.6224593, abs=1e-7)
    assert res.choices["a"]["L"] == pytest.approx(0.5056146, abs=1e-7)
    assert res.choices["a"]["R"] == pytest.approx(0.4943854, abs=1e-7)
    b = tree_1.node_index("b")
    np.testing.assert_allclose(res.node_values[b], [0.3775407, 0.5112297], atol=1e-7)
    np.testing.assert_allclose(res.path_probabilities, [0.5056146, 0.1866506, 0.3077348], atol=1e-7)
    np.testing.assert_allclose(res.payoffs, [0.3888964, 0.7077976], atol=1e-7)
    np.testing.assert_allclose(res.reach, [1.0, 0.4943854], atol=1e-7)


def test_tree_2_hand_solution_at_lambda_2(tree_2):
    res = solve_qre(tree_2, PAYOFFS_2, lam=2.0)
    assert res.choices["bL"] == pytest.approx({"x": 0.5, "y": 0.5})
    assert res.choices["bR"] == pytest.approx(
        {"x": 0.2153206, "y": 0.3923397, "z": 0.3923397}, abs=1e-7
    )
    assert res.choices["a"] == pytest.approx({"L": 0.5441396, "R": 0.4558604}, abs=1e-7)
    np.testing.assert_allclose(
        res.path_probabilities,
        [0.2720698, 0.2720698, 0.0981561, 0.1788521, 0.1788521],
        atol=1e-7,
    )
    np.testing.assert_allclose(res.payoffs, [0.3596520, 0.4249671], atol=1e-7)
    # The padded third column of a two-option node is zero.
    assert res.probabilities[tree_2.node_index("bL"), 2] == 0.0


@pytest.mark.parametrize(
    ("tree", "payoffs", "paths", "values"),
    [
        (TREE_1, PAYOFFS_1, [1.0, 0.0, 0.0], [0.4, 0.9]),
        (TREE_2, PAYOFFS_2, [0.5, 0.5, 0.0, 0.0, 0.0], [0.4, 0.5]),
    ],
)
def test_infinite_lambda_is_subgame_perfect_with_ties_split(tree, payoffs, paths, values):
    res = solve_qre(GameTree.from_mapping(tree), payoffs, lam=math.inf)
    np.testing.assert_array_equal(res.path_probabilities, paths)
    np.testing.assert_allclose(res.payoffs, values)


def test_infinite_lambda_splits_tie_at_the_root_and_below(tree_2):
    # A gets 0.5 from L (x and y both 0.5 for A, B indifferent) and 0.5 from R (B picks y for
    # sure, 0.5 to A): A is indifferent, so each of Lx, Ly gets 1/4 and Ry gets 1/2.
    payoffs = np.array([[0.5, 0.3], [0.5, 0.3], [0.2, 0.1], [0.5, 0.9], [1.0, 0.0]])
    res = solve_qre(tree_2, payoffs, lam=math.inf)
    assert res.choices["a"] == {"L": 0.5, "R": 0.5}
    np.testing.assert_array_equal(res.path_probabilities, [0.25, 0.25, 0.0, 0.5, 0.0])
    np.testing.assert_allclose(res.payoffs, [0.5, 0.6])


def test_ties_survive_rounding_noise_at_infinite_lambda():
    # 0.1 + 0.2 != 0.3 in floating point; the tie must still be split.
    tree = GameTree(("A",), ("x", "y"), (Node("a", 0, (("x", 0), ("y", 1))),), "a")
    res = solve_qre(tree, [[0.1 + 0.2], [0.3]], lam=math.inf)
    assert res.choices["a"] == {"x": 0.5, "y": 0.5}


@pytest.mark.parametrize(("tree", "payoffs"), [(TREE_1, PAYOFFS_1), (TREE_2, PAYOFFS_2)])
def test_large_lambda_converges_to_subgame_perfect(tree, payoffs):
    t = GameTree.from_mapping(tree)
    spe = solve_qre(t, payoffs, lam=math.inf)
    near = solve_qre(t, payoffs, lam=1e4)
    np.testing.assert_allclose(near.probabilities, spe.probabilities, atol=1e-12)
    np.testing.assert_allclose(near.payoffs, spe.payoffs, atol=1e-12)


@pytest.mark.parametrize(
    ("tree", "payoffs", "paths"),
    [
        (TREE_1, PAYOFFS_1, [1 / 2, 1 / 4, 1 / 4]),
        (TREE_2, PAYOFFS_2, [1 / 4, 1 / 4, 1 / 6, 1 / 6, 1 / 6]),
    ],
)
def test_zero_lambda_is_uniform(tree, payoffs, paths):
    t = GameTree.from_mapping(tree)
    res = solve_qre(t, payoffs, lam=0.0)
    for node in t.nodes:
        k = len(node.options)
        assert res.choices[node.id] == pytest.approx(dict.fromkeys(node.labels, 1 / k))
    np.testing.assert_allclose(res.path_probabilities, paths)
    np.testing.assert_allclose(res.payoffs, np.asarray(paths) @ payoffs)


def test_default_lambda_is_documented_value(tree_1):
    assert DEFAULT_LAMBDA == 20.0
    # An option better by 0.1 on the utility scale is chosen e^2 : 1.
    tree = GameTree(("A",), ("x", "y"), (Node("a", 0, (("x", 0), ("y", 1))),), "a")
    res = solve_qre(tree, [[0.6], [0.5]])
    assert res.choices["a"]["x"] == pytest.approx(math.exp(2) / (1 + math.exp(2)))


def test_batch_axes_solve_each_run(tree_2):
    rng = np.random.default_rng(42)
    batch = rng.uniform(0, 1, size=(3, 4, 5, 2))
    res = solve_qre(tree_2, batch, lam=5.0)
    assert res.batch_shape == (3, 4)
    assert res.probabilities.shape == (3, 4, 3, 3)
    assert res.path_probabilities.shape == (3, 4, 5)
    for i in range(3):
        for j in range(4):
            one = solve_qre(tree_2, batch[i, j], lam=5.0)
            np.testing.assert_allclose(res.probabilities[i, j], one.probabilities, rtol=1e-13)
            np.testing.assert_allclose(res.payoffs[i, j], one.payoffs, rtol=1e-13)
            np.testing.assert_allclose(res[i, j].reach, one.reach, rtol=1e-13)
    assert res.choices["bR"]["z"].shape == (3, 4)


def test_path_and_outcome_probabilities_are_consistent():
    # Two options of different nodes end in the same outcome "calm".
    tree = GameTree.from_mapping(
        {
            "actors": ["A", "B"],
            "outcomes": ["calm", "war"],
            "nodes": {
                "a": {"actor": "A", "options": {"wait": "calm", "push": "b"}},
                "b": {"actor": "B", "options": {"back-down": "calm", "fight": "war"}},
            },
        }
    )
    rng = np.random.default_rng(0)
    payoffs = rng.uniform(size=(50, 2, 2))
    res = solve_qre(tree, payoffs, lam=3.0)
    np.testing.assert_allclose(res.path_probabilities.sum(-1), 1.0)
    np.testing.assert_allclose(
        res.outcome_probabilities,
        np.stack(
            [
                res.path_probabilities[:, 0] + res.path_probabilities[:, 1],
                res.path_probabilities[:, 2],
            ],
            axis=-1,
        ),
    )
    np.testing.assert_allclose(
        res.payoffs, np.einsum("ro,roa->ra", res.outcome_probabilities, payoffs), rtol=1e-12
    )


def test_nan_payoff_of_a_bystander_propagates_only_to_it(tree_1):
    payoffs = np.column_stack([PAYOFFS_1, [np.nan, 0.5, 0.5]])
    tree = GameTree.from_mapping({**TREE_1, "actors": ["A", "B", "C"]})
    res = solve_qre(tree, payoffs, lam=1.0)
    np.testing.assert_allclose(res.payoffs[:2], [0.3888964, 0.7077976], atol=1e-7)
    assert math.isnan(res.payoffs[2])
    # In the subgame-perfect limit the never-chosen branch does not poison the value.
    payoffs[0, 2] = 0.25
    payoffs[1, 2] = np.nan
    spe = solve_qre(tree, payoffs, lam=math.inf)
    assert spe.payoffs[2] == 0.25
    assert spe.to_dict()["payoffs"]["C"] == 0.25


def test_to_dict_is_json_ready(tree_1):
    d = solve_qre(tree_1, PAYOFFS_1, lam=1.0).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["tree"] == "tree-1"
    assert d["lambda"] == 1.0
    assert [n["id"] for n in d["nodes"]] == ["a", "b"]
    assert d["nodes"][1]["actor"] == "B"
    assert d["nodes"][1]["choices"]["l"] == pytest.approx(0.3775407, abs=1e-7)
    assert d["paths"][2]["steps"] == [
        {"node": "a", "actor": "A", "option": "R"},
        {"node": "b", "actor": "B", "option": "r"},
    ]
    assert d["paths"][2]["outcome"] == "Rr"
    assert d["paths"][2]["probability"] == pytest.approx(0.3077348, abs=1e-7)
    assert d["payoffs"]["A"] == pytest.approx(0.3888964, abs=1e-7)
    assert solve_qre(tree_1, PAYOFFS_1, lam=math.inf).to_dict()["lambda"] is None
    with pytest.raises(ValueError, match="batch shape"):
        solve_qre(tree_1, PAYOFFS_1[None], lam=1.0).to_dict()


def test_mapping_forms_agree(tree_2):
    assert GameTree.from_mapping(tree_2.to_mapping()) == tree_2
    # Integer outcomes without outcome names get names "0", "1", ...
    t = GameTree.from_mapping(
        {"actors": ["A"], "nodes": [{"id": "a", "actor": 0, "options": {"x": 1, "y": 0}}]}
    )
    assert t.outcomes == ("0", "1")
    assert t.node("a").options == (("x", 1), ("y", 0))


def test_scenario_file_form_is_read(tree_1):
    # The form escalation trees take in scenario files: options with next/outcome, outcome records.
    data = {
        "id": "tree-1",
        "title": "Tree 1",
        "root": "a",
        "actors": ["A", "B"],
        "nodes": [
            {
                "id": "a",
                "actor": "A",
                "options": [{"id": "L", "outcome": "L"}, {"id": "R", "next": "b"}],
            },
            {
                "id": "b",
                "actor": "B",
                "options": [
                    {"id": "l", "outcome": "Rl"},
                    {"id": "r", "outcome": "Rr", "title": "r"},
                ],
            },
        ],
        "outcomes": [{"id": "L", "shocks": []}, {"id": "Rl"}, {"id": "Rr", "costs": {"A": 0.1}}],
    }
    assert GameTree.from_mapping(data) == tree_1
    data["nodes"][1]["options"][0]["next"] = "a"
    with pytest.raises(InputError, match="option 'l': needs exactly one of 'next'"):
        GameTree.from_mapping(data)


def test_root_need_not_come_first():
    tree = GameTree(
        actors=("A", "B"),
        outcomes=("L", "Rl", "Rr"),
        nodes=(Node("b", 1, (("l", 1), ("r", 2))), Node("a", 0, (("L", 0), ("R", "b")))),
        root="a",
    )
    res = solve_qre(tree, PAYOFFS_1, lam=1.0)
    assert res.choices["a"]["L"] == pytest.approx(0.5056146, abs=1e-7)
    np.testing.assert_allclose(res.reach, [0.4943854, 1.0], atol=1e-7)


# --- errors a user can make --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (
            {"nodes": {"a": {"actor": "A", "options": {"L": "L", "R": "nowhere"}}}},
            r"node 'a', option 'R': 'nowhere' is neither a node \(a\) nor an outcome",
        ),
        (
            {"nodes": {"a": {"actor": "Z", "options": {"L": "L"}}}},
            r"node 'a': unknown actor 'Z'; actors are A, B",
        ),
        (
            {
                "nodes": {
                    "a": {"actor": "A", "options": {"L": "L", "R": "b"}},
                    "b": {"actor": "B", "options": {"l": "a"}},
                }
            },
            r"node 'b', option 'l': leads back to the root",
        ),
        (
            {
                "nodes": {
                    "a": {"actor": "A", "options": {"L": "c", "R": "b"}},
                    "b": {"actor": "B", "options": {"l": "c"}},
                    "c": {"actor": "B", "options": {"l": "L"}},
                }
            },
            r"node 'c' already follows node 'a'; each node must have exactly one parent",
        ),
        (
            {
                "nodes": {
                    "a": {"actor": "A", "options": {"L": "L"}},
                    "b": {"actor": "B", "options": {"l": "c"}},
                    "c": {"actor": "B", "options": {"l": "b"}},
                }
            },
            r"node\(s\) 'b', 'c' cannot be reached from the root 'a'",
        ),
        (
            {"nodes": {"a": {"actor": "A", "options": {}}}},
            r"node 'a': expected at least one option",
        ),
        (
            {"nodes": {"a": {"actor": "A", "options": [["L", "L"], ["L", "Rl"]]}}},
            r"node 'a': option 'L' appears twice",
        ),
        (
            {"outcomes": ["a", "b"], "nodes": {"a": {"actor": "A", "options": {"x": "a"}}}},
            r"'a' is both a node and an outcome",
        ),
        (
            {"nodes": {"a": {"actor": "A", "options": {"x": 7}}}},
            r"outcome index 7 is out of range \[0, 3\)",
        ),
        ({"actors": ["A", "A"]}, r"actor 'A' is listed twice"),
        ({"root": "zz"}, r"the root 'zz' is not a node"),
        ({"nodes": 3}, r"'nodes' must be a list of nodes or a mapping"),
    ],
)
def test_invalid_trees_are_named(change, match):
    with pytest.raises(InputError, match=match):
        GameTree.from_mapping({**TREE_1, **change})


def test_wrong_payoff_shape(tree_1):
    with pytest.raises(InputError, match=r"\(\.\.\., 3, 2\); got shape \(2, 3\)"):
        solve_qre(tree_1, PAYOFFS_1.T)


@pytest.mark.parametrize("lam", [-1.0, math.nan, "fast", None])
def test_bad_lambda(tree_1, lam):
    with pytest.raises(RealpolitikError, match="lambda must be a number >= 0"):
        solve_qre(tree_1, PAYOFFS_1, lam=lam)


def test_non_finite_payoff_of_the_chooser(tree_1):
    payoffs = PAYOFFS_1.copy()
    payoffs[2, 1] = np.nan  # B chooses between Rl and Rr but has no payoff at Rr
    with pytest.raises(
        InputError,
        match=r"node 'b': actor 'B' chooses here but its payoff of option 'r' "
        r"\(leading to outcome 'Rr'\) is not a finite number",
    ):
        solve_qre(tree_1, np.stack([PAYOFFS_1, payoffs]), lam=1.0)


# --- fast solver against the slow recursive reference ------------------------------------------


@st.composite
def games(draw):
    n_actors = draw(st.integers(1, 3))
    n_outcomes = draw(st.integers(1, 4))
    n_nodes = draw(st.integers(1, 6))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n_nodes)]
    nodes = []
    for i in range(n_nodes):
        kids = [f"n{k}" for k in range(n_nodes) if parents[k] == i]
        n_terminal = draw(st.integers(0 if kids else 1, 2))
        children = kids + [draw(st.integers(0, n_outcomes - 1)) for _ in range(n_terminal)]
        children = draw(st.permutations(children))
        options = tuple((f"o{j}", c) for j, c in enumerate(children))
        nodes.append(Node(f"n{i}", draw(st.integers(0, n_actors - 1)), options))
    nodes = draw(st.permutations(nodes))
    tree = GameTree(
        actors=tuple(f"a{i}" for i in range(n_actors)),
        outcomes=tuple(f"x{i}" for i in range(n_outcomes)),
        nodes=tuple(nodes),
        root="n0",
    )
    grid = st.integers(-20, 20).map(lambda k: k / 20)  # a coarse grid makes ties common
    payoffs = np.array([[draw(grid) for _ in range(n_actors)] for _ in range(n_outcomes)])
    lam = draw(st.sampled_from([0.0, 0.3, 1.0, 7.0, 60.0, math.inf]))
    return tree, payoffs, lam


@settings(max_examples=150, deadline=None)
@given(games())
def test_fast_solver_equals_recursive_reference(game):
    tree, payoffs, lam = game
    fast = solve_qre(tree, payoffs, lam)
    ref = solve_qre_reference(tree.to_mapping(), payoffs.tolist(), lam)
    for node_id, probs in ref["choices"].items():
        assert fast.choices[node_id] == pytest.approx(probs, abs=1e-12)
        i = tree.node_index(node_id)
        np.testing.assert_allclose(fast.node_values[i], ref["values"][node_id], atol=1e-12)
        assert fast.reach[i] == pytest.approx(ref["reach"][node_id], abs=1e-12)
    assert [list(p.steps) for p in tree.paths] == [steps for steps, _, _ in ref["paths"]]
    assert [tree.outcomes[p.outcome] for p in tree.paths] == [o for _, o, _ in ref["paths"]]
    np.testing.assert_allclose(fast.path_probabilities, [p for *_, p in ref["paths"]], atol=1e-12)
    np.testing.assert_allclose(fast.payoffs, ref["payoffs"], atol=1e-12)
    assert fast.path_probabilities.sum() == pytest.approx(1.0)
    # Solving a batch of copies gives the same answer in every run.
    batch = solve_qre(tree, np.stack([payoffs] * 3), lam)
    np.testing.assert_allclose(batch.path_probabilities, np.stack([fast.path_probabilities] * 3))


def test_result_is_a_qre_result(tree_1):
    assert isinstance(solve_qre(tree_1, PAYOFFS_1), QREResult)


# --- against Gambit's logit QRE ----------------------------------------------------------------


# A three-stage centipede in which A moves twice (each of A's nodes is its own agent).
TREE_3 = {
    "name": "centipede",
    "actors": ["A", "B"],
    "outcomes": ["o1", "o2", "o3", "o4"],
    "nodes": {
        "a1": {"actor": "A", "options": {"take": "o1", "pass": "b"}},
        "b": {"actor": "B", "options": {"take": "o2", "pass": "a2"}},
        "a2": {"actor": "A", "options": {"take": "o3", "pass": "o4"}},
    },
}
PAYOFFS_3 = np.array([[0.2, 0.1], [0.1, 0.4], [0.8, 0.3], [0.6, 0.9]])


def _gambit_game(gbt, tree: GameTree, payoffs: np.ndarray):
    """The tree as a Gambit extensive game with integer payoffs; returns (game, node id -> node)."""
    game = gbt.Game.new_tree(players=list(tree.actors), title=tree.name)
    where, outcomes = {tree.root: game.root}, {}
    stack = [tree.root]
    while stack:
        node = tree.node(stack.pop())
        gnode = where[node.id]
        game.append_move(gnode, tree.actors[node.actor], list(node.labels))
        for (_, child), gchild in zip(node.options, list(gnode.children), strict=True):
            if isinstance(child, str):
                where[child] = gchild
                stack.append(child)
            else:
                if child not in outcomes:
                    values = [int(round(v)) for v in payoffs[child]]
                    outcomes[child] = game.add_outcome(label=tree.outcomes[child], payoffs=values)
                game.set_outcome(gchild, outcomes[child])
    return game, where


@pytest.mark.requires_gambit
@pytest.mark.parametrize("lam", [0.5, 1.0, 2.0, 6.0, 15.0])
@pytest.mark.parametrize(
    ("tree", "payoffs"), [(TREE_1, PAYOFFS_1), (TREE_2, PAYOFFS_2), (TREE_3, PAYOFFS_3)]
)
def test_agrees_with_gambit_logit_qre(tree, payoffs, lam):
    gbt = pytest.importorskip("pygambit")
    tree = GameTree.from_mapping(tree)
    # Gambit works in exact rationals: give it integer payoffs (x10) and lambda / 10, which is
    # the same game, since logit choice depends on lambda * payoff only.
    game, where = _gambit_game(gbt, tree, payoffs * 10)
    (qre,) = gbt.qre.logit_solve_lambda(game, lam=[lam / 10], use_strategic=False)
    assert qre.lam == pytest.approx(lam / 10, rel=1e-6)  # gambit traces a path to lambda

    # The profile lists action probabilities player by player, information set by information
    # set (pygambit 16.7's ``qre.profile`` cannot be built, so index the flat list).
    def key(infoset, label):
        return infoset.player.label, infoset.number, label

    flat = [key(i, a.label) for p in game.players for i in p.infosets for a in i.actions]
    gambit_p = {k: qre[n] for n, k in enumerate(flat)}
    ours = solve_qre(tree, payoffs, lam=lam)
    for node in tree.nodes:
        infoset = where[node.id].infoset
        for label, action in zip(node.labels, infoset.actions, strict=True):
            assert action.label == label
            gp = gambit_p[key(infoset, label)]
            assert ours.choices[node.id][label] == pytest.approx(gp, abs=1e-6)

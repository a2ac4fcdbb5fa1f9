"""Monte Carlo over input uncertainty: reproducibility, known distributions, coverage, Dask."""

from __future__ import annotations

import copy
import json
import math
import sys

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import InputError, ShockError
from realpolitik.scenario import load_scenario, parse_scenario
from realpolitik.simulate.montecarlo import (
    MonteCarloResult,
    input_spec,
    rank_correlation,
    run_montecarlo,
)
from realpolitik.simulate.outcomes import solve_escalation

runner = CliRunner()


def pair(uncertainty: dict | None = None, a: object = 40, b: object = 60) -> dict:
    """Two equally weighted actors on one issue: the weighted mean is (a + b) / 2."""
    return {
        "title": "pair",
        "uncertainty": uncertainty or {"position": 10, "salience": 0, "capability": 0},
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 1},
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": a, "salience": 1},
                    "b": {"position": b, "salience": 1},
                },
            }
        ],
    }


def tree_scenario(uncertainty: dict | None = None, cost: object = 0.1) -> dict:
    """Three actors, one issue, a two-stage tree whose shocks remove or scale actors only.

    a holds (calm) or pushes; c then leaves (c removed, a pays ``cost``) or stays (b's
    capability doubled).
    """
    return {
        "title": "tree",
        "uncertainty": uncertainty or {"position": 10, "salience": 0.2, "capability": 0.2},
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 3},
            {"id": "c", "name": "C", "capability": 2},
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": 10, "salience": 0.9},
                    "b": {"position": 90, "salience": 0.7},
                    "c": {"position": 50, "salience": 0.5},
                },
            },
            {
                "id": "y",
                "title": "Y",
                "positions": {
                    "a": {"position": 70, "salience": 0.4},
                    "b": {"position": 20, "salience": 0.6},
                    "c": {"position": 35, "salience": 0.8},
                },
            },
        ],
        "shocks": [
            {"id": "drop-c", "title": "C leaves", "edits": [{"op": "remove-actor", "actor": "c"}]},
            {
                "id": "b-grows",
                "title": "B grows",
                "edits": [{"op": "scale-capability", "actor": "b", "factor": 2}],
            },
        ],
        "escalation": [
            {
                "id": "push",
                "title": "A pushes",
                "root": "a-move",
                "nodes": [
                    {
                        "id": "a-move",
                        "actor": "a",
                        "options": [
                            {"id": "hold", "outcome": "calm"},
                            {"id": "push", "next": "c-move"},
                        ],
                    },
                    {
                        "id": "c-move",
                        "actor": "c",
                        "options": [
                            {"id": "leave", "outcome": "gone"},
                            {"id": "stay", "outcome": "grown"},
                        ],
                    },
                ],
                "outcomes": [
                    {"id": "calm"},
                    {"id": "gone", "shocks": ["drop-c"], "costs": {"a": cost}},
                    {"id": "grown", "shocks": ["b-grows"]},
                ],
            }
        ],
    }


def same(r1: MonteCarloResult, r2: MonteCarloResult) -> None:
    names = ("inputs_", "forecasts_", "paths_", "outcomes_", "payoffs_", "choices_")
    for name in (*names, "outcome_payoffs_"):
        a, b = getattr(r1, name), getattr(r2, name)
        assert (a is None) == (b is None), name
        if a is not None:
            np.testing.assert_array_equal(a, b, err_msg=name)


# --- reproducibility --------------------------------------------------------------------------


@pytest.mark.parametrize("chunk_size", [1, 7, 64])
def test_chunk_size_does_not_change_results(chunk_size: int, global_seed: int) -> None:
    s = parse_scenario(tree_scenario())
    ref = run_montecarlo(s, 64, seed=global_seed, tree="push", model="eum", chunk_size=64)
    same(
        ref,
        run_montecarlo(s, 64, seed=global_seed, tree="push", model="eum", chunk_size=chunk_size),
    )


def test_same_seed_same_numbers_other_seed_other_numbers(global_seed: int) -> None:
    s = parse_scenario(tree_scenario())
    a = run_montecarlo(s, 50, seed=global_seed, tree="push", model="mean")
    same(a, run_montecarlo(s, 50, seed=global_seed, tree="push", model="mean"))
    b = run_montecarlo(s, 50, seed=global_seed + 1, tree="push", model="mean")
    assert not np.array_equal(a.inputs_, b.inputs_)


def test_runs_use_spawned_seeds_so_a_prefix_is_the_same_study(global_seed: int) -> None:
    s = parse_scenario(tree_scenario())
    long = run_montecarlo(s, 40, seed=global_seed, model="mean")
    short = run_montecarlo(s, 15, seed=global_seed, model="mean")
    np.testing.assert_array_equal(long.inputs_[:15], short.inputs_)
    # Run k draws from SeedSequence(seed).spawn(n)[k]: its uniforms, then its normals.
    spec = input_spec(s)
    children = np.random.SeedSequence(global_seed).spawn(40)
    own = spec.draw([np.random.default_rng(children[k]) for k in (0, 39)])
    np.testing.assert_array_equal(long.inputs_[[0, 39]], own)
    assert long.seed == global_seed


def test_seed_none_reports_a_seed_that_reproduces() -> None:
    s = parse_scenario(pair())
    a = run_montecarlo(s, 20, model="mean")
    same(a, run_montecarlo(s, 20, seed=a.seed, model="mean"))


# --- distributions of inputs and outputs --------------------------------------------------------


def test_input_spec_precedence_range_then_sd_then_defaults() -> None:
    data = pair(
        {"position": 10, "salience": 0.2, "capability": 0.5},
        a={"value": 40, "range": [35, 38]},
        b={"value": 60, "sd": 4},
    )
    spec = input_spec(parse_scenario(data))
    at = {n: k for k, n in enumerate(spec.names)}
    a = at["issues[x].positions.a.position"]
    assert (spec.low[a], spec.high[a], bool(spec.normal[a])) == (35, 38, False)
    b = at["issues[x].positions.b.position"]
    assert bool(spec.normal[b]) and spec.sd[b] == 4
    sal = at["issues[x].positions.a.salience"]
    assert (spec.low[sal], spec.high[sal]) == pytest.approx((0.8, 1.2))
    cap = at["actors[b].capability"]
    assert (spec.low[cap], spec.high[cap]) == pytest.approx((0.5, 1.5))
    x = spec.draw([np.random.default_rng(k) for k in range(2000)])
    assert x[:, a].min() >= 35 and x[:, a].max() <= 38
    assert x[:, sal].max() <= 1.0  # clipped to the salience domain
    assert x[:, b].std() == pytest.approx(4, rel=0.1)


def test_quantiles_match_the_triangular_distribution() -> None:
    """Mean of two positions, each uniform ±10 around 40 and 60: triangular on [40, 60].

    P(X <= 40 + t) = 2 (t / 20)^2 for t <= 10, so the 5 % quantile is 40 + 20 sqrt(0.025)
    and the 95 % quantile 60 - 20 sqrt(0.025).
    """
    res = run_montecarlo(parse_scenario(pair()), 4000, seed=1, model="mean")
    q = res.quantiles_frame().loc["x"]
    t = 20 * math.sqrt(0.025)
    assert q["5"] == pytest.approx(40 + t, abs=0.4)
    assert q["50"] == pytest.approx(50, abs=0.4)
    assert q["95"] == pytest.approx(60 - t, abs=0.4)
    assert q["mean"] == pytest.approx(50, abs=0.2)


@pytest.mark.parametrize("kind", ["sd", "range"])
def test_intervals_cover_the_known_truth(kind: str) -> None:
    """Analysts' positions are the truth plus an error of known size; 90 % intervals of the
    forecast should contain the true forecast about 90 % of the time."""
    rng = np.random.default_rng(20200107)
    n_cases, n_actors, sd, half = 200, 3, 5.0, 8.0
    hits = 0
    for _ in range(n_cases):
        truth = rng.uniform(30, 70, n_actors)
        weights = rng.uniform(0.5, 2.0, n_actors)
        if kind == "sd":
            seen = truth + rng.normal(0, sd, n_actors)
            meta = [{"value": float(v), "sd": sd} for v in seen]
        else:
            seen = truth + rng.uniform(-half, half, n_actors)
            meta = [{"value": float(v), "range": [float(v - half), float(v + half)]} for v in seen]
        data = {
            "title": "coverage",
            "uncertainty": {"position": 0, "salience": 0, "capability": 0},
            "actors": [
                {"id": f"a{i}", "name": f"A{i}", "capability": float(weights[i])}
                for i in range(n_actors)
            ],
            "issues": [
                {
                    "id": "x",
                    "title": "X",
                    "positions": {
                        f"a{i}": {"position": meta[i], "salience": 1} for i in range(n_actors)
                    },
                }
            ],
        }
        res = run_montecarlo(
            parse_scenario(data), 300, seed=int(rng.integers(1 << 30)), model="mean"
        )
        q = res.quantiles_frame().loc["x"]
        true_forecast = float(weights @ truth / weights.sum())
        hits += q["5"] <= true_forecast <= q["95"]
    coverage = hits / n_cases
    assert 0.84 <= coverage <= 0.96, coverage


# --- the escalation tree in every run -----------------------------------------------------------


def test_without_uncertainty_every_run_is_the_deterministic_solution() -> None:
    data = tree_scenario({"position": 0, "salience": 0, "capability": 0})
    s = parse_scenario(data)
    det = solve_escalation(s, "push", model="eum")
    res = run_montecarlo(s, 5, seed=3, tree="push", model="eum")
    for k in range(5):
        np.testing.assert_allclose(res.paths_[k], det.qre.path_probabilities, atol=1e-12)
        np.testing.assert_allclose(res.payoffs_[k], det.qre.payoffs, atol=1e-12)
        np.testing.assert_allclose(res.outcome_payoffs_[k], det.payoffs, atol=1e-12)


def test_a_run_equals_solving_the_scenario_written_with_its_inputs() -> None:
    """One consistent world per run: rebuilding the scenario from a run's input values and
    solving it gives the run's path probabilities (the shocks here remove or scale actors, so
    the perturbation carries over exactly)."""
    data = tree_scenario()
    s = parse_scenario(data)
    res = run_montecarlo(s, 4, seed=11, tree="push", model="eum")
    for k in range(4):
        d = copy.deepcopy(data)
        values = dict(zip(res.input_names, res.inputs_[k], strict=True))
        for actor in d["actors"]:
            actor["capability"] = values[f"actors[{actor['id']}].capability"]
        for issue in d["issues"]:
            for a, pos in issue["positions"].items():
                at = f"issues[{issue['id']}].positions.{a}"
                pos["position"] = values[f"{at}.position"]
                pos["salience"] = values[f"{at}.salience"]
        det = solve_escalation(parse_scenario(d), "push", model="eum")
        np.testing.assert_allclose(res.paths_[k], det.qre.path_probabilities, atol=1e-9)
        np.testing.assert_allclose(res.payoffs_[k], det.qre.payoffs, atol=1e-9)


def test_sensitivity_finds_the_cost_that_drives_a_path() -> None:
    data = tree_scenario(
        {"position": 2, "salience": 0.05, "capability": 0.05},
        cost={"value": 0.1, "range": [0.0, 0.6]},
    )
    res = run_montecarlo(parse_scenario(data), 400, seed=5, tree="push", model="mean")
    cost = "escalation[push].outcomes[gone].costs.a"
    assert cost in res.input_names
    sens = res.sensitivity_frame()
    top = sens[sens["output"] == "path[push → leave]"].iloc[0]
    # The dearer the outcome, the less a pushes into it.
    assert top["input"] == cost and top["rho"] < -0.8
    assert (sens.groupby("output").size() <= 10).all()
    assert set(sens["output"]) <= set(res.output_names())


def test_rank_correlation_matches_a_slow_spearman() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(50, 3))
    x[:, 2] = np.round(x[:, 2])  # ties
    y = np.column_stack([x[:, 0] ** 3 + rng.normal(0, 0.1, 50), rng.normal(size=50)])

    def ranks(v: np.ndarray) -> np.ndarray:  # average ranks by brute force
        return np.array([(v < e).sum() + ((v == e).sum() + 1) / 2 for e in v])

    slow = np.array(
        [[np.corrcoef(ranks(x[:, i]), ranks(y[:, j]))[0, 1] for j in range(2)] for i in range(3)]
    )
    np.testing.assert_allclose(rank_correlation(x, y), slow, atol=1e-12)


# --- Dask ---------------------------------------------------------------------------------------


@pytest.mark.requires_dask
def test_dask_gives_the_local_numbers(global_seed: int) -> None:
    distributed = pytest.importorskip("dask.distributed")
    s = load_scenario("syria-2020")
    local = run_montecarlo(s, 24, seed=global_seed, tree="soleimani", chunk_size=24)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        done = []
        on_dask = run_montecarlo(
            s,
            24,
            seed=global_seed,
            tree="soleimani",
            engine="dask",
            scheduler=client,
            chunk_size=5,
            progress=lambda k, n: done.append((k, n)),
        )
        by_address = run_montecarlo(
            s,
            10,
            seed=global_seed,
            model="mean",
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
    same(local, on_dask)
    assert done[-1] == (24, 24) and len(done) == 5
    same(run_montecarlo(s, 10, seed=global_seed, model="mean"), by_address)


@pytest.mark.requires_dask
def test_dask_starts_its_own_cluster_without_a_scheduler(global_seed: int) -> None:
    pytest.importorskip("dask.distributed")
    s = parse_scenario(pair())
    res = run_montecarlo(s, 30, seed=global_seed, model="mean", engine="dask", chunk_size=10)
    same(run_montecarlo(s, 30, seed=global_seed, model="mean"), res)


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(InputError, match=r"install realpolitik\[dask\]"):
        run_montecarlo(parse_scenario(pair()), 3, seed=1, model="mean", engine="dask")


# --- errors, JSON, CLI --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_runs": 0}, "number of runs must be an integer >= 1; got 0"),
        ({"chunk_size": 0}, "chunk_size must be an integer >= 1; got 0"),
        ({"engine": "spark"}, "engine must be 'local', 'process' or 'dask'; got 'spark'"),
        ({"scheduler": "tcp://x:1"}, "only used with engine 'dask'"),
        ({"seed": np.random.default_rng(1)}, "got a Generator"),
        ({"seed": -1}, "non-negative integer"),
        ({"tree": "nope"}, "has no escalation tree 'nope'"),
        ({"model": "nope"}, "unknown model 'nope'"),
        ({"levels": (5, 150)}, r"percentages in \[0, 100\]"),
    ],
)
def test_user_errors(kwargs: dict, match: str) -> None:
    args = {"n_runs": 3, "seed": 1, "model": "mean"} | kwargs
    with pytest.raises(InputError, match=match):
        run_montecarlo(parse_scenario(tree_scenario()), **args)


def test_unknown_shock() -> None:
    with pytest.raises(ShockError, match="unknown shock 'nope'"):
        run_montecarlo(parse_scenario(tree_scenario()), 3, seed=1, shocks=["nope"], model="mean")


def test_shocks_apply_before_the_runs() -> None:
    s = parse_scenario(tree_scenario({"position": 0, "salience": 0, "capability": 0}))
    res = run_montecarlo(s, 3, seed=1, shocks=["drop-c"], model="mean")
    assert not any(".c." in n or "[c]" in n for n in res.input_names)
    # x without c: (10 * 0.9 + 90 * 2.1) / 3.0 = 66.
    assert res.forecasts_[:, 0] == pytest.approx([66.0] * 3)


def test_json_shape() -> None:
    res = run_montecarlo(parse_scenario(tree_scenario()), 30, seed=2, tree="push", model="mean")
    d = json.loads(json.dumps(res.to_dict(), allow_nan=False))
    assert {"n", "seed", "issues", "sensitivity"} <= set(d)
    assert d["n"] == 30 and d["seed"] == 2
    assert [i["id"] for i in d["issues"]] == ["x", "y"]
    assert set(d["issues"][0]["quantiles"]) == {"5", "50", "95"}
    assert sum(p["probability"] for p in d["paths"]) == pytest.approx(1.0)
    assert all(p["quantiles"]["5"] <= p["probability"] + 1e-12 for p in d["paths"])
    assert set(d["sensitivity"][0]) == {"output", "input", "rho"}
    gone = next(o for o in d["outcomes"] if o["id"] == "gone")
    assert gone["payoffs"]["a"]["mean"] == pytest.approx(res.outcome_payoffs_[:, 1, 0].mean())
    assert sum(o["probability"] for o in d["outcomes"]) == pytest.approx(1.0)


def test_cli_montecarlo_json_and_out(tmp_path) -> None:
    args = ["montecarlo", "-n", "40", "--seed", "1", "--model", "mean", "--tree", "soleimani"]
    r = runner.invoke(app, [*args, "--format", "json", "--out", str(tmp_path / "runs.csv")])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["n"] == 40 and d["tree"] == "soleimani"
    runs = pd.read_csv(tmp_path / "runs.csv")
    assert len(runs) == 40
    assad = next(i for i in d["issues"] if i["id"] == "assad")
    assert runs["forecast[assad]"].mean() == pytest.approx(assad["mean"], rel=1e-12)
    assert "issues[escalation].positions.iran.position" in runs.columns
    r2 = runner.invoke(app, [*args, "--format", "json"])
    assert json.loads(r2.stdout) == d
    r = runner.invoke(app, [*args, "--out", str(tmp_path / "runs.parquet")])
    assert r.exit_code == 0, r.output
    assert "Paths of tree soleimani" in r.stdout
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "runs.parquet"), runs, check_exact=False, rtol=1e-12
    )


def test_cli_montecarlo_user_errors(tmp_path) -> None:
    r = runner.invoke(app, ["montecarlo", "-n", "5", "--out", str(tmp_path / "runs.txt")])
    assert r.exit_code == 2 and ".csv or .parquet" in r.output
    assert not (tmp_path / "runs.txt").exists()
    r = runner.invoke(app, ["montecarlo", "-n", "5", "--scheduler", "tcp://127.0.0.1:1"])
    assert r.exit_code == 2 and "--engine dask" in r.output

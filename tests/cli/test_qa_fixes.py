"""Fixes found by a QA pass: run caps and progress, shocks applied twice, narrow tables,
wrong encodings, ``network --shock`` and non-DEU files given to ``backtest``."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

import realpolitik.simulate.montecarlo as mc
import realpolitik.simulate.montecarlo.execute as mc_execute
from realpolitik.cli import app
from realpolitik.exceptions import InputError, ShockError
from realpolitik.scenario import load_scenario, parse_scenario
from realpolitik.scenario.deu import parse_deu
from realpolitik.simulate.montecarlo import MAX_RUNS, run_montecarlo
from realpolitik.simulate.outcomes import solve_escalation

runner = CliRunner()

SEED = (
    Path(os.environ.get("REALPOLITIK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    / "seed"
    / "putin-plan-b-on-iran.txt"
)


def toy(beta_capability: float = 2) -> dict:
    """Three actors on one issue; a one-node tree whose outcome ``folded`` removes gamma."""
    return {
        "title": "toy",
        "actors": [
            {"id": "alpha", "name": "Alpha", "capability": 4},
            {"id": "beta", "name": "Beta", "capability": beta_capability},
            {"id": "gamma", "name": "Gamma", "capability": 1},
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "alpha": {"position": 20, "salience": 0.8},
                    "beta": {"position": 70, "salience": 0.6},
                    "gamma": {"position": 90, "salience": 0.9},
                },
            }
        ],
        "relations": [
            {"between": ["alpha", "beta"], "type": "alliance"},
            {"between": ["beta", "gamma"], "type": "rivalry"},
            {"between": ["alpha", "gamma"], "type": "hostility"},
        ],
        "shocks": [
            {
                "id": "gamma-falls",
                "title": "Gamma falls",
                "edits": [{"op": "remove-actor", "actor": "gamma"}],
            },
            {
                "id": "beta-grows",
                "title": "Beta grows",
                "edits": [{"op": "scale-capability", "actor": "beta", "factor": 2}],
            },
            {
                "id": "alpha-gamma-thaw",
                "title": "Alpha and Gamma make up",
                "edits": [
                    {"op": "set-relation", "between": ["alpha", "gamma"], "type": "partnership"}
                ],
            },
        ],
        "escalation": [
            {
                "id": "crisis",
                "title": "Crisis",
                "root": "alpha-move",
                "nodes": [
                    {
                        "id": "alpha-move",
                        "actor": "alpha",
                        "options": [
                            {"id": "hold", "outcome": "calm"},
                            {"id": "push", "outcome": "folded"},
                        ],
                    }
                ],
                "outcomes": [
                    {"id": "calm"},
                    {"id": "folded", "shocks": ["gamma-falls"], "costs": {"alpha": 0.05}},
                ],
            }
        ],
    }


@pytest.fixture
def toy_file(tmp_path: Path) -> Path:
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(toy(), sort_keys=False), encoding="utf-8")
    return path


# --- 1. montecarlo: a cap on -n, progress on stderr, chunked engine work ---------------------


def test_too_many_runs_is_refused_at_once() -> None:
    s = load_scenario("syria-2020")
    with pytest.raises(InputError, match=r"at most 1,000,000 runs; got 1,000,001"):
        run_montecarlo(s, MAX_RUNS + 1, seed=1)
    r = runner.invoke(app, ["montecarlo", "-n", "100000000", "--seed", "1"])
    assert r.exit_code == 2
    assert "at most 1,000,000 runs; got 100,000,000" in r.stderr
    assert r.stdout == "" and "running" not in r.stderr


def test_no_progress_on_stderr_when_not_a_terminal(toy_file: Path) -> None:
    # Progress is a bar on a terminal only (tests/cli/test_progress.py): piped or logged
    # output, as here, gets no progress lines at all, however many runs.
    r = runner.invoke(
        app, ["montecarlo", str(toy_file), "-n", "2000", "--seed", "1", "--model", "mean"]
    )
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert "2000 runs" in r.stdout


def test_engine_work_is_chunked_and_results_do_not_depend_on_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = parse_scenario(toy())
    calls: list[tuple[int, int]] = []
    real = mc.run_chunk

    def recording(plan: mc.MonteCarloPlan, start: int, stop: int) -> dict[str, np.ndarray]:
        calls.append((start, stop))
        return real(plan, start, stop)

    # run_montecarlo (in .execute) looks run_chunk up there: patch it where it is called.
    monkeypatch.setattr(mc_execute, "run_chunk", recording)
    chunked = run_montecarlo(s, 50, seed=3, tree="crisis", model="mean", chunk_size=7)
    # 50 runs in chunks of at most 7: the engine never sees more than 7 runs at once.
    assert calls == [(k, min(k + 7, 50)) for k in range(0, 50, 7)]
    # The tree has 2 worlds, so the default chunk is 512 // 2 = 256 runs.
    calls.clear()
    whole = run_montecarlo(s, 50, seed=3, tree="crisis", model="mean")
    assert calls == [(0, 50)]
    for name in ("inputs_", "forecasts_", "paths_", "payoffs_", "outcome_payoffs_"):
        np.testing.assert_array_equal(getattr(chunked, name), getattr(whole, name), err_msg=name)


# --- 2. a shock applied twice names the tree, the outcome and --shock -------------------------

TWICE = (
    r"escalation tree 'crisis', outcome 'folded': shock 'gamma-falls', edit 1 \(remove-actor\): "
    r"unknown actor 'gamma'.*\(the shocks given with --shock were applied first: gamma-falls; "
    r"the outcome applies 'gamma-falls' a second time\)"
)


def test_shock_applied_twice_names_tree_outcome_and_shocks() -> None:
    s = parse_scenario(toy())
    with pytest.raises(ShockError, match=TWICE):
        run_montecarlo(s, 3, seed=1, shocks=["gamma-falls"], tree="crisis", model="mean")
    with pytest.raises(ShockError, match=TWICE):
        solve_escalation(s, "crisis", model="mean", shocks=["gamma-falls"])


@pytest.mark.parametrize("command", ["montecarlo", "escalate"])
def test_cli_shock_applied_twice(toy_file: Path, command: str) -> None:
    args = [command, str(toy_file), "--tree", "crisis", "--shock", "gamma-falls", "-m", "mean"]
    r = runner.invoke(app, args, env={"COLUMNS": "400"})
    assert r.exit_code == 2
    assert "escalation tree 'crisis', outcome 'folded': shock 'gamma-falls'" in r.stderr
    assert "the shocks given with --shock were applied first: gamma-falls" in r.stderr


def test_escalate_shock_applies_before_the_tree(toy_file: Path, tmp_path: Path) -> None:
    # By hand, model "mean" (capability x salience weighted mean), beta's capability doubled:
    # calm: (20*3.2 + 70*2.4 + 90*0.9) / 6.5 = 48.1538, alpha's payoff 1 - 0.281538 = 0.718462;
    # folded (no gamma): (20*3.2 + 70*2.4) / 5.6 = 41.4286, payoff 0.785714 - 0.05 = 0.735714.
    # (before relations: P(push) = 1 / (1 + exp(-20 * (0.735714 - 0.718462))) = 0.585418).
    # Payoffs are relational: alpha adds half of (1 * U_beta - 0.6 * U_gamma) / 1.6 (its alliance
    # with beta, its hostility to gamma; gamma is judged by its own position when removed).
    def value(f: float, cost: float = 0.0) -> float:
        own = 1 - abs(f - 20) / 100
        others = (1 - abs(70 - f) / 100) - 0.6 * (1 - abs(90 - f) / 100)
        return own + 0.5 * others / 1.6 - cost

    calm, folded = value(313 / 6.5), value(232 / 5.6, 0.05)
    push = 1 / (1 + math.exp(-20 * (folded - calm)))
    r = runner.invoke(
        app, ["escalate", str(toy_file), "-s", "beta-grows", "-m", "mean", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["nodes"][0]["choices"]["push"] == pytest.approx(push, abs=1e-9)
    assert data["payoffs"]["alpha"] == pytest.approx((1 - push) * calm + push * folded, abs=1e-9)
    # The same as the scenario written with beta's capability doubled.
    doubled = tmp_path / "doubled.yaml"
    doubled.write_text(yaml.safe_dump(toy(beta_capability=4), sort_keys=False))
    r2 = runner.invoke(app, ["escalate", str(doubled), "-m", "mean", "--format", "json"])
    assert json.loads(r2.stdout)["paths"] == data["paths"]
    # Without the shock: calm (64 + 84 + 81) / 5.3 = 43.2075 (weights 3.2, 1.2, 0.9), folded
    # (64 + 84) / 4.4 = 33.6364; alpha pushes more than with beta doubled.
    plain_push = 1 / (1 + math.exp(-20 * (value(148 / 4.4, 0.05) - value(229 / 5.3))))
    plain = runner.invoke(app, ["escalate", str(toy_file), "-m", "mean", "--format", "json"])
    got = json.loads(plain.stdout)["nodes"][0]["choices"]["push"]
    assert got == pytest.approx(plain_push, abs=1e-4)
    assert got > push


# --- 3. narrow tables keep every column readable ----------------------------------------------


def test_planb_fails_readable_at_80_columns() -> None:
    args = ["planb", "--actor", "russia", "--without", "iran"]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    r = runner.invoke(app, args, terminal_width=80, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    failing = [c for c in data["candidates"] if c["fails"]]
    assert failing, "the built-in scenario has candidates that break rules"
    for c in failing:
        line = f"#{c['rank']} {c['id']} fails: {', '.join(c['fails'])}"
        assert line in r.stdout
    assert "min-capability:30" in r.stdout
    wide = runner.invoke(app, args, env={"COLUMNS": "160"})
    assert "┃ fails" in wide.stdout  # room enough: the rules stay in their column


def test_ingest_proposal_sentences_readable_at_80_columns() -> None:
    args = ["ingest", str(SEED), "--scenario", "syria-2020", "--propose"]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    r = runner.invoke(app, args, terminal_width=80, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    table_part = r.stdout.split("Shock block")[0]
    assert max(len(line) for line in table_part.splitlines()) <= 80
    proposals = data["proposals"]
    assert proposals
    for p in proposals:
        numbers = list(dict.fromkeys(str(e["sentence"]) for e in p["events"]))
        noun = "sentence" if len(numbers) == 1 else "sentences"
        assert f"{' - '.join(p['between'])}: {noun} {', '.join(numbers)}" in table_part


# --- 4. a wrong --encoding fails; plurals -----------------------------------------------------


def test_ingest_table_leaves_out_a_date_column_of_dashes(tmp_path: Path) -> None:
    # Undated text: no date column, so that the actor ids fit 80 columns whole.
    text = "North Korea shelled a South Korean island near the border on Tuesday.\n"
    r = runner.invoke(app, ["ingest", "-"], input=text, terminal_width=80, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    header = next(line for line in r.stdout.splitlines() if "source" in line)
    assert "date" not in header and "CAMEO" in header
    assert "north-korea" in r.stdout  # whole, not folded
    # With a date (here from --date) the column is there.
    dated = runner.invoke(
        app, ["ingest", "-", "--date", "2020-01-07"], input=text, env={"COLUMNS": "120"}
    )
    assert dated.exit_code == 0, dated.output
    assert "date" in next(line for line in dated.stdout.splitlines() if "source" in line)


def test_ingest_utf8_read_as_utf16_fails(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Putin met Erdogan in Sochi.\n", encoding="utf-8")  # 28 bytes: even
    r = runner.invoke(app, ["ingest", str(article), "--encoding", "utf-16"])
    assert r.exit_code == 2
    assert "decoded as utf-16" in r.stderr and "leave --encoding out" in r.stderr


def test_ingest_titles_use_singular_and_plural(tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("Turkey attacked the Kurds.\n", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(article)], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0].strip() == "1 event in 1 sentence"
    out = tmp_path / "events.json"
    r = runner.invoke(app, ["ingest", str(article), "--format", "json", "--out", str(out)])
    assert "(1 event)" in r.stdout
    # Two sentences, one event.
    two = tmp_path / "two.txt"
    two.write_text("Turkey attacked the Kurds.\n\nThe weather was mild.\n", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(two)], env={"COLUMNS": "120"})
    assert r.stdout.splitlines()[0].strip() == "1 event in 2 sentences"


# --- 5. network --shock ------------------------------------------------------------------------


def test_network_shock(toy_file: Path) -> None:
    base = runner.invoke(app, ["network", str(toy_file), "--format", "json"])
    assert base.exit_code == 0, base.output
    # alpha-beta +, beta-gamma -, alpha-gamma -: one triad with two negative edges, balanced.
    assert json.loads(base.stdout)["balance"]["by_negative_edges"] == {
        "0": 0,
        "1": 0,
        "2": 1,
        "3": 0,
    }
    thaw = runner.invoke(
        app, ["network", str(toy_file), "--shock", "alpha-gamma-thaw", "--format", "json"]
    )
    assert thaw.exit_code == 0, thaw.output
    # alpha-gamma becomes a partnership: one negative edge, strictly unbalanced.
    balance = json.loads(thaw.stdout)["balance"]
    assert balance["by_negative_edges"] == {"0": 0, "1": 1, "2": 0, "3": 0}
    assert balance["strict"]["balanced"] == 0
    # Shocks apply in order: the thaw, then gamma's fall leaves two actors and no triad.
    both = runner.invoke(
        app,
        ["network", str(toy_file), "-s", "alpha-gamma-thaw", "-s", "gamma-falls"]
        + ["--format", "json"],
    )
    d = json.loads(both.stdout)
    assert d["actors"] == ["alpha", "beta"] and d["n_edges"] == 1
    table = runner.invoke(app, ["network", str(toy_file), "-s", "gamma-falls"])
    assert "after shock(s) gamma-falls" in table.stdout
    bad = runner.invoke(app, ["network", str(toy_file), "--shock", "nope"])
    assert bad.exit_code == 2 and "unknown shock 'nope'" in bad.stderr


# --- 6. backtest on a file that is not DEU III --------------------------------------------------


def test_backtest_on_a_scenario_file_says_it_needs_deu(toy_file: Path) -> None:
    r = runner.invoke(app, ["backtest", str(toy_file)], env={"COLUMNS": "400"})
    assert r.exit_code == 2
    assert "not a DEU III file" in r.stderr
    assert "tab-separated DEU III data set" in r.stderr
    assert "rp (the reference point) and out (the outcome)" in r.stderr
    assert "found a first line without tabs, 'title: toy'" in r.stderr
    assert "YAML scenario" in r.stderr


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a,b,c\n1,2,3\n", "found a first line without tabs, 'a,b,c' (comma- or semicolon"),
        ("a\tb\tc\n1\t2\t3\n", "found a header with 3 columns: 'a', 'b', 'c', none of prnr"),
    ],
)
def test_parse_deu_names_what_it_found(text: str, found: str) -> None:
    from realpolitik.exceptions import ScenarioError

    with pytest.raises(ScenarioError) as err:
        parse_deu(text, filename="x.csv")
    message = str(err.value.problems[0])
    assert "not a DEU III file" in message and found in message


def test_parse_deu_near_miss_still_lists_missing_columns() -> None:
    from realpolitik.exceptions import ScenarioError

    with pytest.raises(ScenarioError) as err:
        parse_deu("prnr\tisnr\tpcom\n", filename="x.csv")
    assert "the header needs the column(s) rp, out, scom" in str(err.value.problems[0])

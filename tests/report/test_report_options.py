"""Mistakes in the report's options fail up front (never a hollow report); the network layout."""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from realpolitik.analysis.planb import PlanBError
from realpolitik.cli import app
from realpolitik.exceptions import InputError, ShockError
from realpolitik.forecasting import UnknownModelError
from realpolitik.report import data as report_data
from realpolitik.report import figures as F
from realpolitik.report import gather
from realpolitik.report.data import MAX_RUNS, check_options
from realpolitik.scenario import load_scenario, parse_scenario

runner = CliRunner()
KNOWN_MODELS = "known models: eum, eum-rel, mean, median, nash"


def toy() -> dict:
    """a, b, c, d; c has no position on the only issue (it has no outcome to restore)."""
    return {
        "title": "Toy",
        "actors": [
            {"id": k, "name": k.upper(), "capability": cap}
            for k, cap in (("a", 1), ("b", 3), ("c", 2), ("d", 2))
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": 0, "salience": 1},
                    "b": {"position": 100, "salience": 1},
                    "d": {"position": 50, "salience": 0.5},
                },
            }
        ],
        # A chain a-b-c-d of partners, and a and d rivals: drawn in a row, the rivalry a-d
        # would run over b and c.
        "relations": [
            {"between": ["a", "b"], "type": "partnership"},
            {"between": ["b", "c"], "type": "partnership"},
            {"between": ["c", "d"], "type": "partnership"},
            {"between": ["a", "d"], "type": "rivalry"},
        ],
    }


@pytest.fixture
def nothing_computed(monkeypatch):
    """Fail the test if gather computes anything: its option checks must come first."""

    def boom(*args, **kwargs):
        raise AssertionError("computed before the options were checked")

    monkeypatch.setattr(report_data, "forecast", boom)
    monkeypatch.setattr(report_data, "compare", boom)
    monkeypatch.setattr(report_data, "producer", boom)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"model": "foo"}, UnknownModelError, f"unknown model 'foo'; {KNOWN_MODELS}"),
        ({"planb": [("a", "nope")]}, InputError, "unknown partner to lose 'nope'"),
        ({"planb": [("zz", "a")]}, InputError, "unknown actor 'zz' in the Plan B question 'zz:a'"),
        ({"planb": [("a", "a")]}, InputError, "must differ; got 'a:a'"),
        ({"n_runs": MAX_RUNS + 1}, InputError, "between 0 and 100,000; got 100001"),
        ({"n_runs": -1}, InputError, "between 0 and 100,000; got -1"),
        ({"n_runs": True}, InputError, "must be a whole number; got True"),
        ({"n_runs": 2.5}, InputError, "must be a whole number; got 2.5"),
        ({"seed": -3}, InputError, "seed must be >= 0; got -3"),
        ({"sections": ["plots"]}, InputError, "unknown report section"),
    ],
)
def test_option_mistakes_raise_before_any_computation(nothing_computed, options, error, message):
    with pytest.raises(error) as info:
        gather(parse_scenario(toy()), **options)
    assert message in str(info.value)


def test_unknown_shock_raises_before_any_computation(nothing_computed):
    with pytest.raises(ShockError, match="unknown shock 'nope'"):
        gather(parse_scenario(toy()), ["nope"])


def test_valid_options_pass_the_checks():
    s = parse_scenario(toy())
    assert check_options(s, n_runs=MAX_RUNS, seed=0, model="mean", planb=[("a", "b")]) == list(
        report_data.SECTIONS
    )


def test_a_plan_b_question_asked_that_cannot_be_answered_is_an_error():
    # c holds no position: it has no outcome to restore. Asked for, that is an error...
    with pytest.raises(PlanBError, match="'c' has no salience on any issue"):
        gather(parse_scenario(toy()), n_runs=0, sections=["planb"], planb=[("c", "b")])
    # ... while an answerable question fills the section.
    data = gather(parse_scenario(toy()), n_runs=0, sections=["planb"], planb=[("a", "b")])
    assert [q["without"] for q in data["planb"]["questions"]] == ["b"]
    assert data["notes"] == []


def test_cli_unknown_model_fails_like_forecast(tmp_path: Path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-n", "0", "-o", str(out), "-m", "foo"])
    assert result.exit_code == 2
    assert f"unknown model 'foo'; {KNOWN_MODELS}" in result.output
    assert not out.exists()
    forecast = runner.invoke(app, ["forecast", "--model", "foo"])
    assert forecast.exit_code == 2
    assert forecast.output.strip() == result.output.strip()  # the very same message


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("russia:nope", "unknown partner to lose 'nope' in the Plan B question 'russia:nope'"),
        ("nope:iran", "unknown actor 'nope' in the Plan B question 'nope:iran'"),
        ("iran:iran", "the actor and the partner it loses must differ; got 'iran:iran'"),
    ],
)
def test_cli_unknown_planb_actor_fails(tmp_path: Path, question, message):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-n", "0", "-o", str(out), "--planb", question])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def test_cli_runs_are_capped(tmp_path: Path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-n", str(MAX_RUNS + 1), "-o", str(out)])
    assert result.exit_code == 2
    assert "100000" in result.output and "--runs" in result.output
    assert not out.exists()
    helptext = " ".join(runner.invoke(app, ["report", "--help"]).output.split())
    assert "at most 100,000" in helptext
    assert "time grows in proportion to the runs" in helptext


def test_sections_left_out_for_the_scenario_still_say_why():
    # Not a mistake: toy has no escalation tree and no actor with partner rules.
    data = gather(parse_scenario(toy()), n_runs=0, sections=["planb", "escalation"])
    assert data["notes"] == [
        "planb left out: no actor states partner rules (partner_rules) with a partner to lose",
        "escalation left out: the scenario has no escalation tree",
    ]


# --------------------------------------------------------------------------------------------
# Network layout
# --------------------------------------------------------------------------------------------
def _on_segment(p, a, b) -> float:
    """Distance from p to segment a-b, computed by sampling the segment (a slow reference)."""
    return min(
        math.hypot(
            p[0] - (a[0] + t / 1000 * (b[0] - a[0])), p[1] - (a[1] + t / 1000 * (b[1] - a[1]))
        )
        for t in range(1001)
    )


def test_crowded_edges_by_hand():
    # c at (1, 0.01) is 0.01 from the segment (0,0)-(2,0): within 5 % of the extent 2.
    pos = {"a": (0.0, 0.0), "b": (2.0, 0.0), "c": (1.0, 0.01), "d": (1.0, 1.0)}
    edges = [("a", "b", 1.0), ("c", "d", -1.0)]
    assert F.crowded_edges(pos, edges) == [("a", "b", "c")]
    assert _on_segment(pos["c"], pos["a"], pos["b"]) == pytest.approx(0.01)


def test_small_network_is_not_drawn_in_a_row():
    section = gather(parse_scenario(toy()), n_runs=0, sections=["network"])["network"]
    fig = F.network_figure(section)
    nodes = fig.data[-1]
    pos = {n["id"]: (x, y) for n, x, y in zip(section["nodes"], nodes.x, nodes.y, strict=True)}
    # Every drawn edge stays clear of the nodes it does not join (reference distance).
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    extent = max(max(xs) - min(xs), max(ys) - min(ys))
    for e in section["edges"]:
        for c, p in pos.items():
            if c not in (e["a"], e["b"]):
                assert _on_segment(p, pos[e["a"]], pos[e["b"]]) > 0.2 * extent, (e, c)
    # Deterministic: the same scenario is drawn the same way.
    again = F.network_figure(section).data[-1]
    assert list(again.x) == list(nodes.x) and list(again.y) == list(nodes.y)


def test_large_network_falls_back_to_the_circle_when_the_spring_lines_up(monkeypatch):
    ids = [f"n{k}" for k in range(12)]
    edges = [(ids[k], ids[k + 1], 0.5) for k in range(11)] + [(ids[0], ids[11], -0.5)]
    # A spring layout that puts every actor in a row: the rivalry n0-n11 runs over all others.
    monkeypatch.setattr(
        F.nx, "spring_layout", lambda G, **kw: {n: (float(k), 0.0) for k, n in enumerate(ids)}
    )
    pos = F.network_layout(ids, edges)
    assert F.crowded_edges(pos, edges) == []
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    circle = nx.circular_layout(graph)
    assert all((pos[n] == circle[n]).all() for n in ids)


def test_syria_keeps_its_spring_layout_clear_of_crowding():
    s = load_scenario("syria-2020")
    edges = [(r.between[0], r.between[1], r.weight) for r in s.relations]
    pos = F.network_layout(s.actor_ids, edges)
    assert len(s.actor_ids) > F.CIRCLE_MAX
    assert F.crowded_edges(pos, edges) == []


def test_every_figure_puts_its_legend_below_the_axis_title():
    data = gather(load_scenario("syria-2020"), n_runs=0, sections=["forecast", "trajectories"])
    from realpolitik.report.html import build_figures

    for name, fig in build_figures(data).items():
        legend = fig.layout.legend
        # The figure's bottom edge, not a fraction of the plot's height below the plot.
        assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom"), name
        assert legend.orientation == "h"

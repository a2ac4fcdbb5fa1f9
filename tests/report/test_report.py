"""The HTML report: data gathered from every producer, figures, escaping, the CLI command."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import InputError
from realpolitik.report import SECTIONS, gather, planb_questions, render_html
from realpolitik.report import data as report_data
from realpolitik.report.figures import network_figure, trajectories_figure, tree_layout
from realpolitik.report.html import build_figures, json_for_script
from realpolitik.scenario import load_scenario, parse_scenario

EVIL = "</script><script>alert('x')</script><b>&amp;"


def toy(title: str = "Toy", name_b: str = "B", issue_title: str = "X") -> dict:
    """Two actors on one issue: a at 0 (capability 1), b at 100 (capability 3), both salience 1.

    Capability-weighted mean: (1*0 + 3*100) / 4 = 75. Three relations for the network plot:
    a-b alliance (mutual), b-c rivalry (no commitment), a-c partnership committed one way.
    """
    return {
        "title": title,
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": name_b, "capability": 3},
            {"id": "c", "name": "C", "capability": 4},
        ],
        "issues": [
            {
                "id": "x",
                "title": issue_title,
                "low": "nothing",
                "high": "everything",
                "positions": {
                    "a": {"position": 0, "salience": 1},
                    "b": {"position": 100, "salience": 1},
                },
            }
        ],
        "relations": [
            {"between": ["a", "b"], "type": "alliance"},
            {"between": ["b", "c"], "type": "rivalry"},
            {"between": ["a", "c"], "type": "partnership", "commitment": "one-way"},
        ],
        "shocks": [
            {"id": "drop-b", "title": "B leaves", "edits": [{"op": "remove-actor", "actor": "b"}]}
        ],
    }


@pytest.fixture(scope="module")
def syria_data() -> dict:
    return gather(load_scenario("syria-2020"), n_runs=40, seed=3)


def test_every_section_of_syria_is_computed(syria_data):
    for section in SECTIONS:
        assert section in syria_data, syria_data["notes"]
    assert syria_data["notes"] == []
    json.dumps(syria_data, allow_nan=False)  # plain JSON, as the API returns it


def test_forecast_section_matches_hand_computed_mean():
    data = gather(parse_scenario(toy()), sections=["forecast"])
    issue = data["forecast"]["issues"][0]
    assert issue["forecast"]["mean"] == pytest.approx(75.0)
    assert issue["forecast"]["median"] == pytest.approx(100.0)  # b holds 3/4 of the weight
    page = render_html(data)
    cell = re.search(r'data-issue="x" data-model="mean">([^<]*)<', page)
    assert cell is not None and cell.group(1).strip() == "75.0"


def test_shocked_report_shows_baseline_and_shocked_forecasts():
    data = gather(parse_scenario(toy()), ["drop-b"], sections=["forecast"])
    issue = data["forecast"]["issues"][0]
    # Without b only a (position 0) is left on the issue; the baseline stays 75.
    assert issue["forecast"]["mean"] == pytest.approx(0.0)
    assert issue["baseline"]["mean"] == pytest.approx(75.0)
    assert data["shocks"] == [{"id": "drop-b", "title": "B leaves", "description": None}]
    assert "Shock applied:" in render_html(data)


def test_trajectories_one_line_per_actor_and_issue(syria_data):
    s = load_scenario("syria-2020")
    traj = syria_data["trajectories"]
    for issue, entry in zip(s.issues, traj["issues"], strict=True):
        assert [a["id"] for a in entry["actors"]] == [
            a for a in s.actor_ids if a in issue.positions
        ]
        for actor in entry["actors"]:
            # Round 0 is the scenario's own position.
            assert actor["positions"][0] == pytest.approx(issue.positions[actor["id"]].position)
            assert actor["rounds"] == list(range(traj["n_rounds"] + 1))
    fig = trajectories_figure(traj, s.actor_ids)
    n_lines = sum(len(i["actors"]) for i in traj["issues"])
    assert len(fig.data) == n_lines
    # One legend entry per actor, however many issues it appears on.
    assert sum(1 for t in fig.data if t.showlegend) == len(
        {a for i in traj["issues"] for a in (x["id"] for x in i["actors"])}
    )


def test_network_figure_colours_dashes_and_sizes():
    data = gather(parse_scenario(toy()), sections=["network"])
    fig = network_figure(data["network"])
    edges = {t.text.split(":")[0]: t.line for t in fig.data if t.mode == "lines"}
    assert edges["a – b"].color == "#1a9850" and edges["a – b"].dash == "solid"  # alliance
    assert edges["b – c"].color == "#d73027" and edges["b – c"].dash == "dash"  # rivalry
    assert edges["a – c"].color == "#1a9850" and edges["a – c"].dash == "dash"  # one-way
    nodes = fig.data[-1]
    sizes = dict(zip(nodes.text, nodes.marker.size, strict=True))
    assert sizes["A"] < sizes["B"] < sizes["C"]  # capability 1 < 3 < 4
    assert sizes["C"] == pytest.approx(50.0)  # the largest actor gets the largest marker


def test_tree_layout_by_hand():
    tree = {
        "root": "r",
        "nodes": [
            {
                "id": "r",
                "title": "R",
                "options": [{"id": "stop", "outcome": "o1"}, {"id": "go", "next": "n"}],
            },
            {
                "id": "n",
                "title": "N",
                "options": [{"id": "l", "outcome": "o2"}, {"id": "m", "outcome": "o3"}],
            },
        ],
        "outcomes": [{"id": "o1", "title": "one"}, {"id": "o2"}, {"id": "o3"}],
    }
    items = tree_layout(tree)
    where = {(i["kind"], i["ref"]): (i["x"], i["y"]) for i in items}
    # Leaves take x = 0, 1, 2 in order; n sits above the middle of its leaves, r above its children.
    assert where[("leaf", "o1")] == (0.0, -1)
    assert where[("leaf", "o2")] == (1.0, -2) and where[("leaf", "o3")] == (2.0, -2)
    assert where[("node", "n")] == (1.5, -1)
    assert where[("node", "r")] == (0.75, 0)


def test_planb_questions_of_syria_are_the_articles():
    # "Putin now needs a Plan B on Iran": Russia states partner rules, and a shock removes Iran.
    assert planb_questions(load_scenario("syria-2020")) == [("russia", "iran")]


def test_planb_table_ranks_candidates(syria_data):
    q = syria_data["planb"]["questions"][0]
    assert (q["actor"], q["without"]) == ("russia", "iran")
    ranks = [c["rank"] for c in q["result"]["candidates"]]
    assert ranks == sorted(ranks)
    page = render_html(syria_data)
    assert "<h3>Russia without Iran</h3>" in page


def test_escalation_probabilities_are_shown(syria_data):
    tree = syria_data["escalation"]["trees"][0]
    outcomes = {o["id"]: o["probability"] for o in tree["result"]["outcomes"]}
    assert sum(outcomes.values()) == pytest.approx(1.0)
    figs = build_figures(syria_data)
    assert f"escalation-{tree['id']}" in figs
    leaves = figs[f"escalation-{tree['id']}"].data[-1]
    assert len(leaves.x) == len(tree["outcomes"])


def test_explanations_cite_evidence(syria_data):
    actors = syria_data["explanations"]["actors"]
    assert [a["actor"] for a in actors] == load_scenario("syria-2020").actor_ids
    cited = [c for a in actors for s in a["sentences"] for c in s["citations"]]
    assert cited and any(c["evidence"] for c in cited)
    quote = next(c["evidence"][0]["quote"] for c in cited if c["evidence"])
    page = render_html(syria_data)
    assert f"“{html.escape(quote)}”" in page


def test_scenario_text_is_escaped():
    s = parse_scenario(toy(title=EVIL, name_b=EVIL, issue_title=EVIL))
    page = render_html(gather(s, n_runs=0))
    assert "<script>alert" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(&#x27;x&#x27;)" in page
    # Figure data travels as JSON in which "<" never appears, so no block ends early.
    for block in re.findall(
        r'<script type="application/json" data-figure="[^"]+">(.*?)</script>', page, re.S
    ):
        assert "<" not in block
        json.loads(block)
    # Exactly the page's own scripts: plotly.js, the drawing script and one block per figure.
    n_figures = len(re.findall(r'data-figure="', page))
    assert page.count("<script") == 2 + n_figures


def test_report_is_self_contained():
    page = render_html(gather(parse_scenario(toy()), sections=["forecast", "network"]))
    assert "<script src" not in page and "<link" not in page
    from plotly.offline import get_plotlyjs

    assert get_plotlyjs() in page  # plotly.js inlined once
    assert page.count("Plotly.newPlot") >= 1


def test_json_for_script_round_trips():
    obj = {"a": "</script>&<!--\u2028", "b": [1.5, None]}
    text = json_for_script(obj)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == obj


def test_missing_producer_leaves_a_note(monkeypatch):
    monkeypatch.setitem(
        report_data.PRODUCERS, "planb", ("realpolitik.analysis._no_such_module", "plan_b")
    )
    data = gather(load_scenario("syria-2020"), sections=["planb"])
    assert "planb" not in data
    assert data["notes"] == [
        "not available: planb (realpolitik.analysis._no_such_module is not installed)"
    ]


def test_sections_that_do_not_apply_are_explained():
    raw = toy()
    raw["relations"] = []
    data = gather(parse_scenario(raw), n_runs=0, sections=["network", "escalation", "montecarlo"])
    assert data["notes"] == [
        "montecarlo left out: no runs asked for (n_runs = 0)",
        "network left out: the scenario declares no relations",
        "escalation left out: the scenario has no escalation tree",
    ]


def test_unknown_section_is_a_user_error():
    with pytest.raises(
        InputError, match="unknown report section.*'plots'.*known sections: forecast"
    ):
        gather(parse_scenario(toy()), sections=["plots"])


runner = CliRunner()


def test_cli_report_writes_one_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "toy.json").write_text(json.dumps(toy()), encoding="utf-8")
    result = runner.invoke(app, ["report", "toy.json", "-s", "drop-b", "-n", "0", "-o", "r.html"])
    assert result.exit_code == 0, result.output
    assert "wrote r.html" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "toy.json"]  # no temp file left
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "B leaves" in page


def test_cli_report_user_errors(tmp_path: Path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-s", "no-such-shock", "-n", "0", "-o", str(out)])
    assert result.exit_code == 2
    assert "unknown shock 'no-such-shock'" in result.output
    assert not out.exists()
    result = runner.invoke(app, ["report", "--planb", "russia", "-n", "0", "-o", str(out)])
    assert result.exit_code == 2 and "ACTOR:PARTNER" in result.output


def test_coalitions_note_says_one_coalition_where_no_relation_splits_them():
    # Three actors within 4 points, no relation: one coalition of all three. The note said
    # "the hostile relations alone ... set the coalitions", where no relation exists.
    spec = {
        "title": "Three",
        "actors": [{"id": k, "name": k.upper(), "capability": 1} for k in "abc"],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    k: {"position": 50 + 2 * n, "salience": 0.5} for n, k in enumerate("abc")
                },
            }
        ],
    }
    page = render_html(gather(parse_scenario(spec), sections=["coalitions"]))
    assert "no two of them are hostile: one coalition holds them all." in page
    assert "hostile relations alone" not in page

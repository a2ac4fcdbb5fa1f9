"""Report figures a reader can use: axis titles, one style per actor, readable tree labels,
one Plan B story, human names in the sensitivity table, plotly.js once, dated news."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import InputError
from realpolitik.report import build_report, gather, render_html
from realpolitik.report.figures import relation_series_figure, trajectories_figure
from realpolitik.report.html import build_figures, plotly_js, plotly_script, report_styles
from realpolitik.report.names import input_label, output_label
from realpolitik.report.style import ACTOR_PALETTE, actor_styles
from realpolitik.report.tree import escalation_figure, overlaps, tree_pixels
from realpolitik.scenario import load_scenario, parse_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def syria() -> dict:
    """Syria's figures without Monte Carlo or Plan B (the quick sections)."""
    return gather(
        load_scenario("syria-2020"), n_runs=0, sections=["trajectories", "network", "escalation"]
    )


# --------------------------------------------------------------------------------------------
# Axis titles
# --------------------------------------------------------------------------------------------
def _axes(fig, letter: str) -> dict:
    layout = fig.layout.to_plotly_json()
    return {k: v for k, v in layout.items() if re.fullmatch(f"{letter}axis\\d*", k)}


def test_every_panel_of_the_rounds_has_a_y_title_and_each_column_an_x_title(syria):
    fig = build_figures(syria)["trajectories"]
    y_axes = _axes(fig, "y")
    assert len(y_axes) == len(syria["trajectories"]["issues"])  # one panel per issue
    for name, axis in y_axes.items():
        assert axis["title"]["text"] == "position (0–100)", name
    # Six issues in two columns: the x axes of the last row (panels 5 and 6) read "round".
    titled = {k: v["title"]["text"] for k, v in _axes(fig, "x").items() if v.get("title")}
    assert list(titled) == ["xaxis5", "xaxis6"]
    assert all(v.startswith("round") for v in titled.values())


def test_the_rounds_zoom_on_the_moves_and_say_so(syria):
    fig = build_figures(syria)["trajectories"]
    lines = [a["positions"] for i in syria["trajectories"]["issues"] for a in i["actors"]]
    # The last round at which anyone moves more than 0.05 points, found by brute force.
    settled = max(k for ys in lines for k in range(1, len(ys)) if abs(ys[k] - ys[k - 1]) > 0.05)
    n = syria["trajectories"]["n_rounds"]
    assert n > settled + 5  # syria settles long before its last round
    title = fig.layout.xaxis5.title.text
    assert title == f"round (no one moves after round {settled}; {n} in all)"
    lo, hi = fig.layout.xaxis.range
    assert lo < 0 and settled < hi < n
    # A marker wherever a line moves, none where it is flat.
    for trace, ys in zip(fig.data, lines, strict=True):
        sizes = list(trace.marker.size)
        assert sizes[0] > 0
        for k in range(1, len(ys)):
            assert (sizes[k] > 0) == (abs(ys[k] - ys[k - 1]) > 0.05)


def test_an_odd_number_of_issues_titles_the_lowest_panel_of_each_column():
    # Three issues in two columns: issue 3 is alone in row 2, column 2 ends with issue 2.
    section = {
        "model": "mean",
        "issues": [
            {
                "title": t,
                "actors": [{"id": "a", "name": "A", "rounds": [0, 1], "positions": [0, 1]}],
            }
            for t in ("one", "two", "three")
        ],
    }
    fig = trajectories_figure(section, ["a"])
    titled = {k for k, v in _axes(fig, "x").items() if v.get("title")}
    assert titled == {"xaxis2", "xaxis3"}


def test_relation_series_has_both_axis_titles_and_human_pair_names():
    series = {
        "window_days": 30,
        "days": ["2020-01-01", "2020-01-02"],
        "pairs": [{"between": ["a", "b"], "scores": [0.1, -0.2], "counts": [1, 2]}],
        "crossings": [],
    }
    fig = relation_series_figure(series, names={"a": "Alpha", "b": "Beta"})
    assert fig.layout.xaxis.title.text == "date (score over the 30 days up to it)"
    assert fig.layout.yaxis.title.text == "relation score (−1 hostile, +1 cooperative)"
    assert [t.name for t in fig.data] == ["Alpha - Beta"]
    assert fig.layout.margin.r >= 80  # the relation types' names beside the plot are not cut


# --------------------------------------------------------------------------------------------
# One style per actor
# --------------------------------------------------------------------------------------------
def test_actor_styles_are_distinct_for_thirty_actors():
    ids = [f"a{k}" for k in range(30)]
    styles = actor_styles(ids)
    looks = {(s["color"], s["dash"]) for s in styles.values()}
    assert len(looks) == 30  # colour and dash alone tell 30 actors apart (lcm(10, 3) = 30)
    assert [styles[a]["color"] for a in ids[:10]] == list(ACTOR_PALETTE)  # ten distinct hues
    assert len(set(ACTOR_PALETTE)) == 10


def test_the_same_actor_has_the_same_colour_in_every_figure(syria):
    figs = build_figures(syria)
    styles = report_styles(syria)
    s = load_scenario("syria-2020")
    assert list(styles) == s.actor_ids  # the scenario's order

    rounds = {t.legendgroup: t.line.color for t in figs["trajectories"].data}
    nodes = figs["network"].data[-1]
    names = {a.name: a.id for a in s.actors}
    network = {names[n]: c for n, c in zip(nodes.text, nodes.marker.color, strict=True)}
    tree_id = syria["escalation"]["trees"][0]["id"]
    tree = syria["escalation"]["trees"][0]
    decisions = next(
        t for t in figs[f"escalation-{tree_id}"].data if (t.name or "").startswith("decision")
    )
    deciders = {n["actor"] for n in tree["nodes"]}
    for actor in s.actor_ids:
        assert rounds[actor] == network[actor] == styles[actor]["color"], actor
    assert set(decisions.marker.color) == {styles[a]["color"] for a in deciders}
    # Syria's actors (at most ten) all have colours of their own.
    assert len({styles[a]["color"] for a in s.actor_ids}) == len(s.actor_ids) <= 10


def test_actors_in_one_panel_never_share_a_line_style(syria):
    fig = build_figures(syria)["trajectories"]
    panels: dict[str, list] = {}
    for t in fig.data:
        panels.setdefault(t.yaxis, []).append((t.line.color, t.line.dash, t.marker.symbol))
    for axis, looks in panels.items():
        assert len(set(looks)) == len(looks), axis
    assert all(t.mode == "lines+markers" for t in fig.data)  # markers show lines beneath others


# --------------------------------------------------------------------------------------------
# The escalation tree's labels
# --------------------------------------------------------------------------------------------
LONG = "an option whose title is much longer than any one line of the drawing"


def crowded_tree() -> dict:
    """Three levels, long titles on every option and outcome, leaves at two depths."""
    return {
        "id": "t",
        "title": "crowded",
        "root": "r",
        "nodes": [
            {
                "id": "r",
                "actor": "a",
                "actor_name": "The Very Long Named First Actor",
                "options": [
                    {"id": "x", "title": LONG, "outcome": "o1"},
                    {"id": "y", "title": LONG, "next": "n"},
                    {"id": "z", "title": "z", "outcome": "o2"},
                ],
            },
            {
                "id": "n",
                "actor": "b",
                "actor_name": "B",
                "options": [
                    {"id": f"q{k}", "title": f"{LONG} {k}", "outcome": f"p{k}"} for k in range(4)
                ],
            },
        ],
        "outcomes": [{"id": o, "title": LONG} for o in ("o1", "o2", "p0", "p1", "p2", "p3")],
    }


def _check_boxes(laid: dict) -> None:
    boxes = laid["boxes"]
    for k, a in enumerate(boxes):
        assert a["x"] - a["w"] / 2 >= 0 and a["x"] + a["w"] / 2 <= laid["width"], a
        assert a["y"] - a["h"] / 2 >= 0 and a["y"] + a["h"] / 2 <= laid["height"], a
        for b in boxes[k + 1 :]:
            assert not overlaps(a, b), (a, b)


def test_crowded_tree_labels_are_wrapped_apart_and_inside():
    tree = crowded_tree()
    choices = {"r": {"x": 0.2, "y": 0.5, "z": 0.3}, "n": {f"q{k}": 0.25 for k in range(4)}}
    intervals = {"n": {f"q{k}": [0.1, 0.4] for k in range(4)}}
    laid = tree_pixels(tree, choices, {"o1": 0.2, "p0": 0.5}, intervals)
    _check_boxes(laid)
    # 3 + 4 options, 2 decisions, 6 outcomes: a box for each label and each marker.
    kinds = [b["kind"] for b in laid["boxes"]]
    assert kinds.count("option") == 7 and kinds.count("actor") == 2 and kinds.count("outcome") == 6
    assert kinds.count("marker") == 8
    fig = escalation_figure(tree, choices, {"o1": 0.2, "p0": 0.5}, intervals)
    # The figure is drawn at exactly that size, one data unit per pixel.
    assert fig.layout.width == pytest.approx(laid["width"], abs=1)
    assert tuple(fig.layout.yaxis.range) == (fig.layout.height - 50, 0)
    for note in fig.layout.annotations:
        for line in re.sub("</?b>", "", note.text).split("<br>"):
            assert len(line) <= 14 or " " not in line, line  # wrapped at 14 characters
    assert len(fig.layout.annotations) == 15


def test_syria_tree_labels_do_not_overlap(syria):
    from realpolitik.report.html import choice_intervals, escalation_probabilities

    entry = syria["escalation"]["trees"][0]
    choices, outcomes = escalation_probabilities(entry)
    laid = tree_pixels(entry, choices, outcomes, choice_intervals(syria, entry["id"]))
    _check_boxes(laid)
    fig = build_figures(syria)[f"escalation-{entry['id']}"]
    assert fig.layout.width == pytest.approx(laid["width"], abs=1)
    assert '<div class="figure fixed"' in render_html(syria)  # it scrolls, never shrinks


# --------------------------------------------------------------------------------------------
# One Plan B story
# --------------------------------------------------------------------------------------------
def _planb_sentences(data: dict, actor: str) -> list[dict]:
    (entry,) = [a for a in data["explanations"]["actors"] if a["actor"] == actor]
    return [s for s in entry["sentences"] if s["topic"] == "planb"]


def _assert_one_story(data: dict) -> None:
    asked = set()
    for q in data["planb"]["questions"]:
        if q["actor"] in asked:
            continue  # an actor's explanation tells its first question
        asked.add(q["actor"])
        told = _planb_sentences(data, q["actor"])
        lost = [s["data"]["without"] for s in told if "without" in s["data"]]
        assert lost == [q["without"]], q["actor"]
        named = [s["data"]["candidate"] for s in told if "candidate" in s["data"]]
        assert named and set(named) == {q["result"]["best"]}, (q["actor"], named)
        page = render_html(data)
        verdict = re.search(
            f'<p class="planb-verdict" data-actor="{q["actor"]}" data-without="{q["without"]}" '
            f'data-best="{q["result"]["best"] or ""}">',
            page,
        )
        assert verdict is not None


@pytest.mark.parametrize("shocks", [[], ["iran-support-lost"]])
def test_plan_b_section_and_explanations_agree_on_syria(shocks):
    s = load_scenario("syria-2020")
    data = gather(s, shocks, n_runs=0, sections=["planb", "explanations"])
    _assert_one_story(data)
    (q,) = data["planb"]["questions"]
    assert (q["actor"], q["without"]) == ("russia", "iran")
    if shocks:
        # The explanations describe the shocked world, where Iran is gone: left to itself,
        # Russia's explanation would lose another partner than the Plan B section does.
        from realpolitik.analysis.explain import explain_actor
        from realpolitik.scenario.shocks import apply_shocks

        alone = explain_actor(apply_shocks(s, shocks), "russia")
        assert alone.planb is not None and alone.planb.without != "iran"


def test_plan_b_section_and_explanations_agree_on_cuba():
    s = load_scenario(EXAMPLES / "scenarios" / "cuba-1962.yaml")
    data = gather(s, n_runs=0, sections=["planb", "explanations"], planb=[("ussr", "cuba")])
    _assert_one_story(data)
    assert _planb_sentences(data, "ussr")[0]["text"].startswith("Losing Cuba would")
    # Turkey's own Plan B cannot be ranked by eum-rel: its explanation says so, and the other
    # explanations are still there.
    (turkey,) = _planb_sentences(data, "turkey")
    assert turkey["text"].startswith("No Plan B is ranked for Turkey without United States:")
    assert len(data["explanations"]["actors"]) == len(s.actors)


def test_a_tie_is_told_as_a_tie_not_as_no_one_left():
    from realpolitik.analysis.explain import _planb
    from realpolitik.analysis.planb import plan_b

    s = load_scenario("syria-2020")
    pb = plan_b(s, "russia", "iran")
    names = {a.id: a.name for a in s.actors}
    from realpolitik.analysis.explain import _Cite

    text = " ".join(x.text for x in _planb(s, pb, names, _Cite(s)))
    assert "No other actor is left" not in text  # russia has candidates


# --------------------------------------------------------------------------------------------
# Human names in the sensitivity table
# --------------------------------------------------------------------------------------------
def test_input_and_output_names():
    s = {
        "actors": [{"id": "ru", "name": "Russia"}, {"id": "ir", "name": "Iran"}],
        "issues": [{"id": "bases", "title": "Russian bases"}],
    }
    e = {
        "trees": [
            {
                "id": "t",
                "nodes": [{"options": [{"id": "war", "title": "go to war"}]}],
                "outcomes": [{"id": "o", "title": "open war"}],
            }
        ]
    }
    assert input_label("actors[ru].capability", s) == "capability of Russia"
    assert (
        input_label("issues[bases].positions.ir.position", s) == "position of Iran on Russian bases"
    )
    assert (
        input_label("issues[bases].positions.ir.salience", s) == "salience of Russian bases to Iran"
    )
    assert input_label("escalation[t].outcomes[o].costs.ru", s, e) == "cost to Russia of “open war”"
    assert output_label("forecast[bases]", s) == "forecast on Russian bases"
    assert output_label("path[war → absorb]", s, e) == "probability of the path go to war → absorb"
    assert input_label("weird.path", s) == "weird.path"


def test_sensitivity_table_shows_names_and_keeps_the_paths():
    data = gather(load_scenario("syria-2020"), n_runs=30, seed=1, sections=["montecarlo"])
    page = render_html(data)
    table = page[page.index('<table class="sensitivity">') :]
    table = table[: table.index("</table>")]
    paths = re.findall(r'data-path="([^"]+)"', table)
    assert any(p.startswith("actors[") for p in paths)
    for row in data["montecarlo"]["result"]["sensitivity"]:
        if row["input"] in paths:
            label = html.escape(input_label(row["input"], data["scenario"]))
            assert f'title="{row["input"]}" data-path="{row["input"]}">{label}</span>' in table
    # The first column speaks of issues by title; no raw path is shown as a name.
    names = re.findall(r'data-path="[^"]+">([^<]+)</', table)
    assert names and not any("[" in n for n in names)
    s = load_scenario("syria-2020")
    assert f">forecast on {html.escape(s.issues[0].title)}</td>" in table


# --------------------------------------------------------------------------------------------
# plotly.js once, or from a local copy
# --------------------------------------------------------------------------------------------
def test_plotly_is_embedded_once_for_all_figures(syria):
    page = render_html(syria)
    assert page.count('data-figure="') >= 3
    bundle = plotly_js()
    assert page.count(bundle[:2000]) == 1
    assert page.count(bundle[-2000:]) == 1
    assert len(re.findall(r"plotly\.js v\d", page)) == 1


def test_plotly_local_and_cdn(syria):
    page = render_html(syria, plotly="local:vendor/plotly.min.js")
    assert plotly_js()[:2000] not in page
    assert page.count('<script src="vendor/plotly.min.js" charset="utf-8"></script>') == 1
    cdn = render_html(syria, plotly="cdn")
    assert re.search(r'<script src="https://cdn\.plot\.ly/plotly-\d+\.\d+\.\d+\.min\.js"', cdn)
    assert len(page) < len(render_html(syria)) - 4_000_000  # the bundle is most of the file


@pytest.mark.parametrize("bad", ["local:", "local", "online", "cdn:x"])
def test_bad_plotly_values_are_refused(bad):
    with pytest.raises(InputError, match="plotly must be one of inline, local:PATH, cdn"):
        plotly_script(bad)


def test_bad_plotly_fails_before_any_analysis(monkeypatch):
    from realpolitik.report import data as report_data

    def boom(*a, **k):
        raise AssertionError("computed")

    monkeypatch.setattr(report_data, "forecast", boom)
    with pytest.raises(InputError, match="plotly must be"):
        build_report(load_scenario("syria-2020"), plotly="nope")


def test_cli_plotly_local(tmp_path: Path):
    raw = {
        "title": "Toy",
        "actors": [
            {"id": "a", "name": "A", "capability": 1},
            {"id": "b", "name": "B", "capability": 3},
        ],
        "issues": [
            {
                "id": "x",
                "title": "X",
                "positions": {
                    "a": {"position": 0, "salience": 1},
                    "b": {"position": 100, "salience": 1},
                },
            }
        ],
    }
    path = tmp_path / "toy.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(path), "-n", "0", "-o", str(out)]
    result = runner.invoke(app, [*args, "--plotly", "local:plotly.min.js"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<script src="plotly.min.js"' in page and len(page) < 1_000_000
    result = runner.invoke(app, [*args, "--plotly", "web"])
    assert result.exit_code == 2 and "plotly must be one of" in result.output


# --------------------------------------------------------------------------------------------
# Dated news
# --------------------------------------------------------------------------------------------
def test_dated_news_adds_the_relations_over_time():
    from realpolitik.ingest.run import event_series

    series, _, _ = event_series([str(EXAMPLES / "news")], scenario="syria-2020")
    data = gather(load_scenario("syria-2020"), n_runs=0, sections=["forecast"], events=series)
    assert data["events"]["days"] == [str(d) for d in series.days]
    fig = build_figures(data)["events"]
    assert fig.layout.xaxis.title.text.startswith("date")
    assert fig.layout.yaxis.title.text.startswith("relation score")
    assert "Turkey - Germany" in [t.name for t in fig.data]  # names, not ids
    page = render_html(data)
    assert '<h2 id="events">' in page and 'id="fig-events"' in page
    first = series.crossings[0]
    assert f"<td>{first.date}</td><td>Turkey – Germany</td>" in page
    json.dumps(data, allow_nan=False)


def test_cli_report_with_events(tmp_path: Path, monkeypatch):
    from realpolitik.report import data as report_data

    keep = report_data.check_options

    def quick(scenario, shocks, **options):  # only the forecast: the events are the point here
        return keep(scenario, shocks, **{**options, "sections": ["forecast"]})

    monkeypatch.setattr(report_data, "check_options", quick)
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "syria-2020", "-n", "0", "--events", str(EXAMPLES / "news"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'id="fig-events"' in page and "Relations over time" in page
    result = runner.invoke(
        app, ["report", "syria-2020", "-n", "0", "--events", str(tmp_path / "none"), "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_report_without_events_has_no_events_section():
    data = gather(parse_scenario({
        "title": "t",
        "actors": [{"id": "a", "name": "A", "capability": 1}],
        "issues": [{"id": "x", "title": "X", "positions": {"a": {"position": 5, "salience": 1}}}],
    }), n_runs=0, sections=["forecast"])  # fmt: skip
    assert "events" not in data and '<h2 id="events">' not in render_html(data)

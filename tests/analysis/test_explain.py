"""Explanations: the numbers and the evidence each sentence must carry."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from realpolitik.analysis.explain import TOPICS, explain_actor, partner_losses
from realpolitik.analysis.planb import plan_b
from realpolitik.cli import app
from realpolitik.engine.utility import expected_outcome
from realpolitik.exceptions import InputError
from realpolitik.forecasting import forecast
from realpolitik.scenario import apply_shocks, load_scenario, parse_scenario, to_state


@pytest.fixture(scope="module")
def syria():
    return load_scenario("syria-2020")


@pytest.fixture(scope="module")
def russia(syria):
    return explain_actor(syria, "russia")


def _resolve(s, path):
    """Follow a cited path (``issues[0].positions.russia.salience``) through the scenario."""
    obj = s
    for name, index in re.findall(r"([a-z_\-]+)(?:\[(\d+)\])?", path):
        if isinstance(obj, dict):
            obj = obj[name]
        else:
            obj = getattr(obj, name)
        if index:
            obj = obj[int(index)]
    return obj


def _quotes(sentence, path):
    return [e.quote for p, m in sentence.citations if p == path for e in m.evidence]


def _two_actors(**extra):
    """A (capability 1) at 0 with salience 1 and B (3) at 100 with salience 0.5 on one issue."""
    return parse_scenario(
        {
            "title": "t",
            "actors": [
                {"id": "a", "name": "A", "capability": 1},
                {"id": "b", "name": "B", "capability": 3},
            ],
            "issues": [
                {
                    "id": "x",
                    "title": "X",
                    "low": "none",
                    "high": "all",
                    "positions": {
                        "a": {"position": 0, "salience": 1, "evidence": ["A wants none."]},
                        "b": {"position": 100, "salience": 0.5},
                    },
                }
            ],
            **extra,
        }
    )


def test_small_scenario_by_hand():
    s = _two_actors()
    e = explain_actor(s, "a", model="mean")
    # mean: (1*1*0 + 3*0.5*100) / 2.5 = 60; A's outcome 1 - 60/100 = 0.4.
    summary, issue = e.by_topic("wants")
    assert summary.data["outcome"] == pytest.approx(0.4)
    assert "0.40" in summary.text
    assert issue.data["forecast"] == pytest.approx(60.0)
    assert "stands at 0 with salience 1" in issue.text and "forecast is 60.0" in issue.text
    assert "(0: none, 100: all)" in issue.text
    assert _quotes(issue, "issues[0].positions.a.position") == ["A wants none."]
    assert e.by_topic("offers")[0].data == {"accepted": [], "made": []}
    assert e.planb is None and "no cooperative partner" in e.by_topic("planb")[0].text


def test_partner_losses_by_hand():
    # a at 100, p at 100 (its partner), o at 0, equal weights; mean model.
    s = parse_scenario(
        {
            "title": "t",
            "actors": [{"id": k, "name": k, "capability": 1} for k in ("a", "p", "q", "o")],
            "issues": [
                {
                    "id": "x",
                    "title": "X",
                    "positions": {
                        "a": {"position": 100, "salience": 1},
                        "p": {"position": 100, "salience": 1},
                        "q": {"position": 50, "salience": 1},
                        "o": {"position": 0, "salience": 1},
                    },
                }
            ],
            "relations": [
                {"between": ["a", "p"], "type": "partnership"},
                {"between": ["q", "a"], "type": "alignment"},
                {"between": ["a", "o"], "type": "rivalry"},
            ],
        }
    )
    # The mean with all: 62.5; without p: 50; without q: 66.67. a's affinities: p 0.6 / 2 = 0.3
    # (no commitment), q 0.3 / 2 = 0.15, o -0.3; relational outcome V = U + (1/2) sum A U_j.
    # With all: 0.625 + 0.5 (0.3 * 0.625 + 0.15 * 0.875 - 0.3 * 0.375) = 0.728125.
    # Without p: 0.5 + 0.5 (0.15 * 1.0 - 0.3 * 0.5) = 0.5.
    # Without q: 2/3 + 0.5 (0.3 * 2/3 - 0.3 * 1/3) = 2/3 + 0.05: a minds losing its friend q a
    # little, although the forecast moves its way.
    losses = partner_losses(s, "a", model="mean")
    assert list(losses) == ["p", "q"]
    assert losses["p"] == pytest.approx(0.728125 - 0.5)
    assert losses["q"] == pytest.approx(0.728125 - (2 / 3 + 0.05))
    by_median = partner_losses(s, "a", model="median")
    assert by_median["p"] == pytest.approx(plan_b(s, "a", "p", model="median").loss)


def test_what_russia_wants(syria, russia):
    wants = {s.data.get("issue"): s for s in russia.by_topic("wants")}
    assad = wants["assad"]
    assert "stands at 80 with salience 0.7" in assad.text
    assert "The Assad regime's future" in assad.text
    assert "It was important to Putin that Assad didn't stand alone." in " ".join(
        _quotes(assad, "issues[0].positions.russia.salience")
    )
    bases = wants["russian-bases"]
    assert bases.data["salience"] == 0.9
    # The summary names the issue it cares most about and the outcome computed independently.
    summary = wants[None]
    assert summary.data["top_issue"] == "russian-bases"
    st, ids, _ = to_state(syria)
    u = expected_outcome(
        st.position, st.salience, st.present, forecast(syria, model="eum-rel").forecasts["eum-rel"]
    )[ids.index("russia")]
    assert summary.data["outcome"] == pytest.approx(u)
    assert f"{u:.2f}" in summary.text


def test_who_russia_stands_with(russia):
    rel = {s.data["kind"]: s for s in russia.by_topic("relations") if "kind" in s.data}
    assert "no firm ally" in rel["firm"].text
    loose = rel["loose"]
    assert "Iran (alignment, weight +0.30)" in loose.text
    assert "Turkey (partnership, weight +0.40)" in loose.text
    assert "only Russia is committed" in loose.text  # the one-way partnership with Assad
    assert any(
        "avoided any kind of serious commitment" in q for q in _quotes(loose, "relations[0]")
    )
    assert _quotes(loose, "relations[7].weight")  # Turkey's weight has its own evidence
    assert "United States (rivalry, weight −0.30)" in rel["hostile"].text
    assert set(rel["bloc"].data["actors"]) == {"iran", "assad", "hezbollah"}


def test_offers_come_from_the_forecast(syria, russia):
    offers = forecast(syria, model="eum-rel").offers("eum-rel")
    accepted, made = russia.by_topic("offers")
    n_acc = sum(o.actor == "russia" for o in offers)
    n_made = sum(o.proposer == "russia" for o in offers)
    assert len(accepted.data["accepted"]) == n_acc and f"accepts {n_acc} offer" in accepted.text
    assert len(made.data["made"]) == n_made and made.text.startswith(f"{n_made} of Russia's")


def test_shocks(syria, russia):
    by_shock = {s.data["shock"]: s for s in russia.by_topic("shocks")}
    assert set(by_shock) == {sh.id for sh in syria.shocks}
    lost = by_shock["iran-support-lost"]
    shocked = apply_shocks(syria, ["iran-support-lost"])
    st, ids, _ = to_state(shocked)
    u = expected_outcome(
        st.position,
        st.salience,
        st.present,
        forecast(shocked, model="eum-rel").forecasts["eum-rel"],
    )[ids.index("russia")]
    assert lost.data["outcome"] == pytest.approx(u)
    assert f"to {u:.2f}" in lost.text and "falls" in lost.text
    assert lost.data["issue"] == "assad"
    assert any("if Iranian support ceases" in q for q in _quotes(lost, "shocks[3].edits[0]"))


def test_a_shock_that_moves_the_actor_is_measured_by_what_it_wanted():
    # A gives way (its position set to B's): the forecast goes to 100, which is the far end of
    # the scale from what A wanted. By hand, mean model: before (1*1*0 + 3*0.5*100) / 2.5 = 60,
    # outcome 1 - 60/100 = 0.4; after, both at 100, outcome 1 - 100/100 = 0 (measured against
    # A's own new position it would have read 1.0, "rises").
    s = _two_actors(
        shocks=[
            {
                "id": "a-gives-way",
                "title": "A gives way",
                "edits": [
                    {
                        "op": "set-position",
                        "actor": "a",
                        "issue": "x",
                        "value": 100,
                        "assumption": "A concedes.",
                    }
                ],
            }
        ]
    )
    (sentence,) = explain_actor(s, "a", model="mean").by_topic("shocks")
    assert sentence.data["baseline"] == pytest.approx(0.4)
    assert sentence.data["outcome"] == pytest.approx(0.0)
    assert "falls from 0.40 to 0.00" in sentence.text


def test_plan_b_sentences(syria, russia):
    # Iran is chosen because losing it costs Russia the most of its partners.
    losses = partner_losses(syria, "russia")
    assert next(iter(losses)) == "iran"
    assert russia.planb.without == "iran"
    loss, best, price, partner = russia.by_topic("planb")[:4]
    assert loss.data["loss"] == pytest.approx(losses["iran"])
    assert "Losing Iran" in loss.text
    assert best.data["candidate"] == "turkey"
    assert "best Plan B is Turkey" in best.text and "meets every rule" in best.text
    assert [p for p, _ in best.citations if "partner_rules" in p] == [
        "actors[0].partner_rules[0]",
        "actors[0].partner_rules[1]",
        "actors[0].partner_rules[2]",
    ]
    pb = plan_b(syria, "russia", "iran")
    k = "kurdish-autonomy"
    assert price.data["price"][k] == pytest.approx(pb.best.price[k])
    assert f"{pb.best.price[k]:.1f} points on Kurdish autonomy in northern Syria" in price.text
    assert "toward 'No Kurdish self-rule'" in price.text
    assert "Erdogan launched a military operation against the Syria-based Kurds" in _quotes(
        price, "issues[4].positions.turkey.position"
    )
    assert "gains too" in partner.text


def test_every_citation_resolves_and_is_justified(syria, russia):
    assert [s.topic for s in russia.sentences] == sorted(
        (s.topic for s in russia.sentences), key=TOPICS.index
    )
    for sentence in russia.sentences:
        if re.search(r"\d", sentence.text):
            assert sentence.citations, sentence.text
        for path, meta in sentence.citations:
            _resolve(syria, path)  # raises if the path does not exist
            assert meta.evidence or meta.assumption, path


def test_text_and_json(russia):
    text = russia.to_text()
    assert "Inputs cited:" in text
    assert re.search(
        r"\[\d+\] issues\[0\]\.positions\.turkey\.position: “The Turkish president would prefer him gone”",
        text,
    )
    assert "Inputs cited:" not in russia.to_text(evidence=False)
    data = json.loads(json.dumps(russia.to_dict(), allow_nan=False))
    assert data["actor"] == "russia" and data["without"] == "iran"
    assert all({"topic", "text", "citations", "data"} <= set(s) for s in data["sentences"])


def test_unknown_actor(syria):
    with pytest.raises(InputError, match="unknown actor 'rusia'; actors: russia, iran"):
        explain_actor(syria, "rusia")


def test_explain_command():
    runner = CliRunner()
    res = runner.invoke(app, ["explain", "--actor", "russia", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["name"] == "Russia"
    res = runner.invoke(app, ["explain", "--actor", "turkey", "--without", "russia"])
    assert res.exit_code == 0, res.output
    assert "Turkey" in res.stdout and "Losing Russia" in res.stdout
    res = runner.invoke(app, ["explain", "--actor", "nobody"])
    assert res.exit_code == 2 and "unknown actor 'nobody'" in res.stderr


def test_an_actor_with_a_military_figure_is_explained_with_it_and_its_fights(syria):
    """Iran: SIPRI's 12.6 (7th of the 8 actors with a figure: US 732, Russia 65.1, France 50.1,
    Germany 49.3, Israel 20.5, Turkey 20.4, then Iran; Hezbollah 0.7 last); in the US-Iran war
    it prevails with 12.6 / (12.6 + 732) = 0.0169."""
    e = explain_actor(syria, "iran")
    (armed,) = [s for s in e.by_topic("actor") if "military" in s.data]
    assert armed.data == {"military": 12.6, "military_rank": 7}
    assert "military figure, 12.6, 7th of the 8 actors" in armed.text
    assert [path for path, _ in armed.citations] == ["actors[1].military"]
    assert "SIPRI" in armed.citations[0][1].assumption
    (war,) = [s for s in e.by_topic("shocks") if s.data.get("shock") == "us-iran-war"]
    (fight,) = war.data["fights"]
    assert fight["against"] == ["us"] and fight["basis"] == "military"
    assert fight["probability"] == pytest.approx(12.6 / 744.6)
    assert "prevails with 0.02 (from the sides' military figures)" in war.text
    calm = [s for s in e.by_topic("shocks") if s.data.get("shock") == "russia-backs-iran"]
    assert calm and calm[0].data["fights"] == []

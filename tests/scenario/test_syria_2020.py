"""The built-in scenario: what the foundation issue requires of it, checked against the article."""

from __future__ import annotations

import re

import pytest

from realpolitik.scenario import load_scenario


def _normalise(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # markdown links keep their words
    text = text.replace("*", "")
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario("syria-2020")


def test_required_actors_issues_and_shocks(scenario):
    for actor in (
        "russia",
        "iran",
        "assad",
        "hezbollah",
        "us",
        "israel",
        "turkey",
        "kurds",
        "france",
        "germany",
    ):
        assert actor in scenario.actor_ids
    assert len(scenario.issues) >= 4
    shocks = {s.id for s in scenario.shocks}
    assert {"iran-strikes-israel", "us-iran-war", "iran-support-lost"} <= shocks


def test_russia_is_aligned_with_iran_not_allied(scenario):
    r = scenario.relation("russia", "iran")
    assert r.type == "alignment" and r.commitment == "none"
    assert any("mutual commitments" in e.quote for e in r.cite("weight").evidence)


def test_every_evidence_quote_is_in_the_article(scenario, seed_article):
    article = _normalise(seed_article.read_text(encoding="utf-8"))
    quotes = []
    for a in scenario.actors:
        quotes += [e.quote for e in a.cite("capability").evidence]
    for i in scenario.issues:
        quotes += [e.quote for e in i.cite("status_quo").evidence]
        for p in i.positions.values():
            quotes += [e.quote for e in p.cite("position").evidence + p.cite("salience").evidence]
    for r in scenario.relations:
        quotes += [e.quote for e in r.cite("weight").evidence]
    for s in scenario.shocks:
        for e in s.edits:
            quotes += [ev.quote for ev in e.evidence]
    assert len(quotes) > 50
    missing = [q for q in quotes if _normalise(q) not in article]
    assert missing == []


def test_every_number_has_evidence_or_assumption(scenario):
    def cited(obj, field):
        m = obj.cite(field)
        return bool(m.evidence) or bool(m.assumption)

    bare = [a.id for a in scenario.actors if not cited(a, "capability")]
    for i in scenario.issues:
        if i.status_quo is not None and not cited(i, "status_quo"):
            bare.append(f"{i.id}.status_quo")
        for actor, p in i.positions.items():
            for field in ("position", "salience"):
                if not cited(p, field):
                    bare.append(f"{i.id}.{actor}.{field}")
    bare += ["-".join(r.between) for r in scenario.relations if not cited(r, "weight")]
    assert bare == []

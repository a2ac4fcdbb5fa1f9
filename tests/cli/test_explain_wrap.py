"""``explain`` at the terminal's width: wrapped paragraphs, each source listed once."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from realpolitik import explain_actor, load_scenario
from realpolitik.cli import app
from realpolitik.cli._explain import meta_items, wrap_explanation

runner = CliRunner()
HEADING = "Sources and assumptions cited:"


def explain(width: int, *args: str) -> str:
    r = runner.invoke(
        app,
        ["explain", "syria-2020", "--actor", "turkey", *args],
        terminal_width=width,
        env={"COLUMNS": str(width)},
    )
    assert r.exit_code == 0, r.output
    return r.stdout


def _refs(body: str) -> set[int]:
    out: set[int] = set()
    for a, b in re.findall(r"\[(\d+)(?:–(\d+))?\]", body):
        out |= set(range(int(a), int(b or a) + 1))
    return out


@pytest.fixture(scope="module")
def turkey():
    return explain_actor(load_scenario("syria-2020"), "turkey")


@pytest.mark.parametrize("width", [80, 60])
def test_every_line_fits_the_terminal(width):
    lines = explain(width).splitlines()
    assert max(len(line) for line in lines) <= width


def test_each_source_is_listed_once_and_every_mark_points_to_one(turkey):
    out = explain(80)
    body, notes = out.split(HEADING)
    # footnotes: "[n] text" at the start of a line, continuation lines indented
    numbers = [int(n) for n in re.findall(r"^\[(\d+)\] ", notes, flags=re.M)]
    assert numbers == list(range(1, len(numbers) + 1))
    # one footnote per distinct quote or assumption, counted from the sentences themselves
    distinct = {item for s in turkey.sentences for _, m in s.citations for item in meta_items(m)}
    assert len(numbers) == len(distinct)
    entries = re.split(r"^\[\d+\] ", notes, flags=re.M)[1:]
    texts = [" ".join(e.split()).rsplit(" — ", 1)[0] for e in entries]
    assert sorted(texts) == sorted(" ".join(t.split()) for t in distinct)  # each exactly once
    flat_notes = " ".join(notes.split())
    # every cited input path is named in the notes; every mark is a listed footnote and back
    for s in turkey.sentences:
        for path, _ in s.citations:
            assert path in flat_notes, path
    assert _refs(body) == set(numbers)


def test_text_is_the_explanation_unchanged_but_for_line_breaks(turkey):
    flat = " ".join(explain(80).split())
    for s in turkey.sentences:
        assert " ".join(s.text.split()) in flat, s.text
    # a move such as "25 → 95" is never split over two lines
    assert not re.search(r"→\s*$|^\s*→", explain(80), flags=re.M)


def test_no_evidence_means_no_marks_and_no_list():
    out = explain(80, "--no-evidence")
    assert HEADING not in out and not _refs(out)


def test_wrap_explanation_shares_a_number_between_inputs_with_the_same_source(turkey):
    text = wrap_explanation(turkey, width=200)
    # Turkey's position and salience on Kurdish autonomy cite the same quote: one footnote
    # naming both inputs
    line = next(x for x in text.splitlines() if "issues[4].positions.turkey.position" in x)
    assert "issues[4].positions.turkey.salience" in line

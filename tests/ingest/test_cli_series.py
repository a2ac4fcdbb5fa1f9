"""`ingest --format plover|gdelt` and `realpolitik events` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app

NEWS = Path(__file__).resolve().parents[2] / "examples" / "news"
runner = CliRunner()


def test_news_folder_has_enough_dated_articles():
    files = sorted(NEWS.glob("*.txt"))
    assert len(files) >= 50
    assert "written for" in (NEWS / "README.md").read_text(encoding="utf-8")


def test_ingest_plover_and_gdelt_formats(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("January 8, 2020\n\nIran fired missiles at bases housing American troops.")
    r = runner.invoke(app, ["ingest", str(f), "--format", "plover"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.stdout.splitlines()[0])
    assert (rec["event_type"], rec["date"], rec["source"][0]["code"]) == (
        "ASSAULT",
        "2020-01-08",
        "IRN",
    )
    r = runner.invoke(app, ["ingest", str(f), "--format", "gdelt"])
    assert r.exit_code == 0, r.output
    header, row = r.stdout.splitlines()
    assert header.split("\t")[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"]
    assert len(row.split("\t")) == 61 and row.split("\t")[1] == "20200108"


def test_events_on_the_news_folder(tmp_path):
    plot = tmp_path / "rel.html"
    r = runner.invoke(
        app,
        ["events", str(NEWS), "--scenario", "syria-2020", "--format", "json", "--plot", str(plot)],
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout[: r.stdout.rindex("}") + 1])
    assert data["window_days"] == 30 and len(data["days"]) == 117  # 2020-01-03 .. 2020-04-28
    wars = [(c["between"], c["date"]) for c in data["crossings"] if c["to"] == "war"]
    # the February clashes in Idlib: Turkey and the Assad regime cross into war
    assert (["assad", "turkey"], "2020-02-20") in wars
    crossing = next(c for c in data["crossings"] if c["between"] == ["assad", "turkey"])
    assert all(e["type"] == "ASSAULT" for e in crossing["evidence"][:5])
    assert data["shock"]["edits"] and all(e["evidence"] for e in data["shock"]["edits"])
    html = plot.read_text(encoding="utf-8")
    assert "Relations over time" in html and "assad - turkey" in html


def test_events_from_a_gdelt_file_match_the_articles(tmp_path):
    tsv = tmp_path / "events.tsv"
    r = runner.invoke(
        app, ["ingest", str(NEWS), "-s", "syria-2020", "--format", "gdelt", "-o", str(tsv)]
    )
    assert r.exit_code == 0, r.output
    a = runner.invoke(app, ["events", str(NEWS), "-s", "syria-2020", "--format", "json"])
    g = runner.invoke(app, ["events", "--gdelt", str(tsv), "-s", "syria-2020", "--format", "json"])
    assert a.exit_code == 0 and g.exit_code == 0, g.output
    da, dg = json.loads(a.stdout), json.loads(g.stdout)
    key = [(c["date"], c["between"], c["from"], c["to"]) for c in da["crossings"]]
    assert key == [(c["date"], c["between"], c["from"], c["to"]) for c in dg["crossings"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events"], "no input"),
        (["events", "--gdelt", "missing.tsv"], "missing.tsv: no such file"),
        (["events", str(NEWS), "--window", "0"], "--window must be at least 1"),
    ],
)
def test_events_bad_input_exit_2(args, message):
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert message in r.output

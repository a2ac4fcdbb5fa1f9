from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.ingest.run import CSV_COLUMNS
from realpolitik.scenario import load_scenario, parse_scenario, scenario_to_data

SEED = (
    Path(os.environ.get("REALPOLITIK_SHARED", Path(__file__).resolve().parents[3] / "shared"))
    / "seed"
    / "putin-plan-b-on-iran.txt"
)

runner = CliRunner()


def test_json_output_shape():
    r = runner.invoke(app, ["ingest", str(SEED), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    first = data["events"][0]
    assert set(first) >= {
        "sentence",
        "text",
        "source",
        "type",
        "mode",
        "target",
        "intensity",
        "date",
    }
    assert (first["type"], first["source"], first["target"]) == ("ASSAULT", ["us"], ["iran"])
    assert all(-10 <= e["intensity"] <= 10 for e in data["events"])


def test_csv_rows_are_directed_pairs(tmp_path):
    out = tmp_path / "events.csv"
    r = runner.invoke(app, ["ingest", str(SEED), "--format", "csv", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    # the reciprocal "the two cooperated" is two rows, one per direction
    coop = [
        (x["Actor1Name"], x["Actor2Name"])
        for x in rows
        if x["SentenceNumber"] == "46" and x["PloverType"] == "COOPERATE"
    ]
    assert sorted(coop) == [("russia", "turkey"), ("turkey", "russia")]
    kill = rows[0]
    assert (kill["Actor1Code"], kill["Actor2Code"], kill["EventRootCode"], kill["QuadClass"]) == (
        "USA",
        "IRN",
        "18",
        "4",
    )
    # no date in the sentence: the article's dateline fills SQLDATE
    assert (kill["SQLDATE"], kill["DateSource"]) == ("20200107", "article")


def test_stdin_and_folder(tmp_path):
    r = runner.invoke(app, ["ingest", "-", "--format", "json"], input="Iran urged Russia to act.")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["events"][0]["file"] == "<stdin>"
    (tmp_path / "a.txt").write_text("Turkey attacked the Kurds.")
    (tmp_path / "b.md").write_text("Putin met Erdogan.")
    r = runner.invoke(app, ["ingest", str(tmp_path), "--format", "json"])
    assert [e["file"] for e in json.loads(r.stdout)["events"]] == ["a.txt", "b.md"]


def test_propose_gives_a_block_that_the_scenario_accepts(tmp_path):
    r = runner.invoke(
        app, ["ingest", str(SEED), "--scenario", "syria-2020", "--propose", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    shock = data["shock"]
    assert shock["edits"], "the seed supports at least one relation update"
    for edit in shock["edits"]:
        assert edit["evidence"] and all("sentence" in ev["locator"] for ev in edit["evidence"])
    pasted = scenario_to_data(load_scenario("syria-2020"))
    pasted["shocks"].append(shock)
    parse_scenario(pasted)
    # the table form prints the same block as YAML
    r = runner.invoke(app, ["ingest", str(SEED), "--scenario", "syria-2020", "--propose"])
    assert r.exit_code == 0 and "shocks:" in r.stdout
    block = r.stdout[r.stdout.index("shocks:") :]
    assert yaml.safe_load(block)["shocks"][0]["id"] == shock["id"]


def test_apply_writes_a_new_scenario_that_check_accepts(tmp_path):
    out = tmp_path / "updated.yaml"
    r = runner.invoke(app, ["ingest", str(SEED), "--scenario", "syria-2020", "--apply", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["check", str(out)])
    assert r.exit_code == 0, r.output
    before = load_scenario("syria-2020").relation("russia", "turkey").weight
    after = load_scenario(out).relation("russia", "turkey").weight
    assert after > before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02binary\x00", "looks like a binary file"),
        (b"Caf\xe9", "is not UTF-8 text"),
    ],
)
def test_bad_input_exit_2_and_nothing_written(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out.json"
    r = runner.invoke(app, ["ingest", str(bad), "--format", "json", "--out", str(out)])
    assert r.exit_code == 2
    assert message in r.output
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_option_errors(tmp_path):
    r = runner.invoke(app, ["ingest", str(SEED), "--propose"])
    assert r.exit_code == 2 and "need --scenario" in r.output
    r = runner.invoke(app, ["ingest", str(SEED), "--encoding", "klingon"])
    assert r.exit_code == 2 and "unknown encoding" in r.output
    r = runner.invoke(app, ["ingest", str(SEED), "--max-bytes", "100"])
    assert r.exit_code == 2 and "too large" in r.output
    r = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2 and "no such file" in r.output

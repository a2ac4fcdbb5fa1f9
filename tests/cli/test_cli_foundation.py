from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(map(str, args)))


def test_scenarios_lists_builtin():
    r = run("scenarios")
    assert r.exit_code == 0 and "syria-2020" in r.output


def test_show_summarises():
    r = run("show")
    assert r.exit_code == 0
    for word in (
        "Actors",
        "Issues",
        "Relations",
        "Shocks",
        "russia",
        "alignment",
        "iran-support-lost",
    ):
        assert word in r.output


def test_check_valid_and_invalid(tmp_path, data_dir):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\nactors:\n  - {id: a, name: A, capability: -2}\nissues: []\n")
    r = run("check", "syria-2020", data_dir / "eum" / "sultan-oil.csv")
    assert r.exit_code == 0 and r.output.count("ok:") == 2
    r = run("check", "syria-2020", bad)
    assert r.exit_code == 2
    assert (
        "bad.yaml:3:34: actors[0].capability: input should be greater than or equal to 0; found -2"
        in r.output
    )
    assert "Traceback" not in r.output


def test_forecast_json_syria_mean_by_hand():
    r = run("forecast", "--format", "json", "--model", "mean")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    escalation = next(i for i in data["issues"] if i["id"] == "escalation")
    # capability x salience weighted mean, computed by hand from syria-2020.yaml:
    rows = [  # (capability, position, salience)
        (70, 15, 0.7),
        (45, 80, 0.9),
        (20, 10, 0.8),
        (15, 65, 0.6),
        (100, 50, 0.6),
        (45, 45, 0.7),
        (45, 20, 0.4),
        (12, 30, 0.3),
        (20, 10, 0.6),
        (18, 10, 0.6),
    ]
    expected = sum(c * p * s for c, p, s in rows) / sum(c * s for c, _, s in rows)
    assert escalation["forecast"]["mean"] == pytest.approx(expected, abs=1e-6)
    assert set(escalation["forecast"]) >= {"mean", "median"}


def _hand_mean_from_table(path):
    """Weighted mean straight from a BdM CSV, mapped to 0-100 by the column's range."""
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    key = {k.lower(): k for k in rows[0]}
    cap = [float(r[key["capability"]]) for r in rows]
    pos = [float(r[key["position"]]) for r in rows]
    sal = [float(r[key["salience"]]) for r in rows]
    mean = sum(c * s * p for c, s, p in zip(cap, sal, pos, strict=True)) / sum(
        c * s for c, s in zip(cap, sal, strict=True)
    )
    return 100 * (mean - min(pos)) / (max(pos) - min(pos))


def test_forecast_every_shared_table_in_range(data_dir):
    files = sorted((data_dir / "eum").glob("*.csv")) + sorted((data_dir / "ktab").glob("*.csv"))
    assert len(files) >= 13
    for path in files:
        r = run("forecast", path, "--format", "json", "--model", "mean", "--model", "median")
        assert r.exit_code == 0, (path, r.output)
        for issue in json.loads(r.output)["issues"]:
            for value in issue["forecast"].values():
                assert 0 <= value <= 100
        if path.parent.name == "eum":
            first = json.loads(r.output)["issues"][0]["forecast"]["mean"]
            assert first == pytest.approx(_hand_mean_from_table(path), abs=1e-6)


def test_forecast_csv_and_table():
    r = run("forecast", "--format", "csv", "--model", "median")
    assert r.exit_code == 0 and r.stdout.startswith("issue,title,mean,median")
    r = run("forecast")
    assert r.exit_code == 0 and "Assad" in r.output


def test_forecast_errors_exit_2():
    r = run("forecast", "--model", "oracle")
    assert r.exit_code == 2 and "unknown model 'oracle'" in r.output
    r = run("forecast", "nowhere.yaml")
    assert r.exit_code == 2 and "nowhere.yaml: file not found" in r.output


def test_convert_round_trip(tmp_path):
    out = tmp_path / "s.json"
    assert run("convert", "syria-2020", out).exit_code == 0
    assert run("check", out).exit_code == 0
    csv_out = tmp_path / "s.csv"
    r = run("convert", out, csv_out, "--form", "ktab")
    assert r.exit_code == 0 and "left out" in r.output
    assert "evidence and military figures were left out" in r.output  # syria-2020 has them
    assert run("check", csv_out).exit_code == 0
    r = run("convert", "syria-2020", tmp_path / "s.txt")
    assert r.exit_code == 2 and "cannot tell the output format" in r.output
    assert not (tmp_path / "s.txt").exists()


def test_deu_dataset_and_unknown_tables_get_a_hint(data_dir, tmp_path):
    r = run("forecast", data_dir / "deu" / "deu3.csv")
    assert r.exit_code == 2 and "realpolitik backtest" in r.output
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b,c,d\n1,2,3,4\n")
    r = run("check", odd)
    assert r.exit_code == 2 and "expected a Bueno de Mesquita table" in r.output


def test_engine_options_without_an_engine_model():
    r = run("forecast", "--model", "mean", "--rounds", "3")
    assert r.exit_code == 2
    assert (
        "--rounds only apply to models that move actors (eum, eum-rel); add --model eum" in r.output
    )


def test_output_path_that_is_a_folder(tmp_path):
    (tmp_path / "out.yaml").mkdir()
    r = run("convert", "syria-2020", tmp_path / "out.yaml")
    assert r.exit_code == 2 and "it is a folder" in r.output
    assert "Traceback" not in r.output


def test_convert_refuses_to_overwrite_its_input_and_misplaced_form(tmp_path):
    src = tmp_path / "s.yaml"
    assert run("convert", "syria-2020", src).exit_code == 0
    before = src.read_text()
    r = run("convert", src, src)
    assert r.exit_code == 2 and "is the file being converted" in r.output
    assert src.read_text() == before
    r = run("convert", src, tmp_path / "x.json", "--form", "ktab")
    assert r.exit_code == 2 and "--form applies to .csv output only" in r.output


def test_bdm_tables_label_their_scale(data_dir):
    r = run("show", data_dir / "eum" / "sultan-oil.csv", "--format", "json")
    issue = json.loads(r.output)["issues"][0]
    assert issue["low"].startswith("12.85") and issue["high"].startswith("14.25")


def test_show_and_scenarios_json():
    data = json.loads(run("scenarios", "--format", "json").output)
    assert {"name": "syria-2020", "title": "Syria 2020: Putin's Plan B on Iran"} in data[
        "scenarios"
    ]
    shown = json.loads(run("show", "--format", "json").stdout)
    assert [a["id"] for a in shown["actors"]][:2] == ["russia", "iran"]


def test_check_counts_in_words(tmp_path):
    one = tmp_path / "one.yaml"
    one.write_text(
        "title: t\nactors: [{id: a, name: A, capability: 1}]\n"
        "issues: [{id: x, title: X, positions: {a: {position: 1, salience: 1}}}]\n"
    )
    r = run("check", one)
    assert "(1 actor, 1 issue, 0 relations, 0 shocks)" in r.output

"""Every CSV the package writes is safe to open in a spreadsheet (no formula runs)."""

from __future__ import annotations

import csv
import io

import yaml
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.scenario import load_scenario

runner = CliRunner()

EVIL = {
    "title": "Toy",
    "actors": [
        {"id": "a", "name": "=cmd|' /C calc'!A0", "capability": 1},
        {"id": "b", "name": "@SUM(1+1)", "capability": 3},
        {"id": "c", "name": "-1+2", "capability": 2},
    ],
    "issues": [
        {
            "id": "x",
            "title": '+HYPERLINK("http://evil")',
            "positions": {
                "a": {"position": 0, "salience": 1},
                "b": {"position": 100, "salience": 0.5},
                "c": {"position": 50, "salience": 0.5},
            },
        }
    ],
}


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_forecast_csv_quotes_formula_cells(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text(yaml.safe_dump(EVIL))
    r = runner.invoke(app, ["forecast", str(path), "--format", "csv"])
    assert r.exit_code == 0, r.output
    out = cells(r.stdout)
    assert '\'+HYPERLINK("http://evil")' in out
    assert not any(c.startswith(("=", "+", "@")) for c in out)
    # Numbers stay numbers: the mean of the three is (0 + 3*0.5*100 + 2*0.5*50) / 3.5.
    assert f"{(150 + 50) / 3.5:.4f}" in out


def test_convert_to_a_table_quotes_names_and_reads_back(tmp_path):
    src = tmp_path / "evil.yaml"
    src.write_text(yaml.safe_dump(EVIL))
    out = tmp_path / "evil.csv"
    r = runner.invoke(app, ["convert", str(src), str(out)])
    assert r.exit_code == 0, r.output
    written = cells(out.read_text())
    assert "'=cmd|' /C calc'!A0" in written and "'@SUM(1+1)" in written and "'-1+2" in written
    names = [a.name for a in load_scenario(out).actors]
    assert names == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'-1+2"]

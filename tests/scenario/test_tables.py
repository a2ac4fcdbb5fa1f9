"""Tables as people write them: header synonyms, extra columns, comments, the salience rule."""

from __future__ import annotations

import pytest

from realpolitik.exceptions import ScenarioError
from realpolitik.forecasting import forecast
from realpolitik.scenario import load_scenario, parse_table, write_table
from realpolitik.scenario.scale import to_scale
from realpolitik.scenario.tables import detect_form, read_table

# The public form of Bueno de Mesquita's inputs: plural header, a resolve column, trailing commas.
PUBLISHED = """name,position,capabilities,salience,resolve,
A,4,1,0.5,0.2,
B,10,3,1,0.9,
C,7,2,0.25,0.5,
"""


def problems(text, filename="t.csv"):
    with pytest.raises(ScenarioError) as info:
        parse_table(text, filename=filename)
    return [str(p) for p in info.value.problems]


def test_published_form_with_plural_header_resolve_and_trailing_commas():
    r = read_table(PUBLISHED, filename="pub.csv")
    s = r.scenario
    assert detect_form(PUBLISHED) == "bdm"
    assert s.actor_ids == ["a", "b", "c"]
    assert [a.capability for a in s.actors] == [1.0, 3.0, 2.0]
    issue = s.issues[0]
    assert issue.scale == (4.0, 10.0)
    # 7 on 4..10 is half way.
    assert [p.position for p in issue.positions.values()] == [0.0, 100.0, 50.0]
    assert [p.salience for p in issue.positions.values()] == [0.5, 1.0, 0.25]
    assert s.actor("b").data == {"resolve": 0.9}
    assert r.info.extra_columns == ("resolve",)
    assert r.info.salience_scale == "0-1"


@pytest.mark.parametrize(
    ("actor", "capability", "salience"),
    [
        ("Actor", "Capability", "Salience"),
        ("PLAYER", "Power", "Importance"),
        ("players", "Influence", "importance"),
        ("Name", "CLOUT", "SALIENCE"),
        ("actors", "capabilities", "Salience"),
    ],
)
def test_header_synonyms_in_any_case(actor, capability, salience):
    text = f"{salience},{actor},Position,{capability}\n0.5,A,4,1\n1,B,10,3\n"
    s = parse_table(text)
    assert s.actor_ids == ["a", "b"]
    assert s.actor("b").capability == 3.0
    assert s.issues[0].positions["a"].salience == 0.5


def test_blank_lines_comments_and_tabs():
    text = "# exported from a spreadsheet\n\nActor\tCapability\tPosition\tSalience\n\n# the two sides\nA\t1\t0\t0.5\n\nB\t3\t1\t1\n"
    r = read_table(text)
    assert r.scenario.actor_ids == ["a", "b"]
    assert r.scenario.issues[0].scale == (0.0, 1.0)


def test_errors_keep_the_file_line_numbers_past_comments():
    text = "# note\nActor,Capability,Position,Salience\n# more\nA,x,4,0.5\n"
    assert problems(text) == ["t.csv:4:2: expected a number (capability); found 'x'"]


def test_zero_to_one_positions_and_zero_to_hundred_saliences():
    text = "Player,Position,Clout,Importance,Risk\nA,0,1,50,0.1\nB,0.25,1,80,0.5\nC,1,2,100,1\n"
    r = read_table(text, filename="p.csv")
    issue = r.scenario.issues[0]
    assert issue.scale == (0.0, 1.0)
    assert [p.position for p in issue.positions.values()] == [0.0, 25.0, 100.0]
    assert [p.salience for p in issue.positions.values()] == [0.5, 0.8, 1.0]
    assert r.info.salience_scale == "0-100"
    assert (
        "80" not in r.info.salience_reason and "100 at line 4, column 4" in r.info.salience_reason
    )
    assert r.scenario.actor("c").data == {"resolve": 1.0}
    assert "extra columns kept as actor data: Risk (as 'resolve')" in r.info.describe()


def test_mixed_salience_column_is_an_error_naming_the_cells():
    text = "Actor,Capability,Position,Salience\nA,1,4,0.8\nB,1,10,60\nC,1,7,0.3\n"
    msgs = problems(text)
    assert len(msgs) == 2
    assert msgs[0].startswith("t.csv:2:4: salience 0.8 is on 0-1 but others")
    assert "60 at line 3, column 4" in msgs[0]
    assert msgs[1].startswith("t.csv:4:4: salience 0.3 is on 0-1")


def test_one_salience_above_one_decides_the_file_not_the_column():
    # Two issues: the second column alone is all <= 1, but the file is on 0-100 (values 0 and 1
    # are on both scales and are accepted).
    text = "Actor,Capability,Position a,Salience a,Position b,Salience b\nA,1,0,50,0,1\nB,1,10,100,5,0\n"
    s = parse_table(text)
    a, b = s.issues
    assert [p.salience for p in a.positions.values()] == [0.5, 1.0]
    assert [p.salience for p in b.positions.values()] == [0.01, 0.0]


def test_saliences_above_hundred_and_tiny_scales_are_flagged():
    assert problems("Actor,Capability,Position,Salience\nA,1,4,150\nB,1,10,60\n") == [
        "t.csv:2:4: salience must be within [0, 100]; found 150"
    ]
    info = read_table("Actor,Capability,Position,Salience\nA,1,4,7\nB,1,10,9\n").info
    assert "multiply them by 10" in info.salience_reason


def test_extra_text_columns_are_kept_and_written_back():
    text = "Actor,Capability,Position,Salience,Type,Resolve\nA,1,4,0.5,state,0.2\nB,3,10,1,party,\n"
    r = read_table(text)
    assert r.info.extra_columns == ("Type", "Resolve")
    assert r.scenario.actor("a").data == {"type": "state", "resolve": 0.2}
    assert r.scenario.actor("b").data == {"type": "party"}
    again = read_table(write_table(r.scenario))
    assert again.scenario.actor("a").data == {"type": "state", "resolve": 0.2}
    assert again.scenario.actor("b").data == {"type": "party"}


def test_description_column_becomes_notes():
    s = parse_table(
        "Actor,Description,Capability,Position,Salience\nA,the first,1,4,0.5\nB,,3,10,1\n"
    )
    assert s.actor("a").notes == "the first"
    assert s.actor("a").data == {}


def test_unknown_header_names_the_synonyms():
    msgs = problems("Who,Strength,Where,Care\nA,1,4,0.5\n")
    assert any("Capabilities/Power/Influence/Clout" in m for m in msgs)


def test_missing_capability_column_is_named():
    (msg,) = problems("Actor,Position,Salience\nA,4,0.5\n")
    assert msg == (
        "t.csv:1: the header needs the column(s) Capability; found ['Actor', 'Position', 'Salience']"
    )


def test_position_without_salience_in_a_row():
    # A trailing empty cell is still a cell: the salience is missing, not the column.
    msgs = problems("Actor,Capability,Position,Salience\nA,1,4,\nB,1,10,1\n")
    assert msgs == [
        "t.csv:2:4: a position needs a salience and a salience a position; found one empty"
    ]
    msgs = problems("Actor,Capability,Position,Salience,Resolve\nA,1,,0.5,1\nB,1,10,1,1\n")
    assert msgs == [
        "t.csv:2:3: a position needs a salience and a salience a position; found one empty"
    ]


def test_forecast_of_a_table_on_its_own_scale():
    # Hand computation: weights capability x salience = 1 x 0.5, 3 x 1, 2 x 0.25 -> 0.5, 3, 0.5;
    # mean = (0.5*4 + 3*10 + 0.5*7) / 4 = 8.875 on 4..10; the median is B's 10.
    s = parse_table(PUBLISHED)
    result = forecast(s, model=["mean", "median"])
    scale = s.issues[0].scale
    assert to_scale(float(result.forecasts["mean"][0]), scale) == pytest.approx(8.875, abs=1e-12)
    assert to_scale(float(result.forecasts["median"][0]), scale) == pytest.approx(10.0, abs=1e-12)


def test_ktab_scale_in_the_position_header_round_trips():
    s = load_scenario("syria-2020")
    issue = s.issues[0].model_copy(update={"scale": (-5.0, 5.0)})
    s = s.model_copy(update={"issues": [issue, *s.issues[1:]]})
    text = write_table(s, "ktab")
    assert f"{issue.title} Position [-5 to 5]" in text.splitlines()[1]
    again = read_table(text)
    assert again.scenario.issues[0].scale == (-5.0, 5.0)
    assert again.info.position_scales[again.scenario.issue_ids[0]] == (-5.0, 5.0)


@pytest.mark.parametrize("folder", ["eum", "ktab"])
def test_every_shared_table_loads_with_a_stated_salience_scale(data_dir, folder):
    for path in sorted((data_dir / folder).glob("*.csv")):
        r = read_table(path.read_text(encoding="utf-8-sig"), filename=str(path))
        assert r.info.salience_scale in ("0-1", "0-100")
        assert r.scenario.actors and r.scenario.issues


def test_cli_forecast_of_a_zero_to_one_position_table_with_resolve(tmp_path):
    from typer.testing import CliRunner

    from realpolitik.cli import app

    path = tmp_path / "variants.csv"
    path.write_text(
        "# positions on 0-1, saliences on 0-100, a risk column, trailing commas\n"
        "Player,Position,Clout,Importance,Risk,\n"
        "A,0,1,50,0.1,\n"
        "B,0.25,1,80,0.5,\n"
        "\n"
        "C,1,2,100,1,\n",
        encoding="utf-8",
    )
    # Weights 1*0.5, 1*0.8, 2*1: mean (0.25*0.8 + 1*2) / 3.3 = 0.6667 on 0-1;
    # median: 0 and 0.25 hold 1.3 of 3.3, so C's 1.
    r = CliRunner().invoke(app, ["forecast", str(path), "--model", "median"], terminal_width=200)
    assert r.exit_code == 0, r.output
    assert "0.667 (66.7)" in r.output and "1.0 (100.0)" in r.output
    r = CliRunner().invoke(app, ["check", str(path)], terminal_width=200)
    assert r.exit_code == 0
    assert "saliences read on 0-100" in r.output
    assert "positions of 'issue' on the table's own scale 0 to 1" in r.output
    assert "extra columns kept as actor data: Risk (as 'resolve')" in r.output


def test_semicolon_files_with_decimal_commas():
    # What a spreadsheet saves where the decimal mark is a comma.
    s = parse_table("Actor;Capability;Position;Salience\nA;0,5;4;0,8\nB;1;10;1\n")
    assert s.actor("a").capability == 0.5
    assert s.issues[0].positions["a"].salience == 0.8
    assert s.issues[0].scale == (4.0, 10.0)


def test_an_actor_absent_from_the_last_issue_round_trips():
    text = "Actor,Capability,Position a,Salience a,Position b,Salience b\nA,1,0,1,5,1\nB,1,10,1,,\nC,1,5,1,0,0.5\n"
    s = parse_table(text)
    assert set(s.issues[1].positions) == {"a", "c"}
    again = parse_table(write_table(s))
    assert set(again.issues[1].positions) == {"a", "c"}

"""Every reproducer of issue 13 ("Measured now"), as a regression test.

Each file is checked through the command line as a user runs it: exit code 0 or 2, no
traceback, and on exit 2 every problem line names the file.
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.exceptions import ScenarioError
from realpolitik.forecasting import NonFiniteError, check_finite, forecast
from realpolitik.report.data import gather
from realpolitik.scenario import load_scenario, parse_scenario
from realpolitik.scenario.loader import MAX_SUGGESTIONS
from realpolitik.scenario.tables import _unique_ids

runner = CliRunner()

BASE = {
    "title": "Toy",
    "date": "2020-01-05",
    "actors": [
        {"id": "a", "name": "A", "capability": 10},
        {"id": "b", "name": "B", "capability": 30},
    ],
    "issues": [
        {
            "id": "x",
            "title": "X",
            "positions": {
                "a": {"position": 0, "salience": 1},
                "b": {"position": 100, "salience": 0.5},
            },
        }
    ],
}


def base() -> dict:
    return json.loads(json.dumps(BASE))


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def refused(path, *command: str, expect: str) -> str:
    """Run ``command`` on ``path``: exit 2, no traceback, ``expect`` in a line naming the file."""
    r = run(*command, path) if command else run("check", path)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    lines = [line for line in r.output.splitlines() if str(path) in line and expect in line]
    assert lines, r.output
    return r.output


def write_yaml(tmp_path, data, name="s.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


# --- tracebacks on bad files ------------------------------------------------------------------
@pytest.mark.parametrize("command", [("check",), ("forecast",)])
def test_calendar_impossible_date(tmp_path, command):
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(base()).replace("'2020-01-05'", "2020-02-30"))
    assert "date: 2020-02-30" in path.read_text()
    refused(
        path, *command, expect="date: expected a calendar date (YYYY-MM-DD); found '2020-02-30'"
    )


def test_calendar_impossible_date_in_json_and_in_sources(tmp_path):
    data = base()
    data["date"] = "2021-13-01"
    data["sources"] = [{"id": "s", "title": "S", "date": "2020-04-31"}]
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data))
    out = refused(path, expect="date: expected a calendar date")
    assert "sources[0].date" in out
    # A real date and free text stay what they were.
    data["date"], data["sources"][0]["date"] = "2020-02-29", "spring 2020"
    s = parse_scenario(data)
    assert str(s.date) == "2020-02-29" and s.sources[0].date == "spring 2020"


@pytest.mark.parametrize(
    ("where", "value", "path_in_file"),
    [
        (("issues", 0, "positions", "a", "evidence"), 0, "issues[0].positions.a.evidence"),
        (("actors", 0, "evidence"), 7, "actors[0].evidence"),
        (("actors", 0, "capability"), {"value": 1, "evidence": 5}, "actors[0].capability.evidence"),
        (("actors", 0, "tags"), 5, "actors[0].tags"),
        (("sources",), 5, "sources"),
        (("issues", 0, "positions"), [1, 2], "issues[0].positions"),
    ],
)
def test_wrong_type_in_a_nested_place(tmp_path, where, value, path_in_file):
    data = base()
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    refused(write_yaml(tmp_path, data), expect=f"{path_in_file}: expected")


def test_integer_of_more_than_4300_digits(tmp_path):
    text = yaml.safe_dump(base()).replace("capability: 10", "capability: " + "9" * 4400)
    path = tmp_path / "big.yaml"
    path.write_text(text)
    refused(path, expect="an integer of 4,400 digits")
    path = tmp_path / "big.json"
    path.write_text(json.dumps(base()).replace('"capability": 10', '"capability": ' + "9" * 5000))
    refused(path, expect="JSON: an integer with more digits than Python converts")


# --- accepted by check, refused later -----------------------------------------------------------
@pytest.mark.parametrize(
    ("edit", "expect"),
    [
        (
            "{value: 10, range: [.nan, 1]}",
            "actors[0].capability.range[0]: expected a finite number",
        ),
        ("{value: 10, sd: .inf}", "actors[0].capability.sd: expected a finite number"),
        (
            "{value: 10, range: [1, .inf]}",
            "actors[0].capability.range[1]: expected a finite number",
        ),
    ],
)
def test_nan_and_inf_in_uncertainty(tmp_path, edit, expect):
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(base()).replace("capability: 10", f"capability: {edit}", 1))
    refused(path, expect=expect)


def test_nan_in_scale(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(base()).replace("title: X", "title: X\n  scale: [.nan, 1]"))
    refused(path, expect="issues[0].scale[0]: expected a finite number")


def _with_tree(costs: dict) -> dict:
    data = base()
    data["escalation"] = [
        {
            "id": "t",
            "title": "T",
            "root": "n",
            "nodes": [
                {
                    "id": "n",
                    "actor": "a",
                    "options": [{"id": "o1", "outcome": "c"}, {"id": "o2", "outcome": "w"}],
                }
            ],
            "outcomes": [{"id": "c", "costs": costs}, {"id": "w"}],
        }
    ]
    return data


@pytest.mark.parametrize(
    ("cost", "expect"),
    [
        (math.nan, "expected a finite number"),
        (1e300, "less than or equal to 1"),
        (-5, "greater than or equal to 0"),
        ({"value": math.inf}, "expected a finite number"),
    ],
)
def test_costs_outside_0_1_or_not_finite(tmp_path, cost, expect):
    refused(
        write_yaml(tmp_path, _with_tree({"a": cost})),
        expect=f"escalation[0].outcomes[0].costs.a: {'' if 'finite' in expect else 'input should be '}{expect}",
    )


def test_costs_within_0_1_accepted():
    s = parse_scenario(_with_tree({"a": 0.25, "b": {"value": 1, "assumption": "all"}}))
    assert s.escalation[0].outcomes[0].costs == {"a": 0.25, "b": 1.0}


def test_capability_written_1e6_is_a_number(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(base()).replace("capability: 10", "capability: 1e6"))
    s = load_scenario(path)
    assert s.actors[0].capability == 1_000_000.0
    # mean: (1e6·1·0 + 30·0.5·100) / (1e6·1 + 30·0.5)
    expected = 30 * 0.5 * 100 / (1e6 + 15)
    assert forecast(s, model="mean").forecasts["mean"][0] == pytest.approx(expected)
    # Text that only looks like a number stays text where text belongs.
    assert parse_scenario({**base(), "title": "1e"}).title == "1e"


def test_escalation_decider_with_zero_salience_everywhere(tmp_path):
    data = _with_tree({})
    data["issues"][0]["positions"]["a"]["salience"] = 0
    out = refused(
        write_yaml(tmp_path, data),
        expect="escalation[0].nodes[0].actor: actor 'a' chooses at node 'n' but has salience 0",
    )
    assert "payoffs are undefined" in out
    # With a salience it is solved, and both options get a probability.
    data["issues"][0]["positions"]["a"]["salience"] = 0.1
    r = run("escalate", write_yaml(tmp_path, data, "ok.yaml"), "--format", "json")
    assert r.exit_code == 0, r.output
    choices = json.loads(r.stdout)["nodes"][0]["choices"]
    assert sum(choices.values()) == pytest.approx(1.0)


def test_report_under_iran_support_lost_keeps_its_explanations():
    data = gather(
        load_scenario("syria-2020"), ["iran-support-lost"], n_runs=0, sections=["explanations"]
    )
    assert data["notes"] == []
    russia = next(a for a in data["explanations"]["actors"] if a["actor"] == "russia")
    texts = [s["text"] for s in russia["sentences"]]
    # The shocks that edit Iran no longer apply to a world without it, and the text says so.
    assert any(
        t.startswith("Iran retaliates against Israel (iran-strikes-israel) does not apply")
        and "unknown actor 'iran'" in t
        for t in texts
    )


# --- slow or stuck ------------------------------------------------------------------------------
def _slow_unique_ids(names):
    """The obvious definition: the first free id of base, base-2, base-3, ..."""
    ids = []
    for k, name in enumerate(names):
        base_id = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or f"actor-{k + 1}"
        cand, n = base_id, 2
        while cand in ids:
            cand, n = f"{base_id}-{n}", n + 1
        ids.append(cand)
    return ids


def test_repeated_names_get_the_same_ids_as_the_obvious_definition():
    names = ["X"] * 300 + ["x-2", "X", "x-301", "X", "", "", "Y y"]
    assert _unique_ids(names) == _slow_unique_ids(names)
    ids = _unique_ids(["X"] * 3000)
    assert len(set(ids)) == 3000 and ids[:3] == ["x", "x-2", "x-3"] and ids[-1] == "x-3000"


def test_repeated_names_in_a_table_load(tmp_path):
    path = tmp_path / "rep.csv"
    path.write_text(
        "Actor,Capability,Position,Salience\n"
        + "".join(f"X,1,{k % 100},0.5\n" for k in range(3000))
    )
    s = load_scenario(path)
    assert len(s.actors) == 3000 and s.actor_ids[-1] == "x-3000"


def test_many_unknown_keys_are_all_listed_with_few_suggestions():
    data = base()
    data["titel"] = "typo"
    for k in range(2 * MAX_SUGGESTIONS):
        data[f"k{k}"] = 1
    data["actros"] = []  # past the suggestion budget: listed, without a suggestion
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data, filename="keys.yaml")
    lines = [str(p) for p in info.value.problems]
    assert len(lines) == 2 * MAX_SUGGESTIONS + 2
    assert "keys.yaml: titel: unknown key 'titel'; did you mean 'title'?" in lines
    assert "keys.yaml: actros: unknown key 'actros'" in lines


# --- messages that break the promise ------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "mutate", "expect"),
    [
        ("late-nul.yaml", lambda b: b + b"#" + b"x" * 9000 + b"\x00\n", "binary data"),
        ("bell.yaml", lambda b: b.replace(b"Toy", b"To\x07y"), "control character #x0007"),
        ("flipped.yaml", lambda b: b[:20] + bytes([b[20] ^ 0x80]) + b[21:], "not UTF-8"),
        ("utf16.yaml", lambda b: b.decode().encode("utf-16"), "found UTF-16"),
        ("late-nul.csv", None, "binary data"),
    ],
)
def test_damaged_files_give_one_line_per_problem_naming_the_file(tmp_path, name, mutate, expect):
    raw = yaml.safe_dump(base()).encode()
    if name.endswith(".csv"):
        raw = b"Actor,Capability,Position,Salience\n" + b"A,1,2,0.5\n" * 2000 + b"B,1\x00,3,0.5\n"
    else:
        raw = mutate(raw)
    path = tmp_path / name
    path.write_bytes(raw)
    r = run("check", path)
    assert r.exit_code == 2 and "Traceback" not in r.output
    problem_lines = r.output.splitlines()[1:]
    assert problem_lines and all(line.strip().startswith(str(path)) for line in problem_lines)
    assert expect in r.output


# --- not finite ---------------------------------------------------------------------------------
def test_capabilities_near_1e300_forecast_finite_and_as_their_ratios():
    big = base()
    small = base()
    for a, cap in zip(big["actors"], (1e300, 3e300), strict=True):
        a["capability"] = cap
    for a, cap in zip(small["actors"], (1, 3), strict=True):
        a["capability"] = cap
    f_big = forecast(parse_scenario(big)).forecasts
    f_small = forecast(parse_scenario(small)).forecasts
    for name, values in f_small.items():
        assert f_big[name] == pytest.approx(values, nan_ok=True), name
        if name != "nash":  # nash needs a status quo
            assert math.isfinite(f_big[name][0])


def test_a_shock_that_overflows_a_capability_is_an_error_naming_shock_and_edit(tmp_path):
    data = base()
    data["actors"][0]["capability"] = 1e300
    data["shocks"] = [
        {
            "id": "boost",
            "title": "B",
            "edits": [{"op": "scale-capability", "actor": "a", "factor": 1e300}],
        }
    ]
    path = write_yaml(tmp_path, data)
    out = refused(path, "compare", "--shock", "boost", expect="shock 'boost', edit 1")
    assert "not a finite number" in out


def test_a_non_finite_forecast_is_an_error_naming_model_issue_and_inputs():
    s = parse_scenario(base())
    with pytest.raises(NonFiniteError, match=r"the eum forecast of issue 'x' is not a finite"):
        check_finite(s, ["x"], {"eum": [math.inf]}, {})
    with pytest.raises(NonFiniteError, match="capabilities from 10 to 30"):
        check_finite(s, ["x"], {"mean": [math.nan]}, {})
    # NaN where a model has nothing to say (nash without a status quo) is no error.
    check_finite(s, ["x"], {"nash": [math.nan]}, {})


# --- found by make fuzz -------------------------------------------------------------------------
def test_tables_read_carriage_returns_as_line_ends_and_refuse_unreadable_csv(tmp_path):
    mac = tmp_path / "mac.csv"
    mac.write_bytes(b"Actor,Capability,Position,Salience\rA,1,2,0.5\rB,3,10,1\r")
    assert load_scenario(mac).actor_ids == ["a", "b"]
    stray = tmp_path / "stray.csv"
    stray.write_bytes(b"Actor,Capability,Position,Salience\nA,1\r,2,0.5\nB,3,10,1\n")
    refused(stray, expect=":2: expected 4 columns; found 2")
    big = tmp_path / "bigcell.csv"
    big.write_text('Actor,Capability,Position,Salience\n"' + "a" * 200_000 + '",1,2,0.5\n')
    refused(big, expect="the table cannot be read as CSV: field larger than field limit")


def test_a_ktab_title_row_with_1e300_dimensions_is_refused_by_the_issue_limit(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("T,d,2,1e300\nActor,Description,Influence\nA,d,1\nB,d,2\n")
    refused(path, expect="issues; the limit is 2,000 (set REALPOLITIK_MAX_ISSUES")


def test_a_coalition_led_by_the_largest_float_has_a_finite_position_without_warning(tmp_path):
    # make fuzz, seed 211, case 897: `capability: 1.7976931348623157e+308` on an actor away from
    # 0. A coalition's position (weights × positions) overflowed in the product: a RuntimeWarning,
    # exit 1. A (the largest float, at 40) and B (30, at 45) are one coalition of the stated
    # positions; B's weight is 1e-307 of A's, so the position is A's 40 to the last bit.
    data = base()
    data["actors"][0]["capability"] = 1.7976931348623157e308
    data["issues"][0]["positions"] = {
        "a": {"position": 40, "salience": 1},
        "b": {"position": 45, "salience": 1},
    }
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(data))
    r = run("coalitions", path, "--model", "mean", "--format", "json")
    assert r.exit_code == 0, r.output
    assert "Warning" not in r.output
    (coalition,) = json.loads(r.stdout)["coalitions"]
    assert coalition["members"] == ["a", "b"] and coalition["position"] == 40.0
    r = run("forecast", path, "--format", "json")
    assert r.exit_code == 0 and "Warning" not in r.output, r.output


def test_a_coalition_position_is_the_weighted_mean_to_the_bit():
    # The weights are scaled by a power of two before the product: the same bits as the plain
    # weighted mean for ordinary weights (1 × 10 + 3 × 20 + 0.5 × 31 = 85.5 over 4.5 = 19).
    from realpolitik.analysis.coalitions import summarise

    rng = np.random.default_rng(5)
    for _ in range(200):
        w = rng.uniform(0.01, 100, (6, 1))
        x = rng.uniform(0, 100, (6, 1))
        (c,) = summarise(np.zeros((6, 1), dtype=np.int64), x, w, list("abcdef"), ["i"])
        heaviest = np.argsort(-w[:, 0], kind="stable")  # the members' order in a coalition
        mw, mx = w[heaviest, 0], x[heaviest, 0]
        assert c.position == float(mw @ mx / mw.sum())
    w = np.array([[1.0], [3.0], [0.5]])
    x = np.array([[10.0], [20.0], [31.0]])
    (c,) = summarise(np.zeros((3, 1), dtype=np.int64), x, w, list("abc"), ["i"])
    assert c.position == 19.0
    # Fuzz, seed 1796189283, case 128: a subnormal weight (salience 5e-324) overflowed the
    # scale; weights below 1 are not scaled. 3 and 1 smallest subnormals at 20 and 40 (exact
    # in subnormal arithmetic): (3 × 20 + 1 × 40) / 4 = 25.
    w, x = np.array([[1.5e-323], [5e-324]]), np.array([[20.0], [40.0]])
    (c,) = summarise(np.zeros((2, 1), dtype=np.int64), x, w, list("ab"), ["i"])
    assert c.position == 25.0


def _repeated_last_row_table(tmp_path, n_actors: int):
    """Case 792 of seed 211: a two-issue table whose last row is repeated to ``n_actors``."""
    rows = ["Actor,Capability,Position Oil,Salience Oil,Position Tax,Salience Tax"]
    rows += ["A,1,2,50,7,20", "B,3,4,60,,"] + ["C,2,9,80,1,90"] * (n_actors - 2)
    path = tmp_path / "grown.csv"
    path.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_forecast_over_the_work_limit_is_refused_before_it_runs(tmp_path):
    # make fuzz, seed 211, case 792: 1,003 actors on two issues took 30 s of CPU (eum 6 s,
    # eum-rel 17 s over 53 of its 100 rounds). Its work, 10 + 100 rounds × 1,003² × 2 = 221
    # million actor-pair rounds, is refused at once against the default 20 million, with the
    # limit, its variable and the figures named; the baselines alone (not counted) still run.
    path = _repeated_last_row_table(tmp_path, 1003)
    for fmt in ("json", "csv"):
        out = refused(path, "forecast", "--format", fmt, expect="need about 221 million")
        assert "1,003 actors × 2 issue(s); the limit is 20 million" in out
        assert "set REALPOLITIK_MAX_WORK to raise the limit" in out
    out = refused(
        path, "forecast", "--model", "eum", "--rounds", "20", expect="the eum model needs"
    )
    assert "about 221 million" not in out  # the eum-rel cap is not counted when it is not asked for
    r = run("forecast", path, "--model", "mean", "--format", "json")
    assert r.exit_code == 0, r.output  # the baselines alone: a few arrays, not counted


def test_the_work_limit_is_raised_by_its_variable(tmp_path):
    path = _repeated_last_row_table(tmp_path, 60)  # 10 + 100 rounds × 60² × 2 = 0.8 million
    r = run("forecast", path, "--format", "json")
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["forecast", str(path)], env={"REALPOLITIK_MAX_WORK": "0.5"})
    assert r.exit_code == 2 and "about 1 million" in r.output and "limit is 0.5 million" in r.output
    r = runner.invoke(app, ["forecast", str(path)], env={"REALPOLITIK_MAX_WORK": "0.8"})
    assert r.exit_code == 0, r.output


def test_a_status_quo_next_to_an_actor_gives_a_finite_nash_forecast_without_warning(tmp_path):
    # make fuzz, seed 111: `status_quo: 1e-320` (a subnormal number) with an actor at 0. The
    # actor's gain near the status quo is subnormal, its weight over it overflows to inf (an
    # infinite slope of the Nash product, as at a gain of exactly 0): a RuntimeWarning escaped.
    # The Nash solution is still the status quo side's: between 0 and 2e-320, i.e. 0.
    data = base()
    data["issues"][0]["status_quo"] = 1e-320
    path = tmp_path / "sq.yaml"
    path.write_text(yaml.safe_dump(data))
    r = run("forecast", path, "--model", "nash", "--format", "json")
    assert r.exit_code == 0, r.output
    assert "Warning" not in r.output
    nash = json.loads(r.stdout)["issues"][0]["forecast"]["nash"]
    assert nash is not None and math.isfinite(nash) and 0.0 <= nash < 1e-300


def test_a_capability_at_the_largest_float_gets_a_stability_figure_without_overflow(tmp_path):
    # make fuzz, seed 211: `capability: 1.7976931348623157e+308`. The stability figure's draws
    # (capabilities ×0.95-1.05) overflowed to inf: warnings, then a misleading refusal. Only the
    # ratios count, so A (the largest float) and B (30) give the forecasts of A = 1, B = 0.
    data = base()
    data["actors"][0]["capability"] = 1.7976931348623157e308
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump(data))
    r = run("forecast", path, "--model", "mean", "--format", "json")
    assert r.exit_code == 0, r.output
    assert "Warning" not in r.output
    issue = json.loads(r.stdout)["issues"][0]
    assert issue["forecast"]["mean"] == pytest.approx(0.0, abs=1e-9)  # A, at 0, outweighs B
    assert issue["stability"]["mean"] == 1.0


def test_a_fight_between_capabilities_near_the_largest_float_stays_finite_without_warnings():
    # found by make fuzz (seed 5101): escalate on a capability of 1.8e308 overflowed in the
    # weighted settlement of a fight. Only ratios count: the result is that of capabilities 1.
    import warnings

    import numpy as np

    from realpolitik.engine.conflict import expected_aftermath

    big = np.finfo(np.float64).max
    pos = np.array([[0.0], [100.0], [50.0]])
    args = (pos, np.ones((3, 1)), np.ones((3, 1), bool), np.array([0, 1, -1]), np.array([True]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cap, new_pos, p = expected_aftermath(np.array([big, big, 1.0]), *args)
    ref_cap, ref_pos, ref_p = expected_aftermath(np.array([1.0, 1.0, 0.0]), *args)
    assert p == ref_p == (0.5, 0.5)
    np.testing.assert_allclose(new_pos, ref_pos)
    assert np.isfinite(cap).all() and cap[0] == big * 0.5


def test_a_scale_up_to_the_largest_float_maps_forecasts_without_overflow():
    # found by make fuzz (seed 5101, case 3596): `scale: [0, 1.8e308]` wrote inf in the CSV's
    # _on_scale columns, because (hi - lo) * value overflowed before the division by 100.
    import sys
    import warnings

    import numpy as np

    from realpolitik.scenario.scale import to_scale

    big = sys.float_info.max
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mapped = to_scale(np.array([0.0, 20.0, 100.0]), (0.0, big))
        assert to_scale(50.0, (-big, big)) == 0.0
    assert np.isfinite(mapped).all()
    assert mapped[0] == 0.0 and mapped[2] == big
    assert mapped[1] == pytest.approx(0.2 * big)
    # ordinary scales are mapped exactly as before
    assert to_scale(25.0, (4.0, 10.0)) == 4.0 + 6.0 * 25.0 / 100.0


def test_a_monte_carlo_on_capabilities_near_the_largest_float_is_that_of_their_ratios(tmp_path):
    # Found while fighting every fight again per run (issue 10): capabilities of 1.5e308 and
    # 1.7e308 drew inf (+20 %) and the run was refused ("capabilities must be finite"), with a
    # RuntimeWarning from the contest. Draws are now capped at the largest float, and a run
    # divides every capability by one power of two: the same choices as the file scaled down.
    import warnings

    import numpy as np
    from tests.simulate.test_relations import toy

    from realpolitik.scenario import parse_scenario
    from realpolitik.simulate.montecarlo import run_montecarlo

    def study(a: float, e: float):
        data = toy("mutual")
        data["actors"][0]["capability"], data["actors"][2]["capability"] = a, e
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return run_montecarlo(parse_scenario(data), 200, seed=3, tree="t")

    big = study(1.2e308, 1.4e308)
    small = study(1.2e308 / 2.0**1000, 1.4e308 / 2.0**1000)
    for key in ("choices_", "outcomes_", "payoffs_", "forecasts_"):
        got, want = np.asarray(getattr(big, key)), np.asarray(getattr(small, key))
        assert np.isfinite(got).all()
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)  # rounding, iterated
    huge = study(1.7e308, 1.79e308)  # +20 % is beyond the largest float: capped there
    assert np.isfinite(np.asarray(huge.payoffs_)).all()

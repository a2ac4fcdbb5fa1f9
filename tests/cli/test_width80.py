"""The main commands on the built-in scenario in an 80-column terminal.

No line is wider than 80 characters, no table is cropped at the right edge, nothing is cut with
an ellipsis, and every id a user types next (actors, issues, shocks, tree nodes, options and
outcomes) is printed whole.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.scenario import load_scenario

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"
S = load_scenario("syria-2020")
TREE = S.escalation[0]
ACTORS = list(S.actor_ids)
ISSUES = [i.id for i in S.issues]
SHOCKS = [x.id for x in S.shocks]
NODES = [n.id for n in TREE.nodes]
OPTIONS = sorted({o.id for n in TREE.nodes for o in n.options})
OUTCOMES = [o.id for o in TREE.outcomes]

# Command line -> the ids its output must show whole.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "forecast": (["forecast", "syria-2020"], []),
    "show": (["show", "syria-2020"], [*ACTORS, *ISSUES, *SHOCKS, TREE.id]),
    "show --matrix": (["show", "syria-2020", "--matrix"], ACTORS + ISSUES),
    "compare": (["compare", "syria-2020", "--shock", "iran-support-lost"], []),
    "escalate": (["escalate", "syria-2020"], NODES + OPTIONS + ACTORS[:2]),
    "planb": (
        ["planb", "syria-2020", "--actor", "russia", "--without", "iran"],
        [a for a in ACTORS if a not in ("russia", "iran")],
    ),
    "coalitions": (["coalitions", "syria-2020"], []),
    "explain": (["explain", "syria-2020", "--actor", "russia"], []),
    "montecarlo": (["montecarlo", "syria-2020", "-n", "150", "--seed", "3"], []),
    "montecarlo --tree": (
        ["montecarlo", "syria-2020", "-n", "40", "--seed", "3", "--tree", TREE.id],
        OUTCOMES + ACTORS,
    ),
}

_EDGES = {"┏": "┓", "┡": "┩", "┃": "┃", "│": "│", "├": "┤", "└": "┘"}


def _whole(token: str, text: str) -> bool:
    """``token`` appears with no id character on either side (not cut, not a longer id)."""
    return re.search(rf"(?<![\w\-]){re.escape(token)}(?![\w\-])", text) is not None


@pytest.mark.parametrize("name", list(CASES))
def test_fits_80_columns_with_whole_ids(name: str) -> None:
    args, ids = CASES[name]
    r = runner.invoke(
        app, args, terminal_width=80, env={"COLUMNS": "80", "REALPOLITIK_STORE": "off"}
    )
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) > 3
    wide = [(len(line), line) for line in lines if len(line) > 80]
    assert wide == [], wide[:3]
    assert "…" not in r.stdout, [line for line in lines if "…" in line][:3]
    for line in lines:  # a table wider than the terminal would be cropped: no right edge
        body = line.strip()
        if body and body[0] in _EDGES and body[0] in "┏┡├└":
            assert body.endswith(_EDGES[body[0]]), line
    missing = [i for i in ids if not _whole(i, r.stdout)]
    assert missing == [], missing


def test_the_checks_catch_a_cut_id() -> None:
    # The same checks on text rich would print with a too-narrow column: they fail.
    assert not _whole("war-russia-backs-iran", "│ war-russia-backs… │")
    assert not _whole("iran", "│ iran-role │")  # a longer id is not the id
    assert _whole("iran", "│ iran │ iran-role │")


def test_montecarlo_sensitivity_ids_are_whole() -> None:
    # The ids inside the strongest inputs' paths (issues[X].positions.A.position ...) are
    # printed whole in the table, where the raw path used to wrap inside an id ("ru" / "ssia").
    import json

    args = ["montecarlo", "syria-2020", "-n", "150", "--seed", "3"]
    env = {"COLUMNS": "80", "REALPOLITIK_STORE": "off"}
    data = json.loads(runner.invoke(app, [*args, "--format", "json"], env=env).stdout)
    rows = sorted(data["sensitivity"], key=lambda r: -abs(r["rho"]))[:10]
    ids = set()
    for row in rows:
        ids.update(re.findall(r"\[([^\]]+)\]", row["input"] + row["output"]))
        m = re.search(r"\.positions\.([^.]+)\.", row["input"])
        if m:
            ids.add(m.group(1))
    assert len(ids) >= 5
    table = runner.invoke(app, args, terminal_width=80, env=env).stdout
    assert [i for i in sorted(ids) if not _whole(i, table)] == []


def test_the_stability_heading_is_one_line() -> None:
    # As a rich table title it was folded to the narrow table's width, three lines of a few
    # words each on cuba-1962 (a three-issue table).
    from realpolitik.forecasting.robustness import STABILITY_DRAWS

    r = runner.invoke(
        app,
        ["forecast", str(EXAMPLES / "cuba-1962.yaml")],
        terminal_width=80,
        env={"COLUMNS": "80", "REALPOLITIK_STORE": "off"},
    )
    assert r.exit_code == 0, r.output
    heading = f"Stability: share of {STABILITY_DRAWS} small-perturbation draws within 10 points"
    assert heading in r.stdout.splitlines()


def test_a_long_title_over_a_narrow_table_stays_on_one_line() -> None:
    # montecarlo's sensitivity table on one issue: three narrow columns under a 90-character
    # title, which rich folded into three lines of two to five words.
    r = runner.invoke(
        app,
        ["montecarlo", str(EXAMPLES / "ec-emissions-1994.yaml"), "-n", "20", "--seed", "1"],
        terminal_width=120,
        env={"COLUMNS": "120", "REALPOLITIK_STORE": "off"},
    )
    assert r.exit_code == 0, r.output
    title = [line for line in r.stdout.splitlines() if line.startswith("Sensitivity:")]
    assert title and "rank correlations (--format json lists" in title[0], title


def test_the_stability_footnote_explains_an_asterisk_only_when_one_is_shown() -> None:
    # On KTAB's SOE-Competitive table (stabilities 88 % and 86 %) and on georgia-2008 no share is
    # marked, and the footnote said "* below 80 %: ..." all the same; syria-2020 has some.
    def stability_lines(target: str) -> list[str]:
        r = runner.invoke(
            app,
            ["forecast", target],
            terminal_width=100,
            env={"COLUMNS": "100", "REALPOLITIK_STORE": "off"},
        )
        assert r.exit_code == 0, r.output
        lines = r.stdout.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("Stability"))
        return lines[start:]

    def footnote(lines: list[str]) -> str:
        return " ".join(line for line in lines[1:] if line[:1] not in "┏┃┡│├└")

    stable = stability_lines(str(EXAMPLES / "georgia-2008.yaml"))
    assert not any("*" in line for line in stable), stable
    assert footnote(stable) == "--format json has the stability of every forecast."
    fragile = stability_lines("syria-2020")
    assert any(re.search(r"\d%\*", line) for line in fragile), fragile
    assert footnote(fragile).startswith("* below 80 %: a small change")

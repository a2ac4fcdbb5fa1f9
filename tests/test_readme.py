"""The scenario examples in README.md are valid, and the commands it lists exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import realpolitik as rp
from realpolitik.cli._lazy import COMMANDS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)


def test_format_example_is_a_valid_scenario_and_forecasts():
    scenario = rp.parse_scenario(BLOCKS[0], filename="README.md")
    assert scenario.actor("russia").cite("capability").range == (60.0, 80.0)
    rp.forecast(scenario, model="eum")
    assert "iran" not in rp.scenario.apply_shocks(scenario, ["iran-support-lost"]).actor_ids


def test_escalation_example_fits_the_format_example():
    data = yaml.safe_load(BLOCKS[0]) | yaml.safe_load(BLOCKS[1])
    scenario = rp.parse_scenario(data, filename="README.md")
    assert scenario.escalation[0].root == "iran-answer"


def test_every_command_in_the_readme_table_exists():
    listed = set(re.findall(r"^\| `realpolitik ([a-z]+)", README, flags=re.M))
    registered = set(COMMANDS)  # every command, imported or not (the CLI loads them lazily)
    assert len(listed) >= 15
    assert listed <= registered

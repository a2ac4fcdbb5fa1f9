"""Reading and writing scenarios: ``parse_*`` functions are pure, ``load_*`` only read files.

Every problem in a file becomes one :class:`~realpolitik.exceptions.Problem` naming the file, its
line and column when the scenario was read from text, the path inside it
(``issues[2].positions.iran.salience``), what was expected and what was found
(``s.yaml:14:19: issues[2].positions.iran.salience: ...``); all of them are raised together as
one :class:`~realpolitik.exceptions.ScenarioError`. The positions come from PyYAML's composer
(its nodes carry marks), looked up only once a problem is found.

The modules, in the order a file goes through them: :mod:`.files` reads it (or a built-in),
:mod:`.text` turns YAML/JSON text into data, :mod:`.parse` validates the data (the one entry
point the table readers share), with :mod:`.errors` turning pydantic's errors into problems and
:mod:`.references` checking the cross-references; :mod:`.dump` writes a scenario back.
"""

from realpolitik.scenario.loader.dump import dump_scenario, scenario_to_data
from realpolitik.scenario.loader.errors import (
    MAX_SUGGESTIONS as MAX_SUGGESTIONS,
)
from realpolitik.scenario.loader.errors import (
    format_path,
    problems_from_validation,
)
from realpolitik.scenario.loader.files import (
    builtin_scenarios,
    builtin_text,
    load_scenario,
    read_text,
)
from realpolitik.scenario.loader.parse import locate, parse_scenario
from realpolitik.scenario.loader.references import check_references
from realpolitik.scenario.loader.text import MAX_DEPTH as MAX_DEPTH
from realpolitik.scenario.loader.text import MAX_NODES as MAX_NODES
from realpolitik.scenario.loader.text import TextFormat as TextFormat
from realpolitik.scenario.loader.text import parse_text

# Also importable from here, as before the split: MAX_SUGGESTIONS, MAX_NODES (server/limits.py),
# MAX_DEPTH, TextFormat.
__all__ = [
    "builtin_scenarios",
    "builtin_text",
    "check_references",
    "dump_scenario",
    "format_path",
    "load_scenario",
    "locate",
    "parse_scenario",
    "parse_text",
    "problems_from_validation",
    "read_text",
    "scenario_to_data",
]

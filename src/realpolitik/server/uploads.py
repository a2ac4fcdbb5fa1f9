"""Uploaded scenario text: a safe name for messages, its format, and parsing in memory.

No name from a request is ever opened: a file's name only names it in messages.
"""

from __future__ import annotations

import re

from realpolitik.exceptions import ScenarioTooLargeError
from realpolitik.scenario import parse_scenario, parse_table
from realpolitik.scenario.model import Scenario
from realpolitik.server.errors import TooLargeError
from realpolitik.server.limits import MAX_NAME
from realpolitik.server.models import TextFormatIn

#: Name suffixes of uploads read as tables (as ``realpolitik check FILE`` reads them).
TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


def upload_name(filename: str | None, default: str = "upload.yaml") -> str:
    r"""The base name of an uploaded file, safe to show in messages (never used as a path).

    Folders are dropped, characters other than letters (any script), digits, spaces and
    ``._-()[]+,@'&`` become ``_`` (so ``jcpoa (1).yaml`` keeps its name), leading dots go, and
    the name is cut to :data:`MAX_NAME` characters (keeping its suffix).

    Examples
    --------
    >>> upload_name("C:\\Users\\me\\bdm table.csv"), upload_name("../../etc/passwd")
    ('bdm table.csv', 'passwd')
    >>> upload_name("<script>.yaml"), upload_name(".."), upload_name(None)
    ('_script_.yaml', 'upload.yaml', 'upload.yaml')
    >>> upload_name("jcpoa (1).yaml"), upload_name("Iran–E3 talks.yaml")
    ('jcpoa (1).yaml', 'Iran_E3 talks.yaml')
    """
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^\w.()\[\]+,@'& -]", "_", base).strip().lstrip(".").strip()
    if len(base) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        keep = dot + suffix if dot and len(suffix) < 10 else ""
        base = base[: MAX_NAME - len(keep)] + keep
    return base or default


def text_format(name: str) -> TextFormatIn:
    """The format an uploaded file's name implies: ``json``, ``csv`` (a table) or ``yaml``.

    Examples
    --------
    >>> [text_format(n) for n in ("a.JSON", "bdm.csv", "k.tsv", "s.yaml", "s")]
    ['json', 'csv', 'csv', 'yaml', 'yaml']
    """
    lower = name.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(TABLE_SUFFIXES):
        return "csv"
    return "yaml"


def scenario_from_text(
    text: str, fmt: TextFormatIn = "yaml", filename: str | None = None
) -> Scenario:
    """Parse scenario text in memory; ``csv`` text is read as a table (``parse_table``).

    ``filename`` only names the text in messages (``upload.yaml`` by default); it is never
    opened.

    Raises
    ------
    ScenarioError
        With every problem of the text (a document nested too deeply is one).
    TooLargeError
        When YAML aliases expand beyond :data:`MAX_YAML_NODES` nodes.
    """
    name = filename or f"upload.{fmt}"
    if fmt == "csv":
        return parse_table(text, filename=name)
    try:
        return parse_scenario(text, filename=name, fmt=fmt)
    except ScenarioTooLargeError as exc:
        # The loader refuses alias bombs and deep nesting; an expansion past any scenario's
        # size is answered as too large (413), like an oversized body.
        raise TooLargeError(str(exc.problems[0].message)) from None


__all__ = [
    "TABLE_SUFFIXES",
    "scenario_from_text",
    "text_format",
    "upload_name",
]

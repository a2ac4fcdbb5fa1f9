"""Scenario files and the built-in scenarios: read the file, then parse it."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from realpolitik.exceptions import Problem, ScenarioError
from realpolitik.scenario import limits
from realpolitik.scenario.loader.parse import parse_scenario
from realpolitik.scenario.loader.text import TextFormat
from realpolitik.scenario.model import Scenario

_BUILTIN_PACKAGE = "realpolitik.data.scenarios"


def read_text(path: str | Path) -> str:
    """Read a text file as UTF-8, turning every failure into a :class:`ScenarioError`."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise ScenarioError([Problem(name, "", "file not found")])
    if p.is_dir():
        raise ScenarioError([Problem(name, "", "expected a file; found a folder")])
    try:
        limits.check_file_size(p.stat().st_size, name)
        raw = p.read_bytes()
    except OSError as exc:
        raise ScenarioError([Problem(name, "", f"cannot read the file: {exc.strerror}")]) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ScenarioError(
            [Problem(name, "", "expected UTF-8 text; found UTF-16 (save the file as UTF-8)")]
        )
    if b"\x00" in raw:
        raise ScenarioError([Problem(name, "", "expected a text file; found binary data")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            [
                Problem(
                    name, f"byte {exc.start}", "expected UTF-8 text; found bytes that are not UTF-8"
                )
            ]
        ) from None


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load a built-in scenario by name, or a scenario file (YAML, JSON, or a CSV table).

    Parameters
    ----------
    name_or_path : str or Path
        A built-in name (see :func:`builtin_scenarios`) or a path. CSV files may be in the
        Bueno de Mesquita form (``Actor,Capability,Position,Salience``) or KTAB's form (see
        :mod:`realpolitik.scenario.tables`); ``.xml`` files in KTAB's XML form.

    Raises
    ------
    ScenarioError
        When the file is missing or invalid, with every problem found.

    Examples
    --------
    >>> s = load_scenario("syria-2020")
    >>> "russia" in s.actor_ids
    True
    """
    name = str(name_or_path)
    if isinstance(name_or_path, str) and name in builtin_scenarios():
        return _load_builtin(name)
    path = Path(name_or_path)
    if not path.exists() and path.suffix == "" and isinstance(name_or_path, str):
        known = ", ".join(builtin_scenarios())
        raise ScenarioError(
            [Problem(name, "", f"no such file, and not a built-in scenario (built-in: {known})")]
        )
    text = read_text(path)
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        from realpolitik.scenario.tables import parse_table

        return parse_table(text, filename=name)
    if path.suffix.lower() == ".xml":
        from realpolitik.scenario.ktab_xml import parse_ktab_xml

        return parse_ktab_xml(text, filename=name)
    fmt: TextFormat = "json" if path.suffix.lower() == ".json" else "yaml"
    return parse_scenario(text, filename=name, fmt=fmt)


@cache
def _builtin_files() -> dict[str, Any]:
    folder = resources.files(_BUILTIN_PACKAGE)
    return {
        f.name.rsplit(".", 1)[0]: f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))
    }


def builtin_scenarios() -> dict[str, str]:
    """Return the built-in scenarios: name → title.

    Examples
    --------
    >>> "syria-2020" in builtin_scenarios()
    True
    """
    return {name: _load_builtin_cached(name).title for name in sorted(_builtin_files())}


@cache
def _load_builtin_cached(name: str) -> Scenario:
    f = _builtin_files()[name]
    return parse_scenario(f.read_text(encoding="utf-8"), filename=f"{name}.yaml (built-in)")


def _load_builtin(name: str) -> Scenario:
    # A fresh deep copy, so that callers may edit what they get.
    return _load_builtin_cached(name).model_copy(deep=True)


def builtin_text(name: str) -> str:
    """Return the YAML text of a built-in scenario."""
    return _builtin_files()[name].read_text(encoding="utf-8")

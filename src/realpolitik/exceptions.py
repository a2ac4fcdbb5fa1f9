"""The exception hierarchy: every error a user can act on derives from :class:`RealpolitikError`."""

from __future__ import annotations

from dataclasses import dataclass


class RealpolitikError(Exception):
    """Base class of every error realpolitik raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file.

    Parameters
    ----------
    file : str
        The file name (or ``"<string>"`` for text parsed from memory).
    where : str
        The path inside the file (``issues[2].positions.iran.salience``), or empty.
    message : str
        What was expected and what was found.
    line, column : int, optional
        Where in the file (1-based), when known.

    Examples
    --------
    >>> print(Problem("s.yaml", "actors[0].capability", "expected a number; found 'x'", 4, 17))
    s.yaml:4:17: actors[0].capability: expected a number; found 'x'
    >>> print(Problem("s.yaml", "actors", "required key is missing"))
    s.yaml: actors: required key is missing
    """

    file: str
    where: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        at = ""
        if self.line is not None:
            at = f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        where = f": {self.where}" if self.where else ""
        return f"{self.file}{at}{where}: {self.message}"


class ScenarioError(RealpolitikError):
    """A scenario file (or table) is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems]
        super().__init__("\n".join(lines) if lines else "invalid scenario")


class ScenarioTooLargeError(ScenarioError):
    """A document expands past the size any scenario has (e.g. YAML aliases inside aliases)."""


class LimitError(RealpolitikError):
    """A computation would pass one of the limits of :mod:`realpolitik.scenario.limits`."""


class ShockError(RealpolitikError):
    """A shock names an unknown actor, issue or shock, or cannot be applied."""


class ConvergenceError(RealpolitikError):
    """An iterative computation did not converge."""


class InputError(RealpolitikError):
    """An input other than a scenario (an article, an option value) is unusable."""


__all__ = [
    "ConvergenceError",
    "InputError",
    "LimitError",
    "Problem",
    "RealpolitikError",
    "ScenarioError",
    "ScenarioTooLargeError",
    "ShockError",
]

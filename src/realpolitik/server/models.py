"""The dashboard's request bodies: strict pydantic models, one per endpoint.

Strict: ``10`` is a count, ``"10"`` and ``true`` are not; unknown fields are refused, and so is
text holding a lone UTF-16 surrogate.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from realpolitik.engine.registry import HEADLINE_MODEL
from realpolitik.report import SECTIONS
from realpolitik.server.errors import _printable
from realpolitik.server.limits import MAX_BODY_BYTES, MAX_NAME, MAX_RUNS, REPORT_RUNS_LIMIT

#: Formats of scenario text: YAML, JSON, or a table (CSV/TSV, see ``parse_table``).
TextFormatIn = Literal["yaml", "json", "csv"]

_NAME_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"
Name = Field(min_length=1, max_length=MAX_NAME, pattern=_NAME_PATTERN)


def _check_unicode(value: Any) -> Any:
    """Refuse text with a lone UTF-16 surrogate (``"\\ud800"`` in JSON): it is no character."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(
                    f"the text holds a lone UTF-16 surrogate ({_printable(text[exc.start])} at "
                    f"character {exc.start}), which is no Unicode character; send valid text"
                ) from None
    return value


class _Request(BaseModel):
    # strict: 10 is a count, "10" and true are not (no silent coercion of JSON values).
    model_config = ConfigDict(extra="forbid", strict=True)

    _unicode = field_validator("*", mode="before")(_check_unicode)


class ScenarioRef(_Request):
    """A scenario: a built-in ``name``, or the ``text`` of a YAML or JSON file (exactly one).

    ``filename`` (with ``text``) names the text in messages, as the user's file is named; it
    is cleaned by :func:`upload_name` and never opened.
    """

    name: str | None = Field(default=None, min_length=1, max_length=MAX_NAME, pattern=_NAME_PATTERN)
    text: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    format: TextFormatIn = "yaml"
    filename: str | None = Field(default=None, max_length=4 * MAX_NAME)

    @model_validator(mode="after")
    def _one(self) -> ScenarioRef:
        if (self.name is None) == (self.text is None):
            raise ValueError("give exactly one of 'name' (a built-in scenario) or 'text'")
        return self


class TextIn(_Request):
    """Scenario text to validate (``filename`` names it in the problems, as in ScenarioRef)."""

    text: str = Field(max_length=MAX_BODY_BYTES)
    format: TextFormatIn = "yaml"
    filename: str | None = Field(default=None, max_length=4 * MAX_NAME)


class ForecastIn(_Request):
    """``POST /api/forecast``."""

    scenario: ScenarioRef
    models: list[str] | None = Field(default=None, max_length=20)
    shocks: list[str] = Field(default_factory=list, max_length=50)
    trace: bool = False


class CompareIn(_Request):
    """``POST /api/compare``."""

    scenario: ScenarioRef
    shocks: list[str] = Field(min_length=1, max_length=50)
    models: list[str] | None = Field(default=None, max_length=20)


class NetworkIn(_Request):
    """``POST /api/network``."""

    scenario: ScenarioRef
    shocks: list[str] = Field(default_factory=list, max_length=50)


class PlanBIn(_Request):
    """``POST /api/planb``."""

    scenario: ScenarioRef
    actor: str = Name
    without: str = Name
    rules: list[str] | None = Field(default=None, max_length=50)
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class EscalationIn(_Request):
    """``POST /api/escalation``."""

    scenario: ScenarioRef
    tree: str | None = Field(default=None, max_length=MAX_NAME)
    lam: float | None = Field(default=None, ge=0)
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class MonteCarloIn(_Request):
    """``POST /api/montecarlo``: at most :data:`MAX_RUNS` runs, always on this machine."""

    scenario: ScenarioRef
    n_runs: int = Field(default=200, ge=1, le=MAX_RUNS)
    seed: int = Field(default=0, ge=0, lt=2**63)
    shocks: list[str] = Field(default_factory=list, max_length=50)
    tree: str | None = Field(default=None, max_length=MAX_NAME)
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class ExplainIn(_Request):
    """``POST /api/explain``."""

    scenario: ScenarioRef
    actor: str = Name
    model: str = Field(default=HEADLINE_MODEL, max_length=MAX_NAME)


class ReportIn(_Request):
    """``POST /api/report`` and ``POST /api/report.html``.

    ``n_runs`` above :data:`MAX_REPORT_RUNS` (up to the command line's limit) is capped, and
    the answer says so (see :func:`capped_runs`).
    """

    scenario: ScenarioRef
    shocks: list[str] = Field(default_factory=list, max_length=50)
    n_runs: int = Field(default=100, ge=0, le=REPORT_RUNS_LIMIT)
    seed: int = Field(default=0, ge=0, lt=2**63)
    sections: list[str] | None = Field(default=None, max_length=len(SECTIONS))


__all__ = [
    "CompareIn",
    "EscalationIn",
    "ExplainIn",
    "ForecastIn",
    "MonteCarloIn",
    "Name",
    "NetworkIn",
    "PlanBIn",
    "ReportIn",
    "ScenarioRef",
    "TextFormatIn",
    "TextIn",
]

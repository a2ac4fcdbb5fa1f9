"""Where numbers come from: evidence, sources, and a number's :class:`Meta` (range, sd, assumption)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from pydantic import (
    Field,
    field_validator,
    model_validator,
)

from realpolitik.scenario.model.base import FiniteFloat, _Base, _iso_date


class Evidence(_Base):
    """A quote that supports a value, optionally tied to a source of the scenario.

    Parameters
    ----------
    quote : str
        The words of the source.
    source : str, optional
        The id of an entry of ``sources:``.
    locator : str, optional
        Where in the source (``"paragraph 9"``, ``"sentence 12"``).
    """

    quote: str = Field(min_length=1)
    source: str | None = None
    locator: str | None = None


def _as_evidence_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    return value


def _evidence_items(value: Any) -> Any:
    """Evidence as a list of ``{quote: ...}`` mappings; anything else is left for validation."""
    items = _as_evidence_list(value)
    if not isinstance(items, list):
        return items  # pydantic says "expected a list; found 0"
    return [_evidence_item(x) for x in items]


def _evidence_item(value: Any) -> Any:
    if isinstance(value, str):
        return {"quote": value}
    return value


EvidenceList = list[Evidence]


class Meta(_Base):
    """Where a number comes from, and how uncertain it is.

    Parameters
    ----------
    evidence : list of Evidence
        Quotes that support the number.
    assumption : str, optional
        The analyst's reason where the sources are silent.
    range : (float, float), optional
        Uniform uncertainty for Monte Carlo runs.
    sd : float, optional
        Normal uncertainty (standard deviation, in the value's units) for Monte Carlo runs.
    """

    evidence: EvidenceList = Field(default_factory=list)
    assumption: str | None = None
    range: tuple[FiniteFloat, FiniteFloat] | None = None
    sd: float | None = Field(default=None, ge=0, strict=True, allow_inf_nan=False)

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: Any) -> Any:
        return _evidence_items(v)

    @model_validator(mode="after")
    def _range_order(self) -> Meta:
        if self.range is not None and self.range[0] > self.range[1]:
            raise ValueError(f"range must be [low, high] with low <= high; got {list(self.range)}")
        return self

    def is_empty(self) -> bool:
        """Whether nothing is recorded."""
        return (
            not self.evidence and self.assumption is None and self.range is None and self.sd is None
        )


_META_KEYS = {"evidence", "assumption", "range", "sd"}


class _WithMeta(_Base):
    """A model whose numeric fields may be written as ``{value: ..., evidence: ...}``.

    ``numeric_fields`` names those fields. The model's own ``evidence``/``assumption`` apply to all
    of its numbers that have none of their own.
    """

    numeric_fields: ClassVar[tuple[str, ...]] = ()
    meta: dict[str, Meta] = Field(default_factory=dict, exclude=True)
    evidence: EvidenceList = Field(default_factory=list)
    assumption: str | None = None

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence(cls, v: Any) -> Any:
        return _evidence_items(v)

    @model_validator(mode="before")
    @classmethod
    def _split_values(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if "meta" in data:
            raise ValueError(
                "'meta' is not a key of the file format; write {value: ..., evidence: ...}"
            )
        data = dict(data)
        meta: dict[str, Any] = {}
        for name in cls.numeric_fields:
            raw = data.get(name)
            if isinstance(raw, dict):
                raw = dict(raw)
                if "value" not in raw:
                    # Leave it to the field validation to say that a number was expected.
                    continue
                data[name] = raw.pop("value")
                meta[name] = raw
        if meta:
            data["meta"] = meta
        return data

    def cite(self, name: str) -> Meta:
        """Return the provenance of the numeric field ``name``.

        Falls back to the model's own ``evidence``/``assumption`` when the field has none.
        """
        own = self.meta.get(name)
        if own is not None and (own.evidence or own.assumption):
            return own
        fallback = Meta(evidence=list(self.evidence), assumption=self.assumption)
        if own is not None:
            fallback.range, fallback.sd = own.range, own.sd
        return fallback


class Source(_Base):
    """A document the scenario's evidence quotes."""

    id: str
    title: str
    author: str | None = None
    publisher: str | None = None
    date: dt.date | str | None = None
    url: str | None = None

    _date = field_validator("date", mode="before")(_iso_date)

"""Building blocks of the file format: literal types, default weights, ids, dates, the base model."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
)

ActorKind = Literal["state", "non-state", "leader", "organisation"]


RelationType = Literal[
    "alliance", "partnership", "alignment", "neutral", "rivalry", "hostility", "war"
]


Commitment = Literal["mutual", "one-way", "none"]


#: Signed weight of each relation type when the file gives none.
DEFAULT_WEIGHTS: dict[str, float] = {
    "alliance": 1.0,
    "partnership": 0.6,
    "alignment": 0.3,
    "neutral": 0.0,
    "rivalry": -0.3,
    "hostility": -0.6,
    "war": -1.0,
}


#: Relation types from the most cooperative to the most hostile.
RELATION_ORDER: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)


_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


#: A finite number (NaN and infinities refused), without coercion from text.
FiniteFloat = Annotated[float, Field(strict=True, allow_inf_nan=False)]


#: A cost on the 0–1 outcome scale.
Cost = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1)]


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, str_strip_whitespace=True)


_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _iso_date(value: Any) -> Any:
    """Read ISO dates given as text (JSON has no date type) as dates; a bare year stays a year.

    Text shaped like a date that is no day of the calendar (``2020-02-30``) is an error, not a
    free-text date.

    Examples
    --------
    >>> _iso_date("2020-01-05"), _iso_date("winter 2020"), _iso_date(2020)
    (datetime.date(2020, 1, 5), 'winter 2020', '2020')
    >>> _iso_date("2020-02-30")
    Traceback (most recent call last):
    ...
    ValueError: expected a calendar date (YYYY-MM-DD); found '2020-02-30' (day is out of range for month)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            if _DATE_LIKE.match(value.strip()):
                y, m, d = (int(x) for x in value.strip().split("-"))
                try:
                    dt.date(y, m, d)
                except ValueError as exc:
                    raise ValueError(
                        f"expected a calendar date (YYYY-MM-DD); found {value!r} ({exc})"
                    ) from None
            return value
    return value


def _check_id(v: str) -> str:
    if not _ID.match(v):
        raise ValueError(
            "an id must be lower-case letters, digits, '-' or '_', starting with a letter or "
            f"digit; got {v!r}"
        )
    return v

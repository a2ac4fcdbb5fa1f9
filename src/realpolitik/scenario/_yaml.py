"""Hardening of the YAML loader: scalars that PyYAML would crash on or read in surprising ways.

- ``1e6`` is a number (YAML 1.2 and JSON spell floats this way; PyYAML's YAML 1.1 rules read it
  as the text ``"1e6"`` because the exponent has no sign and the mantissa no dot).
- ``2020-02-30`` is kept as the text it is, so that the model can say it is no calendar date
  (PyYAML raises ``ValueError: day is out of range for month`` from inside the parser).
- An integer with more digits than Python converts (``sys.get_int_max_str_digits()``, 4,300 by
  default) is a problem at its line and column, not a ``ValueError`` escaping the parser.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

#: Floats in the YAML 1.2 / JSON spelling that YAML 1.1 does not resolve: ``1e6``, ``2.5E-3``,
#: ``-1E+9`` (a mantissa without a dot, or an exponent without a sign).
FLOAT_12 = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$")

#: Most digits of an integer written in a file (Python's own default conversion limit).
MAX_INT_DIGITS = 4300


def _int_digits_limit() -> int:
    getter = getattr(sys, "get_int_max_str_digits", None)
    limit = getter() if getter is not None else 0
    return limit if limit > 0 else MAX_INT_DIGITS


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = str(node.value)
    digits = sum(ch.isdigit() or ch in "abcdefABCDEF" for ch in text)
    limit = _int_digits_limit()
    if digits > limit:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"an integer of {digits:,} digits; numbers in a scenario have at most {limit:,}",
            node.start_mark,
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        # Not a day of the calendar: the text goes on, and the field that holds it says so.
        return str(node.value)


def harden(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """Register the safer scalar rules on ``loader`` (a SafeLoader subclass) and return it.

    Examples
    --------
    >>> class L(yaml.SafeLoader):
    ...     pass
    >>> _ = harden(L)
    >>> yaml.load("[1e6, 2020-02-30, 2020-02-29, 1_000]", Loader=L)
    [1000000.0, '2020-02-30', datetime.date(2020, 2, 29), 1000]
    """
    loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    loader.add_implicit_resolver("tag:yaml.org,2002:float", FLOAT_12, list("-+0123456789."))
    return loader


__all__ = ["FLOAT_12", "MAX_INT_DIGITS", "harden"]

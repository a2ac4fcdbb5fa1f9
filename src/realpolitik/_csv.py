"""CSV cells that a spreadsheet cannot run: protection against formula injection.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets (``=cmd|' /C calc'!A0``, ``@SUM(...)``). Every
CSV the package writes passes its text cells through :func:`safe_cell`, which puts a single
quote in front of such a cell (OWASP's advice); numbers (``-5``, ``+1e3``) are left as they are.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula.

    Examples
    --------
    >>> [safe_cell(v) for v in ("=cmd|' /C calc'!A0", "@SUM(1)", "-5", "+1e3", "Iran", 3, "-x")]
    ["'=cmd|' /C calc'!A0", "'@SUM(1)", '-5', '+1e3', 'Iran', 3, "'-x"]
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, index and column names pass :func:`safe_cell`."""
    from pandas.api.types import is_numeric_dtype

    out = frame.copy()
    for col in out.columns:
        if not is_numeric_dtype(out[col]):
            out[col] = out[col].map(safe_cell)
    out.index = out.index.map(safe_cell)
    out.columns = out.columns.map(safe_cell)
    return out


def safe_csv_text(text: str) -> str:
    """CSV text with every cell passed through :func:`safe_cell` (quoting kept minimal).

    Examples
    --------
    >>> safe_csv_text('a,b\\n=1+1,-2\\n')
    "a,b\\n'=1+1,-2\\n"
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in csv.reader(io.StringIO(text)):
        writer.writerow([safe_cell(c) for c in row])
    return buf.getvalue()


__all__ = ["FORMULA_STARTS", "safe_cell", "safe_csv_text", "safe_frame"]

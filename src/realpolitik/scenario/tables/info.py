"""What reading a table found: :class:`TableInfo` and :class:`TableRead`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from realpolitik.scenario.model import Scenario
from realpolitik.scenario.tables.rows import TableForm, data_key


@dataclass(frozen=True)
class TableInfo:
    """How a table was read: its form, the scales assumed, and the columns kept as data.

    Attributes
    ----------
    form : {"bdm", "ktab"}
    salience_scale : {"0-1", "0-100"}
        The scale the file's saliences were read on.
    salience_reason : str
        Why (the rule, applied to this file).
    position_scales : dict of str to (float, float)
        Per issue id, the units of positions 0 and 100.
    extra_columns : tuple of str
        Header names of the columns kept as actor data (``resolve``, ``type``, ...).
    """

    form: TableForm
    salience_scale: Literal["0-1", "0-100"]
    salience_reason: str
    position_scales: dict[str, tuple[float, float]] = field(default_factory=dict)
    extra_columns: tuple[str, ...] = ()

    def describe(self) -> list[str]:
        """Sentences for ``realpolitik check``: the form, the scales assumed, the columns kept.

        Examples
        --------
        >>> from realpolitik.scenario.tables import read_table
        >>> info = read_table("Actor,Capability,Position,Salience,Resolve\\nA,1,4,0.5,0.2\\n"
        ...                   "B,3,10,1,0.9\\n").info
        >>> print("\\n".join(info.describe()))
        read as a Bueno de Mesquita table (header row)
        saliences read on 0-1: every salience is at most 1
        positions of 'issue' on the table's own scale 4 to 10 (its lowest and highest value)
        extra columns kept as actor data: Resolve (as 'resolve')
        """
        form = (
            "a Bueno de Mesquita table (header row)"
            if self.form == "bdm"
            else "a KTAB table (title row, header row)"
        )
        lines = [
            f"read as {form}",
            f"saliences read on {self.salience_scale}: {self.salience_reason}",
        ]
        for issue, (lo, hi) in self.position_scales.items():
            if self.form == "bdm":
                lines.append(
                    f"positions of {issue!r} on the table's own scale {lo:g} to {hi:g} "
                    "(its lowest and highest value)"
                )
            elif (lo, hi) != (0.0, 100.0):
                lines.append(f"positions of {issue!r} on {lo:g} to {hi:g} (from its header)")
        if self.extra_columns:
            kept = ", ".join(
                f"{c} (as {data_key(c)!r})" if data_key(c) != c else c for c in self.extra_columns
            )
            lines.append(f"extra columns kept as actor data: {kept}")
        return lines


@dataclass(frozen=True)
class TableRead:
    """A table read as a scenario, with :class:`TableInfo` on how it was read."""

    scenario: Scenario
    info: TableInfo

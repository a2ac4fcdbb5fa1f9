"""The tables the field already uses, read as scenarios and written back.

Two forms:

- **Bueno de Mesquita** (``bdm``): a header row naming the columns, one actor per row. The names
  are matched in any case, in any order, with synonyms:

  ============  =========================================================
  actor         ``actor``, ``name``, ``player`` (or a plural)
  capability    ``capability``, ``capabilities``, ``power``, ``influence``, ``clout``
  position      ``position`` (``pstn``, ``pos``)
  salience      ``salience``, ``importance`` (``sal``)
  resolve       ``resolve``, ``risk`` (kept as the actor's ``data["resolve"]``)
  description   ``description``, ``notes`` (kept as the actor's ``notes``)
  ============  =========================================================

  More issues are more position/salience column pairs (``Position Oil,Salience Oil`` or
  ``Oil Position,Oil Salience``). Every other column is kept as actor data under its own name
  (numbers as numbers), and :attr:`TableInfo.extra_columns` lists them. Positions are in the
  case's own units: each column's lowest..highest value is mapped onto 0–100 and kept as the
  issue's ``scale``, so that outputs show forecasts in those units again.
- **KTAB** (``ktab``): a title row (scenario name, description, number of actors, number of
  dimensions), a header row (actor, description, influence, then a position and a salience per
  dimension), then one actor per row; positions and saliences on 0–100, as KTAB defines them.
  Columns after the dimensions are kept as actor data. A position header may end in
  ``[lo to hi]``: the dimension's own scale (realpolitik writes it; KTAB ignores header text).

Both forms: blank lines, trailing commas and ``#`` comment lines are ignored; tab- and
semicolon-separated files work too (the first row decides; with semicolons, ``0,8`` is 0.8).

**Salience scale, decided per file** (Bueno de Mesquita form): when every salience is at most 1
they are on 0–1; otherwise on 0–100 and divided by 100. A file on 0–100 with a salience strictly
between 0 and 1 is refused, naming those cells (a 0–1 value among 0–100 ones is a mistake that
would otherwise weigh the actor 100 times too little). :attr:`TableInfo.salience_scale` says
which scale was assumed and why.

The modules: :mod:`.read` (the guards every table passes, then the form's reader), :mod:`.bdm`
and :mod:`.ktab` (the two forms), :mod:`.rows` (rows, cells and column kinds), :mod:`.info`
(what reading found) and :mod:`.write` (a scenario back to a table).
"""

from realpolitik.scenario.tables.info import TableInfo, TableRead
from realpolitik.scenario.tables.read import parse_table, read_table
from realpolitik.scenario.tables.rows import TABLE_SUFFIXES, TableForm, data_key, detect_form
from realpolitik.scenario.tables.rows import _unique_ids as _unique_ids
from realpolitik.scenario.tables.write import write_table

# Also importable from here, as before the split: _unique_ids (tests/reliability).
__all__ = [
    "TABLE_SUFFIXES",
    "TableForm",
    "TableInfo",
    "TableRead",
    "data_key",
    "detect_form",
    "parse_table",
    "read_table",
    "write_table",
]

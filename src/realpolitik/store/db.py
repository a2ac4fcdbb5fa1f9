"""The run store: one SQLite file (standard library only) holding every recorded run.

Tables (schema version :data:`SCHEMA_VERSION`):

``schema_version``
    One row: the version of the schema in this file.
``scenarios``
    Each scenario text once, keyed by its SHA-256 (``hash``), with its format and title.
``runs``
    One row per run: when, the command, the scenario's hash and the name or path it was given
    as, realpolitik's version, the models, the options, the seed (as text: a fresh seed has 128 bits), the command line that reruns
    it (``argv``), the results (the command's ``--format json`` output), the wall time, and how
    many rows it has in the two tables below (so that a reader can check it is whole).
``positions``
    Round-by-round positions: run, model, round (0 = the inputs), actor, issue, position.
``offers``
    The offers accepted each round: run, model, round, issue, actor, proposer, kind, before,
    after.

Every run is written in one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``): a process killed
at any point leaves either the whole run or nothing, and SQLite's journal rolls a torn write
back the next time the file is opened. Schema changes are numbered migrations applied in order,
each in the same transaction as the version bump; a file from a newer realpolitik is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.exceptions import RealpolitikError


class StoreError(RealpolitikError):
    """The run store cannot be opened, read or written."""


#: The numbered migrations; migration ``n`` takes a store from version ``n - 1`` to ``n``.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE scenarios (
            hash   TEXT PRIMARY KEY,
            text   TEXT NOT NULL,
            format TEXT NOT NULL,
            title  TEXT
        );
        CREATE TABLE runs (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            created       TEXT NOT NULL,
            command       TEXT NOT NULL,
            scenario_hash TEXT NOT NULL REFERENCES scenarios(hash),
            source        TEXT NOT NULL,
            version       TEXT NOT NULL,
            models        TEXT NOT NULL,
            options       TEXT NOT NULL,
            seed          TEXT,
            argv          TEXT NOT NULL,
            results       TEXT NOT NULL,
            n_positions   INTEGER NOT NULL,
            n_offers      INTEGER NOT NULL
        );
        CREATE TABLE positions (
            run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            model    TEXT NOT NULL,
            round    INTEGER NOT NULL,
            actor    TEXT NOT NULL,
            issue    TEXT NOT NULL,
            position REAL NOT NULL,
            PRIMARY KEY (run_id, model, round, actor, issue)
        ) WITHOUT ROWID;
        CREATE TABLE offers (
            run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            model    TEXT NOT NULL,
            round    INTEGER NOT NULL,
            issue    TEXT NOT NULL,
            actor    TEXT NOT NULL,
            proposer TEXT NOT NULL,
            kind     TEXT NOT NULL,
            before   REAL NOT NULL,
            after    REAL NOT NULL
        );
        CREATE INDEX offers_run ON offers(run_id);
        """,
    ),
    (
        2,
        """
        ALTER TABLE runs ADD COLUMN duration_s REAL;
        CREATE INDEX runs_scenario ON runs(scenario_hash, id);
        """,
    ),
)

#: The schema version this realpolitik writes.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def text_hash(text: str) -> str:
    """SHA-256 of a scenario text (UTF-8), in hex.

    Examples
    --------
    >>> text_hash("a")[:12]
    'ca978112ca1b'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class RunRecord:
    """Everything recorded about one run (what :meth:`RunStore.add` writes, :meth:`get` reads).

    ``positions`` rows are ``(model, round, actor, issue, position)``; ``offers`` rows are
    ``(model, round, issue, actor, proposer, kind, before, after)``.
    """

    command: str
    source: str
    scenario_text: str
    scenario_format: str
    scenario_title: str | None
    version: str
    models: list[str]
    options: dict[str, Any]
    seed: int | None
    argv: list[str]
    results: dict[str, Any]
    positions: Sequence[tuple[str, int, str, str, float]] = ()
    offers: Sequence[tuple[str, int, str, str, str, str, float, float]] = ()
    duration_s: float | None = None
    id: int | None = None
    created: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def scenario_hash(self) -> str:
        """SHA-256 of the scenario text."""
        return text_hash(self.scenario_text)


@dataclass(frozen=True)
class RunSummary:
    """One line of ``realpolitik runs list``."""

    id: int
    created: str
    command: str
    source: str
    title: str | None
    scenario_hash: str
    models: list[str]
    seed: int | None
    duration_s: float | None


class RunStore:
    """A run store file. Opening creates it (and its folder) and migrates it to this version.

    Parameters
    ----------
    path : str or Path
        The SQLite file.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     store = RunStore(os.path.join(folder, "runs.sqlite"))
    ...     (store.schema_version(), store.list_runs())
    (2, [])
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        with self._connect() as con:
            self._migrate(con)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions; every write says BEGIN itself.
            con = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the run store {self.path}: {exc}") from None
        try:
            con.execute("PRAGMA foreign_keys = ON")
            yield con
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the run store {self.path} cannot be used: {exc}") from None
        finally:
            con.close()

    @contextmanager
    def _transaction(self, con: sqlite3.Connection) -> Iterator[None]:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def _migrate(self, con: sqlite3.Connection) -> None:
        with self._transaction(con):
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = con.execute("SELECT version FROM schema_version").fetchone()
            version = 0 if row is None else int(row[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the run store {self.path} has schema version {version}, written by a newer "
                    f"realpolitik; this one reads up to version {SCHEMA_VERSION}: upgrade "
                    "realpolitik, or choose another store with --store"
                )
            for number, script in MIGRATIONS:
                if number > version:
                    for statement in _statements(script):
                        con.execute(statement)
            if row is None:
                con.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            elif version < SCHEMA_VERSION:
                con.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    def schema_version(self) -> int:
        """The schema version of the file."""
        with self._connect() as con:
            return int(con.execute("SELECT version FROM schema_version").fetchone()[0])

    def add(self, record: RunRecord) -> int:
        """Write one run in one transaction; return its id."""
        created = record.created or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._connect() as con, self._transaction(con):
            con.execute(
                "INSERT OR IGNORE INTO scenarios (hash, text, format, title) VALUES (?, ?, ?, ?)",
                (
                    record.scenario_hash,
                    record.scenario_text,
                    record.scenario_format,
                    record.scenario_title,
                ),
            )
            cur = con.execute(
                "INSERT INTO runs (created, command, scenario_hash, source, version, models, "
                "options, seed, argv, results, n_positions, n_offers, duration_s) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    created,
                    record.command,
                    record.scenario_hash,
                    record.source,
                    record.version,
                    json.dumps(record.models),
                    json.dumps(record.options, sort_keys=True),
                    None if record.seed is None else str(record.seed),
                    json.dumps(record.argv),
                    json.dumps(record.results, allow_nan=False),
                    len(record.positions),
                    len(record.offers),
                    record.duration_s,
                ),
            )
            run_id = int(cur.lastrowid or 0)
            con.executemany(
                "INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?)",
                ((run_id, *row) for row in record.positions),
            )
            con.executemany(
                "INSERT INTO offers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((run_id, *row) for row in record.offers),
            )
        return run_id

    def resolve(self, ref: str) -> int:
        """The run id that ``ref`` names: a number, ``last``, or ``last~N`` (N runs earlier).

        Raises
        ------
        StoreError
            When no such run is in the store.
        """
        text = ref.strip().lower()
        with self._connect() as con:
            if text == "last" or text.startswith("last~"):
                back = text.partition("~")[2]
                if back and not back.isdigit():
                    raise StoreError(f"a run is a number, 'last' or 'last~N'; got {ref!r}")
                row = con.execute(
                    "SELECT id FROM runs ORDER BY id DESC LIMIT 1 OFFSET ?", (int(back or 0),)
                ).fetchone()
            elif text.isdigit():
                row = con.execute("SELECT id FROM runs WHERE id = ?", (int(text),)).fetchone()
            else:
                raise StoreError(f"a run is a number, 'last' or 'last~N'; got {ref!r}")
        if row is None:
            raise StoreError(
                f"no run {ref!r} in the store {self.path} (see `realpolitik runs list`)"
            )
        return int(row[0])

    def get(self, run_id: int) -> RunRecord:
        """Read one whole run."""
        with self._connect() as con:
            row = con.execute(
                "SELECT r.id, r.created, r.command, r.source, s.text, s.format, s.title, "
                "r.version, r.models, r.options, r.seed, r.argv, r.results, r.duration_s "
                "FROM runs r JOIN scenarios s ON s.hash = r.scenario_hash WHERE r.id = ?",
                (run_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no run {run_id} in the store {self.path}")
            positions = con.execute(
                "SELECT model, round, actor, issue, position FROM positions WHERE run_id = ? "
                "ORDER BY model, round, actor, issue",
                (run_id,),
            ).fetchall()
            offers = con.execute(
                "SELECT model, round, issue, actor, proposer, kind, before, after FROM offers "
                "WHERE run_id = ? ORDER BY rowid",
                (run_id,),
            ).fetchall()
        return RunRecord(
            id=row[0],
            created=row[1],
            command=row[2],
            source=row[3],
            scenario_text=row[4],
            scenario_format=row[5],
            scenario_title=row[6],
            version=row[7],
            models=json.loads(row[8]),
            options=json.loads(row[9]),
            seed=None if row[10] is None else int(row[10]),
            argv=json.loads(row[11]),
            results=json.loads(row[12]),
            duration_s=row[13],
            positions=[tuple(p) for p in positions],
            offers=[tuple(o) for o in offers],
        )

    def list_runs(self, limit: int | None = None, command: str | None = None) -> list[RunSummary]:
        """The runs, newest first (``limit`` of them; only ``command``'s when given)."""
        sql = (
            "SELECT r.id, r.created, r.command, r.source, s.title, r.scenario_hash, r.models, "
            "r.seed, r.duration_s FROM runs r JOIN scenarios s ON s.hash = r.scenario_hash"
        )
        args: list[Any] = []
        if command:
            sql += " WHERE r.command = ?"
            args.append(command)
        sql += " ORDER BY r.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        with self._connect() as con:
            rows = con.execute(sql, args).fetchall()
        return [
            RunSummary(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), _int(r[7]), r[8])
            for r in rows
        ]

    def check(self) -> list[str]:
        """Every inconsistency found (empty when the store is whole).

        SQLite's own integrity and foreign-key checks, plus: each run has exactly the number of
        position and offer rows it says it has, and results that parse as JSON.
        """
        problems: list[str] = []
        with self._connect() as con:
            integrity = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            if integrity != ["ok"]:
                problems.extend(integrity)
            for r in con.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"foreign key: {tuple(r)}")
            rows = con.execute(
                "SELECT id, n_positions, n_offers, results, "
                "(SELECT COUNT(*) FROM positions p WHERE p.run_id = runs.id), "
                "(SELECT COUNT(*) FROM offers o WHERE o.run_id = runs.id) FROM runs"
            ).fetchall()
            for run_id, n_pos, n_off, results, has_pos, has_off in rows:
                if (n_pos, n_off) != (has_pos, has_off):
                    problems.append(
                        f"run {run_id}: {has_pos}/{n_pos} positions, {has_off}/{n_off} offers"
                    )
                try:
                    json.loads(results)
                except ValueError:
                    problems.append(f"run {run_id}: results are not JSON")
            orphans = con.execute(
                "SELECT COUNT(*) FROM positions WHERE run_id NOT IN (SELECT id FROM runs)"
            ).fetchone()[0]
            if orphans:
                problems.append(f"{orphans} position rows without a run")
        return problems


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _statements(script: str) -> list[str]:
    """The statements of a migration script (they contain no ``;`` inside)."""
    return [s.strip() for s in script.split(";") if s.strip()]

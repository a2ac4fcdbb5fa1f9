"""The run store: location, schema migrations, transactions, and what a reader gets back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from realpolitik.store import (
    SCHEMA_VERSION,
    RunRecord,
    RunStore,
    StoreError,
    data_dir,
    diff_data,
    store_path,
)
from realpolitik.store.db import MIGRATIONS


def make_record(n_positions: int = 3, **changes) -> RunRecord:
    base = dict(
        command="forecast",
        source="x.yaml",
        scenario_text="title: x\n",
        scenario_format="yaml",
        scenario_title="x",
        version="0.1.0",
        models=["mean"],
        options={"model": ["mean"]},
        seed=None,
        argv=["forecast", "@scenario"],
        results={"issues": [{"id": "a", "forecast": {"mean": 50.0}}]},
        positions=[("eum", r, "ann", "a", 10.0 + r) for r in range(n_positions)],
        offers=[("eum", 1, "a", "ann", "bob", "compromise", 10.0, 20.0)],
    )
    base.update(changes)
    return RunRecord(**base)


def test_location_follows_the_platform():
    home = Path("/home/ann")
    assert data_dir("linux", {}, home) == home / ".local/share/realpolitik"
    assert data_dir("linux", {"XDG_DATA_HOME": "/srv/d"}, home) == Path("/srv/d/realpolitik")
    # A relative XDG_DATA_HOME is invalid by the spec and ignored.
    assert data_dir("linux", {"XDG_DATA_HOME": "rel"}, home) == home / ".local/share/realpolitik"
    assert data_dir("darwin", {}, home) == home / "Library/Application Support/realpolitik"
    assert data_dir("win32", {"APPDATA": "/c/roam"}, home) == Path("/c/roam/realpolitik")
    assert data_dir("win32", {}, home) == home / "AppData/Roaming/realpolitik"


def test_option_beats_variable_beats_data_dir(tmp_path):
    env = {"REALPOLITIK_STORE": str(tmp_path / "env.sqlite"), "XDG_DATA_HOME": str(tmp_path)}
    assert store_path(tmp_path / "opt.sqlite", env) == tmp_path / "opt.sqlite"
    assert store_path(None, env) == tmp_path / "env.sqlite"
    assert store_path(None, {"XDG_DATA_HOME": str(tmp_path)}) == (
        tmp_path / "realpolitik" / "runs.sqlite"
    )
    # A folder holds runs.sqlite; "off" turns recording off.
    assert store_path(tmp_path, {}) == tmp_path / "runs.sqlite"
    assert store_path(None, {"REALPOLITIK_STORE": "off"}) is None


def test_tests_never_write_to_the_real_home(tmp_path):
    # The autouse fixture in conftest.py points every test at its own folder.
    assert store_path() == tmp_path / "runs.sqlite"


def test_round_trip(tmp_path):
    store = RunStore(tmp_path / "s" / "runs.sqlite")  # the folder is created
    rid = store.add(make_record(seed=2**127 + 5))
    rec = store.get(rid)
    assert rec.seed == 2**127 + 5  # a 128-bit fresh seed survives
    assert rec.results == {"issues": [{"id": "a", "forecast": {"mean": 50.0}}]}
    assert rec.positions == [("eum", 0, "ann", "a", 10.0), ("eum", 1, "ann", "a", 11.0),
                             ("eum", 2, "ann", "a", 12.0)]  # fmt: skip
    assert rec.offers == [("eum", 1, "a", "ann", "bob", "compromise", 10.0, 20.0)]
    assert rec.scenario_text == "title: x\n"
    assert store.check() == []


def test_same_scenario_text_is_kept_once(tmp_path):
    store = RunStore(tmp_path / "runs.sqlite")
    store.add(make_record())
    store.add(make_record())
    store.add(make_record(scenario_text="title: y\n"))
    con = sqlite3.connect(tmp_path / "runs.sqlite")
    assert con.execute("SELECT COUNT(*) FROM scenarios").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 3


def test_a_failed_write_leaves_nothing(tmp_path):
    store = RunStore(tmp_path / "runs.sqlite")
    store.add(make_record())
    # The same (model, round, actor, issue) twice violates the primary key half-way through.
    bad = make_record(positions=[("eum", 0, "ann", "a", 1.0), ("eum", 0, "ann", "a", 2.0)])
    with pytest.raises(StoreError, match="UNIQUE constraint failed"):
        store.add(bad)
    assert [r.id for r in store.list_runs()] == [1]
    assert store.check() == []
    con = sqlite3.connect(tmp_path / "runs.sqlite")
    assert con.execute("SELECT COUNT(*) FROM positions").fetchone()[0] == 3


def test_resolve_names(tmp_path):
    store = RunStore(tmp_path / "runs.sqlite")
    for _ in range(3):
        store.add(make_record())
    assert store.resolve("last") == 3
    assert store.resolve("last~2") == 1
    assert store.resolve("2") == 2
    with pytest.raises(StoreError, match="no run '7'"):
        store.resolve("7")
    with pytest.raises(StoreError, match="a run is a number, 'last' or 'last~N'"):
        store.resolve("first")


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    path = tmp_path / "runs.sqlite"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0][1])
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.execute("INSERT INTO scenarios VALUES ('h', 'title: old', 'yaml', 'old')")
    con.execute(
        "INSERT INTO runs (created, command, scenario_hash, source, version, models, options, "
        "seed, argv, results, n_positions, n_offers) VALUES ('2025-01-01T00:00:00+00:00', "
        "'forecast', 'h', 'old.yaml', '0.0.9', '[\"mean\"]', '{}', NULL, '[]', '{\"x\": 1}', 0, 0)"
    )
    con.commit()
    con.close()
    store = RunStore(path)
    assert store.schema_version() == SCHEMA_VERSION == 2
    rec = store.get(1)
    assert (rec.version, rec.results, rec.duration_s) == ("0.0.9", {"x": 1}, None)
    assert store.add(make_record(duration_s=0.5)) == 2
    assert store.get(2).duration_s == 0.5
    assert store.check() == []


def test_a_store_from_a_newer_realpolitik_is_refused(tmp_path):
    path = tmp_path / "runs.sqlite"
    RunStore(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_version SET version = 99")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 99, written by a newer realpolitik"):
        RunStore(path)


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    path = tmp_path / "runs.sqlite"
    path.write_text("not a database " * 100)
    with pytest.raises(StoreError, match="cannot be used"):
        RunStore(path)


def test_check_finds_a_torn_run(tmp_path):
    # check() is what the kill test relies on: it must see a run missing rows.
    path = tmp_path / "runs.sqlite"
    store = RunStore(path)
    store.add(make_record(n_positions=4))
    con = sqlite3.connect(path)
    con.execute("DELETE FROM positions WHERE round = 3")
    con.commit()
    assert store.check() == ["run 1: 3/4 positions, 1/1 offers"]


def test_diff_data_matches_records_by_id_and_names_paths():
    a = {"issues": [{"id": "x", "forecast": {"eum": 50.0, "mean": 40.0}}], "n": 3}
    b = {"issues": [{"id": "x", "forecast": {"eum": 55.0, "mean": 40.0}}], "n": 3, "new": True}
    changes = {c.path: (c.before, c.after) for c in diff_data(a, b)}
    assert changes == {"issues[x].forecast.eum": (50.0, 55.0), "new": (None, True)}
    assert list(diff_data(a, json.loads(json.dumps(a)))) == []

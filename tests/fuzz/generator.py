"""Mutated scenario files and tables for the fuzz suite: structure, types, edge numbers, encodings,
truncation and sizes.

:func:`cases` yields :class:`Case` objects (a file name and its bytes), each derived from one
valid seed (the built-in scenario, the examples, small hand-written scenarios and tables) by one to
three mutations drawn with a ``numpy`` generator, so that a seed reproduces every case. A case
records the mutations it went through, which is what a failure report prints.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from realpolitik.scenario import builtin_text

REPO = Path(__file__).resolve().parents[2]

TOY: dict[str, Any] = {
    "title": "Toy crisis",
    "date": "2020-01-05",
    "sources": [{"id": "art", "title": "An article", "date": "2020-01-06"}],
    "actors": [
        {"id": "a", "name": "A", "capability": {"value": 40, "range": [30, 50]}, "tags": ["t"]},
        {"id": "b", "name": "B", "capability": 30, "partner_rules": ["min-capability:10"]},
        {"id": "c", "name": "C", "capability": {"value": 20, "sd": 2, "evidence": "quoted"}},
    ],
    "issues": [
        {
            "id": "x",
            "title": "X",
            "status_quo": 40,
            "positions": {
                "a": {"position": 10, "salience": 0.8},
                "b": {
                    "position": 90,
                    "salience": 0.5,
                    "evidence": [{"source": "art", "quote": "q"}],
                },
                "c": {"position": 50, "salience": 0.3},
            },
        },
        {
            "id": "y",
            "title": "Y",
            "scale": [0, 10],
            "positions": {
                "a": {"position": 70, "salience": 0.2},
                "c": {"position": 0, "salience": 1},
            },
        },
    ],
    "relations": [
        {"between": ["a", "b"], "type": "rivalry"},
        {"between": ["a", "c"], "type": "alliance", "weight": 0.9},
    ],
    "shocks": [
        {
            "id": "s1",
            "title": "S1",
            "edits": [
                {"op": "scale-capability", "actor": "a", "factor": 0.5},
                {"op": "set-position", "actor": "b", "issue": "y", "value": 20},
            ],
        },
        {"id": "s2", "title": "S2", "edits": [{"op": "remove-actor", "actor": "c"}]},
    ],
    "escalation": [
        {
            "id": "t",
            "title": "T",
            "root": "n1",
            "nodes": [
                {
                    "id": "n1",
                    "actor": "a",
                    "options": [{"id": "wait", "outcome": "calm"}, {"id": "hit", "next": "n2"}],
                },
                {
                    "id": "n2",
                    "actor": "b",
                    "options": [
                        {"id": "absorb", "outcome": "calm"},
                        {"id": "war", "outcome": "war"},
                    ],
                },
            ],
            "outcomes": [
                {"id": "calm"},
                {"id": "war", "shocks": ["s2"], "costs": {"a": 0.2, "b": {"value": 0.1}}},
            ],
        }
    ],
}

BDM_TABLE = "Actor,Capability,Position,Salience\nA,100,10,0.9\nB,50,60,0.5\nC,25,100,0.7\n"
BDM_MULTI = "Actor,Capability,Position Oil,Salience Oil,Position Tax,Salience Tax\nA,1,2,50,7,20\nB,3,4,60,,\nC,2,9,80,1,90\n"
KTAB_TABLE = (
    "Toy,A KTAB table,3,2\n"
    "Actor,Description,Influence,Tax Position,Tax Salience,Oil Position,Oil Salience\n"
    "A,first,100,10,90,40,50\nB,second,50,60,50,80,20\nC,third,25,100,70,0,100\n"
)

#: Numbers at the edges of what a float, an int or a scale can hold.
EDGE_NUMBERS: tuple[Any, ...] = (
    0,
    -0.0,
    -1,
    1,
    0.5,
    100,
    100.0000001,
    101,
    1e-320,
    5e-324,
    1e300,
    -1e300,
    1.7976931348623157e308,
    math.nan,
    math.inf,
    -math.inf,
    2**63,
    -(2**63),
    10**30,
    True,
    False,
    None,
    "1e6",
    "12",
    "",
    "nan",
)
WEIRD_TEXT: tuple[str, ...] = (
    "",
    " ",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    '<script>alert("x")</script>',
    "\"quoted\" & 'single'",
    "ünïcödé — ☃",
    "a" * 5000,
    "2020-02-30",
    "2020-13-01",
    "0000-00-00",
    "9" * 4400,
    "*anchor",
    "!!python/object:os.system",
    "line\nbreak",
    "\t\r",
    "\u202eRTL",
    "NUL\x00inside",
)


@dataclass
class Case:
    """One fuzz input: ``name`` (its suffix says how it is read), ``data`` and how it was made."""

    name: str
    data: bytes
    steps: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """The seed and the mutations, for failure reports."""
        return f"{self.name}: " + " -> ".join(self.steps)


# --------------------------------------------------------------------------------------------
# Seeds
# --------------------------------------------------------------------------------------------
def seeds() -> list[tuple[str, str, Any]]:
    """(name, kind, content) of every valid seed: kind ``data`` (a mapping) or ``table`` (text)."""
    out: list[tuple[str, str, Any]] = [
        ("toy", "data", TOY),
        ("syria-2020", "data", yaml.safe_load(builtin_text("syria-2020"))),
        ("bdm", "table", BDM_TABLE),
        ("bdm-multi", "table", BDM_MULTI),
        ("ktab", "table", KTAB_TABLE),
    ]
    for path in sorted((REPO / "examples" / "scenarios").glob("*.yaml")):
        out.append((path.stem, "data", yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


# --------------------------------------------------------------------------------------------
# Mutations of plain data
# --------------------------------------------------------------------------------------------
def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for k, v in enumerate(obj):
            out += _paths(v, (*prefix, k))
    return out


def _get(obj: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        obj = obj[p]
    return obj


def _set(obj: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(obj, path[:-1])[path[-1]] = value
    return obj


def _pick(rng: np.random.Generator, items: Any) -> Any:
    return items[int(rng.integers(len(items)))]


def _replace_value(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    paths = _paths(data)
    path = _pick(rng, paths)
    value = _pick(rng, EDGE_NUMBERS) if rng.random() < 0.6 else _pick(rng, WEIRD_TEXT)
    return _set(data, path, value), f"set {list(path)} = {str(value)[:30]!r}"


def _numbers(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    paths = [p for p in _paths(data) if isinstance(_get(data, p), int | float)]
    if not paths:
        return _replace_value(data, rng)
    path = _pick(rng, paths)
    value = _pick(rng, EDGE_NUMBERS[:19])
    return _set(data, path, value), f"number {list(path)} = {value!r}"


def _wrong_type(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    path = _pick(rng, _paths(data))
    value = _pick(rng, (0, 7, "text", [1, 2], {"k": 1}, [], {}, None, [[[]]], True))
    return _set(data, path, copy.deepcopy(value)), f"type {list(path)} = {value!r}"


def _delete_key(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    paths = [p for p in _paths(data) if p and isinstance(_get(data, p[:-1]), dict | list)]
    if not paths:
        return data, "delete nothing"
    path = _pick(rng, paths)
    parent = _get(data, path[:-1])
    del parent[path[-1]]
    return data, f"delete {list(path)}"


def _unknown_key(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    dicts = [p for p in _paths(data) if isinstance(_get(data, p), dict)]
    if not dicts:
        return _replace_value(data, rng)
    path = _pick(rng, dicts)
    key = _pick(rng, ("titel", "capabilty", "evidance", "x" * 60, "meta", "value", "9", "ID"))
    _get(data, path)[key] = _pick(rng, (1, "v", None, []))
    return data, f"key {list(path)}.{key}"


def _duplicate(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    lists = [p for p in _paths(data) if isinstance(_get(data, p), list) and _get(data, p)]
    if not lists:
        return data, "duplicate nothing"
    path = _pick(rng, lists)
    items = _get(data, path)
    items.append(copy.deepcopy(_pick(rng, items)))
    return data, f"duplicate in {list(path)}"


#: Sizes of the big files :func:`_big_text` writes (bytes).
BIG_SIZES: list[int] = [100_000, 2_000_000]
#: Sizes :func:`_grow` draws from (the CI run keeps the small ones, see :func:`cases`).
GROW_SIZES: list[int] = [50, 200, 1000, 3000]


def _grow(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    """Many actors (and positions for them): sizes up to a few thousand."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        return _duplicate(data, rng)
    n = int(_pick(rng, GROW_SIZES))
    actors = [{"id": f"z{k}", "name": f"Z{k}", "capability": float(k % 97)} for k in range(n)]
    data["actors"] = list(data["actors"]) + actors
    issues = data.get("issues")
    if isinstance(issues, list) and issues and isinstance(issues[0], dict):
        pos = issues[0].get("positions")
        if isinstance(pos, dict) and n <= 1000:
            for k in range(n):
                pos[f"z{k}"] = {"position": float(k % 101), "salience": (k % 10) / 10}
    return data, f"grow {n} actors"


def _nest(data: Any, rng: np.random.Generator) -> tuple[Any, str]:
    path = _pick(rng, _paths(data))
    deep: Any = 1
    depth = int(_pick(rng, (5, 50, 150)))
    for _ in range(depth):
        deep = [deep]
    return _set(data, path, deep), f"nest {depth} at {list(path)}"


DATA_MUTATIONS: tuple[Callable[[Any, np.random.Generator], tuple[Any, str]], ...] = (
    _replace_value,
    _numbers,
    _numbers,
    _wrong_type,
    _delete_key,
    _unknown_key,
    _duplicate,
    _grow,
    _nest,
)


# --------------------------------------------------------------------------------------------
# Mutations of tables
# --------------------------------------------------------------------------------------------
def _table_mutation(text: str, rng: np.random.Generator) -> tuple[str, str]:
    rows = list(csv.reader(io.StringIO(text)))
    kind = int(rng.integers(7))
    if kind == 0 and rows:  # a cell becomes an edge value or odd text
        r = int(rng.integers(len(rows)))
        if rows[r]:
            c = int(rng.integers(len(rows[r])))
            v = _pick(
                rng,
                (
                    "nan",
                    "inf",
                    "-inf",
                    "1e400",
                    "-5",
                    "1e300",
                    "",
                    "x",
                    "0",
                    "1e6",
                    "=1+1",
                    "9" * 5000,
                ),
            )
            rows[r][c] = v
            step = f"cell {r},{c} = {v[:20]!r}"
        else:
            step = "cell none"
    elif kind == 1 and rows:  # a row loses or gains cells
        r = int(rng.integers(len(rows)))
        rows[r] = rows[r][: int(rng.integers(len(rows[r]) + 1))] + (["7"] * int(rng.integers(3)))
        step = f"row {r} width {len(rows[r])}"
    elif kind == 2 and len(rows) > 1:  # repeat rows (one name many times)
        n = int(_pick(rng, (10, 500, 3000)))
        rows += [list(rows[-1]) for _ in range(n)]
        step = f"repeat last row {n}x"
    elif kind == 3 and rows:  # drop a row
        del rows[int(rng.integers(len(rows)))]
        step = "drop a row"
    elif kind == 4 and rows:  # header words change
        rows[0] = [
            _pick(rng, ("Actor", "Capability", "Position", "Salience", "rp", "", "Name"))
            for _ in rows[0]
        ]
        step = f"header {rows[0]}"
    elif kind == 5:  # many columns
        n = int(_pick(rng, (10, 200)))
        rows = [
            r + [f"Position {k}" if i == 0 else "1" for k in range(n)] for i, r in enumerate(rows)
        ]
        step = f"{n} more columns"
    else:  # a KTAB title row with odd counts
        rows.insert(
            0,
            [
                "T",
                "d",
                _pick(rng, ("3", "-1", "1e9", "0.5", "x")),
                _pick(rng, ("2", "-1", "1e9", "0", "100000")),
            ],
        )
        step = f"title row {rows[0]}"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue(), step


# --------------------------------------------------------------------------------------------
# Mutations of bytes (encodings, truncation)
# --------------------------------------------------------------------------------------------
def _byte_mutation(raw: bytes, rng: np.random.Generator) -> tuple[bytes, str]:
    kind = int(rng.integers(8))
    if not raw:
        return b"\x00", "nul"
    at = int(rng.integers(len(raw)))
    if kind == 0:
        return raw[:at] + bytes([raw[at] ^ (1 << int(rng.integers(8)))]) + raw[
            at + 1 :
        ], f"flip byte {at}"
    if kind == 1:
        return raw[:at], f"truncate at {at}"
    if kind == 2:
        return raw[:at] + b"\x00" + raw[at:], f"nul at {at}"
    if kind == 3:
        return raw.decode("utf-8", "replace").encode(
            _pick(rng, ("utf-16", "utf-16-le", "utf-32"))
        ), "utf-16/32"
    if kind == 4:
        return b"\xef\xbb\xbf" + raw, "utf-8 bom"
    if kind == 5:
        return raw.decode("utf-8", "replace").encode("latin-1", "replace"), "latin-1"
    if kind == 6:
        return raw[:at] + bytes([int(rng.integers(1, 32))]) + raw[at:], f"control char at {at}"
    return raw[:at] + b"\xed\xa0\x80" + raw[at:], f"lone surrogate bytes at {at}"


def _big_text(rng: np.random.Generator) -> tuple[bytes, str]:
    kind = int(rng.integers(3))
    size = int(_pick(rng, BIG_SIZES))
    if kind == 0:
        return (
            'title: "' + "a" * size + '"\nactors: []\nissues: []\n'
        ).encode(), f"huge string {size}"
    if kind == 1:
        return (yaml.safe_dump(TOY) + "#" + "c" * size + "\n").encode(), f"huge comment {size}"
    return (
        "Actor,Capability,Position,Salience\n" + "A,1,2,0.5\n" * (size // 10)
    ).encode(), f"big csv {size}"


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------
def _dump(data: Any, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(data, default=str, allow_nan=True).encode()
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()


def make_case(rng: np.random.Generator, index: int) -> Case:
    """One mutated file; ``index`` only numbers its name."""
    all_seeds = seeds_cached()
    name, kind, content = all_seeds[int(rng.integers(len(all_seeds)))]
    steps = [name]
    if rng.random() < 0.02:
        raw, step = _big_text(rng)
        suffix = ".csv" if step.startswith("big csv") else ".yaml"
        return Case(f"case{index}{suffix}", raw, [step])
    if kind == "data":
        data = copy.deepcopy(content)
        fmt = "json" if rng.random() < 0.3 else "yaml"
        for _ in range(int(rng.integers(1, 4))):
            data, step = _pick(rng, DATA_MUTATIONS)(data, rng)
            steps.append(step)
        try:
            raw = _dump(data, fmt)
        except (RecursionError, ValueError):
            raw = b"title: [unbalanced"
            steps.append("unserialisable")
        suffix = f".{fmt}"
    else:
        text = content
        for _ in range(int(rng.integers(1, 3))):
            text, step = _table_mutation(text, rng)
            steps.append(step)
        raw = text.encode()
        suffix = ".csv"
    if rng.random() < 0.25:
        raw, step = _byte_mutation(raw, rng)
        steps.append(step)
    return Case(f"case{index}{suffix}", raw, steps)


_SEEDS: list[tuple[str, str, Any]] = []


def seeds_cached() -> list[tuple[str, str, Any]]:
    """:func:`seeds`, read once."""
    if not _SEEDS:
        _SEEDS.extend(seeds())
    return _SEEDS


def cases(
    n: int, seed: int, *, max_actors: int = 3000, max_bytes: int = 2_000_000, start: int = 0
) -> Iterator[Case]:
    """``n`` cases drawn from ``seed`` (the same seed gives the same cases).

    ``max_actors`` and ``max_bytes`` bound the scenarios grown by :func:`_grow` and the big files
    (the CI run keeps them small); ``start`` skips the first cases (for parallel runs).
    """
    # 3,000 actors pass the default model-memory limit: refused before the engine runs.
    configure(max_actors=max_actors, max_bytes=max_bytes)
    for k in range(start, n):
        yield case_number(seed, k)


def configure(*, max_actors: int = 3000, max_bytes: int = 2_000_000) -> None:
    """Set the sizes :func:`_grow` and :func:`_big_text` draw from."""
    # 3,000 actors pass the default model-memory limit: refused before the engine runs.
    GROW_SIZES[:] = [k for k in (50, 200, 1000) if k <= max_actors] + [3000]
    BIG_SIZES[:] = [k for k in (100_000, 2_000_000) if k <= max_bytes] or [10_000]


def case_number(seed: int, k: int) -> Case:
    """Case ``k`` of the run of ``seed``: drawn from its own stream, so any case is made alone."""
    return make_case(np.random.default_rng([seed, k]), k)

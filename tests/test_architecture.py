"""The package's import graph, built from the source with ``ast``: no import circles.

Every ``import`` statement counts wherever it stands (module level, inside a function, under
``if TYPE_CHECKING:``): a circle that only a function-level import hides still ties the two
modules together. ``from a.b import c`` is an edge to the module ``a.b.c`` when there is one,
otherwise to ``a.b``; relative imports are resolved against the importing module's package.
A package's ``__init__`` is the module named after the package; importing ``a.b.c`` is not
counted as importing ``a.b`` too (every module would then sit in a circle with any package
``__init__`` that re-exports it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import realpolitik

SRC = Path(realpolitik.__file__).parent
#: Packages whose modules must not sit in an import circle. Add a package here once its
#: circles are broken; the whole package is ``("realpolitik",)``.
CHECKED = ("realpolitik",)


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Map each module's dotted name to its file (``pkg/__init__.py`` is ``pkg``)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join([package, *parts])] = path
    return names


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of ``name`` that is a module of the package, or None."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def import_graph(root: Path, package: str) -> nx.DiGraph:
    """Edges ``importer -> imported`` between the package's modules, with the import's line."""
    modules = module_names(root, package)
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base_parts = name.split(".")
                    drop = node.level - 1 if is_package else node.level
                    base_parts = base_parts[: len(base_parts) - drop]
                    base = ".".join(base_parts + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            for target in targets:
                imported = _known(target, modules)
                if imported is not None and imported != name and not graph.has_edge(name, imported):
                    graph.add_edge(name, imported, line=node.lineno)
    return graph


def circles(graph: nx.DiGraph, checked: tuple[str, ...]) -> list[str]:
    """One circle per strongly connected group that holds a checked module, as readable text."""
    found = []
    for group in nx.strongly_connected_components(graph):
        if len(group) < 2 or not any(
            m == p or m.startswith(p + ".") for m in group for p in checked
        ):
            continue
        cycle = nx.find_cycle(graph.subgraph(group), source=min(group))
        steps = [f"{a} -> {b} (line {graph.edges[a, b]['line']})" for a, b in cycle]
        found.append("; ".join(steps))
    return sorted(found)


def test_no_import_circle_in_the_checked_packages():
    graph = import_graph(SRC, "realpolitik")
    found = circles(graph, CHECKED)
    assert not found, "import circles:\n" + "\n".join(found)


def test_the_graph_sees_function_level_and_from_imports():
    graph = import_graph(SRC, "realpolitik")
    # scenario/__init__ re-exports the loader; load_scenario imports the table reader inside
    # the function: both are edges.
    assert graph.has_edge("realpolitik.scenario", "realpolitik.scenario.loader")
    assert any(
        graph.has_edge(m, "realpolitik.scenario.tables")
        for m in graph
        if m.startswith("realpolitik.scenario.loader")
    )
    # ``from realpolitik.scenario import limits`` is an edge to the module, not the package.
    assert any(
        graph.has_edge(m, "realpolitik.scenario.limits")
        for m in graph
        if m.startswith("realpolitik.scenario.loader")
    )


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_circle_through_a_function_level_relative_import_is_reported(tmp_path):
    _write(
        tmp_path / "pkg",
        {
            "__init__.py": "",
            "a/__init__.py": "from pkg.a.one import f\n",
            "a/one.py": "import pkg.b\n\ndef f():\n    from ..b import two\n",
            "b/__init__.py": "",
            "b/two.py": "def g():\n    from ..a import one\n",
            "c.py": "from . import b\n",
        },
    )
    graph = import_graph(tmp_path / "pkg", "pkg")
    assert set(graph.edges) == {
        ("pkg.a", "pkg.a.one"),
        ("pkg.a.one", "pkg.b"),
        ("pkg.a.one", "pkg.b.two"),
        ("pkg.b.two", "pkg.a.one"),
        ("pkg.c", "pkg.b"),
    }
    assert circles(graph, ("pkg.a",)) == [
        "pkg.a.one -> pkg.b.two (line 4); pkg.b.two -> pkg.a.one (line 2)"
    ]
    # A circle outside the checked packages is not reported.
    assert circles(graph, ("pkg.c",)) == []


def test_a_tree_without_circles_passes(tmp_path):
    _write(
        tmp_path / "pkg",
        {"__init__.py": "from pkg.m import x\n", "m.py": "import os\nx = 1\n"},
    )
    assert circles(import_graph(tmp_path / "pkg", "pkg"), ("pkg",)) == []


def test_scenario_to_state_is_the_array_conversion():
    # The model no longer imports realpolitik.scenario.arrays: the method calls the conversion
    # that module registers.
    import numpy as np

    from realpolitik.scenario import load_scenario, to_state

    s = load_scenario("syria-2020")
    state, actors, issues = s.to_state()
    expected, expected_actors, expected_issues = to_state(s)
    assert (actors, issues) == (expected_actors, expected_issues)
    for name in ("position", "salience", "capability", "present", "affinity"):
        np.testing.assert_array_equal(getattr(state, name), getattr(expected, name))


#: The layers of CONTRIBUTING.md's map, bottom first: a module imports only its own layer's
#: folders and those below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("exceptions", "_types", "_json", "_rng", "_csv", "_version"),
    ("engine",),
    ("scenario",),
    ("forecasting", "simulate", "ingest", "store"),
    ("analysis",),
    ("report",),
    ("server", "cli", ""),  # "" is realpolitik/__init__.py, the flat public API
)
#: No module of the package is longer than this (data and static files aside).
MAX_LINES = 500


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    for k, folders in enumerate(LAYERS):
        if top in folders:
            return k
    raise AssertionError(f"{module} is in no layer of the map: add its folder to LAYERS")


def test_imports_go_up_the_layers_of_the_map():
    graph = import_graph(SRC, "realpolitik")
    wrong = [
        f"{a} (layer {_layer(a) + 1}) imports {b} (layer {_layer(b) + 1}), line {d['line']}"
        for a, b, d in graph.edges(data=True)
        if _layer(b) > _layer(a)
    ]
    assert not wrong, "imports against the map:\n" + "\n".join(sorted(wrong))


def test_the_layer_check_sees_a_wrong_way_import():
    graph = nx.DiGraph()
    graph.add_edge("realpolitik.engine.x", "realpolitik.report.y", line=3)
    assert [(a, b) for a, b in graph.edges if _layer(b) > _layer(a)] == [
        ("realpolitik.engine.x", "realpolitik.report.y")
    ]


def test_no_module_is_longer_than_about_500_lines():
    sizes = {
        str(path.relative_to(SRC)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).parts[0] != "data"
    }
    long = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"

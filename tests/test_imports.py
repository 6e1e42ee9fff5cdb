"""The package's modules import each other in one direction: no circles.

The graph is read from the source (no module is imported), so it sees the
lazy imports inside functions as well; only imports under ``if
TYPE_CHECKING:`` are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "checker"

#: Edges ``(importer, imported)`` allowed to close a circle, each with why.
#: Empty: keep it that way unless a circle cannot be helped.
ALLOWED: dict[tuple[str, str], str] = {}


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Dotted module name → file, for every module of the package."""
    out = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, except under ``if TYPE_CHECKING:``."""
    out: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _type_checking(node.test):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module → the package's modules it imports. ``from a import b`` is an
    edge to ``a.b`` when that is a module, else to ``a``."""
    mods = modules(root)
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
                continue
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                targets.add(sub if sub in mods else module)
        graph[name] = {t for t in targets if t in mods and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest circle through each group of modules that reach each
    other, as ``[a, b, ..., a]``."""
    return [_shortest_circle(graph, group) for group in circular_groups(graph)]


def circular_groups(graph: dict[str, set[str]]) -> list[set[str]]:
    """Groups of modules that reach each other (strongly connected
    components of more than one module, Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def _shortest_circle(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """Breadth first from the group's first module back to itself."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & group):
                if w == start:
                    return [*paths[v], start]
                if w not in paths:
                    paths[w] = [*paths[v], w]
                    nxt.append(w)
        frontier = nxt
    raise AssertionError(f"{sorted(group)} is not a circle")


def test_the_package_imports_in_one_direction() -> None:
    graph = import_graph()
    for (a, b), why in ALLOWED.items():
        assert b in graph.get(a, set()), f"allowed edge {a} -> {b} ({why}) no longer exists"
        graph[a].discard(b)
    found = [
        " -> ".join(_shortest_circle(graph, group))
        + (f"  (all of: {', '.join(sorted(group))})" if len(group) > 2 else "")
        for group in circular_groups(graph)
    ]
    assert not found, "import circles:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("sources", "circle"),
    [
        ({"a": "from checker import b", "b": "from checker.a import x"}, ["a", "b", "a"]),
        ({"a": "def f():\n    import checker.b", "b": "import checker.a"}, ["a", "b", "a"]),
        ({"a": "from . import b", "b": "from .a import x"}, ["a", "b", "a"]),
    ],
    ids=["top-level", "inside-a-function", "relative"],
)
def test_a_circle_is_found(tmp_path: Path, sources: dict[str, str], circle: list[str]) -> None:
    _write(tmp_path, sources)
    assert cycles(import_graph(tmp_path)) == [[f"{PACKAGE}.{m}" for m in circle]]


@pytest.mark.parametrize(
    "sources",
    [
        {"a": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from checker import b",
         "b": "from checker.a import x"},
        {"a": "from checker import b", "b": "import json"},
    ],
    ids=["type-checking-only", "one-way"],
)
def test_no_circle_is_found(tmp_path: Path, sources: dict[str, str]) -> None:
    _write(tmp_path, sources)
    assert cycles(import_graph(tmp_path)) == []


def _write(root: Path, sources: dict[str, str]) -> None:
    package = root / PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in sources.items():
        (package / f"{name}.py").write_text(text + "\n")

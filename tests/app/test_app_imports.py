"""The explorer's modules import each other in one direction only: no cycle, however deferred.

Every import counts, at module level, inside functions and under TYPE_CHECKING alike: a dialog
is handed what it shows, and a screen reaches the app only through screens/host.py's Protocol.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tui.app

APP = Path(tui.app.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The tui.app modules that `path` imports anywhere in its text."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found.update(name for name in names if name in known)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted(APP.rglob("*.py"))
    known = {module_name(path) for path in paths}
    return {module_name(path): imports_of(path, known) for path in paths}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of imports as a list of modules, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycle_in_the_app() -> None:
    edges = graph()
    assert "tui.app.screens.theme" in edges["tui.app.app"]  # the graph sees real imports
    assert find_cycle(edges) is None, " -> ".join(find_cycle(edges) or [])


def test_the_cycle_finder_finds_a_deferred_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_dialogs_and_screens_never_import_the_app() -> None:
    edges = graph()
    for module, targets in edges.items():
        if module.startswith(("tui.app.screens", "tui.app.widgets", "tui.app.present")):
            assert "tui.app.app" not in targets, module


def test_private_textual_and_plotext_parts_only_in_fastpaths() -> None:
    """`_name` of another package (textual, plotext) is touched only under fastpaths/."""
    for path in APP.rglob("*.py"):
        if "fastpaths" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module.split(".")
                private = [m for m in module if m.startswith("_")]
                private += [a.name for a in node.names if a.name.startswith("_")]
                if module[0] in ("textual", "plotext", "textual_plotext"):
                    assert not private, f"{path.name}: from {node.module} import {private}"

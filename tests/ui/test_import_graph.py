"""ui/ holds no import circle: its parts get narrow interfaces, not the window (issue 16). Every import
statement counts, also those inside functions and under TYPE_CHECKING: a circle there is still a circle
in the design."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import branchdesk.ui

UI = Path(branchdesk.ui.__file__).parent
PACKAGE = "branchdesk.ui"


def module_name(path: Path) -> str:
    parts = path.relative_to(UI).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def ui_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(UI.rglob("*.py"))}


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """The ui modules ``path`` imports (``from a import b`` names module a.b when there is one)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        found.update(name for name in names if name in modules)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = ui_modules()
    return {name: imports_of(path, modules) - {name} for name, path in modules.items()}


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert "branchdesk.ui.tabs.contract" in graph["branchdesk.ui.tabs.deck"]
    assert "branchdesk.ui.ledger_safety" in graph["branchdesk.ui.ledger_files"]
    assert len(graph) > 60


def test_ui_has_no_import_circle() -> None:
    try:
        list(TopologicalSorter(import_graph()).static_order())
    except CycleError as error:
        raise AssertionError(f"import circle in ui/: {' → '.join(error.args[1])}") from None


def test_nothing_in_ui_imports_the_window() -> None:
    graph = import_graph()
    importers = sorted(name for name, imported in graph.items() if "branchdesk.ui.main_window" in imported)
    assert importers == []


def test_a_circle_would_be_found() -> None:
    graph = import_graph()
    graph["branchdesk.ui.tabs.contract"] = {"branchdesk.ui.tabs.deck"}
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError:
        return
    raise AssertionError("a circle was not found")

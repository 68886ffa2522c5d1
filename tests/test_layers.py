"""The layer contracts of DESIGN.md §6, checked by import-linter on every test run."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run(
        [lint_imports, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_qt_or_sql_import_is_hidden_behind_a_string() -> None:
    """import-linter sees import statements; make sure nobody side-steps it with importlib."""
    for path in (ROOT / "branchdesk").rglob("*.py"):
        assert "importlib.import_module" not in path.read_text(encoding="utf-8"), path


# SQL statements as storage writes them (upper-case keywords), so English prose such as "select one from
# the list" never matches.
_SQL = re.compile(
    r"\bSELECT\b[\s\S]*?\bFROM\b|\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(?:CREATE|DROP)\s+(?:TEMP\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b|\bPRAGMA\s+\w+"
)

# What makes Ledger a general query tool: only storage may use these. ``operation``, ``snapshot``, ``clock``
# and ``path`` stay open to the layers above (a user action is one operation; reads share one snapshot).
_QUERY_TOOL = {
    "query",
    "scalar",
    "conn",
    "db",
    "execute",
    "transaction",
    "log_change",
    "insert_link",
    "delete_link",
}
# Names too common to refuse on every object (dict.update, set.update…): refused on a ledger only.
_TABLE_WRITES = {"insert", "update", "delete", "row"}


def _modules_above_storage() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((ROOT / "branchdesk").rglob("*.py")):
        if "storage" not in path.relative_to(ROOT / "branchdesk").parts[:1]:
            yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _ledger_names(tree: ast.Module) -> set[str]:
    """The names and attributes annotated as a Ledger (``ledger: Ledger``, ``self._file: Ledger | None``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        annotated: list[tuple[ast.expr, ast.expr | None]] = []
        if isinstance(node, ast.arg):
            annotated.append((ast.Name(node.arg), node.annotation))
        elif isinstance(node, ast.AnnAssign):
            annotated.append((node.target, node.annotation))
        for target, annotation in annotated:
            if annotation is not None and any(
                isinstance(part, ast.Name) and part.id == "Ledger" for part in ast.walk(annotation)
            ):
                names.add(ast.unparse(target))
    return names


def test_no_sql_text_outside_storage() -> None:
    """Every statement lives in storage/, behind a function named for what it reads or writes."""
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}"
        for path, tree in _modules_above_storage()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL.search(node.value)
    ]
    assert not found, "SQL outside storage/:\n" + "\n".join(found)


def test_the_sql_scan_sees_each_kind_of_statement() -> None:
    statements = [
        "SELECT 1 FROM unit WHERE id = ?",
        "INSERT INTO branch (name) VALUES (?)",
        "INSERT OR IGNORE INTO holiday VALUES (?)",
        "UPDATE branch SET tier = ?",
        "DELETE FROM pairing",
        "CREATE TEMP TRIGGER t AFTER INSERT ON branch BEGIN SELECT 1; END",
        "PRAGMA user_version",
    ]
    assert all(_SQL.search(text) for text in statements)
    assert not _SQL.search("Select the branches to pair, then delete from the list the ones to update.")


def _query_tool_uses(tree: ast.Module) -> list[tuple[int, str]]:
    """``(line, receiver.attribute)`` of each use of Ledger's query tools in a module."""
    ledgers = _ledger_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        receiver = ast.unparse(node.value)
        on_a_ledger = receiver in ledgers or receiver.rsplit(".", 1)[-1].lower().endswith("ledger")
        if node.attr in _QUERY_TOOL or (node.attr in _TABLE_WRITES and on_a_ledger):
            found.append((node.lineno, f"{receiver}.{node.attr}"))
    return found


def test_only_storage_uses_the_ledger_as_a_query_tool() -> None:
    """The layers above call storage's named functions; they never run a query or write a table themselves."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {use}"
        for path, tree in _modules_above_storage()
        for line, use in _query_tool_uses(tree)
    ]
    assert not found, "Ledger used as a query tool outside storage/:\n" + "\n".join(found)


def test_the_ledger_scan_knows_a_ledger_by_its_name_or_its_type() -> None:
    source = (
        "def edit(file: Ledger | None, names: dict[str, str]) -> None:\n"
        "    file.update('branch', 1, {})\n"
        "    self._ledger.query('…')\n"
        "    names.update({})\n"
        "    window.session.conn.execute('…')\n"
    )
    assert _query_tool_uses(ast.parse(source)) == [
        (2, "file.update"),
        (3, "self._ledger.query"),
        (5, "window.session.conn.execute"),
        (5, "window.session.conn"),
    ]

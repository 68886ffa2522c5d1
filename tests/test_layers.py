"""The layer contracts of DESIGN.md §6, checked by import-linter on every test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
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

"""A regular (non-editable) install carries every package and the resources the app loads."""

from __future__ import annotations

import importlib.util
import os
import re
import tomllib
from pathlib import Path
from types import ModuleType

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_installation() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "branchdesk").rglob("__init__.py")
    }
    assert found | {"branchdesk_resources"} == listed


def test_every_resource_the_app_loads_is_installed_and_frozen() -> None:
    """The guide's pictures, the catalogues, the font and icons: matched by the package data of an install
    and copied by build.spec into the frozen app."""
    import fnmatch

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["branchdesk_resources"]
    resources = ROOT / "resources"
    loaded = [
        path.relative_to(resources).as_posix()
        for folder in ("guide", "translations", "icons", "fonts")
        for path in (resources / folder).iterdir()
        if path.suffix != ".ts"
    ]
    assert any(name.endswith(".png") for name in loaded if name.startswith("guide/"))
    assert [name for name in loaded if not any(fnmatch.fnmatch(name, p) for p in patterns)] == []
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "(str(RESOURCES / 'guide'), 'resources/guide')" in spec  # the whole folder, pictures included


def _locked(lock: str) -> dict[str, str]:
    """name -> version of a lock in packaging/lock/, every pin checked to carry hashes."""
    text = (ROOT / "packaging" / "lock" / lock).read_text(encoding="utf-8")
    pin = r"^([A-Za-z0-9._-]+)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)"
    entries = re.findall(pin, text, re.M)
    assert len(entries) == len(re.findall(r"^\S+==", text, re.M)), f"a pin in {lock} without hashes"
    return {canonicalize_name(name): version for name, version, _hashes in entries}


def test_the_build_lock_covers_pyproject() -> None:
    """packaging/lock.py was re-run after the last change to the dependencies: every requirement of the app
    and of the build extra is pinned within its range, for Windows and Linux alike, at the same versions."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    windows, linux = _locked("windows-py311.txt"), _locked("linux-py311.txt")
    for line in project["dependencies"] + project["optional-dependencies"]["build"]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        for lock in (windows, linux):
            assert name in lock, f"{name} is not in the lock: run python packaging/lock.py"
            assert requirement.specifier.contains(lock[name], prereleases=True), (name, lock[name])
    assert {name: windows[name] for name in linux} == linux
    assert set(windows) - set(linux) == {"pefile", "pywin32-ctypes"}  # PyInstaller's, on Windows alone
    assert set(_locked("wine-numpy.txt")) == {"numpy"}  # the wine build's one swap


def _size_budget() -> ModuleType:
    spec = importlib.util.spec_from_file_location("size_budget", ROOT / "packaging" / "size_budget.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_size_budget_fails_when_a_2_mb_file_is_added(tmp_path: Path) -> None:
    """The committed budget catches 2 MB of dead weight slipped into the bundle, long before the limit."""
    size_budget = _size_budget()
    budget = tomllib.loads((ROOT / "packaging" / "size_budget.toml").read_text(encoding="utf-8"))
    bundle = tmp_path / "BranchDesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "BranchDesk").write_bytes(os.urandom(300_000))
    recorded = size_budget.folder_size(bundle)
    assert size_budget.check(recorded, recorded, None, budget["allowance"]) == []

    (bundle / "_internal" / "dummy.bin").write_bytes(os.urandom(2_000_000))
    broken = size_budget.check(size_budget.folder_size(bundle), recorded, None, budget["allowance"])
    assert len(broken) == 1
    assert "2.0 MB more than the recorded" in broken[0]


def test_installer_over_the_limit_fails() -> None:
    size_budget = _size_budget()
    budget = tomllib.loads((ROOT / "packaging" / "size_budget.toml").read_text(encoding="utf-8"))
    assert budget["installer_limit"] == 50_000_000  # raised from 45 MB for the evidence issue's dependencies
    assert size_budget.check(49_900_000, None, budget["installer_limit"], budget["allowance"]) == []
    assert size_budget.check(50_100_000, None, budget["installer_limit"], budget["allowance"]) == [
        "over the limit of 50.0 MB"
    ]

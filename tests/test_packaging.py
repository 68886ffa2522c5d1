"""A regular (non-editable) install carries every package and the resources the app loads."""

from __future__ import annotations

import tomllib
from pathlib import Path

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

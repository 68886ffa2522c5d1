"""What a release says about itself: one version, one product name, notes in CHANGELOG.md, the project's
licence, and notices that name every package the app carries, with its licence text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from branchdesk import PRODUCT_NAME, __version__
from branchdesk.release import read_changelog, read_notices, release_notes, versions
from tools import notices

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")
NSIS = (ROOT / "resources" / "installer" / "branchdesk.nsi").read_text(encoding="utf-8")


def named_in_notices() -> set[str]:
    """The components the notices' summary lists (before the first licence text)."""
    summary = read_notices().split(notices.RULE, 1)[0]
    return {canonicalize_name(line.split()[0]) for line in summary.splitlines() if line.startswith("  ")}


def components_and_licences(text: str) -> set[tuple[str, str]]:
    """The summary's (component, licence) pairs without versions: the committed notices come from the
    environment they were written in, a fresh machine may install newer releases of the same packages (the
    frozen build writes its own notices, exact to its versions, while it freezes)."""
    summary = text.split(notices.RULE, 1)[0]
    pairs = (
        re.split(r"\s{2,}", line.strip(), maxsplit=1)
        for line in summary.splitlines()
        if line.startswith("  ")
    )
    return {(named.rsplit(" ", 1)[0], licence) for named, licence in pairs}


def test_notices_name_what_the_generator_names_now() -> None:
    committed = components_and_licences(read_notices())
    assert ("BranchDesk", "MIT") in committed
    assert ("Python", "PSF-2.0") in committed
    assert committed == components_and_licences(notices.notices_text()), "run python tools/notices.py"


def test_notices_name_every_package_of_the_runtime_dependencies() -> None:
    closure = {canonicalize_name(d.metadata["Name"]) for d in notices.runtime_closure()}
    assert {"pyside6-essentials", "shiboken6", "matplotlib", "numpy", "openpyxl", "pillow"} <= closure
    assert closure - named_in_notices() == set()


# Every module the frozen build collects (all of branchdesk, and what build.spec adds by name), imported in a
# fresh process; each distribution a loaded module came from is carried by the bundle.
IMPORT_ALL = """
import importlib, pkgutil, sys
started = set(sys.modules)  # the interpreter's own, and what the environment's .pth files load
import branchdesk
for module in pkgutil.walk_packages(branchdesk.__path__, "branchdesk."):
    importlib.import_module(module.name)
for name in sys.argv[1:]:
    importlib.import_module(name)
print("\\n".join(sorted({name.split(".")[0] for name in set(sys.modules) - started})))
"""


def test_notices_name_the_distribution_of_every_module_the_app_loads() -> None:
    listed = SPEC.split("HIDDEN = ", 1)[1].split("\n]\n", 1)[0]
    hidden = re.findall(r"^    '([\w.]+)',", listed, re.M)
    hidden += re.findall(r"collect_submodules\('(\w+)'\)", listed)
    assert "matplotlib.backends.backend_pdf" in hidden
    assert "openpyxl" in hidden
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *hidden],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    )
    owners = metadata.packages_distributions()
    loaded = {
        canonicalize_name(owner) for module in result.stdout.split() for owner in owners.get(module, [])
    } - {"branchdesk"}
    assert {"pyside6-essentials", "matplotlib", "xlsxwriter", "chinesecalendar"} <= loaded
    assert loaded - named_in_notices() == set()


def test_every_component_comes_with_its_licence_text() -> None:
    text = read_notices()
    sections = text.split(notices.RULE)[1:]
    headings, bodies = sections[0::2], sections[1::2]
    assert len(headings) == len(named_in_notices())  # BranchDesk itself and each it includes
    assert all(body.lstrip("\n").startswith(("--- ", "This package", "The Python")) for body in bodies)
    assert all("\n--- " in "\n" + body for body in bodies)
    texts = dict(zip((h.strip().split("\n")[0] for h in headings), bodies, strict=True))
    qt = next(body for heading, body in texts.items() if heading.startswith("PySide6"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in qt
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3" in qt
    assert "https://download.qt.io/official_releases/QtForPython/" in qt
    font = next(body for heading, body in texts.items() if heading.startswith("Noto Sans SC"))
    assert "SIL OPEN FONT LICENSE Version 1.1" in font
    assert (
        texts[f"BranchDesk {__version__} — MIT"]
        .strip()
        .endswith((ROOT / "LICENSE").read_text(encoding="utf-8").strip())
    )


def test_a_bundles_files_are_traced_to_their_distributions() -> None:
    import json

    import numpy

    sources = [numpy.__file__, str(Path(numpy.__file__).parent / "linalg" / "__init__.py"), json.__file__]
    assert notices.owners(sources) == {"numpy"}  # the standard library is the Python runtime's
    assert notices.owners([str(ROOT / "branchdesk" / "app.py")]) == set()


def test_what_the_notices_leave_out_is_left_out_of_the_bundle() -> None:
    excludes = SPEC.split("EXCLUDES = [", 1)[1].split("]", 1)[0]
    assert all(f"'{name}'" in excludes for name in notices.NOT_BUNDLED)


def test_the_frozen_build_carries_its_own_notices_and_the_changelog() -> None:
    carried = "owners(source for _, source, _ in a.scripts + a.pure + a.binaries + a.datas)"
    assert f"CARRIED = {carried}\n" in SPEC
    assert "a.datas.append(('resources/THIRD_PARTY_NOTICES.txt', str(NOTICES), 'DATA'))" in SPEC
    assert "(str(RESOURCES / 'CHANGELOG.md'), 'resources')" in SPEC
    package_data = PYPROJECT["tool"]["setuptools"]["package-data"]["branchdesk_resources"]
    assert {"CHANGELOG.md", "THIRD_PARTY_NOTICES.txt"} <= set(package_data)


def test_the_project_licence_is_stated_once_for_all() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 BranchDesk authors\n")
    assert metadata.metadata("branchdesk")["License-Expression"] == "MIT"


def test_one_version_and_its_notes_in_both_languages() -> None:
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "branchdesk.__version__"}
    assert metadata.version("branchdesk") == __version__
    # The installer and the exe's version resource take it from branchdesk/__init__.py, never their own.
    assert "!error" in NSIS.split("!ifndef VERSION", 1)[1].split("!endif", 1)[0]
    assert "VERSION = re.search(r'^__version__" in SPEC
    changelog = read_changelog()
    assert versions(changelog)[0] == __version__
    for language in ("zh_CN", "en"):
        assert release_notes(changelog, __version__, language).startswith("- ")
    assert "第一个版本" in release_notes(changelog, __version__, "zh_CN")
    assert "First release" in release_notes(changelog, __version__, "en")


def test_changelog_reads_as_utf8_in_the_installer() -> None:
    # NSIS shows a text file as UTF-8 only when it starts with a byte order mark.
    assert (ROOT / "resources" / "CHANGELOG.md").read_bytes().startswith(b"\xef\xbb\xbf# ")
    assert '!insertmacro MUI_PAGE_LICENSE "..\\CHANGELOG.md"' in NSIS


def test_release_notes_of_an_unknown_version_or_language() -> None:
    text = "# Changelog\n\n## 1.2.0\n\n### 中文\n\n- 新\n\n### English\n\n- New\n\n"
    text += "## 1.1.0\n\n### English\n\n- Old\n"
    assert versions(text) == ["1.2.0", "1.1.0"]
    assert (release_notes(text, "1.2.0", "zh_CN"), release_notes(text, "1.2.0", "en")) == ("- 新", "- New")
    assert release_notes(text, "1.1.0", "zh_CN") == ""
    assert release_notes(text, "9.9.9", "en") == ""


# The orders the product was named in before one was chosen: Chinese name first, then BranchDesk.
OTHER_ORDERS = ("BranchDesk 支部联建台账", "BranchDesk (支部联建台账)", "BranchDesk（支部联建台账）")


def test_one_product_name_order_everywhere() -> None:
    assert PRODUCT_NAME == "支部联建台账 BranchDesk"
    assert f'!define APPTITLE "{PRODUCT_NAME}"' in NSIS  # installer, shortcuts, Apps & Features entry
    assert '"DisplayName" "${APPTITLE}"' in NSIS
    assert "StringStruct('ProductName', PRODUCT_NAME)" in SPEC  # the exe's version resource
    assert "StringStruct('FileDescription', PRODUCT_NAME)" in SPEC
    assert (ROOT / "README.md").read_text(encoding="utf-8").startswith(f"# {PRODUCT_NAME}\n")
    checked = [
        path
        for folder in ("branchdesk", "resources", "packaging", "docs", ".github", "tools")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".nsi", ".md", ".html", ".ts", ".yml", ".sh", ".txt"}
    ] + [ROOT / "README.md", ROOT / "build.spec", ROOT / "pyproject.toml"]
    assert len(checked) > 100
    assert [p for p in checked for order in OTHER_ORDERS if order in p.read_text(encoding="utf-8")] == []


@pytest.mark.parametrize("program", ["branchdesk", "branchdesk-cli"])
def test_version_flag_of_the_installed_programs(program: str) -> None:
    """The console scripts pip made from pyproject's [project.scripts] and [project.gui-scripts]."""
    script = Path(sys.executable).with_name(program)
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"BranchDesk {__version__}\n", "")


def test_pyside6_is_noticed_under_the_lgpl_whatever_licence_files_its_wheel_carries(tmp_path: Path) -> None:
    """PySide6's win_amd64 wheels name one licence file, the Qt commercial terms (the Linux wheels none): the
    Windows build's notices must still carry the LGPL-3.0 it is used under, as the Linux build's do."""
    info = tmp_path / "pyside6_essentials-6.11.3.dist-info"
    (info / "licenses").mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.4\nName: PySide6_Essentials\nVersion: 6.11.3\n"
        "License: LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only\n"
        "License-File: LicenseRef-Qt-Commercial.txt\n",
        encoding="utf-8",
    )
    commercial = "Licensees holding valid commercial Qt licenses may use this software"
    (info / "licenses" / "LicenseRef-Qt-Commercial.txt").write_text(commercial, encoding="utf-8")
    (info / "RECORD").write_text(
        f"{info.name}/METADATA,,\n{info.name}/licenses/LicenseRef-Qt-Commercial.txt,,\n", encoding="utf-8"
    )
    windows_wheel = metadata.PathDistribution(info)

    component = notices.distribution_component(windows_wheel)
    texts = "\n".join(text for _file, text in component.texts)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts
    assert "commercial Qt licenses" not in texts
    installed = notices.distribution_component(metadata.distribution("PySide6_Essentials"))
    assert component.texts == installed.texts

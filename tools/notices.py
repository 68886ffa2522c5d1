"""Write the licences and notices of everything BranchDesk ships: its own licence, every Python distribution
the app needs at run time (pyproject's dependencies and theirs, as installed) and, in a frozen build, every
other distribution the bundle carries files of (PyInstaller's bootloader, a module imported where available),
the Python runtime and the bundled Noto Sans SC font.

    python tools/notices.py            # rewrite resources/THIRD_PARTY_NOTICES.txt from this environment
    python tools/notices.py --bundle build/build    # after pyinstaller build.spec (its work folder): exit 1
                                                    # if the bundle carries a distribution its notices miss

build.spec writes the frozen build's copy with ``write_notices(..., carried=owners(...))`` from what its
analysis collected, in the environment that freezes it: a Windows bundle names the versions and licence files
of its own (locked) wheels.
"""

from __future__ import annotations

import ast
import re
import sys
import sysconfig
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "resources" / "THIRD_PARTY_NOTICES.txt"
STORED_TEXTS = Path(__file__).resolve().parent / "licence_texts"
FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Regular.otf"

# Required by a dependency but left out of the bundle by build.spec's EXCLUDES, with why.
NOT_BUNDLED = {"pip": "sqlite-utils needs it only for its own command line's `install` command"}
# Offered under a choice of licences: the one BranchDesk takes them under.
ELECTED = {"pyside6-essentials": "LGPL-3.0-only", "shiboken6": "LGPL-3.0-only"}
# Licence texts for distributions whose wheels carry none (files in tools/licence_texts/). The LGPL-3.0
# adds its terms to the GPL-3.0's, so both are given.
STORED = {
    "LGPL-2.1-only": ["LGPL-2.1-only.txt"],
    "LGPL-3.0-only": ["LGPL-3.0-only.txt", "GPL-3.0-only.txt"],
    "MIT": ["MIT.txt"],
    "MIT License": ["MIT.txt"],
}
EXTRA_NOTES = {
    "docxtpl": (
        "This package fills the Word ledger's template, used under the LGPL-2.1. A frozen build carries it\n"
        "as its plain Python source files in the bundle's _internal/docxtpl folder (build.spec), which you\n"
        "may replace with your own version. Source: https://github.com/elapouya/python-docx-template"
    ),
    "orjson": (
        "This package reads and writes data packages' JSON. Parts of it are under the MPL-2.0\n"
        "(LICENSE-MPL-2.0 below), used unchanged; their source form is orjson's source distribution\n"
        "on PyPI and https://github.com/ijl/orjson"
    ),
    "pyinstaller": (
        "A frozen build's launcher (BranchDesk.exe) is PyInstaller's bootloader, which the\n"
        "exception in PyInstaller's licence lets anyone distribute with a program under any licence\n"
        "(COPYING.txt below, section Bootloader Exception)."
    ),
    "pyside6-essentials": (
        "This package holds the Qt 6 libraries (Qt6Core, Qt6Gui, Qt6Widgets, Qt6Network, ... and Qt's\n"
        "plugins), used under the LGPL-3.0 and linked dynamically: they are separate files in the bundle's\n"
        "_internal/PySide6 folder, which you may replace with your own build of the same Qt version (how:\n"
        "README.md of BranchDesk's source, section Licence). Qt's own third-party components and their\n"
        "licences are listed at\n"
        "https://doc.qt.io/qt-6/licenses-used-in-qt.html. Source code of Qt and Qt for Python:\n"
        "https://download.qt.io/official_releases/qt/ and https://download.qt.io/official_releases/QtForPython/\n"
        "(also https://code.qt.io/cgit/pyside/pyside-setup.git/)."
    ),
}
RULE = "=" * 78
SITE_FOLDERS = ("site-packages", "dist-packages")
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    url: str
    texts: list[tuple[str, str]]  # (file name, text)
    note: str = ""


def runtime_closure() -> list[metadata.Distribution]:
    """Every installed distribution pyproject's dependencies need, with markers read for this platform."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pending = [Requirement(text) for text in project["dependencies"]]
    found: dict[str, metadata.Distribution] = {}
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        if name in found or name in NOT_BUNDLED:
            continue
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        distribution = metadata.distribution(requirement.name)  # raises if it is not installed
        found[name] = distribution
        pending += [Requirement(text) for text in distribution.requires or []]
    return [found[name] for name in sorted(found)]


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key)
    return str(values[0]) if values else ""


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip("\n").split("\n"))


def _licence(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    name = canonicalize_name(meta["Name"])
    declared = _field(meta, "License-Expression") or ""
    field = (_field(meta, "License") or "").strip()
    if not declared and field and "\n" not in field and len(field) <= 80:
        declared = field
    if not declared:
        classifiers = [
            c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
        ]
        declared = ", ".join(classifiers) or "see the licence text"
    if name in ELECTED:
        return f"{declared} (used under {ELECTED[name]})"
    return declared


def _texts(distribution: metadata.Distribution, licence: str) -> list[tuple[str, str]]:
    meta = distribution.metadata
    texts: list[tuple[str, str]] = []
    # Offered under a choice: only the elected licence's texts (below), whatever files a wheel carries:
    # PySide6's Linux wheels carry none, its Windows wheels only the Qt commercial terms.
    elected = canonicalize_name(meta["Name"]) in ELECTED
    for file in [] if elected else meta.get_all("License-File") or []:
        # Metadata 2.4 puts them under .dist-info/licenses/; older metadata beside METADATA.
        text = distribution.read_text(f"licenses/{file}") or distribution.read_text(file)
        if text is None:
            raise SystemExit(f"{meta['Name']}: License-File {file} is not installed")
        texts.append((file, text))
    if not texts and not elected:
        for path in distribution.files or []:
            if (
                len(path.parts) >= 2
                and path.parts[0].endswith(".dist-info")
                and LICENCE_FILE.match(path.name)
            ):
                texts.append((path.name, path.read_text(encoding="utf-8")))
    field = _field(meta, "License") or ""
    if not texts and "\n" in field.strip():
        texts.append(("License (from the package's metadata)", field))
    if not texts:
        elected = ELECTED.get(canonicalize_name(meta["Name"]), licence)
        if elected not in STORED:
            raise SystemExit(f"{meta['Name']} carries no licence text and none is stored for {licence!r}")
        author = _field(meta, "Author") or _field(meta, "Author-email") or meta["Name"]
        for file in STORED[elected]:
            text = (STORED_TEXTS / file).read_text(encoding="utf-8")
            if file == "MIT.txt":
                text = f"MIT License\n\nCopyright (c) {author}\n\n{text}"
            texts.append(
                (f"{file.removesuffix('.txt')} (the package names its licence but carries none)", text)
            )
    return [(file, _clean(text)) for file, text in texts]


def _url(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    urls = [entry.split(",", 1)[1].strip() for entry in meta.get_all("Project-URL") or []]
    return _field(meta, "Home-page") or (urls[0] if urls else "")


def distribution_component(distribution: metadata.Distribution) -> Component:
    licence = _licence(distribution)
    return Component(
        name=distribution.metadata["Name"],
        version=distribution.version,
        licence=licence,
        url=_url(distribution),
        texts=_texts(distribution, licence),
        note=EXTRA_NOTES.get(canonicalize_name(distribution.metadata["Name"]), ""),
    )


def python_component() -> Component:
    folders = [
        Path(sysconfig.get_paths()["stdlib"]),
        Path(sys.base_prefix),
    ]  # the embeddable build: the latter
    licence = next((folder / "LICENSE.txt" for folder in folders if (folder / "LICENSE.txt").exists()), None)
    if licence is None:
        raise SystemExit(f"no LICENSE.txt of Python in {folders}")
    version = ".".join(str(part) for part in sys.version_info[:3])
    return Component(
        name="Python",
        version=version,
        licence="PSF-2.0",
        url="https://www.python.org/",
        texts=[("LICENSE.txt", _clean(licence.read_text(encoding="utf-8")))],
        note="The Python interpreter and its standard library, which the bundle carries.",
    )


def font_component() -> Component:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # installed with matplotlib

    with TTFont(str(FONT), lazy=True) as font:
        family, version = font["name"].getDebugName(1), font["name"].getDebugName(5) or ""
    return Component(
        name=f"{family} (font, {FONT.name})",
        version=version.removeprefix("Version ").split(";")[0],
        licence="OFL-1.1",
        url="https://github.com/notofonts/noto-cjk",
        texts=[
            (FONT.with_name("OFL.txt").name, _clean(FONT.with_name("OFL.txt").read_text(encoding="utf-8")))
        ],
    )


def notices_text(carried: Iterable[str] = ()) -> str:
    """The notices of the runtime dependencies and of the distributions in ``carried`` (their names)."""
    from branchdesk import PRODUCT_NAME, __version__

    own = Component(
        name="BranchDesk",
        version=__version__,
        licence="MIT",
        url="",
        texts=[("LICENSE", _clean((ROOT / "LICENSE").read_text(encoding="utf-8")))],
    )
    distributions = {canonicalize_name(d.metadata["Name"]): d for d in runtime_closure()}
    for name in {canonicalize_name(name) for name in carried} - set(distributions) - {"branchdesk"}:
        distributions[name] = metadata.distribution(name)
    components = [distribution_component(distributions[name]) for name in sorted(distributions)]
    components += [python_component(), font_component()]
    width = max(len(f"{c.name} {c.version}") for c in [own, *components])

    def summary(component: Component) -> str:
        return f"  {f'{component.name} {component.version}':<{width}}  {component.licence}"

    lines = [
        f"{PRODUCT_NAME} {__version__}: licences and third-party notices",
        "",
        "许可证与第三方软件声明：先列出本软件和它包含的每个开源软件的名称、版本和许可证，其后是各许可证的原文。",
        "The name, version and licence of BranchDesk and of every open-source component it includes, then",
        "the full text of each licence.",
        "",
        summary(own),
        "",
        "BranchDesk includes:",
        *(summary(component) for component in components),
    ]
    for component in [own, *components]:
        lines += ["", "", RULE, f"{component.name} {component.version} — {component.licence}"]
        if component.url:
            lines.append(component.url)
        lines.append(RULE)
        if component.note:
            lines += [component.note, ""]
        for file, text in component.texts:
            lines += [f"--- {file} ---", text, ""]
    lines += ["", "(Written by tools/notices.py from the installed packages.)"]
    return "\n".join(lines) + "\n"


def write_notices(path: Path, carried: Iterable[str] = ()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notices_text(carried), encoding="utf-8", newline="\n")
    return path


def named(text: str) -> set[str]:
    """The components a notices text lists in its summary, before the first licence text."""
    summary = text.split(RULE, 1)[0]
    return {canonicalize_name(line.split()[0]) for line in summary.splitlines() if line.startswith("  ")}


def owners(sources: Iterable[str]) -> set[str]:
    """The distributions installed files (PyInstaller's sources of a bundle's modules and files) belong to."""
    by_top_level = metadata.packages_distributions()
    found: set[str] = set()
    for source in sources:
        path = Path(source)
        sites = [parent for parent in path.parents if parent.name.lower() in SITE_FOLDERS]
        if sites:
            top = path.relative_to(sites[0]).parts[0].removesuffix(".py")
            found |= {canonicalize_name(owner) for owner in by_top_level.get(top, [])}
    return found


def carried(workdir: Path) -> tuple[set[str], Path]:
    """The distributions a PyInstaller build put files of in its bundle, and the notices file it bundled,
    read from the tables of its work folder (collected files; modules archived in the exe)."""
    entries: list[tuple[str, str, str]] = []
    for table in ("COLLECT-00.toc", "PYZ-00.toc"):
        parsed = ast.literal_eval((workdir / table).read_text(encoding="utf-8"))
        entries += next(part for part in parsed if isinstance(part, list))
    wanted = f"resources/{NOTICES.name}"
    bundled = next(source for name, source, _ in entries if name.replace("\\", "/") == wanted)
    return owners(source for _, source, _ in entries), Path(bundled)


def check_bundle(workdir: Path) -> int:
    found, bundled = carried(workdir)
    missing = found - named(bundled.read_text(encoding="utf-8")) - {"branchdesk"}
    if missing:
        print(f"{bundled} does not name {sorted(missing)}, which the bundle carries", file=sys.stderr)
        return 1
    print(f"{bundled}: names all {len(found)} distributions the bundle carries")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--bundle":
        return check_bundle(Path(argv[1]))
    if argv:
        print(__doc__)
        return 2
    write_notices(NOTICES)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # branchdesk.__version__ from this checkout
    sys.exit(main(sys.argv[1:]))

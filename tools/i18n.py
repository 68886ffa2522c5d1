"""Keep the translation catalogue in step with the sources.

    python tools/i18n.py update    # collect source strings into resources/translations/*.ts
    python tools/i18n.py release   # compile the .ts files to the .qm files the app loads

Translations are written in the .ts file (Qt Linguist, or any editor); tests fail on any string left
untranslated or no longer used, and on a .qm older than its .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUES = [TRANSLATIONS / "branchdesk_zh_CN.ts"]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "branchdesk").rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-no-obsolete", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main(argv: list[str]) -> int:
    if argv not in (["update"], ["release"]):
        print(__doc__)
        return 2
    for ts in CATALOGUES:
        if argv == ["update"]:
            update(ts)
        else:
            release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

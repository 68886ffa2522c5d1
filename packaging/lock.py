"""The one lock of the frozen build's Python packages, made from pyproject.toml:

    python packaging/lock.py        (needs uv: pip install uv; asks PyPI, ~10 s)

writes, each with every file's sha256 so that `pip install --require-hashes -r FILE` installs exactly this:
  packaging/lock/windows-py311.txt  the app's dependencies and the build extra, resolved for win_amd64 /
                                    CPython 3.11 (the Windows build: the wine script and the workflow)
  packaging/lock/linux-py311.txt    the same versions resolved for x86_64 Linux (CI's frozen build); it lacks
                                    only what PyInstaller needs on Windows alone (pefile, pywin32-ctypes)
  packaging/lock/wine-numpy.txt     wine-only workaround: numpy 2.0.2, which the wine build puts in place of
                                    the locked numpy (numpy >= 2.2 needs a C runtime function wine 8.0 lacks)
Re-run it after changing a dependency in pyproject.toml (tests/test_packaging.py checks the lock still
matches), or to take newer releases on purpose; review the diff like code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "packaging" / "lock"
WINDOWS = LOCK / "windows-py311.txt"
LINUX = LOCK / "linux-py311.txt"
WINE_NUMPY = LOCK / "wine-numpy.txt"
WINE_NUMPY_PIN = "numpy==2.0.2"
PLATFORMS = {WINDOWS: "x86_64-pc-windows-msvc", LINUX: "x86_64-manylinux_2_36"}


def uv() -> list[str]:
    found = shutil.which("uv")
    if found:
        return [found]
    try:
        import uv as uv_package  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("packaging/lock.py needs uv: pip install uv")
    return [uv_package.find_uv_bin()]


def compile_lock(output: Path, *inputs: str, constraints: Path | None = None) -> None:
    command = [
        *uv(), "pip", "compile", *inputs,
        "--python-platform", PLATFORMS.get(output, PLATFORMS[WINDOWS]), "--python-version", "3.11",
        "--generate-hashes", "--no-header", "--quiet", "--output-file", str(output.relative_to(ROOT)),
    ]  # fmt: skip
    if constraints is not None:
        command += ["--constraint", str(constraints.relative_to(ROOT))]
    subprocess.run(command, cwd=ROOT, check=True)
    header = f"# Made by `python packaging/lock.py` from pyproject.toml: do not edit ({output.stem}).\n"
    output.write_text(header + output.read_text(encoding="utf-8"), encoding="utf-8", newline="\n")


def main() -> None:
    LOCK.mkdir(exist_ok=True)
    compile_lock(WINDOWS, "pyproject.toml", "--extra", "build")
    # Linux takes the Windows versions, so both builds bundle the same releases.
    compile_lock(LINUX, "pyproject.toml", "--extra", "build", constraints=WINDOWS)
    with tempfile.TemporaryDirectory() as folder:
        pin = Path(folder) / "wine-numpy.in"
        pin.write_text(WINE_NUMPY_PIN + "\n", encoding="utf-8")
        compile_lock(WINE_NUMPY, str(pin))
    for lock in (WINDOWS, LINUX, WINE_NUMPY):
        pins = [line.split(" ")[0] for line in lock.read_text(encoding="utf-8").splitlines() if "==" in line]
        print(f"{lock.relative_to(ROOT)}: {len(pins)} packages")


if __name__ == "__main__":
    main()

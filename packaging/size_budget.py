"""The size budget of the frozen app, a failing check in every build:

    python packaging/size_budget.py installer dist/BranchDesk-X.Y.Z-setup.exe [--kind wine|windows] [--record]
    python packaging/size_budget.py bundle dist/BranchDesk [--record]

Two rules, from packaging/size_budget.toml:
  - the installer never exceeds the limit (50 MB, raised from 45 MB for the evidence issue's dependencies);
  - nothing grows unnoticed: an installer (or the Linux bundle in CI) may exceed its recorded size by at most
    the allowance (1 MB), so a stray folder of test data or an unused plugin fails the build long before
    the limit does. A change that grows the build on purpose records the new size (--record) in the same
    commit.
A kind with no recorded size yet (the first real Windows build) is held to the limit alone and says so.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

BUDGET = Path(__file__).with_name("size_budget.toml")
HEADER = """\
# Size budget of the frozen app, read and written by packaging/size_budget.py (see there). Sizes in bytes.
# installer_limit: 50 MB since the evidence issue's Word ledger, whose libraries add 2.19 MB
# (docs/word-ledger.md). installer_wine: the wine build of 30260a0 (packaging/windows_build_under_wine.sh,
# every check passed), 45.39 MB: d516ae1's 45.24 MB (e42c991's 44.89 MB and BranchDesk's own code, templates
# and translations, 0.35 MB), then orjson (its .pyd 0.22 MB in the bundle) and this session's code, 0.15 MB.
# bundle_linux: CI's build of 30260a0, 262.17 MB, build.spec keeping the build machine's libraries only when
# a kept file loads them (d516ae1: 274.05 MB before that rule, 261.82 MB after).
"""


def folder_size(folder: Path) -> int:
    """Bytes of the files in `folder`, each once (PyInstaller's Linux bundle links some under two names)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def check(size: int, recorded: int | None, limit: int | None, allowance: int) -> list[str]:
    """The rules a build of `size` bytes breaks (none: it passes)."""
    broken = []
    if limit is not None and size > limit:
        broken.append(f"over the limit of {limit / 1e6:.1f} MB")
    if recorded is not None and size > recorded + allowance:
        broken.append(
            f"{(size - recorded) / 1e6:.1f} MB more than the recorded {recorded / 1e6:.1f} MB "
            f"(allowance {allowance / 1e6:.1f} MB): find what was added, or record the new size on purpose "
            f"with --record"
        )
    return broken


def write_budget(budget: dict[str, int]) -> None:
    lines = [f"{key} = {value}" for key, value in sorted(budget.items())]
    BUDGET.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=["installer", "bundle"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--kind", choices=["wine", "windows"], default=None, help="installer: which build")
    parser.add_argument("--record", action="store_true", help="write this size as the recorded one")
    args = parser.parse_args(argv)

    budget: dict[str, int] = tomllib.loads(BUDGET.read_text(encoding="utf-8"))
    if args.what == "installer":
        kind = args.kind or ("windows" if sys.platform == "win32" else "wine")
        key, size, limit = f"installer_{kind}", args.path.stat().st_size, budget["installer_limit"]
    else:
        key, size, limit = "bundle_linux", folder_size(args.path), None
    if args.record:
        budget[key] = size
        write_budget(budget)
        print(f"recorded {key} = {size} ({size / 1e6:.1f} MB) in {BUDGET.name}")
        return 0
    recorded = budget.get(key)
    broken = check(size, recorded, limit, budget["allowance"])
    shown = f"{args.what} {args.path.name}: {size / 1e6:.2f} MB ({size} bytes)"
    print(shown + "".join(f"\n  FAILS: {rule}" for rule in broken))
    if limit is not None:
        print(f"  limit {limit / 1e6:.1f} MB: {(limit - size) / 1e6:.1f} MB to spare")
    if recorded is None:
        print(f"  no recorded {key} yet: held to the limit alone (record it with --record)")
    else:
        print(f"  recorded {recorded / 1e6:.2f} MB, allowance {budget['allowance'] / 1e6:.1f} MB")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

"""A county and two of its townships, as the offices of one county hold them (issue #18): the county's demo at
county scale, each township's ledger made from the county's seed, all by the command line. Made once per test
module (the ``offices`` fixture of tests/conftest.py copies it for each test)."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.clock import FixedClock

CLOCK = FixedClock.on("2022-05-19")
TOWNSHIPS = ("春申街道", "双柳树镇")


@dataclass(frozen=True)
class Offices:
    county: Path
    townships: dict[str, Path]
    data_dir: Path  # the per-user data folder (the ledgers' keys), BRANCHDESK_DATA_DIR
    folder: Path

    def township(self, name: str = TOWNSHIPS[0]) -> Path:
        return self.townships[name]


def cli(*argv: str) -> None:
    """A command that must succeed (what it printed on failure)."""
    err = io.StringIO()
    assert run(list(argv), clock=CLOCK, out=io.StringIO(), err=err) == EXIT_OK, err.getvalue()


def sent(ledger: Path, package: Path) -> Path:
    """What ``ledger`` has for the office above written to ``package`` (``package export``)."""
    cli("package", "export", str(ledger), str(package))
    return package


def make_offices(folder: Path) -> Offices:
    """The county demo and its townships' ledgers in ``folder``, their keys in its 用户数据 (which
    BRANCHDESK_DATA_DIR must name)."""
    county = folder / "潢川县.bdesk"
    cli("demo", str(county), "--scale", "county")
    townships = {}
    for name in TOWNSHIPS:
        seed = folder / f"{name} 种子.bdx"
        cli("package", "export", str(county), str(seed), "--scope", name)
        townships[name] = folder / f"{name}.bdesk"
        cli("new", str(townships[name]), "--from", str(seed))
    return Offices(county, townships, folder / "用户数据", folder)


def copy_offices(made: Offices, folder: Path) -> Offices:
    """A fresh copy of the county, its townships and the keys, for one test."""
    shutil.copytree(made.folder, folder)
    return Offices(
        folder / made.county.name,
        {name: folder / path.name for name, path in made.townships.items()},
        folder / made.data_dir.name,
        folder,
    )

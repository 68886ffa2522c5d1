"""``branchdesk-cli new LEDGER --region 信阳市/潢川县/城关镇 --code …``: a ledger made for its regions."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.clock import FixedClock


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def regions(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(name, level, parent's name, code) of every region in the file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT r.name, r.level, p.name, r.code FROM region r LEFT JOIN region p ON p.id = r.parent_id"
            " ORDER BY r.id"
        ).fetchall()
    finally:
        conn.close()


def operations(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT action FROM operation").fetchall()
    finally:
        conn.close()


def test_new_with_a_region_chain_and_codes_in_chain_order(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "城关镇 台账.bdesk"
    code, out, err = cli(
        "new", str(path), "--region", "信阳市/潢川县/城关镇", "--code", "411500,411526,411526100", clock=clock
    )
    assert (code, err) == (EXIT_OK, "")
    assert regions(path) == [
        ("信阳市", "city", None, "411500"),
        ("潢川县", "county", "信阳市", "411526"),
        ("城关镇", "township", "潢川县", "411526100"),
    ]
    # The seeding (holidays and regions) is one action, one line of history, not hundreds.
    assert operations(path) == [("ledger.create",)]
    code, out, err = cli("stats", str(path), "--region", "411526100", "--json", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert '"path": "信阳市/潢川县/城关镇"' in out


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ("411526100", [None, None, "411526100"]),  # one code: the last level's
        (",411526,", [None, "411526", None]),  # an empty place leaves a level without
        ("411526, 411526100", [None, "411526", "411526100"]),
    ],
)
def test_fewer_codes_belong_to_the_last_levels(
    tmp_path: Path, clock: FixedClock, codes: str, expected: list[str | None]
) -> None:
    path = tmp_path / "l.bdesk"
    assert (
        cli("new", str(path), "--region", "信阳市/潢川县/城关镇", "--code", codes, clock=clock)[0] == EXIT_OK
    )
    assert [row[3] for row in regions(path)] == expected


def test_new_without_region_works_as_before(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "空.bdesk"
    assert cli("new", str(path), clock=clock)[:2] == (EXIT_OK, f"已新建 {path}\n")
    assert regions(path) == []
    assert operations(path) == [("ledger.create",)]


def test_a_city_alone(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "市.bdesk"
    assert cli("new", str(path), "--region", "信阳市", "--code", "411500", clock=clock)[0] == EXIT_OK
    assert regions(path) == [("信阳市", "city", None, "411500")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--region", "信阳市/潢川县/城关镇/东街村"],
            "“信阳市/潢川县/城关镇/东街村”超过三级；区划链为 市/县/乡镇。",
        ),
        (
            ["--region", "信阳市/潢川县", "--code", "1,2,3"],
            "给了 3 个区划代码，区划链只有 2 级：每级最多一个代码，按区划顺序填写。",
        ),
        (["--region", "/潢川县"], "请填写市的名称（区划链的最上一级）。"),
        (["--region", "信阳市/潢川县", "--code", "411526,411526"], "区划代码 411526 已被其他区域使用。"),
        (["--code", "411526"], "--code 需要与 --region 一起使用"),
    ],
)
def test_a_bad_chain_is_a_bad_argument_and_makes_no_file(
    tmp_path: Path, clock: FixedClock, args: list[str], message: str
) -> None:
    path = tmp_path / "l.bdesk"
    code, out, err = cli("new", str(path), *args, clock=clock)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.strip() == f"branchdesk-cli：参数有误：{message}"
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []

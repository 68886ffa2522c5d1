"""branchdesk-cli: figures, exit codes and one-line messages, never a traceback or a prompt."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.attendance import Attendance
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import SCHEMA_VERSION
from tests.builders import LedgerBuilder


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> Path:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 3, optimised=2)
    villages = build.villages(tree["hc_chengguan"], 2)
    build.branch("仁和社区党支部", BranchKind.COMMUNITY, tree["hc_renhe"])
    build.pair(organs[0], villages[0], "2022-04-10")
    build.pair(organs[1], villages[1], "2022-04-10")
    build.activity(1, "2022-05-14", attendance=Attendance(15, 13))
    path = ledger.path
    ledger.close()
    return path


def test_stats_json_has_the_design_shape(county: Path, clock: FixedClock) -> None:
    code, out, err = cli(
        "stats", str(county), "--json", "--month", "2022-05", "--as-of", "2022-05-19", clock=clock
    )
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(out) == {
        "region": {"name": "信阳市", "path": "信阳市", "code": "411500"},
        "as_of": "2022-05-19",
        "month": "2022-05",
        "branches": {"organ": 3, "grassroots": 3, "archived": 0},
        "coverage": {
            "grassroots": {"count": 2, "total": 3, "rate": "66.66"},
            "organ": {"count": 2, "total": 3, "rate": "66.66"},
        },
        "optimisation": {"count": 2, "total": 3, "rate": "66.66"},
        "compliance": {"month": "2022-05", "count": 1, "total": 2, "rate": "50.00"},
        "activities": {
            "month": "2022-05",
            "count": 1,
            "themed_days": 1,
            "key_task": 0,
            "volunteer_person_times": 5,
            "weekday": 0,
            "attendance_rate": {"count": 13, "total": 15, "rate": "86.66"},
        },
        "holiday_data_missing_for": [],
        "targets": {"count": 0, "reached": 0, "rate": None, "overdue": 0},  # no agreements here
        "level": None,  # added for --level county; --direct and the whole region say null
        "teams": {"month": "2022-05", "members": 0, "below_rule": 0},  # issue #21
        "items": {"need": 0, "resource": 0, "project": 0, "done": 0, "overdue": 0},  # the three lists
    }


def test_stats_scopes_and_defaults(county: Path, clock: FixedClock) -> None:
    code, out, _ = cli("stats", str(county), "--json", "--region", "信阳市/潢川县/仁和镇", clock=clock)
    figures = json.loads(out)
    assert code == EXIT_OK
    assert figures["region"] == {"name": "仁和镇", "path": "信阳市/潢川县/仁和镇", "code": None}
    assert figures["coverage"]["grassroots"] == {"count": 0, "total": 1, "rate": "0.00"}
    assert figures["month"] == "2022-04"
    assert figures["as_of"] == "2022-05-19"
    _, out, _ = cli("stats", str(county), "--json", "--region", "411526", "--direct", clock=clock)
    assert json.loads(out)["branches"] == {"organ": 3, "grassroots": 0, "archived": 0}


def test_stats_table_reads_in_chinese(county: Path, clock: FixedClock) -> None:
    code, out, _ = cli("stats", str(county), "--month", "2022-05", clock=clock)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == "区域：信阳市 (411500)"
    assert lines[1] == "截至：2022年5月19日"
    assert "基层党支部结对覆盖率：66.66%（2 / 3）" in lines
    assert "2022年5月主题党日落实率：50.00%（1 / 2）" in lines


def test_stats_table_in_english_and_no_rate_as_a_dash(county: Path, clock: FixedClock) -> None:
    code, out, _ = cli("stats", str(county), "--lang", "en", "--month", "2022-04", clock=clock)
    assert code == EXIT_OK
    assert "Themed Party day compliance, 2022-04: — (0 of 0)" in out.splitlines()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["stats", "{ledger}", "--region", "城关镇"],
            "“城关镇”对应多个区域：信阳市/固始县/城关镇; 信阳市/潢川县/城关镇。",
        ),
        (["stats", "{ledger}", "--region", "光山县"], "没有名为“光山县”的区域。"),
        (["stats", "{ledger}", "--as-of", "2022-02-30"], "“2022-02-30”不是日期：2022年2月只有28天"),
        (["stats", "{ledger}", "--month", "2022-13"], "“2022-13”不是月份：没有13月"),
        (["stats", "{missing}"], "不存在"),
    ],
)
def test_bad_input_gives_one_line_and_exit_1(
    county: Path, clock: FixedClock, argv: list[str], message: str
) -> None:
    args = [a.format(ledger=county, missing=county.with_name("无.bdesk")) for a in argv]
    code, out, err = cli(*args, clock=clock)
    assert code == EXIT_FAILED
    assert out == ""
    assert err.count("\n") == 1
    assert message in err
    assert err.startswith("branchdesk-cli：")


def test_bad_arguments_exit_2(clock: FixedClock) -> None:
    code, _, err = cli("stats", clock=clock)
    assert code == EXIT_USAGE
    assert err.startswith("branchdesk-cli：参数有误：")
    assert err.count("\n") == 1
    code, _, err = cli("demo", "x.bdesk", "--scale", "planet", clock=clock)
    assert code == EXIT_USAGE
    assert "planet" in err


def test_refusals_name_the_file(county: Path, clock: FixedClock, tmp_path: Path) -> None:
    conn = sqlite3.connect(county)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, _, err = cli("stats", str(county), "--lang", "en", clock=clock)
    assert code == EXIT_FAILED
    assert "was saved by a newer BranchDesk" in err
    assert str(county) in err
    text = tmp_path / "名单.csv"
    text.write_text("a,b\n", encoding="utf-8")
    code, _, err = cli("check", str(text), clock=clock)
    assert (code, err.strip()) == (
        EXIT_FAILED,
        f"branchdesk-cli：{text} 不是支部联建台账文件，文件未作任何改动。",
    )


def test_new_then_check(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "新 台账.bdesk"
    assert cli("new", str(path), clock=clock)[0] == EXIT_OK
    assert cli("new", str(path), clock=clock)[0] == EXIT_FAILED  # never overwrites
    code, out, _ = cli("check", str(path), clock=clock)
    assert (code, out.strip()) == (EXIT_OK, f"{path}：未发现问题")
    code, _, err = cli("stats", str(path), clock=clock)
    assert (code, err.strip()) == (EXIT_FAILED, "branchdesk-cli：本台账还没有区域。")


def test_check_reports_a_broken_foreign_key(county: Path, clock: FixedClock) -> None:
    conn = sqlite3.connect(county)  # another program, without foreign keys on
    conn.execute("UPDATE activity SET pairing_id = 999")
    conn.commit()
    conn.close()
    code, out, _ = cli("check", str(county), clock=clock)
    assert code == EXIT_FAILED
    assert "有记录指向不存在的记录：activity" in out
    assert cli("check", str(county), "--quick", clock=clock)[0] == EXIT_OK  # quick: structure only


def test_demo_refuses_to_overwrite(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "demo.bdesk"
    path.write_text("keep", encoding="utf-8")
    code, _, err = cli("demo", str(path), "--scale", "township", clock=clock)
    assert code == EXIT_FAILED
    assert "已存在" in err
    assert path.read_text(encoding="utf-8") == "keep"
    code, out, _ = cli("demo", str(path), "--scale", "township", "--force", clock=clock)
    assert code == EXIT_OK
    assert "党支部 80 个，结对 40 对，活动 2,000 次" in out


def test_installed_entry_point_runs_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "branchdesk.cli", "stats", str(tmp_path / "none.bdesk"), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_FAILED
    assert (
        result.stderr.strip() == f"branchdesk-cli: The ledger file {tmp_path / 'none.bdesk'} does not exist."
    )
    assert "Traceback" not in result.stderr


def test_odd_input_never_gives_a_traceback(tmp_path: Path, clock: FixedClock, county: Path) -> None:
    code, _, err = cli("stats", str(county), "--month", "0000-01", clock=clock)
    assert (code, err.strip()) == (
        EXIT_FAILED,
        "branchdesk-cli：“0000-01”不是月份：请写成 2023-06（也可写 2023/6 或 2023年6月）。",
    )
    folder = tmp_path / "一个文件夹"
    folder.mkdir()
    code, _, err = cli("demo", str(folder), "--scale", "township", "--force", clock=clock)
    assert (code, err.strip()) == (EXIT_FAILED, f"branchdesk-cli：{folder} 是文件夹，不是台账文件。")
    assert folder.is_dir()


def test_check_reports_a_damaged_file_without_a_traceback(county: Path, clock: FixedClock) -> None:
    data = bytearray(county.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\x5a" * 8192  # keep the header and schema, wreck pages further in
    county.write_bytes(bytes(data))
    code, out, err = cli("check", str(county), clock=clock)
    assert code == EXIT_FAILED
    assert "文件结构已损坏" in out
    assert "Traceback" not in err


def test_backup_and_restore_from_the_command_line(
    county: Path, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(tmp_path / "数据"))
    code, out, _ = cli("backup", str(county), clock=clock)
    assert code == EXIT_OK
    assert " 备份到 " in out
    backup = Path(out.strip().split(" 备份到 ")[-1])
    assert backup.exists(), out
    conn = sqlite3.connect(county)
    conn.execute("DELETE FROM activity")
    conn.commit()
    conn.close()
    code, out, _ = cli("restore", str(county), str(backup), clock=clock)
    assert code == EXIT_OK
    assert (
        json.loads(cli("stats", str(county), "--json", "--month", "2022-05", clock=clock)[1])["activities"][
            "count"
        ]
        == 1
    )
    code, _, err = cli("restore", str(county), str(county.with_name("无.bdesk")), clock=clock)
    assert code == EXIT_FAILED
    assert "不存在" in err

"""branchdesk and branchdesk-cli speak Chinese by default: their help, argparse's own messages, the reasons
the OS and SQLite give; and the command line's manners: a .pdf report, a closed pipe, progress, --force."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from branchdesk import app
from branchdesk.cli import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.clock import FixedClock
from branchdesk.services.demo import SCALES
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.english import english_words

COMMANDS = (
    "new",
    "demo",
    "stats",
    "publish",
    "overdue",
    "teams",
    "items",
    "backup",
    "restore",
    "draw",
    "check",
    "export",
    "import",
    "report",
    "package",
    "lock",
    "unlock",
    "ledger-doc",
    "signin-sheet",
    "agreement",
    "halfyear",
)
# What a user types as it is: the commands (and the words of ledger-doc …), the values of --scale and --what;
# and what publish names: the program it starts (Datasette), the environment variable of the password.
TYPED = frozenset({
    *COMMANDS, *(word for command in COMMANDS for word in command.split("-")), *SCALES,
    "regions", "branches", "pairings", "activities", "all", "status", "trust", "bdxr", "Datasette",
    "BRANCHDESK_PUBLISH_PASSWORD", "open", "done",
})  # fmt: skip


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "command",
    [(), *((name,) for name in COMMANDS), ("package", "export"), ("package", "status"), ("package", "trust")],
)
def test_every_help_is_chinese(command: tuple[str, ...], clock: FixedClock) -> None:
    code, out, err = cli(*command, "--help", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("用法：branchdesk-cli")
    assert english_words(out, tokens=TYPED) == []
    code, out, _ = cli(*command, "--help", "--lang", "en", clock=clock)
    assert out.startswith("usage: branchdesk-cli")
    assert "show this help message and exit" in out


def test_help_lines_up_chinese_argument_names(clock: FixedClock) -> None:
    """A terminal shows a Chinese character two columns wide: the help still starts in one column."""
    _, out, _ = cli("stats", "--help", clock=clock)
    help_columns = {
        sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in match.group(1))
        for match in re.finditer(r"^(  (?:-|台账文件).*?  +)\S", out, re.M)
    }
    assert len(help_columns) == 1
    assert "  --region 区域" in out


BAD_ARGUMENTS = [
    (("stats",), "缺少必填的参数：台账文件"),
    (("frobnicate",), "命令：'frobnicate' 不是可选的值"),
    (("import", "a.bdesk", "b.xlsx", "--what", "people"), "--what：'people' 不是可选的值"),
    (("demo", "a.bdesk", "--scale", "county", "--seed", "abc"), "--seed：“abc”不是整数"),
    (("stats", "a.bdesk", "--month"), "--month：后面需要跟一个值"),
    (("stats", "a.bdesk", "--bogus"), "无法识别的参数：--bogus"),
    (("stats", "a.bdesk", "--json=yes"), "--json：此选项不带值"),
    (("overdue", "a.bdesk"), "缺少必填的参数：--month"),
    (("draw", "a.bdesk", "--verify", "x"), "--verify：“x”不是整数"),
    (
        ("report", "a.bdesk", "month.xlsx", "--month", "2022-05"),
        "输出文件名须以 .pdf 结尾（现为 month.xlsx）",
    ),
]


@pytest.mark.parametrize(("argv", "reason"), BAD_ARGUMENTS)
def test_bad_arguments_are_one_chinese_line(
    argv: tuple[str, ...], reason: str, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing is written anywhere
    code, out, err = cli(*argv, clock=clock)
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith("branchdesk-cli：参数有误：")
    assert reason in err
    assert err.count("\n") == 1
    assert english_words(err, tokens=TYPED) == [], err
    assert list(tmp_path.iterdir()) == []


def test_bad_arguments_in_english_when_asked(clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRANCHDESK_LANG", "en")
    code, _, err = cli("stats", clock=clock)
    assert (code, err) == (
        EXIT_USAGE,
        "branchdesk-cli: bad arguments: the following arguments are required: LEDGER\n",
    )


def test_the_window_programs_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.run(["--help"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("用法：branchdesk")
    assert "要打开的台账文件（.bdesk）" in out
    assert english_words(out) == []
    assert app.run(["--bogus"]) == EXIT_USAGE
    assert capsys.readouterr().err == "branchdesk：参数有误：无法识别的参数：--bogus\n"
    assert app.run(["--help", "--lang", "en"]) == EXIT_OK
    assert "ledger file (.bdesk) to open" in capsys.readouterr().out


def test_argparse_messages_take_argparses_arguments() -> None:
    from branchdesk.i18n.arguments import CONTEXT, MESSAGES
    from branchdesk.i18n.language import catalogue

    lookup = catalogue("zh_CN")
    for source in MESSAGES:
        translated = lookup(CONTEXT, source)
        assert translated != source
        names = re.findall(r"%\((\w+)\)", source)
        arguments: object = dict.fromkeys(names, "x") if names else ("x",) * source.count("%")
        assert "x" in translated % arguments or "%" not in source, source


def test_a_report_is_written_only_as_pdf(ledger: Ledger, clock: FixedClock, tmp_path: Path) -> None:
    path = ledger.path
    ledger.close()
    code, _, err = cli(
        "report", str(path), str(tmp_path / "月报.PDF.docx"), "--month", "2022-05", clock=clock
    )
    assert code == EXIT_USAGE
    assert "月报为 PDF 文件" in err
    assert not (tmp_path / "月报.PDF.docx").exists()


def test_new_on_an_existing_file_names_force(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "台账.bdesk"
    assert cli("new", str(path), clock=clock)[0] == EXIT_OK
    with Ledger.open(path, clock) as ledger:
        LedgerBuilder(ledger).tree()
    code, _, err = cli("new", str(path), clock=clock)
    assert (code, err) == (
        EXIT_FAILED,
        f"branchdesk-cli：{path} 已存在。请换一个文件名，或加上 --force 覆盖它。\n",
    )
    with Ledger.open(path, clock) as ledger:
        assert ledger.scalar("SELECT count(*) FROM region") > 0
    code, out, _ = cli("new", str(path), "--force", clock=clock)
    assert (code, out) == (EXIT_OK, f"已新建 {path}\n")
    with Ledger.open(path, clock) as ledger:
        assert ledger.scalar("SELECT count(*) FROM region") == 0


def test_force_replaces_only_a_ledger(tmp_path: Path, clock: FixedClock) -> None:
    notes = tmp_path / "工作总结.bdesk"
    notes.write_text("二〇二二年工作总结", encoding="utf-8")
    code, _, err = cli("new", str(notes), "--force", clock=clock)
    assert (code, err) == (EXIT_FAILED, f"branchdesk-cli：{notes} 不是支部联建台账文件，文件未作任何改动。\n")
    assert notes.read_text(encoding="utf-8") == "二〇二二年工作总结"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`branchdesk-cli … | head -1`: the reader is gone before the output is written."""
    path = tmp_path / "演示.bdesk"
    assert (
        subprocess.run(
            [sys.executable, "-m", "branchdesk.cli", "demo", str(path), "--scale", "township"],
            capture_output=True,
            check=False,
        ).returncode
        == EXIT_OK
    )
    for command in (["stats", str(path)], ["overdue", str(path), "--month", "2023-06"]):
        reader, writer = os.pipe()
        os.close(reader)
        with os.fdopen(writer, "wb") as closed:
            done = subprocess.run(
                [sys.executable, "-m", "branchdesk.cli", *command],
                stdout=closed,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        assert (done.returncode, done.stderr) == (EXIT_BROKEN_PIPE, "")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_shows_progress_on_a_terminal_only(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "演示.bdesk"
    assert cli("demo", str(path), "--scale", "township", clock=clock)[0] == EXIT_OK
    out, err = io.StringIO(), Terminal()
    assert run(["export", str(path), str(tmp_path / "全部.xlsx")], clock=clock, out=out, err=err) == EXIT_OK
    lines = err.getvalue().split("\r")
    assert lines[0] == ""
    assert len(lines) > 3
    assert lines[1].startswith("正在写入：第 ")
    assert lines[-1].endswith("行\n")
    assert out.getvalue().startswith(f"已写入 {tmp_path / '全部.xlsx'}")
    code, _, err_text = cli("export", str(path), str(tmp_path / "再次.xlsx"), clock=clock)
    assert (code, err_text) == (EXIT_OK, "")


LEDGER_COMMANDS = [
    ("stats",),
    ("overdue", "--month", "2022-05"),
    ("teams", "--month", "2022-05"),
    ("check",),
    ("backup",),
    ("draw", "--region", "潢川县", "--seed", "1"),
    ("draw", "--verify", "1"),
    ("export", "出.xlsx"),
    ("report", "月报.pdf", "--month", "2022-05"),
]


@pytest.mark.parametrize("command", LEDGER_COMMANDS)
def test_a_refused_file_is_told_in_chinese(
    command: tuple[str, ...], tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    not_a_ledger = tmp_path / "名单.bdesk"
    not_a_ledger.write_text("姓名,电话\n", encoding="utf-8")
    for ledger, reason in ((tmp_path / "无.bdesk", "不存在"), (not_a_ledger, "不是支部联建台账文件")):
        code, out, err = cli(command[0], str(ledger), *command[1:], clock=clock)
        assert (code, out) == (EXIT_FAILED, "")
        assert reason in err
        assert english_words(err, tokens=TYPED) == [], err

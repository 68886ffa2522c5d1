"""The reasons SQLite and the OS give reach a Chinese user in Chinese, with what to do."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from branchdesk.cli import EXIT_FAILED, run
from branchdesk.domain.clock import FixedClock
from branchdesk.i18n.language import Translations
from branchdesk.i18n.messages import message_text
from tests.english import english_words

TAILS = {
    "unable to open database file": "检查所在文件夹是否存在",
    "Permission denied": "没有这个文件或文件夹的访问权限",
    "[WinError 5] Access is denied": "没有这个文件或文件夹的访问权限",
    "database is locked": "另一个程序正在使用该文件",
    "[WinError 32] The process cannot access the file because it is being used by another process": (
        "另一个程序正在使用该文件"
    ),
    "disk I/O error": "磁盘读写出错",
    "No space left on device": "磁盘已满",
    "[WinError 112] There is not enough space on the disk": "磁盘已满",
    "Read-only file system": "只读",
    "attempt to write a readonly database": "只读",
    "No such file or directory": "不存在",
    "[WinError 3] The system cannot find the path specified": "不存在",
    "File name too long": "文件名太长",
    "[WinError 53] The network path was not found": "网络",
    "database disk image is malformed": "从备份恢复",
    "UNIQUE constraint failed: region.code": "已有相同的记录",
}


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translations = Translations(qapp)
    translations.install("zh_CN")
    yield
    translations.remove()


@pytest.mark.parametrize(("tail", "advice"), TAILS.items())
@pytest.mark.parametrize(
    "code", ["ledger.cannot_open", "ledger.cannot_write", "backup.failed", "export.cannot_write"]
)
@pytest.mark.usefixtures("chinese")
def test_a_system_reason_is_told_in_chinese(code: str, tail: str, advice: str) -> None:
    text = message_text(code, path=r"D:\台账\城关镇.bdesk", reason=tail)
    assert advice in text
    assert english_words(text) == [], text


@pytest.mark.usefixtures("chinese")
def test_an_unknown_reason_is_marked_as_the_systems_words() -> None:
    text = message_text("ledger.cannot_open", path="城关镇.bdesk", reason="something new")
    assert text.endswith("系统提示：“something new”")


def test_a_name_too_long_for_the_disk(tmp_path: Path, clock: FixedClock) -> None:
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / ("城关镇联建台账" * 20 + ".bdesk")  # 420 bytes: more than a file name may have
    assert run(["new", str(path)], clock=clock, out=out, err=err) == EXIT_FAILED
    assert "文件名太长，请改用较短的文件名" in err.getvalue()
    assert english_words(err.getvalue()) == [], err.getvalue()

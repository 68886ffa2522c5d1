"""The reasons SQLite and the OS give reach a Chinese user in Chinese, with what to do."""

from __future__ import annotations

import contextlib
import errno
import io
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from branchdesk.cli import EXIT_FAILED, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import Reason, os_reason
from branchdesk.i18n.language import Translations
from branchdesk.i18n.messages import message_text
from branchdesk.storage.ledger import sqlite_reason
from tests.english import english_words


def sqlite_error(provoke: Callable[[Path], object]) -> Callable[[Path], Reason]:
    """The reason of the error SQLite itself raises when ``provoke(folder)`` runs."""

    def reason(folder: Path) -> Reason:
        with pytest.raises(sqlite3.Error) as caught:
            provoke(folder)
        return sqlite_reason(caught.value)

    return reason


def reported(code: int, name: str, text: str) -> Callable[[Path], Reason]:
    """An error SQLite raises with these codes where a test cannot provoke it (a failing disk)."""

    def reason(folder: Path) -> Reason:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode, error.sqlite_errorname = code, name
        return sqlite_reason(error)

    return reason


def os_error(number: int, text: str, winerror: int | None = None) -> Callable[[Path], Reason]:
    """An OS error as Python raises it (on Windows with the system's own number as well)."""

    def reason(folder: Path) -> Reason:
        error = OSError(number, text)
        if winerror is not None:
            setattr(error, "winerror", winerror)  # noqa: B010 (an attribute of Windows' OSError only)
        return os_reason(error)

    return reason


def raised_os_error(provoke: Callable[[Path], object], number: int) -> Callable[[Path], Reason]:
    def reason(folder: Path) -> Reason:
        with pytest.raises(OSError, match=f"Errno {number}") as caught:
            provoke(folder)
        return os_reason(caught.value)

    return reason


def ledger_file(folder: Path) -> Path:
    path = folder / "台账.bdesk"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE region (code TEXT UNIQUE, name TEXT NOT NULL)")
        conn.execute("INSERT INTO region VALUES ('411500', '信阳市')")
        conn.commit()
    return path


def locked(folder: Path) -> None:
    path = ledger_file(folder)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        sqlite3.connect(path, timeout=0).execute("SELECT * FROM region")
    finally:
        holder.close()


def write(sql: str, mode: str = "rw") -> Callable[[Path], object]:
    def run_it(folder: Path) -> object:
        uri = f"{ledger_file(folder).as_uri()}?mode={mode}"
        with contextlib.closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as conn:
            conn.execute("PRAGMA max_page_count = 3")  # a "disk" of three pages
            return conn.execute(sql)

    return run_it


def not_a_ledger(folder: Path) -> object:
    path = folder / "文档.bdesk"
    path.write_bytes(b"\xd0\xcf\x11\xe0 a Word document, say" * 100)
    return sqlite3.connect(path).execute("SELECT * FROM sqlite_schema")


REASONS: dict[str, tuple[Callable[[Path], Reason], str]] = {
    "unable to open database file": (
        sqlite_error(lambda folder: sqlite3.connect(folder / "没有" / "台账.bdesk")),
        "检查所在文件夹是否存在",
    ),
    "Permission denied": (os_error(errno.EACCES, "Permission denied"), "没有这个文件或文件夹的访问权限"),
    "[WinError 5] Access is denied": (
        os_error(errno.EACCES, "Access is denied", winerror=5),
        "没有这个文件或文件夹的访问权限",
    ),
    "database is locked": (sqlite_error(locked), "另一个程序正在使用该文件"),
    "[WinError 32] … being used by another process": (
        os_error(errno.EACCES, "The process cannot access the file", winerror=32),
        "另一个程序正在使用该文件",
    ),
    "disk I/O error": (
        reported(sqlite3.SQLITE_IOERR_WRITE, "SQLITE_IOERR_WRITE", "disk I/O error"),
        "磁盘读写出错",
    ),
    "database or disk is full": (
        sqlite_error(write("INSERT INTO region SELECT randomblob(9000), 'x' FROM region")),
        "磁盘已满",
    ),
    "No space left on device": (os_error(errno.ENOSPC, "No space left on device"), "磁盘已满"),
    "[WinError 112] There is not enough space on the disk": (
        os_error(errno.ENOSPC, "There is not enough space on the disk", winerror=112),
        "磁盘已满",
    ),
    "Read-only file system": (os_error(errno.EROFS, "Read-only file system"), "只读"),
    "attempt to write a readonly database": (
        sqlite_error(write("INSERT INTO region VALUES ('x', 'y')", mode="ro")),
        "只读",
    ),
    "No such file or directory": (
        raised_os_error(lambda folder: (folder / "没有").open(), errno.ENOENT),
        "不存在",
    ),
    "[WinError 3] The system cannot find the path specified": (
        os_error(errno.ENOENT, "The system cannot find the path specified", winerror=3),
        "不存在",
    ),
    "File name too long": (
        raised_os_error(lambda folder: (folder / ("长" * 200)).open("w"), errno.ENAMETOOLONG),
        "文件名太长",
    ),
    "[WinError 53] The network path was not found": (
        os_error(errno.ENOENT, "The network path was not found", winerror=53),
        "网络",
    ),
    "file is not a database": (sqlite_error(not_a_ledger), "从备份恢复"),
    "database disk image is malformed": (
        reported(sqlite3.SQLITE_CORRUPT, "SQLITE_CORRUPT", "database disk image is malformed"),
        "从备份恢复",
    ),
    "UNIQUE constraint failed: region.code": (
        sqlite_error(write("INSERT INTO region VALUES ('411500', '信阳')")),
        "已有相同的记录",
    ),
    "NOT NULL constraint failed: region.name": (
        sqlite_error(write("INSERT INTO region VALUES ('411501', NULL)")),
        "必填",
    ),
}


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[None]:
    translations = Translations(qapp)
    translations.install("zh_CN")
    yield
    translations.remove()


@pytest.mark.parametrize("said", REASONS)
@pytest.mark.parametrize(
    "code", ["ledger.cannot_open", "ledger.cannot_write", "backup.failed", "export.cannot_write"]
)
@pytest.mark.usefixtures("chinese")
def test_a_system_reason_is_told_in_chinese(code: str, said: str, tmp_path: Path) -> None:
    make, advice = REASONS[said]
    reason = make(tmp_path)
    text = message_text(code, path=r"D:\台账\城关镇.bdesk", reason=reason)
    assert advice in text
    assert english_words(text) == [], text


@pytest.mark.usefixtures("chinese")
def test_a_reason_is_known_by_its_code_not_its_words() -> None:
    """Windows in Chinese words the same errors in Chinese; a newer SQLite may word them otherwise."""
    worded = Reason(("WinError 32", "EACCES"), "另一个程序正在使用此文件，进程无法访问。")
    assert "另一个程序正在使用该文件" in message_text("backup.failed", path="城关镇.bdesk", reason=worded)
    unknown = message_text("ledger.cannot_open", path="城关镇.bdesk", reason=Reason((), "database is locked"))
    assert unknown.endswith("系统提示：“database is locked”")


@pytest.mark.usefixtures("chinese")
def test_an_unknown_reason_is_marked_as_the_systems_words() -> None:
    text = message_text(
        "ledger.cannot_open", path="城关镇.bdesk", reason=Reason(("SQLITE_WEIRD",), "something new")
    )
    assert text.endswith("系统提示：“something new”")


def test_a_name_too_long_for_the_disk(tmp_path: Path, clock: FixedClock) -> None:
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / ("城关镇联建台账" * 20 + ".bdesk")  # 420 bytes: more than a file name may have
    assert run(["new", str(path)], clock=clock, out=out, err=err) == EXIT_FAILED
    assert "文件名太长，请改用较短的文件名" in err.getvalue()
    assert english_words(err.getvalue()) == [], err.getvalue()

"""The reasons SQLite and the operating system give, in the user's language and with what to do.

A message such as "{path} cannot be opened: {reason}" gets its reason from SQLite ("unable to open database
file") or the OS ("Permission denied", "[WinError 32] The process cannot access the file…"), always in
English (or in the language of Windows). The known ones are recognised by their words; any other is shown
as the system's own words, marked as such.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

CONTEXT = "Reasons"

# (words in the system's text, lower case; what to tell the user). The first match wins: specific first.
REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            "database is locked",
            "database table is locked",
            "being used by another process",
            "sharing violation",
            "device or resource busy",
            "text file busy",
            "另一个程序正在使用此文件",
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "another program is using the file (another BranchDesk window, Excel or WPS, a backup or "
            "synchronising tool); close it and try again",
        ),
    ),
    (
        ("no space left", "not enough space", "database or disk is full", "disk quota", "磁盘空间不足"),
        QT_TRANSLATE_NOOP("Reasons", "the disk is full; free some space and try again"),
    ),
    (
        (
            "read-only file system",
            "readonly database",
            "read-only database",
            "write protected",
            "write-protected",
            "写保护",
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the disk or the file is read-only (a locked USB stick, a CD, a shared folder you may only "
            "read); copy the file to a folder of your own, such as Documents",
        ),
    ),
    (
        ("permission denied", "access is denied", "operation not permitted", "拒绝访问"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "you have no permission for this file or folder; choose a folder of your own, such as Documents, "
            "or ask whoever looks after this computer",
        ),
    ),
    (
        ("file name too long", "filename or extension is too long", "文件名或扩展名太长"),
        QT_TRANSLATE_NOOP(
            "Reasons", "the name is too long; choose a shorter name or a folder nearer the top"
        ),
    ),
    (
        (
            "network path was not found",
            "network name is no longer available",
            "network is unreachable",
            "找不到网络路径",
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the network folder cannot be reached; check the connection, or copy the file to this computer",
        ),
    ),
    (
        (
            "no such file or directory",
            "cannot find the path",
            "cannot find the file",
            "device is not ready",
            "系统找不到指定的",
        ),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the file or its folder is not there (any more); check the name, and that the USB stick or "
            "network drive is connected",
        ),
    ),
    (
        ("is a directory",),
        QT_TRANSLATE_NOOP("Reasons", "that is a folder; choose a file"),
    ),
    (
        ("disk i/o error", "input/output error", "i/o error", "cyclic redundancy check", "semaphore timeout"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the disk could not be read or written (a loose USB stick, a network drive that dropped, a "
            "failing disk); check it and try again, and keep the ledger on this computer's own disk if it "
            "happens again",
        ),
    ),
    (
        ("file is not a database", "database disk image is malformed", "file is encrypted"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the file is damaged or is not a ledger; restore it from a backup (File ▸ Restore from a backup)",
        ),
    ),
    (
        ("unable to open database file", "cannot open"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "check that its folder exists, that you may write in it, and that the USB stick or network drive "
            "is connected",
        ),
    ),
    (
        ("unique constraint failed",),
        QT_TRANSLATE_NOOP("Reasons", "the same record is already in the ledger"),
    ),
    (
        ("not null constraint failed",),
        QT_TRANSLATE_NOOP("Reasons", "a required value is missing"),
    ),
    (
        ("check constraint failed", "constraint failed"),
        QT_TRANSLATE_NOOP("Reasons", "a value is outside what the ledger allows"),
    ),
)

OTHER = QT_TRANSLATE_NOOP("Reasons", "the system says: “{text}”")


def reason_text(reason: str) -> str:
    """``reason`` (SQLite's or the OS's words) as the user reads it."""
    lowered = reason.lower()
    for words, text in REASONS:
        if any(word in lowered for word in words):
            return QCoreApplication.translate(CONTEXT, text)
    return QCoreApplication.translate(CONTEXT, OTHER).format(text=reason)

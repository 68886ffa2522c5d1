"""The reasons SQLite and the operating system give, in the user's language and with what to do.

A message such as "{path} cannot be opened: {reason}" gets its reason (domain.errors.Reason) from SQLite
("unable to open database file") or the OS ("Permission denied", "[WinError 32] The process cannot access the
file…"), in English or in the language of Windows. The known ones are recognised by their error codes —
SQLite's result codes, Windows' error numbers, errno's names — never by their words; any other is shown as
the system's own words, marked as such.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.errors import Reason
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

CONTEXT = "Reasons"

# (error codes; what to tell the user). A reason's codes are tried most specific first (Windows' number
# before the errno Python derives from it: a sharing violation is EACCES too).
REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("SQLITE_BUSY", "SQLITE_LOCKED", "WinError 32", "WinError 33", "EBUSY", "ETXTBSY"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "another program is using the file (another BranchDesk window, Excel or WPS, a backup or "
            "synchronising tool); close it and try again",
        ),
    ),
    (
        ("SQLITE_FULL", "WinError 112", "WinError 39", "ENOSPC", "EDQUOT"),
        QT_TRANSLATE_NOOP("Reasons", "the disk is full; free some space and try again"),
    ),
    (
        ("SQLITE_READONLY", "WinError 19", "EROFS"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the disk or the file is read-only (a locked USB stick, a CD, a shared folder you may only "
            "read); copy the file to a folder of your own, such as Documents",
        ),
    ),
    (
        ("SQLITE_PERM", "WinError 5", "EACCES", "EPERM"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "you have no permission for this file or folder; choose a folder of your own, such as Documents, "
            "or ask whoever looks after this computer",
        ),
    ),
    (
        ("WinError 206", "ENAMETOOLONG"),
        QT_TRANSLATE_NOOP(
            "Reasons", "the name is too long; choose a shorter name or a folder nearer the top"
        ),
    ),
    (
        ("WinError 53", "WinError 64", "WinError 67", "WinError 1231", "ENETUNREACH", "EHOSTUNREACH"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the network folder cannot be reached; check the connection, or copy the file to this computer",
        ),
    ),
    (
        ("WinError 2", "WinError 3", "WinError 21", "ENOENT", "ENOTDIR", "ENODEV", "ENXIO"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the file or its folder is not there (any more); check the name, and that the USB stick or "
            "network drive is connected",
        ),
    ),
    (
        ("EISDIR",),
        QT_TRANSLATE_NOOP("Reasons", "that is a folder; choose a file"),
    ),
    (
        ("SQLITE_IOERR", "WinError 23", "WinError 121", "WinError 1117", "EIO"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the disk could not be read or written (a loose USB stick, a network drive that dropped, a "
            "failing disk); check it and try again, and keep the ledger on this computer's own disk if it "
            "happens again",
        ),
    ),
    (
        ("SQLITE_CORRUPT", "SQLITE_NOTADB"),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "the file is damaged or is not a ledger; restore it from a backup (File ▸ Restore from a backup)",
        ),
    ),
    (
        ("SQLITE_CANTOPEN",),
        QT_TRANSLATE_NOOP(
            "Reasons",
            "check that its folder exists, that you may write in it, and that the USB stick or network drive "
            "is connected",
        ),
    ),
    (
        ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"),
        QT_TRANSLATE_NOOP("Reasons", "the same record is already in the ledger"),
    ),
    (
        ("SQLITE_CONSTRAINT_NOTNULL",),
        QT_TRANSLATE_NOOP("Reasons", "a required value is missing"),
    ),
    (
        ("SQLITE_CONSTRAINT",),
        QT_TRANSLATE_NOOP("Reasons", "a value is outside what the ledger allows"),
    ),
)
_BY_CODE = {code: text for codes, text in REASONS for code in codes}

OTHER = QT_TRANSLATE_NOOP("Reasons", "the system says: “{text}”")


def reason_text(reason: Reason | str) -> str:
    """``reason`` (SQLite's or the OS's, or any other words) as the user reads it."""
    if isinstance(reason, Reason):
        for code in reason.codes:
            if code in _BY_CODE:
                return QCoreApplication.translate(CONTEXT, _BY_CODE[code])
    return QCoreApplication.translate(CONTEXT, OTHER).format(text=reason)

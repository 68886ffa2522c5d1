"""Errors raised below the UI carry a code and parameters; ui and cli render them through the catalogue."""

from __future__ import annotations

import dataclasses
import errno
from dataclasses import dataclass
from typing import Any


class BranchDeskError(Exception):
    """A failure a user can understand and act on.

    ``code`` names the message in the translation catalogue; ``params`` fill its placeholders.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        details = ", ".join(f"{key}={value!r}" for key, value in sorted(self.params.items()))
        return f"{self.code}({details})"


@dataclass(frozen=True)
class FieldProblem:
    """One broken rule of a record: the field it concerns and the message code that explains it."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class InvalidRecordError(BranchDeskError):
    """A record refused for broken rules (a dialog marks each field); the message is the first one."""

    def __init__(self, problems: list[FieldProblem], subject: str | None = None) -> None:
        first = problems[0]
        super().__init__(first.code, **first.params)
        self.problems = problems
        self.subject = subject  # the record's name, for messages about one of many


@dataclass(frozen=True)
class Reason:
    """What SQLite or the operating system said, with its error codes: the catalogue tells it in the user's
    language by those codes (i18n/reasons.py), never by its words, which differ by version and by the
    language of Windows.

    ``codes``, most specific first: SQLite's extended and primary result codes by name
    (``SQLITE_READONLY_DBMOVED``, ``SQLITE_READONLY``), Windows' error number (``WinError 32``), errno's
    name (``EACCES``).
    """

    codes: tuple[str, ...]
    text: str

    def __str__(self) -> str:
        return self.text


def os_reason(error: OSError) -> Reason:
    """An operating system's error as a :class:`Reason` (Windows gives both its own number and an errno)."""
    codes = []
    winerror = getattr(error, "winerror", None)
    if isinstance(winerror, int):
        codes.append(f"WinError {winerror}")
    if error.errno is not None and error.errno in errno.errorcode:
        codes.append(errno.errorcode[error.errno])
    return Reason(tuple(codes), error.strerror or str(error))

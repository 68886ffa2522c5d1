"""Errors raised below the UI carry a code and parameters; ui and cli render them through the catalogue."""

from __future__ import annotations

import dataclasses
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

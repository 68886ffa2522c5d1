"""Errors raised below the UI carry a code and parameters; ui and cli render them through the catalogue."""

from __future__ import annotations

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

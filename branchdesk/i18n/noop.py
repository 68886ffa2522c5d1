"""``QT_TRANSLATE_NOOP`` with a precise type: lupdate finds strings by this name; mypy sees ``str``."""

from __future__ import annotations

from branchdesk.domain.translatable import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]

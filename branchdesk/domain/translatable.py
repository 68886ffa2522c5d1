"""The marker lupdate collects English source strings by, for words kept below the UI (the domain has no Qt):
it returns the text unchanged, as Qt's does; the window translates the text where it shows it."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (lupdate finds strings by this name)
    return source

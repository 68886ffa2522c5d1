"""argparse in the user's language, for ``branchdesk`` and ``branchdesk-cli``.

argparse builds its own texts (usage, "the following arguments are required", "invalid choice", the help's
section titles) with gettext, which knows nothing of our catalogue; while a parser is built and used, those
texts are looked up in the catalogue instead (context ``Argparse``). Bad arguments raise :class:`UsageError`
with the one-line reason, instead of argparse's usage dump and exit.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

Lookup = Callable[[str, str], str]  # (context, English source) -> text in the user's language

CONTEXT = "Argparse"

# The texts argparse (Python 3.11-3.14) can show a user; the others are programming errors.
MESSAGES = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r, maybe you meant %(closest)r?"),
    QT_TRANSLATE_NOOP("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "unexpected option string: %s"),
)


class UsageError(Exception):
    """Arguments a parser refuses; the message is one line in the user's language."""


@contextlib.contextmanager
def argparse_language(lookup: Lookup) -> Iterator[None]:
    """argparse's gettext functions, which it looks up as module globals at each call, through ``lookup``."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]

    def gettext(message: str) -> str:
        return lookup(CONTEXT, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return lookup(CONTEXT, singular if count == 1 else plural)

    module["_"], module["ngettext"] = gettext, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


class Parser(argparse.ArgumentParser):
    """A parser whose bad arguments are one clear line (:class:`UsageError`), not a usage dump and exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def format_help(self) -> str:
        return align_help_column(super().format_help())


_ITEM = re.compile(r"( +\S.*?) {2,}(?=\S)")


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def align_help_column(text: str) -> str:
    """argparse lines up the help of each argument by counting characters; with Chinese argument names a
    terminal shows them out of line. Line them up again by the columns the names take."""
    lines = text.split("\n")
    items = [(i, match) for i, line in enumerate(lines) if (match := _ITEM.match(line))]
    if not items:
        return text
    # argparse's help column: where most items' help starts (a long name puts its help on the next line).
    starts = [match.end() for _, match in items]
    column = max(set(starts), key=starts.count)
    items = [(i, match) for i, match in items if match.end() == column]
    aligned = max(column, *(_width(match.group(1)) + 2 for _, match in items))
    for i, match in items:
        name = match.group(1)
        lines[i] = name + " " * (aligned - _width(name)) + lines[i][match.end() :]
    indent = " " * column
    return "\n".join(
        " " * aligned + line[column:]
        if line.startswith(indent) and len(line) > column and line[column] != " "
        else line
        for line in lines
    )


def requested_language(argv: Sequence[str]) -> str | None:
    """``--lang`` (or ``BRANCHDESK_LANG``), read before parsing so that the parser itself speaks it."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return os.environ.get("BRANCHDESK_LANG")

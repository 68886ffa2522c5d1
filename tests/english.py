"""Finding English that reaches a Chinese user: Latin words that are not tokens a user types or knows."""

from __future__ import annotations

import re

# Words a Chinese clerk reads as they are: formats, file types, programs, codes typed on the command line.
# fmt: off
ALLOWED = frozenset((
    "PDF", "pdf", "Excel", "WPS", "CSV", "csv", "xlsx", "xls", "bdesk", "bdx", "bdxr", "png", "svg", "PNG",
    "SVG",
    "JSON", "json", "UTF", "utf", "GBK", "gbk", "YYYY", "MM", "DD", "H1", "H2", "A4", "zh_CN", "en", "ID",
    "dpi", "N", "U", "USB", "Ctrl", "Shift", "Alt", "Enter", "Esc", "F1", "F2", "Del", "Tab", "Insert",
    "SQLite", "Word", "docx", "DOCX",
))
# fmt: on
_TOKENS = re.compile(
    r"--?[A-Za-z][\w-]*"  # options: --region, -h
    r"|branchdesk(?:-cli)?"  # the programs' names
    r"|\{[^{}]*\}"  # argparse's choices: {township,county}
    r"|'[^']*'|“[^”]*”"  # values the user gave, quoted: 'foo', “abc”
    r"|(?:Ctrl|Shift|Alt)\+[A-Za-z0-9+]+"  # keys pressed together: Ctrl+Shift+N
    r"|(?:[A-Za-z]:)?[A-Za-z0-9_.-]*[\\/][^\s：，。）]*"  # paths, docs/draw.md too
    r"|\S+\.(?:bdesk|bdx|bdxr|xlsx|xls|csv|pdf|png|svg|docx)\b"  # file names
    r"|\b[0-9a-f]{16,}\b"  # SHA-256 hashes (a draw's candidate list and result), whole or cut short
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def english_words(text: str, *, tokens: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of ``text`` that are neither allowed nor among ``tokens`` (values the user types)."""
    stripped = _TOKENS.sub(" ", text)
    return [word for word in _WORD.findall(stripped) if word not in ALLOWED and word not in tokens]

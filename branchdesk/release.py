"""What a release says about itself: its notes in CHANGELOG.md and its licences and notices."""

from __future__ import annotations

import re

from branchdesk.resources import changelog, notices

# A version's section starts "## X.Y.Z"; its languages are "### 中文" and "### English".
VERSION_HEADING = re.compile(r"^## (\d+\.\d+\.\d+)\b", re.M)
LANGUAGE_HEADINGS = {"zh_CN": "中文", "en": "English"}


def versions(text: str) -> list[str]:
    """The versions CHANGELOG.md describes, newest first."""
    return VERSION_HEADING.findall(text)


def release_notes(text: str, version: str, language: str) -> str:
    """The Markdown list of one version's notes in one language ("" when the changelog has none)."""
    sections = VERSION_HEADING.split(text)
    # split() gives [preamble, version, body, version, body, ...]
    body = dict(zip(sections[1::2], sections[2::2], strict=True)).get(version, "")
    parts = re.split(r"^### (.+)$", body, flags=re.M)
    by_language = zip(parts[1::2], parts[2::2], strict=True)
    wanted = LANGUAGE_HEADINGS.get(language, "English")
    return next((notes.strip() for heading, notes in by_language if heading.strip() == wanted), "")


def read_changelog() -> str:
    return changelog().read_text(encoding="utf-8-sig")  # the file starts with a BOM for the installer


def read_notices() -> str:
    return notices().read_text(encoding="utf-8")

"""Where the bundled resources (translations, fonts, icons, guide) live."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` inside PyInstaller's bundle, beside the package in a checkout (and an editable
    install), or the ``branchdesk_resources`` data package of a regular install."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    from importlib import resources  # a regular install only: a checkout and the bundle do without it

    return Path(str(resources.files("branchdesk_resources")))


def bundled_font() -> Path:
    """Noto Sans SC (SIL OFL 1.1): the Chinese font used where no better one is installed."""
    return resources_dir() / "fonts" / "NotoSansSC-Regular.otf"


def changelog() -> Path:
    """CHANGELOG.md: each version's notes in Chinese and English."""
    return resources_dir() / "CHANGELOG.md"


def notices() -> Path:
    """BranchDesk's licence and every bundled component's (written by tools/notices.py)."""
    return resources_dir() / "THIRD_PARTY_NOTICES.txt"


def template(name: str) -> Path:
    """A built-in Word template (resources/templates, written by tools/make_ledger_template.py)."""
    return resources_dir() / "templates" / name

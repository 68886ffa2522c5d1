"""The per-user data folder: backups, the demo ledger, logs. Never the install folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "BranchDesk"


def user_data_dir() -> Path:
    """``BRANCHDESK_DATA_DIR`` when set (portable use, tests), else the platform's per-user data folder."""
    override = os.environ.get("BRANCHDESK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

"""The per-user data folder: backups, the demo ledger, logs. Never the install folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "BranchDesk"


def user_data_dir() -> Path:
    """``BRANCHDESK_DATA_DIR`` when set (portable use, tests), else the platform's per-user data folder."""
    override = os.environ.get("BRANCHDESK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only here: the window's start does without it when the folder is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

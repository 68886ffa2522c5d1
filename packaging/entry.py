"""PyInstaller's entry script for the window: the same ``branchdesk.app:main`` as ``branchdesk``."""

import os
import sys

if getattr(sys, "frozen", False):
    # PyInstaller's matplotlib run-time hook points MPLCONFIGDIR at a new temporary folder on every start,
    # so matplotlib would rescan the system fonts (seconds on Windows) before each session's first chart.
    # A per-user cache folder (never the install folder) keeps its font list between starts.
    import platformdirs

    cache = platformdirs.user_cache_path("BranchDesk", appauthor=False)
    os.environ["MPLCONFIGDIR"] = str(cache / "matplotlib")

from branchdesk.app import main

main()

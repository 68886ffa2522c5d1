"""The UI thread takes the interpreter back quickly from the job runner's workers.

Python hands its lock from a thread running Python to one waiting for it only after the switch interval,
5 ms by default. Painting a table calls Python for each cell, and each call may wait that long while a worker
builds a read's rows; a click on a region starts the tabs' reads beside the painting. At county scale the soak
test's worst gap with a read running was 90 and 64 ms (seeds 32 and 33) with 5 ms, and 43 and 38 ms with 1 ms.
A worker loses little: a switch costs microseconds.
"""

from __future__ import annotations

import sys

UI_SWITCH_INTERVAL_S = 0.001


def favour_ui_thread() -> float:
    """Set the switch interval for the window's life; returns the one before (the tests put it back)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    return before

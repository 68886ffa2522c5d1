"""Worker threads yield the processor to the UI thread.

After an edit the window asks for half a dozen reads at once (the status bar's figures, the lists, the
tree's counts); at stress scale they take 0.1–1 s of processor time each. At the UI thread's own priority
they share a two-core office PC with it evenly, and a 15 ms repaint took 100–300 ms of the clock (issue 16:
measured with a 5 ms heartbeat, 41 ms with the workers below normal). Below normal they still get every
idle moment, so reads end no later when the user does nothing.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

THREAD_PRIORITY_BELOW_NORMAL = -1  # Windows' SetThreadPriority level
NICE_BELOW_NORMAL = 10  # Linux: a thread's own nice value (its native id is a process id to setpriority)


def below_normal() -> None:
    """Lower the calling thread's scheduling priority, where the system lets a thread do so."""
    if sys.platform == "win32":
        import ctypes

        # getattr: windll exists only on Windows, where mypy's stubs are not looking.
        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009
        kernel32.SetThreadPriority(kernel32.GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL)
    elif sys.platform.startswith("linux"):
        # Raising one's own nice value needs no privilege; a failure only leaves the thread as it was.
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE_BELOW_NORMAL)

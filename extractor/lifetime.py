"""Worker processes die with the process that started them.

A ``kill -9`` of ``kerjasama serve`` (or of a backfill) gives its children no
chance to clean up: without this they go on running jobs nobody collects, and
each restart piles up more. Linux's parent-death signal (``PR_SET_PDEATHSIG``)
has the kernel send SIGKILL to the child when its parent goes, however it goes.
Elsewhere this is a no-op; the children then end when their pipes close.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None) -> None:
    """Ask for SIGKILL when the parent dies; exit at once if it is gone already.

    ``parent_pid`` closes the race where the parent died before the call."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)

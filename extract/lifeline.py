"""Worker processes die with the batch that started them.

A batch killed with ``kill -9`` runs no cleanup, so its workers must notice on their own:
on Linux the kernel sends them SIGKILL when their parent dies (``PR_SET_PDEATHSIG``), and a
watchdog thread checking ``os.getppid()`` covers the other systems and the moment between
``fork`` and ``prctl``. Tesseract, started by a worker, gets the same signal tied to the worker.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import dataclass

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PR_GET_PDEATHSIG = 2


@dataclass(frozen=True)
class LifelineSettings:
    # How often the watchdog looks for its parent; the kernel signal is immediate on Linux.
    poll_s: float = 1.0


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(parent_pid: int, settings: LifelineSettings = LifelineSettings()) -> None:
    """Called first thing in a worker: exit as soon as ``parent_pid`` is no longer the parent."""
    set_parent_death_signal()
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(settings.poll_s)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _has_parent_death_signal() -> bool:
    """True in a process that asked to die with its parent (a batch worker, see above)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        sig = ctypes.c_int(0)
        return libc.prctl(PR_GET_PDEATHSIG, ctypes.byref(sig), 0, 0, 0) == 0 and sig.value != 0
    except (OSError, AttributeError):
        return False


def tesseract_module():
    """``pytesseract``, imported when a page is first OCR'd (it imports pandas: a worker that
    reads no scan should not pay for that). In a worker, Tesseract processes it starts get SIGKILL
    when the worker dies: pytesseract builds its ``Popen`` arguments in ``subprocess_args``, the
    one place to add that."""
    import pytesseract
    import pytesseract.pytesseract as tess

    if _has_parent_death_signal():
        _tie(tess)
    return pytesseract


def _tie(tess) -> None:
    original = tess.subprocess_args
    if getattr(original, "_tied", False):
        return

    def subprocess_args(*args, **kwargs):
        out = original(*args, **kwargs)
        out["preexec_fn"] = set_parent_death_signal
        return out

    subprocess_args._tied = True  # type: ignore[attr-defined]
    tess.subprocess_args = subprocess_args

"""Waiting on a benchmark's Qt thread without holding the interpreter.

``QTest.qWait`` keeps the GIL while it runs the event loop (PySide6 6.x; measured here: a Python
thread counting in a loop made 0.5 % of its progress during one ``qWait(1000)``, 7 % during ten
``qWait(100)``, and all of it during a ``QEventLoop`` of the same length). Every Python thread of the
code measured — libVLC's event callbacks (a tile's first picture), the vlc-worker lanes that start
the players, the background runner's reads — then waits for the benchmark itself, and the figures
are the harness's, not the product's: the running app waits in ``QApplication.exec``, which lets the
GIL go. A ``QEventLoop`` with a timer lets it go too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def wait_ms(ms: int) -> None:
    """Run the Qt event loop for ``ms`` milliseconds, the interpreter free for other threads."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, int(ms)), loop.quit)
    loop.exec()


def wait_until(predicate: Callable[[], object], timeout_s: float, step_ms: int = 10) -> bool:
    """Run the event loop until ``predicate()`` is true (True) or ``timeout_s`` has passed (False)."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        wait_ms(step_ms)
    return True

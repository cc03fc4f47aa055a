"""Guards against a Qt binding that leaks references to None or True.

PySide6 6.12.0 drops one reference to ``None`` on every call of a void method (``QLabel.setText``)
and one to ``True`` on every ``Signal.emit``; Python 3.11's singletons are not immortal, so a
window that updates labels every few seconds aborts with ``none_dealloc``/``bool_dealloc`` within
the hour (and pyqtgraph, which makes thousands of such calls, within seconds). 6.11.3 is clean.
If this fails, pin the binding to a version that passes (``PySide6-Essentials<6.12``).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 500  # enough to see a leak of one per call, too few to exhaust True on its own


class _Emitter(QObject):
    changed = Signal(object)


def _refcounts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_void_calls_and_emits_keep_singleton_refcounts(qapp: QApplication) -> None:
    label = QLabel()
    emitter = _Emitter()
    received: list[object] = []
    emitter.changed.connect(received.append)
    before = _refcounts()
    for index in range(CALLS):
        label.setText(str(index))
        emitter.changed.emit(index)
    after = _refcounts()
    label.deleteLater()
    drift = [a - b for a, b in zip(after, before, strict=True)]
    # A few references come and go with caches; a leak shows as about -CALLS.
    assert all(abs(change) < CALLS // 5 for change in drift), f"None/True/False refcount drift {drift}"

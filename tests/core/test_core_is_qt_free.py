"""The core must run headless: importing every module under ``commandcenter`` loads no Qt.

Run in a fresh interpreter, because the test session itself has PySide6 loaded by pytest-qt.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import commandcenter
failed = []
for module in pkgutil.walk_packages(commandcenter.__path__, "commandcenter."):
    if ".migrations." in module.name or module.name.endswith("__main__"):
        continue  # Alembic scripts run only inside alembic's context; __main__ would run the CLI
    try:
        importlib.import_module(module.name)
    except Exception as error:
        failed.append(f"{module.name}: {error!r}")
banned = {"PySide6", "shiboken6", "pyqtgraph", "qasync", "ui", "vlc"}
qt = sorted(name for name in sys.modules if name.split(".")[0] in banned)
print("FAILED", failed)
print("QT", qt)
"""


def test_importing_every_core_module_loads_no_qt_and_no_libvlc() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert lines["FAILED"] == "[]", lines["FAILED"]
    assert lines["QT"] == "[]", f"the core imported: {lines['QT']}"


def test_probe_would_notice_a_qt_import() -> None:
    """Guard against a probe that cannot fail: the same check sees PySide6 once it is imported."""
    result = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore, sys; print('PySide6' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "True"

"""CommandCenter (智慧城管指挥中心): the Qt-free core.

Everything that is not a widget lives here: the store, geo helpers, demo data and simulator, the demo
streaming server, the video client's logic, configuration and the CLI. Importing this package (or any
module under it) must never import PySide6 — ``tests/core/test_core_is_qt_free.py`` and the
import-linter contract in ``pyproject.toml`` enforce it, so the gateway and tools run headless.
"""

__version__ = "0.1.0"

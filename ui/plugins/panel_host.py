"""What a plugin's panel factory receives: a parent widget and a way to run work off the Qt thread.

Not the main window and not the store: a panel asks ``submit`` to run its (database) job on the
app's background runner and gets the answer back on the Qt thread. A job that raises is a fault of
the plugin: the host disables the plugin for the session, exactly as for a raising hook.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from commandcenter.plugins_api.guard import PluginFault
from ui.background import BackgroundRunner


class PanelHost:
    def __init__(
        self, parent: QWidget, runner: BackgroundRunner, on_fault: Callable[[PluginFault], None]
    ) -> None:
        self.parent = parent
        self._runner = runner
        self._on_fault = on_fault

    def submit(self, job: Callable[[], Any], on_result: Callable[[Any], None]) -> None:
        """Run ``job()`` in the background, then ``on_result(value)`` on the Qt thread."""
        self._runner.submit(job, on_result, self._failed)

    def _failed(self, error: Exception) -> None:
        trace = "".join(traceback.format_exception(error))
        self._on_fault(
            PluginFault(f"面板任务出错 (panel job raised): {type(error).__name__}: {error}", trace)
        )

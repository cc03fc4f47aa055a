"""What a plugin's panel factory receives: a parent widget and a way to run work off the Qt thread.

Not the main window and not the store: a panel asks ``submit`` to run its (database) job on the
plugin host's workers and gets the answer back on the Qt thread. The job runs within the hook bound
and, like every hook, disables its plugin when it raises or hangs — except for two things that are
not the plugin's fault: ``InvalidEntry`` (the user's input; its message is shown on the panel) and a
database outage (the panel says so and, for reads, runs the job again until the database answers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from commandcenter.plugin_host.guard import CallResult
from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginRecord, PluginState
from commandcenter.plugins_api import InvalidEntry
from ui.background import BackgroundRunner

Notice = Callable[[str | None], None]  # show a message on the panel (None: hide it)


@dataclass(frozen=True)
class _Refused:
    message: str


def _answering(job: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        try:
            return job()
        except InvalidEntry as refusal:
            return _Refused(str(refusal))

    return run


class PanelHost:
    def __init__(
        self,
        parent: QWidget,
        runner: BackgroundRunner,
        host: PluginHost,
        record: PluginRecord,
        notice: Notice,
        *,
        unavailable_text: str,
        retry_s: float,
    ) -> None:
        self.parent = parent
        self._runner = runner
        self._host = host
        self._record = record
        self._notice = notice
        self._unavailable = unavailable_text
        self._retry_ms = max(1, round(retry_s * 1000))
        self._anchor = QObject(parent)  # retries die with the panel

    def submit(self, job: Callable[[], Any], on_result: Callable[[Any], None], *, retry: bool = True) -> None:
        """Run ``job()`` in the background, then ``on_result(value)`` on the Qt thread. While the
        database is away the panel shows so; with ``retry`` (reads) the job runs again every few
        seconds until it answers — a write (``retry=False``) is left for the user to send again."""
        host, record, checked = self._host, self._record, _answering(job)
        self._runner.submit(
            lambda: host.call(record, "面板任务 (panel job)", checked),
            lambda result: self._settled(job, on_result, retry, result),
        )

    def _settled(
        self, job: Callable[[], Any], on_result: Callable[[Any], None], retry: bool, result: CallResult
    ) -> None:
        if self._record.state is not PluginState.ACTIVE:
            return  # disabled meanwhile: its panel is being taken away
        if result.outage is not None:
            self._notice(self._unavailable)
            if retry:
                QTimer.singleShot(
                    self._retry_ms, self._anchor, lambda: self.submit(job, on_result, retry=True)
                )
            return
        if not result.ok:
            return
        if isinstance(result.value, _Refused):
            self._notice(result.value.message)
            return
        self._notice(None)
        self._host.call_here(self._record, "面板结果 (panel result)", on_result, result.value)

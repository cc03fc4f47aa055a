"""The map-rule alert list (告警): newest first, refreshed as the ``AlertWatcher`` raises alerts, with
"create case" for the selected one — filed through intake by the signed-in user's ``AlertService``
(screened, located, merged into an open duplicate; a refusal says why). Rule evaluation and every
read run through the background runner; the panel only shows and asks.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.alerts import Alert
from commandcenter.rules.alerts import default_category
from commandcenter.services.alert_service import AlertService, FiledAlert
from ui.background import BackgroundPoll, BackgroundRunner
from ui.tracks.track_rows import clock_text

POLL_S = 2.0
SHOWN = 200
_ALERT = Qt.ItemDataRole.UserRole


class QtAlertList(QWidget):
    alert_activated = Signal(object)  # Alert: centre the map on it
    case_created = Signal(int)  # the new case's id

    def __init__(
        self,
        alerts: AlertService,
        runner: BackgroundRunner,
        *,
        poll_s: float = POLL_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alertList")
        self._alerts = alerts
        self._runner = runner
        self.watcher = alerts.watcher  # plugins follow its stored alerts
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self._activated)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.case_button = QPushButton(self.tr("Create case"), self)
        self.case_button.setEnabled(False)
        self.case_button.clicked.connect(self.create_case)
        self.status = QLabel(self)
        bar = self.bar = QHBoxLayout()  # platform alarms add their camera button here
        bar.addWidget(self.status, 1)
        bar.addWidget(self.case_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.list, 1)
        column.addLayout(bar)
        self._poll = BackgroundPoll(runner, poll_s, alerts.poll, self._raised, parent=self)

    def start(self) -> None:
        self._runner.submit(lambda: self._alerts.recent(SHOWN), self._show_history)

    def stop(self) -> None:
        self._poll.stop()

    def _show_history(self, alerts: list[Alert]) -> None:
        for alert in reversed(alerts):
            self._add(alert)
        self._poll.start()

    def _raised(self, alerts: list[Alert]) -> None:
        for alert in alerts:
            self._add(alert)
        while self.list.count() > SHOWN:
            self.list.takeItem(self.list.count() - 1)

    def _add(self, alert: Alert) -> None:
        item = QListWidgetItem(
            f"{clock_text(alert.raised_at.timestamp())}  [{alert.kind.value}]  {alert.text}"
        )
        item.setData(_ALERT, alert)
        if alert.case_id is not None:
            item.setToolTip(self.tr("Case filed"))
        self.list.insertItem(0, item)

    def _activated(self, item: QListWidgetItem) -> None:
        alert = item.data(_ALERT)
        if isinstance(alert, Alert):  # the list also holds platform alarms (``platform_alarm_feed``)
            self.alert_activated.emit(alert)

    def _selection_changed(self, item: QListWidgetItem | None) -> None:
        alert: Alert | None = item.data(_ALERT) if item is not None else None
        can_file = alert is not None and alert.case_id is None and default_category(alert.kind) is not None
        self.case_button.setEnabled(can_file)
        if alert is not None and default_category(alert.kind) is None:
            self.status.setText(self.tr("File this alert from the case intake: it has no default category"))
        else:
            self.status.clear()

    def create_case(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        alert: Alert = item.data(_ALERT)
        self.case_button.setEnabled(False)
        alerts = self._alerts

        def filed(result: FiledAlert) -> None:
            item.setData(_ALERT, replace(alert, case_id=result.case_id))
            item.setToolTip(self.tr("Case filed"))
            if result.merged:
                self.status.setText(self.tr("Merged into the open case nearby"))
            else:
                self.status.setText(self.tr("Case created"))
            self.case_created.emit(result.case_id)

        def failed(error: Exception) -> None:
            self.status.setText(str(error))
            self.case_button.setEnabled(True)

        self._runner.submit(lambda: alerts.file_as_case(alert), filed, failed)

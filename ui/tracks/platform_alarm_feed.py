"""GB/T 28181 platform alarms in the alert list (告警): polled on a worker every ``alarm_poll_s``, each a
row with its time, kind, description and camera, newest first beside the map-rule alerts; the
camera is one click away ("Camera to wall" for the selected alarm, or a double-click). Alarms a rule
files as cases (the service does it while polling) say so in their tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidgetItem, QPushButton

from commandcenter.domain.platform_alarms import AlarmKind, PlatformAlarm
from commandcenter.services.platform_alarm_service import PlatformAlarmService
from ui.background import BackgroundPoll, BackgroundRunner
from ui.tracks.qt_alert_list import SHOWN, QtAlertList

ALARM_ROLE = Qt.ItemDataRole.UserRole + 7
ALARM_COLOR = QColor("#f59e0b")


def kind_word(kind: AlarmKind) -> str:
    words = {
        AlarmKind.FACE: QCoreApplication.translate("PlatformAlarms", "Face match"),
        AlarmKind.INTRUSION: QCoreApplication.translate("PlatformAlarms", "Intrusion"),
        AlarmKind.VIDEO_LOSS: QCoreApplication.translate("PlatformAlarms", "Video loss"),
        AlarmKind.DEVICE_FAULT: QCoreApplication.translate("PlatformAlarms", "Device fault"),
        AlarmKind.DEVICE_OFFLINE: QCoreApplication.translate("PlatformAlarms", "Device offline"),
        AlarmKind.OTHER: QCoreApplication.translate("PlatformAlarms", "Device alarm"),
    }
    return words[kind]


class PlatformAlarmFeed(QObject):
    def __init__(
        self,
        alarms: PlatformAlarmService,
        runner: BackgroundRunner,
        alert_list: QtAlertList,
        show_camera: Callable[[str], None],
        poll_s: float,
    ) -> None:
        super().__init__(alert_list)
        self._list = alert_list
        self._show_camera = show_camera
        self.camera_button = QPushButton(self.tr("Camera to wall"), alert_list)
        self.camera_button.setObjectName("alarmCameraButton")
        self.camera_button.setEnabled(False)
        self.camera_button.clicked.connect(self.show_selected)
        alert_list.bar.insertWidget(1, self.camera_button)
        alert_list.list.currentItemChanged.connect(self._selection_changed)
        alert_list.list.itemDoubleClicked.connect(lambda item: self._show(item.data(ALARM_ROLE)))
        self._poll = BackgroundPoll(runner, poll_s, alarms.poll, self.add, parent=self)

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def add(self, alarms: list[PlatformAlarm]) -> None:
        for alarm in alarms:
            where = alarm.camera_name or alarm.channel_id
            item = QListWidgetItem(
                f"{alarm.time[-8:]}  [{kind_word(alarm.kind)}]  {alarm.description} — {where}"
            )
            item.setData(ALARM_ROLE, alarm)
            item.setForeground(ALARM_COLOR)
            tip = (
                self.tr("Case filed")
                if alarm.case_id is not None
                else self.tr("Double-click: camera to wall")
            )
            item.setToolTip(tip)
            self._list.list.insertItem(0, item)
        while self._list.list.count() > SHOWN:
            self._list.list.takeItem(self._list.list.count() - 1)

    def _selection_changed(self, item: QListWidgetItem | None) -> None:
        self.camera_button.setEnabled(item is not None and isinstance(item.data(ALARM_ROLE), PlatformAlarm))

    def show_selected(self) -> None:
        item = self._list.list.currentItem()
        if item is not None:
            self._show(item.data(ALARM_ROLE))

    def _show(self, alarm: object) -> None:
        if isinstance(alarm, PlatformAlarm) and alarm.channel_id:
            self._show_camera(alarm.channel_id)

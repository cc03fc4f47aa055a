"""The simple pages of 参数设置: each shows its part of a ``DistrictSettings`` and reads it back.

A page has ``show_settings(settings)`` and ``read(settings, problems)`` — the latter returns the
settings with the page's values in and appends a ``SettingsProblem`` for what it cannot read (the
same keys and faults the core's checks use), so the dialog lists every problem in one place.
"""

from __future__ import annotations

import dataclasses
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.settings import DistrictSettings, LadderRung, NotificationRules
from commandcenter.domain.settings_problems import SettingsProblem
from ui.settings.settings_words import level_name

EXAMPLE_TEMPLATE = "http://zlm:80/rtp/{device}_{channel}.live.flv"  # ZLMediaKit's GB28181 streams


def _spin(parent: QWidget, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


def _metres(parent: QWidget, high: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(0.0, high)
    spin.setDecimals(0)
    spin.setSuffix(suffix)
    return spin


class DispatchPage(QWidget):
    """派遣与升级: the 签收 timeout and the ladder (路长 → 镇办 → 区城管局), each level on/off + wait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        minutes = self.tr(" min")
        self.ack_timeout = _spin(self, 1, 1440, minutes)
        self.rungs: list[tuple[LadderRung, QCheckBox, QSpinBox]] = []
        form = QFormLayout()
        form.addRow(self.tr("Flag a dispatch not signed for after"), self.ack_timeout)
        self.ladder = QGridLayout()
        self.ladder.addWidget(QLabel(self.tr("Escalation level"), self), 0, 0)
        self.ladder.addWidget(QLabel(self.tr("Holds the case for"), self), 0, 1)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addLayout(self.ladder)
        column.addStretch(1)

    def show_settings(self, settings: DistrictSettings) -> None:
        self.ack_timeout.setValue(settings.ack_timeout_minutes)
        for _rung, box, spin in self.rungs:
            box.deleteLater()
            spin.deleteLater()
        self.rungs = []
        for row, rung in enumerate(settings.escalation, 1):
            box = QCheckBox(level_name(rung.level), self)
            box.setChecked(rung.enabled)
            box.setEnabled(rung is not settings.escalation[-1])  # the bureau always answers
            spin = _spin(self, 1, 1440, self.tr(" min"))
            spin.setValue(rung.wait_minutes)
            self.ladder.addWidget(box, row, 0)
            self.ladder.addWidget(spin, row, 1)
            self.rungs.append((rung, box, spin))

    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        ladder = tuple(
            dataclasses.replace(rung, enabled=box.isChecked(), wait_minutes=spin.value())
            for rung, box, spin in self.rungs
        )
        return dataclasses.replace(settings, ack_timeout_minutes=self.ack_timeout.value(), escalation=ladder)


class ScreeningPage(QWidget):
    """甄别: when a report joins an open case, and how far a report may lie from its segment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        metres = self.tr(" m")
        self.duplicate_radius = _metres(self, 2000, metres)
        self.duplicate_window = QDoubleSpinBox(self)
        self.duplicate_window.setRange(0.0, 720.0)
        self.duplicate_window.setDecimals(1)
        self.duplicate_window.setSuffix(self.tr(" h"))
        self.snap_radius = _metres(self, 2000, metres)
        self.snap_radius.setMinimum(1.0)
        form = QFormLayout(self)
        form.addRow(self.tr("Merge a report into an open case within"), self.duplicate_radius)
        form.addRow(self.tr("… filed in the last"), self.duplicate_window)
        form.addRow(self.tr("Snap a report to a road segment within"), self.snap_radius)

    def show_settings(self, settings: DistrictSettings) -> None:
        self.duplicate_radius.setValue(settings.duplicate_radius_m)
        self.duplicate_window.setValue(settings.duplicate_window_hours)
        self.snap_radius.setValue(settings.snap_radius_m)

    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        return dataclasses.replace(
            settings,
            duplicate_radius_m=self.duplicate_radius.value(),
            duplicate_window_hours=self.duplicate_window.value(),
            snap_radius_m=self.snap_radius.value(),
        )


class ShiftPage(QWidget):
    """班次: the day shift (白班); the night shift is the rest of the day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = QTimeEdit(self)
        self.end = QTimeEdit(self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        form = QFormLayout(self)
        form.addRow(self.tr("Day shift starts"), self.start)
        form.addRow(self.tr("Day shift ends"), self.end)
        form.addRow(QLabel(self.tr("The night shift is the rest of the day."), self))

    def show_settings(self, settings: DistrictSettings) -> None:
        self.start.setTime(QTime(settings.day_shift_start.hour, settings.day_shift_start.minute))
        self.end.setTime(QTime(settings.day_shift_end.hour, settings.day_shift_end.minute))

    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        start, end = self.start.time(), self.end.time()
        return dataclasses.replace(
            settings,
            day_shift_start=time(start.hour(), start.minute()),
            day_shift_end=time(end.hour(), end.minute()),
        )


class NotificationPage(QWidget):
    """通知: which arriving cases pop up and ring (every case reaches the queue regardless)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.popup = QCheckBox(self.tr("Pop up new cases"), self)
        self.sound = QCheckBox(self.tr("Ring the chime"), self)
        self.cameras = QCheckBox(self.tr("Open the nearest cameras on the wall when a case pops up"), self)
        self.urgency = QComboBox(self)
        self.urgency.addItem(self.tr("Urgent only"), 1)
        self.urgency.addItem(self.tr("Urgent and normal"), 2)
        self.urgency.addItem(self.tr("Every case"), 3)
        self.categories = QLineEdit(self)
        self.categories.setPlaceholderText(self.tr("Category codes, separated by commas (empty: all)"))
        form = QFormLayout(self)
        form.addRow(self.popup)
        form.addRow(self.sound)
        form.addRow(self.cameras)
        form.addRow(self.tr("Pop up"), self.urgency)
        form.addRow(self.tr("Only these categories"), self.categories)
        form.addRow(QLabel(self.tr("Every new case appears in the queue whatever is chosen here."), self))

    def show_settings(self, settings: DistrictSettings) -> None:
        rules = settings.notifications
        self.popup.setChecked(rules.popup)
        self.sound.setChecked(rules.sound)
        self.cameras.setChecked(rules.open_cameras)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(rules.max_urgency)))
        self.categories.setText(", ".join(rules.categories))

    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        codes = tuple(
            code.strip() for code in self.categories.text().replace("，", ",").split(",") if code.strip()
        )
        rules = NotificationRules(
            self.popup.isChecked(),
            self.sound.isChecked(),
            self.urgency.currentData(),
            codes,
            self.cameras.isChecked(),
        )
        return dataclasses.replace(settings, notifications=rules)


class VideoPage(QWidget):
    """视频: the media server's URL template (the camera wizard fills it in later)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(EXAMPLE_TEMPLATE)
        form = QFormLayout(self)
        form.addRow(self.tr("Media URL template"), self.template)
        form.addRow(QLabel(self.tr("Example: %1").replace("%1", EXAMPLE_TEMPLATE), self))

    def show_settings(self, settings: DistrictSettings) -> None:
        self.template.setText(settings.media_url_template)

    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        return dataclasses.replace(settings, media_url_template=self.template.text().strip())

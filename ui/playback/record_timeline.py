"""The playback window's timeline: one row per camera over the period, recorded stretches filled and
the gaps (no recording: the NVR was off, the disk full) left dark, with a cursor at the moment on
screen. A click anywhere asks for a seek to that moment; the window decides what to do with it."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from commandcenter.catalog.wvp_playback import RecordRange
from ui.theme import ACCENT, BORDER, MUTED, PANEL, TEXT

ROW_PX = 14
AXIS_PX = 18
NAME_PX = 140
RECORDED = "#22c55e"
GAP = "#3a1a1f"


class RecordTimeline(QWidget):
    seek_requested = Signal(object)  # the datetime clicked

    def __init__(self, start: datetime, end: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordTimeline")
        self.start, self.end = start, end
        self.rows: list[tuple[str, list[RecordRange]]] = []
        self.position: datetime | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._fit()

    def set_rows(self, rows: list[tuple[str, list[RecordRange]]]) -> None:
        self.rows = rows
        self._fit()
        self.update()

    def set_position(self, moment: datetime) -> None:
        self.position = min(max(moment, self.start), self.end)
        self.update()

    def _fit(self) -> None:
        self.setFixedHeight(AXIS_PX + max(len(self.rows), 1) * (ROW_PX + 4) + 4)

    def _span_px(self) -> float:
        return max(self.width() - NAME_PX - 8, 1)

    def x_of(self, moment: datetime) -> float:
        share = (moment - self.start) / (self.end - self.start)
        return NAME_PX + share * self._span_px()

    def moment_at(self, x: float) -> datetime:
        share = min(max((x - NAME_PX) / self._span_px(), 0.0), 1.0)
        return self.start + (self.end - self.start) * share

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and event.position().x() >= NAME_PX:
            self.seek_requested.emit(self.moment_at(event.position().x()))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PANEL))
        painter.setPen(QColor(MUTED))
        total_s = (self.end - self.start).total_seconds()
        step = next((m for m in (1, 2, 5, 10, 15, 30, 60, 120) if total_s / (m * 60) <= 12), 240)
        tick = self.start.replace(second=0, microsecond=0)
        tick += timedelta(minutes=(-tick.minute) % step)
        while tick <= self.end:
            x = self.x_of(tick)
            painter.drawLine(int(x), AXIS_PX - 4, int(x), self.height())
            painter.drawText(int(x) + 3, AXIS_PX - 5, tick.strftime("%H:%M"))
            tick += timedelta(minutes=step)
        for index, (name, ranges) in enumerate(self.rows):
            top = AXIS_PX + index * (ROW_PX + 4)
            painter.setPen(QColor(TEXT))
            painter.drawText(QRectF(4, top, NAME_PX - 8, ROW_PX), Qt.AlignmentFlag.AlignVCenter, name)
            painter.fillRect(QRectF(NAME_PX, top, self._span_px(), ROW_PX), QColor(GAP))
            for recorded in ranges:
                left, right = self.x_of(recorded.start), self.x_of(recorded.end)
                painter.fillRect(QRectF(left, top, max(right - left, 1), ROW_PX), QColor(RECORDED))
        painter.setPen(QPen(QColor(BORDER)))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.position is not None:
            painter.setPen(QPen(QColor(ACCENT), 2))
            x = int(self.x_of(self.position))
            painter.drawLine(x, 0, x, self.height())
        painter.end()

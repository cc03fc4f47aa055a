"""The map's key, in a corner of the map: what the shapes and colours mean, with live unit counts.

Plain rich text in a label (no pyqtgraph legend): it stays readable whatever the zoom and costs
nothing per frame.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from commandcenter.domain.kinds import UnitKind
from commandcenter.mapping.segment_status import SegmentStatus
from commandcenter.mapping.unit_frame import MotionState
from ui.map.unit_icons import OFFLINE_COLOR
from ui.map.unit_words import state_name
from ui.map.vector_items import SEGMENT_COLORS
from ui.theme import RAISED, TEXT, UNIT_COLORS

_SHAPES = {UnitKind.PATROLLER: "●", UnitKind.MUCK_TRUCK: "■", UnitKind.ENFORCEMENT: "◆"}


class MapLegend(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"background: {RAISED}; color: {TEXT}; padding: 4px 6px; border-radius: 4px;")
        self._kinds = {
            UnitKind.PATROLLER: self.tr("City managers"),
            UnitKind.MUCK_TRUCK: self.tr("Muck trucks"),
            UnitKind.ENFORCEMENT: self.tr("Enforcement vehicles"),
        }
        self._statuses = {
            SegmentStatus.OVERDUE: self.tr("Overdue case"),
            SegmentStatus.UNWATCHED: self.tr("Nobody seen"),
            SegmentStatus.OPEN_CASES: self.tr("Open case"),
        }
        self.set_counts(dict.fromkeys(UnitKind, 0))

    def set_counts(self, counts: dict[UnitKind, int]) -> None:
        units = "&nbsp;&nbsp;".join(
            f'<span style="color:{UNIT_COLORS[kind]}">{_SHAPES[kind]}</span> {title} {counts.get(kind, 0):,}'
            for kind, title in self._kinds.items()
        )
        segments = "&nbsp;&nbsp;".join(
            f'<span style="color:{SEGMENT_COLORS[status]}">━</span> {title}'
            for status, title in self._statuses.items()
        )
        # translated outside the f-string: lupdate does not see a tr() inside one
        offline, empty = state_name(MotionState.OFFLINE), self.tr("Empty truck")
        hints = f'<span style="color:{OFFLINE_COLOR}">●</span> {offline}&nbsp;&nbsp;□ {empty}'
        self.setText(f"{units}<br>{segments}&nbsp;&nbsp;{hints}")
        self.adjustSize()

"""The pre-rendered icon atlas of the live-unit layer: one row per (kind, state, load), one column per
heading sector.

Drawing 26,580 icons a second is only cheap if each is a plain pixmap blit: no paths, no rotation
per unit. So every combination is painted once here — shape by kind (circle = city manager, square =
muck truck, diamond = enforcement vehicle), colour by state (offline grey, stopped dimmed), loaded
trucks filled and empty ones hollow, and for moving units an arrow tip in one of 16 heading sectors.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from commandcenter.mapping.unit_frame import KINDS, Load, MotionState, style_index
from ui.theme import UNIT_COLORS

ICON_PX = 20
COMPACT_ICON_PX = 12  # the whole district on one screen: 2,658 full-size icons would be one blob
HEADING_SECTORS = 16
OFFLINE_COLOR = "#6b7a90"
OUTLINE_COLOR = "#0a1120"


def _shape(kind_index: int, rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    if kind_index == 0:
        path.addEllipse(rect)
    elif kind_index == 1:
        path.addRoundedRect(rect, 2.0, 2.0)
    else:
        centre = rect.center()
        half = rect.width() / 2 + 1
        path.addPolygon(
            QPolygonF(
                [
                    centre + QPointF(0, -half),
                    centre + QPointF(half, 0),
                    centre + QPointF(0, half),
                    centre + QPointF(-half, 0),
                ]
            )
        )
        path.closeSubpath()
    return path


def _paint_icon(painter: QPainter, kind_index: int, state: int, load: int, sector: int) -> None:
    """One icon centred at the painter's origin."""
    colour = QColor(OFFLINE_COLOR if state == MotionState.OFFLINE else UNIT_COLORS[KINDS[kind_index]])
    if state == MotionState.STOPPED:
        colour = colour.darker(140)
    body = _shape(kind_index, QRectF(-5.5, -5.5, 11, 11))
    hollow = load == Load.EMPTY
    painter.setPen(QPen(colour if hollow else QColor(OUTLINE_COLOR), 2.4 if hollow else 1.2))
    painter.setBrush(QBrush(QColor(OUTLINE_COLOR) if hollow else colour))
    painter.drawPath(body)
    if state == MotionState.MOVING:
        angle = math.radians(sector * 360.0 / HEADING_SECTORS)
        direction = QPointF(math.sin(angle), -math.cos(angle))
        side = QPointF(-direction.y(), direction.x())
        tip = direction * 9.8
        base = direction * 6.6
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour.lighter(130)))
        painter.drawPolygon(QPolygonF([tip, base + side * 3.2, base - side * 3.2]))


def build_atlas(icon_px: int = ICON_PX) -> QPixmap:
    """The atlas: ``style_index`` selects the row, the heading sector the column (moving units only)."""
    rows = len(KINDS) * len(MotionState) * len(Load)
    image = QImage(icon_px * HEADING_SECTORS, icon_px * rows, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for kind in range(len(KINDS)):
        for state in MotionState:
            for load in Load:
                row = style_index(kind, state, load)
                for sector in range(HEADING_SECTORS):
                    painter.save()
                    painter.translate(sector * icon_px + icon_px / 2, row * icon_px + icon_px / 2)
                    painter.scale(icon_px / ICON_PX, icon_px / ICON_PX)
                    _paint_icon(painter, kind, state, load, sector)
                    painter.restore()
    painter.end()
    return QPixmap.fromImage(image)

"""The read-only tables of the district dialog (problems, findings, counts): built and filled the same
way, the first column optionally coloured and marked with a dot (错误 red, 注意 amber), the last one
stretched and every cell's full text in its tooltip, since a message may be longer than the column."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget


def result_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def dot(colour: QColor, size: int = 12) -> QIcon:
    """A filled circle: the severity's mark beside its word."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def fill_table(
    table: QTableWidget,
    rows: Sequence[Sequence[str]],
    colours: Sequence[QColor] | None = None,
    *,
    marks: bool = False,
) -> None:
    """Replace the rows; ``colours`` (one per row) colour the first cell, with a dot if ``marks``."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    icons: dict[str, QIcon] = {}
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0 and colours is not None:
                colour = colours[index]
                item.setForeground(colour)
                if marks:
                    item.setIcon(icons.setdefault(colour.name(), dot(colour)))
            table.setItem(index, column, item)
    table.resizeColumnsToContents()
    last = table.columnCount() - 1
    for column in range(last):  # a long message stays in the stretched last column
        table.setColumnWidth(column, min(table.columnWidth(column), 260))

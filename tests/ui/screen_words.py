"""Reading the screen as an operator does: every text a window shows (labels, buttons, menus,
tooltips, placeholders, titles, headers and cells), and the words in it that are not in the
language the UI runs in. Used by ``test_visible_language.py``; kept apart so the rules can be read
(and changed) in one place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

Seen = tuple[str, str]  # where (object name or class), text

# Latin words a Chinese UI shows as they are: units, standards, product and protocol names.
ALLOWED_LATIN = frozenset(
    {
        "km",  # km/h, km
        "fps",
        "kbit",  # kbit/s
        "kb",  # a playing tile's rates: "25 fps · 512 kb/s", "1.2 Mb/s"
        "Mb",
        "CommandCenter",
        "GB",  # GB/T 28181, GB/T 30428
        "TDM",  # the district's citizen service terminals are called TDM (a camera kind in the data)
        "VLC",
        "libVLC",
        "RTSP",
        "HTTP",
        "FLV",
        "HLS",
        "TS",
        "ZLMediaKit",
        "MediaMTX",
        "WVP",
        "API",
        "CSV",  # file formats, named as the district's IT names them (the editor's export buttons)
        "Excel",
        "PDF",  # the reports' format (报表: PDF 或 Excel)
        "GeoJSON",
    }
)
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[A-Za-z]{2,}")
_TOKEN = re.compile(r"[^\s\u3000-\u303f\uff00-\uffef·—–…\u4e00-\u9fff]+")
ROWS_PER_VIEW = 40  # cells of the first rows: enough to see every kind of cell without reading 5,000


def plain(text: str) -> str:
    """Rich text as the reader sees it (tags and entities gone)."""
    if _TAG.search(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&nbsp;", " ")


def english_words(text: str, data: frozenset[str] = frozenset()) -> list[str]:
    """Latin words of two letters or more that are not on ``ALLOWED_LATIN``. A token holding a digit
    (a camera code, a plate, a case number, "2x2", "25fps", a time) and a URL or file path are data
    and skipped whole; so are the words in ``data`` (names the data brings, such as a monitor's)."""
    words = []
    for token in _TOKEN.findall(plain(text)):
        if any(c.isdigit() for c in token) or "://" in token or token.startswith(("/", "~")):
            continue
        words += [word for word in _LATIN.findall(token) if word not in ALLOWED_LATIN and word not in data]
    return words


def chinese_runs(text: str, domain: str) -> list[str]:
    """Runs of Chinese characters that do not occur in ``domain`` (every data value joined)."""
    return [run for run in _CJK.findall(plain(text)) if run not in domain]


# ---------------------------------------------------------------------------------- collecting
class ScreenReader:
    """Reads windows as the operator sees them. Menus are read through the buttons, menu bars and
    actions that open them (filled by ``aboutToShow`` first), never as loose widgets: pyqtgraph keeps
    menus of its own that this application never shows. Widgets under ``skip_widgets`` and the
    actions in ``skip_actions`` (and their menus) are left out."""

    def __init__(self, skip_widgets: Iterable[QWidget] = (), skip_actions: Iterable[QAction] = ()) -> None:
        self._skip_widgets = {_address(widget) for widget in skip_widgets}
        self._skip_actions = {_address(action) for action in skip_actions}

    def window(self, top: QWidget) -> Iterator[Seen]:
        """Every text of ``top`` and its descendants, hidden ones included: a tab not raised or a
        dock tabbed behind another is what the operator reads next."""
        for widget in [top, *top.findChildren(QWidget)]:
            if not isinstance(widget, QMenu) and not self._skipped(widget):
                yield from self._own(widget)

    def menu(self, menu: QMenu) -> Iterator[Seen]:
        menu.aboutToShow.emit()
        yield menu.objectName() or "QMenu", menu.title()
        for action in menu.actions():
            yield from self.action(action)

    def action(self, action: QAction) -> Iterator[Seen]:
        if _address(action) in self._skip_actions:
            return
        text = action.text().replace("&", "")
        yield "QAction", text
        if action.toolTip().replace("&", "") != text:
            yield "QAction tooltip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from self.menu(menu)

    def _skipped(self, widget: QWidget) -> bool:
        node: QWidget | None = widget
        while node is not None:  # parentWidget(), not isAncestorOf(): that stops at window borders
            if _address(node) in self._skip_widgets:
                return True
            node = node.parentWidget()
        return False

    def _own(self, widget: QWidget) -> Iterator[Seen]:
        where = widget.objectName() or type(widget).__name__
        if widget.isWindow() or isinstance(widget, QDockWidget):
            yield where, widget.windowTitle()
        yield where, widget.toolTip()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
            if isinstance(widget, QPushButton | QToolButton) and widget.menu() is not None:
                yield from self.menu(widget.menu())
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
                yield where, widget.tabToolTip(i)
        elif isinstance(widget, QProgressBar) and widget.isTextVisible():
            yield where, widget.text()
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            yield from ((where, text) for text in model_texts(widget.model()))  # headers: read here, once
        for action in widget.actions():
            yield from self.action(action)


def _address(thing: QObject) -> int:
    """The C++ object's address: Python wrappers of one object are not always the same wrapper."""
    return int(shiboken6.getCppPointer(thing)[0])


def model_texts(model: QAbstractItemModel) -> Iterator[str]:
    """Header titles, and the display text and tooltip of the first rows (two levels of a tree)."""
    for section in range(_columns(model, QModelIndex())):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    yield from _rows(model, QModelIndex(), depth=2)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A list model keeps ``columnCount`` private in PySide6: it has one column."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _rows(model: QAbstractItemModel, parent: QModelIndex, depth: int) -> Iterator[str]:
    for row in range(min(model.rowCount(parent), ROWS_PER_VIEW)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
        if depth > 1:
            yield from _rows(model, model.index(row, 0, parent), depth - 1)

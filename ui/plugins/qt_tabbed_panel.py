"""Several pages in one plugin panel (五里堡's 会议记录 and 跟进落实), so a plugin needs no Qt import of
its own: ``QtTabbedPanel(host, [(title, page), …])`` with pages such as ``QtRecordPanel``s."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTabWidget, QWidget

from ui.plugins.panel_host import PanelHost


class QtTabbedPanel(QTabWidget):
    def __init__(self, host: PanelHost, pages: Sequence[tuple[str, QWidget]]) -> None:
        super().__init__(host.parent)
        for title, page in pages:
            self.addTab(page, title)

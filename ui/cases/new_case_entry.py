"""Where the 新建案件 form is opened from: Ctrl+N anywhere in the application (an operator on a call
must not hunt for a menu), 案件 ▸ 新建案件…, and "在此新建案件" on the live map's right-click menu,
which opens it with that point. Offered only to who may file (``Permission.FILE_REPORT``). One form
per window, shown again when asked: a half-typed report is not lost by pressing Ctrl+N twice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from commandcenter.accounts.permissions import Permission
from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.cases.qt_new_case_form import QtNewCaseForm

CASES_MENU = "casesMenu"


def offered(services: Services) -> bool:
    return services.principal.can(Permission.FILE_REPORT)


def cases_menu(menu_bar: QMenuBar) -> QMenu:
    """The window's 案件 Cases menu, made on first use (other case entries join the same one)."""
    for menu in menu_bar.findChildren(QMenu, CASES_MENU):
        return menu
    menu = menu_bar.addMenu(QCoreApplication.translate("CasesMenu", "Cases"))
    menu.setObjectName(CASES_MENU)
    return menu


class NewCaseEntry(QObject):
    def __init__(self, services: Services, runner: BackgroundRunner, window: QWidget) -> None:
        super().__init__(window)
        self.services, self.runner, self.window = services, runner, window
        self.form: QtNewCaseForm | None = None
        self.action = QAction(self.tr("New case…"), window)
        self.action.setObjectName("newCaseAction")
        self.action.setShortcut(QKeySequence.StandardKey.New)  # Ctrl+N
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda _checked=False: self.open_form())
        if offered(services):
            window.addAction(self.action)  # works with the menu bar hidden (full screen)

    def install(self, menu_bar: QMenuBar) -> None:
        if offered(self.services):
            cases_menu(menu_bar).addAction(self.action)

    def offer(self, menu: QMenu, lon: float, lat: float) -> None:
        """Slot of the map's ``context_menu_opening``."""
        if offered(self.services):
            menu.addSeparator()
            menu.addAction(self.tr("New case here"), lambda: self.open_form((lon, lat)))

    def open_form(self, point: tuple[float, float] | None = None) -> QtNewCaseForm:
        if self.form is None:
            self.form = QtNewCaseForm(self.services.intake, self.runner, self.window)
        if point is not None:
            self.form.set_point(*point)
        self.form.show()
        self.form.raise_()
        self.form.activateWindow()
        return self.form

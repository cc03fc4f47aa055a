"""The one 考核 Assessment menu of a main window, which several parts fill (考核排名 and friends,
督查, 失信名单): whoever comes first makes it, the others find it by its object name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

ASSESSMENT_MENU = "assessmentMenu"


def assessment_menu(menu_bar: QMenuBar) -> QMenu:
    """The window's 考核 menu, made on first use."""
    for menu in menu_bar.findChildren(QMenu, ASSESSMENT_MENU):
        return menu
    menu = menu_bar.addMenu(QCoreApplication.translate("AssessmentMenu", "Assessment"))
    menu.setObjectName(ASSESSMENT_MENU)
    return menu

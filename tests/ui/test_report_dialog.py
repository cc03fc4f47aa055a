"""考核 ▸ 报表… on the seed district: a leader's monthly PDF written on a worker with the figures the
service gives, the workbook, a bad period answered by a dialog (no file left), and the menu entry
offered to who may read the indicators only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.evaluation.shared_menu import ASSESSMENT_MENU
from ui.reports.qt_report_dialog import QtReportDialog
from ui.reports.reports_menu import ReportsMenu


@pytest.fixture
def host(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[QWidget, BackgroundRunner]]:
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = BackgroundRunner(widget)
    yield widget, runner
    runner.shutdown()


def test_monthly_pdf_and_workbook_from_the_dialog(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store, tmp_path: Path
) -> None:
    parent, runner = host
    leader = services_for(district_store, UserRole.LEADER)
    warnings: list[str] = []
    dialog = QtReportDialog(leader.reports, runner, parent, warn=lambda _w, _t, text: warnings.append(text))
    qtbot.addWidget(dialog)
    dialog.show()
    month = dialog.period.text()
    assert dialog.chosen_kind().value == "monthly"
    assert dialog.path.text().endswith(f"月度考核-{month}.pdf")
    dialog.path.setText(str(tmp_path / "m.pdf"))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "m.pdf").pages)
    assert f"城市管理月度考核通报（{month}）" in text
    for row in leader.assessments.ranking(month).rows:
        assert row.office in text
    assert str(tmp_path / "m.pdf") in dialog.message.text()
    dialog.format.setCurrentIndex(1)
    dialog.path.setText(str(tmp_path / "m.xlsx"))
    dialog.written = None
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    assert load_workbook(tmp_path / "m.xlsx").sheetnames[:3] == ["概要", "考核排名", "考核指标"]
    assert warnings == []


def test_a_bad_period_is_a_dialog_and_no_file(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store, tmp_path: Path
) -> None:
    parent, runner = host
    warnings: list[str] = []
    reports = services_for(district_store, UserRole.SUPERVISOR).reports
    dialog = QtReportDialog(reports, runner, parent, warn=lambda _w, _t, text: warnings.append(text))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(3)  # daily
    assert dialog.path.text().endswith(".pdf")
    dialog.period.setText("2026-13-45")
    dialog.path.setText(str(tmp_path / "d.pdf"))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30_000)
    assert "2026-13-45" in warnings[0]
    assert not list(tmp_path.glob("*d.pdf*"))
    assert dialog.create_button.isEnabled()


def test_the_menu_entry_only_for_indicator_readers(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store
) -> None:
    parent, runner = host
    for role, offered in ((UserRole.LEADER, True), (UserRole.OPERATOR, False)):
        bar = QMenuBar(parent)
        menu = ReportsMenu(services_for(district_store, role), runner, parent).install(bar)
        menus = bar.findChildren(QMenu, ASSESSMENT_MENU)
        assert bool(menus) is offered
        if offered:
            [action] = [a for a in menus[0].actions() if a.text() == "Reports…"]
            action.trigger()
            assert menu.dialog is not None
            assert menu.dialog.isVisible()
            menu.dialog.close()

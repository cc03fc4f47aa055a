"""新建案件: an operator on a call presses Ctrl+N in the running window, finds the place and the category
by pinyin initials, adds the citizen's photo, the caller's name and number, and files — the case is
in the store through intake with the number kept for the call back; the form clears for the next
call and shows the case number. A right-click on the live map opens the form at that point; an
office user is offered neither. On both databases the form alone says when intake will merge, and
the case detail shows the stored photo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.queries import segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from commandcenter.testing.minimal_district import minimal_district
from ui.background import BackgroundRunner
from ui.cases.qt_case_detail import QtCaseDetail
from ui.cases.qt_new_case_form import QtNewCaseForm
from ui.cases.qt_search_list import QtSearchList
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 20_000
PHONE = "13812345678"


@pytest.fixture
def photo_file(tmp_path: Path) -> Path:
    path = tmp_path / "现场.jpg"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    assert image.save(str(path), "JPEG")
    return path


def _press_ctrl_n(qtbot: QtBot, window: QWidget) -> None:
    """As the keyboard does: to the active window, through the window system (shortcuts are matched
    there, so a key sent straight to a widget would not reach them)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def _choose(qtbot: QtBot, search: QtSearchList, typed: str, first: Callable[[object], bool]) -> None:
    """Type like an operator, wait for the worker's answers, take the first with Enter."""
    search.edit.clear()
    qtbot.keyClicks(search.edit, typed)
    qtbot.waitUntil(lambda: bool(search.found) and first(search.found[0]), timeout=WAIT_MS)
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)


def _fill(qtbot: QtBot, form: QtNewCaseForm, place: str, photo: Path) -> None:
    _choose(qtbot, form.places, place, lambda found: getattr(found, "label", "") != "")
    _choose(qtbot, form.categories, "zdjy", lambda found: getattr(found, "name", "") == "占道经营")
    form.description.setPlainText("人行道上摆摊，影响通行")  # typed through an input method
    form.reporter.setText("王女士")
    qtbot.keyClicks(form.phone, PHONE)
    form.photos.add_files([str(photo)])
    qtbot.waitUntil(lambda: len(form.photos.photos()) == 1, timeout=WAIT_MS)


def test_ctrl_n_files_a_phone_report_through_intake(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store, photo_file: Path
) -> None:
    window = open_window("en")
    _press_ctrl_n(qtbot, window)
    qtbot.waitUntil(
        lambda: window.new_case.form is not None and window.new_case.form.isVisible(), timeout=WAIT_MS
    )
    form = window.new_case.form
    assert form is not None
    assert window.new_case.action in window.actions()
    segment = segment_shapes(district_store)[7]
    _fill(qtbot, form, segment.number, photo_file)
    assert form.address.text() == segment.name
    with qtbot.waitSignal(form.filed, timeout=WAIT_MS) as filed:
        form.submit_button.click()
    number = filed.args[0].number
    assert number in form.message.text()
    rows = district_store.execute_raw(
        "SELECT c.number, r.source, r.reporter FROM case_reporters r JOIN cases c ON c.id = r.case_id "
        f"WHERE r.phone = '{PHONE}'"
    )
    assert rows == [(number, "电话", "王女士")]
    assert (form.point, form.category, form.phone.text(), form.photos.photos()) == (None, None, "", ())
    assert form.description.toPlainText() == ""


def test_new_case_here_on_the_map_and_nothing_for_an_office_user(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window("en")
    qtbot.waitUntil(lambda: len(window.map.units.frame) > 0, timeout=WAIT_MS)
    frame = window.map.units.frame
    x, y = float(frame.x[0]), float(frame.y[0])
    menu = window.map.pointer.open_context_menu(x, y, window.map.mapToGlobal(QPoint(40, 40)))
    actions = {action.text(): action for action in menu.actions() if action.text()}
    menu.close()
    actions["New case here"].trigger()
    form = window.new_case.form
    assert form is not None
    assert form.isVisible()
    assert form.point == pytest.approx(window.map.pointer.wgs84_at(x, y))
    office = open_window("en", principal=principal_of_role(UserRole.OFFICE, office_id=1, username="office1"))
    assert office.new_case.action not in office.actions()
    menu = office.map.pointer.open_context_menu(x, y, office.map.mapToGlobal(QPoint(40, 40)))
    assert "New case here" not in [action.text() for action in menu.actions()]
    menu.close()
    _press_ctrl_n(qtbot, office)
    assert office.new_case.form is None


def test_the_form_says_when_intake_will_merge_and_the_detail_shows_the_photo(
    qtbot: QtBot, qapp: QApplication, store: Store, photo_file: Path
) -> None:
    replace_all(store, minimal_district())
    host = QWidget()
    qtbot.addWidget(host)
    runner = BackgroundRunner(host)
    services = services_for(store)
    form = QtNewCaseForm(services.intake, runner, host)
    qtbot.addWidget(form)
    form.show()
    _fill(qtbot, form, "dxl", photo_file)
    with qtbot.waitSignal(form.filed, timeout=WAIT_MS) as first:
        form.submit_button.click()
    assert first.args[0].number in form.message.text()
    form.set_point(113.6101, 34.7101)
    with qtbot.waitSignal(form.hint_shown, timeout=WAIT_MS) as hint:
        _choose(qtbot, form.categories, "S05", lambda found: getattr(found, "code", "") == "S0501")
    assert first.args[0].number in hint.args[0]
    with qtbot.waitSignal(form.filed, timeout=WAIT_MS) as second:
        form.submit_button.click()
    assert second.args[0].case_id == first.args[0].case_id
    assert "Added to open case" in form.message.text()
    detail = QtCaseDetail(services.cases, runner, first.args[0].case_id, host)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: not detail.before.pixmap().isNull(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: detail.reporters.count() == 2, timeout=WAIT_MS)
    assert "138****5678" in detail.reporters.item(0).text()
    assert PHONE not in detail.reporters.item(0).text()
    runner.shutdown()

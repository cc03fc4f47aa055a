"""The district-data dialog (System ▸ District data…) on real SQLite: an administrator checks a
delivery with a bad staff row (its line is listed, Import stays off), fixes it, checks again and
imports; the consistency tab names the segment whose 路长 was taken off it; an operator gets no entry,
a supervisor only the check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter.domain.district_check import Rule
from commandcenter.domain.kinds import StaffRole, UserRole
from commandcenter.geo.datum import Datum
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from commandcenter.testing.district_files import STAFF_HEADER, write_small_district
from ui.background import BackgroundRunner
from ui.district.qt_district_dialog import QtDistrictDialog
from ui.district.qt_file_choosers import KINDS
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 20_000
BAD_STAFF = (
    STAFF_HEADER
    + "张三,13800000001,路长,甲街道,T-1\n王五,12,路长,丙街道,T-1\n李四,13800000002,路长,乙街道,T-2\n"
)


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def open_dialog(qtbot: QtBot, qapp: QApplication) -> Callable[[Store, UserRole], QtDistrictDialog]:
    def open_(store: Store, role: UserRole) -> QtDistrictDialog:
        runner = BackgroundRunner()
        dialog = QtDistrictDialog(services_for(store, role), runner)
        qtbot.addWidget(dialog)
        dialog.destroyed.connect(runner.shutdown)
        dialog.show()
        return dialog

    return open_


def _cells(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_entry_is_offered_by_role(qtbot: QtBot, open_window: OpenWindow) -> None:
    operator = open_window("en")
    assert operator.district_action is None
    system = operator.menu_bar.actions()[0].menu()
    assert "District data…" not in [action.text() for action in system.actions()]
    admin = open_window("en", principal=principal_of_role(UserRole.ADMIN))
    assert admin.district_action is not None
    admin.district_action.trigger()
    dialog = admin.findChild(QtDistrictDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Import",
        "Consistency",
        "Export",
        "Edit",
    ]
    supervisor = open_window("en", principal=principal_of_role(UserRole.SUPERVISOR))
    assert supervisor.district_action is not None
    only_check = supervisor.open_district_data()
    assert only_check.check_tab is not None
    assert only_check.import_tab is None
    assert only_check.export_tab is None


def test_check_fix_and_import(
    qtbot: QtBot, open_dialog: Callable[..., QtDistrictDialog], empty_store: Store, tmp_path: Path
) -> None:
    folder = write_small_district(tmp_path / "files", BAD_STAFF)
    dialog = open_dialog(empty_store, UserRole.ADMIN)
    tab = dialog.import_tab
    assert tab is not None
    for kind in ("offices", "roads", "segments", "staff"):
        tab.choosers.set_path(kind, folder / ("staff.csv" if kind == "staff" else f"{kind}.geojson"))
    assert [tab.choosers.names[kind].text() for kind in KINDS[:4]][-1] == "staff.csv"
    tab.choosers.set_datum(Datum.WGS84)
    tab.check()
    qtbot.waitUntil(lambda: tab.problems.rowCount() > 0 and tab.check_button.isEnabled(), timeout=WAIT_MS)
    problems = list(zip(_cells(tab.problems, 1), _cells(tab.problems, 2), strict=True))
    assert ("staff.csv", "line 3") in problems
    assert all(where != "line 2" and where != "line 4" for _file, where in problems)
    assert not tab.import_button.isEnabled()

    write_small_district(folder)  # the fixed delivery: the good staff rows only
    tab.choosers.set_path("staff", None)  # a change: no stale check can be imported
    tab.choosers.set_path("staff", folder / "staff.csv")
    tab.check()
    qtbot.waitUntil(lambda: tab.import_button.isEnabled(), timeout=WAIT_MS)
    assert tab.checked is not None
    assert tab.problems.rowCount() == len(tab.checked[2].notes)  # notes only, no problem left
    tab.store()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=WAIT_MS)
    assert district_counts(empty_store).offices == 2
    assert district_counts(empty_store).segments == 2
    summary = dict(zip(_cells(tab.summary, 0), _cells(tab.summary, 1), strict=True))
    assert summary["Sub-district offices"] == "2"
    assert not tab.import_button.isEnabled()  # stored: a second import needs a new check


def test_a_file_changed_after_the_check_is_not_imported(
    qtbot: QtBot, open_dialog: Callable[..., QtDistrictDialog], empty_store: Store, tmp_path: Path
) -> None:
    folder = write_small_district(tmp_path / "files")
    dialog = open_dialog(empty_store, UserRole.ADMIN)
    tab = dialog.import_tab
    assert tab is not None
    tab.choosers.set_path("offices", folder / "offices.geojson")
    tab.check()
    qtbot.waitUntil(lambda: tab.import_button.isEnabled(), timeout=WAIT_MS)
    (folder / "offices.geojson").write_text("{}", encoding="utf-8")  # edited on disk meanwhile
    tab.store()
    qtbot.waitUntil(lambda: "check them again" in tab.message.text(), timeout=WAIT_MS)
    assert district_counts(empty_store).offices == 0
    tab.check()  # the broken file is one clear line, not a traceback
    qtbot.waitUntil(lambda: "Cannot read a file: offices.geojson" in tab.message.text(), timeout=WAIT_MS)
    assert not tab.import_button.isEnabled()


def test_the_consistency_tab_names_a_segment_without_its_road_chief(
    qtbot: QtBot, open_dialog: Callable[..., QtDistrictDialog], district_store: Store
) -> None:
    segment = district_store.execute_raw("SELECT id FROM segments WHERE number = 'EQ-0007'")[0][0]
    district_store.execute_raw(  # cases name him, so the row stays; off the segment, he is gone from it
        f"UPDATE staff SET segment_id = NULL WHERE role = '{StaffRole.ROAD_CHIEF}' AND segment_id = {segment}"
    )
    dialog = open_dialog(district_store, UserRole.SUPERVISOR)
    tab = dialog.check_tab
    assert tab is not None
    tab.run()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=WAIT_MS)
    assert tab.report is not None
    [finding] = [f for f in tab.report.errors if f.rule == Rule.SEGMENT_WITHOUT_ROAD_CHIEF]
    row = _cells(tab.table, 2).index("EQ-0007")
    assert [tab.table.item(row, column).text() for column in range(4)] == [
        "Error",
        "Segment",
        "EQ-0007",
        "Segment without a road chief",
    ]
    assert tab.table.item(row, 4).text() == finding.detail
    assert _cells(tab.table, 0)[: len(tab.report.errors)] == ["Error"] * len(tab.report.errors)
    assert tab.summary.text().startswith(f"{len(tab.report.errors)} errors, ")


def test_export_writes_the_files_an_import_reads(
    qtbot: QtBot, open_dialog: Callable[..., QtDistrictDialog], district_store: Store, tmp_path: Path
) -> None:
    dialog = open_dialog(district_store, UserRole.ADMIN)
    tab = dialog.export_tab
    assert tab is not None
    assert not tab.export_button.isEnabled()  # no folder yet
    tab.set_folder(tmp_path / "out")
    tab.set_datum(Datum.GCJ02)
    tab.export()
    qtbot.waitUntil(lambda: bool(tab.written), timeout=WAIT_MS)
    assert (tmp_path / "out" / "offices.geojson").is_file()
    assert (tmp_path / "out" / "staff.csv").is_file()
    assert tab.files.rowCount() == len(tab.written)

"""The category editor on the seed district: a valid edit is saved, a wrong number is refused with
the field named and nothing written, and a new 小类 can be added."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.cases import categories as case_categories
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.cases.qt_category_editor import COLUMNS, QtCategoryEditor


def _open(qtbot: QtBot, store: Store) -> QtCategoryEditor:
    runner = BackgroundRunner()
    editor = QtCategoryEditor(services_for(store, UserRole.SUPERVISOR).categories, runner)
    qtbot.addWidget(editor)
    editor.destroyed.connect(runner.shutdown)
    editor.show()
    qtbot.waitUntil(lambda: editor.table.rowCount() > 50, timeout=10_000)
    return editor


def _cell(editor: QtCategoryEditor, code: str, field: str) -> object:
    row = next(r for r in range(editor.table.rowCount()) if editor.table.item(r, 0).text() == code)
    return editor.table.item(row, COLUMNS.index(field))


def test_edit_save_and_refuse(qtbot: QtBot, qapp: QApplication, district_store: Store) -> None:
    editor = _open(qtbot, district_store)
    code = editor.rows[0].code
    _cell(editor, code, "dispose_hours").setText("abc")  # type: ignore[attr-defined]
    editor.save()
    qtbot.waitUntil(lambda: "dispose_hours" in editor.message.text())
    assert (
        case_categories.active_categories(district_store)[code].dispose_hours == editor.rows[0].dispose_hours
    )
    _cell(editor, code, "dispose_hours").setText("6.5")  # type: ignore[attr-defined]
    editor.save()
    qtbot.waitUntil(
        lambda: case_categories.active_categories(district_store)[code].dispose_hours == 6.5, timeout=10_000
    )


def test_add_a_minor_class(qtbot: QtBot, qapp: QApplication, district_store: Store) -> None:
    editor = _open(qtbot, district_store)
    before = editor.table.rowCount()
    editor.add_row()
    row = editor.table.rowCount() - 1
    for field, text in (
        ("code", "S0597"),
        ("major_name", "街面秩序"),
        ("name", "夜市占道"),
        ("department", "属地镇办"),
    ):
        editor.table.item(row, COLUMNS.index(field)).setText(text)
    editor.save()
    qtbot.waitUntil(lambda: "S0597" in case_categories.active_categories(district_store), timeout=10_000)
    qtbot.waitUntil(lambda: editor.table.rowCount() == before + 1)

"""将摄像机移到此处: an administrator selects a fixed camera in the tree, right-clicks the live map where
it really stands and confirms; the position is stored through the district editor (audited, in the
camera's history) and the tree reloads. An operator is not offered the action; nothing moves
without the confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from ui.cameras.qt_camera_tree import QtCameraTree
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 20_000


def _first_fixed_camera(tree: QtCameraTree) -> QModelIndex:
    model = tree.model
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        if model.rowCount(index):
            pending[:0] = [model.index(row, 0, index) for row in range(model.rowCount(index))]
            continue
        cameras = model.cameras_at([index])
        if len(cameras) == 1 and cameras[0].vehicle_unit_id is None and cameras[0].lon is not None:
            return index
    raise AssertionError("no fixed camera in the tree")


def _menu_texts(window: MainWindow, x: float, y: float) -> dict[str, object]:
    menu = window.map.pointer.open_context_menu(x, y, window.map.mapToGlobal(QPoint(40, 40)))
    actions = {action.text(): action for action in menu.actions() if action.text()}
    menu.close()
    return actions


def _ready(qtbot: QtBot, window: MainWindow) -> tuple[float, float]:
    qtbot.waitUntil(lambda: len(window.camera_tree.cameras) > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(window.map.units.frame) > 0, timeout=WAIT_MS)
    frame = window.map.units.frame
    return float(frame.x[0]), float(frame.y[0])


def test_an_administrator_moves_the_selected_camera_by_a_right_click(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window("en", principal=principal_of_role(UserRole.ADMIN, username="admin1"))
    x, y = _ready(qtbot, window)
    tree = window.camera_tree
    index = _first_fixed_camera(tree)
    tree.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    (camera,) = tree.model.cameras_at([index])
    actions = _menu_texts(window, x, y)
    action = actions[f"Move camera “{camera.name}” here"]
    lon, lat = window.map.pointer.wgs84_at(x, y)
    action.trigger()  # type: ignore[attr-defined]
    question = window.camera_placement.question
    assert question is not None
    assert f"{lon:.6f}" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "moved" in window.status.currentMessage(), timeout=WAIT_MS)
    editor = services_for(district_store, UserRole.ADMIN).district_edit
    (stored,) = [r for r in editor.page("camera", camera.code).records if r.values["code"] == camera.code]
    assert (round(stored.values["lon"], 6), round(stored.values["lat"], 6)) == (round(lon, 6), round(lat, 6))
    (entry,) = editor.history("camera", stored.id)
    assert entry.actor == "admin1"


def test_no_move_without_confirmation_and_none_offered_to_an_operator(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window("en")  # the duty operator
    x, y = _ready(qtbot, window)
    tree = window.camera_tree
    tree.view.selectionModel().select(
        _first_fixed_camera(tree), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert not [text for text in _menu_texts(window, x, y) if text.startswith("Move camera")]
    admin = open_window("en", principal=principal_of_role(UserRole.ADMIN, username="admin1"))
    x, y = _ready(qtbot, admin)
    index = _first_fixed_camera(admin.camera_tree)
    admin.camera_tree.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    (camera,) = admin.camera_tree.model.cameras_at([index])
    _menu_texts(admin, x, y)[f"Move camera “{camera.name}” here"].trigger()  # type: ignore[attr-defined]
    question = admin.camera_placement.question
    assert question is not None
    question.button(QMessageBox.StandardButton.No).click()
    editor = services_for(district_store, UserRole.ADMIN).district_edit
    (stored,) = [r for r in editor.page("camera", camera.code).records if r.values["code"] == camera.code]
    assert editor.history("camera", stored.id) == []

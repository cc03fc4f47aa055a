"""将摄像机移到此处 Move the camera here: an administrator places a fixed camera by a right-click on the
live map, where it really stands, instead of typing its coordinates into the district editor.

The camera is the one selected in the camera tree; the map's menu offers the action only to a
principal who may edit the district and only for a fixed camera (a vehicle camera moves with its
vehicle). After a confirmation the new position goes through ``services.district_edit`` on a worker
— the same checked, audited edit as the editor's form, so the camera's history shows the move — and
the tree and the map's camera layer reload. The answer is one line in the window's status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from commandcenter.domain.cameras import CameraEntry
from commandcenter.domain.district_edits import EditKind, EditRefused
from commandcenter.services.district_edit_service import DistrictEditService
from ui.background import BackgroundRunner
from ui.cameras.qt_camera_tree import QtCameraTree
from ui.district.edit_words import refusal_text
from ui.district.failures import failure_text


class CameraPlacement(QObject):
    said = Signal(str)  # one line for the status bar: moved, or why not
    moved = Signal(str)  # the camera's code, once stored

    def __init__(
        self,
        editor: DistrictEditService,
        runner: BackgroundRunner,
        tree: QtCameraTree,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.editor, self.runner, self.tree, self.parent_widget = editor, runner, tree, parent
        self.question: QMessageBox | None = None

    def selected_camera(self) -> CameraEntry | None:
        """The one fixed camera selected in the tree (None for none, several, or a vehicle camera)."""
        selection = self.tree.view.selectionModel()
        if selection is None:
            return None
        cameras = self.tree.model.cameras_at(selection.selectedIndexes())
        if len(cameras) != 1 or cameras[0].vehicle_unit_id is not None:
            return None
        return cameras[0]

    def offer(self, menu: QMenu, lon: float, lat: float) -> None:
        """Slot of the map's ``context_menu_opening``: add the action when it applies."""
        camera = self.selected_camera()
        if camera is None or not self.editor.may_edit():
            return
        menu.addSeparator()
        text = self.tr("Move camera “%1” here").replace("%1", camera.name)
        menu.addAction(text, lambda: self.ask(camera, lon, lat))

    def ask(self, camera: CameraEntry, lon: float, lat: float) -> QMessageBox:
        """Confirm first: a right-click in the wrong place must not move a camera."""
        text = self.tr("Move “%1” to %2, %3?").replace("%1", camera.name)
        text = text.replace("%2", f"{lon:.6f}").replace("%3", f"{lat:.6f}")
        self.question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Move camera"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent_widget,
        )
        yes = self.question.button(QMessageBox.StandardButton.Yes)

        def answered(button: object) -> None:
            if button is yes:
                self.move(camera, lon, lat)

        self.question.buttonClicked.connect(answered)
        self.question.open()
        return self.question

    def move(self, camera: CameraEntry, lon: float, lat: float) -> None:
        editor = self.editor

        def job() -> str:
            found = [
                r
                for r in editor.page(EditKind.CAMERA, camera.code).records
                if r.values["code"] == camera.code
            ]
            if not found:
                raise LookupError(camera.code)
            editor.edit(EditKind.CAMERA, found[0].id, {"lon": f"{lon:.6f}", "lat": f"{lat:.6f}"})
            return camera.code

        self.runner.submit(job, self._moved(camera), self._failed)

    def _moved(self, camera: CameraEntry) -> Callable[[str], None]:
        def done(code: str) -> None:
            self.said.emit(self.tr("Camera “%1” moved.").replace("%1", camera.name))
            self.moved.emit(code)

        return done

    def _failed(self, error: Exception) -> None:
        if isinstance(error, EditRefused):
            self.said.emit(refusal_text(error))
        elif isinstance(error, LookupError):
            self.said.emit(self.tr("This camera is not in the district's database."))
        else:
            self.said.emit(failure_text(error))

"""A wall snapshot as evidence (证据): after the wall's 抓图 the operator attaches the picture to an
open case as its before or after photo, or files a new case with it (the 新建案件 form gets the file).

Non-modal, one per window, refreshed by each snapshot: the wall stays live while the operator picks
the case. The cases offered are the desk's board (the principal's open cases, most urgent first),
the one selected in the queue preselected; the bytes are read, checked and stored on a worker
through ``CaseService.attach_photo`` (permission-checked, audited, by hash)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.cases import BoardCase
from commandcenter.domain.kinds import PhotoStage
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundRunner
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_photo_picker import read_photos

PREVIEW = (320, 180)


class QtSnapshotEvidence(QDialog):
    attached = Signal(int, str)  # case id, stored photo URI
    new_case_requested = Signal(str)  # the snapshot file: into the 新建案件 form

    def __init__(
        self,
        service: CaseService,
        desk: CaseDesk,
        runner: BackgroundRunner,
        selected: Callable[[], BoardCase | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotEvidence")
        self.setWindowTitle(self.tr("Snapshot as evidence"))
        self.setModal(False)
        self.service, self.desk, self.runner, self.selected = service, desk, runner, selected
        self.path = ""
        self.preview = QLabel(self)
        self.preview.setFixedSize(*PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera = QLabel(self)
        self.case = QComboBox(self)
        self.stage = QComboBox(self)
        self.stage.addItem(self.tr("Before (as found)"), PhotoStage.REPORTED.value)
        self.stage.addItem(self.tr("After (handled)"), PhotoStage.DISPOSED.value)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.attach_button = QPushButton(self.tr("Attach to case"), self)
        self.attach_button.setObjectName("primaryButton")
        self.attach_button.clicked.connect(self.attach)
        self.new_case_button = QPushButton(self.tr("New case with it…"), self)
        self.new_case_button.clicked.connect(lambda: self.new_case_requested.emit(self.path))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        form = QFormLayout()
        form.addRow(self.tr("Camera"), self.camera)
        form.addRow(self.tr("Case"), self.case)
        form.addRow(self.tr("Photo"), self.stage)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.new_case_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.preview)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addLayout(buttons)

    def offer(self, camera_code: str, path: str) -> None:
        """Slot of the wall's ``snapshot_taken``: show this snapshot with the open cases to pick from."""
        self.path = path
        self.camera.setText(camera_code)
        pixmap = QPixmap(path)
        self.preview.setPixmap(
            pixmap.scaled(*PREVIEW, Qt.AspectRatioMode.KeepAspectRatio) if not pixmap.isNull() else QPixmap()
        )
        self.message.clear()
        self.case.clear()
        chosen = self.selected()
        for case in self.desk.board.ordered(datetime.now(UTC)):
            self.case.addItem(f"{case.number} · {case.category_name} · {case.address}", case.id)
        if chosen is not None and (index := self.case.findData(chosen.id)) >= 0:
            self.case.setCurrentIndex(index)
        self.attach_button.setEnabled(self.case.count() > 0 and self.service.may_attach_photos())
        self.show()
        self.raise_()

    def attach(self) -> None:
        case_id, stage, path = self.case.currentData(), self.stage.currentData(), self.path
        if case_id is None or not path:
            return

        def job() -> str:
            photos, problems = read_photos([path])
            if not photos:
                raise ValueError("\n".join(problems))
            photo = photos[0][1]
            return self.service.attach_photo(int(case_id), stage, photo.content, photo.media_type)

        self.message.setText(self.tr("Attaching …"))
        self.runner.submit(job, lambda uri: self._attached(int(case_id), uri), self._refused)

    def _attached(self, case_id: int, uri: str) -> None:
        number = self.case.currentText().split(" · ")[0]
        self.message.setText(self.tr("Attached to case %1.").replace("%1", number))
        self.attached.emit(case_id, uri)

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))

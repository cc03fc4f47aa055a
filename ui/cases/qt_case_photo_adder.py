"""A photo added to a case after intake, under the before/after pictures of the case detail: the
handler's 处置后 photo for 反馈, or a picture for 处置前 the report lacked. Chosen from disk (non-modal),
read and checked on a worker (JPEG/PNG ≤ 10 MB, ``qt_photo_picker.read_photos``) and stored through
``CaseService.attach_photo`` — permission-checked, audited, seen on every workstation by its hash."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from commandcenter.domain.kinds import PhotoStage
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundRunner
from ui.cases.qt_photo_picker import read_photos


class QtCasePhotoAdder(QPushButton):
    attached = Signal(str)  # the stored photo's URI
    refused = Signal(str)  # one line: why nothing was added

    def __init__(
        self,
        service: CaseService,
        runner: BackgroundRunner,
        case_id: int,
        stage: PhotoStage,
        parent: QWidget | None = None,
    ) -> None:
        label = self.tr("Add after photo…") if stage is PhotoStage.DISPOSED else self.tr("Add before photo…")
        super().__init__(label, parent)
        self.setObjectName("addAfterPhoto" if stage is PhotoStage.DISPOSED else "addBeforePhoto")
        self.service, self.runner, self.case_id, self.stage = service, runner, case_id, stage
        self.dialog: QFileDialog | None = None
        self.clicked.connect(self.choose)

    def choose(self) -> QFileDialog:
        self.dialog = QFileDialog(self, self.text(), "", self.tr("Photos (*.jpg *.jpeg *.png)"))
        self.dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.dialog.filesSelected.connect(self.add_files)
        self.dialog.open()
        return self.dialog

    def add_files(self, paths: Sequence[str]) -> None:
        """Read, check and attach each file on the worker; the first refusal is said."""
        chosen, case_id, stage = list(paths), self.case_id, self.stage.value

        def job() -> tuple[list[str], list[str]]:
            photos, problems = read_photos(chosen)
            uris = [
                self.service.attach_photo(case_id, stage, photo.content, photo.media_type)
                for _, photo in photos
            ]
            return uris, problems

        self.runner.submit(job, self._done, lambda error: self.refused.emit(str(error)))

    def _done(self, outcome: tuple[list[str], list[str]]) -> None:
        uris, problems = outcome
        for uri in uris:
            self.attached.emit(uri)
        if problems:
            self.refused.emit("\n".join(problems))

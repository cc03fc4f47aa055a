"""The case detail's photos tab: the report's photo and the latest after-photo side by side (what 核查
judges), and — for who acts on cases — a button under each to add one (``QtCasePhotoAdder``).

A photo kept in the database (``photo:<sha256>``) is read through ``CaseService.photo`` on the worker;
a file path (older demo data) is read directly. A reload that arrives while an older photo is still
loading wins: each label remembers the URI it waits for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from commandcenter.cases.case_detail import CaseDetail
from commandcenter.domain.cases import PhotoRecord
from commandcenter.domain.kinds import PhotoStage
from commandcenter.domain.photos import is_stored_photo
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundRunner
from ui.cases.qt_case_photo_adder import QtCasePhotoAdder

PHOTO_PX = 320


class QtCasePhotos(QWidget):
    attached = Signal()  # a photo was added: the detail reloads
    said = Signal(str)  # a refusal, one line

    def __init__(
        self, service: CaseService, runner: BackgroundRunner, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.before = QLabel(self)
        self.after = QLabel(self)
        grid = QGridLayout(self)
        for column, (caption, label) in enumerate(
            ((self.tr("Before"), self.before), (self.tr("After"), self.after))
        ):
            label.setFixedSize(PHOTO_PX, PHOTO_PX * 3 // 4)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setObjectName("detailPhoto")
            grid.addWidget(QLabel(caption, self), 0, column)
            grid.addWidget(label, 1, column)
        self.adders: list[QtCasePhotoAdder] = []
        if service.may_attach_photos():  # 反馈 with after-photos; 核查 compares them side by side
            for column, stage in enumerate((PhotoStage.REPORTED, PhotoStage.DISPOSED)):
                adder = QtCasePhotoAdder(service, runner, case_id, stage, self)
                adder.attached.connect(lambda _uri: self.attached.emit())
                adder.refused.connect(self.said)
                grid.addWidget(adder, 2, column)
                self.adders.append(adder)

    def show_detail(self, detail: CaseDetail) -> None:
        self._show(self.before, detail.before[:1])  # the report's own photo
        self._show(self.after, detail.after[-1:])  # the latest after-photo: what 核查 judges

    def _show(self, label: QLabel, photos: list[PhotoRecord]) -> None:
        uri = photos[0].uri if photos else None
        label.setProperty("uri", uri)
        if uri is not None and is_stored_photo(uri):  # in the database: its bytes on the worker
            label.setText(self.tr("Loading photo …"))
            self.runner.submit(
                lambda: self.service.photo(uri),
                lambda photo: self._stored(label, uri, photo),
                lambda _error: self._unavailable(label, uri),
            )
            return
        self._set_pixmap(label, QPixmap(uri) if uri and Path(uri).is_file() else QPixmap())

    def _stored(self, label: QLabel, uri: str, photo: tuple[str, bytes]) -> None:
        if label.property("uri") != uri:  # the case was reloaded with another photo meanwhile
            return
        pixmap = QPixmap()
        pixmap.loadFromData(photo[1])
        self._set_pixmap(label, pixmap)

    def _unavailable(self, label: QLabel, uri: str) -> None:
        if label.property("uri") == uri:
            label.setText(self.tr("Photo unavailable"))

    def _set_pixmap(self, label: QLabel, pixmap: QPixmap) -> None:
        if pixmap.isNull():
            label.setPixmap(QPixmap())
            label.setText(self.tr("No photo"))
        else:
            label.setPixmap(pixmap.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio))

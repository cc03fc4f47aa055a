"""导出 Export: the district as the files an import reads (offices, roads and segments as GeoJSON in
the chosen datum, staff, vehicles and cameras as CSV) into a chosen folder, through
``DistrictDataService.export`` in the background — for the GIS office to edit and send back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.geo.datum import Datum
from commandcenter.services.district_data_service import DistrictDataService
from ui.background import BackgroundRunner
from ui.district.district_words import TABLES, word
from ui.district.failures import failure_text
from ui.district.qt_file_choosers import datum_combo
from ui.district.result_table import fill_table, result_table


class QtExportTab(QWidget):
    def __init__(
        self, service: DistrictDataService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.folder: Path | None = None
        self.written: dict[str, Path] = {}
        self.folder_name = QLabel(self.tr("(none)"), self)
        self.folder_name.setObjectName("districtFileName")
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self.choose)
        self.datum = datum_combo(self)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("primaryButton")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(QLabel(self.tr("Folder"), self), 0, 0)
        grid.addWidget(self.folder_name, 0, 1)
        grid.addWidget(choose, 0, 2)
        grid.addWidget(QLabel(self.tr("Coordinates in"), self), 1, 0)
        grid.addWidget(self.datum, 1, 1, 1, 2)
        grid.addWidget(self.export_button, 2, 0)
        self.message = QLabel(self.tr("Choose a folder for the district's files."), self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.files = result_table(self, [self.tr("Records"), self.tr("File")])
        column = QVBoxLayout(self)
        column.addLayout(grid)
        column.addWidget(self.message)
        column.addWidget(self.files, 1)

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), str(self.folder or ""))
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_name.setText(str(folder))
        self.export_button.setEnabled(True)

    def set_datum(self, datum: Datum) -> None:
        self.datum.setCurrentIndex(self.datum.findData(datum))

    def export(self) -> None:
        folder, datum = self.folder, Datum(self.datum.currentData())
        if folder is None:
            return
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting …"))
        self.runner.submit(lambda: self.service.export(folder, datum), self._exported, self._failed)

    def _exported(self, written: dict[str, Path]) -> None:
        self.written = written
        self.export_button.setEnabled(True)
        fill_table(self.files, [[word(TABLES, kind), str(path)] for kind, path in written.items()])
        self.message.setText(self.tr("Exported %1 files.").replace("%1", str(len(written))))

    def _failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(failure_text(error))

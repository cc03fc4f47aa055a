"""导入 Import: choose a delivery's files, 检查 Check them (every file read, every row checked, nothing
stored), then 导入 Import — offered only when the last check found no problems and neither the files
nor the datum changed since. The problems and notes are listed with file and line, what a person
fixes in the tool that made the file; after storing, what was inserted and updated per table.

Both steps run in the background (``DistrictDataService.read`` and ``store_plan`` take seconds at
city scale). The check notes each file's size and time; the import compares them first and refuses
a file changed on disk since (``FilesChanged``), so what is stored is what was checked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.district_data.importer import DistrictFiles
from commandcenter.domain.district_import import DistrictImportPlan, DistrictImportReport, ImportProblem
from commandcenter.health import Level
from commandcenter.services.district_data_service import DistrictDataService
from ui.background import BackgroundRunner
from ui.district.district_words import TABLES, where, word
from ui.district.failures import FilesChanged, failure_text
from ui.district.qt_file_choosers import QtFileChoosers
from ui.district.result_table import fill_table, result_table
from ui.theme import LEVEL_COLORS, MUTED

Fingerprint = dict[Path, tuple[int, int]]


def fingerprint(files: DistrictFiles) -> Fingerprint:
    """Size and modification time of every given file (run in the background: a share may be slow)."""
    stats = {path: path.stat() for path in files.given()}
    return {path: (stat.st_mtime_ns, stat.st_size) for path, stat in stats.items()}


class QtImportTab(QWidget):
    def __init__(self, service: DistrictDataService, runner: BackgroundRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.checked: tuple[DistrictFiles, Fingerprint, DistrictImportPlan] | None = None
        self.report: DistrictImportReport | None = None
        self._generation = 0  # a check answered after the files changed is not shown
        self.choosers = QtFileChoosers(self)
        self.choosers.changed.connect(self._files_changed)
        files_box = QGroupBox(self.tr("Files of the delivery"), self)
        QVBoxLayout(files_box).addWidget(self.choosers)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("primaryButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.store)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.message = QLabel(self.tr("Choose the files, then check them."), self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.problems = result_table(
            self, [self.tr("Kind"), self.tr("File"), self.tr("Where"), self.tr("Message")]
        )
        self.summary = result_table(self, [self.tr("Table"), self.tr("Inserted"), self.tr("Updated")])
        self.summary.hide()
        column = QVBoxLayout(self)
        column.addWidget(files_box)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.problems, 1)
        column.addWidget(self.summary, 1)

    def _files_changed(self) -> None:
        self._generation += 1
        if self.checked is not None:
            self.message.setText(self.tr("The files changed: check them again before importing."))
        self.checked = None
        self.import_button.setEnabled(False)

    def _busy(self, text: str) -> None:
        self.message.setText(text)
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)

    def check(self) -> None:
        files, generation = self.choosers.files(), self._generation
        if not files.given():
            self.message.setText(self.tr("Choose at least one file."))
            return
        self.checked = None
        self._busy(self.tr("Checking …"))
        self.runner.submit(
            lambda: (fingerprint(files), self.service.read(files)),
            lambda answer: self._checked(generation, files, *answer),
            self._failed,
        )

    def _checked(
        self, generation: int, files: DistrictFiles, prints: Fingerprint, plan: DistrictImportPlan
    ) -> None:
        self.check_button.setEnabled(True)
        if generation != self._generation:
            self.message.setText(self.tr("The files changed: check them again before importing."))
            return
        self._show_problems(plan)
        if plan.problems:
            text = self.tr("%1 problems: fix the rows listed and check again. Nothing was imported.")
            self.message.setText(text.replace("%1", str(len(plan.problems))))
            return
        self.checked = (files, prints, plan)
        self.import_button.setEnabled(True)
        self.message.setText(
            self.tr("All %1 records are good: ready to import.").replace("%1", str(plan.rows))
        )

    def _show_problems(self, plan: DistrictImportPlan) -> None:
        error, note = self.tr("Error"), self.tr("Note")
        rows: list[tuple[str, ImportProblem]] = [(error, p) for p in plan.problems] + [
            (note, n) for n in plan.notes
        ]
        fill_table(
            self.problems,
            [
                [kind, item.origin.file, where(item.origin.unit, item.origin.line), item.message]
                for kind, item in rows
            ],
            colours=[QColor(LEVEL_COLORS[Level.FAILED] if kind == error else MUTED) for kind, _item in rows],
            marks=True,
        )
        self.summary.hide()
        self.problems.show()

    def store(self) -> None:
        if self.checked is None:
            return
        files, prints, plan = self.checked
        self._busy(self.tr("Importing …"))

        def job() -> DistrictImportReport:
            if fingerprint(files) != prints:
                raise FilesChanged
            return self.service.store_plan(plan)

        self.runner.submit(job, self._stored, self._failed)

    def _stored(self, report: DistrictImportReport) -> None:
        self.report, self.checked = report, None
        self.check_button.setEnabled(True)
        rows = [[word(TABLES, name), str(c.inserted), str(c.updated)] for name, c in report.tables.items()]
        fill_table(self.summary, rows)
        self.problems.hide()
        self.summary.show()
        self.message.setText(self.tr("Imported in one transaction."))

    def _failed(self, error: Exception) -> None:
        self.checked = None
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.message.setText(failure_text(error))

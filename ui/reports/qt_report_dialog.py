"""考核 ▸ 报表… Reports: choose the report (周通报, 月度考核, 年度考评, 每日汇总), its period (this
week's, month's, year's or today's by default), PDF or Excel and where to save it; Create reads the
figures through ``services.reports`` and writes the file on a worker (the Qt thread never waits),
then says where it went. A refusal or failure is a dialog, and the file is not left half written."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.district_time import district_clock
from commandcenter.evaluation.periods import PeriodKind, current_label
from commandcenter.reports.model import Format, ReportKind
from commandcenter.reports.output import write_report
from commandcenter.services.report_service import ReportService
from ui.background import BackgroundRunner

KIND_WORDS = {
    ReportKind.WEEKLY: str(QT_TRANSLATE_NOOP("QtReportDialog", "Weekly bulletin")),
    ReportKind.MONTHLY: str(QT_TRANSLATE_NOOP("QtReportDialog", "Monthly assessment")),
    ReportKind.ANNUAL: str(QT_TRANSLATE_NOOP("QtReportDialog", "Annual evaluation")),
    ReportKind.DAILY: str(QT_TRANSLATE_NOOP("QtReportDialog", "Daily summary")),
}
FILE_STEMS = {
    ReportKind.WEEKLY: "周通报",
    ReportKind.MONTHLY: "月度考核",
    ReportKind.ANNUAL: "年度考评",
    ReportKind.DAILY: "每日汇总",
}
_PERIOD_KINDS = {ReportKind.WEEKLY: PeriodKind.WEEK, ReportKind.MONTHLY: PeriodKind.MONTH}


def default_period(kind: ReportKind, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    if kind is ReportKind.DAILY:
        return district_clock().local(now).date().isoformat()
    return current_label(_PERIOD_KINDS.get(kind, PeriodKind.YEAR), now)


class QtReportDialog(QDialog):
    def __init__(
        self,
        reports: ReportService,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        warn: Callable[[QWidget, str, str], object] = QMessageBox.warning,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Reports"))
        self.reports, self.runner, self.warn = reports, runner, warn
        self.kind = QComboBox(self)
        for kind, words in KIND_WORDS.items():
            self.kind.addItem(QCoreApplication.translate("QtReportDialog", words), kind)
        self.kind.setCurrentIndex(1)
        self.period = QLineEdit(default_period(ReportKind.MONTHLY), self)
        self.period.setPlaceholderText(self.tr("2026-W47, 2026-11, 2026 or 2026-11-30"))
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PDF (charts, for printing)"), Format.PDF)
        self.format.addItem(self.tr("Excel workbook"), Format.XLSX)
        self.path = QLineEdit(self)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Save as"), where)
        self.create_button = QPushButton(self.tr("Create"), self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.make_report)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(close)
        page = QVBoxLayout(self)
        page.addLayout(form)
        page.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.format.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self._suggest_path()
        self.written: Path | None = None

    def chosen_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def chosen_format(self) -> Format:
        return Format(self.format.currentData())

    def choose_path(self) -> None:
        fmt = self.chosen_format()
        pattern = self.tr("PDF (*.pdf)") if fmt is Format.PDF else self.tr("Excel workbook (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), self.path.text(), pattern
        )
        if name:
            self.path.setText(name)

    def make_report(self) -> None:
        kind, fmt, period = self.chosen_kind(), self.chosen_format(), self.period.text().strip()
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self.warn(self, self.tr("Reports"), self.tr("Choose where to save the report."))
            return
        self.create_button.setEnabled(False)
        self.message.setText(self.tr("Creating the report …"))
        reports = self.reports

        def job() -> Path:
            report = reports.report(kind, period)
            partial = target.with_name(f".{target.name}.partial")
            write_report(report, fmt, partial)
            os.replace(partial, target)
            return target

        self.runner.submit(job, self._written, self._failed)

    def _written(self, path: Path) -> None:
        self.written = path
        self.create_button.setEnabled(True)
        self.message.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def _failed(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        self.message.clear()
        self.warn(
            self, self.tr("Reports"), self.tr("The report could not be created: %1").replace("%1", str(error))
        )

    def _kind_changed(self, _index: int) -> None:
        self.period.setText(default_period(self.chosen_kind()))
        self._suggest_path()

    def _suggest_path(self) -> None:
        kind, fmt = self.chosen_kind(), self.chosen_format()
        folder = Path(self.path.text()).parent if self.path.text() else Path.home()
        self.path.setText(str(folder / f"{FILE_STEMS[kind]}-{self.period.text().strip()}.{fmt.value}"))

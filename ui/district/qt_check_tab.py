"""检查 Consistency: 运行检查 runs ``DistrictCheckService.check`` in the background over the whole
district and lists what does not hold together — errors first (the service's order), each with its
severity (a red or amber dot and 错误 / 注意), the kind of record and its label (what to look for in
the admin screens), the rule broken and the core's fact — under a summary line with the counts.

A double-click on a finding emits ``record_opened(kind, id)``: the dialog opens that record in the
edit tab (the finding's ``record_kind`` is the editor's kind).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from commandcenter.domain.district_check import CheckReport, Severity
from commandcenter.health import Level
from commandcenter.services.district_check_service import DistrictCheckService
from ui.background import BackgroundRunner
from ui.district.district_words import KINDS, RULES, SEVERITIES, word
from ui.district.failures import failure_text
from ui.district.result_table import fill_table, result_table
from ui.theme import LEVEL_COLORS

SEVERITY_COLOURS = {Severity.ERROR: LEVEL_COLORS[Level.FAILED], Severity.WARNING: LEVEL_COLORS[Level.WARNING]}


class QtCheckTab(QWidget):
    record_opened = Signal(str, int)  # record_kind, record_id of a double-clicked finding

    def __init__(
        self, service: DistrictCheckService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.report: CheckReport | None = None
        self.run_button = QPushButton(self.tr("Run check"), self)
        self.run_button.setObjectName("primaryButton")
        self.run_button.clicked.connect(self.run)
        self.summary = QLabel(
            self.tr("Checks the whole district: who answers for each segment, where things lie."), self
        )
        self.summary.setObjectName("detailMessage")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.summary, 1)
        headers = [
            self.tr("Severity"),
            self.tr("Record"),
            self.tr("Label"),
            self.tr("Rule"),
            self.tr("Detail"),
        ]
        self.table = result_table(self, headers)
        self.table.cellDoubleClicked.connect(self.open_finding)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)

    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking the district …"))
        self.runner.submit(self.service.check, self._show, self._failed)

    def _show(self, report: CheckReport) -> None:
        self.report = report
        self.run_button.setEnabled(True)
        rows = [
            [
                word(SEVERITIES, f.severity),
                word(KINDS, f.record_kind),
                f.record_label,
                word(RULES, f.rule),
                f.detail,
            ]
            for f in report.findings
        ]
        colours = [
            QColor(SEVERITY_COLOURS.get(f.severity, LEVEL_COLORS[Level.UNKNOWN])) for f in report.findings
        ]
        fill_table(self.table, rows, colours, marks=True)
        if report.ok:
            text = self.tr("%1 errors, %2 warnings: the district is consistent.")
        else:
            text = self.tr("%1 errors, %2 warnings: fix the errors.")
        self.summary.setText(
            text.replace("%1", str(len(report.errors))).replace("%2", str(len(report.warnings)))
        )

    def open_finding(self, row: int, _column: int = 0) -> None:
        if self.report is not None and 0 <= row < len(self.report.findings):
            finding = self.report.findings[row]
            self.record_opened.emit(finding.record_kind, finding.record_id)

    def _failed(self, error: Exception) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(failure_text(error))

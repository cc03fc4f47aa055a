"""审计日志 Audit log: the newest records (local time, actor, action, target), 校验链 walking the whole
hash chain and saying whether it is intact or where it breaks, and 导出 CSV to a chosen file — all
through ``services.audit_log`` in the background (the export is itself recorded)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from commandcenter.domain.accounts import AuditRecord, ChainReport
from commandcenter.services.audit_service import AuditService
from ui.admin.audit_words import action_name, local_time
from ui.background import BackgroundRunner
from ui.district.failures import failure_text
from ui.district.result_table import fill_table, result_table


class QtAuditTab(QWidget):
    def __init__(
        self, service: AuditService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.records: list[AuditRecord] = []
        self.report: ChainReport | None = None
        self.exported: int | None = None
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Verify chain"), self)
        self.verify_button.setObjectName("primaryButton")
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.choose_export_file)
        self.status = QLabel(self)
        self.status.setObjectName("detailMessage")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for button in (self.refresh_button, self.verify_button, self.export_button):
            top.addWidget(button)
        top.addWidget(self.status, 1)
        headers = [self.tr("Time"), self.tr("Actor"), self.tr("Action"), self.tr("Target")]
        self.table = result_table(self, headers)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.runner.submit(self.service.recent, self._show, self._failed)

    def _show(self, records: list[AuditRecord]) -> None:
        self.records = records
        newest_first = list(reversed(records))
        rows = [[local_time(r.ts), r.actor, action_name(r.action), r.target] for r in newest_first]
        fill_table(self.table, rows)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Verifying the chain …"))
        self.runner.submit(self.service.verify, self._verified, self._failed)

    def _verified(self, report: ChainReport) -> None:
        self.report = report
        self.verify_button.setEnabled(True)
        if report.ok:
            self.status.setText(self.tr("Chain intact: %1 records.").replace("%1", str(report.rows)))
        else:
            broken = self.tr("Chain broken (%1 records): %2")
            self.status.setText(
                broken.replace("%1", str(report.rows)).replace("%2", "; ".join(report.problems))
            )

    def choose_export_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export audit log"), "audit-log.csv", self.tr("CSV files (*.csv)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        self.exported = None
        self.export_button.setEnabled(False)
        self.runner.submit(lambda: self.service.export_csv(path), self._exported, self._failed)

    def _exported(self, rows: int) -> None:
        self.exported = rows
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("%1 records exported.").replace("%1", str(rows)))
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.status.setText(failure_text(error))

"""The drawn groups, newest round first: period, 明察/暗访, the office inspected, the inspectors and the
assignment dates; who may manage inspections records a group's finding from here (it enters intake
as a case with the source 督查)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.inspections import InspectionFinding
from commandcenter.services.hub import Services
from commandcenter.services.inspection_service import InspectionOverview
from ui.background import BackgroundRunner
from ui.district_time import minute_text
from ui.inspections.qt_finding_dialog import QtFindingDialog


class QtRoundsTab(QWidget):
    def __init__(
        self, services: Services, runner: BackgroundRunner, manager: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.group_ids: list[int] = []
        self.group_titles: list[str] = []
        self.finding_dialog: QtFindingDialog | None = None
        headers = [
            self.tr("Round"),
            self.tr("Period"),
            self.tr("Kind"),
            self.tr("Office inspected"),
            self.tr("Inspectors"),
            self.tr("Dates"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("groupsTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("groupsMessage")
        self.message.setWordWrap(True)
        self.findings = QListWidget(self)
        self.findings.setObjectName("groupFindings")
        self.findings.setMaximumHeight(120)
        self.table.itemSelectionChanged.connect(self.load_findings)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        column.addWidget(QLabel(self.tr("Findings of the chosen group"), self))
        column.addWidget(self.findings)
        self.finding_button = QPushButton(self.tr("Record a finding…"), self)
        self.finding_button.setObjectName("recordFinding")
        if manager:
            self.finding_button.clicked.connect(self.open_finding)
            column.addWidget(self.finding_button)
        else:
            self.finding_button.hide()
        column.addWidget(self.message)

    def show_overview(self, overview: InspectionOverview) -> None:
        names = {inspector.id: inspector.name for inspector in overview.pool}
        rows = [(drawn, group) for drawn in overview.rounds for group in drawn.groups]
        self.table.setRowCount(len(rows))
        self.group_ids = [group.id for _drawn, group in rows]
        self.group_titles = []
        for row, (drawn, group) in enumerate(rows):
            office = overview.offices.get(group.target_office_id, str(group.target_office_id))
            cells = (
                str(drawn.id),
                drawn.period,
                drawn.kind.value,
                office,
                "、".join(names.get(member, str(member)) for member in group.member_ids),
                f"{group.starts_on:%Y-%m-%d} – {group.ends_on:%Y-%m-%d}",
            )
            self.group_titles.append(f"{drawn.period} {drawn.kind.value} · {office}")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def open_finding(self) -> QtFindingDialog | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.group_ids):
            self.message.setText(self.tr("Choose a group first."))
            return None
        dialog = QtFindingDialog(
            self.services, self.runner, self.group_ids[row], self.group_titles[row], self
        )
        dialog.filed.connect(self.message.setText)
        dialog.filed.connect(lambda _said: self.load_findings())
        self.finding_dialog = dialog
        dialog.show()
        return dialog

    def load_findings(self) -> None:
        row = self.table.currentRow()
        self.findings.clear()
        if not 0 <= row < len(self.group_ids):
            return
        group_id = self.group_ids[row]

        def job() -> list[InspectionFinding]:
            return self.services.inspection_findings.findings(group_id)

        self.runner.submit(job, lambda found: self._findings(group_id, found), self._refused)

    def _findings(self, group_id: int, found: list[InspectionFinding]) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.group_ids) or self.group_ids[row] != group_id:
            return  # another group was chosen meanwhile
        self.findings.clear()
        for finding in found:
            if finding.case_id is not None:
                where = self.tr("case %1").replace("%1", str(finding.case_id))
            else:
                where = self.tr("waiting for review %1").replace("%1", str(finding.review_id))
            self.findings.addItem(f"{minute_text(finding.recorded_at)} · {where} · {finding.summary}")

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" line

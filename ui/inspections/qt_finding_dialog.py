"""Recording what a 督查 group found: category, place (a road, segment or landmark found by name or
pinyin initials through the desk's place search, or longitude/latitude typed, WGS-84), address and
description, filed through ``services.inspection_findings`` — the workstation's one intake, source
督查, no photo asked (photos can be added to the case afterwards) — and linked to the group. A refusal
(screening's reasons, a bad field) is said in the dialog, which keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.inspections import FindingReport
from commandcenter.lookup.places import Place
from commandcenter.services.hub import Services
from commandcenter.services.inspection_findings import FiledFinding
from commandcenter.services.intake_service import Filing
from ui.background import BackgroundRunner


class QtFindingDialog(QDialog):
    filed = Signal(str)  # what became of the finding, in words

    def __init__(
        self,
        services: Services,
        runner: BackgroundRunner,
        group_id: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.services, self.runner, self.group_id = services, runner, group_id
        self.result_filing: FiledFinding | None = None
        self.setWindowTitle(self.tr("Finding of group %1").replace("%1", title))
        self.category = QComboBox(self)
        self.category.setObjectName("findingCategory")
        self.place_search = QLineEdit(self)
        self.place_search.setObjectName("findingPlaceSearch")
        self.place_search.setPlaceholderText(self.tr("Road, segment or landmark; Enter to search"))
        self.place_search.returnPressed.connect(self.search_places)
        self.places = QComboBox(self)
        self.places.setObjectName("findingPlaces")
        self.places.activated.connect(self._place_chosen)
        self.found_places: list[Place] = []
        self.lon = QLineEdit(self)
        self.lon.setObjectName("findingLon")
        self.lon.setPlaceholderText("113.61")
        self.lat = QLineEdit(self)
        self.lat.setObjectName("findingLat")
        self.lat.setPlaceholderText("34.71")
        self.address = QLineEdit(self)
        self.address.setObjectName("findingAddress")
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("findingDescription")
        self.description.setPlaceholderText(self.tr("What the group found (required)"))
        self.message = QLabel(self)
        self.message.setObjectName("findingMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button: QPushButton = self.buttons.addButton(
            self.tr("File as a case"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("primaryButton")
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Find a place"), self.place_search)
        form.addRow(self.tr("Places found"), self.places)
        form.addRow(self.tr("Longitude"), self.lon)
        form.addRow(self.tr("Latitude"), self.lat)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Description"), self.description)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.runner.submit(lambda: self.services.intake.categories(""), self._categories, self._refused)

    def _categories(self, categories: list[CategorySpec]) -> None:
        for category in categories:
            self.category.addItem(f"{category.code} {category.name}", category.code)

    def search_places(self) -> None:
        text = self.place_search.text()
        self.runner.submit(lambda: self.services.intake.find_places(text), self._places_found, self._refused)

    def _places_found(self, places: list[Place]) -> None:
        self.found_places = list(places)
        self.places.clear()
        for place in self.found_places:
            self.places.addItem(f"{place.label} {place.code}".strip())
        if self.found_places:
            self._place_chosen(0)
        else:
            self.message.setText(self.tr("No place of that name."))

    def _place_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.found_places):
            return
        place = self.found_places[index]
        self.lon.setText(f"{place.lon:.6f}")
        self.lat.setText(f"{place.lat:.6f}")
        if not self.address.text().strip():
            self.address.setText(place.label)
        self.message.clear()

    def submit(self) -> None:
        try:
            lon, lat = float(self.lon.text()), float(self.lat.text())
        except ValueError:
            self.message.setText(self.tr("Give the place as longitude and latitude (degrees)."))
            return
        found = FindingReport(
            str(self.category.currentData() or ""),
            lon,
            lat,
            self.description.toPlainText(),
            self.address.text(),
        )
        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("Filing …"))
        self.runner.submit(
            lambda: self.services.inspection_findings.record(self.group_id, found), self._filed, self._refused
        )

    def _filed(self, outcome: FiledFinding) -> None:
        self.submit_button.setEnabled(True)
        report = outcome.report
        if report.filing is Filing.REJECTED:
            reasons = "；".join(
                f"{r.reason.value}：{r.detail}" for r in report.rejections
            )  # screening's words
            self.message.setText(self.tr("Not filed: %1").replace("%1", reasons))
            return
        self.result_filing = outcome
        if report.filing is Filing.IN_REVIEW:
            said = self.tr("The finding waits for review, linked to the group.")
        else:
            said = self.tr("Filed as case %1, linked to the group.").replace("%1", report.number or "")
        self.filed.emit(said)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(str(error))  # the core's "中文 / English" line

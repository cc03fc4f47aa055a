"""新建案件 New case: the operator takes a citizen's call (or a visit) down while talking — where (a
road, segment, office or landmark found by name or pinyin initials, or a right-click on the live
map), what (the category, found the same way), a description, photos the citizen sent, who called
and their number — and files it through ``services.intake``: the one intake path, so the report is
screened, located and merged into an open duplicate like every other source.

Non-modal (the queue and the wall stay live), and every service call runs on the worker. Before
filing, the form says when the same kind of case is already open close by — the case intake will
add this report to; the operator may still file. After a case is filed the form clears for the next
call and keeps the case number on screen to read out.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.cases import NearbyCase
from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.reporting import DeskReport, DeskSource
from commandcenter.lookup.places import Place
from commandcenter.services.errors import PhotoRefused
from commandcenter.services.intake_service import FiledReport, Filing, IntakeService
from ui.background import BackgroundRunner
from ui.cases.new_case_words import category_line, duplicate_text, filed_text, place_line
from ui.cases.qt_mini_map import MiniMapScene, QtMiniMap
from ui.cases.qt_photo_picker import QtPhotoPicker
from ui.cases.qt_search_list import QtSearchList
from ui.district.failures import failure_text


class QtNewCaseForm(QDialog):
    filed = Signal(object)  # FiledReport of a new or merged case
    hint_shown = Signal(str)  # the duplicate hint's text ("" for none), once asked

    def __init__(
        self, intake: IntakeService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseForm")
        self.setWindowTitle(self.tr("New case"))
        self.setModal(False)
        self.intake, self.runner = intake, runner
        self.point: tuple[float, float] | None = None  # WGS-84
        self.category: CategorySpec | None = None
        self._hint_asked = 0
        self._build()
        self.categories.search_now()  # the whole table, until the operator types

    def _build(self) -> None:
        self.source = QComboBox(self)
        self.source.addItem(self.tr("Phone call"), DeskSource.PHONE)
        self.source.addItem(self.tr("Walk-in"), DeskSource.WALK_IN)
        self.places = QtSearchList(
            self.intake.find_places,
            place_line,
            self.runner,
            self.tr("Road, segment, office or landmark"),
            self,
        )
        self.places.chosen.connect(self._place_chosen)
        self.point_label = QLabel(self)
        self.point_label.setWordWrap(True)
        self.preview = QtMiniMap(self)
        self.categories = QtSearchList(
            self.intake.categories,
            category_line,
            self.runner,
            self.tr("Category name, code or initials"),
            self,
        )
        self.categories.chosen.connect(self._category_chosen)
        self.category_label = QLabel(self)
        self.address = QLineEdit(self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        self.photos = QtPhotoPicker(self.runner, self)
        self.reporter = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("For the call back after closing"))
        self.hint = QLabel(self)
        self.hint.setObjectName("duplicateHint")
        self.hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("File case"), self)
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.clicked.connect(self.submit)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        self._arrange(close)
        self._show_point("")

    def _arrange(self, close: QPushButton) -> None:
        where = QVBoxLayout()
        where.addWidget(QLabel(self.tr("Where"), self))
        where.addWidget(self.places)
        where.addWidget(self.point_label)
        where.addWidget(self.preview)
        what = QFormLayout()
        what.addRow(self.tr("Source"), self.source)
        what.addRow(self.tr("Category"), self.categories)
        what.addRow("", self.category_label)
        what.addRow(self.tr("Address"), self.address)
        what.addRow(self.tr("Description"), self.description)
        what.addRow(self.tr("Photos"), self.photos)
        what.addRow(self.tr("Reporter"), self.reporter)
        what.addRow(self.tr("Phone"), self.phone)
        columns = QHBoxLayout()
        columns.addLayout(where, 1)
        columns.addLayout(what, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(close)
        page = QVBoxLayout(self)
        page.addLayout(columns, 1)
        page.addWidget(self.hint)
        page.addLayout(buttons)

    # ------------------------------------------------------------------ choosing
    def set_point(self, lon: float, lat: float, label: str = "") -> None:
        """The case's place (WGS-84): from a found place, or a right-click on the live map."""
        self.point = (lon, lat)
        if label and not self.address.text().strip():
            self.address.setText(label)
        self.preview.show_scene(MiniMapScene(lon, lat, [], []))
        self._show_point(label)
        self.refresh_hint()

    def _show_point(self, label: str) -> None:
        if self.point is None:
            self.point_label.setText(self.tr("No place yet: search above, or right-click the live map."))
            return
        where = self.tr("Place: %1 (%2, %3)").replace("%1", label or self.tr("picked on the map"))
        self.point_label.setText(
            where.replace("%2", f"{self.point[0]:.6f}").replace("%3", f"{self.point[1]:.6f}")
        )

    def _place_chosen(self, place: object) -> None:
        assert isinstance(place, Place)
        self.set_point(place.lon, place.lat, place.label)

    def _category_chosen(self, spec: object) -> None:
        assert isinstance(spec, CategorySpec)
        self.category = spec
        self.category_label.setText(f"{spec.code}  {spec.name}")
        self.refresh_hint()

    def refresh_hint(self) -> None:
        """Ask (on the worker) for an open case of the chosen kind close to the chosen place."""
        if self.point is None or self.category is None:
            return
        self._hint_asked += 1
        asked, intake, code, (lon, lat) = self._hint_asked, self.intake, self.category.code, self.point
        self.runner.submit(
            lambda: intake.duplicate_hint(code, lon, lat),
            lambda found: self._show_hint(asked, found),
            self._failed,
        )

    def _show_hint(self, asked: int, nearby: list[NearbyCase]) -> None:
        if asked == self._hint_asked:
            self.hint.setText(duplicate_text(nearby, datetime.now(UTC)))
            self.hint_shown.emit(self.hint.text())

    # ------------------------------------------------------------------ filing
    def report(self) -> DeskReport | None:
        """The report as filled in; None (and a line saying what is missing) without place or category."""
        if self.point is None or self.category is None:
            self.message.setText(self.tr("Choose the place and the category first."))
            return None
        return DeskReport(
            category_code=self.category.code,
            lon=self.point[0],
            lat=self.point[1],
            source=DeskSource(self.source.currentData()),
            description=self.description.toPlainText(),
            address=self.address.text(),
            reporter=self.reporter.text(),
            reporter_phone=self.phone.text(),
            photos=self.photos.photos(),
        )

    def submit(self) -> None:
        report = self.report()
        if report is None:
            return
        intake = self.intake
        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("Filing …"))
        self.runner.submit(lambda: intake.file_report(report), self._filed, self._failed)

    def _filed(self, filed: FiledReport) -> None:
        self.submit_button.setEnabled(True)
        if filed.filing is not Filing.REJECTED:
            self.clear_for_next_call()
            self.filed.emit(filed)
        self.message.setText(filed_text(filed))

    def _failed(self, error: Exception) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(str(error) if isinstance(error, PhotoRefused) else failure_text(error))

    def clear_for_next_call(self) -> None:
        self.point, self.category, self._hint_asked = None, None, self._hint_asked + 1
        self.places.clear()
        self.categories.edit.clear()
        self.categories.search_now()
        for field in (self.address, self.reporter, self.phone):
            field.clear()
        self.description.clear()
        self.photos.clear()
        self.category_label.clear()
        self.hint.clear()
        self.preview.show_scene(None)
        self._show_point("")

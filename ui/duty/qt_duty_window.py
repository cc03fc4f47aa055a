"""勤务 ▸ 值班表 Duty roster: for one office (an office user: their own), the week's grid — a row per
segment and shift, a column per day, who is on duty after leave, swaps and extra shifts — with the
week's exceptions beside it (添加请假/换班… adds one, 删除 removes the selected), 排班 the weekly entries
(``qt_roster_entries``: add, remove), and 在岗情况 On duty:
today's shifts with check-in, attendance and coverage. Every read and edit runs through
``services.duty`` on the runner; a refusal or an outage is said in the status line, nothing is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from commandcenter.duty.views import DutyWeek, PresenceRow
from commandcenter.services.duty_service import DutyChoices, DutyService
from ui.background import BackgroundRunner
from ui.district_time import clock_text, district_now
from ui.duty.qt_exception_dialog import QtExceptionDialog
from ui.duty.qt_exception_list import QtExceptionList
from ui.duty.qt_presence_table import QtPresenceTable
from ui.duty.qt_roster_entries import QtRosterEntries, QtRosterEntryDialog
from ui.duty.qt_week_grid import QtWeekGrid


class QtDutyWindow(QDialog):
    def __init__(
        self,
        service: DutyService,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = district_now,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._clock = service, runner, clock
        self.choices: DutyChoices | None = None
        self.week: DutyWeek | None = None
        self.monday = clock().date() - timedelta(days=clock().weekday())
        self.setObjectName("dutyWindow")
        self.setWindowTitle(self.tr("Duty roster"))
        self.resize(1100, 640)
        self.office = QComboBox(self)
        self.office.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.previous = QPushButton(self.tr("◀ Previous week"), self)
        self.next = QPushButton(self.tr("Next week ▶"), self)
        self.this_week = QPushButton(self.tr("This week"), self)
        self.week_label = QLabel("", self)
        self.grid = QtWeekGrid(self)
        self.exceptions = QtExceptionList(self)
        self.add_button = QPushButton(self.tr("Add leave or swap…"), self)
        self.remove_button = QPushButton(self.tr("Remove exception"), self)
        self.entries = QtRosterEntries(service, runner, self)
        self.entries.changed.connect(self.reload)
        self.entries.shift_added.connect(self.reload_choices)
        self.entries.failed.connect(self._failed)
        self.entries.add_button.clicked.connect(self.add_entry)
        self.presence = QtPresenceTable(self)
        self.presence_label = QLabel("", self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.status = QLabel(self.tr("Loading …"), self)
        self.status.setObjectName("dutyStatus")
        self.status.setWordWrap(True)
        self._lay_out()
        self.office.currentIndexChanged.connect(lambda _index: self.reload())
        self.previous.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.this_week.clicked.connect(lambda: self.show_week(self._clock().date()))
        self.add_button.clicked.connect(self.add_exception)
        self.remove_button.clicked.connect(self.remove_exception)
        self.refresh_button.clicked.connect(self.reload)
        for button in (
            self.add_button,
            self.remove_button,
            self.entries.add_button,
            self.entries.remove_button,
        ):
            button.setEnabled(False)
        self.reload_choices()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Office"), self))
        for widget in (self.office, self.previous, self.week_label, self.next, self.this_week):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        roster = QWidget(self)
        roster_column = QVBoxLayout(roster)
        roster_column.addWidget(self.grid, 3)
        roster_column.addWidget(QLabel(self.tr("Leave, swaps and extra shifts this week"), roster))
        roster_column.addWidget(self.exceptions, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        roster_column.addLayout(buttons)
        on_duty = QWidget(self)
        on_duty_column = QVBoxLayout(on_duty)
        on_duty_column.addWidget(self.presence_label)
        on_duty_column.addWidget(self.presence)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(roster, self.tr("Roster"))
        self.tabs.addTab(self.entries, self.tr("Roster entries"))
        self.tabs.addTab(on_duty, self.tr("On duty"))
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.status)

    # --- loading -------------------------------------------------------------------------------

    def _office_id(self) -> int | None:
        data = self.office.currentData()
        return int(data) if data is not None else None

    def _chosen(self, choices: DutyChoices) -> None:
        self.choices = choices
        for button in (
            self.add_button,
            self.remove_button,
            self.entries.add_button,
            self.entries.remove_button,
        ):
            button.setEnabled(choices.may_edit)
        shown = self._office_id()
        self.office.blockSignals(True)
        self.office.clear()  # read again after a new shift: the same offices, the choice kept
        for office in choices.offices:
            self.office.addItem(office.name, office.id)
        self.office.setCurrentIndex(max(self.office.findData(shown), 0))
        self.office.blockSignals(False)
        self.reload()

    def reload_choices(self) -> None:
        self._runner.submit(self._service.choices, self._chosen, self._failed)

    def show_week(self, day: date) -> None:
        self.monday = day - timedelta(days=day.weekday())
        self._load_week()

    def reload(self) -> None:
        self._load_week()
        self._load_presence()

    def _load_week(self) -> None:
        if self.choices is None:
            return
        office, monday = self._office_id(), self.monday
        self.week_label.setText(f"{monday:%Y-%m-%d} – {monday + timedelta(days=6):%m-%d}")
        self._runner.submit(lambda: self._service.week(monday, office), self._show_week, self._failed)

    def _load_presence(self) -> None:
        if self.choices is None:
            return
        office, now = self._office_id(), self._clock()
        self.presence_label.setText(self.tr("Today's shifts as of %1").replace("%1", clock_text(now)))
        self._runner.submit(lambda: self._service.presence(office, now), self._show_presence, self._failed)

    def _show_week(self, week: DutyWeek) -> None:
        if week.monday != self.monday:
            return  # an older answer for a week no longer shown
        self.week = week
        self.grid.show_week(week)
        if self.choices is not None:
            self.exceptions.show_exceptions(week.exceptions, self.choices)
            self.entries.show_entries(week.entries, self.choices)
        self.status.setText(self.tr("%1 rows in the roster this week").replace("%1", str(len(week.rows))))

    def _show_presence(self, rows: list[PresenceRow]) -> None:
        self.presence.show_rows(rows)

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))  # a refusal or an outage, in the core's bilingual line

    # --- edits ---------------------------------------------------------------------------------

    def add_exception(self) -> QtExceptionDialog | None:
        if self.choices is None:
            return None
        dialog = QtExceptionDialog(
            self._service, self._runner, self.choices, self._office_id(), self._edit_day(), self
        )
        dialog.added.connect(lambda _stored: self.reload())
        dialog.show()
        return dialog

    def _edit_day(self) -> date:
        today = self._clock().date()
        return today if self.monday <= today < self.monday + timedelta(days=7) else self.monday

    def add_entry(self) -> QtRosterEntryDialog | None:
        if self.choices is None:
            return None
        dialog = QtRosterEntryDialog(
            self._service, self._runner, self.choices, self._office_id(), self._edit_day(), self
        )
        dialog.added.connect(lambda _stored: self.reload())
        dialog.show()
        return dialog

    def remove_exception(self) -> None:
        key = self.exceptions.selected_id()
        if key is None:
            self.status.setText(self.tr("Select an exception to remove."))
            return
        self._runner.submit(
            lambda: self._service.remove_exception(key), lambda _none: self.reload(), self._failed
        )

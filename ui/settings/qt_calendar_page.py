"""工作日历: the working periods of a working day, and per year its holidays with their 调休 make-up
working days, edited as tables (a year is chosen above its table; a new year starts empty).

Cells are text (``08:30``, ``2026-10-01``, make-up days separated by commas), so the page reads them
back itself: a cell it cannot read is a ``NOT_A_VALUE`` problem under the same key the core's checks
use (``calendar.periods.2``, ``calendar.years.2026.holidays.3``), listed with the others.

Above the tables the page warns while this year or next (on the district's clock) has no holidays,
and 导入… imports the year in the year box from a CSV or JSON file of days (the dialog sends it
through ``services.settings``, which checks, stores and audits it).
"""

from __future__ import annotations

import dataclasses
from datetime import date, time

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.district_time import district_clock
from commandcenter.domain.holidays import HolidayPeriod
from commandcenter.domain.settings import CalendarSettings, CalendarYear, DistrictSettings
from commandcenter.domain.settings_problems import Fault, SettingsProblem


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def _set_row(table: QTableWidget, row: int, cells: list[str]) -> None:
    for column, text in enumerate(cells):
        table.setItem(row, column, QTableWidgetItem(text))


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return "" if item is None else item.text().strip()


class CalendarPage(QWidget):
    import_requested = Signal(int, str)  # year, file path: the dialog imports it through the service

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.periods = _table(self, [self.tr("Starts"), self.tr("Ends")])
        self.year = QComboBox(self)
        self.new_year = QSpinBox(self)
        self.new_year.setRange(2000, 2100)
        self.new_year.setValue(district_clock().today().year + 1)
        self.missing = QLabel(self)
        self.missing.setObjectName("detailMessage")
        self.missing.setWordWrap(True)
        self.missing.hide()
        self.holidays = _table(
            self,
            [
                self.tr("Holiday"),
                self.tr("First day off"),
                self.tr("Last day off"),
                self.tr("Make-up working days"),
            ],
        )
        self._years: dict[int, list[list[str]]] = {}  # year → its holiday rows as shown (text)
        self._shown_year: int | None = None
        self.year.currentIndexChanged.connect(self._year_chosen)
        periods_bar = QHBoxLayout()
        periods_bar.addWidget(QLabel(self.tr("Working periods of a working day"), self), 1)
        periods_bar.addWidget(self._button(self.tr("Add period"), self.add_period))
        periods_bar.addWidget(self._button(self.tr("Remove period"), lambda: self._remove(self.periods)))
        years_bar = QHBoxLayout()
        years_bar.addWidget(QLabel(self.tr("Holidays of"), self))
        years_bar.addWidget(self.year)
        years_bar.addStretch(1)
        years_bar.addWidget(self.new_year)
        years_bar.addWidget(self._button(self.tr("Add year"), self.add_year))
        years_bar.addWidget(self._button(self.tr("Import year…"), self.choose_import))
        holidays_bar = QHBoxLayout()
        holidays_bar.addStretch(1)
        holidays_bar.addWidget(self._button(self.tr("Add holiday"), self.add_holiday))
        holidays_bar.addWidget(self._button(self.tr("Remove holiday"), lambda: self._remove(self.holidays)))
        column = QVBoxLayout(self)
        column.addWidget(self.missing)
        column.addLayout(periods_bar)
        column.addWidget(self.periods)
        column.addLayout(years_bar)
        column.addWidget(self.holidays, 1)
        column.addLayout(holidays_bar)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ showing
    def show_settings(self, settings: DistrictSettings) -> None:
        calendar = settings.calendar
        self.periods.setRowCount(len(calendar.periods))
        for row, (start, end) in enumerate(calendar.periods):
            _set_row(self.periods, row, [start.strftime("%H:%M"), end.strftime("%H:%M")])
        self._years = {
            entry.year: [_holiday_cells(holiday) for holiday in entry.holidays] for entry in calendar.years
        }
        self._shown_year = None
        self._warn(calendar.years_without_holidays(district_clock().today()))
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(self._years):
            self.year.addItem(str(year), year)
        self.year.blockSignals(False)
        self._year_chosen()

    def _warn(self, years: list[int]) -> None:
        listed = QLocale().createSeparatedList([str(year) for year in years])  # 2026和2027
        self.missing.setText(
            self.tr(
                "Holidays of %1 not configured: deadlines count those holidays as working days. "
                "Add the year and its holidays, or import its table (date, day off or working day, name)."
            ).replace("%1", listed)
        )
        self.missing.setVisible(bool(years))

    def choose_import(self) -> None:
        """Ask for the file of the year in the year box (next year by default)."""
        year = self.new_year.value()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the holidays of %1").replace("%1", str(year)),
            "",
            self.tr("Holiday tables (*.csv *.json);;All files (*)"),
        )
        if path:
            self.import_requested.emit(year, path)

    def _year_chosen(self) -> None:
        self._keep_shown_year()
        year = self.year.currentData()
        self._shown_year = year
        rows = self._years.get(year, []) if year is not None else []
        self.holidays.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            _set_row(self.holidays, row, cells)

    def _keep_shown_year(self) -> None:
        if self._shown_year is not None:
            count, columns = self.holidays.rowCount(), self.holidays.columnCount()
            self._years[self._shown_year] = [
                [_cell(self.holidays, row, column) for column in range(columns)] for row in range(count)
            ]

    # ------------------------------------------------------------------ editing
    def add_period(self) -> None:
        row = self.periods.rowCount()
        self.periods.setRowCount(row + 1)
        _set_row(self.periods, row, ["", ""])

    def add_year(self) -> None:
        year = self.new_year.value()
        self._keep_shown_year()
        if year not in self._years:
            self._years[year] = []
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(year))

    def add_holiday(self) -> None:
        if self.year.currentData() is None:
            self.add_year()
        row = self.holidays.rowCount()
        self.holidays.setRowCount(row + 1)
        _set_row(self.holidays, row, ["", "", "", ""])
        self.holidays.setCurrentCell(row, 0)

    def _remove(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

    # ------------------------------------------------------------------ reading back
    def read(self, settings: DistrictSettings, problems: list[SettingsProblem]) -> DistrictSettings:
        self._keep_shown_year()
        periods: list[tuple[time, time]] = []
        for row in range(self.periods.rowCount()):
            cells = [_cell(self.periods, row, column) for column in range(2)]
            try:
                periods.append((time.fromisoformat(cells[0]), time.fromisoformat(cells[1])))
            except ValueError:
                problems.append(
                    SettingsProblem(f"calendar.periods.{row + 1}", Fault.NOT_A_VALUE, (" – ".join(cells),))
                )
        years = []
        for year, rows in sorted(self._years.items()):
            holidays = []
            for number, cells in enumerate(rows, 1):
                try:
                    holidays.append(_holiday_of(cells))
                except ValueError:
                    key = f"calendar.years.{year}.holidays.{number}"
                    problems.append(SettingsProblem(key, Fault.NOT_A_VALUE, (" · ".join(cells[1:]),)))
            years.append(CalendarYear(year, tuple(holidays)))
        return dataclasses.replace(settings, calendar=CalendarSettings(tuple(periods), tuple(years)))


def _holiday_cells(holiday: HolidayPeriod) -> list[str]:
    makeup = ", ".join(day.isoformat() for day in holiday.makeup_workdays)
    return [holiday.name, holiday.first.isoformat(), holiday.last.isoformat(), makeup]


def _holiday_of(cells: list[str]) -> HolidayPeriod:
    name, first, last, makeup = cells
    first_day = date.fromisoformat(first)
    days = [part.strip() for part in makeup.replace("，", ",").split(",") if part.strip()]
    return HolidayPeriod(
        name,
        first_day,
        date.fromisoformat(last) if last else first_day,
        tuple(date.fromisoformat(d) for d in days),
    )

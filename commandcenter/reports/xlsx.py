"""A report as an Excel workbook: a 概要 sheet (title, period, state, key figures, notes), one sheet
per table with the indicator functions' numbers as numbers (rates as fractions with a percent
format, money with a sign), the charts' series on a 图表数据 sheet. The same model as the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from commandcenter.reports import palette
from commandcenter.reports.model import Report, Shown, Table

NUMBER_FORMATS = {
    Shown.RATE: "0.00%",
    Shown.SCORE: "0.00",
    Shown.FACTOR: "0.000",
    Shown.MONEY: "+#,##0;-#,##0;0",
    Shown.COUNT: "#,##0",
}


def write_xlsx(report: Report, path: Path) -> None:
    from openpyxl import Workbook  # a heavy import, needed only for workbooks
    from openpyxl.styles import Font

    book = Workbook()
    summary: Any = book.active
    summary.title = "概要"
    summary.append([f"{report.title}（{report.period}）"])
    summary["A1"].font = Font(bold=True, size=14)
    for line in (report.span, report.state, report.generated):
        if line:
            summary.append([line])
    summary.append([])
    for figure in report.figures:
        summary.append([figure.label, figure.value])
        if figure.shown in NUMBER_FORMATS and figure.value is not None:
            summary.cell(summary.max_row, 2).number_format = NUMBER_FORMATS[figure.shown]
    if report.notes:
        summary.append([])
        for note in report.notes:
            summary.append([note])
    summary.column_dimensions["A"].width = 24
    summary.column_dimensions["B"].width = 16
    for table in report.tables:
        _sheet(book.create_sheet(table.title), table)
    if report.charts:
        data = book.create_sheet("图表数据")
        for chart in report.charts:
            data.append([chart.title])
            data.append(["", *chart.labels])
            for series in chart.series:
                data.append([series.name, *series.values])
            data.append([])
    book.save(path)


def _sheet(sheet: Any, table: Table) -> None:
    from openpyxl.styles import Font, PatternFill

    header = PatternFill("solid", fgColor=palette.INK.lstrip("#"))
    sheet.append([column.title for column in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header
    rows = list(table.rows) + ([table.total] if table.total is not None else [])
    for row in rows:
        sheet.append(["—" if value is None else value for value in row])
    if table.total is not None:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for index, column in enumerate(table.columns, start=1):
        number_format = NUMBER_FORMATS.get(column.shown)
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = 16 if index == 1 else max(10, 2 * len(column.title) + 2)
        if number_format is None:
            continue
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, int | float):
                cell.number_format = number_format
    sheet.freeze_panes = "B2"

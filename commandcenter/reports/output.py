"""Write a report in the format asked for: the one entry the command line and the desk's dialog
call. A bad format is a ``ValueError`` with a bilingual line."""

from __future__ import annotations

from pathlib import Path

from commandcenter.reports.model import Format, Report


def format_named(text: str) -> Format:
    try:
        return Format(text.strip().lower())
    except ValueError:
        raise ValueError(f"未知的报表格式「{text}」 / unknown format {text!r}: pdf | xlsx") from None


def write_report(report: Report, fmt: Format, path: Path) -> None:
    if fmt is Format.PDF:
        from commandcenter.reports.pdf import write_pdf

        write_pdf(report, path)
    else:
        from commandcenter.reports.xlsx import write_xlsx

        write_xlsx(report, path)

"""Reports (issue 17) through the services on SQLite and PostgreSQL: every figure of the monthly
report is the indicator functions' own (ranking, indicator table, key figures, trend), the PDF's text
is extractable Chinese with the font embedded and holds those figures, the workbook holds the same
numbers, an office user's report holds only their office's figures, and the daily one-pager."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.store import Store
from commandcenter.reports.building import indicator_cells
from commandcenter.reports.model import Format, Shown, cell_text
from commandcenter.reports.output import write_report
from commandcenter.testing.accounts import services_for
from commandcenter.testing.indicator_cases import case_row, load_two_offices

Z = ZoneInfo("Asia/Shanghai")
_S = CaseStatus
RECEIVED, DEADLINE = datetime(2026, 11, 2, 9, tzinfo=Z), datetime(2026, 11, 10, 17, tzinfo=Z)


def _november() -> list[dict[str, Any]]:
    """Office 1: 10 due, 8 closed in time, 2 late. Office 2: 6 closed in time, 4 open; 3 more received
    on Nov 20 and not yet dispatched."""
    due = {"dispatched_at": RECEIVED + timedelta(hours=1), "deadline_at": DEADLINE}
    rows = [
        case_row(n, RECEIVED, status=_S.CLOSED, closed_at=DEADLINE - timedelta(hours=3), **due)
        for n in range(1, 9)
    ]
    rows += [
        case_row(n, RECEIVED, status=_S.CLOSED, closed_at=DEADLINE + timedelta(days=1), **due)
        for n in (9, 10)
    ]
    rows += [
        case_row(n, RECEIVED, office_id=2, status=_S.CLOSED, closed_at=DEADLINE - timedelta(hours=3), **due)
        for n in range(11, 17)
    ]
    rows += [case_row(n, RECEIVED, office_id=2, status=_S.DISPOSING, **due) for n in range(17, 21)]
    later = datetime(2026, 11, 20, 10, tzinfo=Z)
    rows += [case_row(n, later, office_id=2, status=_S.RECEIVED) for n in range(21, 24)]
    return rows


@pytest.fixture
def district(store: Store) -> Store:
    load_two_offices(store, _november())
    return store


def test_report_figures_are_the_indicator_functions(district: Store) -> None:
    leader = services_for(district, UserRole.LEADER)
    report = leader.reports.report("monthly", "2026-11")
    ranking = leader.assessments.ranking("2026-11")
    table = leader.indicators.table("2026-11")
    ranked, indicators = report.tables
    assert [row[1] for row in ranked.rows] == [row.office for row in ranking.rows]
    assert [row[9] for row in ranked.rows] == [row.final for row in ranking.rows]
    assert [row[10] for row in ranked.rows] == [row.reward_cny for row in ranking.rows]
    assert list(indicators.rows) == [indicator_cells(row) for row in table.rows]
    assert indicators.total == indicator_cells(table.total)
    figures = {figure.label: figure.value for figure in report.figures}
    assert figures["受理数"] == table.total.indicators.received == 23
    assert figures["按期结案率"] == table.total.indicators.on_time_rate == 14 / 20
    trend = report.charts[2]
    assert trend.labels[0] == "11-01"
    assert len(trend.labels) == 30
    received, closed = trend.series
    assert received.values[1] == 20
    assert received.values[19] == 3
    assert sum(received.values) == 23
    assert sum(closed.values) == 16
    assert report.span == "2026-11-01 至 2026-11-30"


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_text_is_chinese_with_the_figures_and_the_font_embedded(district: Store, tmp_path: Path) -> None:
    leader = services_for(district, UserRole.LEADER)
    report = leader.reports.report("monthly", "2026-11")
    path = tmp_path / "monthly.pdf"
    write_report(report, Format.PDF, path)
    text = _pdf_text(path)
    assert "城市管理月度考核通报（2026-11）" in text
    for row in leader.indicators.table("2026-11").rows:
        counts = row.indicators
        assert row.name in text
        assert cell_text(counts.on_time_rate, Shown.RATE) in text
    for row in leader.assessments.ranking("2026-11").rows:
        assert cell_text(row.final, Shown.SCORE) in text
        assert cell_text(row.reward_cny, Shown.MONEY) in text
    fonts = [font.get_object() for font in PdfReader(path).pages[0]["/Resources"]["/Font"].values()]
    chinese = [font for font in fonts if font["/Subtype"] == "/TrueType"]
    assert chinese  # a TrueType subset with its outlines in the file: the text stays text
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in chinese)


def test_workbook_holds_the_same_numbers(district: Store, tmp_path: Path) -> None:
    leader = services_for(district, UserRole.LEADER)
    report = leader.reports.report("monthly", "2026-11")
    path = tmp_path / "monthly.xlsx"
    write_report(report, Format.XLSX, path)
    book = load_workbook(path)
    assert book.sheetnames[:3] == ["概要", "考核排名", "考核指标"]
    sheet = book["考核指标"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    table = leader.indicators.table("2026-11")
    assert rows[0][:3] == ["办事处", "受理数", "立案数"]
    expected = [indicator_cells(row) for row in [*table.rows, table.total]]
    assert rows[1:] == [["—" if value is None else value for value in row] for row in expected]
    assert sheet.cell(2, 10).number_format == "0.00%"
    money = [row[10] for row in book["考核排名"].iter_rows(min_row=2, values_only=True)]
    assert sum(money) == 0


def test_an_office_user_gets_their_office_only(district: Store, tmp_path: Path) -> None:
    office = services_for(district, UserRole.OFFICE, office_id=2)
    report = office.reports.report("monthly", "2026-11")
    ranked, indicators = report.tables
    assert [row[0] for row in indicators.rows] == ["淮河路街道"]
    other = next(row for row in ranked.rows if row[1] == "建中街街道")
    assert other[4:] == (None,) * 7  # its place and grade, no figures
    assert sum(report.charts[2].series[0].values) == 13
    path = tmp_path / "office.pdf"
    write_report(report, Format.PDF, path)
    assert "建中街街道" in _pdf_text(path)  # in the ranking only


def test_daily_one_page(district: Store, tmp_path: Path) -> None:
    report = services_for(district, UserRole.SUPERVISOR).reports.daily(date(2026, 11, 20))
    [table] = report.tables
    assert [(row[0], row[1]) for row in table.rows] == [("建中街街道", 0), ("淮河路街道", 3)]
    assert table.total is not None
    assert table.total[1] == 3
    path = tmp_path / "daily.pdf"
    write_report(report, Format.PDF, path)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert "城市管理每日汇总通报（2026-11-20）" in reader.pages[0].extract_text()


def test_a_period_of_another_kind_is_refused(district: Store) -> None:
    with pytest.raises(ValueError, match="2026-W47"):
        services_for(district, UserRole.LEADER).reports.report("monthly", "2026-W47")

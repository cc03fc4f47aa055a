"""The working calendar beyond 2026: the years without a holiday table are named (this year and
next, on the district's clock), and a year's table is imported from a CSV or JSON file through the
settings service — every bad row named, nothing stored on any error, Excel's GBK read, audited."""

from __future__ import annotations

import json
from datetime import date

import pytest

from commandcenter.audit.trail import AuditAction
from commandcenter.district_time import district_clock
from commandcenter.domain.holiday_import import HolidayImportError, RowFault, RowProblem, read_holiday_rows
from commandcenter.domain.holidays import HolidayPeriod
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.settings import DEFAULT_SETTINGS, CalendarSettings, CalendarYear
from commandcenter.persistence.settings.queries import read_settings, settings_revision
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.testing.accounts import services_for

# 国务院办公厅关于2027年部分节假日安排的通知, as an administrator types it (a few holidays).
GOOD_2027 = """日期,类型,名称
2027-01-01,休,元旦
2027-01-02,休,元旦
2027-01-03,休,元旦
2027-02-06,休,春节
2027-02-07,休,春节
2027-02-08,休,春节
2027-02-09,休,春节
2027-02-10,休,春节
2027-02-11,休,春节
2027-02-12,休,春节
2027-02-13,休,春节
2027-02-20,班,春节
2027-10-01,休,国庆节
2027-10-02,休,国庆节
2027-10-03,休,国庆节
2027-10-04,休,国庆节
2027-10-05,休,国庆节
2027-10-06,休,国庆节
2027-10-07,休,国庆节
2027-09-26,班,国庆节
2027-10-09,班,国庆节
"""


def test_the_years_without_a_table_are_named() -> None:
    built_in = DEFAULT_SETTINGS.calendar  # 2026 only
    assert built_in.years_without_holidays(date(2026, 6, 1)) == [2027]
    assert built_in.years_without_holidays(date(2027, 1, 2)) == [2027, 2028]
    empty_2027 = CalendarSettings(years=(*built_in.years, CalendarYear(2027, ())))  # added, never filled
    assert empty_2027.years_without_holidays(date(2026, 12, 2)) == [2027]


def test_the_service_names_the_years_on_the_districts_day(store: Store) -> None:
    operator = services_for(store, UserRole.OPERATOR)  # everyone's status bar asks
    expected = DEFAULT_SETTINGS.calendar.years_without_holidays(district_clock().today())
    assert operator.settings.years_without_holidays() == expected
    assert district_clock().today().year + 1 in expected  # only 2026 is built in


def test_a_csv_becomes_the_years_holidays_with_their_makeup_days() -> None:
    year = read_holiday_rows(GOOD_2027, 2027, json_format=False)
    assert year.holidays == (
        HolidayPeriod("元旦", date(2027, 1, 1), date(2027, 1, 3)),
        HolidayPeriod("春节", date(2027, 2, 6), date(2027, 2, 13), (date(2027, 2, 20),)),
        HolidayPeriod("国庆节", date(2027, 10, 1), date(2027, 10, 7), (date(2027, 9, 26), date(2027, 10, 9))),
    )


def test_every_bad_row_is_named() -> None:
    bad = "\n".join(
        [
            "2027-01-01,休,元旦",
            "2027-13-01,休,元旦",  # 2: no such month
            "2026-12-31,休,元旦",  # 3: last year
            "2027-01-01,休,元旦",  # 4: again
            "2027-05-01,放风,劳动节",  # 5: neither 休 nor 班
            "2027-05-02,休,",  # 6: no name
            "2027-06-12,班,端午节",  # 7: a make-up day of a holiday with no days off
            ",休,清明节",  # 8: no date
        ]
    )
    with pytest.raises(HolidayImportError) as refused:
        read_holiday_rows(bad, 2027, json_format=False)
    assert refused.value.problems == (
        RowProblem(2, RowFault.NOT_A_DATE, ("2027-13-01",)),
        RowProblem(3, RowFault.OUTSIDE_YEAR, ("2026-12-31", "2027")),
        RowProblem(4, RowFault.DUPLICATE_DATE, ("2027-01-01", "1")),
        RowProblem(5, RowFault.UNKNOWN_KIND, ("放风",)),
        RowProblem(6, RowFault.NAME_MISSING),
        RowProblem(7, RowFault.WORKDAY_WITHOUT_HOLIDAY, ("端午节",)),
        RowProblem(8, RowFault.MISSING_FIELD, ("date",)),
    )
    assert "第 3 行 row 3" in str(refused.value)
    assert "2026-12-31 不在 2027 年 is outside 2027" in str(refused.value)


def test_json_and_an_unreadable_file() -> None:
    rows = [
        {"date": "2027-04-05", "kind": "休", "name": "清明节"},
        {"date": "2027-04-06", "kind": "off", "name": "清明节"},
    ]
    year = read_holiday_rows(json.dumps({"days": rows}, ensure_ascii=False), 2027, json_format=True)
    assert year.holidays == (HolidayPeriod("清明节", date(2027, 4, 5), date(2027, 4, 6)),)
    with pytest.raises(HolidayImportError) as refused:
        read_holiday_rows('{"days": 5}', 2027, json_format=True)
    assert refused.value.problems[0].fault is RowFault.NOT_READABLE
    with pytest.raises(HolidayImportError) as empty:
        read_holiday_rows("日期,类型,名称\n", 2027, json_format=False)
    assert empty.value.problems == (RowProblem(0, RowFault.NO_ROWS),)


def test_an_import_through_the_service_is_stored_and_audited(store: Store) -> None:
    admin = services_for(store, UserRole.ADMIN, username="it-li")
    saved = admin.settings.import_holidays(2027, GOOD_2027.encode("gbk"), "2027节假日.csv")  # Excel's GBK
    assert saved.revision == 1
    years = {entry.year: entry for entry in read_settings(store).settings.calendar.years}
    assert sorted(years) == [2026, 2027]
    assert [holiday.name for holiday in years[2027].holidays] == ["元旦", "春节", "国庆节"]
    assert years[2026].holidays == DEFAULT_SETTINGS.calendar.years[0].holidays  # the other year untouched
    calendar = read_settings(store).settings.working_calendar()
    assert not calendar.is_working_day(date(2027, 10, 4))
    assert calendar.is_working_day(date(2027, 9, 26))  # a Sunday worked (调休)
    [record] = admin.audit_log.recent()
    assert (record.actor, record.action) == ("it-li", AuditAction.SETTING_CHANGE)
    assert record.details["import"] == "2027节假日.csv"
    assert (record.details["year"], record.details["holidays"], record.details["days_off"]) == (2027, 3, 18)
    assert "calendar.years" in record.details["changes"]


def test_nothing_is_stored_on_a_bad_file_or_for_a_non_administrator(store: Store) -> None:
    admin = services_for(store, UserRole.ADMIN)
    with pytest.raises(HolidayImportError):
        admin.settings.import_holidays(2027, (GOOD_2027 + "2028-01-01,休,元旦\n").encode(), "bad.csv")
    supervisor = services_for(store, UserRole.SUPERVISOR, username="chief")
    with pytest.raises(PermissionDenied):
        supervisor.settings.import_holidays(2027, GOOD_2027.encode(), "2027.csv")
    assert settings_revision(store) == 0
    assert [r.action for r in admin.audit_log.recent()] == ["access_denied"]

"""The four office modules do their office's work: 三会 follow-ups, the volunteer roster, the
kiosks with duty staff and the 嵩山路 assessment scores."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.store import Store
from commandcenter.plugins_api import InvalidEntry, PluginContext, PostIndicators
from commandcenter.testing.indicator_cases import case_row, store_rows
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.plugins import context_for
from plugins.fuhua_volunteers import roster
from plugins.jianzhong_kiosks import kiosks
from plugins.songshan_assessment.scoring import score_chiefs
from plugins.wulibao_sanhui import records


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def context_of(store: Store, plugin_id: str) -> PluginContext:
    """The context the host would hand the plugin (its migrations run first)."""
    return context_for(store, plugin_id)


def test_sanhui_meeting_follow_ups_track_owner_due_date_and_status(district: Store) -> None:
    context = context_of(district, "wulibao_sanhui")
    meeting = records.add_meeting(context, "路长例会", "2026-11-20", "大学路占道经营整治", "各路长")
    records.add_decision(context, meeting, "早晚高峰加派巡查")
    late = records.add_followup(context, meeting, "大学路早市清理", "李明", "2026-11-22")
    records.add_followup(context, meeting, "大学路夜市规范", "王芳", "2026-12-30")
    assert records.open_counts(context, today=date(2026, 11, 27)) == (2, 1)
    assert records.finish_followup(context, late, today=date(2026, 11, 27))
    assert records.open_counts(context, today=date(2026, 11, 27)) == (1, 0)
    with pytest.raises(InvalidEntry, match="会议类型"):
        records.add_meeting(context, "茶话会", "2026-11-20", "x")
    assert records.meetings(context)[0]["topic"] == "大学路占道经营整治"


@pytest.mark.parametrize(
    ("utc", "local_day"),
    [
        (datetime(2026, 5, 11, 19, 0, tzinfo=UTC), date(2026, 5, 12)),  # 03:00 in Zhengzhou
        (datetime(2026, 5, 12, 6, 0, tzinfo=UTC), date(2026, 5, 12)),  # 14:00
        (datetime(2026, 5, 12, 15, 59, tzinfo=UTC), date(2026, 5, 12)),  # 23:59
    ],
)
def test_sanhui_today_is_the_offices_calendar_day_at_any_hour(utc: datetime, local_day: date) -> None:
    assert records.local_today(utc) == local_day


def test_kiosks_are_added_on_the_offices_segments_with_duty_staff_and_drawn(district: Store) -> None:
    context = context_of(district, "jianzhong_kiosks")
    assert kiosks.kiosks(context) == []  # nothing invented on first use
    segment = context.segments("建中街街道")[0]
    assert kiosks.segment_choices(context) == [(f"{segment.number} {segment.name}", segment.id)]
    kiosks.add_kiosk(context, "大学路工作亭", segment.id, "8:00-18:00", "张伟", "13800000000")
    rows = kiosks.kiosks(context)
    assert [(row["name"], row["segment"], row["duty_name"]) for row in rows] == [
        ("大学路工作亭", segment.name, "张伟")
    ]
    assert kiosks.set_duty(context, rows[0]["id"], "接班人", "13800000001")
    layer = kiosks.layer(context)
    assert len(layer.points) == 1
    assert "接班人" in layer.points[0].label
    with pytest.raises(InvalidEntry, match="路段"):
        kiosks.add_kiosk(context, "无路段的亭", None)


def test_songshan_scores_its_road_chiefs_with_the_district_indicators() -> None:
    def row(
        staff_id: int, due: int, closed: int, on_time: int, overdue: int, score: float | None
    ) -> PostIndicators:
        return PostIndicators(staff_id, "2026-11", due, due, due, closed, on_time, 0, overdue, score)

    indicators = [row(1, 10, 10, 10, 0, 100.0), row(2, 4, 2, 1, 2, 43.0)]
    scores = score_chiefs([(1, "甲", 10), (2, "乙", 20), (3, "丙", 30)], indicators)
    assert [s.name for s in scores] == ["甲", "乙", "丙"]  # 丙: nothing due, no score, last
    by_name = {score.name: score for score in scores}
    assert by_name["甲"].score == 100.0
    assert by_name["乙"].score == pytest.approx(43.0 - 2 * 1.5)
    assert by_name["乙"].on_time_rate == 0.25
    assert by_name["丙"].score is None


def test_songshan_reads_the_periods_indicators_through_the_api(district: Store) -> None:
    """``post_indicators`` (API 1.2) counts a 路长's November under the district's period rules."""
    district.execute_raw("UPDATE offices SET name = '嵩山路街道'")
    zone = ZoneInfo("Asia/Shanghai")
    received = datetime(2026, 11, 20, 9, tzinfo=zone)
    due = {"dispatched_at": received, "deadline_at": received + timedelta(days=1), "staff_id": 1}
    store_rows(
        district,
        Case,
        [
            case_row(900, received, status=CaseStatus.CLOSED, closed_at=received + timedelta(hours=3), **due),
            case_row(901, received, status=CaseStatus.DISPOSING, **due),
            case_row(902, datetime(2026, 10, 1, tzinfo=zone), status=CaseStatus.RECEIVED, staff_id=1),
        ],
    )
    context = context_of(district, "songshan_assessment")
    [november] = context.post_indicators("嵩山路街道", "2026-11")
    assert (november.staff_id, november.due, november.closed, november.overdue_open) == (1, 2, 1, 1)
    assert november.on_time_rate == 0.5
    assert november.score is not None
    assert context.post_indicators("不存在街道", "2026-11") == []
    with pytest.raises(ValueError, match="invalid period"):
        context.post_indicators("嵩山路街道", "2026-13")


def test_volunteers_are_added_to_segments_and_mapped_per_segment(district: Store) -> None:
    district.execute_raw("UPDATE offices SET name = '福华街街道'")  # the minimal district's one office
    context = context_of(district, "fuhua_volunteers")
    segment = context.segments("福华街街道")[0]
    assert roster.roster(context) == []  # a production office starts with its own, empty roster
    roster.add_volunteer(context, "周敏", "机关党支部", "13900000000", segment.id, "周日上午")
    roster.add_volunteer(context, "孙丽", "机关党支部", "13900000001", segment.id, "周六上午")
    rows = roster.roster(context)
    assert [row["name"] for row in rows] == ["周敏", "孙丽"]
    assert rows[-1]["segment"] == segment.name
    layer = roster.layer(context)
    assert len(layer.points) == 1
    assert "2 名" in layer.points[0].label
    assert len(layer.polylines) == 1
    with pytest.raises(InvalidEntry, match="姓名"):
        roster.add_volunteer(context, "", "x", "", segment.id, "")

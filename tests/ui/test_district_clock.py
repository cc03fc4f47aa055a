"""One clock on the screen: a workstation set to UTC or New York shows the district's time (Shanghai)
in the header, the queue, the pop-up's deadline and the status bar — the same day the case number
carries — because every widget formats through ``ui.district_time``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.domain.cases import NewCase
from commandcenter.persistence.cases.categories import category_codes
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from ui.admin.audit_words import local_time as audit_time
from ui.main_window import MainWindow
from ui.map.unit_card import epoch_clock_text
from ui.tracks.track_rows import clock_text as track_clock_text
from ui.video.tile_caption import TileCaption

SHANGHAI = ZoneInfo("Asia/Shanghai")
OpenWindow = Callable[..., MainWindow]


def _seconds_apart(shown: str, expected: datetime) -> float:
    """How far a shown ``HH:MM:SS`` is from ``expected`` (its wall clock), across midnight too."""
    hours, minutes, seconds = (int(part) for part in shown.split(":"))
    shown_s = hours * 3600 + minutes * 60 + seconds
    expected_s = expected.hour * 3600 + expected.minute * 60 + expected.second
    apart = abs(shown_s - expected_s)
    return min(apart, 86_400 - apart)


@pytest.mark.parametrize("workstation", ["UTC", "America/New_York"])
def test_the_window_shows_the_districts_time_on_a_workstation_in_another_zone(
    qtbot: QtBot,
    open_window: OpenWindow,
    district_store: Store,
    workstation_zone: Callable[[str], None],
    workstation: str,
) -> None:
    workstation_zone(workstation)
    window = open_window()
    window.header._tick()
    assert _seconds_apart(window.header.clock.text(), datetime.now(SHANGHAI)) <= 2
    assert _seconds_apart(window.header.clock.text(), datetime.now().astimezone()) > 3600  # not the machine's
    shanghai_today = datetime.now(SHANGHAI).date()
    assert str(shanghai_today.day) in window.header.date.text()

    now = datetime.now(UTC).replace(microsecond=0)
    deadline = now + timedelta(hours=2)
    report = NewCase(
        category_codes(district_store)[0],
        "市民上报",
        "井盖缺失",
        "大学路",
        113.64,
        34.73,
        "测试",
        deadline_at=deadline,
    )
    new_id = create_case(district_store, report, now=now)
    qtbot.waitUntil(lambda: window.cases.model.row_of(new_id) is not None, timeout=20_000)
    row = window.cases.model.row_of(new_id)
    assert row is not None
    model = window.cases.model
    shown_time = model.index(row, model.TIME).data()
    assert shown_time == now.astimezone(SHANGHAI).strftime("%m-%d %H:%M")
    number = model.index(row, model.NUMBER).data()
    assert number.startswith(
        now.astimezone(SHANGHAI).strftime("%Y%m%d")
    )  # the queue's clock and the number agree

    window.popup.show_case(model.case_at(row))  # 派遣… from the queue
    assert deadline.astimezone(SHANGHAI).strftime("%m-%d %H:%M") in window.popup.deadline.text()
    assert now.astimezone(SHANGHAI).strftime("%m-%d %H:%M") in window.popup.category.text()

    qtbot.waitUntil(lambda: bool(window.status.last_snapshot is not None), timeout=20_000)
    checked = window.status.last_snapshot.checked_at  # type: ignore[union-attr]
    assert window.status.checked.text().endswith(checked.astimezone(SHANGHAI).strftime("%H:%M:%S"))


def test_lists_and_tracks_format_in_the_district_zone(workstation_zone: Callable[[str], None]) -> None:
    workstation_zone("UTC")
    moment = datetime(2026, 12, 1, 16, 30, 5, tzinfo=UTC)  # 00:30:05 on 2 December in Shanghai
    assert audit_time(moment) == "2026-12-02 00:30:05"
    assert track_clock_text(moment.timestamp()) == "00:30:05"
    assert epoch_clock_text(moment.timestamp()) == "00:30:05"


def test_another_configured_zone_is_followed(
    qtbot: QtBot, open_window: OpenWindow, district_zone: Callable[[str], None]
) -> None:
    district_zone("Asia/Urumqi")  # a district two hours behind Beijing's clock
    window = open_window()
    window.header._tick()
    assert _seconds_apart(window.header.clock.text(), datetime.now(ZoneInfo("Asia/Urumqi"))) <= 2
    assert window.tracks.end_edit.timeZone().id().data().decode() == "Asia/Urumqi"


def test_a_tile_caption_shows_the_districts_clock(
    qtbot: QtBot, workstation_zone: Callable[[str], None]
) -> None:
    workstation_zone("America/New_York")
    caption = TileCaption()
    qtbot.addWidget(caption)
    caption.tick("")
    assert _seconds_apart(caption.text.clock, datetime.now(SHANGHAI)) <= 2

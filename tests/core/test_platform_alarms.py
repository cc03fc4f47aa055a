"""Device alarms from the loopback WVP: read once per desk, classified (GB/T 28181 method/type, a TDM
terminal's face hit), named with their camera, and the kinds a rule names filed as a case through
intake — once per alarm, whichever desk polls first; a leader sees them but files nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.config import PlatformSettings
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.platform_alarms import PLATFORM_ALARM_SOURCE, AlarmKind
from commandcenter.services.platform_service import PlatformService
from commandcenter.testing.accounts import services_for
from commandcenter.testing.demo_district import DemoDistrict, demo_district, middle_of
from commandcenter.testing.wvp_platform import FakeWvpPlatform, running_platform

TIME = "2026-12-02 18:00:00"


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDistrict]:
    with demo_district(Path(tmp_path_factory.mktemp("alarms"))) as built:
        yield built


@pytest.fixture
def wvp(district: DemoDistrict) -> Iterator[FakeWvpPlatform]:
    with running_platform(devices=1, channels_per_device=3) as platform:
        for channel in platform.channels:
            channel.lon, channel.lat = middle_of(district.segments[0])
        yield platform


def desk(
    district: DemoDistrict, wvp: FakeWvpPlatform, role: UserRole = UserRole.OPERATOR, name: str = "二七区平台"
) -> PlatformService:
    category = next(code for code, spec in sorted(district.categories.items()) if not spec.photo_required)
    settings = PlatformSettings(name, wvp.url, alarm_cases=(("intrusion", category),))
    service = services_for(district.store, role).platform_video([settings])
    assert service is not None
    assert service.alarms is not None
    return service  # not listed: the alarms' first poll lists the platform for their cameras' names


def alarm_cases(district: DemoDistrict) -> int:
    rows = district.store.execute_raw(f"SELECT COUNT(*) FROM cases WHERE source = '{PLATFORM_ALARM_SOURCE}'")
    return int(rows[0][0])


def test_ruled_alarms_become_one_case_whichever_desk_polls(
    district: DemoDistrict, wvp: FakeWvpPlatform
) -> None:
    before = alarm_cases(district)
    first, second, third = wvp.channels
    wvp.add_alarm(first, 5, 6, "区域入侵", TIME)
    wvp.add_alarm(second, 5, 2, "布控人脸比中：张某", TIME)
    wvp.add_alarm(third, 2, 1, "视频丢失", TIME)
    operator = desk(district, wvp)
    assert operator.alarms is not None
    alarms = operator.alarms.poll()
    assert [(a.kind, a.camera_name) for a in alarms] == [
        (AlarmKind.INTRUSION, first.name),
        (AlarmKind.FACE, second.name),
        (AlarmKind.VIDEO_LOSS, third.name),
    ]
    intrusion = alarms[0]
    assert intrusion.case_id is not None
    assert [a.case_id for a in alarms[1:]] == [None, None]  # no rule names them
    assert alarm_cases(district) == before + 1
    assert operator.alarms.poll() == []  # nothing new on this desk

    other = desk(district, wvp, UserRole.SUPERVISOR)
    assert other.alarms is not None
    seen = other.alarms.poll()
    assert seen[0].case_id == intrusion.case_id  # found filed, not filed again
    assert alarm_cases(district) == before + 1

    wvp.add_alarm(first, 5, 5, "绊线入侵", TIME)
    (fresh,) = operator.alarms.poll()
    assert fresh.kind is AlarmKind.INTRUSION
    assert fresh.case_id is not None  # its own alarm id: filed (intake may merge it into the first case)


def test_a_leader_sees_alarms_and_files_none(district: DemoDistrict, wvp: FakeWvpPlatform) -> None:
    before = alarm_cases(district)
    wvp.add_alarm(wvp.channels[0], 5, 6, "区域入侵", TIME)
    leader = desk(district, wvp, UserRole.LEADER, name="另一平台")  # its alarm ids are its own
    assert leader.alarms is not None
    (alarm,) = leader.alarms.poll()
    assert (alarm.kind, alarm.case_id) == (AlarmKind.INTRUSION, None)
    assert alarm_cases(district) == before


def test_a_platform_that_is_down_gives_no_alarms_and_no_error(
    district: DemoDistrict, wvp: FakeWvpPlatform
) -> None:
    service = desk(district, wvp)
    assert service.alarms is not None
    wvp.token = "required-now"
    assert service.alarms.poll() == []


def test_a_channel_going_offline_is_an_alarm(district: DemoDistrict, wvp: FakeWvpPlatform) -> None:
    service = desk(district, wvp, name="离线平台")
    assert service.alarms is not None
    service.list_cameras()
    wvp.channels[1].online = False
    service.list_cameras()  # the tree's periodic refresh
    (alarm,) = service.alarms.poll()
    assert (alarm.kind, alarm.channel_id, alarm.camera_name) == (
        AlarmKind.DEVICE_OFFLINE,
        wvp.channels[1].channel_id,
        wvp.channels[1].name,
    )
    assert alarm.device_id == wvp.channels[1].device_id
    service.list_cameras()
    assert service.alarms.poll() == []  # still offline: said once


def test_a_later_wvp_naming_the_query_list_is_read_too(district: DemoDistrict, wvp: FakeWvpPlatform) -> None:
    wvp.alarm_route = "list"
    wvp.add_alarm(wvp.channels[2], 2, 1, "视频丢失", TIME)
    service = desk(district, wvp, name="新版平台")
    assert service.alarms is not None
    assert [alarm.kind for alarm in service.alarms.poll()] == [AlarmKind.VIDEO_LOSS]

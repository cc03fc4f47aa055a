"""Steering a platform's dome camera through the service: the loopback WVP receives the documented
front-end calls, operators and supervisors may and leaders may not, every movement is audited under
the person, and a refusal by the platform (device held by another user, offline) reaches the caller."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from commandcenter.audit.trail import AuditAction
from commandcenter.catalog.wvp_ptz import LensMove, Preset, PtzMove
from commandcenter.config import PlatformSettings
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied, PlatformError
from commandcenter.services.platform_service import PlatformService
from commandcenter.testing.accounts import services_for
from commandcenter.testing.wvp_platform import FakeWvpPlatform, running_platform


@pytest.fixture
def wvp() -> Iterator[FakeWvpPlatform]:
    with running_platform(devices=1, channels_per_device=2) as platform:
        yield platform


def desk(store: Store, wvp: FakeWvpPlatform, role: UserRole = UserRole.OPERATOR) -> PlatformService:
    service = services_for(store, role).platform_video([PlatformSettings("二七区平台", wvp.url)])
    assert service is not None
    service.list_cameras()
    return service


def test_an_operator_steers_and_every_movement_is_audited(store: Store, wvp: FakeWvpPlatform) -> None:
    code = wvp.channels[0].channel_id
    service = desk(store, wvp)
    assert service.may_steer(code)
    service.move(code, PtzMove.LEFT, speed=1.0)
    service.move(code, PtzMove.STOP)
    service.move(code, PtzMove.ZOOM_IN, speed=0.2)
    service.lens(code, LensMove.FOCUS_NEAR)
    service.lens(code, LensMove.IRIS_OPEN)
    service.set_preset(code, 3, "路口全景")
    service.go_to_preset(code, 3)
    service.start_cruise(code, 1)
    sent = [
        (kind, query.get("command"), query.get("horizonSpeed", query.get("speed")))
        for kind, *_, query in wvp.commands
    ]
    assert sent[:5] == [
        ("ptz", "left", "255"),
        ("ptz", "stop", "128"),
        ("ptz", "zoomin", "51"),
        ("fi/focus", "near", "128"),
        ("fi/iris", "in", "128"),
    ]
    assert wvp.commands[2][3]["zoomSpeed"] == "3"
    assert [kind for kind, *_ in wvp.commands[5:]] == ["preset/add", "preset/call", "cruise/start"]
    assert service.presets(code) == [Preset(3, "路口全景")]
    records = services_for(store, UserRole.SUPERVISOR).audit_log.recent()
    steering = [r for r in records if r.action == AuditAction.PTZ_COMMAND]
    assert {(r.actor, r.target) for r in steering} == {("operator1", f"camera:{code}")}
    assert [r.details["command"] for r in steering] == [
        "left", "zoomin", "focus:near", "iris:in", "set_preset", "preset", "cruise"
    ]  # fmt: skip


def test_a_leader_may_watch_but_not_steer(store: Store, wvp: FakeWvpPlatform) -> None:
    code = wvp.channels[0].channel_id
    service = desk(store, wvp, UserRole.LEADER)
    assert not service.may_steer(code)
    with pytest.raises(PermissionDenied):
        service.move(code, PtzMove.UP)
    assert wvp.commands == []
    assert desk(store, wvp, UserRole.SUPERVISOR).may_steer(code)


def test_the_platforms_refusal_reaches_the_caller(store: Store, wvp: FakeWvpPlatform) -> None:
    service = desk(store, wvp)
    held, offline = wvp.channels[0], wvp.channels[1]
    wvp.locked.add(held.channel_id)
    with pytest.raises(PlatformError, match="云台已被其他用户锁定"):
        service.move(held.channel_id, PtzMove.UP)
    offline.online = False
    with pytest.raises(PlatformError, match="设备离线"):
        service.go_to_preset(offline.channel_id, 1)
    with pytest.raises(PlatformError, match="not on a GB/T 28181 platform"):
        service.move("db-camera", PtzMove.UP)
    with pytest.raises(PlatformError, match="outside 1–255"):
        service.set_preset(held.channel_id, 0, "x")

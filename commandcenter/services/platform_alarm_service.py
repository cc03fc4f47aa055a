"""The GB/T 28181 platforms' device alarms as the signed-in principal sees them: polled from every
platform, each named with its camera, and — when the seat's rule (``alarm_cases``: alarm kind → case
category) names its kind and the principal files reports — filed as a case through the workstation's
one intake (``CaseIntake.receive``), once per alarm whatever the number of desks: the link row in
``platform_alarm_cases`` is written in the case's own transaction and unique per alarm.

Calls block (HTTP, database): call them off the Qt thread.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from datetime import datetime

from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.catalog.platform_catalog import PlatformCatalog
from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp_alarms import AlarmPoll
from commandcenter.district_time import district_clock
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.platform_alarms import (
    PLATFORM_ALARM_REPORTER,
    PLATFORM_ALARM_SOURCE,
    AlarmAlreadyFiled,
    AlarmKind,
    PlatformAlarm,
)
from commandcenter.persistence.platform_alarms.queries import filed_cases, link_along
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded

log = logging.getLogger(__name__)
KIND_NAMES = {
    AlarmKind.FACE: "人脸识别报警",
    AlarmKind.INTRUSION: "区域入侵报警",
    AlarmKind.VIDEO_LOSS: "视频丢失报警",
    AlarmKind.DEVICE_FAULT: "设备故障报警",
    AlarmKind.DEVICE_OFFLINE: "设备离线",
    AlarmKind.OTHER: "设备报警",
}


class PlatformAlarmService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        catalog: PlatformCatalog,
        rules: Mapping[tuple[str, str], str],
        *,
        intake: CurrentIntake,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``rules``: (platform name, alarm kind) → the category code its alarms are filed under."""
        super().__init__(store, principal, audit=audit, clock=clock)
        self.catalog = catalog
        self.rules = dict(rules)
        self._intake = intake
        self._polls = [AlarmPoll(source) for source in catalog.sources]

    def poll(self) -> list[PlatformAlarm]:
        """The alarms new since the last poll, oldest first, the ones a rule names filed (or found filed)."""
        self._any_reader("platform_alarms")
        fresh: list[PlatformAlarm] = []
        for poll in self._polls:
            try:
                fresh.extend(poll.poll())
            except CatalogError as error:  # one platform down: the others' alarms still come
                log.warning("platform %s alarms not read: %s", poll.source.name, error)
        fresh.extend(self._offline_alarms())
        if fresh:
            self.catalog.ensure_listed()
        named = [self._named(alarm) for alarm in fresh]
        return [self._filed_if_ruled(alarm) for alarm in self._with_cases(named)]

    def _offline_alarms(self) -> list[PlatformAlarm]:
        """Channels the tree's last refresh found gone offline, as alarms; the id names the channel
        and the district's minute, so desks that notice it in the same minute file it once."""
        moment = district_clock().local(self.clock())
        alarms = []
        for platform, camera in self.catalog.drain_offline():
            source = self.catalog.source_of(camera.code)
            alarms.append(
                PlatformAlarm(
                    platform=platform,
                    alarm_id=f"offline:{camera.code}:{moment:%Y%m%d%H%M}",
                    device_id=source.device_of(camera.code) if source is not None else "",
                    channel_id=camera.code,
                    kind=AlarmKind.DEVICE_OFFLINE,
                    priority=3,
                    time=f"{moment:%Y-%m-%d %H:%M:%S}",
                    description=f"{camera.office or ''}通道离线",
                    lon=camera.lon,
                    lat=camera.lat,
                )
            )
        return alarms

    def _named(self, alarm: PlatformAlarm) -> PlatformAlarm:
        camera = self.catalog.camera(alarm.channel_id)
        if camera is None:
            return alarm
        lon, lat = (alarm.lon, alarm.lat) if alarm.lon is not None else (camera.lon, camera.lat)
        return dataclasses.replace(alarm, camera_name=camera.name, lon=lon, lat=lat)

    def _with_cases(self, alarms: list[PlatformAlarm]) -> list[PlatformAlarm]:
        known: dict[tuple[str, str], int] = {}
        for platform in {alarm.platform for alarm in alarms}:
            ids = [alarm.alarm_id for alarm in alarms if alarm.platform == platform]
            known.update(
                {
                    (platform, alarm_id): case
                    for alarm_id, case in filed_cases(self.store, platform, ids).items()
                }
            )
        return [dataclasses.replace(alarm, case_id=known.get(alarm.key)) for alarm in alarms]

    def _filed_if_ruled(self, alarm: PlatformAlarm) -> PlatformAlarm:
        category = self.rules.get((alarm.platform, alarm.kind.value))
        if category is None or alarm.case_id is not None or not self.principal.can(Permission.FILE_REPORT):
            return alarm
        if alarm.lon is None or alarm.lat is None:
            log.warning("platform alarm %s:%s has no place: not filed", *alarm.key)
            return alarm
        return dataclasses.replace(alarm, case_id=self._file(alarm, category))

    def _file(self, alarm: PlatformAlarm, category: str) -> int | None:
        assert alarm.lon is not None
        assert alarm.lat is not None
        where = alarm.camera_name or alarm.channel_id
        report = IncomingReport(
            category_code=category,
            lon=alarm.lon,
            lat=alarm.lat,
            source=PLATFORM_ALARM_SOURCE,
            reporter=PLATFORM_ALARM_REPORTER,
            description=f"{KIND_NAMES[alarm.kind]}：{alarm.description}（{where}，{alarm.time}）",
            address=f"{where}（{alarm.channel_id}）",
        )
        now = self.clock()
        intake = self._intake.current()
        assert intake is not None  # only advice waits for a district
        try:
            outcome = intake.receive(report, now, along=link_along(alarm, now, self.principal.username))
        except AlarmAlreadyFiled:
            return filed_cases(self.store, alarm.platform, [alarm.alarm_id]).get(alarm.alarm_id)
        if outcome.case_id is None:
            log.warning("platform alarm %s:%s not filed: %s", *alarm.key, outcome.result.rejections)
            return None
        details = {"source": PLATFORM_ALARM_SOURCE, "category": category, "merged": outcome.merged}
        self._record(
            AuditAction.CASE_FILED, f"case:{outcome.case_id}", details | {"alarm": ":".join(alarm.key)}
        )
        return outcome.case_id

"""Reading and writing ``platform_alarm_cases``: which alarms are filed, and the link written in the
case's own transaction (an ``AlongWith`` for ``CaseIntake.receive``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from commandcenter.domain.platform_alarms import AlarmAlreadyFiled, PlatformAlarm
from commandcenter.persistence.access import read_rows
from commandcenter.persistence.cases.along import AlongWith, Written
from commandcenter.persistence.platform_alarms.models import PlatformAlarmCase
from commandcenter.persistence.store import Store


def filed_cases(store: Store, platform: str, alarm_ids: Iterable[str]) -> dict[str, int]:
    """Alarm id → its case, for those of ``alarm_ids`` already filed."""
    ids = list(alarm_ids)
    if not ids:
        return {}
    table = PlatformAlarmCase
    rows = read_rows(
        store,
        select(table.alarm_id, table.case_id).where(table.platform == platform, table.alarm_id.in_(ids)),
    )
    return {str(alarm_id): int(case_id) for alarm_id, case_id in rows}


def link_along(alarm: PlatformAlarm, when: datetime, by: str) -> AlongWith:
    """The link row, written with the case; a second desk's insert fails and rolls its case back."""

    def write(connection: Connection, written: Written) -> None:
        if written.case_id is None:
            return  # 待甄别: no case yet, the alarm may be filed again once accepted
        values = {
            "platform": alarm.platform,
            "alarm_id": alarm.alarm_id,
            "kind": alarm.kind.value,
            "case_id": written.case_id,
            "filed_at": when,
            "filed_by": by,
        }
        try:
            connection.execute(insert(PlatformAlarmCase).values(**values))
        except IntegrityError as error:  # raising rolls the whole intake write back
            raise AlarmAlreadyFiled(f"{alarm.platform}:{alarm.alarm_id}") from error

    return write

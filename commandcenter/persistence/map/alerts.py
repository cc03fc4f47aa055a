"""Stored alerts (table ``map_alerts`` of migration 0008) and their link to the case filed for them.

Alerts are kept so the alert list survives a restart and so "which alerts became cases" can be
answered. Filing goes through intake (``services.alert_service``); this module only records the
link, and only the first one: of two operators filing the same alert at once, the alert keeps one
case (the other report was merged by intake as a duplicate, or stays as its own case).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select, update

from commandcenter.domain.alerts import Alert, AlertKind
from commandcenter.persistence.access import as_utc, read_one, read_rows, writing
from commandcenter.persistence.map.models import MapAlert
from commandcenter.persistence.store import Store


def save_alerts(store: Store, alerts: Sequence[Alert]) -> list[Alert]:
    """Insert alerts in one transaction; returns them with their ids."""
    saved = []
    with writing(store) as connection:
        for alert in alerts:
            row = {f.name: getattr(alert, f.name) for f in dataclasses.fields(alert) if f.name != "id"}
            row["kind"] = alert.kind.value
            new_id = connection.execute(insert(MapAlert).values(**row).returning(MapAlert.id)).scalar_one()
            saved.append(dataclasses.replace(alert, id=int(new_id)))
    return saved


def recent_alerts(store: Store, limit: int = 200, *, since: datetime | None = None) -> list[Alert]:
    """Newest first."""
    statement = select(MapAlert).order_by(MapAlert.raised_at.desc(), MapAlert.id.desc()).limit(limit)
    if since is not None:
        statement = statement.where(MapAlert.raised_at >= since)
    return [
        Alert(
            AlertKind(row.kind),
            row.unit_id,
            row.unit_label,
            as_utc(row.since),
            as_utc(row.raised_at),
            row.lon,
            row.lat,
            row.text,
            row.id,
            row.case_id,
        )
        for row in read_rows(store, statement)
    ]


def alert_case(store: Store, alert_id: int) -> int | None:
    """The case an alert was filed as, if any."""
    row = read_one(store, select(MapAlert.case_id).where(MapAlert.id == alert_id))
    return None if row is None or row[0] is None else int(row[0])


def link_alert_case(store: Store, alert_id: int, case_id: int) -> int:
    """Link the alert to ``case_id`` unless it is linked already; returns the case it is linked to."""
    with writing(store) as connection:
        linked = connection.execute(
            update(MapAlert)
            .where(MapAlert.id == alert_id, MapAlert.case_id.is_(None))
            .values(case_id=case_id)
        )
        if linked.rowcount:
            return case_id
        winner = connection.execute(select(MapAlert.case_id).where(MapAlert.id == alert_id)).scalar()
    return int(winner) if winner is not None else case_id

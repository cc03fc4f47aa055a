"""Stored alerts and truck permits (tables of migration 0008).

Alerts are kept so the alert list survives a restart and so "which alerts became cases" can be
answered; filing one as a case is one call that creates the case and links it to the alert.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import exc, insert, select, update

from commandcenter.domain.alerts import Alert, AlertKind
from commandcenter.persistence.access import as_utc, read_rows, unavailable
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.map.models import MapAlert
from commandcenter.persistence.store import Store
from commandcenter.rules.alerts import alert_to_case


def save_alerts(store: Store, alerts: Sequence[Alert]) -> list[Alert]:
    """Insert alerts in one transaction; returns them with their ids."""
    saved = []
    try:
        with store.engine.begin() as connection:
            for alert in alerts:
                row = {f.name: getattr(alert, f.name) for f in dataclasses.fields(alert) if f.name != "id"}
                row["kind"] = alert.kind.value
                new_id = connection.execute(
                    insert(MapAlert).values(**row).returning(MapAlert.id)
                ).scalar_one()
                saved.append(dataclasses.replace(alert, id=int(new_id)))
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    return saved


def recent_alerts(store: Store, limit: int = 200, *, since: datetime | None = None) -> list[Alert]:
    """Newest first."""
    statement = select(MapAlert).order_by(MapAlert.raised_at.desc(), MapAlert.id.desc()).limit(limit)
    if since is not None:
        statement = statement.where(MapAlert.raised_at >= since)
    rows = read_rows(store, statement)
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
        for row in rows
    ]


def file_alert_as_case(store: Store, alert: Alert, category_code: str | None = None) -> int:
    """Create the case for a stored alert (``alert_to_case``) and link it; returns the case id.
    An alert already filed returns its existing case instead of filing a second one."""
    if alert.id is None:
        raise ValueError("store the alert (save_alerts) before filing it as a case")
    try:
        with store.engine.connect() as connection:
            existing = connection.execute(select(MapAlert.case_id).where(MapAlert.id == alert.id)).scalar()
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    if existing is not None:
        return int(existing)
    case_id = create_case(store, alert_to_case(alert, category_code))
    try:
        with store.engine.begin() as connection:
            # Only the first filing links: of two operators filing at once, the alert keeps one case
            # (the other case stays, as any duplicate report does, for intake to merge).
            linked = connection.execute(
                update(MapAlert)
                .where(MapAlert.id == alert.id, MapAlert.case_id.is_(None))
                .values(case_id=case_id)
            )
            if linked.rowcount == 0:
                winner = connection.execute(select(MapAlert.case_id).where(MapAlert.id == alert.id)).scalar()
                return int(winner) if winner is not None else case_id
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    return case_id

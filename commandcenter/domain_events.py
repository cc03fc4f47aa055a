"""Domain events plugins (and anything else) may follow: a case was created, dispatched or closed,
a unit raised an alert.

They are derived from the live change feed (``persistence.change_feed``), so every workstation hears
of every writer's cases. Handlers run on the feed's thread; ``EventEmitter`` isolates one that
raises. A case created and moved on within one SQLite poll is announced at its current status only
(the created event needs ``version == 1``); dispatched and closed come from the appended workflow
steps and are never missed while connected. ``unit_alert`` re-announces the map-rule alerts
(``follow_alerts``) or whatever else calls ``publish_unit_alert``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from commandcenter.domain.kinds import CaseStatus
from commandcenter.events import EventEmitter
from commandcenter.persistence.change_feed import Change, ChangeFeed


@dataclass(frozen=True)
class CaseEvent:
    case_id: int
    status: str


@dataclass(frozen=True)
class UnitAlert:
    unit_id: int
    kind: str  # e.g. 越界, 停留超时, 超速 (the detector's own Chinese terms)
    message: str


class DomainEvents:
    """One emitter per event; names are the public keys plugins subscribe with."""

    NAMES = ("case_created", "case_dispatched", "case_closed", "unit_alert")

    def __init__(self) -> None:
        self.case_created: EventEmitter[CaseEvent] = EventEmitter("domain.case_created")
        self.case_dispatched: EventEmitter[CaseEvent] = EventEmitter("domain.case_dispatched")
        self.case_closed: EventEmitter[CaseEvent] = EventEmitter("domain.case_closed")
        self.unit_alert: EventEmitter[UnitAlert] = EventEmitter("domain.unit_alert")
        self._feed: ChangeFeed | None = None

    def emitter(self, name: str) -> EventEmitter[CaseEvent] | EventEmitter[UnitAlert]:
        if name not in self.NAMES:
            raise KeyError(f"未知事件 {name!r} (unknown event; one of {', '.join(self.NAMES)})")
        emitter: EventEmitter[CaseEvent] | EventEmitter[UnitAlert] = getattr(self, name)
        return emitter

    def follow(self, feed: ChangeFeed) -> None:
        """Translate the feed's changes from now on (the caller starts and stops the feed)."""
        self._feed = feed
        feed.events.connect(self.on_change)

    def unfollow(self) -> None:
        if self._feed is not None:
            self._feed.events.disconnect(self.on_change)
            self._feed = None

    def on_change(self, change: Change) -> None:
        if change.case_id is None or change.is_resync:
            return
        if change.table == "cases" and change.version == 1:
            self.case_created.emit(CaseEvent(change.case_id, change.status or ""))
        elif change.table == "case_events" and change.status == CaseStatus.DISPATCHED:
            self.case_dispatched.emit(CaseEvent(change.case_id, change.status))
        elif change.table == "case_events" and change.status == CaseStatus.CLOSED:
            self.case_closed.emit(CaseEvent(change.case_id, change.status))

    def publish_unit_alert(self, alert: UnitAlert) -> None:
        self.unit_alert.emit(alert)

    def follow_alerts(self, alerts: EventEmitter[Any]) -> None:
        """Re-announce the map-rule alerts (``rules.watcher.AlertWatcher.alerts``: objects with
        ``unit_id``, ``kind`` and ``text``) as ``unit_alert``; duck-typed, so the core of the rules
        can change without this module following it."""
        alerts.connect(
            lambda alert: self.publish_unit_alert(UnitAlert(alert.unit_id, str(alert.kind), alert.text))
        )

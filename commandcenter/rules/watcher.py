"""Follows the positions table and runs the rules on every new fix, whoever wrote it.

The simulator, the JT/T 808 gateway or a second workstation's import all end in
``record_positions``; reading the new rows by id (``fixes_after``) means the rules need no
hook in any of them, and a restart resumes from the current end rather than replaying a week.
``poll()`` is blocking (one query, one insert): the UI runs it through ``BackgroundPoll``. The rules'
district (segments, sites, permits) is re-read when an audited import or edit on any workstation
changed it (``audit.trail.BASE_DATA_ACTIONS``): a permit's hours changed at one desk apply at all.
"""

from __future__ import annotations

from commandcenter.audit.trail import BASE_DATA_ACTIONS
from commandcenter.domain.alerts import Alert
from commandcenter.events import EventEmitter
from commandcenter.persistence.accounts.audit_log import latest_seq
from commandcenter.persistence.map.alerts import save_alerts
from commandcenter.persistence.map.permits import load_permits
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import FIX_BATCH, feed_summary, fixes_after
from commandcenter.rules.context import load_rule_context
from commandcenter.rules.engine import RuleEngine, RuleSettings


class AlertWatcher:
    """Feeds new fixes to a ``RuleEngine``, stores the alerts it raises and emits them (stored, with ids)."""

    def __init__(
        self, store: Store, settings: RuleSettings | None = None, *, from_start: bool = False
    ) -> None:
        self.store = store
        self.settings = settings
        self.alerts: EventEmitter[Alert] = EventEmitter("rules.stored_alert")
        self._engine: RuleEngine | None = None
        self._after: int | None = 0 if from_start else None
        self._revision = -1  # the newest base-data change the engine was built after

    @property
    def following(self) -> bool:
        """True once the watcher knows where the table ended when it started (after the first poll)."""
        return self._after is not None

    def reload(self) -> None:
        """Re-read segments, units, sites and permits (after an import or a demo reset)."""
        self._engine = RuleEngine(load_rule_context(self.store, load_permits(self.store)), self.settings)

    def poll(self) -> list[Alert]:
        """Evaluate the fixes stored since the last poll; returns the new (stored) alerts."""
        revision = latest_seq(self.store, BASE_DATA_ACTIONS)
        if self._engine is None or revision != self._revision:
            self.reload()  # the episodes under way restart: rare, and never a false alert
            self._revision = revision
        assert self._engine is not None
        if self._after is None:
            self._after = feed_summary(self.store).position_high_water
        raised: list[Alert] = []
        while True:
            fixes, self._after = fixes_after(self.store, self._after)
            raised += self._engine.feed(fixes)
            if len(fixes) < FIX_BATCH:
                break
        saved = save_alerts(self.store, raised) if raised else []
        for alert in saved:
            self.alerts.emit(alert)
        return saved

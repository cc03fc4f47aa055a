"""The intake a long-running process files through, kept as current as the district it screens by.

A workstation's dispatch advice, its alert filing and the demo simulator each hold a ``CaseIntake``
for hours: its ``DistrictIndex`` (segments, offices, staff and their 路长) and category table are read
once, in memory, because every report and every recommendation needs them at once. Another
workstation may meanwhile import the district, edit a record by hand or change a category — each an
audited action (``audit.trail.BASE_DATA_ACTIONS``). ``CurrentIntake.current`` asks for the newest such
audit entry (one indexed read) and rebuilds the intake when it moved, so a 路长 moved at one desk is
the one recommended and screened at every other within one refresh, without a restart.
"""

from __future__ import annotations

import logging
import threading

from commandcenter.audit.trail import BASE_DATA_ACTIONS
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.settings import SettingsSource
from commandcenter.persistence.accounts.audit_log import latest_seq
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.store import Store

log = logging.getLogger(__name__)


class CurrentIntake:
    def __init__(
        self,
        store: Store,
        *,
        rules: CaseRuleSet | None = None,
        settings: SettingsSource | None = None,
        needs_district: bool = False,
    ) -> None:
        """``needs_district``: no intake at all while the district has no office (advice on an empty
        install answers empty instead of failing)."""
        self.store, self.rules, self.settings = store, rules, settings
        self.needs_district = needs_district
        self._intake: CaseIntake | None = None
        self._revision = -1  # the newest base-data change the intake was built after
        self._lock = threading.Lock()

    def built(self) -> CaseIntake | None:
        """The intake as last built, without any I/O (None before the first ``current``)."""
        return self._intake

    def current(self) -> CaseIntake | None:
        """Worker thread: the intake, built or rebuilt if the base data changed since (raises
        ``DatabaseUnavailable``). None only with ``needs_district`` on an empty district."""
        revision = latest_seq(
            self.store, BASE_DATA_ACTIONS
        )  # before the data: a change in between is seen next time
        with self._lock:
            if revision != self._revision:
                if self._revision >= 0:
                    log.info("base data changed (audit entry %s): rebuilding the district index", revision)
                self._intake = self._build()
                self._revision = revision
            return self._intake

    def forget(self) -> None:
        """Build afresh on the next ``current`` (after an outage: the district may have changed)."""
        with self._lock:
            self._revision = -1

    def _build(self) -> CaseIntake | None:
        if self.needs_district and not district_queries.offices(self.store):
            return None
        return CaseIntake.from_store(self.store, rules=self.rules, settings=self.settings)

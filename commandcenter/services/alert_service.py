"""Map-rule alerts through the services: following the positions for new alerts, the list (an office
user sees the alerts of their own office's units), and filing an alert as a case — through intake,
like every report: screened, located, merged into an open duplicate, deadline in working hours, the
office's case rules applied — then linked to the alert and audited under the operator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.alerts import Alert
from commandcenter.domain.settings import SettingsSource
from commandcenter.persistence.map.alerts import alert_case, link_alert_case, recent_alerts
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.tracks import track_units
from commandcenter.rules.alerts import alert_to_report
from commandcenter.rules.watcher import AlertWatcher
from commandcenter.services.guard import Guarded


class AlertNotFiled(ValueError):
    """Intake refused the alert's report (e.g. the place lies outside the district); nothing written."""


@dataclass(frozen=True)
class FiledAlert:
    case_id: int
    merged: bool  # the report joined an open case of the same kind nearby
    already: bool  # the alert had been filed before (by this or another operator)


class AlertService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        rules: CaseRuleSet | None = None,
        settings: SettingsSource | None = None,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
        intake: CurrentIntake | None = None,
    ) -> None:
        """``intake``: the workstation's shared intake (``hub.Services``); else one of its own."""
        super().__init__(store, principal, audit=audit, clock=clock)
        self.rules = rules
        self.settings = settings  # the workstation's live settings: the intake's radii and calendar
        self.watcher = AlertWatcher(store)
        self._intake = intake or CurrentIntake(store, rules=rules, settings=settings)

    def poll(self) -> list[Alert]:
        """Run the rules on the fixes stored since the last poll; the new alerts this principal sees."""
        return self._visible(self.watcher.poll())

    def recent(self, limit: int = 200) -> list[Alert]:
        return self._visible(recent_alerts(self.store, limit))

    def _visible(self, alerts: list[Alert]) -> list[Alert]:
        office = self._office_scope("alerts")
        if office is None:
            return alerts
        mine = {unit.id for unit in track_units(self.store) if unit.office_id == office}
        return [alert for alert in alerts if alert.unit_id in mine]

    def file_as_case(self, alert: Alert, category_code: str | None = None) -> FiledAlert:
        """Raises ``ValueError`` (unsaved alert, no category for its kind), ``AlertNotFiled`` with
        screening's reasons, ``PermissionDenied`` or ``DatabaseUnavailable``."""
        if alert.id is None:
            raise ValueError("store the alert (save_alerts) before filing it as a case")
        self._require(Permission.CENTER_STEPS, f"alert:{alert.id}")
        existing = alert_case(self.store, alert.id)
        if existing is not None:
            return FiledAlert(existing, merged=False, already=True)
        report = alert_to_report(alert, category_code)
        outcome = self._intake_now().receive(report, self.clock())
        if outcome.case_id is None:
            raise AlertNotFiled("；".join(str(reason) for reason in outcome.result.rejections))
        case_id = link_alert_case(self.store, alert.id, outcome.case_id)
        details = {"alert": alert.id, "kind": alert.kind.value, "merged": outcome.merged}
        self._record(AuditAction.CASE_FILED, f"case:{case_id}", details)
        return FiledAlert(case_id, outcome.merged, already=case_id != outcome.case_id)

    def _intake_now(self) -> CaseIntake:
        """Built on the first filing, rebuilt when the district or categories changed since."""
        intake = self._intake.current()
        assert intake is not None  # only advice waits for a district
        return intake

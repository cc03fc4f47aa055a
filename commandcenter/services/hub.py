"""Every service of one signed-in principal, in one object: what the GUI is handed instead of a store.

``MainWindow`` and its widgets reach data only through these (``ui`` may not import
``commandcenter.persistence``: an import-linter contract), so the signed-in user's permissions and
office scope apply to every read and write whatever a screen asks, and refusals are audited under
that user. All services share one audit trail and one clock; the case rules of the office's plugins
(``case_rules``) apply to everything this workstation files through intake, and the district's
settings as this workstation last read them (``live_settings``, refreshed by the window on a
worker) to every intake, board, advice and deadline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.session import Session
from commandcenter.audit.trail import AuditTrail
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.catalog.platform_catalog import PlatformCatalog
from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.config import PlatformSettings
from commandcenter.health import HealthMonitor
from commandcenter.persistence.change_feed import ChangeFeed, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.startup import PluginLauncher
from commandcenter.secrets import platform_secret
from commandcenter.services.admin_service import AdminService
from commandcenter.services.alert_service import AlertService
from commandcenter.services.approval_service import ApprovalService
from commandcenter.services.assessment_service import AssessmentService
from commandcenter.services.assessment_sources import DutyPatrols, InspectionFindings
from commandcenter.services.audit_service import AuditService
from commandcenter.services.camera_service import CameraService
from commandcenter.services.case_service import CaseService
from commandcenter.services.case_video_evidence import CaseVideoEvidence
from commandcenter.services.category_service import CategoryService
from commandcenter.services.consultation_service import ConsultationService
from commandcenter.services.credit_service import CreditService
from commandcenter.services.dispatch_advice import DispatchAdvice
from commandcenter.services.district_check_service import DistrictCheckService
from commandcenter.services.district_data_service import DistrictDataService
from commandcenter.services.district_edit_service import DistrictEditService
from commandcenter.services.district_service import DistrictService
from commandcenter.services.duty_service import DutyService
from commandcenter.services.indicator_service import IndicatorService
from commandcenter.services.inspection_findings import InspectionFindingService
from commandcenter.services.inspection_service import InspectionService
from commandcenter.services.intake_service import IntakeService
from commandcenter.services.live_settings import LiveSettings
from commandcenter.services.map_service import MapService
from commandcenter.services.platform_alarm_service import PlatformAlarmService
from commandcenter.services.platform_service import PlatformService
from commandcenter.services.plugin_service import PluginService
from commandcenter.services.report_service import ReportService
from commandcenter.services.review_service import ReviewService
from commandcenter.services.settings_service import SettingsService
from commandcenter.services.terminal_service import TerminalService
from commandcenter.services.track_service import TrackService
from commandcenter.services.user_service import UserService


class Services:
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        session: Session | None = None,
        case_rules: CaseRuleSet | None = None,
        live_settings: LiveSettings | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.principal = principal
        self.session = session
        self.case_rules = case_rules or CaseRuleSet()
        self.live_settings = live_settings or LiveSettings(store)
        source = self.live_settings.current
        self._store = store
        audit = AuditTrail(store, clock)
        self.cases = CaseService(store, principal, audit=audit, clock=clock)
        self.cases.settings = source
        self.approvals = ApprovalService(store, principal, cases=self.cases, audit=audit, clock=clock)
        self.advice = DispatchAdvice(store, principal, audit=audit, clock=clock)
        self.advice.settings = source
        self.district = DistrictService(store, principal, audit=audit, clock=clock)
        self.district_check = DistrictCheckService(store, principal, audit=audit, clock=clock)
        self.district_data = DistrictDataService(store, principal, audit=audit, clock=clock)
        self.district_edit = DistrictEditService(store, principal, audit=audit, clock=clock)
        self.categories = CategoryService(store, principal, audit=audit, clock=clock)
        self.cameras = CameraService(store, principal, audit=audit, clock=clock)
        self.map = MapService(store, principal, audit=audit, clock=clock)
        self.tracks = TrackService(store, principal, audit=audit, clock=clock)
        intake = CurrentIntake(store, rules=self.case_rules, settings=source)  # one per workstation
        self._current_intake = intake
        self.alerts = AlertService(
            store, principal, rules=self.case_rules, settings=source, audit=audit, clock=clock, intake=intake
        )
        self.review = ReviewService(  # 待甄别: accepted items go through this workstation's intake
            store, principal, rules=self.case_rules, settings=source, audit=audit, clock=clock, intake=intake
        )
        self.intake = IntakeService(store, principal, intake=intake, audit=audit, clock=clock)
        self.admin = AdminService(store, principal, audit=audit, clock=clock)
        self.plugins = PluginService(store, principal, audit=audit, clock=clock)
        self.users = UserService(store, principal, session=session, audit=audit, clock=clock)
        self.audit_log = AuditService(store, principal, audit=audit, clock=clock)
        self.settings = SettingsService(store, principal, audit=audit, clock=clock)
        self.terminals = TerminalService(store, principal, audit=audit, clock=clock)  # 立即定位 …
        self.indicators = IndicatorService(store, principal, audit=audit, clock=clock)  # 考核指标
        self.duty = DutyService(store, principal, audit=audit, clock=clock)  # 勤务: rosters, who is on duty
        self.assessments = AssessmentService(  # 差异化考核, with the 督查 findings' points
            store,
            principal,
            audit=audit,
            clock=clock,
            extra_sources=[InspectionFindings(store)],
        )
        # 巡查 in the daily summary, on the assessment's clock (whatever it is set to later)
        self.assessments.patrols = DutyPatrols(store, lambda: self.assessments.clock())
        self.reports = ReportService(  # 报表: the bulletin and assessment as PDF/Excel, from the two above
            store,
            principal,
            audit=audit,
            clock=clock,
            assessments=self.assessments,
            indicators=self.indicators,
        )
        self.consultations = ConsultationService(store, principal, audit=audit, clock=clock)  # 协商
        self.inspections = InspectionService(store, principal, audit=audit, clock=clock)  # 督查
        self.inspection_findings = InspectionFindingService(  # 督查 findings: through this intake
            store, principal, intake=intake, audit=audit, clock=clock
        )
        self.credit = CreditService(store, principal, audit=audit, clock=clock)  # 失信联合惩戒
        self.video_evidence = CaseVideoEvidence(store, principal, audit=audit, clock=clock)  # 回放 clips
        self.settings.saved.connect(self.live_settings.adopt)  # this workstation at once

    @property
    def reads_district(self) -> bool:
        """The principal reads the district's live picture (units, counts, tracks, alerts): the centre
        and leaders all of it, an office user their office's. A department user works only the cases
        its department holds: the window leaves those parts out rather than ask and be refused."""
        return self.principal.can(Permission.READ_ALL_CASES) or self.principal.can(
            Permission.READ_OFFICE_CASES
        )

    @property
    def database(self) -> str:
        """The database URL as it may be shown (password hidden)."""
        return self._store.url

    def open_change_feed(self) -> ChangeFeed:
        """A new live change feed on this database (not started). Its notices carry case ids only;
        what a desk then reads goes through ``cases.board`` and is scoped."""
        return open_change_feed(self._store)

    def plugin_launcher(self) -> PluginLauncher:
        """What the window loads this seat's plugins with: their tables live in this database, and
        their case rules join this workstation's intake (``case_rules``)."""
        return PluginLauncher(self._store, self.case_rules)

    def health_monitor(
        self, stream_urls: Sequence[str], probe: Callable[[str], bool] | None
    ) -> HealthMonitor:
        return HealthMonitor(self._store, stream_urls, probe)

    def platform_video(self, platforms: Sequence[PlatformSettings]) -> PlatformService | None:
        """The seat's GB/T 28181 platforms (``[[platforms]]``, secrets from the keyring) beside the
        database's cameras, as this principal's camera source with their alarms (``.alarms``); None
        when none is configured."""
        if not platforms:
            return None
        sources = [PlatformSource(platform, platform_secret(platform.name)) for platform in platforms]
        catalog = PlatformCatalog(self.cameras, sources)
        rules = {(p.name, kind): category for p in platforms for kind, category in p.alarm_cases}
        alarms = PlatformAlarmService(
            self._store,
            self.principal,
            catalog,
            rules,
            intake=self._current_intake,
            audit=self.cameras.audit,
            clock=self.cameras.clock,
        )
        return PlatformService(
            self._store, self.principal, catalog, alarms, audit=self.cameras.audit, clock=self.cameras.clock
        )

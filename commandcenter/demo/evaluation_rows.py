"""The demo's 考核 content, so a leader's demo does not open empty windows: every 督查员 of the demo staff in
the inspector pool and this month's 明察 round drawn (from a fixed seed: every demo draws the same
groups), and a transport company's muck truck with three violations confirmed on three closed demo
cases — the default threshold for a plate, so it stands on the 失信 list. Done through the services as
the demo's set-up user (``demo-setup``, a supervisor), so the rows carry their audit entries like any
other; left alone once the pool has anyone in it. No case is filed: the demo's case counts stay what
the generator made."""

from __future__ import annotations

import logging
from datetime import datetime

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import Principal
from commandcenter.credit.record import ViolatorDraft
from commandcenter.district_time import district_clock
from commandcenter.domain.credit import CreditRefused, ViolatorKind
from commandcenter.domain.inspections import InspectionKind
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.inspections.draw import DrawError
from commandcenter.persistence.cases.queries import search_cases
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services

log = logging.getLogger(__name__)

DEMO_SEED = 20261201
SETUP = Principal(0, "demo-setup", "演示数据", UserRole.SUPERVISOR, None)
TRUCK = ViolatorDraft(ViolatorKind.PLATE, "郑州顺达渣土运输有限公司", "豫AD5821")
VIOLATIONS = 3  # the default threshold for a plate: three within twelve months


def ensure_demo_evaluation(store: Store, now: datetime) -> None:
    services = Services(store, SETUP, clock=lambda: now)
    if services.inspections.overview().pool:
        return
    services.inspections.add_all_staff()
    month = district_clock().local(now).strftime("%Y-%m")
    try:
        services.inspections.confirm(services.inspections.preview(month, InspectionKind.OPEN, seed=DEMO_SEED))
    except DrawError as refused:  # a district edited by hand may not allow a draw: the pool is still there
        log.info("demo: no 督查 round drawn (%s)", refused)
    closed = search_cases(store, office_id=None, status=CaseStatus.CLOSED.value, limit=VIOLATIONS)
    for case in closed:
        try:
            services.credit.confirm(case.number, TRUCK, 1, "渣土运输车辆沿途撒漏（演示）")
        except (AccessError, CreditRefused) as refused:
            log.info("demo: no violation on %s (%s)", case.number, refused)

"""A district for the credit record's tests and screenshots: two offices, the muck truck 豫A12345 of
二七区渣土运输公司, and cases to confirm violations on — case ``T000000000001`` became of the truck's
alert (so the case names the plate and the company), the others are plain cases of office 1 or 2.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from commandcenter.accounts.principal import Principal
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.map.models import MapAlert
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role
from commandcenter.testing.indicator_cases import case_row, store_rows, two_office_district
from commandcenter.testing.minimal_district import minimal_district_with_truck

TRUCK_CASE = "T000000000001"


def case_number(case_id: int) -> str:
    return f"T{case_id:012d}"


def load_credit_district(store: Store, received_at: datetime, cases: int = 12) -> None:
    """Two offices and the truck; cases 1…``cases`` (odd ones office 1, even ones office 2)."""
    data = two_office_district()
    truck = minimal_district_with_truck()
    for table in truck:
        if table not in data or table.__tablename__ in ("units", "vehicles"):
            data[table] = truck[table]
    replace_all(store, data)
    rows = [case_row(n, received_at, office_id=1 if n % 2 else 2) for n in range(1, cases + 1)]
    store_rows(store, Case, rows)
    alert = {
        "id": 1,
        "kind": "dumping",
        "unit_id": 2,
        "unit_label": "豫A12345",
        "since": received_at,
        "raised_at": received_at,
        "lon": 113.61,
        "lat": 34.71,
        "text": "渣土车豫A12345重车在工地和消纳场以外停留，疑似偷倒",
        "case_id": 1,
    }
    store_rows(store, MapAlert, [alert])


def credit_services(
    store: Store,
    role: UserRole,
    clock: Callable[[], datetime],
    *,
    office_id: int | None = None,
    username: str | None = None,
) -> Services:
    """A principal's services on a clock the test moves."""
    who: Principal = principal_of_role(role, username=username, office_id=office_id)
    return Services(store, who, clock=clock)
